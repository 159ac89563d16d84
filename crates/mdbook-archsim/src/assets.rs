//! The files `mdbook-archsim install` writes into the book's `theme/`.
//!
//! `archsim.css` is the view crate's stylesheets (static views, then the
//! live widgets' controls) followed by the mapping of
//! its `--archsim-*` colours onto mdBook's theme variables (light, rust,
//! coal, navy, ayu), so the widgets and fallbacks follow the reader's theme
//! live. `archsim-loader.js` finds the wasm bundle next to the book root and
//! mounts the widgets; if anything fails, the static fallbacks stay.
//!
//! Both start with a header naming this crate's version: the preprocessor
//! warns when the installed files are older than the binary.

use archsim_view::{STYLE_CSS, WIDGETS_CSS};

/// The mapping of `--archsim-*` onto mdBook's themes, and the book's own rules.
pub const THEME_CSS: &str = include_str!("../assets/theme.css");

/// The widget loader.
pub const LOADER_JS: &str = include_str!("../assets/archsim-loader.js");

/// Where the stylesheet goes, relative to the book root.
pub const CSS_PATH: &str = "theme/archsim.css";

/// Where the loader goes, relative to the book root.
pub const JS_PATH: &str = "theme/archsim-loader.js";

/// The first line of every installed file; it names the version that wrote it.
pub fn header() -> String {
    format!(
        "/* mdbook-archsim {}: written by `mdbook-archsim install`; do not edit, re-run it. */",
        env!("CARGO_PKG_VERSION")
    )
}

/// The stylesheet's content.
pub fn css() -> String {
    format!(
        "{}\n\n/* ---- archsim-view's stylesheet ---- */\n\n{}\n\n/* ---- the live widgets ---- */\n\n{}\n\n/* ---- mdBook theme mapping ---- */\n\n{}",
        header(),
        STYLE_CSS.trim_end(),
        WIDGETS_CSS.trim_end(),
        THEME_CSS.trim_end()
    ) + "\n"
}

/// The loader's content.
pub fn js() -> String {
    format!("{}\n{}", header(), LOADER_JS.trim_end()) + "\n"
}

/// Every installed file: (path relative to the book root, content).
pub fn files() -> Vec<(&'static str, String)> {
    vec![(CSS_PATH, css()), (JS_PATH, js())]
}

/// Whether an installed file's text was written by this version.
pub fn is_current(installed: &str) -> bool {
    installed.lines().next() == Some(header().as_str())
}
