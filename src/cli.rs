//! The commands behind the binary: each takes a validated configuration, does its IO (reading
//! inputs, opening the store, printing) and returns a library error for `main` to report.

use std::collections::HashMap;
use std::io::{IsTerminal, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::db::{ArticleStatus, Db, Outcome};
use crate::error::{Error, Result};
use crate::ingest::{self, JsonLines, Source, TextOptions};
use crate::lexicon::LexiconTexts;
use crate::model::Article;
use crate::pipeline::{self, Rules};
use crate::report::{self, Filter};

/// Settings every command shares.
#[derive(Clone)]
pub struct Config {
    pub store: PathBuf,
    pub quiet: bool,
    /// Print a line per article once its ingest is durable.
    pub verbose: bool,
    /// How this process introduces itself in the store's lock file.
    pub holder: String,
    pub rules: &'static Rules,
}

/// Report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Json,
    /// One self-contained page with a map and a timeline.
    Html,
    /// Comma-separated rows (outlet comparisons).
    Csv,
}

/// What to do with a bad input in a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnBad {
    /// Refuse the whole batch before anything is written.
    Refuse,
    /// Ingest the good articles and list the bad ones.
    Skip,
}

/// What an ingest did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IngestSummary {
    pub added: usize,
    pub replaced: usize,
    pub unchanged: usize,
    pub duplicates: usize,
    pub claims: usize,
    pub events_touched: usize,
    pub new_conflicts: usize,
    pub bad: usize,
}

impl IngestSummary {
    fn total(&self) -> usize {
        self.added + self.replaced + self.unchanged + self.duplicates
    }

    pub fn line(&self, store: &Path) -> String {
        let n = self.total();
        format!(
            "ingested {n} article{} ({} new, {} replaced, {} unchanged, {} duplicate{}): {} claims, {} events touched, {} new conflicts{}; store {}",
            if n == 1 { "" } else { "s" },
            self.added,
            self.replaced,
            self.unchanged,
            self.duplicates,
            if self.duplicates == 1 { "" } else { "s" },
            self.claims,
            self.events_touched,
            self.new_conflicts,
            if self.bad > 0 { format!("; {} bad input{} skipped", self.bad, if self.bad == 1 { "" } else { "s" }) } else { String::new() },
            store.display()
        )
    }

    fn count(&mut self, o: &Outcome) {
        match o.status {
            ArticleStatus::Added => self.added += 1,
            ArticleStatus::Replaced => self.replaced += 1,
            ArticleStatus::Unchanged => self.unchanged += 1,
            ArticleStatus::Duplicate => self.duplicates += 1,
        }
        self.claims += o.claims;
        self.events_touched += o.events_touched.len();
        self.new_conflicts += o.new_conflicts;
    }
}

/// The line printed for an article once its ingest is durable.
pub fn article_line(o: &Outcome, outlet: &str) -> String {
    let status = match o.status {
        ArticleStatus::Added => "added",
        ArticleStatus::Replaced => "replaced",
        ArticleStatus::Unchanged => "unchanged",
        ArticleStatus::Duplicate => "duplicate",
    };
    format!(
        "{status} {} ({outlet}): {} claim{}, {} event{} touched, {} new conflict{}",
        o.article,
        o.claims,
        if o.claims == 1 { "" } else { "s" },
        o.events_touched.len(),
        if o.events_touched.len() == 1 { "" } else { "s" },
        o.new_conflicts,
        if o.new_conflicts == 1 { "" } else { "s" }
    )
}

