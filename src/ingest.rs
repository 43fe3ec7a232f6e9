//! Reading articles: JSON Lines (the format of `spec/formats.md`), plain `.txt` files, whole
//! directories, and standard input. Every problem is an [`Error::Input`] naming the file and
//! line; nothing here touches the store.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::error::{Error, Result};
use crate::model::{Article, ArticleId};
use crate::normalize::parse_published;

/// The largest article (one JSON line, or one text file) rift accepts.
pub const MAX_ARTICLE_BYTES: usize = 16 << 20;
/// The longest article id: ids name files in exports and appear in every report line.
pub const MAX_ID_CHARS: usize = 256;

/// Where articles come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    File(PathBuf),
    Stdin,
}

impl Source {
    pub fn name(&self) -> PathBuf {
        match self {
            Source::File(p) => p.clone(),
            Source::Stdin => PathBuf::from("-"),
        }
    }
}

/// Metadata for plain-text articles, which carry none of their own.
#[derive(Debug, Clone, Default)]
pub struct TextOptions {
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub id: Option<String>,
}

/// The article formats rift reads, by file name.
fn is_jsonl(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("jsonl" | "json" | "ndjson"))
}

fn is_text(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("txt" | "text"))
}

fn is_html(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref(), Some("html" | "htm" | "xhtml"))
}

fn is_feed(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref(), Some("xml" | "rss" | "atom"))
}

/// True for the files rift reads as articles (used by directory walks and `watch`).
pub fn is_article_file(path: &Path) -> bool {
    is_jsonl(path) || is_text(path) || is_html(path) || is_feed(path)
}

/// Turns the command line's paths into sources: a directory gives every article file under
/// it, in name order; a missing path is an error.
pub fn expand(paths: &[PathBuf]) -> Result<Vec<Source>> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(Source::Stdin);
            continue;
        }
        let meta = std::fs::metadata(path)
            .map_err(|e| Error::input(path, None, format!("cannot read: {}", io_reason(&e))))?;
        if meta.is_dir() {
            let mut files = Vec::new();
            walk(path, &mut files)?;
            files.sort();
            out.extend(files.into_iter().map(Source::File));
        } else {
            out.push(Source::File(path.clone()));
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::input(dir, None, format!("cannot list: {}", io_reason(&e))))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::input(dir, None, io_reason(&e)))?;
        let path = entry.path();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            walk(&path, out)?;
        } else if is_article_file(&path) {
            out.push(path);
        }
    }
    Ok(())
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// The articles of one source, read lazily: one item per article or per problem.
pub fn read(source: &Source, text_options: &TextOptions) -> Box<dyn Iterator<Item = Result<Article>>> {
    match source {
        Source::Stdin => Box::new(JsonLines::new(PathBuf::from("-"), BufReader::with_capacity(1 << 20, std::io::stdin()))),
        Source::File(path) => {
            let file = match File::open(path) {
                Ok(f) => f,
                Err(e) => return Box::new(std::iter::once(Err(Error::input(path, None, format!("cannot read: {}", io_reason(&e)))))),
            };
            let mut reader = BufReader::with_capacity(1 << 16, file);
            let head = match reader.fill_buf() {
                Ok(h) => h,
                Err(e) => return Box::new(std::iter::once(Err(Error::input(path, None, io_reason(&e))))),
            };
            if head.is_empty() {
                return Box::new(std::iter::once(Err(Error::input(path, None, "empty file: no articles in it"))));
            }
            if head.iter().take(8192).any(|&b| b == 0) {
                return Box::new(std::iter::once(Err(Error::input(path, None, "binary data (NUL bytes), not articles"))));
            }
            let sniff_json = head.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
            let no_extension = path.extension().is_none();
            if is_jsonl(path) || (no_extension && sniff_json) {
                Box::new(JsonLines::new(path.clone(), reader))
            } else if is_html(path) {
                Box::new(std::iter::once(read_html(path, reader, text_options)))
            } else if is_feed(path) {
                Box::new(read_feed(path, reader, text_options).into_iter())
            } else if is_text(path) || no_extension {
                Box::new(std::iter::once(read_text(path, reader, text_options)))
            } else {
                Box::new(std::iter::once(Err(Error::input(
                    path,
                    None,
                    "not an article file: rift reads JSON Lines (.jsonl, .json, .ndjson), plain text (.txt), HTML pages (.html, .htm) and RSS/Atom feeds (.xml, .rss, .atom)",
                ))))
            }
        }
    }
}

