//! The plain data that flows between stages and into the store.
//!
//! Everything here is a value: no methods that do IO, no references into other structures.
//! Every claim carries its provenance (article, byte span, the rules that fired) so that any
//! line of a report can be traced back to the sentence it came from.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The caller's id of an article, kept as given.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ArticleId(pub String);

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A claim is named by its article and its position among that article's claims.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ClaimId {
    pub article: ArticleId,
    pub seq: u32,
}

impl fmt::Display for ClaimId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}#{}", self.article, self.seq)
    }
}

impl ClaimId {
    /// Parses the `article#seq` form that [`fmt::Display`] writes.
    pub fn parse(text: &str) -> Option<ClaimId> {
        let (article, seq) = text.rsplit_once('#')?;
        Some(ClaimId { article: ArticleId(article.to_string()), seq: seq.parse().ok()? })
    }
}

/// An event is named by what it is about and when it starts: `soledar-control-2023-01-10`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct EventId(pub String);

impl fmt::Display for EventId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A GeoNames id, or an id from the project's own place supplement (see `data/`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PlaceId(pub u32);

/// A half-open byte range `[start, end)` into an article's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start: start as u32, end: end as u32 }
    }
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The text this span covers in `text`; empty when the span does not fit the text.
    pub fn slice(self, text: &str) -> &str {
        text.get(self.range()).unwrap_or("")
    }
}

/// A calendar day, as days since 1970-01-01. Plain integer so that it sorts and subtracts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Day(pub i32);

impl Day {
    pub fn from_date(date: jiff::civil::Date) -> Day {
        let epoch = jiff::civil::date(1970, 1, 1);
        Day((date - epoch).get_days())
    }
    pub fn to_date(self) -> jiff::civil::Date {
        jiff::civil::date(1970, 1, 1)
            .checked_add(jiff::Span::new().days(i64::from(self.0)))
            .unwrap_or(jiff::civil::date(1970, 1, 1))
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.to_date())
    }
}

/// Whose account a claim is: the speaker's side, never the outlet's (but see `spec/formats.md`
/// for an outlet's own voice).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Moscow,
    Kyiv,
    Other,
}

impl Side {
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Moscow => "moscow",
            Side::Kyiv => "kyiv",
            Side::Other => "other",
        }
    }
    pub fn parse(text: &str) -> Option<Side> {
        match text {
            "moscow" => Some(Side::Moscow),
            "kyiv" => Some(Side::Kyiv),
            "other" => Some(Side::Other),
            _ => None,
        }
    }
    /// The opposing side, for "the enemy" and the like; `Other` has none.
    pub fn opponent(self) -> Option<Side> {
        match self {
            Side::Moscow => Some(Side::Kyiv),
            Side::Kyiv => Some(Side::Moscow),
            Side::Other => None,
        }
    }
    /// How a report names the side: "Moscow", "Kyiv", "Others".
    pub fn label(self) -> &'static str {
        match self {
            Side::Moscow => "Moscow",
            Side::Kyiv => "Kyiv",
            Side::Other => "Others",
        }
    }
}

/// How the claim is put forward.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// Stated as fact by the speaker ("said", "announced", "confirmed").
    Asserted,
    /// The speaker says it did not happen ("denied", "refuted", "fake").
    Denied,
    /// Reported but flagged as not verified ("could not independently verify").
    Unverified,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Denied => "denied",
            Modality::Unverified => "unverified",
        }
    }
}

/// The action taxonomy (documented in `data/lexicon/actions.tsv`). An event has one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Who holds a place: captures, liberations, holding out.
    Control,
    /// Gains short of a whole place: advances, assaults, districts taken.
    Advance,
    /// Encircling, cutting off, blockading.
    Encirclement,
    /// Withdrawals, retreats, "regrouping".
    Withdrawal,
    /// Units laying down arms.
    Surrender,
    /// Missile, drone, air and artillery strikes.
    Strike,
    /// Military losses.
    Casualties,
    /// Civilians killed, wounded, trapped or evacuated.
    Civilians,
    /// Alleged war crimes.
    WarCrimes,
    /// An offensive's progress on a front as a whole, not at one place: a line of defence
    /// broken or held, a counteroffensive's success or failure, its gains since it began.
    /// (Last among the variants, so that a stored claim of another kind keeps its encoding;
    /// `Kind::ALL` gives the report order.)
    Offensive,
}

impl Kind {
    pub const ALL: [Kind; 10] = [
        Kind::Control,
        Kind::Advance,
        Kind::Offensive,
        Kind::Encirclement,
        Kind::Withdrawal,
        Kind::Surrender,
        Kind::Strike,
        Kind::Casualties,
        Kind::Civilians,
        Kind::WarCrimes,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Control => "control",
            Kind::Advance => "advance",
            Kind::Encirclement => "encirclement",
            Kind::Withdrawal => "withdrawal",
            Kind::Surrender => "surrender",
            Kind::Strike => "strike",
            Kind::Casualties => "casualties",
            Kind::Civilians => "civilians",
            Kind::WarCrimes => "war_crimes",
            Kind::Offensive => "offensive",
        }
    }
    pub fn parse(text: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == text || k.as_str().replace('_', "-") == text)
    }
}

/// What a claim says about its event, in terms the conflict rules compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// The actor took or holds the place / did the thing ("captured", "liberated", "struck").
    Achieved,
    /// The defender still holds, fighting goes on, the attack failed ("holding out").
    Resisted,
    /// The action is under way or intended, without a result ("pushing to take", "aims to").
    Ongoing,
}

