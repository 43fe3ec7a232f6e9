//! Text helpers for extraction: a folded copy for lexicon matching, word tokens and quotes.

use crate::model::Span;

/// A copy of the text for matching: typographic apostrophes made ASCII, quotation marks dropped, dashes
/// made spaces and hyphens plain, diacritics dropped, odd spaces made plain; case is kept. `to_orig` maps each
/// byte of the folded copy back to the byte of the original text it came from, so every match
/// becomes a span of the original.
pub struct Folded {
    pub text: String,
    to_orig: Vec<u32>,
    /// The byte length of the original char each folded byte came from, so a match ends
    /// right after its last char even when the next char was dropped (a closing quote).
    src_len: Vec<u8>,
}

impl Folded {
    pub fn new(original: &str) -> Folded {
        let mut text = String::with_capacity(original.len());
        let mut to_orig = Vec::with_capacity(original.len() + 1);
        let mut src_len = Vec::with_capacity(original.len() + 1);
        for (i, c) in original.char_indices() {
            let before = text.len();
            match c {
                '\u{2019}' | '\u{2018}' | '\u{02bc}' | '\u{0060}' | '\u{00b4}' | '\u{2032}' => text.push('\''),
                // A quotation mark beside a space frames the words it quotes ("completed its
                // “combat mission”"): it is dropped, so phrases read through it. Between two
                // words it stays a word boundary.
                '"' | '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{00ab}' | '\u{00bb}' | '\u{2033}' => {
                    let after = original[i + c.len_utf8()..].chars().next();
                    let framing = text.ends_with(char::is_whitespace) || text.is_empty() || after.is_none_or(|a| !a.is_alphanumeric());
                    if !framing {
                        text.push(' ');
                    }
                }
                '\u{2010}' | '\u{2011}' => text.push('-'),
                // Dashes separate words; a hyphen would glue them into one compound.
                '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' => text.push(' '),
                '\u{00a0}' | '\u{2009}' | '\u{202f}' | '\u{2007}' => text.push(' '),
                c if c.is_ascii() => text.push(c),
                // A combining mark on its own (NFD input) goes the way of all diacritics.
                c if unicode_normalization::char::is_combining_mark(c) => {}
                c => {
                    use unicode_normalization::UnicodeNormalization;
                    let mut pushed = false;
                    for d in std::iter::once(c).nfd() {
                        if !unicode_normalization::char::is_combining_mark(d) {
                            text.push(d);
                            pushed = true;
                        }
                    }
                    // A lone combining mark (an accent on an ASCII letter) is dropped too.
                    if !pushed && !unicode_normalization::char::is_combining_mark(c) {
                        text.push(c);
                    }
                }
            }
            to_orig.extend(std::iter::repeat_n(i as u32, text.len() - before));
            src_len.extend(std::iter::repeat_n(c.len_utf8() as u8, text.len() - before));
        }
        to_orig.push(original.len() as u32);
        src_len.push(0);
        Folded { text, to_orig, src_len }
    }

    /// The original span of folded bytes `start..end`.
    pub fn orig(&self, start: usize, end: usize) -> Span {
        let s = self.to_orig[start];
        // The end is the end of the original char of the last folded byte.
        let e = if end == 0 { 0 } else { self.to_orig[end - 1] + u32::from(self.src_len[end - 1]) };
        Span { start: s, end: e.max(s) }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Punct,
}

/// A word or punctuation mark of the original text.
#[derive(Debug, Clone, Copy)]
pub struct Token<'a> {
    pub span: Span,
    pub text: &'a str,
    pub kind: TokenKind,
}

impl Token<'_> {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
    pub fn is(&self, punct: &[char]) -> bool {
        self.kind == TokenKind::Punct && self.text.chars().next().is_some_and(|c| punct.contains(&c))
    }
}

fn is_inner_joiner(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '-' | '\u{2011}' | '.' | '&')
}

/// Tokens of `text` within `span`: words are runs of letters and digits, joined by an inner
/// apostrophe, hyphen or period ("Russia's", "Russian-installed", "U.S.", "10,000" is split
/// at the comma but kept whole by [`number_at`]); every other non-space char is punctuation.
/// Whether `text[start..end]` stands as whole words: no letter or digit right before or after.
pub fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

pub fn tokens(text: &str, span: Span) -> Vec<Token<'_>> {
    let base = span.start as usize;
    let slice = span.slice(text);
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = i + 1;
            while j < chars.len() {
                let cj = chars[j].1;
                if cj.is_alphanumeric() {
                    j += 1;
                } else if is_inner_joiner(cj) && chars.get(j + 1).is_some_and(|(_, n)| n.is_alphanumeric()) {
                    j += 2;
                } else if cj == '.' && chars[j - 1].1.is_uppercase() && (j == i + 1 || chars[j - 2].1 == '.') {
                    // An initial or a dotted abbreviation ("U.S."): keep the period with it.
                    j += 1;
                    break;
                } else {
                    break;
                }
            }
            // A dotted abbreviation keeps its final period ("U.S.").
            let word_so_far = &slice[pos..chars.get(j).map_or(slice.len(), |(p, _)| *p)];
            if chars.get(j).is_some_and(|(_, c)| *c == '.')
                && word_so_far.contains('.')
                && word_so_far.split('.').all(|part| part.chars().count() == 1)
            {
                j += 1;
            }
            let end = chars.get(j).map_or(slice.len(), |(p, _)| *p);
            out.push(Token { span: Span::new(base + pos, base + end), text: &slice[pos..end], kind: TokenKind::Word });
            i = j;
        } else {
            let end = chars.get(i + 1).map_or(slice.len(), |(p, _)| *p);
            out.push(Token { span: Span::new(base + pos, base + end), text: &slice[pos..end], kind: TokenKind::Punct });
            i += 1;
        }
    }
    out
}

