//! The matrix, coverage and parity reports over a registry of known gates, in
//! every form.

use featuregate::report::Color;
use featuregate::{Arch, FeatureGate, Registry, Report, Status, Support, feature_gate, registry};

/// Lets a VM use a container image as a volume.
#[feature_gate(state = Beta, amd64 = Supported, arm64 = Unverified("no CI runner yet"), s390x = Unverified)]
struct ImageVolume;

/// Encrypts guest memory with AMD SEV.
#[feature_gate(name = "WorkloadEncryptionSEV", state = Alpha,
               amd64 = Supported, arm64 = Unsupported("AMD SEV | x86 only"), s390x = Unsupported)]
struct WorkloadEncryptionSev;

/// Grows disks to their image's size.
#[feature_gate(state = Alpha)]
struct ExpandDisks;

/// Takes VM snapshots.
#[feature_gate(state = GA, others = Supported)]
struct Snapshot;

/// Moves running VMs between nodes.
#[feature_gate(state = Deprecated, amd64 = Supported, s390x = Pending("needs CDI, \"soon\""), riscv64 = Supported)]
struct LiveMigration;

const TEXT: &str = "\
name                   state       amd64      arm64        s390x        ppc64le    riscv64
ExpandDisks            Alpha       -          -            -            -          -
ImageVolume            Beta        Supported  Unverified   Unverified   -          -
LiveMigration          Deprecated  Supported  -            Pending      -          Supported
Snapshot               GA          Supported  Supported    Supported    Supported  Supported
WorkloadEncryptionSEV  Alpha       Supported  Unsupported  Unsupported  -          -
";

#[test]
fn text_table_is_aligned_and_plain() {
    let matrix = registry().matrix();
    assert_eq!(matrix.len(), 5);
    assert_eq!(matrix.to_string(), TEXT);
    assert_eq!(matrix.to_text(Color::Never), TEXT);
}

#[test]
fn coloured_text_differs_only_by_escapes() {
    let coloured = registry().matrix().to_text(Color::Always);
    assert!(coloured.contains("\x1b[32mSupported\x1b[0m"));
    assert!(coloured.contains("\x1b[33mPending\x1b[0m"));
    assert!(coloured.contains("\x1b[36mUnverified\x1b[0m"));
    assert!(coloured.contains("\x1b[31mUnsupported\x1b[0m"));
    let stripped = coloured
        .replace("\x1b[0m", "")
        .replace("\x1b[32m", "")
        .replace("\x1b[33m", "");
    let stripped = stripped.replace("\x1b[36m", "").replace("\x1b[31m", "");
    assert_eq!(stripped, TEXT);
}

#[test]
fn csv_has_the_fixed_header_and_empty_unspecified_cells() {
    assert_eq!(
        registry().matrix().to_csv(),
        "name,state,amd64,arm64,s390x,ppc64le,riscv64\n\
         ExpandDisks,Alpha,,,,,\n\
         ImageVolume,Beta,Supported,Unverified,Unverified,,\n\
         LiveMigration,Deprecated,Supported,,Pending,,Supported\n\
         Snapshot,GA,Supported,Supported,Supported,Supported,Supported\n\
         WorkloadEncryptionSEV,Alpha,Supported,Unsupported,Unsupported,,\n"
    );
}

#[test]
fn markdown_has_notes_with_reasons() {
    let md = registry().matrix().to_markdown();
    let expected = "\
| name                  | state      | amd64     | arm64       | s390x       | ppc64le   | riscv64   |
|-----------------------|------------|-----------|-------------|-------------|-----------|-----------|
| ExpandDisks           | Alpha      | -         | -           | -           | -         | -         |
| ImageVolume           | Beta       | Supported | Unverified  | Unverified  | -         | -         |
| LiveMigration         | Deprecated | Supported | -           | Pending     | -         | Supported |
| Snapshot              | GA         | Supported | Supported   | Supported   | Supported | Supported |
| WorkloadEncryptionSEV | Alpha      | Supported | Unsupported | Unsupported | -         | -         |

Notes:

- ImageVolume on arm64 (Unverified): no CI runner yet
- LiveMigration on s390x (Pending): needs CDI, \"soon\"
- WorkloadEncryptionSEV on arm64 (Unsupported): AMD SEV \\| x86 only
";
    assert_eq!(md, expected);
}

#[cfg(feature = "serde")]
#[test]
fn json_cells_are_spellings_or_null_with_reasons() {
    let json: serde_json::Value = serde_json::from_str(&registry().matrix().to_json()).unwrap();
    let rows = json.as_array().unwrap();
    assert_eq!(rows.len(), 5);
    let image = &rows[1];
    assert_eq!(image["name"], "ImageVolume");
    assert_eq!(image["state"], "Beta");
    assert_eq!(image["amd64"], "Supported");
    assert_eq!(image["arm64"], "Unverified");
    assert!(image["ppc64le"].is_null());
    assert_eq!(image["reasons"]["arm64"], "no CI runner yet");
    assert!(image["reasons"].get("amd64").is_none());
    assert_eq!(rows[3]["state"], "GA");
    // Serialize gives the same document.
    assert_eq!(serde_json::to_value(registry().matrix()).unwrap(), json);
}

