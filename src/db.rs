//! The store as rift sees it: typed keyspaces, and the one transactional update that applies
//! an analysed article (its record, claims, the events they fall in and those events'
//! conflicts).
//!
//! Articles are the source of truth; everything else here is derived and can be rebuilt from
//! them (`rebuild`). Every sled call goes through the `rift-store` crate.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use rift_store::{Keyspace, OpenOptions, Store, WriteBatch};

use crate::cluster::{self, Partitioner, UNDATED};
use crate::conflict;
use crate::error::{Error, Result};
use crate::gazetteer::{self, Gazetteer};
use crate::model::{Article, ArticleId, BlockKey, Claim, ClaimId, Event, EventId, Kind, PlaceRef};

/// Article records, by the caller's id (zstd-compressed JSON, readable by any future version).
pub struct Articles;
impl Keyspace for Articles {
    const NAME: &'static str = "articles";
    const ENCODING: rift_store::Encoding = rift_store::Encoding::ZstdJson;
    type Key = String;
    type Value = Article;
}

/// Content hash → the id of the article that owns that content (the smallest id carrying it).
pub struct ContentHashes;
impl Keyspace for ContentHashes {
    const NAME: &'static str = "content";
    type Key = String;
    type Value = String;
}

/// An article whose content is already stored under another id → that id (its owner).
pub struct AliasOf;
impl Keyspace for AliasOf {
    const NAME: &'static str = "alias_of";
    type Key = String;
    type Value = String;
}

/// (owner, alias) for every alias, so an owner's copies are one prefix scan away.
pub struct Copies;
impl Keyspace for Copies {
    const NAME: &'static str = "copies";
    type Key = (String, String);
    type Value = ();
}

/// Claims, by (article id, sequence number).
pub struct Claims;
impl Keyspace for Claims {
    const NAME: &'static str = "claims";
    type Key = (String, u32);
    type Value = Claim;
}

/// A clustering index key: (place key, block kind, day, article, seq).
type IndexKey = (String, String, i32, String, u32);

/// The clustering index: (place key, block kind, day, article, seq) for every claim.
pub struct BlockIndex;
impl Keyspace for BlockIndex {
    const NAME: &'static str = "block_index";
    type Key = IndexKey;
    type Value = ();
}

/// Where events start: (place key, kind, first day) → event id.
pub struct EventStarts;
impl Keyspace for EventStarts {
    const NAME: &'static str = "event_starts";
    type Key = (String, String, i32);
    type Value = String;
}

/// Events, by id.
pub struct Events;
impl Keyspace for Events {
    const NAME: &'static str = "events";
    type Key = String;
    type Value = Event;
}

const RULES_KEY: &str = "rules";
/// The layout of the derived records (claims, index, events); a store whose derived data was
/// written in another layout cannot be read until it is rebuilt.
const LAYOUT_KEY: &str = "derived_layout";
/// Bumped whenever a derived record's encoding changes.
pub const DERIVED_LAYOUT: u32 = 4;
const REBUILDING_KEY: &str = "rebuilding";
/// The number of stored articles (owners and aliases), kept in every article's transaction.
const ARTICLES_KEY: &str = "articles";

fn claim_key(id: &ClaimId) -> (String, u32) {
    (id.article.0.clone(), id.seq)
}

fn index_key(block: &BlockKey, claim: &Claim) -> IndexKey {
    (block.place.clone(), block.kind.as_str().to_string(), cluster::day_key(claim), claim.id.article.0.clone(), claim.id.seq)
}

/// The old events of a rescanned stretch of a block and the new partition of its claims:
/// (start day, event id) and (start day, members in (day, id) order).
#[derive(Default)]
struct DatedRescan {
    old_events: Vec<(i32, String)>,
    new_events: Vec<(i32, Vec<(i32, ClaimId)>)>,
}

/// What applying one article did, for progress lines.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    pub article: ArticleId,
    pub status: ArticleStatus,
    pub claims: usize,
    pub events_touched: Vec<EventId>,
    /// Conflicting pairs that were not there before.
    pub new_conflicts: usize,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ArticleStatus {
    #[default]
    Added,
    /// Same id, same content: nothing to do.
    Unchanged,
    /// Same id, new content: the old derived data was replaced.
    Replaced,
    /// Same content as an article stored under another id: kept as an alias.
    Duplicate,
}

/// The store, opened by rift.
pub struct Db {
    store: Store,
}

