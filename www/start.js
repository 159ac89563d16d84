// The simulator page's start-up, as a file: the page runs under the site's
// Content-Security-Policy, which allows no inline script (trunk is told not
// to inject its own loader: Trunk.toml `inject_scripts = false`).

// The dark palette (archsim.css's `archsim-dark`) while the system prefers
// a dark scheme, switching when it changes.
const dark = matchMedia("(prefers-color-scheme: dark)");
const follow = () => document.documentElement.classList.toggle("archsim-dark", dark.matches);
follow();
dark.addEventListener("change", follow);

// Initialise the wasm module, then mount the simulator.
import init, { mount_all } from "./archsim-web.js";
await init({ module_or_path: new URL("./archsim-web_bg.wasm", import.meta.url) });
mount_all();
