//! Reports: read-only views over the store.
//!
//! `load` turns stored events into [`EventView`]s: each claim with its article's outlet (as
//! the outlet registry knows it), date, title, link and sentence, whether it echoes another
//! outlet's copy of the same story, and the verification notes beside it. The renderers are
//! split by what they produce: [`conflicts`] (the conflict report as text and Markdown, the
//! event list, one event in full), [`json`] (the JSON of `spec/formats.md`), [`compare`] (two
//! outlets side by side) and [`html`] (a self-contained page with a map and a timeline).
//!
//! Invariant: nothing here writes to the store.

pub mod compare;
pub mod conflicts;
pub mod html;
pub mod json;

use std::collections::{BTreeMap, HashMap};

use crate::db::Db;
use crate::error::{Error, Result};
use crate::gazetteer::Gazetteer;
use crate::lexicon::Lexicons;
use crate::model::{Article, ArticleId, Claim, ClaimId, Day, Event, EventId, Kind, Side, Status};
use crate::normalize::parse_published;

pub use compare::{Comparison, compare};
pub use conflicts::{disputed, render_events, render_markdown, render_show, render_text};
pub use json::render_json;

/// Which events a report covers.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// A place name in any spelling the gazetteer knows, or a name as written.
    pub place: Option<String>,
    pub since: Option<Day>,
    pub until: Option<Day>,
    /// Only events with a claim from this outlet (any of its name variants).
    pub outlet: Option<String>,
    pub kind: Option<Kind>,
    pub status: Option<Status>,
    /// Include events whose claims are all third-party or outlet narration.
    pub all: bool,
}

/// Where a claim's copy of a wire story stands among the outlets that carried it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Echo {
    /// The earliest carrier's claim.
    pub first: ClaimId,
    pub first_outlet: String,
    /// This claim's place among the carriers (0 is the first) and how many there are.
    pub position: usize,
    pub carriers: usize,
    /// Minutes after the first carrier published, when both give a time.
    pub lag_minutes: Option<i64>,
}

/// A claim with what a reader needs beside it.
#[derive(Debug, Clone)]
pub struct ClaimView {
    pub claim: Claim,
    /// The outlet's canonical name ("Reuters" for "Devdiscourse (Reuters)").
    pub outlet: String,
    /// The outlet as the article names it.
    pub outlet_written: String,
    /// The outlet's country and whether it is a side's state media, from the registry.
    pub outlet_country: Option<&'static str>,
    pub state_media: Option<Side>,
    /// The outlet is a news agency whose copy others carry (the registry's `wire`).
    pub wire: bool,
    pub published: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub sentence: String,
    pub verification: Option<String>,
    /// Other ids carrying exactly this article's content.
    pub copies: Vec<ArticleId>,
    pub echo: Option<Echo>,
}

impl ClaimView {
    /// The publication date, `YYYY-MM-DD`, or "undated".
    pub fn date(&self) -> &str {
        self.published.as_deref().and_then(|p| p.get(..10)).unwrap_or("undated")
    }

    /// True when the claim is a later outlet's copy of a story another outlet carried first.
    pub fn is_echo(&self) -> bool {
        self.echo.as_ref().is_some_and(|e| e.position > 0)
    }
}

/// An event with its claims, ready to render.
#[derive(Debug, Clone)]
pub struct EventView {
    pub event: Event,
    pub claims: Vec<ClaimView>,
    /// Claims that are copies of one wire story carried by several outlets, earliest first:
    /// one account echoed, not independent accounts. Found when the view is made (by
    /// `cluster::echoes`), so ingest never pays for it.
    pub echoes: Vec<Vec<ClaimId>>,
    /// Accounts of one side that cannot both be true (a paramilitary chief contradicting his
    /// own ministry), found when the view is made by `conflict::disagreement`.
    pub within_side: Vec<Disagreement>,
}

/// Two accounts of one side that contradict each other, with the rule they break.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    pub side: Side,
    pub rule: &'static str,
    pub explanation: String,
    pub claims: [ClaimId; 2],
}

/// The most disagreements within a side an event shows: the earliest, as the rest repeat them.
const WITHIN_SIDE_SHOWN: usize = 3;