impl Db {
    /// Opens the store at `path`, creating it when absent.
    pub fn open(path: &Path, holder: &str) -> Result<Db> {
        let store = Store::open(path, &OpenOptions { holder: holder.to_string(), ..OpenOptions::default() })?;
        Ok(Db { store })
    }

    /// Opens an existing store for reading; a missing store is an error, not a new store.
    pub fn open_existing(path: &Path, holder: &str) -> Result<Db> {
        if !path.join("db").exists() {
            return Err(Error::NotFound(format!(
                "no store at {} (add articles first: rift ingest PATH, or point --store at a store)",
                path.display()
            )));
        }
        let store = Store::open(path, &OpenOptions { holder: holder.to_string(), create: false, ..OpenOptions::default() })?;
        Ok(Db { store })
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Rewrites the store's files without the old versions sled keeps (`rift compact`).
    pub fn compact(self, holder: &str) -> Result<Db> {
        let store = self.store.compact(&OpenOptions { holder: holder.to_string(), ..OpenOptions::default() })?;
        Ok(Db { store })
    }

    /// The rules fingerprint the derived data was made with, if any data was derived.
    pub fn rules(&self) -> Result<Option<String>> {
        Ok(self.store.meta(RULES_KEY)?.map(|v| String::from_utf8_lossy(&v).into_owned()))
    }

    /// True when a rebuild was started and did not finish.
    pub fn rebuild_interrupted(&self) -> Result<bool> {
        Ok(self.store.meta(REBUILDING_KEY)?.is_some_and(|v| v == b"1"))
    }

    /// Fails when the derived records are in another layout than this rift reads: they must
    /// be rebuilt before any report can read them.
    pub fn check_layout(&self) -> Result<()> {
        match self.store.meta(LAYOUT_KEY)? {
            None if self.rules()?.is_none() => Ok(()),
            Some(v) if v == DERIVED_LAYOUT.to_be_bytes() => Ok(()),
            _ => Err(Error::RebuildNeeded { found: "derived records in an older layout".into() }),
        }
    }

    /// Fails when the derived data was made by other rules than `current` (a rebuild is due).
    pub fn check_rules(&self, current: &str) -> Result<()> {
        self.check_layout()?;
        if self.rebuild_interrupted()? {
            return Err(Error::RebuildNeeded { found: "an interrupted rebuild".into() });
        }
        match self.rules()? {
            Some(found) if found != current => Err(Error::RebuildNeeded { found: format!("rules {found}, this rift has {current}") }),
            _ => Ok(()),
        }
    }

    pub fn article(&self, id: &ArticleId) -> Result<Option<Article>> {
        Ok(self.store.get::<Articles>(&id.0)?)
    }

    pub fn articles(&self) -> Result<impl Iterator<Item = Result<Article>> + '_> {
        Ok(self.store.iter::<Articles>()?.map(|r| r.map(|(_, a)| a).map_err(Error::from)))
    }

    /// The number of stored articles, from the counter kept with them (constant time).
    pub fn article_count(&self) -> Result<usize> {
        Ok(self.stored_count()? as usize)
    }

    fn stored_count(&self) -> Result<u64> {
        Ok(self.store.meta(ARTICLES_KEY)?.and_then(|v| v.try_into().ok()).map(u64::from_be_bytes).unwrap_or(0))
    }

    pub fn alias_of(&self, id: &ArticleId) -> Result<Option<ArticleId>> {
        Ok(self.store.get::<AliasOf>(&id.0)?.map(ArticleId))
    }

    /// The other ids carrying an owner's content.
    pub fn copies_of(&self, owner: &ArticleId) -> Result<Vec<ArticleId>> {
        self.store
            .scan_prefix::<Copies, _>(&(owner.0.clone(),))?
            .map(|r| r.map(|((_, alias), ())| ArticleId(alias)).map_err(Error::from))
            .collect()
    }

    /// When `article` replaces the stored content of its id and that content has copies under
    /// other ids, the copy that inherits it (the smallest id): its claims must be derived in
    /// the same transaction, since it becomes the content's owner.
    pub fn heir_for(&self, article: &Article) -> Result<Option<Article>> {
        let Some(old) = self.article(&article.id)? else { return Ok(None) };
        if old.content_hash == article.content_hash || self.alias_of(&article.id)?.is_some() {
            return Ok(None);
        }
        match self.copies_of(&article.id)?.into_iter().min() {
            Some(heir) => self.article(&heir),
            None => Ok(None),
        }
    }

    pub fn claim(&self, id: &ClaimId) -> Result<Option<Claim>> {
        Ok(self.store.get::<Claims>(&claim_key(id))?)
    }

