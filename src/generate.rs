//! A scale corpus for benchmarks: articles written from rift's own templates, about the
//! gazetteer's real front-line places, by fictional outlets, over years of fighting. Storylines
//! (a capture claimed and denied, a strike and its toll, losses claimed by both sides) run over
//! a few days each; wire stories are echoed by other outlets hours later; lengths run from
//! about 1 to 6 kB. Any size from a seed, deterministic: article `i` of seed `s` is always the
//! same text.
//!
//! The sentences are the project's own; they only have to exercise the engine the way real
//! coverage does (attribution, sides, places, numbers, denials, hedges), not to be news.

use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::gazetteer::{Gazetteer, PlaceKind};
use crate::ingest;
use crate::model::{Article, Day};

/// The first day of generated coverage.
const START: (i16, i8, i8) = (2022, 2, 24);
/// How many days the coverage spans.
const DAYS: i32 = 1400;

const WIRES: &[&str] = &["Northwind Wire", "Meridian Press Agency", "Continental News Service"];
const PAPERS: &[&str] = &[
    "The Harbor Times", "Daily Ledger", "Eastern Review", "The Lakeside Post", "Morning Courier", "The Atlas Journal",
    "Riverbend Gazette", "Global Desk", "The Evening Standard-Bearer", "Frontline Digest", "The Observer Weekly", "Bridge News",
];

const MOSCOW: &[&str] = &[
    "Russia's defence ministry",
    "The Russian Defence Ministry",
    "Russian Defence Ministry spokesman Igor Konashenkov",
    "Kremlin spokesman Dmitry Peskov",
    "The Russian-installed head of the region",
    "Pro-Russian military bloggers",
    "Wagner Group chief Yevgeny Prigozhin",
];
const KYIV: &[&str] = &[
    "Ukraine's General Staff",
    "Ukrainian President Volodymyr Zelenskiy",
    "A spokesman for Ukraine's eastern command",
    "Ukraine's Deputy Defence Minister Hanna Maliar",
    "The Ukrainian military",
    "Ukrainian army spokesman Serhiy Cherevatyi",
];
const OTHERS: &[&str] = &["Western analysts", "A US defence official", "The Institute for the Study of War", "British military intelligence"];
const WEEKDAYS: &[&str] = &["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday", "on Sunday", "late on Tuesday", "earlier on Friday"];

/// Kinds of storyline.
#[derive(Debug, Clone, Copy)]
enum Plot {
    Capture,
    Advance,
    Encirclement,
    Strike,
    Losses,
    Withdrawal,
}

#[derive(Debug, Clone)]
struct Story {
    place: String,
    near: String,
    plot: Plot,
    ends: i32,
    /// Whether the other side disputes it (a conflict for the engine to find).
    disputed: bool,
}

/// Generates `count` articles from `seed`, lazily.
pub struct Generator {
    rng: ChaCha8Rng,
    seed: u64,
    count: usize,
    next: usize,
    places: Vec<(String, u64)>,
    stories: Vec<Story>,
    /// Wire stories waiting to be echoed: (article, copies left, day, index).
    echoes: Vec<(Article, usize, i32, usize)>,
    start: Day,
}

impl Generator {
    pub fn new(seed: u64, count: usize) -> Generator {
        let gaz = Gazetteer::builtin();
        let front = ["Donetsk", "Luhansk", "Kharkiv", "Zaporizhzhia", "Kherson", "Dnipropetrovsk", "Sumy"];
        let mut places: Vec<(String, u64)> = gaz
            .places()
            .iter()
            .filter(|p| p.kind == PlaceKind::Settlement && p.country == "UA" && front.iter().any(|f| p.admin1.starts_with(f)))
            .map(|p| (p.name.clone(), p.population.max(500)))
            .collect();
        places.sort();
        places.dedup_by(|a, b| a.0 == b.0);
        Generator {
            rng: ChaCha8Rng::seed_from_u64(seed),
            seed,
            count,
            next: 0,
            places,
            stories: Vec::new(),
            echoes: Vec::new(),
            start: Day::from_date(jiff::civil::date(START.0, START.1, START.2)),
        }
    }

    /// A place, weighted towards larger towns (by the log of population).
    fn place(&mut self) -> String {
        let weights: f64 = self.places.iter().map(|(_, p)| (*p as f64).ln()).sum();
        let mut x = self.rng.random_range(0.0..weights);
        for (name, p) in &self.places {
            x -= (*p as f64).ln();
            if x <= 0.0 {
                return name.clone();
            }
        }
        self.places[0].0.clone()
    }

