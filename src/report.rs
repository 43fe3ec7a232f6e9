//! Reports: read-only views over the store, rendered as text, Markdown or JSON.
//!
//! The conflict report is shaped like an analyst's note: per contested event a line saying
//! what is disputed, then Moscow's and Kyiv's accounts (speaker, outlet, date, the sentence),
//! then third parties and verification notes, then the status and the rule that set it. The
//! JSON form is the one `spec/formats.md` defines, with more fields alongside.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;

use serde::Serialize;

use crate::db::Db;
use crate::error::{Error, Result};
use crate::gazetteer::Gazetteer;
use crate::lexicon::Lexicons;
use crate::model::{Article, ArticleId, Claim, Day, Event, EventId, Kind, Modality, Side, Status};
use crate::normalize::parse_published;

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

/// A claim with what a reader needs beside it: its article's outlet, date and sentence.
#[derive(Debug, Clone)]
pub struct ClaimView {
    pub claim: Claim,
    pub outlet: String,
    pub published: Option<String>,
    pub title: Option<String>,
    pub sentence: String,
    pub verification: Option<String>,
    /// Other articles carrying the same content (exact copies stored as aliases).
    pub copies: Vec<ArticleId>,
}

#[derive(Debug, Clone)]
pub struct EventView {
    pub event: Event,
    pub claims: Vec<ClaimView>,
}

impl EventView {
    pub fn side_claims(&self, side: Side) -> impl Iterator<Item = &ClaimView> {
        self.claims.iter().filter(move |c| c.claim.side == side)
    }
    fn has_sided_claim(&self) -> bool {
        self.claims.iter().any(|c| c.claim.side != Side::Other)
    }
}

/// Loads articles once per report.
struct Catalog<'a> {
    db: &'a Db,
    articles: HashMap<ArticleId, Article>,
    copies: HashMap<ArticleId, Vec<ArticleId>>,
}

impl<'a> Catalog<'a> {
    fn new(db: &'a Db) -> Result<Self> {
        Ok(Catalog { db, articles: HashMap::new(), copies: HashMap::new() })
    }

    fn article(&mut self, id: &ArticleId) -> Result<&Article> {
        if !self.articles.contains_key(id) {
            let a = self.db.article(id)?.ok_or_else(|| Error::NotFound(format!("article {id} is referenced but not stored; run `rift verify`")))?;
            self.articles.insert(id.clone(), a);
        }
        Ok(&self.articles[id])
    }

    fn view(&mut self, event: Event) -> Result<EventView> {
        let mut claims = Vec::with_capacity(event.claims.len());
        for id in &event.claims {
            let Some(claim) = self.db.claim(id)? else {
                return Err(Error::NotFound(format!("claim {id} of event {} is missing; run `rift verify`", event.id)));
            };
            if !self.copies.contains_key(&id.article) {
                let copies = self.db.copies_of(&id.article)?;
                self.copies.insert(id.article.clone(), copies);
            }
            let copies = self.copies[&id.article].clone();
            let article = self.article(&id.article)?;
            claims.push(ClaimView {
                sentence: claim.sentence.slice(&article.text).to_string(),
                verification: claim.verification_span().map(|s| s.slice(&article.text).to_string()),
                outlet: Lexicons::builtin().outlet_name(&article.outlet),
                published: article.published.clone(),
                title: article.title.clone(),
                copies,
                claim,
            });
        }
        claims.sort_by(|a, b| (a.claim.day, &a.claim.id).cmp(&(b.claim.day, &b.claim.id)));
        Ok(EventView { event, claims })
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

fn outlet_matches(written: &str, wanted: &str) -> bool {
    let lex = Lexicons::builtin();
    let canonical = lex.outlet_name(written);
    let wanted_canonical = lex.outlet_name(wanted);
    canonical.eq_ignore_ascii_case(&wanted_canonical) || written.to_lowercase().contains(&wanted.to_lowercase())
}

/// The events a filter selects, with their claims, in report order: contested first, then
/// corroborated, then one-sided; within each, by first day and id.
pub fn load(db: &Db, filter: &Filter) -> Result<Vec<EventView>> {
    let gaz = Gazetteer::builtin();
    let mut catalog = Catalog::new(db)?;
    let mut out = Vec::new();
    for event in db.events()? {
        let event = event?;
        if filter.kind.is_some_and(|k| k != event.kind) || filter.status.is_some_and(|s| s != event.status) {
            continue;
        }
        if let Some(p) = &filter.place {
            if !place_matches(&event, p, gaz) {
                continue;
            }
        }
        if let Some(since) = filter.since {
            if event.last_day.is_none_or(|d| d < since) {
                continue;
            }
        }
        if let Some(until) = filter.until {
            if event.first_day.is_none_or(|d| d > until) {
                continue;
            }
        }
        let view = catalog.view(event)?;
        if !filter.all && !view.has_sided_claim() {
            continue;
        }
        if let Some(o) = &filter.outlet {
            if !view.claims.iter().any(|c| outlet_matches(&c.outlet, o)) {
                continue;
            }
        }
        out.push(view);
    }
    out.sort_by(|a, b| {
        let rank = |s: Status| match s {
            Status::Contested => 0,
            Status::Corroborated => 1,
            Status::OneSided => 2,
        };
        (rank(a.event.status), a.event.first_day.map(|d| d.0).unwrap_or(i32::MAX), &a.event.id)
            .cmp(&(rank(b.event.status), b.event.first_day.map(|d| d.0).unwrap_or(i32::MAX), &b.event.id))
    });
    Ok(out)
}

/// One event in full.
pub fn show(db: &Db, id: &str) -> Result<EventView> {
    let event = db.event(&EventId(id.to_string()))?.ok_or_else(|| Error::NotFound(format!("no event `{id}` (see `rift events`)")))?;
    Catalog::new(db)?.view(event)
}

fn dates(event: &Event) -> String {
    match (event.first_day, event.last_day) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a} to {b}"),
        (Some(a), None) => a.to_string(),
        _ => "undated".to_string(),
    }
}

