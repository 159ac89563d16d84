// What every archsim mount point on the page shows, in one canonical shape
// for the live widget and for the static fallback alike, so the tests can
// compare either with the engine's answer. Both write their answers with
// the same functions (archsim-view's html module), so one selector reads
// either. Returns one object per `div.archsim[data-archsim]`, in page
// order; or, given a CSS selector as the first argument, the object of the
// mount point it selects (or null).
const text = (e) => (e ? e.textContent.trim() : null);
const stateOf = (e) => {
  const m = e && (e.getAttribute("class") || "").match(/(?:^|\s)state-([a-z-]+)/);
  return m ? m[1] : null;
};
const elements = Array.from(document.querySelectorAll("div.archsim[data-archsim]"));
const only = arguments[0] ? document.querySelector(arguments[0]) : null;
const read = (el, i) => {
  const attrs = {};
  for (const a of el.attributes) if (a.name.startsWith("data-")) attrs[a.name.slice(5)] = a.value;
  const live = el.querySelector(".archsim-live");
  const fallback = el.querySelector(":scope > .archsim-fallback");
  const root = live || fallback;
  const out = {
    n: i + 1,
    kind: attrs["archsim"],
    attrs,
    // Live once in the page with every part shown: a part below the view
    // is laid out a few frames after the rest (archsim-web's steps).
    live: !!live && !el.querySelector("[data-archsim-waits]"),
    fallback: !!fallback,
    visible: !!root && root.getBoundingClientRect().height > 0,
    notices: Array.from(el.querySelectorAll(".archsim-mount-notice, .archsim-crash")).map(text),
    crashed: !!el.querySelector(".archsim-crash"),
    linkNotices: Array.from(el.querySelectorAll(".archsim-link-notice li")).map(text),
  };
  if (!root) return out;
  const all = (sel) => Array.from(root.querySelectorAll(sel));
  const nodes = all("g.archsim-node[data-id]");
  out.map = nodes.length
    ? {
        nodes: nodes.map((g) => g.getAttribute("data-id")),
        lit: nodes.filter((g) => g.classList.contains("is-highlighted")).map((g) => g.getAttribute("data-id")),
        current: nodes.filter((g) => g.classList.contains("is-current")).map((g) => g.getAttribute("data-id")),
        failed: nodes.filter((g) => g.classList.contains("is-failed")).map((g) => g.getAttribute("data-id")),
      }
    : null;
  switch (out.kind) {
    case "route": {
      const verdict = root.querySelector(".archsim-verdict");
      out.host = text(verdict && verdict.querySelector("strong"));
      out.verdict = stateOf(verdict && verdict.querySelector(".archsim-state"));
      out.hops = all("ol.archsim-hops > li").map((li) => text(li.querySelector(":scope > code")));
      out.step = all("ol.archsim-hops > li").findIndex((li) => li.classList.contains("is-current"));
      break;
    }
    case "fail": {
      out.flows = {};
      for (const tr of all("table.archsim-flows tbody tr[data-flow]")) out.flows[tr.getAttribute("data-flow")] = stateOf(tr);
      // The live widget's preset selector: the preset it shows (its label).
      const preset = root.querySelector("select");
      out.preset = preset && preset.selectedOptions[0] ? text(preset.selectedOptions[0]) : null;
      break;
    }
    case "place": {
      const verdict = root.querySelector(".archsim-verdict");
      const m = verdict && (verdict.getAttribute("class") || "").match(/verdict-([a-z0-9-]+)/);
      out.verdict = m ? m[1] : null;
      out.verdictText = text(verdict);
      out.precedents = all("ul.archsim-precedents > li").map((li) => text(li.querySelector("code")));
      out.precedentNames = all("ul.archsim-precedents > li").map((li) => text(li.querySelector("strong")));
      out.audit = all("table.archsim-audit tbody tr").map((tr) => text(tr.querySelector("th code")));
      break;
    }
    case "propose": {
      // The widget and its fallback write the empty impact area alike
      // (html::propose_empty).
      out.impact = text(root.querySelector(".archsim-impact .archsim-propose-empty"));
      out.text = text(root);
      break;
    }
    case "dns": {
      // The widget and its fallback write the same answer (html::dns_answer).
      out.host = text(root.querySelector(".archsim-dns .archsim-verdict strong"));
      out.record = !!root.querySelector(".archsim-dns ul.archsim-records > li");
      out.text = text(root);
      break;
    }
  }
  return out;
};
if (arguments[0]) {
  const i = elements.indexOf(only);
  return i < 0 ? null : read(only, i);
}
return elements.map(read);
