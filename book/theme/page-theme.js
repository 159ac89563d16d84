// mdBook's inline scripts at the top of the body, as a file (see
// index.hbs), word for word: set the theme before any content is loaded
// (no flash), and hide or unhide the sidebar before it is displayed.

// Work around some values being stored in localStorage wrapped in quotes
try {
    let theme = localStorage.getItem('mdbook-theme');
    let sidebar = localStorage.getItem('mdbook-sidebar');

    if (theme.startsWith('"') && theme.endsWith('"')) {
        localStorage.setItem('mdbook-theme', theme.slice(1, theme.length - 1));
    }

    if (sidebar.startsWith('"') && sidebar.endsWith('"')) {
        localStorage.setItem('mdbook-sidebar', sidebar.slice(1, sidebar.length - 1));
    }
} catch (e) { }

// Set the theme before any content is loaded, prevents flash
const default_theme = window.matchMedia("(prefers-color-scheme: dark)").matches ? default_dark_theme : default_light_theme;
let theme;
try { theme = localStorage.getItem('mdbook-theme'); } catch(e) { }
if (theme === null || theme === undefined) { theme = default_theme; }
const html = document.documentElement;
html.classList.remove(default_light_theme)
html.classList.add(theme);
html.classList.add("js");

// Hide / unhide sidebar before it is displayed
let sidebar = null;
const sidebar_toggle = document.getElementById("mdbook-sidebar-toggle-anchor");
if (document.body.clientWidth >= 1080) {
    try { sidebar = localStorage.getItem('mdbook-sidebar'); } catch(e) { }
    sidebar = sidebar || 'visible';
} else {
    sidebar = 'hidden';
    sidebar_toggle.checked = false;
}
if (sidebar === 'visible') {
    sidebar_toggle.checked = true;
} else {
    html.classList.remove('sidebar-visible');
}
