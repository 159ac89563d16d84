// archsim-loader: mounts the archsim widgets into a book page.
//
// mdBook adds this file to every page (additional-js) under a hashed name,
// and pages live at any depth, so the bundle's address comes from this
// script's own URL: it sits in <book root>/theme/, the bundle in
// <book root>/archsim/. The bundle is fetched only when a page has a widget
// and one comes near the viewport. Any failure (no bundle, file:// pages,
// an old browser) leaves the static fallbacks in place.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;
  var bundle = new URL("../archsim/archsim-web.js", script.src).href;
  var started = false;

  function start() {
    if (started) return;
    started = true;
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

  function watch() {
    var widgets = document.querySelectorAll("div.archsim[data-archsim]");
    if (widgets.length === 0) return;
    // A shared link (#v1;…) may point at a widget below the fold: start now.
    if (/^#v\d+;/.test(location.hash)) return start();
    if (!("IntersectionObserver" in window)) return start();
    var observer = new IntersectionObserver(
      function (entries) {
        if (entries.some(function (e) { return e.isIntersecting; })) {
          observer.disconnect();
          start();
        }
      },
      { rootMargin: "200px" }
    );
    widgets.forEach(function (w) { observer.observe(w); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", watch);
  } else {
    watch();
  }
})();