    pub fn claims_of(&self, article: &ArticleId) -> Result<Vec<Claim>> {
        self.store
            .scan_prefix::<Claims, _>(&(article.0.clone(),))?
            .map(|r| r.map(|(_, c)| c).map_err(Error::from))
            .collect()
    }

    pub fn claim_count(&self) -> Result<usize> {
        Ok(self.store.count::<Claims>()?)
    }

    pub fn event(&self, id: &EventId) -> Result<Option<Event>> {
        Ok(self.store.get::<Events>(&id.0)?)
    }

    pub fn events(&self) -> Result<impl Iterator<Item = Result<Event>> + '_> {
        Ok(self.store.iter::<Events>()?.map(|r| r.map(|(_, e)| e).map_err(Error::from)))
    }

    /// The event a claim belongs to: the last event of its block starting on or before its
    /// day (for an undated claim, its block's undated event, else the dated event it joined).
    pub fn event_of(&self, claim: &ClaimId) -> Result<Option<EventId>> {
        let Some(c) = self.claim(claim)? else { return Ok(None) };
        let block = cluster::block_key(&c);
        let kind = block.kind.as_str().to_string();
        let day = cluster::day_key(&c);
        if day == UNDATED {
            // The range below ends before `day + 1`, which cannot be written for the last day.
            if let Some(id) = self.store.get::<EventStarts>(&(block.place.clone(), kind.clone(), UNDATED))? {
                return Ok(Some(EventId(id)));
            }
        }
        let found = self
            .store
            .range::<EventStarts, _, _>(&(block.place.clone(), kind.clone(), i32::MIN), &(block.place, kind, day.saturating_add(1)), true)?
            .next()
            .transpose()?;
        Ok(found.map(|(_, id)| EventId(id)))
    }

    /// An event's claims, in (day, id) order: its block's index entries over its days, and its
    /// block's undated entries when it is the event they joined.
    pub fn event_claims(&self, event: &Event) -> Result<Vec<ClaimId>> {
        let kind = event.block.kind.as_str().to_string();
        let place = event.block.place.clone();
        let (from, to) = match (event.first_day, event.last_day) {
            (Some(a), Some(b)) => (a.0, b.0.saturating_add(1)),
            _ => (UNDATED, UNDATED),
        };
        let mut entries: Box<dyn Iterator<Item = rift_store::Result<(IndexKey, ())>>> = if from == UNDATED {
            Box::new(self.store.scan_prefix::<BlockIndex, _>(&(place.clone(), kind.clone(), UNDATED))?)
        } else {
            Box::new(self.store.range::<BlockIndex, _, _>(&(place.clone(), kind.clone(), from), &(place.clone(), kind.clone(), to), false)?)
        };
        if event.joins_undated && from != UNDATED {
            entries = Box::new(entries.chain(self.store.scan_prefix::<BlockIndex, _>(&(place, kind, UNDATED))?));
        }
        entries.map(|r| r.map(|((_, _, _, art, seq), ())| ClaimId { article: ArticleId(art), seq }).map_err(Error::from)).collect()
    }

    pub fn flush(&self) -> Result<()> {
        Ok(self.store.flush()?)
    }

    /// Applies an analysed article in one transaction: its record, its claims, and every event
    /// its claims join, leave or change, with their conflicts.
    pub fn apply(&self, article: Article, claims: Vec<Claim>, heir: Option<(Article, Vec<Claim>)>, rules: &str, gaz: &Gazetteer) -> Result<Outcome> {
        self.apply_inner(article, claims, heir, rules, gaz, false)
    }

    /// [`Db::apply`] during a rebuild: the article's record is already stored, its derived
    /// data is not.
    pub fn apply_fresh(&self, article: Article, claims: Vec<Claim>, rules: &str, gaz: &Gazetteer) -> Result<Outcome> {
        self.apply_inner(article, claims, None, rules, gaz, true)
    }

    fn apply_inner(
        &self,
        article: Article,
        claims: Vec<Claim>,
        heir: Option<(Article, Vec<Claim>)>,
        rules: &str,
        gaz: &Gazetteer,
        fresh: bool,
    ) -> Result<Outcome> {
        let id = article.id.clone();
        let mut outcome = Outcome { article: id.clone(), claims: claims.len(), ..Outcome::default() };
        let mut batch = WriteBatch::new();
        let mut removed: Vec<Claim> = Vec::new();
        let mut own: Vec<Claim> = claims;
        let mut inherited: Vec<Claim> = Vec::new();

        let previous = if fresh { None } else { self.store.get::<Articles>(&id.0)? };
        match &previous {
            Some(old) if old.content_hash == article.content_hash => {
                outcome.status = ArticleStatus::Unchanged;
                outcome.claims = 0;
                return Ok(outcome);
            }
            Some(old) => {
                outcome.status = ArticleStatus::Replaced;
                if let Some(owner) = self.store.get::<AliasOf>(&id.0)? {
                    // It was a copy of another article's content: it stops being one.
                    batch.delete::<AliasOf>(&id.0);
                    batch.delete::<Copies>(&(owner, id.0.clone()));
                } else {
                    // It owned its old content: its claims go, and a copy inherits the content.
                    removed.extend(self.claims_of(&id)?);
                    let copies = self.copies_of(&id)?;
                    match copies.iter().min() {
                        None => batch.delete::<ContentHashes>(&old.content_hash),
                        Some(next_owner) => {
                            let (heir_article, heir_claims) = heir
                                .filter(|(a, _)| a.id == *next_owner)
                                .ok_or_else(|| Error::NotFound(format!("the heir {next_owner} of {id}'s old content was not analysed")))?;
                            batch.put::<ContentHashes>(&old.content_hash, &heir_article.id.0)?;
                            batch.delete::<AliasOf>(&heir_article.id.0);
                            for c in &copies {
                                batch.delete::<Copies>(&(id.0.clone(), c.0.clone()));
                                if c != next_owner {
                                    batch.put::<AliasOf>(&c.0, &heir_article.id.0)?;
                                    batch.put::<Copies>(&(heir_article.id.0.clone(), c.0.clone()), &())?;
                                }
                            }
                            inherited = heir_claims;
                        }
                    }
                }
            }
            None => {}
        }

        match self.store.get::<ContentHashes>(&article.content_hash)? {
            Some(owner) if owner != id.0 && owner < id.0 => {
                // The same content is stored under a smaller id: this one is a copy of it.
                batch.put::<AliasOf>(&id.0, &owner)?;
                batch.put::<Copies>(&(owner, id.0.clone()), &())?;
                if previous.is_none() {
                    outcome.status = ArticleStatus::Duplicate;
                }
                outcome.claims = 0;
                own.clear();
            }
            Some(owner) if owner != id.0 => {
                // This id is smaller: it takes the content over, the old owner becomes its copy.
                let owner_id = ArticleId(owner.clone());
                removed.extend(self.claims_of(&owner_id)?);
                batch.put::<ContentHashes>(&article.content_hash, &id.0)?;
                batch.put::<AliasOf>(&owner, &id.0)?;
                batch.put::<Copies>(&(id.0.clone(), owner.clone()), &())?;
                for c in self.copies_of(&owner_id)? {
                    batch.delete::<Copies>(&(owner.clone(), c.0.clone()));
                    batch.put::<AliasOf>(&c.0, &id.0)?;
                    batch.put::<Copies>(&(id.0.clone(), c.0.clone()), &())?;
                }
            }
            _ => batch.put::<ContentHashes>(&article.content_hash, &id.0)?,
        }
        batch.put::<Articles>(&id.0, &article)?;
        if previous.is_none() && !fresh {
            batch.put_meta(ARTICLES_KEY, &(self.stored_count()? + 1).to_be_bytes());
        }
        let mut added = own;
        added.extend(inherited);

        for c in &removed {
            batch.delete::<Claims>(&claim_key(&c.id));
            batch.delete::<BlockIndex>(&index_key(&cluster::block_key(c), c));
        }
        for c in &added {
            batch.put::<Claims>(&claim_key(&c.id), c)?;
            batch.put::<BlockIndex>(&index_key(&cluster::block_key(c), c), &())?;
        }

        let mut blocks: BTreeMap<BlockKey, (Vec<&Claim>, Vec<&Claim>)> = BTreeMap::new();
        for c in &added {
            blocks.entry(cluster::block_key(c)).or_default().0.push(c);
        }
        for c in &removed {
            blocks.entry(cluster::block_key(c)).or_default().1.push(c);
        }
        for (block, (add, remove)) in &blocks {
            let (touched, new_conflicts) = self.recluster(block, add, remove, gaz, &mut batch)?;
            outcome.events_touched.extend(touched);
            outcome.new_conflicts += new_conflicts;
        }
        outcome.events_touched.sort();
        outcome.events_touched.dedup();
        batch.put_meta(RULES_KEY, rules.as_bytes());
        batch.put_meta(LAYOUT_KEY, &DERIVED_LAYOUT.to_be_bytes());
        self.store.commit(batch)?;
        Ok(outcome)
    }

    /// Partitions a block's dated claims (stored, less `removed`, plus `added`) into events.
    /// With `changed = Some((first, last))` days, the scan starts at the event the first
    /// changed day falls in and stops at the first stored event start after the last changed
    /// day that it meets again (what follows is unchanged); with `None` it covers the whole
    /// block. Returns the old events of the scanned stretch and the new partition of it.
    fn rescan_dated(&self, block: &BlockKey, changed: Option<(i32, i32)>, added: &[&Claim], removed_ids: &BTreeSet<&ClaimId>) -> Result<DatedRescan> {
        let kind = block.kind.as_str().to_string();
        let starts_of = |day: i32| (block.place.clone(), kind.clone(), day);
        let (restart, d_max) = match changed {
            Some((d_min, d_max)) => {
                let restart = self
                    .store
                    .range::<EventStarts, _, _>(&starts_of(i32::MIN), &starts_of(d_min.saturating_add(1)), true)?
                    .next()
                    .transpose()?
                    .map_or(d_min, |((_, _, start), _)| start);
                (restart, d_max)
            }
            // No dated day is after UNDATED - 1, so the scan never stops early.
            None => (i32::MIN, UNDATED - 1),
        };
        let stored = self.store.range::<BlockIndex, _, _>(&starts_of(restart), &starts_of(UNDATED), false)?;
        let mut extra: Vec<(i32, ClaimId)> = added.iter().filter(|c| cluster::day_key(c) != UNDATED).map(|c| cluster::member_key(c)).collect();
        extra.sort();
        let mut extra = extra.into_iter().peekable();
        let mut stored = stored.map(|r| r.map(|((_, _, day, art, seq), _)| (day, ClaimId { article: ArticleId(art), seq }))).peekable();
        let mut partitioner = Partitioner::new();
        let mut resync: Option<i32> = None;
        let mut out = DatedRescan::default();
        loop {
            let next_stored = match stored.peek() {
                Some(Ok(m)) => Some(m.clone()),
                Some(Err(_)) => return Err(stored.next().and_then(|r| r.err()).map(Error::from).unwrap_or_else(|| Error::NotFound("index".into()))),
                None => None,
            };
            // Stored entries of removed claims are skipped; added claims may reuse a removed
            // claim's id (a changed article), so they are never skipped, and an added claim
            // wins over a stored entry with the same key.
            let member = match (next_stored, extra.peek()) {
                (Some(s), Some(e)) if e <= &s => {
                    if *e == s {
                        stored.next();
                    }
                    extra.next()
                }
                (Some(s), _) => {
                    stored.next();
                    if removed_ids.contains(&s.1) {
                        continue;
                    }
                    Some(s)
                }
                (None, Some(_)) => extra.next(),
                (None, None) => None,
            };
            let Some((day, claim)) = member else { break };
            if partitioner.push(day) {
                if day > d_max && self.store.contains::<EventStarts>(&starts_of(day))? {
                    resync = Some(day);
                    break;
                }
                out.new_events.push((day, Vec::new()));
            }
            if let Some(last) = out.new_events.last_mut() {
                last.1.push((day, claim));
            }
        }
        let upto = resync.unwrap_or(UNDATED);
        for item in self.store.range::<EventStarts, _, _>(&starts_of(restart), &starts_of(upto), false)? {
            let ((_, _, start), id) = item?;
            out.old_events.push((start, id));
        }
        Ok(out)
    }

    /// Recomputes the events of one block around the claims added and removed, writing the
    /// changes into `batch`. Returns the events written and how many conflicting pairs are new.
    fn recluster(
        &self,
        block: &BlockKey,
        added: &[&Claim],
        removed: &[&Claim],
        gaz: &Gazetteer,
        batch: &mut WriteBatch,
    ) -> Result<(Vec<EventId>, usize)> {
        let kind = block.kind.as_str().to_string();
        let removed_ids: BTreeSet<&ClaimId> = removed.iter().map(|c| &c.id).collect();
        let added_by_id: HashMap<&ClaimId, &Claim> = added.iter().map(|c| (&c.id, *c)).collect();
        let mut changed_days: Vec<i32> = added.iter().chain(removed).map(|c| cluster::day_key(c)).collect();
        changed_days.sort_unstable();
        let mut written = Vec::new();
        let mut new_conflicts = 0;
        let starts_of = |day: i32| (block.place.clone(), kind.clone(), day);

        // The block's undated claims after the change, and whether they joined its one dated
        // event before it (they did when the block had undated claims but no undated event).
        let mut undated: Vec<(i32, ClaimId)> = Vec::new();
        let mut had_undated = false;
        for item in self.store.scan_prefix::<BlockIndex, _>(&starts_of(UNDATED))? {
            let ((_, _, day, art, seq), _) = item?;
            had_undated = true;
            let id = ClaimId { article: ArticleId(art), seq };
            if !removed_ids.contains(&id) {
                undated.push((day, id));
            }
        }
        undated.extend(added.iter().filter(|c| cluster::day_key(c) == UNDATED).map(|c| cluster::member_key(c)));
        undated.sort();
        undated.dedup();
        // Most blocks have no undated claims at all: their undated event is not looked for.
        let undated_event = if had_undated || !undated.is_empty() { self.store.get::<EventStarts>(&starts_of(UNDATED))? } else { None };
        let joined_before = had_undated && undated_event.is_none();

        // The dated events around the changed days, rescanned from the start of the event
        // the earliest change falls in to the first event start the rescan meets unchanged.
        let dated: Vec<i32> = changed_days.iter().copied().filter(|d| *d != UNDATED).collect();
        let mut scan = match (dated.first(), dated.last()) {
            (Some(&d_min), Some(&d_max)) => self.rescan_dated(block, Some((d_min, d_max)), added, &removed_ids)?,
            _ => DatedRescan::default(),
        };
        let mut joined_after = false;
        if !undated.is_empty() {
            // Dated events after the change: the stored ones outside the rescanned stretch and
            // the rescan's. Counting stops once the answer cannot be one.
            let cap = scan.old_events.len() + 2;
            let mut stored = 0;
            for item in self.store.range::<EventStarts, _, _>(&starts_of(i32::MIN), &starts_of(UNDATED), false)?.take(cap) {
                item?;
                stored += 1;
            }
            joined_after = cluster::undated_join(stored - scan.old_events.len() + scan.new_events.len());
        }
        if joined_before || joined_after {
            // Whether the undated claims join changes with the block's dated events as a
            // whole, and a block with one dated event is small: it is recomputed whole.
            scan = self.rescan_dated(block, None, added, &removed_ids)?;
            joined_after = !undated.is_empty() && cluster::undated_join(scan.new_events.len());
        }
        let DatedRescan { mut old_events, mut new_events } = scan;
        if joined_after {
            if let Some(id) = undated_event {
                old_events.push((UNDATED, id));
            }
            if let Some((_, members)) = new_events.first_mut() {
                members.extend(undated);
            }
        } else if changed_days.last() == Some(&UNDATED) || joined_before {
            if let Some(id) = undated_event {
                old_events.push((UNDATED, id));
            }
            if !undated.is_empty() {
                new_events.push((UNDATED, undated));
            }
        }

        // The old events of the recomputed stretch: an event computed again unchanged is left
        // as it is (no write), so an insert that changes nothing about an event costs no write.
        let mut old: BTreeMap<String, (i32, Event)> = BTreeMap::new();
        let mut old_pairs: BTreeSet<(String, ClaimId, ClaimId)> = BTreeSet::new();
        for (start, id) in &old_events {
            if let Some(ev) = self.store.get::<Events>(id)? {
                old_pairs.extend(ev.conflicts.iter().map(|c| (c.rule.clone(), c.moscow.clone(), c.kyiv.clone())));
                old.insert(id.clone(), (*start, ev));
            } else {
                batch.delete::<EventStarts>(&(block.place.clone(), kind.clone(), *start));
            }
        }
        let mut new_starts: BTreeSet<i32> = BTreeSet::new();
        for (start, members) in new_events {
            let mut claims: Vec<Claim> = Vec::with_capacity(members.len());
            for (_, id) in &members {
                match added_by_id.get(id) {
                    Some(c) => claims.push((*c).clone()),
                    None => match self.claim(id)? {
                        Some(c) => claims.push(c),
                        None => return Err(Error::NotFound(format!("claim {id} is indexed but not stored; run `rift verify`"))),
                    },
                }
            }
            let refs: Vec<&Claim> = claims.iter().collect();
            let conflicts = conflict::conflicts(&refs);
            let status = conflict::status(&refs, &conflicts);
            new_conflicts += conflicts
                .iter()
                .filter(|c| !old_pairs.contains(&(c.rule.clone(), c.moscow.clone(), c.kyiv.clone())))
                .count();
            let place = event_place(&claims, gaz);
            let slug = match &place {
                Some(p) => match p.id.and_then(|id| gaz.place(id)) {
                    Some(g) => g.slug.clone(),
                    None => cluster::unlisted_slug(&p.name),
                },
                None => String::new(),
            };
            let event_kind = cluster::event_kind(block, &refs);
            let id = cluster::event_id(block, &slug, start);
            let last_day = members.iter().map(|(d, _)| *d).filter(|d| *d != UNDATED).max();
            let joins_undated = start != UNDATED && members.last().is_some_and(|(d, _)| *d == UNDATED);
            let event = Event {
                id: id.clone(),
                block: block.clone(),
                kind: event_kind,
                place,
                first_day: (start != UNDATED).then_some(crate::model::Day(start)),
                last_day: last_day.map(crate::model::Day),
                claim_count: members.len() as u32,
                joins_undated,
                status,
                conflicts,
                rule: format!("cluster:place+kind-family, gap<={}d, span<={}d", cluster::GAP_DAYS, cluster::SPAN_DAYS),
            };
            // An event id names its block and start, so an unchanged id is the same event.
            if old.remove(&id.0).is_none_or(|(_, old_event)| old_event != event) {
                batch.put::<Events>(&id.0, &event)?;
                batch.put::<EventStarts>(&(block.place.clone(), kind.clone(), start), &id.0)?;
            }
            new_starts.insert(start);
            written.push(id);
        }
        // Old events not computed again are gone (merged into another, emptied, or renamed).
        for (id, (start, _)) in old {
            batch.delete::<Events>(&id);
            if !new_starts.contains(&start) {
                batch.delete::<EventStarts>(&(block.place.clone(), kind.clone(), start));
            }
        }
        Ok((written, new_conflicts))
    }

    /// Clears all derived data, marking the store as rebuilding until [`Db::finish_rebuild`].
    pub fn start_rebuild(&self) -> Result<()> {
        let mut batch = WriteBatch::new();
        batch.put_meta(REBUILDING_KEY, b"1");
        self.store.commit(batch)?;
        self.store.flush()?;
        self.store.clear::<Claims>()?;
        self.store.clear::<BlockIndex>()?;
        self.store.clear::<EventStarts>()?;
        self.store.clear::<Events>()?;
        self.store.clear::<ContentHashes>()?;
        self.store.clear::<AliasOf>()?;
        self.store.clear::<Copies>()?;
        Ok(())
    }

    pub fn finish_rebuild(&self, rules: &str) -> Result<()> {
        let mut batch = WriteBatch::new();
        batch.delete_meta(REBUILDING_KEY);
        batch.put_meta(RULES_KEY, rules.as_bytes());
        batch.put_meta(LAYOUT_KEY, &DERIVED_LAYOUT.to_be_bytes());
        self.store.commit(batch)?;
        Ok(self.store.flush()?)
    }
}