/// A JSON Lines reader that reports each bad line and goes on to the next.
pub struct JsonLines<R: BufRead> {
    path: PathBuf,
    reader: R,
    line: usize,
    seen_article: bool,
    done: bool,
}

impl<R: Read> JsonLines<BufReader<R>> {
    /// True when every byte read so far has been consumed, so that the next line would wait
    /// for more input. A stream is flushed at such moments: each article is durable (and
    /// reported) as soon as nothing more is waiting behind it.
    pub fn drained(&self) -> bool {
        self.reader.buffer().is_empty() || self.done
    }
}

impl<R: BufRead> JsonLines<R> {
    pub fn new(path: PathBuf, reader: R) -> Self {
        JsonLines { path, reader, line: 0, seen_article: false, done: false }
    }

    /// Reads the next line, refusing lines over [`MAX_ARTICLE_BYTES`] without holding them.
    fn next_line(&mut self) -> Option<std::result::Result<Vec<u8>, Error>> {
        let mut buf = Vec::new();
        let mut limited = (&mut self.reader).take(MAX_ARTICLE_BYTES as u64 + 1);
        match limited.read_until(b'\n', &mut buf) {
            Ok(0) => None,
            Ok(_) => {
                self.line += 1;
                if buf.len() > MAX_ARTICLE_BYTES && !buf.ends_with(b"\n") {
                    // Skip the rest of the oversized line.
                    let mut sink = Vec::new();
                    let _ = self.reader.read_until(b'\n', &mut sink);
                    return Some(Err(Error::input(
                        &self.path,
                        Some(self.line),
                        format!("line is longer than {} MB: an article that large is refused", MAX_ARTICLE_BYTES >> 20),
                    )));
                }
                Some(Ok(buf))
            }
            Err(e) => {
                self.done = true;
                Some(Err(Error::input(&self.path, Some(self.line + 1), io_reason(&e))))
            }
        }
    }
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = Result<Article>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let bytes = match self.next_line() {
                None => {
                    self.done = true;
                    if !self.seen_article && self.line == 0 {
                        return Some(Err(Error::input(&self.path, None, "empty input: no articles in it")));
                    }
                    return None;
                }
                Some(Err(e)) => return Some(Err(e)),
                Some(Ok(b)) => b,
            };
            let line = self.line;
            let text = match std::str::from_utf8(&bytes) {
                Ok(t) => t,
                Err(e) => {
                    return Some(Err(Error::input(
                        &self.path,
                        Some(line),
                        format!("invalid UTF-8 at byte {} of the line", e.valid_up_to() + 1),
                    )));
                }
            };
            if text.trim().is_empty() {
                continue;
            }
            if text.contains('\0') {
                return Some(Err(Error::input(&self.path, Some(line), "binary data (NUL bytes), not an article")));
            }
            self.seen_article = true;
            return Some(parse_json_article(text).map_err(|m| Error::input(&self.path, Some(line), m)));
        }
        None
    }
}

