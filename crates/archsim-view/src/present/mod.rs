//! View models: plain structs derived from engine answers.
//!
//! The static HTML ([`crate::html`]) and the yew widgets show the same
//! answers; both read them from these structs, so the words, names and
//! orders are decided once. Nothing here is markup: strings are raw text
//! (escaping is the renderer's job), and ids such as [`CompId`] are kept next
//! to the names so an interactive view can link back to the map.
//!
//! [`CompId`]: archsim_core::CompId

mod component;
mod dns;
mod outcome;
mod place;
mod route;
mod state;

pub use component::{ComponentDetails, Link, component_details, whereabouts, yes_no};
pub use dns::{DnsView, WriterLine, dns_view};
pub use outcome::{FlowRow, OutcomeView, SpofLine, outcome_view, spof_lines, unique};
pub use place::{
    AuditRow, PlaceView, PrecedentLine, QuestionLine, RuleLine, audit_view, place_view, rule_line,
};
pub use route::{
    HopRow, RecordLine, RouteView, record_line, record_text, route_states, route_view,
};
pub use state::{STATES, state_label};

/// An answer's assumptions as (what, assumption) pairs.
pub(crate) fn assumption_pairs(
    model: &archsim_core::Model,
    basis: &archsim_core::Basis,
) -> Vec<(String, String)> {
    basis
        .assumptions(model)
        .iter()
        .map(|a| {
            (
                archsim_core::basis::label(model, a.premise),
                a.says.to_owned(),
            )
        })
        .collect()
}
