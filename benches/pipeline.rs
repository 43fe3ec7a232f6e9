//! Criterion benchmarks of each stage and of the end-to-end ingest, over the project's fixture
//! articles (and over ../shared's corpus when it is present). Throughput is reported in bytes
//! of article text, so criterion prints MB/s.

use std::hint::black_box;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use rift::extract::{self, ArticleView};
use rift::gazetteer::Gazetteer;
use rift::lexicon::Lexicons;
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
    let mut sets = vec![("fixtures", fixture_articles())];
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
                    black_box(extract::extract(ArticleView { text: &a.text, outlet: &a.outlet }, s, lex, gaz));
                }
            })
        });
        let extractions: Vec<_> =
            articles.iter().zip(&segs).map(|(a, s)| extract::extract(ArticleView { text: &a.text, outlet: &a.outlet }, s, lex, gaz)).collect();
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
        g.finish();
    }
}

fn end_to_end(c: &mut Criterion) {
    let articles = fixture_articles();
    let rules = rift::pipeline::Rules::builtin();
    let mut g = c.benchmark_group("end_to_end");
    g.throughput(Throughput::Elements(articles.len() as u64));
    g.sample_size(10);
    g.bench_function("ingest fixtures into a new store (articles/s)", |b| {
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

criterion_group!(benches, stages, end_to_end);
criterion_main!(benches);
