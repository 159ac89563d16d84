//! The inline mark of a claim that holds, and what it rests on.

use archsim_core::basis::label;
use archsim_core::{Basis, Model};
use archsim_view::escape;

/// What a claim that holds checked, and the premises its answer rests on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked {
    /// What was checked, in words (`api.tomoda.life is down`).
    pub says: String,
    /// What the answer rests on.
    pub basis: Basis,
}

/// The inline mark of a claim that holds: "checked" when everything the
/// answer rests on is sourced by the document's facts, "assumed" when
/// something is an assumption of the model. Its note says what was
/// checked, the facts it rests on, and each assumption with where it would
/// be settled, so the reader can judge how much it matters. The mark takes
/// the focus, so the note shows for the keyboard as for the mouse
/// (`archsim.css`); `anchor` is its id, which the Assumptions and Sources
/// pages link to.
pub fn mark(model: &Model, c: &Checked, anchor: &str) -> String {
    let mut note = format!("Checked against the model: {}.", c.says);
    let facts = c.basis.facts(model);
    if !facts.is_empty() {
        note.push_str(" Rests on facts ");
        note.push_str(&facts.join(", "));
        note.push('.');
    }
    let assumed = c.basis.assumptions(model);
    let (class, sign, word) = if assumed.is_empty() {
        ("archsim-claim", "✓", "checked")
    } else {
        note.push_str(" Assumes, beyond the source document:");
        for (i, a) in assumed.iter().enumerate() {
            note.push_str(if i == 0 { " " } else { "; " });
            note.push_str(&label(model, a.premise));
            note.push_str(": ");
            note.push_str(a.says);
            if let Some(settle) = a.settle {
                note.push_str(" (settled by ");
                note.push_str(settle);
                note.push(')');
            }
        }
        ("archsim-claim is-assumed", "?", "assumed")
    };
    format!(
        "<span class=\"{class}\" id=\"{}\" tabindex=\"0\" role=\"note\" aria-label=\"{}\"><span aria-hidden=\"true\">{sign}</span> {word}</span>",
        escape::html(anchor),
        escape::html(&note)
    )
}
