//! Build errors: what went wrong, on which page and line, and what to do.
//!
//! Every problem the preprocessor finds in a page (a malformed directive, an
//! unknown option, a host the model does not know, a claim the model
//! contradicts) becomes one [`PageError`]. The book build collects all of
//! them before failing, so one run shows every mistake.

use std::fmt;

use archsim_core::QueryError;
use archsim_core::suggest::did_you_mean;

/// A problem with one directive, before it is tied to a page and line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// What is wrong, in one sentence.
    pub message: String,
    /// What to do about it, if there is something to say.
    pub hint: Option<String>,
}

impl Problem {
    /// A problem without a hint.
    pub fn new(message: impl Into<String>) -> Problem {
        Problem {
            message: message.into(),
            hint: None,
        }
    }

    /// The same problem with a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Problem {
        let hint = hint.into();
        self.hint = (!hint.is_empty()).then_some(hint);
        self
    }

    /// The problem tied to a place in the book.
    pub fn at(self, page: &str, line: usize) -> PageError {
        PageError {
            page: page.to_owned(),
            line,
            message: self.message,
            hint: self.hint,
        }
    }
}

impl From<QueryError> for Problem {
    /// The engine's answer to bad input, with its "did you mean" as the hint.
    fn from(error: QueryError) -> Problem {
        Problem::new(error.message).with_hint(did_you_mean(&error.suggestions))
    }
}

/// A problem at a place in the book: `page.md:LINE: message (hint: ...)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageError {
    /// The page, as a path the author can open (e.g. `src/failures.md`).
    pub page: String,
    /// 1-based line of the directive (or of the offending token in it).
    pub line: usize,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
}

impl fmt::Display for PageError {
    /// One line for mdBook's error output (a terminal, a CI log): the
    /// message quotes model strings and page text, so control characters
    /// show as escapes (`\u{1b}`) and a long quote is cut.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        visible(f, &self.page)?;
        write!(f, ":{}: ", self.line)?;
        visible(f, &self.message)?;
        if let Some(hint) = &self.hint {
            f.write_str(" (hint: ")?;
            visible(f, hint)?;
            f.write_str(")")?;
        }
        Ok(())
    }
}

/// The most characters of a message, a hint or a page name an error line
/// shows; a longer one ends in `…`.
pub const MAX_SHOWN_CHARS: usize = 1_000;

/// Text from a model or a page, for mdBook's error output: shown with
/// control characters as escapes and cut at [`MAX_SHOWN_CHARS`].
pub struct Shown<'a>(pub &'a str);

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        visible(f, self.0)
    }
}

/// `text` as `archsim_core::text` shows it (controls, C1 and bidi
/// controls written as escapes), so that nothing a model or a page says can
/// move the cursor, colour, retitle or write the clipboard of the terminal
/// that shows it; cut at [`MAX_SHOWN_CHARS`].
fn visible(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    let mut shown = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == MAX_SHOWN_CHARS {
            shown.push('…');
            break;
        }
        archsim_core::text::push_visible(&mut shown, c);
    }
    f.write_str(&shown)
}

impl std::error::Error for PageError {}

/// Every problem of a build, one per line, in page order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BuildErrors(pub Vec<PageError>);

/// The most errors a build shows; past them, how many more there are.
pub const MAX_SHOWN_ERRORS: usize = 100;

impl fmt::Display for BuildErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().take(MAX_SHOWN_ERRORS).enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{error}")?;
        }
        if let Some(more) = self
            .0
            .len()
            .checked_sub(MAX_SHOWN_ERRORS)
            .filter(|&n| n > 0)
        {
            write!(f, "\nand {more} more")?;
        }
        Ok(())
    }
}

impl std::error::Error for BuildErrors {}
