//! `GateConfig::parse` over configurations of growing size, to show that it
//! is linear in the length (the performance targets, BENCHMARKS.md): the throughput (bytes per
//! second) stays flat from 10 KB to 1 MB and at 100,000 entries. Beside it,
//! the floor any parser of the form pays: splitting at `,` and `=` alone.
//!
//! Run: `cargo bench -p featuregate --bench parse`.

use std::fmt::Write as _;
use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use featuregate::GateConfig;

/// A flag-form configuration of distinct names (`Gate000001=true,...`),
/// extended entry by entry until it holds `entries` entries or `bytes` bytes.
fn flags(entries: usize, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 32);
    let mut n = 0;
    while n < entries && s.len() < bytes {
        if n > 0 {
            s.push_str(if n % 7 == 0 { ", " } else { "," });
        }
        let value = if n % 3 == 0 { "false" } else { "true" };
        let _ = write!(s, "FeatureGate{n:06}={value}");
        n += 1;
    }
    s
}

/// The floor: the same splitting with no checks and no allocation per name.
fn split_only(s: &str) -> usize {
    s.split(',')
        .filter_map(|e| e.trim().split_once('='))
        .filter(|(_, v)| v.trim() == "true")
        .count()
}

fn parse(c: &mut Criterion) {
    let mut inputs: Vec<(String, String)> = [10_000, 100_000, 1_000_000]
        .map(|bytes| (format!("{} KB", bytes / 1000), flags(usize::MAX, bytes)))
        .into();
    inputs.push(("100,000 entries".to_owned(), flags(100_000, usize::MAX)));

    let mut group = c.benchmark_group("parse (flag form)");
    for (label, input) in &inputs {
        let parsed = GateConfig::parse(input).expect("a valid configuration");
        assert_eq!(parsed.enabled.len(), split_only(input));
        group.throughput(Throughput::Bytes(input.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("featuregate GateConfig::parse", label),
            input,
            |b, s| {
                b.iter(|| GateConfig::parse(black_box(s)).map(|c| c.enabled.len()));
            },
        );
        group.bench_with_input(
            BenchmarkId::new("anchor: split at , and = only", label),
            input,
            |b, s| {
                b.iter(|| split_only(black_box(s)));
            },
        );
    }
    group.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
