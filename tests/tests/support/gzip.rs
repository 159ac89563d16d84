//! gzip sizes, for the transfer budgets: what a static host serving
//! compressed files sends.

use std::io::Write;
use std::path::Path;

use flate2::Compression;
use flate2::write::GzEncoder;

/// The size of `bytes` compressed with gzip at level 9.
pub fn size(bytes: &[u8]) -> usize {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    // Writing into a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().map(|v| v.len()).unwrap_or(bytes.len())
}

/// The gzip -9 size of a file.
pub fn file_size(path: &Path) -> Result<usize, String> {
    std::fs::read(path)
        .map(|b| size(&b))
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// Bytes as `123.4 KB` (1 KB = 1000 bytes, as the budgets are written).
pub fn kb(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1000.0)
}