fn place_label(event: &Event) -> String {
    event.place.as_ref().map_or_else(|| "(no place)".to_string(), |p| p.name.clone())
}

fn kind_label(kind: Kind) -> &'static str {
    match kind {
        Kind::Control => "control",
        Kind::Advance => "advance",
        Kind::Encirclement => "encirclement",
        Kind::Withdrawal => "withdrawal",
        Kind::Surrender => "surrender",
        Kind::Strike => "strike",
        Kind::Casualties => "casualties",
        Kind::Civilians => "civilians",
        Kind::WarCrimes => "war crimes",
    }
}

fn speaker_label(c: &Claim) -> String {
    match &c.speaker {
        Some(s) => match &s.resolved {
            Some(r) if !s.text.eq_ignore_ascii_case(r) && s.text.split_whitespace().count() <= 2 => format!("{} ({r})", s.text),
            _ => s.text.clone(),
        },
        None => "(outlet's own voice)".to_string(),
    }
}

fn hedge_label(c: &Claim) -> &'static str {
    match c.modality {
        Modality::Denied => "denied",
        Modality::Unverified => "unverified",
        Modality::Asserted => {
            if c.cue.as_deref().is_some_and(|q| q.to_lowercase().starts_with("claim") || q.to_lowercase().starts_with("alleg")) {
                "claimed"
            } else {
                "stated"
            }
        }
    }
}

/// The one-line statement of what an event's accounts dispute.
pub fn disputed(view: &EventView) -> String {
    match view.event.conflicts.first() {
        Some(c) => c.explanation.clone(),
        None => match view.event.status {
            Status::Corroborated => "Moscow and Kyiv accounts agree.".to_string(),
            _ => {
                let sides: BTreeSet<&str> = view.claims.iter().map(|c| c.claim.side.label()).collect();
                format!("Only {} speak{} of it.", sides.into_iter().collect::<Vec<_>>().join(" and "), "")
            }
        },
    }
}

fn status_reason(view: &EventView) -> String {
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
        Status::Corroborated => "both sides' accounts, no rule found them incompatible".to_string(),
        Status::OneSided => "accounts from one side only".to_string(),
    }
}

/// How many claims per side the text and Markdown reports print before "and N more".
pub const SHOWN_PER_SIDE: usize = 6;

