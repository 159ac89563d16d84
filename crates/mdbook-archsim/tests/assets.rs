//! The theme files committed in `book/theme/` are exactly what
//! `mdbook-archsim install` writes, so they never drift from the view
//! crate's stylesheet or the loader.

use std::path::Path;

use mdbook_archsim::assets;

#[test]
fn committed_theme_files_match_install() {
    let book = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../book");
    for (path, expected) in assets::files() {
        let file = book.join(path);
        let committed = std::fs::read_to_string(&file).unwrap_or_default();
        assert!(
            committed == expected,
            "{} is out of date; run `cargo run -p mdbook-archsim -- install book` and commit it",
            file.display()
        );
    }
}

#[test]
fn the_css_maps_every_theme_and_the_loader_finds_the_bundle() {
    let css = assets::css();
    for theme in ["light", "rust", "coal", "navy", "ayu"] {
        assert!(
            css.contains(&format!("html.{theme}")),
            "no mapping for {theme}"
        );
    }
    assert!(css.contains(archsim_view::STYLE_CSS.trim()));
    let js = assets::js();
    assert!(js.contains("document.currentScript"));
    // Each bundle, with its module: the loader fetches those a page needs.
    for stem in archsim_view::contract::Bundle::ALL.map(|b| b.stem()) {
        assert!(js.contains(&format!("../archsim/{stem}.js")), "{stem}");
        assert!(js.contains(&format!("../archsim/{stem}_bg.wasm")), "{stem}");
    }
    assert!(js.contains("mount_all"));
    assert!(!js.contains("http://") && !js.contains("https://"));
}
