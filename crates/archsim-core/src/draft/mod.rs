//! A proposed change, drafted without touching a file: the propose
//! widget's state.
//!
//! A [`Draft`] is a list of [`Edit`]s, a plain value (undo and redo keep
//! copies). [`Draft::apply`] makes the edited model; the diff
//! ([`crate::diff`]) compares it with the original. [`Draft::to_fragment`]
//! and [`Draft::from_fragment`] are its link form, [`Draft::to_toml`] the
//! snippet a reviewer commits.
//!
//! What a draft adds is a proposal, not a fact of the source document:
//! every entry it adds carries an assumption (the reviewer's note, or
//! [`PROPOSED`]), so every answer resting on it reads *assumed*.
//!
//! What [`Draft::apply`] refuses, edit by edit, is what would keep the
//! model file from loading: an unknown id (with near names), an id that is
//! not an id or that a selector already resolves, a kind, environment,
//! region or record type the model does not have, placement answers that
//! conflict or decide nothing, a region of another provider, a second edge
//! between two components, a removal that something still names, a host
//! outside the zone or already served, a cycle, a size past the limits
//! (the last two by [`crate::codec::check`], the checks a decoded model
//! gets). It does not refuse a change that breaks one of the model's own
//! invariants (a bucket reached from outside its CDN, a component away
//! from its provider's home region): that is what a review wants to see,
//! so it is left to the diff, as a finding of the change.

mod apply;
mod compact;
mod link;
mod toml;

use std::fmt;

pub use crate::limits::{MAX_DRAFT_BYTES, MAX_DRAFT_EDITS, MAX_DRAFT_TEXT};
use crate::model::{EdgeKind, Model};

/// The assumption an added entry carries when the reviewer wrote no note.
pub const PROPOSED: &str = "proposed in a draft; not in the source document";

/// A component to add. Its provider is what the placement rule answers
/// for `answers`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewComponent {
    /// Its id.
    pub id: String,
    /// Its name; empty for its id.
    pub name: String,
    /// Its kind: one the model's components already have.
    pub kind: String,
    /// Its environment: one the model's components already have.
    pub env: String,
    /// Its region's id, if it has one.
    pub region: Option<String>,
    /// The placement questions answered yes (question ids).
    pub answers: Vec<String>,
    /// Why, in the reviewer's words: the entry's assumption; empty for
    /// [`PROPOSED`].
    pub note: String,
}

/// A dependency to add: `from` needs `to`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewEdge {
    /// The dependent's id.
    pub from: String,
    /// The dependency's id.
    pub to: String,
    /// When the dependency matters.
    pub kind: EdgeKind,
    /// Why, in the reviewer's words: the edge's `why` and its assumption;
    /// empty for [`PROPOSED`].
    pub note: String,
}

/// A DNS record to add: a host that serves users.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewRecord {
    /// The host, in the model's zone.
    pub host: String,
    /// The id of the component it points at.
    pub target: String,
    /// The id of the writer that writes it.
    pub writer: String,
    /// Its type: one the model's records already have (`CNAME`).
    pub rtype: String,
    /// Its environment: one the model's components already have.
    pub env: String,
    /// Why, in the reviewer's words: its assumption; empty for [`PROPOSED`].
    pub note: String,
}

/// One change a draft makes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    /// Add a component.
    AddComponent(NewComponent),
    /// Add a dependency.
    Connect(NewEdge),
    /// Remove a component, every edge from or to it and every internal
    /// flow whose path passes it.
    RemoveComponent(String),
    /// Remove the declared edges `from → to`.
    RemoveEdge {
        /// The dependent's id.
        from: String,
        /// The dependency's id.
        to: String,
    },
    /// Add a DNS record (and with it the host's flow).
    AddRecord(NewRecord),
}

/// A proposed change: edits applied in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    /// The edits, in order.
    pub edits: Vec<Edit>,
}

/// Why a draft cannot be applied, or its link not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftError {
    /// The edit it is about, from 1; `None` for the draft as a whole.
    pub edit: Option<usize>,
    /// One sentence for a person.
    pub message: String,
    /// Near names that would work.
    pub suggestions: Vec<String>,
}

impl DraftError {
    fn new(message: String) -> DraftError {
        DraftError {
            edit: None,
            message,
            suggestions: Vec::new(),
        }
    }
}

impl fmt::Display for DraftError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(edit) = self.edit {
            f.write_str("edit ")?;
            fmt::Display::fmt(&edit, f)?;
            f.write_str(": ")?;
        }
        f.write_str(&self.message)?;
        let hint = crate::suggest::did_you_mean(&self.suggestions);
        if !hint.is_empty() {
            f.write_str("; ")?;
            f.write_str(&hint)?;
        }
        Ok(())
    }
}

impl std::error::Error for DraftError {}

/// Words joined, for a message (no `format!`: this ships in the bundle).
fn words(parts: &[&str]) -> String {
    parts.concat()
}

/// The values one field of the model's components (or records) takes, in
/// first-seen order: what a draft may choose from.
fn values<'m>(texts: impl Iterator<Item = &'m str>) -> Vec<&'m str> {
    let mut out: Vec<&str> = Vec::new();
    for text in texts {
        if !out.contains(&text) {
            out.push(text);
        }
    }
    out
}

/// The component kinds a draft may choose: those the model's components
/// have, in first-seen order.
pub fn kinds(model: &Model) -> Vec<&str> {
    values(model.components.iter().map(|c| c.kind.as_str()))
}

/// The environments a draft may choose: those the model's components have.
pub fn envs(model: &Model) -> Vec<&str> {
    values(model.components.iter().map(|c| c.env.as_str()))
}

/// The record types a draft may choose: those the model's records have.
pub fn record_types(model: &Model) -> Vec<&str> {
    values(model.records.iter().map(|r| r.rtype.as_str()))
}
