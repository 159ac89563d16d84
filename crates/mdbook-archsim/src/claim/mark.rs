//! The inline mark of a claim that holds, and what it rests on.

use archsim_core::basis::{ASSUMED, CHECKED, named};
use archsim_core::{Basis, Model};
use archsim_view::escape;

/// What a claim that holds checked, and the premises its answer rests on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked {
    /// What was checked, in words (`api.tomoda.life is down`).
    pub says: String,
    /// What the answer rests on, in the model it was checked against.
    pub basis: Basis,
    /// For a claim about a draft: the model with the draft applied, which
    /// `basis` refers to, and what the answer before the change rests on.
    /// Its premises are not all the page model's, so the Sources and
    /// Assumptions pages, which list what the book's model rests on, leave
    /// it out.
    pub proposed: Option<Box<Proposal>>,
}

/// What a claim about a draft rests on beyond [`Checked::basis`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposal {
    /// The page's model with the draft applied: what `basis` refers to.
    pub model: Model,
    /// What the answer before the change rests on, in the page's model.
    pub before: Basis,
}

/// The most characters of assumptions a note spells out (each one's words
/// and what would settle it). An answer that a flow is ok rests on every
/// dependency list it relies on, which can be a dozen assumptions and
/// thousands of characters: past this, the note names what the first
/// [`MAX_NAMED`] are about, and the Assumptions page holds the words.
pub const MAX_SPELLED_OUT: usize = 600;

/// The most entries a note names when it does not spell its assumptions
/// out: the note shows beside its mark and must fit a window (an answer
/// that a flow is ok can rest on twenty), so it names the first and
/// counts the rest.
pub const MAX_NAMED: usize = 5;

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
    // A claim about a draft rests on the model after the change (its
    // `basis`) and on the page's model before it.
    let (after, before, against) = match &c.proposed {
        Some(p) => (
            &p.model,
            Some(&p.before),
            "the model with the draft applied",
        ),
        None => (model, None, "the model"),
    };
    let mut note = format!("Checked against {against}: {}.", c.says);
    let mut facts = c.basis.facts(after);
    let mut assumed: Vec<(String, &str, Option<&str>)> = Vec::new();
    add_assumed(&mut assumed, after, &c.basis);
    if let Some(before) = before {
        add_assumed(&mut assumed, model, before);
        for fact in before.facts(model) {
            if !facts.contains(&fact) {
                facts.push(fact);
            }
        }
        facts.sort_unstable();
    }
    if !facts.is_empty() {
        note.push_str(" Rests on the document's facts ");
        note.push_str(&facts.join(", "));
        note.push('.');
    }
    let (class, sign, word) = if assumed.is_empty() {
        ("archsim-claim", "✓", CHECKED)
    } else {
        let mut spelled = String::new();
        for (i, (label, says, settle)) in assumed.iter().enumerate() {
            spelled.push_str(if i == 0 { " " } else { "; " });
            spelled.push_str(label);
            spelled.push_str(": ");
            spelled.push_str(says);
            if let Some(settle) = settle {
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
            let labels: Vec<&str> = assumed
                .iter()
                .take(MAX_NAMED)
                .map(|(l, _, _)| l.as_str())
                .collect();
            note.push_str(&labels.join(", "));
            if assumed.len() > MAX_NAMED {
                note.push_str(&format!(" and {} more", assumed.len() - MAX_NAMED));
            }
            note.push_str(if assumptions_page {
                ". What each assumes, and what would settle it, is on the Assumptions page."
            } else {
                ". What each assumes, and what would settle it, is in the model."
            });
        }
        ("archsim-claim is-assumed", "?", ASSUMED)
    };
    // The note is an element of its own beside the mark, shown while the
    // mark has the pointer or the focus (`archsim.css` places it under the
    // mark, or above it near the window's bottom edge), and the mark's
    // description for screen readers.
    let anchor = escape::html(anchor);
    format!(
        "<span class=\"archsim-claimed\"><span class=\"{class}\" id=\"{anchor}\" tabindex=\"0\" aria-describedby=\"{anchor}-note\"><span aria-hidden=\"true\">{sign}</span> {word}</span><span class=\"archsim-claim-note\" id=\"{anchor}-note\" role=\"tooltip\">{}</span></span>",
        escape::inline(&note)
    )
}

/// Add what `basis` assumes in `model`, as (label, words, what would settle
/// it), each once.
fn add_assumed<'m>(
    out: &mut Vec<(String, &'m str, Option<&'m str>)>,
    model: &'m Model,
    basis: &Basis,
) {
    for a in basis.assumptions(model) {
        let label = named(model, a.premise);
        if !out
            .iter()
            .any(|(l, says, _)| *l == label && *says == a.says)
        {
            out.push((label, a.says, a.settle));
        }
    }
}
