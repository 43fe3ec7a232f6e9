//! Every command, run through the binary as a user would.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::common::*;

#[test]
fn ingest_prints_a_summary_and_a_second_ingest_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    let articles = fixtures().join("articles");
    let first = rift(&store, &["ingest", articles.to_str().unwrap()]);
    assert!(first.status.success(), "{}", stderr(&first));
    let n = fixture_articles().len();
    assert!(stderr(&first).contains(&format!("ingested {n} articles ({n} new")), "{}", stderr(&first));
    let dump = rift::db::Db::open(&store, "t").unwrap().store().dump().unwrap();
    let second = rift(&store, &["ingest", articles.to_str().unwrap()]);
    assert!(second.status.success());
    assert!(stderr(&second).contains(&format!("{n} unchanged")), "{}", stderr(&second));
    let again = rift::db::Db::open(&store, "t").unwrap().store().dump().unwrap();
    assert!(dump == again, "a second ingest of the same files changed the store");
}

#[test]
fn report_formats_carry_the_events() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    let text = rift(&store, &["report"]);
    assert!(text.status.success());
    let text = stdout(&text);
    assert!(text.starts_with("rift conflict report:"));
    assert!(text.contains("CONTESTED") && text.contains("Disputed:") && text.contains("Status: contested"));
    let md = stdout(&rift(&store, &["report", "--format", "markdown"]));
    assert!(md.starts_with("# Conflict report"));
    let json_path = dir.path().join("r.json");
    let out = rift(&store, &["report", "--format", "json", "-o", json_path.to_str().unwrap()]);
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&json_path).unwrap()).unwrap();
    let events = doc["events"].as_array().unwrap();
    assert!(!events.is_empty());
    for e in events {
        assert!(e["id"].is_string() && e["kind"].is_string() && e["status"].is_string());
        assert!(matches!(e["status"].as_str().unwrap(), "contested" | "one-sided" | "corroborated"));
        for c in e["claims"].as_array().unwrap() {
            assert!(c["article"].is_string() && c["text"].is_string());
            assert!(matches!(c["side"].as_str().unwrap(), "moscow" | "kyiv" | "other"));
        }
    }
}

#[test]
fn filters_narrow_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    let all = stdout(&rift(&store, &["report", "--format", "json"]));
    let all: serde_json::Value = serde_json::from_str(&all).unwrap();
    let contested = stdout(&rift(&store, &["report", "--format", "json", "--status", "contested"]));
    let contested: serde_json::Value = serde_json::from_str(&contested).unwrap();
    let n_all = all["events"].as_array().unwrap().len();
    let n_contested = contested["events"].as_array().unwrap().len();
    assert!(n_contested > 0 && n_contested < n_all);
    assert!(contested["events"].as_array().unwrap().iter().all(|e| e["status"] == "contested"));
    let bad = rift(&store, &["report", "--kind", "teleportation"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("--kind"));
}

#[test]
fn events_and_show_trace_claims_to_their_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    let events = stdout(&rift(&store, &["events"]));
    let first = events.split_whitespace().next().unwrap().to_string();
    let show = rift(&store, &["show", &first]);
    assert!(show.status.success());
    let show = stdout(&show);
    assert!(show.contains("rules:") && show.contains("bytes "), "{show}");
    let missing = rift(&store, &["show", "no-such-event"]);
    assert_eq!(missing.status.code(), Some(6));
    assert!(stderr(&missing).contains("no event `no-such-event`"));
}

