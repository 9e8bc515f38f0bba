//! The catalogue against `data/kubevirt-feature-gates.tsv`, gate by gate: the
//! data is KubeVirt's, the declarations must say the same.

use std::collections::BTreeSet;

use featuregate::{Arch, Gate, LifecyclePolicy, Remedy, State, Support, Version, registry};
// The gates register themselves when the library is linked.
use kubevirt_gates as _;

const DATA: &str = include_str!("../data/kubevirt-feature-gates.tsv");

/// One line of the data, by column.
struct Row<'a> {
    name: &'a str,
    state: &'a str,
    group: &'a str,
    has_vmi_spec_used: &'a str,
    amd64: &'a str,
    arm64: &'a str,
    s390x: &'a str,
    note: &'a str,
    arch_source: &'a str,
    requires: &'a str,
}

impl<'a> Row<'a> {
    /// The support column of `arch`; the data has three.
    fn support(&self, arch: Arch) -> Option<&'a str> {
        match arch {
            Arch::Amd64 => Some(self.amd64),
            Arch::Arm64 => Some(self.arm64),
            Arch::S390x => Some(self.s390x),
            _ => None,
        }
    }

    /// The parts of the note: `key: value` entries separated by `;`.
    fn note_part(&self, key: &str) -> Option<&'a str> {
        self.note
            .split(';')
            .map(str::trim)
            .find_map(|part| part.strip_prefix(key))
            .map(str::trim)
    }

    /// The version of the current state in `lifecycle(comment): Alpha v1.6.0, Beta v1.10.0`.
    fn since(&self) -> Option<&'a str> {
        self.note_part("lifecycle(comment):")?
            .split(',')
            .find_map(|entry| {
                let (state, version) = entry.trim().split_once(' ')?;
                (state == self.state).then_some(version)
            })
    }

    /// The note's `message:`, unless it is KubeVirt's default pattern.
    fn message(&self) -> Option<&'a str> {
        self.note_part("message:")
            .filter(|m| *m != "default WarningPattern")
    }

    /// The `requires` column: gate names separated by `,`, in order.
    fn requires(&self) -> Vec<&'a str> {
        self.requires
            .split(',')
            .map(str::trim)
            .filter(|name| !name.is_empty())
            .collect()
    }

    /// The arm64 reason of the user guide's table: what follows ` - `.
    fn arm64_reason(&self) -> Option<&'a str> {
        self.arch_source.split_once(" - ").map(|(_, reason)| reason)
    }
}

/// The data's rows, read by the header's column names (tab-separated, no quoting).
fn rows() -> Vec<Row<'static>> {
    let mut lines = DATA.lines();
    let header: Vec<&str> = lines.next().expect("a header line").split('\t').collect();
    let column = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    };
    let [
        name,
        state,
        group,
        used,
        amd64,
        arm64,
        s390x,
        note,
        arch_source,
        requires,
    ] = [
        "name",
        "state",
        "group",
        "has_vmi_spec_used",
        "amd64",
        "arm64",
        "s390x",
        "note",
        "arch_source",
        "requires",
    ]
    .map(column);
    lines
        .filter(|line| !line.is_empty())
        .map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            assert_eq!(cells.len(), header.len(), "wrong number of cells: {line}");
            Row {
                name: cells[name],
                state: cells[state],
                group: cells[group],
                has_vmi_spec_used: cells[used],
                amd64: cells[amd64],
                arm64: cells[arm64],
                s390x: cells[s390x],
                note: cells[note],
                arch_source: cells[arch_source],
                requires: cells[requires],
            }
        })
        .collect()
}

