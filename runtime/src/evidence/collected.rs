//! [`Evidence`]: the test results read so far, per architecture and test,
//! each file counted once by its content.

use std::collections::hash_map::{Entry, RandomState};
use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::Read;
use std::path::Path;

use super::error::{self, EvidenceError, Problem};
use super::junit::{self, Day, MAX_EVIDENCE_BYTES, Outcome};
use super::map::EvidenceMap;
use crate::Arch;

/// JUnit results per architecture, ready for
/// [`Registry::assess`](crate::Registry::assess).
///
/// Each file is one CI run on one architecture; the architecture comes from
/// the caller (KubeVirt's lanes are per architecture, and its report names
/// none). A case that passed, failed or errored is a run; a skipped one is
/// none; one that passed only on a retry the file records
/// (`flakyFailure`, `flakyError`, `rerunFailure`, `rerunError`) is a
/// failure. A test is its `classname` and name joined by `::` (the name
/// alone without a `classname`), Ginkgo's trailing label list removed; its
/// runs add up over every file of the architecture. The same content given
/// twice for one architecture counts once (a keyed 64-bit hash of the bytes
/// and their length).
///
/// ```
/// use featuregate::Arch;
/// use featuregate::evidence::Evidence;
///
/// let junit = r#"<testsuite name="functests" timestamp="2026-03-01T10:00:00">
///   <testcase classname="Kubevirt Suite" name="[It] boots [FeatureGate:ImageVolume]"/>
/// </testsuite>"#;
/// let mut evidence = Evidence::new();
/// evidence.add_junit(Arch::Arm64, junit.as_bytes()).unwrap();
/// evidence.add_junit(Arch::Arm64, junit.as_bytes()).unwrap(); // the same file: counted once
/// assert_eq!(evidence.archs(), [Arch::Arm64]);
/// assert_eq!(evidence.files(), 1);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Evidence {
    map: EvidenceMap,
    since: Option<Day>,
    hasher: RandomState,
    seen: HashSet<(Arch, u64, u64)>,
    tests: [HashMap<Box<str>, Test>; Arch::ALL.len()],
    tags: Vec<Box<str>>,
    tag_ids: HashMap<Box<str>, u32>,
    failures: u64,
    files: usize,
    duplicates: usize,
    undated: usize,
}

/// One test on one architecture: its runs and passes, the tags its name
/// carries (ids into the evidence's tag names) and its latest failure.
#[derive(Debug, Clone, Default)]
pub(super) struct Test {
    pub(super) runs: usize,
    pub(super) passes: usize,
    pub(super) tags: Box<[u32]>,
    /// The failure's sequence number (later is larger) and its message,
    /// already quoted.
    pub(super) last_failure: Option<(u64, Box<str>)>,
}

/// A file's cases before it is known not to be a duplicate.
#[derive(Default)]
struct Staged {
    runs: usize,
    passes: usize,
    tags: Vec<String>,
    last_failure: Option<(u64, String)>,
}

impl Evidence {
    /// No evidence yet.
    #[must_use]
    pub fn new() -> Evidence {
        Evidence::default()
    }

    /// The rules that map untagged tests to gates (applied when the
    /// evidence is assessed, so to every file, read before or after).
    #[must_use]
    pub fn with_map(mut self, map: EvidenceMap) -> Evidence {
        self.map = map;
        self
    }

    /// Keeps only suites whose `timestamp` is on or after `date`
    /// (`YYYY-MM-DD`), so old passes cannot hide a recent regression. A
    /// suite without a timestamp is left out too (it cannot show it is
    /// recent), and counted ([`Evidence::undated`]). Set it before adding
    /// files: once a file was read, `since` is an error (those files keep
    /// every suite, and an old pass must not slip through unfiltered).
    pub fn since(mut self, date: &str) -> Result<Evidence, EvidenceError> {
        if !self.seen.is_empty() {
            return Err(EvidenceError::new("since", Problem::SinceLate));
        }
        let day = junit::day(date.trim()).filter(|_| date.trim().len() == 10);
        match day {
            Some(day) => {
                self.since = Some(day);
                Ok(self)
            }
            None => Err(EvidenceError::new(
                "--since",
                Problem::Date {
                    text: error::name(date),
                },
            )),
        }
    }

    /// Reads one JUnit XML file of a run on `arch`. A file over
    /// [`MAX_EVIDENCE_BYTES`] is refused once that many bytes were read;
    /// an error leaves the evidence as it was.
    pub fn add_junit(&mut self, arch: Arch, input: impl Read) -> Result<(), EvidenceError> {
        self.add_labelled(arch, "<reader>", input)
    }

