// archsim-loader: mounts the archsim widgets into a book page.
//
// mdBook adds this file to every page (additional-js) under a hashed name,
// and pages live at any depth, so the bundles' address comes from this
// script's own URL: it sits in <book root>/theme/, the bundles in
// <book root>/archsim/. There are two bundles: the widgets'
// (archsim-web) and the propose widget's (archsim-propose), whose diff
// engine does not fit in the other's budget; a page loads those its mount
// points need (the contract's `Kind::bundle`): the propose bundle for a
// `propose` mount point, the widgets' for any other (one it cannot read
// too: it says why). A page with both kinds loads both, twice the
// framework's code: the book keeps the propose widget on pages of its own.
// Nothing is fetched on a page without widgets. On a page with widgets
// each bundle it needs (JS and wasm) is fetched and started once the
// page has first been painted, not before: the chapter's text, its
// styles and fonts come first and have the connection to themselves
// (Lighthouse's phone profile put the largest paint of a widget page at
// 3.0 s with the bundles fetched from the page's head, at 1.8 s with
// them fetched after the first paint: the book's performance page).
// Meanwhile the reader has the static fallbacks, drawn by the same code.
// Each widget then starts when it comes near the viewport (the bundle's
// `mount_all` watches them). Any failure (no
// bundle, file:// pages, an old browser) leaves the static fallbacks in
// place. mdBook's print page (the whole book on one page, for paper)
// keeps its static views and loads no bundle: a printout cannot use a
// widget, and 22 of them would make it the heaviest page of the site.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;
  var MOUNTS = "div.archsim[data-archsim]";
  // [glue, module, whether a mount point is the bundle's]
  var BUNDLES = [
    ["../archsim/archsim-web.js", "../archsim/archsim-web_bg.wasm", function (el) { return !isPropose(el); }],
    ["../archsim/archsim-propose.js", "../archsim/archsim-propose_bg.wasm", isPropose],
  ];

  // As the contract reads it: the kind trimmed, a missing version is 1.
  function isPropose(el) {
    var v = el.getAttribute("data-archsim-v");
    return (el.getAttribute("data-archsim") || "").trim() === "propose" && (v === null || v.trim() === "1");
  }

  // The wasm's download starts now, beside the glue's, not once the glue
  // has been fetched and run. The glue fetches it in CORS mode: the
  // preload must match to be used.
  function preloadWasm(wasm) {
    var bin = document.createElement("link");
    bin.rel = "preload";
    bin.as = "fetch";
    bin.crossOrigin = "anonymous";
    bin.href = new URL(wasm, script.src).href;
    document.head.appendChild(bin);
  }

  // The module is started in one task and the widgets in the next:
  // instantiating it is a task of its own already (the browser finishes
  // compiling there), and a phone's browser can answer the reader in
  // between.
  function start(bundle) {
    import(new URL(bundle, script.src).href)
      .then(function (m) {
        return Promise.resolve(typeof m.default === "function" ? m.default() : null).then(
          function () {
            return new Promise(function (resolve) {
              setTimeout(resolve, 0);
            });
          }
        ).then(function () {
          if (typeof m.mount_all === "function") m.mount_all();
        });
      })
      .catch(function (error) {
        console.warn("archsim: widgets unavailable, the static views stay", error);
      });
  }

  function begin() {
    if (/(^|\/)print(\.html)?$/.test(location.pathname)) return;
    var mounts = Array.prototype.slice.call(document.querySelectorAll(MOUNTS));
    BUNDLES.forEach(function (b) {
      if (!mounts.some(b[2])) return;
      preloadWasm(b[1]);
      start(b[0]);
    });
  }

  // Once the page has painted its first text: when the browser reports
  // its first contentful paint, or, where it reports no paints, after the
  // first frame (its callbacks run before it is painted, a task they
  // queue after).
  function afterPaint() {
    var types = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes;
    if (!types || types.indexOf("paint") < 0) {
      requestAnimationFrame(function () {
        setTimeout(begin, 0);
      });
      return;
    }
    var observer = new PerformanceObserver(function (list) {
      if (!list.getEntriesByName("first-contentful-paint").length) return;
      observer.disconnect();
      begin();
    });
    observer.observe({ type: "paint", buffered: true });
  }

  // The book loads this script deferred (theme/index.hbs), so it runs
  // once the page is parsed; a page that runs it before its content is
  // parsed waits for it.
  if (document.readyState === "loading" && !document.querySelector(MOUNTS)) {
    document.addEventListener("DOMContentLoaded", afterPaint);
  } else {
    afterPaint();
  }
})();
