//! Lexicons as data: the readable TSV files under `data/lexicon/`, compiled in.
//!
//! Every file starts with `#` comment lines that say what it holds and where its entries come
//! from, then a header row naming the columns, then one entry per row. Columns are separated by
//! tabs; an empty cell is written `-`. This module parses them once and checks every row, so a
//! malformed entry fails the test suite (see `tests` below) rather than a user's run.

use std::collections::HashMap;

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

/// The text of every lexicon file the rules read: the compiled-in files, some of which a user
/// may have replaced with their own (`rift --lexicons DIR`).
#[derive(Debug, Clone)]
pub struct LexiconTexts {
    files: Vec<(&'static str, &'static str)>,
}

impl LexiconTexts {
    pub fn builtin() -> LexiconTexts {
        LexiconTexts { files: FILES.to_vec() }
    }

    /// Replaces one file's text; `None` when no lexicon has that file name.
    pub fn replace(&mut self, name: &str, text: &'static str) -> Option<()> {
        let slot = self.files.iter_mut().find(|(n, _)| *n == name)?;
        slot.1 = text;
        Some(())
    }

    pub fn get(&self, name: &str) -> &'static str {
        self.files.iter().find(|(n, _)| *n == name).map(|(_, t)| *t).unwrap_or("")
    }

    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.files.iter().map(|(n, _)| *n)
    }

    /// A fingerprint of every file's name and text, plus `extra` (code version, gazetteer):
    /// stored with derived data so that a rift with other rules knows a rebuild is due.
    pub fn fingerprint(&self, extra: &[&str]) -> String {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        for (name, text) in &self.files {
            h.update(name.as_bytes());
            h.update(text.as_bytes());
        }
        for text in extra {
            h.update(text.as_bytes());
        }
        format!("{:016x}", h.digest())
    }
}

/// Parses a compiled-in file; a malformed file is a build defect that the tests catch, so the
/// runtime path may panic with the lexicon's own message.
pub fn builtin(name: &'static str, text: &'static str) -> Table {
    Table::parse(name, text).unwrap_or_else(|e| panic!("built-in lexicon is malformed: {e}"))
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

/// The boilerplate rules of `boilerplate.tsv`, compiled for `segment`.
pub struct Boilerplate {
    /// Phrases that drop a paragraph (`paragraph`) or open an appeal (`tail`).
    pub matcher: aho_corasick::AhoCorasick,
    /// The kind and phrase of each pattern of `matcher`.
    pub kinds: Vec<(&'static str, String)>,
    /// Paragraphs dropped when they are exactly one of these.
    pub exact: Vec<String>,
    /// First- and second-person words that keep an appeal going.
    pub appeal: aho_corasick::AhoCorasick,
}

impl Boilerplate {
    pub fn parse(text: &'static str) -> Result<Boilerplate, LexiconError> {
        use aho_corasick::{AhoCorasickBuilder, MatchKind};
        let table = Table::parse("boilerplate.tsv", text)?;
        let by_kind = phrases_by_kind(&table, "kind", "phrase");
        for row in &table.rows {
            let kind = row.cells[table.column("kind")];
            if !matches!(kind, "paragraph" | "tail" | "exact" | "appeal-word") {
                return Err(table.error(row, format!("unknown kind `{kind}`")));
            }
        }
        let mut kinds = Vec::new();
        for kind in ["paragraph", "tail"] {
            for phrase in by_kind.get(kind).into_iter().flatten() {
                kinds.push((kind, phrase.clone()));
            }
        }
        let err = |e: aho_corasick::BuildError| LexiconError { file: "boilerplate.tsv", line: 0, message: e.to_string() };
        let matcher = AhoCorasickBuilder::new().ascii_case_insensitive(true).build(kinds.iter().map(|(_, p)| p.as_str())).map_err(err)?;
        let words = by_kind.get("appeal-word").cloned().unwrap_or_default();
        let appeal = AhoCorasickBuilder::new().ascii_case_insensitive(true).match_kind(MatchKind::LeftmostLongest).build(&words).map_err(err)?;
        Ok(Boilerplate { matcher, kinds, exact: by_kind.get("exact").cloned().unwrap_or_default(), appeal })
    }
}

/// Abbreviations after which a period does not end a sentence ("Gen.", "U.S."), lower-cased.
pub fn parse_abbreviations(text: &'static str) -> Result<Vec<String>, LexiconError> {
    let table = Table::parse("abbreviations.tsv", text)?;
    let col = table.column("abbreviation");
    let mut out = Vec::with_capacity(table.rows.len());
    for row in &table.rows {
        let a = row.cells[col];
        if !a.ends_with('.') {
            return Err(table.error(row, "an abbreviation ends with a period"));
        }
        out.push(a.to_lowercase());
    }
    Ok(out)
}

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
