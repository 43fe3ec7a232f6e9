//! The `rift` binary: parses the command line into a validated configuration and calls the
//! library. Exit codes: 0 success, 1 internal error, 2 usage, 3 bad input, 4 store damaged or
//! derived with other rules, 5 store in use by another process, 6 not found.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Parser, Subcommand, ValueEnum};

use rift::cli::{self, Config, Format, OnBad};
use rift::ingest::TextOptions;
use rift::model::{Kind, Status};
use rift::report::{Filter, parse_day};

const EXAMPLES: &str = "\
Examples:
  rift demo                                  conflict report over the built-in data
  rift ingest articles.jsonl more/ notes.txt --outlet Reuters --published 2023-01-13
  rift ingest page.html feed.xml             saved HTML pages and RSS/Atom feeds
  cat feed.jsonl | rift ingest -             a stream: each article stored as it arrives
  rift watch incoming/                       keep the store current as files appear
  rift report                                contested events, as text
  rift report --format json -o report.json   the report in spec/formats.md's JSON
  rift report --format html -o report.html   one page with a map and a timeline
  rift report --place Bakhmut --since 2023-01-01 --kind control
  rift events                                every event, one line each
  rift show soledar-control-2023-01-10       one event with every claim and its provenance
  rift compare Reuters TASS                  coverage, voices, framing and echoes of two outlets
  rift compare Reuters TASS --format csv     ... as spreadsheet rows
  rift --store /tmp/s.db report              any command on another store (or RIFT_STORE=...)
  rift verify                                check the store; rift export > all.jsonl saves it

Exit codes: 0 ok, 1 internal error, 2 usage, 3 bad input, 4 store damaged or needs
`rift rebuild`, 5 store in use by another process, 6 not found.";

const LONG_VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    "\nPlace names: contains data from GeoNames (www.geonames.org), CC BY 4.0."
);

