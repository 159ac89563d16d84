//! HTML: every widget's answer, its static fallback, and tables generated
//! from the model.
//!
//! The widgets and the book's fallbacks write their answers with the same
//! functions (`route_head`, `hop_details`, `outcome_table`, `place_answer`,
//! `audit_table`, `dns_answer`, `impact_answer`, and `basis` for what each rests on), into
//! a [`Markup`]: what a reader sees
//! without JavaScript is what the widget shows, less its controls. The
//! `*_html` functions return a fallback: an HTML fragment (no `<html>` or
//! `<body>`) whose root element has the class `archsim` and one naming the
//! view (`archsim-route`, `archsim-outcome`, …).
//!
//! Tables are semantic — a `<caption>`, `<th scope="col">` headers and a
//! `<th scope="row">` per row — so screen readers and mdBook's search index
//! read them well. Every string from the model or the reader is escaped;
//! states carry an icon and a word.

mod basis;
mod dns;
pub mod facts;
mod impact;
mod markup;
mod outcome;
mod place;
mod propose;
mod route;
mod tables;
mod write;

pub use self::basis::basis;
pub use dns::{dns_answer, dns_html};
pub use impact::{ImpactParts, MAX_FLOW_ROWS, NO_CHANGE, impact_answer, impact_html, verdict};
pub use markup::{Markup, NONE, flag};
pub use outcome::{
    flow_cause, flow_spofs, flow_state, outcome_html, outcome_notes, outcome_table,
    outcome_with_spof_html, spof_html,
};
pub use place::{audit_html, audit_table, place_answer, place_html};
pub use propose::{NO_DRAFT, propose_empty};
pub use route::{NO_RECORD, hop_details, route_head, route_html};
pub use tables::{
    components_table, environments_table, flows_table, providers_table, records_table, rules_table,
    scenarios_table,
};