/// The place an event is about: its claims' resolved place (they share the block's place key).
/// A place the gazetteer lacks goes by its Ukrainian spelling where a claim writes it so
/// ("Berkhivka" over "Berkhovka"), as the gazetteer's own places do.
fn event_place(claims: &[Claim], gaz: &Gazetteer) -> Option<PlaceRef> {
    let first = claims.iter().find_map(|c| c.place.clone())?;
    Some(match first.id.and_then(|id| gaz.place(id)) {
        Some(p) => PlaceRef { name: p.name.clone(), ..first },
        None => {
            let key = gazetteer::unlisted_key(&first.name);
            claims
                .iter()
                .filter_map(|c| c.place.as_ref())
                .find(|p| p.id.is_none() && gazetteer::fold(&p.name) == key)
                .cloned()
                .unwrap_or(first)
        }
    })
}

/// Kinds in report order.
pub fn kind_order(kind: Kind) -> usize {
    Kind::ALL.iter().position(|k| *k == kind).unwrap_or(usize::MAX)
}

/// What `rift verify` found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VerifyReport {
    pub articles: usize,
    pub claims: usize,
    pub events: usize,
    /// Each problem as a sentence; empty when the store is sound.
    pub problems: Vec<String>,
    /// Notes that are not damage (a rebuild is due, say).
    pub notes: Vec<String>,
}