/// Cross-source claim reconciliation: who says what happened, and where Moscow and Kyiv
/// conflict.
#[derive(Parser, Debug)]
#[command(name = "rift", version, long_version = LONG_VERSION, about, long_about = None, after_help = EXAMPLES)]
struct Cli {
    /// The store directory [default: $RIFT_STORE, else ~/.local/share/rift/store].
    #[arg(long, global = true, env = "RIFT_STORE", value_name = "PATH")]
    store: Option<PathBuf>,
    /// Print no progress or summary lines.
    #[arg(long, short, global = true)]
    quiet: bool,
    /// Print a line per article (outlet, claims, events touched, new conflicts) once it is stored.
    #[arg(long, short, global = true)]
    verbose: bool,
    /// Read lexicon files (*.tsv, as in data/lexicon/) from this folder over the built-in ones.
    /// Derived data made with other lexicons needs `rift rebuild`.
    #[arg(long, global = true, env = "RIFT_LEXICONS", value_name = "DIR")]
    lexicons: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Add articles to the store: JSON Lines, .txt, .html and RSS/Atom files, directories, or
    /// - for JSON Lines on standard input.
    #[command(after_help = "Each article's claims, events and conflicts are committed in one transaction, and an article is reported done only once it is durable. By default a bad input refuses a whole batch of files before anything is written, and is skipped in a stream from standard input; --on-bad-input chooses. Bad inputs are listed as FILE:LINE: what is wrong (exit code 3).")]
    Ingest {
        /// Files or directories to read; - reads JSON Lines from standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        text: TextArgs,
        /// refuse: any bad input refuses the whole batch; skip: the good articles go in.
        #[arg(long, value_enum)]
        on_bad_input: Option<OnBadArg>,
        /// The same as --on-bad-input skip.
        #[arg(long, conflicts_with = "on_bad_input")]
        keep_going: bool,
    },
    /// Ingest every article file in DIR, then each new or changed one as it appears, until
    /// interrupted (Ctrl-C); a line per article.
    #[command(after_help = "JSON Lines files are read up to their last complete line, so a file that a scraper appends to is ingested line by line; a file is read once it has been quiet for 300 ms. Bad inputs are reported and skipped.")]
    Watch {
        dir: PathBuf,
        #[command(flatten)]
        text: TextArgs,
    },
    /// The conflict report: per contested event, what is disputed and each side's account.
    Report {
        #[arg(long, value_enum, default_value_t = FormatArg::Text)]
        format: FormatArg,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// Every event with its status and how many claims each side made.
    Events {
        #[arg(long, value_enum, default_value_t = FormatArg::Text)]
        format: FormatArg,
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// One event in full: every claim with its sentence, speaker, outlet and the rules that fired.
    Show {
        /// The event id, as `rift events` prints it.
        event: String,
        #[arg(long, value_enum, default_value_t = FormatArg::Text)]
        format: FormatArg,
    },
    /// Compare two outlets: events both covered, events only one covered, whose voices each quotes.
    Compare {
        outlet_a: String,
        outlet_b: String,
        #[arg(long, value_enum, default_value_t = FormatArg::Text)]
        format: FormatArg,
        #[arg(long, short)]
        output: Option<PathBuf>,
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// Run the main job on the built-in data (the seeds in ../shared when present, else the
    /// fixtures) in a temporary store, and print the conflict report.
    Demo {
        #[arg(long, value_enum, default_value_t = FormatArg::Text)]
        format: FormatArg,
    },
    /// Re-derive claims, events and conflicts from the stored articles with this rift's rules.
    Rebuild,
    /// Write every stored article out as JSON Lines (the input format).
    Export {
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Check the store's integrity and say what is wrong (exit code 4 when something is).
    Verify,
    /// What the store holds, tree by tree (entries and bytes), and its size on disk.
    Stats,
    /// Rewrite the store's files without the old versions the storage engine keeps (a store
    /// that took many updates shrinks to about its live data); safe to interrupt.
    Compact,
    /// Write a synthetic corpus for benchmarks as JSON Lines: articles from rift's own
    /// templates about real front-line places, deterministic from the seed.
    Generate {
        /// How many articles.
        #[arg(long, default_value_t = 1000)]
        count: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

#[derive(Args, Debug, Default)]
struct TextArgs {
    /// Outlet of plain-text and HTML articles (HTML pages may name their own).
    #[arg(long)]
    outlet: Option<String>,
    /// Publication date of plain-text and HTML articles (YYYY-MM-DD or RFC 3339).
    #[arg(long)]
    published: Option<String>,
    /// Id of a single plain-text or HTML article [default: the file name without extension].
    #[arg(long)]
    id: Option<String>,
}

impl From<TextArgs> for TextOptions {
    fn from(t: TextArgs) -> TextOptions {
        TextOptions { outlet: t.outlet, published: t.published, id: t.id }
    }
}

#[derive(Copy, Clone, Debug, ValueEnum)]
enum OnBadArg {
    Refuse,
    Skip,
}

#[derive(Args, Debug, Default)]
struct FilterArgs {
    /// Only events at this place (any spelling: Artemovsk finds Bakhmut).
    #[arg(long)]
    place: Option<String>,
    /// Only events with claims on or after this day (YYYY-MM-DD).
    #[arg(long)]
    since: Option<String>,
    /// Only events with claims on or before this day (YYYY-MM-DD).
    #[arg(long)]
    until: Option<String>,
    /// Only events with a claim from this outlet.
    #[arg(long)]
    outlet: Option<String>,
    /// Only events of this kind (control, advance, offensive, encirclement, withdrawal,
    /// surrender, strike, casualties, civilians, war_crimes).
    #[arg(long)]
    kind: Option<String>,
    /// Only events with this status (contested, one-sided, corroborated).
    #[arg(long)]
    status: Option<String>,
    /// Include events with third-party claims only.
    #[arg(long)]
    all: bool,
}

#[derive(Copy, Clone, Debug, ValueEnum)]
enum FormatArg {
    Text,
    Markdown,
    Json,
    /// One self-contained page with a map and a timeline.
    Html,
    /// Rows for a spreadsheet (compare only).
    Csv,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Text => Format::Text,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Json => Format::Json,
            FormatArg::Html => Format::Html,
            FormatArg::Csv => Format::Csv,
        }
    }
}

fn filter(args: &FilterArgs) -> anyhow::Result<Filter> {
    let day = |v: &Option<String>, flag: &str| -> anyhow::Result<_> {
        v.as_deref()
            .map(|s| parse_day(s).with_context(|| format!("{flag} `{s}`: expected YYYY-MM-DD")))
            .transpose()
    };
    Ok(Filter {
        place: args.place.clone(),
        since: day(&args.since, "--since")?,
        until: day(&args.until, "--until")?,
        outlet: args.outlet.clone(),
        kind: args
            .kind
            .as_deref()
            .map(|k| Kind::parse(k).with_context(|| format!("--kind `{k}`: not a kind (see --help)")))
            .transpose()?,
        status: args
            .status
            .as_deref()
            .map(|s| Status::parse(s).with_context(|| format!("--status `{s}`: expected contested, one-sided or corroborated")))
            .transpose()?,
        all: args.all,
    })
}

fn default_store() -> PathBuf {
    let data = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")));
    match data {
        Some(d) => d.join("rift").join("store"),
        None => PathBuf::from("rift.db"),
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let holder = std::env::args().collect::<Vec<_>>().join(" ");
    let rules = cli::load_rules(cli.lexicons.as_deref())?;
    let config = Config { store: cli.store.unwrap_or_else(default_store), quiet: cli.quiet, verbose: cli.verbose, holder, rules };
    match cli.command {
        Command::Ingest { paths, text, on_bad_input, keep_going } => {
            let on_bad = match (on_bad_input, keep_going) {
                (_, true) | (Some(OnBadArg::Skip), _) => Some(OnBad::Skip),
                (Some(OnBadArg::Refuse), _) => Some(OnBad::Refuse),
                (None, false) => None,
            };
            cli::ingest(&config, &paths, &text.into(), on_bad)?;
        }
        Command::Watch { dir, text } => {
            let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
            let flag = stop.clone();
            ctrlc::set_handler(move || flag.store(true, std::sync::atomic::Ordering::SeqCst))
                .context("cannot install the Ctrl-C handler")?;
            cli::watch(&config, &dir, &text.into(), &stop)?;
        }
        Command::Report { format, output, filter: f } => cli::report(&config, format.into(), output.as_deref(), &filter(&f)?)?,
        Command::Events { format, filter: f } => cli::events(&config, format.into(), &filter(&f)?)?,
        Command::Show { event, format } => cli::show(&config, &event, format.into())?,
        Command::Compare { outlet_a, outlet_b, format, output, filter: f } => {
            cli::compare(&config, &outlet_a, &outlet_b, format.into(), output.as_deref(), &filter(&f)?)?
        }
        Command::Demo { format } => cli::demo(&config, format.into())?,
        Command::Rebuild => {
            cli::rebuild(&config)?;
        }
        Command::Export { output } => {
            cli::export(&config, output.as_deref())?;
        }
        Command::Verify => cli::verify(&config)?,
        Command::Stats => cli::stats(&config)?,
        Command::Compact => cli::compact(&config)?,
        Command::Generate { count, seed, output } => cli::generate(count, seed, output.as_deref())?,
    }
    Ok(())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("rift: {err:#}");
            let code = match err.downcast_ref::<rift::error::Error>() {
                Some(e) => e.exit_code(),
                None => 2,
            };
            ExitCode::from(code as u8)
        }
    }
}
