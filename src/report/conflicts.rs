//! The conflict report as text and Markdown, the event list and one event in full.
//!
//! Shaped like an analyst's note: per contested event one line saying what is disputed, then
//! "Moscow:" and "Kyiv:" with speaker, outlet, date and the sentence (an echoed wire story
//! once, with the outlets that carried it), third parties and verification notes, numbers side
//! by side, then the status and the rule that set it.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use super::*;

/// How many accounts per side the text and Markdown reports print before "and N more".
pub const SHOWN_PER_SIDE: usize = 6;

/// The one-line statement of what an event's accounts dispute.
pub fn disputed(view: &EventView) -> String {
    match view.event.conflicts.first() {
        Some(c) => c.explanation.clone(),
        None => match view.event.status {
            Status::Corroborated => "Moscow and Kyiv accounts agree.".to_string(),
            _ => {
                let sides: BTreeSet<&str> = view.claims.iter().map(|c| c.claim.side.label()).collect();
                let sides: Vec<&str> = sides.into_iter().collect();
                format!("Only {} speak{} of it.", sides.join(" and "), if sides.len() == 1 && sides[0] != "Others" { "s" } else { "" })
            }
        },
    }
}

/// The accounts of a side as shown: echoes folded into their first carrier.
fn shown(view: &EventView, side: Side) -> Vec<&ClaimView> {
    view.side_claims(side).filter(|c| !c.is_echo()).collect()
}

/// "also carried by A, B (first: Reuters)" for a claim that opens an echo group.
fn carried_by(view: &EventView, c: &ClaimView) -> Option<String> {
    let echo = c.echo.as_ref()?;
    let group = view.echoes.iter().find(|g| g.contains(&echo.first))?;
    let others: BTreeSet<&str> =
        group.iter().filter(|id| **id != c.claim.id).filter_map(|id| view.claim(id)).map(|cv| cv.outlet.as_str()).filter(|o| *o != c.outlet).collect();
    (!others.is_empty()).then(|| format!("echoed by {}", others.into_iter().collect::<Vec<_>>().join(", ")))
}

fn side_heading(view: &EventView, side: Side) -> String {
    let all = view.side_claims(side).count();
    let independent = view.independent(side);
    if all == independent {
        format!("{} ({all} claim{})", side.label(), if all == 1 { "" } else { "s" })
    } else {
        format!("{} ({all} claims, {independent} independent: the rest echo wire copy)", side.label())
    }
}

fn numbers_line(view: &EventView) -> Option<String> {
    let q = quantities(view);
    if q.is_empty() {
        return None;
    }
    let part = |side: Side| {
        let items: Vec<String> = q.iter().filter(|(s, ..)| *s == side).map(|(_, t, sp, o)| format!("{t} ({sp}, {o})")).collect();
        (!items.is_empty()).then(|| format!("{}: {}", side.label(), items.join("; ")))
    };
    let parts: Vec<String> = [Side::Moscow, Side::Kyiv, Side::Other].into_iter().filter_map(part).collect();
    Some(parts.join(" | "))
}

