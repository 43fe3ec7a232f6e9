//! Properties of the store: the same articles in any order give the same store, and ingesting
//! twice is ingesting once.

use proptest::prelude::*;

use crate::common::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, .. ProptestConfig::default() })]

    #[test]
    fn any_order_gives_the_same_store(seed in any::<u64>(), take in 6usize..14) {
        let all = fixture_articles();
        // A deterministic subset and two shuffles of it, from the seed.
        let mut rng = seed;
        let mut next = || { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; rng };
        let mut subset: Vec<_> = all.clone();
        for i in (1..subset.len()).rev() { let j = (next() % (i as u64 + 1)) as usize; subset.swap(i, j); }
        subset.truncate(take);
        let mut shuffled = subset.clone();
        for i in (1..shuffled.len()).rev() { let j = (next() % (i as u64 + 1)) as usize; shuffled.swap(i, j); }
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        let da = ingest_and_dump(a.path(), &subset);
        let db = ingest_and_dump(b.path(), &shuffled);
        prop_assert!(da == db, "two orders of the same articles gave different stores");
    }
}

#[test]
fn ingesting_twice_is_ingesting_once() {
    let articles = fixture_articles();
    let once = tempfile::tempdir().unwrap();
    let twice = tempfile::tempdir().unwrap();
    let d1 = ingest_and_dump(once.path(), &articles);
    let _ = ingest_and_dump(twice.path(), &articles);
    let d2 = ingest_and_dump(twice.path(), &articles);
    assert!(d1 == d2);
}

#[test]
fn the_same_content_under_two_ids_is_stored_once_whatever_the_order() {
    let mut a = fixture_articles().remove(0);
    let mut b = a.clone();
    a.id = rift::model::ArticleId("copy-a".into());
    b.id = rift::model::ArticleId("copy-b".into());
    let x = tempfile::tempdir().unwrap();
    let y = tempfile::tempdir().unwrap();
    let dx = ingest_and_dump(x.path(), &[a.clone(), b.clone()]);
    let dy = ingest_and_dump(y.path(), &[b, a]);
    assert!(dx == dy);
    let db = rift::db::Db::open(x.path(), "t").unwrap();
    assert_eq!(db.alias_of(&rift::model::ArticleId("copy-b".into())).unwrap(), Some(rift::model::ArticleId("copy-a".into())));
    assert!(db.claims_of(&rift::model::ArticleId("copy-b".into())).unwrap().is_empty());
}

/// An article of the test, written for it: `published` may be absent.
fn article(id: &str, published: Option<&str>, text: &str) -> rift::model::Article {
    let line = serde_json::json!({"id": id, "outlet": "Test Wire", "published": published, "title": null, "url": null, "text": text});
    rift::ingest::parse_json_article(&line.to_string()).unwrap()
}

/// The event each article's claims belong to, read back from the store.
fn events_of(dir: &std::path::Path, ids: &[&str]) -> Vec<Vec<String>> {
    let db = rift::db::Db::open(dir, "test").unwrap();
    let report = db.verify(&rift::pipeline::rules_fingerprint()).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    ids.iter()
        .map(|id| {
            let mut events: Vec<String> = db
                .claims_of(&rift::model::ArticleId(id.to_string()))
                .unwrap()
                .iter()
                .map(|c| db.event_of(&c.id).unwrap().expect("every claim has an event").0)
                .collect();
            events.sort();
            events.dedup();
            events
        })
        .collect()
}

#[test]
fn an_undated_article_joins_its_blocks_one_dated_event_and_leaves_it_for_two() {
    let first = article("t-first", Some("2023-01-12"), "Russia's defence ministry said its forces had captured Soledar.");
    let undated = article("t-undated", None, "Ukraine's military said its troops were still holding out in Soledar.");
    let later = article("t-later", Some("2023-04-20"), "Russia's defence ministry said its forces had captured Soledar again.");
    for order in [[&first, &undated], [&undated, &first]] {
        let dir = tempfile::tempdir().unwrap();
        let articles: Vec<_> = order.iter().map(|a| (*a).clone()).collect();
        ingest_and_dump(dir.path(), &articles);
        let events = events_of(dir.path(), &["t-first", "t-undated"]);
        assert_eq!(events[0], vec!["soledar-control-2023-01-12".to_string()]);
        assert_eq!(events[1], events[0], "the undated account joins the one capture of Soledar");
    }
    // A second dated capture leaves nothing to tell which one the undated account is about.
    let mut dumps = Vec::new();
    for order in [[&first, &undated, &later], [&later, &undated, &first], [&undated, &later, &first], [&first, &later, &undated]] {
        let dir = tempfile::tempdir().unwrap();
        let articles: Vec<_> = order.iter().map(|a| (*a).clone()).collect();
        dumps.push(ingest_and_dump(dir.path(), &articles));
        let events = events_of(dir.path(), &["t-first", "t-undated", "t-later"]);
        assert_eq!(events[1], vec!["soledar-control-undated".to_string()], "{events:?}");
        assert_ne!(events[0], events[2]);
    }
    assert!(dumps.windows(2).all(|w| w[0] == w[1]), "every order gives the same store");
}
