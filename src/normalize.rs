//! Stage 3, normalize: raw claims into claims with canonical places, days and quantities.
//!
//! Places are resolved among homonyms with the article's other mentions as context (through the
//! gazetteer); dates written relative to publication ("on Thursday evening", "earlier on
//! Friday", "January 12") become days; numbers become ranges ("more than 500" is 501 and up,
//! "about 10,000" is 9,000 to 11,000, "dozens" is 24 to 99).

use jiff::civil::{Date, Weekday};

use crate::extract::{Extraction, Folded, RawClaim, Token, tokens};
use crate::gazetteer::{Gazetteer, PlaceKind};
use crate::lexicon::{Lexicons, NounRole, QuantityWord, WordClass};
use crate::model::{Action, ArticleId, Claim, ClaimId, Day, PlaceId, PlaceRef, Quantity, Span, Speaker};

/// Reads a publication date: `YYYY-MM-DD`, or an RFC 3339 timestamp (its own calendar date).
pub fn parse_published(text: &str) -> Option<Day> {
    let text = text.trim();
    let date_part = text.get(..10)?;
    let date: Date = date_part.parse().ok()?;
    if text.len() > 10 {
        // Anything after the date must be a time: accept RFC 3339 and "YYYY-MM-DD HH:MM:SS".
        let rest = &text[10..];
        if !(rest.starts_with('T') || rest.starts_with(' ') || rest.starts_with('t')) {
            return None;
        }
    }
    Some(Day::from_date(date))
}

/// Normalizes the raw claims of one article.
pub fn normalize(
    article: &ArticleId,
    text: &str,
    published: Option<Day>,
    extraction: &Extraction,
    lex: &Lexicons,
    gaz: &Gazetteer,
) -> Vec<Claim> {
    extraction
        .claims
        .iter()
        .enumerate()
        .map(|(seq, raw)| claim(article, seq as u32, text, published, extraction, raw, lex, gaz))
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn claim(
    article: &ArticleId,
    seq: u32,
    text: &str,
    published: Option<Day>,
    extraction: &Extraction,
    raw: &RawClaim,
    lex: &Lexicons,
    gaz: &Gazetteer,
) -> Claim {
    let mut rules = raw.rules.clone();
    let place = raw.place.as_ref().map(|(i, _)| {
        let mention = &extraction.mentions[*i];
        let mut id = gaz.resolve(mention, &extraction.mentions);
        let mut how = if mention.candidates.len() > 1 { "context".to_string() } else { format!("{:?}", mention.how).to_lowercase() };
        rules.push(format!("place-resolved:{how}"));
        if let Some(town) = host_town(gaz, id) {
            // "the Azovstal plant", "the Kakhovka dam": what happens there happens in its town.
            id = town;
            how = "feature-in-town".to_string();
            rules.push("place:feature-in-town".into());
        }
        PlaceRef {
            // An unlisted name's id only groups its mentions within the article; across
            // articles the name itself does (see `cluster::block_key`).
            id: gaz.place(id).map(|_| id),
            name: gaz.place(id).map(|p| p.name.clone()).unwrap_or_else(|| mention.surface.clone()),
            surface: mention.surface.clone(),
            span: mention.span,
            resolved_by: how,
        }
    });
    let event_day = resolve_date(raw.span.slice(text), published)
        .or_else(|| resolve_date(raw.sentence.slice(text), published))
        .map(|(day, _)| day);
    let day = published.or_else(|| {
        resolve_date(raw.sentence.slice(text), None).map(|(d, _)| d)
    });
    if published.is_none() && day.is_some() {
        rules.push("day:from-explicit-date".into());
    }
    let quantity = quantity(text, raw.span, raw.trigger_span, lex);
    if let Some(f) = raw.framing {
        rules.push(format!("framing:{}", f.name()));
    }
    Claim {
        id: ClaimId { article: article.clone(), seq },
        span: raw.span,
        text: raw.span.slice(text).to_string(),
        sentence: raw.sentence,
        speaker: raw.speaker.as_ref().map(|s| Speaker {
            text: s.text.clone(),
            span: s.span,
            resolved: s.resolved.clone(),
            side: s.side.unwrap_or(raw.side),
        }),
        side: raw.side,
        modality: raw.modality,
        cue: raw.cue.clone(),
        action: Action {
            kind: raw.kind,
            stance: raw.stance,
            actor: raw.actor,
            trigger: raw.trigger.clone(),
            trigger_span: raw.trigger_span,
            negated: raw.negated,
        },
        place,
        event_day,
        day,
        quantity,
        verification: raw.verification,
        rules,
    }
}

const MONTHS: [&str; 12] = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
];

