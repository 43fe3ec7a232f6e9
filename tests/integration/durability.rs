//! Articles arriving all day: the store stays current and intact whatever happens to the
//! process or the input.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rift::db::Db;
use rift::model::{Article, ArticleId};

use crate::common::*;

/// Many distinct articles made from the fixtures: each copy gets its own id and a sentence of
/// its own, so every one is real work for the pipeline.
fn many_articles(copies: usize) -> Vec<Article> {
    let base = fixture_articles();
    let mut out = Vec::new();
    for k in 0..copies {
        for a in &base {
            let text = format!("{}\n\nThis is copy {k} of the report.", a.text);
            out.push(rift::ingest::article(format!("k{k:03}-{}", a.id), a.outlet.clone(), a.published.clone(), a.title.clone(), a.url.clone(), text));
        }
    }
    out
}

fn write_jsonl(path: &Path, articles: &[Article]) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for a in articles {
        let line = serde_json::json!({"id": a.id.0, "outlet": a.outlet, "published": a.published, "title": a.title, "url": a.url, "text": a.text});
        writeln!(f, "{line}").unwrap();
    }
}

fn dump(store: &Path) -> crate::common::Dump {
    Db::open(store, "t").unwrap().store().dump().unwrap()
}

/// Kills `rift ingest` with SIGKILL at many points; each time the store must open, hold every
/// article reported done, hold no half article (it verifies), and equal a clean run over the
/// articles it holds.
#[test]
fn kill_nine_at_any_moment_loses_nothing_reported_done() {
    let dir = tempfile::tempdir().unwrap();
    let articles = many_articles(6);
    let input = dir.path().join("in.jsonl");
    write_jsonl(&input, &articles);
    let by_id: std::collections::HashMap<ArticleId, Article> = articles.iter().map(|a| (a.id.clone(), a.clone())).collect();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for round in 0..6 {
        let store = dir.path().join(format!("s{round}"));
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let kill_after = Duration::from_millis(80 + seed % 900);
        let mut child = Command::new(env!("CARGO_BIN_EXE_rift"))
            .arg("--store")
            .arg(&store)
            .args(["-v", "ingest", "--on-bad-input", "skip"])
            .arg(&input)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            BufReader::new(stdout).lines().map_while(|l| l.ok()).collect::<Vec<String>>()
        });
        let start = Instant::now();
        while start.elapsed() < kill_after {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        let _ = child.kill();
        let _ = child.wait();
        let lines = reader.join().unwrap();
        let done: Vec<ArticleId> = lines
            .iter()
            .filter_map(|l| l.strip_prefix("added ").and_then(|r| r.split(' ').next()).map(|id| ArticleId(id.to_string())))
            .collect();
        if !store.join("db").exists() {
            assert!(done.is_empty());
            continue;
        }
        let db = Db::open(&store, "t").expect("a killed store opens");
        for id in &done {
            assert!(db.article(id).unwrap().is_some(), "round {round}: {id} was reported done but is not stored");
        }
        let report = db.verify(&rift::pipeline::rules_fingerprint()).unwrap();
        assert!(report.problems.is_empty(), "round {round}: {:?}", report.problems);
        // The derived data is exactly what a clean run over the stored articles gives.
        let mut stored: Vec<Article> = Vec::new();
        for a in db.articles().unwrap() {
            stored.push(by_id[&a.unwrap().id].clone());
        }
        drop(db);
        let clean = dir.path().join(format!("clean{round}"));
        let clean_dump = ingest_and_dump(&clean, &stored);
        assert!(dump(&store) == clean_dump, "round {round}: the killed store differs from a clean run over its {} articles", stored.len());
    }
}

#[test]
fn any_batching_and_order_gives_the_same_store() {
    let articles = fixture_articles();
    let whole = tempfile::tempdir().unwrap();
    let expected = ingest_and_dump(whole.path(), &articles);
    for (k, sizes) in [[1usize, 5, 30], [17, 2, 100], [36, 0, 0]].iter().enumerate() {
        let dir = tempfile::tempdir().unwrap();
        // Reverse the order and cut it into batches, each ingested by its own process session.
        let mut rest: Vec<Article> = articles.iter().rev().cloned().collect();
        let mut got = None;
        for &size in sizes.iter().chain(std::iter::once(&usize::MAX)) {
            let take = size.min(rest.len());
            let batch: Vec<Article> = rest.drain(..take).collect();
            got = Some(ingest_and_dump(dir.path(), &batch));
            if rest.is_empty() {
                break;
            }
        }
        assert!(got.unwrap() == expected, "batching {k} gave another store");
    }
}

#[test]
fn a_changed_article_replaces_its_claims_and_its_copies_keep_the_old_content() {
    let mut articles = fixture_articles();
    let a = articles.remove(0);
    let copy = rift::ingest::article("zz-copy".into(), a.outlet.clone(), a.published.clone(), a.title.clone(), a.url.clone(), a.text.clone());
    let changed = rift::ingest::article(a.id.0.clone(), a.outlet.clone(), a.published.clone(), a.title.clone(), a.url.clone(), format!("{}\n\nA correction was added.", a.text));
    let updated = tempfile::tempdir().unwrap();
    let _ = ingest_and_dump(updated.path(), &[a.clone(), copy.clone()]);
    let after = ingest_and_dump(updated.path(), std::slice::from_ref(&changed));
    let fresh = tempfile::tempdir().unwrap();
    let expected = ingest_and_dump(fresh.path(), &[copy, changed]);
    assert!(after == expected, "replacing an article that has a copy left another store than a fresh ingest");
}

