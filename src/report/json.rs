//! The report as JSON, in the shape `spec/formats.md` defines (and `eval/score.py` reads),
//! with provenance and echo fields alongside. Every claim is listed, echoes included, each
//! marked with the claim it echoes.

use serde::Serialize;

use super::*;

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
    echoes: Vec<Vec<String>>,
    /// Accounts of one side that contradict each other.
    within_side: Vec<JsonDisagreement<'a>>,
    independent_accounts: JsonSides,
    claims: Vec<JsonClaim<'a>>,
    rule: &'a str,
}

#[derive(Serialize)]
struct JsonSides {
    moscow: usize,
    kyiv: usize,
    other: usize,
}

#[derive(Serialize)]
struct JsonConflict<'a> {
    rule: &'a str,
    moscow: String,
    kyiv: String,
    explanation: &'a str,
}

#[derive(Serialize)]
struct JsonDisagreement<'a> {
    side: &'static str,
    rule: &'static str,
    claims: [String; 2],
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
    outlet_as_written: &'a str,
    published: Option<&'a str>,
    url: Option<&'a str>,
    modality: &'static str,
    hedged: bool,
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
    echo_of: Option<String>,
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

fn claim(c: &ClaimView) -> JsonClaim<'_> {
    JsonClaim {
        id: c.claim.id.to_string(),
        article: &c.claim.id.article.0,
        side: c.claim.side.as_str(),
        text: &c.claim.text,
        speaker: c.claim.speaker.as_ref().map(|s| s.text.as_str()),
        speaker_resolved: c.claim.speaker.as_ref().and_then(|s| s.resolved.as_deref()),
        outlet: &c.outlet,
        outlet_as_written: &c.outlet_written,
        published: c.published.as_deref(),
        url: c.url.as_deref(),
        modality: c.claim.modality.as_str(),
        hedged: is_hedged(&c.claim),
        cue: c.claim.cue.as_deref(),
        action: c.claim.action.kind.as_str(),
        stance: stance_label(c.claim.action.stance),
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
        echo_of: c.echo.as_ref().filter(|e| e.position > 0).map(|e| e.first.to_string()),
        copies: c.copies.iter().map(|a| a.0.as_str()).collect(),
        rules: &c.claim.rules,
    }
}

/// The report as JSON.
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
            echoes: v.echoes.iter().map(|g| g.iter().map(ToString::to_string).collect()).collect(),
            within_side: v
                .within_side
                .iter()
                .map(|d| JsonDisagreement {
                    side: d.side.as_str(),
                    rule: d.rule,
                    claims: [d.claims[0].to_string(), d.claims[1].to_string()],
                    explanation: &d.explanation,
                })
                .collect(),
            independent_accounts: JsonSides {
                moscow: v.independent(Side::Moscow),
                kyiv: v.independent(Side::Kyiv),
                other: v.independent(Side::Other),
            },
            claims: v.claims.iter().map(claim).collect(),
            rule: &v.event.rule,
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&JsonReport { generator: concat!("rift ", env!("CARGO_PKG_VERSION")), events })
        .expect("report serializes");
    s.push('\n');
    s
}
