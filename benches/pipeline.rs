//! Criterion benchmarks of each stage (segment, extract, normalize, cluster, conflict, store
//! commit) and of the end-to-end ingest, over the project's fixture articles, 300 generated
//! articles, and ../shared's ISW reports when they are present. Stage throughput is reported
//! in bytes of article text (criterion prints MB/s), end to end in articles/s.

use std::hint::black_box;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use rift::extract::{self, ArticleView};
use rift::gazetteer::Gazetteer;
use rift::lexicon::Lexicons;
use rift::{cluster, conflict};
use rift::model::Article;
use rift::normalize::{self, parse_published};
use rift::segment;

fn fixture_articles() -> Vec<Article> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/articles");
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let mut out = Vec::new();
    for f in files.iter().filter(|f| f.extension().is_some_and(|e| e == "jsonl")) {
        for line in std::fs::read_to_string(f).unwrap().lines().filter(|l| !l.trim().is_empty()) {
            out.push(rift::ingest::parse_json_article(line).unwrap());
        }
    }
    out
}

fn corpus_articles() -> Option<Vec<Article>> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/isw.jsonl");
    let text = std::fs::read_to_string(path).ok()?;
    Some(text.lines().filter(|l| !l.trim().is_empty()).filter_map(|l| rift::ingest::parse_json_article(l).ok()).collect())
}

fn bytes(articles: &[Article]) -> u64 {
    articles.iter().map(|a| a.text.len() as u64).sum()
}

fn stages(c: &mut Criterion) {
    let lex = Lexicons::builtin();
    let gaz = Gazetteer::builtin();
    let mut sets = vec![("fixtures", fixture_articles()), ("generated", rift::generate::articles(1, 300).collect())];
    if let Some(isw) = corpus_articles() {
        sets.push(("isw", isw));
    }
    for (name, articles) in &sets {
        let mut g = c.benchmark_group(format!("stages/{name}"));
        g.throughput(Throughput::Bytes(bytes(articles)));
        g.bench_function("segment", |b| {
            b.iter(|| {
                for a in articles {
                    black_box(segment::segment(&a.text, lex));
                }
            })
        });
        let segs: Vec<_> = articles.iter().map(|a| segment::segment(&a.text, lex)).collect();
        g.bench_function("extract", |b| {
            b.iter(|| {
                for (a, s) in articles.iter().zip(&segs) {
                    black_box(extract::extract(ArticleView { text: &a.text, outlet: &a.outlet, title: a.title.as_deref() }, s, lex, gaz));
                }
            })
        });
        let extractions: Vec<_> =
            articles.iter().zip(&segs).map(|(a, s)| extract::extract(ArticleView { text: &a.text, outlet: &a.outlet, title: a.title.as_deref() }, s, lex, gaz)).collect();
        g.bench_function("normalize", |b| {
            b.iter(|| {
                for (a, e) in articles.iter().zip(&extractions) {
                    let published = a.published.as_deref().and_then(parse_published);
                    black_box(normalize::normalize(&a.id, &a.text, published, e, lex, gaz));
                }
            })
        });
        g.bench_function("analyze (segment+extract+normalize)", |b| {
            b.iter(|| {
                for a in articles {
                    black_box(rift::pipeline::analyze(a, rift::pipeline::Rules::builtin()));
                }
            })
        });
        // Cluster and conflict over the set's claims as the store sees them: blocked by key,
        // each block partitioned by day, each event's claims checked pairwise.
        let claims: Vec<rift::model::Claim> = articles.iter().flat_map(|a| rift::pipeline::analyze(a, rift::pipeline::Rules::builtin())).collect();
        g.bench_function("cluster", |b| {
            b.iter(|| {
                let blocks = blocks(&claims);
                let mut events = 0;
                for members in blocks.values() {
                    let days: Vec<i32> = members.iter().map(|c| cluster::day_key(c)).collect();
                    events += cluster::partition(&days).len();
                }
                black_box(events)
            })
        });
        let events: Vec<Vec<&rift::model::Claim>> = blocks(&claims)
            .into_values()
            .flat_map(|members| {
                let days: Vec<i32> = members.iter().map(|c| cluster::day_key(c)).collect();
                cluster::partition(&days).into_iter().map(|r| members[r].to_vec()).collect::<Vec<_>>()
            })
            .collect();
        g.bench_function("conflict", |b| {
            b.iter(|| {
                for members in &events {
                    let found = conflict::conflicts(members);
                    black_box(conflict::status(members, &found));
                }
            })
        });
        // The store's part alone: the analysed articles applied, one transaction each, to a
        // fresh store and flushed.
        let analysed: Vec<(Article, Vec<rift::model::Claim>)> =
            articles.iter().map(|a| (a.clone(), rift::pipeline::analyze(a, rift::pipeline::Rules::builtin()))).collect();
        g.sample_size(10);
        g.bench_function("store commit", |b| {
            b.iter_batched(
                || (tempfile::tempdir().unwrap(), analysed.clone()),
                |(dir, analysed)| {
                    let db = rift::db::Db::open(&dir.path().join("s"), "bench").unwrap();
                    for (a, claims) in analysed {
                        rift::pipeline::apply(&db, a, claims, rift::pipeline::Rules::builtin()).unwrap();
                    }
                    db.flush().unwrap();
                },
                BatchSize::PerIteration,
            )
        });
        g.finish();
    }
}

/// The claims by block key, each block in member order, as the store's index holds them.
fn blocks(claims: &[rift::model::Claim]) -> std::collections::BTreeMap<rift::model::BlockKey, Vec<&rift::model::Claim>> {
    let mut blocks: std::collections::BTreeMap<_, Vec<&rift::model::Claim>> = std::collections::BTreeMap::new();
    for c in claims {
        blocks.entry(cluster::block_key(c)).or_default().push(c);
    }
    for members in blocks.values_mut() {
        members.sort_by_key(|c| cluster::member_key(c));
    }
    blocks
}

fn end_to_end(c: &mut Criterion) {
    let rules = rift::pipeline::Rules::builtin();
    for (name, articles) in [("fixtures", fixture_articles()), ("generated", rift::generate::articles(1, 300).collect::<Vec<_>>())] {
        let mut g = c.benchmark_group("end_to_end");
        g.throughput(Throughput::Elements(articles.len() as u64));
        g.sample_size(10);
        g.bench_function(format!("ingest {} {name} articles into a new store (articles/s)", articles.len()), |b| {
            b.iter_batched(
                || tempfile::tempdir().unwrap(),
                |dir| {
                    let db = rift::db::Db::open(&dir.path().join("s"), "bench").unwrap();
                    for a in &articles {
                        rift::pipeline::ingest(&db, a.clone(), rules).unwrap();
                    }
                    db.flush().unwrap();
                },
                BatchSize::PerIteration,
            )
        });
        g.finish();
    }
}

criterion_group!(benches, stages, end_to_end);
criterion_main!(benches);
