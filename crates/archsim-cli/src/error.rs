//! Bad input: what the user asked for cannot be answered, and why.
//!
//! Every failure of a command becomes a [`CliError`] with a stable `kind`
//! (the JSON contract names them) and exits with [`EXIT_BAD_INPUT`]. Bad news
//! about the architecture (a flow going down) is never an error.

use archsim_core::{Diagnostic, QueryError};

/// The question was answered (bad news included).
pub const EXIT_OK: u8 = 0;
/// `check` found errors in the model, or `diff --deny` a forbidden change.
pub const EXIT_FINDINGS: u8 = 1;
/// Bad input: a host outside the zone, an unknown name, an unreadable or
/// invalid model, bad usage.
pub const EXIT_BAD_INPUT: u8 = 2;

/// Why a command could not answer.
#[derive(Clone, Debug)]
pub struct CliError {
    /// Stable, kebab-case: the core's query error kinds plus `unknown-flow`,
    /// `unreadable-model`, `invalid-model`, `usage` and `internal`.
    pub kind: &'static str,
    /// One sentence for a person.
    pub message: String,
    /// Near names that would work.
    pub suggestions: Vec<String>,
    /// For `invalid-model`: what the loader found.
    pub diagnostics: Vec<Diagnostic>,
    /// The text the diagnostics point into, when it is not the `--model`
    /// input (a side of `diff`).
    pub source: Option<String>,
}

impl CliError {
    /// An error of `kind` with a message.
    pub fn new(kind: &'static str, message: impl Into<String>) -> CliError {
        CliError {
            kind,
            message: message.into(),
            suggestions: Vec::new(),
            diagnostics: Vec::new(),
            source: None,
        }
    }

    /// The same error with near names.
    pub fn with_suggestions(mut self, suggestions: Vec<String>) -> CliError {
        self.suggestions = suggestions;
        self
    }

    /// Wrong use of the command line.
    pub fn usage(message: impl Into<String>) -> CliError {
        CliError::new("usage", message)
    }

    /// A model that loaded with errors.
    pub fn invalid_model(file: &str, diagnostics: Vec<Diagnostic>) -> CliError {
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        let s = if errors == 1 { "" } else { "s" };
        CliError {
            kind: "invalid-model",
            message: format!("cannot answer from `{file}`: the model has {errors} error{s}"),
            suggestions: Vec::new(),
            diagnostics,
            source: None,
        }
    }
}

impl From<QueryError> for CliError {
    fn from(error: QueryError) -> CliError {
        CliError {
            kind: error.kind.as_str(),
            message: error.message,
            suggestions: error.suggestions,
            diagnostics: Vec::new(),
            source: None,
        }
    }
}
