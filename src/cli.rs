//! The commands behind the binary: each takes a validated configuration, does its IO (reading
//! inputs, opening the store, printing) and returns a library error for `main` to report.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::db::{ArticleStatus, Db};
use crate::error::{Error, Result};
use crate::ingest::{self, Source, TextOptions};
use crate::model::Article;
use crate::pipeline;
use crate::report::{self, Filter};

/// Settings every command shares.
#[derive(Debug, Clone)]
pub struct Config {
    pub store: PathBuf,
    pub quiet: bool,
    /// How this process introduces itself in the store's lock file.
    pub holder: String,
}

/// Report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Json,
}

/// What `rift ingest` did.
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
    pub fn line(&self, store: &Path) -> String {
        format!(
            "ingested {} article{} ({} new, {} replaced, {} unchanged, {} duplicate{}): {} claims, {} events touched, {} new conflicts{}; store {}",
            self.added + self.replaced + self.unchanged + self.duplicates,
            if self.added + self.replaced + self.unchanged + self.duplicates == 1 { "" } else { "s" },
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

/// Reads every source once to check it, without keeping the articles (files) or keeping
/// them (stdin, which cannot be read twice). Returns the problems found.
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

/// `rift ingest`: reads the sources and applies each article to the store. With
/// `keep_going`, bad inputs are reported and skipped; without it, any bad input refuses the
/// whole batch before anything is written.
pub fn ingest(config: &Config, paths: &[PathBuf], text: &TextOptions, keep_going: bool) -> Result<IngestSummary> {
    let sources = ingest::expand(paths)?;
    if text.id.is_some() && sources.len() > 1 {
        return Err(Error::Usage("--id names one article: give it with a single text file".into()));
    }
    let mut stdin_buffer: Option<Vec<Article>> = None;
    let mut total = None;
    if !keep_going {
        let (errors, stdin_articles, count) = validate(&sources, text);
        if !errors.is_empty() {
            return Err(Error::BadInputs(errors));
        }
        stdin_buffer = Some(stdin_articles);
        total = Some(count);
    }
    let db = Db::open(&config.store, &config.holder)?;
    let rules = pipeline::Rules::builtin();
    db.check_rules(&rules.fingerprint)?;
    let bar = progress(total, config.quiet || total.is_some_and(|t| t < 50));
    let mut summary = IngestSummary::default();
    let mut bad = Vec::new();
    let mut stdin_buffer = stdin_buffer.map(Vec::into_iter);
    for source in &sources {
        let items: Box<dyn Iterator<Item = Result<Article>>> = match (source, stdin_buffer.as_mut()) {
            (Source::Stdin, Some(buffer)) => Box::new(buffer.by_ref().map(Ok)),
            _ => ingest::read(source, text),
        };
        for item in items {
            let article = match item {
                Ok(a) => a,
                Err(e) => {
                    bar.suspend(|| eprintln!("rift: skipped: {e}"));
                    bad.push(e);
                    continue;
                }
            };
            let outcome = pipeline::ingest(&db, article, rules)?;
            match outcome.status {
                ArticleStatus::Added => summary.added += 1,
                ArticleStatus::Replaced => summary.replaced += 1,
                ArticleStatus::Unchanged => summary.unchanged += 1,
                ArticleStatus::Duplicate => summary.duplicates += 1,
            }
            summary.claims += outcome.claims;
            summary.events_touched += outcome.events_touched.len();
            summary.new_conflicts += outcome.new_conflicts;
            bar.inc(1);
        }
    }
    db.flush()?;
    bar.finish_and_clear();
    summary.bad = bad.len();
    if !config.quiet {
        eprintln!("{}", summary.line(&config.store));
    }
    if !bad.is_empty() {
        return Err(Error::BadInputs(bad));
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
    if let Err(Error::RebuildNeeded { found }) = db.check_rules(&pipeline::rules_fingerprint()) {
        if !config.quiet {
            eprintln!("rift: warning: the store was derived with other rules ({found}); run `rift rebuild` to update it");
        }
    }
    Ok(db)
}

/// `rift report`: the conflict report.
pub fn report(config: &Config, format: Format, output: Option<&Path>, filter: &Filter) -> Result<()> {
    let db = open_for_reading(config)?;
    let views = report::load(&db, filter)?;
    let text = match format {
        Format::Text => report::render_text(&views),
        Format::Markdown => report::render_markdown(&views),
        Format::Json => report::render_json(&views),
    };
    write_out(output, &text)
}

/// `rift events`: every event, one line each.
pub fn events(config: &Config, format: Format, filter: &Filter) -> Result<()> {
    let db = open_for_reading(config)?;
    let views = report::load(&db, filter)?;
    let text = match format {
        Format::Json => report::render_json(&views),
        _ => report::render_events(&views),
    };
    write_out(None, &text)
}

/// `rift show EVENT`.
pub fn show(config: &Config, id: &str, format: Format) -> Result<()> {
    let db = open_for_reading(config)?;
    let view = report::show(&db, id)?;
    let text = match format {
        Format::Json => report::render_json(std::slice::from_ref(&view)),
        _ => report::render_show(&view),
    };
    write_out(None, &text)
}

/// `rift compare A B`.
pub fn compare(config: &Config, a: &str, b: &str, format: Format, output: Option<&Path>, filter: &Filter) -> Result<()> {
    let db = open_for_reading(config)?;
    let cmp = report::compare(&db, a, b, filter)?;
    let text = match format {
        Format::Text => report::render_compare_text(&cmp),
        Format::Markdown => report::render_compare_markdown(&cmp),
        Format::Json => report::render_compare_json(&cmp),
    };
    write_out(output, &text)
}

/// `rift rebuild`: re-derives everything from the stored articles.
pub fn rebuild(config: &Config) -> Result<usize> {
    let db = Db::open_existing(&config.store, &config.holder)?;
    let bar = progress(Some(db.article_count()? as u64), config.quiet);
    let n = pipeline::rebuild(&db, pipeline::Rules::builtin(), |done, _| bar.set_position(done as u64))?;
    bar.finish_and_clear();
    if !config.quiet {
        eprintln!("rebuilt claims, events and conflicts of {n} articles with rules {}", pipeline::rules_fingerprint());
    }
    Ok(n)
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
        let rules = pipeline::Rules::builtin();
        let n = articles.len();
        for a in articles {
            pipeline::ingest(&db, a, rules)?;
        }
        if !config.quiet {
            eprintln!("rift demo: {n} articles from {what}, in a temporary store");
        }
        let views = report::load(&db, &Filter::default())?;
        let text = match format {
            Format::Text => report::render_text(&views),
            Format::Markdown => report::render_markdown(&views),
            Format::Json => report::render_json(&views),
        };
        write_out(None, &text)
    })();
    let _ = std::fs::remove_dir_all(&dir);
    result
}