/// At most this many problems of one kind are listed; the count says how many more there were.
const MAX_LISTED: usize = 20;

impl Db {
    /// Checks the store's integrity: every record decodes, and articles, claims, the index and
    /// events all point at each other as they should. Reads everything; meant for `rift verify`.
    pub fn verify(&self, current_rules: &str) -> Result<VerifyReport> {
        let mut r = VerifyReport::default();
        let mut problems: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
        let mut note = |kind: &'static str, text: String| problems.entry(kind).or_default().push(text);

        macro_rules! decode_check {
            ($($ks:ty),*) => {$(
                let t = self.store.verify_tree::<$ks>()?;
                if t.bad_keys + t.bad_values > 0 {
                    note("undecodable", format!("{} records of `{}` do not decode ({})", t.bad_keys + t.bad_values, <$ks>::NAME, t.first_problem.unwrap_or_default()));
                }
            )*};
        }
        decode_check!(Articles, ContentHashes, AliasOf, Copies, Claims, BlockIndex, EventStarts, Events);

        let mut owners: BTreeSet<String> = BTreeSet::new();
        for item in self.store.iter::<Articles>()? {
            let Ok((key, a)) = item else { continue };
            r.articles += 1;
            if key != a.id.0 {
                note("article", format!("article record `{key}` holds id `{}`", a.id));
            }
            match self.store.get::<ContentHashes>(&a.content_hash)? {
                Some(owner) if owner == a.id.0 => {
                    owners.insert(owner);
                }
                Some(owner) => {
                    if self.store.get::<AliasOf>(&a.id.0)?.as_deref() != Some(owner.as_str()) {
                        note("alias", format!("article {} carries the content of {owner} but is not recorded as its copy", a.id));
                    }
                    if !self.store.contains::<Copies>(&(owner.clone(), a.id.0.clone()))? {
                        note("alias", format!("article {} is missing from {owner}'s copies", a.id));
                    }
                }
                None => note("content", format!("article {}'s content hash is not indexed", a.id)),
            }
        }
        let counted = self.stored_count()? as usize;
        if counted != r.articles {
            note("count", format!("the article counter says {counted}, the store holds {}", r.articles));
        }
        let mut claim_ids: BTreeSet<ClaimId> = BTreeSet::new();
        for item in self.store.iter::<Claims>()? {
            let Ok((_, c)) = item else { continue };
            r.claims += 1;
            if !owners.contains(&c.id.article.0) {
                note("claim", format!("claim {} belongs to no stored owner article", c.id));
            }
            if !self.store.contains::<BlockIndex>(&index_key(&cluster::block_key(&c), &c))? {
                note("index", format!("claim {} is not in the clustering index", c.id));
            }
            claim_ids.insert(c.id);
        }
        for item in self.store.iter::<BlockIndex>()? {
            let Ok(((_, _, _, art, seq), ())) = item else { continue };
            let id = ClaimId { article: ArticleId(art), seq };
            if !claim_ids.contains(&id) {
                note("index", format!("the index names claim {id}, which is not stored"));
            }
        }
        let mut covered: BTreeSet<ClaimId> = BTreeSet::new();
        for item in self.store.iter::<Events>()? {
            let Ok((key, e)) = item else { continue };
            r.events += 1;
            let start = e.first_day.map_or(cluster::UNDATED, |d| d.0);
            let start_key = (e.block.place.clone(), e.block.kind.as_str().to_string(), start);
            if self.store.get::<EventStarts>(&start_key)?.as_deref() != Some(key.as_str()) {
                note("event", format!("event {key} is not where its block's event starts say"));
            }
            let members = self.event_claims(&e)?;
            if members.len() != e.claim_count as usize {
                note("event", format!("event {key} counts {} claims but its days hold {}", e.claim_count, members.len()));
            }
            for c in members {
                if !covered.insert(c.clone()) {
                    note("event", format!("claim {c} is in two events"));
                }
            }
        }
        for c in claim_ids.difference(&covered) {
            note("event", format!("claim {c} belongs to no event"));
        }
        for (kind, list) in problems {
            let n = list.len();
            r.problems.extend(list.into_iter().take(MAX_LISTED));
            if n > MAX_LISTED {
                r.problems.push(format!("... and {} more {kind} problems", n - MAX_LISTED));
            }
        }
        if self.rebuild_interrupted()? {
            r.problems.push("a rebuild was interrupted: run `rift rebuild`".into());
        }
        match self.rules()? {
            Some(found) if found != current_rules => {
                r.notes.push(format!("derived with other rules ({found}; this rift has {current_rules}): `rift rebuild` is due"))
            }
            _ => {}
        }
        Ok(r)
    }
}