/// Reads the lexicon files of `dir` over the compiled-in ones (`rift --lexicons DIR`).
pub fn load_rules(dir: Option<&Path>) -> Result<&'static Rules> {
    let Some(dir) = dir else { return Ok(Rules::builtin()) };
    let mut texts = LexiconTexts::builtin();
    let known: Vec<&str> = texts.names().collect();
    let entries = std::fs::read_dir(dir).map_err(|e| Error::input(dir, None, format!("cannot list the lexicon folder: {e}")))?;
    let mut replaced = 0;
    for entry in entries {
        let path = entry.map_err(|e| Error::input(dir, None, e.to_string()))?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()).map(str::to_string) else { continue };
        if !name.ends_with(".tsv") {
            continue;
        }
        if !known.contains(&name.as_str()) {
            return Err(Error::input(&path, None, format!("not a lexicon rift reads; the lexicons are {}", known.join(", "))));
        }
        let text = std::fs::read_to_string(&path).map_err(|e| Error::input(&path, None, e.to_string()))?;
        texts.replace(&name, Box::leak(text.into_boxed_str()));
        replaced += 1;
    }
    if replaced == 0 {
        return Err(Error::input(dir, None, "no lexicon files (*.tsv) in this folder"));
    }
    let rules = Rules::with_lexicons(&texts).map_err(|e| Error::input(dir.join(e.file), Some(e.line), e.message))?;
    Ok(Box::leak(Box::new(rules)))
}

