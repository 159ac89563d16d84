//! Finding and parsing `{{#archsim KIND word key="value" ...}}` in a page.
//!
//! The syntax follows mdBook's own `{{#include}}`: a directive opens with
//! `{{#archsim`, names its kind, then takes bare words (`table providers`)
//! and `key="value"` options, and closes with `}}`. It may span lines but
//! not a blank line, so a forgotten `}}` is reported where it happened
//! rather than swallowing the rest of the page. `\{{#archsim ...}}` is the
//! escape: it is written out literally, without the backslash.
//!
//! This module only reads text; what a directive means is `expand`'s job.

use crate::error::Problem;

/// What opens a directive.
pub const OPEN: &str = "{{#archsim";

/// The most words and options one directive holds (a claim, the longest,
/// needs a handful): past it, the directive is an error, which keeps the
/// checks over its options (twice given? known?) small.
pub const MAX_PARTS: usize = 64;

/// One `key="value"` option.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Opt {
    /// The key, as written.
    pub key: String,
    /// The value, unquoted (`\"` and `\\` resolved).
    pub value: String,
    /// 1-based line of the key.
    pub line: usize,
}

/// A parsed directive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directive {
    /// The kind: `map`, `route`, `table`, `claim`, …
    pub kind: String,
    /// Bare words after the kind (`providers` in `table providers`), with their lines.
    pub words: Vec<(String, usize)>,
    /// Options, in the order written.
    pub options: Vec<Opt>,
    /// 1-based line of the opening `{{`.
    pub line: usize,
}

impl Directive {
    /// The value of option `key`, if given.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.options
            .iter()
            .find(|o| o.key == key)
            .map(|o| o.value.as_str())
    }

    /// The line of option `key`, or the directive's own line.
    pub fn line_of(&self, key: &str) -> usize {
        self.options
            .iter()
            .find(|o| o.key == key)
            .map_or(self.line, |o| o.line)
    }
}

/// A piece of a page: text to keep, an escaped directive, or a directive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text outside directives, unchanged.
    Text(&'a str),
    /// An escaped directive, to be written as is (the backslash already dropped).
    Literal(&'a str),
    /// A well-formed directive.
    Directive(Directive),
    /// Something that opens like a directive but does not parse.
    Malformed {
        /// 1-based line of the problem.
        line: usize,
        /// What is wrong.
        problem: Problem,
    },
}

/// Split a page into pieces.
///
/// Complexity: O(n) in the page's length.
pub fn scan(text: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut seen = Seen {
        lines: LineCounter::new(text),
        close: Next::new(text, "}}"),
        blank: Next::new(text, "\n\n"),
    };
    let mut kept = 0; // start of the text not yet emitted
    let mut search = 0;
    while let Some(found) = text[search..].find(OPEN) {
        let start = search + found;
        let after = start + OPEN.len();
        // `{{#archsimfoo}}` belongs to someone else.
        if !text[after..]
            .chars()
            .next()
            .is_some_and(|c| c.is_whitespace() || c == '}')
        {
            search = after;
            continue;
        }
        let escaped = start > 0 && text.as_bytes()[start - 1] == b'\\';
        let open_at = if escaped { start - 1 } else { start };
        if open_at > kept {
            pieces.push(Piece::Text(&text[kept..open_at]));
        }
        let mut parser = Parser {
            text,
            pos: after,
            seen: &mut seen,
        };
        let parsed = parser.body(start);
        let end = parser.pos;
        if escaped {
            // Written out as is, whether or not it would parse.
            let end = if parsed.is_ok() { end } else { after };
            pieces.push(Piece::Literal(&text[start..end]));
            kept = end;
        } else {
            match parsed {
                Ok(directive) => pieces.push(Piece::Directive(directive)),
                Err((line, problem)) => pieces.push(Piece::Malformed { line, problem }),
            }
            kept = end;
        }
        search = kept.max(after);
    }
    if kept < text.len() {
        pieces.push(Piece::Text(&text[kept..]));
    }
    pieces
}

/// 1-based line numbers of byte offsets, computed incrementally.
struct LineCounter<'a> {
    text: &'a str,
    at: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        LineCounter {
            text,
            at: 0,
            line: 1,
        }
    }

    /// The line of `offset`. Offsets may go back (after an escaped
    /// directive that does not parse, the scanner reads on from its
    /// opening); going back counts the newlines on the way back, never from
    /// the page's start, so the cost is the distance moved.
    fn line(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        let newlines = |from: usize, to: usize| {
            self.text.as_bytes()[from..to]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
        };
        if offset < self.at {
            self.line -= newlines(offset, self.at);
        } else {
            self.line += newlines(self.at, offset);
        }
        self.at = offset;
        self.line
    }
}