    fn pick<'a>(&mut self, list: &'a [&'a str]) -> &'a str {
        list.choose(&mut self.rng).copied().unwrap_or("")
    }

    fn story(&mut self, day: i32) -> Story {
        self.stories.retain(|s| s.ends >= day);
        if self.stories.len() < 40 && (self.stories.is_empty() || self.rng.random_bool(0.15)) {
            let plot = match self.rng.random_range(0..10) {
                0..=2 => Plot::Capture,
                3..=4 => Plot::Advance,
                5 => Plot::Encirclement,
                6..=7 => Plot::Strike,
                8 => Plot::Losses,
                _ => Plot::Withdrawal,
            };
            let (place, near) = (self.place(), self.place());
            let length = self.rng.random_range(1..6);
            let disputed = self.rng.random_bool(0.6);
            self.stories.push(Story { place, near, plot, ends: day + length, disputed });
        }
        let i = self.rng.random_range(0..self.stories.len());
        self.stories[i].clone()
    }

    fn lead(&mut self, s: &Story, moscow_first: bool) -> Vec<String> {
        let m = self.pick(MOSCOW);
        let k = self.pick(KYIV);
        let when = self.pick(WEEKDAYS);
        let n = self.rng.random_range(2..900);
        let (place, near) = (&s.place, &s.near);
        let moscow = match s.plot {
            Plot::Capture => format!("{m} said {when} that its forces had taken full control of {place} after weeks of fighting."),
            Plot::Advance => format!("{m} said {when} that Russian units had advanced on the outskirts of {place} and captured several positions."),
            Plot::Encirclement => format!("{m} said {when} that Russian troops had cut off Ukrainian forces in {place}."),
            Plot::Strike => format!("{m} said {when} that its forces had struck a Ukrainian ammunition depot in {place}."),
            Plot::Losses => format!("{m} said {when} that more than {n} Ukrainian servicemen had been killed near {place} over the past week."),
            Plot::Withdrawal => format!("{m} said {when} that Russian units were regrouping to more favourable positions near {place}."),
        };
        let kyiv = match s.plot {
            Plot::Capture => format!("{k} said {when} that its troops were still holding out in {place} and that fighting continues."),
            Plot::Advance => format!("{k} said its forces had repelled {} Russian attacks near {place} and {near}.", n % 30 + 2),
            Plot::Encirclement => format!("{k} denied the claim, saying supply routes to {place} remained open."),
            Plot::Strike => format!("{k} said a Russian missile strike on {place} killed {} civilians and wounded dozens more.", n % 40 + 1),
            Plot::Losses => format!("{k} said Russian forces had lost about {} soldiers in the fighting for {place}.", n * 2 + 100),
            Plot::Withdrawal => format!("{k} said Russian troops fled {place} in disarray, abandoning armoured vehicles."),
        };
        let first = if moscow_first { moscow.clone() } else { kyiv.clone() };
        let mut out = vec![first];
        if s.disputed || !moscow_first {
            out.push(if moscow_first { kyiv } else { moscow });
        }
        out
    }

    fn filler(&mut self, s: &Story) -> String {
        let o = self.pick(OTHERS);
        let n = self.rng.random_range(2..40) * 1000;
        let options = [
            format!("Before the war {} had a population of about {n} people, most of whom have since left.", s.place),
            format!("The area around {} has seen some of the heaviest artillery duels of recent months.", s.near),
            format!("{o} said the fighting around {} was unlikely to change the wider course of the war.", s.place),
            "Both sides have endured heavy losses along this part of the front, and neither publishes full figures.".to_string(),
            format!("Residents who stayed behind described nights spent in basements as shelling went on around {}.", s.near),
            "The front line in the region has moved only a few kilometres in either direction over the past year.".to_string(),
            format!("Roads leading to {} have been under drone surveillance for weeks, making supply runs dangerous.", s.place),
            "Winter weather and mud have slowed the movement of armour on both sides, according to military observers.".to_string(),
        ];
        options.choose(&mut self.rng).cloned().unwrap_or_default()
    }

    fn quote(&mut self, s: &Story) -> String {
        let k = self.pick(KYIV);
        let m = self.pick(MOSCOW);
        match self.rng.random_range(0..3) {
            0 => format!("\"Our units are holding their positions near {} and inflicting losses on the enemy,\" {k} said.", s.place),
            1 => format!("\"The enemy is retreating and abandoning equipment,\" {m} said in a statement."),
            _ => format!("\"The situation around {} is difficult but under control,\" {k} told reporters.", s.near),
        }
    }

    fn write(&mut self, i: usize, day: i32) -> Article {
        let s = self.story(day);
        let wire = self.rng.random_bool(0.3);
        let outlet = if wire { self.pick(WIRES).to_string() } else { self.pick(PAPERS).to_string() };
        let moscow_first = self.rng.random_bool(0.5);
        let mut paragraphs = self.lead(&s, moscow_first);
        if wire {
            paragraphs.push(format!("{outlet} could not independently verify the claims of either side."));
        }
        let extra = self.rng.random_range(3..22);
        for _ in 0..extra {
            let p = match self.rng.random_range(0..5) {
                0 => self.quote(&s),
                1 => {
                    let other = self.story(day);
                    let moscow_first = self.rng.random_bool(0.5);
                    self.lead(&other, moscow_first).join(" ")
                }
                _ => format!("{} {}", self.filler(&s), self.filler(&s)),
            };
            paragraphs.push(p);
        }
        let title = match s.plot {
            Plot::Capture => format!("Battle for {} intensifies as both sides claim success", s.place),
            Plot::Advance => format!("Fighting near {} as Russian units press on", s.place),
            Plot::Encirclement => format!("Moscow says Ukrainian troops cut off in {}", s.place),
            Plot::Strike => format!("Strike on {} draws conflicting accounts", s.place),
            Plot::Losses => format!("Casualty claims diverge over {}", s.place),
            Plot::Withdrawal => format!("Russian units pull back near {}", s.place),
        };
        let date = Day(self.start.0 + day).to_date();
        let hour = self.rng.random_range(5..22);
        let published = format!("{date}T{hour:02}:{:02}:00Z", self.rng.random_range(0..60));
        let id = format!("gen-{}-{i:08}", self.seed);
        let article = ingest::article(id, outlet, Some(published), Some(title), None, paragraphs.join("\n\n"));
        if wire && self.rng.random_bool(0.6) {
            let copies = self.rng.random_range(1..5);
            self.echoes.push((article.clone(), copies, day, i));
        }
        article
    }

    /// A later outlet's copy of a wire story: the same paragraphs, a sentence of its own, its
    /// own headline.
    fn echo(&mut self, i: usize, day: i32) -> Option<Article> {
        // Copies follow their wire story within a couple of days (or at once, when articles
        // are sparse); stories nobody copied in time are dropped.
        self.echoes.retain(|(_, left, d, at)| *left > 0 && (day - *d <= 2 || i - *at <= 8));
        let k = self.rng.random_range(0..self.echoes.len().max(1));
        let (wire, _, wire_day, _) = self.echoes.get(k)?.clone();
        let day = day.max(wire_day);
        self.echoes[k].1 -= 1;
        if self.echoes[k].1 == 0 {
            self.echoes.remove(k);
        }
        let outlet = format!("{} ({})", self.pick(PAPERS), wire.outlet);
        let text = format!("{}\n\nThe report was carried by several outlets.", wire.text);
        let date = Day(self.start.0 + day).to_date();
        // Later than the wire on its own day.
        let wire_hour: i32 = wire.published.as_deref().and_then(|p| p.get(11..13)).and_then(|h| h.parse().ok()).unwrap_or(5);
        let hour = if day == wire_day { self.rng.random_range(wire_hour + 1..=23.max(wire_hour + 1)) } else { self.rng.random_range(5..23) };
        let published = format!("{date}T{:02}:{:02}:00Z", hour.min(23), self.rng.random_range(0..60));
        let title = wire.title.as_ref().map(|t| format!("{t} (agency report)"));
        Some(ingest::article(format!("gen-{}-{i:08}", self.seed), outlet, Some(published), title, None, text))
    }
}

impl Iterator for Generator {
    type Item = Article;