fn progress(total: Option<u64>, quiet: bool) -> ProgressBar {
    let bar = match total {
        Some(n) => ProgressBar::new(n),
        None => ProgressBar::new_spinner(),
    };
    if quiet || !std::io::stderr().is_terminal() {
        bar.set_draw_target(ProgressDrawTarget::hidden());
    }
    bar.set_style(
        ProgressStyle::with_template("{spinner} {pos}/{len} articles {wide_bar} {per_sec} eta {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}

/// Applies articles to the store, flushing in batches: an article is reported (its line
/// printed, its counts added) only once a flush has made it durable, so batching never
/// weakens what "done" means.
struct Writer<'a> {
    db: &'a Db,
    config: &'a Config,
    pending: Vec<(Outcome, String)>,
    last_flush: Instant,
    summary: IngestSummary,
    bar: ProgressBar,
}

/// A flush is due after this many articles or this long, whichever comes first.
const FLUSH_EVERY: usize = 256;
const FLUSH_AFTER: Duration = Duration::from_millis(250);

impl<'a> Writer<'a> {
    fn new(db: &'a Db, config: &'a Config, bar: ProgressBar) -> Self {
        Writer { db, config, pending: Vec::new(), last_flush: Instant::now(), summary: IngestSummary::default(), bar }
    }

    fn add(&mut self, article: Article) -> Result<()> {
        let claims = pipeline::analyze(&article, self.config.rules);
        self.add_analyzed(article, claims)
    }

    fn add_analyzed(&mut self, article: Article, claims: Vec<crate::model::Claim>) -> Result<()> {
        let outlet = article.outlet.clone();
        let outcome = pipeline::apply(self.db, article, claims, self.config.rules)?;
        self.pending.push((outcome, outlet));
        self.bar.inc(1);
        if self.pending.len() >= FLUSH_EVERY || self.last_flush.elapsed() >= FLUSH_AFTER {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        self.db.flush()?;
        self.last_flush = Instant::now();
        let mut out = std::io::stdout().lock();
        for (o, outlet) in self.pending.drain(..) {
            self.summary.count(&o);
            if self.config.verbose && !self.config.quiet {
                let line = article_line(&o, &outlet);
                self.bar.suspend(|| writeln!(out, "{line}").and_then(|_| out.flush())).ok();
            }
        }
        Ok(())
    }

    fn skip(&mut self, e: &Error) {
        self.summary.bad += 1;
        if !self.config.quiet {
            self.bar.suspend(|| eprintln!("rift: skipped: {e}"));
        }
    }

    fn finish(mut self) -> Result<IngestSummary> {
        self.flush()?;
        self.bar.finish_and_clear();
        Ok(self.summary)
    }
}

/// Reads every source once to check it. File articles are not kept (they are read again to
/// ingest); standard input, which cannot be read twice, is kept.
fn validate(sources: &[Source], text: &TextOptions) -> (Vec<Error>, Vec<Article>, u64) {
    let mut errors = Vec::new();
    let mut stdin_articles = Vec::new();
    let mut count = 0;
    for source in sources {
        for item in ingest::read(source, text) {
            match item {
                Ok(a) => {
                    count += 1;
                    if *source == Source::Stdin {
                        stdin_articles.push(a);
                    }
                }
                Err(e) => errors.push(e),
            }
        }
    }
    (errors, stdin_articles, count)
}

fn open_for_writing(config: &Config) -> Result<Db> {
    let db = Db::open(&config.store, &config.holder)?;
    db.check_rules(&config.rules.fingerprint)?;
    Ok(db)
}

/// `rift ingest`: reads the sources and applies each article to the store. `on_bad` says what
/// a bad input does; by default it refuses the batch for files, and is skipped for standard
/// input, which is read as a stream.
pub fn ingest(config: &Config, paths: &[PathBuf], text: &TextOptions, on_bad: Option<OnBad>) -> Result<IngestSummary> {
    let sources = ingest::expand(paths)?;
    if text.id.is_some() && sources.len() > 1 {
        return Err(Error::Usage("--id names one article: give it with a single file".into()));
    }
    let streaming = sources.contains(&Source::Stdin);
    let on_bad = on_bad.unwrap_or(if streaming { OnBad::Skip } else { OnBad::Refuse });
    let mut stdin_buffer: Option<std::vec::IntoIter<Article>> = None;
    let mut total = None;
    if on_bad == OnBad::Refuse {
        let (errors, stdin_articles, count) = validate(&sources, text);
        if !errors.is_empty() {
            return Err(Error::BadInputs(errors));
        }
        stdin_buffer = Some(stdin_articles.into_iter());
        total = Some(count);
    }
    let db = open_for_writing(config)?;
    let bar = progress(total, config.quiet || streaming || total.is_some_and(|t| t < 50));
    let mut writer = Writer::new(&db, config, bar);
    let mut bad = Vec::new();
    for source in &sources {
        if let (Source::Stdin, None) = (source, &stdin_buffer) {
            // A stream: each article is ingested as it arrives, and flushed (and reported) as
            // soon as no more input is waiting.
            let mut lines = JsonLines::new(PathBuf::from("-"), std::io::BufReader::with_capacity(1 << 20, std::io::stdin()));
            while let Some(item) = lines.next() {
                match item {
                    Ok(a) => writer.add(a)?,
                    Err(e) => {
                        writer.skip(&e);
                        bad.push(e);
                    }
                }
                if lines.drained() {
                    writer.flush()?;
                }
            }
            continue;
        }
        if let (Source::Stdin, Some(buffer)) = (source, stdin_buffer.as_mut()) {
            for a in buffer.by_ref() {
                writer.add(a)?;
            }
            continue;
        }
        // Reading runs on one thread and analysing (pure, the larger part of the work) on one
        // worker per core, in chunks, while this thread applies the results to the store in
        // input order; the channels are bounded, so memory stays flat however large the input.
        let rules = config.rules;
        let result = std::thread::scope(|scope| -> Result<()> {
            type Analysed = Result<(Article, Vec<crate::model::Claim>)>;
            let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8);
            let (work_tx, work_rx) = std::sync::mpsc::sync_channel::<(u64, Vec<Result<Article>>)>(workers * 2);
            let work_rx = std::sync::Arc::new(std::sync::Mutex::new(work_rx));
            let (done_tx, done_rx) = std::sync::mpsc::sync_channel::<(u64, Vec<Analysed>)>(workers * 2);
            let reader = scope.spawn(move || {
                let mut chunk = Vec::with_capacity(ANALYSIS_CHUNK);
                let mut seq = 0u64;
                for item in ingest::read(source, text) {
                    chunk.push(item);
                    if chunk.len() == ANALYSIS_CHUNK {
                        if work_tx.send((seq, std::mem::replace(&mut chunk, Vec::with_capacity(ANALYSIS_CHUNK)))).is_err() {
                            return;
                        }
                        seq += 1;
                    }
                }
                if !chunk.is_empty() {
                    let _ = work_tx.send((seq, chunk));
                }
            });
            let mut analysts = Vec::with_capacity(workers);
            for _ in 0..workers {
                let (work_rx, done_tx) = (work_rx.clone(), done_tx.clone());
                analysts.push(scope.spawn(move || {
                    loop {
                        // The lock is held only to take the next chunk.
                        let next = work_rx.lock().map(|rx| rx.recv());
                        let Ok(Ok((seq, chunk))) = next else { return };
                        let analysed = chunk
                            .into_iter()
                            .map(|item| {
                                item.map(|a| {
                                    let claims = pipeline::analyze(&a, rules);
                                    (a, claims)
                                })
                            })
                            .collect();
                        if done_tx.send((seq, analysed)).is_err() {
                            return;
                        }
                    }
                }));
            }
            drop(done_tx);
            // Chunks finish out of order; they are applied in input order, so the store's
            // history (and the per-article lines) follow the input.
            let mut waiting = std::collections::BTreeMap::new();
            let mut next = 0u64;
            let mut outcome = Ok(());
            'receive: for (seq, analysed) in done_rx.iter() {
                waiting.insert(seq, analysed);
                while let Some(chunk) = waiting.remove(&next) {
                    next += 1;
                    for item in chunk {
                        match item {
                            Ok((a, claims)) => {
                                if let Err(e) = writer.add_analyzed(a, claims) {
                                    outcome = Err(e);
                                    break 'receive;
                                }
                            }
                            Err(e) => {
                                writer.skip(&e);
                                bad.push(e);
                            }
                        }
                    }
                }
            }
            // On a store error the receiver goes away, which stops the workers and the reader.
            drop(done_rx);
            for a in analysts {
                a.join().map_err(|_| Error::Usage("an analysis thread failed".into()))?;
            }
            reader.join().map_err(|_| Error::Usage("the reading thread failed".into()))?;
            outcome
        });
        result?;
    }
    let summary = writer.finish()?;
    if !config.quiet {
        eprintln!("{}", summary.line(&config.store));
    }
    if !bad.is_empty() {
        // Each was printed when it was met, unless quiet: then list them now.
        return Err(if config.quiet { Error::BadInputs(bad) } else { Error::Skipped(bad.len()) });
    }
    Ok(summary)
}

/// Articles handed to an analysis worker at a time: enough to keep the channel overhead
/// small, few enough that the store hears of every article soon.
const ANALYSIS_CHUNK: usize = 16;

/// Files that are being written and must wait ("x.jsonl.part", "~x", ".x.swp").
fn is_temporary(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.starts_with('.') || name.starts_with('~') || name.ends_with('~') || [".part", ".tmp", ".swp", ".crdownload"].iter().any(|s| name.ends_with(s))
}

/// Where `watch` stands in each file: JSON Lines files are read from the end of their last
/// complete line, so a file a scraper appends to is read once, line by line.
#[derive(Default)]
struct WatchState {
    offsets: HashMap<PathBuf, u64>,
}

impl WatchState {
    /// Ingests what is new in `path`. A last line without its newline is still being written
    /// and waits for the next change.
    fn process(&mut self, path: &Path, text: &TextOptions, writer: &mut Writer<'_>) -> Result<()> {
        if !path.is_file() || is_temporary(path) || !ingest::is_article_file(path) {
            return Ok(());
        }
        let is_jsonl = matches!(path.extension().and_then(|e| e.to_str()), Some("jsonl" | "json" | "ndjson"));
        if !is_jsonl {
            for item in ingest::read(&Source::File(path.to_path_buf()), text) {
                match item {
                    Ok(a) => writer.add(a)?,
                    Err(e) => writer.skip(&e),
                }
            }
            return Ok(());
        }
        let mut file = match std::fs::File::open(path) {
            Ok(f) => f,
            Err(e) => {
                writer.skip(&Error::input(path, None, e.to_string()));
                return Ok(());
            }
        };
        let len = file.metadata().map(|m| m.len()).unwrap_or(0);
        let mut offset = self.offsets.get(path).copied().unwrap_or(0);
        if len < offset {
            // Truncated or replaced: read it again from the start (unchanged articles are
            // recognised by their content and cost nothing).
            offset = 0;
        }
        if file.seek(SeekFrom::Start(offset)).is_err() {
            return Ok(());
        }
        let mut rest = Vec::new();
        if file.read_to_end(&mut rest).is_err() {
            return Ok(());
        }
        let complete = rest.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let mut lines = JsonLines::new(path.to_path_buf(), &rest[..complete]);
        for item in lines.by_ref() {
            match item {
                Ok(a) => writer.add(a)?,
                Err(Error::Input { message, .. }) if message.starts_with("empty input") => {}
                Err(e) => writer.skip(&e),
            }
        }
        self.offsets.insert(path.to_path_buf(), offset + complete as u64);
        Ok(())
    }
}

/// `rift watch DIR`: ingests every article file already in DIR, then each new or changed one
/// as it appears, until `stop` is set (Ctrl-C). Prints a line per article once it is durable.
pub fn watch(config: &Config, dir: &Path, text: &TextOptions, stop: &AtomicBool) -> Result<IngestSummary> {
    use notify::{EventKind, RecursiveMode, Watcher};
    if !dir.is_dir() {
        return Err(Error::input(dir, None, "not a directory to watch"));
    }
    let db = open_for_writing(config)?;
    let mut config = config.clone();
    config.verbose = true;
    let bar = progress(None, true);
    let mut writer = Writer::new(&db, &config, bar);
    let mut state = WatchState::default();
    let (tx, rx) = std::sync::mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        let _ = tx.send(res);
    })
    .map_err(|e| Error::input(dir, None, format!("cannot watch: {e}")))?;
    watcher.watch(dir, RecursiveMode::Recursive).map_err(|e| Error::input(dir, None, format!("cannot watch: {e}")))?;
    // The files already there, in name order (after the watch is set, so nothing written
    // meanwhile is missed: a file seen twice is read once, by its offset or content hash).
    for source in ingest::expand(&[dir.to_path_buf()])? {
        if let Source::File(path) = source {
            state.process(&path, text, &mut writer)?;
        }
    }
    writer.flush()?;
    if !config.quiet {
        eprintln!("rift: watching {} (Ctrl-C to stop)", dir.display());
    }
    // Paths seen changing, and when: a path is read once it has been quiet for a moment, so
    // a file being written is read when the writer is done.
    let settle = Duration::from_millis(300);
    let mut changed: HashMap<PathBuf, Instant> = HashMap::new();
    while !stop.load(Ordering::SeqCst) {
        match rx.recv_timeout(Duration::from_millis(100)) {
            Ok(Ok(event)) => {
                if matches!(event.kind, EventKind::Create(_) | EventKind::Modify(_)) {
                    for p in event.paths {
                        changed.insert(p, Instant::now());
                    }
                }
            }
            Ok(Err(e)) => {
                if !config.quiet {
                    eprintln!("rift: watch error: {e}");
                }
            }
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
        }
        let mut ready: Vec<PathBuf> = changed.iter().filter(|(_, t)| t.elapsed() >= settle).map(|(p, _)| p.clone()).collect();
        ready.sort();
        for p in &ready {
            changed.remove(p);
            state.process(p, text, &mut writer)?;
        }
        if !ready.is_empty() {
            writer.flush()?;
        }
    }
    let summary = writer.finish()?;
    if !config.quiet {
        eprintln!("{}", summary.line(&config.store));
    }
    Ok(summary)
}

