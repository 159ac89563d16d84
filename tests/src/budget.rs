//! The size budgets, one owner: a bundle's, checked by `cargo xtask
//! build` right after the bundles are built and kept by the pages test, and
//! a page's transfer, kept by the pages test.
//!
//! The bundle's budget is the project's decision (issue 18): the 150 KB
//! target was withdrawn once measurements showed yew with the mount code
//! at 116 KB and the five widgets at about 100 KB. It holds for each
//! bundle on its own (issue 19): the widgets' (`archsim-web`) and the
//! propose widget's (`archsim-propose`), which pages load apart.

/// A bundle's budget: the wasm module and its JS glue, each compressed
/// with gzip -9, added up, in bytes. Each bundle has it to itself.
pub const BUNDLE_GZIP_BYTES: usize = 225_000;

/// A page's transfer budget, fonts aside: each file it loads at gzip -9,
/// added up, in bytes.
pub const PAGE_GZIP_BYTES: usize = 300_000;

/// A page's transfer as the server sends it, fonts included: each file's
/// brotli copy (or the file, for fonts and images), added up, in bytes.
/// Issue 22's goal for a page with widgets on a phone; every page of the
/// book is within it since its fonts were cut to Latin (about 14 KB a
/// face) and its code font became the system's.
pub const PAGE_SENT_BYTES: usize = 300_000;

/// Hold bundle `name` (its file stem) to [`BUNDLE_GZIP_BYTES`], given the
/// gzip -9 sizes of its wasm module and JS glue.
///
/// Returns: the line to print (the figure and the budget's headroom), or
/// the error saying by how much the bundle is over.
pub fn check_bundle(name: &str, wasm_gzip: usize, js_gzip: usize) -> Result<String, String> {
    let total = wasm_gzip + js_gzip;
    if total > BUNDLE_GZIP_BYTES {
        return Err(format!(
            "the {name} bundle is {total} bytes gzip -9 (wasm {wasm_gzip}, JS {js_gzip}), {} over its budget of {BUNDLE_GZIP_BYTES}",
            total - BUNDLE_GZIP_BYTES
        ));
    }
    Ok(format!(
        "{name} bundle {total} bytes gzip -9 (wasm {wasm_gzip}, JS {js_gzip}): {} under its budget of {BUNDLE_GZIP_BYTES}",
        BUNDLE_GZIP_BYTES - total
    ))
}

#[cfg(test)]
mod tests {
    use super::{BUNDLE_GZIP_BYTES, check_bundle};

    #[test]
    fn the_bundle_check_fails_one_byte_over() {
        // (wasm, JS, within budget)
        let cases = [
            (BUNDLE_GZIP_BYTES - 10_000, 10_000, true),
            (BUNDLE_GZIP_BYTES - 10_000, 10_001, false),
            (BUNDLE_GZIP_BYTES + 1, 0, false),
            (0, BUNDLE_GZIP_BYTES, true),
            (0, 0, true),
        ];
        for (wasm, js, within) in cases {
            let result = check_bundle("archsim-web", wasm, js);
            assert_eq!(result.is_ok(), within, "{wasm} + {js}: {result:?}");
        }
        let over = check_bundle("archsim-propose", BUNDLE_GZIP_BYTES, 1).unwrap_err();
        assert!(over.contains("1 over its budget of 225000"), "{over}");
        assert!(over.starts_with("the archsim-propose bundle"), "{over}");
        let within = check_bundle("archsim-web", 200_000, 20_000).unwrap();
        assert!(within.contains("5000 under"), "{within}");
        assert!(within.starts_with("archsim-web bundle"), "{within}");
    }
}