/// The first occurrence of a needle at or after a position, remembering
/// what it found: a page of many broken directives asks for the next `}}`
/// again and again, and each byte is searched a bounded number of times
/// instead of once per question.
struct Next<'a> {
    text: &'a [u8],
    needle: &'static [u8],
    /// The first occurrence at or after `from` is `at` (`None`: none).
    from: usize,
    at: Option<usize>,
}

impl<'a> Next<'a> {
    fn new(text: &'a str, needle: &'static str) -> Self {
        Next {
            text: text.as_bytes(),
            needle: needle.as_bytes(),
            from: text.len(),
            at: None,
        }
    }

    /// The first occurrence starting at or after `pos`.
    ///
    /// Complexity: the bytes between `pos` and what was known before.
    fn find(&mut self, pos: usize) -> Option<usize> {
        let pos = pos.min(self.text.len());
        if pos < self.from {
            // Only what starts in [pos, from) is new.
            let end = (self.from + self.needle.len() - 1).min(self.text.len());
            self.at = self.search(pos, end).or(self.at);
            self.from = pos;
        } else if self.at.is_some_and(|at| pos > at) {
            self.at = self.search(pos, self.text.len());
            self.from = pos;
        }
        self.at
    }

    fn search(&self, from: usize, to: usize) -> Option<usize> {
        self.text[from..to]
            .windows(self.needle.len())
            .position(|w| w == self.needle)
            .map(|i| from + i)
    }
}

/// What the scanner has learnt about the page so far.
struct Seen<'a> {
    lines: LineCounter<'a>,
    /// The next `}}`.
    close: Next<'a>,
    /// The next blank line (`\n\n`), where a paragraph ends.
    blank: Next<'a>,
}

type Failure = (usize, Problem);

struct Parser<'t, 'l> {
    text: &'t str,
    pos: usize,
    seen: &'l mut Seen<'t>,
}

