//! What an answer rests on, ready to show: the document's facts and the
//! model's assumptions behind it.
//!
//! Every answer's view carries one [`BasisView`], and the widgets and their
//! fallbacks show it with the same words ([`CHECKED`], [`ASSUMED`]), the
//! words of the book's claim marks.

use archsim_core::basis::label;
use archsim_core::{Basis, Model};

pub use archsim_core::basis::{ASSUMED, CHECKED};

/// A fact of the document an answer rests on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactLine {
    /// Its number (`F05`).
    pub id: String,
    /// The fact in the model's words, when the model declares it.
    pub says: Option<String>,
}

/// An assumption an answer rests on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssumedLine {
    /// What it is about ([`archsim_core::basis::label`]:
    /// `tomoda-api-prod (region)`, `record api.tomoda.life`, `a → b`).
    pub about: String,
    /// The assumption, as the model states it.
    pub says: String,
    /// Where in the described platform's repository it would be settled.
    pub settle: Option<String>,
}

/// What one answer rests on.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BasisView {
    /// The document's facts, in order, each once.
    pub facts: Vec<FactLine>,
    /// The model's assumptions, each once.
    pub assumed: Vec<AssumedLine>,
}

impl BasisView {
    /// Whether every premise is sourced by facts alone.
    pub fn is_checked(&self) -> bool {
        self.assumed.is_empty()
    }

    /// [`CHECKED`] or [`ASSUMED`].
    pub fn word(&self) -> &'static str {
        if self.is_checked() { CHECKED } else { ASSUMED }
    }
}

/// The view of a basis the engine gave.
///
/// Complexity: O(premises · facts declared).
pub fn basis_view(model: &Model, basis: &Basis) -> BasisView {
    BasisView {
        facts: basis
            .facts(model)
            .into_iter()
            .map(|id| FactLine {
                id: id.to_owned(),
                says: model
                    .facts
                    .iter()
                    .find(|f| f.id == id)
                    .map(|f| f.says.clone()),
            })
            .collect(),
        assumed: basis
            .assumptions(model)
            .into_iter()
            .map(|a| AssumedLine {
                about: label(model, a.premise),
                says: a.says.to_owned(),
                settle: a.settle.map(str::to_owned),
            })
            .collect(),
    }
}
