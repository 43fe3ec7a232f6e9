//! Typed views of the lexicon files, each compiled into one multi-pattern automaton.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::{LexiconError, Row, Table};
use crate::model::{Kind, Side, Stance};

/// A phrase found in text: its byte range in the searched text and its lexicon entry.
#[derive(Debug, Clone, Copy)]
pub struct PhraseMatch<'a, T> {
    pub start: usize,
    pub end: usize,
    pub value: &'a T,
    pub pattern: &'a str,
}

/// Phrases of one lexicon with their typed values, searched in one pass.
///
/// Matching is on whole words (hyphenated compounds count as one word), the phrase ending last
/// winning among overlapping ones, ASCII case-insensitive; a pattern written with
/// a capital letter ("US", "UN") matches only as written, so that "us" and "un-" stay words.
pub struct PhraseSet<T> {
    automaton: AhoCorasick,
    patterns: Vec<&'static str>,
    case_sensitive: Vec<bool>,
    values: Vec<T>,
}

impl<T> PhraseSet<T> {
    pub fn build(
        table: &Table,
        pattern_col: &str,
        mut value: impl FnMut(&Table, &Row) -> Result<T, LexiconError>,
    ) -> Result<PhraseSet<T>, LexiconError> {
        let col = table.column(pattern_col);
        let mut patterns = Vec::with_capacity(table.rows.len());
        let mut values = Vec::with_capacity(table.rows.len());
        let mut seen = HashMap::new();
        for row in &table.rows {
            let pattern = row.cells[col];
            if let Some(first) = seen.insert(pattern, row.line) {
                return Err(table.error(row, format!("`{pattern}` is listed twice (first on line {first})")));
            }
            patterns.push(pattern);
            values.push(value(table, row)?);
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .map_err(|e| LexiconError { file: table.name, line: 0, message: e.to_string() })?;
        let case_sensitive = patterns.iter().map(|p| p.chars().any(char::is_uppercase)).collect();
        Ok(PhraseSet { automaton, patterns, case_sensitive, values })
    }

    /// Every whole-word match in `text`, non-overlapping, in text order.
    pub fn find<'a>(&'a self, text: &str) -> Vec<PhraseMatch<'a, T>> {
        let bytes = text.as_bytes();
        let mut all: Vec<(usize, usize, usize)> = self
            .automaton
            .find_overlapping_iter(text)
            .filter_map(|m| {
                let (s, e, p) = (m.start(), m.end(), m.pattern().as_usize());
                let cuts_word_at_start = s > 0 && is_word_byte(bytes[s - 1]) && is_word_byte(bytes[s]);
                let cuts_word_at_end = e < bytes.len() && is_word_byte(bytes[e]) && is_word_byte(bytes[e - 1]);
                let boundary_ok = !cuts_word_at_start && !cuts_word_at_end;
                let case_ok = !self.case_sensitive[p] || &text[s..e] == self.patterns[p];
                (boundary_ok && case_ok).then_some((s, e, p))
            })
            .collect();
        // Of overlapping phrases the one that ends last wins, then the longest: English verb
        // phrases end in their head, so "have taken control" reads as "taken control" and "were
        // holding out" as "holding out".
        all.sort_by(|a, b| b.1.cmp(&a.1).then((b.1 - b.0).cmp(&(a.1 - a.0))).then(a.0.cmp(&b.0)));
        // Taken intervals are kept sorted by start and never overlap, so an overlap check is
        // a binary search and a look at the two neighbours.
        let mut taken: Vec<(usize, usize, usize)> = Vec::new();
        for (s, e, p) in all {
            let at = taken.partition_point(|t| t.0 < s);
            let clear_before = at == 0 || taken[at - 1].1 <= s;
            let clear_after = at == taken.len() || taken[at].0 >= e;
            if clear_before && clear_after {
                taken.insert(at, (s, e, p));
            }
        }
        taken
            .into_iter()
            .map(|(s, e, p)| PhraseMatch { start: s, end: e, value: &self.values[p], pattern: self.patterns[p] })
            .collect()
    }

    /// The entry for an exact phrase (case-insensitive), if listed.
    pub fn get(&self, phrase: &str) -> Option<&T> {
        self.patterns.iter().position(|p| p.eq_ignore_ascii_case(phrase)).map(|i| &self.values[i])
    }

    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }
}

