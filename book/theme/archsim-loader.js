/* mdbook-archsim 0.1.0: written by `mdbook-archsim install`; do not edit, re-run it. */
// archsim-loader: mounts the archsim widgets into a book page.
//
// mdBook adds this file to every page (additional-js) under a hashed name,
// and pages live at any depth, so the bundle's address comes from this
// script's own URL: it sits in <book root>/theme/, the bundle in
// <book root>/archsim/. Nothing is fetched on a page without widgets. On a
// page with widgets the bundle (JS and wasm) is fetched and started at
// once, so that its download and compilation overlap the page's own first
// layout and paint; each widget then starts when it comes near the
// viewport (the bundle's `mount_all` watches them). Any failure (no
// bundle, file:// pages, an old browser) leaves the static fallbacks in
// place. mdBook's print page (the whole book on one page, for paper)
// keeps its static views and loads no bundle: a printout cannot use a
// widget, and 22 of them would make it the heaviest page of the site.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;
  var bundle = new URL("../archsim/archsim-web.js", script.src).href;
  var wasm = new URL("../archsim/archsim-web_bg.wasm", script.src).href;

  // The wasm's download starts now, not once the glue has been fetched
  // and run. The glue fetches it in CORS mode: the preload must match to
  // be used.
  function preloadWasm() {
    var bin = document.createElement("link");
    bin.rel = "preload";
    bin.as = "fetch";
    bin.crossOrigin = "anonymous";
    bin.href = wasm;
    document.head.appendChild(bin);
  }

  function start() {
    import(bundle)
      .then(function (m) {
        return Promise.resolve(typeof m.default === "function" ? m.default() : null).then(
          function () {
            if (typeof m.mount_all === "function") m.mount_all();
          }
        );
      })
      .catch(function (error) {
        console.warn("archsim: widgets unavailable, the static views stay", error);
      });
  }

  function begin() {
    if (/(^|\/)print(\.html)?$/.test(location.pathname)) return;
    if (!document.querySelector("div.archsim[data-archsim]")) return;
    preloadWasm();
    start();
  }

  // mdBook puts this script after the page's content: the widgets are
  // already in the document, so there is no need to wait for the rest.
  if (document.readyState === "loading" && !document.querySelector("div.archsim[data-archsim]")) {
    document.addEventListener("DOMContentLoaded", begin);
  } else {
    begin();
  }
})();
