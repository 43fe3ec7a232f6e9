//! Stage 1, segment: split an article's text into paragraphs and sentences with byte spans, and
//! drop what is not reporting (donation appeals, newsletter prompts, page furniture).
//!
//! Sentence boundaries come from Unicode's sentence rules (UAX #29, via unicode-segmentation),
//! mended where news copy defeats them: abbreviations and initials ("Gen. Ivanov", "John F.
//! Kennedy"), and ISW-style endnote markers glued to the full stop ("settlement.[1] The").

use unicode_segmentation::UnicodeSegmentation;

use crate::lexicon::{Boilerplate, Lexicons};
use crate::model::Span;

/// A sentence and the paragraph it belongs to (index into [`Segments::paragraphs`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub paragraph: u32,
}

/// Text left out of extraction, and the rule that left it out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropped {
    pub span: Span,
    pub rule: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segments {
    /// Paragraphs kept for extraction.
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Sentence>,
    pub dropped: Vec<Dropped>,
}

/// Splits `text` into kept paragraphs and their sentences.
pub fn segment(text: &str, lex: &Lexicons) -> Segments {
    let mut out = Segments::default();
    let mut in_appeal = false;
    for para in paragraphs(text) {
        let mut para = para;
        let mut body = para.slice(text);
        // A link line run into the end of a paragraph ("... tunnel network. READ MORE: ...")
        // drops only itself: the sentences before it are the article's.
        if let Some(cut) = trailing_link_line(body, &lex.boilerplate) {
            out.dropped.push(Dropped { span: Span::new(para.start as usize + cut, para.end as usize), rule: "boilerplate:trailing-link".into() });
            para = Span::new(para.start as usize, para.start as usize + body[..cut].trim_end().len());
            body = para.slice(text);
        }
        if let Some(rule) = boilerplate_rule(body, &lex.boilerplate, &mut in_appeal) {
            out.dropped.push(Dropped { span: para, rule });
            continue;
        }
        let index = out.paragraphs.len() as u32;
        out.paragraphs.push(para);
        for span in sentences(body, &lex.abbreviations) {
            let span = Span::new(para.start as usize + span.start as usize, para.start as usize + span.end as usize);
            out.sentences.push(Sentence { span, paragraph: index });
        }
    }
    out
}

/// Paragraph spans: blocks separated by blank lines; when the text has no blank line at all,
/// each line is a paragraph (plain-text files often come that way).
fn paragraphs(text: &str) -> Vec<Span> {
    let blank_separated = text.contains("\n\n") || text.contains("\n\r\n") || has_blank_line(text);
    let mut out = Vec::new();
    let mut start = 0;
    let mut push = |from: usize, to: usize| {
        let piece = &text[from..to];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        if lead + trail < piece.len() {
            out.push(Span::new(from + lead, to - trail));
        }
    };
    if blank_separated {
        let mut line_start = 0;
        let mut block_has_text = false;
        for (i, _) in text.match_indices('\n').chain(std::iter::once((text.len(), ""))) {
            let line = &text[line_start..i];
            if line.trim().is_empty() {
                if block_has_text {
                    push(start, line_start);
                }
                block_has_text = false;
                start = (i + 1).min(text.len());
            } else {
                block_has_text = true;
            }
            line_start = (i + 1).min(text.len());
        }
        if block_has_text {
            push(start, text.len());
        }
    } else {
        for (i, _) in text.match_indices('\n').chain(std::iter::once((text.len(), ""))) {
            push(start, i);
            start = (i + 1).min(text.len());
        }
    }
    out
}

fn has_blank_line(text: &str) -> bool {
    text.lines().skip(1).any(|l| l.trim().is_empty())
}

/// Where a "read more:"-style link line starts inside a paragraph, after at least one whole
/// sentence of text.
fn trailing_link_line(body: &str, bp: &Boilerplate) -> Option<usize> {
    let m = bp.matcher.find(body)?;
    let (kind, phrase) = &bp.kinds[m.pattern().as_usize()];
    if *kind != "paragraph" || !phrase.ends_with(':') {
        return None;
    }
    let before = body[..m.start()].trim_end();
    (before.len() >= 40 && before.ends_with(['.', '!', '?', '"', '\u{201d}'])).then_some(m.start())
}