fn gate(row: &Row<'_>) -> &'static Gate {
    registry()
        .get(row.name)
        .unwrap_or_else(|| panic!("{} is not declared", row.name))
}

/// KubeVirt's message for a gate whose note gives the default pattern.
fn standard_message(name: &str, state: State) -> String {
    match state {
        State::Alpha | State::Beta => {
            format!("feature gate {name} is active (feature state is \"{state}\")")
        }
        State::Ga => format!(
            "feature gate {name} is deprecated (feature state is \"General Availability\"), \
             therefore it can be safely removed and is redundant."
        ),
        State::Deprecated | State::Discontinued => format!(
            "feature gate {name} is deprecated (feature state is \"{state}\"), \
             therefore it can be safely removed and is redundant."
        ),
    }
}

#[test]
fn same_names() {
    let data: BTreeSet<&str> = rows().iter().map(|row| row.name).collect();
    let declared: BTreeSet<&str> = registry().iter().map(Gate::name).collect();
    assert_eq!(data.len(), 85);
    assert_eq!(declared, data);
}

#[test]
fn same_states() {
    for row in rows() {
        let state: State = row.state.parse().unwrap();
        assert_eq!(gate(&row).state(), state, "{}", row.name);
    }
}

#[test]
fn owners_are_the_group_column() {
    for row in rows() {
        let owner = Some(row.group).filter(|g| !g.is_empty());
        assert_eq!(gate(&row).owner(), owner, "{}", row.name);
    }
}

#[test]
fn since_is_the_current_state_s_release() {
    for row in rows() {
        assert_eq!(gate(&row).since(), row.since(), "{}", row.name);
    }
}

#[test]
fn messages_are_kubevirt_s() {
    for row in rows() {
        let gate = gate(&row);
        match row.message() {
            Some(message) => assert_eq!(gate.message(), message, "{}", row.name),
            None => assert_eq!(
                gate.message(),
                standard_message(row.name, gate.state()),
                "{}",
                row.name
            ),
        }
    }
}

#[test]
fn support_per_architecture() {
    for row in rows() {
        let gate = gate(&row);
        for arch in Arch::ALL {
            let expected = match row.support(arch) {
                None | Some("") => None,
                Some(cell) => Some(cell.parse::<Support>().unwrap()),
            };
            assert_eq!(gate.support(arch), expected, "{} on {arch}", row.name);
        }
    }
}

#[test]
fn arm64_reasons_are_the_user_guide_s() {
    let mut reasons = 0;
    for row in rows() {
        if let Some(reason) = row.arm64_reason() {
            assert_eq!(gate(&row).reason(Arch::Arm64), Some(reason), "{}", row.name);
            reasons += 1;
        }
    }
    assert_eq!(reasons, 12, "the data has 12 arm64 notes with a reason");
}

#[test]
fn every_gate_is_described_and_reasons_only_where_specified() {
    for gate in registry().iter() {
        assert!(
            gate.description().is_some_and(|d| !d.is_empty()),
            "{gate} has no description"
        );
        for arch in Arch::ALL {
            if gate.reason(arch).is_some() {
                assert!(
                    gate.support(arch).is_some(),
                    "{gate} gives a reason for an unspecified {arch}"
                );
            }
        }
    }
}

/// Gates KubeVirt checks against a VMI in its admitter by a check of its
/// own rather than a `VmiSpecUsed` predicate (the data's column): the
/// example gives them a `used_by` too, so admission can place their specs.
const ADMITTER_CHECKS: [&str; 1] = ["WorkloadEncryptionSEV"];

#[test]
fn spec_checks_where_kubevirt_has_them() {
    for row in rows() {
        assert_eq!(
            gate(&row).has_used_by(),
            row.has_vmi_spec_used == "yes" || ADMITTER_CHECKS.contains(&row.name),
            "{}",
            row.name
        );
    }
}

/// The data's cell for `arch`, or empty where the data has no column for it.
fn cell(row: &Row<'_>, arch: Arch) -> &'static str {
    match row.support(arch) {
        Some(support) if !support.is_empty() => Support::ALL
            .into_iter()
            .find(|s| s.as_str() == support)
            .unwrap_or_else(|| panic!("{}: unknown support {support}", row.name))
            .as_str(),
        _ => "",
    }
}

#[test]
fn matrix_csv_agrees_with_the_data() {
    let csv = registry().matrix().to_csv();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("name,state,amd64,arm64,s390x,ppc64le,riscv64")
    );
    let by_name: std::collections::HashMap<&str, Vec<&str>> = lines
        .map(|line| {
            let cells: Vec<&str> = line.split(',').collect();
            (cells[0], cells)
        })
        .collect();
    let rows = rows();
    assert_eq!(by_name.len(), rows.len());
    for row in &rows {
        let cells = &by_name[row.name];
        assert_eq!(cells[1], row.state, "{}: state", row.name);
        for (i, arch) in Arch::ALL.into_iter().enumerate() {
            assert_eq!(cells[2 + i], cell(row, arch), "{} on {arch}", row.name);
        }
    }
}

#[test]
fn matrix_json_agrees_with_the_data() {
    let json: serde_json::Value =
        serde_json::from_str(&registry().matrix().to_json()).expect("the matrix as JSON");
    let gates = json.as_array().expect("an array of gates");
    let rows = rows();
    assert_eq!(gates.len(), rows.len());
    for row in &rows {
        let gate = gates
            .iter()
            .find(|g| g["name"] == row.name)
            .unwrap_or_else(|| panic!("{} is not in the JSON", row.name));
        assert_eq!(gate["state"], row.state, "{}: state", row.name);
        for arch in Arch::ALL {
            let expected = match cell(row, arch) {
                "" => serde_json::Value::Null,
                support => serde_json::Value::from(support),
            };
            assert_eq!(gate[arch.as_str()], expected, "{} on {arch}", row.name);
        }
        if let Some(reason) = row.arm64_reason() {
            assert_eq!(
                gate["reasons"]["arm64"], reason,
                "{}: arm64 reason",
                row.name
            );
        }
    }
}

#[test]
fn matrix_text_agrees_with_the_data() {
    let text = registry().matrix().to_string();
    let rows = rows();
    for row in &rows {
        let line = text
            .lines()
            .find(|l| l.split_whitespace().next() == Some(row.name))
            .unwrap_or_else(|| panic!("{} is not in the table", row.name));
        let cells: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(cells[1], row.state, "{}: state", row.name);
        for (i, arch) in Arch::ALL.into_iter().enumerate() {
            let expected = match cell(row, arch) {
                "" => "-",
                support => support,
            };
            assert_eq!(cells[2 + i], expected, "{} on {arch}", row.name);
        }
    }
}

#[test]
fn requirements_are_the_data_s() {
    let mut declared = 0;
    for row in rows() {
        let requires: Vec<&str> = gate(&row).requires().map(Gate::name).collect();
        assert_eq!(requires, row.requires(), "{}", row.name);
        declared += requires.len();
        // And the other way round: each requirement knows who needs it.
        for name in row.requires() {
            let needed = registry().get(name).unwrap();
            assert!(
                registry().required_by(needed).any(|g| g.name() == row.name),
                "{name} is not required by {}",
                row.name
            );
        }
    }
    assert_eq!(declared, 3, "the data has three requirements");
}

impl Row<'_> {
    /// The note's `lifecycle(comment)`: each stage and its release, in
    /// order; empty where the note has none or gives no stage
    /// ("Introduced v1.3.0").
    fn history(&self) -> Vec<(State, Version)> {
        let Some(lifecycle) = self.note_part("lifecycle(comment):") else {
            return Vec::new();
        };
        lifecycle
            .split(',')
            .filter_map(|entry| {
                let (state, version) = entry.trim().split_once(' ')?;
                Some((state.parse().ok()?, version.parse().unwrap()))
            })
            .collect()
    }
}

