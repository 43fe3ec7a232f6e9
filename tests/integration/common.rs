//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use rift::db::Db;
use rift::model::Article;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixtures() -> PathBuf {
    root().join("fixtures")
}

/// `../shared` beside the project, when present (CI has it; a fresh clone does not).
pub fn shared() -> Option<PathBuf> {
    let p = root().join("../shared");
    p.join("seeds/seeds.jsonl").is_file().then_some(p)
}

/// Runs a test body that needs ../shared, or says it was skipped.
pub fn with_shared(f: impl FnOnce(&Path)) {
    match shared() {
        Some(p) => f(&p),
        None => eprintln!("skipped: ../shared not found"),
    }
}

/// Runs the rift binary with a store and arguments.
pub fn rift(store: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rift"))
        .arg("--store")
        .arg(store)
        .args(args)
        .env_remove("RIFT_STORE")
        .output()
        .expect("the rift binary runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Every article of the fixture JSON Lines files, in file order.
pub fn fixture_articles() -> Vec<Article> {
    let mut out = Vec::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixtures().join("articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    for f in files {
        for line in std::fs::read_to_string(&f).unwrap().lines().filter(|l| !l.trim().is_empty()) {
            out.push(rift::ingest::parse_json_article(line).unwrap());
        }
    }
    out
}

/// Ingests articles through the library, one transaction each, and returns the store's
/// logical content.
/// Every tree's raw entries, as `rift_store::Store::dump` returns them.
pub type Dump = std::collections::BTreeMap<String, Vec<(Vec<u8>, Vec<u8>)>>;

pub fn ingest_and_dump(dir: &Path, articles: &[Article]) -> Dump {
    let db = Db::open(dir, "test").unwrap();
    let rules = rift::pipeline::Rules::builtin();
    for a in articles {
        rift::pipeline::ingest(&db, a.clone(), rules).unwrap();
    }
    db.store().dump().unwrap()
}

/// A fresh store with the fixtures ingested through the binary.
pub fn fixture_store(dir: &Path) -> PathBuf {
    let store = dir.join("store");
    let out = rift(&store, &["-q", "ingest", fixtures().join("articles").to_str().unwrap()]);
    assert!(out.status.success(), "ingest failed: {}", stderr(&out));
    store
}
