//! Lexicons as data: the readable TSV files under `data/lexicon/`, compiled in.
//!
//! Every file starts with `#` comment lines that say what it holds and where its entries come
//! from, then a header row naming the columns, then one entry per row. Columns are separated by
//! tabs; an empty cell is written `-`. This module parses them once and checks every row, so a
//! malformed entry fails the test suite (see `tests` below) rather than a user's run.

use std::collections::HashMap;
use std::sync::LazyLock;

mod typed;
pub use typed::*;

/// A parsed TSV lexicon: its name (for messages), column names and rows.
#[derive(Debug, Clone)]
pub struct Table {
    pub name: &'static str,
    pub columns: Vec<&'static str>,
    pub rows: Vec<Row>,
}

/// One entry, with the 1-based line it came from for error messages.
#[derive(Debug, Clone)]
pub struct Row {
    pub line: usize,
    pub cells: Vec<&'static str>,
}

/// A malformed lexicon entry.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct LexiconError {
    pub file: &'static str,
    pub line: usize,
    pub message: String,
}

impl Table {
    /// Parses a lexicon file's text, checking that every row has the header's column count and
    /// that the header block documents the file.
    pub fn parse(name: &'static str, text: &'static str) -> Result<Table, LexiconError> {
        let err = |line, message: String| LexiconError { file: name, line, message };
        let mut columns: Option<Vec<&'static str>> = None;
        let mut rows = Vec::new();
        let mut comment_lines = 0;
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let raw = raw.trim_end_matches('\r');
            if raw.trim().is_empty() {
                continue;
            }
            if raw.starts_with('#') {
                comment_lines += 1;
                continue;
            }
            let cells: Vec<&'static str> = raw.split('\t').map(str::trim).collect();
            match &columns {
                None => {
                    if comment_lines == 0 {
                        return Err(err(line, "the file needs a `#` header saying what it holds and where entries come from".into()));
                    }
                    columns = Some(cells);
                }
                Some(cols) => {
                    if cells.len() != cols.len() {
                        return Err(err(
                            line,
                            format!("expected {} tab-separated columns ({}), found {}", cols.len(), cols.join(", "), cells.len()),
                        ));
                    }
                    if let Some(pos) = cells.iter().position(|c| c.is_empty()) {
                        return Err(err(line, format!("column `{}` is empty (write `-` for none)", cols[pos])));
                    }
                    rows.push(Row { line, cells });
                }
            }
        }
        let columns = columns.ok_or_else(|| err(0, "no header row".into()))?;
        Ok(Table { name, columns, rows })
    }

    /// The index of a column, for typed readers.
    pub fn column(&self, name: &str) -> usize {
        self.columns
            .iter()
            .position(|c| *c == name)
            .unwrap_or_else(|| panic!("lexicon {} has no column `{name}`", self.name))
    }

    pub fn error(&self, row: &Row, message: impl Into<String>) -> LexiconError {
        LexiconError { file: self.name, line: row.line, message: message.into() }
    }
}

impl Row {
    /// A cell, with `-` read as none.
    pub fn get(&self, index: usize) -> Option<&'static str> {
        match self.cells[index] {
            "-" => None,
            cell => Some(cell),
        }
    }
}

macro_rules! lexicon_files {
    ($($name:ident => $file:literal),* $(,)?) => {
        /// Every compiled-in lexicon file, by file name.
        pub const FILES: &[(&str, &str)] = &[$(($file, include_str!(concat!("../data/lexicon/", $file)))),*];
        $(pub const $name: &str = include_str!(concat!("../data/lexicon/", $file));)*
    };
}

lexicon_files! {
    BOILERPLATE => "boilerplate.tsv",
    ABBREVIATIONS => "abbreviations.tsv",
    REPORTING => "reporting.tsv",
    DENIAL => "denial.tsv",
    VERIFICATION => "verification.tsv",
    SPEAKERS => "speakers.tsv",
    ANAPHORA => "anaphora.tsv",
    ROLES => "roles.tsv",
    ACTIONS => "actions.tsv",
    NOUNS => "nouns.tsv",
    OUTLETS => "outlets.tsv",
    QUANTITIES => "quantities.tsv",
    GRAMMAR => "grammar.tsv",
}

/// Parses a compiled-in file; a malformed file is a build defect that the tests catch, so the
/// runtime path may panic with the lexicon's own message.
pub fn builtin(name: &'static str, text: &'static str) -> Table {
    Table::parse(name, text).unwrap_or_else(|e| panic!("built-in lexicon is malformed: {e}"))
}

/// A fingerprint of every lexicon and data file the rules read: stored with derived data so
/// that a rift with other rules knows a rebuild is due.
pub fn fingerprint(extra: &[&str]) -> String {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    for (name, text) in FILES {
        h.update(name.as_bytes());
        h.update(text.as_bytes());
    }
    for text in extra {
        h.update(text.as_bytes());
    }
    format!("{:016x}", h.digest())
}

/// Lower-cased phrase lists keyed by a kind column, shared by the simpler lexicons.
pub fn phrases_by_kind(table: &Table, kind_col: &str, phrase_col: &str) -> HashMap<&'static str, Vec<String>> {
    let (k, p) = (table.column(kind_col), table.column(phrase_col));
    let mut out: HashMap<&'static str, Vec<String>> = HashMap::new();
    for row in &table.rows {
        out.entry(row.cells[k]).or_default().push(row.cells[p].to_lowercase());
    }
    out
}

/// Abbreviations after which a period does not end a sentence ("Gen.", "U.S.").
pub static ABBREVIATION_SET: LazyLock<Vec<String>> = LazyLock::new(|| {
    let table = builtin("abbreviations.tsv", ABBREVIATIONS);
    let col = table.column("abbreviation");
    table.rows.iter().map(|r| r.cells[col].to_lowercase()).collect()
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_lexicon_parses() {
        for (name, text) in FILES {
            if let Err(e) = Table::parse(name, text) {
                panic!("{e}");
            }
        }
    }

    #[test]
    fn malformed_rows_are_reported_with_their_line() {
        let text = "# what: test\nphrase\tkind\nok\tx\nbroken row without tab\n";
        let err = Table::parse("t.tsv", text).unwrap_err();
        assert_eq!(err.line, 4);
        assert!(err.message.contains("expected 2"), "{}", err.message);
    }

    #[test]
    fn a_file_without_a_header_comment_is_rejected() {
        assert!(Table::parse("t.tsv", "phrase\nok\n").is_err());
    }

    #[test]
    fn empty_cells_must_be_written_as_a_dash() {
        let err = Table::parse("t.tsv", "# x\na\tb\nv\t\n").unwrap_err();
        assert!(err.message.contains("empty"), "{}", err.message);
    }
}