#[test]
fn histories_are_the_data_s() {
    let (mut notes, mut histories) = (0, 0);
    for row in rows() {
        notes += usize::from(row.note_part("lifecycle(comment):").is_some());
        let history: Vec<(State, Version)> = gate(&row).history().collect();
        assert_eq!(history, row.history(), "{}", row.name);
        histories += usize::from(!history.is_empty());
    }
    // Two notes say only "Introduced v1.3.0": no stage, no history.
    assert_eq!((notes, histories), (59, 57));
}

/// Three gates whose notes give every stage they went through.
#[test]
fn state_at_before_between_and_after_the_stages() {
    let v = |s: &str| s.parse::<Version>().unwrap();
    let cases = [
        // (gate, [(version, expected state)])
        (
            "PanicDevices",
            [
                ("v1.5.9", None),
                ("v1.6.0", Some(State::Alpha)),
                ("v1.6.3", Some(State::Alpha)),
                ("v1.7.0", Some(State::Beta)),
                ("v1.8.5", Some(State::Beta)),
                ("v1.9.0", Some(State::Ga)),
                ("v2.0.0", Some(State::Ga)),
            ],
        ),
        (
            "LibvirtHooksServerAndClient",
            [
                ("v1.7.0", None),
                ("v1.8.0", Some(State::Alpha)),
                ("v1.8.9", Some(State::Alpha)),
                ("v1.9.0", Some(State::Beta)),
                ("v1.9.4", Some(State::Beta)),
                ("v1.10.0", Some(State::Ga)),
                ("v1.11.0", Some(State::Ga)),
            ],
        ),
        (
            "CommonInstancetypesDeploymentGate",
            [
                ("v1.0.0", None),
                ("v1.1.0", Some(State::Alpha)),
                ("v1.1.1", Some(State::Alpha)),
                ("v1.2.0", Some(State::Beta)),
                ("v1.3.0", Some(State::Beta)),
                ("v1.4.0", Some(State::Ga)),
                ("v1.10.0", Some(State::Ga)),
            ],
        ),
    ];
    let rows = rows();
    for (name, expected) in cases {
        let gate = registry().get(name).unwrap();
        // The expectations follow the data's note, which gives all three stages.
        let row = rows.iter().find(|row| row.name == name).unwrap();
        let stages: Vec<State> = row.history().into_iter().map(|(state, _)| state).collect();
        assert_eq!(stages, [State::Alpha, State::Beta, State::Ga], "{name}");
        for (version, state) in expected {
            assert_eq!(gate.state_at(v(version)), state, "{name} at {version}");
        }
    }
    // No history: the gate's state at every version.
    let migration = registry().get("VolumeMigration").unwrap();
    assert_eq!(migration.state_at(v("v0.1")), Some(State::Ga));
}

