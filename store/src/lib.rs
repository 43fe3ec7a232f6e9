//! rift's storage layer: the one crate that talks to sled.
//!
//! The rest of rift sees typed keyspaces ([`Keyspace`]): a tree name, an order-preserving key
//! type ([`Key`]) and a serde value type. Writes are gathered in a [`WriteBatch`] and applied by
//! [`Store::commit`] in one sled transaction across every tree the batch touches, so an
//! article's effects are either all in the store or not at all.
//!
//! The store directory holds sled's files and a `LOCK` file. The lock is taken with an OS file
//! lock for as long as the [`Store`] lives; a second process gets [`StoreError::Locked`] with
//! the holder's pid and command line instead of sled's own opaque error.

mod key;

use std::collections::BTreeMap;
use std::fs::{File, OpenOptions as FsOpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::marker::PhantomData;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;
use sled::Transactional;
use sled::transaction::{ConflictableTransactionError, TransactionError};

pub use key::{Key, KeyReader};

/// The on-disk format of this crate's own bookkeeping (the meta tree and key encoding).
/// Bumped only when a store written by an older rift cannot be read at all.
pub const STORE_FORMAT: u32 = 1;

const META_TREE: &str = "__meta";
const FORMAT_KEY: &[u8] = b"store.format";
/// How many batches have been committed, kept in the same transactions as the batches.
const COMMITS_KEY: &[u8] = b"store.commits";
/// The file, beside sled's, that records the commit count of the last flush.
const MANIFEST_FILE: &str = "MANIFEST";

/// Errors from the storage layer. Each says what to do next where there is something to do.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "the store at {path} is in use by another rift process ({holder}); wait for it to finish, or stop it, then try again"
    )]
    Locked { path: PathBuf, holder: String },
    #[error("cannot open the store at {path}: {source}")]
    Open { path: PathBuf, source: std::io::Error },
    #[error(
        "the store at {path} is damaged ({detail}); `rift verify` says more, and `rift export` saves what can be read"
    )]
    Corrupt { path: PathBuf, detail: String },
    #[error(
        "the store at {path} was written in format {found}, this rift reads format {expected}; use the rift that wrote it to `rift export`, then ingest the export into a new store"
    )]
    Format { path: PathBuf, found: u32, expected: u32 },
    #[error(
        "the store at {path} has lost data: {lost} committed transaction(s) recorded in its MANIFEST are missing (its files were truncated or damaged outside rift); `rift verify` lists what is left, `rift export` saves it, and re-ingesting the sources into a new store restores the rest"
    )]
    Lost { path: PathBuf, lost: u64 },
    #[error("storage error: {0}")]
    Sled(String),
    #[error("stored value in `{tree}` cannot be decoded: {detail}")]
    Value { tree: &'static str, detail: String },
    #[error("stored key cannot be decoded: {0}")]
    Decode(String),
    #[error("value for `{tree}` cannot be encoded: {detail}")]
    Encode { tree: &'static str, detail: String },
}

impl From<sled::Error> for StoreError {
    fn from(e: sled::Error) -> Self {
        StoreError::Sled(e.to_string())
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// How a keyspace's values are written. Articles, the source of truth, are JSON so that they
/// stay readable by any future version (compressed with zstd, a standard any future version
/// can read too: news text shrinks about threefold); derived records are compact postcard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Postcard,
    Json,
    ZstdJson,
}

/// zstd's level for stored articles: fast enough to keep up with ingest, most of the gain.
const ZSTD_LEVEL: i32 = 3;

/// A named tree with typed keys and values.
pub trait Keyspace {
    const NAME: &'static str;
    const ENCODING: Encoding = Encoding::Postcard;
    type Key: Key;
    type Value: Serialize + DeserializeOwned;
}

fn encode_value<K: Keyspace>(value: &K::Value) -> Result<Vec<u8>> {
    let err = |detail: String| StoreError::Encode { tree: K::NAME, detail };
    match K::ENCODING {
        Encoding::Postcard => postcard::to_stdvec(value).map_err(|e| err(e.to_string())),
        Encoding::Json => serde_json::to_vec(value).map_err(|e| err(e.to_string())),
        Encoding::ZstdJson => {
            let json = serde_json::to_vec(value).map_err(|e| err(e.to_string()))?;
            zstd::stream::encode_all(&json[..], ZSTD_LEVEL).map_err(|e| err(e.to_string()))
        }
    }
}

fn decode_value<K: Keyspace>(bytes: &[u8]) -> Result<K::Value> {
    let err = |detail: String| StoreError::Value { tree: K::NAME, detail };
    match K::ENCODING {
        Encoding::Postcard => postcard::from_bytes(bytes).map_err(|e| err(e.to_string())),
        Encoding::Json => serde_json::from_slice(bytes).map_err(|e| err(e.to_string())),
        Encoding::ZstdJson => {
            let json = zstd::stream::decode_all(bytes).map_err(|e| err(format!("not zstd: {e}")))?;
            serde_json::from_slice(&json).map_err(|e| err(e.to_string()))
        }
    }
}

/// Options for [`Store::open`].
#[derive(Debug, Clone)]
pub struct OpenOptions {
    /// Create the store when the directory holds none.
    pub create: bool,
    /// sled's page cache, in bytes. Small by default: rift streams, it does not cache.
    pub cache_bytes: u64,
    /// A description of this process for the lock file ("rift ingest a.jsonl").
    pub holder: String,
}

impl Default for OpenOptions {
    fn default() -> Self {
        OpenOptions { create: true, cache_bytes: 64 << 20, holder: "rift".into() }
    }
}

/// Writes to apply together, across trees, in one transaction.
#[derive(Default)]
pub struct WriteBatch {
    ops: BTreeMap<&'static str, BTreeMap<Vec<u8>, Option<Vec<u8>>>>,
}

impl WriteBatch {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn put<K: Keyspace>(&mut self, key: &K::Key, value: &K::Value) -> Result<()> {
        let bytes = encode_value::<K>(value)?;
        self.ops.entry(K::NAME).or_default().insert(key.to_bytes(), Some(bytes));
        Ok(())
    }

    pub fn delete<K: Keyspace>(&mut self, key: &K::Key) {
        self.ops.entry(K::NAME).or_default().insert(key.to_bytes(), None);
    }

    /// Sets a meta entry (see [`Store::meta`]).
    pub fn put_meta(&mut self, name: &str, value: &[u8]) {
        self.ops.entry(META_TREE).or_default().insert(name.as_bytes().to_vec(), Some(value.to_vec()));
    }

    /// Removes a meta entry.
    pub fn delete_meta(&mut self, name: &str) {
        self.ops.entry(META_TREE).or_default().insert(name.as_bytes().to_vec(), None);
    }

    /// The pending write for a key, if this batch has one: `Some(None)` is a pending delete.
    pub fn pending<K: Keyspace>(&self, key: &K::Key) -> Result<Option<Option<K::Value>>> {
        match self.ops.get(K::NAME).and_then(|t| t.get(&key.to_bytes())) {
            None => Ok(None),
            Some(None) => Ok(Some(None)),
            Some(Some(bytes)) => Ok(Some(Some(decode_value::<K>(bytes)?))),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.ops.values().all(|t| t.is_empty())
    }

    /// The number of key writes and deletes in the batch.
    pub fn len(&self) -> usize {
        self.ops.values().map(|t| t.len()).sum()
    }

    /// Moves every write of `other` into this batch; `other`'s writes win on the same key.
    pub fn extend(&mut self, other: WriteBatch) {
        for (tree, ops) in other.ops {
            self.ops.entry(tree).or_default().extend(ops);
        }
    }
}

/// An iterator over a keyspace, decoding as it goes.
pub struct Iter<K: Keyspace> {
    inner: sled::Iter,
    reverse: bool,
    _k: PhantomData<K>,
}

impl<K: Keyspace> Iterator for Iter<K> {
    type Item = Result<(K::Key, K::Value)>;
    fn next(&mut self) -> Option<Self::Item> {
        let item = if self.reverse { self.inner.next_back()? } else { self.inner.next()? };
        Some(item.map_err(StoreError::from).and_then(|(k, v)| {
            Ok((K::Key::from_bytes(&k)?, decode_value::<K>(&v)?))
        }))
    }
}

/// What [`Store::verify_tree`] found in one tree.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct TreeReport {
    pub entries: u64,
    pub bad_keys: u64,
    pub bad_values: u64,
    pub first_problem: Option<String>,
}

/// The store: a sled database and the lock that makes this process its one writer.
/// Whether sled compresses its pages (zstd) in the store at `db`: always for a new store,
/// as the store's records compress to a third; an existing store keeps the setting it was
/// made with (sled records it in its `conf` file and refuses to open with another).
fn page_compression(db: &Path) -> bool {
    // The file ends in a binary checksum, so it is read as bytes.
    match std::fs::read(db.join("conf")) {
        Ok(conf) => String::from_utf8_lossy(&conf).lines().any(|l| l.trim() == "use_compression: true"),
        Err(_) => true,
    }
}

/// Every tree's raw entries by tree name, as `Store::dump` returns them.
pub type Dump = BTreeMap<String, Vec<(Vec<u8>, Vec<u8>)>>;

pub struct Store {
    db: sled::Db,
    path: PathBuf,
    _lock: File,
    /// Batches committed so far (this process holds the only writer's lock).
    commits: std::sync::atomic::AtomicU64,
}

impl Store {
    /// Opens (or creates) the store in directory `path`.
    pub fn open(path: &Path, options: &OpenOptions) -> Result<Store> {
        let open_err = |source| StoreError::Open { path: path.to_path_buf(), source };
        if !path.exists() {
            if !options.create {
                return Err(open_err(std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    "no store here (run `rift ingest` first)",
                )));
            }
            std::fs::create_dir_all(path).map_err(open_err)?;
        } else if !path.is_dir() {
            return Err(open_err(std::io::Error::other("not a directory")));
        }
        let lock = take_lock(path, &options.holder)?;
        Store::open_locked(path, options, lock)
    }

    /// Opens the sled files of a store whose lock this process holds.
    fn open_locked(path: &Path, options: &OpenOptions, lock: File) -> Result<Store> {
        let open_err = |source| StoreError::Open { path: path.to_path_buf(), source };
        finish_compaction(path).map_err(open_err)?;
        let config = sled::Config::new()
            .path(path.join("db"))
            .cache_capacity(options.cache_bytes)
            .use_compression(page_compression(&path.join("db")))
            .compression_factor(1)
            .flush_every_ms(Some(1000));
        // sled 0.34 panics on some kinds of damage instead of returning an error; a damaged
        // store must be a message, not a crash, so the panic is caught here.
        // sled takes its own file lock too; like ours, it may be held for a moment by a forked
        // child of a process that just released it, so a busy lock is retried briefly.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(2);
        let mut opened = catch_unwind(AssertUnwindSafe(|| config.open()));
        while matches!(&opened, Ok(Err(sled::Error::Io(e))) if e.to_string().contains("could not acquire lock"))
            && std::time::Instant::now() < deadline
        {
            std::thread::sleep(std::time::Duration::from_millis(25));
            opened = catch_unwind(AssertUnwindSafe(|| config.open()));
        }
        let db = match opened {
            Ok(Ok(db)) => db,
            Ok(Err(sled::Error::Corruption { .. })) => {
                return Err(StoreError::Corrupt {
                    path: path.to_path_buf(),
                    detail: "sled found a corrupted log segment".into(),
                });
            }
            Ok(Err(sled::Error::Io(e))) => return Err(open_err(e)),
            Ok(Err(e)) => {
                return Err(StoreError::Corrupt { path: path.to_path_buf(), detail: e.to_string() });
            }
            Err(panic) => {
                let detail = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_else(|| "sled could not read its files".into());
                return Err(StoreError::Corrupt { path: path.to_path_buf(), detail });
            }
        };
        let store = Store { db, path: path.to_path_buf(), _lock: lock, commits: std::sync::atomic::AtomicU64::new(0) };
        store.check_format()?;
        store.check_manifest()?;
        Ok(store)
    }

    /// Compares the commit count sled holds with the one the manifest recorded at the last
    /// flush. sled recovers a damaged log by dropping what follows the damage, silently; the
    /// manifest, written outside sled after every flush, is how that loss is noticed.
    fn check_manifest(&self) -> Result<()> {
        let meta = self.db.open_tree(META_TREE)?;
        let held = match meta.get(COMMITS_KEY)? {
            Some(v) if v.len() == 8 => u64::from_be_bytes(v.as_ref().try_into().expect("length checked")),
            Some(_) => {
                return Err(StoreError::Corrupt { path: self.path.clone(), detail: "the commit counter is unreadable".into() });
            }
            None => 0,
        };
        self.commits.store(held, std::sync::atomic::Ordering::SeqCst);
        let recorded = std::fs::read_to_string(self.path.join(MANIFEST_FILE))
            .ok()
            .and_then(|text| text.lines().find_map(|l| l.strip_prefix("commits ").and_then(|n| n.trim().parse::<u64>().ok())));
        match recorded {
            Some(r) if r > held => Err(StoreError::Lost { path: self.path.clone(), lost: r - held }),
            _ => Ok(()),
        }
    }

    /// Batches committed to this store since it was created.
    pub fn commits(&self) -> u64 {
        self.commits.load(std::sync::atomic::Ordering::SeqCst)
    }

    fn check_format(&self) -> Result<()> {
        let meta = self.db.open_tree(META_TREE)?;
        match meta.get(FORMAT_KEY)? {
            None => {
                meta.insert(FORMAT_KEY, &STORE_FORMAT.to_be_bytes())?;
                Ok(())
            }
            Some(v) if v.len() == 4 => {
                let found = u32::from_be_bytes(v.as_ref().try_into().expect("length checked"));
                if found == STORE_FORMAT {
                    Ok(())
                } else {
                    Err(StoreError::Format { path: self.path.clone(), found, expected: STORE_FORMAT })
                }
            }
            Some(_) => Err(StoreError::Corrupt {
                path: self.path.clone(),
                detail: "the store format marker is unreadable".into(),
            }),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn tree(&self, name: &str) -> Result<sled::Tree> {
        Ok(self.db.open_tree(name)?)
    }

    pub fn get<K: Keyspace>(&self, key: &K::Key) -> Result<Option<K::Value>> {
        match self.tree(K::NAME)?.get(key.to_bytes())? {
            Some(bytes) => Ok(Some(decode_value::<K>(&bytes)?)),
            None => Ok(None),
        }
    }

    pub fn contains<K: Keyspace>(&self, key: &K::Key) -> Result<bool> {
        Ok(self.tree(K::NAME)?.contains_key(key.to_bytes())?)
    }

    /// Every entry of a keyspace, in key order.
    pub fn iter<K: Keyspace>(&self) -> Result<Iter<K>> {
        Ok(Iter { inner: self.tree(K::NAME)?.iter(), reverse: false, _k: PhantomData })
    }

    /// Entries whose key starts with the encoding of `prefix` (a leading part of the key tuple).
    pub fn scan_prefix<K: Keyspace, P: Key>(&self, prefix: &P) -> Result<Iter<K>> {
        Ok(Iter {
            inner: self.tree(K::NAME)?.scan_prefix(prefix.to_bytes()),
            reverse: false,
            _k: PhantomData,
        })
    }

    /// Entries with `from <= key < to`, where both bounds are leading parts of the key tuple
    /// (or whole keys). `reverse` walks from the top down.
    pub fn range<K: Keyspace, F: Key, T: Key>(&self, from: &F, to: &T, reverse: bool) -> Result<Iter<K>> {
        let (lo, hi) = (from.to_bytes(), to.to_bytes());
        Ok(Iter { inner: self.tree(K::NAME)?.range(lo..hi), reverse, _k: PhantomData })
    }

    /// The number of entries in a keyspace (a full count: use for reports, not hot paths).
    pub fn count<K: Keyspace>(&self) -> Result<usize> {
        Ok(self.tree(K::NAME)?.len())
    }

    /// A meta entry (rules version, rebuild markers and the like).
    pub fn meta(&self, name: &str) -> Result<Option<Vec<u8>>> {
        Ok(self.tree(META_TREE)?.get(name.as_bytes())?.map(|v| v.to_vec()))
    }

    /// Applies every write of the batch in one transaction across the trees it touches.
    pub fn commit(&self, batch: WriteBatch) -> Result<()> {
        if batch.is_empty() {
            return Ok(());
        }
        let mut batch = batch;
        let next = self.commits() + 1;
        batch.ops.entry(META_TREE).or_default().insert(COMMITS_KEY.to_vec(), Some(next.to_be_bytes().to_vec()));
        let names: Vec<&'static str> = batch.ops.keys().copied().collect();
        let trees = names.iter().map(|n| self.tree(n)).collect::<Result<Vec<_>>>()?;
        let ops: Vec<&BTreeMap<Vec<u8>, Option<Vec<u8>>>> = batch.ops.values().collect();
        let result: std::result::Result<(), TransactionError<()>> =
            trees.as_slice().transaction(|txs| {
                for (tx, tree_ops) in txs.iter().zip(&ops) {
                    for (k, v) in tree_ops.iter() {
                        match v {
                            Some(v) => {
                                tx.insert(k.as_slice(), v.as_slice())?;
                            }
                            None => {
                                tx.remove(k.as_slice())?;
                            }
                        }
                    }
                }
                Ok::<(), ConflictableTransactionError<()>>(())
            });
        match result {
            Ok(()) => {
                self.commits.store(next, std::sync::atomic::Ordering::SeqCst);
                Ok(())
            }
            Err(TransactionError::Storage(e)) => Err(e.into()),
            Err(TransactionError::Abort(())) => Err(StoreError::Sled("transaction aborted".into())),
        }
    }

    /// Deletes every entry of a keyspace. Not atomic with other writes: callers that clear
    /// derived data mark the store as rebuilding first (see rift's `rebuild`).
    pub fn clear<K: Keyspace>(&self) -> Result<()> {
        self.tree(K::NAME)?.clear()?;
        Ok(())
    }

    /// Makes every committed write durable, then records the commit count in the manifest
    /// (written to a temporary file and renamed, so it is never half written). What rift
    /// reports as done has been flushed.
    pub fn flush(&self) -> Result<()> {
        let commits = self.commits();
        self.db.flush()?;
        let tmp = self.path.join(format!("{MANIFEST_FILE}.tmp"));
        let text = format!("rift store manifest: written after each flush; do not edit\nformat {STORE_FORMAT}\ncommits {commits}\n");
        let io = |source| StoreError::Open { path: self.path.clone(), source };
        let mut f = File::create(&tmp).map_err(io)?;
        f.write_all(text.as_bytes()).map_err(io)?;
        f.sync_all().map_err(io)?;
        std::fs::rename(&tmp, self.path.join(MANIFEST_FILE)).map_err(io)?;
        Ok(())
    }

    /// The store's size on disk, in bytes.
    pub fn size_on_disk(&self) -> Result<u64> {
        Ok(self.db.size_on_disk()?)
    }

    /// Reads every entry of a tree, counting keys and values that do not decode.
    pub fn verify_tree<K: Keyspace>(&self) -> Result<TreeReport> {
        let mut report = TreeReport::default();
        for item in self.tree(K::NAME)?.iter() {
            let (k, v) = match item {
                Ok(kv) => kv,
                Err(e) => {
                    report.first_problem.get_or_insert_with(|| format!("{}: {e}", K::NAME));
                    report.bad_values += 1;
                    continue;
                }
            };
            report.entries += 1;
            if let Err(e) = K::Key::from_bytes(&k) {
                report.bad_keys += 1;
                report.first_problem.get_or_insert_with(|| format!("{}: {e}", K::NAME));
            }
            if let Err(e) = decode_value::<K>(&v) {
                report.bad_values += 1;
                report.first_problem.get_or_insert_with(|| e.to_string());
            }
        }
        Ok(report)
    }

    /// Per tree: its name, entries, and the bytes of its keys and values (the logical size,
    /// before sled's own overhead).
    pub fn tree_stats(&self) -> Result<Vec<(String, u64, u64, u64)>> {
        let mut out = Vec::new();
        let mut names: Vec<Vec<u8>> = self.db.tree_names().into_iter().map(|n| n.to_vec()).collect();
        names.sort();
        for name in names {
            let name = String::from_utf8_lossy(&name).into_owned();
            let tree = self.tree(&name)?;
            let (mut n, mut k, mut v) = (0u64, 0u64, 0u64);
            for item in tree.iter() {
                let (key, value) = item?;
                n += 1;
                k += key.len() as u64;
                v += value.len() as u64;
            }
            if n > 0 {
                out.push((name, n, k, v));
            }
        }
        Ok(out)
    }

    /// Rewrites the store into fresh sled files and swaps them in. sled appends every change
    /// to its log and reclaims old versions lazily, so a store that took many small updates
    /// holds several times its live data; a compacted store holds little more than it.
    ///
    /// The swap survives a crash at any point: the copy is complete (a `COMPLETE` marker) before
    /// the old files are moved aside, and `open` finishes or rolls back a swap it finds half
    /// done.
    pub fn compact(self, options: &OpenOptions) -> Result<Store> {
        let path = self.path.clone();
        let io = |source| StoreError::Open { path: path.clone(), source };
        let fresh = path.join(COMPACTING_DIR);
        let _ = std::fs::remove_dir_all(&fresh);
        self.db.flush()?;
        {
            let target = sled::Config::new().path(&fresh).cache_capacity(64 << 20).use_compression(true).open()?;
            let mut names: Vec<Vec<u8>> = self.db.tree_names().into_iter().map(|n| n.to_vec()).collect();
            names.sort();
            for name in names {
                let source = self.db.open_tree(&name)?;
                let dest = target.open_tree(&name)?;
                let mut batch = sled::Batch::default();
                for (n, item) in source.iter().enumerate() {
                    let (k, v) = item?;
                    batch.insert(k, v);
                    if n % 10_000 == 9_999 {
                        dest.apply_batch(std::mem::take(&mut batch))?;
                    }
                }
                dest.apply_batch(batch)?;
            }
            target.flush()?;
        }
        File::create(fresh.join(COMPLETE_MARKER)).and_then(|f| f.sync_all()).map_err(io)?;
        let Store { db, _lock: lock, .. } = self;
        drop(db);
        std::fs::rename(path.join("db"), path.join(OLD_DIR)).map_err(io)?;
        finish_compaction(&path).map_err(io)?;
        Store::open_locked(&path, options, lock)
    }

    /// Every tree's raw entries, for tests that compare two stores' logical content (the
    /// commit counter left out).
    pub fn dump(&self) -> Result<Dump> {
        let mut out = BTreeMap::new();
        let mut names: Vec<Vec<u8>> = self.db.tree_names().into_iter().map(|n| n.to_vec()).collect();
        names.sort();
        for name in names {
            let name = String::from_utf8_lossy(&name).into_owned();
            if name == "__sled__default" {
                continue;
            }
            let tree = self.tree(&name)?;
            // The commit counter counts transactions, not content: two stores with the same
            // content reached by different batchings differ only there.
            let entries = tree
                .iter()
                .map(|kv| kv.map(|(k, v)| (k.to_vec(), v.to_vec())))
                .filter(|kv| !(name == META_TREE && kv.as_ref().is_ok_and(|(k, _)| k == COMMITS_KEY)))
                .collect::<std::result::Result<Vec<_>, _>>()?;
            if !entries.is_empty() {
                out.insert(name, entries);
            }
        }
        Ok(out)
    }
}

/// Where `compact` writes the new files, the marker that says the copy is whole, and where the
/// old files wait to be removed.
const COMPACTING_DIR: &str = "db.compacting";
const COMPLETE_MARKER: &str = "COMPLETE";
const OLD_DIR: &str = "db.old";

/// Finishes or rolls back a compaction that stopped half way (see [`Store::compact`]).
fn finish_compaction(path: &Path) -> std::io::Result<()> {
    let (db, fresh, old) = (path.join("db"), path.join(COMPACTING_DIR), path.join(OLD_DIR));
    let complete = fresh.join(COMPLETE_MARKER).exists();
    if !db.exists() {
        if complete {
            std::fs::remove_file(fresh.join(COMPLETE_MARKER))?;
            std::fs::rename(&fresh, &db)?;
        } else if old.exists() {
            std::fs::rename(&old, &db)?;
        }
    }
    if old.exists() && db.exists() {
        std::fs::remove_dir_all(&old)?;
    }
    if fresh.exists() && db.exists() && !complete {
        std::fs::remove_dir_all(&fresh)?;
    }
    Ok(())
}

/// Takes the store's lock file, or says who holds it.
fn take_lock(dir: &Path, holder: &str) -> Result<File> {
    let path = dir.join("LOCK");
    let open_err = |source| StoreError::Open { path: dir.to_path_buf(), source };
    let mut file = FsOpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(open_err)?;
    // A lock can be held for a moment by a process that is only starting or ending (a
    // parent's file descriptors live in a forked child until it execs), so a busy lock is
    // retried for a second before the store is reported in use.
    let mut attempt = file.try_lock();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(1);
    while matches!(attempt, Err(std::fs::TryLockError::WouldBlock)) && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(25));
        attempt = file.try_lock();
    }
    match attempt {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            let mut text = String::new();
            let _ = file.read_to_string(&mut text);
            let holder = text.trim();
            let holder = if holder.is_empty() { "holder unknown".to_string() } else { holder.to_string() };
            return Err(StoreError::Locked { path: dir.to_path_buf(), holder });
        }
        Err(std::fs::TryLockError::Error(e)) => return Err(open_err(e)),
    }
    let line = format!("pid {} running `{}`", std::process::id(), holder);
    file.set_len(0).map_err(open_err)?;
    file.seek(SeekFrom::Start(0)).map_err(open_err)?;
    file.write_all(line.as_bytes()).map_err(open_err)?;
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Serialize, Deserialize, PartialEq)]
    struct Note {
        text: String,
        n: u32,
    }

    struct Notes;
    impl Keyspace for Notes {
        const NAME: &'static str = "notes";
        type Key = (String, u32);
        type Value = Note;
    }

    struct Docs;
    impl Keyspace for Docs {
        const NAME: &'static str = "docs";
        const ENCODING: Encoding = Encoding::ZstdJson;
        type Key = String;
        type Value = Note;
    }

    fn open(dir: &Path) -> Store {
        Store::open(&dir.join("s"), &OpenOptions::default()).unwrap()
    }

    #[test]
    fn a_batch_commits_across_trees_and_reads_back_typed() {
        let dir = tempfile::tempdir().unwrap();
        let store = open(dir.path());
        let mut batch = WriteBatch::new();
        for i in 0..3 {
            batch.put::<Notes>(&("a".into(), i), &Note { text: format!("n{i}"), n: i }).unwrap();
        }
        batch.put::<Docs>(&"d".into(), &Note { text: "doc".into(), n: 9 }).unwrap();
        batch.put_meta("rules", b"v1");
        store.commit(batch).unwrap();
        assert_eq!(store.get::<Docs>(&"d".into()).unwrap().unwrap().n, 9);
        let all: Vec<_> = store.scan_prefix::<Notes, _>(&("a".to_string(),)).unwrap().collect::<Result<_>>().unwrap();
        assert_eq!(all.len(), 3);
        assert_eq!(all[2].0, ("a".to_string(), 2));
        assert_eq!(store.meta("rules").unwrap().as_deref(), Some(&b"v1"[..]));
    }

    #[test]
    fn range_scans_respect_bounds_in_both_directions() {
        let dir = tempfile::tempdir().unwrap();
        let store = open(dir.path());
        let mut batch = WriteBatch::new();
        for i in 0..10 {
            batch.put::<Notes>(&("k".into(), i), &Note { text: String::new(), n: i }).unwrap();
        }
        store.commit(batch).unwrap();
        let lo = ("k".to_string(), 3u32);
        let hi = ("k".to_string(), 6u32);
        let fwd: Vec<u32> = store.range::<Notes, _, _>(&lo, &hi, false).unwrap().map(|r| r.unwrap().1.n).collect();
        let rev: Vec<u32> = store.range::<Notes, _, _>(&lo, &hi, true).unwrap().map(|r| r.unwrap().1.n).collect();
        assert_eq!(fwd, vec![3, 4, 5]);
        assert_eq!(rev, vec![5, 4, 3]);
    }

    #[test]
    fn a_second_opener_is_told_who_holds_the_store() {
        let dir = tempfile::tempdir().unwrap();
        let _first = Store::open(&dir.path().join("s"), &OpenOptions { holder: "rift watch in".into(), ..Default::default() }).unwrap();
        match Store::open(&dir.path().join("s"), &OpenOptions::default()) {
            Err(StoreError::Locked { holder, .. }) => assert!(holder.contains("rift watch in"), "{holder}"),
            Err(other) => panic!("wrong error: {other}"),
            Ok(_) => panic!("second open should fail"),
        }
    }

    #[test]
    fn data_survives_reopening() {
        let dir = tempfile::tempdir().unwrap();
        {
            let store = open(dir.path());
            let mut batch = WriteBatch::new();
            batch.put::<Docs>(&"x".into(), &Note { text: "kept".into(), n: 1 }).unwrap();
            store.commit(batch).unwrap();
            store.flush().unwrap();
        }
        let store = open(dir.path());
        assert_eq!(store.get::<Docs>(&"x".into()).unwrap().unwrap().text, "kept");
    }

    #[test]
    fn new_stores_compress_their_pages_and_old_uncompressed_ones_still_open() {
        let dir = tempfile::tempdir().unwrap();
        drop(open(dir.path()));
        let conf = String::from_utf8_lossy(&std::fs::read(dir.path().join("s").join("db").join("conf")).unwrap()).to_string();
        assert!(conf.contains("use_compression: true"), "{conf}");

        // A store made before pages were compressed keeps its setting: sled refuses to open
        // a store with another one.
        let old = tempfile::tempdir().unwrap();
        {
            let db = sled::Config::new().path(old.path().join("s").join("db")).use_compression(false).open().unwrap();
            db.flush().unwrap();
        }
        let store = open(old.path());
        let mut batch = WriteBatch::new();
        batch.put::<Docs>(&"x".into(), &Note { text: "kept".into(), n: 1 }).unwrap();
        store.commit(batch).unwrap();
        assert_eq!(store.get::<Docs>(&"x".into()).unwrap().unwrap().n, 1);
    }

    #[test]
    fn losing_committed_data_is_noticed_on_open() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s");
        {
            let store = open(dir.path());
            for i in 0..3 {
                let mut batch = WriteBatch::new();
                batch.put::<Docs>(&format!("x{i}"), &Note { text: "kept".into(), n: i }).unwrap();
                store.commit(batch).unwrap();
            }
            store.flush().unwrap();
            assert_eq!(store.commits(), 3);
        }
        // A manifest that records more than the store holds is what damage looks like.
        std::fs::write(path.join(MANIFEST_FILE), "format 1\ncommits 5\n").unwrap();
        match Store::open(&path, &OpenOptions::default()) {
            Err(StoreError::Lost { lost, .. }) => assert_eq!(lost, 2),
            Err(e) => panic!("wrong error: {e}"),
            Ok(_) => panic!("a store that lost commits opened silently"),
        }
        // A manifest behind the store (a crash between commit and manifest) is fine.
        std::fs::write(path.join(MANIFEST_FILE), "format 1\ncommits 1\n").unwrap();
        assert!(Store::open(&path, &OpenOptions::default()).is_ok());
    }

    #[test]
    fn compaction_keeps_every_entry_and_recovers_from_a_half_done_swap() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s");
        let store = open(dir.path());
        for i in 0..200u32 {
            let mut batch = WriteBatch::new();
            batch.put::<Notes>(&("k".into(), i), &Note { text: "x".repeat(100), n: i }).unwrap();
            store.commit(batch).unwrap();
        }
        store.flush().unwrap();
        let before = store.dump().unwrap();
        let store = store.compact(&OpenOptions::default()).unwrap();
        assert!(store.dump().unwrap() == before);
        assert_eq!(store.commits(), 200);
        drop(store);
        // A crash after the old files were moved aside and before the new ones were: the next
        // open finishes the swap.
        std::fs::create_dir_all(path.join(COMPACTING_DIR)).unwrap();
        std::fs::rename(path.join("db"), path.join(COMPACTING_DIR).join("x")).unwrap();
        std::fs::rename(path.join(COMPACTING_DIR).join("x"), path.join("tmpdb")).unwrap();
        std::fs::remove_dir_all(path.join(COMPACTING_DIR)).unwrap();
        std::fs::rename(path.join("tmpdb"), path.join(COMPACTING_DIR)).unwrap();
        File::create(path.join(COMPACTING_DIR).join(COMPLETE_MARKER)).unwrap();
        let store = open(dir.path());
        assert!(store.dump().unwrap() == before);
    }

    #[test]
    fn deletes_in_a_batch_remove_entries() {
        let dir = tempfile::tempdir().unwrap();
        let store = open(dir.path());
        let mut batch = WriteBatch::new();
        batch.put::<Docs>(&"x".into(), &Note { text: "t".into(), n: 1 }).unwrap();
        store.commit(batch).unwrap();
        let mut batch = WriteBatch::new();
        batch.delete::<Docs>(&"x".into());
        assert!(matches!(batch.pending::<Docs>(&"x".into()).unwrap(), Some(None)));
        store.commit(batch).unwrap();
        assert!(store.get::<Docs>(&"x".into()).unwrap().is_none());
    }
}