/// One JSON line as an article, with a message saying exactly what is wrong when it is not.
pub fn parse_json_article(line: &str) -> std::result::Result<Article, String> {
    let line = line.trim_end_matches(['\n', '\r']);
    let value: Value = serde_json::from_str(line).map_err(|e| {
        // serde counts lines within the text it was given, which is one line of the file:
        // only its column is worth saying.
        let message = e.to_string();
        let message = match message.rsplit_once(" at line 1 column ") {
            Some((what, column)) => format!("{what} at column {column}"),
            None => message,
        };
        format!("malformed JSON: {message}")
    })?;
    let Value::Object(map) = value else {
        return Err("expected a JSON object (one article per line)".into());
    };
    let string = |field: &str, required: bool| -> std::result::Result<Option<String>, String> {
        match map.get(field) {
            None | Some(Value::Null) if required => Err(format!("field `{field}` is missing")),
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(format!("field `{field}` must be a string, found {}", json_type(other))),
        }
    };
    let id = string("id", true)?.unwrap_or_default();
    let id = check_id(&id)?;
    let text = string("text", true)?.unwrap_or_default();
    if text.trim().is_empty() {
        return Err(format!("article `{id}` has an empty `text`"));
    }
    let outlet = string("outlet", false)?.unwrap_or_else(|| "unknown".into());
    let published = string("published", false)?;
    if let Some(p) = &published
        && parse_published(p).is_none() {
            return Err(format!("field `published` is `{p}`: expected YYYY-MM-DD or an RFC 3339 timestamp"));
        }
    let title = string("title", false)?;
    let url = string("url", false)?;
    Ok(article(id, outlet, published, title, url, text))
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Ids are kept as given, but they must be printable: no control characters, not empty, not
/// absurdly long. Path characters are allowed (ids are never used as file names unescaped).
fn check_id(id: &str) -> std::result::Result<String, String> {
    let trimmed = id.trim();
    if trimmed.is_empty() {
        return Err("field `id` is empty".into());
    }
    if trimmed.chars().count() > MAX_ID_CHARS {
        return Err(format!("field `id` is longer than {MAX_ID_CHARS} characters"));
    }
    if trimmed.chars().any(char::is_control) {
        return Err("field `id` contains control characters".into());
    }
    Ok(trimmed.to_string())
}

/// Builds a stored article, with its content hash.
pub fn article(id: String, outlet: String, published: Option<String>, title: Option<String>, url: Option<String>, text: String) -> Article {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    for part in [Some(outlet.as_str()), published.as_deref(), title.as_deref(), url.as_deref(), Some(text.as_str())] {
        h.update(part.unwrap_or("\u{0}null").as_bytes());
        h.update(&[0xff]);
    }
    Article { id: ArticleId(id), outlet, published, title, url, text, content_hash: format!("{:032x}", h.digest128()) }
}

/// A plain-text article: the first line is the title when it reads as a headline.
fn read_text(path: &Path, reader: impl Read, options: &TextOptions) -> Result<Article> {
    let text = utf8(path, read_limited(path, reader)?)?;
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(Error::input(path, None, "empty file: no article text"));
    }
    let (title, body) = split_headline(text);
    let id = match &options.id {
        Some(id) => id.clone(),
        None => path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "article".into()),
    };
    let id = check_id(&id).map_err(|m| Error::input(path, None, m))?;
    if let Some(p) = &options.published
        && parse_published(p).is_none() {
            return Err(Error::input(path, None, format!("--published `{p}`: expected YYYY-MM-DD or an RFC 3339 timestamp")));
        }
    let outlet = options.outlet.clone().unwrap_or_else(|| "unknown".into());
    Ok(article(id, outlet, options.published.clone(), title, None, body.to_string()))
}

fn read_limited(path: &Path, mut reader: impl Read) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader
        .by_ref()
        .take(MAX_ARTICLE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::input(path, None, io_reason(&e)))?;
    if bytes.len() > MAX_ARTICLE_BYTES {
        return Err(Error::input(path, None, format!("file is larger than {} MB: refused", MAX_ARTICLE_BYTES >> 20)));
    }
    Ok(bytes)
}

fn utf8(path: &Path, bytes: Vec<u8>) -> Result<String> {
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        Error::input(path, Some(line), format!("invalid UTF-8 at byte {} of the file", at + 1))
    })
}

