//! The inline mark of a claim that holds, and what it rests on.

use archsim_core::basis::{ASSUMED, CHECKED, label};
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

/// The most characters of assumptions a note spells out (each one's words
/// and what would settle it). An answer that a flow is ok rests on every
/// dependency list it relies on, which can be a dozen assumptions and
/// thousands of characters: past this, the note names what each is about,
/// and the Assumptions page holds the words.
pub const MAX_SPELLED_OUT: usize = 600;

/// The inline mark of a claim that holds: "checked" when everything the
/// answer rests on is sourced by the document's facts, "assumed" when
/// something is an assumption of the model. Its note says what was
/// checked, the facts it rests on, and each assumption with where it would
/// be settled (or, past [`MAX_SPELLED_OUT`], what each is about), so the
/// reader can judge how much it matters. The mark takes the focus, so the
/// note shows for the keyboard as for the mouse (`archsim.css`); `anchor`
/// is its id, which the Assumptions and Sources pages link to;
/// `assumptions_page` says whether the book has an Assumptions page.
pub fn mark(model: &Model, c: &Checked, anchor: &str, assumptions_page: bool) -> String {
    let mut note = format!("Checked against the model: {}.", c.says);
    let facts = c.basis.facts(model);
    if !facts.is_empty() {
        note.push_str(" Rests on facts ");
        note.push_str(&facts.join(", "));
        note.push('.');
    }
    let assumed = c.basis.assumptions(model);
    let (class, sign, word) = if assumed.is_empty() {
        ("archsim-claim", "✓", CHECKED)
    } else {
        let mut spelled = String::new();
        for (i, a) in assumed.iter().enumerate() {
            spelled.push_str(if i == 0 { " " } else { "; " });
            spelled.push_str(&label(model, a.premise));
            spelled.push_str(": ");
            spelled.push_str(a.says);
            if let Some(settle) = a.settle {
                spelled.push_str(" (settled by ");
                spelled.push_str(settle);
                spelled.push(')');
            }
        }
        if spelled.chars().count() <= MAX_SPELLED_OUT {
            note.push_str(" Assumes, beyond the source document:");
            note.push_str(&spelled);
        } else {
            note.push_str(" Assumes, beyond the source document, what the model says of ");
            let labels: Vec<String> = assumed.iter().map(|a| label(model, a.premise)).collect();
            note.push_str(&labels.join(", "));
            note.push_str(if assumptions_page {
                ". What each assumes, and what would settle it, is on the Assumptions page."
            } else {
                ". What each assumes, and what would settle it, is in the model."
            });
        }
        ("archsim-claim is-assumed", "?", ASSUMED)
    };
    format!(
        "<span class=\"{class}\" id=\"{}\" tabindex=\"0\" role=\"note\" aria-label=\"{}\"><span aria-hidden=\"true\">{sign}</span> {word}</span>",
        escape::html(anchor),
        escape::html(&note)
    )
}
