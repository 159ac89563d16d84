//! What an answer rests on, said the same way by every command: whether
//! it is *checked* (every premise sourced by the document's facts) or
//! *assumed*, the facts it rests on, and each assumption with what it is
//! about and where it would be settled.
//!
//! The words are written here, once: the marks, the section headings, the
//! facts line. A command with one answer ends with [`section`]; a command
//! with a table of answers gives each row a [`Notes::mark`] and a
//! [`facts`] note, and lists the numbered assumptions once below
//! ([`Notes::render`]). The JSON shape is `json::BasisJson`.

use archsim_core::basis::label;
use archsim_core::{Basis, Model};

use crate::render::{Style, shown, wrap};

use archsim_core::basis::{ASSUMED, CHECKED};
/// The heading of an answer's basis line.
const BASIS: &str = "Basis";
/// The heading of the numbered assumptions.
const ASSUMPTIONS: &str = "Assumptions";
/// The heading of the facts' words (`--verbose`).
const FACTS: &str = "Facts";

/// What the numbered assumptions of one output say: each once, numbered
/// in the order the answers first lean on it.
#[derive(Debug, Default)]
pub struct Notes {
    list: Vec<Note>,
    facts: Vec<String>,
}

#[derive(Debug, PartialEq, Eq)]
struct Note {
    about: String,
    says: String,
    settle: Option<String>,
}

impl Notes {
    /// Number the assumptions of `basis` (one already numbered keeps its
    /// number) and remember its facts; return the mark of the answer:
    /// `✓ checked`, or `? assumed [1,3]`.
    pub fn mark(&mut self, style: Style, model: &Model, basis: &Basis) -> String {
        let refs = self.add(model, basis);
        mark(style, refs.is_empty(), &references(&refs))
    }

    /// Add a basis; return the numbers of its assumptions, sorted.
    fn add(&mut self, model: &Model, basis: &Basis) -> Vec<usize> {
        for fact in basis.facts(model) {
            if !self.facts.iter().any(|f| f == fact) {
                self.facts.push(fact.to_owned());
            }
        }
        let mut refs = Vec::new();
        for a in basis.assumptions(model) {
            let note = Note {
                about: label(model, a.premise),
                says: a.says.to_owned(),
                settle: a.settle.map(str::to_owned),
            };
            let n = match self.list.iter().position(|x| *x == note) {
                Some(i) => i + 1,
                None => {
                    self.list.push(note);
                    self.list.len()
                }
            };
            refs.push(n);
        }
        refs.sort_unstable();
        refs.dedup();
        refs
    }

    /// The numbered assumptions, each with where it would be settled, and
    /// with `verbose` the words of every fact the answers rest on; empty
    /// when there is nothing to list.
    pub fn render(&self, style: Style, width: usize, model: &Model, verbose: bool) -> String {
        let mut out = String::new();
        if !self.list.is_empty() {
            out.push_str(&format!("\n{}\n", style.bold(ASSUMPTIONS)));
            for (i, note) in self.list.iter().enumerate() {
                let number = format!("[{}]", i + 1);
                let indent = 3 + number.chars().count();
                let text = format!("{}: {}", shown(&note.about), shown(&note.says));
                out.push_str(&format!(
                    "  {} {}\n",
                    style.dim(&number),
                    wrap(&text, width, indent)
                ));
                if let Some(settle) = &note.settle {
                    let text = format!("settle: {}", shown(settle));
                    out.push_str(&format!(
                        "{}{}\n",
                        " ".repeat(indent),
                        style.dim_lines(&wrap(&text, width, indent))
                    ));
                }
            }
        }
        if verbose && !self.facts.is_empty() {
            out.push_str(&self.fact_words(style, width, model));
        }
        out
    }

