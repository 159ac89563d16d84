//! archsim-view: the map layout and the static SVG/HTML of every widget.
//!
//! Two shells draw the same answers: the book's preprocessor renders static
//! fallbacks at build time (for readers without JavaScript, the search index
//! and the print view), and the browser widgets draw them live. Both take
//! their geometry from [`layout`], their words from [`present`] and their
//! answers' markup from [`html`], so the fallback and the widget never
//! disagree. [`markdown`] writes model text and the diff's answer for a
//! pull-request comment, for the CLI, the preprocessor and the widgets.
//!
//! This crate only translates engine answers into pictures and text: it asks
//! `archsim-core` every question and holds no architecture fact of its own.
//! It knows nothing of the DOM, the file system, threads or clocks, so it
//! builds for `wasm32-unknown-unknown` unchanged. Every string that comes from
//! the model or the reader passes through [`escape::html`] before it is
//! written into markup.
#![deny(missing_docs)]

pub mod contract;
pub mod escape;
pub mod html;
pub mod layout;
pub mod markdown;
pub mod present;
pub mod svg;

/// The stylesheet for everything this crate emits.
///
/// Colours are CSS custom properties (`--archsim-fg`, `--archsim-bg`,
/// `--archsim-accent`, `--archsim-down`, …) with standalone defaults; a host
/// page (the book) maps them to its own theme variables.
pub const STYLE_CSS: &str = include_str!("../assets/archsim.css");

/// The stylesheet for the live widgets' controls and panels (archsim-web).
///
/// It lives here, not in the widgets' crate, so that the book's
/// preprocessor can install it without depending on the wasm bundle, and
/// the bundle carries no stylesheet at all.
pub const WIDGETS_CSS: &str = include_str!("../assets/widgets.css");