fn write_out(output: Option<&Path>, text: &str) -> Result<()> {
    match output {
        Some(path) => std::fs::write(path, text).map_err(|source| Error::Io { path: path.to_path_buf(), source }),
        None => {
            let mut stdout = std::io::stdout().lock();
            match stdout.write_all(text.as_bytes()).and_then(|_| stdout.flush()) {
                // A closed pipe (`rift report | head`) is the reader's choice, not an error.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                other => other.map_err(|source| Error::Io { path: PathBuf::from("-"), source }),
            }
        }
    }
}

fn open_for_reading(config: &Config) -> Result<Db> {
    let db = Db::open_existing(&config.store, &config.holder)?;
    db.check_layout()?;
    if let Err(Error::RebuildNeeded { found }) = db.check_rules(&config.rules.fingerprint)
        && !config.quiet {
            eprintln!("rift: warning: the store was derived with other rules ({found}); run `rift rebuild` to update it");
        }
    Ok(db)
}

fn render(db: &Db, views: &[report::EventView], format: Format) -> Result<String> {
    Ok(match format {
        Format::Text => report::render_text(views),
        Format::Markdown => report::render_markdown(views),
        Format::Json => report::render_json(views),
        Format::Html => report::html::render_report(db, views)?,
        Format::Csv => return Err(Error::Usage("CSV is a format of `rift compare`; the report comes as text, markdown, json or html".into())),
    })
}

