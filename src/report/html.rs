//! Self-contained HTML: the conflict report and the outlet comparison, each one file with no
//! network access, readable on a laptop and a phone. A map of the events' places is drawn as
//! SVG from the gazetteer's coordinates (the gazetteer's own settlements sketch the country
//! behind them; no tiles), a timeline shows each event's claims per side, and every claim
//! links to its sentence in its article, which the page carries.
//!
//! Everything that comes from articles is untrusted: it is escaped for HTML text and
//! attributes, links are kept only for http(s) URLs, ids are hashed into safe anchors, and the
//! page forbids scripts outright with a Content-Security-Policy (it needs none).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use super::compare::Comparison;
use super::*;
use crate::gazetteer::PlaceKind;

/// Escapes text for HTML text and quoted attributes.
fn esc(s: &str) -> String {
    html_escape::encode_safe(s).into_owned()
}

/// A safe anchor name for anything named by untrusted text (article ids can hold any
/// character).
fn anchor(prefix: &str, key: &str) -> String {
    format!("{prefix}-{:016x}", xxhash_rust::xxh3::xxh3_64(key.as_bytes()))
}

fn claim_anchor(id: &ClaimId) -> String {
    anchor("c", &id.to_string())
}

fn sentence_anchor(article: &ArticleId, start: u32) -> String {
    anchor("s", &format!("{}#{start}", article.0))
}

fn article_anchor(article: &ArticleId) -> String {
    anchor("a", &article.0)
}

fn event_anchor(id: &str) -> String {
    anchor("e", id)
}

/// Only http and https links are kept: a `javascript:` or `data:` URL from an article must
/// never become a link.
fn safe_url(url: &str) -> Option<String> {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then(|| esc(url.trim()))
}