    fn next(&mut self) -> Option<Article> {
        if self.next >= self.count {
            return None;
        }
        let i = self.next;
        self.next += 1;
        // Articles are spread evenly over the span, in publication order.
        let day = ((i as u64 * DAYS as u64) / self.count.max(1) as u64) as i32;
        if !self.echoes.is_empty() && self.rng.random_bool(0.35)
            && let Some(a) = self.echo(i, day) {
                return Some(a);
            }
        Some(self.write(i, day))
    }
}

/// `count` generated articles from `seed`.
pub fn articles(seed: u64, count: usize) -> Generator {
    Generator::new(seed, count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_articles() {
        let a: Vec<Article> = articles(7, 50).collect();
        let b: Vec<Article> = articles(7, 50).collect();
        assert_eq!(a, b);
        let c: Vec<Article> = articles(8, 50).collect();
        assert_ne!(a, c);
    }

    #[test]
    fn articles_have_realistic_lengths_and_are_spread_over_years() {
        let all: Vec<Article> = articles(1, 400).collect();
        assert_eq!(all.len(), 400);
        let lengths: Vec<usize> = all.iter().map(|a| a.text.len()).collect();
        let mean = lengths.iter().sum::<usize>() / lengths.len();
        assert!((1000..6000).contains(&mean), "mean length {mean}");
        let first = all.first().unwrap().published.clone().unwrap();
        let last = all.last().unwrap().published.clone().unwrap();
        assert!(first.starts_with("2022") && last.starts_with("2025"), "{first} .. {last}");
        assert!(all.iter().any(|a| a.outlet.contains('(')), "some wire stories are echoed");
    }

    #[test]
    fn generated_articles_yield_claims_of_both_sides_and_conflicts() {
        let rules = crate::pipeline::Rules::builtin();
        let claims: Vec<crate::model::Claim> = articles(3, 60).flat_map(|a| crate::pipeline::analyze(&a, rules)).collect();
        assert!(claims.iter().any(|c| c.side == crate::model::Side::Moscow));
        assert!(claims.iter().any(|c| c.side == crate::model::Side::Kyiv));
        assert!(claims.iter().any(|c| c.place.is_some()));
    }
}
