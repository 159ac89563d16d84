// A "Skip to the chapter" link, first in the Tab order of every page.
//
// mdBook's sidebar comes before the chapter in the page, so a keyboard
// reader tabs through some thirty links on every page before reaching the
// text and its widgets. With this link the chapter is Tab, Enter away. It
// is out of sight until it has the focus. It moves the focus without
// changing the URL's fragment, which holds the widgets' shared state. Its
// style is in theme/book.css: a script that writes a <style> is blocked by
// a Content-Security-Policy without 'unsafe-inline'.
(function () {
  "use strict";
  var main = document.querySelector("#mdbook-content main");
  if (!main) return;
  var link = document.createElement("a");
  link.className = "skip-link";
  link.href = "#mdbook-content";
  link.textContent = "Skip to the chapter";
  link.addEventListener("click", function (event) {
    event.preventDefault();
    main.setAttribute("tabindex", "-1");
    main.focus();
  });
  document.body.insertBefore(link, document.body.firstChild);
})();
