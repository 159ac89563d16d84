// mdBook's first inline script, as a file (see index.hbs): the site root,
// the default themes and the search index's address, for mdBook's scripts.
// The template writes the values on this script's element. Top-level
// declarations of a classic script are shared with the page's other
// scripts, as the inline ones were.
const page_data = document.currentScript.dataset;
const path_to_root = page_data.pathToRoot;
const default_light_theme = page_data.light;
const default_dark_theme = page_data.dark;
if (page_data.searchindex !== undefined) {
    window.path_to_searchindex_js = page_data.searchindex;
}
