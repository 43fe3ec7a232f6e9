//! Stage 5, conflict: within an event, Moscow and Kyiv accounts that cannot both be true.
//!
//! Each rule compares one Moscow claim with one Kyiv claim of the same event:
//! - `control:taken-vs-held`: one side says a place was taken, the other that it still holds
//!   it (or that fighting goes on there);
//! - `denial`: one side denies what the other asserts ("Kyiv denied the claim");
//! - `withdrawal:framing`: an orderly "regrouping" against a rout;
//! - `surrender:vs-evacuation`: a surrender against an ordered evacuation;
//! - `numbers`: counts of the same thing that do not overlap ("more than 500" and "559" do);
//! - `strike:target`: one side says a strike hit a military target, the other a civilian one.
//!
//! The event is contested when any rule fires, corroborated when both sides speak without
//! conflict, one-sided otherwise.

use itertools::Itertools;

use crate::model::{Claim, Conflict, Kind, Modality, Side, Stance, Status};
use crate::normalize::unit_class;

/// At most this many conflicting pairs are kept per event and rule; the report names the rule
/// and its claims, and more pairs say nothing new.
pub const MAX_PAIRS_PER_RULE: usize = 12;

/// Who holds the place according to a control claim, if it says.
fn holder(c: &Claim) -> Option<Side> {
    if c.action.kind != Kind::Control || c.modality == Modality::Denied || c.action.negated {
        return None;
    }
    // "held out for weeks", "had held the line": a past defence says nothing of who holds now.
    let starts = |prefix: &str| c.action.trigger.get(..prefix.len()).is_some_and(|t| t.eq_ignore_ascii_case(prefix));
    let retrospective = c.action.stance == Stance::Resisted && (starts("held ") || starts("had held"));
    // The same article reports the holder's withdrawal: the holding out is past. A capture of
    // part of a place ("most of the city") leaves the rest to its defender.
    if retrospective || partial(c) || c.rules.iter().any(|r| r == "control:superseded-by-withdrawal") {
        return None;
    }
    match c.action.stance {
        Stance::Achieved | Stance::Resisted => c.action.actor.filter(|s| *s != Side::Other),
        Stance::Ongoing => None,
    }
}

/// A holding out claimed more than this many days before a capture is claimed is overtaken by
/// the capture rather than disputing it.
pub const OVERTAKEN_DAYS: i32 = 1;

/// The claim takes part of its place ("most of the city"): the defender may hold the rest.
fn partial(c: &Claim) -> bool {
    c.rules.iter().any(|r| r == "control:partial")
}

/// What a strike hit, as the claim tells it: `target:military` or `target:civilian`.
fn target(c: &Claim) -> Option<&'static str> {
    c.rules.iter().find_map(|r| match r.as_str() {
        "target:military" => Some("military"),
        "target:civilian" => Some("civilian"),
        _ => None,
    })
}

/// The claim's place is a site standing for its town (see `normalize::host_town`).
fn at_site(c: &Claim) -> bool {
    c.rules.iter().any(|r| r == "place:feature-in-town")
}

/// The day a claim speaks of: the day its sentence names, else its publication day.
fn when(c: &Claim) -> Option<i32> {
    c.event_day.or(c.day).map(|d| d.0)
}

/// True when `c` asserts something happened (the side a denial would contradict).
fn asserts(c: &Claim) -> bool {
    c.modality != Modality::Denied && !c.action.negated && c.action.stance != Stance::Ongoing
}

/// True when `c` denies, or negates, that something happened. A habitual denial ("has
/// repeatedly denied targeting civilians") is a standing policy and denies no single account.
fn denies(c: &Claim) -> bool {
    (c.modality == Modality::Denied || c.action.negated) && !c.rules.iter().any(|r| r == "denial:habitual")
}

fn same_actor(a: &Claim, b: &Claim) -> bool {
    match (a.action.actor, b.action.actor) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

fn framing(c: &Claim) -> Option<&'static str> {
    c.rules.iter().find_map(|r| match r.as_str() {
        "framing:orderly" => Some("orderly"),
        "framing:forced" => Some("forced"),
        _ => None,
    })
}

fn place_name(c: &Claim) -> String {
    c.place.as_ref().map_or_else(|| "the place".to_string(), |p| p.name.clone())
}