fn text_claim(out: &mut String, view: &EventView, c: &ClaimView) {
    let _ = write!(
        out,
        "    - {} ({}, {}, {}): \"{}\"  [{}]",
        speaker_label(&c.claim),
        c.outlet,
        c.date(),
        hedge_label(&c.claim),
        one_line(&c.claim.text),
        c.claim.id
    );
    if let Some(e) = carried_by(view, c) {
        let _ = write!(out, " ({e})");
    }
    out.push('\n');
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
            let claims = shown(v, side);
            if claims.is_empty() {
                continue;
            }
            let _ = writeln!(out, "  {}:", side_heading(v, side));
            for c in claims.iter().take(SHOWN_PER_SIDE) {
                text_claim(&mut out, v, c);
            }
            if claims.len() > SHOWN_PER_SIDE {
                let _ = writeln!(out, "    ... and {} more (rift show {})", claims.len() - SHOWN_PER_SIDE, e.id);
            }
        }
        if let Some(n) = numbers_line(v) {
            let _ = writeln!(out, "  Numbers: {n}");
        }
        let notes: BTreeSet<&str> = v.claims.iter().filter_map(|c| c.verification.as_deref()).collect();
        for n in notes {
            let _ = writeln!(out, "  Verification: \"{}\"", one_line(n));
        }
        text_within_side(&mut out, v, "  ");
        let _ = writeln!(out, "  Status: contested, by rule {}\n", status_reason(v));
    }
    let rest: Vec<&EventView> = views.iter().filter(|v| v.event.status != Status::Contested).collect();
    if !rest.is_empty() {
        let _ = writeln!(out, "Other events ({}):", rest.len());
        for v in rest {
            let e = &v.event;
            let _ = writeln!(
                out,
                "  {} · {} · {} · {} (Moscow {}, Kyiv {}, others {})  [{}]",
                place_label(e),
                kind_label(e.kind),
                dates(e),
                e.status.as_str(),
                v.independent(Side::Moscow),
                v.independent(Side::Kyiv),
                v.independent(Side::Other),
                e.id
            );
            text_within_side(&mut out, v, "    ");
        }
    }
    out
}

/// "Within Moscow: ..." lines: a side's own accounts that contradict each other.
fn text_within_side(out: &mut String, v: &EventView, indent: &str) {
    for d in &v.within_side {
        let _ = writeln!(out, "{indent}Within {}: {}  [{} vs {}, rule {}]", d.side.label(), d.explanation, d.claims[0], d.claims[1], d.rule);
    }
}

/// Escapes Markdown's active characters in text that comes from articles.
pub(crate) fn md_escape(s: &str) -> String {
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
            let claims = shown(v, side);
            if claims.is_empty() {
                continue;
            }
            let _ = writeln!(out, "**{}:**\n", md_escape(&side_heading(v, side)));
            for c in claims.iter().take(SHOWN_PER_SIDE) {
                let _ = write!(
                    out,
                    "- {} ({}, {}, {}): “{}” `{}`",
                    md_escape(&speaker_label(&c.claim)),
                    md_escape(&c.outlet),
                    c.date(),
                    hedge_label(&c.claim),
                    md_escape(&one_line(&c.claim.text)),
                    c.claim.id
                );
                if let Some(e) = carried_by(v, c) {
                    let _ = write!(out, " — {}", md_escape(&e));
                }
                out.push('\n');
            }
            if claims.len() > SHOWN_PER_SIDE {
                let _ = writeln!(out, "- … and {} more", claims.len() - SHOWN_PER_SIDE);
            }
            out.push('\n');
        }
        if let Some(n) = numbers_line(v) {
            let _ = writeln!(out, "**Numbers:** {}\n", md_escape(&n));
        }
        let notes: BTreeSet<&str> = v.claims.iter().filter_map(|c| c.verification.as_deref()).collect();
        for n in notes {
            let _ = writeln!(out, "> Verification: {}\n", md_escape(&one_line(n)));
        }
        for d in &v.within_side {
            let _ = writeln!(out, "**Within {}:** {} (`{}` vs `{}`, rule {})\n", d.side.label(), md_escape(&d.explanation), d.claims[0], d.claims[1], d.rule);
        }
        let _ = writeln!(out, "**Status:** contested — {}\n", status_reason(v));
    }
    let rest: Vec<&EventView> = views.iter().filter(|v| v.event.status != Status::Contested).collect();
    if !rest.is_empty() {
        let _ = writeln!(out, "## Other events\n\n| place | kind | dates | status | Moscow | Kyiv | others | id |\n|---|---|---|---|---|---|---|---|");
        for v in &rest {
            let e = &v.event;
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} | `{}` |",
                md_escape(&place_label(e)),
                kind_label(e.kind),
                dates(e),
                e.status.as_str(),
                v.independent(Side::Moscow),
                v.independent(Side::Kyiv),
                v.independent(Side::Other),
                e.id
            );
        }
        let split: Vec<&&EventView> = rest.iter().filter(|v| !v.within_side.is_empty()).collect();
        if !split.is_empty() {
            let _ = writeln!(out, "\n## Disagreement within a side\n");
            for v in split {
                for d in &v.within_side {
                    let _ = writeln!(
                        out,
                        "- {} — {} ({}): **Within {}:** {} (`{}` vs `{}`)",
                        md_escape(&place_label(&v.event)),
                        kind_label(v.event.kind),
                        dates(&v.event),
                        d.side.label(),
                        md_escape(&d.explanation),
                        d.claims[0],
                        d.claims[1]
                    );
                }
            }
        }
    }
    out
}

