//! archsim-core: the model and the simulation engine.
//!
//! A model file (TOML) describes providers, regions, components, DNS records
//! and their writers, dependency edges, flows and failure scenarios. This
//! crate parses it into a checked [`Model`], builds a petgraph graph, and
//! answers every question archsim asks: route a host, fail components, find
//! single points of failure, place new infrastructure, say who writes a DNS
//! record, export diagrams.
//!
//! The `toml` feature (on by default) adds the model-file loader; without it
//! a model comes from [`codec::decode`], which keeps the browser bundle small.
//!
//! It knows nothing of terminals, HTML, wasm or the file system: it takes
//! text and returns plain data, so the CLI, the browser widgets and the
//! book's preprocessor all share one engine.
#![deny(missing_docs)]

pub mod basis;
pub mod cname;
pub mod codec;
pub mod cycles;
pub mod diag;
pub mod diff;
pub mod dns;
pub mod draft;
pub mod engine;
pub mod error;
pub mod export;
pub mod host;
pub mod invariants;
pub mod kind;
pub mod limits;
#[cfg(feature = "toml")]
pub mod load;
pub mod model;
pub mod names;
pub mod order;
pub mod place;
pub mod select;
pub mod suggest;
pub mod synth;
pub mod text;

pub use basis::{Assumed, Basis, Premise};
pub use diag::{Diagnostic, Severity, Span};
pub use dns::DnsAnswer;
pub use engine::{
    ComponentOutcome, Engine, FlowOutcome, FlowSpof, Hop, Outcome, Route, RouteVerdict, State,
};
#[cfg(feature = "toml")]
pub use engine::{TOMODA_MODEL, TOMODA_MODEL_FILE};
pub use error::{QueryError, QueryErrorKind};
#[cfg(feature = "toml")]
pub use load::{Loaded, load_bytes, load_str};
pub use model::*;
pub use place::{AuditEntry, AuditStatus, Evaluation, PlaceAnswer, Precedent, Verdict};
pub use select::Selection;