/// The rule that drops this paragraph, if one does. `in_appeal` carries an open appeal block
/// from paragraph to paragraph.
fn boilerplate_rule(body: &str, bp: &Boilerplate, in_appeal: &mut bool) -> Option<String> {
    let trimmed = body.trim().trim_end_matches(['.', ':']);
    if bp.exact.iter().any(|e| e.eq_ignore_ascii_case(trimmed)) {
        return Some(format!("boilerplate:exact:{}", trimmed.to_lowercase()));
    }
    if let Some(m) = bp.matcher.find(body) {
        let (kind, phrase) = &bp.kinds[m.pattern().as_usize()];
        if *kind == "tail" {
            *in_appeal = true;
        }
        return Some(format!("boilerplate:{kind}:{phrase}"));
    }
    if *in_appeal {
        if speaks_to_reader(body, bp) {
            return Some("boilerplate:appeal-continues".into());
        }
        *in_appeal = false;
    }
    None
}

/// True when the paragraph uses an appeal word ("we", "your") outside quotation marks: an
/// outlet addressing its readers, not reporting what someone said.
fn speaks_to_reader(body: &str, bp: &Boilerplate) -> bool {
    let unquoted = outside_quotes(body);
    bp.appeal.find_iter(&unquoted).any(|m| crate::extract::text::is_whole_word(&unquoted, m.start(), m.end()))
}

/// The text with quoted stretches blanked out.
fn outside_quotes(body: &str) -> String {
    let mut depth = false;
    body.chars()
        .map(|c| match c {
            '"' => {
                depth = !depth;
                ' '
            }
            '\u{201c}' => {
                depth = true;
                ' '
            }
            '\u{201d}' => {
                depth = false;
                ' '
            }
            c if depth => {
                if c.is_ascii() {
                    ' '
                } else {
                    c
                }
            }
            c => c,
        })
        .collect()
}

/// Sentence spans within one paragraph (offsets relative to the paragraph).
fn sentences(body: &str, abbreviations: &[String]) -> Vec<Span> {
    // Mask what UAX #29 misreads, keeping byte offsets: endnote markers "[12]" become spaces so
    // the full stop before them ends the sentence, and line breaks inside a paragraph are
    // wrapping, not paragraph breaks.
    let masked = mask(body);
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    for (start, piece) in masked.split_sentence_bound_indices() {
        let end = start + piece.len();
        if let Some(last) = pieces.last_mut()
            && ends_with_abbreviation(&masked[last.0..last.1], abbreviations)
            && !piece.trim().is_empty()
        {
            last.1 = end;
            continue;
        }
        pieces.push((start, end));
    }
    pieces
        .into_iter()
        .filter_map(|(s, e)| {
            let piece = &body[s..e];
            let lead = piece.len() - piece.trim_start().len();
            let trail = piece.len() - piece.trim_end().len();
            (lead + trail < piece.len()).then(|| Span::new(s + lead, e - trail))
        })
        .collect()
}

