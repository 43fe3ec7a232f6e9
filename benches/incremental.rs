//! The cost of adding one article to stores of 1k, 10k and 100k articles (issue: the cost must
//! stay flat as the store grows). Stores are built once from the generated corpus and kept in
//! target/bench-stores/ between runs; each measured iteration ingests a new generated article
//! (analysis and the transactional update, as `rift ingest` does per article).
//!
//! Run: cargo bench --bench incremental            (all sizes; the 100k store takes minutes
//!      RIFT_BENCH_SIZES=1000,10000 cargo bench --bench incremental     to build the first time)

use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use rift::db::Db;
use rift::pipeline::{self, Rules};

fn sizes() -> Vec<usize> {
    std::env::var("RIFT_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1_000, 10_000, 100_000])
}

/// A store holding the first `n` articles of the generated corpus (seed 1), built once.
fn store(n: usize) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("target/bench-stores/{n}"));
    let done = dir.join("BUILT");
    if done.exists() {
        return dir;
    }
    let _ = std::fs::remove_dir_all(&dir);
    let db = Db::open(&dir, "bench").unwrap();
    let rules = Rules::builtin();
    let start = Instant::now();
    for (i, a) in rift::generate::articles(1, n).enumerate() {
        pipeline::ingest(&db, a, rules).unwrap();
        if i % 1000 == 999 {
            db.flush().unwrap();
        }
    }
    db.flush().unwrap();
    eprintln!("built the {n}-article store in {:.1?} ({} claims)", start.elapsed(), db.claim_count().unwrap());
    std::fs::write(&done, b"built\n").unwrap();
    dir
}

fn add_one(c: &mut Criterion) {
    let mut g = c.benchmark_group("add one article");
    g.sample_size(60).measurement_time(Duration::from_secs(10));
    for n in sizes() {
        let dir = store(n);
        let db = Db::open(&dir, "bench").unwrap();
        let rules = Rules::builtin();
        // New articles: another seed's corpus over the same years and places, in a shuffled
        // order, so each lands among existing events somewhere in time as news does.
        let mut pool: Vec<rift::model::Article> = rift::generate::articles(n as u64 + 7, 4_000).collect();
        {
            use rand::SeedableRng;
            use rand::seq::SliceRandom;
            pool.shuffle(&mut rand_chacha::ChaCha8Rng::seed_from_u64(n as u64));
        }
        let mut fresh = pool.into_iter().cycle().enumerate();
        g.bench_function(format!("store of {n} articles"), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let (k, mut a) = fresh.next().unwrap();
                    a.id = rift::model::ArticleId(format!("bench-{n}-{k}"));
                    let t = Instant::now();
                    pipeline::ingest(&db, a, rules).unwrap();
                    total += t.elapsed();
                }
                total
            })
        });
        db.flush().unwrap();
    }
    g.finish();
}

criterion_group!(benches, add_one);
criterion_main!(benches);
