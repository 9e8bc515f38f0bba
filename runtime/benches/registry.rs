//! The registry of 1,000 generated gates beside a std `HashMap` of the same
//! gates, in one criterion group per operation (the performance targets, BENCHMARKS.md):
//!
//! - `get`: `registry().get(name)` for every name, in shuffled order, against
//!   `HashMap<&str, &Gate>::get` (target: at most 0.7x);
//! - `build`: `Registry::new` over the 1,000 `&'static Gate`s against
//!   collecting them into a `HashMap<&str, &Gate>` (target: no slower);
//! - `suggest`: `Registry::suggest` of 1,000 misspelt names against 10,000
//!   gates, on two naming schemes (the generated names with ten suffixes
//!   each, and `Gen00000Gate`-style look-alikes): SPEC section 4's bound,
//!   at most 50 ms.
//!
//! Run: `cargo bench -p featuregate --bench registry`.

use std::collections::HashMap;
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use featuregate::{Gate, Registry, registry};
use featuregate_bench_gates::GATES;

/// The names as a configuration would bring them: owned strings of their
/// own (not the gates' static text), in an order unrelated to either table's.
fn queries() -> Vec<String> {
    let mut names: Vec<String> = GATES.iter().map(|g| g.name().to_owned()).collect();
    let mut seed = 0x2545_F491_4F6C_DD1D_u64;
    for i in (1..names.len()).rev() {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        names.swap(i, (seed % (i as u64 + 1)) as usize);
    }
    names
}

fn get(c: &mut Criterion) {
    let registry = registry();
    assert_eq!(
        registry.len(),
        GATES.len(),
        "the benchmark binary links exactly the generated gates"
    );
    let map: HashMap<&str, &'static Gate> = GATES.iter().map(|g| (g.name(), *g)).collect();
    let queries = queries();

    let mut group = c.benchmark_group("get (1,000 gates)");
    group.throughput(Throughput::Elements(queries.len() as u64));
    group.bench_function("featuregate registry().get", |b| {
        b.iter(|| {
            for name in &queries {
                black_box(registry.get(black_box(name)));
            }
        });
    });
    group.bench_function("anchor: std HashMap<&str, _>::get", |b| {
        b.iter(|| {
            for name in &queries {
                black_box(map.get(black_box(name.as_str())));
            }
        });
    });
    group.finish();
}

fn build(c: &mut Criterion) {
    let mut group = c.benchmark_group("build (1,000 gates)");
    group.throughput(Throughput::Elements(GATES.len() as u64));
    group.bench_function("featuregate Registry::new", |b| {
        b.iter(|| Registry::new(black_box(&GATES).iter().copied()).map(|r| r.len()));
    });
    group.bench_function("anchor: collect into std HashMap<&str, _>", |b| {
        b.iter(|| {
            black_box(&GATES)
                .iter()
                .map(|g| (g.name(), *g))
                .collect::<HashMap<&str, &'static Gate>>()
                .len()
        });
    });
    group.finish();
}

fn suggest(c: &mut Criterion) {
    let leaked = |name: &str| featuregate::__private::leaked_gate(name, featuregate::State::Beta);
    let suffixed = Registry::new(
        GATES
            .iter()
            .flat_map(|g| (0..10).map(move |i| leaked(&format!("{}V{i}", g.name())))),
    )
    .expect("distinct names");
    let misspelt: Vec<String> = (0..1_000)
        .map(|i| {
            let name = GATES[i % GATES.len()].name();
            format!("{}x{}", &name[..name.len() - 1], i % 10)
        })
        .collect();
    let look_alikes = Registry::new((0..10_000).map(|i| leaked(&format!("Gen{i:05}Gate"))))
        .expect("distinct names");
    let near: Vec<String> = (1..=1_000).map(|i| format!("Gen{i:05}Gat")).collect();
    assert_eq!(look_alikes.suggest(&near[0]), Some("Gen00001Gate"));

    let mut group = c.benchmark_group("suggest (1,000 names, 10,000 gates)");
    group.sample_size(10);
    for (label, registry, names) in [
        ("suffixed names", &suffixed, &misspelt),
        ("Gen00000Gate look-alikes", &look_alikes, &near),
    ] {
        group.bench_function(label, |b| {
            b.iter(|| {
                names
                    .iter()
                    .filter(|n| registry.suggest(black_box(n)).is_some())
                    .count()
            });
        });
    }
    group.finish();
}

criterion_group!(benches, get, build, suggest);
criterion_main!(benches);
