//! Diagnostics: what the loader and the checks say about a model file.
//!
//! A diagnostic points into the source text by byte span; [`Diagnostic::line`]
//! and [`Diagnostic::column`] are filled in from that span when the diagnostic
//! is created, so every consumer (the CLI's rustc-style renderer, the book's
//! preprocessor, the browser) can show "file:line:column" without the source.

use std::fmt;

/// How bad a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Worth a look; the model still loads and every answer is valid.
    Warning,
    /// The model is wrong; nothing should be answered from it.
    Error,
}

impl Severity {
    /// `"error"` or `"warning"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A byte range into the model source.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from a byte range.
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(range: std::ops::Range<usize>) -> Span {
        Span::new(range.start, range.end)
    }
}

/// One finding about a model file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A stable, kebab-case name of the check, e.g. `unknown-reference`.
    pub code: &'static str,
    /// What is wrong, in one sentence.
    pub message: String,
    /// What to do about it, if there is something to say.
    pub hint: Option<String>,
    /// The model file's name, as given to the loader.
    pub file: String,
    /// Where in the source; `None` for findings about the file as a whole.
    pub span: Option<Span>,
    /// 1-based line of `span.start` (1 when there is no span).
    pub line: usize,
    /// 1-based column, in characters, of `span.start` (1 when there is no span).
    pub column: usize,
}

impl Diagnostic {
    /// A diagnostic located at `span` in `source`.
    pub fn at(
        severity: Severity,
        code: &'static str,
        file: &str,
        source: &str,
        span: Option<Span>,
        message: impl Into<String>,
    ) -> Diagnostic {
        let (line, column) = match span {
            Some(span) => line_column(source, span.start),
            None => (1, 1),
        };
        Diagnostic {
            severity,
            code,
            message: message.into(),
            hint: None,
            file: file.to_owned(),
            span,
            line,
            column,
        }
    }

    /// The same diagnostic with a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    /// `file:line:column: error[code]: message (hint: ...)`, the one-line form.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}[{}]: {}",
            self.file,
            self.line,
            self.column,
            self.severity.as_str(),
            self.code,
            self.message
        )?;
        if let Some(hint) = &self.hint {
            write!(f, " (hint: {hint})")?;
        }
        Ok(())
    }
}

/// One way a model breaks one of its own invariants
/// ([`crate::invariants::broken`]), as data: what a design review shows as
/// "this change breaks invariant `dns-only` (F04, F21)". The loader turns
/// each into an `invariant` error, or keeps it in `load::Loaded::broken`
/// when asked to keep such a model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BrokenInvariant {
    /// The invariant's id.
    pub invariant: String,
    /// The facts the invariant rests on.
    pub facts: Vec<String>,
    /// What breaks it, in words ("record `www.example.com` is proxied").
    pub message: String,
    /// The entry that breaks it.
    pub about: About,
    /// Where in the model's source, as the model says (a model made in
    /// memory has empty spans).
    pub span: Span,
    /// 1-based line in the model file of what breaks it; 0 when not
    /// located (a model has no lines: a loader, or a shell that has the
    /// source, fills it with [`LineIndex::line`] of `span.start`).
    pub line: usize,
}

/// The entry of a model a finding is about (what breaks an invariant,
/// a name that hides another), by its position in the model's lists: a
/// view names it from there, a loader locates it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum About {
    /// A component.
    Component(crate::model::CompId),
    /// An edge, by index into `Model::edges`.
    Edge(usize),
    /// A DNS record, by index into `Model::records`.
    Record(usize),
    /// A DNS writer, by index into `Model::writers`.
    Writer(usize),
    /// A scenario, by index into `Model::scenarios`.
    Scenario(usize),
    /// A provider, by index into `Model::providers`.
    Provider(usize),
}

/// The most diagnostics a load keeps: the first ones found, in source
/// order, then one more that says how many were left out.
pub const MAX_DIAGNOSTICS: usize = 100;

/// The code of the diagnostic that stands for the ones left out past
/// [`MAX_DIAGNOSTICS`] (its message says how many).
pub const TOO_MANY_DIAGNOSTICS: &str = "too-many-diagnostics";

/// Where each line of a source starts, so that many diagnostics are located
/// without counting lines from the start of the file for each.
#[derive(Clone, Debug, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Index the lines of `source`.
    ///
    /// Complexity: one pass over the bytes.
    pub fn new(source: &str) -> LineIndex {
        let mut starts = vec![0];
        for (i, b) in source.bytes().enumerate() {
            if b == b'\n' {
                starts.push(i + 1);
            }
        }
        LineIndex { starts }
    }

    /// 1-based line of byte `offset`.
    ///
    /// Complexity: O(log lines).
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset).max(1)
    }

    /// 1-based line and character column of byte `offset` in `source`, the
    /// text this index was built from; see [`line_column`].
    ///
    /// Complexity: O(log lines + the column).
    pub fn line_column(&self, source: &str, offset: usize) -> (usize, usize) {
        let offset = boundary(source, offset);
        let line = self.line(offset);
        let start = self.starts[line - 1].min(offset);
        let column = source.get(start..offset).map_or(0, |s| s.chars().count()) + 1;
        (line, column)
    }
}

/// `offset` clamped to the source and moved back to a character boundary.
fn boundary(source: &str, offset: usize) -> usize {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// 1-based line and character column of byte `offset` in `source`.
///
/// Offsets past the end, or inside a multi-byte character, are clamped to the
/// nearest character boundary before them.
pub fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let offset = boundary(source, offset);
    let before = &source[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// True when any diagnostic is an error.
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(Diagnostic::is_error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_column_counts_characters_not_bytes() {
        let source = "a\nbé c\n";
        let cases = [
            (0, (1, 1)),
            (2, (2, 1)),
            (5, (2, 3)),
            (4, (2, 2)),
            (99, (3, 1)),
        ];
        let index = LineIndex::new(source);
        for (offset, expected) in cases {
            assert_eq!(line_column(source, offset), expected, "offset {offset}");
            assert_eq!(
                index.line_column(source, offset),
                expected,
                "indexed, offset {offset}"
            );
        }
    }
}
