//! Reconfiguration while readers run: one `evaluate` + `activate` of a
//! configuration that flips a tenth of the gates, over registries of 100
//! and 10,000 gates, with 1 and 4 reader threads spinning on
//! `T::is_enabled()` and `active()` meanwhile. Beside it, the readers' side:
//! one `active()` snapshot plus a typed check, with no writer and with a
//! writer reconfiguring 10,000 gates back to back, which shows that
//! readers never wait for a writer.
//!
//! The registries are private: descriptors built at run time and leaked
//! (the macro's 1,000 generated gates are too few for 10,000), so
//! `activate` also exercises the path for a set over another registry than
//! `registry()`, whose one gate is what the readers read.
//!
//! Run: `cargo bench -p featuregate --bench reconfigure`.

use std::hint::black_box;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread;
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use featuregate::{
    FeatureGate, Gate, GateConfig, Options, Registry, State, activate, active, feature_gate,
};

/// What the readers read.
#[feature_gate(state = Beta)]
struct Reader;

/// `n` descriptors, alternately Alpha and Beta, leaked: a benchmark's
/// registry lives as long as the process anyway.
fn leaked_gates(n: usize) -> Vec<&'static Gate> {
    (0..n)
        .map(|i| {
            let state = if i % 2 == 0 {
                State::Alpha
            } else {
                State::Beta
            };
            featuregate::__private::leaked_gate(&format!("BenchGate{i:05}"), state)
        })
        .collect()
}

/// Two configurations that differ on a tenth of the gates: every tenth
/// Alpha gate enabled and every tenth Beta gate disabled, or nothing named.
fn configs(gates: &[&'static Gate]) -> [GateConfig; 2] {
    let tenth = gates.iter().step_by(10);
    let mut flipped = GateConfig::default();
    for (i, gate) in tenth.enumerate() {
        let list = if i % 2 == 0 {
            &mut flipped.enabled
        } else {
            &mut flipped.disabled
        };
        list.push(gate.name().to_owned());
    }
    [GateConfig::default(), flipped]
}

/// Reader threads that spin until dropped, counting their reads.
struct Readers {
    stop: Arc<AtomicBool>,
    reads: Arc<AtomicU64>,
    threads: Vec<thread::JoinHandle<()>>,
}

impl Readers {
    fn start(n: usize) -> Readers {
        let stop = Arc::new(AtomicBool::new(false));
        let reads = Arc::new(AtomicU64::new(0));
        let threads = (0..n)
            .map(|_| {
                let (stop, reads) = (Arc::clone(&stop), Arc::clone(&reads));
                thread::spawn(move || {
                    let mut local = 0u64;
                    while !stop.load(Ordering::Relaxed) {
                        black_box(Reader::is_enabled());
                        black_box(active().is::<Reader>());
                        local += 1;
                    }
                    reads.fetch_add(local, Ordering::Relaxed);
                })
            })
            .collect();
        Readers {
            stop,
            reads,
            threads,
        }
    }

    fn stop(self) -> u64 {
        self.stop.store(true, Ordering::Relaxed);
        for thread in self.threads {
            thread.join().unwrap();
        }
        self.reads.load(Ordering::Relaxed)
    }
}

fn reconfigure(c: &mut Criterion) {
    let options = Options::default();
    let mut group = c.benchmark_group("reconfigure (evaluate + activate) with readers");
    for gates in [100, 10_000] {
        let registry = Registry::new(leaked_gates(gates)).unwrap();
        let configs = configs(&registry.iter().collect::<Vec<_>>());
        for readers in [1, 4] {
            let running = Readers::start(readers);
            let started = Instant::now();
            let mut flip = 0;
            group.bench_function(format!("{gates} gates, {readers} readers"), |b| {
                b.iter(|| {
                    flip ^= 1;
                    activate(registry.evaluate(&configs[flip], &options).unwrap());
                });
            });
            let seconds = started.elapsed().as_secs_f64();
            let reads = running.stop();
            // Millions of reads fit an f64's mantissa many times over.
            #[allow(clippy::cast_precision_loss)]
            let rate = reads as f64 / seconds / 1e6;
            eprintln!(
                "  {gates} gates, {readers} readers: {rate:.1} M reads/s across the readers meanwhile"
            );
        }
    }
    group.finish();
}

fn read(c: &mut Criterion) {
    let options = Options::default();
    let registry = Registry::new(leaked_gates(10_000)).unwrap();
    let configs = configs(&registry.iter().collect::<Vec<_>>());
    let mut group = c.benchmark_group("read: active() + typed check");
    group.bench_function("no writer", |b| {
        b.iter(|| black_box(active().is::<Reader>()) & black_box(Reader::is_enabled()));
    });
    let stop = Arc::new(AtomicBool::new(false));
    let done = Arc::new(AtomicU64::new(0));
    let writer = {
        let (stop, done) = (Arc::clone(&stop), Arc::clone(&done));
        thread::spawn(move || {
            let mut flip = 0;
            while !stop.load(Ordering::Relaxed) {
                flip ^= 1;
                activate(registry.evaluate(&configs[flip], &options).unwrap());
                done.fetch_add(1, Ordering::Relaxed);
            }
        })
    };
    group.bench_function("writer reconfiguring 10,000 gates back to back", |b| {
        b.iter(|| black_box(active().is::<Reader>()) & black_box(Reader::is_enabled()));
    });
    stop.store(true, Ordering::Relaxed);
    writer.join().unwrap();
    eprintln!(
        "  the writer reconfigured {} times meanwhile",
        done.load(Ordering::Relaxed)
    );
    group.finish();
}

criterion_group!(benches, reconfigure, read);
criterion_main!(benches);