/// Word characters for boundary checks: letters, digits, the bytes of non-ASCII letters, and
/// the hyphen, so that a phrase never matches inside a compound ("bombed-out", "pro-Moscow")
/// unless the compound itself is listed ("pro-Russian", "Russian-installed").
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80 || b == b'-'
}

fn parse_side(table: &Table, row: &Row, cell: &str) -> Result<Side, LexiconError> {
    Side::parse(cell).ok_or_else(|| table.error(row, format!("`{cell}` is not a side (moscow, kyiv, other)")))
}

fn cell(table: &Table, row: &Row, name: &str) -> &'static str {
    row.cells[table.column(name)]
}

/// How a reporting cue presents what follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueModality {
    Asserted,
    Hedged,
    Denied,
}

/// Where a cue's speaker stands relative to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueForm {
    Verb,
    Participle,
    According,
    Passive,
}

#[derive(Debug, Clone, Copy)]
pub struct Cue {
    pub modality: CueModality,
    pub form: CueForm,
    /// Reports only as a tag after what it reports ("..., he continued."), never before a
    /// clause ("forces continued to advance").
    pub tag_only: bool,
    /// What follows is a source only when it names one ("citing officials"); otherwise it is
    /// a reason ("citing the scale of its losses").
    pub source_named: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DenialPhrase {
    /// A word calling something false ("fake").
    Label,
    /// A noun phrase pointing back at a claim ("the claim").
    Anaphor,
    /// A phrase that holds a label's word but calls nothing false ("a false flag operation"):
    /// as the longest match it keeps the label from being read.
    Idiom,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SpeakerType {
    Override,
    Person,
    Org,
    Third,
    Marker,
    Metonym,
}

#[derive(Debug, Clone)]
pub struct SpeakerEntry {
    pub side: Side,
    pub ty: SpeakerType,
    pub canonical: Option<&'static str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refers {
    Person,
    Org,
    Group,
    Any,
}

#[derive(Debug, Clone)]
pub struct Anaphor {
    pub refers: Refers,
    pub head: Option<&'static str>,
    pub default: Option<Side>,
}

/// What a trigger's kind column says: a kind, `harm` (decided by the victim noun), or `none`
/// (an idiom that holds a trigger word but tells of no action: "in advance").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TriggerKind {
    Kind(Kind),
    Harm,
    Idiom,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    Nothing,
    Place,
    /// A place named in the clause itself, not one carried on from earlier sentences: what
    /// "fell" is a town only when the clause says which ("having fallen, the rider ...").
    ClausePlace,
    Civilian,
    /// A line of defence in the sentence ("the first line has not been broken").
    Line,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Framing {
    Orderly,
    Forced,
    /// A side's own word for its captures ("liberated").
    OwnSide,
}

impl Framing {
    /// The framing's name, as actions.tsv writes it.
    pub fn name(self) -> &'static str {
        match self {
            Framing::Orderly => "orderly",
            Framing::Forced => "forced",
            Framing::OwnSide => "own-side",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorRule {
    Subject,
    SubjectOpponent,
    SpeakerOpponent,
}

#[derive(Debug, Clone)]
pub struct Trigger {
    pub kind: TriggerKind,
    pub stance: Stance,
    pub weak: bool,
    pub needs: Needs,
    pub framing: Option<Framing>,
    pub actor: ActorRule,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NounRole {
    Military,
    Civilian,
    Partial,
    Settlement,
    Equipment,
    Person,
    /// A line of defence ("the first line of defence").
    Line,
    /// A military object a strike is said to hit ("an ammunition depot", "a warship").
    MilitarySite,
    /// A civilian object a strike is said to hit ("a pumping station", "residential areas").
    CivilianSite,
    /// Arms only one side fields ("HIMARS", "Kalibr"): a strike made with them is that side's,
    /// and as a target they are a military one.
    Weapon(Side),
}

#[derive(Debug, Clone)]
pub struct Outlet {
    pub canonical: &'static str,
    pub country: &'static str,
    pub state: Option<Side>,
    /// A news agency whose copy other outlets carry.
    pub wire: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuantityWord {
    Above,
    AtLeast,
    Below,
    AtMost,
    About,
    Word(u64),
    Vague(u64, u64),
}

/// The classes of `grammar.tsv`, as bits of a [`WordClasses`] set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u32)]
pub enum WordClass {
    Negation = 1,
    Modal = 1 << 1,
    Enabling = 1 << 2,
    Boundary = 1 << 3,
    Stop = 1 << 4,
    Auxiliary = 1 << 5,
    Determiner = 1 << 6,
    Preposition = 1 << 7,
    Time = 1 << 8,
    Pronoun = 1 << 9,
    Opponent = 1 << 10,
    Purpose = 1 << 11,
    Sector = 1 << 12,
    Locality = 1 << 13,
    Namesake = 1 << 14,
    Campaign = 1 << 15,
    Overall = 1 << 16,
    Front = 1 << 17,
    Portion = 1 << 18,
    Comparison = 1 << 19,
    Habitual = 1 << 20,
    Sender = 1 << 21,
    Seat = 1 << 22,
    ClaimNoun = 1 << 23,
    Proposal = 1 << 24,
    Subordinator = 1 << 25,
    Means = 1 << 26,
    IdiomObject = 1 << 27,
}

impl WordClass {
    fn parse(text: &str) -> Option<WordClass> {
        Some(match text {
            "negation" => WordClass::Negation,
            "modal" => WordClass::Modal,
            "enabling" => WordClass::Enabling,
            "boundary" => WordClass::Boundary,
            "stop" => WordClass::Stop,
            "auxiliary" => WordClass::Auxiliary,
            "determiner" => WordClass::Determiner,
            "preposition" => WordClass::Preposition,
            "time" => WordClass::Time,
            "pronoun" => WordClass::Pronoun,
            "opponent" => WordClass::Opponent,
            "purpose" => WordClass::Purpose,
            "sector" => WordClass::Sector,
            "locality" => WordClass::Locality,
            "namesake" => WordClass::Namesake,
            "campaign" => WordClass::Campaign,
            "overall" => WordClass::Overall,
            "front" => WordClass::Front,
            "portion" => WordClass::Portion,
            "comparison" => WordClass::Comparison,
            "habitual" => WordClass::Habitual,
            "sender" => WordClass::Sender,
            "seat" => WordClass::Seat,
            "claim-noun" => WordClass::ClaimNoun,
            "proposal" => WordClass::Proposal,
            "subordinator" => WordClass::Subordinator,
            "means" => WordClass::Means,
            "idiom-object" => WordClass::IdiomObject,
            _ => return None,
        })
    }
}

/// The grammar classes of single words, and the multi-word entries by class.
pub struct Grammar {
    words: HashMap<&'static str, u32>,
    phrases: Vec<(&'static str, WordClass)>,
}

impl Grammar {
    /// True when `word` (any case) is of class `class`.
    pub fn is(&self, word: &str, class: WordClass) -> bool {
        // Called for nearly every token: lower-case on the stack, not the heap. No function
        // word is longer than the buffer.
        let mut buf = [0u8; 24];
        let key = if word.bytes().any(|b| b.is_ascii_uppercase()) {
            if word.len() > buf.len() {
                return false;
            }
            for (d, b) in buf.iter_mut().zip(word.bytes()) {
                *d = b.to_ascii_lowercase();
            }
            match std::str::from_utf8(&buf[..word.len()]) {
                Ok(k) => k,
                Err(_) => return false,
            }
        } else {
            word
        };
        self.words.get(key).is_some_and(|bits| bits & class as u32 != 0)
    }

    /// The multi-word entries of a class ("make it possible").
    pub fn phrases(&self, class: WordClass) -> impl Iterator<Item = &'static str> + '_ {
        self.phrases.iter().filter(move |(_, c)| *c == class).map(|(p, _)| *p)
    }
}

/// Every lexicon, parsed and compiled.
pub struct Lexicons {
    pub reporting: PhraseSet<Cue>,
    pub denial: PhraseSet<DenialPhrase>,
    pub verification: PhraseSet<()>,
    pub speakers: PhraseSet<SpeakerEntry>,
    pub anaphora: PhraseSet<Anaphor>,
    pub roles: PhraseSet<Side>,
    pub actions: PhraseSet<Trigger>,
    pub nouns: PhraseSet<NounRole>,
    pub quantities: PhraseSet<QuantityWord>,
    pub grammar: Grammar,
    pub boilerplate: super::Boilerplate,
    pub abbreviations: Vec<String>,
    outlets: HashMap<String, Outlet>,
}

impl Lexicons {
    /// The compiled-in lexicons, parsed on first use.
    pub fn builtin() -> &'static Lexicons {
        static LEXICONS: LazyLock<Lexicons> =
            LazyLock::new(|| Lexicons::parse().unwrap_or_else(|e| panic!("built-in lexicon is malformed: {e}")));
        &LEXICONS
    }

    /// Parses the compiled-in lexicon files.
    pub fn parse() -> Result<Lexicons, LexiconError> {
        Lexicons::parse_texts(&super::LexiconTexts::builtin())
    }

    /// Parses lexicon files from their texts (the compiled-in ones or a user's replacements).
    pub fn parse_texts(texts: &super::LexiconTexts) -> Result<Lexicons, LexiconError> {
        use super::Table;
        let reporting = PhraseSet::build(&Table::parse("reporting.tsv", texts.get("reporting.tsv"))?, "cue", |t, r| {
            let modality = match cell(t, r, "modality") {
                "asserted" => CueModality::Asserted,
                "hedged" => CueModality::Hedged,
                "denied" => CueModality::Denied,
                other => return Err(t.error(r, format!("unknown modality `{other}`"))),
            };
            let tag_only = cell(t, r, "form") == "tag";
            let source_named = cell(t, r, "form") == "citing";
            let form = match cell(t, r, "form") {
                "verb" | "tag" => CueForm::Verb,
                "participle" => CueForm::Participle,
                "according" | "citing" => CueForm::According,
                "passive" => CueForm::Passive,
                other => return Err(t.error(r, format!("unknown form `{other}`"))),
            };
            Ok(Cue { modality, form, tag_only, source_named })
        })?;
        let denial = PhraseSet::build(&Table::parse("denial.tsv", texts.get("denial.tsv"))?, "phrase", |t, r| {
            match cell(t, r, "kind") {
                "label" => Ok(DenialPhrase::Label),
                "anaphor" => Ok(DenialPhrase::Anaphor),
                "idiom" => Ok(DenialPhrase::Idiom),
                other => Err(t.error(r, format!("unknown kind `{other}`"))),
            }
        })?;
        let verification = PhraseSet::build(&Table::parse("verification.tsv", texts.get("verification.tsv"))?, "phrase", |_, _| Ok(()))?;
        let speakers = PhraseSet::build(&Table::parse("speakers.tsv", texts.get("speakers.tsv"))?, "pattern", |t, r| {
            let ty = match cell(t, r, "type") {
                "person" => SpeakerType::Person,
                "org" => SpeakerType::Org,
                "override" => SpeakerType::Override,
                "third" => SpeakerType::Third,
                "marker" => SpeakerType::Marker,
                "metonym" => SpeakerType::Metonym,
                other => return Err(t.error(r, format!("unknown type `{other}`"))),
            };
            let side = parse_side(t, r, cell(t, r, "side"))?;
            let canonical = r.get(t.column("canonical"));
            if matches!(ty, SpeakerType::Person | SpeakerType::Org | SpeakerType::Metonym) && canonical.is_none() {
                return Err(t.error(r, "persons, organisations and metonyms need a canonical name"));
            }
            Ok(SpeakerEntry { side, ty, canonical })
        })?;
        let anaphora = PhraseSet::build(&Table::parse("anaphora.tsv", texts.get("anaphora.tsv"))?, "pattern", |t, r| {
            let refers = match cell(t, r, "refers") {
                "person" => Refers::Person,
                "org" => Refers::Org,
                "group" => Refers::Group,
                "any" => Refers::Any,
                other => return Err(t.error(r, format!("unknown referent `{other}`"))),
            };
            let default = r.get(t.column("default")).map(|s| parse_side(t, r, s)).transpose()?;
            Ok(Anaphor { refers, head: r.get(t.column("head")), default })
        })?;
        let roles = PhraseSet::build(&Table::parse("roles.tsv", texts.get("roles.tsv"))?, "role", |t, r| {
            parse_side(t, r, cell(t, r, "default"))
        })?;
        let actions = PhraseSet::build(&Table::parse("actions.tsv", texts.get("actions.tsv"))?, "pattern", |t, r| {
            let kind = match cell(t, r, "kind") {
                "harm" => TriggerKind::Harm,
                "none" => TriggerKind::Idiom,
                other => TriggerKind::Kind(Kind::parse(other).ok_or_else(|| t.error(r, format!("unknown kind `{other}`")))?),
            };
            let stance = match cell(t, r, "stance") {
                "achieved" => Stance::Achieved,
                "resisted" => Stance::Resisted,
                "ongoing" => Stance::Ongoing,
                other => return Err(t.error(r, format!("unknown stance `{other}`"))),
            };
            let weak = match cell(t, r, "strength") {
                "strong" => false,
                "weak" => true,
                other => return Err(t.error(r, format!("unknown strength `{other}`"))),
            };
            let needs = match cell(t, r, "needs") {
                "-" => Needs::Nothing,
                "place" => Needs::Place,
                "clause-place" => Needs::ClausePlace,
                "civilian" => Needs::Civilian,
                "line" => Needs::Line,
                other => return Err(t.error(r, format!("unknown need `{other}`"))),
            };
            let framing = match cell(t, r, "framing") {
                "-" => None,
                "orderly" => Some(Framing::Orderly),
                "forced" => Some(Framing::Forced),
                "own-side" => Some(Framing::OwnSide),
                other => return Err(t.error(r, format!("unknown framing `{other}`"))),
            };
            let actor = match cell(t, r, "actor") {
                "subject" => ActorRule::Subject,
                "subject-opponent" => ActorRule::SubjectOpponent,
                "speaker-opponent" => ActorRule::SpeakerOpponent,
                other => return Err(t.error(r, format!("unknown actor rule `{other}`"))),
            };
            Ok(Trigger { kind, stance, weak, needs, framing, actor })
        })?;
        let nouns = PhraseSet::build(&Table::parse("nouns.tsv", texts.get("nouns.tsv"))?, "noun", |t, r| match cell(t, r, "role") {
            "military" => Ok(NounRole::Military),
            "civilian" => Ok(NounRole::Civilian),
            "partial" => Ok(NounRole::Partial),
            "settlement" => Ok(NounRole::Settlement),
            "equipment" => Ok(NounRole::Equipment),
            "person" => Ok(NounRole::Person),
            "line" => Ok(NounRole::Line),
            "military-site" => Ok(NounRole::MilitarySite),
            "civilian-site" => Ok(NounRole::CivilianSite),
            "moscow-weapon" => Ok(NounRole::Weapon(Side::Moscow)),
            "kyiv-weapon" => Ok(NounRole::Weapon(Side::Kyiv)),
            other => Err(t.error(r, format!("unknown role `{other}`"))),
        })?;
        let quantities = PhraseSet::build(&Table::parse("quantities.tsv", texts.get("quantities.tsv"))?, "phrase", |t, r| {
            let value = r.get(t.column("value"));
            let number = |v: &str| v.parse::<u64>().map_err(|_| t.error(r, format!("`{v}` is not a number")));
            Ok(match (cell(t, r, "kind"), value) {
                ("above", None) => QuantityWord::Above,
                ("atleast", None) => QuantityWord::AtLeast,
                ("below", None) => QuantityWord::Below,
                ("atmost", None) => QuantityWord::AtMost,
                ("about", None) => QuantityWord::About,
                ("word", Some(v)) => QuantityWord::Word(number(v)?),
                ("vague", Some(v)) => {
                    let (lo, hi) = v.split_once('-').ok_or_else(|| t.error(r, "a vague amount is written low-high"))?;
                    let (lo, hi) = (number(lo)?, number(hi)?);
                    if lo > hi {
                        return Err(t.error(r, "low is above high"));
                    }
                    QuantityWord::Vague(lo, hi)
                }
                (kind, _) => return Err(t.error(r, format!("kind `{kind}` with this value is not understood"))),
            })
        })?;
        let table = Table::parse("outlets.tsv", texts.get("outlets.tsv"))?;
        let mut outlets = HashMap::new();
        for row in &table.rows {
            let state = row.get(table.column("state")).map(|s| parse_side(&table, row, s)).transpose()?;
            let wire = match cell(&table, row, "wire") {
                "yes" => true,
                "-" => false,
                other => return Err(table.error(row, format!("wire is `yes` or `-`, not `{other}`"))),
            };
            let outlet = Outlet { canonical: cell(&table, row, "canonical"), country: cell(&table, row, "country"), state, wire };
            if outlets.insert(cell(&table, row, "variant").to_lowercase(), outlet).is_some() {
                return Err(table.error(row, "variant listed twice"));
            }
        }
        let table = Table::parse("grammar.tsv", texts.get("grammar.tsv"))?;
        let mut grammar = Grammar { words: HashMap::new(), phrases: Vec::new() };
        for row in &table.rows {
            let word = cell(&table, row, "word");
            let class = WordClass::parse(cell(&table, row, "class"))
                .ok_or_else(|| table.error(row, format!("unknown class `{}`", cell(&table, row, "class"))))?;
            if word.contains(' ') {
                grammar.phrases.push((word, class));
            } else {
                *grammar.words.entry(word).or_default() |= class as u32;
            }
        }
        let boilerplate = super::Boilerplate::parse(texts.get("boilerplate.tsv"))?;
        let abbreviations = super::parse_abbreviations(texts.get("abbreviations.tsv"))?;
        Ok(Lexicons {
            reporting,
            denial,
            verification,
            speakers,
            anaphora,
            roles,
            actions,
            nouns,
            quantities,
            grammar,
            boilerplate,
            abbreviations,
            outlets,
        })
    }

    /// The registry entry for an outlet field as written: the wire in brackets first
    /// ("Devdiscourse (Reuters)" is Reuters copy), then the whole name, then the name without
    /// its bracket.
    pub fn outlet(&self, written: &str) -> Option<&Outlet> {
        let lower = written.trim().to_lowercase();
        let bracket = lower.rsplit_once('(').and_then(|(_, b)| b.strip_suffix(')'));
        if let Some(inner) = bracket {
            // "(Reuters)", "(Philenews, Reuters)", "(Reuters video)": the wire may come with
            // other words, so every leading run of a part's words is tried.
            for part in inner.split([',', ';']).map(str::trim).rev() {
                let words: Vec<&str> = part.split_whitespace().collect();
                for n in (1..=words.len()).rev() {
                    if let Some(o) = self.outlets.get(&words[..n].join(" ")) {
                        return Some(o);
                    }
                }
            }
        }
        if let Some(o) = self.outlets.get(&lower) {
            return Some(o);
        }
        let base = lower.split('(').next().unwrap_or("").trim();
        self.outlets.get(base)
    }

    /// The canonical name for an outlet as written, or the written name itself.
    pub fn outlet_name(&self, written: &str) -> String {
        self.outlet(written).map(|o| o.canonical.to_string()).unwrap_or_else(|| written.trim().to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_lexicons_parse_and_are_not_empty() {
        let lex = Lexicons::parse().unwrap();
        assert!(lex.reporting.len() > 40 && lex.actions.len() > 200 && lex.speakers.len() > 100);
    }

    #[test]
    fn phrases_match_whole_words_longest_first() {
        let lex = Lexicons::builtin();
        let text = "Russian forces have taken control of the town; Ukraine's military denied it.";
        let found: Vec<&str> = lex.actions.find(text).iter().map(|m| m.pattern).collect();
        assert_eq!(found, vec!["taken control"]);
        let found: Vec<&str> = lex.speakers.find(text).iter().map(|m| m.pattern).collect();
        assert_eq!(found, vec!["russian", "ukraine's"]);
    }

    #[test]
    fn capitalised_patterns_match_only_as_written() {
        let lex = Lexicons::builtin();
        let found: Vec<&str> = lex.speakers.find("US officials told us the UN agreed").iter().map(|m| m.pattern).collect();
        assert_eq!(found, vec!["US", "UN"]);
    }

    #[test]
    fn outlets_are_known_under_their_variants_and_wire_brackets() {
        let lex = Lexicons::builtin();
        assert_eq!(lex.outlet("Devdiscourse (Reuters)").unwrap().canonical, "Reuters");
        assert_eq!(lex.outlet("Yahoo News (Reuters video)").unwrap().canonical, "Reuters");
        assert_eq!(lex.outlet("UrduPoint (Sputnik)").unwrap().state, Some(Side::Moscow));
        assert_eq!(lex.outlet("TASS").unwrap().state, Some(Side::Moscow));
        assert_eq!(lex.outlet("Ukrinform (via MENAFN)").unwrap().state, Some(Side::Kyiv));
        assert!(lex.outlet("Some Local Paper").is_none());
    }

    #[test]
    fn a_malformed_action_row_names_its_line() {
        let text = "# test\npattern\tkind\tstance\tstrength\tneeds\tframing\tactor\nseized\tcontrol\twon\tstrong\t-\t-\tsubject\n";
        let table = Table::parse("actions.tsv", text).unwrap();
        let err = PhraseSet::build(&table, "pattern", |t, r| match cell(t, r, "stance") {
            "achieved" => Ok(()),
            other => Err(t.error(r, format!("unknown stance `{other}`"))),
        })
        .err()
        .unwrap();
        assert_eq!(err.line, 3);
    }
}
