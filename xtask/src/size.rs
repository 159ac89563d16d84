//! A bundle's size: its gzip -9 figure held to the budget
//! (`archsim_e2e::budget`, the same for each bundle), and its brotli figure
//! beside it. (The site's compressed copies: `compress.rs`.)

use std::path::Path;

use archsim_e2e::budget;

use crate::compress::{brotli, gzip9};

/// Measure the module and glue of bundle `stem` in `dir`
/// (`STEM_bg.wasm`, `STEM.js`), print both figures, and fail when the
/// gzip -9 sum is over the budget.
pub fn check(dir: &Path, stem: &str) -> Result<(), String> {
    let names = [format!("{stem}_bg.wasm"), format!("{stem}.js")];
    let mut gzip_sizes = [0; 2];
    let mut brotli_total = 0;
    for (i, name) in names.iter().enumerate() {
        let path = dir.join(name);
        let bytes =
            std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        gzip_sizes[i] = gzip9(&bytes).len();
        brotli_total += brotli(&bytes).len();
        println!("  {name}: {} bytes, gzip -9 {}", bytes.len(), gzip_sizes[i]);
    }
    println!("  brotli (q 11): {brotli_total} bytes for both");
    let line = budget::check_bundle(stem, gzip_sizes[0], gzip_sizes[1])?;
    println!("  {line}");
    Ok(())
}