#[test]
fn matrix_of_a_subset_and_of_nothing() {
    let private = Registry::new([Snapshot::GATE]).unwrap();
    assert_eq!(private.matrix().gates(), [Snapshot::GATE]);
    let mut matrix = registry().matrix();
    matrix.retain(|g| g.support(Arch::Arm64) == Some(Support::Supported));
    assert_eq!(matrix.gates(), [Snapshot::GATE]);

    let empty = Registry::new([]).unwrap();
    assert_eq!(
        empty.matrix().to_csv(),
        "name,state,amd64,arm64,s390x,ppc64le,riscv64\n"
    );
    assert_eq!(empty.matrix().to_string().lines().count(), 1);
    assert!(!empty.matrix().to_markdown().contains("Notes"));
    #[cfg(feature = "serde")]
    assert_eq!(empty.matrix().to_json().trim(), "[]");
}

#[test]
fn coverage_counts_each_status() {
    let coverage = registry().coverage();
    assert_eq!(coverage.total(), 5);
    let amd64 = coverage.get(Arch::Amd64);
    assert_eq!(
        (
            amd64.supported,
            amd64.pending,
            amd64.unsupported,
            amd64.unverified,
            amd64.unspecified
        ),
        (4, 0, 0, 0, 1)
    );
    let s390x = coverage.get(Arch::S390x);
    assert_eq!(
        (
            s390x.supported,
            s390x.pending,
            s390x.unsupported,
            s390x.unverified,
            s390x.unspecified
        ),
        (1, 1, 1, 1, 1)
    );
    let ppc = coverage.get(Arch::Ppc64le);
    assert_eq!((ppc.supported, ppc.unspecified), (1, 4));
    for (_, counts) in coverage.iter() {
        assert_eq!(counts.total(), 5);
    }
    assert_eq!(s390x.count(None), 1);
}

#[test]
fn coverage_forms() {
    let coverage = registry().coverage();
    let text = coverage.to_string();
    assert_eq!(
        text,
        "\
5 feature gates; count (share) per support status:
arch     supported  pending  unsupported  unverified  unspecified  total
amd64    4 (80%)    0 (0%)   0 (0%)       0 (0%)      1 (20%)      5
arm64    1 (20%)    0 (0%)   1 (20%)      1 (20%)     2 (40%)      5
s390x    1 (20%)    1 (20%)  1 (20%)      1 (20%)     1 (20%)      5
ppc64le  1 (20%)    0 (0%)   0 (0%)       0 (0%)      4 (80%)      5
riscv64  2 (40%)    0 (0%)   0 (0%)       0 (0%)      3 (60%)      5
"
    );
    let csv = coverage.to_csv();
    assert!(csv.starts_with(
        "arch,supported,pending,unsupported,unverified,unspecified,total\namd64,4,0,0,0,1,5\n"
    ));
    assert_eq!(csv.lines().count(), 6);
    assert!(
        coverage
            .to_markdown()
            .contains("| s390x   | 1 (20%)   | 1 (20%) |")
    );
    #[cfg(feature = "serde")]
    {
        let json: serde_json::Value = serde_json::from_str(&coverage.to_json()).unwrap();
        assert_eq!(json[1]["arch"], "arm64");
        assert_eq!(json[1]["unverified"], 1);
        assert_eq!(json[3]["unspecified"], 4);
        assert_eq!(json[0]["total"], 5);
    }

    let empty = Registry::new([]).unwrap().coverage();
    assert_eq!(empty.get(Arch::Amd64).total(), 0);
    assert!(empty.to_string().contains("0 (-)"));
}

#[test]
fn parity_lists_what_other_lacks() {
    let gaps = registry().parity(Arch::Amd64, Arch::S390x);
    let names: Vec<_> = gaps.iter().map(|g| (g.gate.name(), g.other)).collect();
    assert_eq!(
        names,
        [
            ("ImageVolume", Some(Support::Unverified)),
            ("LiveMigration", Some(Support::Pending)),
            ("WorkloadEncryptionSEV", Some(Support::Unsupported)),
        ]
    );
    let gaps = registry().parity(Arch::Amd64, Arch::Ppc64le);
    assert!(
        gaps.iter()
            .any(|g| g.gate == ImageVolume::GATE && g.other.is_none())
    );
    assert!(registry().parity(Arch::Amd64, Arch::Amd64).is_empty());
    assert_eq!(registry().parity(Arch::Amd64, Arch::S390x).len(), 3);
    // Only Supported on the base counts: riscv64 has two, amd64 has both.
    assert!(registry().parity(Arch::Riscv64, Arch::Amd64).is_empty());
}