#[test]
fn compare_lists_shared_and_exclusive_coverage() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    let out = rift(&store, &["compare", "Reuters", "TASS"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    for part in ["1. Coverage", "Both covered", "Only Reuters (", "Only TASS (", "2. Voices", "3. Framing", "4. Echoes", "moscow's state media"] {
        assert!(text.contains(part), "`{part}` missing from:\n{text}");
    }
    let csv = stdout(&rift(&store, &["compare", "Reuters", "TASS", "--format", "csv"]));
    assert!(csv.starts_with("event,place,kind,dates,status,covered_by,"));
    assert!(csv.lines().skip(1).all(|l| l.split(',').count() >= 12), "{csv}");
    let unknown = rift(&store, &["compare", "Reuters", "Nobody Weekly"]);
    assert_eq!(unknown.status.code(), Some(6));
    assert!(stderr(&unknown).contains("stored outlets:"));
}

#[test]
fn the_store_option_goes_before_or_after_the_command_or_in_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    let after = Command::new(env!("CARGO_BIN_EXE_rift")).args(["events", "--store"]).arg(&store).output().unwrap();
    assert!(after.status.success() && !after.stdout.is_empty());
    let env = Command::new(env!("CARGO_BIN_EXE_rift")).arg("events").env("RIFT_STORE", &store).output().unwrap();
    assert_eq!(env.stdout, after.stdout);
}

#[test]
fn a_report_on_a_missing_store_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let out = rift(&dir.path().join("nothing-here"), &["report"]);
    assert_eq!(out.status.code(), Some(6));
    assert!(stderr(&out).contains("rift ingest"), "{}", stderr(&out));
}

#[test]
fn plain_text_articles_take_outlet_date_and_headline() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    let file = fixtures().join("text/lyman-2022-10-01.txt");
    let out = rift(&store, &["ingest", file.to_str().unwrap(), "--outlet", "Reuters", "--published", "2022-10-01"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let db = rift::db::Db::open(&store, "t").unwrap();
    let a = db.article(&rift::model::ArticleId("lyman-2022-10-01".into())).unwrap().unwrap();
    assert_eq!(a.outlet, "Reuters");
    assert_eq!(a.published.as_deref(), Some("2022-10-01"));
    assert!(a.title.is_some());
    assert!(!a.text.starts_with(a.title.as_deref().unwrap()));
}

#[test]
fn standard_input_is_read_as_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    let data = std::fs::read_to_string(fixtures().join("articles/vuhledar-2024-10.jsonl")).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_rift"))
        .arg("--store")
        .arg(&store)
        .args(["ingest", "-"])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(data.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let n = data.lines().filter(|l| !l.trim().is_empty()).count();
    assert!(stderr(&out).contains(&format!("ingested {n} articles")));
}

#[test]
fn a_second_writer_is_told_who_holds_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    // A streaming ingest from a pipe we keep open holds the store.
    let mut holder = Command::new(env!("CARGO_BIN_EXE_rift"))
        .arg("--store")
        .arg(&store)
        .args(["ingest", "--keep-going", "-"])
        .stdin(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = holder.stdin.take().unwrap();
    let start = std::time::Instant::now();
    while !store.join("LOCK").exists() && start.elapsed().as_secs() < 20 {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    std::thread::sleep(std::time::Duration::from_millis(200));
    let second = rift(&store, &["ingest", fixtures().join("articles").to_str().unwrap()]);
    assert_eq!(second.status.code(), Some(5), "{}", stderr(&second));
    let msg = stderr(&second);
    assert!(msg.contains("in use by another rift process") && msg.contains("pid"), "{msg}");
    writeln!(stdin).unwrap();
    drop(stdin);
    holder.wait().unwrap();
}

#[test]
fn help_has_examples_and_version_has_the_attribution() {
    let help = Command::new(env!("CARGO_BIN_EXE_rift")).arg("--help").output().unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(help.contains("Examples:") && help.contains("Exit codes:"));
    for cmd in ["ingest", "report", "events", "show", "compare", "demo", "rebuild"] {
        assert!(help.contains(cmd), "--help does not mention {cmd}");
    }
    let version = Command::new(env!("CARGO_BIN_EXE_rift")).arg("--version").output().unwrap();
    assert!(String::from_utf8_lossy(&version.stdout).contains("GeoNames"));
}

#[test]
fn demo_prints_a_conflict_report() {
    let out = Command::new(env!("CARGO_BIN_EXE_rift")).arg("demo").current_dir(root()).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("CONTESTED"));
}
