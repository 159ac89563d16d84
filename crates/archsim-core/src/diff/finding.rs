//! What a change can introduce that a review may forbid: the kinds a CI
//! gate (`archsim diff --deny`) and the propose widget name alike.

use crate::engine::State;
use crate::place::AuditStatus;

use super::{Assumptions, FlowChange, Impact, PlacementChange};

/// Something a change introduces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Finding {
    /// A flow gains a single point of failure.
    NewSpof,
    /// A flow is down after the change, under a failure where it was not.
    FlowDown,
    /// The change adds an assumption: NEW rests on something the source
    /// document does not say, and OLD did not.
    Unsourced,
    /// A component stands against the placement rule where it did not: its
    /// audit status after the change is an exception, a resolved conflict or
    /// a violation, and was not that before (or it is new).
    PlacementConflict,
    /// NEW breaks one of the model's invariants ([`Impact::invariants`]).
    BrokenInvariant,
}

impl Finding {
    /// Every kind, in the order answers list them.
    pub const ALL: [Finding; 5] = [
        Finding::NewSpof,
        Finding::FlowDown,
        Finding::Unsourced,
        Finding::PlacementConflict,
        Finding::BrokenInvariant,
    ];

    /// The kind's name (the CLI's `--deny` value and JSON).
    pub fn as_str(self) -> &'static str {
        match self {
            Finding::NewSpof => "new-spof",
            Finding::FlowDown => "flow-down",
            Finding::Unsourced => "unsourced",
            Finding::PlacementConflict => "placement-conflict",
            Finding::BrokenInvariant => "broken-invariant",
        }
    }

    /// Parse the kind's name.
    pub fn parse(name: &str) -> Option<Finding> {
        Finding::ALL.into_iter().find(|f| f.as_str() == name)
    }

    /// Whether the change introduces it.
    pub fn occurs(self, impact: &Impact, assumptions: &Assumptions) -> bool {
        match self {
            Finding::NewSpof => impact.spof.iter().any(|s| !s.added.is_empty()),
            Finding::FlowDown => impact.flows.iter().any(goes_down),
            Finding::Unsourced => !assumptions.added.is_empty(),
            Finding::PlacementConflict => impact.placement.iter().any(stands_against),
            Finding::BrokenInvariant => !impact.invariants.is_empty(),
        }
    }
}

/// A component that stands against the rule after the change, where it
/// did not stand so before ([`super::placement()`] lists only changes of
/// kind).
fn stands_against(p: &PlacementChange) -> bool {
    matches!(
        p.after,
        Some(AuditStatus::Exception(_) | AuditStatus::Resolved(_) | AuditStatus::Violation(_))
    )
}

/// A flow that is down after the change where before it was not (a flow
/// the change adds counts when it is down with nothing failing).
fn goes_down(f: &FlowChange) -> bool {
    f.after == Some(State::Down) && f.before != Some(State::Down)
}
