// mdBook's inline scripts after the menu bar, as a file (see index.hbs):
// ARIA attributes once the sidebar and its toggle are in the document; the
// playground's settings (before book.js reads them); and, on the print
// page, the print dialogue once the page has loaded. The template says
// which apply with data- attributes on this script's element.
(function () {
    "use strict";
    var options = document.currentScript.dataset;
    document.getElementById('mdbook-sidebar-toggle').setAttribute('aria-expanded', sidebar === 'visible');
    document.getElementById('mdbook-sidebar').setAttribute('aria-hidden', sidebar !== 'visible');
    Array.from(document.querySelectorAll('#mdbook-sidebar a')).forEach(function(link) {
        link.setAttribute('tabIndex', sidebar === 'visible' ? 0 : -1);
    });
    if (options.lineNumbers !== undefined) window.playground_line_numbers = true;
    if (options.copyable !== undefined) window.playground_copyable = true;
    if (options.print !== undefined) {
        window.addEventListener('load', function() {
            window.setTimeout(window.print, 100);
        });
    }
})();