    /// Every fact the answers rest on, with the model's words for it.
    fn fact_words(&self, style: Style, width: usize, model: &Model) -> String {
        let mut out = format!("\n{}\n", style.bold(FACTS));
        if model.facts.is_empty() {
            let text = "The model quotes no facts (it has no [[fact]] table), only their numbers.";
            out.push_str(&format!("  {}\n", style.dim_lines(&wrap(text, width, 2))));
            return out;
        }
        let mut facts: Vec<&str> = self.facts.iter().map(String::as_str).collect();
        facts.sort_unstable();
        let id_width = facts.iter().map(|f| shown(f).chars().count()).max();
        let id_width = id_width.unwrap_or(0);
        for id in facts {
            let says = model
                .facts
                .iter()
                .find(|f| f.id == id)
                .map_or("(not in the model's [[fact]] table)", |f| f.says.as_str());
            let id = shown(id);
            let pad = id_width - id.chars().count();
            out.push_str(&format!(
                "  {}{}  {}\n",
                style.id(&id),
                " ".repeat(pad),
                wrap(&shown(says), width, 4 + id_width)
            ));
        }
        out
    }
}

/// Numbers of assumptions as a reference: `[1,2]`, `[1–7]`, `[3,8–10]`
/// (a run of three or more as a range); empty for none.
fn references(sorted: &[usize]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < sorted.len() {
        let mut j = i;
        while j + 1 < sorted.len() && sorted[j + 1] == sorted[j] + 1 {
            j += 1;
        }
        if j >= i + 2 {
            parts.push(format!("{}–{}", sorted[i], sorted[j]));
        } else {
            parts.extend(sorted[i..=j].iter().map(usize::to_string));
        }
        i = j + 1;
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("[{}]", parts.join(","))
    }
}

/// The mark of an answer: `✓ checked`, or `? assumed` followed by `refs`.
pub fn mark(style: Style, checked: bool, refs: &str) -> String {
    if checked {
        style.good(&format!("✓ {CHECKED}"))
    } else if refs.is_empty() {
        style.notice(&format!("? {ASSUMED}"))
    } else {
        format!(
            "{} {}",
            style.notice(&format!("? {ASSUMED}")),
            style.dim(refs)
        )
    }
}

/// The facts an answer rests on, as a line: `facts F04, F19`, or
/// `no fact of the document`.
pub fn facts(style: Style, model: &Model, basis: &Basis) -> String {
    let facts = basis.facts(model);
    if facts.is_empty() {
        style.dim("no fact of the document")
    } else {
        style.dim(&format!("facts {}", facts.join(", ")))
    }
}

/// An answer's mark and its facts on one line: `✓ checked · facts F04`.
pub fn line(mark: String, facts: String) -> String {
    format!("{mark} · {facts}")
}

/// The basis of a command's one answer: its mark and facts on one line,
/// then the assumptions (and with `verbose` the facts' words).
pub fn section(style: Style, width: usize, model: &Model, basis: &Basis, verbose: bool) -> String {
    let mut notes = Notes::default();
    notes.add(model, basis);
    let line = line(
        mark(style, basis.is_checked(model), ""),
        facts(style, model, basis),
    );
    let indent = BASIS.len() + 2;
    let mut out = format!("\n{}  {}\n", style.bold(BASIS), wrap(&line, width, indent));
    out.push_str(&notes.render(style, width, model, verbose));
    out
}

/// The heading of a table's basis column.
pub const COLUMN: &str = "BASIS";

/// `; N checked, M assumed`: how many of a table's answers are which, to
/// follow its other counts (nothing for no answers).
pub fn counts(checked: usize, total: usize) -> String {
    let mut parts = Vec::new();
    if checked > 0 {
        parts.push(format!("{checked} {CHECKED}"));
    }
    if total > checked {
        parts.push(format!("{} {ASSUMED}", total - checked));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("; {}", parts.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_name_runs_as_ranges() {
        let cases: [(&[usize], &str); 6] = [
            (&[], ""),
            (&[3], "[3]"),
            (&[1, 2], "[1,2]"),
            (&[1, 2, 3, 4, 5, 6, 7], "[1–7]"),
            (&[1, 2, 8, 9], "[1,2,8,9]"),
            (&[3, 8, 9, 10, 12], "[3,8–10,12]"),
        ];
        for (numbers, expected) in cases {
            assert_eq!(references(numbers), expected, "{numbers:?}");
        }
    }

    #[test]
    fn table_counts_say_how_many_are_which() {
        assert_eq!(counts(2, 2), "; 2 checked");
        assert_eq!(counts(0, 3), "; 3 assumed");
        assert_eq!(counts(1, 4), "; 1 checked, 3 assumed");
        assert_eq!(counts(0, 0), "");
    }
}