/// Quoted stretches of a paragraph, as spans from the opening to the closing mark inclusive.
/// Curly and angle quotes pair by direction; straight quotes alternate. A quote left open at
/// the paragraph's end runs to the end (wire copy reopens a continuing quote each paragraph).
pub fn quotes(text: &str, paragraph: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let body = paragraph.slice(text);
    let base = paragraph.start as usize;
    for (i, c) in body.char_indices() {
        let at = base + i;
        match c {
            '\u{201c}' | '\u{00ab}' | '\u{201e}' if open.is_none() => open = Some(at),
            '\u{201c}' | '\u{00ab}' | '\u{201e}' => {}
            '\u{201d}' | '\u{00bb}' => {
                if let Some(s) = open.take() {
                    out.push(Span::new(s, at + c.len_utf8()));
                }
            }
            '"' => match open.take() {
                Some(s) => out.push(Span::new(s, at + 1)),
                None => open = Some(at),
            },
            _ => {}
        }
    }
    if let Some(s) = open {
        out.push(Span::new(s, paragraph.end as usize));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_matches_map_back_to_original_spans() {
        let original = "Russia\u{2019}s \u{201c}liberation\u{201d} of Mari\u{0301}upol";
        let folded = Folded::new(original);
        assert_eq!(folded.text, "Russia's liberation of Mariupol");
        let at = folded.text.find("liberation").unwrap();
        assert_eq!(folded.orig(at, at + 10).slice(original), "liberation", "the quotes are not in the match");
        let at = folded.text.find("Russia's").unwrap();
        assert_eq!(folded.orig(at, at + 8).slice(original), "Russia\u{2019}s");
        let at = folded.text.find("Mariupol").unwrap();
        assert_eq!(folded.orig(at, at + 8).slice(original), "Mari\u{0301}upol");
    }

    #[test]
    fn tokens_keep_inner_apostrophes_hyphens_and_initials() {
        let text = "Russian-installed official Ivan P. Petrov, Ukraine\u{2019}s U.S. ally.";
        let words: Vec<&str> = tokens(text, Span::new(0, text.len())).iter().map(|t| t.text).collect();
        assert_eq!(
            words,
            vec!["Russian-installed", "official", "Ivan", "P.", "Petrov", ",", "Ukraine\u{2019}s", "U.S.", "ally", "."]
        );
    }

    #[test]
    fn quotes_pair_curly_and_straight_marks() {
        let text = "He said \u{201c}we hold\u{201d} and \"fight on\" until \u{201c}the end";
        let q = quotes(text, Span::new(0, text.len()));
        let got: Vec<&str> = q.iter().map(|s| s.slice(text)).collect();
        assert_eq!(got, vec!["\u{201c}we hold\u{201d}", "\"fight on\"", "\u{201c}the end"]);
    }
}

/// The end of a wire dateline at the start of an article ("KYIV, Ukraine (AP) —",
/// "KYIV/MOSCOW, Feb 18 (Reuters) -"), or 0: the place a reporter files from is not a place
/// anything happened. A dateline opens on a word in capitals and ends at the first dash,
/// within a short prefix holding no sentence end.
pub fn dateline_end(text: &str) -> usize {
    let lead = text.len() - text.trim_start().len();
    let head = &text[lead..];
    let first: String = head.chars().take_while(|c| c.is_alphabetic() || matches!(c, '/' | '-' | '\'')).collect();
    let letters = first.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 3 || first.chars().any(|c| c.is_lowercase()) {
        return 0;
    }
    let window = head.char_indices().take_while(|(i, _)| *i < 80).map(|(i, c)| i + c.len_utf8()).last().unwrap_or(0);
    let prefix = &head[..window];
    let dash = [" - ", " \u{2014}", " \u{2013}", "\u{2014}", "\u{2013}", " -- "].iter().filter_map(|d| prefix.find(d)).min();
    match dash {
        Some(at) if !prefix[..at].contains(". ") && !prefix[..at].contains('\n') => lead + at,
        _ => 0,
    }
}

#[cfg(test)]
mod dateline_tests {
    use super::dateline_end;

    #[test]
    fn wire_datelines_end_at_their_dash() {
        let text = "ODESA, Ukraine (AP) — Troops withdrew from the town.";
        assert_eq!(&text[..dateline_end(text)], "ODESA, Ukraine (AP)");
        let text = "LVIV/WARSAW, March 3 (Reuters) - Officials said the town had fallen.";
        assert_eq!(&text[..dateline_end(text)], "LVIV/WARSAW, March 3 (Reuters)");
    }

    #[test]
    fn an_opening_sentence_is_no_dateline() {
        assert_eq!(dateline_end("Russian forces said they took the village - a small gain."), 0);
        assert_eq!(dateline_end("UKRAINE says the town holds. Officials - who asked not to be named - agreed."), 0);
        assert_eq!(dateline_end(""), 0);
    }
}
