//! Errors for questions that cannot be answered: bad input, not bad news.

use std::fmt;

/// What kind of input was wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum QueryErrorKind {
    /// Not a host name or URL.
    InvalidHost,
    /// A host outside the model's zone.
    OutsideZone,
    /// A failure selector that selects nothing known.
    UnknownSelector,
    /// A placement question the model does not ask.
    UnknownQuestion,
}

impl QueryErrorKind {
    /// Kebab-case name, stable for JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            QueryErrorKind::InvalidHost => "invalid-host",
            QueryErrorKind::OutsideZone => "outside-zone",
            QueryErrorKind::UnknownSelector => "unknown-selector",
            QueryErrorKind::UnknownQuestion => "unknown-question",
        }
    }
}

/// A question the engine cannot answer, with what it would accept instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryError {
    /// What went wrong.
    pub kind: QueryErrorKind,
    /// One sentence for a person.
    pub message: String,
    /// Near names that would work.
    pub suggestions: Vec<String>,
}

impl QueryError {
    pub(crate) fn new(
        kind: QueryErrorKind,
        message: impl Into<String>,
        suggestions: Vec<String>,
    ) -> QueryError {
        QueryError {
            kind,
            message: message.into(),
            suggestions,
        }
    }
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        let hint = crate::suggest::did_you_mean(&self.suggestions);
        if !hint.is_empty() {
            write!(f, "; {hint}")?;
        }
        Ok(())
    }
}

impl std::error::Error for QueryError {}
