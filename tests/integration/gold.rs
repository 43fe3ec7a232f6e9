//! The engine against hand-made answers, scored by ../shared/eval/score.py: the seeds (the
//! acceptance bar of the first issue), and the whole real corpus ingesting without an error.

use std::path::Path;
use std::process::Command;

use crate::common::*;

fn python() -> Option<&'static str> {
    ["python3", "python"].into_iter().find(|p| Command::new(p).arg("--version").output().is_ok_and(|o| o.status.success()))
}

/// Scores a report against a gold file with the shared scorer, enforcing minimum figures.
fn score(shared: &Path, gold: &Path, report: &Path, mins: &[&str]) -> String {
    let Some(py) = python() else {
        eprintln!("skipped: no python3 to run the scorer");
        return String::new();
    };
    let mut cmd = Command::new(py);
    cmd.arg(shared.join("eval/score.py")).arg("--gold").arg(gold).arg("--report").arg(report).arg("--verbose");
    for m in mins {
        cmd.arg("--min").arg(m);
    }
    let out = cmd.output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{} below the bar:\n{text}{}", gold.display(), String::from_utf8_lossy(&out.stderr));
    text
}

#[test]
fn the_seeds_meet_the_first_issue_bar() {
    with_shared(|shared| {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("s");
        let out = rift(&store, &["-q", "ingest", shared.join("seeds/seeds.jsonl").to_str().unwrap()]);
        assert!(out.status.success(), "{}", stderr(&out));
        let report = dir.path().join("r.json");
        let out = rift(&store, &["report", "--format", "json", "-o", report.to_str().unwrap()]);
        assert!(out.status.success());
        score(
            shared,
            &shared.join("gold/seeds.json"),
            &report,
            &["conflict_f1=0.8", "claim_recall=0.8", "side_accuracy=0.9", "place_accuracy=0.9"],
        );
        // The donation appeal at the end of the first seed yields no claims.
        let db = rift::db::Db::open(&store, "t").unwrap();
        let seed = db.article(&rift::model::ArticleId("seed-000".into())).unwrap().unwrap();
        let appeal = seed.text.find("Dear readers").expect("the seed has its appeal");
        assert!(db.claims_of(&seed.id).unwrap().iter().all(|c| (c.span.end as usize) < appeal));
    });
}

#[test]
fn the_whole_real_corpus_ingests_without_an_error() {
    with_shared(|shared| {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("s");
        let out = rift(&store, &["ingest", shared.join("corpus/articles.jsonl").to_str().unwrap()]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(stderr(&out).contains("ingested 288 articles"), "{}", stderr(&out));
    });
}

#[test]
fn the_project_gold_files_are_valid() {
    with_shared(|shared| {
        let Some(py) = python() else { return eprintln!("skipped: no python3") };
        let articles: Vec<_> = std::fs::read_dir(fixtures().join("articles")).unwrap().map(|e| e.unwrap().path()).collect();
        for entry in std::fs::read_dir(fixtures().join("gold")).unwrap() {
            let gold = entry.unwrap().path();
            if gold.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let out = Command::new(py).arg(shared.join("eval/check_gold.py")).arg(&gold).args(&articles).output().unwrap();
            assert!(out.status.success(), "{}: {}", gold.display(), String::from_utf8_lossy(&out.stdout));
        }
    });
}
