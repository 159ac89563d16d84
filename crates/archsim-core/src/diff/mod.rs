//! What a proposed change does: two checked models compared.
//!
//! [`changes::changes`] lists the entries added, removed and changed,
//! matched by id (never by index: the two models number things
//! differently); [`impact::impact`] asks both models' engines the same
//! questions and keeps the answers that differ (a single failure only of
//! the flows whose reads the change touches, `scope`; [`impact::reference`]
//! asks every one and gives the same answer); [`assumptions::assumptions`]
//! lists what the change assumes beyond the document that the model did
//! not, and what it no longer assumes; [`spof::spof`] the single points of
//! failure each flow gains and loses; [`placement::placement`] the
//! components whose standing against the placement rule changes;
//! [`dns::dns`] the hosts whose writer changes, that writers now claim
//! together, or whose record loses its target;
//! [`Finding`] what a review may forbid a change to introduce. The CLI's `archsim diff` and the
//! browser's propose widget are to be shells over these.

pub mod assumptions;
mod before;
pub mod changes;
pub mod dns;
pub mod finding;
pub mod impact;
pub mod placement;
mod scope;
pub mod spof;

pub use crate::diag::BrokenInvariant;
pub use assumptions::{Assumption, Assumptions, assumptions};
pub use before::Before;
pub use changes::{Change, Changed, Changes, Table, changes};
pub use dns::{DnsChange, DnsChangeKind, dns};
pub use finding::Finding;
pub use impact::{FlowChange, Impact, impact, impact_from, reference};
pub use placement::{PlacementChange, placement};
pub use spof::{SpofChange, spof};

use std::collections::HashMap;

use crate::model::{CompId, Model};

/// A component's id.
fn id(model: &Model, c: CompId) -> String {
    model.component(c).id.clone()
}

/// Each entry's position, by its id (the first, for a repeated id).
fn positions<'a, T>(list: &'a [T], id: impl Fn(&'a T) -> &'a String) -> HashMap<&'a str, usize> {
    let mut out = HashMap::with_capacity(list.len());
    for (i, entry) in list.iter().enumerate() {
        out.entry(id(entry).as_str()).or_insert(i);
    }
    out
}
