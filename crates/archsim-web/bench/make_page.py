# Writes DIR/index.html: three widgets (Tomoda fail and route, and a fail
# widget on a generated model read from the page) and a script that times
# instantiation, first renders and interactions, printing RESULT k=v ...
# Usage: python3 make_page.py SYNTH.toml DIR   (DIR holds archsim-web.js and
# archsim-web_bg.wasm built WITH the page-models feature).
import sys
synth=open(sys.argv[1]).read()
page='''<!doctype html><html><head><meta charset="utf-8"><title>bench</title></head><body>
<script type="application/toml" id="m1000">%s</script>
<div class="archsim" data-archsim="fail" data-archsim-v="1" id="t"><div class="archsim-fallback">x</div></div>
<div class="archsim" data-archsim="route" data-archsim-v="1" data-host="app.tomoda.life" id="r"><div class="archsim-fallback">x</div></div>
<div style="height:6000px"></div><div class="archsim" data-archsim="fail" data-archsim-v="1" data-model="#m1000" id="s"><div class="archsim-fallback">x</div></div>
<pre id="out">running</pre>
<script type="module">
const out = [];
const log = (k, v) => out.push(k + "=" + (typeof v === "number" ? v.toFixed(1) : v));
const frame = () => new Promise(r => setTimeout(r, 0));
async function until(f) { if (f()) return; await Promise.resolve(); if (f()) return; for (let i = 0; i < 2000; i++) { if (f()) return; await frame(); } throw new Error("timeout"); }
const t0 = performance.now();
const m = await import("./archsim-web.js");
await m.default({ module_or_path: "./archsim-web_bg.wasm" });
const t1 = performance.now();
log("instantiate_ms", t1 - t0);
// Mount every widget now (not lazily) to time first render of all.
m.mount_all();
for (const id of ["t", "r", "s"]) {
  const s0 = performance.now();
  document.getElementById(id).scrollIntoView();
  await until(() => document.querySelector("#" + id + " .archsim-live"));
  log("first_render_" + id + "_ms", performance.now() - s0);
}
log("all_ready_after_start_ms", performance.now() - t0);
async function clickTime(id, n) {
  const root = document.getElementById(id);
  const times = [];
  for (let k = 0; k < n; k++) {
    const nodes = root.querySelectorAll("g.archsim-node");
    const node = nodes[(k * 7) % nodes.length];
    const before = root.querySelector(".archsim-summary").textContent;
    const c0 = performance.now();
    node.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    await until(() => root.querySelector(".archsim-summary").textContent !== before || performance.now() - c0 > 2000);
    times.push(performance.now() - c0);
  }
  times.sort((a, b) => a - b);
  log("fail_toggle_" + id + "_median_ms", times[Math.floor(times.length / 2)]);
  log("fail_toggle_" + id + "_max_ms", times[times.length - 1]);
}
await clickTime("t", 9);
await clickTime("s", 9);
// Route: step Next repeatedly.
{
  const root = document.getElementById("r");
  const times = [];
  for (let k = 0; k < 6; k++) {
    const next = root.querySelectorAll(".archsim-stepper button")[k % 2 == 0 ? 1 : 0];
    const before = root.querySelector(".archsim-explain").textContent;
    const c0 = performance.now();
    next.click();
    await until(() => root.querySelector(".archsim-explain").textContent !== before || performance.now() - c0 > 2000);
    times.push(performance.now() - c0);
  }
  times.sort((a, b) => a - b);
  log("route_step_median_ms", times[Math.floor(times.length / 2)]);
}
if (performance.memory) log("js_heap_mb", performance.memory.usedJSHeapSize / 1048576);
document.getElementById("out").textContent = "RESULT " + out.join(" ");
</script></body></html>'''.replace('%s', synth, 1)
open(sys.argv[2] + '/index.html','w').write(page)