fn mask(body: &str) -> String {
    let bytes = body.as_bytes();
    let mut out = body.as_bytes().to_vec();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' | b'\r' => out[i] = b' ',
            b'[' => {
                let digits = bytes[i + 1..].iter().take_while(|b| b.is_ascii_digit()).count();
                if digits > 0 && bytes.get(i + 1 + digits) == Some(&b']') {
                    for b in &mut out[i..i + digits + 2] {
                        *b = b' ';
                    }
                    i += digits + 2;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    String::from_utf8(out).expect("only ASCII bytes were replaced by ASCII spaces")
}

/// True when a sentence piece ends in an abbreviation or an initial, so the period did not end
/// the sentence.
fn ends_with_abbreviation(piece: &str, abbreviations: &[String]) -> bool {
    let word = piece.trim_end().rsplit(char::is_whitespace).next().unwrap_or("");
    let word = word.trim_start_matches(['(', '"', '\u{201c}', '\'']);
    if !word.ends_with('.') {
        return false;
    }
    let lower = word.to_lowercase();
    if abbreviations.contains(&lower) {
        return true;
    }
    // A single capital initial ("F.") or dotted initials ("U.S.-led" is caught above).
    let letters: Vec<char> = word.trim_end_matches('.').chars().collect();
    letters.len() == 1 && letters[0].is_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(text: &str) -> Segments {
        segment(text, Lexicons::builtin())
    }

    fn sentence_texts(text: &str) -> Vec<&str> {
        seg(text).sentences.iter().map(|s| s.span.slice(text)).collect()
    }

    #[test]
    fn splits_on_full_stops_but_not_after_titles_and_initials() {
        let text = "Gen. Petrov said the unit withdrew. John F. Doe, a U.S. official, disagreed.";
        assert_eq!(
            sentence_texts(text),
            vec!["Gen. Petrov said the unit withdrew.", "John F. Doe, a U.S. official, disagreed."]
        );
    }

    #[test]
    fn endnote_markers_stay_with_their_sentence() {
        let text = "Troops crossed the river.[3] The staff denied it.[4]";
        assert_eq!(sentence_texts(text), vec!["Troops crossed the river.[3]", "The staff denied it.[4]"]);
    }

    #[test]
    fn quotes_end_with_their_sentence() {
        let text = "\u{201c}We are holding,\u{201d} the colonel said. \u{201c}Nothing has changed.\u{201d} Shelling went on.";
        assert_eq!(
            sentence_texts(text),
            vec!["\u{201c}We are holding,\u{201d} the colonel said.", "\u{201c}Nothing has changed.\u{201d}", "Shelling went on."]
        );
    }

    #[test]
    fn paragraphs_split_on_blank_lines_and_spans_slice_the_original() {
        let text = "First para here.\nStill first.\n\n  Second – with a dash.  \n";
        let seg = seg(text);
        assert_eq!(seg.paragraphs.len(), 2);
        assert_eq!(seg.paragraphs[1].slice(text), "Second – with a dash.");
        assert_eq!(seg.sentences.len(), 3);
        assert_eq!(seg.sentences[2].paragraph, 1);
    }

    #[test]
    fn without_blank_lines_each_line_is_a_paragraph() {
        let text = "Headline-like line\nA sentence. Another one.\nThird line.";
        let seg = seg(text);
        assert_eq!(seg.paragraphs.len(), 3);
        assert_eq!(seg.sentences.len(), 4);
    }

    #[test]
    fn a_donation_appeal_is_dropped_to_its_end() {
        let text = "The army said it held the bridge.\n\nA message from the editors:\n\nDear readers,\n\nWe need you. The authorities claim our reporting is \"false\".\n\nYour support keeps us going.\n\nRemind me later.";
        let seg = seg(text);
        let kept: Vec<&str> = seg.sentences.iter().map(|s| s.span.slice(text)).collect();
        assert_eq!(kept, vec!["The army said it held the bridge."]);
        assert_eq!(seg.dropped.len(), 5);
        assert!(seg.dropped.iter().all(|d| d.rule.starts_with("boilerplate:")));
    }

    #[test]
    fn an_appeal_block_ends_at_the_first_reporting_paragraph() {
        let text = "Support our journalism today.\n\nYou can help.\n\nThe governor said two villages were shelled.";
        let seg = seg(text);
        assert_eq!(seg.sentences.len(), 1);
        assert_eq!(seg.sentences[0].span.slice(text), "The governor said two villages were shelled.");
    }

    #[test]
    fn quoted_first_person_does_not_look_like_an_appeal() {
        let bp = &Lexicons::builtin().boilerplate;
        assert!(!speaks_to_reader("\"We will hold the town,\" the commander said.", bp));
        assert!(speaks_to_reader("We rely on readers like you.", bp));
    }

    #[test]
    fn empty_and_whitespace_text_yields_nothing() {
        assert_eq!(seg("").sentences.len(), 0);
        assert_eq!(seg(" \n\n \n").paragraphs.len(), 0);
    }
}
