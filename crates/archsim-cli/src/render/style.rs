//! Colour and state markers, in plain ANSI.
//!
//! Colour is a second channel, never the only one: every state is written
//! as a symbol *and* a word (`✖ down`), so output piped to a file, read by a
//! screen reader or printed in black and white says the same thing.

use archsim_core::{RouteVerdict, State};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::shown::shown;

/// When to colour a stream, as asked with `--color`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorChoice {
    /// Colour when the stream is a terminal and `NO_COLOR` is unset or empty.
    Auto,
    /// Always colour, even into a pipe or with `NO_COLOR` set: an explicit
    /// flag wins over the environment.
    Always,
    /// Never colour.
    Never,
}

impl ColorChoice {
    /// Parse `auto`, `always` or `never` (clap has checked the value).
    pub fn parse(value: &str) -> ColorChoice {
        match value {
            "always" => ColorChoice::Always,
            "never" => ColorChoice::Never,
            _ => ColorChoice::Auto,
        }
    }
}

/// The SGR codes `Style` writes, the reset (`0`) included: the only escapes
/// `shown::terminal` lets through. None hides text (no `8`, no black).
pub const CODES: [&str; 9] = ["0", "1", "2", "36", "1;31", "1;33", "32", "33", "35"];

/// How to paint text for one output stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    /// Whether ANSI colour codes are written.
    pub color: bool,
}

impl Style {
    /// The style for a stream, given the choice and whether it is a terminal.
    pub fn new(choice: ColorChoice, is_terminal: bool) -> Style {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => is_terminal && !no_color,
        };
        Style { color }
    }

    /// A style that never colours.
    pub const fn plain() -> Style {
        Style { color: false }
    }

    /// `text` shown (see `shown`: nothing in it acts on the terminal),
    /// in colour when the stream has colour.
    fn paint(self, code: &str, text: &str) -> String {
        let text = shown(text);
        if self.color && !text.is_empty() {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.into_owned()
        }
    }

    /// Headings and the subject of a line.
    pub fn bold(self, text: &str) -> String {
        self.paint("1", text)
    }

    /// Secondary text: explanations, sources.
    pub fn dim(self, text: &str) -> String {
        self.paint("2", text)
    }

    /// Secondary text already wrapped into lines: each line painted alone,
    /// since painting shows a newline inside its text as `\u{a}`.
    pub fn dim_lines(self, text: &str) -> String {
        text.split('\n')
            .map(|line| self.dim(line))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Component and flow ids.
    pub fn id(self, text: &str) -> String {
        self.paint("36", text)
    }

    /// Errors.
    pub fn error(self, text: &str) -> String {
        self.paint("1;31", text)
    }

    /// Warnings.
    pub fn warning(self, text: &str) -> String {
        self.paint("1;33", text)
    }

    /// Hints and good news.
    pub fn good(self, text: &str) -> String {
        self.paint("32", text)
    }

    /// Something to look at, neither good nor bad.
    pub fn notice(self, text: &str) -> String {
        self.paint("33", text)
    }

    /// `✔ ok`, `▲ at risk`, `◐ degraded` or `✖ down`, coloured: the
    /// core's icon and word ([`State::word`]), as the book says them.
    pub fn state(self, state: State) -> String {
        self.verdict(RouteVerdict::Resolves(state))
    }

    /// A route verdict: a state, or `∅ no record`.
    pub fn verdict(self, verdict: RouteVerdict) -> String {
        let code = match verdict {
            RouteVerdict::Resolves(State::Ok) => "32",
            RouteVerdict::Resolves(State::AtRisk) => "36",
            RouteVerdict::Resolves(State::Degraded) => "33",
            RouteVerdict::Resolves(State::Down) => "1;31",
            RouteVerdict::NoRecord => "35",
        };
        self.paint(code, &format!("{} {}", verdict.icon(), verdict.word()))
    }
}