/// `rift report`: the conflict report.
pub fn report(config: &Config, format: Format, output: Option<&Path>, filter: &Filter) -> Result<()> {
    let db = open_for_reading(config)?;
    let views = report::load(&db, config.rules.lexicons, filter)?;
    write_out(output, &render(&db, &views, format)?)
}

/// `rift events`: every event, one line each.
pub fn events(config: &Config, format: Format, filter: &Filter) -> Result<()> {
    let db = open_for_reading(config)?;
    let views = report::load(&db, config.rules.lexicons, filter)?;
    let text = match format {
        Format::Json => report::render_json(&views),
        _ => report::render_events(&views),
    };
    write_out(None, &text)
}

/// `rift show EVENT`.
pub fn show(config: &Config, id: &str, format: Format) -> Result<()> {
    let db = open_for_reading(config)?;
    let view = report::show(&db, config.rules.lexicons, id)?;
    let text = match format {
        Format::Json => report::render_json(std::slice::from_ref(&view)),
        Format::Html => report::html::render_report(&db, std::slice::from_ref(&view))?,
        _ => report::render_show(&view),
    };
    write_out(None, &text)
}

/// `rift compare A B`.
pub fn compare(config: &Config, a: &str, b: &str, format: Format, output: Option<&Path>, filter: &Filter) -> Result<()> {
    let db = open_for_reading(config)?;
    let lex = config.rules.lexicons;
    let cmp = report::compare(&db, lex, a, b, filter)?;
    let text = match format {
        Format::Text => report::compare::render_text(&cmp),
        Format::Markdown => report::compare::render_markdown(&cmp),
        Format::Json => report::compare::render_json(&cmp),
        Format::Csv => report::compare::render_csv(&cmp),
        Format::Html => report::html::render_compare(&db, lex, &cmp, filter)?,
    };
    write_out(output, &text)
}