/// Who a claim's speaker is, for telling two speakers apart: the name the speaker lexicon
/// resolved it to (which already joins spellings such as "Russia's defence ministry" and "the
/// Russian Defense Ministry"), else the words as written.
fn speaker_key(c: &Claim) -> Option<String> {
    let s = c.speaker.as_ref()?;
    let name = s.resolved.as_deref().unwrap_or(&s.text).to_lowercase();
    Some(name.trim_start_matches("the ").to_string())
}

/// The disagreements within each side among its independent accounts: different speakers
/// only (one speaker's two sentences are read as one account), echoed copies once, accounts
/// of the same or the next day only (a side's account days later may tell of a changed
/// situation, not contradict the earlier one), and one line per rule and pair of speakers.
/// A side's state media speaking in its own voice is a speaker of that side, named by the
/// outlet.
fn within_side(claims: &[ClaimView]) -> Vec<Disagreement> {
    let mut out = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for side in [Side::Moscow, Side::Kyiv] {
        let members: Vec<(Claim, String)> = claims
            .iter()
            .filter(|c| c.claim.side == side && !c.is_echo())
            .map(|c| {
                let mut claim = c.claim.clone();
                if claim.speaker.is_none() {
                    claim.speaker = Some(crate::model::Speaker {
                        text: c.outlet.clone(),
                        span: claim.span,
                        resolved: None,
                        side: claim.side,
                    });
                }
                let key = speaker_key(&claim).unwrap_or_default();
                (claim, key)
            })
            .collect();
        for (i, (a, ka)) in members.iter().enumerate() {
            if out.len() == WITHIN_SIDE_SHOWN {
                return out;
            }
            for (b, kb) in &members[i + 1..] {
                let close = matches!((a.day, b.day), (Some(x), Some(y)) if (x.0 - y.0).abs() <= 1);
                if ka == kb || !close {
                    continue;
                }
                let Some((rule, explanation)) = crate::conflict::disagreement(a, b) else { continue };
                let pair = if ka < kb { (ka.clone(), kb.clone()) } else { (kb.clone(), ka.clone()) };
                if out.len() < WITHIN_SIDE_SHOWN && seen.insert((rule, pair)) {
                    out.push(Disagreement { side, rule, explanation, claims: [a.id.clone(), b.id.clone()] });
                }
            }
        }
    }
    out
}

impl EventView {
    pub fn side_claims(&self, side: Side) -> impl Iterator<Item = &ClaimView> {
        self.claims.iter().filter(move |c| c.claim.side == side)
    }

    /// The side's accounts counting every echoed wire story once.
    pub fn independent(&self, side: Side) -> usize {
        self.side_claims(side).filter(|c| !c.is_echo()).count()
    }

    fn has_sided_claim(&self) -> bool {
        self.claims.iter().any(|c| c.claim.side != Side::Other)
    }

    pub fn claim(&self, id: &ClaimId) -> Option<&ClaimView> {
        self.claims.iter().find(|c| &c.claim.id == id)
    }
}

/// Loads articles once per report.
struct Catalog<'a> {
    db: &'a Db,
    lex: &'a Lexicons,
    articles: HashMap<ArticleId, Article>,
    copies: HashMap<ArticleId, Vec<ArticleId>>,
}

/// A publication time in minutes: exact for timestamps, else the day's start, with whether it
/// was exact.
fn publication_minutes(published: Option<&str>) -> Option<(i64, bool)> {
    let p = published?;
    if let Ok(ts) = p.parse::<jiff::Timestamp>() {
        return Some((ts.as_second() / 60, true));
    }
    parse_published(p).map(|d| (i64::from(d.0) * 24 * 60, false))
}

/// The lag between two publications: minutes when both give a time, else whole days.
fn lag_between(first: Option<&str>, later: Option<&str>) -> Option<i64> {
    let ((f, f_exact), (l, l_exact)) = (publication_minutes(first)?, publication_minutes(later)?);
    if f_exact && l_exact { Some(l - f) } else { Some((l.div_euclid(1440) - f.div_euclid(1440)) * 1440) }
}

impl<'a> Catalog<'a> {
    fn new(db: &'a Db, lex: &'a Lexicons) -> Self {
        Catalog { db, lex, articles: HashMap::new(), copies: HashMap::new() }
    }