fn month_of(word: &str) -> Option<i8> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() >= 3 && m.starts_with(&w) && (w.len() == 3 || w == "sept")))
        .map(|i| i as i8 + 1)
        // "May" as a month needs a day next to it; "march" as a verb is caught the same way.
        .filter(|_| true)
}

fn weekday_of(word: &str) -> Option<Weekday> {
    Some(match word.to_lowercase().as_str() {
        "monday" => Weekday::Monday,
        "tuesday" => Weekday::Tuesday,
        "wednesday" => Weekday::Wednesday,
        "thursday" => Weekday::Thursday,
        "friday" => Weekday::Friday,
        "saturday" => Weekday::Saturday,
        "sunday" => Weekday::Sunday,
        _ => return None,
    })
}

fn day_number(word: &str) -> Option<i8> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let n: i8 = digits.parse().ok()?;
    (1..=31).contains(&n).then_some(n)
}

fn year_number(word: &str) -> Option<i16> {
    let n: i16 = word.parse().ok()?;
    (1990..=2100).contains(&n).then_some(n)
}

/// A feature stands for the town it is in when it is a site (a plant, a dam, a bridge) within
/// [`HOST_TOWN_KM`] of a town of at least [`HOST_TOWN_POPULATION`]: the nearest such town.
/// Rivers and features spanning several oblasts have no town.
const HOST_TOWN_KM: f64 = 3.0;
const HOST_TOWN_POPULATION: u64 = 10_000;

pub fn host_town(gaz: &Gazetteer, id: PlaceId) -> Option<PlaceId> {
    let f = gaz.place(id)?;
    if f.kind != PlaceKind::Feature || f.admin1.is_empty() || f.name.to_lowercase().contains("river") {
        return None;
    }
    gaz.places()
        .iter()
        .filter(|p| p.kind == PlaceKind::Settlement && p.population >= HOST_TOWN_POPULATION && p.country == f.country)
        .map(|p| (p.km_to(f), p))
        .filter(|(d, _)| *d <= HOST_TOWN_KM)
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, p)| p.id)
}

/// The first date the text speaks of, resolved against the publication day; `true` when it was
/// written with its year. Weekdays and "yesterday" need a publication day; calendar dates
/// without a year take the year that puts them closest before publication.
pub fn resolve_date(text: &str, published: Option<Day>) -> Option<(Day, bool)> {
    let toks: Vec<Token<'_>> = tokens(text, Span::new(0, text.len())).into_iter().filter(|t| t.is_word()).collect();
    let pub_date = published.map(Day::to_date);
    for (i, t) in toks.iter().enumerate() {
        // "since April 21" starts a stretch of time; the claim speaks of its end.
        if i > 0 && toks[i - 1].text.eq_ignore_ascii_case("since") || i > 1 && toks[i - 2].text.eq_ignore_ascii_case("since") {
            continue;
        }
        let (month, part) = match t.text.get(..4).filter(|p| p.eq_ignore_ascii_case("mid-")) {
            Some(_) => (month_of(&t.text[4..]), Some(15)),
            None => (month_of(t.text), None),
        };
        if let Some(month) = month {
            // "January 12[, 2023]" or "12 January [2023]"; "late April", "mid-May", "the end of
            // June" stand for a day of their part of the month.
            let after = toks.get(i + 1).and_then(|n| day_number(n.text));
            let before = i.checked_sub(1).and_then(|k| day_number(toks[k].text));
            let word_before = |k: usize| i.checked_sub(k).map(|k| toks[k].text.to_lowercase());
            let part = part.or(match word_before(1).as_deref() {
                Some("early") => Some(5),
                Some("mid") => Some(15),
                Some("late") => Some(25),
                Some("of") if word_before(2).as_deref() == Some("end") => Some(28),
                _ => None,
            });
            let Some(day) = after.or(before).or(part) else { continue };
            let year_at = if after.is_some() { i + 2 } else { i + 1 };
            let year = toks.get(year_at).and_then(|y| year_number(y.text));
            if let Some(year) = year {
                if let Ok(date) = Date::new(year, month, day) {
                    return Some((Day::from_date(date), true));
                }
                continue;
            }
            let p = pub_date?;
            let candidates = [p.year() - 1, p.year(), p.year() + 1];
            let best = candidates
                .iter()
                .filter_map(|&y| Date::new(y, month, day).ok())
                .filter(|d| Day::from_date(*d).0 <= Day::from_date(p).0 + 2)
                .max_by_key(|d| Day::from_date(*d).0);
            if let Some(d) = best {
                return Some((Day::from_date(d), false));
            }
            continue;
        }
        let lower = t.text.to_lowercase();
        if let Some(wd) = weekday_of(t.text) {
            let p = pub_date?;
            let last = i.checked_sub(1).map(|k| toks[k].text.to_lowercase());
            let mut back = (p.weekday().to_monday_zero_offset() - wd.to_monday_zero_offset()).rem_euclid(7) as i32;
            if last.as_deref() == Some("last") && back == 0 {
                back = 7;
            }
            return Some((Day(Day::from_date(p).0 - back), false));
        }
        match lower.as_str() {
            "yesterday" => return published.map(|d| (Day(d.0 - 1), false)),
            "today" | "tonight" => return published.map(|d| (d, false)),
            _ => {}
        }
    }
    None
}

