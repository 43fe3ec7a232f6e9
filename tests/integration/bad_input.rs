//! Bad input gets a clear error naming the file and line, and the store stays as it was.

use crate::common::*;

fn dump(store: &std::path::Path) -> crate::common::Dump {
    rift::db::Db::open(store, "t").unwrap().store().dump().unwrap()
}

/// A store holding some articles already, to check that bad input costs none of them.
fn seeded_store(dir: &std::path::Path) -> std::path::PathBuf {
    let store = dir.join("s");
    let out = rift(&store, &["-q", "ingest", fixtures().join("articles/vuhledar-2024-10.jsonl").to_str().unwrap()]);
    assert!(out.status.success());
    store
}

#[test]
fn each_bad_file_is_refused_with_its_file_and_line_and_the_store_is_unchanged() {
    let cases: &[(&str, &[&str])] = &[
        ("invalid-utf8.jsonl", &["invalid-utf8.jsonl:2: invalid UTF-8"]),
        ("malformed.jsonl", &["malformed.jsonl:3: malformed JSON"]),
        ("no-text.jsonl", &["no-text.jsonl:1: field `text` is missing", "no-text.jsonl:2:", "empty `text`"]),
        (
            "wrong-types.jsonl",
            &[
                "wrong-types.jsonl:1: field `published` must be a string",
                "wrong-types.jsonl:2: field `text` must be a string, found an array",
                "wrong-types.jsonl:3: field `id` must be a string",
                "wrong-types.jsonl:4: field `outlet` must be a string",
                "wrong-types.jsonl:5: expected a JSON object",
            ],
        ),
        ("binary.txt", &["binary.txt: binary data"]),
        ("empty.jsonl", &["empty.jsonl: empty file"]),
        ("deep.jsonl", &["deep.jsonl:1: malformed JSON: recursion limit exceeded"]),
        ("README.md", &["README.md: not an article file"]),
    ];
    let dir = tempfile::tempdir().unwrap();
    let store = seeded_store(dir.path());
    let before = dump(&store);
    for (file, expected) in cases {
        let path = fixtures().join("bad").join(file);
        let out = rift(&store, &["ingest", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(3), "{file}: {}", stderr(&out));
        let msg = stderr(&out);
        for e in *expected {
            assert!(msg.contains(e), "{file}: expected `{e}` in:\n{msg}");
        }
        assert!(before == dump(&store), "{file}: the store changed");
    }
}

#[test]
fn one_bad_file_refuses_the_whole_batch_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let store = seeded_store(dir.path());
    let before = dump(&store);
    let good = fixtures().join("articles/krynky.jsonl");
    let bad = fixtures().join("bad/malformed.jsonl");
    let out = rift(&store, &["ingest", good.to_str().unwrap(), bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    assert!(before == dump(&store), "a refused batch wrote to the store");
}

#[test]
fn keep_going_ingests_the_good_lines_and_lists_the_bad() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    let bad = fixtures().join("bad/malformed.jsonl");
    let out = rift(&store, &["ingest", "--keep-going", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    let msg = stderr(&out);
    assert!(msg.contains("malformed.jsonl:3:") && msg.contains("ingested 3 articles"), "{msg}");
    assert_eq!(rift::db::Db::open(&store, "t").unwrap().article_count().unwrap(), 3);
}

#[test]
fn a_missing_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let out = rift(&dir.path().join("s"), &["ingest", "no/such/file.jsonl"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("no/such/file.jsonl: cannot read: no such file or directory"), "{}", stderr(&out));
}