/// What KubeVirt's policy says of a row at `current`, from the data alone:
/// the version of the row's current stage, and whether it is past the limit.
fn overstays(row: &Row<'_>, current: Version) -> Option<Version> {
    let state: State = row.state.parse().unwrap();
    let limit = match state {
        State::Alpha => 2,
        State::Beta => 3,
        State::Deprecated => 1,
        State::Ga | State::Discontinued => return None,
    };
    let since = row
        .history()
        .into_iter()
        .rev()
        .find(|&(stage, _)| stage == state)?
        .1;
    let past = current.major > since.major
        || (current.major == since.major && current.minor > since.minor + limit);
    past.then_some(since)
}

#[test]
fn lint_at_two_releases_agrees_with_the_data() {
    let policy = LifecyclePolicy::default();
    for current in ["v1.10.0", "v1.12.0"] {
        let current: Version = current.parse().unwrap();
        let findings = registry().lint(current, &policy);
        let found: Vec<(&str, State, Version)> = findings
            .iter()
            .map(|f| (f.gate.name(), f.state, f.since))
            .collect();
        let mut expected: Vec<(&str, State, Version)> = rows()
            .iter()
            .filter_map(|row| {
                overstays(row, current).map(|since| (row.name, row.state.parse().unwrap(), since))
            })
            .collect();
        expected.sort_unstable();
        assert_eq!(found, expected, "at {current}");
        for finding in &findings {
            let remedy = match finding.state {
                State::Deprecated => Remedy::Discontinue,
                _ => Remedy::GraduateOrRemove,
            };
            assert_eq!(finding.remedy, remedy, "{}", finding.gate);
        }
    }
    // Pinned from the notes: IncrementalBackup is Alpha since v1.6.0 (4
    // releases at v1.10.0, the policy allows 2); ImageVolume Beta since
    // v1.7.0 (3 releases, allowed) until v1.11.0.
    let at = |version: &str| -> Vec<String> {
        registry()
            .lint(version.parse().unwrap(), &policy)
            .iter()
            .map(ToString::to_string)
            .collect()
    };
    let v1_10 = at("v1.10.0");
    assert!(v1_10.contains(&"feature gate IncrementalBackup has been Alpha since v1.6.0 (4 releases; the policy allows 2 releases): graduate or remove it".to_owned()), "{v1_10:#?}");
    assert!(
        !v1_10.iter().any(|f| f.contains(" ImageVolume ")),
        "{v1_10:#?}"
    );
    let v1_12 = at("v1.12.0");
    assert!(v1_12.contains(&"feature gate ImageVolume has been Beta since v1.7.0 (5 releases; the policy allows 3 releases): graduate or remove it".to_owned()), "{v1_12:#?}");
    assert!(v1_12.contains(&"feature gate DisableMDEVConfiguration has been Deprecated since v1.8.0 (4 releases; the policy allows 1 release): discontinue it".to_owned()), "{v1_12:#?}");
}