impl Parser<'_, '_> {
    fn rest(&self) -> &str {
        &self.text[self.pos..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    /// Parse from after `{{#archsim` to after `}}`. On failure, `pos` is
    /// moved past the broken directive so scanning can go on.
    fn body(&mut self, start: usize) -> Result<Directive, Failure> {
        let line = self.seen.lines.line(start);
        let mut kind: Option<String> = None;
        let mut words = Vec::new();
        let mut options: Vec<Opt> = Vec::new();
        loop {
            self.skip_space(line)?;
            let Some(c) = self.peek() else {
                return Err(self.unclosed(line));
            };
            if self.rest().starts_with("}}") {
                self.pos += 2;
                break;
            }
            if is_word_char(c) {
                let at = self.pos;
                let word = self.word();
                let word_line = self.seen.lines.line(at);
                if kind.is_some() && words.len() + options.len() >= MAX_PARTS {
                    return Err(self.fail(
                        word_line,
                        Problem::new(format!(
                            "the directive has more than {MAX_PARTS} words and options"
                        ))
                        .with_hint("is a `}}` missing before this?"),
                    ));
                }
                if self.peek() == Some('=') {
                    self.pos += 1;
                    let value = self.value(&word, word_line)?;
                    if kind.is_none() {
                        return Err(self.fail(
                            word_line,
                            Problem::new(format!("the directive has no kind before `{word}=`"))
                                .with_hint(
                                    "write the kind first, e.g. {{#archsim route host=\"HOST\"}}",
                                ),
                        ));
                    }
                    if options.iter().any(|o| o.key == word) {
                        return Err(self.fail(
                            word_line,
                            Problem::new(format!("option `{word}` is given twice"))
                                .with_hint("give each option once; lists are comma-separated"),
                        ));
                    }
                    options.push(Opt {
                        key: word,
                        value,
                        line: word_line,
                    });
                } else if kind.is_none() {
                    kind = Some(word);
                } else {
                    words.push((word, word_line));
                }
                continue;
            }
            let at_line = self.seen.lines.line(self.pos);
            let problem = match c {
                '"' | '\'' => Problem::new("a quoted value must follow an option name and `=`")
                    .with_hint("write options as key=\"value\""),
                '}' => Problem::new("the directive ends with a single `}`")
                    .with_hint("close it with `}}`"),
                other => Problem::new(format!("unexpected `{other}` in the directive"))
                    .with_hint("a directive holds its kind, bare words and key=\"value\" options"),
            };
            return Err(self.fail(at_line, problem));
        }
        match kind {
            Some(kind) => Ok(Directive {
                kind,
                words,
                options,
                line,
            }),
            None => Err((
                line,
                Problem::new("the directive has no kind")
                    .with_hint("e.g. {{#archsim map}} or {{#archsim table providers}}"),
            )),
        }
    }

    /// Skip whitespace, failing at a blank line (the directive never closed).
    fn skip_space(&mut self, line: usize) -> Result<(), Failure> {
        let mut first_newline = None;
        while let Some(c) = self.peek() {
            if c == '\n' {
                if let Some(at) = first_newline {
                    // Leave the blank line to the text after the directive.
                    self.pos = at;
                    return Err(self.unclosed(line));
                }
                first_newline = Some(self.pos);
            } else if !c.is_whitespace() {
                break;
            }
            self.pos += c.len_utf8();
        }
        Ok(())
    }

    fn unclosed(&self, line: usize) -> Failure {
        let problem = Problem::new("the directive is not closed")
            .with_hint("end it with `}}` before the end of the paragraph");
        (line, problem)
    }

    /// Fail at `line`, skipping to the directive's `}}` when it is near.
    fn fail(&mut self, line: usize, problem: Problem) -> Failure {
        let paragraph_end = self.seen.blank.find(self.pos).unwrap_or(self.text.len());
        if let Some(close) = self.seen.close.find(self.pos)
            && close < paragraph_end
        {
            self.pos = close + 2;
        }
        (line, problem)
    }

    fn word(&mut self) -> String {
        let len = self
            .rest()
            .find(|c: char| !is_word_char(c))
            .unwrap_or(self.rest().len());
        let word = self.rest()[..len].to_owned();
        self.pos += len;
        word
    }

    fn value(&mut self, key: &str, line: usize) -> Result<String, Failure> {
        if self.peek() != Some('"') {
            return Err(self.fail(
                line,
                Problem::new(format!("the value of `{key}` is not in double quotes"))
                    .with_hint(format!("write {key}=\"...\"")),
            ));
        }
        self.pos += 1;
        let mut value = String::new();
        let mut chars = self.rest().char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => {
                    self.pos += i + 1;
                    return Ok(value);
                }
                '\\' => match chars.next() {
                    Some((_, e @ ('"' | '\\'))) => value.push(e),
                    _ => {
                        let problem = Problem::new(format!(
                            "the value of `{key}` has a backslash that escapes nothing"
                        ))
                        .with_hint(
                            "inside quotes, write \\\" for a quote and \\\\ for a backslash",
                        );
                        return Err(self.fail(line, problem));
                    }
                },
                '\n' => break,
                other => value.push(other),
            }
        }
        // No closing quote on this line: resume after the line.
        let line_end = self.rest().find('\n').unwrap_or(self.rest().len());
        self.pos += line_end;
        Err((
            line,
            Problem::new(format!("the value of `{key}` has no closing quote"))
                .with_hint("close the value with `\"` on the same line"),
        ))
    }
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':' | ',' | '/' | '*' | '@')
}

/// Of a table of kinds (claims, questions), the one a directive names by
/// its subject option (`subject` of a kind; `None` for the kind that
/// names none, which must come first and is the default).
///
/// Returns: the kind; or, when the directive names several subjects, the
/// error "a WHAT states one thing; this one names `a=` and `b=`".
pub fn one_kind<'k, K>(
    kinds: &'k [K],
    subject: impl Fn(&K) -> Option<&'static str>,
    d: &Directive,
    what: &str,
    hint: &str,
) -> Result<&'k K, Problem> {
    let given: Vec<&K> = kinds
        .iter()
        .filter(|k| subject(k).is_some_and(|s| d.get(s).is_some()))
        .collect();
    match given.as_slice() {
        [] => Ok(&kinds[0]),
        [one] => Ok(*one),
        many => Err(Problem::new(format!(
            "{what} states one thing; this one names {}",
            many.iter()
                .filter_map(|k| subject(k))
                .map(|s| format!("`{s}=`"))
                .collect::<Vec<_>>()
                .join(" and ")
        ))
        .with_hint(hint)),
    }
}