/// `rift rebuild`: re-derives everything from the stored articles.
pub fn rebuild(config: &Config) -> Result<usize> {
    let db = Db::open_existing(&config.store, &config.holder)?;
    let bar = progress(Some(db.article_count()? as u64), config.quiet);
    let n = pipeline::rebuild(&db, config.rules, |done, _| bar.set_position(done as u64))?;
    bar.finish_and_clear();
    if !config.quiet {
        eprintln!("rebuilt claims, events and conflicts of {n} articles with rules {}", config.rules.fingerprint);
    }
    Ok(n)
}

/// `rift export`: every stored article back out as JSON Lines, in id order, in the input
/// format (so that `rift ingest` of an export rebuilds the store).
pub fn export(config: &Config, output: Option<&Path>) -> Result<usize> {
    let db = Db::open_existing(&config.store, &config.holder)?;
    let mut out: Box<dyn Write> = match output {
        Some(p) => Box::new(std::io::BufWriter::new(std::fs::File::create(p).map_err(|source| Error::Io { path: p.to_path_buf(), source })?)),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let name = output.map_or_else(|| PathBuf::from("-"), Path::to_path_buf);
    let mut n = 0;
    for a in db.articles()? {
        let a = a?;
        let line = serde_json::json!({
            "id": a.id.0, "outlet": a.outlet, "published": a.published, "title": a.title, "url": a.url, "text": a.text,
        });
        match writeln!(out, "{line}") {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(n),
            other => other.map_err(|source| Error::Io { path: name.clone(), source })?,
        }
        n += 1;
    }
    out.flush().map_err(|source| Error::Io { path: name, source })?;
    if !config.quiet {
        eprintln!("exported {n} articles");
    }
    Ok(n)
}

/// `rift generate`: a synthetic corpus as JSON Lines, streamed (any size, bounded memory).
pub fn generate(count: usize, seed: u64, output: Option<&Path>) -> Result<()> {
    let name = output.map_or_else(|| PathBuf::from("-"), Path::to_path_buf);
    let mut out: Box<dyn Write> = match output {
        Some(p) => Box::new(std::io::BufWriter::new(std::fs::File::create(p).map_err(|source| Error::Io { path: p.to_path_buf(), source })?)),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    for a in crate::generate::articles(seed, count) {
        let line = serde_json::json!({"id": a.id.0, "outlet": a.outlet, "published": a.published, "title": a.title, "url": a.url, "text": a.text});
        match writeln!(out, "{line}") {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(()),
            other => other.map_err(|source| Error::Io { path: name.clone(), source })?,
        }
    }
    match out.flush() {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|source| Error::Io { path: name, source }),
    }
}

/// `rift compact`: rewrites the store's files, dropping the old versions sled keeps.
pub fn compact(config: &Config) -> Result<()> {
    let db = Db::open_existing(&config.store, &config.holder)?;
    let before = db.store().size_on_disk()?;
    let db = db.compact(&config.holder)?;
    let after = db.store().size_on_disk()?;
    if !config.quiet {
        eprintln!("compacted {}: {} MB to {} MB", config.store.display(), before / 1_000_000, after / 1_000_000);
    }
    Ok(())
}

/// `rift stats`: what the store holds, tree by tree, and its size on disk.
pub fn stats(config: &Config) -> Result<()> {
    let db = Db::open_existing(&config.store, &config.holder)?;
    let mut out = format!("{}\n{:<16} {:>10} {:>12} {:>14}\n", config.store.display(), "tree", "entries", "key bytes", "value bytes");
    let (mut tk, mut tv) = (0, 0);
    for (name, n, k, v) in db.store().tree_stats()? {
        out.push_str(&format!("{name:<16} {n:>10} {k:>12} {v:>14}\n"));
        tk += k;
        tv += v;
    }
    let disk = db.store().size_on_disk()?;
    out.push_str(&format!("{:<16} {:>10} {tk:>12} {tv:>14}\nsize on disk: {disk} bytes\n", "total", ""));
    write_out(None, &out)
}

/// `rift verify`: checks the store's integrity and says what is wrong.
pub fn verify(config: &Config) -> Result<()> {
    let db = Db::open_existing(&config.store, &config.holder)?;
    let r = db.verify(&config.rules.fingerprint)?;
    let mut out = format!("{}: {} articles, {} claims, {} events checked\n", config.store.display(), r.articles, r.claims, r.events);
    for n in &r.notes {
        out.push_str(&format!("note: {n}\n"));
    }
    if r.problems.is_empty() {
        out.push_str("ok: every record decodes and articles, claims, index and events agree\n");
        write_out(None, &out)
    } else {
        for p in &r.problems {
            out.push_str(&format!("problem: {p}\n"));
        }
        write_out(None, &out)?;
        Err(Error::Damaged(format!("{} problem{} found in the store", r.problems.len(), if r.problems.len() == 1 { "" } else { "s" })))
    }
}

/// The data `rift demo` runs on: the seeds beside the project when present, else the
/// project's own fixtures compiled into the binary.
pub fn demo_sources() -> (String, Vec<Article>) {
    let seeds = [PathBuf::from("../shared/seeds/seeds.jsonl"), Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds/seeds.jsonl")];
    for path in seeds {
        if path.is_file() {
            let articles: Vec<Article> = ingest::read(&Source::File(path.clone()), &TextOptions::default()).filter_map(|r| r.ok()).collect();
            if !articles.is_empty() {
                return (format!("the seed articles ({})", path.display()), articles);
            }
        }
    }
    let mut articles = Vec::new();
    for (name, text) in crate::fixtures::ARTICLES {
        for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            match ingest::parse_json_article(line) {
                Ok(a) => articles.push(a),
                Err(e) => panic!("built-in fixture {name}:{} is malformed: {e}", i + 1),
            }
        }
    }
    ("the built-in fixtures (fixtures/articles)".to_string(), articles)
}

/// `rift demo`: ingests the default data into a temporary store and prints the report.
pub fn demo(config: &Config, format: Format) -> Result<()> {
    let (what, articles) = demo_sources();
    let dir = std::env::temp_dir().join(format!("rift-demo-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let result = (|| {
        let db = Db::open(&dir, &config.holder)?;
        let n = articles.len();
        for a in articles {
            pipeline::ingest(&db, a, config.rules)?;
        }
        if !config.quiet {
            eprintln!("rift demo: {n} articles from {what}, in a temporary store");
        }
        let views = report::load(&db, config.rules.lexicons, &Filter::default())?;
        write_out(None, &render(&db, &views, format)?)
    })();
    let _ = std::fs::remove_dir_all(&dir);
    result
}