    fn article(&mut self, id: &ArticleId) -> Result<&Article> {
        if !self.articles.contains_key(id) {
            let a = self
                .db
                .article(id)?
                .ok_or_else(|| Error::NotFound(format!("article {id} is referenced but not stored; run `rift verify`")))?;
            self.articles.insert(id.clone(), a);
        }
        Ok(&self.articles[id])
    }

    fn view(&mut self, event: Event) -> Result<EventView> {
        let ids = self.db.event_claims(&event)?;
        let mut claims = Vec::with_capacity(ids.len());
        for id in &ids {
            let Some(mut claim) = self.db.claim(id)? else {
                return Err(Error::NotFound(format!("claim {id} of event {} is missing; run `rift verify`", event.id)));
            };
            if !self.copies.contains_key(&id.article) {
                let copies = self.db.copies_of(&id.article)?;
                self.copies.insert(id.article.clone(), copies);
            }
            let copies = self.copies[&id.article].clone();
            let lex = self.lex;
            let article = self.article(&id.article)?;
            let registry = lex.outlet(&article.outlet);
            claim.text = claim.span.slice(&article.text).to_string();
            claims.push(ClaimView {
                sentence: claim.sentence.slice(&article.text).to_string(),
                verification: claim.verification_span().map(|s| s.slice(&article.text).to_string()),
                outlet: lex.outlet_name(&article.outlet),
                outlet_written: article.outlet.clone(),
                outlet_country: registry.map(|o| o.country),
                state_media: registry.and_then(|o| o.state),
                wire: registry.is_some_and(|o| o.wire),
                published: article.published.clone(),
                title: article.title.clone(),
                url: article.url.clone(),
                copies,
                echo: None,
                claim,
            });
        }
        // Echo groups come in day order; here the carriers of one day are put in the order of
        // their publication times where the articles give them, so "who said it first" is as
        // exact as the sources allow.
        let echoes = {
            let refs: Vec<&Claim> = claims.iter().map(|c| &c.claim).collect();
            crate::cluster::echoes(&refs)
        };
        let index: HashMap<ClaimId, usize> = claims.iter().enumerate().map(|(i, c)| (c.claim.id.clone(), i)).collect();
        for group in &echoes {
            let mut members: Vec<usize> = group.iter().filter_map(|id| index.get(id).copied()).collect();
            // Within one day a wire agency's copy comes first: the others carry its story.
            members.sort_by_key(|&i| {
                let minutes = publication_minutes(claims[i].published.as_deref());
                (minutes.map(|(m, _)| m.div_euclid(1440)), !claims[i].wire, minutes.map(|(m, _)| m), claims[i].claim.id.clone())
            });
            let Some(&first_i) = members.first() else { continue };
            let first = claims[first_i].claim.id.clone();
            let first_outlet = claims[first_i].outlet.clone();
            let first_published = claims[first_i].published.clone();
            for (position, &i) in members.iter().enumerate() {
                let lag = lag_between(first_published.as_deref(), claims[i].published.as_deref());
                claims[i].echo = Some(Echo {
                    first: first.clone(),
                    first_outlet: first_outlet.clone(),
                    position,
                    carriers: members.len(),
                    lag_minutes: lag,
                });
            }
        }
        claims.sort_by(|a, b| (a.claim.day, &a.claim.id).cmp(&(b.claim.day, &b.claim.id)));
        let within_side = within_side(&claims);
        Ok(EventView { event, claims, echoes, within_side })
    }
}

fn place_matches(event: &Event, wanted: &str, gaz: &Gazetteer) -> bool {
    let Some(place) = &event.place else { return false };
    if place.name.eq_ignore_ascii_case(wanted) || place.surface.eq_ignore_ascii_case(wanted) {
        return true;
    }
    let ids = gaz.lookup(wanted);
    place.id.is_some_and(|id| ids.contains(&id))
}

/// True when an outlet as written is the outlet a user named (any variant of it).
pub fn outlet_matches(lex: &Lexicons, written: &str, wanted: &str) -> bool {
    let canonical = lex.outlet_name(written);
    let wanted_canonical = lex.outlet_name(wanted);
    canonical.eq_ignore_ascii_case(&wanted_canonical) || written.to_lowercase().contains(&wanted.to_lowercase())
}

