//! A proposal written on a page: a draft in its link form
//! (`archsim_core::draft`), applied to the page's model. The propose
//! directive shows its impact, a draft claim states a consequence of it;
//! both read it here, so both refuse a draft for the same reasons, in the
//! same words.

use archsim_core::Engine;
use archsim_core::diff::{self, Assumptions, Changes, Impact};
use archsim_core::draft::Draft;
use archsim_core::suggest::did_you_mean;

use crate::error::Problem;

/// A draft applied to a page's model: the draft, the engine of the model
/// it makes, and the diff of the two.
pub struct Proposed {
    /// The draft as read.
    pub draft: Draft,
    /// The engine of the page's model with the draft applied.
    pub engine: Engine,
}

impl Proposed {
    /// Read `text` (a draft's link form) and apply it to `engine`'s model.
    ///
    /// Returns: the draft and the new model's engine; or why not, naming
    /// the edit (from 1) and the `draft` option, with near names as the
    /// hint.
    /// Complexity: the draft's size, then a model load.
    pub fn read(engine: &Engine, text: &str) -> Result<Proposed, Problem> {
        let draft = Draft::from_fragment(text.trim())
            .and_then(|draft| draft.apply(engine.model()).map(|model| (draft, model)));
        match draft {
            Ok((draft, model)) => Ok(Proposed {
                draft,
                engine: Engine::new(model, Vec::new()),
            }),
            Err(e) => {
                let mut message = String::from("the `draft` cannot be applied to the model: ");
                if let Some(edit) = e.edit {
                    message.push_str(&format!("edit {edit}: "));
                }
                message.push_str(&e.message);
                let hint = if e.suggestions.is_empty() {
                    "a draft is written as the propose widget's link writes it, e.g. \
                     draft=\"1,x:COMPONENT\"; the directives reference gives its form"
                        .to_owned()
                } else {
                    did_you_mean(&e.suggestions)
                };
                Err(Problem::new(message).with_hint(hint))
            }
        }
    }

    /// What the draft changes and does, as `archsim diff` answers for the
    /// two models.
    pub fn diff(&self, old: &Engine) -> (Changes, Impact, Assumptions) {
        let (a, b) = (old.model(), self.engine.model());
        (
            diff::changes(a, b),
            diff::impact(old, &self.engine),
            diff::assumptions(a, b),
        )
    }
}
