// mdBook's search (elasticlunr, mark.js and its searcher: about 17 KB
// gzip) loads when a reader first asks for it, not with every page.
//
// Until then this script stands in for the searcher's own triggers: the
// search button, and S or / pressed outside a text field. It loads the
// three scripts in order, then passes the request on (a click on the
// button, which opens the search bar and focuses it). A page opened with
// `?search=` or `?highlight=` (a link from the search results) loads them
// at once, as before.
(function () {
  "use strict";
  var me = document.currentScript;
  var urls = me.getAttribute("data-scripts").split(" ");
  var toggle = document.getElementById("mdbook-search-toggle");
  var started = false;

  function load(then) {
    if (started) return;
    started = true;
    document.removeEventListener("keydown", onKey, true);
    if (toggle) toggle.removeEventListener("click", onClick, true);
    var i = 0;
    (function next() {
      if (i === urls.length) {
        if (then) then();
        return;
      }
      var script = document.createElement("script");
      script.src = urls[i++];
      script.onload = next;
      document.body.appendChild(script);
    })();
  }

  function typing(target) {
    var tag = target && target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" ||
      (target && target.isContentEditable);
  }

  function onKey(event) {
    if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
    if (event.key === "s" || event.key === "S" || event.key === "/") {
      event.preventDefault();
      load(function () { toggle.click(); });
    }
  }

  function onClick(event) {
    event.preventDefault();
    event.stopImmediatePropagation();
    load(function () { toggle.click(); });
  }

  if (!toggle || /[?&](search|highlight)=/.test(window.location.search)) {
    load();
    return;
  }
  document.addEventListener("keydown", onKey, true);
  toggle.addEventListener("click", onClick, true);
})();
