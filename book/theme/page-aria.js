// mdBook's inline scripts after the menu bar, as a file (see index.hbs):
// ARIA attributes once the sidebar and its toggle are in the document; the
// playground's settings (before book.js reads them); and, on the print
// page, the print dialogue once the page has loaded. The template says
// which apply with data- attributes on this script's element.
(function () {
    "use strict";
    var options = document.currentScript.dataset;
    // The sidebar toggle: mdBook's is a <label> for its hidden checkbox,
    // which works without scripts but is no control to a keyboard or a
    // screen reader, and may carry no aria-expanded or aria-label. With
    // scripts it becomes a button, before book.js finds it by its id;
    // a press toggles the checkbox as the label did (on the document, so
    // after book.js's own listener on the toggle).
    var label = document.getElementById('mdbook-sidebar-toggle');
    if (label && label.tagName === 'LABEL') {
        var button = document.createElement('button');
        button.type = 'button';
        button.id = label.id;
        button.className = label.className;
        button.title = label.title;
        button.setAttribute('aria-label', 'Table of contents');
        button.setAttribute('aria-controls', 'mdbook-sidebar');
        while (label.firstChild) button.appendChild(label.firstChild);
        label.replaceWith(button);
        document.addEventListener('click', function (event) {
            if (event.target instanceof Element && event.target.closest('#mdbook-sidebar-toggle')) {
                document.getElementById('mdbook-sidebar-toggle-anchor').click();
            }
        });
    }
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