fn text_claim(out: &mut String, c: &ClaimView) {
    let date = c.published.as_deref().and_then(|p| p.get(..10)).unwrap_or("undated");
    let _ = writeln!(
        out,
        "    - {} ({}, {}, {}): \"{}\"  [{}]",
        speaker_label(&c.claim),
        c.outlet,
        date,
        hedge_label(&c.claim),
        one_line(&c.claim.text),
        c.claim.id
    );
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The conflict report as plain text.
pub fn render_text(views: &[EventView]) -> String {
    let mut out = String::new();
    let contested: Vec<&EventView> = views.iter().filter(|v| v.event.status == Status::Contested).collect();
    let _ = writeln!(out, "rift conflict report: {} events, {} contested\n", views.len(), contested.len());
    for v in &contested {
        let e = &v.event;
        let _ = writeln!(out, "== {} · {} · {} · CONTESTED  [{}]", place_label(e), kind_label(e.kind), dates(e), e.id);
        let _ = writeln!(out, "  Disputed: {}", disputed(v));
        for side in [Side::Moscow, Side::Kyiv, Side::Other] {
            let claims: Vec<&ClaimView> = v.side_claims(side).collect();
            if claims.is_empty() {
                continue;
            }
            let _ = writeln!(out, "  {}:", side.label());
            for c in claims.iter().take(SHOWN_PER_SIDE) {
                text_claim(&mut out, c);
            }
            if claims.len() > SHOWN_PER_SIDE {
                let _ = writeln!(out, "    ... and {} more (rift show {})", claims.len() - SHOWN_PER_SIDE, e.id);
            }
        }
        let notes: BTreeSet<&str> = v.claims.iter().filter_map(|c| c.verification.as_deref()).collect();
        for n in notes {
            let _ = writeln!(out, "  Verification: \"{}\"", one_line(n));
        }
        let _ = writeln!(out, "  Status: contested, by rule {}\n", status_reason(v));
    }
    let rest: Vec<&EventView> = views.iter().filter(|v| v.event.status != Status::Contested).collect();
    if !rest.is_empty() {
        let _ = writeln!(out, "Other events ({}):", rest.len());
        for v in rest {
            let e = &v.event;
            let m = v.side_claims(Side::Moscow).count();
            let k = v.side_claims(Side::Kyiv).count();
            let o = v.side_claims(Side::Other).count();
            let _ = writeln!(
                out,
                "  {} · {} · {} · {} (Moscow {m}, Kyiv {k}, others {o})  [{}]",
                place_label(e),
                kind_label(e.kind),
                dates(e),
                e.status.as_str(),
                e.id
            );
        }
    }
    out
}

fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The conflict report as Markdown.
pub fn render_markdown(views: &[EventView]) -> String {
    let mut out = String::new();
    let contested: Vec<&EventView> = views.iter().filter(|v| v.event.status == Status::Contested).collect();
    let _ = writeln!(out, "# Conflict report\n\n{} events, {} contested.\n", views.len(), contested.len());
    for v in &contested {
        let e = &v.event;
        let _ = writeln!(out, "## {} — {} ({})\n", md_escape(&place_label(e)), kind_label(e.kind), dates(e));
        let _ = writeln!(out, "*Event `{}`.* **Disputed:** {}\n", e.id, md_escape(&disputed(v)));
        for side in [Side::Moscow, Side::Kyiv, Side::Other] {
            let claims: Vec<&ClaimView> = v.side_claims(side).collect();
            if claims.is_empty() {
                continue;
            }
            let _ = writeln!(out, "**{}:**\n", side.label());
            for c in claims.iter().take(SHOWN_PER_SIDE) {
                let date = c.published.as_deref().and_then(|p| p.get(..10)).unwrap_or("undated");
                let _ = writeln!(
                    out,
                    "- {} ({}, {}, {}): “{}” `{}`",
                    md_escape(&speaker_label(&c.claim)),
                    md_escape(&c.outlet),
                    date,
                    hedge_label(&c.claim),
                    md_escape(&one_line(&c.claim.text)),
                    c.claim.id
                );
            }
            if claims.len() > SHOWN_PER_SIDE {
                let _ = writeln!(out, "- … and {} more", claims.len() - SHOWN_PER_SIDE);
            }
            out.push('\n');
        }
        let _ = writeln!(out, "**Status:** contested — {}\n", status_reason(v));
    }
    let rest: Vec<&EventView> = views.iter().filter(|v| v.event.status != Status::Contested).collect();
    if !rest.is_empty() {
        let _ = writeln!(out, "## Other events\n\n| place | kind | dates | status | Moscow | Kyiv | others | id |\n|---|---|---|---|---|---|---|---|");
        for v in rest {
            let e = &v.event;
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} | `{}` |",
                md_escape(&place_label(e)),
                kind_label(e.kind),
                dates(e),
                e.status.as_str(),
                v.side_claims(Side::Moscow).count(),
                v.side_claims(Side::Kyiv).count(),
                v.side_claims(Side::Other).count(),
                e.id
            );
        }
    }
    out
}