#[test]
fn a_denial_arriving_later_turns_an_event_contested_and_a_retraction_turns_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    let claim = r#"{"id":"w1","outlet":"Reuters","published":"2024-03-01","title":null,"url":null,"text":"Russia's defence ministry said on Friday its forces had captured the village of Orlivka."}"#;
    let denial = r#"{"id":"w2","outlet":"Reuters","published":"2024-03-02","title":null,"url":null,"text":"Ukraine's General Staff said on Saturday its troops were still holding out in Orlivka."}"#;
    let retracted = r#"{"id":"w2","outlet":"Reuters","published":"2024-03-02","title":null,"url":null,"text":"Ukraine's General Staff said on Saturday that heavy rain had fallen across the region."}"#;
    let run = |line: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_rift"))
            .arg("--store")
            .arg(&store)
            .args(["-q", "ingest", "-"])
            .stdin(Stdio::piped())
            .spawn()
            .unwrap();
        writeln!(child.stdin.take().unwrap(), "{line}").unwrap();
        assert!(child.wait().unwrap().success());
        let out = rift(&store, &["report", "--format", "json", "--place", "Orlivka", "--kind", "control"]);
        let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        doc["events"].as_array().unwrap().iter().map(|e| e["status"].as_str().unwrap().to_string()).collect::<Vec<_>>()
    };
    assert_eq!(run(claim), vec!["one-sided"]);
    assert_eq!(run(denial), vec!["contested"]);
    assert_eq!(run(retracted), vec!["one-sided"]);
}

