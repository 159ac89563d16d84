//! Nothing from a model or an argument acts on the terminal.
//!
//! Model strings, file names, selectors and source lines can carry `ESC`,
//! `BEL`, C1 controls or bidi controls (a hyperlink, a clear-line, a
//! clipboard write). Two layers keep them inert:
//!
//! - [`shown`] where such text enters the output: `Style` applies it to
//!   every text it paints, and the commands to what they print unpainted.
//!   This keeps a model from writing even a colour code.
//! - [`terminal`] on every byte written to stdout or stderr
//!   (`output::stdout`/`stderr` take nothing else): whatever a command,
//!   clap's messages or a future command forgot, only line breaks and, with
//!   colour on, archsim's own colour codes (`style::CODES`) get through.

use std::borrow::Cow;

use archsim_core::text::{is_hidden, push_visible};

use super::style::CODES;

/// Text from a model or the command line, with everything that acts
/// written as an escape (`\u{1b}`), tabs and line breaks included.
pub fn shown(text: &str) -> Cow<'_, str> {
    archsim_core::text::visible(text)
}

/// The output as it may reach a terminal: line breaks stay, and with
/// `colour` the colour codes `Style` writes (`ESC [ 1;31 m`, one of
/// `style::CODES`); every other hidden character is written as its escape.
///
/// Complexity: O(n).
pub fn terminal(text: &str, colour: bool) -> Cow<'_, str> {
    let acts = |c: char| c != '\n' && is_hidden(c);
    if !text.chars().any(acts) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let code = if colour && c == '\u{1b}' {
            colour_code(rest)
        } else {
            0
        };
        if code > 0 {
            out.push_str(&rest[..code]);
            rest = &rest[code..];
        } else {
            if c == '\n' {
                out.push(c);
            } else {
                push_visible(&mut out, c);
            }
            rest = &rest[c.len_utf8()..];
        }
    }
    Cow::Owned(out)
}

/// The length of the colour code of `Style`'s that `text` starts with
/// (`ESC [ 1;31 m`), or 0.
fn colour_code(text: &str) -> usize {
    let code = text
        .strip_prefix("\u{1b}[")
        .and_then(|body| body.split_once('m'))
        .map_or("", |(code, _)| code);
    if CODES.contains(&code) {
        code.len() + 3
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_line_breaks_and_colour_codes_reach_the_terminal() {
        // (text, with colour, without colour)
        let cases = [
            ("plain\n", "plain\n", "plain\n"),
            (
                "\u{1b}[1;31merror\u{1b}[0m",
                "\u{1b}[1;31merror\u{1b}[0m",
                "\\u{1b}[1;31merror\\u{1b}[0m",
            ),
            ("\u{1b}[2K", "\\u{1b}[2K", "\\u{1b}[2K"),
            (
                "\u{1b}]8;;http://x\u{7}",
                "\\u{1b}]8;;http://x\\u{7}",
                "\\u{1b}]8;;http://x\\u{7}",
            ),
            ("\u{1b}[m", "\\u{1b}[m", "\\u{1b}[m"),
            // Colour codes that hide text are not archsim's.
            ("\u{1b}[8mx", "\\u{1b}[8mx", "\\u{1b}[8mx"),
            ("\u{1b}[30;40mx", "\\u{1b}[30;40mx", "\\u{1b}[30;40mx"),
            ("\u{1b}[", "\\u{1b}[", "\\u{1b}["),
            ("\u{1b}", "\\u{1b}", "\\u{1b}"),
            ("a\tb\r\n", "a\\u{9}b\\u{d}\n", "a\\u{9}b\\u{d}\n"),
            (
                "\u{9b}2J \u{202e}",
                "\\u{9b}2J \\u{202e}",
                "\\u{9b}2J \\u{202e}",
            ),
        ];
        for (text, coloured, plain) in cases {
            assert_eq!(terminal(text, true), coloured, "{text:?}");
            assert_eq!(terminal(text, false), plain, "{text:?}");
        }
    }
}