#[derive(Serialize)]
struct JsonReport<'a> {
    generator: &'static str,
    events: Vec<JsonEvent<'a>>,
}

#[derive(Serialize)]
struct JsonEvent<'a> {
    id: &'a str,
    kind: &'static str,
    place: Option<&'a str>,
    place_id: Option<u32>,
    status: &'static str,
    first_day: Option<String>,
    last_day: Option<String>,
    disputed: String,
    conflicts: Vec<JsonConflict<'a>>,
    claims: Vec<JsonClaim<'a>>,
    rule: &'a str,
}

#[derive(Serialize)]
struct JsonConflict<'a> {
    rule: &'a str,
    moscow: String,
    kyiv: String,
    explanation: &'a str,
}

#[derive(Serialize)]
struct JsonClaim<'a> {
    id: String,
    article: &'a str,
    side: &'static str,
    text: &'a str,
    speaker: Option<&'a str>,
    speaker_resolved: Option<&'a str>,
    outlet: &'a str,
    published: Option<&'a str>,
    modality: &'static str,
    cue: Option<&'a str>,
    action: &'static str,
    stance: &'static str,
    actor: Option<&'static str>,
    trigger: &'a str,
    negated: bool,
    event_day: Option<String>,
    quantity: Option<JsonQuantity<'a>>,
    span: [u32; 2],
    sentence: &'a str,
    verification: Option<&'a str>,
    copies: Vec<&'a str>,
    rules: &'a [String],
}

#[derive(Serialize)]
struct JsonQuantity<'a> {
    low: u64,
    high: Option<u64>,
    unit: &'a str,
    text: &'a str,
}

