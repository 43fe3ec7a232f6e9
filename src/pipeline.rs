//! The one place that composes the stages: segment → extract → normalize (pure, per article),
//! then cluster and conflict inside the store's transactional update.

use crate::db::{Db, Outcome};
use crate::error::Result;
use crate::extract::{self, ArticleView};
use crate::gazetteer::Gazetteer;
use crate::lexicon::{self, Lexicons};
use crate::model::{Article, Claim};
use crate::normalize;
use crate::segment;

/// Bumped whenever a code change alters what the rules derive (the lexicons and gazetteer are
/// fingerprinted by content, this covers the code).
pub const RULES_CODE_VERSION: u32 = 1;

/// The fingerprint of the rules: code version, lexicons and gazetteer data. Stored with the
/// derived data so that a rift with other rules knows a rebuild is due.
pub fn rules_fingerprint() -> String {
    let code = format!("code-{RULES_CODE_VERSION}");
    let g = crate::gazetteer::Sources::BUILTIN;
    lexicon::fingerprint(&[&code, g.places, g.supplement, g.preferred, g.aliases, g.stoplist])
}

/// The claims of one article: pure and deterministic.
pub fn analyze(article: &Article) -> Vec<Claim> {
    let lex = Lexicons::builtin();
    let gaz = Gazetteer::builtin();
    let segments = segment::segment(&article.text);
    let extraction = extract::extract(ArticleView { text: &article.text, outlet: &article.outlet }, &segments, lex, gaz);
    let published = article.published.as_deref().and_then(normalize::parse_published);
    normalize::normalize(&article.id, &article.text, published, &extraction, lex, gaz)
}

/// Analyses an article and applies it to the store in one transaction.
pub fn ingest(db: &Db, article: Article, rules: &str) -> Result<Outcome> {
    let claims = analyze(&article);
    db.apply(article, claims, rules, Gazetteer::builtin())
}

/// Re-derives claims, events and conflicts from the stored articles with the current rules.
/// The store is marked as rebuilding until the end, so an interrupted rebuild is noticed and
/// can simply be run again; articles are never touched.
pub fn rebuild(db: &Db, mut progress: impl FnMut(usize, usize)) -> Result<usize> {
    let rules = rules_fingerprint();
    let total = db.article_count()?;
    let mut articles: Vec<Article> = Vec::with_capacity(total);
    for a in db.articles()? {
        articles.push(a?);
    }
    db.start_rebuild()?;
    for (i, article) in articles.into_iter().enumerate() {
        ingest_fresh(db, article, &rules)?;
        progress(i + 1, total);
    }
    db.finish_rebuild(&rules)?;
    Ok(total)
}

/// Applies an article to a store whose derived data was cleared: its record is already there,
/// so the unchanged-content shortcut must not fire.
fn ingest_fresh(db: &Db, article: Article, rules: &str) -> Result<Outcome> {
    let claims = analyze(&article);
    db.apply_fresh(article, claims, rules, Gazetteer::builtin())
}