/// The first counted quantity of a claim: a number (digits, words or a vague amount, with a
/// qualifier such as "more than") followed within three words by a counted noun.
fn quantity(text: &str, span: Span, trigger: Span, lex: &Lexicons) -> Option<Quantity> {
    let clause = span.slice(text);
    let toks = tokens(text, span);
    // Matched on the folded clause, as the extractor matches: a curly quote after "single
    // digits" is punctuation there, not part of a word.
    let folded = Folded::new(clause);
    let qualifiers: Vec<(Span, QuantityWord)> = lex
        .quantities
        .find(&folded.text)
        .into_iter()
        .map(|m| {
            let at = folded.orig(m.start, m.end);
            (Span { start: span.start + at.start, end: span.start + at.end }, *m.value)
        })
        .collect();
    let mut candidates: Vec<Quantity> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        // "On November 21", "21 November": a day of the month counts nothing.
        let of_date = |k: usize| toks.get(k).is_some_and(|x| month_of(x.text).is_some());
        let (value, mut low, mut high, mut start, mut end, next) = if let Some((n, used)) = number_at(&toks, i) {
            let end_tok = i + used - 1;
            if used == 1 && n <= 31 && ((i > 0 && of_date(i - 1)) || of_date(i + 1)) {
                i += 1;
                continue;
            }
            (Some(n), n, n, t.span.start, toks[end_tok].span.end, i + used)
        } else if let Some((q, w)) = qualifiers.iter().find(|(q, _)| q.start == t.span.start) {
            let used = toks[i..].iter().take_while(|x| x.span.end <= q.end).count().max(1);
            match *w {
                QuantityWord::Word(n) => (Some(n), n, n, q.start, q.end, i + used),
                QuantityWord::Vague(lo, hi) => (None, lo, hi, q.start, q.end, i + used),
                _ => {
                    i += 1;
                    continue;
                }
            }
        } else {
            i += 1;
            continue;
        };
        // A qualifier right before the number: "more than 500", "about 10,000".
        if let Some(v) = value
            && let Some((q, w)) = qualifiers.iter().rev().find(|(q, _)| q.end <= start && text[q.end as usize..start as usize].trim().is_empty()) {
                let (lo, hi) = match w {
                    QuantityWord::Above => (v.saturating_add(1), u64::MAX),
                    QuantityWord::AtLeast => (v, u64::MAX),
                    QuantityWord::Below => (0, v.saturating_sub(1)),
                    // "Up to 300", "as many as 300": a claim of a count near its ceiling, not
                    // of anything from none to 300.
                    QuantityWord::AtMost => (v / 2, v),
                    QuantityWord::About => (v - v / 10, v + v / 10),
                    _ => (low, high),
                };
                low = lo;
                high = hi;
                start = q.start;
            }
        // The counted noun, skipping up to two modifiers ("700 Ukrainian troops").
        // A function word ends the search: in "on November 21 that Ukrainian forces" the
        // forces are another phrase's.
        let unit = toks[next.min(toks.len())..].iter().take(4).take_while(|x| x.is_word() && !lex.grammar.is(x.text, WordClass::Stop)).find_map(|x| {
            lex.nouns
                .find(x.text)
                .into_iter()
                .find(|m| m.start == 0 && m.end == x.text.len())
                .filter(|m| matches!(m.value, NounRole::Military | NounRole::Civilian | NounRole::Equipment))
                .map(|m| (singular(m.pattern), x.span.end))
        });
        // "The brigade's losses were in the single digits", "losses stood at about 100": a
        // count of losses with no noun after it counts soldiers.
        let losses_before = || {
            toks[i.saturating_sub(10)..i].iter().any(|x| crate::extract::is_loss_noun(x.text))
        };
        let unit = unit.or_else(|| losses_before().then(|| ("soldier".to_string(), end)));
        if let Some((unit, unit_end)) = unit {
            end = end.max(unit_end);
            candidates.push(Quantity { low, high, unit, text: text[start as usize..end as usize].to_string(), span: Span { start, end } });
        }
        i = next.max(i + 1);
    }
    // The quantity nearest the trigger is the one the claim is about.
    candidates.into_iter().min_by_key(|q| q.span.start.abs_diff(trigger.start))
}