/// The comma-separated items of an option value, trimmed, empty ones dropped.
pub fn list(value: &str) -> Vec<&str> {
    value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<String> {
        scan(text)
            .into_iter()
            .map(|p| match p {
                Piece::Text(t) => format!("text:{t}"),
                Piece::Literal(t) => format!("literal:{t}"),
                Piece::Directive(d) => {
                    let words: Vec<&str> = d.words.iter().map(|(w, _)| w.as_str()).collect();
                    let opts: Vec<String> = d
                        .options
                        .iter()
                        .map(|o| format!("{}={}@{}", o.key, o.value, o.line))
                        .collect();
                    format!(
                        "dir:{}@{}[{}]({})",
                        d.kind,
                        d.line,
                        words.join(" "),
                        opts.join(" ")
                    )
                }
                Piece::Malformed { line, problem } => format!("bad@{line}:{}", problem.message),
            })
            .collect()
    }

    #[test]
    fn scanning_cases() {
        let cases: &[(&str, &[&str])] = &[
            ("plain text", &["text:plain text"]),
            ("{{#archsim map}}", &["dir:map@1[]()"]),
            (
                "a\n{{#archsim table components provider=\"gcp\"}} b",
                &[
                    "text:a\n",
                    "dir:table@2[components](provider=gcp@2)",
                    "text: b",
                ],
            ),
            (
                "{{#archsim claim\n  fail=\"cloudfront\"\n  down=\"assets.tomoda.life\"}}",
                &["dir:claim@1[](fail=cloudfront@2 down=assets.tomoda.life@3)"],
            ),
            (
                "x \\{{#archsim map}} y",
                &["text:x ", "literal:{{#archsim map}}", "text: y"],
            ),
            ("{{#archsimfoo}}", &["text:{{#archsimfoo}}"]),
            (
                "{{#archsim route host=\"a \\\"b\\\\\"}}",
                &["dir:route@1[](host=a \"b\\@1)"],
            ),
            (
                "{{#archsim route host=app}} after",
                &[
                    "bad@1:the value of `host` is not in double quotes",
                    "text: after",
                ],
            ),
            (
                "{{#archsim route host=\"app}}\nnext",
                &[
                    "bad@1:the value of `host` has no closing quote",
                    "text:\nnext",
                ],
            ),
            (
                "{{#archsim map\n\nmore",
                &["bad@1:the directive is not closed", "text:\n\nmore"],
            ),
            ("{{#archsim }}", &["bad@1:the directive has no kind"]),
            (
                "{{#archsim route host=\"a\" host=\"b\"}}",
                &["bad@1:option `host` is given twice"],
            ),
            (
                "{{#archsim map <b>}}",
                &["bad@1:unexpected `<` in the directive"],
            ),
            (
                "{{#archsim map}",
                &["bad@1:the directive ends with a single `}`", "text:}"],
            ),
            ("é {{#archsim map}}", &["text:é ", "dir:map@1[]()"]),
        ];
        for (input, expected) in cases {
            assert_eq!(kinds(input), *expected, "input: {input:?}");
        }
    }

    #[test]
    fn remembered_searches_answer_as_a_fresh_search_in_any_order() {
        let text = "a}}b}}}\n\nc}}é\n\n\n}";
        let len = text.len();
        let forward: Vec<usize> = (0..=len).collect();
        let backward: Vec<usize> = (0..=len).rev().collect();
        let zigzag: Vec<usize> = (0..=len).flat_map(|i| [i, len - i, i / 2]).collect();
        for order in [&forward, &backward, &zigzag] {
            for needle in ["}}", "\n\n"] {
                let mut next = Next::new(text, needle);
                for &pos in order {
                    let fresh = text.as_bytes()[pos..]
                        .windows(2)
                        .position(|w| w == needle.as_bytes())
                        .map(|i| pos + i);
                    assert_eq!(next.find(pos), fresh, "{needle:?} from {pos}");
                }
            }
            let mut lines = LineCounter::new(text);
            for &pos in order {
                let fresh = 1 + text.as_bytes()[..pos]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count();
                assert_eq!(lines.line(pos), fresh, "line of {pos}");
            }
        }
    }

    #[test]
    fn lists_trim_and_drop_empties() {
        assert_eq!(list(" a, b ,,c "), ["a", "b", "c"]);
        assert!(list("").is_empty());
    }
}