/// The report as JSON, in the shape `spec/formats.md` defines (and `eval/score.py` reads).
pub fn render_json(views: &[EventView]) -> String {
    let events = views
        .iter()
        .map(|v| JsonEvent {
            id: &v.event.id.0,
            kind: v.event.kind.as_str(),
            place: v.event.place.as_ref().map(|p| p.name.as_str()),
            place_id: v.event.place.as_ref().and_then(|p| p.id).map(|id| id.0),
            status: v.event.status.as_str(),
            first_day: v.event.first_day.map(|d| d.to_string()),
            last_day: v.event.last_day.map(|d| d.to_string()),
            disputed: disputed(v),
            conflicts: v
                .event
                .conflicts
                .iter()
                .map(|c| JsonConflict { rule: &c.rule, moscow: c.moscow.to_string(), kyiv: c.kyiv.to_string(), explanation: &c.explanation })
                .collect(),
            claims: v
                .claims
                .iter()
                .map(|c| JsonClaim {
                    id: c.claim.id.to_string(),
                    article: &c.claim.id.article.0,
                    side: c.claim.side.as_str(),
                    text: &c.claim.text,
                    speaker: c.claim.speaker.as_ref().map(|s| s.text.as_str()),
                    speaker_resolved: c.claim.speaker.as_ref().and_then(|s| s.resolved.as_deref()),
                    outlet: &c.outlet,
                    published: c.published.as_deref(),
                    modality: c.claim.modality.as_str(),
                    cue: c.claim.cue.as_deref(),
                    action: c.claim.action.kind.as_str(),
                    stance: match c.claim.action.stance {
                        crate::model::Stance::Achieved => "achieved",
                        crate::model::Stance::Resisted => "resisted",
                        crate::model::Stance::Ongoing => "ongoing",
                    },
                    actor: c.claim.action.actor.map(Side::as_str),
                    trigger: &c.claim.action.trigger,
                    negated: c.claim.action.negated,
                    event_day: c.claim.event_day.map(|d| d.to_string()),
                    quantity: c.claim.quantity.as_ref().map(|q| JsonQuantity {
                        low: q.low,
                        high: (q.high != u64::MAX).then_some(q.high),
                        unit: &q.unit,
                        text: &q.text,
                    }),
                    span: [c.claim.span.start, c.claim.span.end],
                    sentence: &c.sentence,
                    verification: c.verification.as_deref(),
                    copies: c.copies.iter().map(|a| a.0.as_str()).collect(),
                    rules: &c.claim.rules,
                })
                .collect(),
            rule: &v.event.rule,
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&JsonReport { generator: concat!("rift ", env!("CARGO_PKG_VERSION")), events })
        .expect("report serializes");
    s.push('\n');
    s
}

/// `rift events`: one line per event.
pub fn render_events(views: &[EventView]) -> String {
    let mut out = String::new();
    for v in views {
        let e = &v.event;
        let _ = writeln!(
            out,
            "{:<48} {:<13} {:<12} {:<22} M{:<3} K{:<3} O{:<3} {}",
            e.id.0,
            e.status.as_str(),
            kind_label(e.kind),
            dates(e),
            v.side_claims(Side::Moscow).count(),
            v.side_claims(Side::Kyiv).count(),
            v.side_claims(Side::Other).count(),
            place_label(e)
        );
    }
    if views.is_empty() {
        out.push_str("no events (ingest articles with `rift ingest PATH`)\n");
    }
    out
}

/// `rift show EVENT`: the event with every claim and its provenance.
pub fn render_show(v: &EventView) -> String {
    let mut out = String::new();
    let e = &v.event;
    let _ = writeln!(out, "{}\n  place: {}\n  kind: {}\n  dates: {}\n  status: {} ({})", e.id, place_label(e), kind_label(e.kind), dates(e), e.status.as_str(), status_reason(v));
    let _ = writeln!(out, "  disputed: {}\n  grouped by: {}", disputed(v), e.rule);
    for c in &e.conflicts {
        let _ = writeln!(out, "  conflict [{}] {} vs {}: {}", c.rule, c.moscow, c.kyiv, c.explanation);
    }
    for side in [Side::Moscow, Side::Kyiv, Side::Other] {
        let claims: Vec<&ClaimView> = v.side_claims(side).collect();
        if claims.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{} ({} claims)", side.label(), claims.len());
        for c in claims {
            let cl = &c.claim;
            let date = c.published.as_deref().unwrap_or("undated");
            let _ = writeln!(out, "  [{}] {} — {}, {}", cl.id, speaker_label(cl), c.outlet, date);
            let _ = writeln!(out, "    \"{}\"", one_line(&cl.text));
            let _ = writeln!(
                out,
                "    {} {} ({}{}), trigger \"{}\"{}, bytes {}..{}",
                hedge_label(cl),
                cl.action.kind.as_str(),
                match cl.action.stance {
                    crate::model::Stance::Achieved => "achieved",
                    crate::model::Stance::Resisted => "resisted",
                    crate::model::Stance::Ongoing => "ongoing",
                },
                cl.action.actor.map(|a| format!(", by {}", a.as_str())).unwrap_or_default(),
                cl.action.trigger,
                cl.quantity.as_ref().map(|q| format!(", count \"{}\"", q.text)).unwrap_or_default(),
                cl.span.start,
                cl.span.end
            );
            if let Some(n) = &c.verification {
                let _ = writeln!(out, "    verification: \"{}\"", one_line(n));
            }
            let _ = writeln!(out, "    rules: {}", cl.rules.join(", "));
        }
    }
    out
}

/// Parses a `--since`/`--until` value.
pub fn parse_day(text: &str) -> Option<Day> {
    parse_published(text)
}

/// How two outlets covered the events: what both covered, what only one did, and whose
/// accounts each quoted on the shared events.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    pub outlet_a: String,
    pub outlet_b: String,
    pub articles_a: usize,
    pub articles_b: usize,
    pub shared: Vec<SharedEvent>,
    pub only_a: Vec<EventLine>,
    pub only_b: Vec<EventLine>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EventLine {
    pub id: String,
    pub place: Option<String>,
    pub kind: &'static str,
    pub dates: String,
    pub status: &'static str,
}

/// Claims per side that an outlet carried for one event.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Voices {
    pub moscow: usize,
    pub kyiv: usize,
    pub other: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct SharedEvent {
    pub event: EventLine,
    pub a: Voices,
    pub b: Voices,
}

fn event_line(e: &Event) -> EventLine {
    EventLine { id: e.id.0.clone(), place: e.place.as_ref().map(|p| p.name.clone()), kind: e.kind.as_str(), dates: dates(e), status: e.status.as_str() }
}

fn voices(view: &EventView, outlet: &str) -> Option<Voices> {
    let mut v = Voices::default();
    let mut any = false;
    for c in view.claims.iter().filter(|c| outlet_matches(&c.outlet, outlet)) {
        any = true;
        match c.claim.side {
            Side::Moscow => v.moscow += 1,
            Side::Kyiv => v.kyiv += 1,
            Side::Other => v.other += 1,
        }
    }
    any.then_some(v)
}

/// Compares two outlets over the events a filter selects.
pub fn compare(db: &Db, a: &str, b: &str, filter: &Filter) -> Result<Comparison> {
    let lex = Lexicons::builtin();
    let mut articles_a = 0;
    let mut articles_b = 0;
    for art in db.articles()? {
        let art = art?;
        if outlet_matches(&art.outlet, a) {
            articles_a += 1;
        }
        if outlet_matches(&art.outlet, b) {
            articles_b += 1;
        }
    }
    if articles_a == 0 || articles_b == 0 {
        let missing = if articles_a == 0 { a } else { b };
        let mut outlets: BTreeSet<String> = BTreeSet::new();
        for art in db.articles()? {
            outlets.insert(lex.outlet_name(&art?.outlet));
        }
        return Err(Error::NotFound(format!(
            "no stored article is from `{missing}`; stored outlets: {}",
            outlets.into_iter().collect::<Vec<_>>().join(", ")
        )));
    }
    let views = load(db, &Filter { all: true, ..filter.clone() })?;
    let mut cmp = Comparison {
        outlet_a: lex.outlet_name(a),
        outlet_b: lex.outlet_name(b),
        articles_a,
        articles_b,
        shared: Vec::new(),
        only_a: Vec::new(),
        only_b: Vec::new(),
    };
    for v in &views {
        match (voices(v, a), voices(v, b)) {
            (Some(va), Some(vb)) => cmp.shared.push(SharedEvent { event: event_line(&v.event), a: va, b: vb }),
            (Some(_), None) => cmp.only_a.push(event_line(&v.event)),
            (None, Some(_)) => cmp.only_b.push(event_line(&v.event)),
            (None, None) => {}
        }
    }
    Ok(cmp)
}

pub fn render_compare_text(c: &Comparison) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} ({} articles) vs {} ({} articles)\n", c.outlet_a, c.articles_a, c.outlet_b, c.articles_b);
    let _ = writeln!(out, "Both covered ({} events); claims quoted per side, Moscow/Kyiv/others:", c.shared.len());
    for s in &c.shared {
        let _ = writeln!(
            out,
            "  {:<44} {:<11} {}: {}/{}/{}   {}: {}/{}/{}",
            s.event.id, s.event.status, c.outlet_a, s.a.moscow, s.a.kyiv, s.a.other, c.outlet_b, s.b.moscow, s.b.kyiv, s.b.other
        );
    }
    for (name, only) in [(&c.outlet_a, &c.only_a), (&c.outlet_b, &c.only_b)] {
        let _ = writeln!(out, "\nOnly {} covered ({} events):", name, only.len());
        for e in only {
            let _ = writeln!(out, "  {:<44} {:<11} {} {}", e.id, e.status, e.kind, e.dates);
        }
    }
    out
}

