//! `Registry::evaluate` of a 100-entry configuration (70 names enabled, 30
//! disabled, none unknown) against the 1,000 generated gates and two target
//! architectures, under the default `ArchPolicy` (so enabled gates not
//! Supported on amd64 or arm64 produce warnings, as they would in a cluster).
//! Target (BENCHMARKS.md): at most 10 µs.
//!
//! A second case adds one misspelt name, whose "did you mean" suggestion
//! compares it with every known name: the price of that warning, shown apart.
//! A third evaluates the same configuration over the same gates rebuilt
//! with requirements (a third of them require one or two others, as the
//! maturity rule allows): the price of keeping them.
//!
//! A second group evaluates the same configuration for one architecture
//! and for three (SPEC section 14: each gate decided per architecture).
//!
//! Beside them, the hostile cases: 1,000,000 unknown names
//! against a registry of 85 gates, the size of `KubeVirt`'s catalogue
//! (target: at most 0.5 s), and 1,000 unknown names against 10,000 gates
//! (target: at most 50 ms), where only the first 100 get a suggestion, on
//! two naming schemes: the generated names with ten suffixes each, and
//! `Gen00000Gate`-style look-alikes with near misses `Gen00001Gat`.
//!
//! Run: `cargo bench -p featuregate --bench evaluate -- --warm-up-time 1 --measurement-time 3`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use featuregate::__private::leaked_gate_with;
use featuregate::{Arch, Gate, GateConfig, Options, Registry, State, Warning, registry};
use featuregate_bench_gates::GATES;

/// A gate named `name`, Beta, with no architecture named: built the way the
/// macro's expansion builds one (its hidden constructor), so that a registry
/// of 10,000 gates needs no 10,000 declarations.
fn leaked_gate(name: &str) -> &'static Gate {
    featuregate::__private::leaked_gate(name, State::Beta)
}

/// 10,000 gates: each generated name with ten suffixes, so they share long
/// stems as a real catalogue's do.
fn ten_thousand() -> Registry {
    let gates = GATES
        .iter()
        .flat_map(|g| (0..10).map(move |i| leaked_gate(&format!("{}V{i}", g.name()))));
    Registry::new(gates).expect("distinct names")
}

/// `n` names no gate has: half misspellings of real names (the expensive
/// kind for suggestions: close to many), half made up.
fn unknown(n: usize) -> GateConfig {
    let enabled = (0..n)
        .map(|i| {
            if i % 2 == 0 {
                let name = GATES[i % GATES.len()].name();
                format!("{}x{}", &name[..name.len() - 1], i)
            } else {
                format!("NoSuchFeatureGate{i}")
            }
        })
        .collect();
    GateConfig {
        enabled,
        disabled: Vec::new(),
    }
}

/// The generated gates again, every third requiring the gate before it and
/// every sixth also the one three before, where the maturity rule allows
/// (a gate may require only gates as mature as itself, none Discontinued
/// unless it is) and `config` stays valid: a gate it enables requires only
/// gates that are on; others may require gates that are off, and are
/// turned off with a warning.
fn with_requirements(config: &GateConfig) -> Registry {
    fn allowed(state: State, required: State) -> bool {
        match state {
            State::Ga => required == State::Ga,
            State::Beta => matches!(required, State::Beta | State::Ga),
            State::Alpha | State::Deprecated => required != State::Discontinued,
            State::Discontinued => true,
        }
    }
    let named = |list: &[String], gate: &Gate| list.iter().any(|n| n == gate.name());
    let on = |gate: &Gate| match gate.state() {
        State::Ga => true,
        State::Beta => !named(&config.disabled, gate),
        State::Alpha | State::Deprecated => named(&config.enabled, gate),
        State::Discontinued => false,
    };
    let mut built: Vec<&'static Gate> = Vec::with_capacity(GATES.len());
    for (i, gate) in GATES.iter().enumerate() {
        let enabled = named(&config.enabled, gate);
        let candidates = match i % 6 {
            3 => vec![i - 1],
            0 if i >= 3 => vec![i - 1, i - 3],
            _ => vec![],
        };
        let requires: Vec<&'static Gate> = candidates
            .into_iter()
            .map(|j| built[j])
            .filter(|r| allowed(gate.state(), r.state()) && (!enabled || on(r)))
            .collect();
        let support: Vec<_> = gate.support_by_arch().collect();
        built.push(leaked_gate_with(
            gate.name(),
            gate.state(),
            &support,
            Box::leak(requires.into_boxed_slice()),
        ));
    }
    Registry::new(built).expect("distinct names, no cycle")
}

fn config(entries: usize) -> GateConfig {
    // Every tenth gate: spread over the sorted table, not clustered. The
    // generated gates have requirements, so the configuration stays valid:
    // a gate is enabled only if what it requires is on unnamed (GA or
    // Beta), disabled only if no enabled gate requires it.
    let wanted = entries * 7 / 10;
    let mut enabled: Vec<&Gate> = Vec::new();
    let mut disabled: Vec<&Gate> = Vec::new();
    let spread = GATES
        .iter()
        .step_by(10)
        .chain(GATES.iter().skip(5).step_by(10));
    for &gate in spread {
        if enabled.len() < wanted {
            if gate
                .requires()
                .all(|r| matches!(r.state(), State::Ga | State::Beta))
            {
                enabled.push(gate);
            }
        } else if disabled.len() < entries - wanted {
            if !enabled.iter().any(|e| e.requires().any(|r| r == gate)) {
                disabled.push(gate);
            }
        } else {
            break;
        }
    }
    let names = |gates: &[&Gate]| gates.iter().map(|g| g.name().to_owned()).collect();
    GateConfig {
        enabled: names(&enabled),
        disabled: names(&disabled),
    }
}

