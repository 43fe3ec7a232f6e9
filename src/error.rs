//! The library's error type. Every variant names what went wrong and where; the binary maps
//! them to exit codes (see `exit_code`).

use std::path::PathBuf;

/// Where in the input a problem is: a file (or `-` for stdin) and, when known, a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub path: PathBuf,
    pub line: Option<usize>,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}", self.path.display(), line),
            None => write!(f, "{}", self.path.display()),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// One piece of input could not be read as an article.
    #[error("{origin}: {message}")]
    Input { origin: Origin, message: String },
    /// Several inputs were bad; the batch was refused or the bad ones skipped (see `skipped`).
    #[error("{} bad input{}:\n{}", .0.len(), if .0.len() == 1 { "" } else { "s" }, .0.iter().map(|e| format!("  {e}")).collect::<Vec<_>>().join("\n"))]
    BadInputs(Vec<Error>),
    #[error(transparent)]
    Store(#[from] rift_store::StoreError),
    #[error("{0}")]
    NotFound(String),
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("the store's derived data was made by other rules ({found}); run `rift rebuild` to re-derive it from the stored articles")]
    RebuildNeeded { found: String },
    #[error("{0}")]
    Usage(String),
    /// Bad inputs were reported as they were met and skipped; the good articles went in.
    #[error("{0} bad input{s} skipped (listed above)", s = if *.0 == 1 { "" } else { "s" })]
    Skipped(usize),
    /// The store's integrity check found problems.
    #[error("{0}")]
    Damaged(String),
}

impl Error {
    pub fn input(path: impl Into<PathBuf>, line: Option<usize>, message: impl Into<String>) -> Error {
        Error::Input { origin: Origin { path: path.into(), line }, message: message.into() }
    }

    /// The process exit code for this error, as documented in README.md.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Usage(_) => 2,
            Error::Input { .. } | Error::BadInputs(_) | Error::Skipped(_) | Error::Io { .. } => 3,
            Error::Store(rift_store::StoreError::Locked { .. }) => 5,
            Error::Store(_) | Error::RebuildNeeded { .. } | Error::Damaged(_) => 4,
            Error::NotFound(_) => 6,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