/// A number written in digits at token `i` ("559", "10,000", "1.5 million"), with the number
/// of tokens it used.
pub fn number_at(toks: &[Token<'_>], i: usize) -> Option<(u64, usize)> {
    let t = toks.get(i)?;
    if !t.text.chars().next()?.is_ascii_digit() {
        return None;
    }
    let mut digits = t.text.replace(',', "");
    let mut used = 1;
    // "10,000" tokenizes as "10" "," "000": join groups of three digits.
    while let (Some(comma), Some(group)) = (toks.get(i + used), toks.get(i + used + 1)) {
        if comma.text == "," && group.text.len() == 3 && group.text.chars().all(|c| c.is_ascii_digit()) && comma.span.start == toks[i + used - 1].span.end && group.span.start == comma.span.end {
            digits.push_str(group.text);
            used += 2;
        } else {
            break;
        }
    }
    let mut value: f64 = digits.parse().ok()?;
    if let Some(scale) = toks.get(i + used) {
        match scale.text.to_lowercase().as_str() {
            "million" => {
                value *= 1e6;
                used += 1;
            }
            "thousand" => {
                value *= 1e3;
                used += 1;
            }
            _ => {}
        }
    }
    (value.is_finite() && (0.0..1e12).contains(&value)).then_some((value.round() as u64, used))
}

fn singular(noun: &str) -> String {
    let n = noun.to_lowercase();
    match n.as_str() {
        "people" => "person".into(),
        "children" => "child".into(),
        "women" => "woman".into(),
        "men" => "man".into(),
        "personnel" | "manpower" => n,
        // "servicemen", "militiamen", "policemen".
        _ if n.ends_with("men") => format!("{}man", &n[..n.len() - 3]),
        _ => n.strip_suffix('s').map(str::to_string).unwrap_or(n),
    }
}

/// The class of a counted unit, for comparing numbers: people, soldiers, or the noun itself.
pub fn unit_class(unit: &str) -> &str {
    match unit {
        "civilian" | "resident" | "person" | "child" | "woman" | "inhabitant" | "villager" | "non-combatant" | "passenger" | "hostage" => "people",
        "troop" | "soldier" | "serviceman" | "service member" | "fighter" | "militant" | "mercenary" | "nationalist" | "personnel" | "manpower" | "marine" | "paratrooper" | "conscript" | "servicemember" | "man" | "militiaman" | "defender" => "soldiers",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Day {
        parse_published(s).unwrap()
    }

    #[test]
    fn publication_dates_in_both_formats() {
        assert_eq!(day("2023-01-13"), day("2023-01-13T21:05:00+00:00"));
        assert!(parse_published("13/01/2023").is_none());
        assert!(parse_published("2023-01-13junk").is_none());
    }

    #[test]
    fn weekdays_resolve_to_the_last_such_day_up_to_publication() {
        let friday = day("2023-01-13");
        assert_eq!(resolve_date("captured it on Thursday evening", Some(friday)), Some((day("2023-01-12"), false)));
        assert_eq!(resolve_date("said earlier on Friday", Some(friday)), Some((friday, false)));
        assert_eq!(resolve_date("last Friday", Some(friday)), Some((day("2023-01-06"), false)));
        assert_eq!(resolve_date("on Thursday", None), None);
    }

    #[test]
    fn calendar_dates_take_the_year_closest_before_publication() {
        let p = day("2023-01-13");
        assert_eq!(resolve_date("completed in the evening of January 12.", Some(p)), Some((day("2023-01-12"), false)));
        assert_eq!(resolve_date("on 28 December", Some(p)), Some((day("2022-12-28"), false)));
        assert_eq!(resolve_date("As of January 17, 2023, troops", None), Some((day("2023-01-17"), true)));
        assert_eq!(resolve_date("the May offensive", Some(p)), None);
        assert_eq!(resolve_date("By late December, they said", Some(p)), Some((day("2022-12-25"), false)));
        assert_eq!(resolve_date("held out since December 20, and on January 3 it fell", Some(p)), Some((day("2023-01-03"), false)));
        assert_eq!(resolve_date("in mid-December", Some(p)), Some((day("2022-12-15"), false)));
        assert_eq!(resolve_date("at the end of December 2021", Some(p)), Some((day("2021-12-28"), true)));
    }

    #[test]
    fn quantities_are_ranges_with_their_unit() {
        let lex = Lexicons::builtin();
        let q = |s: &str| {
            let span = Span::new(0, s.len());
            quantity(s, span, span, lex).map(|q| (q.low, q.high, q.unit))
        };
        assert_eq!(q("more than 500 civilians remain trapped"), Some((501, u64::MAX, "civilian".into())));
        assert_eq!(q("559 civilians remained"), Some((559, 559, "civilian".into())));
        assert_eq!(q("over 700 Ukrainian troops were killed"), Some((701, u64::MAX, "troop".into())));
        assert_eq!(q("about 10,000 soldiers"), Some((9000, 11000, "soldier".into())));
        assert_eq!(q("dozens of civilians"), Some((24, 99, "civilian".into())));
        assert_eq!(q("killed two soldiers"), Some((2, 2, "soldier".into())));
        assert_eq!(q("on January 12, 2023 the town fell"), None);
        // A day of the month is no count, and a function word ends the search for the noun.
        assert_eq!(q("the staff reported on November 21 that Ukrainian forces hold the town"), None);
        assert_eq!(q("Zelensky said on 21 November that Ukrainian units held out"), None);
        assert_eq!(q("it said 20 that Russian forces had"), None);
        // A ceiling claims a count near it; a count of losses with no noun counts soldiers,
        // whatever quotation marks surround it.
        assert_eq!(q("up to 300 servicemen were lost"), Some((150, 300, "serviceman".into())));
        assert_eq!(q("the brigade's losses were \u{201c}in the single digits\u{201d}"), Some((1, 9, "soldier".into())));
        assert_eq!(q("losses stood at about 100"), Some((90, 110, "soldier".into())));
    }

    #[test]
    fn a_site_stands_for_its_town_and_a_river_for_none() {
        let gaz = Gazetteer::builtin();
        let name = |id: PlaceId| gaz.place(id).map(|p| p.name.clone()).unwrap_or_default();
        let one = |n: &str| gaz.lookup(n)[0];
        assert_eq!(host_town(gaz, one("Zaporizhzhia Nuclear Power Plant")).map(name).as_deref(), Some("Enerhodar"));
        assert_eq!(host_town(gaz, one("Kakhovka Dam")).map(name).as_deref(), Some("Nova Kakhovka"));
        assert_eq!(host_town(gaz, one("Dnieper")), None);
        assert_eq!(host_town(gaz, one("Snake Island")), None);
        assert_eq!(host_town(gaz, one("Bakhmut")), None);
    }

    #[test]
    fn numbers_join_thousands_groups_and_scales() {
        let text = "10,000 and 1.5 million";
        let toks = tokens(text, Span::new(0, text.len()));
        assert_eq!(number_at(&toks, 0), Some((10_000, 3)));
        let at = toks.iter().position(|t| t.text == "1.5").unwrap();
        assert_eq!(number_at(&toks, at), Some((1_500_000, 2)));
    }
}