fn evaluate(c: &mut Criterion) {
    let registry = registry();
    assert_eq!(
        registry.len(),
        GATES.len(),
        "the benchmark binary links exactly the generated gates"
    );
    let options = Options::default().with_archs([Arch::Amd64, Arch::Arm64]);
    let config = config(100);
    assert_eq!(config.enabled.len() + config.disabled.len(), 100);
    let set = registry
        .evaluate(&config, &options)
        .expect("a valid configuration");
    assert!(
        set.warnings()
            .iter()
            .all(|w| !w.to_string().contains("unknown"))
    );
    let mut misspelt = config.clone();
    let last = misspelt.enabled.pop().expect("70 enabled");
    misspelt.enabled.push(format!("{last}x"));

    let required = with_requirements(&config);
    let edges: usize = required.iter().map(|g| g.requires().len()).sum();
    assert!(edges > 300, "{edges} requirements");
    let turned_off = required
        .evaluate(&config, &options)
        .expect("a valid configuration")
        .warnings()
        .iter()
        .filter(|w| matches!(w, Warning::MissingRequirement { .. }))
        .count();
    assert!(
        turned_off > 0,
        "some gates are turned off for a requirement"
    );

    let mut group = c.benchmark_group("evaluate (1,000 gates, 2 archs)");
    group.bench_function("featuregate Registry::evaluate, 100 entries", |b| {
        b.iter(|| {
            registry
                .evaluate(black_box(&config), black_box(&options))
                .map(|set| set.warnings().len())
        });
    });
    group.bench_function(
        "featuregate Registry::evaluate, 100 entries, 1 misspelt",
        |b| {
            b.iter(|| {
                registry
                    .evaluate(black_box(&misspelt), black_box(&options))
                    .map(|set| set.warnings().len())
            });
        },
    );
    group.bench_function(
        "featuregate Registry::evaluate, 100 entries, with requirements",
        |b| {
            b.iter(|| {
                required
                    .evaluate(black_box(&config), black_box(&options))
                    .map(|set| set.warnings().len())
            });
        },
    );
    group.finish();

    // Per-architecture decisions (SPEC section 14): the same evaluation for
    // one architecture and for a three-architecture cluster, where the
    // policy judges every enabled gate on each.
    let mut group = c.benchmark_group("evaluate (1,000 gates, per architecture)");
    for (label, archs) in [
        ("1 arch", &[Arch::Amd64][..]),
        ("3 archs", &[Arch::Amd64, Arch::Arm64, Arch::S390x][..]),
    ] {
        let options = Options::default().with_archs(archs.iter().copied());
        group.bench_function(
            format!("featuregate Registry::evaluate, 100 entries, {label}"),
            |b| {
                b.iter(|| {
                    registry
                        .evaluate(black_box(&config), black_box(&options))
                        .map(|set| set.warnings().len())
                });
            },
        );
    }
    group.finish();
}

fn hostile(c: &mut Criterion) {
    let options = Options::default().with_archs([Arch::Amd64, Arch::Arm64]);
    let catalogue = Registry::new(GATES.iter().copied().take(85)).expect("distinct names");
    let million = unknown(1_000_000);
    let ten_thousand = ten_thousand();
    assert_eq!(ten_thousand.len(), 10_000);
    let thousand = unknown(1_000);
    let (generated, near_misses) = look_alikes();
    for (registry, config) in [
        (&catalogue, &million),
        (&ten_thousand, &thousand),
        (&generated, &near_misses),
    ] {
        let set = registry.evaluate(config, &options).expect("not strict");
        let unknown = set
            .warnings()
            .iter()
            .filter(|w| matches!(w, Warning::UnknownGate { .. }))
            .count();
        assert_eq!(unknown, 100, "the rest are counted, not listed");
    }

    let mut group = c.benchmark_group("evaluate (hostile)");
    group.sample_size(10);
    group.bench_function("1,000,000 unknown names, 85 gates", |b| {
        b.iter(|| {
            catalogue
                .evaluate(black_box(&million), black_box(&options))
                .map(|set| set.warnings().len())
        });
    });
    group.bench_function("1,000 unknown names, 10,000 gates", |b| {
        b.iter(|| {
            ten_thousand
                .evaluate(black_box(&thousand), black_box(&options))
                .map(|set| set.warnings().len())
        });
    });
    group.bench_function("1,000 near misses, 10,000 Gen00000Gate gates", |b| {
        b.iter(|| {
            generated
                .evaluate(black_box(&near_misses), black_box(&options))
                .map(|set| set.warnings().len())
        });
    });
    group.finish();
}

/// A second naming scheme, the hard one for suggestions: 10,000 gates
/// `Gen00000Gate` to `Gen09999Gate`, and 1,000 names `Gen00001Gat`, ...,
/// each close to every gate (the same letters, nearly the same digits).
fn look_alikes() -> (Registry, GateConfig) {
    let gates = (0..10_000).map(|i| leaked_gate(&format!("Gen{i:05}Gate")));
    let registry = Registry::new(gates).expect("distinct names");
    let enabled = (1..=1_000).map(|i| format!("Gen{i:05}Gat")).collect();
    let config = GateConfig {
        enabled,
        disabled: Vec::new(),
    };
    (registry, config)
}

criterion_group!(benches, evaluate, hostile);
criterion_main!(benches);