/// What a count measures, by its trigger: the dead and lost, the wounded, the evacuated, those
/// still trapped or staying, the captured. Counts of different measures ("250 evacuated" and
/// "559 remain") do not contradict each other.
const MEASURES: &[(&str, &[&str])] = &[
    ("losses", &["kill", "dead", "die", "death", "lost", "loss", "casualt", "eliminat", "neutrali", "toll"]),
    ("wounded", &["wound", "injur"]),
    ("evacuated", &["evacuat", "corridor", "moved out", "rescued", "displaced"]),
    ("remaining", &["remain", "trapped", "stranded", "shelter", "stay", "living"]),
    ("captured", &["prisoner", "captive", "surrender", "captured"]),
    ("strikes", &["missile", "drone", "rocket", "shot down", "intercept", "downed", "strike", "struck"]),
];

fn measure(trigger: &str) -> Option<&'static str> {
    let t = trigger.to_lowercase();
    // "could not be evacuated" counts those who stayed.
    if t.contains("not be evacuated") {
        return Some("remaining");
    }
    MEASURES.iter().find(|(_, stems)| stems.iter().any(|s| t.contains(s))).map(|(m, _)| *m)
}

/// How an explanation names the speaker of a claim: the side for the Moscow–Kyiv comparison,
/// the speaker for two claims of any sides.
#[derive(Clone, Copy)]
enum Naming {
    Sides,
    Speakers,
}

fn who(c: &Claim, naming: Naming) -> String {
    match naming {
        Naming::Sides => c.side.label().to_string(),
        Naming::Speakers => c
            .speaker
            .as_ref()
            .map(|s| s.resolved.clone().unwrap_or_else(|| s.text.clone()))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| c.side.label().to_string()),
    }
}

/// Two claims that cannot both be true, whatever their sides: the rule they break and a
/// sentence saying what is disputed. The rules are those of [`conflicts`], which applies them
/// only to Moscow–Kyiv pairs; this applies them to any pair of an event's claims (one side's
/// officials contradicting each other, a third party against a side).
pub fn disagreement(a: &Claim, b: &Claim) -> Option<(&'static str, String)> {
    if a.id == b.id {
        return None;
    }
    compare(a, b, Naming::Speakers)
}

/// The rule two accounts break, if any, with its explanation. `m` is named first.
fn compare(m: &Claim, k: &Claim, naming: Naming) -> Option<(&'static str, String)> {
    let rule = rule(m, k)?;
    Some((rule, explain(rule, m, k, naming)))
}

/// The claim that asserts and the one that denies it, when one of the two denies the other.
fn asserting_and_denying<'c>(m: &'c Claim, k: &'c Claim) -> Option<(&'c Claim, &'c Claim)> {
    if asserts(m) && denies(k) {
        Some((m, k))
    } else if asserts(k) && denies(m) {
        Some((k, m))
    } else {
        None
    }
}

/// What the rules look at in one claim, read once per claim rather than once per pair.
struct Features {
    holder: Option<Side>,
    at_site: bool,
    framing: Option<&'static str>,
    when: Option<i32>,
    measure: Option<&'static str>,
    partial: bool,
    target: Option<&'static str>,
}

impl Features {
    fn of(c: &Claim) -> Features {
        Features {
            holder: holder(c),
            at_site: at_site(c),
            framing: framing(c),
            when: when(c),
            measure: c.quantity.as_ref().and_then(|_| measure(&c.action.trigger)),
            partial: partial(c),
            target: target(c),
        }
    }
}

/// The rule two accounts break, if any (features read here; see [`rule_with`]).
fn rule(m: &Claim, k: &Claim) -> Option<&'static str> {
    if m.action.kind != k.action.kind {
        return None;
    }
    rule_with(m, k, &Features::of(m), &Features::of(k))
}

