//! The inline mark of a claim that holds, and which assumptions it rests on.

use archsim_view::escape;

/// What a claim that holds checked, and the model's assumptions its answer
/// rests on (subject, assumption).
pub(super) struct Checked {
    pub(super) says: String,
    pub(super) assumes: Vec<(String, String)>,
}

impl Checked {
    /// A claim whose answer rests on the source document alone.
    pub(super) fn fact(says: String) -> Self {
        Checked {
            says,
            assumes: Vec::new(),
        }
    }
}

/// The inline mark of a claim that holds: "checked", or "assumed" when the
/// answer rests on something the model assumes (its note lists what, so
/// the reader can judge how much it matters). The mark takes the
/// focus, so its note (what was checked, and the assumptions) shows for
/// the keyboard as for the mouse (`archsim.css`).
pub(super) fn mark(c: &Checked) -> String {
    let mut note = format!("Checked against the model: {}.", c.says);
    let (class, sign, word) = if c.assumes.is_empty() {
        ("archsim-claim", "✓", "checked")
    } else {
        note.push_str(" The answer rests on what the model assumes beyond the source document: ");
        let assumes: Vec<String> = c
            .assumes
            .iter()
            .map(|(subject, text)| format!("{subject}: {text}"))
            .collect();
        note.push_str(&assumes.join(" "));
        ("archsim-claim is-assumed", "?", "assumed")
    };
    format!(
        "<span class=\"{class}\" tabindex=\"0\" role=\"note\" aria-label=\"{}\"><span aria-hidden=\"true\">{sign}</span> {word}</span>",
        escape::html(&note)
    )
}