    /// Reads the JUnit file at `path` for `arch`, or every `*.xml` file
    /// of the directory at `path` (in name order, not recursing). A file
    /// over [`MAX_EVIDENCE_BYTES`] is refused before it is read, so is
    /// anything but a regular file (a FIFO, a device). A file that fails
    /// leaves the evidence as it was; in a directory, the files before it
    /// (in name order) stay read.
    pub fn add_path(&mut self, arch: Arch, path: impl AsRef<Path>) -> Result<(), EvidenceError> {
        let path = path.as_ref();
        let label = path.to_string_lossy();
        let meta = fs::metadata(path).map_err(|e| EvidenceError::io(&label, e))?;
        if meta.is_dir() {
            let mut files = Vec::new();
            for entry in fs::read_dir(path).map_err(|e| EvidenceError::io(&label, e))? {
                let entry = entry.map_err(|e| EvidenceError::io(&label, e))?;
                let file = entry.path();
                if file.extension().is_some_and(|x| x == "xml") {
                    files.push(file);
                }
            }
            if files.is_empty() {
                return Err(EvidenceError::new(&label, Problem::NoXml));
            }
            files.sort();
            for file in files {
                self.add_file(arch, &file)?;
            }
            return Ok(());
        }
        self.add_file(arch, path)
    }

    fn add_file(&mut self, arch: Arch, path: &Path) -> Result<(), EvidenceError> {
        let label = path.to_string_lossy();
        let meta = fs::metadata(path).map_err(|e| EvidenceError::io(&label, e))?;
        if !meta.is_file() {
            return Err(EvidenceError::new(&label, Problem::NotAFile));
        }
        if meta.len() > MAX_EVIDENCE_BYTES {
            return Err(EvidenceError::new(
                &label,
                Problem::TooLarge {
                    limit: MAX_EVIDENCE_BYTES,
                },
            ));
        }
        let file = fs::File::open(path).map_err(|e| EvidenceError::io(&label, e))?;
        self.add_labelled(arch, &label, file)
    }

    fn add_labelled(
        &mut self,
        arch: Arch,
        label: &str,
        input: impl Read,
    ) -> Result<(), EvidenceError> {
        let mut staged: HashMap<String, Staged> = HashMap::new();
        let mut sequence = self.failures;
        let (digest, undated) = junit::read(label, input, &self.hasher, self.since, |case| {
            let test = match staged.get_mut(case.key) {
                Some(test) => test,
                None => staged.entry(case.key.to_owned()).or_insert_with(|| Staged {
                    tags: case.tags.to_vec(),
                    ..Staged::default()
                }),
            };
            match case.outcome {
                Outcome::Passed => {
                    test.runs += 1;
                    test.passes += 1;
                }
                Outcome::Failed => {
                    test.runs += 1;
                    sequence += 1;
                    test.last_failure = Some((sequence, case.message.to_owned()));
                }
                Outcome::Skipped => {}
            }
        })?;
        if !self.seen.insert((arch, digest.hash, digest.len)) {
            self.duplicates += 1;
            return Ok(());
        }
        self.files += 1;
        self.failures = sequence;
        self.undated += undated;
        let tests = &mut self.tests[arch.index()];
        for (key, staged) in staged {
            let test = match tests.entry(key.into_boxed_str()) {
                Entry::Occupied(e) => e.into_mut(),
                Entry::Vacant(e) => {
                    let tags = staged
                        .tags
                        .iter()
                        .map(|t| intern(&mut self.tags, &mut self.tag_ids, t))
                        .collect();
                    e.insert(Test {
                        tags,
                        ..Test::default()
                    })
                }
            };
            test.runs += staged.runs;
            test.passes += staged.passes;
            if let Some((seq, message)) = staged.last_failure {
                test.last_failure = Some((seq, message.into_boxed_str()));
            }
        }
        Ok(())
    }

    /// The architectures with at least one file, in [`Arch`] order: the
    /// only ones an assessment judges.
    #[must_use]
    pub fn archs(&self) -> Vec<Arch> {
        Arch::ALL.into_iter().filter(|a| self.covers(*a)).collect()
    }

    /// Whether at least one file was read for `arch`.
    #[must_use]
    pub fn covers(&self, arch: Arch) -> bool {
        self.seen.iter().any(|(a, _, _)| *a == arch)
    }

    /// How many distinct files were read.
    #[must_use]
    pub fn files(&self) -> usize {
        self.files
    }

    /// How many files were given again (the same content for the same
    /// architecture) and not counted.
    #[must_use]
    pub fn duplicates(&self) -> usize {
        self.duplicates
    }

    /// How many test cases [`Evidence::since`] left out because their suite
    /// had no timestamp.
    #[must_use]
    pub fn undated(&self) -> usize {
        self.undated
    }

    /// How many distinct tests were read on `arch`.
    #[must_use]
    pub fn tests(&self, arch: Arch) -> usize {
        self.tests[arch.index()].len()
    }

    pub(super) fn map(&self) -> &EvidenceMap {
        &self.map
    }

    pub(super) fn tag_names(&self) -> &[Box<str>] {
        &self.tags
    }

    pub(super) fn tests_on(&self, arch: Arch) -> impl Iterator<Item = (&str, &Test)> {
        self.tests[arch.index()].iter().map(|(k, t)| (&**k, t))
    }
}

fn intern(tags: &mut Vec<Box<str>>, ids: &mut HashMap<Box<str>, u32>, name: &str) -> u32 {
    if let Some(&id) = ids.get(name) {
        return id;
    }
    let id = u32::try_from(tags.len()).unwrap_or(u32::MAX);
    tags.push(name.into());
    ids.insert(name.into(), id);
    id
}
