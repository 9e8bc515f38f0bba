//! The catalogue against `data/kubevirt-feature-gates.tsv`, gate by gate: the
//! data is KubeVirt's, the declarations must say the same.

use std::collections::BTreeSet;

use featuregate::{Arch, Gate, State, Support, registry};
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

#[test]
fn spec_checks_where_kubevirt_has_them() {
    for row in rows() {
        assert_eq!(
            gate(&row).has_used_by(),
            row.has_vmi_spec_used == "yes",
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