/// The rule two accounts break, if any, given their features. Decided without building any
/// text, as an event's every Moscow–Kyiv pair is put to it; [`explain`] words the few that are
/// kept.
fn rule_with(m: &Claim, k: &Claim, fm: &Features, fk: &Features) -> Option<&'static str> {
    let kind = m.action.kind;
    if kind != k.action.kind {
        return None;
    }
    if kind == Kind::Control {
        // One account says the place was taken, the other that it still holds: two accounts
        // of holding out (or two of capture) by different sides are read as confusion over who
        // is the subject, not as a dispute.
        let one_taken = (m.action.stance == Stance::Achieved) != (k.action.stance == Stance::Achieved);
        // A holding out told of days before the capture is claimed is overtaken by it, not
        // disputing it.
        let (when_taken, when_held) = if m.action.stance == Stance::Achieved { (fm.when, fk.when) } else { (fk.when, fm.when) };
        let overtaken = matches!((when_held, when_taken), (Some(h), Some(t)) if h + OVERTAKEN_DAYS < t);
        // A site in a town (a plant) is part of it: holding the plant does not dispute taking
        // the town, nor holding the town taking the plant.
        let same_scale = fm.at_site == fk.at_site;
        if let (Some(hm), Some(hk), true, false, true) = (fm.holder, fk.holder, one_taken, overtaken, same_scale)
            && hm != hk {
                return Some("control:taken-vs-held");
            }
    }
    if let Some((asserting, denying)) = asserting_and_denying(m, k) {
        // Denying one framing of a withdrawal ("it was no orderly regrouping", "our guys did
        // not run away") denies the manner, not the withdrawal: it contradicts only an account
        // of that same framing.
        let (fa, fd) = if std::ptr::eq(asserting, m) { (fm, fk) } else { (fk, fm) };
        let other_framing = matches!(fd.framing, Some(d) if fa.framing != Some(d));
        // Denying that the whole place fell does not contradict taking part of it.
        let (pa, pd) = (fa.partial, fd.partial);
        let part_against_whole = pa && !pd;
        if same_actor(asserting, denying) && asserting.action.stance == denying.action.stance && !other_framing && !part_against_whole {
            return Some("denial");
        }
    }
    // A withdrawal under way ("is being carried out in an organised manner") is framed as much
    // as one completed.
    if kind == Kind::Withdrawal && !denies(m) && !denies(k) && same_actor(m, k)
        && let (Some(a), Some(b)) = (fm.framing, fk.framing)
            && a != b {
                return Some("withdrawal:framing");
            }
    if kind == Kind::Surrender && m.modality != Modality::Denied && k.modality != Modality::Denied {
        // "Had not surrendered" says neither: it is a denial, left to the denial rule.
        let surrendered = |c: &Claim| c.action.stance == Stance::Achieved && !c.action.negated;
        let evacuated = |c: &Claim| c.action.stance == Stance::Resisted && !c.action.negated;
        if (surrendered(m) && evacuated(k)) || (surrendered(k) && evacuated(m)) {
            return Some("surrender:vs-evacuation");
        }
    }
    // "Destroyed a docked warship" against "hit an area around a pumping station": the same
    // strike by the same attacker, a military target for one side, a civilian one for the other.
    if kind == Kind::Strike && asserts(m) && asserts(k) && same_actor(m, k)
        && let (Some(a), Some(b)) = (fm.target, fk.target)
        && a != b
    {
        return Some("strike:target");
    }
    if matches!(kind, Kind::Casualties | Kind::Civilians | Kind::Strike) && asserts(m) && asserts(k)
        && let (Some(qm), Some(qk)) = (&m.quantity, &k.quantity) {
            let comparable = unit_class(&qm.unit) == unit_class(&qk.unit)
                // Counts of one side's losses: an account that does not say who inflicted
                // them ("the brigade's losses") counts the same losses.
                && same_actor(m, k)
                // Counts measure the same thing unless their triggers say otherwise.
                && match (fm.measure, fk.measure) {
                    (Some(x), Some(y)) => x == y,
                    _ => true,
                };
            if comparable && !qm.overlaps(qk) {
                let (lo, hi) = if qm.high < qk.low { (qm, qk) } else { (qk, qm) };
                // Ranges that miss each other narrowly ("up to 100" and "more than 100") are
                // estimates that differ, not accounts that conflict.
                if hi.low as f64 >= 1.5 * (lo.high.max(1) as f64) {
                    return Some("numbers");
                }
            }
        }
    None
}

