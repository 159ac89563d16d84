// Whether each live widget says what its fallback said: the page's own HTML
// is fetched again and parsed, and each mount point's answer in it (the
// static fallback) is compared with the same mount point's answer on the
// page (the live widget, started in its initial state). Controls aside,
// both are written by the same functions, so their words must be equal,
// element by element, what each answer rests on (its folded disclosure,
// read whole) included. Calls `done` with one sentence per difference.
const words = (e) => e.textContent.replace(/\s+/g, " ").trim();
const all = (root, sel) => Array.from(root.querySelectorAll(sel), words);
const cells = (root, sel, n) =>
  Array.from(root.querySelectorAll(sel), (tr) => Array.from(tr.children).slice(0, n).map(words).join(" | "));
// The parts of an answer, by kind: each part a list of texts. A part the
// fallback does not show is not compared (the placement audit's fallback
// shows the audit alone, where the widget also asks its questions).
const PARTS = {
  route: {
    head: (r) => all(r, ".archsim-verdict, .archsim-record"),
    hops: (r) => all(r, "ol.archsim-hops > li"),
    basis: (r) => all(r, "details.archsim-basis"),
  },
  // The flow table's first five columns (what each flow's state rests on
  // the fifth): the fallback shows single points of failure in a table of
  // their own, the widget in a sixth column.
  fail: {
    notes: (r) => all(r, ".archsim-scenario, .archsim-restarting"),
    flows: (r) => cells(r, "table.archsim-flows tbody tr", 5),
  },
  place: {
    verdict: (r) => all(r, ".archsim-verdict, .archsim-rules > li, .archsim-precedents > li"),
    basis: (r) => all(r, ".archsim-verdict ~ details.archsim-basis"),
    audit: (r) => cells(r, "table.archsim-audit tr", 7),
  },
  // Element by element: the fallback's HTML has line breaks between
  // them (the preprocessor keeps its HTML Markdown-safe), the widget's not.
  propose: {
    impact: (r) => all(r, ".archsim-impact :is(p, h4, li, caption, th, td, summary)"),
  },
  dns: {
    answer: (r) => all(r, ".archsim-dns p, .archsim-dns li"),
    basis: (r) => all(r, ".archsim-dns details.archsim-basis"),
  },
};
fetch(location.href)
  .then((r) => r.text())
  .then((html) => {
    const doc = new DOMParser().parseFromString(html, "text/html");
    const fallbacks = doc.querySelectorAll("div.archsim[data-archsim]");
    const problems = [];
    let compared = 0;
    document.querySelectorAll("div.archsim[data-archsim]").forEach((el, i) => {
      const kind = el.getAttribute("data-archsim");
      const live = el.querySelector(".archsim-live");
      const fallback = fallbacks[i] && fallbacks[i].querySelector(".archsim-fallback");
      if (!PARTS[kind] || !live || !fallback) return;
      for (const [part, read] of Object.entries(PARTS[kind])) {
        const said = read(fallback);
        if (said.length === 0) continue;
        compared++;
        const says = read(live);
        const k = [...Array(Math.max(said.length, says.length)).keys()].find((k) => said[k] !== says[k]);
        if (k !== undefined) {
          problems.push(
            `widget ${i + 1} (${kind}), ${part}: the widget says\n      ${says[k]}\n    where its fallback said\n      ${said[k]}`,
          );
        }
      }
    });
    done({ compared, problems });
  })
  .catch((e) => done({ compared: 0, problems: [`could not read the page's HTML again: ${e}`] }));
