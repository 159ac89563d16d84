// The simulator page's start-up, as a file: the page runs under the site's
// Content-Security-Policy, which allows no inline script (trunk is told not
// to inject its own loader: Trunk.toml `inject_scripts = false`).

// The dark palette (archsim.css's `archsim-dark`) while the system prefers
// a dark scheme, switching when it changes.
const dark = matchMedia("(prefers-color-scheme: dark)");
const follow = () => document.documentElement.classList.toggle("archsim-dark", dark.matches);
follow();
dark.addEventListener("change", follow);

// Initialise the wasm module, then mount the simulator in a task of its
// own (as the book's loader does: a phone's browser can answer between).
import init, { mount_all } from "./archsim-web.js";
await init({ module_or_path: new URL("./archsim-web_bg.wasm", import.meta.url) });
await new Promise((resolve) => setTimeout(resolve, 0));
mount_all();

// The Propose tab shows the propose widget, which is another bundle's
// (archsim-propose: its diff engine does not fit in this one's budget).
// It is fetched when the tab first shows its mount point, and asked to
// mount each new one (the tab's panel is rebuilt when the tab opens again).
let propose = null;
const mountPropose = () => {
  if (!document.querySelector('div.archsim[data-archsim="propose"]:not([data-archsim-mounted])')) return;
  propose ??= import("./archsim-propose.js").then(async (m) => {
    await m.default({ module_or_path: new URL("./archsim-propose_bg.wasm", import.meta.url) });
    return m;
  });
  propose
    .then((m) => m.mount_all())
    .catch((error) => {
      // Not "Loading…" forever: the tab says it could not load. Only a
      // notice that says something else is rewritten: a rewrite is itself
      // a change the observer reports, which would come back here.
      const words = "The propose widget could not be loaded; the other tabs still work.";
      const notices = document.querySelectorAll('div.archsim[data-archsim="propose"] .archsim-fallback .archsim-notice');
      const stale = Array.from(notices).filter((n) => n.textContent !== words);
      if (stale.length) console.warn("archsim: the propose widget is unavailable", error);
      for (const notice of stale) {
        // As the bundles' own notice of a widget that cannot start.
        notice.className = "archsim-notice archsim-mount-notice";
        notice.setAttribute("role", "status");
        notice.textContent = words;
      }
    });
};
new MutationObserver(mountPropose).observe(document.body, { childList: true, subtree: true });
mountPropose();
