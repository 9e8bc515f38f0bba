//! `Registry::assess` over JUnit files (section 15), files read included:
//! 85 gates (the size of `KubeVirt`'s catalogue) against 10,000 test cases
//! on each of 3 architectures, and against 1,000,000 cases in all. Each
//! iteration builds the `Evidence` from the files on disk (read, parsed,
//! hashed), then assesses it. Memory: the peak resident set of one
//! iteration above what the process held before it (Linux: `VmHWM` after
//! resetting it through `/proc/self/clear_refs`), printed before the timing.
//!
//! Run: `cargo bench -p featuregate --features evidence --bench evidence -- --warm-up-time 1 --measurement-time 3`.

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use featuregate::__private::leaked_gate_with;
use featuregate::evidence::{Evidence, EvidenceMap, EvidencePolicy};
use featuregate::{Arch, Registry, State, Support};

const ARCHS: [Arch; 3] = [Arch::Amd64, Arch::Arm64, Arch::S390x];

/// 85 gates of every state, some Supported, some Unverified, some with
/// nothing declared, as the catalogue has them.
fn registry() -> Registry {
    let states = [State::Alpha, State::Beta, State::Ga, State::Deprecated];
    let gates = (0..85).map(|i| {
        let support: &[(Arch, Support)] = match i % 3 {
            0 => &[
                (Arch::Amd64, Support::Supported),
                (Arch::Arm64, Support::Unverified),
            ],
            1 => &[(Arch::Arm64, Support::Supported)],
            _ => &[],
        };
        leaked_gate_with(&format!("BenchGate{i:02}"), states[i % 4], support, &[])
    });
    Registry::new(gates).expect("distinct names")
}

/// One Ginkgo-style file of `cases` test cases: tests of 20 runs each,
/// tagged with one of the 85 gates (one test in 35 with a typo, for
/// the warnings; six in 35 untagged, for the map), one run in 50 failing.
fn junit(cases: usize) -> String {
    let mut xml = String::with_capacity(cases * 150);
    xml.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
    xml.push_str("<testsuite name=\"e2e\" timestamp=\"2026-03-01T02:00:00\">\n");
    for case in 0..cases {
        let test = case / 20;
        let gate = test % 85;
        let tag = match test % 35 {
            7 => format!(" [FeatureGate:BenchGaet{gate:02}]"),
            5 | 10 | 15 | 20 | 25 | 30 => String::new(),
            _ => format!(" [FeatureGate:BenchGate{gate:02}]"),
        };
        let _ = write!(
            xml,
            "<testcase name=\"[It] [sig-compute] area {gate} does thing {test}{tag} [sig-compute]\" classname=\"e2e\" status=\""
        );
        if case % 50 == 49 {
            xml.push_str("failed\"><failure message=\"Timed out after 300s\" type=\"failed\">x_test.go:12</failure></testcase>\n");
        } else {
            xml.push_str("passed\"></testcase>\n");
        }
    }
    xml.push_str("</testsuite>\n</testsuites>\n");
    xml
}

/// The map: untagged tests of an area map to that area's gate.
fn map() -> EvidenceMap {
    let mut rules = String::new();
    for i in 0..85 {
        let _ = writeln!(rules, "e2e::*area {i} does* => BenchGate{i:02}");
    }
    EvidenceMap::parse(&rules).expect("rules")
}

/// Writes one file of `cases` cases per architecture: their paths.
fn files(dir: &Path, cases: usize) -> Vec<(Arch, PathBuf)> {
    ARCHS
        .iter()
        .map(|&arch| {
            let path = dir.join(format!("{arch}-{cases}.xml"));
            // Each architecture's file differs (a comment), so none is a duplicate.
            std::fs::write(&path, format!("<!-- {arch} -->\n{}", junit(cases))).expect("write");
            (arch, path)
        })
        .collect()
}

fn read(map: &EvidenceMap, files: &[(Arch, PathBuf)]) -> Evidence {
    let mut evidence = Evidence::new().with_map(map.clone());
    for (arch, path) in files {
        evidence.add_path(*arch, path).expect("readable evidence");
    }
    evidence
}

fn assess(registry: &Registry, map: &EvidenceMap, files: &[(Arch, PathBuf)]) -> usize {
    let evidence = read(map, files);
    let assessment = registry.assess(&evidence, &EvidencePolicy::default());
    assessment.findings().len() + assessment.warnings().len()
}

/// A field of `/proc/self/status` in kB (`VmHWM`, `VmRSS`), where there is one.
fn status_kb(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// This process's CPU time (user and system) in clock ticks of 10 ms, from
/// `/proc/self/stat`: on a shared machine, what the work cost whatever the load.
fn cpu_ticks() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command's closing parenthesis; utime and stime are the 12th and 13th.
    let rest = &stat[stat.rfind(')')? + 2..];
    let mut fields = rest.split_whitespace().skip(11);
    let user: u64 = fields.next()?.parse().ok()?;
    let system: u64 = fields.next()?.parse().ok()?;
    Some(user + system)
}

/// Runs one iteration outside criterion: its time and its peak RSS above
/// the RSS before it.
fn measure_once(label: &str, registry: &Registry, map: &EvidenceMap, files: &[(Arch, PathBuf)]) {
    let reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
    let before = status_kb("VmRSS:");
    let bytes: u64 = files
        .iter()
        .map(|(_, p)| std::fs::metadata(p).map_or(0, |m| m.len()))
        .sum();
    let cpu_before = cpu_ticks();
    let start = Instant::now();
    let evidence = read(map, files);
    let read_time = start.elapsed();
    let assessment = registry.assess(&evidence, &EvidencePolicy::default());
    black_box(assessment.findings().len());
    let elapsed = start.elapsed();
    let cpu_ms = cpu_ticks()
        .zip(cpu_before)
        .map_or(0, |(after, before)| (after - before) * 10);
    drop((assessment, evidence));
    let peak = status_kb("VmHWM:");
    match (reset, before, peak) {
        (true, Some(before), Some(peak)) => eprintln!(
            "{label}: {} kB of XML, one iteration {elapsed:?} (reading {read_time:?}; {cpu_ms} ms of CPU), peak RSS {} kB above the {} kB before",
            bytes / 1000,
            peak.saturating_sub(before),
            before
        ),
        _ => eprintln!(
            "{label}: one iteration {elapsed:?} (reading {read_time:?}; no /proc: memory not measured)"
        ),
    }
}

fn bench(c: &mut Criterion) {
    let registry = registry();
    let map = map();
    let dir = tempfile::tempdir().expect("temp dir");
    let small = files(dir.path(), 10_000);
    let large = files(dir.path(), 333_334);
    measure_once("85 gates x 10,000 cases x 3 archs", &registry, &map, &small);
    measure_once(
        "85 gates x 1,000,000 cases (3 archs)",
        &registry,
        &map,
        &large,
    );

    let mut group = c.benchmark_group("assess (85 gates)");
    group.bench_function("10,000 cases x 3 archs, files read", |b| {
        b.iter(|| assess(&registry, &map, black_box(&small)));
    });
    group.sample_size(10);
    group.bench_function("1,000,000 cases, files read", |b| {
        b.iter(|| assess(&registry, &map, black_box(&large)));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
