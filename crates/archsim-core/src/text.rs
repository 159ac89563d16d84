//! Text from a model, made safe to show where characters can act: a
//! terminal, a CI log, a diagram file read by another tool.
//!
//! A model string (or an argument, or a line of a model file) may carry
//! characters that do something instead of showing something: `ESC` starts
//! a terminal command (a hyperlink, clearing a line, setting the
//! clipboard), `BEL` ends one, the C1 controls `U+0080`–`U+009F` are
//! commands of their own (`U+009B` is CSI), and the bidirectional controls
//! reorder what a reader sees. [`visible`] writes each of them as its Rust
//! escape (`\u{1b}`), so a reader sees that it is there and nothing acts.

use std::borrow::Cow;

/// Whether `c` acts rather than shows, and is written as an escape by
/// [`visible`].
///
/// Returns: true for the C0 controls (tab, newline and carriage return
/// included: where a line break is wanted, the caller keeps it), `DEL`, the
/// C1 controls, the bidirectional marks, embeddings, overrides and isolates
/// (`U+061C`, `U+200E`, `U+200F`, `U+202A`–`U+202E`, `U+2066`–`U+2069`),
/// the line and paragraph separators (`U+2028`, `U+2029`), the byte-order
/// mark (`U+FEFF`) and the interlinear annotation marks (`U+FFF9`–`U+FFFB`).
/// Zero-width joiners stay: emoji and several scripts need them, and they
/// move nothing.
///
/// Complexity: O(1).
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{61c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{feff}'
                | '\u{fff9}'..='\u{fffb}'
        )
}

/// `text` with every character for which [`is_hidden`] holds written as
/// its escape, `\u{1b}`: plain ASCII that acts on nothing.
///
/// Returns: `text` itself (borrowed) when nothing needed escaping.
///
/// Complexity: O(n) in the length of `text`.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_visible(&mut out, c);
    }
    Cow::Owned(out)
}

/// Append `c` to `out`, as its escape when it is hidden.
pub fn push_visible(out: &mut String, c: char) {
    if is_hidden(c) {
        out.extend(c.escape_unicode());
    } else {
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_acts_is_written_as_an_escape() {
        let cases = [
            ("plain", "plain"),
            ("", ""),
            (
                "東京 é e\u{301} 👩\u{200d}💻",
                "東京 é e\u{301} 👩\u{200d}💻",
            ),
            (
                "\u{1b}]8;;http://x\u{7}link",
                "\\u{1b}]8;;http://x\\u{7}link",
            ),
            ("\u{1b}[2K", "\\u{1b}[2K"),
            ("a\u{9b}31m", "a\\u{9b}31m"),
            ("\u{80}\u{9f}\u{7f}\u{0}", "\\u{80}\\u{9f}\\u{7f}\\u{0}"),
            ("a\tb\nc\rd", "a\\u{9}b\\u{a}c\\u{d}d"),
            ("\u{202e}txt.exe", "\\u{202e}txt.exe"),
            (
                "\u{61c}\u{200e}\u{200f}\u{202a}\u{2066}\u{2069}",
                "\\u{61c}\\u{200e}\\u{200f}\\u{202a}\\u{2066}\\u{2069}",
            ),
            (
                "\u{2028}\u{2029}\u{feff}\u{fff9}\u{fffb}",
                "\\u{2028}\\u{2029}\\u{feff}\\u{fff9}\\u{fffb}",
            ),
            // An escape already written stays as it is: showing is idempotent.
            ("\\u{1b}", "\\u{1b}"),
        ];
        for (text, expected) in cases {
            assert_eq!(visible(text), expected, "{text:?}");
            assert!(!visible(text).chars().any(is_hidden), "{text:?}");
            assert_eq!(visible(&visible(text)), visible(text), "{text:?}");
        }
    }

    #[test]
    fn nothing_to_escape_borrows() {
        assert!(matches!(visible("api.tomoda.life"), Cow::Borrowed(_)));
        assert!(matches!(visible("a\u{1b}"), Cow::Owned(_)));
    }
}
