//! The widgets' stylesheet, added to the page once.
//!
//! Two sheets: the view crate's (`archsim-view::STYLE_CSS`, the map and the
//! tables, shared with the static fallbacks) and this crate's
//! (`assets/widgets.css`: controls, panels, focus rings). The book already
//! links the first (as `theme/archsim-<hash>.css`), so it is added only when no such link
//! is on the page. Both colour everything through `--archsim-*` custom
//! properties, which the book maps to mdBook's theme: a theme switch
//! restyles the widgets live, with no script.

use crate::dom;

/// This crate's stylesheet.
pub const WIDGETS_CSS: &str = include_str!("../assets/widgets.css");

/// Add the stylesheets to `<head>`, once per page.
pub fn inject() {
    let Some(document) = dom::document() else {
        return;
    };
    let Some(head) = document.head() else {
        return;
    };
    let has = |selector: &str| document.query_selector(selector).ok().flatten().is_some();
    // mdBook renames the book's copy (theme/archsim-<hash>.css).
    if !has("link[href*='/archsim'][href$='.css'], style#archsim-view-css") {
        add(
            &document,
            &head,
            "archsim-view-css",
            archsim_view::STYLE_CSS,
        );
    }
    if !has("style#archsim-web-css") {
        add(&document, &head, "archsim-web-css", WIDGETS_CSS);
    }
}

fn add(document: &web_sys::Document, head: &web_sys::HtmlHeadElement, id: &str, css: &str) {
    if let Ok(style) = document.create_element("style") {
        style.set_id(id);
        style.set_text_content(Some(css));
        let _ = head.append_child(&style);
    }
}