/// `rift events`: one line per event.
pub fn render_events(views: &[EventView]) -> String {
    let mut out = String::new();
    for v in views {
        let e = &v.event;
        let _ = writeln!(
            out,
            "{:<48} {:<13} {:<12} {:<24} M{:<3} K{:<3} O{:<3} {}",
            e.id.0,
            e.status.as_str(),
            kind_label(e.kind),
            dates(e),
            v.independent(Side::Moscow),
            v.independent(Side::Kyiv),
            v.independent(Side::Other),
            place_label(e)
        );
    }
    if views.is_empty() {
        out.push_str("no events (ingest articles with `rift ingest PATH`)\n");
    }
    out
}

/// "3 h later", "at the same time or the same day".
pub(crate) fn later(minutes: i64) -> String {
    if minutes == 0 { lag_label(0) } else { format!("{} later", lag_label(minutes)) }
}

/// `rift show EVENT`: the event with every claim and its provenance.
pub fn render_show(v: &EventView) -> String {
    let mut out = String::new();
    let e = &v.event;
    let _ = writeln!(
        out,
        "{}\n  place: {}\n  kind: {}\n  dates: {}\n  status: {} ({})",
        e.id,
        place_label(e),
        kind_label(e.kind),
        dates(e),
        e.status.as_str(),
        status_reason(v)
    );
    let _ = writeln!(out, "  disputed: {}\n  grouped by: {}", disputed(v), e.rule);
    for c in &e.conflicts {
        let _ = writeln!(out, "  conflict [{}] {} vs {}: {}", c.rule, c.moscow, c.kyiv, c.explanation);
    }
    for g in &v.echoes {
        let ids: Vec<String> = g.iter().map(ToString::to_string).collect();
        let _ = writeln!(out, "  echoes: {} (one story, earliest first)", ids.join(", "));
    }
    for d in &v.within_side {
        let _ = writeln!(out, "  within {} [{}] {} vs {}: {}", d.side.label(), d.rule, d.claims[0], d.claims[1], d.explanation);
    }
    for side in [Side::Moscow, Side::Kyiv, Side::Other] {
        let claims: Vec<&ClaimView> = v.side_claims(side).collect();
        if claims.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{}", side_heading(v, side));
        for c in claims {
            let cl = &c.claim;
            let _ = writeln!(out, "  [{}] {} — {}, {}", cl.id, speaker_label(cl), c.outlet, c.published.as_deref().unwrap_or("undated"));
            let _ = writeln!(out, "    \"{}\"", one_line(&cl.text));
            let _ = writeln!(
                out,
                "    {} {} ({}{}), trigger \"{}\"{}, bytes {}..{}",
                hedge_label(cl),
                cl.action.kind.as_str(),
                stance_label(cl.action.stance),
                cl.action.actor.map(|a| format!(", by {}", a.as_str())).unwrap_or_default(),
                cl.action.trigger,
                cl.quantity.as_ref().map(|q| format!(", count \"{}\"", q.text)).unwrap_or_default(),
                cl.span.start,
                cl.span.end
            );
            if let Some(echo) = c.echo.as_ref().filter(|e| e.position > 0) {
                let lag = echo.lag_minutes.map(|m| format!(", {}", later(m))).unwrap_or_default();
                let _ = writeln!(out, "    echo of {} ({}{lag})", echo.first, echo.first_outlet);
            }
            if let Some(n) = &c.verification {
                let _ = writeln!(out, "    verification: \"{}\"", one_line(n));
            }
            let _ = writeln!(out, "    rules: {}", cl.rules.join(", "));
        }
    }
    out
}
