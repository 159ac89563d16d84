//! Precompressed copies of the site, the way static hosts serve them:
//! beside every file a browser would get compressed (HTML, CSS, JS, the
//! wasm modules, SVG, JSON, text), a brotli copy (`NAME.br`, quality 11)
//! and a gzip one (`NAME.gz`, level 9). The site's server
//! (`archsim_e2e::server`, also `cargo xtask serve`) sends one of them
//! when the browser accepts it; the book's performance page says how to
//! do the same on a static host.

use std::io::Write;
use std::path::{Path, PathBuf};

/// The extensions worth compressing. Fonts (woff2), images and the like
/// are compressed already.
pub const COMPRESSIBLE: [&str; 9] = [
    "html", "css", "js", "wasm", "svg", "json", "txt", "xml", "map",
];

/// Write a `.br` and a `.gz` copy beside every compressible file under
/// `root`, on every core (brotli at quality 11 is slow: a minute for the
/// site on one core); returns (files, bytes, brotli bytes, gzip bytes).
pub fn site(root: &Path) -> Result<(usize, u64, u64, u64), String> {
    let mut files = Vec::new();
    walk(root, &mut files)?;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = files.len().div_ceil(threads).max(1);
    let sizes: Vec<Result<Vec<Sizes>, String>> = std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(|f| copies(f)).collect()))
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err("a compressing thread panicked".into()))
            })
            .collect()
    });
    let mut totals = (0, 0, 0, 0);
    for part in sizes {
        for (bytes, br, gz) in part? {
            totals.0 += 1;
            totals.1 += bytes;
            totals.2 += br;
            totals.3 += gz;
        }
    }
    Ok(totals)
}

/// A file's size, and its brotli and gzip copies'.
type Sizes = (u64, u64, u64);

/// Every compressible file under `dir`.
fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            walk(&path, files)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| COMPRESSIBLE.contains(&e))
        {
            files.push(path);
        }
    }
    Ok(())
}

/// Write `path`'s two copies; returns its size and theirs.
fn copies(path: &Path) -> Result<Sizes, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let (br, gz) = (brotli(&bytes), gzip9(&bytes));
    for (suffix, copy) in [("br", &br), ("gz", &gz)] {
        let mut name = path.as_os_str().to_owned();
        name.push(".");
        name.push(suffix);
        std::fs::write(&name, copy)
            .map_err(|e| format!("cannot write {}: {e}", Path::new(&name).display()))?;
    }
    Ok((bytes.len() as u64, br.len() as u64, gz.len() as u64))
}

/// `bytes` compressed with gzip at level 9 (as `gzip -9`).
pub fn gzip9(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing into a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

/// `bytes` compressed with brotli at its best quality (11) and a 4 MB window.
pub fn brotli(bytes: &[u8]) -> Vec<u8> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_compressible_file_gets_both_copies_and_the_rest_none() {
        let root = std::env::temp_dir().join(format!("xtask-compress-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("archsim")).unwrap();
        let text = "<p>archsim</p>".repeat(100);
        std::fs::write(root.join("index.html"), &text).unwrap();
        std::fs::write(root.join("archsim/a_bg.wasm"), &text).unwrap();
        std::fs::write(root.join("font.woff2"), &text).unwrap();
        let (files, bytes, br, gz) = site(&root).unwrap();
        assert_eq!((files, bytes), (2, 2 * text.len() as u64));
        assert!(br < bytes && gz < bytes, "{br} {gz} of {bytes}");
        for (file, copies) in [
            ("index.html", true),
            ("archsim/a_bg.wasm", true),
            ("font.woff2", false),
        ] {
            for suffix in [".br", ".gz"] {
                let copy = root.join(format!("{file}{suffix}"));
                assert_eq!(copy.exists(), copies, "{}", copy.display());
            }
        }
        let mut unzipped = String::new();
        std::io::Read::read_to_string(
            &mut flate2::read::GzDecoder::new(
                &std::fs::read(root.join("index.html.gz")).unwrap()[..],
            ),
            &mut unzipped,
        )
        .unwrap();
        assert_eq!(unzipped, text);
        let _ = std::fs::remove_dir_all(&root);
    }
}