/// One sentence saying what two accounts that break `rule` dispute, `m` named first.
fn explain(rule: &str, m: &Claim, k: &Claim, naming: Naming) -> String {
    let (wm, wk) = (who(m, naming), who(k, naming));
    match rule {
        "control:taken-vs-held" => {
            let place = place_name(m);
            let says = |c: &Claim| {
                let forces = if holder(c) == Some(Side::Moscow) { "Russian forces" } else { "Ukrainian forces" };
                match c.action.stance {
                    Stance::Achieved => format!("{forces} took {place}"),
                    _ => format!("{forces} still hold {place}"),
                }
            };
            format!("{wm} says {}; {wk} says {}.", says(m), says(k))
        }
        "denial" => {
            let (asserting, _) = asserting_and_denying(m, k).unwrap_or((m, k));
            let (wa, wd) = if std::ptr::eq(asserting, m) { (&wm, &wk) } else { (&wk, &wm) };
            format!("{wa} says {} ({}); {wd} denies it.", asserting.action.trigger, m.action.kind.as_str().replace('_', " "))
        }
        "strike:target" => {
            let hit = |c: &Claim| match target(c) {
                Some("military") => "a military target",
                _ => "civilians or a civilian site",
            };
            format!("{wm} says the strike hit {}; {wk} says it hit {}.", hit(m), hit(k))
        }
        "withdrawal:framing" => format!(
            "{wm} calls the withdrawal {} (\"{}\"); {wk} calls it {} (\"{}\").",
            framing(m).unwrap_or("?"),
            m.action.trigger,
            framing(k).unwrap_or("?"),
            k.action.trigger
        ),
        "surrender:vs-evacuation" => {
            let (ws, we) = if m.action.stance == Stance::Achieved { (&wm, &wk) } else { (&wk, &wm) };
            format!("{ws} says the garrison surrendered; {we} that it was evacuated on orders.")
        }
        "numbers" => {
            let text = |c: &Claim| c.quantity.as_ref().map_or(String::new(), |q| q.text.clone());
            format!("{wm} counts {}; {wk} counts {}.", text(m), text(k))
        }
        _ => String::new(),
    }
}

/// Whether two accounts can be of the same happening at all. Claims that name no place are
/// gathered by kind and weeks alone ("the strikes", "the port"): only one article's own
/// accounts of them ("Moscow said the strikes destroyed a warship; Kyiv said they hit a
/// pumping station") are known to tell of the same one. An offensive told as a whole ("no
/// success in any area", "recaptured 3 square km this week") is one campaign wherever told.
fn comparable(m: &Claim, k: &Claim) -> bool {
    m.place.is_some() || k.place.is_some() || m.id.article == k.id.article || m.action.kind == Kind::Offensive
}