const STYLE: &str = r#"
:root { --moscow: #b91c1c; --kyiv: #1d4ed8; --other: #6b7280; --bg: #fbfaf7; --ink: #1f2328; --muted: #6b7280; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 Georgia, "Times New Roman", serif; color: var(--ink); background: var(--bg); }
header, main { max-width: 70rem; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 1.5rem; }
h1 { font-size: 1.8rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; border-bottom: 1px solid #ddd; padding-bottom: .25rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; margin: 0 0 .5rem; }
.meta, .muted { color: var(--muted); font-size: .9rem; }
nav ul { padding-left: 1.2rem; }
.columns { columns: 20rem auto; font-size: .9rem; }
figure { margin: 0; }
svg { width: 100%; height: auto; display: block; background: #fff; border: 1px solid #e5e5e5; border-radius: 6px; }
svg text { font: 11px sans-serif; fill: #333; }
.event { background: #fff; border: 1px solid #e5e5e5; border-radius: 6px; padding: 1rem; margin: 1rem 0; }
.status { font: 600 .75rem sans-serif; text-transform: uppercase; padding: .1rem .4rem; border-radius: 4px; vertical-align: middle; }
.status.contested { background: #fde68a; } .status.one-sided { background: #e5e7eb; } .status.corroborated { background: #bbf7d0; }
.disputed { font-style: italic; }
.sides { display: flex; flex-wrap: wrap; gap: 1rem; }
.side { flex: 1 1 18rem; min-width: 0; }
.side h4 { margin: .25rem 0; font: 600 .95rem sans-serif; }
.side.moscow h4 { color: var(--moscow); } .side.kyiv h4 { color: var(--kyiv); } .side.other h4 { color: var(--other); }
.side ul { list-style: none; padding: 0; margin: 0; }
.side li { border-left: 3px solid #ddd; padding: .25rem .5rem; margin: .4rem 0; overflow-wrap: anywhere; }
.side.moscow li { border-color: var(--moscow); } .side.kyiv li { border-color: var(--kyiv); } .side.other li { border-color: var(--other); }
.who { font: .85rem sans-serif; color: #444; }
.article { background: #fff; border: 1px solid #eee; border-radius: 6px; padding: .75rem 1rem; margin: .75rem 0; overflow-wrap: anywhere; }
.article p { margin: .5rem 0; }
mark { background: #fff3b0; }
mark:target, li:target { outline: 2px solid #f59e0b; }
table { border-collapse: collapse; width: 100%; font: .9rem sans-serif; }
td, th { border-bottom: 1px solid #eee; padding: .3rem .4rem; text-align: left; vertical-align: top; }
.legend span { display: inline-block; margin-right: 1rem; font: .85rem sans-serif; }
.dot { display: inline-block; width: .7rem; height: .7rem; border-radius: 50%; vertical-align: middle; margin-right: .25rem; }
footer { max-width: 70rem; margin: 2rem auto; padding: 0 1rem 2rem; color: var(--muted); font-size: .85rem; }
@media (max-width: 40rem) { body { font-size: 15px; } .event { padding: .6rem; } }
"#;

fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n\
<meta name=\"referrer\" content=\"no-referrer\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}\n<footer>Made by rift {}. Place names and coordinates: contains data from GeoNames (www.geonames.org), CC BY 4.0.</footer>\n</body>\n</html>\n",
        esc(title),
        env!("CARGO_PKG_VERSION")
    )
}

fn side_class(side: Side) -> &'static str {
    side.as_str()
}

fn side_color(side: Side) -> &'static str {
    match side {
        Side::Moscow => "#b91c1c",
        Side::Kyiv => "#1d4ed8",
        Side::Other => "#6b7280",
    }
}

/// Longitude and latitude to SVG coordinates: an equirectangular projection around Ukraine,
/// with longitude scaled by the cosine of the middle latitude so shapes are not stretched.
struct Projection;

impl Projection {
    const LON0: f64 = 21.5;
    const LON1: f64 = 41.0;
    const LAT0: f64 = 44.0;
    const LAT1: f64 = 53.0;
    const SCALE: f64 = 60.0;

    fn width() -> f64 {
        (Self::LON1 - Self::LON0) * Self::SCALE * (48.5f64).to_radians().cos()
    }
    fn height() -> f64 {
        (Self::LAT1 - Self::LAT0) * Self::SCALE
    }
    fn xy(lat: f64, lon: f64) -> Option<(f64, f64)> {
        if !(Self::LAT0..=Self::LAT1).contains(&lat) || !(Self::LON0..=Self::LON1).contains(&lon) {
            return None;
        }
        Some(((lon - Self::LON0) * Self::SCALE * (48.5f64).to_radians().cos(), (Self::LAT1 - lat) * Self::SCALE))
    }
}

/// A point on the map: an event place with a colour, a size and a link.
struct Marker {
    lat: f64,
    lon: f64,
    label: String,
    color: &'static str,
    radius: f64,
    href: String,
    title: String,
}

/// The map: the gazetteer's settlements as a faint backdrop (they trace the country), oblast
/// names, and the markers.
fn map_svg(markers: &[Marker], caption: &str) -> String {
    let gaz = Gazetteer::builtin();
    let (w, h) = (Projection::width(), Projection::height());
    let mut backdrop = String::new();
    let mut labels = String::new();
    for p in gaz.places() {
        let Some((x, y)) = Projection::xy(p.lat, p.lon) else { continue };
        match p.kind {
            PlaceKind::Settlement => {
                let _ = write!(backdrop, "M{x:.1} {y:.1}h1.2v1.2h-1.2z");
            }
            PlaceKind::Region if p.country == "UA" => {
                let _ = write!(labels, "<text x=\"{x:.0}\" y=\"{y:.0}\" text-anchor=\"middle\" fill-opacity=\".45\">{}</text>", esc(&p.name));
            }
            _ => {}
        }
    }
    let mut out = format!(
        "<figure><svg id=\"map-svg\" viewBox=\"0 0 {w:.0} {h:.0}\" role=\"img\" aria-label=\"{}\"><path d=\"{backdrop}\" fill=\"#c8c8c8\"/>{labels}",
        esc(caption)
    );
    // Larger markers first, so small ones stay clickable on top.
    let mut sorted: Vec<&Marker> = markers.iter().collect();
    sorted.sort_by(|a, b| b.radius.total_cmp(&a.radius).then(a.label.cmp(&b.label)));
    for m in sorted {
        let Some((x, y)) = Projection::xy(m.lat, m.lon) else { continue };
        let _ = write!(
            out,
            "<a href=\"#{}\"><circle class=\"marker\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{:.1}\" fill=\"{}\" fill-opacity=\".75\" stroke=\"#fff\"><title>{}</title></circle></a>",
            m.href,
            m.radius,
            m.color,
            esc(&m.title)
        );
        if m.radius >= 6.0 {
            let _ = write!(out, "<text x=\"{:.1}\" y=\"{:.1}\">{}</text>", x + m.radius + 2.0, y + 4.0, esc(&m.label));
        }
    }
    let _ = write!(out, "</svg><figcaption class=\"muted\">{}</figcaption></figure>", esc(caption));
    out
}

/// One row of the timeline: a label linking to its section, and dots (day, side, link, title).
struct TimelineRow {
    label: String,
    href: String,
    dots: Vec<(i32, Side, String, String)>,
}

fn timeline_svg(rows: &[TimelineRow]) -> String {
    let days: Vec<i32> = rows.iter().flat_map(|r| r.dots.iter().map(|d| d.0)).collect();
    let (Some(&lo), Some(&hi)) = (days.iter().min(), days.iter().max()) else {
        return "<p class=\"muted\">No dated claims to place on a timeline.</p>".to_string();
    };
    let span = f64::from((hi - lo).max(1));
    let (left, width, row_h) = (180.0, 620.0, 22.0);
    let height = row_h * rows.len() as f64 + 40.0;
    let x = |d: i32| left + f64::from(d - lo) / span * width;
    let mut out = format!("<figure><svg id=\"timeline-svg\" viewBox=\"0 0 {:.0} {height:.0}\" role=\"img\" aria-label=\"Claims over time, per event and side\">", left + width + 20.0);
    for (i, r) in rows.iter().enumerate() {
        let y = 20.0 + row_h * i as f64;
        let _ = write!(
            out,
            "<a href=\"#{}\"><text x=\"4\" y=\"{:.0}\">{}</text></a><line x1=\"{left}\" x2=\"{:.0}\" y1=\"{y:.0}\" y2=\"{y:.0}\" stroke=\"#eee\"/>",
            r.href,
            y + 4.0,
            esc(&truncate(&r.label, 28)),
            left + width
        );
        // Dots of one day and side are spread a little so each stays visible and clickable.
        let mut seen: BTreeMap<(i32, Side), usize> = BTreeMap::new();
        for (day, side, href, title) in &r.dots {
            let n = seen.entry((*day, *side)).or_default();
            let offset = match side {
                Side::Moscow => -5.0,
                Side::Kyiv => 5.0,
                Side::Other => 0.0,
            };
            let _ = write!(
                out,
                "<a href=\"#{href}\"><circle class=\"claim-dot\" cx=\"{:.1}\" cy=\"{:.1}\" r=\"4\" fill=\"{}\"><title>{}</title></circle></a>",
                x(*day) + *n as f64 * 2.5,
                y + offset,
                side_color(*side),
                esc(title)
            );
            *n += 1;
        }
    }
    let axis_y = height - 12.0;
    for (d, anchor_pos) in [(lo, "start"), (hi, "end")] {
        let _ = write!(out, "<text x=\"{:.0}\" y=\"{axis_y:.0}\" text-anchor=\"{anchor_pos}\">{}</text>", x(d), Day(d));
    }
    out.push_str("</svg></figure>");
    out.push_str(&legend());
    out
}

fn legend() -> String {
    let mut out = String::from("<p class=\"legend\">");
    for side in [Side::Moscow, Side::Kyiv, Side::Other] {
        let _ = write!(out, "<span><i class=\"dot\" style=\"background:{}\"></i>{}</span>", side_color(side), side.label());
    }
    out.push_str("</p>");
    out
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n { s.to_string() } else { format!("{}…", s.chars().take(n - 1).collect::<String>()) }
}

fn claim_item(out: &mut String, c: &ClaimView) {
    let url = c.url.as_deref().and_then(safe_url);
    let _ = write!(
        out,
        "<li id=\"{}\"><div class=\"who\">{} — {}, {}, {}</div><q>{}</q> <a class=\"sentence-link\" href=\"#{}\">sentence</a>",
        claim_anchor(&c.claim.id),
        esc(&speaker_label(&c.claim)),
        esc(&c.outlet),
        esc(c.date()),
        hedge_label(&c.claim),
        esc(&one_line(&c.claim.text)),
        sentence_anchor(&c.claim.id.article, c.claim.sentence.start),
    );
    if let Some(u) = url {
        let _ = write!(out, " · <a href=\"{u}\" rel=\"noopener noreferrer nofollow\">article</a>");
    }
    if let Some(e) = c.echo.as_ref().filter(|e| e.position > 0) {
        let lag = e.lag_minutes.map(|m| format!(", {}", super::conflicts::later(m))).unwrap_or_default();
        let _ = write!(out, " <span class=\"muted\">(copy of {}{})</span>", esc(&e.first_outlet), esc(&lag));
    }
    let _ = write!(out, " <span class=\"muted\">[{}]</span></li>", esc(&c.claim.id.to_string()));
}

fn event_section(out: &mut String, v: &EventView) {
    let e = &v.event;
    let _ = write!(
        out,
        "<article class=\"event\" id=\"{}\"><h3>{} · {} · {} <span class=\"status {}\">{}</span></h3><p class=\"disputed\">{}</p><div class=\"sides\">",
        event_anchor(&e.id.0),
        esc(&place_label(e)),
        kind_label(e.kind),
        esc(&dates(e)),
        e.status.as_str(),
        e.status.as_str(),
        esc(&disputed(v))
    );
    for side in [Side::Moscow, Side::Kyiv, Side::Other] {
        let claims: Vec<&ClaimView> = v.side_claims(side).collect();
        if claims.is_empty() {
            continue;
        }
        let _ = write!(out, "<div class=\"side {}\"><h4>{} ({} claims, {} independent)</h4><ul>", side_class(side), side.label(), claims.len(), v.independent(side));
        for c in claims {
            claim_item(out, c);
        }
        out.push_str("</ul></div>");
    }
    out.push_str("</div>");
    let q = quantities(v);
    if !q.is_empty() {
        out.push_str("<p><strong>Numbers:</strong> ");
        let items: Vec<String> = q.iter().map(|(s, t, sp, o)| format!("{}: {} ({}, {})", s.label(), esc(t), esc(sp), esc(o))).collect();
        out.push_str(&items.join("; "));
        out.push_str("</p>");
    }
    let notes: BTreeSet<&str> = v.claims.iter().filter_map(|c| c.verification.as_deref()).collect();
    for n in notes {
        let _ = write!(out, "<p class=\"muted\">Verification: “{}”</p>", esc(&one_line(n)));
    }
    for d in &v.within_side {
        let _ = write!(
            out,
            "<p class=\"within\"><strong>Within {}:</strong> {} <span class=\"muted\">({} vs {}, rule {})</span></p>",
            d.side.label(),
            esc(&d.explanation),
            esc(&d.claims[0].to_string()),
            esc(&d.claims[1].to_string()),
            esc(d.rule)
        );
    }
    let _ = write!(out, "<p class=\"muted\">Status: {} — {}. Event <code>{}</code>.</p></article>", e.status.as_str(), esc(&status_reason(v)), esc(&e.id.0));
}

/// The articles the claims come from, with every claim's sentence marked and anchored.
fn articles_section(db: &Db, views: &[EventView]) -> Result<String> {
    let mut marks: BTreeMap<ArticleId, BTreeSet<(u32, u32)>> = BTreeMap::new();
    for v in views {
        for c in &v.claims {
            marks.entry(c.claim.id.article.clone()).or_default().insert((c.claim.sentence.start, c.claim.sentence.end));
        }
    }
    let mut out = String::from("<section id=\"articles\"><h2>Articles</h2><p class=\"muted\">Each claim above links to its sentence, marked here.</p>");
    for (id, sentences) in &marks {
        let Some(a) = db.article(id)? else { continue };
        let _ = write!(
            out,
            "<div class=\"article\" id=\"{}\"><h3>{}</h3><p class=\"meta\">{} · {} · id {}",
            article_anchor(id),
            esc(a.title.as_deref().unwrap_or("(untitled)")),
            esc(&a.outlet),
            esc(a.published.as_deref().unwrap_or("undated")),
            esc(&a.id.0)
        );
        if let Some(u) = a.url.as_deref().and_then(safe_url) {
            let _ = write!(out, " · <a href=\"{u}\" rel=\"noopener noreferrer nofollow\">original</a>");
        }
        out.push_str("</p>");
        // Paragraphs of the text, each sentence with a claim wrapped in an anchored mark.
        let text = &a.text;
        let mut pos = 0;
        let mut para = String::new();
        let flush = |para: &mut String, out: &mut String| {
            if !para.trim().is_empty() {
                let _ = write!(out, "<p>{}</p>", para.trim());
            }
            para.clear();
        };
        let mut cuts: Vec<(usize, usize)> = sentences.iter().map(|&(s, e)| (s as usize, e as usize)).filter(|&(s, e)| s < e && e <= text.len()).collect();
        cuts.dedup_by(|b, a| b.0 < a.1);
        let emit_plain = |from: usize, to: usize, para: &mut String, out: &mut String| {
            let chunk = &text[from..to];
            let mut parts = chunk.split("\n\n").peekable();
            while let Some(p) = parts.next() {
                para.push_str(&esc(p));
                if parts.peek().is_some() {
                    flush(para, out);
                }
            }
        };
        for (s, e) in cuts {
            if !text.is_char_boundary(s) || !text.is_char_boundary(e) || s < pos {
                continue;
            }
            emit_plain(pos, s, &mut para, &mut out);
            let _ = write!(para, "<mark id=\"{}\">{}</mark>", sentence_anchor(id, s as u32), esc(&text[s..e]));
            pos = e;
        }
        emit_plain(pos, text.len(), &mut para, &mut out);
        if !para.trim().is_empty() {
            let _ = write!(out, "<p>{}</p>", para.trim());
        }
        out.push_str("</div>");
    }
    out.push_str("</section>");
    Ok(out)
}

fn event_marker(v: &EventView) -> Option<Marker> {
    let place = v.event.place.as_ref()?;
    let p = Gazetteer::builtin().place(place.id?)?;
    let color = match v.event.status {
        Status::Contested => "#d97706",
        Status::Corroborated => "#15803d",
        Status::OneSided => "#6b7280",
    };
    Some(Marker {
        lat: p.lat,
        lon: p.lon,
        label: p.name.clone(),
        color,
        radius: 3.0 + (v.claims.len() as f64).sqrt() * 1.5,
        href: event_anchor(&v.event.id.0),
        title: format!("{} · {} · {} · {} ({} claims)", p.name, kind_label(v.event.kind), dates(&v.event), v.event.status.as_str(), v.claims.len()),
    })
}

fn event_row(v: &EventView) -> TimelineRow {
    TimelineRow {
        label: format!("{} {}", place_label(&v.event), kind_label(v.event.kind)),
        href: event_anchor(&v.event.id.0),
        dots: v
            .claims
            .iter()
            .filter_map(|c| {
                c.claim.day.map(|d| (d.0, c.claim.side, claim_anchor(&c.claim.id), format!("{} — {}, {}", speaker_label(&c.claim), c.outlet, c.date())))
            })
            .collect(),
    }
}

/// The most timeline rows a page draws; the events past it are still listed below.
const TIMELINE_ROWS: usize = 60;

/// The conflict report as one self-contained HTML page.
pub fn render_report(db: &Db, views: &[EventView]) -> Result<String> {
    let contested: Vec<&EventView> = views.iter().filter(|v| v.event.status == Status::Contested).collect();
    let mut body = String::new();
    let _ = write!(
        body,
        "<header><h1>Conflict report</h1><p class=\"meta\">{} events, {} contested: where Moscow's and Kyiv's accounts cannot both be true.</p></header><main>",
        views.len(),
        contested.len()
    );

    let markers: Vec<Marker> = views.iter().filter_map(event_marker).collect();
    let unplaced = views.len() - markers.len();
    body.push_str("<section id=\"map\"><h2>Map</h2>");
    body.push_str(&map_svg(&markers, &format!("Events by place: amber contested, green corroborated, grey one-sided; size by number of claims. {unplaced} events have no place on the map.")));
    body.push_str("</section><section id=\"timeline\"><h2>Timeline</h2><p class=\"muted\">Each contested event's claims by day and side; a dot links to its claim.</p>");
    let rows: Vec<TimelineRow> = contested.iter().take(TIMELINE_ROWS).map(|v| event_row(v)).collect();
    body.push_str(&timeline_svg(&rows));
    body.push_str("</section>");
    body.push_str("<nav id=\"contents\"><h2>Contested events</h2><ul class=\"columns\">");
    for v in &contested {
        let _ = write!(body, "<li><a href=\"#{}\">{} · {} · {}</a></li>", event_anchor(&v.event.id.0), esc(&place_label(&v.event)), kind_label(v.event.kind), esc(&dates(&v.event)));
    }
    body.push_str("</ul></nav>");
    body.push_str("<section id=\"events\"><h2>Events</h2>");
    for v in views {
        event_section(&mut body, v);
    }
    body.push_str("</section>");
    body.push_str(&articles_section(db, views)?);
    body.push_str("</main>");
    Ok(page("rift conflict report", &body))
}

/// The outlet comparison as one self-contained HTML page, with the events each covered on the
/// map and each outlet's claims on a timeline.
pub fn render_compare(db: &Db, lex: &Lexicons, c: &Comparison, filter: &Filter) -> Result<String> {
    let (a, b) = (&c.a, &c.b);
    let mut body = String::new();
    let _ = write!(body, "<header><h1>{} vs {}</h1>", esc(&a.name), esc(&b.name));
    for s in [a, b] {
        let _ = write!(
            body,
            "<p class=\"meta\"><strong>{}</strong>: {} articles, {} claims{}{}</p>",
            esc(&s.name),
            s.articles,
            s.claims,
            s.country.map(|c| format!(", country {}", esc(c))).unwrap_or_default(),
            s.state_media.map(|m| format!(", {m}'s state media")).unwrap_or_default()
        );
    }
    body.push_str("</header><main>");
    let views = load(db, lex, &Filter { all: true, ..filter.clone() })?;
    let by_id: BTreeMap<&str, &EventView> = views.iter().map(|v| (v.event.id.0.as_str(), v)).collect();
    let mut markers = Vec::new();
    for (list, color, who) in [(&c.shared, "#7c3aed", "both"), (&c.only_a, "#0891b2", a.name.as_str()), (&c.only_b, "#ea580c", b.name.as_str())] {
        for ce in list {
            if let Some(mut m) = by_id.get(ce.event.id.as_str()).and_then(|v| event_marker(v)) {
                m.color = color;
                m.title = format!("{} (covered by {who})", m.title);
                markers.push(m);
            }
        }
    }
    body.push_str("<section id=\"map\"><h2>Map</h2>");
    body.push_str(&map_svg(&markers, &format!("Events covered by both (purple), only {} (teal), only {} (orange).", a.name, b.name)));
    body.push_str("</section>");
    body.push_str("<section id=\"coverage\"><h2>1. Coverage</h2>");
    let _ = write!(body, "<p>Both covered {} events; only {} {}; only {} {}.</p>", c.shared.len(), esc(&a.name), c.only_a.len(), esc(&b.name), c.only_b.len());
    for (title, list) in [(format!("Only {}", a.name), &c.only_a), (format!("Only {}", b.name), &c.only_b)] {
        let _ = write!(body, "<h3>{}</h3><table><tr><th>event</th><th>kind</th><th>dates</th><th>status</th></tr>", esc(&title));
        for ce in list {
            let e = &ce.event;
            let _ = write!(body, "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", esc(&e.id), e.kind, esc(&e.dates), e.status);
        }
        body.push_str("</table>");
    }
    body.push_str("</section><section id=\"voices\"><h2>2. Voices</h2><table>");
    let _ = write!(body, "<tr><th>event both covered</th><th>status</th><th>{} Moscow/Kyiv/others</th><th>{} Moscow/Kyiv/others</th></tr>", esc(&a.name), esc(&b.name));
    for s in &c.shared {
        let _ = write!(
            body,
            "<tr><td>{}</td><td>{}</td><td>{}/{}/{}</td><td>{}/{}/{}</td></tr>",
            esc(&s.event.id),
            s.event.status,
            s.a.moscow,
            s.a.kyiv,
            s.a.other,
            s.b.moscow,
            s.b.kyiv,
            s.b.other
        );
    }
    body.push_str("</table></section><section id=\"framing\"><h2>3. Framing</h2><ul>");
    for s in [a, b] {
        let _ = write!(
            body,
            "<li><strong>{}</strong>: {} of {} claims in its own voice, {} hedged, {} verification notes</li>",
            esc(&s.name),
            s.own_voice,
            s.claims,
            s.hedged,
            s.verification_notes
        );
    }
    for f in &c.framing {
        let _ = write!(
            body,
            "<li><code>{}</code>: <strong>{}</strong> states as fact <q>{}</q>; <strong>{}</strong> attributes it to {}: <q>{}</q></li>",
            esc(&f.event),
            esc(&f.states_as_fact),
            esc(&f.fact_text),
            esc(&f.attributes),
            esc(&f.speaker),
            esc(&f.attributed_text)
        );
    }
    body.push_str("</ul></section><section id=\"echoes\"><h2>4. Echoes</h2><ul>");
    if c.echoes.is_empty() {
        body.push_str("<li>None found.</li>");
    }
    for e in &c.echoes {
        let _ = write!(
            body,
            "<li><strong>{}</strong> copies <strong>{}</strong>{}: <q>{}</q></li>",
            esc(&e.outlet),
            esc(&e.first_outlet),
            e.lag.as_deref().map(|l| format!(" ({})", esc(l))).unwrap_or_default(),
            esc(&e.text)
        );
    }
    body.push_str("</ul></section>");
    // The timeline: each outlet's claims, per side, over the events either covered.
    let rows: Vec<TimelineRow> = [a, b]
        .iter()
        .map(|s| TimelineRow {
            label: s.name.clone(),
            href: "coverage".to_string(),
            dots: views
                .iter()
                .flat_map(|v| v.claims.iter())
                .filter(|cv| outlet_matches(lex, &cv.outlet_written, &s.name))
                .filter_map(|cv| cv.claim.day.map(|d| (d.0, cv.claim.side, "coverage".to_string(), format!("{} — {}", speaker_label(&cv.claim), cv.date()))))
                .collect(),
        })
        .collect();
    body.push_str("<section id=\"timeline\"><h2>Timeline</h2><p class=\"muted\">Each outlet's claims by day, coloured by the side speaking.</p>");
    body.push_str(&timeline_svg(&rows));
    body.push_str("</section></main>");
    Ok(page(&format!("{} vs {}", a.name, b.name), &body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn untrusted_text_is_escaped_and_unsafe_links_dropped() {
        assert_eq!(esc("<script>alert(\"x\")</script>"), "&lt;script&gt;alert(&quot;x&quot;)&lt;&#x2F;script&gt;");
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert_eq!(safe_url("https://example.org/a?b=1&c=\"2\"").as_deref(), Some("https:&#x2F;&#x2F;example.org&#x2F;a?b=1&amp;c=&quot;2&quot;"));
        let a = anchor("a", "\"><img src=x onerror=alert(1)>");
        assert!(a.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    }

    #[test]
    fn the_projection_places_kyiv_north_of_odesa_and_west_of_kharkiv() {
        let (kx, ky) = Projection::xy(50.45, 30.52).unwrap();
        let (ox, oy) = Projection::xy(46.48, 30.73).unwrap();
        let (hx, _) = Projection::xy(49.99, 36.23).unwrap();
        assert!(ky < oy && (kx - ox).abs() < 10.0 && kx < hx);
        assert!(Projection::xy(55.75, 37.61).is_none());
    }
}