fn status_rank(s: Status) -> u8 {
    match s {
        Status::Contested => 0,
        Status::Corroborated => 1,
        Status::OneSided => 2,
    }
}

/// The events a filter selects, with their claims, in report order: contested first, then
/// corroborated, then one-sided; within each, by first day and id.
pub fn load(db: &Db, lex: &Lexicons, filter: &Filter) -> Result<Vec<EventView>> {
    let gaz = Gazetteer::builtin();
    let mut catalog = Catalog::new(db, lex);
    let mut out = Vec::new();
    for event in db.events()? {
        let event = event?;
        if filter.kind.is_some_and(|k| k != event.kind) || filter.status.is_some_and(|s| s != event.status) {
            continue;
        }
        if filter.place.as_deref().is_some_and(|p| !place_matches(&event, p, gaz)) {
            continue;
        }
        if filter.since.is_some_and(|since| event.last_day.is_none_or(|d| d < since)) {
            continue;
        }
        if filter.until.is_some_and(|until| event.first_day.is_none_or(|d| d > until)) {
            continue;
        }
        let view = catalog.view(event)?;
        if !filter.all && !view.has_sided_claim() {
            continue;
        }
        if filter.outlet.as_deref().is_some_and(|o| !view.claims.iter().any(|c| outlet_matches(lex, &c.outlet_written, o))) {
            continue;
        }
        out.push(view);
    }
    out.sort_by(|a, b| {
        (status_rank(a.event.status), a.event.first_day.map_or(i32::MAX, |d| d.0), &a.event.id)
            .cmp(&(status_rank(b.event.status), b.event.first_day.map_or(i32::MAX, |d| d.0), &b.event.id))
    });
    Ok(out)
}

/// One event in full.
pub fn show(db: &Db, lex: &Lexicons, id: &str) -> Result<EventView> {
    let event = db.event(&EventId(id.to_string()))?.ok_or_else(|| Error::NotFound(format!("no event `{id}` (see `rift events`)")))?;
    Catalog::new(db, lex).view(event)
}

/// Parses a `--since`/`--until` value.
pub fn parse_day(text: &str) -> Option<Day> {
    parse_published(text)
}

// Labels shared by the renderers.

pub(crate) fn dates(event: &Event) -> String {
    match (event.first_day, event.last_day) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a} to {b}"),
        (Some(a), None) => a.to_string(),
        _ => "undated".to_string(),
    }
}

pub(crate) fn place_label(event: &Event) -> String {
    event.place.as_ref().map_or_else(|| "(no place)".to_string(), |p| p.name.clone())
}

pub(crate) fn kind_label(kind: Kind) -> &'static str {
    match kind {
        Kind::WarCrimes => "war crimes",
        other => other.as_str(),
    }
}

pub(crate) fn speaker_label(c: &Claim) -> String {
    match &c.speaker {
        Some(s) => match &s.resolved {
            Some(r) if !s.text.eq_ignore_ascii_case(r) && s.text.split_whitespace().count() <= 2 => format!("{} ({r})", s.text),
            _ => s.text.clone(),
        },
        None => "(the outlet's own voice)".to_string(),
    }
}

/// How a claim is put: "stated", "claimed" (a distancing cue), "denied", "unverified".
pub(crate) fn hedge_label(c: &Claim) -> &'static str {
    match c.modality {
        crate::model::Modality::Denied => "denied",
        crate::model::Modality::Unverified => "unverified",
        crate::model::Modality::Asserted if is_hedged(c) => "claimed",
        crate::model::Modality::Asserted => "stated",
    }
}

/// True when the reporting cue keeps the reporter's distance ("claimed", "alleged").
pub(crate) fn is_hedged(c: &Claim) -> bool {
    c.cue.as_deref().is_some_and(|q| {
        let q = q.to_lowercase();
        q.starts_with("claim") || q.starts_with("alleg") || q.starts_with("purport")
    })
}

pub(crate) fn stance_label(s: crate::model::Stance) -> &'static str {
    match s {
        crate::model::Stance::Achieved => "achieved",
        crate::model::Stance::Resisted => "resisted",
        crate::model::Stance::Ongoing => "ongoing",
    }
}

