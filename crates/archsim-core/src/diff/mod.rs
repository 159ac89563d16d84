//! What a proposed change does: two checked models compared.
//!
//! [`changes::changes`] lists the entries added, removed and changed,
//! matched by id (never by index: the two models number things
//! differently); [`impact::impact`] asks both models' engines the same
//! questions and keeps the answers that differ. The CLI's `archsim diff`
//! and the browser's propose widget are shells over these two.

pub mod changes;
pub mod impact;

pub use changes::{Change, Changed, Changes, Table, changes};
pub use impact::{FlowChange, Impact, SpofChange, impact};
