// Code blocks and tables that scroll sideways take the focus, so a
// keyboard can scroll them (WCAG 2.1.1; axe-core's
// scrollable-region-focusable).
//
// mdBook writes each code block as <pre><code>, which scrolls when a line
// is longer than the column, and each table in a div.table-wrapper, which
// scrolls when the table is wider (on a phone, most of the reference's).
// Only those that scroll become Tab stops (one that fits would be a stop
// with nothing to do), checked once the page has laid out and again when
// the window's width changes.
// archsim's own static views are focusable in the markup the
// preprocessor writes, which needs no script.
(function () {
  "use strict";
  function mark() {
    var wide = "#mdbook-content main pre > code, #mdbook-content main .table-wrapper";
    document.querySelectorAll(wide).forEach(function (box) {
      if (box.scrollWidth > box.clientWidth) {
        box.setAttribute("tabindex", "0");
      } else {
        box.removeAttribute("tabindex");
      }
    });
  }
  var width = window.innerWidth;
  window.addEventListener("resize", function () {
    if (window.innerWidth !== width) {
      width = window.innerWidth;
      mark();
    }
  });
  if (document.readyState === "complete") {
    mark();
  } else {
    window.addEventListener("load", mark);
  }
})();
