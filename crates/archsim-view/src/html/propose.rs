//! The propose widget's impact area before a change is drafted: one
//! writer for the widget and its fallback. The impact of a draft is
//! `archsim_core::diff`'s, written by the propose widget's own view code.

use super::Markup;

/// The words of an empty impact area.
pub const NO_DRAFT: &str = "No change drafted yet.";

/// The impact area with no draft: `<div class="archsim-impact">` holding
/// [`NO_DRAFT`] (class `archsim-propose-empty`).
pub fn propose_empty(m: &mut Markup) {
    m.raw("<div class=\"archsim-impact\"><p class=\"archsim-propose-empty\">")
        .text(NO_DRAFT)
        .raw("</p></div>");
}
