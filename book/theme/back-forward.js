// Keep the book's pages in the browser's back/forward cache.
//
// mdBook's book.js sets `window.onunload` to an empty function (its "back
// button cache" fix), and a page with an unload handler is never kept in
// that cache: Back then loads the page again, the widgets start over and
// the reader's place is lost. This runs after book.js (book.toml's
// additional-js come after it) and takes the handler away again.
(function () {
  "use strict";
  window.onunload = null;
})();
