//! Encodes the embedded model into the bundle.
//!
//! Parsing TOML in the browser would cost the bundle its whole TOML and
//! serde stack (about 140 KB of gzipped wasm, more than the rest of the
//! simulator). The model the bundle embeds never changes after the build,
//! so this script loads `book/model/tomoda.toml` with `archsim-core` here,
//! natively — failing the build on any error — and writes the checked model
//! in the core's compact binary form to `$OUT_DIR/tomoda.model`, without the
//! source spans only diagnostics use. The model
//! file stays the one source of every fact.

use std::path::Path;

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let file = Path::new(&manifest).join("../../book/model/tomoda.toml");
    println!("cargo::rerun-if-changed={}", file.display());
    println!("cargo::rerun-if-changed=build.rs");
    let engine = match archsim_core::Engine::tomoda() {
        Ok(engine) => engine,
        Err(diagnostics) => {
            for d in diagnostics {
                println!("cargo::warning={d}");
            }
            panic!("the embedded model has errors; `archsim check` shows them");
        }
    };
    let dest =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("tomoda.model");
    // Without source spans: the browser never points at a line of the file.
    let model = archsim_core::codec::without_spans(engine.model());
    std::fs::write(dest, archsim_core::codec::encode(&model)).expect("write the encoded model");
}
