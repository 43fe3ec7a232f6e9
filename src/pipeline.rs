//! The one place that composes the stages: segment → extract → normalize (pure, per article),
//! then cluster and conflict inside the store's transactional update.

use std::sync::LazyLock;

use crate::db::{Db, Outcome};
use crate::error::Result;
use crate::extract::{self, ArticleView};
use crate::gazetteer::{Gazetteer, Sources};
use crate::lexicon::{LexiconError, LexiconTexts, Lexicons};
use crate::model::{Article, Claim};
use crate::normalize;
use crate::segment;

/// Bumped whenever a code change alters what the rules derive (the lexicons and gazetteer are
/// fingerprinted by content, this covers the code).
pub const RULES_CODE_VERSION: u32 = 40;

/// Everything that decides what is derived from an article: the lexicons, the gazetteer, and
/// their fingerprint (stored with the derived data, so that a rift with other rules knows a
/// rebuild is due).
pub struct Rules {
    pub lexicons: &'static Lexicons,
    pub gazetteer: &'static Gazetteer,
    pub fingerprint: String,
}

fn fingerprint(texts: &LexiconTexts) -> String {
    let code = format!("code-{RULES_CODE_VERSION}");
    let g = Sources::BUILTIN;
    texts.fingerprint(&[&code, g.places, g.supplement, g.preferred, g.aliases, g.stoplist])
}

impl Rules {
    /// The compiled-in rules.
    pub fn builtin() -> &'static Rules {
        static RULES: LazyLock<Rules> = LazyLock::new(|| Rules {
            lexicons: Lexicons::builtin(),
            gazetteer: Gazetteer::builtin(),
            fingerprint: fingerprint(&LexiconTexts::builtin()),
        });
        &RULES
    }

    /// Rules with some lexicon files replaced by a user's. The parsed lexicons live for the
    /// rest of the process (rules are made once per run).
    pub fn with_lexicons(texts: &LexiconTexts) -> std::result::Result<Rules, LexiconError> {
        let lexicons: &'static Lexicons = Box::leak(Box::new(Lexicons::parse_texts(texts)?));
        Ok(Rules { lexicons, gazetteer: Gazetteer::builtin(), fingerprint: fingerprint(texts) })
    }
}

/// The fingerprint of the compiled-in rules.
pub fn rules_fingerprint() -> String {
    Rules::builtin().fingerprint.clone()
}

/// The claims of one article: pure and deterministic.
pub fn analyze(article: &Article, rules: &Rules) -> Vec<Claim> {
    let segments = segment::segment(&article.text, rules.lexicons);
    let extraction =
        extract::extract(ArticleView { text: &article.text, outlet: &article.outlet, title: article.title.as_deref() }, &segments, rules.lexicons, rules.gazetteer);
    let published = article.published.as_deref().and_then(normalize::parse_published);
    normalize::normalize(&article.id, &article.text, published, &extraction, rules.lexicons, rules.gazetteer)
}

/// Analyses an article and applies it to the store in one transaction.
pub fn ingest(db: &Db, article: Article, rules: &Rules) -> Result<Outcome> {
    let claims = analyze(&article, rules);
    apply(db, article, claims, rules)
}

/// Applies an article whose claims were already derived (by [`analyze`], possibly on another
/// thread) to the store in one transaction.
pub fn apply(db: &Db, article: Article, claims: Vec<Claim>, rules: &Rules) -> Result<Outcome> {
    // A changed article whose old content has copies hands that content to one of them,
    // whose claims are then derived in the same transaction.
    let heir = db.heir_for(&article)?.map(|h| {
        let c = analyze(&h, rules);
        (h, c)
    });
    db.apply(article, claims, heir, &rules.fingerprint, rules.gazetteer)
}

/// Re-derives claims, events and conflicts from the stored articles with `rules`. The store
/// is marked as rebuilding until the end, so an interrupted rebuild is noticed and can simply
/// be run again; articles are never touched.
pub fn rebuild(db: &Db, rules: &Rules, mut progress: impl FnMut(usize, usize)) -> Result<usize> {
    let total = db.article_count()?;
    let mut ids = Vec::with_capacity(total);
    for a in db.articles()? {
        ids.push(a?.id);
    }
    db.start_rebuild()?;
    for (i, id) in ids.iter().enumerate() {
        // Articles are read one at a time so a rebuild's memory does not grow with the store.
        if let Some(article) = db.article(id)? {
            let claims = analyze(&article, rules);
            db.apply_fresh(article, claims, &rules.fingerprint, rules.gazetteer)?;
        }
        progress(i + 1, total);
    }
    db.finish_rebuild(&rules.fingerprint)?;
    Ok(total)
}