/// The number of columns a terminal gives `text`, ANSI codes excluded:
/// Unicode's East Asian Width (wide CJK, emoji, zero-width marks) as the
/// `unicode-width` crate measures it, run by run between escape codes.
pub fn visible_width(text: &str) -> usize {
    let mut width = 0;
    let mut rest = text;
    while let Some(at) = rest.find('\x1b') {
        width += rest[..at].width();
        let code = &rest[at + 1..];
        // An escape code ends at its first letter (`\x1b[1;31m`).
        let end = code
            .find(|c: char| c.is_ascii_alphabetic())
            .map_or(code.len(), |e| e + 1);
        rest = &code[end..];
    }
    width + rest.width()
}

/// Columns a terminal gives one character (0 for combining marks, 2 for
/// wide ones); a control character, which the CLI never shows raw, counts 0.
pub fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_carry_a_symbol_and_a_word_with_or_without_colour() {
        let cases = [
            (State::Ok, "✔ ok"),
            (State::AtRisk, "▲ at risk"),
            (State::Degraded, "◐ degraded"),
            (State::Down, "✖ down"),
        ];
        for (state, expected) in cases {
            assert_eq!(Style::plain().state(state), expected);
            let painted = Style { color: true }.state(state);
            assert!(painted.contains(expected), "{painted:?}");
            assert_eq!(visible_width(&painted), expected.chars().count());
        }
    }

    #[test]
    fn widths_count_terminal_columns() {
        let cases = [
            ("abc", 3),
            ("é", 1),
            ("e\u{301}", 1),
            ("東京", 4),
            ("한", 2),
            ("\u{1b}[1;31mx\u{1b}[0m", 1),
            // Emoji the old hand-made table missed (it knew 1F300–1F64F
            // and 1F900–1F9FF only), and a CJK service name.
            ("🚀", 2),
            ("db-🛢\u{fe0f}", 5),
            ("⌚", 2),
            ("请求服务", 8),
            ("\u{1b}[36m🚀東\u{1b}[0m", 4),
        ];
        for (text, width) in cases {
            assert_eq!(visible_width(text), width, "{text:?}");
        }
    }

    #[test]
    fn every_code_written_is_listed() {
        let s = Style { color: true };
        let mut painted = vec![
            s.bold("x"),
            s.dim("x"),
            s.id("x"),
            s.error("x"),
            s.warning("x"),
            s.good("x"),
            s.notice("x"),
            s.verdict(RouteVerdict::NoRecord),
        ];
        painted.extend(State::ALL.iter().map(|&state| s.state(state)));
        for text in painted {
            for code in text.split('\u{1b}').skip(1) {
                let code = code.strip_prefix('[').and_then(|c| c.split_once('m'));
                let code = code.map(|(code, _)| code).unwrap_or("?");
                assert!(CODES.contains(&code), "{text:?} writes {code:?}");
            }
        }
    }

    #[test]
    fn painted_text_is_shown_and_measured_as_shown() {
        let text = "a\u{1b}]8;;http://x\u{7}\u{9b}2J\u{202e}b";
        let expected = "a\\u{1b}]8;;http://x\\u{7}\\u{9b}2J\\u{202e}b";
        assert_eq!(Style::plain().bold(text), expected);
        let painted = Style { color: true }.id(text);
        assert_eq!(painted, format!("\u{1b}[36m{expected}\u{1b}[0m"));
        assert_eq!(visible_width(&painted), expected.chars().count());
    }

    #[test]
    fn wrapped_lines_are_painted_one_by_one() {
        // A wrapped line break stays a line break; `dim` alone would show it.
        assert_eq!(Style::plain().dim("x\ny"), "x\\u{a}y");
        let painted = Style { color: true }.dim_lines("a b\nc");
        assert_eq!(painted, "\u{1b}[2ma b\u{1b}[0m\n\u{1b}[2mc\u{1b}[0m");
        assert_eq!(Style::plain().dim_lines("x\ny"), "x\ny");
    }

    #[test]
    fn explicit_choices_ignore_the_terminal() {
        assert!(Style::new(ColorChoice::Always, false).color);
        assert!(!Style::new(ColorChoice::Never, true).color);
        assert!(!Style::new(ColorChoice::Auto, false).color);
    }
}