#[test]
fn a_lexicon_change_asks_for_a_rebuild_and_the_rebuild_applies_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    // A user's lexicon folder: the speakers file with Kyrylenko moved to the other side.
    let lex = dir.path().join("lex");
    std::fs::create_dir(&lex).unwrap();
    let speakers = rift::lexicon::SPEAKERS.replace("pavlo kyrylenko\tkyiv", "pavlo kyrylenko\tother").replace("kyrylenko\tkyiv", "kyrylenko\tother");
    std::fs::write(lex.join("speakers.tsv"), speakers).unwrap();
    let with = |args: &[&str]| {
        let mut all = vec!["--lexicons", lex.to_str().unwrap()];
        all.extend_from_slice(args);
        rift(&store, &all)
    };
    let refused = with(&["ingest", fixtures().join("articles").to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(4), "{}", stderr(&refused));
    assert!(stderr(&refused).contains("rift rebuild"));
    let rebuilt = with(&["rebuild"]);
    assert!(rebuilt.status.success(), "{}", stderr(&rebuilt));
    // The rebuilt store equals a store built from scratch with the new lexicons.
    let fresh = dir.path().join("fresh");
    let out = rift(&fresh, &["-q", "--lexicons", lex.to_str().unwrap(), "ingest", fixtures().join("articles").to_str().unwrap()]);
    assert!(out.status.success());
    assert!(dump(&store) == dump(&fresh));
    // And the built-in rules now say a rebuild is due.
    let warned = rift(&store, &["report"]);
    assert!(stderr(&warned).contains("rift rebuild"));
    let bad = dir.path().join("badlex");
    std::fs::create_dir(&bad).unwrap();
    std::fs::write(bad.join("actions.tsv"), "# broken\npattern\tkind\nseized\n").unwrap();
    let out = rift(&store, &["--lexicons", bad.to_str().unwrap(), "report"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("actions.tsv:3:"), "{}", stderr(&out));
}

#[test]
fn export_then_ingest_rebuilds_the_same_store() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    let file = dir.path().join("all.jsonl");
    let out = rift(&store, &["export", "-o", file.to_str().unwrap()]);
    assert!(out.status.success());
    let copy = dir.path().join("copy");
    let out = rift(&copy, &["-q", "ingest", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(dump(&store) == dump(&copy));
    let ok = rift(&store, &["verify"]);
    assert!(ok.status.success(), "{}", stdout(&ok));
    assert!(stdout(&ok).contains("ok:"));
}

#[test]
fn a_damaged_store_is_a_clear_error_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    let db_file = store.join("db").join("db");
    let len = std::fs::metadata(&db_file).unwrap().len();
    // Cut the database file in half, as a failed copy or a full disk would.
    std::fs::OpenOptions::new().write(true).open(&db_file).unwrap().set_len(len / 2).unwrap();
    for args in [&["report"][..], &["verify"][..], &["ingest", "-"][..]] {
        let out = rift(&store, args);
        assert_eq!(out.status.code(), Some(4), "{args:?}: {}", stderr(&out));
        let msg = stderr(&out);
        assert!(msg.contains("lost data") || msg.contains("damaged"), "{args:?}: {msg}");
        assert!(!msg.contains("panicked"), "{msg}");
    }
}

#[test]
fn hostile_inputs_are_refused_or_made_harmless() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    // A 100 MB single line, and a text file over the size limit.
    let huge = dir.path().join("huge.jsonl");
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&huge).unwrap());
        f.write_all(br#"{"id":"h","text":""#).unwrap();
        let chunk = vec![b'a'; 1 << 20];
        for _ in 0..100 {
            f.write_all(&chunk).unwrap();
        }
        f.write_all(b"\"}\n").unwrap();
    }
    let out = rift(&store, &["ingest", huge.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("huge.jsonl:1: line is longer than 16 MB"), "{}", stderr(&out));
    // Ids with path characters are kept as given and harm nothing.
    let odd = dir.path().join("odd.jsonl");
    std::fs::write(&odd, "{\"id\":\"../../etc/passwd\",\"outlet\":\"Reuters\",\"text\":\"Ukraine's army said its troops repelled an attack near Bakhmut.\"}\n").unwrap();
    let out = rift(&store, &["ingest", odd.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(Db::open(&store, "t").unwrap().article(&ArticleId("../../etc/passwd".into())).unwrap().is_some());
    assert!(!dir.path().join("etc").exists());
    // An HTML page's scripts never reach the stored text.
    let page = fixtures().join("html/toretsk-2025-02-11.html");
    let out = rift(&store, &["ingest", page.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let a = Db::open(&store, "t").unwrap().article(&ArticleId("toretsk-2025-02-11".into())).unwrap().unwrap();
    assert!(!a.text.contains("tracker") && !a.text.contains("Injected") && !a.text.contains("newsletter"), "{}", a.text);
    assert_eq!(a.outlet, "Example Wire");
    assert_eq!(a.published.as_deref(), Some("2025-02-11T14:20:00Z"));
    assert!(a.text.contains("taken full control of Toretsk"));
}

#[test]
fn feeds_give_one_article_per_item_and_name_the_empty_one() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    let out = rift(&store, &["ingest", "--keep-going", fixtures().join("feeds").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("wire.xml: item 3: has no text"), "{}", stderr(&out));
    let db = Db::open(&store, "t").unwrap();
    assert_eq!(db.article_count().unwrap(), 3);
    let a = db.article(&ArticleId("urn:example:agency:kupiansk-1".into())).unwrap().unwrap();
    assert_eq!(a.outlet, "Example Agency");
    assert!(a.text.starts_with("The Russian General Staff said"));
}

/// `rift watch` ingests what is there, then each new file and each line appended to a JSON
/// Lines file, printing a line per article, and stops cleanly on SIGINT.
#[test]
fn watch_follows_a_folder_until_interrupted() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    let inbox = dir.path().join("inbox");
    std::fs::create_dir(&inbox).unwrap();
    std::fs::copy(fixtures().join("articles/vuhledar-2024-10.jsonl"), inbox.join("a.jsonl")).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_rift"))
        .arg("--store")
        .arg(&store)
        .arg("watch")
        .arg(&inbox)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel::<String>();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(|l| l.ok()) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let wait_for = |rx: &std::sync::mpsc::Receiver<String>, needle: &str| -> String {
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if let Ok(line) = rx.recv_timeout(Duration::from_millis(200))
                && line.contains(needle) {
                    return line;
                }
        }
        panic!("watch never printed a line with `{needle}`");
    };
    let first = wait_for(&rx, "fx-vuhledar-01");
    assert!(first.starts_with("added fx-vuhledar-01 (") && first.contains("claims") && first.contains("new conflict"), "{first}");
    // A new file appears.
    std::fs::copy(fixtures().join("articles/krynky.jsonl"), inbox.join("b.jsonl.part")).unwrap();
    std::fs::rename(inbox.join("b.jsonl.part"), inbox.join("b.jsonl")).unwrap();
    wait_for(&rx, "fx-krynky-01");
    // A line is appended in two writes: nothing happens until it is complete.
    let extra = r#"{"id":"late-1","outlet":"TASS","published":"2024-10-05","title":null,"url":null,"text":"The Russian Defence Ministry said its forces had liberated the village of Tsukuryne."}"#;
    let mut f = std::fs::OpenOptions::new().append(true).open(inbox.join("a.jsonl")).unwrap();
    f.write_all(&extra.as_bytes()[..40]).unwrap();
    f.flush().unwrap();
    std::thread::sleep(Duration::from_millis(800));
    f.write_all(&extra.as_bytes()[40..]).unwrap();
    f.write_all(b"\n").unwrap();
    drop(f);
    let late = wait_for(&rx, "late-1");
    assert!(late.contains("(TASS)"));
    Command::new("kill").arg("-INT").arg(child.id().to_string()).status().unwrap();
    let status = child.wait().unwrap();
    assert!(status.success(), "watch did not stop cleanly: {status:?}");
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
    assert!(!err.contains("skipped"), "a half-written line was reported bad: {err}");
    assert!(Db::open(&store, "t").unwrap().article(&ArticleId("late-1".into())).unwrap().is_some());
}
