//! Stage 4, cluster: claims from all articles into events.
//!
//! Claims are first blocked by what they are about: their place (a gazetteer id, so every
//! spelling of Bakhmut is one key; a name the gazetteer lacks is keyed by its folded form, so
//! near-spellings meet) and their kind's family (see [`family`]). Within a block, claims are ordered by day and cut into
//! events by a left-to-right scan: a new event starts when the next claim is more than
//! [`GAP_DAYS`] after the previous one, or more than [`SPAN_DAYS`] after the event's first.
//!
//! The scan depends only on the set of claims, never on the order they arrived in, which is
//! what makes the store the same whatever the ingest order. It also restarts cleanly at any
//! event start, so an update only rescans from the start of the event a new claim falls in to
//! the first unchanged event start after it (see `db::recluster`).

use crate::gazetteer;
use crate::model::{BlockKey, Claim, ClaimId, Day, EventId, Kind, Stance};

/// Claims of one block at most this many days apart are one event (a capture announced one
/// day and denied a few days later).
pub const GAP_DAYS: i32 = 7;
/// An event spans at most this many days, so that a place fought over for months yields a
/// sequence of events rather than one.
pub const SPAN_DAYS: i32 = 28;
/// The day key of claims without any date (an article that gives no publication date and
/// no date of its own): they form one event per block, or join its one dated event
/// ([`undated_join`]).
pub const UNDATED: i32 = i32::MAX;

/// Whether a block's undated claims join its dated event: when it has exactly one. An account
/// of a town's capture that gives no date is about the one capture of the town the store
/// knows of; where the block holds several, nothing tells which, and they stay an undated
/// event of their own.
pub fn undated_join(dated_events: usize) -> bool {
    dated_events == 1
}

/// The family of kinds one event gathers: the capture or holding of a place and the advances
/// into it are accounts of one fight ("troops recaptured the village" is told as an advance by
/// one outlet and as a change of control by the next), so advances are blocked with control.
/// Every other kind is its own family: an offensive's progress (a line of defence broken, gains
/// around a town rather than into it) is an event apart from the town's capture, as the fight
/// for a line is reported apart from the fight for the village behind it. The family is what
/// claims are blocked by and what an event's id names; its reported kind is the commonest kind
/// of its claims ([`event_kind`]).
pub fn family(kind: Kind) -> Kind {
    match kind {
        Kind::Advance => Kind::Control,
        k => k,
    }
}

/// The kind a claim is blocked by: its kind's [`family`], except that attacks a side says it
/// repelled stay with the advances. A repelled attack says no ground changed hands, and such
/// reports come daily from every sector: blocked with control they would chain a place's
/// separate captures and holdings into one event.
pub fn block_kind(claim: &Claim) -> Kind {
    let kind = claim.action.kind;
    if kind == Kind::Advance && claim.action.stance == Stance::Resisted {
        return kind;
    }
    family(kind)
}

/// The kind an event is reported as: the commonest kind of its claims, ties going to the kind
/// first in report order; the block's kind when it has no claims.
pub fn event_kind(block: &BlockKey, claims: &[&Claim]) -> Kind {
    let mut counts = [0usize; Kind::ALL.len()];
    for c in claims {
        if let Some(i) = Kind::ALL.iter().position(|k| *k == c.action.kind) {
            counts[i] += 1;
        }
    }
    let mut best: Option<(usize, Kind)> = None;
    for (i, k) in Kind::ALL.iter().enumerate() {
        if counts[i] > 0 && best.is_none_or(|(n, _)| counts[i] > n) {
            best = Some((counts[i], *k));
        }
    }
    best.map_or(block.kind, |(_, k)| k)
}

/// The block a claim belongs to.
pub fn block_key(claim: &Claim) -> BlockKey {
    let place = match &claim.place {
        Some(p) => match p.id {
            Some(id) => format!("g{}", id.0),
            None => format!("n:{}", gazetteer::unlisted_key(&p.name)),
        },
        None => String::new(),
    };
    BlockKey { place, kind: block_kind(claim) }
}

/// The day key a claim is grouped by.
pub fn day_key(claim: &Claim) -> i32 {
    claim.day.map_or(UNDATED, |d| d.0)
}

/// Left-to-right event partition of a block's claims. Feed claims in (day, id) order.
#[derive(Debug, Clone, Default)]
pub struct Partitioner {
    start: Option<i32>,
    last: i32,
}

impl Partitioner {
    /// A partitioner whose scan begins at an event start (the state right after a cut).
    pub fn new() -> Self {
        Partitioner::default()
    }

    /// Takes the next claim's day; returns true when it starts a new event.
    pub fn push(&mut self, day: i32) -> bool {
        let cut = match self.start {
            None => true,
            Some(_) if day == UNDATED || self.last == UNDATED => day != self.last,
            Some(start) => day - self.last > GAP_DAYS || day - start > SPAN_DAYS,
        };
        if cut {
            self.start = Some(day);
        }
        self.last = day;
        cut
    }
}

