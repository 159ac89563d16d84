//! View models: plain structs derived from engine answers.
//!
//! The static HTML ([`crate::html`]) and the yew widgets show the same
//! answers; both read them from these structs, so the words, names and
//! orders are decided once. Nothing here is markup: strings are raw text
//! (escaping is the renderer's job), and ids such as [`CompId`] are kept next
//! to the names so an interactive view can link back to the map. States,
//! verdicts and audit statuses stay the core's enums: their words are the
//! core's (`State::word`, `RouteVerdict::word`, `AuditStatus::word`), said
//! alike by every shell.
//!
//! [`CompId`]: archsim_core::CompId

mod basis;
mod component;
pub mod diff;
mod dns;
mod outcome;
mod place;
mod route;

pub use basis::{ASSUMED, AssumedLine, BasisView, CHECKED, FactLine, basis_view};
pub use component::{ComponentDetails, Link, component_details, whereabouts, yes_no};
pub use dns::{DnsView, WriterLine, dns_view};
pub use outcome::{FlowRow, OutcomeView, SpofLine, outcome_view, spof_lines};
pub use place::{
    AuditRow, PlaceView, PrecedentLine, QuestionLine, RuleLine, audit_view, place_view, rule_line,
    verdict_label,
};
pub use route::{
    HopRow, RecordLine, RouteView, record_line, record_text, route_states, route_view,
};