/// The action a claim reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    pub kind: Kind,
    pub stance: Stance,
    /// The side whose forces act (the attacker in a capture, the shooter in a strike), when
    /// the sentence says or implies it.
    pub actor: Option<Side>,
    /// The trigger as written ("taken control", "liberation", "holding out").
    pub trigger: String,
    pub trigger_span: Span,
    /// The trigger is negated in its clause ("has not fallen", "did not capture").
    pub negated: bool,
}

/// A number as a closed range: "559" is 559..=559, "more than 500" is 501..=∞ (stored as
/// `u64::MAX`), "dozens" is 24..=99.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quantity {
    pub low: u64,
    pub high: u64,
    /// What is counted, singular and lower case ("civilian", "soldier", "tank").
    pub unit: String,
    pub text: String,
    pub span: Span,
}

impl Quantity {
    pub fn overlaps(&self, other: &Quantity) -> bool {
        self.low <= other.high && other.low <= self.high
    }
}

/// A place as a claim refers to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaceRef {
    /// `None` when the name was not found in the gazetteer (then `name` is as written).
    pub id: Option<PlaceId>,
    /// The canonical name ("Bakhmut" for "Artemovsk").
    pub name: String,
    /// As written in the article.
    pub surface: String,
    pub span: Span,
    /// How the name was resolved: "exact", "alternate", "fuzzy", "context", "unresolved".
    pub resolved_by: String,
}

/// Who makes a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// As written ("Russia's defence ministry", "he"), the antecedent for pronouns.
    pub text: String,
    pub span: Span,
    /// The speaker a pronoun or short form stands for ("the ministry" → "Russia's defence
    /// ministry"), or the lexicon's name for a known speaker.
    pub resolved: Option<String>,
    pub side: Side,
}

/// One attributed claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    pub id: ClaimId,
    /// The claim's own words: its clause or sentence.
    pub span: Span,
    /// The text of `span`. Not stored (the article holds it): a claim read back from the store
    /// has it empty until a view fills it in from its article.
    #[serde(skip)]
    pub text: String,
    /// The sentence the claim is in.
    pub sentence: Span,
    pub speaker: Option<Speaker>,
    pub side: Side,
    pub modality: Modality,
    /// The reporting verb as written ("said", "claimed", "according to"), if any.
    pub cue: Option<String>,
    pub action: Action,
    pub place: Option<PlaceRef>,
    /// The day the claim speaks of, when the sentence dates it ("on Thursday evening").
    pub event_day: Option<Day>,
    /// The day used to group claims into events: the publication day.
    pub day: Option<Day>,
    pub quantity: Option<Quantity>,
    /// The sentence of a reporter's or third party's note that the claim could not be
    /// verified ("Reuters could not independently verify the claim").
    pub verification: Option<Span>,
    /// The rules that fired, in order, for provenance ("speaker:after-quote", "side:lexicon").
    pub rules: Vec<String>,
}

impl Claim {
    pub fn verification_span(&self) -> Option<Span> {
        self.verification
    }

    /// A claim of `side` about `kind` with every optional part empty, for tests to fill in
    /// with struct update syntax.
    #[cfg(test)]
    pub(crate) fn blank(article: &str, seq: u32, side: Side, kind: Kind, stance: Stance) -> Claim {
        Claim {
            id: ClaimId { article: ArticleId(article.into()), seq },
            span: Span::default(),
            text: String::new(),
            sentence: Span::default(),
            speaker: None,
            side,
            modality: Modality::Asserted,
            cue: None,
            action: Action { kind, stance, actor: None, trigger: String::new(), trigger_span: Span::default(), negated: false },
            place: None,
            event_day: None,
            day: None,
            quantity: None,
            verification: None,
            rules: vec![],
        }
    }
}

/// An article as stored: the source of truth everything else is derived from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    pub id: ArticleId,
    pub outlet: String,
    /// As given: `YYYY-MM-DD` or RFC 3339.
    pub published: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub text: String,
    /// xxh3-128 of outlet, title and text, hex: the same article twice is stored once.
    pub content_hash: String,
}

/// How an event stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// A Moscow and a Kyiv account that cannot both be true.
    Contested,
    /// Accounts from one party only.
    OneSided,
    /// More than one party's accounts, and none of them in conflict.
    Corroborated,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Contested => "contested",
            Status::OneSided => "one-sided",
            Status::Corroborated => "corroborated",
        }
    }
    pub fn parse(text: &str) -> Option<Status> {
        [Status::Contested, Status::OneSided, Status::Corroborated].into_iter().find(|s| s.as_str() == text)
    }
}

/// Two accounts of one event that cannot both be true.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    /// The rule that found it ("control:taken-vs-held", "denial", "numbers").
    pub rule: String,
    pub moscow: ClaimId,
    pub kyiv: ClaimId,
    /// One sentence saying what is disputed.
    pub explanation: String,
}

/// What an event is grouped by: its place (or none) and kind.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct BlockKey {
    /// The place key: a gazetteer id as `g<id>`, or `n:<folded name>` for a name the gazetteer
    /// lacks, or empty for claims without a place.
    pub place: String,
    pub kind: Kind,
}

/// Claims from all articles that speak of the same thing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub id: EventId,
    pub block: BlockKey,
    pub kind: Kind,
    pub place: Option<PlaceRef>,
    /// First and last grouping day of its claims; `None` for undated claims.
    pub first_day: Option<Day>,
    pub last_day: Option<Day>,
    /// How many claims the event holds. The claims themselves are the block's index entries
    /// from `first_day` to `last_day` (`db::Db::event_claims`), so an event that grows is not
    /// rewritten with a longer list.
    pub claim_count: u32,
    /// The block's undated claims joined this event, its one dated event
    /// (`cluster::undated_join`); they are its members too.
    pub joins_undated: bool,
    pub status: Status,
    pub conflicts: Vec<Conflict>,
    /// The rule that grouped the claims, for provenance.
    pub rule: String,
}