/// Cuts a block's claims, sorted by (day, id), into events: ranges of indices.
pub fn partition(days: &[i32]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut p = Partitioner::new();
    let mut start = 0;
    for (i, &d) in days.iter().enumerate() {
        if p.push(d) && i > 0 {
            out.push(start..i);
            start = i;
        }
    }
    if !days.is_empty() {
        out.push(start..days.len());
    }
    out
}

/// The readable, stable id of the event of a block that starts on `first_day`, named by the
/// block's kind (the family's first kind, so an event of a place's capture and the advances
/// into it is `...-control-...` whatever its commonest kind): `soledar-control-2023-01-10`,
/// `national-war-crimes-2023-01-13`, `bakhmut-encirclement-undated`. The events of one block
/// start on different days, so ids are unique.
pub fn event_id(block: &BlockKey, place_slug: &str, first_day: i32) -> EventId {
    let place = if block.place.is_empty() { "national" } else { place_slug };
    let when = if first_day == UNDATED { "undated".to_string() } else { Day(first_day).to_string() };
    EventId(format!("{}-{}-{}", place, block.kind.as_str().replace('_', "-"), when))
}

/// A URL-safe slug for a place name the gazetteer lacks (prefixed so it cannot collide with a
/// gazetteer slug), the same for each of its spellings.
pub fn unlisted_slug(name: &str) -> String {
    let folded = gazetteer::unlisted_key(name);
    let slug: String = folded.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    let slug = slug.trim_matches('-');
    // A name in another script ("Липнівка") keeps no letter of its own here: its key's hash
    // tells it from every other.
    if folded.chars().any(|c| c.is_alphanumeric() && !c.is_ascii()) {
        let hash = gazetteer::unlisted_hash(name);
        return if slug.is_empty() { format!("x-{hash:08x}") } else { format!("x-{slug}-{hash:08x}") };
    }
    format!("x-{slug}")
}

/// Sort key of claims within a block.
pub fn member_key(claim: &Claim) -> (i32, ClaimId) {
    (day_key(claim), claim.id.clone())
}

/// Whether claims of this kind need a place to be grouped meaningfully; placeless claims of
/// these kinds are grouped nationally like any other.
pub fn is_territorial(kind: Kind) -> bool {
    matches!(kind, Kind::Control | Kind::Advance | Kind::Encirclement | Kind::Withdrawal | Kind::Surrender | Kind::Offensive)
}

/// Two claims from different articles whose word trigrams overlap at least this much
/// (Jaccard: shared over all) are copies of one story.
pub const ECHO_SIMILARITY: f64 = 0.7;

/// Word trigrams of a claim's text (lower-cased, punctuation dropped), hashed, sorted and
/// deduplicated.
fn trigrams(text: &str) -> Vec<u64> {
    let words: Vec<u64> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut h = xxhash_rust::xxh3::Xxh3::new();
            for c in w.chars().flat_map(char::to_lowercase) {
                let mut buf = [0u8; 4];
                h.update(c.encode_utf8(&mut buf).as_bytes());
            }
            h.digest()
        })
        .collect();
    let mut out: Vec<u64> = words.windows(3).map(|w| w[0].rotate_left(21) ^ w[1].rotate_left(42) ^ w[2]).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Groups an event's claims that are copies of one wire story: the same side, different
