//! The architecture map, every part of it in one folder.
//!
//! - [`component`]: the yew component ([`Map`]): the frame around the
//!   drawing (search box, toolbar, details), keys and focus; pointer
//!   gestures in `gestures.rs`, the toolbar's markup in `toolbar.rs`.
//! - [`geometry`]: the drawing's pieces, prepared once per layout.
//! - [`draw`]: how each node and edge looks in a state, and the SVG that
//!   joins the pieces with those looks.
//! - `drawn.rs`: the drawn elements, brought to each look shown.
//! - [`patch`]: a new look patched onto the drawn elements, and hovering.
//! - [`viewport`]: pan and zoom ([`viewport::Viewport`]), the detail a
//!   zoom shows, the view fitted to what an answer concerns
//!   ([`viewport::fit_concern`]), moving between nodes.
//! - [`search`]: what a typed query matches (the failure list asks too).

pub mod component;
pub mod draw;
mod drawn;
pub mod geometry;
mod gestures;
pub mod patch;
pub mod search;
mod toolbar;
pub mod viewport;

pub use component::{Map, map_panel};
