//! `Registry::evaluate` of a 100-entry configuration (70 names enabled, 30
//! disabled, none unknown) against the 1,000 generated gates and two target
//! architectures, under the default `ArchPolicy` (so enabled gates not
//! Supported on amd64 or arm64 produce warnings, as they would in a cluster).
//! Target (SPEC section 9): at most 10 µs.
//!
//! A second case adds one misspelt name, whose "did you mean" suggestion
//! compares it with every known name: the price of that warning, shown apart.
//!
//! Run: `cargo bench -p featuregate --bench evaluate`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use featuregate::{Arch, GateConfig, Options, registry};
use featuregate_bench_gates::GATES;

fn config(entries: usize) -> GateConfig {
    // Every tenth gate: spread over the sorted table, not clustered.
    let names = GATES.iter().step_by(10).map(|g| g.name().to_owned());
    let names: Vec<String> = names.take(entries).collect();
    let (enabled, disabled) = names.split_at(entries * 7 / 10);
    GateConfig {
        enabled: enabled.to_vec(),
        disabled: disabled.to_vec(),
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
    group.finish();
}

criterion_group!(benches, evaluate);
criterion_main!(benches);
