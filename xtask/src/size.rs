//! A bundle's size: its gzip -9 figure held to the budget
//! (`archsim_e2e::budget`, the same for each bundle), and its brotli figure
//! beside it, written as `.br` files next to the originals so a server can
//! send them as they are.

use std::io::Write;
use std::path::Path;

use archsim_e2e::budget;

/// Measure the module and glue of bundle `stem` in `dir`
/// (`STEM_bg.wasm`, `STEM.js`), write their brotli copies, print both
/// figures, and fail when the gzip -9 sum is over the budget.
pub fn check(dir: &Path, stem: &str) -> Result<(), String> {
    let names = [format!("{stem}_bg.wasm"), format!("{stem}.js")];
    let mut gzip_sizes = [0; 2];
    let mut brotli_total = 0;
    for (i, name) in names.iter().enumerate() {
        let path = dir.join(name);
        let bytes =
            std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        gzip_sizes[i] = gzip9(&bytes);
        let br = brotli(&bytes);
        brotli_total += br.len();
        let out = dir.join(format!("{name}.br"));
        std::fs::write(&out, br).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
        println!("  {name}: {} bytes, gzip -9 {}", bytes.len(), gzip_sizes[i]);
    }
    println!("  brotli (q 11): {brotli_total} bytes for both");
    let line = budget::check_bundle(stem, gzip_sizes[0], gzip_sizes[1])?;
    println!("  {line}");
    Ok(())
}

/// `bytes` compressed with gzip at level 9 (as `gzip -9`, and as the pages
/// test measures): the length.
fn gzip9(bytes: &[u8]) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing into a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().map(|v| v.len()).unwrap_or(bytes.len())
}

/// `bytes` compressed with brotli at its best quality (11) and a 4 MB window.
fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    // Reading a slice and writing into a Vec cannot fail.
    let _ = brotli::BrotliCompress(&mut &bytes[..], &mut out, &params);
    out
}
