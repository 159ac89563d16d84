//! Static HTML: every widget's fallback, and tables generated from the model.
//!
//! Each function returns an HTML fragment (no `<html>` or `<body>`) whose
//! root element has the class `archsim` and one naming the view
//! (`archsim-route`, `archsim-flows`, …). Tables are semantic — a
//! `<caption>`, `<th scope="col">` headers and a `<th scope="row">` per row —
//! so screen readers and mdBook's search index read them well. Every string
//! from the model or the reader is escaped; states carry an icon and a word.

mod tables;
mod views;
mod write;

pub use tables::{components_table, flows_table, providers_table, records_table, scenarios_table};
pub use views::{audit_html, dns_html, outcome_html, place_html, route_html, spof_html};
pub use write::state_badge;
