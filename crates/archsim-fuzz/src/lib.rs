//! archsim-fuzz: the invariants behind every fuzz target, callable on stable.
//!
//! Each `check_*` function takes the bytes a fuzzer made and panics when an
//! invariant breaks (a panic is what libFuzzer reports as a finding). The
//! cargo-fuzz targets in `fuzz/` are one line each, calling these; the
//! replay test in `tests/replay.rs` runs every committed corpus file and
//! every input that ever failed (`fuzz/corpus/<target>/`,
//! `fuzz/regressions/<target>/`) through the same function on stable, so a
//! finding, once fixed, stays fixed without nightly.
//!
//! Each target checks what its input must satisfy, not only "no panic":
//! decoded models survive re-encoding and every question, loaded models
//! survive the codec and locate their diagnostics inside the file, links
//! read back what they wrote, drafts apply or name the edit they refuse, pages rebuild from their pieces, hostile
//! names leave the markup's structure alone.
#![deny(missing_docs)]

mod codec;
mod directive;
mod draft;
mod everything;
mod fragment;
mod host;
mod load;
mod render;
mod select;
pub mod tags;

pub use codec::check_codec_decode;
pub use directive::check_directive;
pub use draft::check_draft;
pub use everything::ask_everything;
pub use fragment::check_fragment;
pub use host::check_host;
pub use load::check_load_toml;
pub use render::check_render;
pub use select::check_select;

/// A target's check: panics on a finding.
pub type Check = fn(&[u8]);

/// Every target: its name (the file in `fuzz/fuzz_targets/` and the folder
/// in `fuzz/corpus/`) and its check.
pub const TARGETS: &[(&str, Check)] = &[
    ("codec_decode", check_codec_decode),
    ("load_toml", check_load_toml),
    ("fragment", check_fragment),
    ("directive", check_directive),
    ("render", check_render),
    ("host", check_host),
    ("select", check_select),
    ("draft", check_draft),
];