/// Every conflicting Moscow–Kyiv pair of an event's claims (at most
/// [`MAX_PAIRS_PER_RULE`] per rule), in a deterministic order.
pub fn conflicts(claims: &[&Claim]) -> Vec<Conflict> {
    let moscow: Vec<&&Claim> = claims.iter().filter(|c| c.side == Side::Moscow).sorted_by(|a, b| a.id.cmp(&b.id)).collect();
    let kyiv: Vec<&&Claim> = claims.iter().filter(|c| c.side == Side::Kyiv).sorted_by(|a, b| a.id.cmp(&b.id)).collect();
    let moscow_features: Vec<Features> = moscow.iter().map(|c| Features::of(c)).collect();
    let kyiv_features: Vec<Features> = kyiv.iter().map(|c| Features::of(c)).collect();
    let mut out: Vec<Conflict> = Vec::new();
    let mut per_rule: Vec<(&'static str, usize)> = Vec::new();
    for (m, fm) in moscow.iter().zip(&moscow_features) {
        for (k, fk) in kyiv.iter().zip(&kyiv_features) {
            if !comparable(m, k) {
                continue;
            }
            let Some(rule) = rule_with(m, k, fm, fk) else { continue };
            let at = match per_rule.iter().position(|(r, _)| *r == rule) {
                Some(at) => at,
                None => {
                    per_rule.push((rule, 0));
                    per_rule.len() - 1
                }
            };
            if per_rule[at].1 < MAX_PAIRS_PER_RULE {
                per_rule[at].1 += 1;
                out.push(Conflict {
                    rule: rule.to_string(),
                    moscow: m.id.clone(),
                    kyiv: k.id.clone(),
                    explanation: explain(rule, m, k, Naming::Sides),
                });
            }
        }
    }
    out.sort_by(|a, b| (&a.rule, &a.moscow, &a.kyiv).cmp(&(&b.rule, &b.moscow, &b.kyiv)));
    out
}

/// The status of an event from its claims and conflicts.
pub fn status(claims: &[&Claim], conflicts: &[Conflict]) -> Status {
    if !conflicts.is_empty() {
        return Status::Contested;
    }
    // A habitual denial is no account of this event: it makes no side speak of it. Both sides
    // agree only where their accounts could be of the same happening (see [`comparable`]).
    let speaks = |c: &&&Claim, side| c.side == side && !c.rules.iter().any(|r| r == "denial:habitual");
    let agree = claims
        .iter()
        .filter(|c| speaks(c, Side::Moscow))
        .any(|m| claims.iter().filter(|k| speaks(k, Side::Kyiv)).any(|k| comparable(m, k)));
    if agree { Status::Corroborated } else { Status::OneSided }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Quantity, Span};

    fn claim(seq: u32, side: Side, kind: Kind, stance: Stance, actor: Option<Side>, modality: Modality) -> Claim {
        let mut c = Claim { modality, ..Claim::blank("a", seq, side, kind, stance) };
        c.action.actor = actor;
        c.action.trigger = "t".into();
        c
    }

    #[test]
    fn capture_against_holding_out_conflicts() {
        let m = claim(1, Side::Moscow, Kind::Control, Stance::Achieved, Some(Side::Moscow), Modality::Asserted);
        let k = claim(2, Side::Kyiv, Kind::Control, Stance::Resisted, Some(Side::Kyiv), Modality::Asserted);
        let found = conflicts(&[&m, &k]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].rule, "control:taken-vs-held");
        assert_eq!(status(&[&m, &k], &found), Status::Contested);
    }

    #[test]
    fn both_sides_agreeing_on_a_capture_is_corroboration() {
        let m = claim(1, Side::Moscow, Kind::Control, Stance::Achieved, Some(Side::Moscow), Modality::Asserted);
        let k = claim(2, Side::Kyiv, Kind::Control, Stance::Achieved, Some(Side::Moscow), Modality::Asserted);
        assert!(conflicts(&[&m, &k]).is_empty());
        assert_eq!(status(&[&m, &k], &[]), Status::Corroborated);
    }

    #[test]
    fn placeless_accounts_conflict_only_within_one_article_or_over_a_whole_campaign() {
        let m = claim(1, Side::Moscow, Kind::Strike, Stance::Achieved, Some(Side::Moscow), Modality::Asserted);
        let mut k = claim(2, Side::Kyiv, Kind::Strike, Stance::Achieved, Some(Side::Moscow), Modality::Denied);
        assert_eq!(conflicts(&[&m, &k]).len(), 1);
        // Another article's "the strikes" may be other strikes.
        k.id.article = crate::model::ArticleId("b".into());
        assert!(conflicts(&[&m, &k]).is_empty());
        // Nor do they agree: the event is one-sided, not corroborated.
        assert_eq!(status(&[&m, &k], &[]), Status::OneSided);
        // An offensive told of as a whole is the one campaign.
        let m = claim(1, Side::Moscow, Kind::Offensive, Stance::Achieved, Some(Side::Kyiv), Modality::Denied);
        let mut k = claim(2, Side::Kyiv, Kind::Offensive, Stance::Achieved, Some(Side::Kyiv), Modality::Asserted);
        k.id.article = crate::model::ArticleId("b".into());
        assert_eq!(conflicts(&[&m, &k]).len(), 1);
    }

    #[test]
    fn a_denial_conflicts_with_the_claim_it_denies() {
        let m = claim(1, Side::Moscow, Kind::Encirclement, Stance::Achieved, Some(Side::Moscow), Modality::Asserted);
        let k = claim(2, Side::Kyiv, Kind::Encirclement, Stance::Achieved, Some(Side::Moscow), Modality::Denied);
        assert_eq!(conflicts(&[&m, &k])[0].rule, "denial");
    }

    #[test]
    fn a_military_target_against_a_civilian_one_is_a_dispute() {
        let mut m = claim(1, Side::Moscow, Kind::Strike, Stance::Achieved, Some(Side::Moscow), Modality::Asserted);
        let mut k = claim(2, Side::Kyiv, Kind::Strike, Stance::Achieved, Some(Side::Moscow), Modality::Asserted);
        assert!(conflicts(&[&m, &k]).is_empty());
        m.rules.push("target:military".into());
        k.rules.push("target:military".into());
        assert!(conflicts(&[&m, &k]).is_empty(), "both say a military target");
        k.rules = vec!["target:civilian".into()];
        let found = conflicts(&[&m, &k]);
        assert_eq!(found[0].rule, "strike:target");
        assert!(found[0].explanation.contains("military target") && found[0].explanation.contains("civilian"));
        // Strikes by different attackers are different strikes.
        k.action.actor = Some(Side::Kyiv);
        assert!(conflicts(&[&m, &k]).is_empty());
    }

    #[test]
    fn a_habitual_denial_disputes_no_single_account() {
        let k = claim(1, Side::Kyiv, Kind::Civilians, Stance::Achieved, None, Modality::Asserted);
        let mut m = claim(2, Side::Moscow, Kind::Civilians, Stance::Achieved, None, Modality::Denied);
        assert_eq!(conflicts(&[&m, &k])[0].rule, "denial");
        m.rules.push("denial:habitual".into());
        assert!(conflicts(&[&m, &k]).is_empty());
    }

    #[test]
    fn numbers_that_fit_do_not_conflict_and_numbers_that_do_not_do() {
        let q = |low, high| Quantity { low, high, unit: "civilian".into(), text: format!("{low}"), span: Span::default() };
        let mut m = claim(1, Side::Moscow, Kind::Civilians, Stance::Achieved, None, Modality::Asserted);
        let mut k = claim(2, Side::Kyiv, Kind::Civilians, Stance::Achieved, None, Modality::Asserted);
        m.quantity = Some(q(501, u64::MAX));
        k.quantity = Some(q(559, 559));
        assert!(conflicts(&[&m, &k]).is_empty());
        m.quantity = Some(q(3, 3));
        k.quantity = Some(q(14, 14));
        assert_eq!(conflicts(&[&m, &k])[0].rule, "numbers");
    }

    #[test]
    fn counts_of_different_measures_do_not_conflict() {
        let q = |low, high| Quantity { low, high, unit: "civilian".into(), text: format!("{low}"), span: Span::default() };
        let mut m = claim(1, Side::Moscow, Kind::Civilians, Stance::Achieved, None, Modality::Asserted);
        let mut k = claim(2, Side::Kyiv, Kind::Civilians, Stance::Achieved, None, Modality::Asserted);
        m.quantity = Some(q(40, 40));
        k.quantity = Some(q(900, 900));
        m.action.trigger = "evacuated".into();
        k.action.trigger = "remain trapped".into();
        assert!(conflicts(&[&m, &k]).is_empty());
        k.action.trigger = "evacuation".into();
        assert_eq!(conflicts(&[&m, &k])[0].rule, "numbers");
    }

    #[test]
    fn two_accounts_of_holding_out_are_not_a_capture_dispute() {
        let m = claim(1, Side::Moscow, Kind::Control, Stance::Resisted, Some(Side::Moscow), Modality::Asserted);
        let k = claim(2, Side::Kyiv, Kind::Control, Stance::Resisted, Some(Side::Kyiv), Modality::Asserted);
        assert!(conflicts(&[&m, &k]).is_empty());
    }

    #[test]
    fn a_past_defence_does_not_dispute_a_capture() {
        let m = claim(1, Side::Moscow, Kind::Control, Stance::Achieved, Some(Side::Moscow), Modality::Asserted);
        let mut k = claim(2, Side::Kyiv, Kind::Control, Stance::Resisted, Some(Side::Kyiv), Modality::Asserted);
        k.action.trigger = "held out".into();
        assert!(conflicts(&[&m, &k]).is_empty());
        k.action.trigger = "holding out".into();
        assert_eq!(conflicts(&[&m, &k]).len(), 1);
    }

    #[test]
    fn a_holding_out_superseded_by_the_holders_withdrawal_disputes_no_capture() {
        let m = claim(1, Side::Moscow, Kind::Control, Stance::Achieved, Some(Side::Moscow), Modality::Asserted);
        let mut k = claim(2, Side::Kyiv, Kind::Control, Stance::Resisted, Some(Side::Kyiv), Modality::Asserted);
        k.rules.push("control:superseded-by-withdrawal".into());
        assert!(conflicts(&[&m, &k]).is_empty());
    }

    #[test]
    fn a_holding_out_days_before_the_capture_is_overtaken_by_it() {
        use crate::model::Day;
        let mut m = claim(1, Side::Moscow, Kind::Control, Stance::Achieved, Some(Side::Moscow), Modality::Asserted);
        let mut k = claim(2, Side::Kyiv, Kind::Control, Stance::Resisted, Some(Side::Kyiv), Modality::Asserted);
        m.day = Some(Day(100));
        k.day = Some(Day(96));
        assert!(conflicts(&[&m, &k]).is_empty());
        k.day = Some(Day(99));
        assert_eq!(conflicts(&[&m, &k]).len(), 1);
        // Holding out after the capture is claimed disputes it, however late.
        k.day = Some(Day(104));
        assert_eq!(conflicts(&[&m, &k]).len(), 1);
        // The day a sentence names beats the publication day.
        k.event_day = Some(Day(90));
        assert!(conflicts(&[&m, &k]).is_empty());
    }

    #[test]
    fn holding_a_site_does_not_dispute_taking_its_town() {
        let m = claim(1, Side::Moscow, Kind::Control, Stance::Achieved, Some(Side::Moscow), Modality::Asserted);
        let mut k = claim(2, Side::Kyiv, Kind::Control, Stance::Resisted, Some(Side::Kyiv), Modality::Asserted);
        k.rules.push("place:feature-in-town".into());
        assert!(conflicts(&[&m, &k]).is_empty());
        let mut m = m;
        m.rules.push("place:feature-in-town".into());
        assert_eq!(conflicts(&[&m, &k]).len(), 1);
    }

    #[test]
    fn taking_part_of_a_place_disputes_neither_its_holding_out_nor_a_denial_of_its_fall() {
        let mut m = claim(1, Side::Moscow, Kind::Control, Stance::Achieved, Some(Side::Moscow), Modality::Asserted);
        m.rules.push("control:partial".into());
        let held = claim(2, Side::Kyiv, Kind::Control, Stance::Resisted, Some(Side::Kyiv), Modality::Asserted);
        let denied = claim(3, Side::Kyiv, Kind::Control, Stance::Achieved, Some(Side::Moscow), Modality::Denied);
        assert!(conflicts(&[&m, &held]).is_empty());
        assert!(conflicts(&[&m, &denied]).is_empty());
        // Denying that part of it fell does dispute the part.
        let mut denied_part = denied.clone();
        denied_part.rules.push("control:partial".into());
        assert_eq!(conflicts(&[&m, &denied_part])[0].rule, "denial");
        m.rules.clear();
        assert_eq!(conflicts(&[&m, &held]).len(), 1);
        assert_eq!(conflicts(&[&m, &denied]).len(), 1);
    }

    #[test]
    fn claims_of_one_side_never_conflict_across_sides() {
        let a = claim(1, Side::Moscow, Kind::Control, Stance::Achieved, Some(Side::Moscow), Modality::Asserted);
        let b = claim(2, Side::Moscow, Kind::Control, Stance::Resisted, Some(Side::Kyiv), Modality::Asserted);
        assert!(conflicts(&[&a, &b]).is_empty());
    }

    #[test]
    fn disagreement_applies_the_rules_to_claims_of_one_side() {
        use crate::model::Speaker;
        let mut a = claim(1, Side::Moscow, Kind::Control, Stance::Achieved, Some(Side::Moscow), Modality::Asserted);
        let mut b = claim(2, Side::Moscow, Kind::Control, Stance::Achieved, Some(Side::Moscow), Modality::Denied);
        a.speaker = Some(Speaker { text: "the private army's chief".into(), span: Span::default(), resolved: None, side: Side::Moscow });
        b.speaker = Some(Speaker { text: "the ministry".into(), span: Span::default(), resolved: None, side: Side::Moscow });
        assert!(conflicts(&[&a, &b]).is_empty());
        let (rule, why) = disagreement(&a, &b).expect("a disagreement");
        assert_eq!(rule, "denial");
        assert!(why.contains("the private army's chief") && why.contains("the ministry"), "{why}");
        assert!(disagreement(&a, &a).is_none());
        b.modality = Modality::Asserted;
        assert!(disagreement(&a, &b).is_none());
    }

    #[test]
    fn a_negated_surrender_does_not_dispute_an_evacuation() {
        let mut not_surrendered = claim(1, Side::Kyiv, Kind::Surrender, Stance::Achieved, Some(Side::Kyiv), Modality::Asserted);
        not_surrendered.action.negated = true;
        let evacuated = claim(2, Side::Kyiv, Kind::Surrender, Stance::Resisted, Some(Side::Kyiv), Modality::Asserted);
        assert!(disagreement(&not_surrendered, &evacuated).is_none());
        not_surrendered.action.negated = false;
        assert_eq!(disagreement(&not_surrendered, &evacuated).map(|d| d.0), Some("surrender:vs-evacuation"));
    }

    #[test]
    fn denying_one_framing_of_a_withdrawal_agrees_with_the_other_framing() {
        let mut fled = claim(1, Side::Kyiv, Kind::Withdrawal, Stance::Achieved, Some(Side::Moscow), Modality::Asserted);
        let mut no_regrouping = claim(2, Side::Kyiv, Kind::Withdrawal, Stance::Achieved, Some(Side::Moscow), Modality::Denied);
        fled.rules = vec!["framing:forced".into()];
        no_regrouping.rules = vec!["framing:orderly".into()];
        assert!(disagreement(&fled, &no_regrouping).is_none());
        // Denying the same framing is a denial.
        no_regrouping.rules = vec!["framing:forced".into()];
        assert_eq!(disagreement(&fled, &no_regrouping).map(|d| d.0), Some("denial"));
        // Denying a rout ("our guys did not run away") does not deny a withdrawal told without
        // a framing ("the troops were ordered out").
        let ordered_out = claim(3, Side::Kyiv, Kind::Withdrawal, Stance::Achieved, Some(Side::Kyiv), Modality::Asserted);
        let mut no_rout = claim(4, Side::Kyiv, Kind::Withdrawal, Stance::Achieved, Some(Side::Kyiv), Modality::Denied);
        no_rout.rules = vec!["framing:forced".into()];
        assert!(disagreement(&ordered_out, &no_rout).is_none());
    }

    #[test]
    fn a_withdrawal_under_way_is_framed_as_much_as_one_completed() {
        let mut orderly = claim(1, Side::Moscow, Kind::Withdrawal, Stance::Ongoing, Some(Side::Moscow), Modality::Asserted);
        let mut fled = claim(2, Side::Kyiv, Kind::Withdrawal, Stance::Achieved, Some(Side::Moscow), Modality::Asserted);
        orderly.rules = vec!["framing:orderly".into()];
        fled.rules = vec!["framing:forced".into()];
        assert_eq!(conflicts(&[&orderly, &fled])[0].rule, "withdrawal:framing");
    }

    #[test]
    fn counts_of_losses_compare_when_one_account_leaves_the_inflicter_unsaid() {
        let q = |low, high| Quantity { low, high, unit: "soldier".into(), text: format!("{low}"), span: Span::default() };
        let mut m = claim(1, Side::Moscow, Kind::Casualties, Stance::Achieved, Some(Side::Moscow), Modality::Asserted);
        let mut k = claim(2, Side::Kyiv, Kind::Casualties, Stance::Achieved, None, Modality::Asserted);
        m.quantity = Some(q(150, 300));
        k.quantity = Some(q(1, 9));
        assert_eq!(conflicts(&[&m, &k])[0].rule, "numbers");
        // Losses each side inflicted on the other are no two counts of one thing.
        k.action.actor = Some(Side::Kyiv);
        assert!(conflicts(&[&m, &k]).is_empty());
    }

    #[test]
    fn disagreement_between_a_side_and_its_opponent_matches_the_cross_side_rule() {
        let m = claim(1, Side::Moscow, Kind::Control, Stance::Achieved, Some(Side::Moscow), Modality::Asserted);
        let k = claim(2, Side::Kyiv, Kind::Control, Stance::Resisted, Some(Side::Kyiv), Modality::Asserted);
        assert_eq!(disagreement(&m, &k).map(|d| d.0), Some("control:taken-vs-held"));
        assert_eq!(disagreement(&k, &m).map(|d| d.0), Some("control:taken-vs-held"));
    }
}
