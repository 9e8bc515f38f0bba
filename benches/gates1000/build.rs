//! Writes `$OUT_DIR/gates.rs`: 1,000 `#[feature_gate]` declarations with
//! varied names, states, supports, reasons, optional keys and requirements,
//! from a fixed seed so every run benchmarks the same gates.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::PathBuf;

/// How many gates the benchmarks get.
const GATES: usize = 1_000;

/// Words `KubeVirt`'s gate names are made of, so lengths and shared prefixes
/// look like a real catalogue's (`VMLiveUpdateFeatures`, `VMPersistentState`).
const WORDS: [&str; 48] = [
    "VM",
    "VMI",
    "Live",
    "Update",
    "Features",
    "Persistent",
    "State",
    "Export",
    "Snapshot",
    "Volume",
    "Image",
    "Container",
    "Disk",
    "Hotplug",
    "CPU",
    "Memory",
    "NUMA",
    "Manager",
    "GPU",
    "Host",
    "Devices",
    "Network",
    "Binding",
    "Plugin",
    "Migration",
    "Policy",
    "Encryption",
    "SEV",
    "Secure",
    "Execution",
    "Expand",
    "Disks",
    "Sidecar",
    "Hook",
    "Passt",
    "Root",
    "Auto",
    "Resource",
    "Limits",
    "Instancetype",
    "Preference",
    "Clone",
    "Decentralized",
    "Multi",
    "Architecture",
    "Persistent",
    "Reservation",
    "Downward",
];
const STATES: [&str; 5] = ["Alpha", "Beta", "GA", "Deprecated", "Discontinued"];
const SUPPORTS: [&str; 4] = ["Supported", "Pending", "Unsupported", "Unverified"];
const ARCHS: [&str; 5] = ["amd64", "arm64", "s390x", "ppc64le", "riscv64"];
const OWNERS: [&str; 5] = [
    "sig-compute",
    "sig-storage",
    "sig-network",
    "sig-operator",
    "sig-scale",
];

/// xorshift64*: enough randomness for test data, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut names = HashSet::new();
    let mut out = String::new();
    let mut idents = Vec::with_capacity(GATES);
    // Requirements come from a generator of their own, so the gates drawn
    // from `rng` stay the ones earlier benchmark runs measured.
    let mut requirement_rng = Rng(0xD1B5_4A32_D192_ED03);
    let mut declared: Vec<(usize, [Option<usize>; 5])> = Vec::with_capacity(GATES);
    for i in 0..GATES {
        let mut name = String::new();
        while name.is_empty() || names.contains(&name) {
            name.clear();
            for _ in 0..2 + rng.below(3) {
                name.push_str(WORDS[rng.below(WORDS.len())]);
            }
        }
        names.insert(name.clone());
        let ident = format!("Gate{i:04}");
        let state = weighted_state(&mut rng);
        let mut args = vec![
            format!("name = \"{name}\""),
            format!("state = {}", STATES[state]),
        ];
        let mut named_all = true;
        let mut supports = [None; 5];
        for (a, arch) in ARCHS.into_iter().enumerate() {
            if rng.chance(55) {
                let index = rng.below(SUPPORTS.len());
                supports[a] = Some(index);
                let support = SUPPORTS[index];
                if rng.chance(15) {
                    args.push(format!("{arch} = {support}(\"reason {i} on {arch}\")"));
                } else {
                    args.push(format!("{arch} = {support}"));
                }
            } else {
                named_all = false;
            }
        }
        if !named_all && rng.chance(20) {
            let index = rng.below(SUPPORTS.len());
            for support in supports.iter_mut().filter(|s| s.is_none()) {
                *support = Some(index);
            }
            args.push(format!("others = {}", SUPPORTS[index]));
        }
        if rng.chance(30) {
            args.push(format!("since = \"v1.{}.0\"", rng.below(9)));
        }
        if rng.chance(40) {
            args.push(format!("owner = \"{}\"", OWNERS[rng.below(OWNERS.len())]));
        }
        if rng.chance(10) {
            args.push(format!(
                "message = \"{name} is being reworked; see the release notes\""
            ));
        }
        if rng.chance(5) {
            args.push("used_by = crate::uses_anything".to_owned());
        }
        // Shuffle the keys: the macro must not care about their order.
        for k in (1..args.len()).rev() {
            args.swap(k, rng.below(k + 1));
        }
        // About one gate in ten requires one or two of the 50 gates before
        // it that the rules allow: at least as mature, never Unsupported
        // where this one is Supported.
        if requirement_rng.chance(10) {
            let wanted = 1 + requirement_rng.below(2);
            let start = i.saturating_sub(50);
            let offset = requirement_rng.below(50);
            let required: Vec<String> = (0..i - start)
                .map(|k| start + (offset + k) % (i - start))
                .filter(|&j| may_require((state, &supports), declared[j]))
                .take(wanted)
                .map(|j| format!("Gate{j:04}"))
                .collect();
            if !required.is_empty() {
                args.push(format!("requires = [{}]", required.join(", ")));
            }
        }
        declared.push((state, supports));
        let _ = writeln!(out, "/// Generated gate {i}: `{name}`.");
        if rng.chance(30) {
            let _ = writeln!(
                out,
                "///\n/// A second paragraph, as longer descriptions have."
            );
        }
        let _ = writeln!(out, "#[::featuregate::feature_gate({})]", args.join(", "));
        let _ = writeln!(out, "pub struct {ident};\n");
        idents.push(ident);
    }
    let _ = writeln!(out, "/// Every generated gate, in declaration order.");
    let _ = writeln!(out, "pub static GATES: [&::featuregate::Gate; {GATES}] = [");
    for ident in &idents {
        let _ = writeln!(out, "    <{ident} as ::featuregate::FeatureGate>::GATE,");
    }
    let _ = writeln!(out, "];");
    let path =
        PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("gates.rs");
    std::fs::write(&path, out).expect("OUT_DIR is writable");
}

/// Whether a gate of `state` and `supports` may require the other: the
/// rules of `requires`, on indices into `STATES` and `SUPPORTS`.
fn may_require(
    (state, supports): (usize, &[Option<usize>; 5]),
    (required_state, required_supports): (usize, [Option<usize>; 5]),
) -> bool {
    const SUPPORTED: Option<usize> = Some(0);
    const UNSUPPORTED: Option<usize> = Some(2);
    let maturity = match state {
        // GA only GA; Beta Beta or GA; Alpha and Deprecated anything but
        // Discontinued; Discontinued anything.
        2 => required_state == 2,
        1 => matches!(required_state, 1 | 2),
        0 | 3 => required_state != 4,
        _ => true,
    };
    maturity
        && supports
            .iter()
            .zip(required_supports)
            .all(|(&mine, theirs)| !(mine == SUPPORTED && theirs == UNSUPPORTED))
}

/// A catalogue is mostly Alpha and Beta, with a tail of the rest.
fn weighted_state(rng: &mut Rng) -> usize {
    match rng.below(100) {
        0..40 => 0,
        40..70 => 1,
        70..88 => 2,
        88..96 => 3,
        _ => 4,
    }
}
