// Code blocks that scroll sideways take the focus, so a keyboard can
// scroll them (WCAG 2.1.1; axe-core's scrollable-region-focusable).
//
// mdBook writes each block as <pre><code>, and the code scrolls when a
// line is longer than the column. Only those that scroll become Tab
// stops (a block that fits would be a stop with nothing to do), checked
// once the page has laid out and again when the window's width changes.
// archsim's own static views are focusable in the markup the
// preprocessor writes, which needs no script.
(function () {
  "use strict";
  function mark() {
    document.querySelectorAll("#mdbook-content main pre > code").forEach(function (code) {
      if (code.scrollWidth > code.clientWidth) {
        code.setAttribute("tabindex", "0");
      } else {
        code.removeAttribute("tabindex");
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