pub fn render_compare_markdown(c: &Comparison) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {} vs {}\n\n{} has {} articles, {} has {}.\n", md_escape(&c.outlet_a), md_escape(&c.outlet_b), md_escape(&c.outlet_a), c.articles_a, md_escape(&c.outlet_b), c.articles_b);
    let _ = writeln!(out, "## Both covered ({})\n\n| event | status | {} M/K/O | {} M/K/O |\n|---|---|---|---|", c.shared.len(), md_escape(&c.outlet_a), md_escape(&c.outlet_b));
    for s in &c.shared {
        let _ = writeln!(out, "| `{}` | {} | {}/{}/{} | {}/{}/{} |", s.event.id, s.event.status, s.a.moscow, s.a.kyiv, s.a.other, s.b.moscow, s.b.kyiv, s.b.other);
    }
    for (name, only) in [(&c.outlet_a, &c.only_a), (&c.outlet_b, &c.only_b)] {
        let _ = writeln!(out, "\n## Only {} ({})\n", md_escape(name), only.len());
        for e in only {
            let _ = writeln!(out, "- `{}` — {} ({}, {})", e.id, e.kind, e.dates, e.status);
        }
    }
    out
}

pub fn render_compare_json(c: &Comparison) -> String {
    let mut s = serde_json::to_string_pretty(c).expect("comparison serializes");
    s.push('\n');
    s
}
