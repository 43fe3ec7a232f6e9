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