/// articles, near-identical words. Each group is ordered by day then id, so its first claim is
/// the earliest carrier; claims without a copy are in no group.
///
/// Only claims sharing a word trigram are compared (an inverted index over trigrams), so an
/// event of many distinct claims costs little.
pub fn echoes(claims: &[&Claim]) -> Vec<Vec<ClaimId>> {
    let grams: Vec<Vec<u64>> = claims.iter().map(|c| trigrams(&c.text)).collect();
    let mut index: std::collections::HashMap<u64, Vec<usize>> = std::collections::HashMap::new();
    for (i, g) in grams.iter().enumerate() {
        for h in g {
            index.entry(*h).or_default().push(i);
        }
    }
    let mut shared: std::collections::HashMap<(usize, usize), usize> = std::collections::HashMap::new();
    for list in index.values() {
        // A trigram in very many claims is stock phrasing ("the ministry said"), not evidence
        // of copying.
        if list.len() > 64 {
            continue;
        }
        for (k, &i) in list.iter().enumerate() {
            for &j in &list[k + 1..] {
                *shared.entry((i, j)).or_default() += 1;
            }
        }
    }
    let mut parent: Vec<usize> = (0..claims.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut pairs: Vec<(usize, usize)> = shared
        .into_iter()
        .filter(|&((i, j), n)| {
            let union = grams[i].len() + grams[j].len() - n;
            union > 0 && n as f64 / union as f64 >= ECHO_SIMILARITY
        })
        .map(|(pair, _)| pair)
        .collect();
    pairs.sort_unstable();
    for (i, j) in pairs {
        let (a, b) = (claims[i], claims[j]);
        if a.id.article == b.id.article || a.side != b.side {
            continue;
        }
        let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
        parent[ri.max(rj)] = ri.min(rj);
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<&Claim>> = std::collections::BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(*c);
    }
    let mut out: Vec<Vec<ClaimId>> = groups
        .into_values()
        .filter(|g| g.len() > 1)
        .map(|mut g| {
            g.sort_by(|a, b| (a.day, &a.id).cmp(&(b.day, &b.id)));
            g.into_iter().map(|c| c.id.clone()).collect()
        })
        .collect();
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn unlisted_slugs_are_stable_and_tell_names_in_other_scripts_apart() {
        assert_eq!(unlisted_slug("Berkhovka"), unlisted_slug("Berkhivka"));
        assert_eq!(unlisted_slug("Berkhivka"), "x-berkhivka");
        assert_ne!(unlisted_slug("Липнівка"), unlisted_slug("Берхівка"));
        assert!(unlisted_slug("Липнівка").starts_with("x-") && !unlisted_slug("Липнівка").contains("--"));
    }

    #[test]
    fn gaps_and_spans_cut_events() {
        // 10, 11, 13, 17 are one event (gaps of at most 7 days); 30 starts another.
        assert_eq!(partition(&[10, 11, 13, 17, 30]), vec![0..4, 4..5]);
        // A run of daily claims is cut when it would span more than SPAN_DAYS.
        let daily: Vec<i32> = (0..60).collect();
        let cuts = partition(&daily);
        assert!(cuts.iter().all(|r| daily[r.end - 1] - daily[r.start] <= SPAN_DAYS));
        assert_eq!(cuts.len(), 3);
    }

    #[test]
    fn undated_claims_are_one_event_after_the_dated_ones() {
        assert_eq!(partition(&[5, 6, UNDATED, UNDATED]), vec![0..2, 2..4]);
    }

    fn claim(article: &str, day: i32, text: &str) -> Claim {
        use crate::model::*;
        Claim { text: text.into(), day: Some(Day(day)), ..Claim::blank(article, 0, Side::Moscow, Kind::Control, Stance::Achieved) }
    }

    #[test]
    fn copies_of_one_wire_story_are_one_echo_group_earliest_first() {
        let a = claim("wire", 10, "The defence ministry said its forces had taken full control of the town on Friday.");
        let b = claim("copy1", 11, "The defence ministry said its forces had taken full control of the town on Friday, the agency reported.");
        let c = claim("copy2", 10, "The Defence Ministry said its forces had taken full control of the town on Friday");
        let other = claim("other", 10, "Ukraine said its troops were still holding positions in the north of the town.");
        let groups = echoes(&[&b, &other, &c, &a]);
        assert_eq!(groups.len(), 1);
        let ids: Vec<&str> = groups[0].iter().map(|c| c.article.0.as_str()).collect();
        assert_eq!(ids, vec!["copy2", "wire", "copy1"]);
    }

    #[test]
    fn advances_are_blocked_with_control_and_the_event_is_named_by_its_commonest_kind() {
        let mut take = claim("a", 10, "Our troops took the village.");
        let mut push = claim("b", 10, "Our troops pushed two kilometres into the village.");
        push.action.kind = Kind::Advance;
        assert_eq!(block_key(&take), block_key(&push));
        let block = block_key(&take);
        assert_eq!(event_kind(&block, &[&take, &push]), Kind::Control);
        let mut push2 = push.clone();
        push2.id.seq = 1;
        assert_eq!(event_kind(&block, &[&push, &take, &push2]), Kind::Advance);
        let mut repelled = push.clone();
        repelled.action.stance = Stance::Resisted;
        assert_eq!(block_key(&repelled).kind, Kind::Advance);
        take.action.kind = Kind::Withdrawal;
        assert_ne!(block_key(&take), block_key(&push));
        assert_eq!(event_kind(&block, &[]), Kind::Control);
    }

    proptest! {
        /// Restarting the scan at any event start gives the same cuts after it: the property
        /// the incremental update relies on.
        #[test]
        fn the_scan_restarts_cleanly_at_event_starts(mut days in proptest::collection::vec(0i32..200, 1..80)) {
            days.sort();
            let whole = partition(&days);
            for r in &whole {
                let tail = partition(&days[r.start..]);
                let shifted: Vec<_> = tail.iter().map(|t| t.start + r.start..t.end + r.start).collect();
                let expected: Vec<_> = whole.iter().filter(|w| w.start >= r.start).cloned().collect();
                prop_assert_eq!(shifted, expected);
            }
        }
    }
}
