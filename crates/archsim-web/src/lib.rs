//! archsim-web: the simulator in the browser, as one wasm bundle.
//!
//! The same bundle serves two pages:
//!
//! - the **full-page simulator** (`www/index.html`, built by trunk): a
//!   `<div data-archsim="app">` that shows every panel in tabs;
//! - **embedded widgets** in the book: every `<div data-archsim="KIND">` on a
//!   page becomes a live map, route tracer, failure simulator, placement
//!   assistant or DNS lookup, mounted lazily when it comes near the view.
//!
//! JavaScript calls one export, [`mount_all`], after initialising the module
//! (`await init(); mount_all();`). It mounts every kind but the propose
//! widget, which ships in a bundle of its own (`crates/archsim-propose`):
//! that crate links this one without the `export` feature (so without
//! this `mount_all` export) and mounts its kind with
//! [`mount::mount_bundle`] and its own panels; the simulator's Propose tab
//! is a mount point of that bundle, which `www/start.js` loads on demand. The mount contract (attributes, the
//! model, versioning) is `archsim_view::contract`, shared with the book's
//! preprocessor; [`mount`](mod@mount) finds the mount points and starts
//! them; the shareable link format is in [`fragment`]; a widget's state
//! and its reducer in [`state`]; the map, every part of it, in [`map`];
//! the other panels in [`components`].
//!
//! This crate only translates: every answer (routes, failures, single points
//! of failure, placement, DNS) comes from `archsim-core`, every word and
//! position from `archsim-view`. It holds no architecture fact: the model is
//! the one embedded in `archsim-core`, or the page's own. A panic never
//! leaves a dead page: the hook in [`panic`](mod@panic) logs it and puts a notice in
//! every widget.
#![deny(missing_docs)]
// `format!` is sanctioned item by item (`#[allow(clippy::disallowed_macros)]`
// with its reason), for messages of several pieces: its literal pieces are
// static data where appends spend code on each, and its machinery ships
// anyway (the view crate writes numbers with `write!`). Ids and short joins
// are appended (`ids`, `concat`): measured smaller there.

pub mod acts;
pub mod components;
pub mod dom;
pub mod embedded;
pub mod fragment;
pub mod hooks;
pub mod ids;
pub mod link_target;
pub mod map;
pub mod markup;
pub mod mount;
pub mod panic;
pub mod shared;
pub mod state;
pub mod steps;

pub use mount::{mount, mount_all};

// The wasm target has no threads here (no `atomics`), which this
// allocator's wasm flavour requires.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
