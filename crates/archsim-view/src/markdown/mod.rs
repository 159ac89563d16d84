//! Markdown for a pull-request comment or a CI log: model text written so
//! that GitHub shows it as it is, and the diff's comment ([`diff`]).
//!
//! Two ways to write a text from a model, a page or an argument, both
//! safe (no markup, no raw HTML, no link, no mention, no issue reference,
//! no line break that ends the item):
//!
//! - [`escape`]: as plain words, for a text that reads as part of a
//!   sentence or stands in a table cell (an id, a note, a reason). Each
//!   special character gets a backslash; an invisible break follows what
//!   GitHub would act on (`@`, `#`, `GH-`, `scheme:`, `www.`).
//! - [`code`]: as one code span, for a text quoted verbatim outside a
//!   table (a claim as its page writes it, a page and line, a file name,
//!   a message that quotes model text): inside a code span nothing is
//!   markup or a link, and it reads as written, with no escape to undo.
//!   Never in a table cell: there a `|` ends the cell, even in a span.
//!
//! Both show hidden characters (line breaks, terminal escapes, bidi
//! controls) as their escapes (`\u{a}`), as `archsim_core::text::visible`
//! does.

use archsim_core::text::visible;

pub mod diff;

/// The characters that could start Markdown or HTML inside a line of text
/// or break a table cell: code spans, emphasis, strikethrough, links and
/// images, raw HTML and entities, math, table pipes, and the backslash
/// itself.
pub const SPECIAL: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '(', ')', '<', '>', '|', '~', '&', '$', '!', '#',
];

/// An invisible break (a zero-width space, as an entity: the model's own
/// `&` is escaped, so only this module writes one): GitHub reads a
/// mention, an issue reference or a link only in unbroken text.
pub const BREAK: &str = "&#8203;";

/// `text` as plain words in Markdown and HTML: hidden characters (line
/// breaks, terminal escapes, bidi controls) written as their escape
/// (`\u{a}`), then each [`SPECIAL`] character after a backslash, which
/// CommonMark reads as that character, literally (in a table cell too).
/// The result starts no block and holds no markup, so it may stand in a
/// list item or a table cell.
///
/// And it pings no one and links nowhere, as a pull-request comment
/// could: a [`BREAK`] after each `@` (a mention, or an e-mail address),
/// after each `#` (an issue reference, `#12` or `owner/repo#12`), after
/// the word `GH` before `-` (`GH-12`), after a `:` followed by a visible
/// character (a URL's `scheme://`, an emoji's `:name:`) and after the word
/// `www` before `.` (GitHub's bare `www.` links). It reads the same; GitHub finds nothing
/// in it to act on.
///
/// Complexity: O(n).
pub fn escape(text: &str) -> String {
    let text = visible(text);
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if SPECIAL.contains(&c) {
            out.push('\\');
        }
        out.push(c);
        let next = chars.peek().map(|&(_, n)| n);
        // Whether the word `word` ends at `c` (ASCII, any case): no letter
        // or digit before it, as GitHub reads a reference or a link.
        let before = |word: &str| {
            let Some(from) = (at + 1).checked_sub(word.len()) else {
                return false;
            };
            let starts = !text.as_bytes()[..from]
                .last()
                .is_some_and(u8::is_ascii_alphanumeric);
            starts
                && text
                    .get(from..at + 1)
                    .is_some_and(|w| w.eq_ignore_ascii_case(word))
        };
        let breaks = match c {
            '@' | '#' => true,
            ':' => next.is_some_and(|n| !n.is_whitespace()),
            'h' | 'H' => next == Some('-') && before("gh"),
            'w' | 'W' => next == Some('.') && before("www"),
            _ => false,
        };
        if breaks {
            out.push_str(BREAK);
        }
    }
    out
}