/// Text from HTML: tags, scripts and styles dropped, paragraphs kept apart by blank lines.
fn html_to_text(html: &str) -> String {
    // A width this large never wraps a paragraph.
    let text = html2text::config::plain().string_from_read(html.as_bytes(), 1_000_000).unwrap_or_default();
    tidy_paragraphs(&text)
}

/// Collapses runs of blank lines and trims lines, so paragraphs are separated by exactly one
/// blank line, the way the JSON Lines format writes them.
fn tidy_paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = true;
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            blank = true;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        out.push_str(line);
        blank = false;
    }
    out
}

fn checked_published(path: &Path, value: Option<String>, from_flag: bool) -> Result<Option<String>> {
    match value {
        Some(p) if parse_published(&p).is_none() => {
            if from_flag {
                Err(Error::input(path, None, format!("--published `{p}`: expected YYYY-MM-DD or an RFC 3339 timestamp")))
            } else {
                // A page's own date we cannot read is dropped, not fatal.
                Ok(None)
            }
        }
        other => Ok(other),
    }
}

/// A saved HTML page: the article text found by readability-style extraction (dom_smoothie),
/// or all the page's text when that finds no article; outlet and date from the page's
/// metadata unless given on the command line. Scripts and styles never reach the text.
fn read_html(path: &Path, reader: impl Read, options: &TextOptions) -> Result<Article> {
    let html = utf8(path, read_limited(path, reader)?)?;
    let config = dom_smoothie::Config { text_mode: dom_smoothie::TextMode::Formatted, ..Default::default() };
    let parsed = dom_smoothie::Readability::new(html.as_str(), None, Some(config)).ok().and_then(|mut r| r.parse().ok());
    let (title, text, site, published, url) = match parsed {
        Some(a) if !a.text_content.trim().is_empty() => {
            (Some(a.title.clone()).filter(|t| !t.trim().is_empty()), tidy_paragraphs(&a.text_content), a.site_name.clone(), a.published_time.clone(), a.url.clone())
        }
        _ => (None, html_to_text(&html), None, None, None),
    };
    if text.trim().is_empty() {
        return Err(Error::input(path, None, "the page has no article text"));
    }
    let id = options.id.clone().unwrap_or_else(|| path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default());
    let id = check_id(&id).map_err(|m| Error::input(path, None, m))?;
    let from_flag = options.published.is_some();
    let published = checked_published(path, options.published.clone().or(published), from_flag)?;
    let outlet = options.outlet.clone().or(site).unwrap_or_else(|| "unknown".into());
    Ok(article(id, outlet, published, title, url, text))
}

/// An RSS or Atom feed: one article per item, its text from the item's content or summary.
fn read_feed(path: &Path, reader: impl Read, options: &TextOptions) -> Vec<Result<Article>> {
    let bytes = match read_limited(path, reader) {
        Ok(b) => b,
        Err(e) => return vec![Err(e)],
    };
    let feed = match feed_rs::parser::parse(bytes.as_slice()) {
        Ok(f) => f,
        Err(e) => return vec![Err(Error::input(path, None, format!("not a readable RSS or Atom feed: {e}")))],
    };
    let feed_title = feed.title.as_ref().map(|t| t.content.trim().to_string()).filter(|t| !t.is_empty());
    let outlet = options.outlet.clone().or(feed_title).unwrap_or_else(|| "unknown".into());
    feed.entries
        .iter()
        .enumerate()
        .map(|(i, entry)| {
            let at = |m: String| Error::input(path, None, format!("item {}: {m}", i + 1));
            let body = entry
                .content
                .as_ref()
                .and_then(|c| c.body.clone())
                .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()))
                .unwrap_or_default();
            let text = html_to_text(&body);
            if text.trim().is_empty() {
                return Err(at("has no text (neither content nor summary)".into()));
            }
            let link = entry.links.first().map(|l| l.href.clone());
            let id = if entry.id.trim().is_empty() { link.clone().unwrap_or_default() } else { entry.id.clone() };
            let id = check_id(&id).map_err(at)?;
            let published = entry.published.or(entry.updated).map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string());
            let published = options.published.clone().or(published);
            let title = entry.title.as_ref().map(|t| html_to_text(&t.content)).filter(|t| !t.is_empty());
            Ok(article(id, outlet.clone(), published, title, link, text))
        })
        .collect()
}