pub(crate) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "12 min", "3 h", "2 days"; "the same day" when only dates are known.
pub(crate) fn lag_label(minutes: i64) -> String {
    match minutes {
        0 => "at the same time or the same day".to_string(),
        m if m < 60 => format!("{m} min"),
        m if m < 48 * 60 => format!("{} h", m / 60),
        m => format!("{} days", m / (24 * 60)),
    }
}

/// Why an event has its status, in words.
pub(crate) fn status_reason(view: &EventView) -> String {
    let mut rules: BTreeMap<&str, usize> = BTreeMap::new();
    for c in &view.event.conflicts {
        *rules.entry(c.rule.as_str()).or_default() += 1;
    }
    match view.event.status {
        Status::Contested => rules
            .iter()
            .map(|(r, n)| format!("{r} ({n} pair{})", if *n == 1 { "" } else { "s" }))
            .collect::<Vec<_>>()
            .join(", "),
        Status::Corroborated => "both sides' accounts, and no rule finds them incompatible".to_string(),
        Status::OneSided => "accounts from one side only".to_string(),
    }
}

/// Each side's numbers for the same thing, for showing side by side: (side, count text, speaker,
/// outlet) for every claim with a quantity.
pub(crate) fn quantities(view: &EventView) -> Vec<(Side, String, String, String)> {
    view.claims
        .iter()
        .filter(|c| !c.is_echo())
        .filter_map(|c| {
            c.claim.quantity.as_ref().map(|q| (c.claim.side, one_line(&q.text), speaker_label(&c.claim), c.outlet.clone()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Modality, Span, Speaker, Stance};

    fn view(seq: u32, speaker: &str, day: i32, stance: Stance, modality: Modality) -> ClaimView {
        let mut claim = Claim {
            speaker: Some(Speaker { text: speaker.into(), span: Span::default(), resolved: None, side: Side::Moscow }),
            modality,
            day: Some(Day(day)),
            ..Claim::blank(&format!("a{seq}"), seq, Side::Moscow, Kind::Control, stance)
        };
        claim.action.actor = Some(Side::Moscow);
        claim.action.trigger = "took".into();
        ClaimView {
            claim,
            outlet: "Reuters".into(),
            outlet_written: "Reuters".into(),
            outlet_country: None,
            state_media: None,
            wire: true,
            published: None,
            title: None,
            url: None,
            sentence: String::new(),
            verification: None,
            copies: vec![],
            echo: None,
        }
    }

    #[test]
    fn a_side_contradicting_itself_is_found_between_different_speakers_of_close_days() {
        let chief = view(1, "the private army's chief", 100, Stance::Achieved, Modality::Asserted);
        let ministry = view(2, "the ministry", 101, Stance::Achieved, Modality::Denied);
        let found = within_side(&[chief.clone(), ministry.clone()]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].side, found[0].rule), (Side::Moscow, "denial"));
        assert!(found[0].explanation.contains("the private army's chief"), "{}", found[0].explanation);

        // One speaker's two sentences are one account; a week apart, the situation may have
        // changed.
        let same_speaker = view(3, "The Ministry", 100, Stance::Achieved, Modality::Denied);
        assert!(within_side(&[ministry.clone(), same_speaker]).is_empty());
        let week_later = view(4, "the governor", 108, Stance::Achieved, Modality::Denied);
        assert!(within_side(&[chief, week_later]).is_empty());
    }

    #[test]
    fn spelling_variants_of_one_speaker_are_one_speaker() {
        // Speakers arrive resolved by the speaker lexicon, as extraction resolves them.
        let resolved = |mut v: ClaimView| {
            let speaker = v.claim.speaker.as_mut().unwrap();
            let phrase = speaker.text.trim_start_matches("the ");
            speaker.resolved = Lexicons::builtin().speakers.get(phrase).and_then(|e| e.canonical).map(str::to_string);
            v
        };
        let a = resolved(view(1, "Russia's defence ministry", 100, Stance::Achieved, Modality::Asserted));
        let b = resolved(view(2, "the Russian Defense Ministry", 100, Stance::Achieved, Modality::Denied));
        assert_eq!(speaker_key(&a.claim), speaker_key(&b.claim));
        assert!(within_side(&[a, b]).is_empty());
    }
}
