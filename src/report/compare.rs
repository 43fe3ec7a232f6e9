//! Two outlets side by side: what each covered (coverage), whose accounts each quoted
//! (voices), what one states as fact where the other attributes it and how often each hedges
//! (framing), and which of an outlet's claims are copies of a story carried elsewhere first
//! (echoes). Outlets are matched under every name variant the registry knows.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use serde::Serialize;

use super::conflicts::md_escape;
use super::*;

/// One outlet's side of a comparison.
#[derive(Debug, Clone, Serialize)]
pub struct OutletSummary {
    pub name: String,
    /// The names the outlet appears under in the store.
    pub written_as: Vec<String>,
    pub country: Option<&'static str>,
    /// "moscow" or "kyiv" when the registry knows it as that side's state media.
    pub state_media: Option<&'static str>,
    pub articles: usize,
    pub claims: usize,
    /// Claims in the outlet's own voice (no speaker).
    pub own_voice: usize,
    /// Claims put with distance ("claimed", "alleged") or marked unverified.
    pub hedged: usize,
    /// Verification notes ("could not independently verify").
    pub verification_notes: usize,
    /// Claims that copy a story another outlet carried first.
    pub echoes: usize,
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

/// An event and the claims each outlet carried for it.
#[derive(Debug, Clone, Serialize)]
pub struct CoveredEvent {
    pub event: EventLine,
    pub a: Voices,
    pub b: Voices,
}

/// One outlet states as fact what the other attributes to a speaker.
#[derive(Debug, Clone, Serialize)]
pub struct FramingNote {
    pub event: String,
    pub states_as_fact: String,
    pub fact_claim: String,
    pub fact_text: String,
    pub attributes: String,
    pub attributed_claim: String,
    pub attributed_text: String,
    pub speaker: String,
}

/// A claim that copies a story another outlet carried first.
#[derive(Debug, Clone, Serialize)]
pub struct EchoNote {
    pub outlet: String,
    pub claim: String,
    pub text: String,
    pub first_outlet: String,
    pub first_claim: String,
    pub lag: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    pub a: OutletSummary,
    pub b: OutletSummary,
    pub shared: Vec<CoveredEvent>,
    pub only_a: Vec<CoveredEvent>,
    pub only_b: Vec<CoveredEvent>,
    pub framing: Vec<FramingNote>,
    pub echoes: Vec<EchoNote>,
}

fn event_line(e: &Event) -> EventLine {
    EventLine { id: e.id.0.clone(), place: e.place.as_ref().map(|p| p.name.clone()), kind: e.kind.as_str(), dates: dates(e), status: e.status.as_str() }
}

fn voices(claims: &[&ClaimView]) -> Voices {
    let mut v = Voices::default();
    for c in claims {
        match c.claim.side {
            Side::Moscow => v.moscow += 1,
            Side::Kyiv => v.kyiv += 1,
            Side::Other => v.other += 1,
        }
    }
    v
}

fn summary(db: &Db, lex: &Lexicons, wanted: &str) -> Result<OutletSummary> {
    let mut written = BTreeSet::new();
    let mut articles = 0;
    for a in db.articles()? {
        let a = a?;
        if outlet_matches(lex, &a.outlet, wanted) {
            articles += 1;
            written.insert(a.outlet);
        }
    }
    let registry = lex.outlet(wanted);
    Ok(OutletSummary {
        name: lex.outlet_name(wanted),
        written_as: written.into_iter().collect(),
        country: registry.map(|o| o.country),
        state_media: registry.and_then(|o| o.state).map(Side::as_str),
        articles,
        claims: 0,
        own_voice: 0,
        hedged: 0,
        verification_notes: 0,
        echoes: 0,
    })
}

/// Compares two outlets over the events a filter selects.
pub fn compare(db: &Db, lex: &Lexicons, a: &str, b: &str, filter: &Filter) -> Result<Comparison> {
    let mut sa = summary(db, lex, a)?;
    let mut sb = summary(db, lex, b)?;
    if sa.articles == 0 || sb.articles == 0 {
        let missing = if sa.articles == 0 { a } else { b };
        let mut outlets: BTreeSet<String> = BTreeSet::new();
        for art in db.articles()? {
            outlets.insert(lex.outlet_name(&art?.outlet));
        }
        return Err(Error::NotFound(format!(
            "no stored article is from `{missing}`; stored outlets: {}",
            outlets.into_iter().collect::<Vec<_>>().join(", ")
        )));
    }
    let views = load(db, lex, &Filter { all: true, ..filter.clone() })?;
    let mut cmp = Comparison { a: sa.clone(), b: sb.clone(), shared: Vec::new(), only_a: Vec::new(), only_b: Vec::new(), framing: Vec::new(), echoes: Vec::new() };
    let (mut notes_a, mut notes_b) = (BTreeSet::new(), BTreeSet::new());
    for v in &views {
        let of = |wanted: &str| -> Vec<&ClaimView> { v.claims.iter().filter(|c| outlet_matches(lex, &c.outlet_written, wanted)).collect() };
        let (ca, cb) = (of(a), of(b));
        for (claims, s, n) in [(&ca, &mut sa, &mut notes_a), (&cb, &mut sb, &mut notes_b)] {
            s.claims += claims.len();
            s.own_voice += claims.iter().filter(|c| c.claim.speaker.is_none()).count();
            s.hedged += claims.iter().filter(|c| is_hedged(&c.claim) || c.claim.modality == crate::model::Modality::Unverified).count();
            s.echoes += claims.iter().filter(|c| c.is_echo()).count();
            n.extend(claims.iter().filter_map(|c| c.verification.clone()));
        }
        for (claims, name) in [(&ca, &sa.name), (&cb, &sb.name)] {
            for c in claims.iter().filter(|c| c.is_echo()) {
                let e = c.echo.as_ref().expect("is_echo checked");
                if e.first_outlet == *name {
                    continue;
                }
                cmp.echoes.push(EchoNote {
                    outlet: name.clone(),
                    claim: c.claim.id.to_string(),
                    text: one_line(&c.claim.text),
                    first_outlet: e.first_outlet.clone(),
                    first_claim: e.first.to_string(),
                    lag: e.lag_minutes.map(super::conflicts::later),
                });
            }
        }
        match (ca.is_empty(), cb.is_empty()) {
            (false, false) => {
                cmp.shared.push(CoveredEvent { event: event_line(&v.event), a: voices(&ca), b: voices(&cb) });
                for (facts, others, fact_name, other_name) in [(&ca, &cb, &sa.name, &sb.name), (&cb, &ca, &sb.name, &sa.name)] {
                    for f in facts.iter().filter(|c| c.claim.speaker.is_none() && c.claim.action.stance != crate::model::Stance::Ongoing) {
                        let attributed = others.iter().find(|o| {
                            o.claim.speaker.is_some() && o.claim.action.stance == f.claim.action.stance && o.claim.action.actor == f.claim.action.actor
                        });
                        if let Some(o) = attributed {
                            cmp.framing.push(FramingNote {
                                event: v.event.id.0.clone(),
                                states_as_fact: fact_name.clone(),
                                fact_claim: f.claim.id.to_string(),
                                fact_text: one_line(&f.claim.text),
                                attributes: other_name.clone(),
                                attributed_claim: o.claim.id.to_string(),
                                attributed_text: one_line(&o.claim.text),
                                speaker: speaker_label(&o.claim),
                            });
                        }
                    }
                }
            }
            (false, true) => cmp.only_a.push(CoveredEvent { event: event_line(&v.event), a: voices(&ca), b: Voices::default() }),
            (true, false) => cmp.only_b.push(CoveredEvent { event: event_line(&v.event), a: Voices::default(), b: voices(&cb) }),
            (true, true) => {}
        }
    }
    sa.verification_notes = notes_a.len();
    sb.verification_notes = notes_b.len();
    cmp.a = sa;
    cmp.b = sb;
    Ok(cmp)
}

fn pct(part: usize, whole: usize) -> String {
    (part * 100 + whole / 2).checked_div(whole).map_or_else(|| "-".into(), |p| format!("{p}%"))
}

fn describe(s: &OutletSummary) -> String {
    let mut parts = vec![format!("{} articles, {} claims", s.articles, s.claims)];
    if let Some(c) = s.country {
        parts.push(format!("country {c}"));
    }
    if let Some(side) = s.state_media {
        parts.push(format!("{side}'s state media"));
    }
    if s.written_as.len() > 1 || s.written_as.first().is_some_and(|w| *w != s.name) {
        parts.push(format!("as {}", s.written_as.join(" / ")));
    }
    parts.join(", ")
}

pub fn render_text(c: &Comparison) -> String {
    let mut out = String::new();
    let (a, b) = (&c.a, &c.b);
    let _ = writeln!(out, "{} vs {}", a.name, b.name);
    let _ = writeln!(out, "  {}: {}", a.name, describe(a));
    let _ = writeln!(out, "  {}: {}\n", b.name, describe(b));
    let _ = writeln!(out, "1. Coverage");
    let _ = writeln!(out, "  Both covered {} events; only {} {}; only {} {}.", c.shared.len(), a.name, c.only_a.len(), b.name, c.only_b.len());
    for (name, only) in [(&a.name, &c.only_a), (&b.name, &c.only_b)] {
        let _ = writeln!(out, "  Only {name} ({}), the other's blind spots:", only.len());
        for e in only.iter().map(|c| &c.event) {
            let _ = writeln!(out, "    {:<46} {:<11} {:<12} {}", e.id, e.status, e.kind, e.dates);
        }
    }
    let _ = writeln!(out, "\n2. Voices on the events both covered (claims quoted: Moscow/Kyiv/others)");
    for s in &c.shared {
        let _ = writeln!(
            out,
            "    {:<46} {:<11} {}: {}/{}/{}   {}: {}/{}/{}",
            s.event.id, s.event.status, a.name, s.a.moscow, s.a.kyiv, s.a.other, b.name, s.b.moscow, s.b.kyiv, s.b.other
        );
    }
    let sum = |f: &dyn Fn(&CoveredEvent) -> &Voices| {
        c.shared.iter().map(f).fold(Voices::default(), |acc, v| Voices { moscow: acc.moscow + v.moscow, kyiv: acc.kyiv + v.kyiv, other: acc.other + v.other })
    };
    for (name, v) in [(&a.name, sum(&|s| &s.a)), (&b.name, sum(&|s| &s.b))] {
        let total = v.moscow + v.kyiv + v.other;
        let _ = writeln!(out, "  {name} quotes Moscow {}, Kyiv {}, others {} of the time", pct(v.moscow, total), pct(v.kyiv, total), pct(v.other, total));
    }
    let _ = writeln!(out, "\n3. Framing");
    for s in [a, b] {
        let _ = writeln!(
            out,
            "  {}: {} of its claims in its own voice, {} hedged (\"claimed\", unverified), {} verification notes",
            s.name,
            pct(s.own_voice, s.claims),
            pct(s.hedged, s.claims),
            s.verification_notes
        );
    }
    for f in &c.framing {
        let _ = writeln!(out, "  [{}] {} states as fact: \"{}\" [{}]", f.event, f.states_as_fact, f.fact_text, f.fact_claim);
        let _ = writeln!(out, "      {} attributes it to {}: \"{}\" [{}]", f.attributes, f.speaker, f.attributed_text, f.attributed_claim);
    }
    let _ = writeln!(out, "\n4. Echoes (copies of a story carried elsewhere first)");
    if c.echoes.is_empty() {
        let _ = writeln!(out, "  none found");
    }
    for e in &c.echoes {
        let lag = e.lag.as_deref().map(|l| format!(", {l}")).unwrap_or_default();
        let _ = writeln!(out, "  {} [{}] copies {} [{}]{lag}: \"{}\"", e.outlet, e.claim, e.first_outlet, e.first_claim, e.text);
    }
    out
}

pub fn render_markdown(c: &Comparison) -> String {
    let mut out = String::new();
    let (a, b) = (&c.a, &c.b);
    let _ = writeln!(out, "# {} vs {}\n", md_escape(&a.name), md_escape(&b.name));
    let _ = writeln!(out, "- **{}**: {}\n- **{}**: {}\n", md_escape(&a.name), md_escape(&describe(a)), md_escape(&b.name), md_escape(&describe(b)));
    let _ = writeln!(out, "## 1. Coverage\n\nBoth covered {} events; only {} {}; only {} {}.\n", c.shared.len(), md_escape(&a.name), c.only_a.len(), md_escape(&b.name), c.only_b.len());
    for (name, only) in [(&a.name, &c.only_a), (&b.name, &c.only_b)] {
        let _ = writeln!(out, "**Only {}** ({}):\n", md_escape(name), only.len());
        for e in only.iter().map(|c| &c.event) {
            let _ = writeln!(out, "- `{}` — {} ({}, {})", e.id, e.kind, e.dates, e.status);
        }
        out.push('\n');
    }
    let _ = writeln!(out, "## 2. Voices\n\n| event | status | {} M/K/O | {} M/K/O |\n|---|---|---|---|", md_escape(&a.name), md_escape(&b.name));
    for s in &c.shared {
        let _ = writeln!(out, "| `{}` | {} | {}/{}/{} | {}/{}/{} |", s.event.id, s.event.status, s.a.moscow, s.a.kyiv, s.a.other, s.b.moscow, s.b.kyiv, s.b.other);
    }
    let _ = writeln!(out, "\n## 3. Framing\n");
    for s in [a, b] {
        let _ = writeln!(out, "- **{}**: {} own voice, {} hedged, {} verification notes", md_escape(&s.name), pct(s.own_voice, s.claims), pct(s.hedged, s.claims), s.verification_notes);
    }
    for f in &c.framing {
        let _ = writeln!(
            out,
            "- `{}`: **{}** states as fact “{}”; **{}** attributes it to {}: “{}”",
            f.event,
            md_escape(&f.states_as_fact),
            md_escape(&f.fact_text),
            md_escape(&f.attributes),
            md_escape(&f.speaker),
            md_escape(&f.attributed_text)
        );
    }
    let _ = writeln!(out, "\n## 4. Echoes\n");
    if c.echoes.is_empty() {
        let _ = writeln!(out, "None found.");
    }
    for e in &c.echoes {
        let lag = e.lag.as_deref().map(|l| format!(", {l}")).unwrap_or_default();
        let _ = writeln!(out, "- **{}** `{}` copies **{}** `{}`{lag}: “{}”", md_escape(&e.outlet), e.claim, md_escape(&e.first_outlet), e.first_claim, md_escape(&e.text));
    }
    out
}

pub fn render_json(c: &Comparison) -> String {
    let mut s = serde_json::to_string_pretty(c).expect("comparison serializes");
    s.push('\n');
    s
}

fn csv_field(s: &str) -> String {
    // Quote fields with separators, quotes or line breaks, and neutralise spreadsheet formulas.
    let s = if s.starts_with(['=', '+', '-', '@']) { format!("'{s}") } else { s.to_string() };
    if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s }
}

/// One row per event either outlet covered.
pub fn render_csv(c: &Comparison) -> String {
    let mut out = String::from("event,place,kind,dates,status,covered_by,a_moscow,a_kyiv,a_other,b_moscow,b_kyiv,b_other\n");
    let mut rows: BTreeMap<String, String> = BTreeMap::new();
    let line = |e: &EventLine, by: &str, va: &Voices, vb: &Voices| {
        format!(
            "{},{},{},{},{},{},{},{},{},{},{},{}\n",
            csv_field(&e.id),
            csv_field(e.place.as_deref().unwrap_or("")),
            e.kind,
            csv_field(&e.dates),
            e.status,
            csv_field(by),
            va.moscow,
            va.kyiv,
            va.other,
            vb.moscow,
            vb.kyiv,
            vb.other
        )
    };
    for s in &c.shared {
        rows.insert(s.event.id.clone(), line(&s.event, "both", &s.a, &s.b));
    }
    for e in &c.only_a {
        rows.insert(e.event.id.clone(), line(&e.event, &c.a.name, &e.a, &e.b));
    }
    for e in &c.only_b {
        rows.insert(e.event.id.clone(), line(&e.event, &c.b.name, &e.a, &e.b));
    }
    out.extend(rows.into_values());
    out
}
