//! archsim-propose: the propose widget, as a wasm bundle of its own.
//!
//! A reviewer drafts a change to the model and sees its impact, computed
//! by `archsim_core::diff` (issue 19, part 3). The diff engine costs more
//! than the widgets' bundle has room for, so this widget ships apart:
//! only pages with a `<div data-archsim="propose">` load it (the book's
//! loader), and the simulator when its Propose tab opens (`www/start.js`).
//!
//! JavaScript calls one export, [`mount_all`], after initialising the
//! module, as for the widgets' bundle. It mounts the propose widget into
//! every mount point of the contract (`archsim_view::contract`) whose
//! kind is `propose`, and leaves the others to the widgets' bundle.
//! Mounting, the model, the link, the map and the widget's frame are
//! `archsim-web`'s (linked without its own export); this crate adds the
//! propose panel ([`panel`]).
#![deny(missing_docs)]

pub mod answer;
pub mod drafting;
pub mod edits;
pub mod panel;

use archsim_view::contract::Bundle;
use wasm_bindgen::prelude::*;

/// Start every propose widget on the page (when it comes near the
/// viewport, as the other widgets do).
///
/// Returns: how many mount points the page has, of every kind. Calling it
/// again picks up mount points added since (the simulator's Propose tab).
#[wasm_bindgen]
pub fn mount_all() -> u32 {
    archsim_web::mount::mount_bundle(Bundle::Propose, panel::panel)
}
