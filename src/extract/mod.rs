//! Stage 2, extract: attributed claims from an article's sentences.
//!
//! A claim is an action (from `actions.tsv`: a capture, a holding-out, a strike...) that a
//! speaker puts forward. For each sentence the extractor finds the reporting cues
//! (`reporting.tsv`) and, for each cue, the speaker phrase and the stretch of text the cue
//! governs (its scope): "X said (that) ..." governs what follows, "..., X said" and "...,
//! according to X" what precedes, a quotation is governed by the cue next to it or by the
//! speaker of the quotation before. Each action trigger takes the attribution whose scope holds
//! it; an action nobody is said to have claimed is the outlet's own voice.
//!
//! The speaker's side comes from `speakers.tsv` and `roles.tsv` (an override such as
//! "Russian-installed" beats a nationality word), and short forms and pronouns ("the ministry",
//! "he") are resolved against the speakers named before them (`anaphora.tsv`).
//!
//! The stage is pure: text and lexicons in, raw claims out. Places are recognized here (so that
//! a claim can point at its place mention) but resolved among homonyms in `normalize`.

pub(crate) mod text;

use std::collections::HashMap;

use crate::gazetteer::{Gazetteer, MatchHow, PlaceKind, PlaceMention};
use crate::lexicon::{
    ActorRule, Anaphor, Cue, CueForm, CueModality, DenialPhrase, Framing, Lexicons, Needs, NounRole, Refers,
    SpeakerEntry, SpeakerType, Trigger, TriggerKind, WordClass,
};
use crate::model::{Kind, Modality, PlaceId, Side, Span, Stance};
use crate::segment::Segments;
pub use text::{Folded, Token, quotes, tokens};

/// What the extractor needs to know about an article besides its text.
#[derive(Debug, Clone, Copy)]
pub struct ArticleView<'a> {
    pub text: &'a str,
    pub outlet: &'a str,
    /// The headline, when the article has one: the town it names is the town the article is
    /// about.
    pub title: Option<&'a str>,
}

/// A speaker as found: the phrase, and what it resolved to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawSpeaker {
    pub text: String,
    pub span: Span,
    /// The lexicon's name, or the antecedent's for a pronoun or short form.
    pub resolved: Option<String>,
    /// `None` when nothing in the phrase or before it says whose side it speaks for.
    pub side: Option<Side>,
    pub rule: String,
    person: bool,
    group: bool,
}

/// A claim before normalization: spans and lexicon readings, not yet places or dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawClaim {
    pub span: Span,
    pub sentence: Span,
    pub paragraph: u32,
    pub speaker: Option<RawSpeaker>,
    pub side: Side,
    pub modality: Modality,
    /// The cue distances the reporter from the claim ("claimed", "alleged").
    pub hedged: bool,
    pub cue: Option<String>,
    pub kind: Kind,
    pub stance: Stance,
    pub actor: Option<Side>,
    /// The side on the receiving end: the victims of a harm, the loser of a place.
    pub target: Option<Side>,
    pub trigger: String,
    pub trigger_span: Span,
    /// Whose side the trigger's action is, as its lexicon entry says.
    pub actor_rule: ActorRule,
    pub negated: bool,
    pub framing: Option<Framing>,
    /// Index into [`Extraction::mentions`], and the rule that chose it.
    pub place: Option<(usize, String)>,
    /// A reporter's or third party's note that the claim could not be verified.
    pub verification: Option<Span>,
    pub rules: Vec<String>,
}

/// Everything extracted from one article.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub claims: Vec<RawClaim>,
    /// Every place mention of the article, for claims to point into and for homonym context.
    pub mentions: Vec<PlaceMention>,
}

/// A lexicon hit with its span in the original text.
#[derive(Debug, Clone, Copy)]
struct Hit<'l, T> {
    span: Span,
    value: &'l T,
    pattern: &'l str,
}

/// A reporting cue with its speaker and scope, before the speaker's side is resolved.
#[derive(Debug, Clone)]
struct Attribution {
    cue: Span,
    cue_text: String,
    modality: CueModality,
    speaker: Option<Span>,
    /// The speaker is the one of an earlier cue in the sentence, or the sentence's subject.
    inherits: bool,
    scope: Span,
    negated: bool,
    rule: &'static str,
}

/// The speakers an article has named so far, for pronouns met out of order.
#[derive(Clone, Copy)]
struct Known<'a> {
    seen: &'a [Seen],
    persons: &'a [(Span, RawSpeaker)],
}

/// A speaker resolved in the article so far, for later pronouns and short forms.
#[derive(Debug, Clone)]
struct Seen {
    at: u32,
    speaker: RawSpeaker,
}

struct Doc<'a> {
    text: &'a str,
    lex: &'static Lexicons,
    gaz: &'static Gazetteer,
    cues: Vec<Hit<'static, Cue>>,
    denials: Vec<Hit<'static, DenialPhrase>>,
    verifications: Vec<Span>,
    speakers: Vec<Hit<'static, SpeakerEntry>>,
    anaphora: Vec<Hit<'static, Anaphor>>,
    roles: Vec<Hit<'static, Side>>,
    triggers: Vec<Hit<'static, Trigger>>,
    nouns: Vec<Hit<'static, NounRole>>,
    mentions: Vec<PlaceMention>,
    quotes: Vec<Span>,
    /// For each paragraph: it is one quotation from start to end.
    quote_paragraphs: Vec<bool>,
    outlet_side: Side,
    /// Where a wire dateline ("KYIV, Ukraine (AP) —") ends, 0 when there is none.
    dateline_end: u32,
    /// How often the article names its settlements, computed once (see [`Doc::tally`]).
    tally: std::cell::OnceCell<Option<Tally>>,
    /// The settlements the headline names, in order.
    headline: Vec<PlaceId>,
    /// The side of the headline's speaker ("Russia says it completed ..."), see
    /// [`headline_speaker_side`].
    headline_side: Option<Side>,
}

/// The settlement mentions of an article: the first mention of the most named settlement,
/// how often it and the next most named are named, and all settlement mentions.
#[derive(Debug, Clone, Copy)]
struct Tally {
    first: usize,
    top: usize,
    second: usize,
    total: usize,
}

fn hits<'l, T>(folded: &Folded, set: &'l crate::lexicon::PhraseSet<T>) -> Vec<Hit<'l, T>> {
    set.find(&folded.text)
        .into_iter()
        .map(|m| Hit { span: folded.orig(m.start, m.end), value: m.value, pattern: m.pattern })
        .collect()
}

/// The hits whose span lies within `span`, by binary search on the sorted list.
fn within<'a, 'l, T>(list: &'a [Hit<'l, T>], span: Span) -> impl Iterator<Item = &'a Hit<'l, T>> + 'a {
    let first = list.partition_point(|h| h.span.start < span.start);
    list[first..].iter().take_while(move |h| h.span.start < span.end).filter(move |h| h.span.end <= span.end)
}

/// The reporting cues of a text. A cue word inside a known name ("the United States") is part
/// of the name, not a verb; a title-case line ("Kyiv Says ...") keeps its cue.
fn reporting_cues<'l>(folded: &Folded, lex: &'l Lexicons, speakers: &[Hit<'l, SpeakerEntry>]) -> Vec<Hit<'l, Cue>> {
    let mut all = hits(folded, &lex.reporting);
    all.retain(|h| !speakers.iter().any(|s| s.span.start < h.span.start && h.span.end <= s.span.end));
    all
}

/// The action triggers of a text. An idiom that holds a trigger word ("in advance", "an
/// advanced system") wins over the word, as the longer phrase, and then is dropped: it tells
/// of no action.
fn triggers<'l>(folded: &Folded, lex: &'l Lexicons) -> Vec<Hit<'l, Trigger>> {
    let mut all = hits(folded, &lex.actions);
    all.retain(|h| h.value.kind != TriggerKind::Idiom);
    all
}

/// "Losses", "casualties": a side's losses count its soldiers, whatever noun (if any) follows.
pub fn is_loss_noun(word: &str) -> bool {
    word.eq_ignore_ascii_case("losses") || word.eq_ignore_ascii_case("casualties")
}

/// Extracts the claims of one article.
pub fn extract(view: ArticleView<'_>, segments: &Segments, lex: &'static Lexicons, gaz: &'static Gazetteer) -> Extraction {
    let folded = Folded::new(view.text);
    let mut mentions = gaz.find_mentions(view.text);
    rivers_after_the(view.text, &mut mentions, gaz);
    unlisted_places(view.text, &mut mentions, lex, gaz);
    let quotes: Vec<Span> = segments.paragraphs.iter().flat_map(|p| text::quotes(view.text, *p)).collect();
    let outlet_side = lex.outlet(view.outlet).and_then(|o| o.state).unwrap_or(Side::Other);
    let headline_side = view.title.and_then(|t| headline_speaker_side(t, lex));
    let speakers = hits(&folded, &lex.speakers);
    let doc = Doc {
        text: view.text,
        lex,
        gaz,
        cues: reporting_cues(&folded, lex, &speakers),
        denials: hits(&folded, &lex.denial),
        verifications: hits(&folded, &lex.verification).into_iter().map(|h| h.span).collect(),
        speakers,
        anaphora: hits(&folded, &lex.anaphora),
        roles: hits(&folded, &lex.roles),
        triggers: with_take_place(view.text, triggers(&folded, lex), &mentions, lex),
        nouns: hits(&folded, &lex.nouns),
        mentions,
        quote_paragraphs: segments
            .paragraphs
            .iter()
            .map(|p| {
                let body = p.slice(view.text).trim();
                let start = p.start as usize + (p.slice(view.text).len() - p.slice(view.text).trim_start().len());
                quotes.iter().any(|q| q.start as usize == start && q.end as usize + 2 >= start + body.len())
            })
            .collect(),
        quotes,
        outlet_side,
        dateline_end: text::dateline_end(view.text) as u32,
        tally: std::cell::OnceCell::new(),
        headline_side,
        headline: view
            .title
            .map(|t| gaz.find_mentions(t))
            .unwrap_or_default()
            .iter()
            .filter_map(|m| m.candidates.first().copied())
            .filter(|&id| gaz.place(id).is_some_and(|p| p.kind == PlaceKind::Settlement))
            .collect(),
    };
    let claims = doc.run(segments);
    Extraction { claims, mentions: doc.mentions }
}

/// How far back (in bytes, a few paragraphs) a bare role ("Prosecutors said") looks for the
/// phrase that introduced it with its side.
const ROLE_LOOKBACK_BYTES: u32 = 1500;

/// Short forms of a state's bodies that a headline's speaker stands for ("the ministry said"
/// under "Russia says ..."); "the group" or "the company" may be anyone's.
const STATE_BODIES: &[&str] = &["ministry", "military", "general staff", "command", "army", "armed forces", "kremlin"];

/// Crimea and Sevastopol, held by Russia since 2014: their officials without a side word are
/// Moscow's appointees.
fn held_since_2014(p: &crate::gazetteer::Place) -> bool {
    ["Crimea", "Sevastopol"].iter().any(|n| p.name.contains(n) || p.admin1.contains(n))
}

/// The side of the speaker a headline opens with ("Russia says it has completed ...",
/// "Kyiv denies ..."): a known speaker right before the headline's first reporting verb. An
/// article that opens with "the ministry said" names its ministry only there.
fn headline_speaker_side(title: &str, lex: &'static Lexicons) -> Option<Side> {
    let folded = Folded::new(title);
    let cue = hits(&folded, &lex.reporting).into_iter().filter(|c| c.value.form == CueForm::Verb).min_by_key(|c| c.span.start)?;
    let before = Span { start: 0, end: cue.span.start };
    // Only a short subject: "Russia says", "Russian defence ministry says".
    if before.slice(title).split_whitespace().count() > 5 {
        return None;
    }
    let speakers = hits(&folded, &lex.speakers);
    let found: Vec<Side> = within(&speakers, before).filter(|h| h.value.ty != SpeakerType::Third).map(|h| h.value.side).collect();
    match found.as_slice() {
        [side, ..] if *side != Side::Other && found.iter().all(|s| s == side) => Some(*side),
        _ => None,
    }
}

/// "the Dnipro", "the Oskil": a town's name after "the" is the river of that name, when the
/// gazetteer has one (towns take no article in English), and so is a town's name after "bank
/// of".
fn rivers_after_the(text: &str, mentions: &mut [PlaceMention], gaz: &Gazetteer) {
    for m in mentions.iter_mut() {
        let before = text[..m.span.start as usize].trim_end_matches(' ');
        let cut = before.len().saturating_sub(3);
        let the = before.len() + 1 == m.span.start as usize
            && before.get(cut..).is_some_and(|w| w.eq_ignore_ascii_case("the"))
            && !before[..cut].ends_with(|c: char| c.is_alphanumeric());
        // "the east bank of Dnipro", "the left side of Dnipro": a town has no banks.
        let bank = ["bank of", "banks of", "side of", "shore of"]
            .iter()
            .any(|b| before.len() >= b.len() && before.get(before.len() - b.len()..).is_some_and(|tail| tail.eq_ignore_ascii_case(b)));
        if !(the || bank) || m.candidates.first().and_then(|&id| gaz.place(id)).is_none_or(|p| p.kind != PlaceKind::Settlement) {
            continue;
        }
        let river: Vec<PlaceId> = gaz
            .lookup(&format!("{} River", m.surface))
            .into_iter()
            .filter(|&id| gaz.place(id).is_some_and(|p| p.kind == PlaceKind::Feature))
            .collect();
        if !river.is_empty() {
            m.candidates = river;
        }
    }
}

/// "The village of Berkhivka", "the villages of X and Y", "the X reservoir": a capitalised
/// name the gazetteer lacks, in words that say it is a settlement (grammar.tsv's `locality`
/// and `namesake` nouns), is a place all the same, an unlisted one. News names villages far
/// below any gazetteer's population cut, and a claim about one is about that village, not
/// about the town the article is otherwise about.
fn unlisted_places(text: &str, mentions: &mut Vec<PlaceMention>, lex: &Lexicons, gaz: &Gazetteer) {
    let toks = text::tokens(text, Span::new(0, text.len()));
    drop_cities_called_villages(&toks, mentions, gaz);
    let known = |t: &Token<'_>, mentions: &[PlaceMention]| {
        let at = mentions.partition_point(|m| m.span.end <= t.span.start);
        mentions.get(at).is_some_and(|m| m.span.start < t.span.end)
    };
    // A name word is capitalised in every hyphenated part ("Russian-held", "Soviet-era" are
    // adjectives), and is no determiner, preposition or time word ("The", "Near X", "X
    // Monday") and no demonym ("clearing the settlement of Ukrainian mines").
    let demonym = |w: &str| ["ian", "ians", "ese", "ish"].iter().any(|s| w.len() > s.len() + 2 && w.ends_with(s));
    let is_name_word = |t: &Token<'_>, mentions: &[PlaceMention]| {
        t.is_word()
            && t.text.chars().count() >= 3
            && t.text.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '\u{2019}')
            && t.text.split('-').all(|part| part.starts_with(char::is_uppercase))
            && !demonym(t.text)
            && ![WordClass::Determiner, WordClass::Preposition, WordClass::Time].iter().any(|&c| lex.grammar.is(t.text, c))
            && !known(t, mentions)
    };
    // A name: one to three name words, none of them a person, body or country the lexicons
    // know ("at the direction of President Putin", "the towns of Ukraine's east").
    let name_at = |i: usize, mentions: &[PlaceMention]| -> Option<usize> {
        let mut end = i;
        while end < toks.len() && end < i + 3 && is_name_word(&toks[end], mentions) && (end == i || text[toks[end - 1].span.end as usize..toks[end].span.start as usize] == *" ") {
            end += 1;
        }
        let name = text.get(toks.get(i)?.span.start as usize..toks.get(end.checked_sub(1)?)?.span.end as usize)?;
        let lexicon_word = !lex.speakers.find(name).is_empty() || !lex.roles.find(name).is_empty();
        (end > i && !lexicon_word).then_some(end)
    };
    let mut found: Vec<PlaceMention> = Vec::new();
    let mut push = |from: usize, to: usize| {
        let mut span = Span::new(toks[from].span.start as usize, toks[to - 1].span.end as usize);
        // A possessive is not part of the name ("the village of X's residents").
        for possessive in ["'s", "\u{2019}s"] {
            if span.slice(text).ends_with(possessive) {
                span.end -= possessive.len() as u32;
            }
        }
        let surface = span.slice(text).to_string();
        // A listed village in its Russian spelling ("Khrestovka" for Khrestivka) is the
        // listed village.
        let listed = crate::gazetteer::ukrainian_spelling(&surface).map(|n| gaz.lookup(&n)).unwrap_or_default();
        let (candidates, how) = if listed.is_empty() { (vec![Gazetteer::unlisted_id(&surface)], MatchHow::Unlisted) } else { (listed, MatchHow::Alternate) };
        found.push(PlaceMention { span, candidates, surface, how });
    };
    for (i, t) in toks.iter().enumerate() {
        if !t.is_word() {
            continue;
        }
        if lex.grammar.is(t.text, WordClass::Locality) && toks.get(i + 1).is_some_and(|o| o.text == "of") {
            // "the villages of X, Y and Z": every name of the list. Without a closing "and"
            // (or "or") a comma ends the list, since what follows it is another phrase
            // ("the village of X, Russia's defence ministry said").
            let mut items = Vec::new();
            let mut closed = false;
            let mut at = i + 2;
            while let Some(end) = name_at(at, mentions) {
                items.push((at, end));
                if closed {
                    break;
                }
                let joiner = |t: Option<&Token<'_>>| t.is_some_and(|t| t.text == "and" || t.text == "or");
                match toks.get(end) {
                    Some(c) if c.is(&[',']) && joiner(toks.get(end + 1)) => (at, closed) = (end + 2, true),
                    Some(c) if joiner(Some(c)) => (at, closed) = (end + 1, true),
                    Some(c) if c.is(&[',']) => at = end + 1,
                    _ => break,
                }
            }
            let keep = if closed { items.len() } else { items.len().min(1) };
            for &(from, to) in &items[..keep] {
                push(from, to);
            }
        } else if lex.grammar.is(t.text, WordClass::Locality) && places_what_follows(toks.get(i + 1), lex) {
            // "Yablukove, a village northeast of Huliaipole", "X, a small front-line town": a
            // name in apposition to a settlement noun (not "Ivan Petrenko, a village elder").
            let mut j = i;
            while j > i.saturating_sub(3) && j > 0 && toks[j - 1].is_word() && !toks[j - 1].is_capitalized() && !is_article(toks[j - 1].text) {
                j -= 1;
            }
            if j >= 3 && is_article(toks[j - 1].text) && toks[j - 2].is(&[',']) {
                let end = j - 2;
                let start = (end.saturating_sub(3)..end).find(|&s| name_at(s, mentions) == Some(end));
                if let Some(start) = start {
                    push(start, end);
                }
            }
        } else if lex.grammar.is(t.text, WordClass::Namesake)
            && i >= 2
            && toks[i - 2].text.eq_ignore_ascii_case("the")
            && name_at(i - 1, mentions) == Some(i)
        {
            push(i - 1, i);
        }
    }
    if found.is_empty() {
        return;
    }
    found.sort_by_key(|m| (m.span.start, m.span.end));
    found.dedup_by_key(|m| m.span);
    // A name the text once calls a village is that village wherever the text names it.
    // Names by their first word, so that each word of the text looks up only its own.
    let mut names: HashMap<&str, Vec<&PlaceMention>> = HashMap::new();
    for m in &found {
        let entry = names.entry(m.surface.split(' ').next().unwrap_or_default()).or_default();
        if !entry.iter().any(|n| n.surface == m.surface) {
            entry.push(m);
        }
    }
    let mut more: Vec<PlaceMention> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if !t.is_word() || !t.is_capitalized() {
            continue;
        }
        let word = t.text.strip_suffix("'s").or_else(|| t.text.strip_suffix("\u{2019}s")).unwrap_or(t.text);
        for &named in names.get(word).into_iter().flatten() {
            let name = named.surface.as_str();
            let words = name.split(' ').count();
            let Some(last) = toks.get(i + words - 1) else { continue };
            let span = Span::new(t.span.start as usize, last.span.end as usize);
            let surface = span.slice(text);
            let whole = surface == name || surface.strip_prefix(name).is_some_and(|rest| rest == "'s" || rest == "\u{2019}s");
            if !whole {
                continue;
            }
            let span = Span::new(span.start as usize, span.start as usize + name.len());
            let taken = |m: &PlaceMention| m.span.start < span.end && span.start < m.span.end;
            if !mentions.iter().any(taken) && !found.iter().any(taken) && !more.iter().any(taken) {
                more.push(PlaceMention { span, ..named.clone() });
            }
        }
    }
    mentions.extend(found);
    mentions.extend(more);
    mentions.sort_by_key(|m| m.span.start);
}

/// Words that call the names after "of" villages: "the villages of X and Y".
const VILLAGE_NOUNS: &[&str] = &["village", "villages", "hamlet", "hamlets"];

/// A settlement this populous is a city, whatever a village of the same name is called.
const VILLAGE_MAX_POPULATION: u64 = 30_000;

/// "the villages of Synetskyi and Pavlograd": a name the text calls a village is not a listed
/// city of that name (Pavlohrad, a city of 100,000 two oblasts away), so the city's mention is
/// dropped and the name is read as an unlisted village by [`unlisted_places`].
fn drop_cities_called_villages(toks: &[Token<'_>], mentions: &mut Vec<PlaceMention>, gaz: &Gazetteer) {
    for (i, t) in toks.iter().enumerate() {
        if !(VILLAGE_NOUNS.iter().any(|v| t.text.eq_ignore_ascii_case(v)) && toks.get(i + 1).is_some_and(|o| o.text == "of")) {
            continue;
        }
        // The list closes with "and X" (or "or X"): "the villages of A and B, Sievierodonetsk
        // and Lysychansk" names two villages and two towns.
        let mut list_end = i + 2;
        let mut closing = false;
        while let Some(n) = toks.get(list_end).filter(|_| list_end < i + 14) {
            if n.text == "and" || n.text == "or" {
                closing = true;
            } else if n.is(&[',']) {
                if closing {
                    break;
                }
            } else if !n.is_capitalized() {
                break;
            }
            list_end += 1;
        }
        let Some(last) = toks.get(list_end.saturating_sub(1)).filter(|_| list_end > i + 2) else { continue };
        let list = Span::new(toks[i + 2].span.start as usize, last.span.end as usize);
        mentions.retain(|m| {
            let city = m.candidates.first().and_then(|&id| gaz.place(id)).is_some_and(|p| p.kind == PlaceKind::Settlement && p.population > VILLAGE_MAX_POPULATION);
            !(city && list.contains(m.span))
        });
    }
}

/// Whether the word after a settlement noun leaves the noun the head of its phrase ("X, a
/// village north of Y", "X, a town 25 km south of Y", "X, a village."), as against a noun it
/// modifies ("X, a village elder", "X, a town councillor"): punctuation, a number, a
/// preposition, a compass point or a relative word.
fn places_what_follows(next: Option<&Token<'_>>, lex: &Lexicons) -> bool {
    let Some(next) = next else { return true };
    if !next.is_word() || next.text.starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    let w = next.text.to_lowercase();
    lex.grammar.is(&w, WordClass::Preposition)
        || ["north", "south", "east", "west"].iter().any(|c| w.starts_with(c))
        || matches!(w.as_str(), "where" | "that" | "which" | "located" | "some" | "about" | "roughly" | "just" | "close" | "along" | "between" | "and")
}

fn is_article(word: &str) -> bool {
    matches!(word, "a" | "an" | "the")
}

/// Forms of "take" that say a place was captured when the place's name follows at once
/// ("took Soledar", "about taking Rabotino"); with anything else after them ("took part",
/// "taking place") they say nothing of the kind, so they are not in `actions.tsv`.
const TAKE_FORMS: &[&str] = &["take", "takes", "took", "taking", "taken", "retake", "retakes", "retook", "retaking", "retaken"];

/// The action hits plus a capture trigger for each form of "take" right before a place name.
fn with_take_place(
    text: &str,
    mut triggers: Vec<Hit<'static, Trigger>>,
    mentions: &[PlaceMention],
    lex: &'static Lexicons,
) -> Vec<Hit<'static, Trigger>> {
    let Some(capture) = lex.actions.get("captured") else { return triggers };
    for m in mentions {
        let before = text[..m.span.start as usize].trim_end_matches(' ');
        if before.len() + 1 != m.span.start as usize {
            continue;
        }
        let word_start = before.char_indices().rev().find(|(_, c)| !c.is_alphanumeric()).map_or(0, |(i, c)| i + c.len_utf8());
        let word = &before[word_start..];
        let Some(form) = TAKE_FORMS.iter().find(|f| f.eq_ignore_ascii_case(word)) else { continue };
        let span = Span::new(word_start, before.len());
        if triggers.iter().any(|h| h.span.overlaps(span)) {
            continue;
        }
        triggers.push(Hit { span, value: capture, pattern: form });
    }
    triggers.sort_by_key(|h| (h.span.start, h.span.end));
    triggers
}

/// Groups of kinds: claims of one group in one clause are one claim.
fn group(kind: Kind) -> u8 {
    match kind {
        Kind::Control | Kind::Encirclement | Kind::Surrender | Kind::Withdrawal | Kind::Advance | Kind::Offensive => 0,
        Kind::WarCrimes => 1,
        Kind::Civilians => 2,
        Kind::Casualties => 3,
        Kind::Strike => 4,
    }
}

/// Whether the clauses of one sentence that one side speaks, about one place, with these
/// kinds are one account: kinds of one event family ("took the village and advanced beyond
/// it"). Accounts of different events stay apart ("troops retook positions on
/// the flanks and the fighters inside risk being cut off": an advance, and an encirclement).
fn same_account(a: Kind, b: Kind) -> bool {
    crate::cluster::family(a) == crate::cluster::family(b)
}

/// Which kind wins when one clause holds several (lower wins).
fn priority(kind: Kind) -> u8 {
    match kind {
        Kind::Control => 0,
        Kind::Encirclement => 1,
        Kind::Surrender => 2,
        Kind::Withdrawal => 3,
        Kind::Offensive => 4,
        Kind::Advance => 5,
        Kind::WarCrimes => 6,
        Kind::Civilians => 7,
        Kind::Casualties => 8,
        Kind::Strike => 9,
    }
}

/// Trigger words in their base form: after "to" they state an aim, not a result.
const BASE_FORMS: &[&str] = &[
    "capture", "take", "clear", "curtail", "seize", "liberate", "encircle", "surround", "cut off", "control", "take control", "take over",
    "storm", "advance", "withdraw", "retreat", "strike", "hit", "kill", "surrender", "regroup", "overrun", "blockade", "evacuate",
    "lay down arms", "lay down their arms",
];

/// A draft with its speaker, side, attribution and the rules that chose them.
type Voiced = (Draft, Option<RawSpeaker>, Side, Option<Attribution>, Vec<String>);
/// A voiced draft with the clauses merged into it.
type Merged = (Draft, Option<RawSpeaker>, Side, Option<Attribution>, Vec<String>, Vec<usize>);

/// The places named before a sentence, for claims that name none.
#[derive(Debug, Clone, Copy)]
struct Recent {
    place: Option<(usize, u32)>,
    /// The place a claim last named in its own sentence, with its paragraph: the topic a
    /// following sentence with no place of its own goes on about.
    topic: Option<(usize, u32)>,
    settlement: Option<(usize, u32)>,
    /// The article's main settlement, see [`Doc::main_settlement`].
    main: Option<usize>,
    /// The settlement the article names most, see [`Doc::top_settlement`].
    top: Option<usize>,
    /// The town of the headline, see [`Doc::headline_town`].
    headline: Option<usize>,
}

/// Plural words for places: a capture of "30 settlements" is an advance, but "the towns of X
/// and Y" names the places taken.
const PLACE_PLURALS: &[&str] = &["settlements", "villages", "localities", "towns", "hamlets", "population centers", "population centres"];

/// A quotation of at most this many words inside a sentence is scare quotes, not a quotation.
const SCARE_QUOTE_WORDS: usize = 3;

/// Words of an estimate before a count or a part ("over 1,000", "nearly half of"): read past
/// when looking for what a capture took.
const ESTIMATES: &[&str] = &["over", "about", "around", "nearly", "almost", "approximately", "roughly", "some", "more", "than"];

/// Forms of "be" that make a participle after them passive ("has been taken", "was broken").
const BE_FORMS: &[&str] = &["been", "was", "were", "is", "are", "be", "being"];

/// Verbs that report how an attempt ended: "unable to take", "failed to take", "managed to
/// take" say what was done or not, not what was aimed at.
const OUTCOME_WORDS: &[&str] = &["unable", "able", "failed", "fail", "fails", "managed"];

/// Verbs of command: the action they order is announced, not merely intended.
const DIRECTIVES: &[&str] = &["ordered", "orders", "order", "instructed", "authorised", "authorized", "permitted", "commanded", "told"];

/// A trigger in a sentence, on its way to becoming a claim.
#[derive(Debug, Clone)]
struct Draft {
    trigger: Span,
    pattern: &'static str,
    kind: Kind,
    stance: Stance,
    weak: bool,
    framing: Option<Framing>,
    actor_rule: ActorRule,
    segment: usize,
    attribution: Option<usize>,
    /// A speaker for a trigger inside a quotation whose attribution lies in another sentence.
    quote_speaker: Option<(RawSpeaker, Attribution)>,
    place: Option<(usize, String)>,
    /// Told of a campaign as a whole (see [`Doc::campaign_wide`]): no place of its own.
    campaign_wide: bool,
    negated: bool,
    denied_by_label: bool,
    target: Option<Side>,
    rules: Vec<String>,
}

impl Doc<'_> {
    /// Whether an action trigger starts at byte `start` (the triggers are sorted by start).
    fn trigger_at(&self, start: u32) -> bool {
        self.trigger_kind_at(start).is_some()
    }

    /// The kind of the trigger that starts at byte `start`, if one does.
    fn trigger_kind_at(&self, start: u32) -> Option<TriggerKind> {
        self.triggers.binary_search_by_key(&start, |h| h.span.start).ok().map(|i| self.triggers[i].value.kind)
    }

    /// Whether a place mention starts at byte `start` (the mentions are sorted by start).
    fn mention_at(&self, start: u32) -> bool {
        self.mentions.binary_search_by_key(&start, |m| m.span.start).is_ok()
    }

    /// Whether a phrase of grammar class `class` stands, as whole words, in `toks[from..to]`.
    fn phrase_in(&self, toks: &[Token<'_>], from: usize, to: usize, class: WordClass) -> bool {
        if from >= to {
            return false;
        }
        let text = Span { start: toks[from].span.start, end: toks[to - 1].span.end }.slice(self.text).to_lowercase();
        self.lex.grammar.phrases(class).any(|p| has_words(&text, p))
    }

    fn grammar_is(&self, word: &str, class: WordClass) -> bool {
        self.lex.grammar.is(word, class)
    }

    fn in_quote(&self, span: Span) -> Option<usize> {
        self.quotes.iter().position(|q| q.start <= span.start && span.end <= q.end)
    }

    fn run(&self, segments: &Segments) -> Vec<crate::extract::RawClaim> {
        let mut seen: Vec<Seen> = Vec::new();
        let mut claims: Vec<RawClaim> = Vec::new();
        let mut last_place: Option<(usize, u32)> = None;
        let mut last_settlement: Option<(usize, u32)> = None;
        let main_settlement = self.main_settlement();
        let top_settlement = self.top_settlement();
        let headline_town = self.headline_town();
        // The attributions of every sentence so far, for quotations continued across sentences.
        let mut history: Vec<(u32, Attribution, RawSpeaker)> = Vec::new();
        let persons: Vec<(Span, RawSpeaker)> = self
            .speakers
            .iter()
            .filter(|h| h.value.ty == SpeakerType::Person)
            .map(|h| {
                (h.span, RawSpeaker {
                    text: h.span.slice(self.text).to_string(),
                    span: h.span,
                    resolved: h.value.canonical.map(str::to_string),
                    side: Some(h.value.side),
                    rule: "speaker:person".into(),
                    person: true,
                    group: false,
                })
            })
            .collect();

        for (si, sentence) in segments.sentences.iter().enumerate() {
            let toks = tokens(self.text, sentence.span);
            if toks.is_empty() {
                continue;
            }
            let attributions = self.attributions(&toks, sentence.span);
            // Resolve each attribution's speaker in text order, so that "he" in a later cue can
            // point at a speaker named by an earlier one.
            let mut speakers: Vec<Option<RawSpeaker>> = Vec::with_capacity(attributions.len());
            let before_sentence = seen.len();
            for a in &attributions {
                // A pronoun may point at a speaker of this sentence ("the military said it had
                // ordered"); a short form like "the armed forces" in a later clause is rather
                // the other party ("X confirmed this, but the armed forces denied it").
                let pronoun = a.speaker.is_some_and(|s| {
                    let first = s.slice(self.text).split(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_lowercase();
                    matches!(first.as_str(), "it" | "its" | "he" | "his" | "she" | "her" | "they" | "their")
                });
                // "X said he had been informed by the military that ...": the agent of a
                // report inside another's may be the reporter's own.
                let nested = a.rule == "cue:passive-by";
                let known = if pronoun || nested { &seen[..] } else { &seen[..before_sentence] };
                let mut sp = if a.inherits {
                    speakers.iter().rev().flatten().next().cloned().or_else(|| {
                        // "Confirming the gains, the governor said ...": a participle that opens
                        // the sentence has the main clause's speaker for its subject.
                        let opening = toks.first().is_some_and(|t| t.span.start == a.cue.start);
                        let main = attributions.iter().filter(|b| !b.inherits && b.cue.start > a.cue.start).find_map(|b| b.speaker);
                        match (opening, main) {
                            (true, Some(main)) => Some(self.resolve_speaker(main, known, &persons)),
                            (true, None) => None,
                            (false, _) => self.leading_subject(&toks).map(|s| self.resolve_speaker(s, known, &persons)),
                        }
                    })
                } else {
                    a.speaker.map(|s| self.resolve_speaker(s, known, &persons))
                };
                // "X said he had been informed by the military that ...": an agent nothing
                // else resolves speaks for the reporter who cites it.
                if let Some(s) = sp.as_mut().filter(|s| nested && s.side.is_none())
                    && let Some(outer) = speakers.iter().rev().flatten().find(|o| o.side.is_some()) {
                        s.side = outer.side;
                        s.rule = "speaker:cited-by-reporter".into();
                    }
                // A later "it" or "its command" of the same sentence may point at this speaker.
                if let Some(sp) = sp.as_ref().filter(|_| !a.negated) {
                    seen.push(Seen { at: a.cue.start, speaker: sp.clone() });
                }
                speakers.push(sp);
            }
            let segs = self.segments(&toks, sentence.span);
            let known = Known { seen: &seen, persons: &persons };
            let mut drafts = self.drafts(&toks, sentence.span, &segs, &attributions, &history, sentence.paragraph, known);
            let topic = claims.iter().rev().find_map(|c| {
                let (i, rule) = c.place.as_ref()?;
                // Any place but the article-wide fallback, a claim placed by the topic included,
                // carries the topic on ("... the wounded went out first. He said losses were
                // light").
                (rule != "place:article" && self.place_rank(&self.mentions[*i]) == 0).then_some((*i, c.paragraph))
            });
            let recent = Recent { place: last_place, topic, settlement: last_settlement, main: main_settlement, top: top_settlement, headline: headline_town };
            self.assign_places(&mut drafts, &toks, &segs, sentence.span, &attributions, recent, sentence.paragraph);
            drafts.retain(|d| d.place.is_some() || !self.needs_place(d));
            // Places carried on from earlier sentences do not do for a trigger that needs its
            // own clause to name one.
            drafts.retain(|d| {
                // "On Friday it fell": the pronoun names the place the story is about.
                let before = self.text[..d.trigger.start as usize].trim_end();
                let pronoun = before.rsplit(' ').find(|w| !self.grammar_is(w, WordClass::Auxiliary)).is_some_and(|w| w.eq_ignore_ascii_case("it"));
                let carried = !pronoun && d.place.as_ref().is_some_and(|(_, rule)| matches!(rule.as_str(), "place:discourse" | "place:article"));
                !(carried && self.lex.actions.get(d.pattern).is_some_and(|t| t.needs == Needs::ClausePlace))
            });
            let mut new_claims = self.assemble(drafts, &toks, sentence.span, &segs, &attributions, &speakers, sentence.paragraph);
            if attributions.is_empty() && si > 0 {
                self.continued_account(&toks, segments.sentences[si - 1].span, &claims, &mut new_claims);
            }
            for c in &mut new_claims {
                // What a strike hit bears on who struck (see `set_actor`).
                self.mark_target(c);
                self.set_actor(c, &toks, &segs);
                self.side_by_own_side_word(c);
                Self::side_by_holding(c);
            }
            // A denial clause with no action of its own ("denied the claim", "said it bore no
            // relation to reality") denies an earlier claim, whatever the sentence's other
            // clauses assert.
            let denial_clause = self.denial_clause(&attributions, &toks, &segs);
            let free_denial = denial_clause.is_some_and(|clause| {
                let nothing_before = claims.is_empty() && new_claims.is_empty();
                !new_claims.iter().any(|c| clause.contains(c.trigger_span)) && !nothing_before
            });
            if (new_claims.is_empty() || free_denial)
                && let Some(mut c) = self.anaphoric_denial(&attributions, &speakers, sentence.span, sentence.paragraph, &claims, &new_claims) {
                    // "X said it took half the city, but Kyiv denied any such advance": each
                    // claim is its own clause.
                    if let Some(clause) = denial_clause.filter(|_| !new_claims.is_empty()) {
                        let body = clause.slice(self.text);
                        let first = body.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
                        let skip = if self.grammar_is(first, WordClass::Boundary) { body[first.len()..].len() - body[first.len()..].trim_start().len() + first.len() } else { 0 };
                        c.span = Span::new(clause.start as usize + skip, clause.end as usize);
                        for other in new_claims.iter_mut().filter(|o| o.span == sentence.span && o.trigger_span.end <= clause.start) {
                            let head = self.text[sentence.span.start as usize..clause.start as usize].trim_end_matches([' ', ',', ';']);
                            other.span = Span::new(sentence.span.start as usize, sentence.span.start as usize + head.len());
                        }
                    }
                    new_claims.push(c);
                }
            if new_claims.is_empty()
                && let Some(c) = self.anaphoric_confirmation(&attributions, &speakers, sentence.span, sentence.paragraph, &mut claims) {
                    new_claims.push(c);
                }
            let embedded = self.embedded_claims(&new_claims, &toks);
            new_claims.extend(embedded);
            self.whole_quotation(&mut new_claims, &claims, sentence.span, segments);
            // A speaker of no known side whose quotation speaks of "our guys" against the other
            // side is of the speaker's side from then on ("He said losses were light").
            for c in new_claims.iter().filter(|c| c.rules.iter().any(|r| r == "side:first-person-against-named-side")) {
                let Some(sp) = c.speaker.as_ref() else { continue };
                for s in seen.iter_mut().filter(|s| s.speaker.span == sp.span && s.speaker.side.is_none()) {
                    s.speaker.side = Some(c.side);
                }
            }
            for c in &mut new_claims {
                self.mark_habitual_denial(c, &attributions);
                // Claims read inside others have no target yet.
                self.mark_target(c);
            }
            claims.extend(new_claims);
            self.apply_verification(sentence.span, sentence.paragraph, si, segments, &mut claims);

            for (a, sp) in attributions.iter().zip(&speakers) {
                if let Some(sp) = sp {
                    history.push((sentence.paragraph, a.clone(), sp.clone()));
                }
            }
            if let Some(m) = self
                .mentions
                .iter()
                .enumerate()
                .rfind(|(_, m)| sentence.span.contains(m.span) && !self.is_metonym_use(m))
            {
                last_place = Some((m.0, sentence.paragraph));
            }
            if let Some(m) = self
                .mentions
                .iter()
                .enumerate()
                .rfind(|(_, m)| sentence.span.contains(m.span) && !self.is_metonym_use(m) && self.place_rank(m) == 0)
            {
                last_settlement = Some((m.0, sentence.paragraph));
            }
        }
        self.mark_superseded(&mut claims);
        self.mark_still_there(&mut claims);
        quotation_by_sentence(&mut claims);
        claims
    }

    /// "Kyiv cast doubt on Russia's claim that its forces had taken X", "denied claims by
    /// Moscow that ...": a denial that names the other side's claim also reports that claim.
    /// The claim is the owner's (the side before the claim noun, or after "by"), told in the
    /// words after "that", "of" or "about", when the owner is the denier's opponent.
    fn embedded_claims(&self, new_claims: &[RawClaim], toks: &[Token<'_>]) -> Vec<RawClaim> {
        let mut out = Vec::new();
        for c in new_claims.iter().filter(|c| c.modality == Modality::Denied) {
            let Some(opponent) = c.side.opponent() else { continue };
            let Some(ti) = toks.iter().position(|t| t.span.start >= c.trigger_span.start) else { continue };
            let Some(k) = (ti.saturating_sub(12)..ti).rev().find(|&k| self.grammar_is(toks[k].text, WordClass::ClaimNoun)) else { continue };
            // The owner: "Russia's claim", "Russian claims", "Ramzan Kadyrov's claims" (a name
            // that ends in the word before the noun), or "claims by Moscow".
            // The side and where its name starts.
            let owner_of = |t: &Token<'_>| {
                let reach = Span { start: t.span.start.saturating_sub(48), end: (t.span.end + 48).min(self.text.len() as u32) };
                let named = within(&self.speakers, reach)
                    .filter(|h| h.span.overlaps(t.span) && matches!(h.value.ty, SpeakerType::Org | SpeakerType::Person | SpeakerType::Override))
                    .find(|h| h.value.side != Side::Other)
                    .map(|h| (h.value.side, h.span.start.min(t.span.start)));
                self.side_word(t).map(|s| (s, t.span.start)).or(named)
            };
            let owner_side = |t: &Token<'_>| owner_of(t).map(|(s, _)| s);
            let before = k.checked_sub(1).map(|b| &toks[b]);
            let (owner, mut next) = match (before, toks.get(k + 1)) {
                (Some(b), _) if owner_side(b).is_some() => (b, k + 1),
                // "statements by the chief of Russia's general staff that ...": the owner is
                // the side named in the phrase up to "that".
                (_, Some(by)) if by.text.eq_ignore_ascii_case("by") => {
                    let end = ti.min(k + 12);
                    let Some(that) = (k + 2..end).find(|&j| matches!(toks[j].text.to_lowercase().as_str(), "that" | "about")) else { continue };
                    let Some(owner) = toks[k + 2..that].iter().find(|t| owner_side(t).is_some()) else { continue };
                    (owner, that)
                }
                _ => continue,
            };
            if owner_side(owner) != Some(opponent) {
                continue;
            }
            // "Russian forces' claims by the Moscow-installed ...": stop at a longer owner phrase.
            while next < ti && toks[next].is_word() && owner_side(&toks[next]).is_some() {
                next += 1;
            }
            if !toks.get(next).is_some_and(|t| matches!(t.text.to_lowercase().as_str(), "that" | "of" | "about")) || next + 1 > ti {
                continue;
            }
            let start = toks[next + 1].span.start;
            if start >= c.span.end || out.iter().chain(new_claims).any(|o: &RawClaim| o.side == opponent && o.trigger_span == c.trigger_span) {
                continue;
            }
            // Named as the text names the claim: "Russia's claim", "claims by Moscow".
            let owner_start = owner_of(owner).map_or(owner.span.start, |(_, at)| at);
            let phrase = Span { start: owner_start.min(toks[k].span.start), end: toks[next - 1].span.end.max(toks[k].span.end) };
            let speaker = RawSpeaker {
                text: phrase.slice(self.text).to_string(),
                span: phrase,
                resolved: None,
                side: Some(opponent),
                rule: "speaker:claim-owner".into(),
                person: false,
                group: false,
            };
            let mut rules = vec!["claim:embedded-in-denial".to_string(), "speaker:claim-owner".to_string()];
            rules.extend(c.rules.iter().filter(|r| r.starts_with("action:") || r.starts_with("place:") || r.starts_with("actor-rule:")).cloned());
            let mut claim = echo(
                c,
                Echo {
                    sentence: c.sentence,
                    paragraph: c.paragraph,
                    speaker,
                    side: opponent,
                    cue: toks[k].text.to_string(),
                    modality: Modality::Asserted,
                    place_rule: "place:as-denied",
                    rules,
                },
            );
            // The claim ends where the denial or another report begins ("... are not true, the
            // governor said", "... and reported that ...").
            let after = Span { start: c.trigger_span.end, end: c.span.end };
            let label = within(&self.denials, after).map(|d| d.span.start).min().unwrap_or(c.span.end);
            let cue = within(&self.cues, after).map(|q| q.span.start).min().unwrap_or(c.span.end);
            let mut body = &self.text[start as usize..label.min(cue) as usize];
            // ", the spokesman said": a speaker closing the sentence is no part of the claim.
            if cue < label
                && let Some(comma) = body.rfind(',').filter(|&at| body[at..].split_whitespace().count() <= 8) {
                    body = &body[..comma];
                }
            let body = body.trim_end_matches(|ch: char| ch.is_whitespace() || matches!(ch, ',' | ';' | '"' | '\u{201c}'));
            // "... X took Y are" before the label, "... and" before the next report.
            // "... of X is a" before "fake": every trailing function word goes.
            let mut body = body;
            while let Some(last) = body.rsplit(' ').next().filter(|w| {
                *w == "and" || self.grammar_is(w, WordClass::Auxiliary) || self.grammar_is(w, WordClass::Determiner) || BE_FORMS.contains(w)
            }) {
                if last.len() == body.len() {
                    break;
                }
                body = body[..body.len() - last.len()].trim_end();
            }
            claim.span = Span { start, end: start + body.len() as u32 };
            out.push(claim);
        }
        out
    }

    /// A quotation of two or three sentences is one statement ("\"The town is ours. The enemy
    /// fled,\" he said."): a claim that takes a whole sentence of it takes the whole quotation,
    /// with the sentence that carries its cue. Once per quotation, side and kind.
    fn whole_quotation(&self, new_claims: &mut [RawClaim], claims: &[RawClaim], sentence: Span, segments: &Segments) {
        for i in 0..new_claims.len() {
            let c = &new_claims[i];
            // A claim echoed from another sentence ("Kyiv denied the claim") keeps its own.
            if c.span != sentence || !sentence.contains(c.trigger_span) {
                continue;
            }
            let Some(q) = self.in_quote(c.trigger_span).map(|q| self.quotes[q]) else { continue };
            if q.start >= sentence.start && q.end <= sentence.end {
                continue;
            }
            let covered: Vec<Span> = segments
                .sentences
                .iter()
                .filter(|s| s.span.start < q.end && q.start < s.span.end)
                .map(|s| s.span)
                .collect();
            let (Some(first), Some(last)) = (covered.first(), covered.last()) else { continue };
            if covered.len() > 3 {
                continue;
            }
            let span = Span { start: first.start, end: last.end };
            // A quotation with a sentence much shorter than the whole ("They have not taken
            // it." in a long statement) is read sentence by sentence: each sentence must keep a
            // fifth of the words of the whole.
            let words = span.slice(self.text).split_whitespace().count();
            let shortest = covered.iter().map(|s| s.slice(self.text).split_whitespace().count()).min().unwrap_or(0);
            if words > 120 || shortest * 5 < words {
                continue;
            }
            let same = |o: &RawClaim| o.span == span && o.side == c.side && o.kind == c.kind;
            if claims.iter().any(same) || new_claims[..i].iter().any(same) {
                continue;
            }
            let c = &mut new_claims[i];
            c.span = span;
            c.rules.push("span:whole-quotation".into());
        }
    }

    /// "Russia said it had withdrawn from X; Kyiv said Russian forces were still in X": a side
    /// saying its opponent still holds a place the opponent claims to have left disputes that
    /// withdrawal. Such a holding claim becomes a negated withdrawal of the holder.
    fn mark_still_there(&self, claims: &mut [RawClaim]) {
        let key = |c: &RawClaim| c.place.as_ref().map(|(i, _)| self.town_key(*i));
        let left: Vec<(Side, PlaceId)> = claims
            .iter()
            .filter(|c| c.kind == Kind::Withdrawal && c.modality != Modality::Denied && !c.negated && c.side != Side::Other)
            .filter_map(|c| Some((c.actor.filter(|a| *a == c.side)?, key(c)?)))
            .collect();
        for c in claims.iter_mut() {
            let Some(holder) = c.actor.filter(|a| *a != Side::Other && *a != c.side && c.side != Side::Other) else { continue };
            let holding = c.kind == Kind::Control && c.stance == Stance::Resisted && c.modality != Modality::Denied && !c.negated;
            if holding && key(c).is_some_and(|k| left.contains(&(holder, k))) {
                c.kind = Kind::Withdrawal;
                c.stance = Stance::Achieved;
                c.negated = true;
                c.rules.push("withdrawal:still-there".into());
            }
        }
    }

    /// The place key of a mention: its town for a site, else its first candidate.
    fn town_key(&self, mention: usize) -> PlaceId {
        let id = self.mentions[mention].candidates[0];
        crate::normalize::host_town(self.gaz, id).unwrap_or(id)
    }

    /// An article that reports a side's withdrawal from a place tells of that side's holding out
    /// there as past ("a day before the order, the brigade said its troops were holding out"):
    /// such holding out disputes no capture.
    fn mark_superseded(&self, claims: &mut [RawClaim]) {
        let key = |c: &RawClaim| c.place.as_ref().map(|(i, _)| self.town_key(*i));
        let left: Vec<(Side, PlaceId)> = claims
            .iter()
            .filter(|c| c.kind == Kind::Withdrawal && c.stance == Stance::Achieved && c.modality != Modality::Denied && !c.negated)
            .filter_map(|c| {
                let side = c.actor.filter(|a| *a != Side::Other && (c.side == *a || c.side == Side::Other))?;
                Some((side, key(c)?))
            })
            .collect();
        for c in claims.iter_mut() {
            let holding = c.kind == Kind::Control && c.stance == Stance::Resisted && c.actor == Some(c.side);
            if holding && key(c).is_some_and(|k| left.contains(&(c.side, k))) {
                c.rules.push("control:superseded-by-withdrawal".into());
            }
        }
    }

    /// Cues of a sentence with their speakers and scopes.
    fn attributions(&self, toks: &[Token<'_>], sentence: Span) -> Vec<Attribution> {
        let mut out: Vec<Attribution> = Vec::new();
        for hit in within(&self.cues, sentence) {
            if self.in_quote(hit.span).is_some() && self.in_quote(sentence).is_none() {
                continue;
            }
            let Some(last) = toks.iter().rposition(|t| t.span.start < hit.span.end) else { continue };
            let Some(first) = toks.iter().position(|t| t.span.end > hit.span.start) else { continue };
            if self.is_noun_use(toks, first, hit) {
                continue;
            }
            if hit.value.tag_only && toks.get(last + 1).is_some_and(|t| t.is_word()) {
                // "Russian forces continued to hit the city": no report.
                continue;
            }
            // "the claimed capture", "its reported advance": a past participle after a
            // determiner qualifies a noun and reports nothing.
            let adjective = hit.value.form == CueForm::Verb
                && hit.pattern.ends_with("ed")
                && first > 0
                && toks[first - 1].is_word()
                && self.grammar_is(toks[first - 1].text, WordClass::Determiner);
            if adjective {
                continue;
            }
            let negated = toks[first.saturating_sub(3)..first]
                .iter()
                .any(|t| t.is_word() && self.grammar_is(t.text, WordClass::Negation));
            let cue_text = hit.span.slice(self.text).to_string();
            let modality = hit.value.modality;
            let mk = |speaker, inherits, scope, rule| Attribution {
                cue: hit.span,
                cue_text: cue_text.clone(),
                modality,
                speaker,
                inherits,
                scope,
                negated,
                rule,
            };
            let after_to_end = Span { start: hit.span.end, end: sentence.end };
            match hit.value.form {
                CueForm::According => {
                    let Some((s, e)) = self.phrase_after(toks, last + 1) else { continue };
                    let at_start = toks[..first].iter().all(|t| !t.is_word() || self.grammar_is(t.text, WordClass::Time));
                    // "According to the ministry, the Ukrainian army lost ...": the comma ends
                    // the speaker of an opening "according to".
                    let e = if at_start { toks[s..e].iter().position(|t| t.is(&[','])).map_or(e, |c| s + c) } else { e };
                    if e <= s {
                        continue;
                    }
                    let speaker = Span { start: toks[s].span.start, end: toks[e - 1].span.end };
                    // "citing the scale of their losses": a determined phrase that names no one
                    // (no speaker the lexicon knows, no person noun, no proper name, no
                    // statement, no "sources") is a reason, not a source.
                    // "the ministry", "officials": a short form for a speaker, not a bare pronoun.
                    let short_form = within(&self.anaphora, speaker).any(|a| {
                        let words = a.span.slice(self.text);
                        !self.grammar_is(words, WordClass::Pronoun) && !self.grammar_is(words, WordClass::Determiner)
                    });
                    let determined = self.grammar_is(toks[s].text, WordClass::Determiner) || self.grammar_is(toks[s].text, WordClass::Pronoun);
                    let names_source = !hit.value.source_named
                        || !determined
                        || short_form
                        || toks[s..e].iter().any(|t| {
                            let w = t.text.to_lowercase();
                            self.grammar_is(&w, WordClass::ClaimNoun) || w == "source" || w == "sources"
                        })
                        || within(&self.speakers, speaker).next().is_some()
                        || within(&self.nouns, speaker).any(|n| *n.value == NounRole::Person)
                        || toks[s..e].iter().any(|t| t.is_word() && t.text.starts_with(|c: char| c.is_uppercase()));
                    if !names_source {
                        continue;
                    }
                    let scope = if at_start {
                        Span { start: speaker.end, end: sentence.end }
                    } else {
                        Span { start: sentence.start, end: hit.span.start }
                    };
                    out.push(mk(Some(speaker), false, scope, "cue:according-to"));
                }
                CueForm::Participle => {
                    // "Interfax quoted the commander as saying": the speaker is who is quoted.
                    let quoted = first >= 3 && toks[first - 1].text.eq_ignore_ascii_case("as");
                    let verb = quoted
                        .then(|| (first.saturating_sub(10)..first - 1).rev().find(|&k| matches!(toks[k].text.to_lowercase().as_str(), "quoted" | "quoting" | "cited" | "citing")))
                        .flatten()
                        .filter(|&k| k + 1 < first - 1);
                    if let Some(k) = verb {
                        let span = Span { start: toks[k + 1].span.start, end: toks[first - 2].span.end };
                        if self.looks_like_speaker(span, &toks[k + 1..first - 1]) {
                            out.push(mk(Some(span), false, after_to_end, "cue:quoted-as-saying"));
                            continue;
                        }
                    }
                    out.push(mk(None, true, after_to_end, "cue:participle"));
                }
                CueForm::Verb | CueForm::Passive => {
                    // "Commanders have been ordered to ...": the subject of a passive report is
                    // who was told, not who tells.
                    let passive = hit.value.form == CueForm::Verb
                        && first > 0
                        && BE_FORMS.contains(&toks[first - 1].text.to_lowercase().as_str());
                    if passive {
                        // "The claim was denied by the Ukrainian military": the agent speaks.
                        let by = toks.get(last + 1).filter(|t| t.text.eq_ignore_ascii_case("by"));
                        if let Some((s, e)) = by.and_then(|_| self.phrase_after(toks, last + 2)) {
                            let speaker = Span { start: toks[s].span.start, end: toks[e - 1].span.end };
                            // "was denied by X" reports what precedes; "had been informed by X
                            // that ..." what follows.
                            let rest = toks[e..].iter().filter(|t| t.is_word()).count();
                            let scope = if rest >= 3 { Span { start: speaker.end, end: sentence.end } } else { Span { start: sentence.start, end: hit.span.start } };
                            out.push(mk(Some(speaker), false, scope, "cue:passive-by"));
                        }
                        continue;
                    }
                    // "remarks by General X, who claimed that ...": the relative pronoun's
                    // antecedent speaks.
                    let relative = first >= 3 && toks[first - 1].text.eq_ignore_ascii_case("who") && toks[first - 2].is(&[',']);
                    if relative
                        && let Some((s, e)) = self.phrase_before(toks, first - 2) {
                            let speaker = Span { start: toks[s].span.start, end: toks[e - 1].span.end };
                            out.push(mk(Some(speaker), false, after_to_end, "cue:relative-who"));
                            continue;
                        }
                    let inverted = first > 0 && toks[first - 1].is(&[',', '"', '\u{201d}', '\u{2019}', '\''])
                        || first > 1 && toks[first - 1].is(&['"', '\u{201d}']) ;
                    // "If Russia won, it would try to take more, said Vadym Skibitsky.": after
                    // a comma, a name that ends the sentence speaks; the clause before is the
                    // report, not the speaker.
                    let name_closes = |(s, e): (usize, usize)| {
                        let rest = toks[e..].iter().all(|t| !t.is_word());
                        rest && toks[s..e].iter().filter(|t| t.is_word()).all(|t| t.is_capitalized())
                    };
                    // Only when what stands before the comma names no one ("a spokesman for
                    // X, told The Associated Press" keeps its speaker).
                    let names_no_one = |(s, e): (usize, usize)| {
                        let span = Span { start: toks[s].span.start, end: toks[e - 1].span.end };
                        within(&self.speakers, span).next().is_none()
                            && !within(&self.nouns, span).any(|n| *n.value == NounRole::Person)
                            && toks[s..e].iter().all(|t| !t.is_word() || t.text.starts_with(|c: char| c.is_lowercase()))
                    };
                    let before = self.phrase_before(toks, first);
                    let after_comma = first > 0 && toks[first - 1].is(&[',']);
                    let before = match after_comma.then(|| self.phrase_after(toks, last + 1)).flatten().filter(|&p| name_closes(p)) {
                        Some(_) if before.is_none_or(names_no_one) => None,
                        _ => before,
                    };
                    match before {
                        Some((s, e)) => {
                            let speaker = Span { start: toks[s].span.start, end: toks[e - 1].span.end };
                            // ", X said" closes the sentence's report; but in "Ukraine's
                            // commander, Oleksandr Syrskyi, said that ..." the comma closes an
                            // appositive and the report follows the cue.
                            let words_before = toks[..s].iter().filter(|t| t.is_word()).count();
                            let words_after = toks[last + 1..].iter().filter(|t| t.is_word()).count();
                            let that_follows = toks[last + 1..]
                                .iter()
                                .filter(|t| t.is_word())
                                .take(4)
                                .any(|t| t.text.eq_ignore_ascii_case("that"));
                            let comma_before = s > 0 && toks[s - 1].is(&[',']);
                            // "..., the command said on Tuesday, rejecting ...": a cue closed
                            // by an adjunct and a participle clause ends the report before it.
                            let afterthought = self.participle_afterthought(toks, last);
                            // ", X added, while ...": a cue closed by a comma ends its report.
                            let closed = toks.get(last + 1).is_some_and(|t| t.is(&[',']));
                            let appositive = comma_before && !that_follows && !afterthought && !closed && words_after >= 8 && words_after > words_before;
                            // "After a long siege, X claimed ...": an opening adverbial with
                            // nothing to report in it is no report closed by the cue.
                            let before_speaker = Span { start: sentence.start, end: speaker.start };
                            let reportable = within(&self.triggers, before_speaker).next().is_some()
                                || within(&self.denials, before_speaker).next().is_some()
                                || self.quotes.iter().any(|q| q.start < speaker.start && q.end > sentence.start);
                            // "..., Kyiv denied this.": a cue with its own pointer object
                            // answers what precedes instead of reporting it.
                            let answers = self.points_back_at_end(toks, last);
                            let postposed = s > 0
                                && toks[s - 1].is(&[',', '"', '\u{201d}', '\u{2019}'])
                                && words_before >= 3
                                && !(comma_before && that_follows)
                                && !appositive
                                && !answers
                                && reportable;
                            let scope = if postposed {
                                Span { start: sentence.start, end: speaker.start }
                            } else {
                                after_to_end
                            };
                            out.push(mk(Some(speaker), false, scope, if postposed { "cue:postposed" } else { "cue:subject" }));
                        }
                        None if inverted => match self.phrase_after(toks, last + 1) {
                            Some((s, e)) => {
                                let speaker = Span { start: toks[s].span.start, end: toks[e - 1].span.end };
                                out.push(mk(Some(speaker), false, Span { start: sentence.start, end: hit.span.start }, "cue:inverted"));
                            }
                            None => continue,
                        },
                        // "... and claimed that": the subject of the coordinated verb is the
                        // sentence's. Without the conjunction there is no speaker to be found.
                        None if self.conjunction_before(toks, first) => {
                            out.push(mk(None, true, after_to_end, "cue:coordinated"))
                        }
                        None => continue,
                    }
                }
            }
        }
        out
    }

    /// After the cue at token `last`, within a few words, a comma and a participle clause
    /// ("said Tuesday on Telegram, dismissing ...", "said late Monday, effectively ceding ...").
    fn participle_afterthought(&self, toks: &[Token<'_>], last: usize) -> bool {
        let Some(comma) = toks.iter().skip(last + 1).take(6).position(|t| !t.is_word()).map(|p| last + 1 + p) else {
            return false;
        };
        if !toks[comma].is(&[',']) {
            return false;
        }
        let mut next = toks[comma + 1..].iter().filter(|t| t.is_word()).map(|t| t.text.to_lowercase());
        let first = next.next().unwrap_or_default();
        let first = if first.ends_with("ly") || first == "thus" { next.next().unwrap_or_default() } else { first };
        let first = if first == "in" && next.next().is_some_and(|w| w == "effect") { next.next().unwrap_or_default() } else { first };
        first.len() > 4 && first.ends_with("ing")
    }

    /// The cue at token `last` is followed by a pointer that ends the sentence ("denied this.",
    /// "confirmed it").
    fn points_back_at_end(&self, toks: &[Token<'_>], last: usize) -> bool {
        toks.get(last + 1).is_some_and(|t| matches!(t.text.to_lowercase().as_str(), "this" | "it" | "these" | "those"))
            && toks.get(last + 2).is_none_or(|t| !t.is_word())
    }

    /// "... and claimed", "... and has said repeatedly": a conjunction before the cue, past
    /// auxiliaries and adverbs.
    fn conjunction_before(&self, toks: &[Token<'_>], cue: usize) -> bool {
        toks[..cue]
            .iter()
            .rev()
            .take(4)
            .find(|t| {
                !(t.is_word() && (self.grammar_is(t.text, WordClass::Auxiliary) || (t.text.ends_with("ly") && !t.is_capitalized() && t.text.len() > 4)))
            })
            .is_some_and(|t| matches!(t.text.to_lowercase().as_str(), "and" | "but" | "then" | "also"))
    }

    /// "the claims", "Russian claims", "these reports": a cue word used as a noun.
    fn is_noun_use(&self, toks: &[Token<'_>], first: usize, hit: &Hit<'_, Cue>) -> bool {
        let word = hit.pattern;
        if !matches!(word, "claims" | "claim" | "reports" | "report" | "states" | "estimates" | "notes" | "says") {
            return false;
        }
        // "reports of", "claims that ... were false" after a number: a noun.
        let next = toks.iter().skip(first + 1).find(|t| t.is_word());
        if next.is_some_and(|n| n.text.eq_ignore_ascii_case("of")) {
            return true;
        }
        let Some(prev) = first.checked_sub(1).map(|i| toks[i]) else { return false };
        // "the ministry's claim that", "Moscow's reports of"
        if prev.text.chars().all(|c| c.is_ascii_digit()) || prev.text.ends_with("'s") || prev.text.ends_with("\u{2019}s") {
            return true;
        }
        prev.is_word()
            && (self.grammar_is(prev.text, WordClass::Determiner)
                || within(&self.speakers, prev.span).any(|h| h.value.ty == SpeakerType::Marker)
                || matches!(prev.text.to_lowercase().as_str(), "of" | "by" | "to" | "media" | "news" | "such" | "earlier" | "the"))
    }

    /// Whether a phrase names who speaks: a known speaker, a role, or a person's title.
    fn names_speaker(&self, span: Span) -> bool {
        within(&self.speakers, span).next().is_some()
            || within(&self.roles, span).next().is_some()
            || within(&self.nouns, span).any(|h| *h.value == NounRole::Person)
    }

    /// The speaker phrase that ends just before token `cue`, walking back over the phrase and
    /// an appositive ("Andrei Bayevsky, a Russian-installed local politician, said").
    fn phrase_before(&self, toks: &[Token<'_>], cue: usize) -> Option<(usize, usize)> {
        // "Hanna Maliar, who has reported gains on both flanks of the city over the past week,
        // claimed": a relative clause set off by commas, however long, is skipped.
        let mut cue_at = cue;
        while cue_at > 0
            && toks[cue_at - 1].is_word()
            && (self.grammar_is(toks[cue_at - 1].text, WordClass::Auxiliary)
                || toks[cue_at - 1].text.eq_ignore_ascii_case("also")
                || (toks[cue_at - 1].text.ends_with("ly") && !toks[cue_at - 1].is_capitalized()))
        {
            cue_at -= 1;
        }
        // "Kyiv appeared to confirm", "the ministry seemed to deny": a hedge before the cue.
        while cue_at >= 2
            && toks[cue_at - 1].text.eq_ignore_ascii_case("to")
            && matches!(toks[cue_at - 2].text.to_lowercase().as_str(), "appeared" | "appears" | "seemed" | "seems" | "appear" | "seem")
        {
            cue_at -= 2;
        }
        let cue = cue_at.max(1).min(cue);
        // "Andriy Zagorodnyuk - Ukraine's former defence minister - says": a name with an
        // appositive between dashes.
        let dash = |t: &Token<'_>| t.is(&['-', '\u{2013}', '\u{2014}']);
        if cue >= 3 && dash(&toks[cue - 1]) {
            let open = (cue.saturating_sub(14)..cue - 1).rev().find(|&k| !toks[k].is_word()).filter(|&k| dash(&toks[k]) && k + 1 < cue - 1);
            if let Some(k) = open {
                let mut s2 = k;
                while s2 > 0 && toks[s2 - 1].is_word() && toks[s2 - 1].is_capitalized() {
                    s2 -= 1;
                }
                let span = Span { start: toks[s2].span.start, end: toks[cue - 2].span.end };
                if s2 < k && self.looks_like_speaker(span, &toks[s2..cue - 1]) {
                    return Some((s2, cue - 1));
                }
            }
        }
        if cue >= 1 && toks[cue - 1].is(&[',']) {
            let clause = toks[..cue - 1].iter().rposition(|t| t.is(&[',', '.', ';', '"', '\u{201c}', '\u{201d}']));
            if let Some(c) = clause.filter(|&c| c >= 1 && toks[c].is(&[',']) && cue - c <= 32) {
                // ("The governor of X, one of two regions that ..., said": an appositive
                // describing the phrase before it is skipped the same way.)
                let relative = toks.get(c + 1).is_some_and(|t| matches!(t.text.to_lowercase().as_str(), "who" | "which"))
                    || (toks.get(c + 1).is_some_and(|t| t.text.eq_ignore_ascii_case("one")) && toks.get(c + 2).is_some_and(|t| t.text == "of"));
                if relative
                    && let Some(found) = self.phrase_before(toks, c) {
                        return Some(found);
                    }
                // "Prosecutors from the Donetsk People's Republic, a proxy government controlled
                // by Russia, have said": an indefinite appositive that names no person or role
                // describes the last noun of the phrase before it, which is the speaker when it
                // names its own side. ("X, a Kremlin-appointed official, said" and "The
                // governor, a Kremlin appointee, said" describe the speaker, and keep the aside.)
                let indefinite = toks.get(c + 1).is_some_and(|t| matches!(t.text.to_lowercase().as_str(), "a" | "an"));
                let aside = Span { start: toks[c + 1].span.start, end: toks[cue - 2].span.end };
                if indefinite
                    && within(&self.roles, aside).next().is_none()
                    && !within(&self.nouns, aside).any(|h| *h.value == NounRole::Person)
                    && let Some(found) = self.phrase_before(toks, c)
                    && let head = (Span { start: toks[found.0].span.start, end: toks[found.1 - 1].span.end })
                    && within(&self.speakers, head).any(|h| matches!(h.value.ty, SpeakerType::Override | SpeakerType::Marker | SpeakerType::Org | SpeakerType::Person))
                    && within(&self.triggers, head).next().is_none() {
                        return Some(found);
                    }
                // "Serhiy Haidai, governor of the Luhansk region that includes the city, said":
                // a relative clause closing the appositive is skipped; the speaker ends before it.
                let inner = (c + 2..cue - 1).find(|&k| matches!(toks[k].text.to_lowercase().as_str(), "that" | "which" | "where" | "who" | "whose"));
                // (Only a phrase that names a speaker: "an adviser to the mayor of X, the
                // besieged port city where ..., said" describes the city, not the speaker.)
                if !relative
                    && let Some(r) = inner
                    && let Some(found) = self.phrase_before(toks, r)
                    && self.names_speaker(Span { start: toks[found.0].span.start, end: toks[found.1 - 1].span.end }) {
                        return Some(found);
                    }
            }
        }
        let mut end = cue;
        // Skip what sits between a subject and its verb: auxiliaries, adverbs, time phrases,
        // parentheses, and the comma of an appositive.
        while let Some(t) = end.checked_sub(1).map(|i| toks[i]) {
            if t.is_word()
                && (self.grammar_is(t.text, WordClass::Auxiliary)
                    || self.grammar_is(t.text, WordClass::Time)
                    || (t.text.ends_with("ly") && !t.is_capitalized() && t.text.len() > 4))
            {
                end -= 1;
                if end > 0 && toks[end - 1].is_word() && self.grammar_is(toks[end - 1].text, WordClass::Preposition) {
                    end -= 1;
                }
                continue;
            }
            if t.is_word() && t.text.chars().all(|c| c.is_ascii_digit()) && end >= 2 {
                // "on January 12 said": a date between subject and verb.
                end -= 1;
                continue;
            }
            if t.is(&[')']) {
                match toks[..end - 1].iter().rposition(|x| x.is(&['('])) {
                    Some(open) => {
                        end = open;
                        continue;
                    }
                    None => break,
                }
            }
            // "Ukraine, meanwhile, has claimed": a lowercase word set off by commas.
            if t.is_word() && !t.is_capitalized() && end >= 3 && toks[end - 2].is(&[',']) && toks.get(end).is_some_and(|x| x.is(&[','])) {
                end -= 2;
                continue;
            }
            if t.is(&[',']) && end >= 2 && toks[end - 2].is_word() {
                end -= 1;
                continue;
            }
            break;
        }
        // "On May 2, \"Storm Group\" announced": a name in quotation marks right before the cue.
        if end >= 3 && toks[end - 1].is(&['"', '\u{201d}']) {
            let open = (end.saturating_sub(6)..end - 1).rev().find(|&k| toks[k].is(&['"', '\u{201c}']));
            if let Some(k) = open.filter(|&k| k + 1 < end - 1 && toks[k + 1..end - 1].iter().all(|t| t.is_word() && t.is_capitalized())) {
                let span = Span { start: toks[k + 1].span.start, end: toks[end - 2].span.end };
                if self.looks_like_speaker(span, &toks[k + 1..end - 1]) {
                    return Some((k + 1, end - 1));
                }
            }
        }
        let mut start = end;
        let mut words = 0;
        while start > 0 {
            let t = toks[start - 1];
            // "Ukraine's Operational Command \u{2018}South\u{2019} reported": a capitalised word in single
            // quotation marks is part of the name.
            if start >= 3 && t.is(&['\u{2019}']) && toks[start - 2].is_word() && toks[start - 2].is_capitalized() && toks[start - 3].is(&['\u{2018}']) {
                start -= 3;
                words += 1;
                continue;
            }
            if t.is_word() {
                // Another report's verb ends the phrase: in "ISW said Wagner forces claimed",
                // the speaker of "claimed" is "Wagner forces".
                let cue_word = within(&self.cues, t.span).any(|c| matches!(c.value.form, CueForm::Verb | CueForm::Passive));
                let boundary = self.grammar_is(t.text, WordClass::Boundary) && !t.is_capitalized();
                if self.grammar_is(t.text, WordClass::Stop) || boundary || words >= 14 || cue_word {
                    break;
                }
                start -= 1;
                words += 1;
                continue;
            }
            if t.is(&[',']) && start < end && !toks[start].is_capitalized() && start >= 2 {
                // An appositive: extend over the name before the comma.
                let mut s2 = start - 1;
                while s2 > 0
                    && toks[s2 - 1].is_word()
                    && (toks[s2 - 1].is_capitalized() || matches!(toks[s2 - 1].text, "of" | "de" | "al"))
                {
                    s2 -= 1;
                }
                // "... near Krynky, the command said": a place closing the clause before the
                // comma is no name the phrase stands in apposition to.
                let place_before = s2 > 0 && toks[s2 - 1].is_word() && self.grammar_is(toks[s2 - 1].text, WordClass::Preposition)
                    || self.mentions.iter().any(|m| m.span.overlaps(toks[start - 2].span));
                if s2 < start - 1 && !place_before && !self.grammar_is(toks[s2].text, WordClass::Preposition) && toks[start - 2].is_capitalized() {
                    start = s2;
                }
            }
            break;
        }
        // "Ukrainian officials and civilians said", "Russian and separatist officials said": a
        // subject coordinated with "and" whose first part names a speaker or a side, and holds
        // no verb of its own, is one speaker phrase.
        if start >= 2 && start < end && toks[start - 1].text.eq_ignore_ascii_case("and") {
            let mut s2 = start - 1;
            while s2 > 0 && toks[s2 - 1].is_word() && start - 1 - s2 < 4 && !self.grammar_is(toks[s2 - 1].text, WordClass::Stop) && !self.grammar_is(toks[s2 - 1].text, WordClass::Boundary) {
                s2 -= 1;
            }
            let opens = s2 == 0 || !toks[s2 - 1].is_word() || self.grammar_is(toks[s2 - 1].text, WordClass::Stop) || self.grammar_is(toks[s2 - 1].text, WordClass::Boundary);
            let first = Span { start: toks[s2].span.start, end: toks[start - 2].span.end };
            let plain = within(&self.cues, first).next().is_none()
                && within(&self.triggers, first).next().is_none()
                && !toks[s2..start - 1].iter().any(|t| BE_FORMS.contains(&t.text.to_lowercase().as_str()) || self.grammar_is(t.text, WordClass::Auxiliary) || (t.text.ends_with("ed") && !t.is_capitalized()));
            let names = within(&self.speakers, first).next().is_some() || within(&self.roles, first).next().is_some();
            // "Russian and Ukrainian officials said" joins two sides: no one speaker.
            let rest = Span { start: toks[start].span.start, end: toks[end - 1].span.end };
            let sides = |span: Span| within(&self.speakers, span).map(|h| h.value.side).filter(|s| *s != Side::Other).collect::<Vec<_>>();
            let (a, b) = (sides(first), sides(rest));
            let one_side = a.iter().chain(&b).all(|s| Some(s) == a.first().or(b.first()));
            if s2 < start - 1 && opens && plain && names && one_side {
                start = s2;
            }
        }
        // "The mayor of Mykolaiv, Oleksandr Syenkevych, said": a name set off after its title
        // takes the title in (the title says whose the speaker is).
        let name_only = start < end && toks[start..end].iter().all(|t| !t.is_word() || t.is_capitalized());
        if name_only && start >= 3 && toks[start - 1].is(&[',']) {
            let mut s2 = start - 1;
            while s2 > 0 && toks[s2 - 1].is_word() && start - 1 - s2 < 8 && !self.grammar_is(toks[s2 - 1].text, WordClass::Stop) {
                s2 -= 1;
            }
            let title = Span { start: toks[s2].span.start, end: toks[start - 2].span.end };
            let titled = within(&self.nouns, title).any(|n| *n.value == NounRole::Person) || within(&self.roles, title).next().is_some();
            // "Asked about Russia's defence minister, X said": a participle or adverbial clause
            // is no title.
            let lead = toks[s2].text.to_lowercase();
            let clause = lead.ends_with("ed") || lead.ends_with("ing") || self.grammar_is(toks[s2].text, WordClass::Preposition);
            if s2 < start - 1 && titled && !clause && (s2 == 0 || !toks[s2 - 1].is_word()) {
                start = s2;
            }
        }
        // A phrase that opens with an adverbial ("In a statement on Facebook the staff said",
        // "on Wednesday it said") keeps only what follows it.
        // A conjunction opening the sentence ("But Russia's defence ministry said") is not
        // part of the name either.
        while start < end
            && toks[start].is_word()
            && (self.grammar_is(toks[start].text, WordClass::Stop)
                || (end - start > 1
                    && (self.grammar_is(toks[start].text, WordClass::Preposition)
                        || self.grammar_is(toks[start].text, WordClass::Time)
                        || self.grammar_is(toks[start].text, WordClass::Boundary))))
        {
            start += 1;
        }
        if start >= end {
            return None;
        }
        // "A Ukrainian soldier, positioned outside the town, said", "The corps, in a post on
        // Telegram, said": the speaker is the noun phrase the participle or adverbial is set
        // off from.
        let lead = toks[start].text;
        let participle = toks[start].is_word() && !toks[start].is_capitalized() && (lead.ends_with("ed") || lead.ends_with("ing"));
        let adverbial = start > 0 && toks[start - 1].is_word() && self.grammar_is(toks[start - 1].text, WordClass::Preposition);
        let set_off = if adverbial { start >= 3 && toks[start - 2].is(&[',']) } else { start >= 2 && toks[start - 1].is(&[',']) };
        let start_of = if adverbial { start.saturating_sub(2) } else { start.saturating_sub(1) };
        if (participle || adverbial) && set_off && within(&self.speakers, toks[start].span).next().is_none()
            && let Some(found) = self.phrase_before(toks, start_of) {
                return Some(found);
            }
        if participle && start >= 2 && toks[start - 1].is(&[',']) && within(&self.speakers, toks[start].span).next().is_none()
            && let Some(found) = self.phrase_before(toks, start - 1) {
                return Some(found);
            }
        let span = Span { start: toks[start].span.start, end: toks[end - 1].span.end };
        self.looks_like_speaker(span, &toks[start..end]).then_some((start, end))
    }

    /// The phrase right after token `from` (", said X", "according to X").
    fn phrase_after(&self, toks: &[Token<'_>], from: usize) -> Option<(usize, usize)> {
        // "according to a statement by X", "citing a post from X": the speaker is X.
        let mut from = from;
        if let Some(by) = toks.iter().skip(from).take(5).position(|t| matches!(t.text.to_lowercase().as_str(), "by" | "from")) {
            let by = from + by;
            let medium = toks[from..by].iter().any(|t| {
                matches!(
                    t.text.to_lowercase().as_str(),
                    "statement" | "announcement" | "report" | "post" | "message" | "update" | "summary" | "briefing" | "video" | "data"
                )
            });
            if medium && by + 1 < toks.len() {
                from = by + 1;
            }
        }
        let mut end = from;
        let mut words = 0;
        let mut appositive = false;
        while end < toks.len() && words < 14 {
            let t = toks[end];
            if t.is_word() {
                let lower = t.text.to_lowercase();
                // In an appositive, "a spokesman for the Tavria group" keeps what the role is of.
                // "a military adviser to Volodymyr Zelenskiy": a role's "to" or "for" before a
                // known person or body keeps whose role it is.
                let after_role = end > 0 && within(&self.nouns, toks[end - 1].span).any(|h| *h.value == NounRole::Person);
                let names_whose = matches!(lower.as_str(), "to" | "for")
                    && after_role
                    && toks.get(end + 1).is_some_and(|n| {
                        self.speakers.iter().any(|h| h.span.start == n.span.start && matches!(h.value.ty, SpeakerType::Person | SpeakerType::Org))
                    });
                let attached = matches!(lower.as_str(), "of") || (appositive && matches!(lower.as_str(), "for" | "at" | "in")) || names_whose;
                let prep = self.grammar_is(t.text, WordClass::Preposition) && !attached;
                if (prep || self.grammar_is(t.text, WordClass::Stop) || self.grammar_is(t.text, WordClass::Time)) && words > 0 {
                    break;
                }
                end += 1;
                words += 1;
                continue;
            }
            if t.is(&[',']) && end + 1 < toks.len() && toks[end + 1].is_word() && self.grammar_is(toks[end + 1].text, WordClass::Determiner) {
                // ", said Ivan Petrov, a Russian-installed official": take the appositive too.
                end += 1;
                appositive = true;
                continue;
            }
            break;
        }
        if end == from {
            return None;
        }
        let span = Span { start: toks[from].span.start, end: toks[end - 1].span.end };
        self.looks_like_speaker(span, &toks[from..end]).then_some((from, end))
    }

    /// The sentence's grammatical subject, for cues whose own subject is elided ("Russian
    /// milbloggers posted footage ... and claimed that ...").
    fn leading_subject(&self, toks: &[Token<'_>]) -> Option<Span> {
        let mut i = 0;
        // Skip an opening adverbial that ends with a comma ("On Thursday, Moscow claimed").
        if let Some(comma) = toks.iter().take(6).position(|t| t.is(&[',']))
            && toks[0].is_word() && self.grammar_is(toks[0].text, WordClass::Preposition) {
                i = comma + 1;
            }
        // "But the next day it issued a statement saying ...": an opening conjunction and a
        // time phrase with no comma are no subject either.
        while i < toks.len() && toks[i].is_word() && (self.grammar_is(toks[i].text, WordClass::Stop) || self.grammar_is(toks[i].text, WordClass::Boundary)) {
            i += 1;
        }
        let mut j = i;
        while j < toks.len()
            && toks[j].is_word()
            && (self.grammar_is(toks[j].text, WordClass::Determiner)
                || self.grammar_is(toks[j].text, WordClass::Preposition)
                || self.grammar_is(toks[j].text, WordClass::Time)
                || matches!(toks[j].text.to_lowercase().as_str(), "next" | "following" | "same" | "previous" | "day"))
        {
            j += 1;
        }
        if j > i && (self.grammar_is(toks[j - 1].text, WordClass::Time) || toks[j - 1].text.eq_ignore_ascii_case("day")) {
            i = j;
        }
        let start = i;
        while i < toks.len() && i - start < 8 {
            let t = toks[i];
            if !t.is_word() {
                break;
            }
            let known = within(&self.speakers, t.span).next().is_some()
                || within(&self.nouns, t.span).next().is_some()
                || within(&self.anaphora, t.span).next().is_some();
            if t.is_capitalized() || known || self.grammar_is(t.text, WordClass::Determiner) || t.text == "of" {
                i += 1;
            } else {
                break;
            }
        }
        (i > start).then(|| Span { start: toks[start].span.start, end: toks[i - 1].span.end })
    }

    /// A phrase can be a speaker when it names someone: a capitalized word that is not only the
    /// sentence's first, or a lexicon speaker, role, short form or title.
    fn looks_like_speaker(&self, span: Span, toks: &[Token<'_>]) -> bool {
        within(&self.speakers, span).next().is_some()
            || within(&self.anaphora, span).next().is_some()
            || within(&self.roles, span).next().is_some()
            || within(&self.nouns, span).any(|h| matches!(h.value, NounRole::Person | NounRole::Military))
            || toks.iter().any(|t| t.is_word() && t.is_capitalized())
            || Self::of_the_country(span.slice(self.text))
    }

    /// "the country's military", "the nation's defence ministry".
    fn of_the_country(phrase: &str) -> bool {
        let lower = phrase.to_lowercase().replace('\u{2019}', "'");
        let lower = lower.strip_prefix("the ").unwrap_or(&lower);
        lower.starts_with("country's ") || lower.starts_with("nation's ")
    }

    fn resolve_speaker(&self, span: Span, seen: &[Seen], persons: &[(Span, RawSpeaker)]) -> RawSpeaker {
        let text = span.slice(self.text).to_string();
        let mut hits: Vec<&Hit<'_, SpeakerEntry>> = within(&self.speakers, span).collect();
        if hits.is_empty() {
            // "[General Staff of the] Armed Forces of Ukraine, in a statement": a phrase cut
            // short inside a longer known name is that name.
            hits.extend(self.speakers.iter().filter(|h| h.span.start < span.start && span.start < h.span.end && h.span.end <= span.end));
        }
        let person_noun = within(&self.nouns, span).any(|h| h.value == &NounRole::Person);
        let last_word = text.rsplit(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty()).unwrap_or("");
        let plural = last_word.ends_with('s') && last_word.chars().next().is_some_and(char::is_lowercase);
        let mut sp = RawSpeaker { text, span, resolved: None, side: None, rule: String::new(), person: person_noun, group: plural, };
        let first_of = |ty: SpeakerType| hits.iter().find(|h| h.value.ty == ty).copied();
        if let Some(h) = first_of(SpeakerType::Override) {
            sp.side = Some(h.value.side);
            sp.resolved = h.value.canonical.map(str::to_string);
            sp.rule = format!("speaker:override:{}", h.pattern);
        } else if let Some(h) = first_of(SpeakerType::Third) {
            sp.side = Some(Side::Other);
            sp.rule = format!("speaker:third-party:{}", h.pattern);
        } else if let Some(h) = first_of(SpeakerType::Person) {
            sp.side = Some(h.value.side);
            sp.resolved = h.value.canonical.map(str::to_string);
            sp.person = true;
            sp.group = false;
            sp.rule = format!("speaker:person:{}", h.pattern);
        } else if let Some(h) = first_of(SpeakerType::Org) {
            sp.side = Some(h.value.side);
            sp.resolved = h.value.canonical.map(str::to_string);
            sp.rule = format!("speaker:org:{}", h.pattern);
        } else if let Some(role) = within(&self.roles, span).next() {
            let by_place = self
                .mentions
                .iter()
                .filter(|m| span.contains(m.span))
                .find_map(|m| self.gaz.place(m.candidates[0]).map(|p| if p.country == "RU" || held_since_2014(p) { Side::Moscow } else { Side::Kyiv }));
            let by_marker = hits.iter().find(|h| h.value.ty == SpeakerType::Marker && h.value.side != Side::Other).map(|h| h.value.side);
            // "Dutch prosecutors", "French police": a third country's officials.
            let foreign = hits.iter().any(|h| h.value.ty == SpeakerType::Marker && h.value.side == Side::Other);
            // "Prosecutors from the Donetsk People's Republic have said ... Prosecutors said":
            // a bare role met again is the one introduced before with its side.
            // Only a phrase headed by the role ("Prosecutors from X", not "a police chief"),
            // singular or plural, told a few paragraphs before at most.
            let stem = role.pattern.to_lowercase();
            let stem = stem.trim_end_matches('s');
            let headed = |text: &str| {
                let text = text.to_lowercase();
                let text = text.strip_prefix("the ").unwrap_or(&text);
                text.starts_with(stem) && text[stem.len()..].chars().next().is_none_or(|c| c == 's' || !c.is_alphanumeric())
            };
            let introduced = (by_marker.is_none() && by_place.is_none() && !foreign)
                .then(|| {
                    seen.iter().rev().take_while(|s| s.at + ROLE_LOOKBACK_BYTES >= span.start).find(|s| s.speaker.side.is_some() && s.speaker.span != span && headed(&s.speaker.text))
                })
                .flatten();
            sp.side = Some(by_marker.or(by_place).or(introduced.and_then(|s| s.speaker.side)).unwrap_or(if foreign { Side::Other } else { *role.value }));
            sp.rule = match introduced {
                Some(_) => format!("speaker:role-introduced-before:{}", role.pattern),
                None => format!("speaker:role:{}", role.pattern),
            };
        } else if let Some(h) = first_of(SpeakerType::Marker) {
            sp.side = Some(h.value.side);
            sp.rule = format!("speaker:marker:{}", h.pattern);
        } else if let Some(h) = first_of(SpeakerType::Metonym) {
            sp.side = Some(h.value.side);
            sp.resolved = h.value.canonical.map(str::to_string);
            sp.rule = format!("speaker:metonym:{}", h.pattern);
        } else if let Some(a) = within(&self.anaphora, span).next().filter(|a| a.span.start == span.start) {
            self.resolve_anaphor(&mut sp, a, seen, persons);
        } else if let Some(a) = within(&self.anaphora, span).find(|a| {
            // "a spokeswoman for the military command": the body named before speaks through
            // its spokesperson.
            let lead = self.text[span.start as usize..a.span.start as usize].to_lowercase();
            person_noun && a.value.refers == Refers::Org && (lead.ends_with(" for ") || lead.ends_with(" of "))
        }) {
            self.resolve_anaphor(&mut sp, a, seen, persons);
            sp.person = true;
            sp.group = false;
        } else if let Some(side) = self.country_before(span) {
            // "Ukrainian forces completed their mission, according to the country's military":
            // the country is the one named last before the phrase.
            sp.side = Some(side);
            sp.rule = "speaker:the-country".into();
        } else if let Some(ante) = Self::named_before(&sp.text, seen) {
            // "Colonel Ivan Petrenko, a spokesman for Ukraine's navy, said ... Petrenko said":
            // a name met again speaks for the side it was introduced with.
            sp.side = ante.side;
            sp.resolved = ante.resolved.clone().or_else(|| Some(ante.text.clone()));
            sp.person = true;
            sp.group = false;
            sp.rule = format!("speaker:named-before:{}", sp.text);
        } else if let Some(side) = self.official_of_place(span, person_noun) {
            // "an aide to the head of the southern Kherson region": an official of a place
            // with no side word speaks for the country the place is in (a Russian-installed
            // one says so, and is caught above).
            sp.side = Some(side);
            sp.rule = "speaker:official-of-place".into();
        } else if let Some(title) = self.titled_before(&sp, seen) {
            // "..., according to Ukraine's deputy head of military intelligence. ..., said
            // Vadym Skibitsky": a name given right after a title with no name is that person.
            sp.side = title.side;
            sp.person = true;
            sp.rule = "speaker:named-after-title".into();
        } else {
            sp.rule = "speaker:unknown".into();
        }
        sp
    }

    /// The side of the country a person phrase's region lies in, for a phrase with a person
    /// noun (an official's title) and a Ukrainian or Russian oblast.
    fn official_of_place(&self, span: Span, person_noun: bool) -> Option<Side> {
        if !person_noun {
            return None;
        }
        // Only a region's official: a town's may be an occupier's, and the phrase says so
        // only sometimes ("an official in occupied Melitopol").
        if span.slice(self.text).to_lowercase().contains("occupied") {
            return None;
        }
        self.mentions.iter().filter(|m| span.contains(m.span) && !self.is_metonym_use(m)).find_map(|m| {
            let p = self.gaz.place(m.candidates[0])?;
            if p.kind != PlaceKind::Region || held_since_2014(p) {
                return None;
            }
            match p.country.as_str() {
                "UA" => Some(Side::Kyiv),
                "RU" => Some(Side::Moscow),
                _ => None,
            }
        })
    }

    /// The speaker just before `sp`, when `sp` is a bare name of two or three capitalised words
    /// and that speaker a person given by title alone (no capitalised word but its side's):
    /// wire copy names a source by title first and by name in the next sentence.
    fn titled_before<'s>(&self, sp: &RawSpeaker, seen: &'s [Seen]) -> Option<&'s RawSpeaker> {
        // "ambassador Vasyl Myroshnychenko": a title (nouns.tsv's `person`) before the name is
        // read past; "the Southern Military Command" is no name.
        let words: Vec<&str> = sp
            .text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .skip_while(|w| w.chars().next().is_some_and(char::is_lowercase) && self.lex.nouns.get(w).is_some_and(|n| *n == NounRole::Person))
            .collect();
        let name = (2..=3).contains(&words.len()) && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase));
        if !name {
            return None;
        }
        let last = seen.iter().rev().find(|s| s.at < sp.span.start)?;
        let title = &last.speaker;
        // No personal name in the title: no two capitalised words in a row ("Ukraine's
        // ambassador to Australia" has none, "minister Oleksii Reznikov" has one).
        let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        let words: Vec<&str> = title.text.split_whitespace().collect();
        let untitled = !words.windows(2).any(|w| capital(w[0]) && capital(w[1]));
        let near = sp.span.start.saturating_sub(title.span.end) <= 400;
        (title.person && title.side.is_some_and(|s| s != Side::Other) && title.resolved.is_none() && untitled && near).then_some(title)
    }

    /// For a phrase that speaks of "the country's" army or ministry: the side of the nation
    /// or state last named before it, within a sentence or two.
    fn country_before(&self, span: Span) -> Option<Side> {
        if !Self::of_the_country(span.slice(self.text)) {
            return None;
        }
        let from = span.start.saturating_sub(300);
        self.speakers
            .iter()
            .rfind(|h| {
                h.span.start >= from
                    && h.span.end <= span.start
                    && matches!(h.value.ty, SpeakerType::Marker | SpeakerType::Metonym)
                    && h.value.side != Side::Other
            })
            .map(|h| h.value.side)
    }

    /// The earlier speaker whose phrase holds the name a short phrase ends with ("Petrenko"
    /// after "Colonel Ivan Petrenko, a Ukrainian navy spokesman"): a name of one to three
    /// capitalized words, the last of four letters or more.
    fn named_before<'s>(text: &str, seen: &'s [Seen]) -> Option<&'s RawSpeaker> {
        let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        let name = words.last()?;
        let capitalized = words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase));
        if words.len() > 3 || !capitalized || name.chars().count() < 4 {
            return None;
        }
        seen.iter()
            .rev()
            .map(|s| &s.speaker)
            .find(|s| s.side.is_some() && s.text != text && s.text.split(|c: char| !c.is_alphanumeric()).any(|w| w == *name))
    }

    fn resolve_anaphor(&self, sp: &mut RawSpeaker, a: &Hit<'_, Anaphor>, seen: &[Seen], persons: &[(Span, RawSpeaker)]) {
        let before = sp.span.start;
        let head_ok = |s: &RawSpeaker| a.value.head.is_none_or(|h| s.text.to_lowercase().contains(h));
        let antecedent: Option<&RawSpeaker> = match a.value.refers {
            Refers::Person => {
                let from_seen = seen.iter().rev().find(|s| s.speaker.person && s.at < before && head_ok(&s.speaker));
                let from_names = persons.iter().rev().find(|(span, _)| span.end <= before);
                match (from_seen, from_names) {
                    (Some(s), Some((span, p))) => Some(if span.start > s.at { p } else { &s.speaker }),
                    (Some(s), None) => Some(&s.speaker),
                    (None, Some((_, p))) => Some(p),
                    (None, None) => None,
                }
            }
            // "It said", "the unit said": the organisation last quoted, else whoever was.
            // "The defense ministry" after "X, deputy minister of defense of Ukraine": a
            // ministry whose minister spoke before is that minister's.
            Refers::Org => seen
                .iter()
                .rev()
                .find(|s| !s.speaker.person && s.at < before && head_ok(&s.speaker))
                .or_else(|| a.value.head.is_none().then(|| seen.iter().rev().find(|s| s.at < before)).flatten())
                .or_else(|| {
                    let minister = |s: &&Seen| s.at < before && s.speaker.text.to_lowercase().contains("minister");
                    (a.value.head == Some("ministry")).then(|| seen.iter().rev().find(minister)).flatten()
                })
                .map(|s| &s.speaker),
            Refers::Group => seen.iter().rev().find(|s| !s.speaker.person && s.at < before).map(|s| &s.speaker),
            Refers::Any => seen.iter().rev().find(|s| s.at < before).map(|s| &s.speaker),
        };
        match antecedent.filter(|s| s.side.is_some()) {
            Some(ante) => {
                sp.side = ante.side;
                sp.resolved = ante.resolved.clone().or_else(|| Some(ante.text.clone()));
                sp.person = ante.person;
                sp.group = ante.group;
                sp.rule = format!("speaker:anaphor:{}", a.pattern);
            }
            // "In its daily briefing, the ministry said ..." under "Russia says ...": with
            // nothing named before, a body's short form is the headline's speaker.
            None if a.value.refers == Refers::Org
                && a.value.default.is_none()
                && STATE_BODIES.iter().any(|b| a.pattern.contains(b))
                && self.headline_side.is_some()
                && !seen.iter().any(|s| s.at < before) =>
            {
                sp.side = self.headline_side;
                sp.rule = format!("speaker:anaphor-headline:{}", a.pattern);
            }
            None => {
                sp.side = a.value.default;
                sp.rule = format!("speaker:anaphor-default:{}", a.pattern);
                // The lexicon says what the short form stands for: "the General Staff" is a
                // body, whatever "General" means elsewhere.
                sp.person = a.value.refers == Refers::Person;
            }
        }
    }

    /// Clause spans of a sentence, as token index ranges.
    fn segments(&self, toks: &[Token<'_>], _sentence: Span) -> Vec<(usize, usize)> {
        let mut cuts = vec![0];
        for (i, t) in toks.iter().enumerate() {
            if t.is(&[';']) && i + 1 < toks.len() {
                cuts.push(i + 1);
                continue;
            }
            // "... and that B", "... and claimed that B": a coordinated report is a clause of
            // its own.
            let cue_verb = |n: &Token<'_>| within(&self.cues, n.span).any(|c| c.value.form == CueForm::Verb);
            // "..., and the Ukrainian military acknowledged B": after a comma, a new subject with
            // its own reporting verb.
            let new_reporter = i > 0
                && toks[i - 1].is(&[','])
                && toks[i + 1..toks.len().min(i + 8)].iter().take_while(|n| n.is_word()).skip(1).any(&cue_verb);
            let coordinated_report = t.text.eq_ignore_ascii_case("and")
                && (new_reporter || toks.get(i + 1).is_some_and(|n| n.text.eq_ignore_ascii_case("that") || cue_verb(n)));
            if coordinated_report && i >= 3 && !in_quote_token(self, toks, i) {
                if *cuts.last().unwrap_or(&0) + 3 <= i {
                    cuts.push(i);
                }
                continue;
            }
            // "..., and statements by Kiev about taking X are not true": after a comma, a claim
            // noun called false is a clause of its own, whatever the clause before asserts.
            if t.text.eq_ignore_ascii_case("and") && i >= 3 && toks[i - 1].is(&[',']) && !in_quote_token(self, toks, i) {
                let rest = &toks[i + 1..toks.len().min(i + 16)];
                let noun = rest.iter().take(3).any(|n| self.grammar_is(n.text, WordClass::ClaimNoun));
                let called_false = rest.last().is_some_and(|last| {
                    within(&self.denials, Span { start: rest[0].span.start, end: last.span.end }).any(|d| *d.value == DenialPhrase::Label)
                });
                if noun && called_false && *cuts.last().unwrap_or(&0) + 3 <= i {
                    cuts.push(i);
                    continue;
                }
            }
            // "liberated the village and broken through the first line of defence": a line of
            // defence broken is an account of its own (see `drafts`), and so its verb phrase is
            // (a verb in the past: "and crossing points on the line" is a noun phrase).
            if t.text.eq_ignore_ascii_case("and") && i >= 3 && !in_quote_token(self, toks, i) {
                let verb = toks[i + 1..].iter().position(|n| !(n.is_word() && self.grammar_is(n.text, WordClass::Auxiliary))).map(|k| i + 1 + k);
                let line_breached = verb.filter(|&j| j < toks.len()).is_some_and(|j| {
                    let word = toks[j].text.to_lowercase();
                    let past = word.ends_with("ed") || word.ends_with("en") || word == "broke";
                    let ahead = Span { start: toks[j].span.start, end: toks[toks.len().min(j + 8) - 1].span.end };
                    past && self.trigger_at(toks[j].span.start) && within(&self.nouns, ahead).any(|h| *h.value == NounRole::Line)
                });
                if line_breached && *cuts.last().unwrap_or(&0) + 3 <= i {
                    cuts.push(i);
                    continue;
                }
            }
            // "A claimed to have taken the town, B denied this": a closing denial with its own
            // pointer is a clause of its own.
            if t.is(&[',']) && i >= 3 && !in_quote_token(self, toks, i) {
                let answer = (i + 1..toks.len().min(i + 10)).find(|&j| {
                    within(&self.cues, toks[j].span).any(|c| c.value.modality == CueModality::Denied && c.value.form == CueForm::Verb)
                });
                if answer.is_some_and(|j| self.points_back_at_end(toks, j)) && *cuts.last().unwrap_or(&0) + 3 <= i {
                    cuts.push(i + 1);
                    continue;
                }
            }
            // "... entered X on Saturday after Ukrainian forces were ordered to withdraw from Y":
            // a temporal clause with a subject and a verb of its own tells another event.
            if t.is_word() && i >= 3 && (t.text.eq_ignore_ascii_case("after") || t.text.eq_ignore_ascii_case("before")) && self.finite_clause_follows(toks, i) {
                if *cuts.last().unwrap_or(&0) + 3 <= i && !in_quote_token(self, toks, i) {
                    cuts.push(i);
                }
                continue;
            }
            if !t.is_word() || i < 3 || !self.grammar_is(t.text, WordClass::Boundary) {
                continue;
            }
            if in_quote_token(self, toks, i) {
                continue;
            }
            if t.text.eq_ignore_ascii_case("as") && !self.as_starts_clause(toks, i) {
                continue;
            }
            if t.text.eq_ignore_ascii_case("while") && toks.get(i + 1).is_some_and(|n| n.text.ends_with("ing")) {
                continue;
            }
            if *cuts.last().unwrap_or(&0) + 3 <= i {
                cuts.push(i);
            }
        }
        let mut out = Vec::new();
        for (k, &s) in cuts.iter().enumerate() {
            let e = cuts.get(k + 1).copied().unwrap_or(toks.len());
            if s < e {
                out.push((s, e));
            }
        }
        out
    }

    /// After the conjunction at `i`, a clause with its own subject and finite verb ("after
    /// Ukrainian forces were ordered", "before the army withdrew") rather than a noun phrase or
    /// a gerund ("after the capture of X", "after taking X").
    fn finite_clause_follows(&self, toks: &[Token<'_>], i: usize) -> bool {
        if !self.as_starts_clause(toks, i) {
            return false;
        }
        let words: Vec<&Token<'_>> = toks[i + 1..].iter().take_while(|t| t.is_word()).take(8).collect();
        words.iter().enumerate().skip(1).any(|(k, t)| {
            let lower = t.text.to_lowercase();
            let verb = BE_FORMS.contains(&lower.as_str()) || matches!(lower.as_str(), "has" | "have" | "had");
            let past = lower.ends_with("ed") && self.trigger_at(t.span.start);
            let nominal = self.grammar_is(words[k - 1].text, WordClass::Determiner) || words[k - 1].text.eq_ignore_ascii_case("of");
            verb || (past && !nominal)
        })
    }

    fn as_starts_clause(&self, toks: &[Token<'_>], i: usize) -> bool {
        let prev = toks[i - 1].text.to_lowercase();
        if matches!(prev.as_str(), "such" | "well" | "known" | "same" | "so" | "as" | "just" | "seen" | "regarded" | "described" | "serve" | "served" | "serves") {
            return false;
        }
        let Some(next) = toks.get(i + 1) else { return false };
        let n = next.text.to_lowercase();
        if matches!(n.as_str(), "of" | "well" | "part" | "a" | "an" | "long" | "soon" | "far" | "much" | "if" | "though" | "to" | "for" | "it's" | "usual" | "such") {
            return false;
        }
        next.is_capitalized()
            || n.chars().next().is_some_and(|c| c.is_ascii_digit())
            || matches!(n.as_str(), "the" | "they" | "it" | "he" | "she" | "we" | "more" | "many" | "several" | "dozens" | "hundreds" | "thousands" | "some" | "its" | "their")
    }

    #[allow(clippy::too_many_arguments)]
    fn drafts(
        &self,
        toks: &[Token<'_>],
        sentence: Span,
        segs: &[(usize, usize)],
        attributions: &[Attribution],
        history: &[(u32, Attribution, RawSpeaker)],
        paragraph: u32,
        known: Known<'_>,
    ) -> Vec<Draft> {
        let mut speaker_spans: Vec<Span> = attributions.iter().filter_map(|a| a.speaker).collect();
        // What sits between a speaker and its verb ("Prosecutors from X, a proxy government
        // controlled by Russia, have said") describes the speaker; it is not what was said.
        // Only an aside set off by a comma right after the speaker's own phrase, with no other
        // report in it.
        speaker_spans.extend(attributions.iter().filter(|a| !a.inherits).filter_map(|a| {
            let speaker = a.speaker.filter(|s| s.end < a.cue.start)?;
            let gap = Span { start: speaker.end, end: a.cue.start };
            // (An adverbial aside, ", in a statement on the capture of X,", may tell of what the
            // speaker announced, and is left to the claim rules.)
            let body = gap.slice(self.text).trim_start();
            let opener = body.strip_prefix(',').map(|rest| rest.split_whitespace().next().unwrap_or("").to_lowercase());
            let describes = opener.is_some_and(|w| matches!(w.as_str(), "a" | "an" | "the" | "who" | "which" | "whose"));
            let aside = describes && within(&self.cues, gap).next().is_none();
            aside.then_some(gap)
        }));
        let background = self.background_relatives(toks);
        let mut drafts = Vec::new();
        for hit in within(&self.triggers, sentence) {
            if speaker_spans.iter().any(|s| s.overlaps(hit.span)) || attributions.iter().any(|a| a.cue.overlaps(hit.span)) {
                continue;
            }
            let Some(ti) = toks.iter().position(|t| t.span.end > hit.span.start) else { continue };
            let segment = segs.iter().position(|&(s, e)| s <= ti && ti < e).unwrap_or(0);
            let (seg_s, seg_e) = segs[segment];
            let seg_span = Span { start: toks[seg_s].span.start, end: toks[seg_e - 1].span.end };
            let trig = hit.value;
            if trig.kind == TriggerKind::Kind(Kind::Withdrawal) && hit.pattern.starts_with("left ") && self.participle_follows(toks, hit.span) {
                // "left the town strewn with dead", "left the city in ruins": a result, not a
                // departure.
                continue;
            }
            if matches!(trig.kind, TriggerKind::Kind(Kind::Control | Kind::Surrender)) && self.harm_listed_before(toks, ti, seg_s) {
                // "killed, wounded or captured": people counted, not a place taken.
                continue;
            }
            let last_word = hit.pattern.rsplit(' ').next().unwrap_or("");
            let moved = TAKE_FORMS.contains(&last_word)
                && toks.iter().find(|t| t.span.start >= hit.span.end).is_some_and(|t| t.text.eq_ignore_ascii_case("to"));
            if moved {
                // "were taken to a hospital in X": moved, not captured.
                continue;
            }
            if hit.pattern.starts_with("under ") && self.describes_a_place(toks, ti, seg_s) {
                // "Novoazovsk, a town near the border now under Russian control": an aside
                // describing the place, not a claim about it.
                continue;
            }
            // "The situation in the area is under control": all is well, nothing was taken ("given
            // the situation, troops have the town under control" still took it).
            let situation = toks[ti.saturating_sub(8).max(seg_s)..ti].iter().rposition(|t| t.text.eq_ignore_ascii_case("situation"));
            let situation_is = situation.is_some_and(|k| {
                let between = &toks[ti.saturating_sub(8).max(seg_s) + k + 1..ti];
                !between.iter().any(|t| t.is(&[','])) && between.iter().any(|t| matches!(t.text.to_lowercase().as_str(), "is" | "was" | "remains" | "remained" | "are" | "were"))
            });
            if hit.pattern == "under control" && situation_is {
                continue;
            }
            let holds = hit.pattern.ends_with("holding") || hit.pattern.ends_with(" hold") || hit.pattern.ends_with(" held");
            if holds && toks.iter().find(|t| t.span.start >= hit.span.end).is_some_and(|t| matches!(t.text.to_lowercase().as_str(), "a" | "an")) {
                // "was holding a bag", "is holding a meeting": a thing held, not a place.
                continue;
            }
            // "Kyiv's losses in the withdrawal were about 100", "killed during the retreat": the
            // operation named after a count of losses is when they fell, not the claim.
            let framed = ti >= 2
                && matches!(toks[ti - 2].text.to_lowercase().as_str(), "in" | "during")
                && self.grammar_is(toks[ti - 1].text, WordClass::Determiner)
                && toks[ti.saturating_sub(6).max(seg_s)..ti - 2].iter().any(|t| {
                    is_loss_noun(t.text) || matches!(self.trigger_kind_at(t.span.start), Some(TriggerKind::Harm | TriggerKind::Kind(Kind::Casualties)))
                });
            // A capture so named is still claimed ("Wagner's losses in the capture of X").
            if framed && !matches!(trig.kind, TriggerKind::Harm | TriggerKind::Kind(Kind::Casualties | Kind::Civilians | Kind::Control)) {
                continue;
            }
            // "2,439 servicemen blocked at the plant have surrendered": a participle right after
            // the soldiers it describes, before the clause's own verb, is no claim of its own.
            // Only a passive sense describes ("trapped", "captured"); "fled" and "withdrew" are
            // the soldiers' own acts.
            let participle = hit.pattern.ends_with("ed")
                && !hit.pattern.contains(' ')
                && matches!(trig.kind, TriggerKind::Kind(Kind::Encirclement | Kind::Control));
            let after_soldiers = ti > seg_s && within(&self.nouns, toks[ti - 1].span).any(|n| *n.value == NounRole::Military);
            // It is followed by a place phrase ("blocked at the plant"; not "at least three
            // villages"), then the clause's own verb, an auxiliary before it ("have
            // surrendered"), with no "and" or comma between (a finite "encircled the town and
            // shelled it" is a claim).
            let verb_follows = || {
                let from = token_after(toks, ti, hit.span, seg_e);
                let governs = from + 1 < seg_e
                    && self.grammar_is(toks[from].text, WordClass::Preposition)
                    && !toks[from + 1].text.eq_ignore_ascii_case("least")
                    && !toks[from + 1].text.starts_with(|c: char| c.is_ascii_digit());
                let next = toks[from..seg_e].iter().position(|t| self.trigger_at(t.span.start)).map(|k| from + k);
                governs
                    && next.is_some_and(|n| {
                        let auxiliary = |t: &Token<'_>| BE_FORMS.contains(&t.text.to_lowercase().as_str()) || self.grammar_is(t.text, WordClass::Auxiliary);
                        n > from && auxiliary(&toks[n - 1]) && !toks[from..n].iter().any(|t| t.is(&[',']) || t.text.eq_ignore_ascii_case("and"))
                    })
            };
            if participle && after_soldiers && verb_follows() {
                continue;
            }
            if trig.kind == TriggerKind::Kind(Kind::Control) && self.governs_a_body(toks, ti, seg_s) {
                // "the Kyiv government is controlled by the far right": who runs a government,
                // not who holds ground.
                continue;
            }
            if background.iter().any(|b| b.contains(hit.span)) {
                // "the Russians murdered the prisoners, who were captured in May": the relative
                // clause describes the prisoners; the claim is the clause it hangs on.
                continue;
            }
            if trig.kind == TriggerKind::Kind(Kind::Strike) && self.idiom_follows(toks, hit.span) {
                // "struck a defiant tone", "struck a deal": no strike.
                continue;
            }
            let line_object = self.line_object(toks, ti, hit, seg_s, seg_e);
            if trig.needs == Needs::Line && !line_object {
                // "broken", "cross": read only when what is broken or crossed is a line of
                // defence.
                continue;
            }
            let mut rules = vec![format!("action:{}", hit.pattern)];
            let mut stance = trig.stance;
            let mut target = None;
            let kind = match trig.kind {
                TriggerKind::Kind(k) => k,
                TriggerKind::Harm => match self.victim(toks, ti, seg_s, seg_e) {
                    Some((NounRole::Civilian, side)) => {
                        target = side;
                        Kind::Civilians
                    }
                    Some((_, side)) => {
                        target = side;
                        Kind::Casualties
                    }
                    None => continue,
                },
                TriggerKind::Idiom => continue,
            };
            let mut kind = kind;
            if trig.needs == Needs::Civilian && !within(&self.nouns, seg_span).any(|n| *n.value == NounRole::Civilian) {
                // "Our soldiers remain in X": troops that stay hold the place.
                let near = toks[ti.saturating_sub(4).max(seg_s)..ti].iter().map(|t| t.span);
                let troops_before = near
                    .filter(|t| !speaker_spans.iter().any(|s| s.overlaps(*t)))
                    .any(|t| within(&self.nouns, t).any(|n| *n.value == NounRole::Military));
                let placed_after = hit.pattern.ends_with(" in")
                    || hit.pattern.ends_with(" inside")
                    || toks
                        .iter()
                        .find(|t| t.span.start >= hit.span.end)
                        .is_some_and(|t| matches!(t.text.to_lowercase().as_str(), "in" | "inside" | "at" | "on" | "around"));
                let staying = hit.pattern.starts_with("remain") || hit.pattern.starts_with("still");
                // "264 servicemen were evacuated from the plant": soldiers brought out of a
                // position they held are the defender's word against a surrender.
                let troops_evacuated = hit.pattern.starts_with("evacuat")
                    && toks[seg_s..seg_e]
                        .iter()
                        .filter(|t| !speaker_spans.iter().any(|s| s.overlaps(t.span)))
                        .any(|t| within(&self.nouns, t.span).any(|n| *n.value == NounRole::Military));
                // "... evacuated the wounded to Novoazovsk": a destination is no place held.
                let to_place = (ti..seg_e.saturating_sub(1)).any(|k| {
                    toks[k].text.eq_ignore_ascii_case("to") && self.mentions.iter().any(|m| m.span.overlaps(toks[k + 1].span))
                });
                if troops_evacuated && !to_place {
                    kind = Kind::Surrender;
                    stance = Stance::Resisted;
                    rules.push("action:troops-evacuated".into());
                } else if !(staying && troops_before && placed_after) {
                    continue;
                } else {
                    kind = Kind::Control;
                    stance = Stance::Resisted;
                    rules.push("action:troops-remain".into());
                }
            }
            if kind == Kind::Control && stance == Stance::Achieved {
                match self.object_role(toks, ti, hit.span, seg_e) {
                    Some(NounRole::Partial) => {
                        kind = Kind::Advance;
                        rules.push("action:partial-object".into());
                    }
                    Some(NounRole::Military) => {
                        kind = Kind::Surrender;
                        rules.push("action:prisoners".into());
                    }
                    // A person captured is no claim about ground (nor, alone, a surrender).
                    Some(NounRole::Person) => continue,
                    _ => {}
                }
            }
            // "The operation to liberate Donbas", "the goal to take the city": an infinitive of
            // taking ground after a purpose noun says what a campaign is for, not what was done
            // ("an operation to withdraw the group" is still the withdrawal).
            if matches!(kind, Kind::Control | Kind::Advance)
                && ti >= 2
                && toks[ti - 1].text.eq_ignore_ascii_case("to")
                && self.grammar_is(toks[ti - 2].text, WordClass::Purpose)
            {
                continue;
            }
            // "took control of most of the city", "a third of X is under our control": a
            // capture of part of a place; the defender may still hold the rest.
            if kind == Kind::Control && stance == Stance::Achieved && self.portion_of(toks, ti, hit.span, seg_s, seg_e) {
                rules.push("control:partial".into());
            }
            // "broke through the first line of defence", "the line has not been breached": a
            // line of defence broken or held is the offensive's progress on that front, an
            // event apart from the capture of the place it runs by.
            if kind == Kind::Advance && line_object {
                kind = Kind::Offensive;
                rules.push("action:defence-line".into());
            }
            // "advanced up to 2 km in several sectors around the city", "retook positions north
            // and south of it": gains around a town, not into it, are the offensive's progress
            // there.
            if kind == Kind::Advance && stance != Stance::Resisted && self.front_follows(toks, ti, hit, seg_e) {
                kind = Kind::Offensive;
                rules.push("action:front".into());
            }
            // "have not achieved any success on any front", "the ground retaken since the
            // counteroffensive began": told of a campaign as a whole, the claim is about no one
            // place.
            let campaign_wide = matches!(kind, Kind::Control | Kind::Advance | Kind::Offensive) && self.campaign_wide(toks, ti, hit, seg_s, seg_e);
            if campaign_wide {
                kind = Kind::Offensive;
                rules.push("action:campaign-wide".into());
            }
            if stance != Stance::Resisted && self.is_intention(toks, ti, hit.pattern, seg_s) {
                stance = Stance::Ongoing;
                rules.push("action:intention".into());
            }
            // "Neither the first line nor any other has been broken": "neither" opening the
            // clause negates its verb however far back it stands.
            // "Neither X nor Y commented on reports that ..." negates the report, not what it
            // reports.
            let neither = toks[seg_s..ti]
                .iter()
                .position(|t| t.is_word())
                .is_some_and(|k| toks[seg_s + k].text.eq_ignore_ascii_case("neither") && !self.cues.iter().any(|c| c.span.start >= toks[seg_s + k].span.end && c.span.end <= hit.span.start));
            // "Failed to stop advances": a negation that takes an infinitive negates that
            // infinitive, not what follows it.
            let negates = |k: usize| {
                let t = &toks[k];
                let takes_infinitive = OUTCOME_WORDS.contains(&t.text.to_lowercase().as_str());
                t.is_word() && self.grammar_is(t.text, WordClass::Negation) && (!takes_infinitive || k + 2 == ti)
            };
            let negated = (neither || (ti.saturating_sub(3).max(seg_s)..ti).any(negates)) && !hit.pattern.split_whitespace().any(|w| w == "not");
            let attribution = self.attribution_for(hit.span, attributions);
            // "denied any such advance", "rejected this capture": the noun points back at a
            // claim made before; the denial is of that claim (see `anaphoric_denial`).
            let pointed = toks[ti.saturating_sub(2).max(seg_s)..ti]
                .iter()
                .any(|t| matches!(t.text.to_lowercase().as_str(), "such" | "this" | "that" | "these" | "those"));
            if pointed && attribution.is_some_and(|a| attributions[a].modality == CueModality::Denied) {
                continue;
            }
            let quote_speaker = if attribution.is_none() { self.quote_speaker(hit.span, history, paragraph, known) } else { None };
            // "the so-called regrouping", "their so-called liberation": the speaker quotes the
            // other side's word to reject it.
            let so_called = toks[ti.saturating_sub(3).max(seg_s)..ti]
                .iter()
                .any(|t| t.text.eq_ignore_ascii_case("so-called") || t.text.eq_ignore_ascii_case("so\u{2011}called"))
                || (ti >= 2 && toks[ti - 2].text.eq_ignore_ascii_case("so") && toks[ti - 1].text.eq_ignore_ascii_case("called"));
            if so_called {
                rules.push("action:so-called".into());
            }
            // "The word 'surrender' does not apply here": the word is mentioned, not used; with a
            // negation in its clause the speaker rejects it, without one it says nothing.
            let words_before: Vec<&str> = toks[ti.saturating_sub(3).max(seg_s)..ti].iter().filter(|t| t.is_word()).map(|t| t.text).collect();
            let mentioned = matches!(words_before.as_slice(), [.., the, word] if the.eq_ignore_ascii_case("the") && word.eq_ignore_ascii_case("word"))
                || words_before.iter().any(|w| w.eq_ignore_ascii_case("term"));
            let negated_clause = toks[seg_s..seg_e].iter().any(|t| t.is_word() && self.grammar_is(t.text, WordClass::Negation));
            if mentioned && !negated_clause {
                continue;
            }
            if mentioned {
                rules.push("action:word-mentioned".into());
            }
            let denied_by_label = mentioned || so_called || self.denied_by_label(hit.span, seg_span, attribution.map(|a| &attributions[a]));
            drafts.push(Draft {
                trigger: hit.span,
                pattern: hit.pattern,
                kind,
                stance,
                weak: trig.weak,
                framing: trig.framing,
                actor_rule: trig.actor,
                segment,
                attribution,
                quote_speaker,
                place: None,
                campaign_wide,
                negated,
                denied_by_label,
                target,
                rules,
            });
        }
        // A weak withdrawal trigger with a framing ("in good order", "in disarray") is a
        // manner, not an action: it frames the withdrawal of its clause and never stands alone.
        let manners: Vec<(usize, Framing)> =
            drafts.iter().filter(|d| d.weak && d.kind == Kind::Withdrawal).filter_map(|d| Some((d.segment, d.framing?))).collect();
        for d in drafts.iter_mut().filter(|d| !d.weak && d.kind == Kind::Withdrawal && d.framing.is_none()) {
            if let Some((_, f)) = manners.iter().find(|(seg, _)| *seg == d.segment) {
                d.framing = Some(*f);
                d.rules.push("framing:manner".into());
            }
        }
        drafts.retain(|d| !(d.weak && d.kind == Kind::Withdrawal && d.framing.is_some()));
        // "Losses during the pullout were in the single digits": an action named after
        // "during" is when the claim happened, not the claim, when the sentence has another.
        let frame = |d: &Draft| {
            let Some(ti) = toks.iter().position(|t| t.span.start >= d.trigger.start) else { return false };
            let back: Vec<String> = toks[ti.saturating_sub(2)..ti].iter().map(|t| t.text.to_lowercase()).collect();
            match back.as_slice() {
                [_, w] if w == "during" => true,
                [w, det] => w == "during" && matches!(det.as_str(), "the" | "its" | "their" | "this" | "that" | "a"),
                _ => false,
            }
        };
        if drafts.iter().any(|d| !frame(d)) {
            drafts.retain(|d| !frame(d));
        }
        // A weak trigger gives way to a strong one of its own clause.
        let strong: Vec<usize> = drafts.iter().filter(|d| !d.weak).map(|d| d.segment).collect();
        drafts.retain(|d| !d.weak || !strong.contains(&d.segment));
        // "Full control of X will help cut off Y": the claim is the cutting off.
        let enabling: Vec<usize> = toks
            .iter()
            .enumerate()
            .filter(|(_, t)| t.is_word() && self.grammar_is(t.text, WordClass::Enabling))
            .map(|(i, _)| i)
            .chain(self.lex.grammar.phrases(WordClass::Enabling).flat_map(|p| {
                let lower = sentence.slice(self.text).to_lowercase();
                lower.match_indices(p).map(|(at, _)| sentence.start as usize + at).collect::<Vec<_>>()
            }).filter_map(|at| toks.iter().position(|t| t.span.start as usize >= at)))
            .collect();
        if !enabling.is_empty() {
            let tok_of = |d: &Draft| toks.iter().position(|t| t.span.end > d.trigger.start).unwrap_or(0);
            let keep: Vec<bool> = drafts
                .iter()
                .map(|d| {
                    let at = tok_of(d);
                    !enabling.iter().any(|&e| {
                        e > at && drafts.iter().any(|o| o.segment == d.segment && tok_of(o) > e && group(o.kind) == group(d.kind))
                    })
                })
                .collect();
            let mut k = keep.into_iter();
            drafts.retain(|_| k.next().unwrap_or(true));
        }
        drafts
    }

    /// Whether what the trigger at token `ti` breaks or crosses is a line of defence: named
    /// within six words after it, before it in a passive ("our lines of defence have not been
    /// breached"), or earlier in the sentence when a pronoun stands for it ("approached the
    /// first line but could not cross it").
    fn line_object(&self, toks: &[Token<'_>], ti: usize, hit: &Hit<'_, Trigger>, seg_s: usize, seg_e: usize) -> bool {
        let line_in = |from: usize, to: usize| {
            from < to && within(&self.nouns, Span { start: toks[from].span.start, end: toks[to - 1].span.end }).any(|n| *n.value == NounRole::Line)
        };
        let end = token_after(toks, ti, hit.span, seg_e);
        let passive = toks[ti.saturating_sub(3).max(seg_s)..ti].iter().any(|t| BE_FORMS.contains(&t.text.to_lowercase().as_str()));
        let pronoun = toks.get(end).is_some_and(|t| t.text.eq_ignore_ascii_case("it") || t.text.eq_ignore_ascii_case("them"));
        line_in(end, (end + 6).min(seg_e)) || (passive && line_in(seg_s, ti)) || (pronoun && line_in(0, ti))
    }

    /// Whether the trigger at token `ti` is told of a campaign as a whole: an `overall` phrase
    /// of grammar.tsv in or just around it ("achieve any success", "take over any significant
    /// population centres"), a count since a campaign began after it
    /// ("since the counteroffensive was launched"), or the campaign itself counted from a day
    /// ("attempts at an offensive since May 1").
    fn campaign_wide(&self, toks: &[Token<'_>], ti: usize, hit: &Hit<'_, Trigger>, seg_s: usize, seg_e: usize) -> bool {
        let end = token_after(toks, ti, hit.span, seg_e);
        // "captured X, their biggest gain since the counteroffensive began": a place taken by
        // name is that place's, whatever the clause says of the campaign.
        let named_object = toks[end..(end + 4).min(seg_e)].iter().any(|t| self.mention_at(t.span.start));
        if named_object {
            return false;
        }
        if self.phrase_in(toks, ti.saturating_sub(3).max(seg_s), (end + 8).min(seg_e), WordClass::Overall) {
            return true;
        }
        let since = |k: usize| toks[k].text.eq_ignore_ascii_case("since");
        let campaign = |k: usize| toks[k].is_word() && self.grammar_is(toks[k].text, WordClass::Campaign);
        let after = end..(end + 12).min(seg_e);
        let since_campaign = after.clone().any(|k| since(k) && (k + 1..(k + 7).min(seg_e)).any(campaign));
        let campaign_since = self.grammar_is(hit.pattern, WordClass::Campaign) && (end..(end + 6).min(seg_e)).any(since);
        since_campaign || campaign_since
    }

    /// Whether a `front` word of grammar.tsv follows the trigger at token `ti` within twelve
    /// tokens and before the next action, room for a distance ("up to 2 km (1.2 miles) in
    /// several sectors around X"). "Around" before an amount or a time is "about" ("around a
    /// kilometre", "around noon", "around the clock"); "in and around X" is in X too; a move
    /// "into" a town or "from" positions around another is about that town.
    fn front_follows(&self, toks: &[Token<'_>], ti: usize, hit: &Hit<'_, Trigger>, seg_e: usize) -> bool {
        let end = token_after(toks, ti, hit.span, seg_e);
        // Up to the next action: "advanced towards X and crossed the river around Y" places
        // the crossing, not the advance.
        let next_action = (end..seg_e).find(|&k| self.trigger_at(toks[k].span.start)).unwrap_or(seg_e);
        let to = (end + 12).min(next_action);
        if end >= to || toks[end..to].iter().any(|t| t.text.eq_ignore_ascii_case("into") || t.text.eq_ignore_ascii_case("from")) {
            return false;
        }
        let single = (end..to).any(|k| {
            let t = &toks[k];
            let about = toks.get(k + 1).is_none_or(|n| {
                let next = n.text.to_lowercase();
                !n.is_word()
                    || next.starts_with(|c: char| c.is_ascii_digit())
                    || self.lex.quantities.get(&next).is_some()
                    || self.grammar_is(&next, WordClass::Time)
                    || matches!(next.as_str(), "a" | "an" | "half")
                    || (next == "the" && toks.get(k + 2).is_some_and(|c| c.text.eq_ignore_ascii_case("clock")))
            });
            t.is_word() && self.grammar_is(t.text, WordClass::Front) && !(k > 0 && toks[k - 1].text.eq_ignore_ascii_case("and")) && !about
        });
        single || self.phrase_in(toks, end, to, WordClass::Front)
    }

    /// "killed, wounded or captured": a harm trigger listed just before, joined by "or"/"and".
    fn harm_listed_before(&self, toks: &[Token<'_>], ti: usize, seg_s: usize) -> bool {
        let window = &toks[ti.saturating_sub(4).max(seg_s)..ti];
        let joined = window.last().is_some_and(|t| matches!(t.text.to_lowercase().as_str(), "or" | "and"));
        joined && window.iter().any(|t| within(&self.triggers, t.span).any(|h| h.value.kind == TriggerKind::Harm))
    }

    /// The trigger stands in an aside set off by a comma after a place: "X, a town now under
    /// Russian control", "Y, also under Russian control".
    fn describes_a_place(&self, toks: &[Token<'_>], ti: usize, seg_s: usize) -> bool {
        let Some(comma) = toks[seg_s..ti].iter().rposition(|t| t.is(&[','])).map(|c| seg_s + c) else { return false };
        let after_place = comma > 0 && self.mentions.iter().any(|m| m.span.end == toks[comma - 1].span.end);
        let aside = &toks[comma + 1..ti];
        let place_noun = aside.iter().any(|t| within(&self.nouns, t.span).any(|n| *n.value == NounRole::Settlement));
        let no_verb = aside.iter().all(|t| !matches!(t.text.to_lowercase().as_str(), "is" | "was" | "are" | "were" | "has" | "had" | "remains" | "remained"));
        after_place && no_verb && (place_noun || aside.len() <= 2)
    }

    /// Relative clauses about people set off by a comma (", who were captured in May") that
    /// hang on an earlier trigger of the sentence and have no reporting verb of their own: they
    /// describe who the claim is about and claim nothing. A relative clause about a place or
    /// an attack (", which fell on Sunday", ", which killed 12 people") is as often the news
    /// itself and stays a claim, as does one with its own speaker or one that tells of harm.
    fn background_relatives(&self, toks: &[Token<'_>]) -> Vec<Span> {
        let mut out = Vec::new();
        for k in 1..toks.len() {
            if !(toks[k - 1].is(&[',']) && toks[k].text.eq_ignore_ascii_case("who")) {
                continue;
            }
            let end = toks[k..].iter().position(|t| t.is(&[',', ';', '(', ')', '“', '”', '"'])).map_or(toks.len(), |n| k + n);
            let clause = Span { start: toks[k].span.start, end: toks[end - 1].span.end };
            let own_cue = within(&self.cues, clause).next().is_some();
            let harm = within(&self.triggers, clause).any(|h| matches!(h.value.kind, TriggerKind::Harm | TriggerKind::Kind(Kind::Casualties | Kind::Civilians)));
            let hangs_on_trigger = toks[..k - 1].iter().any(|t| self.trigger_at(t.span.start));
            if hangs_on_trigger && !own_cue && !harm {
                out.push(clause);
            }
        }
        out
    }

    /// "The Ukrainian military said it had conducted 10 strikes ... They also targeted six
    /// ammunition depots": a sentence with no reporting verb that opens with the speaker's
    /// pronoun and "also" goes on with the account of the sentence before, and is its
    /// speaker's.
    fn continued_account(&self, toks: &[Token<'_>], previous: Span, claims: &[RawClaim], new_claims: &mut [RawClaim]) {
        let opens = toks.len() > 2
            && matches!(toks[0].text.to_lowercase().as_str(), "it" | "they" | "he" | "she")
            && matches!(toks[1].text.to_lowercase().as_str(), "also" | "further" | "additionally");
        if !opens {
            return;
        }
        let Some(before) = claims.iter().rev().find(|c| c.sentence == previous && c.side != Side::Other && c.speaker.is_some()) else { return };
        // The pronoun must fit the speaker ("he" a person, "it" or "they" a body) and the
        // account go on in the same paragraph.
        let person = matches!(toks[0].text.to_lowercase().as_str(), "he" | "she");
        let fits = before.speaker.as_ref().is_some_and(|s| s.person == person);
        if !fits || new_claims.iter().any(|c| c.paragraph != before.paragraph) {
            return;
        }
        for c in new_claims.iter_mut().filter(|c| c.side == Side::Other && c.speaker.is_none()) {
            c.speaker = before.speaker.clone();
            c.side = before.side;
            c.cue = None;
            relabel_outlet_voice(c, "speaker:continued");
        }
    }

    /// The thing said to be controlled, just before the trigger and its auxiliaries ("the
    /// government is controlled by", "the regime, controlled by"), is a government or its
    /// officials (`grammar.tsv` class `seat`).
    fn governs_a_body(&self, toks: &[Token<'_>], ti: usize, seg_s: usize) -> bool {
        let mut k = ti;
        while k > seg_s && (toks[k - 1].is(&[',']) || BE_FORMS.contains(&toks[k - 1].text.to_lowercase().as_str()) || self.grammar_is(toks[k - 1].text, WordClass::Auxiliary)) {
            k -= 1;
        }
        k > seg_s && k < ti && self.grammar_is(toks[k - 1].text, WordClass::Seat)
    }

    /// "struck a defiant tone", "hit a note": a strike verb with an object no weapon hits.
    fn idiom_follows(&self, toks: &[Token<'_>], span: Span) -> bool {
        toks.iter()
            .filter(|t| t.span.start >= span.end)
            .take(3)
            .any(|t| self.grammar_is(t.text, WordClass::IdiomObject))
    }

    /// The word after `span` is a past participle or "in ruins": "left the town strewn with".
    fn participle_follows(&self, toks: &[Token<'_>], span: Span) -> bool {
        let Some(next) = toks.iter().find(|t| t.span.start >= span.end) else { return false };
        let w = next.text.to_lowercase();
        next.is_word() && (w.ends_with("ed") || w.ends_with("wn") || w == "in" && toks.iter().any(|t| t.span.start > next.span.start && t.text.eq_ignore_ascii_case("ruins")))
    }

    /// A speaker calling what the trigger says false: "said the reports of X were fake" (a
    /// label after the cue, before the trigger), or "statements by Kyiv about taking X are not
    /// true" (a claim noun before the trigger, the label after it). Only within the trigger's
    /// clause: "called the claim a lie and said that its forces hold X" asserts the holding.
    fn denied_by_label(&self, trigger: Span, clause: Span, attribution: Option<&Attribution>) -> bool {
        let quote = self.in_quote(trigger);
        within(&self.denials, clause).any(|d| {
            *d.value == DenialPhrase::Label
                && if d.span.end <= trigger.start {
                    // "said the reports were fake", or in one quotation: "it would be a stretch
                    // to talk about taking X".
                    attribution.is_some_and(|a| a.cue.end <= d.span.start) || (quote.is_some() && self.in_quote(d.span) == quote)
                } else {
                    let between = Span { start: trigger.end, end: d.span.start };
                    let claim_noun = within(&self.denials, Span { start: clause.start, end: trigger.start })
                        .any(|n| *n.value == DenialPhrase::Anaphor)
                        || self.claim_noun_before(clause, trigger);
                    // Twelve words leave room for "breakthroughs of the defence in various sectors
                    // of the line", but a relative clause between ("a battle in which rumours
                    // proved false") has a label of its own.
                    let gap = self.text[between.range()].to_lowercase();
                    let relative = gap.split(|c: char| !c.is_alphanumeric()).any(|w| matches!(w, "which" | "who" | "whom" | "where"));
                    claim_noun && gap.split_whitespace().count() <= 12 && !relative
                }
        })
    }

    /// A noun for a statement ("statements", "claims", "reports") between the clause start
    /// and the trigger, or what someone says about it ("everything Moscow is saying about").
    fn claim_noun_before(&self, clause: Span, trigger: Span) -> bool {
        let text = self.text[clause.start as usize..trigger.start as usize].to_lowercase();
        let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        let said_about = words
            .windows(2)
            .any(|w| matches!(w[0], "saying" | "says" | "said" | "claiming" | "claims" | "writing" | "writes" | "telling" | "tells") && w[1] == "about");
        said_about
            || words.iter().any(|w| self.grammar_is(w, WordClass::ClaimNoun))
    }

    /// The victim of a harm trigger: the nearest military or civilian noun in its clause, and
    /// the side named just before that noun.
    fn victim(&self, toks: &[Token<'_>], ti: usize, seg_s: usize, seg_e: usize) -> Option<(NounRole, Option<Side>)> {
        let lo = ti.saturating_sub(7).max(seg_s);
        let hi = (ti + 8).min(seg_e);
        let mut best: Option<(usize, NounRole, usize, &str)> = None;
        for (i, t) in toks.iter().enumerate().take(hi).skip(lo) {
            for n in within(&self.nouns, t.span) {
                if matches!(n.value, NounRole::Military | NounRole::Civilian) {
                    let d = i.abs_diff(ti);
                    if best.is_none_or(|(bd, _, _, _)| d < bd) {
                        best = Some((d, *n.value, i, n.pattern));
                    }
                }
            }
        }
        // "Ukrainian losses during the retreat amounted to ...": a side's losses are its soldiers
        // when no noun near says who.
        if best.is_none() && is_loss_noun(toks[ti].text) {
            let side = toks[ti.saturating_sub(2).max(seg_s)..ti].iter().rev().find_map(|t| self.side_word(t))?;
            return Some((NounRole::Military, Some(side)));
        }
        let (_, role, at, pattern) = best?;
        // "Ukrainian losses were about 100 people killed": a side's losses are soldiers, however
        // they are counted.
        if pattern == "people" {
            let losses = toks[seg_s..seg_e].iter().position(|t| is_loss_noun(t.text));
            if let Some(k) = losses.map(|k| seg_s + k) {
                let side = toks[k.saturating_sub(2)..k].iter().rev().find_map(|t| self.side_word(t));
                return Some((NounRole::Military, side));
            }
        }
        let side = toks[at.saturating_sub(2)..at].iter().rev().find_map(|t| self.side_word(t));
        Some((role, side))
    }

    /// The side a single word names, for actors and victims: a nationality or state word, or a
    /// pronoun of the speaker's own side (`Side::Other` marks "speaker's", resolved later).
    fn side_word(&self, t: &Token<'_>) -> Option<Side> {
        within(&self.speakers, t.span)
            .find(|h| matches!(h.value.ty, SpeakerType::Marker | SpeakerType::Org | SpeakerType::Override | SpeakerType::Metonym | SpeakerType::Person))
            .map(|h| h.value.side)
            .filter(|s| *s != Side::Other)
    }

    /// What a capture trigger captured, when the next words say it is part of a place or people.
    fn object_role(&self, toks: &[Token<'_>], ti: usize, trigger: Span, seg_e: usize) -> Option<NounRole> {
        let after = toks.iter().position(|t| t.span.start >= trigger.end).unwrap_or(toks.len());
        let _ = ti;
        // "under the control of Ukraine's forces": the forces after "control of" hold the
        // place; they are not what was taken.
        // ("Taken control of Russian positions" is a capture of what follows.)
        let words: Vec<&str> = trigger.slice(self.text).split_whitespace().collect();
        let holder_follows = matches!(words.as_slice(), [first, .., last] if (first.eq_ignore_ascii_case("under") || first.eq_ignore_ascii_case("in")) && last.eq_ignore_ascii_case("control"))
            && toks.get(after).is_some_and(|t| t.text.eq_ignore_ascii_case("of"));
        if holder_follows {
            return None;
        }
        let mut prev_digit = false;
        let mut read = 0;
        for t in toks.iter().take(seg_e).skip(after) {
            if self.mentions.iter().any(|m| m.span.overlaps(t.span)) {
                return None;
            }
            // "over 1,000 square kilometres": a count before the noun does not count.
            let digit = t.text.chars().all(|c| c.is_ascii_digit() || c == '.');
            if digit || (prev_digit && t.is(&[','])) || ESTIMATES.contains(&t.text.to_lowercase().as_str()) {
                prev_digit = digit;
                continue;
            }
            prev_digit = false;
            read += 1;
            // "captured Aiden Aslin": a name of two capitalised words that is no place and no
            // side is a person taken prisoner, not ground taken.
            let capitalised = |x: &Token<'_>| x.is_word() && x.text.starts_with(|c: char| c.is_uppercase()) && self.side_word(x).is_none();
            let next = toks.iter().take(seg_e).find(|x| x.span.start >= t.span.end);
            let person_named = within(&self.speakers, t.span).any(|h| h.value.ty == SpeakerType::Person && h.span.start == t.span.start);
            let noun_or_body = |x: &Token<'_>| {
                within(&self.nouns, x.span).next().is_some() || within(&self.speakers, x.span).any(|h| h.value.ty == SpeakerType::Org)
            };
            let name_ends = |n: &Token<'_>| {
                let after = toks.iter().take(seg_e).find(|x| x.span.start >= n.span.end);
                after.is_none_or(|a| !a.is_word() || a.text.eq_ignore_ascii_case("and"))
            };
            let two_names = capitalised(t)
                && !noun_or_body(t)
                && next.is_some_and(|n| capitalised(n) && !noun_or_body(n) && name_ends(n) && !self.mentions.iter().any(|m| m.span.overlaps(n.span)));
            if read == 1 && (person_named || two_names) {
                return Some(NounRole::Person);
            }
            // "seized by his forces": the agent of a passive is no object, nor the captor in
            // "fell to Russian forces", nor the loser in "retaken from Russian forces".
            if read > 5 || t.text.eq_ignore_ascii_case("by") || (read == 1 && (t.text.eq_ignore_ascii_case("to") || t.text.eq_ignore_ascii_case("from"))) {
                return None;
            }
            let starting = Span { start: t.span.start, end: (t.span.end as usize + 24).min(self.text.len()) as u32 };
            if let Some(n) = within(&self.nouns, starting).find(|h| h.span.start == t.span.start) {
                // "the towns of X and Y" names the places themselves; "41 settlements" does not.
                let naming = PLACE_PLURALS.contains(&n.pattern)
                    && toks.iter().find(|x| x.span.start >= t.span.end).is_some_and(|x| x.text.eq_ignore_ascii_case("of"));
                return match n.value {
                    NounRole::Partial | NounRole::Military if !naming => Some(*n.value),
                    _ => None,
                };
            }
            if !t.is_word() {
                return None;
            }
        }
        None
    }

    /// Whether the place a capture trigger speaks of is a part of a place: "<portion> of" within
    /// a few words after the trigger ("control of over 95% of the region", "control most of the
    /// city") or as the subject before it ("a third of the town is under our control").
    fn portion_of(&self, toks: &[Token<'_>], ti: usize, trigger: Span, seg_s: usize, seg_e: usize) -> bool {
        // The part is of a place: a place named, or a word standing for one, within a few
        // words after "of" ("half of the troops" is no part of a place).
        let of_place = |k: usize| {
            toks[k..seg_e.min(k + 5)].iter().any(|t| {
                self.mention_at(t.span.start) || within(&self.nouns, t.span).any(|n| *n.value == NounRole::Settlement)
            })
        };
        let is_portion = |k: usize| {
            (self.grammar_is(toks[k].text, WordClass::Portion) || toks[k].text.ends_with('%'))
                && toks.get(k + 1).is_some_and(|n| n.text.eq_ignore_ascii_case("of"))
                && of_place(k + 2)
        };
        let after = token_after(toks, ti, trigger, seg_e);
        // The trigger's own words count ("control most of the city"); after it, the part must
        // be its object, with only a determiner or an estimate before it ("control of over
        // 95% of", "captured the bulk of"), not a phrase of its own ("captured X in the
        // southern part of the region", "after destroying most of the town").
        let leading = |t: &Token<'_>| {
            t.text.starts_with(|c: char| c.is_ascii_digit())
                || self.grammar_is(t.text, WordClass::Determiner)
                || ESTIMATES.contains(&t.text.to_lowercase().as_str())
                || matches!(t.text.to_lowercase().as_str(), "of" | "up" | "to" | "large" | "larger" | "small" | "significant" | "%")
        };
        let object = (ti..after).any(is_portion) || (after..seg_e.min(after + 5)).take_while(|&k| is_portion(k) || leading(&toks[k])).any(is_portion);
        // Before the trigger the part must be its subject: not in a phrase after a preposition
        // ("broke through in the eastern part of X and took the plant"), nor before an "and".
        let subject = (ti.saturating_sub(8).max(seg_s)..ti).any(|k| {
            let governed = toks[k.saturating_sub(3).max(seg_s)..k].iter().any(|t| self.grammar_is(t.text, WordClass::Preposition));
            let coordinated = toks[k..ti].iter().any(|t| t.text.eq_ignore_ascii_case("and"));
            is_portion(k) && !governed && !coordinated
        });
        object || subject
    }

    /// "to capture", "will help cut off", "trying to take": an aim, not a result.
    fn is_intention(&self, toks: &[Token<'_>], ti: usize, pattern: &str, seg_s: usize) -> bool {
        // "to secure full control of X", "to establish control over X": a verb in its base
        // form after "to" governs the trigger that follows it.
        // Only for a capture ("to secure full control"): before a strike or a count the word
        // after "to" is as often an adjective or a number ("subjected to heavy shelling", "up
        // to 300 killed").
        let governed = ti >= 2
            && self.lex.actions.get(pattern).is_some_and(|t| t.kind == TriggerKind::Kind(Kind::Control))
            && toks[ti - 2].text.eq_ignore_ascii_case("to")
            && toks[ti - 1].is_word()
            && !toks[ti - 1].is_capitalized()
            && !["ed", "ing", "ly", "'s", "\u{2019}s"].iter().any(|s| toks[ti - 1].text.ends_with(s))
            && ![WordClass::Determiner, WordClass::Preposition, WordClass::Pronoun, WordClass::Auxiliary].iter().any(|&c| self.grammar_is(toks[ti - 1].text, c));
        // "called on the defenders to \u{201c}immediately lay down arms\u{201d}": an opening
        // quotation mark or an adverb may stand between "to" and the verb.
        let mut verb_at = ti;
        while verb_at > seg_s.max(1)
            && (toks[verb_at - 1].is(&['"', '\u{201c}', '\u{2018}']) || (toks[verb_at - 1].is_word() && toks[verb_at - 1].text.ends_with("ly") && !toks[verb_at - 1].is_capitalized()))
        {
            verb_at -= 1;
        }
        let to = if verb_at > 0 && toks[verb_at - 1].text.eq_ignore_ascii_case("to") && BASE_FORMS.iter().any(|b| pattern.eq_ignore_ascii_case(b)) {
            Some(verb_at - 1)
        } else if governed {
            Some(ti - 2)
        } else {
            None
        };
        if governed && self.grammar_is(toks[ti - 1].text, WordClass::Modal) {
            // "to avoid encirclement": something averted.
            return true;
        }
        if let Some(to) = to {
            // "ordered the troops to withdraw": an order given is the act announced; "were
            // unable to take", "failed to take", "managed to take": what was tried, done or not.
            // ("In order to" states a purpose, no order.)
            let before = &toks[to.saturating_sub(5).max(seg_s)..to];
            let ordered = before.iter().enumerate().any(|(k, t)| {
                let purpose = t.text.eq_ignore_ascii_case("order") && k > 0 && before[k - 1].text.eq_ignore_ascii_case("in");
                DIRECTIVES.iter().any(|d| t.text.eq_ignore_ascii_case(d)) && !purpose
            });
            let outcome = to >= 1 && OUTCOME_WORDS.contains(&toks[to - 1].text.to_lowercase().as_str());
            // "had used HIMARS to strike the prison": the means used tells what was done. Not a
            // means that can be or is planned to be used ("can be used to strike", "plans to
            // use"): no "be" right before it and no modal before it in its clause.
            let near = to.saturating_sub(6).max(seg_s);
            let means = (near..to).any(|k| {
                let used = toks[k].is_word() && self.grammar_is(toks[k].text, WordClass::Means);
                let passive = k > 0 && BE_FORMS.contains(&toks[k - 1].text.to_lowercase().as_str());
                let modal = toks[seg_s..k].iter().any(|t| t.is_word() && self.grammar_is(t.text, WordClass::Modal));
                used && !passive && !modal
            });
            return !ordered && !outcome && !means;
        }
        // The modal governs the trigger when nothing but its clause lies between them: read back
        // from the trigger to the nearest comma ("plans to level the plant after completing
        // its capture").
        // "could not cross it": a capability denied is a failure, not an aim.
        let window = &toks[ti.saturating_sub(8).max(seg_s)..ti];
        window
            .iter()
            .enumerate()
            .rev()
            .take_while(|(_, t)| !t.is(&[',', ';']) && !(t.is_word() && (self.grammar_is(t.text, WordClass::Boundary) || self.grammar_is(t.text, WordClass::Subordinator))))
            .any(|(k, t)| {
                let failed = t.text.eq_ignore_ascii_case("could") && window.get(k + 1).is_some_and(|n| n.text.eq_ignore_ascii_case("not") || n.text.eq_ignore_ascii_case("n't"));
                // "must have suffered": a perfect after a modal infers what happened.
                let inferred = window.get(k + 1).is_some_and(|n| n.text.eq_ignore_ascii_case("have"));
                t.is_word() && self.grammar_is(t.text, WordClass::Modal) && !failed && !inferred
            })
    }

    /// "Ukrainian forces were holding their positions in the city, officials said": a speaker
    /// of no known side who tells of one side holding out or repelling attacks speaks for that
    /// side (the other side tells of its own gains, not of the enemy's defence). Only for a
    /// speaker phrase that did not resolve; the outlet's own narration stays its own.
    fn side_by_holding(c: &mut RawClaim) {
        let unresolved = c.side == Side::Other && c.rules.iter().any(|r| r == "side:outlet-voice(unknown speaker)");
        let holding = matches!(c.kind, Kind::Control | Kind::Advance) && c.stance == Stance::Resisted && !c.negated && c.modality != Modality::Denied;
        let Some(side) = c.actor.filter(|s| *s != Side::Other && unresolved && holding) else { return };
        c.side = side;
        relabel_outlet_voice(c, "side:holder-reports-holding");
    }

    /// "Ukrainian forces liberated Izium, the military said": each side calls only its own
    /// captures a liberation, so a speaker of no known side (or an outlet in its own voice) who
    /// does speaks for the side that took the place.
    fn side_by_own_side_word(&self, c: &mut RawClaim) {
        let unknown_speaker = c.side == Side::Other && c.rules.iter().any(|r| r.starts_with("side:outlet-voice"));
        let asserted = c.stance == Stance::Achieved && c.modality != Modality::Denied && !c.negated;
        // "Kremlin rhetoric of \u{201c}liberation\u{201d}": a word in scare quotes is cited, not used.
        let cited = self.in_quote(c.trigger_span).is_some() && self.in_long_quote(c.trigger_span).is_none();
        if !unknown_speaker || !asserted || cited || c.framing != Some(Framing::OwnSide) {
            return;
        }
        let Some(side) = c.actor.filter(|s| *s != Side::Other) else { return };
        c.side = side;
        relabel_outlet_voice(c, "side:liberation-framing");
    }

    /// The side of an unknown speaker whose quotation speaks of "our" people and names only the
    /// other side: "Everything Moscow is saying about our guys is not true" is Kyiv's.
    fn side_by_first_person(&self, trigger: Span) -> Option<Side> {
        let quote = self.quotes[self.in_long_quote(trigger)?];
        let toks = tokens(self.text, quote);
        let first_person = |t: &Token<'_>| matches!(t.text.to_lowercase().as_str(), "our" | "we" | "us" | "ours");
        if !toks.iter().any(first_person) {
            return None;
        }
        let mut named: Option<Side> = None;
        for (k, t) in toks.iter().enumerate() {
            let Some(side) = within(&self.speakers, t.span)
                .find(|h| matches!(h.value.ty, SpeakerType::Marker | SpeakerType::Metonym | SpeakerType::Org | SpeakerType::Override))
                .map(|h| h.value.side)
                .filter(|s| *s != Side::Other)
            else {
                continue;
            };
            // "our Ukrainian soldiers" names the speaker's own side.
            if toks[k.saturating_sub(2)..k].iter().any(first_person) {
                return None;
            }
            if named.is_some_and(|n| n != side) {
                return None;
            }
            named = Some(side);
        }
        named.and_then(Side::opponent)
    }

    /// The side of a speaker the lexicons do not know, when its sentence has it dismiss a named
    /// side's claims ("..., the command said, dismissing Russian claims to have ousted them"):
    /// the side whose claims it denies is its opponent.
    /// The dismissal must be the speaker's own: a participle after its cue ("..., the command
    /// said, dismissing ..."), not another speaker's ("as Kyiv dismissed ...").
    fn side_by_dismissed_claims(&self, toks: &[Token<'_>], attributions: &[Attribution], own: &Attribution) -> Option<Side> {
        let denial = attributions
            .iter()
            .find(|a| a.modality == CueModality::Denied && !a.negated && a.inherits && a.cue.start > own.cue.start)?;
        let after = toks.iter().position(|t| t.span.start >= denial.cue.end)?;
        let k = (after..toks.len().min(after + 4)).find(|&k| self.grammar_is(toks[k].text, WordClass::ClaimNoun))?;
        let owner = toks[after..k].iter().rev().find_map(|t| self.side_word(t))?;
        owner.opponent()
    }

    /// The attribution whose scope holds a trigger, nearest cue first; none for a trigger in a
    /// quotation (those are attributed by [`Doc::quote_speaker`] or by the cue at the quote).
    fn attribution_for(&self, trigger: Span, attributions: &[Attribution]) -> Option<usize> {
        let in_quote = self.in_long_quote(trigger);
        let governing: Vec<(usize, &Attribution)> = attributions
            .iter()
            .enumerate()
            .filter(|(_, a)| {
                let in_scope = a.scope.contains(trigger) || (a.scope.start <= trigger.start && trigger.start < a.scope.end);
                // A quotation resumed after the cue (""...", X said, "but ..."") is X's too.
                let resumed = in_quote.is_some() && a.cue.end <= trigger.start && a.speaker.is_some_and(|s| s.end <= trigger.start);
                (in_scope || resumed)
                    && (in_quote.is_none() || self.in_quote(a.cue) == in_quote || self.quote_near_cue(in_quote, a))
            })
            .collect();
        // "X announced that Y, Reuters reported", "ISW said Wagner claimed Y": the innermost
        // report, the one whose cue another's scope holds, is the claim's.
        // Two reports that hold each other's cue ("X announced that Y, Reuters reported"): the
        // first is the inner one.
        let inner = |a: &Attribution| {
            governing
                .iter()
                .any(|(_, o)| o.cue != a.cue && o.scope.contains(a.cue) && !(a.scope.contains(o.cue) && o.cue.start < a.cue.start))
        };
        governing
            .iter()
            .min_by_key(|(_, a)| (!inner(a), a.cue.start.abs_diff(trigger.start)))
            .map(|(i, _)| *i)
    }

    /// The quotation holding `span`, unless it is a few words in scare quotes inside a
    /// sentence ("completed their \u{201c}combat mission\u{201d}"), which the sentence's own
    /// report governs.
    fn in_long_quote(&self, span: Span) -> Option<usize> {
        self.in_quote(span).filter(|&q| self.quotes[q].slice(self.text).split_whitespace().count() > SCARE_QUOTE_WORDS)
    }

    fn quote_near_cue(&self, quote: Option<usize>, a: &Attribution) -> bool {
        quote.is_some_and(|q| {
            let q = self.quotes[q];
            let gap = if a.cue.start >= q.end { &self.text[q.end as usize..a.cue.start as usize] } else if a.cue.end <= q.start { &self.text[a.cue.end as usize..q.start as usize] } else { "" };
            gap.split_whitespace().count() <= 14 && !gap.contains(['"', '\u{201c}', '\u{201d}'])
        })
    }

    /// The speaker of a quotation whose attribution lies in another sentence: the cue right
    /// after the quote closes, else the speaker of the paragraph's previous quotation or
    /// attribution.
    fn quote_speaker(
        &self,
        trigger: Span,
        history: &[(u32, Attribution, RawSpeaker)],
        paragraph: u32,
        known: Known<'_>,
    ) -> Option<(RawSpeaker, Attribution)> {
        let q = self.in_long_quote(trigger)?;
        let quote = self.quotes[q];
        // A cue after the closing mark, in a later sentence of the same quotation's paragraph,
        // is resolved when that sentence is reached; look it up textually here.
        if let Some(cue) = within(&self.cues, Span { start: quote.end, end: (quote.end as usize + 120).min(self.text.len()) as u32 })
            .find(|c| self.in_quote(c.span).is_none())
        {
            let gap = &self.text[quote.end as usize..cue.span.start as usize];
            // The next paragraph's cue is another report's ("The strike, which X said ...").
            if gap.split_whitespace().count() <= 8 && !gap.contains(['.', '"', '\u{201c}', '\n']) {
                return self.speaker_near_cue(cue, quote, known);
            }
        }
        // The speaker of the paragraph or the one before; a run of paragraphs that are each
        // one quotation (a statement quoted point by point) continues the speaker who
        // introduced the run.
        let is_quote = |p: u32| self.quote_paragraphs.get(p as usize).copied().unwrap_or(false);
        let mut earliest = paragraph.saturating_sub(1);
        if is_quote(paragraph) {
            let mut first = paragraph;
            while first > 0 && is_quote(first - 1) {
                first -= 1;
            }
            earliest = earliest.min(first.saturating_sub(2));
        }
        history
            .iter()
            .rev()
            .find(|(p, a, _)| *p >= earliest && *p <= paragraph && a.cue.start < quote.start)
            .map(|(_, a, s)| (s.clone(), a.clone()))
    }

    /// The speaker of a cue found after a quotation in a sentence not yet processed.
    fn speaker_near_cue(&self, cue: &Hit<'_, Cue>, quote: Span, known: Known<'_>) -> Option<(RawSpeaker, Attribution)> {
        let sentence = Span { start: quote.start, end: (cue.span.end as usize + 160).min(self.text.len()) as u32 };
        let toks = tokens(self.text, sentence);
        let first = toks.iter().position(|t| t.span.end > cue.span.start)?;
        let last = toks.iter().rposition(|t| t.span.start < cue.span.end)?;
        let before = if cue.value.form == CueForm::According { None } else { self.phrase_before(&toks, first) };
        let span = match before {
            Some((s, e)) if toks[s].span.start >= quote.end => Span { start: toks[s].span.start, end: toks[e - 1].span.end },
            _ => {
                let (s, e) = self.phrase_after(&toks, last + 1)?;
                Span { start: toks[s].span.start, end: toks[e - 1].span.end }
            }
        };
        let sp = self.resolve_speaker(span, known.seen, known.persons);
        let a = Attribution {
            cue: cue.span,
            cue_text: cue.span.slice(self.text).to_string(),
            modality: cue.value.modality,
            speaker: Some(span),
            inherits: false,
            scope: quote,
            negated: false,
            rule: "cue:after-quote",
        };
        Some((sp, a))
    }

    fn needs_place(&self, d: &Draft) -> bool {
        matches!(d.kind, Kind::Control | Kind::Advance | Kind::Encirclement)
            && self.lex.actions.get(d.pattern).is_some_and(|t| matches!(t.needs, Needs::Place | Needs::ClausePlace))
    }

    /// Mention `i` names where troops withdraw to or people are taken ("withdrew from Kherson
    /// to the left bank of the Dnieper", "moved to Donetsk", "the wounded were taken to a
    /// hospital in Novoazovsk"): for those kinds, not where it happened. The preposition that
    /// governs the name is the last of the ten words before it; "to" before a verb is an
    /// infinitive ("decided to regroup the troops in X"), not a destination.
    fn is_destination(&self, kind: Kind, sentence: Span, i: usize) -> bool {
        if !matches!(kind, Kind::Withdrawal | Kind::Surrender | Kind::Civilians | Kind::Casualties) {
            return false;
        }
        let before = &self.text[sentence.start as usize..self.mentions[i].span.start as usize];
        // The ten words before the name, nearest first, each with the word after it (the
        // name itself after the nearest).
        let mut words: Vec<&str> = before.rsplit(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty()).take(10).collect();
        words.insert(0, self.mentions[i].surface.as_str());
        let governing = words.windows(2).find_map(|pair| {
            let (next, w) = (pair[0], pair[1]);
            let preposition = match w.to_lowercase().as_str() {
                "to" => next.starts_with(char::is_uppercase) || matches!(next.to_lowercase().as_str(), "the" | "a" | "an" | "its" | "their" | "his" | "positions" | "defensive"),
                "from" | "toward" | "towards" | "into" | "onto" | "across" | "behind" | "beyond" => true,
                _ => false,
            };
            preposition.then_some(w)
        });
        governing.is_some_and(|w| !w.eq_ignore_ascii_case("from"))
    }

    /// A town named for a front sector: "the Kherson direction", "the Zaporizhzhia axis",
    /// "the Bakhmut sector", "the Zaporozhye area".
    fn is_sector(&self, i: usize) -> bool {
        let rest = self.text[self.mentions[i].span.end as usize..].trim_start_matches([' ', '-']);
        let next: String = rest.chars().take_while(|c| c.is_alphabetic()).collect::<String>().to_lowercase();
        self.grammar_is(&next, WordClass::Sector)
    }

    /// A place mention that is not a place in its sentence: a dateline, part of a compound ("pro-Moscow",
    /// "Kyiv-based"), part of a named force or person ("the Tavria group"), or a capital that
    /// also stands for its government ("Kyiv said", "Moscow's invasion"). Such capitals count
    /// as places only after a locative preposition ("strikes on Kyiv", "in Moscow").
    fn is_metonym_use(&self, m: &PlaceMention) -> bool {
        // The dateline's town is where the reporter files from.
        if m.span.end <= self.dateline_end {
            return true;
        }
        let (s, e) = (m.span.start as usize, m.span.end as usize);
        // "pro-Moscow", "Kyiv-based" are no places; "the Izium-Balakliia grouping" names two.
        let place_across = |at: usize| self.mentions.iter().any(|o| o.span.start as usize == at || o.span.end as usize == at);
        if (self.text[..s].ends_with('-') && !place_across(s - 1)) || (self.text[e..].starts_with('-') && !place_across(e + 1)) {
            return true;
        }
        // "the Luhansk city of Sievierodonetsk": a name that qualifies the settlement named
        // after it is no place of its own here.
        let qualifier = [" city of ", " town of ", " village of ", " port of ", " port city of "].iter().any(|noun| {
            let at = e + noun.len();
            self.text.get(e..at).is_some_and(|w| w.eq_ignore_ascii_case(noun)) && self.mention_at(at as u32)
        });
        if qualifier {
            return true;
        }
        let in_force = within(&self.speakers, Span { start: m.span.start, end: (e + 40).min(self.text.len()) as u32 })
            .take_while(|h| h.span.start <= m.span.start)
            .any(|h| matches!(h.value.ty, SpeakerType::Org | SpeakerType::Person) && h.span.contains(m.span) && h.span != m.span);
        if in_force {
            return true;
        }
        // A capital read as its region ("the region of the capital, Kyiv") is a place.
        let is_capital = self.lex.speakers.get(&m.surface).is_some_and(|h| h.ty == SpeakerType::Metonym)
            && self.gaz.place(m.candidates[0]).is_none_or(|p| p.kind != PlaceKind::Region);
        if !is_capital {
            return false;
        }
        let possessive = self.text[e..].starts_with("'s") || self.text[e..].starts_with("\u{2019}s");
        let before = self.text[..s].trim_end();
        let prev = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        // "assurances from Moscow", "word from Kyiv": what a government sends comes from it,
        // not from the city ("reports from Kyiv" may be about the city, and stay a place). "The
        // government in Moscow", "officials in Kyiv" are the government seated there.
        let noun = || before[..before.len() - prev.len()].trim_end().rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        let sender = (prev.eq_ignore_ascii_case("from") && self.grammar_is(noun(), WordClass::Sender))
            || (prev.eq_ignore_ascii_case("in") && self.grammar_is(noun(), WordClass::Seat));
        possessive
            || sender
            || !matches!(
                prev.to_lowercase().as_str(),
                "in" | "on" | "at" | "near" | "over" | "around" | "toward" | "towards" | "outside" | "into" | "across" | "from"
            )
    }

    /// How specific a place mention is: a settlement (0), a feature such as a river or a plant
    /// (1), a region (2).
    fn place_rank(&self, m: &PlaceMention) -> u8 {
        match m.candidates.first().and_then(|&id| self.gaz.place(id)).map(|p| p.kind) {
            Some(PlaceKind::Settlement) | None => 0,
            Some(PlaceKind::Feature) => 1,
            Some(PlaceKind::Region) => 2,
        }
    }

    /// The settlement an article is about: the one named most often, when it has at least
    /// half of the article's settlement mentions and is named at least twice.
    fn main_settlement(&self) -> Option<usize> {
        self.tally().filter(|t| t.top >= 2 && 2 * t.top >= t.total).map(|t| t.first)
    }

    /// The settlement an article names most, even once, when it has at least half of the
    /// article's settlement mentions: the town a claim about the river or region it lies on is
    /// about ("withdrew from the west bank of the Dnieper" in a report on one town).
    fn top_settlement(&self) -> Option<usize> {
        self.tally().filter(|t| 2 * t.top >= t.total).map(|t| t.first)
    }

    /// The settlement a story names at least twice and three times as often as any other, with
    /// a third of all its settlement mentions: a story on one village that names the six around
    /// it once each is about that village, though it has less than half of the mentions. (A
    /// long report naming dozens of places is about none of them; only the choice among towns
    /// named together leans on this, not the placing of claims that name no place.)
    fn dominant_settlement(&self) -> Option<usize> {
        self.tally().filter(|t| t.top >= 2 && t.top >= 3 * t.second && 3 * t.top >= t.total).map(|t| t.first)
    }

    /// How often the article names its most named settlement and the next (a site counting
    /// for its town, "Azovstal" for Mariupol), computed once.
    fn tally(&self) -> Option<Tally> {
        *self.tally.get_or_init(|| {
            let town = |i: usize| {
                let m = &self.mentions[i];
                match self.place_rank(m) {
                    0 => Some(m.candidates[0]),
                    1 => crate::normalize::host_town(self.gaz, m.candidates[0]),
                    _ => None,
                }
            };
            let mut counts: HashMap<PlaceId, (usize, usize)> = HashMap::new();
            for i in (0..self.mentions.len()).filter(|&i| !self.is_metonym_use(&self.mentions[i])) {
                if let Some(id) = town(i) {
                    counts.entry(id).or_insert((0, i)).0 += 1;
                }
            }
            // Ties go to the earlier first mention, then the lower id, so no map order shows.
            let (&top_id, &(top, first)) = counts.iter().max_by_key(|(id, (n, first))| (*n, std::cmp::Reverse(*first), **id))?;
            let second = counts.iter().filter(|(id, _)| **id != top_id).map(|(_, (n, _))| *n).max().unwrap_or(0);
            Some(Tally { first, top, second, total: counts.values().map(|(n, _)| n).sum() })
        })
    }

    /// The town the headline names, where the text names it too: its first mention. An
    /// article that lists many places (the villages troops head for) still has a town of its
    /// own, the one its headline is about: "the village", "a town" in a claim with no place of
    /// its own stand for it. (It does not stand for regions, sectors or towns named together:
    /// a headline names a region's capital as often as a town.)
    fn headline_town(&self) -> Option<usize> {
        self.headline.iter().find_map(|h| {
            (0..self.mentions.len()).find(|&i| {
                let m = &self.mentions[i];
                m.candidates.first() == Some(h) && !self.is_metonym_use(m)
            })
        })
    }

    /// Settlements named together as one object ("Balakliia and Izium", "Pokrovsk, Myrnohrad
    /// and Rodynske") give one place whatever their order: the town the article is about (see
    /// [`Doc::dominant_settlement`]) when it is one of them, else the most populous, so that
    /// every article naming the group gives the same place. Other mentions stay as they are.
    fn coordinated(&self, pick: usize, candidates: &[usize]) -> usize {
        if self.place_rank(&self.mentions[pick]) != 0 {
            return pick;
        }
        let joined = |a: usize, b: usize| {
            let (x, y) = (&self.mentions[a], &self.mentions[b]);
            let gap = self.text.get(x.span.end as usize..y.span.start as usize).unwrap_or("x");
            let words: Vec<&str> = gap.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).collect();
            gap == "-" || (gap.len() <= 8 && words.iter().all(|w| matches!(*w, "and" | "&" | "or")) && (words.len() == 1 || gap.contains(',')))
        };
        let pos = candidates.iter().position(|&i| i == pick).unwrap_or(0);
        let (mut lo, mut hi) = (pos, pos);
        while lo > 0 && self.place_rank(&self.mentions[candidates[lo - 1]]) == 0 && joined(candidates[lo - 1], candidates[lo]) {
            lo -= 1;
        }
        while hi + 1 < candidates.len() && self.place_rank(&self.mentions[candidates[hi + 1]]) == 0 && joined(candidates[hi], candidates[hi + 1]) {
            hi += 1;
        }
        let id = |i: usize| self.mentions[i].candidates.first().copied();
        let named = |i: usize| self.mentions.iter().filter(|m| m.candidates.first().copied() == id(i) && !self.is_metonym_use(m)).count();
        let population = |i: usize| id(i).and_then(|id| self.gaz.place(id)).map_or(0, |p| p.population);
        let main = self.main_settlement().or_else(|| self.dominant_settlement()).and_then(id);
        let group = &candidates[lo..=hi];
        // Troops heading for several places from the article's town ("advancing towards X and
        // Y") head first for the nearest: the next step of the fight the article is about.
        let before = self.text[..self.mentions[group[0]].span.start as usize].trim_end().as_bytes();
        let heading = ["direction of", "toward", "towards"]
            .iter()
            .any(|w| before.len() >= w.len() && before[before.len() - w.len()..].eq_ignore_ascii_case(w.as_bytes()));
        // Where they head from: the article's town, else its headline's.
        let origin = main.or_else(|| self.headline_town().and_then(id));
        let from = origin.and_then(|m| self.gaz.place(m));
        if let (true, Some(from)) = (heading && group.iter().all(|&i| id(i) != origin), from) {
            let km = |i: usize| id(i).and_then(|id| self.gaz.place(id)).map_or(u64::MAX, |p| (p.km_to(from) * 1000.0) as u64);
            return group.iter().copied().min_by_key(|&i| (km(i), i)).unwrap_or(pick);
        }
        group.iter().copied().max_by_key(|&i| (id(i) == main, population(i), named(i), std::cmp::Reverse(i))).unwrap_or(pick)
    }

    #[allow(clippy::too_many_arguments)]
    fn assign_places(
        &self,
        drafts: &mut [Draft],
        toks: &[Token<'_>],
        segs: &[(usize, usize)],
        sentence: Span,
        attributions: &[Attribution],
        recent: Recent,
        paragraph: u32,
    ) {
        let speaker_spans: Vec<Span> = attributions.iter().filter_map(|a| a.speaker).collect();
        let compared = self.compared_stretches(toks);
        // A town named in the sentence's speaker phrase ("the mayor of Mykolaiv"), for "the city".
        let speakers_town = self.mentions.iter().position(|m| {
            sentence.contains(m.span) && speaker_spans.iter().any(|s| s.contains(m.span)) && self.place_rank(m) == 0 && !self.is_metonym_use(m)
        });
        // A town or region named in the speaker phrase ("the governor of the Vinnytsia region",
        // "the local administration in Odesa").
        let speakers_area = |d: &Draft| {
            let own = d.attribution.and_then(|i| attributions.get(i)).and_then(|a| a.speaker)?;
            self.mentions.iter().position(|m| own.contains(m.span) && !self.is_metonym_use(m) && self.gaz.place(m.candidates[0]).is_some_and(|p| p.kind != PlaceKind::Feature))
        };
        // "two people were killed in the attack": a strike referred back to was told of before.
        let refers_back = toks.windows(2).any(|w| {
            matches!(w[0].text.to_lowercase().as_str(), "the" | "this" | "that") && self.trigger_at(w[1].span.start)
        });
        let oblast = |i: usize| self.gaz.place(self.mentions[i].candidates[0]).map(|p| if p.kind == PlaceKind::Region { p.name.clone() } else { p.admin1.clone() });
        let same_oblast = |a: usize, b: usize| matches!((oblast(a), oblast(b)), (Some(x), Some(y)) if !x.is_empty() && x == y);
        let usable: Vec<usize> = self
            .mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| sentence.contains(m.span))
            .filter(|(_, m)| !speaker_spans.iter().any(|s| s.contains(m.span)) && !self.is_metonym_use(m))
            .filter(|(_, m)| !compared.iter().any(|s| s.contains(m.span)))
            .map(|(i, _)| i)
            .collect();
        // A war crime told with the operation it was part of ("units infiltrated the lines
        // dressed as civilians, a war crime") happened where the operation did; an accusation
        // on its own is too often about the war at large to take the topic's place.
        let operational = drafts.iter().any(|d| crate::cluster::is_territorial(d.kind));
        for d in drafts.iter_mut() {
            if d.campaign_wide {
                d.place = None;
                continue;
            }
            let (s, e) = segs[d.segment];
            let seg_span = Span { start: toks[s].span.start, end: toks[e - 1].span.end };
            let in_seg: Vec<usize> = usable.iter().copied().filter(|&i| seg_span.contains(self.mentions[i].span)).collect();
            let destination = |i: usize| self.is_destination(d.kind, sentence, i);
            let after = in_seg.iter().copied().filter(|&i| self.mentions[i].span.start >= d.trigger.end).find(|&i| {
                let gap = &self.text[d.trigger.end as usize..self.mentions[i].span.start as usize];
                gap.split_whitespace().count() <= 10 && !destination(i)
            });
            let before = in_seg.iter().copied().rfind(|&i| self.mentions[i].span.end <= d.trigger.start);
            let (after, before) = (after.map(|i| self.coordinated(i, &in_seg)), before.map(|i| self.coordinated(i, &in_seg)));
            // "There are hits on the bridge": an existential "there" points at no place.
            let existential = |n: &Hit<'_, NounRole>| {
                let next = self.text[n.span.end as usize..].split_whitespace().next().unwrap_or("");
                n.pattern == "there" && (BE_FORMS.iter().any(|b| next.eq_ignore_ascii_case(b)) || self.grammar_is(next, WordClass::Auxiliary) || self.grammar_is(next, WordClass::Modal))
            };
            let settlement = within(&self.nouns, seg_span).any(|n| *n.value == NounRole::Settlement && !existential(n));
            let distance = |i: usize| self.mentions[i].span.start.abs_diff(d.trigger.start);
            // A region or a feature (a river, a plant) names where a settlement lies or what is
            // in it: "captured X in Donetsk Oblast", "crossed the Dnieper near X", "the Azovstal
            // plant in Mariupol". The settlement of the clause is the claim's place.
            let nearer_settlement = |pick: usize| -> Option<usize> {
                if self.place_rank(&self.mentions[pick]) == 0 || self.is_site(pick) {
                    return None;
                }
                let nearest = in_seg.iter().copied().filter(|&i| self.place_rank(&self.mentions[i]) == 0 && !destination(i)).min_by_key(|&i| distance(i))?;
                Some(self.coordinated(nearest, &in_seg))
            };
            // The article's town, for a clause that names only the region or the river it lies
            // in ("footholds on the left bank of the Dnipro in the Kherson region").
            let main_within = |pick: usize| -> Option<usize> {
                if self.is_site(pick) {
                    return None;
                }
                let main = recent.main.or(recent.top)?;
                let (p, m) = (self.gaz.place(self.mentions[pick].candidates[0])?, self.gaz.place(self.mentions[main].candidates[0])?);
                let inside = match p.kind {
                    PlaceKind::Region => p.name == m.admin1 || p.admin1 == m.admin1,
                    // A river or an area across oblasts is where the town lies; an island, a
                    // spit or a bridge is a place fought over in its own right ("Snake Island").
                    PlaceKind::Feature => p.admin1.is_empty() || (p.admin1 == m.admin1 && p.name.ends_with(" River")),
                    PlaceKind::Settlement => false,
                };
                inside.then_some(main)
            };
            d.place = if let Some(i) = after.or(before).and_then(nearer_settlement) {
                Some((i, "place:settlement-of-clause".to_string()))
            } else if let Some(i) = after.or(before).and_then(main_within) {
                Some((i, "place:article-town-in-area".to_string()))
            } else if let Some(i) = after {
                Some((i, "place:after-trigger".to_string()))
            } else if let Some(i) = before {
                Some((i, "place:before-trigger".to_string()))
            } else if let Some(&i) = usable.iter().filter(|&&i| !destination(i)).min_by_key(|&&i| (self.place_rank(&self.mentions[i]), distance(i))) {
                match main_within(i) {
                    Some(main) => Some((main, "place:article-town-in-area".to_string())),
                    None => Some((i, "place:in-sentence".to_string())),
                }
            } else if let Some(i) = speakers_town.filter(|_| settlement) {
                // "The mayor of Mykolaiv said the shelling of the city ...": the city is the
                // speaker's.
                Some((i, "place:speakers-town".to_string()))
            } else if let Some(i) = recent.main.or(recent.headline).or(recent.settlement.or(recent.place).map(|(i, _)| i)).filter(|_| settlement) {
                // "the town", "the city": the town the article is about, else the settlement
                // last named, however far back.
                Some((i, "place:anaphor".to_string()))
            } else if let Some(i) = speakers_area(d)
                .filter(|_| matches!(d.kind, Kind::Strike | Kind::Civilians) && !refers_back)
                .filter(|&a| !recent.topic.or(recent.settlement).or(recent.place).is_some_and(|(t, _)| same_oblast(a, t)))
            {
                // "The governor of the Vinnytsia region said missiles hit two towns": an
                // official tells of strikes and harm in the place they serve, unless the place
                // just told of lies there ("a strike on Radekhiv ... Lviv's governor
                // acknowledged the strike").
                Some((i, "place:speakers-area".to_string()))
            } else if let Some((i, _)) = recent
                .topic
                // An independent outlet's own asides ("after half a year of retreats") are too
                // often about the war at large to go on about the topic; state media speak for
                // their side.
                .filter(|(_, p)| *p + 1 >= paragraph && (d.attribution.is_some() || d.quote_speaker.is_some() || self.outlet_side != Side::Other))
                .or(recent.settlement.filter(|(_, p)| *p + 1 >= paragraph))
                .or(recent.place)
                .filter(|(_, p)| *p + 1 >= paragraph && (d.kind != Kind::WarCrimes || operational))
            {
                match main_within(i) {
                    Some(main) => Some((main, "place:article-town-in-area".to_string())),
                    None => Some((i, "place:discourse".to_string())),
                }
            } else {
                // A territorial claim with no place of its own in an article about one town.
                // Only a reported claim: the outlet's own asides ("after months of retreats") are
                // too often about the war at large.
                // Civilians harmed, told with no place in an article about one town ("Russia
                // denied responsibility for the killing of civilians"), were harmed there.
                let reported = d.attribution.is_some() || d.quote_speaker.is_some();
                let about_town = crate::cluster::is_territorial(d.kind) || (d.kind == Kind::Civilians && recent.main.is_some());
                recent.main.or(recent.top).filter(|_| reported && about_town).map(|i| (i, "place:article".to_string()))
            };
            // "in the Kherson direction", "on the Zaporizhzhia axis": a town named for a front
            // sector stands for its oblast's front, and in an article about a town of that
            // oblast for that town.
            if let Some((i, rule)) = d.place.as_mut()
                && self.is_sector(*i)
                && let Some(main) = recent.main.or(recent.top).filter(|&m| m != *i)
                && let (Some(p), Some(m)) = (self.gaz.place(self.mentions[*i].candidates[0]), self.gaz.place(self.mentions[main].candidates[0]))
                && !p.admin1.is_empty()
                && p.admin1 == m.admin1
            {
                *i = main;
                *rule = "place:article-town-in-sector".to_string();
            }
            // "the Azovstal plant in Mariupol", "Mariupol's Azovstal plant": the site named with
            // its town is the place (it stands for the town, at the scale of a site).
            if let Some((i, _)) = &d.place {
                let town = self.town_key(*i);
                let beside = |j: usize| {
                    let (a, b) = if j < *i { (j, *i) } else { (*i, j) };
                    let gap = &self.text[self.mentions[a].span.end as usize..self.mentions[b].span.start as usize];
                    gap.split_whitespace().count() <= 4
                };
                if let Some(j) = in_seg.iter().copied().find(|&j| j != *i && self.is_site(j) && self.town_key(j) == town && beside(j)) {
                    d.place = Some((j, "place:site-in-town".to_string()));
                }
            }
        }
    }

    /// The stretches of a sentence that compare with another place ("a siege similar to that
    /// of the plant in X", "as happened in X"): from a `comparison` phrase of grammar.tsv to the
    /// next comma or the sentence's end. The places in them are not where the claim happened.
    fn compared_stretches(&self, toks: &[Token<'_>]) -> Vec<Span> {
        let phrases: Vec<Vec<&str>> = self.lex.grammar.phrases(WordClass::Comparison).map(|p| p.split(' ').collect()).collect();
        let mut out = Vec::new();
        for i in 0..toks.len() {
            let starts = |words: &&Vec<&str>| toks[i..].len() > words.len() && words.iter().zip(&toks[i..]).all(|(w, t)| t.text.eq_ignore_ascii_case(w));
            let Some(words) = phrases.iter().find(starts) else { continue };
            let from = i + words.len();
            // Up to the next comma, or the next action ("similar to X, and then advanced on Y").
            let end = toks[from..].iter().position(|t| t.is(&[',', ';', '.']) || self.trigger_at(t.span.start)).map_or(toks.len(), |k| from + k);
            if end > from {
                out.push(Span { start: toks[i].span.start, end: toks[end - 1].span.end });
            }
        }
        out
    }

    /// What a strike hit, as its clause tells it after the trigger: a military object or
    /// soldiers (`target:military`), or a civilian one or civilians (`target:civilian`). A
    /// clause naming both says neither. `conflict` compares the two sides' targets.
    fn mark_target(&self, c: &mut RawClaim) {
        if c.kind != Kind::Strike || c.rules.iter().any(|r| r.starts_with("target:")) {
            return;
        }
        // A passive's agent ("was hit by Russian forces") is the attacker, not the target.
        let end = c.span.end.max(c.trigger_span.end);
        let by = self.text[c.trigger_span.end as usize..end as usize].find(" by ").map(|k| c.trigger_span.end + k as u32);
        let after = Span { start: c.trigger_span.end, end: by.unwrap_or(end) };
        let (mut military, mut civilian) = (false, false);
        for n in within(&self.nouns, after) {
            match n.value {
                NounRole::Military | NounRole::MilitarySite | NounRole::Weapon(_) => military = true,
                NounRole::Civilian | NounRole::CivilianSite => civilian = true,
                _ => {}
            }
        }
        match (military, civilian) {
            (true, false) => c.rules.push("target:military".into()),
            (false, true) => c.rules.push("target:civilian".into()),
            _ => {}
        }
    }

    /// "Russia has repeatedly denied targeting civilians", "routinely denies atrocities": a
    /// denial said to be habitual is a standing policy, not an answer to one account, and is
    /// marked so that it disputes no particular claim (see `conflict`).
    fn mark_habitual_denial(&self, c: &mut RawClaim, attributions: &[Attribution]) {
        if c.modality != Modality::Denied {
            return;
        }
        // Only the denial whose own cue has the adverb: "X denied A, and Moscow has repeatedly
        // denied B" leaves the first a denial of A.
        let denials: Vec<&Attribution> = attributions.iter().filter(|a| a.modality == CueModality::Denied && c.sentence.contains(a.cue)).collect();
        let governing: Vec<&Attribution> = denials.iter().copied().filter(|a| a.scope.contains(c.trigger_span)).collect();
        let own = if governing.is_empty() {
            denials.into_iter().filter(|a| c.cue.as_deref().is_none_or(|cue| a.cue_text.eq_ignore_ascii_case(cue))).collect()
        } else {
            governing
        };
        let habitual = own.iter().any(|a| {
            let before = &self.text[c.sentence.start as usize..a.cue.start as usize];
            before.split_whitespace().rev().take(2).any(|w| self.grammar_is(w.trim_matches(|ch: char| !ch.is_alphanumeric()), WordClass::Habitual))
        });
        if habitual {
            c.rules.push("denial:habitual".into());
        }
    }

    /// A site that stands for its town (see `normalize::host_town`).
    fn is_site(&self, mention: usize) -> bool {
        let id = self.mentions[mention].candidates[0];
        self.place_rank(&self.mentions[mention]) == 1 && crate::normalize::host_town(self.gaz, id).is_some()
    }

    #[allow(clippy::too_many_arguments)]
    fn assemble(
        &self,
        drafts: Vec<Draft>,
        toks: &[Token<'_>],
        sentence: Span,
        segs: &[(usize, usize)],
        attributions: &[Attribution],
        speakers: &[Option<RawSpeaker>],
        paragraph: u32,
    ) -> Vec<RawClaim> {
        // Each draft's speaker and side; drafts under a negated cue ("has not announced") are
        // not claims.
        let mut voiced: Vec<Voiced> = Vec::new();
        for d in drafts {
            let (speaker, attribution) = match (d.attribution, &d.quote_speaker) {
                (Some(a), _) => (speakers[a].clone(), Some(attributions[a].clone())),
                (None, Some((s, a))) => (Some(s.clone()), Some(a.clone())),
                (None, None) => (None, None),
            };
            if attribution.as_ref().is_some_and(|a| a.negated) {
                continue;
            }
            let mut rules = Vec::new();
            let side = match speaker.as_ref().and_then(|s| s.side) {
                Some(side) => {
                    rules.push(speaker.as_ref().map(|s| s.rule.clone()).unwrap_or_default());
                    side
                }
                None => match speaker.as_ref().and_then(|_| self.side_by_first_person(d.trigger)) {
                    Some(side) => {
                        rules.push("side:first-person-against-named-side".into());
                        side
                    }
                    None if let Some(side) = speaker.as_ref().and(attribution.as_ref()).and_then(|own| self.side_by_dismissed_claims(toks, attributions, own)) => {
                        rules.push("side:dismisses-named-sides-claims".into());
                        side
                    }
                    None => {
                        rules.push(if speaker.is_some() { "side:outlet-voice(unknown speaker)".into() } else { "side:outlet-voice".into() });
                        self.outlet_side
                    }
                },
            };
            if let Some(a) = &attribution {
                rules.insert(0, a.rule.to_string());
            }
            voiced.push((d, speaker, side, attribution, rules));
        }
        // One claim per clause and side: the highest-priority kind.
        let stance_rank = |s: Stance| match s {
            Stance::Achieved => 0,
            Stance::Resisted => 1,
            Stance::Ongoing => 2,
        };
        // What happened outranks what is under way or intended ("ordered the troops out ... to
        // keep them from being surrounded" is a withdrawal), then the kind's priority.
        voiced.sort_by_key(|(d, _, side, _, _)| {
            (d.segment, *side, d.stance == Stance::Ongoing, priority(d.kind), stance_rank(d.stance), d.trigger.start)
        });
        voiced.dedup_by(|b, a| a.0.segment == b.0.segment && a.2 == b.2);
        // Claims of one side about the same group of kinds and place in one sentence are one.
        let place_key = |d: &Draft| d.place.as_ref().map(|(i, _)| self.mentions[*i].candidates[0]);
        let mut merged: Vec<Merged> = Vec::new();
        for (d, sp, side, a, rules) in voiced {
            if let Some(m) = merged.iter_mut().find(|m| m.2 == side && same_account(m.0.kind, d.kind) && place_key(&m.0) == place_key(&d)) {
                m.5.push(d.segment);
                if priority(d.kind) < priority(m.0.kind) {
                    m.0 = d;
                }
                continue;
            }
            let seg = d.segment;
            merged.push((d, sp, side, a, rules, vec![seg]));
        }
        let single = merged.len() == 1;
        merged
            .into_iter()
            .map(|(d, speaker, side, attribution, mut rules, segments)| {
                let span = if single {
                    sentence
                } else {
                    let s = *segments.iter().min().unwrap_or(&0);
                    let e = *segments.iter().max().unwrap_or(&0);
                    clause_span(self, toks, segs[s].0, segs[e].1)
                };
                rules.extend(d.rules.iter().cloned());
                if let Some((_, r)) = &d.place {
                    rules.push(r.clone());
                }
                let (modality, hedged) = match attribution.as_ref().map(|a| a.modality) {
                    Some(CueModality::Denied) => (Modality::Denied, false),
                    Some(CueModality::Hedged) => (Modality::Asserted, true),
                    _ => (Modality::Asserted, false),
                };
                let modality = if d.denied_by_label { Modality::Denied } else { modality };
                RawClaim {
                    span,
                    sentence,
                    paragraph,
                    speaker: speaker.map(|mut s| {
                        if attribution.as_ref().is_some_and(|a| a.inherits) {
                            s.rule = format!("{}(inherited)", s.rule);
                        }
                        s
                    }),
                    side,
                    modality,
                    hedged,
                    cue: attribution.as_ref().map(|a| a.cue_text.clone()),
                    kind: d.kind,
                    stance: d.stance,
                    actor: None,
                    target: d.target,
                    trigger: d.trigger.slice(self.text).to_string(),
                    trigger_span: d.trigger,
                    actor_rule: d.actor_rule,
                    negated: d.negated,
                    framing: d.framing,
                    place: d.place,
                    verification: None,
                    rules: {
                        rules.retain(|r| !r.is_empty());
                        rules.push(format!("actor-rule:{:?}", d.actor_rule).to_lowercase());
                        rules
                    },
                }
            })
            .collect()
    }

    /// Who acts in a claim: the side named before the trigger in its clause ("Russian forces
    /// captured"), or after it ("liberated from Ukrainian troops", "fell to the Russians"),
    /// else the speaker's own side; then the trigger's actor rule.
    fn set_actor(&self, c: &mut RawClaim, toks: &[Token<'_>], segs: &[(usize, usize)]) {
        let speaker_side = Some(c.side).filter(|s| *s != Side::Other);
        let Some(ti) = toks.iter().position(|t| t.span.end > c.trigger_span.start) else { return };
        let seg_s = segs.iter().find(|&&(s, e)| s <= ti && ti < e).map_or(0, |s| s.0);
        let speaker_span = c.speaker.as_ref().map(|s| s.span);
        // The acting side is read only from phrases that name forces: a side word or a
        // pronoun before a military noun ("Russian forces", "its troops"), a named force or
        // official ("Wagner"), or "the enemy". A bare "Ukraine" or "Moscow" is too often
        // something else in the clause (the victim, the place, a possessive).
        let sentence_subject = |from: usize| self.subject_before(&toks[from..ti], speaker_span, speaker_side);
        // A clause with no force of its own shares the subject of the sentence's earlier
        // clauses ("Russian troops abandoned their positions and, under fire, fled"), unless
        // its speaker stands in it before the trigger: in "the army retreated as Russia claimed
        // a victory by seizing the region", the seizing is the speaker's.
        let clause_start = toks.get(seg_s).map_or(0, |t| t.span.start);
        let gerund = c.trigger.split_whitespace().next().is_some_and(|w| w.to_lowercase().ends_with("ing"));
        let speaker_in_clause = gerund && speaker_span.is_some_and(|s| s.start >= clause_start && s.end <= c.trigger_span.start);
        let mut subject = sentence_subject(seg_s).or_else(|| if speaker_in_clause { None } else { sentence_subject(0) });
        if matches!(c.kind, Kind::WarCrimes | Kind::Casualties | Kind::Civilians) {
            // Who did it is the speaker's accusation, not a word before the trigger.
            subject = None;
        }
        // "X has been completely liberated": the subject of a passive is what was taken, and a
        // force named before it (its former holder, in an aside) is not the actor.
        let first_word = c.trigger.split_whitespace().next().unwrap_or("").to_lowercase();
        let participle = first_word.ends_with("ed") || first_word.ends_with("en");
        let passive = participle
            && toks[ti.saturating_sub(3).max(seg_s)..ti]
                .iter()
                .rev()
                .take_while(|t| t.is_word())
                .any(|t| BE_FORMS.contains(&t.text.to_lowercase().as_str()));
        // A withdrawal's passive keeps its subject: "Ukrainian forces were ordered to withdraw"
        // (or "were forced to retreat") is their withdrawal.
        if passive && c.stance == Stance::Achieved && !c.negated && c.kind != Kind::Withdrawal {
            subject = None;
        }
        // "... if Russian soldiers are being killed, Luhansk region is still holding": a place
        // right before a holding out is its subject; the place holds, for the speaker's side,
        // and a force named earlier in the sentence is its attacker.
        // The place must be the whole subject: "troops in Bakhmut are holding out" is the
        // troops' holding.
        let before_be = toks[seg_s..ti].iter().rev().find(|t| !BE_FORMS.contains(&t.text.to_lowercase().as_str()));
        let subject_place = before_be.and_then(|t| self.mentions.iter().find(|m| m.span.overlaps(t.span))).is_some_and(|m| {
            let governed = toks[..ti].iter().rev().find(|t| t.span.end <= m.span.start && t.is_word() && !t.text.eq_ignore_ascii_case("the"));
            !governed.is_some_and(|t| self.grammar_is(t.text, WordClass::Preposition))
        });
        let place_holds = c.kind == Kind::Control && c.stance == Stance::Resisted && subject_place;
        if place_holds {
            subject = None;
        }
        let after = toks.iter().position(|t| t.span.start >= c.trigger_span.end).unwrap_or(toks.len());
        let mut object = None;
        for (k, t) in toks.iter().enumerate().skip(after).take(3) {
            let lower = t.text.to_lowercase();
            if matches!(lower.as_str(), "by" | "to" | "from") {
                if let Some(side) = toks.iter().skip(k + 1).take(3).find_map(|x| self.side_word(x)) {
                    object = Some(if lower == "from" { side.opponent().unwrap_or(side) } else { side });
                }
                break;
            }
        }
        // "Kalibr missiles hit the port", "a Himars strike killed", "had used HIMARS to strike
        // the prison", "were destroyed by Iskander missiles", "struck the crossings overnight
        // with HIMARS": arms only one side fields name the attacker the clause leaves unnamed.
        // Arms are the attacker only as the verb's subject, its passive agent or its
        // instrument; elsewhere they are the target or the cargo ("a depot storing Kalibr
        // missiles was destroyed", "destroyed six Himars").
        if c.kind == Kind::Strike && subject.is_none() {
            let seg_e = segs.iter().find(|&&(s, e)| s <= ti && ti < e).map_or(toks.len(), |s| s.1);
            let weapon_in = |from: usize, to: usize| -> Option<Side> {
                let (from, to) = (from.min(to), to.min(toks.len()));
                if from >= to {
                    return None;
                }
                let span = Span { start: toks[from].span.start, end: toks[to - 1].span.end };
                within(&self.nouns, span).find_map(|h| if let NounRole::Weapon(side) = *h.value { Some(side) } else { None })
            };
            let outside_speaker = |k: usize| !speaker_span.is_some_and(|s| s.contains(toks[k].span));
            let subject_arms = (!passive && outside_speaker(ti.saturating_sub(1))).then(|| weapon_in(ti.saturating_sub(4).max(seg_s), ti)).flatten();
            let rest = after.min(seg_e)..seg_e;
            let preposition = |word: &str, reach: usize| rest.clone().take(reach).find(|&k| toks[k].text.eq_ignore_ascii_case(word));
            let agent = preposition("by", 2).filter(|_| passive).and_then(|k| weapon_in(k + 1, k + 4));
            // "hit a depot with HIMARS launchers" tells what the depot held.
            let instrument = preposition("with", 8)
                .filter(|&k| k > 0 && within(&self.nouns, toks[k - 1].span).next().is_none())
                .and_then(|k| weapon_in(k + 1, k + 4));
            subject = subject_arms.or(agent).or(instrument);
        }
        // "slowed Russia's advances", "Ukraine's counteroffensive": a side's possessive right
        // before an action noun is whose action it is (a harm, strike or encirclement noun's
        // possessor is as often its victim: "Ukraine's losses", "Kyiv's bombardment").
        if subject.is_none() && matches!(c.kind, Kind::Control | Kind::Advance | Kind::Offensive | Kind::Withdrawal) {
            let possessor = match toks[seg_s..ti] {
                [.., ref owner, ref apostrophe, ref mark] if apostrophe.is(&['\'', '\u{2019}']) && mark.text.eq_ignore_ascii_case("s") => Some(owner),
                [.., ref owner, ref mark] if mark.text == "'s" || mark.text == "\u{2019}s" => Some(owner),
                [.., ref owner] if owner.text.ends_with("'s") || owner.text.ends_with("\u{2019}s") => Some(owner),
                _ => None,
            };
            subject = possessor.filter(|t| !speaker_span.is_some_and(|s| s.contains(t.span))).and_then(|t| self.side_word(t));
        }
        let rule = c.actor_rule;
        // "under Russian control": the trigger names the holder.
        let named = tokens(self.text, c.trigger_span).iter().find_map(|t| self.side_word(t));
        if let Some(side) = named.filter(|_| c.kind == Kind::Control) {
            c.actor = Some(side);
            c.target = side.opponent();
            return;
        }
        // "X has not been taken", "has not fallen": the place is the subject; a force named
        // before it is the attacker ("the enemy has wedged in, but the village has not been
        // taken"), so the holder is its opponent, and with none named the speaker's side.
        let negated_passive = c.kind == Kind::Control
            && c.stance == Stance::Resisted
            && c.trigger.to_lowercase().split_whitespace().any(|w| w == "not");
        if negated_passive {
            c.actor = subject.and_then(Side::opponent).or(speaker_side);
            c.target = c.actor.and_then(Side::opponent);
            return;
        }
        if c.rules.iter().any(|r| r == "action:so-called") {
            // The word is the other side's, and so is the action it names.
            c.actor = speaker_side.and_then(Side::opponent);
            c.target = c.actor.and_then(Side::opponent);
            return;
        }
        let denied = c.modality == Modality::Denied || c.negated;
        let default = match (c.kind, denied, c.stance) {
            // A side denies its opponent's gains, not its own ("they have not taken X").
            (Kind::Control | Kind::Advance | Kind::Encirclement | Kind::Offensive, true, Stance::Achieved) => speaker_side.and_then(Side::opponent),
            (Kind::WarCrimes, true, _) => speaker_side,
            (Kind::WarCrimes, _, _) => speaker_side.and_then(Side::opponent),
            (Kind::Surrender, _, Stance::Achieved) => speaker_side.and_then(Side::opponent),
            (Kind::Casualties | Kind::Civilians, _, _) => c.target.and_then(Side::opponent),
            // "The strike instead hit a warehouse": a side tells of a strike on civilians it
            // names no attacker for as the other side's ("its missiles", "Ukrainian rockets"
            // name one).
            (Kind::Strike, false, _) if c.rules.iter().any(|r| r == "target:civilian") => {
                let clause = &toks[seg_s..ti];
                let named = clause.iter().filter(|t| !speaker_span.is_some_and(|s| s.contains(t.span))).rev().find_map(|t| {
                    self.side_word(t).map(Some).or_else(|| self.grammar_is(t.text, WordClass::Pronoun).then_some(speaker_side))
                });
                // "... was carried out by its forces": the agent is the speaker's own.
                let by_own = toks[ti..].windows(2).any(|w| {
                    w[0].span.start < c.span.end && w[0].text.eq_ignore_ascii_case("by") && self.grammar_is(w[1].text, WordClass::Pronoun)
                });
                match (named, by_own) {
                    (Some(side), _) => side,
                    (None, true) => speaker_side,
                    (None, false) => speaker_side.and_then(Side::opponent),
                }
            }
            _ => speaker_side,
        };
        c.actor = match rule {
            ActorRule::Subject => object.or(subject).or(default),
            ActorRule::SubjectOpponent => subject.and_then(Side::opponent).or(speaker_side.and_then(Side::opponent)),
            ActorRule::SpeakerOpponent => speaker_side.and_then(Side::opponent),
        };
        if c.target.is_none() && matches!(c.kind, Kind::Control | Kind::Advance | Kind::Encirclement) {
            c.target = c.actor.and_then(Side::opponent);
        }
    }

    /// The force that acts in `scan` (the words before a trigger): the last side word before a
    /// military noun ("Russian forces"), named force or official ("Wagner"), pronoun before a
    /// military noun ("its troops": the side last named, else the speaker's), or "the enemy".
    fn subject_before(&self, scan: &[Token<'_>], speaker_span: Option<Span>, speaker_side: Option<Side>) -> Option<Side> {
        let mut subject = None;
        let mut last_named = None;
        for (k, t) in scan.iter().enumerate() {
            if speaker_span.is_some_and(|s| s.contains(t.span)) || !t.is_word() {
                continue;
            }
            // "the Russian armed forces' first line": a possessive force is no subject.
            let force_follows = scan[k + 1..].iter().take(3).enumerate().any(|(j, n)| {
                let possessive = n.text.ends_with("'s") || n.text.ends_with("\u{2019}s") || scan.get(k + 2 + j).is_some_and(|p| p.is(&['\'', '\u{2019}']));
                // A military object or a weapon acts only as the verb's subject ("Russian
                // warships hit", "Russian missiles struck").
                let site_subject = k + 1 + j + 1 == scan.len() && within(&self.nouns, n.span).any(|h| matches!(*h.value, NounRole::MilitarySite | NounRole::Equipment));
                (within(&self.nouns, n.span).any(|h| *h.value == NounRole::Military) || site_subject) && !possessive
            });
            let named_force = within(&self.speakers, t.span)
                .any(|h| matches!(h.value.ty, SpeakerType::Org | SpeakerType::Person | SpeakerType::Override) && h.value.side != Side::Other);
            let side_word = self.side_word(t);
            if let Some(side) = side_word.filter(|_| force_follows || named_force) {
                subject = Some(side);
            } else if self.grammar_is(t.text, WordClass::Pronoun) && force_follows {
                // "the Russian explanation that its troops were regrouping": the pronoun points
                // at the side last named, not at the speaker.
                subject = last_named.or(speaker_side);
            } else if self.grammar_is(t.text, WordClass::Opponent) {
                subject = speaker_side.and_then(Side::opponent);
            }
            if side_word.is_some() {
                last_named = side_word;
            }
        }
        // "... said that Russia controlled 70% of the city": a bare country right before the
        // verb, opening its clause, is the verb's subject (elsewhere a bare name is too often
        // the victim, the place or a possessive).
        let mut verb_at = scan.iter().rposition(|t| !(t.is_word() && (self.grammar_is(t.text, WordClass::Auxiliary) || self.grammar_is(t.text, WordClass::Time))));
        // "that Ukrainians, using precision weapons supplied by the US, had attacked": the
        // subject stands before an aside set off by commas.
        if let Some(k) = verb_at.filter(|&k| scan[k].is(&[',']))
            && let Some(open) = scan[..k].iter().rposition(|t| t.is(&[',']))
            && open >= 1
            && k - open <= 16
        {
            verb_at = Some(open - 1);
        }
        if subject.is_none()
            && let Some(k) = verb_at
            && !speaker_span.is_some_and(|s| s.contains(scan[k].span))
            // "said Russians are attacking", "“Russians are attacking ...,” he said": a bare
            // side word opening what was said is its subject too.
            && scan[..k].last().is_none_or(|t| {
                t.text.eq_ignore_ascii_case("that")
                    || t.is(&[',', '“', '"', '‘'])
                    || self.cues.iter().any(|c| c.span.overlaps(t.span) && c.value.form == CueForm::Verb)
            })
        {
            subject = self.side_word(&scan[k]);
        }
        // "If Russia won, it would try to capture more": "it" or "they" as the verb's subject
        // is the side last named before it.
        let skippable = |t: &Token<'_>| {
            t.is_word() && (self.grammar_is(t.text, WordClass::Auxiliary) || self.grammar_is(t.text, WordClass::Modal) || self.grammar_is(t.text, WordClass::Time) || t.text.eq_ignore_ascii_case("to"))
        };
        if subject.is_none()
            && let Some(k) = scan.iter().rposition(|t| !skippable(t))
            && (scan[k].text.eq_ignore_ascii_case("it") || scan[k].text.eq_ignore_ascii_case("they"))
            && !speaker_span.is_some_and(|s| s.contains(scan[k].span))
        {
            // A country named as a noun ("If Russia won, it would ..."), not an adjective
            // ("despite Russian artillery fire it had destroyed ...").
            subject = scan[..k].iter().rev().filter(|t| !t.text.to_lowercase().trim_end_matches("s").ends_with("ian")).find_map(|t| self.side_word(t));
        }
        subject
    }

    /// The clause of a sentence that holds a denial cue or a label, if any.
    fn denial_clause(&self, attributions: &[Attribution], toks: &[Token<'_>], segs: &[(usize, usize)]) -> Option<Span> {
        let sentence = Span { start: toks.first()?.span.start, end: toks.last()?.span.end };
        let at = attributions
            .iter()
            .find(|a| a.modality == CueModality::Denied && !a.negated)
            .map(|a| a.cue)
            .or_else(|| within(&self.denials, sentence).find(|d| *d.value == DenialPhrase::Label).map(|d| d.span))?;
        segs.iter()
            .map(|&(s, e)| Span { start: toks[s].span.start, end: toks[e - 1].span.end })
            .find(|span| span.start <= at.start && at.start < span.end)
    }

    /// "Kyiv denied the claim": a denial with no action of its own denies the claim before it.
    fn anaphoric_denial(
        &self,
        attributions: &[Attribution],
        speakers: &[Option<RawSpeaker>],
        sentence: Span,
        paragraph: u32,
        claims: &[RawClaim],
        same: &[RawClaim],
    ) -> Option<RawClaim> {
        let denial_cue = attributions.iter().position(|a| a.modality == CueModality::Denied && !a.negated);
        let label = within(&self.denials, sentence).any(|d| *d.value == DenialPhrase::Label);
        let anaphor = within(&self.denials, sentence).any(|d| *d.value == DenialPhrase::Anaphor)
            || attributions.iter().any(|a| {
                let rest = &self.text[a.cue.end as usize..sentence.end as usize];
                let mut words = rest.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase());
                let (next, after) = (words.next().unwrap_or_default(), words.next().unwrap_or_default());
                matches!(next.as_str(), "it" | "this" | "that" | "them" | "these" | "those" | "such") || (next == "any" && after == "such")
            })
            // "rejected Russia's explanation": a claim noun as the denial's object.
            || denial_cue.is_some_and(|i| {
                // The claim noun must be definite or a side's ("Russia's explanation", "the
                // report"), not "a report by Amnesty".
                let rest = &self.text[attributions[i].cue.end as usize..sentence.end as usize];
                let words: Vec<&str> = rest.split_whitespace().take(3).map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}')).collect();
                words.iter().enumerate().any(|(k, w)| {
                    let before = if k == 0 { "" } else { words[k - 1] };
                    let owner = before.ends_with("'s") || before.ends_with("\u{2019}s") || matches!(before.to_lowercase().as_str(), "the" | "this" | "that" | "these" | "those" | "such");
                    self.grammar_is(w, WordClass::ClaimNoun) && owner
                })
            })
            || {
                // "This is not true," ...: a sentence or quotation that opens on a pointer.
                let opening = sentence.slice(self.text).trim_start_matches(|c: char| !c.is_alphanumeric());
                let first = opening.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
                matches!(first.to_lowercase().as_str(), "it" | "this" | "that" | "these" | "those" | "such")
            };
        // "dismissed Ukraine's proposal to hold talks": what is rejected is an offer, not a
        // claim.
        let rejects_offer = denial_cue.is_some_and(|i| {
            let rest = &self.text[attributions[i].cue.end as usize..sentence.end as usize];
            rest.split_whitespace().take(4).any(|w| self.grammar_is(w.trim_matches(|c: char| !c.is_alphanumeric()), WordClass::Proposal))
        });
        if rejects_offer {
            return None;
        }
        let (which, how) = match (denial_cue, label) {
            (Some(i), _) => (i, "denial:anaphor"),
            (None, true) => (attributions.iter().position(|a| !a.negated)?, "denial:label"),
            (None, false) => return None,
        };
        // A label needs a pointer too: "reported demonstrably false information" or "fabricated
        // successes" call nothing earlier false.
        if !anaphor {
            return None;
        }
        let speaker = speakers[which].clone()?;
        let side = speaker.side?;
        // The claim denied: the other side's, of the last two paragraphs; a count when the
        // denial speaks of a figure, else the weightiest (a capture before the losses claimed
        // with it), the latest of equals.
        let lower = sentence.slice(self.text).to_lowercase();
        let of_count = ["figure", "number", "toll", "losses", "casualt"].iter().any(|w| lower.contains(w));
        let weight = |c: &RawClaim| {
            let counted = of_count && matches!(c.kind, Kind::Casualties | Kind::Civilians | Kind::Strike);
            (!counted, priority(c.kind))
        };
        // The other side's claims of this sentence ("X said it took half the city, but Kyiv
        // denied any such advance") and of the last two paragraphs.
        let window: Vec<&RawClaim> = same
            .iter()
            .rev()
            .chain(claims.iter().rev().take_while(|c| c.paragraph + 2 >= paragraph))
            .filter(|c| c.side != side && c.side != Side::Other && c.modality != Modality::Denied)
            .collect();
        // With none so near, the other side's latest claim of the last six paragraphs: a
        // response quoted after background paragraphs.
        let farther = || {
            claims
                .iter()
                .rev()
                .take_while(|c| c.paragraph + 6 >= paragraph)
                .find(|c| c.side != side && c.side != Side::Other && c.modality != Modality::Denied)
        };
        let ante = window
            .iter()
            .copied()
            .min_by_key(|c| weight(c))
            .or_else(farther)
            .or_else(|| claims.iter().rev().take_while(|c| c.paragraph + 1 >= paragraph).next())?;
        let mut rules = vec![attributions[which].rule.to_string(), speaker.rule.clone(), how.to_string()];
        rules.push(format!("denial:refers-to:{}", ante.trigger));
        let (cue, place_rule) = (attributions[which].cue_text.clone(), "place:denied-claim");
        Some(echo(ante, Echo { sentence, paragraph, speaker, side, cue, modality: Modality::Denied, place_rule, rules }))
    }

    /// "The Russian defence ministry confirmed this", "Hanna Maliar has announced this": a
    /// report of a pointer to what was just said repeats the claim before it as the speaker's;
    /// an unattributed claim in the sentence just before is the speaker's own.
    fn anaphoric_confirmation(
        &self,
        attributions: &[Attribution],
        speakers: &[Option<RawSpeaker>],
        sentence: Span,
        paragraph: u32,
        claims: &mut [RawClaim],
    ) -> Option<RawClaim> {
        let points_back = |a: &Attribution| {
            let rest = &self.text[a.cue.end as usize..sentence.end as usize];
            let words: Vec<String> = rest
                .split_whitespace()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
                .filter(|w| !w.is_empty())
                .collect();
            let first = words.first().map(String::as_str);
            let second = words.get(1).map(String::as_str);
            words.len() <= 8
                && (matches!(first, Some("this" | "it" | "so" | "these"))
                    || (first == Some("that") && words.len() == 1)
                    || (first == Some("the") && matches!(second, Some("information" | "report" | "reports" | "claim" | "claims" | "news"))))
        };
        // "This was announced by the commander ...", "This was reported by RIA Novosti": a
        // passive report whose subject is the pointer.
        let pointer_subject = |a: &Attribution| {
            let head: Vec<String> = self.text[sentence.start as usize..a.cue.start as usize]
                .split_whitespace()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
                .filter(|w| !w.is_empty())
                .collect();
            let pointer = matches!(head.first().map(String::as_str), Some("this" | "that" | "it"));
            // Only a report ("announced", "reported", "stated", "confirmed"), not "was ordered by".
            let reported = matches!(a.cue_text.to_lowercase().as_str(), "announced" | "reported" | "stated" | "confirmed" | "said");
            a.rule == "cue:passive-by" && reported && pointer && (2..=3).contains(&head.len()) && head[1..].iter().all(|w| BE_FORMS.contains(&w.as_str()) || self.grammar_is(w, WordClass::Auxiliary))
        };
        let which = attributions.iter().position(|a| a.modality != CueModality::Denied && !a.negated && (points_back(a) || pointer_subject(a)))?;
        let speaker = speakers[which].clone()?;
        let side = speaker.side?;
        let last = claims.len().checked_sub(1)?;
        if claims[last].paragraph + 1 < paragraph {
            return None;
        }
        // "This was announced by X" after a paragraph of its own: the unattributed claims of
        // that paragraph, back to the last attributed one, are X's.
        // Only when the claim just before is the outlet's own, in the sentence just before.
        let gap = &self.text[claims[last].sentence.end as usize..sentence.start as usize];
        let unattributed = claims[last].speaker.is_none() && claims[last].side == Side::Other;
        if pointer_subject(&attributions[which]) && unattributed && gap.contains('\n') && gap.trim().is_empty() {
            let para = claims[last].paragraph;
            for c in claims[..last].iter_mut().rev().take_while(|c| c.paragraph == para && c.speaker.is_none() && c.side == Side::Other) {
                announced_after(c, &speaker, side);
            }
        }
        let ante = &mut claims[last];
        let just_before = self.text[ante.sentence.end as usize..sentence.start as usize].trim().is_empty();
        if just_before && ante.speaker.is_none() && ante.side == Side::Other {
            announced_after(ante, &speaker, side);
        }
        let rules = vec![
            attributions[which].rule.to_string(),
            speaker.rule.clone(),
            "confirmation:anaphor".to_string(),
            format!("confirmation:refers-to:{}", ante.trigger),
        ];
        let (cue, place_rule) = (attributions[which].cue_text.clone(), "place:confirmed-claim");
        Some(echo(ante, Echo { sentence, paragraph, speaker, side, cue, modality: Modality::Asserted, place_rule, rules }))
    }

    /// A note that something could not be verified marks the claims of its own sentence and of
    /// the three sentences before it (in its paragraph or the one before) as unverified.
    fn apply_verification(&self, sentence: Span, paragraph: u32, si: usize, segments: &Segments, claims: &mut [RawClaim]) {
        let note = self.verifications.iter().any(|v| sentence.contains(*v) && self.in_quote(*v).is_none());
        if !note {
            return;
        }
        let earliest = segments.sentences[si.saturating_sub(3)].span.start;
        for c in claims.iter_mut().rev() {
            if c.sentence.start < earliest || c.paragraph + 1 < paragraph {
                break;
            }
            c.verification = Some(sentence);
            if c.modality == Modality::Asserted {
                c.modality = Modality::Unverified;
            }
            c.rules.push("verification:note".into());
        }
    }
}

/// Gives an unattributed claim the speaker of a report that points back at it ("Russian
/// troops left the bank. This was announced by the commander ...").
fn announced_after(c: &mut RawClaim, speaker: &RawSpeaker, side: Side) {
    c.speaker = Some(speaker.clone());
    c.side = side;
    c.rules.insert(0, "speaker:announced-after".into());
    c.rules.retain(|r| r != "side:outlet-voice");
}

/// Replaces a claim's outlet-voice rule by the rule that gave it a side.
fn relabel_outlet_voice(c: &mut RawClaim, rule: &str) {
    for r in c.rules.iter_mut().filter(|r| r.starts_with("side:outlet-voice")) {
        *r = rule.to_string();
    }
}

/// What a sentence that points back at a claim says of it, and who says it.
struct Echo {
    sentence: Span,
    paragraph: u32,
    speaker: RawSpeaker,
    side: Side,
    cue: String,
    modality: Modality,
    place_rule: &'static str,
    rules: Vec<String>,
}

/// A claim of the sentence `e` that repeats (confirms or denies) the claim `ante`.
fn echo(ante: &RawClaim, e: Echo) -> RawClaim {
    RawClaim {
        span: e.sentence,
        sentence: e.sentence,
        paragraph: e.paragraph,
        speaker: Some(e.speaker),
        side: e.side,
        modality: e.modality,
        hedged: false,
        cue: Some(e.cue),
        kind: ante.kind,
        stance: ante.stance,
        actor: ante.actor,
        target: ante.target,
        trigger: ante.trigger.clone(),
        trigger_span: ante.trigger_span,
        actor_rule: ante.actor_rule,
        negated: ante.negated && e.modality != Modality::Denied,
        framing: ante.framing,
        place: ante.place.clone().map(|(i, _)| (i, e.place_rule.to_string())),
        verification: None,
        rules: e.rules,
    }
}

/// A quotation is one statement only while it tells one account: when two of its sentences
/// give one side's claims about different events ("Neither line has been broken. The village
/// has not been taken."), each claim keeps its own sentence.
fn quotation_by_sentence(claims: &mut [RawClaim]) {
    let whole = |c: &RawClaim| c.rules.iter().any(|r| r == "span:whole-quotation");
    let apart: Vec<usize> = (0..claims.len())
        .filter(|&i| {
            let c = &claims[i];
            let quotation = if whole(c) { Some(c.span) } else { None };
            claims.iter().enumerate().any(|(j, o)| {
                j != i
                    && o.side == c.side
                    && o.sentence != c.sentence
                    && crate::cluster::family(o.kind) != crate::cluster::family(c.kind)
                    && (quotation.is_some_and(|q| q.contains(o.trigger_span)) || (whole(o) && o.span.contains(c.trigger_span)))
            })
        })
        .collect();
    for i in apart {
        let c = &mut claims[i];
        if whole(c) {
            c.span = c.sentence;
            c.rules.retain(|r| r != "span:whole-quotation");
        }
    }
}

/// The index of the first token after a trigger's span (at most `limit`).
fn token_after(toks: &[Token<'_>], ti: usize, trigger: Span, limit: usize) -> usize {
    toks[ti..limit].iter().position(|t| t.span.start >= trigger.end).map_or(limit, |k| ti + k)
}

/// Whether `text` (lower case) holds `phrase` as whole words.
fn has_words(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(at, _)| text::is_whole_word(text, at, at + phrase.len()))
}

fn in_quote_token(doc: &Doc<'_>, toks: &[Token<'_>], i: usize) -> bool {
    doc.in_quote(toks[i].span).is_some()
}

/// The text of a clause range, without a leading boundary word or punctuation.
fn clause_span(doc: &Doc<'_>, toks: &[Token<'_>], s: usize, e: usize) -> Span {
    let mut s = s;
    while s < e && (!toks[s].is_word() || doc.grammar_is(toks[s].text, WordClass::Boundary)) && !toks[s].is(&['"', '\u{201c}']) {
        s += 1;
    }
    let mut e = e;
    while e > s + 1 && toks[e - 1].is(&[',', ';', ':']) {
        e -= 1;
    }
    Span { start: toks[s.min(e - 1)].span.start, end: toks[e - 1].span.end }
}

/// Counts claims per kind, for summaries.
pub fn kinds(claims: &[RawClaim]) -> HashMap<Kind, usize> {
    let mut out = HashMap::new();
    for c in claims {
        *out.entry(c.kind).or_default() += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::model::{Article, ArticleId, Claim, Kind, Modality, Side, Stance};

    fn claims(outlet: &str, text: &str) -> Vec<Claim> {
        claims_titled(outlet, None, text)
    }

    fn claims_titled(outlet: &str, title: Option<&str>, text: &str) -> Vec<Claim> {
        let article = Article {
            id: ArticleId("t".into()),
            outlet: outlet.into(),
            published: Some("2024-03-05".into()),
            title: title.map(str::to_string),
            url: None,
            text: text.into(),
            content_hash: String::new(),
        };
        crate::pipeline::analyze(&article, crate::pipeline::Rules::builtin())
    }

    #[test]
    fn praise_after_a_cue_is_the_speakers_word() {
        let got = claims("Reuters", "\u{201c}Thank you for your work,\u{201d} Putin said, praising the troops who had captured Marinka.");
        let c = got.iter().find(|c| c.action.kind == Kind::Control).expect("the capture");
        assert_eq!(c.side, Side::Moscow, "{:?}", c.rules);
    }

    #[test]
    fn clauses_about_different_events_stay_apart_and_one_account_is_one_claim() {
        let got = claims("Reuters", "Prigozhin said Ukrainian troops had retaken several positions near Marinka and that his fighters inside Marinka risked being cut off.");
        let kinds: Vec<Kind> = got.iter().map(|c| c.action.kind).collect();
        assert!(kinds.contains(&Kind::Advance) && kinds.contains(&Kind::Encirclement), "{kinds:?}");
        let got = claims("Reuters", "Russia's defence ministry said its forces had captured Marinka and that they had advanced beyond Marinka.");
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn a_village_with_no_name_is_the_headlines_town() {
        // The text names five places once each, so only the headline tells which one the
        // article is about.
        let text = "Ukraine's defence ministry said on Monday its troops had recaptured a village on the southern front.\n\n\
                    Units that liberated Robotyne are now moving towards Novoprokopivka, Tokmak and Melitopol, \
                    and fighting continues near Bakhmut, the ministry said.";
        let got = claims_titled("UPI", Some("Ukraine says its forces retook Robotyne"), text);
        let c = got.iter().find(|c| c.text.contains("a village")).expect("the recapture");
        assert_eq!(place(c), "Robotyne", "{:?}", c.rules);
        let got = claims("UPI", text);
        let c = got.iter().find(|c| c.text.contains("a village"));
        assert!(c.is_none_or(|c| place(c) != "Robotyne"), "without a headline nothing says which village");
    }

    fn place(c: &Claim) -> &str {
        c.place.as_ref().map_or("", |p| p.name.as_str())
    }

    #[test]
    fn a_village_the_gazetteer_lacks_is_a_place_when_the_text_says_so() {
        let got = claims("Reuters", "A Ukrainian commander said Russian troops had left positions near the village of Lypnivka, north of Bakhmut.");
        let w = got.iter().find(|c| c.action.kind == Kind::Withdrawal).expect("a withdrawal");
        assert_eq!(place(w), "Lypnivka", "{:?}", w.rules);
        let p = w.place.as_ref().expect("a place");
        assert_eq!((p.id, p.resolved_by.as_str()), (None, "unlisted"));
        // A feature named after it, in the Russian spelling, is the same village.
        let got = claims("TASS", "Russia's defence ministry said its units had moved to more advantageous positions near the Lipnovka reservoir.");
        assert_eq!(crate::gazetteer::unlisted_key(place(&got[0])), crate::gazetteer::unlisted_key("Lypnivka"));
        // A list closed by "and" names every village; without it the comma ends the name.
        let names = |text: &str| {
            let mut found = crate::gazetteer::Gazetteer::builtin().find_mentions(text);
            super::unlisted_places(text, &mut found, crate::lexicon::Lexicons::builtin(), crate::gazetteer::Gazetteer::builtin());
            found.into_iter().map(|m| m.surface).collect::<Vec<_>>()
        };
        assert_eq!(names("Russian sources claimed their troops had cleared the villages of Sosnivtsi, Tykhopillia and Ozernivka."), ["Sosnivtsi", "Tykhopillia", "Ozernivka"]);
        assert_eq!(names("Russian forces captured the village of Tykhopillia, Russia's defence ministry said."), ["Tykhopillia"]);
        // Known places stay the gazetteer's; a capitalised word with no such noun is no place.
        assert_eq!(names("the town of Bakhmut and the village of Sosnivtsi"), ["Bakhmut", "Sosnivtsi"]);
        assert!(names("Lypnivka's commander said the claims were false.").is_empty());
        assert!(names("Troops are clearing the settlement of Ukrainian mines.").is_empty());
        // Adjectives, people, bodies and countries are no villages; a date ends a name.
        assert_eq!(names("Troops advanced in the direction of Russian-held Tokmak."), ["Tokmak"]);
        assert!(names("The strike was carried out at the direction of President Putin.").is_empty());
        assert!(names("Russian troops shelled the towns of Ukraine's east.").is_empty());
        assert!(names("\"They left,\" said Ivan Petrenko, a village elder.").is_empty());
        assert_eq!(names("Russian troops took the village of Lypnivka Monday."), ["Lypnivka"]);
        assert_eq!(names("Near Lypnivka, a village north of Bakhmut, fighting went on."), ["Lypnivka", "Bakhmut"]);
        // Said twice over, a village is one mention; in its Russian spelling a listed village
        // is the listed one.
        assert_eq!(names("the village of Lypnivka, a small village north of Bakhmut"), ["Lypnivka", "Bakhmut"]);
        let found = {
            let text = "Russian forces captured the village of Khrestovka.";
            let mut found = crate::gazetteer::Gazetteer::builtin().find_mentions(text);
            super::unlisted_places(text, &mut found, crate::lexicon::Lexicons::builtin(), crate::gazetteer::Gazetteer::builtin());
            found
        };
        assert_eq!(found.len(), 1);
        assert_eq!(crate::gazetteer::Gazetteer::builtin().place(found[0].candidates[0]).map(|p| p.name.as_str()), Some("Khrestivka"));
        assert_eq!(names("the village of Lypnivka's last residents"), ["Lypnivka"]);
        // A name in apposition to a settlement noun; once a village, always that village.
        assert_eq!(
            names("Russia said it had seized Lypnivka, a small village east of Bakhmut. Kyiv said Lypnivka was still contested."),
            ["Lypnivka", "Bakhmut", "Kyiv", "Lypnivka"]
        );
        assert!(names("Sosnivtsi, a spokesman said, was not the village in question.").is_empty());
    }

    #[test]
    fn a_new_subject_with_its_own_reporting_verb_after_a_comma_is_a_clause_of_its_own() {
        let text = "Russian forces advanced near Bakhmut, and the Ukrainian military acknowledged a withdrawal from Soledar.";
        let got = claims("ISW", text);
        let w = got.iter().find(|c| c.action.kind == Kind::Withdrawal).expect("the withdrawal");
        let a = got.iter().find(|c| c.action.kind == Kind::Advance).expect("the advance");
        assert_eq!((w.side, place(w)), (Side::Kyiv, "Soledar"));
        assert!(!a.text.contains("withdrawal") && !w.text.contains("advanced"), "{:?} / {:?}", a.text, w.text);
    }

    #[test]
    fn a_form_of_take_right_before_a_place_is_a_capture() {
        let got = claims("Reuters", "The governor said the claims about taking Bakhmut were false.");
        let c = got.iter().find(|c| c.action.kind == Kind::Control).expect("a control claim");
        assert_eq!(place(c), "Bakhmut");
        assert_eq!(c.modality, Modality::Denied);
        let none = claims("Reuters", "Officials in Bakhmut said the talks took place on Monday.");
        assert!(none.iter().all(|c| c.action.kind != Kind::Control), "{none:?}");
    }

    #[test]
    fn a_settlement_beats_the_region_or_river_named_with_it() {
        let got = claims("Reuters", "Russia's defence ministry said its forces had captured Donetsk Oblast's town of Marinka.");
        assert_eq!(place(&got[0]), "Marinka");
        let got = claims("Reuters", "Ukraine's military said its marines had crossed the Dnieper and advanced near Krynky.");
        assert_eq!(place(&got[0]), "Krynky");
    }

    #[test]
    fn the_town_is_the_town_the_article_is_about() {
        let text = "Russia's defence ministry said its forces had captured Marinka. \
                    Marinka had about 10,000 inhabitants, and Kurakhove lies to the west.\n\n\
                    Ukrainian troops fled the town, the ministry said.";
        let got = claims("Reuters", text);
        let w = got.iter().find(|c| c.action.kind == Kind::Withdrawal).expect("a withdrawal");
        assert_eq!(place(w), "Marinka");
    }

    #[test]
    fn towns_named_together_give_the_town_that_dominates_the_story() {
        // Soledar is named three times, six other places once each: less than half of all the
        // mentions, but no other place comes close. Named with Bakhmut, the larger town, it is
        // still the place of the claim.
        let text = "Russia's defence ministry said its forces had captured Soledar. \
                    Soledar had about 10,000 inhabitants before the war; fighting goes on near Siversk, \
                    Lyman, Kupiansk, Marinka and Avdiivka. Soledar lies in Donetsk region.\n\n\
                    Ukrainian troops repelled attacks near Soledar and Bakhmut, a Ukrainian spokesman said.";
        let got = claims("Reuters", text);
        let r = got.iter().find(|c| c.action.trigger == "repelled").expect("repelled attacks");
        assert_eq!(place(r), "Soledar", "{:?}", r.rules);
    }

    #[test]
    fn troops_heading_for_several_towns_head_for_the_nearest_first() {
        // Kostiantynivka is the larger town, Chasiv Yar the nearer to Bakhmut.
        let text = "Ukraine's military said its troops had pulled out of Bakhmut. Bakhmut had been under attack for months.\n\n\
                    \"The enemy is advancing in the direction of Kostiantynivka and Chasiv Yar,\" a spokesman said.";
        let got = claims("Reuters", text);
        let a = got.iter().find(|c| c.action.kind == Kind::Advance).expect("an advance");
        assert_eq!(place(a), "Chasiv Yar", "{:?}", a.rules);
        let text = "The enemy is shelling Kostiantynivka and Chasiv Yar, a Ukrainian spokesman said.";
        let got = claims("Reuters", text);
        assert_eq!(place(&got[0]), "Kostiantynivka", "named together with no heading: the larger town");
    }

    #[test]
    fn a_manner_frames_the_withdrawal_of_its_clause() {
        let got = claims("Reuters", "A Ukrainian brigade spokesman said the unit withdrew from Marinka in good order.");
        let w = got.iter().find(|c| c.action.kind == Kind::Withdrawal).expect("a withdrawal");
        assert!(w.rules.iter().any(|r| r == "framing:orderly"), "{:?}", w.rules);
        let alone = claims("Reuters", "The Ukrainian general staff said the operation near Marinka was going according to plan.");
        assert!(alone.iter().all(|c| c.action.kind != Kind::Withdrawal), "{alone:?}");
    }

    #[test]
    fn a_label_denies_only_its_own_clause() {
        let text = "Denis Pushilin wrote that the Ukrainian claim was a lie and that Russian units remain in control of Marinka.";
        let got = claims("Reuters", text);
        let c = got.iter().find(|c| c.action.kind == Kind::Control).expect("a control claim");
        assert_eq!(c.side, Side::Moscow);
        assert_eq!(c.modality, Modality::Asserted);
        assert_eq!(c.action.stance, Stance::Resisted);
        assert_eq!(c.action.actor, Some(Side::Moscow));
    }

    #[test]
    fn an_appositive_name_before_said_is_the_speaker_of_what_follows() {
        let text = "Ukraine's army chief, General Oleksandr Syrskyi, said on Monday Ukrainian troops had advanced near Marinka.";
        let got = claims("Reuters", text);
        assert_eq!(got[0].side, Side::Kyiv, "{:?}", got[0].rules);
        let text = "Russian troops have captured Marinka after weeks of fighting, Russia's defence ministry said.";
        assert_eq!(claims("Reuters", text)[0].side, Side::Moscow);
    }

    #[test]
    fn a_quotation_resumed_after_the_cue_is_the_same_speakers() {
        let text = "Sergei Shoigu said the offensive went well.\n\n\"They pretend to have won\" in Marinka, Volodymyr Zelensky said on Monday, \"but our troops are holding out.\"";
        let got = claims("Reuters", text);
        let c = got.iter().find(|c| c.action.trigger == "holding out").expect("the holding out");
        assert_eq!(c.side, Side::Kyiv);
    }

    #[test]
    fn a_report_inside_a_report_has_its_own_speaker() {
        let text = "The ISW said Wagner forces claimed to have captured territory near Marinka.";
        let got = claims("Reuters", text);
        assert_eq!(got[0].side, Side::Moscow, "{:?}", got[0].rules);
    }

    #[test]
    fn a_town_left_in_ruins_is_no_withdrawal() {
        let got = claims("Reuters", "Russia's defence ministry said the fighting left the town strewn with bodies in Marinka.");
        assert!(got.iter().all(|c| c.action.kind != Kind::Withdrawal), "{got:?}");
    }

    #[test]
    fn troops_that_remain_in_a_place_hold_it() {
        let got = claims("Reuters", "\"Our soldiers remain in Marinka,\" the Ukrainian general staff said.");
        let c = got.iter().find(|c| c.action.kind == Kind::Control).expect("a control claim");
        assert_eq!((c.action.stance, c.side), (Stance::Resisted, Side::Kyiv));
        let got = claims("Reuters", "Ukraine's general staff said the Marinka area remains the focus of Russian attacks by troops.");
        assert!(got.iter().all(|c| c.action.trigger != "remains"), "{got:?}");
    }

    #[test]
    fn a_denial_clause_denies_the_weightiest_earlier_claim() {
        let text = "Sergei Shoigu said Russian troops had captured Marinka and that Ukraine had lost 900 soldiers there.\n\n\
                    Ukraine's general staff denied the claim and said its troops were holding out in Marinka.";
        let got = claims("Reuters", text);
        let d = got.iter().find(|c| c.modality == Modality::Denied).expect("a denial");
        assert_eq!((d.side, d.action.kind), (Side::Kyiv, Kind::Control));
        assert!(got.iter().any(|c| c.side == Side::Kyiv && c.action.stance == Stance::Resisted));
    }

    #[test]
    fn a_label_with_nothing_to_point_at_denies_nothing() {
        let text = "Sergei Shoigu said Russian troops had captured Marinka.\n\n\
                    A Ukrainian blogger who has spread false information before wrote about the town.";
        assert!(claims("Reuters", text).iter().all(|c| c.modality != Modality::Denied));
    }

    #[test]
    fn a_region_named_alone_gives_way_to_the_article_town_inside_it() {
        let text = "Russia's defence ministry said its forces had captured Marinka.\n\n\
                    Marinka lay in ruins.\n\n\
                    Ukraine's general staff said its troops had pulled back in Donetsk Oblast.";
        let got = claims("Reuters", text);
        let w = got.iter().find(|c| c.action.kind == Kind::Withdrawal).expect("a withdrawal");
        assert_eq!(place(w), "Marinka");
    }

    #[test]
    fn an_order_from_a_side_is_its_claim_and_no_mere_intention() {
        let got = claims("Reuters", "Russian Defence Minister Sergei Shoigu ordered his troops to withdraw from Marinka.");
        let w = got.iter().find(|c| c.action.kind == Kind::Withdrawal).expect("a withdrawal");
        assert_eq!((w.side, w.action.stance), (Side::Moscow, Stance::Achieved));
    }

    #[test]
    fn speakers_behind_relative_clauses_and_statements_by() {
        let text = "Ukraine's Khortytsia group, which commands troops in the east, said its units had withdrawn from Marinka.";
        assert_eq!(claims("Reuters", text)[0].side, Side::Kyiv);
        let text = "Ukrainian forces have withdrawn from Marinka, according to a statement by the Khortytsia group.";
        assert_eq!(claims("Reuters", text)[0].side, Side::Kyiv);
    }

    #[test]
    fn a_place_not_taken_is_held_against_the_attacker_named_before() {
        let text = "\"The enemy has entered Marinka, but the town has not been taken,\" Denis Pushilin said.";
        let got = claims("Reuters", text);
        let c = got.iter().find(|c| c.action.kind == Kind::Control).expect("a control claim");
        assert_eq!(c.action.actor, Some(Side::Moscow));
    }

    #[test]
    fn an_opening_adverbial_is_no_report_closed_by_the_cue() {
        let got = claims("Reuters", "After a siege of many months, Yevgeny Prigozhin claimed complete control of Marinka on Sunday.");
        assert_eq!(got[0].side, Side::Moscow, "{:?}", got[0].rules);
    }

    #[test]
    fn a_pronoun_after_a_quotation_resolves_to_the_speaker_named_before() {
        let text = "Hanna Maliar said on Monday the week had been hard.\n\n\"Our fighters are holding out in Marinka.\" She added that supplies were short.";
        let got = claims("Reuters", text);
        let c = got.iter().find(|c| c.action.trigger == "holding out").expect("the holding out");
        assert_eq!(c.side, Side::Kyiv, "{:?}", c.rules);
    }

    #[test]
    fn a_capture_said_not_to_have_happened_is_the_opponents() {
        let got = claims("Reuters", "\"They still have not taken Marinka,\" Denis Pushilin said.");
        let c = got.iter().find(|c| c.action.kind == Kind::Control).expect("a control claim");
        assert!(c.action.negated);
        assert_eq!(c.action.actor, Some(Side::Kyiv));
    }

    #[test]
    fn a_label_in_the_quotation_denies_what_follows_it() {
        let got = claims("Reuters", "\"It would be a stretch to talk about capturing Marinka,\" Denis Pushilin said.");
        let c = got.iter().find(|c| c.action.kind == Kind::Control).expect("a control claim");
        assert_eq!(c.modality, Modality::Denied);
    }

    #[test]
    fn a_possessive_force_is_not_the_actor() {
        let text = "Denis Pushilin denied that Ukrainian troops had broken the Russian forces' lines, or taken Marinka.";
        let got = claims("Reuters", text);
        let c = got.iter().find(|c| c.action.kind == Kind::Control).expect("a control claim");
        assert_eq!(c.action.actor, Some(Side::Kyiv), "{:?}", c.rules);
    }

    #[test]
    fn a_speaker_in_its_own_clause_is_the_actor_of_a_gerund() {
        let text = "The Ukrainian garrison pulled back from Marinka on Friday as Russia claimed a victory by taking control of the whole Donetsk region.";
        let got = claims("Reuters", text);
        let c = got.iter().find(|c| c.side == Side::Moscow).expect("Russia's claim");
        assert_eq!(c.action.actor, Some(Side::Moscow), "{:?}", c.rules);
    }

    #[test]
    fn a_place_before_a_holding_out_is_what_holds() {
        let text = "\"As long as Russian soldiers keep dying there, Marinka is still holding,\" the Ukrainian governor said.";
        let got = claims("Reuters", text);
        let c = got.iter().find(|c| c.action.stance == Stance::Resisted).expect("a holding out");
        assert_eq!((c.side, c.action.actor), (Side::Kyiv, Some(Side::Kyiv)), "{:?}", c.rules);
    }

    #[test]
    fn a_capture_of_part_of_a_place_is_marked_partial() {
        let partial = |text: &str| {
            let got = claims("Reuters", text);
            let c = got.iter().find(|c| c.action.kind == Kind::Control).unwrap_or_else(|| panic!("no capture in {text}"));
            c.rules.iter().any(|r| r == "control:partial")
        };
        assert!(partial("Russia's defence ministry said its troops had taken control of about 80% of Marinka."));
        assert!(partial("Russia's defence ministry said its troops control most of the city of Marinka."));
        assert!(partial("A separatist leader said a third of Marinka was already under Russian control."));
        assert!(!partial("Russia's defence ministry said its troops had taken control of Marinka."));
        // A part named after a preposition, or of people, is not what was taken.
        assert!(!partial("A Russian blogger said Wagner forces broke through in the eastern part of Marinka and established full control of the brick works."));
        assert!(!partial("The ministry said half of the Ukrainian soldiers fled before Russian troops took Marinka."));
    }

    #[test]
    fn an_operation_named_after_losses_is_when_they_fell() {
        let text = "A Ukrainian spokesman dismissed the Russian figure, saying Kyiv's losses in the withdrawal from Marinka were about 100 killed.";
        let got = claims("Reuters", text);
        assert!(got.iter().any(|c| c.action.kind == Kind::Casualties), "{got:?}");
        assert!(got.iter().all(|c| c.action.kind != Kind::Withdrawal), "{got:?}");
        let got = claims("Reuters", "The governor said the losses were heavy and the troops withdrew from Marinka.");
        assert!(got.iter().any(|c| c.action.kind == Kind::Withdrawal), "{got:?}");
    }

    #[test]
    fn a_participle_describing_soldiers_is_not_the_claim() {
        let kinds = |text: &str| claims("Reuters", text).iter().map(|c| c.action.kind).collect::<Vec<_>>();
        assert_eq!(kinds("Russia's defence ministry said 900 Ukrainian servicemen trapped in Marinka had surrendered."), [Kind::Surrender]);
        // A finite verb with its object, or one joined by "and", is a claim.
        assert_eq!(kinds("Russia's defence ministry said Russian troops encircled Marinka and shelled it."), [Kind::Encirclement]);
        assert_eq!(kinds("Ukraine's general staff said its troops withdrew from Marinka and regrouped."), [Kind::Withdrawal]);
    }

    #[test]
    fn a_reason_cited_is_no_source() {
        let speaker = |text: &str| claims("Reuters", text).first().and_then(|c| c.speaker.as_ref().map(|s| s.text.clone()));
        assert_eq!(speaker("Ukraine's army withdrew from Marinka last month, citing the scale of its losses."), None);
        assert_eq!(speaker("Ukraine's army withdrew from Marinka last month, according to the ministry.").as_deref(), Some("the ministry"));
        assert_eq!(speaker("Ukraine's army withdrew from Marinka last month, citing its spokesman.").as_deref(), Some("its spokesman"));
    }

    #[test]
    fn a_place_compared_with_is_not_where_the_claim_happened() {
        let text = "Civilians were sheltering under a chemical plant in Sievierodonetsk, the governor said, adding that the plant was not likely to face a long siege similar to that of the steel works in Mariupol.";
        let got = claims("Reuters", text);
        assert!(!got.is_empty() && got.iter().all(|c| place(c) != "Mariupol"), "{got:?}");
        // Without the comparison the named city is the place.
        let got = claims("Reuters", "Russian forces shelled the steel works in Mariupol, the governor said.");
        assert!(got.iter().any(|c| place(c) == "Mariupol"), "{got:?}");
    }

    #[test]
    fn a_governors_region_is_not_the_town_the_city_points_at() {
        let text = "Fighting raged in Sievierodonetsk on Tuesday. \"Russian troops control most of the city,\" the Luhansk regional governor said.";
        let got = claims_titled("Reuters", Some("Luhansk governor says Russia holds most of Sievierodonetsk"), text);
        let control = got.iter().find(|c| c.action.kind == Kind::Control).expect("a control claim");
        assert_eq!(place(control), "Sievierodonetsk", "{got:?}");
    }

    #[test]
    fn an_opening_participle_has_the_main_speaker() {
        let text = "Confirming the latest Russian gains in Sievierodonetsk, the regional governor, Serhiy Haidai, said that Russia controlled 70% of the city.";
        let got = claims("Reuters", text);
        assert!(got.iter().all(|c| c.speaker.as_ref().is_none_or(|s| !s.text.starts_with("Confirming"))), "{got:?}");
        let control = got.iter().find(|c| c.action.kind == Kind::Control).expect("a control claim");
        assert_eq!(control.side, Side::Kyiv, "{got:?}");
        // "Russia" right before the verb opens the clause after "that": it is the actor.
        assert_eq!(control.action.actor, Some(Side::Moscow), "{got:?}");
    }

    #[test]
    fn a_finite_clause_after_after_is_another_event() {
        let text = "According to Russia's Interfax news agency, Russian troops entered Lysychansk on Saturday after Ukrainian forces were ordered to withdraw from Sievierodonetsk.";
        let got = claims("Reuters", text);
        let entered = got.iter().find(|c| c.action.trigger == "entered").expect("the entry is a claim");
        assert_eq!(place(entered), "Lysychansk", "{got:?}");
        let withdrawal = got.iter().find(|c| c.action.kind == Kind::Withdrawal).expect("the withdrawal is a claim");
        assert_eq!(place(withdrawal), "Sievierodonetsk", "{got:?}");
        // A passive withdrawal keeps its subject: the Ukrainian forces withdrew.
        assert_eq!(withdrawal.action.actor, Some(Side::Kyiv), "{got:?}");
        // A noun phrase or a gerund after "after" stays in the clause.
        let got = claims("Reuters", "Russia said it controls the region after the capture of Lysychansk.");
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn a_name_called_a_village_is_no_city() {
        let text = "The governor said the villages of Synetskyi and Pavlograd were shelled overnight.";
        let got = claims("Reuters", text);
        assert!(!got.is_empty() && got.iter().all(|c| place(c) != "Pavlohrad"), "{got:?}");
        let got = claims("Reuters", "The governor said the city of Pavlograd was shelled overnight.");
        assert!(got.iter().any(|c| place(c) == "Pavlohrad"), "{got:?}");
    }

    #[test]
    fn what_fell_is_a_town_only_when_its_clause_names_one() {
        let text = "Russian troops are pressing on Lysychansk. \"Despite having fallen, the rider helped the child,\" police said.";
        let got = claims("Reuters", text);
        assert!(got.iter().all(|c| c.action.trigger != "fallen"), "{got:?}");
        let got = claims("Reuters", "Russian troops are pressing on the region. Lysychansk has fallen, the governor said.");
        assert!(got.iter().any(|c| c.action.kind == Kind::Control && place(c) == "Lysychansk"), "{got:?}");
    }

    #[test]
    fn a_verb_after_to_makes_the_trigger_after_it_an_aim() {
        let text = "A separatist official told Tass it would take another week and a half to secure full control of Lysychansk.";
        let got = claims("Reuters", text);
        let control = got.iter().find(|c| c.action.kind == Kind::Control).expect("a control claim");
        assert_eq!(control.action.stance, Stance::Ongoing, "{got:?}");
        // "In order to" is a purpose, no order: the encirclement is averted, not announced.
        let text = "In order to avoid encirclement, the units withdrew from Avdiivka, the commander said.";
        let got = claims("Reuters", text);
        assert!(got.iter().any(|c| c.action.kind == Kind::Withdrawal), "{got:?}");
        assert!(got.iter().all(|c| c.action.kind != Kind::Encirclement), "{got:?}");
    }

    #[test]
    fn speakers_set_off_by_dashes_conjunctions_and_descriptions() {
        let text = "Andriy Zagorodnyuk - Ukraine's former defence minister - says Russian claims that Ukrainian servicemen were killed on Snake Island are untrue.";
        let got = claims("Guardian", text);
        assert!(got.iter().any(|c| c.side == Side::Kyiv && c.modality == Modality::Denied), "{got:?}");
        // A feature fought over in its own right keeps its name in an article about a town.
        assert!(got.iter().all(|c| place(c) == "Snake Island"), "{got:?}");
        let got = claims("Guardian", "But Russia's defence ministry said on Sunday the strikes had destroyed a naval vessel in Odesa.");
        assert_eq!(got[0].speaker.as_ref().map(|s| s.text.as_str()), Some("Russia's defence ministry"), "{got:?}");
        let text = "The governor of the eastern Donetsk region, one of two that make up the Donbas and are a key focus of Russia's offensive, said two civilians had been killed in Kramatorsk.";
        let got = claims("Guardian", text);
        assert!(got.iter().all(|c| c.side != Side::Moscow), "{got:?}");
    }

    #[test]
    fn a_capital_that_sends_word_is_its_government() {
        let text = "Turkey said after the missile hits on the port of Odesa that it had received assurances from Moscow that Russian forces were not responsible.";
        let got = claims("Guardian", text);
        assert!(!got.is_empty() && got.iter().all(|c| place(c) != "Moscow"), "{got:?}");
        let got = claims("Guardian", "Drones struck a building in Moscow overnight, the mayor said.");
        assert!(got.iter().any(|c| place(c) == "Moscow"), "{got:?}");
    }

    #[test]
    fn habitual_denials_aims_and_blockades_of_no_place() {
        let got = claims("Guardian", "Zelenskiy said at least 50 people died in Kremenchuk. Russia has repeatedly denied it is targeting civilians in Ukraine.");
        let denial = got.iter().find(|c| c.modality == Modality::Denied).expect("the denial is a claim");
        assert!(denial.rules.iter().any(|r| r == "denial:habitual"), "{got:?}");
        let got = claims("Guardian", "Zelenskiy said at least 50 people died in Kremenchuk. Russia denied it.");
        assert!(got.iter().all(|c| !c.rules.iter().any(|r| r == "denial:habitual")), "{got:?}");
        // "must end with its liberation" is an aim.
        let got = claims("ISW", "Zelensky said the war began with Crimea and must end with Crimea - with its liberation.");
        assert!(got.iter().all(|c| c.action.stance != Stance::Achieved), "{got:?}");
        // A naval blockade of ports names no place fought over.
        let got = claims("Guardian", "Russia has blamed the blockade on Ukrainian mines.");
        assert!(got.iter().all(|c| c.action.kind != Kind::Encirclement), "{got:?}");
    }

    #[test]
    fn villages_taken_back_are_retaken() {
        let got = claims("NYT", "Ukraine's southern military command said today that its forces took back two villages in the north of the Kherson region, Andriivka and Lozove.");
        // Villages counted ("two villages") make an advance, by the rule for counted places.
        let taken = got.iter().find(|c| c.action.trigger == "took back").expect("a capture");
        assert_eq!((taken.side, taken.action.actor), (Side::Kyiv, Some(Side::Kyiv)), "{got:?}");
        let got = claims("NYT", "Ukrainian forces took back Andriivka, the southern command said.");
        assert!(got.iter().any(|c| c.action.kind == Kind::Control && c.action.actor == Some(Side::Kyiv)), "{got:?}");
    }

    #[test]
    fn denouncing_and_referring_are_reports() {
        let got = claims("Guardian", "The Ukrainian military again referred to Russian operations paving the way for an assault on Bakhmut.");
        assert!(got.iter().any(|c| c.side == Side::Kyiv), "{got:?}");
        let got = claims("Guardian", "Zelenskiy denounced the strike as a war crime, accusing Russia of carrying out the attack.");
        assert!(got.iter().any(|c| c.side == Side::Kyiv && c.action.kind == Kind::WarCrimes), "{got:?}");
    }

    #[test]
    fn what_a_strike_hit_is_marked_by_its_class() {
        let target = |text: &str| -> Vec<String> {
            claims("Guardian", text).iter().filter(|c| c.action.kind == Kind::Strike).flat_map(|c| c.rules.iter().filter(|r| r.starts_with("target:")).cloned()).collect()
        };
        assert_eq!(target("Missiles launched from the sea destroyed a docked Ukrainian warship in Odesa, Moscow claimed."), ["target:military"]);
        assert_eq!(target("Kyiv said two missiles hit an area around a pumping station in Odesa."), ["target:civilian"]);
        // The attacker before the trigger is no target.
        assert!(target("Russian troops shelled Kharkiv overnight, the governor said.").is_empty());
    }

    #[test]
    fn the_reviews_cases_of_version_28_keep_to_their_rules() {
        // An adjective after "to" before a strike is no aim.
        let got = claims("Reuters", "Kharkiv was subjected to heavy shelling overnight, the governor said.");
        assert!(got.iter().any(|c| c.action.kind == Kind::Strike && c.action.stance == Stance::Achieved), "{got:?}");
        // A passive's agent is the attacker, not the target.
        let got = claims("Reuters", "A hospital in Kharkiv was hit by Russian forces, the governor said.");
        assert!(got.iter().all(|c| !c.rules.iter().any(|r| r == "target:military")), "{got:?}");
        // "It fell" names the place the story is about.
        let got = claims("Reuters", "Soledar has been stormed for weeks. On Friday it fell, Wagner said.");
        assert!(got.iter().any(|c| c.action.trigger == "fell" && place(c) == "Soledar"), "{got:?}");
        // Only the denial with the adverb is habitual.
        let got = claims("Reuters", "Moscow denied it had shelled the market, and it has repeatedly denied targeting civilians.");
        assert!(got.iter().any(|c| c.modality == Modality::Denied && !c.rules.iter().any(|r| r == "denial:habitual")), "{got:?}");
        // A comparison ends at the next action.
        let got = claims("Reuters", "The siege was similar to that of Mariupol and then troops advanced on Lysychansk, the governor said.");
        assert!(got.iter().any(|c| place(c) == "Lysychansk"), "{got:?}");
    }

    #[test]
    fn strikes_told_by_both_sides_and_their_places() {
        // "The government in Moscow" is no place; the region's one town is the strike's.
        let text = "Ukrainian forces said they had blown up a Russian ammunition depot in the Kherson region overnight.\n\nOfficials loyal to the government in Moscow said the strike, in Nova Kakhovka, instead hit a warehouse containing fertilizer, damaging residential buildings and a hospital.";
        let got = claims("NYT", text);
        assert!(got.iter().all(|c| place(c) == "Nova Kakhovka"), "{got:?}");
        // A strike on civilians its speaker names no attacker for is the other side's: one
        // strike, a military target against a civilian one.
        let moscow = got.iter().find(|c| c.side == Side::Moscow).expect("Moscow's account");
        assert_eq!(moscow.action.actor, Some(Side::Kyiv));
        let kyiv = got.iter().find(|c| c.side == Side::Kyiv).expect("Kyiv's account");
        assert_eq!(kyiv.action.actor, Some(Side::Kyiv));
        // An existential "there" points at no place; the article's town is the bridge's.
        let text = "Officials in the occupied Kherson region have closed the bridge. Kirill Stremousov, deputy head of the Russian-imposed administration, said \u{201c}There are hits on the bridge, it has not been destroyed.\u{201d} Life is harder for the residents of Kherson, he said.";
        let got = claims("Guardian", text);
        let hits = got.iter().find(|c| c.action.trigger == "hits").expect("the hits");
        assert_eq!((hits.side, place(hits)), (Side::Moscow, "Kherson"), "{got:?}");
        // The regions of two towns are oblasts, and one is the place.
        let got = claims("NYT", "Dozens of Russian missiles struck targets across the regions of Odesa and Mykolaiv, the military said.");
        assert!(got.iter().any(|c| place(c) == "Odesa Oblast"), "{got:?}");
    }

    #[test]
    fn persons_taken_and_towns_fallen_are_no_prisoners_or_captures_of_ground() {
        let got = claims("Guardian", "The appeals over the death sentences of captured Aiden Aslin and Shaun Pinner will be heard in Donetsk, an official said.");
        assert!(got.iter().all(|c| c.action.kind != Kind::Control), "{got:?}");
        let got = claims("Guardian", "Kherson, which fell to Russian forces in early March, will be retaken by September, an official said.");
        assert!(got.iter().all(|c| c.action.kind != Kind::Surrender), "{got:?}");
        assert!(claims("Reuters", "Russian troops captured Ukrainian marines near Bakhmut.").iter().any(|c| c.action.kind == Kind::Surrender));
        // "Must have" infers what happened; "now control 90% of" takes part of a place.
        let got = claims("Reuters", "The troops must have suffered heavy losses near Bakhmut, the governor said.");
        assert!(got.iter().any(|c| c.action.kind == Kind::Casualties && c.action.stance == Stance::Achieved), "{got:?}");
        let got = claims("Reuters", "Russian forces now control 90% of the Luhansk region, the governor said.");
        assert!(got.iter().any(|c| c.action.kind == Kind::Control && c.rules.iter().any(|r| r == "control:partial")), "{got:?}");
    }

    #[test]
    fn evidence_called_fake_is_denied_and_a_false_flag_is_an_accusation() {
        let got = claims("NYT", "Russia's Defense Ministry has called graphic evidence of atrocities \"fake.\"");
        assert!(got.iter().any(|c| c.side == Side::Moscow && c.modality == Modality::Denied), "{got:?}");
        let got = claims("ISW", "The Ukrainian General Staff said that Russian forces staged the attack as a false flag operation to cover up Russian war crimes.");
        assert!(got.iter().any(|c| c.side == Side::Kyiv && c.modality != Modality::Denied), "{got:?}");
        // A framing word in scare quotes is cited, not used: it speaks for no side.
        let got = claims("ISW", "Russian forces intend to consolidate their control of Mariupol and advance Kremlin rhetoric of \u{201c}liberation\u{201d} there.");
        assert!(got.iter().all(|c| c.side == Side::Other), "{got:?}");
    }

    #[test]
    fn speakers_by_title_then_name_by_their_body_and_by_their_place() {
        // A title first, the name next; ", said X." after a clause; "it" is the side named.
        let text = "Russia is moving troops south, according to Ukraine's deputy head of military intelligence.\n\nIf Russia won, it would try to capture more territory, said Vadym Skibitsky.\n\nAccording to Skibitsky, Russian forces withdrew from Donbas and moved to Kherson.";
        let got = claims("Guardian", text);
        let aim = got.iter().find(|c| c.action.trigger == "capture").expect("the aim");
        assert_eq!((aim.side, aim.action.actor), (Side::Kyiv, Some(Side::Moscow)), "{got:?}");
        assert!(got.iter().any(|c| c.action.trigger == "withdrew" && c.side == Side::Kyiv), "{got:?}");
        // A spokeswoman for the body named before speaks for it.
        let text = "Ukraine's southern military command said its forces took back two villages in the Kherson region. A spokeswoman for the military command said that retaking the villages put Russian positions in range.";
        assert!(claims("NYT", text).iter().all(|c| c.side == Side::Kyiv));
        // An official of a Ukrainian oblast with no side word is Kyiv's; an official of a town
        // may be an occupier's, and is no one's.
        let text = "Serhiy Khlan, an aide to the head of the southern Kherson region, which fell to Russian forces in March, told television that Russian forces had abandoned Soledar.";
        assert!(claims("Guardian", text).iter().any(|c| c.side == Side::Kyiv && c.rules.iter().any(|r| r == "speaker:official-of-place")));
        let got = claims("Guardian", "An official in occupied Melitopol said Ukrainian drones struck a fuel depot.");
        assert!(got.iter().all(|c| c.side == Side::Other), "{got:?}");
        let got = claims("Guardian", "Ukrainian officials appeared to confirm that missiles had struck the island.");
        assert!(got.iter().any(|c| c.side == Side::Kyiv && c.cue.as_deref() == Some("appeared to confirm")), "{got:?}");
        let got = claims("Guardian", "Self-appointed authorities in Kherson said missiles had struck the bridge.");
        assert!(got.iter().any(|c| c.side == Side::Moscow), "{got:?}");
        // The next paragraph's cue is no continuation of a quotation.
        let text = "\u{201c}Missiles destroyed a docked Ukrainian warship in Odesa,\u{201d} Moscow claimed. \u{201c}A Ukrainian army repair plant has also been put out of order.\u{201d}\n\nThe strike, which Ukrainian forces said did not hit the grain storage, drew condemnation.";
        let got = claims("Guardian", text);
        assert!(got.iter().any(|c| c.action.trigger == "put out of order" && c.side == Side::Moscow), "{got:?}");
    }

    #[test]
    fn rejected_offers_demands_and_civilians_in_the_towns_story() {
        // Rejecting a proposal denies no claim made before it.
        let text = "The mayor said 35 airstrikes hit the Azovstal plant in Mariupol. Sergei Lavrov dismissed Ukraine's proposal to hold talks in the city, saying it was a theatrical gesture.";
        assert!(claims("Guardian", text).iter().all(|c| c.modality != Modality::Denied));
        // A demand to lay down arms is no surrender.
        let got = claims("Guardian", "Russia demanded that the defenders of Mariupol immediately lay down arms.");
        assert!(got.iter().all(|c| c.action.stance != Stance::Achieved), "{got:?}");
        // Towns retaken from forces took no prisoners.
        let got = claims("Guardian", "Ukrainian officials said Bucha and other towns were recently retaken from Russian forces.");
        assert!(got.iter().all(|c| c.action.kind != Kind::Surrender), "{got:?}");
        // Civilians killed, with no place, in a story about one town; photos "staged".
        let text = "Bodies were found in Bucha after the Russians left Bucha. Russia denied responsibility for the killing of civilians. Its defence ministry called the photos from Bucha a staged performance.";
        let got = claims_titled("Guardian", Some("Bucha killings shock the world"), text);
        assert!(got.iter().any(|c| c.action.kind == Kind::Civilians && c.modality == Modality::Denied && place(c) == "Bucha"), "{got:?}");
        assert!(got.iter().filter(|c| c.side == Side::Moscow).all(|c| c.modality == Modality::Denied), "{got:?}");
        // A title before the name, and a title with a place but no name before it.
        let text = "Ukraine's ambassador to Australia warned on Monday that Russian forces were regrouping. \u{201c}They will mount another assault on Kyiv,\u{201d} said ambassador Vasyl Myroshnychenko. \u{201c}Children were killed in Bucha,\u{201d} Myroshnychenko said.";
        let got = claims("Guardian", text);
        assert!(got.iter().filter(|c| c.speaker.is_some()).all(|c| c.side == Side::Kyiv), "{got:?}");
    }

    #[test]
    fn titles_before_names_explanations_rejected_and_statements_issued_the_next_day() {
        // A name set off after its title; "the city" is the speaker's town.
        let got = claims("Guardian", "The mayor of Mykolaiv, Oleksandr Syenkevych, said Sunday's shelling of the city had been the heaviest yet.");
        let c = got.iter().find(|c| c.action.kind == Kind::Strike).expect("the shelling");
        assert_eq!((c.side, place(c)), (Side::Kyiv, "Mykolaiv"), "{got:?}");
        // "Rejected Russia's explanation" denies the explanation given before.
        let text = "Russia said it had struck a Ukrainian vessel in the port of Odesa. Ukraine's authorities rejected Russia's explanation.";
        assert!(claims("Guardian", text).iter().any(|c| c.side == Side::Kyiv && c.modality == Modality::Denied));
        // "But the next day it issued a statement saying ...": "it" is the speaker.
        let text = "Russia at first denied it was involved in the attack on Odesa. But the next day it issued a statement saying it had struck a vessel in the port of Odesa.";
        assert!(claims("Guardian", text).iter().any(|c| c.action.trigger == "struck" && c.side == Side::Moscow));
        // A name's part in single quotation marks.
        let got = claims("Guardian", "Ukraine\u{2019}s Operational Command \u{2018}South\u{2019} reported that Russian shelling hit Kherson.");
        assert!(got.iter().any(|c| c.side == Side::Kyiv), "{got:?}");
    }

    #[test]
    fn the_reviews_cases_of_version_29_keep_to_their_rules() {
        let actor = |text: &str| claims("Reuters", text).into_iter().find(|c| c.action.kind == Kind::Strike).and_then(|c| c.action.actor);
        // A strike on civilians whose attacker the clause names keeps it.
        assert_eq!(actor("Russia's defence ministry said its missiles struck a shopping centre in Kremenchuk where weapons were stored."), Some(Side::Moscow));
        assert_eq!(actor("Ukraine's military said Ukrainian rockets hit a hospital in Donetsk used by Russian troops."), Some(Side::Kyiv));
        // "It" after an adjective of a side is the speaker's, not that side's.
        assert_eq!(actor("Ukraine's military said that despite Russian artillery fire it had destroyed an ammunition depot near Izium."), Some(Side::Kyiv));
        // A side's weapons right before the verb are its attack.
        assert_eq!(actor("Russian missiles hit the defence ministry in Kyiv overnight, Ukrainian officials said."), Some(Side::Moscow));
        // A label's word used otherwise denies nothing; calling reports a false flag does.
        let denied = |text: &str| claims("Reuters", text).iter().any(|c| c.modality == Modality::Denied);
        assert!(!denied("The governor said that in a cynical provocation Russian troops shelled a school in Kharkiv."));
        assert!(denied("Russia's defence ministry said reports that its missiles struck the station in Kramatorsk were a false flag."));
        // A denial of a third party's report denies no claim of the other side.
        assert!(!denied("Russian forces captured Soledar, the Russian defence ministry said.\n\nUkraine's foreign ministry rejected a report by Amnesty International accusing its army of endangering civilians."));
        // A participle clause is no title; names of places and units after "captured" are ground.
        let got = claims("Reuters", "Asked about Russia's defence minister, Petro Bondar said Russian troops had shelled Kharkiv.");
        assert!(got.iter().all(|c| c.side != Side::Moscow), "{got:?}");
        assert!(claims("Reuters", "Russian forces captured Antonov Airport in Hostomel, the ministry said.").iter().any(|c| c.action.kind == Kind::Control));
        assert!(claims("Reuters", "Russian troops captured Azov Regiment fighters in Mariupol, the ministry said.").iter().any(|c| c.action.kind == Kind::Surrender));
        // A ministry struck in the capital is a place; a plea made because of a strike is no aim.
        assert!(claims("Reuters", "Russian missiles hit the defence ministry in Kyiv overnight, Ukrainian officials said.").iter().any(|c| place(c) == "Kyiv"));
        let got = claims("Reuters", "The governor urged residents to leave because Russian troops had shelled Lysychansk overnight.");
        assert!(got.iter().any(|c| c.action.kind == Kind::Strike && c.action.stance == Stance::Achieved), "{got:?}");
    }

    #[test]
    fn rules_of_version_30_read_arms_bare_sides_and_officials_places() {
        let strike = |text: &str| claims("Reuters", text).into_iter().find(|c| c.action.kind == Kind::Strike);
        // Arms only one side fields name the attacker the clause leaves unnamed; "used ... to
        // strike" is done, not aimed at; arms destroyed are the target.
        let got = strike("The Russian defence ministry claimed that Kyiv had used HIMARS launchers to strike a barracks in Kadiivka.").expect("a strike");
        assert_eq!((got.action.actor, got.action.stance), (Some(Side::Kyiv), Stance::Achieved));
        assert_eq!(strike("Ukraine's air force said a Kalibr strike hit a warehouse in Lutsk.").and_then(|c| c.action.actor), Some(Side::Moscow));
        assert_eq!(strike("Shoigu said his forces had destroyed four HIMARS launchers.").and_then(|c| c.action.actor), Some(Side::Moscow));
        // A bare plural of a side opening what was said is its subject.
        let got = claims("Reuters", "\u{201c}Russians are attacking the power grid to freeze our cities,\u{201d} Yurii Ihnat told reporters.");
        assert!(got.iter().any(|c| c.action.actor == Some(Side::Moscow)), "{got:?}");
        // Prosecutors and a local administration speak for the side of the place they serve;
        // an official's strikes with no place of their own happen where the official serves.
        let got = claims("Reuters", "Poltava regional prosecutors said three civilians were killed in shelling of the village of Hoholeve.");
        assert!(got.iter().any(|c| c.side == Side::Kyiv), "{got:?}");
        let got = claims("Reuters", "The governor of the Sumy region said Russia fired rockets at two villages overnight.");
        assert!(got.iter().any(|c| c.action.kind == Kind::Strike && c.side == Side::Kyiv && place(c) == "Sumy Oblast"), "{got:?}");
        // A side's possessive before an action noun is its action; before a harm noun, its
        // victim's.
        let got = claims("Reuters", "Zelenskiy said the rocket systems had slowed Russia's advances near Bakhmut.");
        assert!(got.iter().any(|c| c.action.kind == Kind::Advance && c.action.actor == Some(Side::Moscow)), "{got:?}");
        let got = claims("Reuters", "Zelenskiy conceded that Kyiv's forces were suffering up to 100 deaths a day near Bakhmut.");
        assert!(got.iter().any(|c| c.action.kind == Kind::Casualties && c.side == Side::Kyiv), "{got:?}");
        // ", X is reporting" attributes what comes before it.
        let got = claims("Reuters", "Two people were killed by shelling near Nikopol overnight, Ukraine's military is reporting.");
        assert!(got.iter().any(|c| c.side == Side::Kyiv), "{got:?}");
    }

    #[test]
    fn the_review_of_version_30_keeps_arms_means_and_officials_to_their_constructions() {
        let strike = |text: &str| claims("Reuters", text).into_iter().find(|c| c.action.kind == Kind::Strike).expect("a strike");
        // Arms stored, carried or struck are no attacker; a passive's agent and a two-word
        // name are.
        assert_eq!(strike("A warehouse storing Kalibr missiles was destroyed in Sevastopol, Ukraine's navy said.").action.actor, Some(Side::Kyiv));
        assert_eq!(strike("Russia's defence ministry said missiles hit a depot with HIMARS launchers near Kramatorsk.").action.actor, Some(Side::Moscow));
        assert_eq!(strike("HIMARS launchers were destroyed by Iskander missiles near Kramatorsk, the Russian defence ministry said.").action.actor, Some(Side::Moscow));
        assert_eq!(strike("Russia's defence ministry said Storm Shadow missiles hit an airfield in Crimea.").action.actor, Some(Side::Kyiv));
        // A means that can be used is no act done.
        let got = strike("Washington will send ATACMS missiles that can be used to strike targets deep inside occupied Crimea, a Pentagon official said.");
        assert_eq!(got.action.stance, Stance::Ongoing);
        // Another speaker's region is not the claim's place.
        let got = strike("The governor of the Sumy region said the night had passed quietly, while Russia's defence ministry said its missiles destroyed a Ukrainian ammunition depot.");
        assert!(got.place.is_none(), "{:?}", got.place);
        // A third country's prosecutors speak for no side; Crimea's officials for Moscow.
        assert_eq!(strike("Dutch prosecutors said the missile that downed flight MH17 was fired by Russian forces near Snizhne.").side, Side::Other);
        assert_eq!(strike("Crimea's regional government said Ukrainian drones struck a fuel depot near Feodosia.").side, Side::Moscow);
        // Refusing to evacuate is no evacuation.
        let got = claims("Reuters", "Many elderly residents of Pokrovsk have refused to evacuate, the governor said.");
        assert!(got.iter().all(|c| c.action.stance != Stance::Achieved), "{got:?}");
    }

    #[test]
    fn speakers_behind_relative_clauses_and_roles_to_a_person_and_unnamed_holders_have_sides() {
        // A relative clause closing an appositive is no part of the speaker.
        let got = claims("Guardian", "Pavlo Kyrylenko, governor of the Donetsk region that includes Bakhmut, said Ukrainian troops had been ordered to withdraw from Soledar.");
        assert!(got.iter().any(|c| c.side == Side::Kyiv && c.speaker.as_ref().is_some_and(|s| s.text.starts_with("Pavlo Kyrylenko"))), "{got:?}");
        // "An adviser to X" is X's.
        let got = claims("Guardian", "About 200 Ukrainian soldiers are killed every day near Bakhmut, according to a senior adviser to Volodymyr Zelenskiy.");
        assert!(got.iter().any(|c| c.side == Side::Kyiv), "{got:?}");
        // Officials of no named side who tell of one side holding out speak for it; the outlet's
        // own narration stays its own.
        let got = claims("Guardian", "Ukrainian forces were holding their positions in Sievierodonetsk despite heavy shelling, officials said.");
        assert!(got.iter().any(|c| c.side == Side::Kyiv && c.rules.iter().any(|r| r == "side:holder-reports-holding")), "{got:?}");
        let got = claims("Guardian", "Ukrainian forces were holding their positions in Sievierodonetsk despite heavy shelling.");
        assert!(got.iter().all(|c| c.side == Side::Other), "{got:?}");
        // "An adviser to X" is X's only after a role: "a blogger hostile to X" is not.
        let got = claims("Guardian", "Russian troops shelled Kharkiv overnight, according to a blogger hostile to Volodymyr Zelenskiy.");
        assert!(got.iter().all(|c| c.side != Side::Kyiv), "{got:?}");
        // A report pointed back at reassigns only the outlet's own claims just before it.
        let text = "Russian troops shelled Kharkiv. Two people were killed in Saltivka, the governor said.\n\nThis was announced by the Russian defence ministry.";
        let got = claims("Guardian", text);
        assert!(got.iter().all(|c| !(c.action.kind == Kind::Strike && c.side == Side::Moscow)), "{got:?}");
        let got = claims("Guardian", "Russian forces captured Lyman. Ukrainian troops pulled back to Sviatohirsk.\n\nThis was ordered by the Ukrainian general staff.");
        assert!(got.iter().all(|c| c.side == Side::Other), "{got:?}");
        // A headline's speaker stands only for a state body's short form.
        let got = claims_titled("Reuters", Some("Kyiv says Wagner losing thousands in Bakhmut"), "The group said its fighters had captured Soledar.");
        assert!(got.iter().all(|c| c.side != Side::Kyiv), "{got:?}");
    }

    #[test]
    fn a_report_pointed_back_at_and_a_headlines_speaker_attribute_what_no_one_else_does() {
        // "This was announced by X" in a paragraph of its own gives X the unattributed claims
        // of the paragraph before.
        let text = "Russian troops are leaving the west bank of the Dnipro near Kherson. The pullout will be completed within days.\n\nThis was announced by the commander of the Russian grouping, General Ivan Sokolov.";
        let got = claims("Babel", text);
        assert!(got.iter().filter(|c| c.action.kind == Kind::Withdrawal).all(|c| c.side == Side::Moscow), "{got:?}");
        // Without the pointer the outlet's own sentences stay its own.
        let got = claims("Babel", "Russian troops are leaving the west bank of the Dnipro near Kherson.\n\nThe commander of the Russian grouping, General Ivan Sokolov, visited the front.");
        assert!(got.iter().all(|c| c.side == Side::Other), "{got:?}");
        // "The ministry said" with no ministry named before is the headline's speaker's.
        let text = "In a morning statement, the ministry said its forces had taken full control of Pervomaiske.";
        let got = claims_titled("Reuters", Some("Russia says it has taken Pervomaiske"), text);
        assert!(got.iter().any(|c| c.side == Side::Moscow && c.action.kind == Kind::Control), "{got:?}");
        let got = claims_titled("Reuters", Some("Fighting rages around Pervomaiske"), text);
        assert!(got.iter().all(|c| c.side != Side::Moscow), "{got:?}");
    }

    #[test]
    fn a_speaker_dismissing_one_sides_claims_speaks_for_the_other() {
        let text = "Ukrainian troops remain at their positions near Krynky, the Southern Military Command said on Telegram, dismissing Russian claims to have ousted them.";
        let got = claims("Reuters", text);
        assert!(got.iter().any(|c| c.side == Side::Kyiv && c.rules.iter().any(|r| r == "side:dismisses-named-sides-claims")), "{got:?}");
        // Without a dismissal the unknown command is placed only by what it tells: Ukrainian
        // troops holding out (see `side_by_holding`); a capture it tells of leaves it unplaced.
        let got = claims("Reuters", "Ukrainian troops remain at their positions near Krynky, the Southern Military Command said on Telegram.");
        assert!(got.iter().all(|c| c.rules.iter().all(|r| r != "side:dismisses-named-sides-claims")), "{got:?}");
        let got = claims("Reuters", "Russian troops captured Krynky, the Southern Military Command said on Telegram.");
        assert!(got.iter().all(|c| c.side == Side::Other), "{got:?}");
    }

    #[test]
    fn the_rules_of_version_22_to_25_keep_to_their_cases() {
        let first = |text: &str| claims("Reuters", text).into_iter().next().unwrap_or_else(|| panic!("no claim in {text}"));
        // Another speaker's dismissal gives no side to this one.
        let got = claims("Reuters", "Fighting continued in Marinka, a local official said, as Kyiv dismissed Russian claims of a breakthrough.");
        assert!(got.iter().all(|c| !c.rules.iter().any(|r| r == "side:dismisses-named-sides-claims")), "{got:?}");
        assert!(got.iter().any(|c| c.side == Side::Kyiv && c.modality == Modality::Denied), "{got:?}");
        // A part named in a phrase of its own is not what was taken.
        for text in [
            "Russia's defence ministry said its troops had captured Marinka in the southern part of Donetsk region.",
            "Russia's defence ministry said its troops had captured Marinka as part of their offensive.",
            "Russia's defence ministry said its troops had taken Marinka after destroying most of the town.",
        ] {
            assert!(!first(text).rules.iter().any(|r| r == "control:partial"), "{text}");
        }
        assert!(first("Russia's defence ministry said its troops had captured the bulk of Marinka.").rules.iter().any(|r| r == "control:partial"));
        // A place in a phrase after the troops is not what holds.
        let c = first("Russia's defence ministry said Ukrainian troops in Marinka are holding out.");
        assert_eq!(c.action.actor, Some(Side::Kyiv), "{:?}", c.rules);
        // An earlier clause's subject still acts for a clause with its own speaker.
        let c = first("Ukrainian troops came under heavy fire, and Russia's defence ministry said they had withdrawn from Marinka.");
        assert_eq!(c.action.actor, Some(Side::Kyiv), "{:?}", c.rules);
        // "At least three villages" is no place phrase; a capture so named is still claimed.
        assert_eq!(first("Russia's defence ministry said Russian troops captured at least three villages near Marinka in heavy fighting.").action.stance, Stance::Achieved);
        assert_eq!(first("Wagner's losses in the capture of Marinka were about 2,000 men, Prigozhin said.").action.kind, Kind::Control);
        // Sources cited are a source.
        let c = first("Russian forces captured Marinka, the newspaper reported, citing its sources.");
        assert_eq!(c.speaker.as_ref().map(|s| s.text.as_str()), Some("its sources"));
    }

    #[test]
    fn a_holding_out_is_past_in_an_article_reporting_the_withdrawal() {
        let text = "Ukraine's general staff said its troops were holding out in Marinka.\n\n\
                    On Saturday Ukraine's general staff said its troops had withdrawn from Marinka.";
        let got = claims("Reuters", text);
        let c = got.iter().find(|c| c.action.trigger == "holding out").expect("the holding out");
        assert!(c.rules.iter().any(|r| r == "control:superseded-by-withdrawal"), "{:?}", c.rules);
        let alone = claims("Reuters", "Ukraine's general staff said its troops were holding out in Marinka.");
        assert!(alone[0].rules.iter().all(|r| r != "control:superseded-by-withdrawal"));
    }

    #[test]
    fn what_a_withdrawal_avoids_is_not_what_happened() {
        let got = claims("Reuters", "Ukraine's army chief said the troops were withdrawn from Marinka to avoid encirclement.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].action.kind, Kind::Withdrawal);
    }

    #[test]
    fn a_force_before_a_passive_capture_is_not_its_actor() {
        let text = "Denis Pushilin said the town of Marinka, held by Ukrainian fighters for months, has been completely liberated.";
        let got = claims("Reuters", text);
        let c = got.iter().find(|c| c.action.kind == Kind::Control).expect("a control claim");
        assert_eq!(c.action.actor, Some(Side::Moscow), "{:?}", c.rules);
    }

    #[test]
    fn a_modal_after_an_opening_adverbial_still_makes_an_intention() {
        let got = claims("Reuters", "Near Marinka, Russian forces will surely seize the station, Denis Pushilin said.");
        let c = got.iter().find(|c| c.action.kind == Kind::Control).expect("a control claim");
        assert_eq!(c.action.stance, Stance::Ongoing, "{:?}", c.rules);
    }

    #[test]
    fn a_site_named_with_its_town_is_the_place_at_the_scale_of_a_site() {
        let got = claims("Reuters", "Denis Pushilin said the Azovstal plant in Mariupol had been liberated.");
        assert_eq!(place(&got[0]), "Mariupol");
        assert!(got[0].rules.iter().any(|r| r == "place:feature-in-town"), "{:?}", got[0].rules);
        let got = claims("Reuters", "Denis Pushilin said Mariupol had been liberated.");
        assert!(got[0].rules.iter().all(|r| r != "place:feature-in-town"), "{:?}", got[0].rules);
    }

    fn side_of(text: &str, trigger: &str) -> Side {
        let got = claims("Reuters", text);
        got.iter().find(|c| c.action.trigger == trigger).unwrap_or_else(|| panic!("no claim on {trigger}: {got:?}")).side
    }

    #[test]
    fn speakers_in_passives_appositives_and_openings() {
        // The subject of a passive report is who was told.
        assert_eq!(side_of("Commanders in Marinka have been ordered to withdraw, Ukraine's general staff said.", "ordered to withdraw"), Side::Kyiv);
        // A participle set off by commas describes the speaker before it.
        assert_eq!(side_of("A Ukrainian soldier, positioned outside Marinka, said the troops were holding out.", "holding out"), Side::Kyiv);
        // An opening "according to" ends at its comma.
        let text = "Russia's defence ministry said on Sunday the week had gone well.\n\n\
                    According to the ministry, the Ukrainian army lost more than 300 soldiers near Marinka.";
        assert_eq!(side_of(text, "lost"), Side::Moscow);
        // "on Wednesday it said": the adverbial is not part of the speaker.
        let text = "Ukraine's military spoke of heavy fighting.\n\nUkraine's military said on Wednesday it had withdrawn its troops from Marinka.";
        assert_eq!(side_of(text, "withdrawn"), Side::Kyiv);
        // "the western troop grouping" is no Western government.
        let text = "Sergei Kuzovlev, commander of the western troop grouping, said Russian forces had captured Marinka.";
        assert_eq!(side_of(text, "captured"), Side::Moscow);
    }

    #[test]
    fn the_innermost_report_and_scare_quotes() {
        let text = "Russia-backed separatists announced that 256 Ukrainian soldiers \"have surrendered\" in Marinka, Reuters reported.";
        assert_eq!(side_of(text, "surrendered"), Side::Moscow);
        let text = "Ukrainian forces completed their \"combat mission\" in Marinka, according to a statement by Ukraine's military.";
        assert_eq!(side_of(text, "completed their \"combat mission"), Side::Kyiv);
        let text = "Ukraine's general staff refuted the Russian defence ministry's claim that Russian forces had captured Marinka.";
        let got = claims("Reuters", text);
        assert_eq!((got[0].side, got[0].modality), (Side::Kyiv, Modality::Denied), "{got:?}");
    }

    #[test]
    fn a_war_crime_told_with_its_operation_takes_the_topic_and_an_accusation_alone_does_not() {
        let topic = "Ukraine's General Staff said its troops still held Marinka.\n\n";
        let text = format!("{topic}Russian units have tried to infiltrate Ukrainian lines dressed as civilians, the Ukrainian military said, adding that this was a war crime.");
        let got = claims("Reuters", &text);
        let c = got.iter().find(|c| c.action.kind == Kind::WarCrimes).expect("the war crime");
        assert_eq!(c.place.as_ref().map(|p| p.name.as_str()), Some("Marinka"), "{:?}", c.rules);
        let text = format!("{topic}Ukraine's prosecutor general said Russia had committed thousands of war crimes.");
        let got = claims("Reuters", &text);
        let c = got.iter().find(|c| c.action.kind == Kind::WarCrimes).expect("the accusation");
        assert_eq!(c.place, None, "{:?}", c.rules);
    }

    #[test]
    fn the_forces_after_control_of_hold_the_place() {
        let got = claims("Reuters", "\"Marinka remains under the control of Ukraine's Defense Forces,\" the General Staff said.");
        let c = got.iter().find(|c| c.action.trigger == "under the control").expect("a claim on control");
        assert_eq!(c.action.kind, Kind::Control, "{:?}", c.rules);
        // Soldiers after a capture word are still prisoners taken.
        let got = claims("Reuters", "Russia's defence ministry said its forces had captured 40 Ukrainian soldiers near Marinka.");
        assert!(got.iter().any(|c| c.action.kind == Kind::Surrender), "{got:?}");
        let got = claims("Reuters", "Russia's defence ministry said its forces had taken control of 40 Ukrainian soldiers near Marinka.");
        assert!(got.iter().any(|c| c.action.kind == Kind::Surrender), "{got:?}");
    }

    #[test]
    fn a_garrison_that_completed_its_combat_mission_gave_the_place_up() {
        // The phrase reads through the quotation marks around its last words.
        let text = "Ukraine's general staff said the Marinka garrison had completed its \u{201c}combat mission\u{201d}.";
        let got = claims("Reuters", text);
        let c = got.iter().find(|c| c.action.trigger.contains("combat mission")).expect("a claim on the mission");
        assert_eq!((c.action.kind, c.action.stance, c.action.actor, c.side), (Kind::Control, Stance::Achieved, Some(Side::Moscow), Side::Kyiv), "{:?}", c.rules);
        assert_eq!(c.action.trigger, "completed its \u{201c}combat mission", "the span ends before the closing mark");
        // Carrying out a mission is no ending.
        let got = claims("Reuters", "Ukraine's general staff said units were performing a combat mission near Marinka.");
        assert!(got.iter().all(|c| c.action.kind != Kind::Surrender && c.action.kind != Kind::Control), "{got:?}");
    }

    #[test]
    fn a_statement_quoted_point_by_point_keeps_its_speaker() {
        let text = "Russia's defence ministry said on Sunday the week had gone well.\n\n\
                    Its statement reads as follows:\n\n\
                    \u{201c}Russian troops captured Marinka.\u{201d}\n\n\
                    \u{201c}Ukrainian units withdrew from Kurakhove in disarray.\u{201d}";
        assert_eq!(side_of(text, "withdrew"), Side::Moscow);
    }

    #[test]
    fn people_counted_killed_wounded_or_captured_are_losses() {
        let got = claims("Reuters", "Ukraine's military said Ukrainian losses near Marinka were about 100 people killed, wounded or captured.");
        assert!(got.iter().all(|c| c.action.kind != Kind::Control), "{got:?}");
        assert!(got.iter().any(|c| c.action.kind == Kind::Casualties), "{got:?}");
    }

    #[test]
    fn a_report_pointing_back_repeats_the_claim_before_it() {
        let text = "Wagner said its fighters had captured Marinka.\n\nRussia's defence ministry confirmed this.";
        let got = claims("Reuters", text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!((got[1].side, got[1].action.kind), (Side::Moscow, Kind::Control));
        assert!(got[1].rules.iter().any(|r| r == "confirmation:anaphor"));
        // An unattributed claim just before is the announcer's own.
        let text = "Ukrainian troops have surrounded Marinka from the flanks.\n\nHanna Maliar has announced this.";
        assert_eq!(claims("Reuters", text)[0].side, Side::Kyiv);
    }

    #[test]
    fn a_passive_denial_names_its_speaker_after_by() {
        let text = "Russia's defence ministry said its forces had captured Marinka.\n\nThe claim was denied by Ukraine's general staff.";
        let got = claims("Reuters", text);
        let d = got.iter().find(|c| c.modality == Modality::Denied).expect("a denial");
        assert_eq!(d.side, Side::Kyiv);
    }

    #[test]
    fn speakers_behind_possessives_role_phrases_and_long_relative_clauses() {
        let text = "Volodymyr Zelensky spoke on Monday.\n\nHis spokesman said Ukrainian troops were holding out in Marinka.";
        assert_eq!(side_of(text, "holding out"), Side::Kyiv);
        let text = "\"Our troops are holding out in Marinka,\" said Major Ivan Petrenko, a spokesman for Ukraine's Tavria group.";
        assert_eq!(side_of(text, "holding out"), Side::Kyiv);
        let text = "A Ukrainian commander, who has led troops on the northern and southern flanks of the town for the past month, \
                    said his troops had advanced near Marinka.";
        assert_eq!(side_of(text, "advanced"), Side::Kyiv);
        let text = "Ukraine has struck a defiant tone and has said repeatedly that its forces are still holding out in Marinka.";
        let got = claims("Reuters", text);
        assert!(got.iter().all(|c| c.action.kind != Kind::Strike), "{got:?}");
        assert_eq!(side_of(text, "holding out"), Side::Kyiv);
    }

    #[test]
    fn an_unknown_speaker_who_says_our_against_a_named_side_is_its_opponent() {
        let text = "\u{201c}Everything Moscow is saying about our men running away from Marinka is a lie,\u{201d} Captain Ivan Petrenko said.";
        assert_eq!(side_of(text, "running away"), Side::Kyiv);
        let text = "\u{201c}Our Ukrainian soldiers are running away from Marinka,\u{201d} Captain Ivan Petrenko said.";
        assert_eq!(side_of(text, "running away"), Side::Other);
    }

    #[test]
    fn a_denial_of_any_such_advance_denies_the_claim_of_the_same_sentence() {
        let text = "Russia's defence ministry said its troops had captured half of Marinka, but Ukraine's military denied any such advance.";
        let got = claims("Reuters", text);
        let d = got.iter().find(|c| c.modality == Modality::Denied).expect("a denial");
        assert_eq!((d.side, d.action.kind), (Side::Kyiv, Kind::Control));
        assert_eq!(d.text, "Ukraine's military denied any such advance.");
        let m = got.iter().find(|c| c.side == Side::Moscow).expect("the claim");
        assert!(!m.text.contains("denied"), "{}", m.text);
    }

    #[test]
    fn a_weak_trigger_stands_in_a_clause_without_a_strong_one() {
        let text = "Russia's defence ministry said its forces had captured Kurakhove, but fighting for Marinka went on.";
        let got = claims("Reuters", text);
        assert!(got.iter().any(|c| place(c) == "Marinka"), "{got:?}");
    }

    #[test]
    fn counted_square_kilometres_are_ground_not_a_place() {
        let got = claims("Reuters", "Ukraine's general staff said its forces had liberated over 1,000 square kilometres near Marinka.");
        assert_eq!(got[0].action.kind, Kind::Advance, "{:?}", got[0].rules);
    }

    #[test]
    fn a_short_form_in_a_later_clause_is_not_the_speaker_of_the_first() {
        let text = "Ukraine's general staff spoke of heavy fighting.\n\n\
                    Russia's defence ministry confirmed the capture of Marinka, but the armed forces denied it.";
        let got = claims("Reuters", text);
        assert!(got.iter().all(|c| !(c.modality == Modality::Denied && c.side == Side::Moscow)), "{got:?}");
    }

    #[test]
    fn a_so_called_action_is_the_other_sides_word_rejected() {
        let text = "\"They lost a great deal during the so-called regrouping near Marinka,\" Ukraine's general staff said.";
        let got = claims("Reuters", text);
        let c = got.iter().find(|c| c.action.kind == Kind::Withdrawal).expect("a withdrawal");
        assert_eq!((c.side, c.modality, c.action.actor), (Side::Kyiv, Modality::Denied, Some(Side::Moscow)));
    }

    #[test]
    fn forces_said_to_be_still_in_a_place_they_claim_to_have_left_dispute_the_withdrawal() {
        let text = "Russia's defence ministry said its troops had withdrawn from Marinka.\n\n\
                    Ukraine's general staff said some Russian forces were still in Marinka.";
        let got = claims("Reuters", text);
        let k = got.iter().find(|c| c.side == Side::Kyiv).expect("Kyiv's claim");
        assert_eq!((k.action.kind, k.action.negated, k.action.actor), (Kind::Withdrawal, true, Some(Side::Moscow)), "{:?}", k.rules);
        let m = got.iter().find(|c| c.side == Side::Moscow).expect("Moscow's claim");
        assert_eq!(crate::conflict::conflicts(&[m, k])[0].rule, "denial");
    }

    #[test]
    fn an_aside_describing_a_place_is_no_claim() {
        let text = "Hanna Maliar said the wounded were taken to Novoazovsk, a town near the border now under Russian control.";
        assert!(claims("Reuters", text).iter().all(|c| c.action.kind != Kind::Control));
        let text = "Denis Pushilin said Marinka was now under Russian control.";
        let got = claims("Reuters", text);
        assert_eq!((got[0].action.kind, got[0].action.actor), (Kind::Control, Some(Side::Moscow)));
        // The holder the trigger names, whoever speaks.
        let text = "Ukraine's general staff said Marinka was now under Russian control.";
        assert_eq!(claims("Reuters", text)[0].action.actor, Some(Side::Moscow));
    }

    #[test]
    fn a_statement_cited_with_reference_to_its_author_is_the_authors() {
        let text = "This was stated by a local outlet with reference to the Telegram channel of Russia's defence ministry.\n\n\
                    \"Russian troops have captured Marinka,\" the message reads.";
        assert_eq!(side_of(text, "captured"), Side::Moscow);
    }

    #[test]
    fn two_towns_joined_by_a_hyphen_are_places() {
        let got = claims("Reuters", "Russia's defence ministry said the Marinka-Kurakhove grouping had regrouped.");
        assert_eq!(place(&got[0]), "Kurakhove", "{:?}", got[0].rules);
    }

    #[test]
    fn moved_is_not_taken_and_a_relative_clause_before_also_is_skipped() {
        let got = claims("Reuters", "Hanna Maliar said the wounded were taken to a hospital in Marinka.");
        assert!(got.iter().all(|c| c.action.kind != Kind::Control), "{got:?}");
        let text = "Oleksandr Syrskyi, who leads the army, also announced the retreat of Ukrainian troops from Marinka.";
        assert_eq!(side_of(text, "retreat"), Side::Kyiv);
    }

    #[test]
    fn the_before_a_town_name_makes_it_the_river() {
        let got = claims("Reuters", "Russia's defence ministry said Ukrainian forces had struck crossings on the Dnipro.");
        assert_eq!(place(&got[0]), "Dnieper");
        let got = claims("Reuters", "Russia's defence ministry said Ukrainian forces had struck Dnipro.");
        assert_eq!(place(&got[0]), "Dnipro");
    }

    #[test]
    fn towns_named_together_give_the_one_the_article_names_most() {
        let text = "Russia's defence ministry said its forces had captured Marinka and Kurakhove.";
        assert_eq!(place(&claims("Reuters", text)[0]), "Kurakhove");
        let text = "Russia's defence ministry said its forces had captured Kurakhove and Marinka.\n\nMarinka had been shelled for years.";
        assert_eq!(place(&claims("Reuters", text)[0]), "Marinka");
    }

    #[test]
    fn a_river_named_alone_gives_way_to_the_one_town_of_the_article() {
        let text = "Ukraine's military said its marines had advanced on the far bank of the Dnieper.\n\nKrynky lies on the left bank.";
        let got = claims("Reuters", text);
        assert_eq!(place(&got[0]), "Krynky", "{:?}", got[0].rules);
    }

    #[test]
    fn a_quotation_of_two_sentences_is_one_claim_text() {
        let text = "\"Marinka is ours now. The defenders fled in panic,\" Denis Pushilin wrote on Telegram.";
        let got = claims("Reuters", text);
        let c = got.iter().find(|c| c.action.kind == Kind::Withdrawal).expect("a withdrawal");
        assert_eq!(c.side, Side::Moscow);
        assert!(c.text.starts_with("\"Marinka is ours now.") && c.text.ends_with("on Telegram."), "{:?}", c.text);
        assert!(c.rules.iter().any(|r| r == "span:whole-quotation"), "{:?}", c.rules);
    }

    #[test]
    fn a_surname_met_again_speaks_for_the_side_it_was_introduced_with() {
        let text = "Captain Ostap Melnychenko, a spokesman for Ukraine's southern command, said the night near Marinka was quiet.\n\n\
                    \"Russian troops tried to capture Marinka again,\" Melnychenko said.";
        let got = claims("Reuters", text);
        let c = got.iter().find(|c| c.action.trigger == "capture").expect("the capture attempt");
        assert_eq!(c.side, Side::Kyiv, "{:?}", c.rules);
        assert!(c.rules.iter().any(|r| r.starts_with("speaker:named-before")), "{:?}", c.rules);
    }

    #[test]
    fn the_countrys_military_is_the_nation_named_before_it() {
        let text = "Ukraine has given up its defence of Marinka and is pulling out its last troops, the country's military command said late Tuesday, in effect leaving the town to Russia.";
        let got = claims("Reuters", text);
        let c = got.iter().find(|c| c.action.kind == Kind::Withdrawal).expect("a withdrawal");
        assert_eq!(c.side, Side::Kyiv, "{:?}", c.rules);
        assert_eq!(c.cue.as_deref(), Some("said"));
    }

    #[test]
    fn a_closing_cue_with_a_participle_afterthought_reports_what_precedes() {
        let text = "Ukrainian marines still hold their positions near Krynky, the Southern Command said Tuesday on Telegram, rejecting Moscow's claims.";
        let got = claims("Reuters", text);
        let c = got.iter().find(|c| c.action.kind == Kind::Control).expect("a control claim");
        assert_eq!((c.side, c.action.stance), (Side::Kyiv, Stance::Resisted), "{:?}", c.rules);
    }

    #[test]
    fn a_discourse_adverb_between_commas_leaves_the_subject_the_speaker() {
        let text = "Russia said it took Marinka. Ukraine, meanwhile, has insisted that the battle for Marinka goes on.";
        let got = claims("Reuters", text);
        let c = got.iter().find(|c| c.action.trigger == "the battle for").expect("the battle");
        assert_eq!(c.side, Side::Kyiv, "{:?}", c.rules);
    }

    #[test]
    fn a_closing_denial_pointing_back_is_a_clause_of_its_own() {
        let text = "On Sunday, Wagner announced that it had taken all of Marinka, Ukraine denied this.";
        let got = claims("Reuters", text);
        let m = got.iter().find(|c| c.side == Side::Moscow).expect("the Moscow claim");
        assert_eq!((m.action.kind, m.modality), (Kind::Control, Modality::Asserted));
        assert!(!m.text.contains("denied"), "{:?}", m.text);
        let k = got.iter().find(|c| c.side == Side::Kyiv).expect("the Kyiv denial");
        assert_eq!(k.modality, Modality::Denied);
    }

    #[test]
    fn the_agent_of_a_report_inside_anothers_may_be_the_reporters_own() {
        let text = "Putin said he had been informed by the military that Marinka was entirely under Russian control.";
        let got = claims("Reuters", text);
        let c = got.iter().find(|c| c.action.kind == Kind::Control).expect("a control claim");
        assert_eq!(c.side, Side::Moscow, "{:?}", c.rules);
    }

    #[test]
    fn soldiers_evacuated_from_a_position_are_no_civilians_but_a_garrison_brought_out() {
        let text = "Ukraine's deputy defence minister said 120 soldiers had been evacuated from the Marinka plant overnight.";
        let got = claims("Reuters", text);
        let c = got.iter().find(|c| c.action.kind == Kind::Surrender).expect("a surrender-kind claim");
        assert_eq!((c.side, c.action.stance), (Side::Kyiv, Stance::Resisted));
        let civ = claims("Reuters", "The governor said 300 civilians had been evacuated from Marinka.");
        assert!(civ.iter().any(|c| c.action.kind == Kind::Civilians), "{civ:?}");
    }

    #[test]
    fn videos_released_by_a_side_and_a_pullout_announced_are_claims() {
        let got = claims("Reuters", "The Russian Defense Ministry released a video showing soldiers raising a flag over a building in Marinka.");
        assert!(got.iter().any(|c| c.side == Side::Moscow && c.cue.as_deref() == Some("video showing")), "{got:?}");
        let got = claims("Reuters", "Moscow had announced the pullout from Marinka on Tuesday.");
        assert!(got.iter().any(|c| c.side == Side::Moscow && c.action.kind == Kind::Withdrawal), "{got:?}");
    }

    #[test]
    fn a_reporters_side_covers_the_agent_it_cites_when_nothing_else_resolves_it() {
        let text = "The local council said power was back on Monday.\n\n\
                    Putin said he had been informed by the military that Marinka was entirely under Russian control.";
        let got = claims("Reuters", text);
        let c = got.iter().find(|c| c.action.kind == Kind::Control).expect("a control claim");
        assert_eq!(c.side, Side::Moscow, "{:?}", c.rules);
    }

    #[test]
    fn a_name_in_quotation_marks_before_the_cue_is_the_speaker() {
        let text = "On Sunday, \"PMC Wagner\" announced that its fighters had taken all of Marinka, Kyiv denied this.";
        let got = claims("Reuters", text);
        let m = got.iter().find(|c| c.action.kind == Kind::Control && c.modality == Modality::Asserted).expect("the capture");
        assert_eq!(m.side, Side::Moscow, "{:?}", m.rules);
    }

    #[test]
    fn a_relative_who_before_the_cue_gives_the_speaker_and_a_participle_after_a_determiner_is_no_cue() {
        let text = "The move came after remarks by Russian general Valery Gerasimov, who claimed that Marinka had been captured.";
        let got = claims("Reuters", text);
        let c = got.iter().find(|c| c.action.kind == Kind::Control).expect("a control claim");
        assert_eq!(c.side, Side::Moscow, "{:?}", c.rules);
        let text = "Ukraine's defence ministry rejected what it called boastful talk by Moscow about the claimed capture of Marinka.";
        let got = claims("Reuters", text);
        assert!(got.iter().all(|c| c.cue.as_deref() != Some("claimed")), "{got:?}");
    }

    #[test]
    fn a_speaker_quoted_as_saying_is_the_one_quoted() {
        let text = "Interfax quoted Dmitry Peskov as saying that Russian forces had taken Marinka.";
        let got = claims("Reuters", text);
        let c = got.iter().find(|c| c.action.kind == Kind::Control).expect("a control claim");
        assert_eq!(c.side, Side::Moscow, "{:?}", c.rules);
        assert!(c.rules.iter().any(|r| r == "cue:quoted-as-saying"), "{:?}", c.rules);
    }

    #[test]
    fn what_a_speaker_described_as_is_its_own_word_and_a_name_cut_short_is_the_whole_name() {
        let text = "Ukraine's defence ministry dismissed what it described as empty boasts by Moscow about the capture of Marinka.";
        let got = claims("Reuters", text);
        assert!(got.iter().all(|c| c.speaker.as_ref().is_none_or(|s| !s.text.starts_with("what"))), "{got:?}");
        let text = "General Staff of the Armed Forces of Ukraine, in a statement, said its units had repelled attacks near Marinka.";
        let got = claims("Reuters", text);
        assert!(got.iter().any(|c| c.side == Side::Kyiv), "{got:?}");
    }

    #[test]
    fn a_transfer_of_troops_across_the_river_is_an_orderly_withdrawal() {
        let text = "Russia's defence ministry said its units near Kherson had been transferred to the left, or eastern, bank and that the transfer was completed by dawn.";
        let got = claims("Reuters", text);
        let w = got.iter().find(|c| c.action.kind == Kind::Withdrawal).expect("a withdrawal");
        assert_eq!(w.side, Side::Moscow);
        assert!(w.rules.iter().any(|r| r == "framing:orderly"), "{:?}", w.rules);
    }

    #[test]
    fn taking_the_town_named_before_and_a_clash_there_and_what_a_report_listed_are_claims() {
        let text = "Ukraine's southern command said the enemy was massing troops near Marinka to take the town but was failing.";
        let got = claims("Reuters", text);
        let c = got.iter().find(|c| c.action.kind == Kind::Control).expect("a control claim");
        assert_eq!((c.side, place(c)), (Side::Kyiv, "Marinka"));
        let text = "Ukraine's General Staff said one armed clash was under way near Marinka. The report listed 20 Russian attacks near Marinka.";
        let got = claims("Reuters", text);
        assert!(got.iter().filter(|c| c.side == Side::Kyiv).count() >= 2, "{got:?}");
    }

    #[test]
    fn a_dateline_names_no_place() {
        let got = claims("AP", "ODESA, Ukraine (AP) — Russia's defence ministry said its troops had withdrawn from the area.");
        assert!(got.iter().all(|c| place(c) != "Odesa"), "{got:?}");
    }

    #[test]
    fn where_troops_withdraw_to_is_not_their_place() {
        let got = claims("Reuters", "Russia's defence ministry said its troops had withdrawn from Kherson to the left bank of the Dnieper.");
        let c = got.iter().find(|c| c.action.kind == Kind::Withdrawal).expect("a withdrawal");
        assert_eq!(place(c), "Kherson");
        let got = claims("Reuters", "Russia's defence ministry said all its troops had been moved to the east bank of Dnipro.");
        assert!(got.iter().all(|c| place(c) != "Dnipro"), "a town has no banks: {got:?}");
    }

    #[test]
    fn a_sentence_with_no_place_goes_on_about_the_last_claims_place() {
        let text = "Russia's defence ministry said its forces had captured Marinka, a town on the western edge of Donetsk.\n\n\
                    Ukrainian units abandoned their positions at the plant and fled, the ministry said.";
        let got = claims("Reuters", text);
        let fled = got.iter().find(|c| c.action.kind == Kind::Withdrawal).expect("a withdrawal");
        assert_eq!(place(fled), "Marinka");
    }

    #[test]
    fn the_operation_to_liberate_a_region_is_no_capture() {
        let got = claims("TASS", "The ministry said that in the course of the operation to liberate Donbas the troops had been regrouped.");
        assert!(got.iter().all(|c| c.action.kind != Kind::Control), "{got:?}");
    }

    #[test]
    fn towns_named_together_give_one_place_whatever_their_order() {
        for text in [
            "Russia's defence ministry said its troops had been pulled out of the Balakliia and Izium areas.",
            "Russia's defence ministry said its troops had been pulled out of the Izium and Balakliia areas.",
        ] {
            let got = claims("Reuters", text);
            assert_eq!(place(&got[0]), "Izium", "{text}");
        }
    }

    #[test]
    fn a_town_named_for_a_sector_stands_for_the_article_town() {
        let text = "Ukrainian marines held positions in Krynky, the navy said.\n\n\
                    The Russian defence ministry said Ukraine had lost more than 3,000 servicemen in the Kherson direction.\n\n\
                    The navy said Krynky remained contested.";
        let got = claims("Reuters", text);
        let lost = got.iter().find(|c| c.action.kind == Kind::Casualties).expect("casualties");
        assert_eq!(place(lost), "Krynky");
    }

    #[test]
    fn an_action_after_during_frames_the_claim_of_its_sentence() {
        let got = claims("TASS", "Ukrainian losses during the retreat from Pisky amounted to up to 300 servicemen, the ministry said.");
        assert!(got.iter().any(|c| c.action.kind == Kind::Casualties), "{got:?}");
        assert!(got.iter().all(|c| c.action.kind != Kind::Withdrawal), "{got:?}");
    }

    #[test]
    fn what_the_other_side_says_about_a_rout_called_untrue_is_denied() {
        let got = claims("Kyiv Independent", "\u{201c}Everything Moscow is saying about our guys running away is simply not true,\u{201d} a Ukrainian officer said.");
        let c = got.iter().find(|c| c.action.kind == Kind::Withdrawal).expect("a withdrawal");
        assert_eq!(c.modality, Modality::Denied);
        assert_eq!(c.side, Side::Kyiv);
    }


    #[test]
    fn who_calls_a_capture_a_liberation_speaks_for_the_side_that_took_it() {
        let got = claims("Reuters", "Ukrainian forces liberated the village of Pisky, the commander said.");
        assert_eq!(got[0].side, Side::Kyiv, "{got:?}");
        assert!(got[0].rules.iter().any(|r| r == "side:liberation-framing"));
        let got = claims("Reuters", "Russian troops have liberated Marinka, the statement said.");
        assert_eq!(got[0].side, Side::Moscow, "{got:?}");
        // A capture told in plain words says nothing of who tells it.
        let got = claims("Reuters", "Russian troops have captured Marinka, the statement said.");
        assert_eq!(got[0].side, Side::Other, "{got:?}");
    }


    #[test]
    fn a_word_mentioned_to_reject_it_is_a_denial_and_otherwise_no_claim() {
        let got = claims("Reuters", "\"The word 'surrender' does not apply here,\" a Ukrainian commander said of the Mariupol garrison.");
        assert!(got.iter().all(|c| c.action.kind != Kind::Surrender || c.modality == Modality::Denied), "{got:?}");
        let got = claims("Reuters", "Ukraine's military said the term 'withdrawal' was chosen carefully in Bakhmut.");
        assert!(got.iter().all(|c| c.action.kind != Kind::Withdrawal), "{got:?}");
    }


    #[test]
    fn the_report_is_the_report_of_the_body_that_issued_it() {
        let text = "Ukrainian troops reached the river, the military said on Monday.\n\n\
                    \u{201c}Our units entered Pisky,\u{201d} the General Staff said in its evening report. \
                    According to the report, Russian troops abandoned their positions around the village.";
        let got = claims("Reuters", text);
        let fled = got.iter().find(|c| c.action.kind == Kind::Withdrawal).expect("a withdrawal");
        assert_eq!(fled.side, Side::Kyiv, "{fled:?}");
    }

    #[test]
    fn a_line_of_defence_broken_is_an_offensive_apart_from_the_capture() {
        let text = "Kyiv's marines have retaken the village of Pishchane and breached the first defence line beyond it, the navy said.";
        let got = claims("Reuters", text);
        let taken = got.iter().find(|c| c.action.kind == Kind::Control).expect("the capture");
        let line = got.iter().find(|c| c.action.kind == Kind::Offensive).expect("the line");
        assert!(!taken.text.contains("breached") && line.text.contains("breached"), "{:?} / {:?}", taken.text, line.text);
        assert_eq!((line.side, line.action.negated), (Side::Kyiv, false));
        // "Neither ... nor" negates its verb however far back it stands; "broken" alone is an
        // action only when a line of defence is in the sentence.
        let text = "\"Neither the first line nor the second line of our defence has been broken,\" the governor of Kherson Region, Vladimir Saldo, said.";
        let got = claims("TASS", text);
        let held = got.iter().find(|c| c.action.kind == Kind::Offensive).expect("the line held");
        assert!(held.action.negated && held.side == Side::Moscow, "{held:?}");
        assert!(claims("TASS", "The ceasefire was broken twice on Sunday, Saldo said.").iter().all(|c| c.action.kind != Kind::Offensive));
        // "could not cross it": a capability denied is a failure, not an aim.
        let text = "Saldo said the Ukrainian units had reached the second line of defence near Oleshky but could not cross it.";
        let failed = claims("TASS", text).into_iter().find(|c| c.action.trigger == "cross").expect("the crossing");
        assert!(failed.action.negated && failed.action.stance == Stance::Achieved, "{failed:?}");
    }

    #[test]
    fn a_claim_about_a_campaign_as_a_whole_has_no_place() {
        let text = "Russia's defence ministry said near Orikhiv on Friday that the Ukrainian counteroffensive had failed to achieve any significant success on any front.";
        let got = claims("TASS", text);
        let c = got.iter().find(|c| c.action.kind == Kind::Offensive).expect("the campaign");
        assert_eq!((c.side, c.action.negated, c.action.actor, place(c)), (Side::Moscow, true, Some(Side::Kyiv), ""));
        let text = "Ukrainian troops have retaken 120 square kilometres near Kreminna since the start of the counteroffensive, the General Staff said.";
        let c = claims("Ukrinform", text).into_iter().find(|c| c.action.kind == Kind::Offensive).expect("the gains");
        assert_eq!((c.side, c.action.negated, place(&c)), (Side::Kyiv, false, ""));
        // Unable to take any town: a negated capture, not an aim.
        let text = "The enemy has been unable to take over any important population centres in the south, the governor said.";
        let c = claims("TASS", text).into_iter().next().expect("a claim");
        assert_eq!((c.action.kind, c.action.negated, c.action.stance), (Kind::Offensive, true, Stance::Achieved));
        // A place taken stays the place's, whatever the count around it.
        let text = "Russian forces captured Krasnohorivka, the defence ministry said.";
        assert_eq!(claims("TASS", text)[0].action.kind, Kind::Control);
    }

    #[test]
    fn gains_around_a_town_are_the_offensive_there() {
        let text = "The general said his troops had pushed forward up to 3 km (2 miles) in several sectors around Vuhledar.";
        let c = claims("Reuters", text).into_iter().next().expect("a claim");
        assert_eq!((c.action.kind, place(&c)), (Kind::Offensive, "Vuhledar"));
        for text in [
            "The general said his troops had advanced in and around Vuhledar.",
            "The general said his troops had advanced around 3 km into Vuhledar.",
        ] {
            let c = claims("Reuters", text).into_iter().next().expect("a claim");
            assert_eq!(c.action.kind, Kind::Advance, "{text}");
        }
        // "Around" after the next action places that action only.
        let text = "The general said his troops had advanced towards Vuhledar and crossed the river around Pavlivka.";
        assert!(claims("Reuters", text).iter().all(|c| c.action.kind != Kind::Offensive || c.action.trigger == "crossed"));
        // "The situation is under control" says nothing was taken.
        let text = "The ministry said the situation in the area of Vuhledar was under control.";
        assert!(claims("TASS", text).iter().all(|c| c.action.kind != Kind::Control));
    }

    #[test]
    fn a_claim_noun_called_false_after_a_comma_is_a_clause_of_its_own() {
        let text = "Russian troops have not entered Kupiansk, and claims by Moscow about taking Petropavlivka are fake, the spokesman said.";
        let got = claims("Ukrinform", text);
        let entered = got.iter().find(|c| c.text.contains("entered")).expect("the first clause");
        let fake = got.iter().find(|c| c.text.contains("fake")).expect("the second clause");
        assert!(!entered.text.contains("fake") && !fake.text.contains("entered"), "{:?} / {:?}", entered.text, fake.text);
        assert_eq!(fake.modality, Modality::Denied);
    }

    #[test]
    fn a_quotation_telling_two_events_is_read_sentence_by_sentence() {
        let text = "\"Our lines of defence have not been breached. The village of Pishchane has not been taken,\" Saldo said.";
        let got = claims("TASS", text);
        let line = got.iter().find(|c| c.action.kind == Kind::Offensive).expect("the line");
        let village = got.iter().find(|c| c.action.kind == Kind::Control).expect("the village");
        assert!(!line.text.contains("Pishchane") && !village.text.contains("breached"), "{:?} / {:?}", line.text, village.text);
        // One account over two sentences stays one quotation.
        let text = "\"The village of Pishchane is ours. The enemy fled it in panic,\" Saldo said.";
        assert!(claims("TASS", text).iter().any(|c| c.text.contains("ours") && c.text.contains("fled")));
    }

    #[test]
    fn the_offensive_rules_leave_other_readings_alone() {
        let first = |outlet: &str, text: &str| claims(outlet, text).into_iter().next().unwrap_or_else(|| panic!("no claim in {text}"));
        // A place taken by name stays that place's, whatever is said of the campaign.
        let c = first("TASS", "Russian forces captured Avdiivka, their biggest gain since the Ukrainian counteroffensive began last summer, the ministry said.");
        assert_eq!((c.action.kind, place(&c)), (Kind::Control, "Avdiivka"));
        // "Around" as "about", a move into a town, and a line that is no line of defence.
        for text in [
            "The ministry said Russian units advanced towards Bakhmut around the clock.",
            "The ministry said Russian units advanced on Bakhmut around noon on Tuesday.",
            "The ministry said Russian units advanced around a kilometre near Bakhmut.",
            "The ministry said Russian units advanced into Bakhmut from positions around Soledar.",
            "The ministry said Russian units advanced to the first line of houses in Bakhmut.",
        ] {
            assert_eq!(first("TASS", text).action.kind, Kind::Advance, "{text}");
        }
        let text = "A fire broke out at an ammunition depot behind the Russian defensive lines near Tokmak, the governor said.";
        assert!(claims("TASS", text).iter().all(|c| c.action.kind != Kind::Offensive), "{text}");
        let text = "Ukrainian troops took Robotyne and crossing points on the defence line south of it, the General Staff said.";
        assert!(claims("Ukrinform", text).iter().all(|c| c.action.kind != Kind::Offensive), "{text}");
        // Negations that take an infinitive negate only it; "neither" before a report does not
        // negate what is reported; a vow is still an aim.
        let c = first("TASS", "Ukrainian troops failed to stop advances by Russian forces near Avdiivka, the ministry said.");
        assert!(!c.action.negated, "{c:?}");
        let c = first("Reuters", "Neither the ministry nor the General Staff commented on reports that Russian troops had entered Kupiansk.");
        assert!(!c.action.negated, "{c:?}");
        let c = first("Ukrinform", "Ukrainian commanders vowed never to surrender Avdiivka, the spokesman said.");
        assert_eq!(c.action.stance, Stance::Ongoing, "{c:?}");
        let c = first("Ukrinform", "The spokesman said Russian troops were not able to capture Avdiivka.");
        assert_eq!((c.action.stance, c.action.negated), (Stance::Achieved, true), "{c:?}");
        // "The situation" must be what is under control.
        let c = first("TASS", "Given the situation, Russian troops now have Avdiivka under control, the ministry said.");
        assert_eq!(c.action.kind, Kind::Control);
        // A label inside a relative clause is that clause's.
        let c = first("Reuters", "Russian state media said troops captured Avdiivka after a long battle in which rumours of a truce proved false.");
        assert_eq!(c.modality, Modality::Asserted, "{c:?}");
    }

    #[test]
    fn reports_closed_by_their_cue_and_speakers_of_breakaway_republics() {
        let first = |outlet: &str, text: &str| claims(outlet, text).into_iter().next().unwrap_or_else(|| panic!("no claim in {text}"));
        // "Continued" reports only as a tag; before a clause it is the action's.
        let c = first("Guardian", "Ukraine's general staff said Russian forces continued to strike Lysychansk overnight.");
        assert_eq!(c.side, Side::Kyiv, "{c:?}");
        // ", X added, while ...": the cue closes the report before it.
        let c = first("Guardian", "Lysychansk was being shelled heavily, Serhiy Haidai added, while analysts warned of a Russian breakthrough south of the city.");
        assert_eq!((c.side, c.action.kind), (Side::Kyiv, Kind::Strike), "{c:?}");
        let c = first("Guardian", "Ivan Petrenko, an official of the self-proclaimed republic in Donetsk, said its troops had taken Marinka.");
        assert_eq!(c.side, Side::Moscow, "{c:?}");
        let c = first("Guardian", "Zelenskiy cast doubt on Russia's claim that its forces had taken Marinka.");
        assert_eq!((c.side, c.modality), (Side::Kyiv, Modality::Denied), "{c:?}");
        // The ministry whose deputy minister spoke before is that minister's.
        let text = "Hanna Maliar, deputy minister of defence of Ukraine, said troops had advanced near Bakhmut. The counteroffensive also retook a village in the south on Monday, according to the defence ministry.";
        let got = claims("UPI", text);
        assert!(got.iter().all(|c| c.side == Side::Kyiv), "{got:?}");
    }

    #[test]
    fn a_town_named_as_the_qualifier_of_another_and_things_held_are_no_places() {
        let c = claims("Guardian", "The general staff said the army withdrew from the Luhansk city of Sievierodonetsk.").into_iter().next().expect("a claim");
        assert_eq!(place(&c), "Sievierodonetsk");
        let text = "The boy was holding a bag when the shell landed in Lysychansk, the governor said.";
        assert!(claims("Guardian", text).iter().all(|c| c.action.kind != Kind::Control), "{text}");
    }

    #[test]
    fn a_denial_that_names_the_other_sides_claim_reports_that_claim_too() {
        let text = "Kyiv's military cast doubt on Russia's claim that its forces had taken Marinka, the spokesman said.";
        let got = claims("Guardian", text);
        let denial = got.iter().find(|c| c.side == Side::Kyiv).expect("the denial");
        let claim = got.iter().find(|c| c.side == Side::Moscow).expect("the claim denied");
        assert_eq!((denial.modality, claim.modality), (Modality::Denied, Modality::Asserted));
        assert_eq!(claim.text, "its forces had taken Marinka");
        // The owner may be a named person, before the noun or after "by".
        for text in [
            "The governor denied Ramzan Kadyrov's claims that Russian forces had seized Marinka.",
            "The governor denied claims by Ramzan Kadyrov that Russian forces had seized Marinka.",
        ] {
            let got = claims("Guardian", text);
            let claim = got.iter().find(|c| c.side == Side::Moscow).unwrap_or_else(|| panic!("the claim denied in {text}"));
            assert_eq!(claim.speaker.as_ref().map(|s| s.text.as_str()), Some(if text.contains("by Ramzan") { "claims by Ramzan Kadyrov" } else { "Ramzan Kadyrov's claims" }));
        }
        // "by" may name a body through a side word further on.
        let got = claims("Guardian", "Ukraine's military dismissed statements by the chief of Russia's general staff that its forces had seized Marinka.");
        let claim = got.iter().find(|c| c.side == Side::Moscow).expect("the statements dismissed");
        assert_eq!(claim.speaker.as_ref().map(|s| s.text.as_str()), Some("statements by the chief of Russia's general staff"));
        // An owner of the denier's own side, or none, reports nothing more.
        for text in ["Kyiv denied Ukrainian claims that its forces had left Marinka.", "Kyiv denied claims that its forces had left Marinka."] {
            assert!(claims("Guardian", text).iter().all(|c| c.side == Side::Kyiv), "{text}");
        }
    }

    #[test]
    fn an_idiom_holding_a_trigger_word_is_no_action() {
        for text in [
            "Ukraine's military said the raid on Marinka had been planned in advance.",
            "Kyiv said it would receive an advanced air defence system for Marinka.",
            "The governor of Marinka said prisoners there were on a hunger strike.",
        ] {
            assert!(claims("Guardian", text).is_empty(), "{text}: {:?}", claims("Guardian", text));
        }
        // The word on its own still is one.
        assert_eq!(claims("Guardian", "Ukraine's military said Russian forces had advanced near Marinka.").len(), 1);
        // Falling short of a capture is a capture that failed.
        let got = claims("Guardian", "Russian forces fell short of capturing Kupiansk, the Ukrainian military said.");
        assert_eq!(got.iter().map(|c| (c.action.kind, c.action.stance)).collect::<Vec<_>>(), vec![(Kind::Control, Stance::Resisted)]);
    }

    #[test]
    fn a_relative_clause_hanging_on_a_claim_describes_and_claims_nothing() {
        let got = claims("Guardian", "Kyiv says Russian guards murdered the prisoners, who were captured in May in Mariupol.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].action.kind, Kind::WarCrimes);
        // A relative clause with a speaker of its own is a claim.
        let got = claims("Guardian", "Kyiv said its troops still hold Marinka, which Russia says it captured in May.");
        assert!(got.iter().any(|c| c.side == Side::Moscow && c.action.kind == Kind::Control), "{got:?}");
        // A relative clause about a place or an attack is as often the news itself.
        let got = claims("Guardian", "Fighting continues around Chasiv Yar, which Russian forces captured on Monday, the Russian defence ministry said.");
        assert!(got.iter().any(|c| c.action.kind == Kind::Control && c.action.stance == Stance::Achieved), "{got:?}");
        let got = claims("Guardian", "Russia launched a missile attack on Dnipro on Friday, which killed at least 12 civilians, the regional governor said.");
        assert!(got.iter().any(|c| c.action.kind == Kind::Civilians), "{got:?}");
    }

    #[test]
    fn an_aside_between_speaker_and_verb_describes_the_speaker() {
        // The indefinite description is of the republic: the prosecutors are its, and so are
        // the prosecutors met again; what the aside says was taken is no claim.
        let text = "Prosecutors from the self-proclaimed Donetsk People's Republic, a proxy government controlled by Russia, have said the men were captured in Mariupol. Prosecutors said the men had fought as mercenaries near Mariupol and were captured there.";
        let got = claims("Guardian", text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got.iter().all(|c| c.side == Side::Moscow), "{:?}", got.iter().map(|c| &c.rules).collect::<Vec<_>>());
        assert!(got[1].rules.iter().any(|r| r == "speaker:role-introduced-before:prosecutors"), "{:?}", got[1].rules);
        // A description that names a person or a role describes the speaker phrase itself.
        let got = claims("Guardian", "Vladimir Rogov, a Russian-installed official, said Ukrainian forces had been driven out of Marinka.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].side, Side::Moscow);
        // A head that names no side of its own keeps the aside that does.
        let got = claims("Guardian", "The governor, a Kremlin appointee, said Ukrainian drones had struck an oil depot in Rovenky.");
        assert_eq!(got.first().map(|c| c.side), Some(Side::Moscow), "{got:?}");
        // A bare role is the one a phrase headed by it introduced, not one it only qualified.
        let text = "A Russian-installed police chief in Berdiansk said Ukrainian drones had struck the port. Police said four civilians were wounded in Sumy.";
        let got = claims("Guardian", text);
        assert!(got.iter().all(|c| !c.rules.iter().any(|r| r.starts_with("speaker:role-introduced-before"))), "{got:?}");
        // An adverbial aside may tell of what the speaker announced: it is left to the claim rules.
        let got = claims("Guardian", "Russia's defence ministry, in a statement on the capture of Ocheretyne, said its forces continued to advance.");
        assert!(got.iter().any(|c| c.action.kind == Kind::Control), "{got:?}");
        // A phrase with an action in it is no speaker the aside could stand beside.
        let got = claims("Guardian", "Russia's defence minister said Tuesday Moscow's forces had reclaimed Krynky, a Ukrainian bridgehead on the Dnipro, reports news agencies.");
        assert!(got.iter().any(|c| c.action.kind == Kind::Control && c.side == Side::Moscow), "{got:?}");
    }

    #[test]
    fn a_call_to_lay_down_arms_is_an_aim_and_a_controlled_government_no_ground() {
        let got = claims("Guardian", "Russia called on the defenders of Mariupol to \u{201c}immediately lay down arms\u{201d} by issuing a new ultimatum.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!((got[0].action.kind, got[0].action.stance), (Kind::Surrender, Stance::Ongoing));
        let text = "Putin repeated the false theme that the Kyiv government is controlled by the far right.";
        assert!(claims("Guardian", text).is_empty(), "{:?}", claims("Guardian", text));
        // Ground controlled is still a claim.
        let got = claims("Guardian", "Russian officials said the town of Izium is controlled by Russian forces.");
        assert!(got.iter().any(|c| c.action.kind == Kind::Control), "{got:?}");
    }

    #[test]
    fn a_semi_circle_drawn_is_no_encirclement() {
        let got = claims("Guardian", "Maliar claimed that Ukrainian forces managed to semi-circle the Russians inside Bakhmut.");
        assert!(got.iter().any(|c| c.action.kind == Kind::Encirclement), "{got:?}");
        let got = claims("Guardian", "Ukrainian troops dug a semi-circle of trenches around Chasiv Yar, the brigade said.");
        assert!(got.iter().all(|c| c.action.kind != Kind::Encirclement), "{got:?}");
        let got = claims("Guardian", "The grain deal was hailed as a diplomatic breakthrough, Kyiv said of Odesa.");
        assert!(got.iter().all(|c| c.action.kind != Kind::Advance), "{got:?}");
    }

    #[test]
    fn a_name_that_holds_a_cue_word_is_no_cue_and_an_aside_hides_no_subject() {
        // "States" in "the United States" is no "states"; the subject before the aside acts.
        let got = claims("The New York Times", "Russian officials claimed that Ukrainians, using precision weapons supplied by the United States, had shelled the prison in Olenivka.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!((got[0].side, got[0].action.actor), (Side::Moscow, Some(Side::Kyiv)), "{:?}", got[0].rules);
        // A title-case line keeps its cue.
        let got = claims("The New York Times", "Kyiv Says Russian Forces Shelled Kherson Overnight.");
        assert_eq!(got.first().map(|c| c.side), Some(Side::Kyiv), "{got:?}");
    }

    #[test]
    fn a_coordinated_subject_and_an_account_continued_with_also() {
        let got = claims("The New York Times", "But Ukrainian officials and civilians said heavy fighting was continuing in the villages near Siversk.");
        assert_eq!(got.first().map(|c| c.side), Some(Side::Kyiv), "{got:?}");
        // A first part that holds a verb is a clause of its own.
        let got = claims("The New York Times", "Russian forces captured Siversk and residents said the shelling had stopped.");
        assert!(got.iter().all(|c| c.speaker.as_ref().is_none_or(|s| !s.text.contains("captured"))), "{got:?}");
        let text = "The Ukrainian military said it had conducted 10 strikes across the south. They also targeted six Russian ammunition depots near Kherson.";
        let got = claims("The New York Times", text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[1].side == Side::Kyiv && got[1].rules.iter().any(|r| r == "speaker:continued"), "{:?}", got[1]);
        // Two sides named together are no one speaker, nor a clause with its own verb.
        let got = claims("The New York Times", "Russian and Ukrainian officials said heavy fighting continued near Siversk.");
        assert!(got.iter().all(|c| c.side != Side::Moscow && c.speaker.as_ref().is_none_or(|s| !s.text.starts_with("Russian and"))), "{got:?}");
        let got = claims("The New York Times", "Peskov declined to comment and Ukrainian officials said Russian forces had advanced near Siversk.");
        assert!(got.iter().all(|c| c.side != Side::Moscow), "{got:?}");
        // "He also" after a body's report is not the body's.
        let text = "Ukraine's military said Russian troops had attacked Kupiansk. He also oversaw the assault that captured Avdiivka.";
        let got = claims("The New York Times", text);
        assert!(got.iter().all(|c| !c.rules.iter().any(|r| r == "speaker:continued")), "{got:?}");
        // Without "also" the sentence is the outlet's own.
        let text = "The Ukrainian military said it had conducted 10 strikes across the south. They targeted six Russian ammunition depots near Kherson.";
        let got = claims("The New York Times", text);
        assert!(got.iter().all(|c| !c.rules.iter().any(|r| r == "speaker:continued")), "{got:?}");
    }

    #[test]
    fn the_region_of_the_capital_is_its_oblast() {
        let got = claims("The New York Times", "Russian strikes injured at least 15 people in the region of the capital, Kyiv, the Ukrainian authorities said.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(place(&got[0]), "Kyiv Oblast");
    }
}