/// `text` as one code span of Markdown: hidden characters (line breaks
/// among them) as their escapes, so it stays on its line, fenced by more
/// backticks than the longest run inside, padded when it starts or ends
/// with one (or is empty). In a code span nothing is markup: no link,
/// mention, emphasis or HTML. (Not for a table cell: there a `|` would
/// still end the cell; use [`escape`].)
///
/// Complexity: O(n).
pub fn code(text: &str) -> String {
    let shown = visible(text);
    let mut longest = 0;
    let mut run = 0;
    for c in shown.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if shown.starts_with('`') || shown.ends_with('`') || shown.is_empty() {
        " "
    } else {
        ""
    };
    [&fence, pad, &shown, pad, &fence].concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn model_strings_become_plain_words_in_markdown_and_html() {
        let cases = [
            ("search-index-prod", "search-index-prod"),
            ("a → b", "a → b"),
            ("", ""),
            // A table cell stays one cell.
            ("a|b", r"a\|b"),
            // No raw HTML, no entity.
            (
                "<script>alert(1)</script>",
                r"\<script\>alert\(1\)\</script\>",
            ),
            ("<details>", r"\<details\>"),
            ("&lt;b&gt;", r"\&lt;b\&gt;"),
            // No link, image or autolink in angle brackets.
            (
                "[ok](https://evil.example)",
                r"\[ok\]\(https:&#8203;//evil.example\)",
            ),
            ("![x](y)", r"\!\[x\]\(y\)"),
            ("<https://evil.example>", r"\<https:&#8203;//evil.example\>"),
            // No code span, emphasis, strikethrough or math.
            ("`code`", r"\`code\`"),
            ("*b* _i_ ~~s~~", r"\*b\* \_i\_ \~\~s\~\~"),
            ("$x$", r"\$x\$"),
            // A backslash stays itself and cannot undo an escape.
            (r"a\|b", r"a\\\|b"),
            // A line break cannot end the cell or start a block.
            // (The escape's backslash is escaped too: the reader sees `\u{a}`.)
            (
                "a\n# heading\n- item",
                r"a\\u{a}\#&#8203; heading\\u{a}- item",
            ),
            ("a\r\n|b", r"a\\u{d}\\u{a}\|b"),
            // Terminal escapes are shown, not sent.
            ("\u{1b}[31mRED", r"\\u{1b}\[31mRED"),
            // No one is pinged, no issue referenced, nothing linked.
            ("@octocat", "@&#8203;octocat"),
            ("ask @tomoda/sre", "ask @&#8203;tomoda/sre"),
            ("ops@tomoda.life", "ops@&#8203;tomoda.life"),
            ("#123", r"\#&#8203;123"),
            ("fixes owner/repo#7", r"fixes owner/repo\#&#8203;7"),
            ("GH-123 gh-4", "GH&#8203;-123 gh&#8203;-4"),
            ("https://evil.example/a", "https:&#8203;//evil.example/a"),
            ("HTTP://X.EXAMPLE", "HTTP:&#8203;//X.EXAMPLE"),
            ("ftp://x mailto:a", "ftp:&#8203;//x mailto:&#8203;a"),
            ("www.evil.example", "www&#8203;.evil.example"),
            ("WWW.Evil.example", "WWW&#8203;.Evil.example"),
            (":smile:", ":&#8203;smile:"),
            // In a code span's ticks, a mention is still broken and the
            // ticks are plain.
            ("`@x` ``", r"\`@&#8203;x\` \`\`"),
            // A string cannot write the break itself or undo it: its `&`
            // and `\` are plain.
            ("@&#8203;x", r"@&#8203;\&\#&#8203;8203;x"),
            (r"@\x", r"@&#8203;\\x"),
            // Ordinary words are untouched: a colon before a space, a
            // host without `www`, a word ending in `gh`.
            ("A proposal: kept", "A proposal: kept"),
            ("api.tomoda.life", "api.tomoda.life"),
            ("high-risk", "high-risk"),
            ("(gh-1)", r"\(gh&#8203;-1\)"),
            ("éwww.x", "éwww&#8203;.x"),
        ];
        for (input, want) in cases {
            assert_eq!(escape(input), want, "{input:?}");
            // Whatever the input, nothing GitHub acts on is left whole.
            let plain = want.replace(BREAK, "\u{200b}");
            for (at, c) in plain.match_indices(['@', '#']) {
                let after = plain[at + c.len()..].chars().next();
                assert_eq!(
                    after,
                    Some('\u{200b}'),
                    "{input:?}: {c} unbroken in {want:?}"
                );
            }
            assert!(!plain.contains("://"), "{input:?}: a URL in {want:?}");
            assert!(
                !plain.to_ascii_lowercase().contains("www."),
                "{input:?}: a bare link in {want:?}"
            );
        }
    }

    #[test]
    fn model_text_in_markdown_is_one_code_span_whatever_it_holds() {
        // (text, its code span)
        let cases = [
            ("cloudfront-prod", "`cloudfront-prod`"),
            ("@octocat", "`@octocat`"),
            ("https://evil.example", "`https://evil.example`"),
            ("a|b", "`a|b`"),
            ("a`b", "``a`b``"),
            ("`x``", "``` `x`` ```"),
            ("line\nbreak", "`line\\u{a}break`"),
            ("<img src=x>", "`<img src=x>`"),
            ("", "`  `"),
        ];
        for (text, expected) in cases {
            assert_eq!(code(text), expected, "{text:?}");
        }
    }

    #[test]
    fn a_long_hostile_string_costs_linear_time() {
        // Every `w` before a `.` looks back three bytes, never to the start.
        let text = "w.".repeat(200_000);
        let out = escape(&text);
        assert_eq!(out.len(), text.len(), "no `www.` in it: nothing added");
        let text = "www.".repeat(100_000);
        assert_eq!(escape(&text).matches(BREAK).count(), 100_000);
    }
    #[test]
    fn a_long_run_of_backticks_costs_linear_time() {
        let text = "`".repeat(200_000);
        let span = code(&text);
        assert_eq!(
            span.len(),
            200_000 + 2 * 200_001 + 2,
            "two fences of 200,001, two pads"
        );
    }
}
