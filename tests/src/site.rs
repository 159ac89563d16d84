//! The built site's pages: one walk for the browser tests and for
//! `cargo xtask bench` (Lighthouse on every page).

use std::path::Path;

/// mdBook's table of contents as a page of its own: the sidebar's frame
/// for readers without scripts, always in the default theme.
pub const SIDEBAR_FRAME: &str = "toc.html";

/// Every HTML file under `root`, relative to it with `/` separators,
/// sorted; a folder that cannot be read is an error, not a page left out.
pub fn html_pages(root: &Path) -> Result<Vec<String>, String> {
    let mut out = walk(root, root)?;
    out.sort();
    Ok(out)
}

/// Every HTML file under `dir`, relative to `root` with `/` separators.
fn walk(root: &Path, dir: &Path) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            out.extend(walk(root, &path)?);
        } else if path.extension().is_some_and(|e| e == "html")
            && let Ok(rel) = path.strip_prefix(root)
        {
            let parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            out.push(parts.join("/"));
        }
    }
    Ok(out)
}