#[test]
fn parity_forms() {
    let parity = registry().parity(Arch::Amd64, Arch::S390x);
    assert_eq!((parity.supported_on_base(), parity.matched()), (4, 1));
    assert_eq!(
        parity.to_string(),
        "\
s390x parity with amd64: 1 of 4 gates Supported on amd64 are Supported on s390x (25%)
name                   state       s390x        reason
ImageVolume            Beta        Unverified
LiveMigration          Deprecated  Pending      needs CDI, \"soon\"
WorkloadEncryptionSEV  Alpha       Unsupported
"
    );
    assert_eq!(
        parity.to_csv(),
        "name,state,s390x,reason\nImageVolume,Beta,Unverified,\nLiveMigration,Deprecated,Pending,\"needs CDI, \"\"soon\"\"\"\n\
         WorkloadEncryptionSEV,Alpha,Unsupported,\n"
    );
    assert!(
        parity
            .to_markdown()
            .starts_with("s390x parity with amd64: 1 of 4")
    );
    #[cfg(feature = "serde")]
    {
        let json: serde_json::Value = serde_json::from_str(&parity.to_json()).unwrap();
        assert_eq!(
            json[1],
            serde_json::json!({"name": "LiveMigration", "state": "Deprecated", "s390x": "Pending", "reason": "needs CDI, \"soon\""})
        );
        assert!(json[0]["reason"].is_null());
        assert_eq!(serde_json::to_value(&parity).unwrap(), json);
    }

    let full = registry().parity(Arch::Riscv64, Arch::Amd64);
    assert_eq!(
        full.to_string(),
        "amd64 parity with riscv64: 2 of 2 gates Supported on riscv64 are Supported on amd64 (100%)\n"
    );
}

#[test]
fn reports_cover_the_architectures_a_program_ships_in_arch_order() {
    let matrix = registry()
        .matrix()
        .with_archs([Arch::S390x, Arch::Amd64, Arch::S390x]);
    assert_eq!(matrix.archs(), [Arch::Amd64, Arch::S390x]);
    let csv = matrix.to_csv();
    assert!(
        csv.starts_with("name,state,amd64,s390x\nExpandDisks,Alpha,,\n"),
        "{csv}"
    );
    assert!(
        csv.contains("LiveMigration,Deprecated,Supported,Pending\n"),
        "{csv}"
    );
    assert!(
        matrix
            .to_string()
            .starts_with("name                   state       amd64      s390x\n")
    );
    let md = matrix.to_markdown();
    assert!(md.contains("- LiveMigration on s390x (Pending)"), "{md}");
    assert!(
        !md.contains("on arm64"),
        "notes of architectures left out stay out: {md}"
    );
    #[cfg(feature = "serde")]
    {
        let json: serde_json::Value = serde_json::from_str(&matrix.to_json()).unwrap();
        assert!(json[0].get("arm64").is_none());
        assert!(json[3]["amd64"] == "Supported" && json[3]["s390x"] == "Supported");
    }
    // Nothing named: all five.
    assert_eq!(registry().matrix().with_archs([]).archs(), Arch::ALL);

    let coverage = registry()
        .coverage()
        .with_archs([Arch::Riscv64, Arch::Arm64]);
    assert_eq!(
        coverage.to_csv(),
        "arch,supported,pending,unsupported,unverified,unspecified,total\n\
         arm64,1,0,1,1,2,5\nriscv64,2,0,0,0,3,5\n"
    );
    assert_eq!(
        coverage.iter().map(|(arch, _)| arch).collect::<Vec<_>>(),
        [Arch::Arm64, Arch::Riscv64]
    );
    // Every architecture can still be asked for.
    assert_eq!(coverage.get(Arch::S390x).pending, 1);
}

#[test]
fn coverage_counts_by_status() {
    let s390x = registry().coverage().get(Arch::S390x);
    assert_eq!(s390x.count(Status::Unspecified), 1);
    assert_eq!(s390x.count(Status::Pending), 1);
    assert_eq!(s390x.count(Support::Unverified), 1);
    for status in Status::ALL {
        assert_eq!(s390x.count(status), s390x.count(status.support()));
    }
}

#[test]
fn every_form_comes_from_the_one_shape() {
    let matrix = registry().matrix();
    let coverage = registry().coverage();
    let parity = registry().parity(Arch::Amd64, Arch::S390x);
    let reports: [&dyn Report; 3] = [&matrix, &coverage, &parity];
    for report in reports {
        let columns = report.columns();
        let rows = report.rows();
        let shown: Vec<&str> = columns
            .iter()
            .filter(|c| c.in_tables())
            .map(featuregate::report::Column::name)
            .collect();
        let csv = report.to_csv();
        let mut lines = csv.lines();
        assert_eq!(lines.next().unwrap(), shown.join(","));
        assert_eq!(lines.count(), rows.len());
        assert!(rows.iter().all(|row| row.len() == columns.len()));
        let text = report.to_text(Color::Never);
        for row in &rows {
            assert!(text.contains(row[0].display().as_ref()), "{text}");
        }
        #[cfg(feature = "serde")]
        {
            let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
            assert_eq!(json.as_array().unwrap().len(), rows.len());
            for column in &columns {
                assert!(json[0].get(column.name()).is_some(), "{json}");
            }
        }
    }
    // An unspecified cell: `-` in text and Markdown, empty in CSV.
    let cell = &matrix.rows()[0][2];
    assert_eq!((cell.display().as_ref(), cell.csv().as_ref()), ("-", ""));
    assert_eq!(cell.shows(), Some(Status::Unspecified));
}