/// Splits off a first line that reads as a headline: short, not ending like a sentence, and
/// followed by more text.
pub fn split_headline(text: &str) -> (Option<String>, &str) {
    let Some((first, rest)) = text.split_once('\n') else { return (None, text) };
    let first_trim = first.trim();
    let words = first_trim.split_whitespace().count();
    let headline = !first_trim.is_empty()
        && first_trim.len() <= 200
        && words <= 25
        && !first_trim.ends_with(['.', ',', ';', ':'])
        && !rest.trim().is_empty()
        && first_trim.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '"' || c == '\u{201c}');
    if headline { (Some(first_trim.to_string()), rest.trim_start_matches(['\n', '\r'])) } else { (None, text) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_good_line_is_an_article_with_a_stable_hash() {
        let line = r#"{"id":"a1","outlet":"Reuters","published":"2023-01-13","title":null,"url":null,"text":"Body."}"#;
        let a = parse_json_article(line).unwrap();
        assert_eq!(a.id.0, "a1");
        assert_eq!(a.content_hash, parse_json_article(line).unwrap().content_hash);
        let other = parse_json_article(&line.replace("Body.", "Other body.")).unwrap();
        assert_ne!(a.content_hash, other.content_hash);
    }

    #[test]
    fn bad_lines_say_what_is_wrong() {
        let msg = |l: &str| parse_json_article(l).unwrap_err();
        assert!(msg("{\"id\": \"x\", ").contains("malformed JSON"));
        assert!(msg("[1,2]").contains("JSON object"));
        assert!(msg(r#"{"id":"x","outlet":"o"}"#).contains("`text` is missing"));
        assert!(msg(r#"{"id":"x","text":"  "}"#).contains("empty `text`"));
        assert!(msg(r#"{"id":"x","text":["a"]}"#).contains("must be a string, found an array"));
        assert!(msg(r#"{"id":"x","text":"t","published":12}"#).contains("found a number"));
        assert!(msg(r#"{"id":"x","text":"t","published":"yesterday"}"#).contains("YYYY-MM-DD"));
        assert!(msg(r#"{"id":"","text":"t"}"#).contains("`id` is empty"));
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(msg(&deep).contains("malformed JSON"));
    }

    #[test]
    fn a_headline_is_split_off_only_when_it_reads_as_one() {
        let (t, body) = split_headline("Russia claims control of a town\n\nThe ministry said.");
        assert_eq!(t.as_deref(), Some("Russia claims control of a town"));
        assert_eq!(body, "The ministry said.");
        let (t, _) = split_headline("The ministry said the town fell.\nMore text.");
        assert!(t.is_none());
        let (t, _) = split_headline("Just one line");
        assert!(t.is_none());
    }

    #[test]
    fn jsonl_reader_numbers_lines_and_skips_blank_ones() {
        let data = b"{\"id\":\"a\",\"text\":\"x\"}\n\n{bad\n\xff\xfe\n{\"id\":\"b\",\"text\":\"y\"}\n";
        let items: Vec<_> = JsonLines::new(PathBuf::from("t.jsonl"), &data[..]).collect();
        assert_eq!(items.len(), 4);
        assert!(items[0].is_ok());
        assert!(items[1].as_ref().unwrap_err().to_string().starts_with("t.jsonl:3: malformed JSON"));
        assert!(items[2].as_ref().unwrap_err().to_string().starts_with("t.jsonl:4: invalid UTF-8"));
        assert_eq!(items[3].as_ref().unwrap().id.0, "b");
    }
}
