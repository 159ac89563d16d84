//! Browser benchmarks of the site (issue 6 §3), on demand, not in CI:
//!
//! - per page with widgets (its first widget brought into view at
//!   DOMContentLoaded), the median over runs of: the first widget's
//!   render (its DOM); "all rendered", the render of the last widget
//!   within 200 px of the viewport (as the bundle starts them); "ready",
//!   the end of the frame that shows them all (they are on screen and
//!   answer input), all in ms after DOMContentLoaded; when the wasm module
//!   finished downloading; and the
//!   live JS heap when ready (`usedJSHeapSize` after a forced GC; the wasm
//!   module's linear memory is not part of it);
//! - interaction latency sweeps in the browser: route every host, fail
//!   every component, answer every placement question, timed with
//!   `performance.now()` from the event to the widget's DOM update (a
//!   MutationObserver), on the Tomoda model and on a generated model of
//!   1,000 components (embedded in a page through `data-model`).
//!
//! Run (after `cargo xtask build`):
//!
//! ```sh
//! cargo run -p archsim-e2e --example browser_bench
//! ARCHSIM_BENCH_RUNS=9 ARCHSIM_BENCH_SAMPLES=50 ARCHSIM_SITE=/path/to/site \
//!     cargo run -p archsim-e2e --example browser_bench
//! ```
//!
//! `ARCHSIM_BENCH_RUNS` (default 5): page loads per page; `ARCHSIM_BENCH_SAMPLES`
//! (default 10): hosts and components the synthetic sweeps sample; an
//! update slower than 30 s counts as "without a DOM update";
//! `ARCHSIM_BENCH_TIMES` (set): print every sweep's times in order;
//! `ARCHSIM_BENCH_ONLY` (`start-up` or `sweeps`): run one part.
//!
//! The timings are taken inside Chromium, so a debug build of this driver
//! measures the same as a release one.

#[path = "../tests/support/mod.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::time::Duration;

use archsim_core::synth::{SynthOptions, generate};
use archsim_e2e::server;
use serde_json::{Value, json};

use support::browser::{Chrome, Options, Session};
use support::site::{self, Served};
use support::widget;

/// Installed in every document before its scripts: records when the first
/// widget rendered and when every started widget had, with the JS heap.
/// At DOMContentLoaded it brings the page's first widget into view (as a
/// reader arriving at it would), since widgets start only in view.
const OBSERVER: &str = r#"
(() => {
  document.addEventListener("DOMContentLoaded", () => {
    const w = document.querySelector("div.archsim[data-archsim]");
    if (w) w.scrollIntoView({ block: "center" });
  });
  // When each mount point first showed its live widget (`first`: the
  // earliest), and when the frame that shows it had been painted. Nothing
  // here measures the page's layout, so the timing is the page's own.
  const b = (window.__archsimBench = { first: null, live: new Map(), painted: new Map() });
  new MutationObserver(() => {
    for (const p of document.querySelectorAll("div.archsim[data-archsim]")) {
      if (!b.live.has(p) && p.querySelector(".archsim-live")) {
        const t = performance.now();
        b.live.set(p, t);
        if (b.first === null) b.first = t;
        requestAnimationFrame(() => setTimeout(() => b.painted.set(p, performance.now()), 0));
      }
    }
  }).observe(document, { childList: true, subtree: true });
})();
"#;

/// A script: for the mount points near the viewport (where the bundle
/// starts widgets, [`widget::NEAR_VIEW`]), `null` while one of them has no
/// painted live widget yet, else for each the time of its first render
/// (its DOM) and of the end of the frame that painted it, as `[render,
/// painted]`. One that a started neighbour pushed further away waits for
/// the reader and does not count.
fn near_live() -> String {
    format!(
        r#"
const b = window.__archsimBench;
if (!b || b.first === null) return null;
const times = [];
for (const p of document.querySelectorAll("div.archsim[data-archsim]")) {{
  if ({near}(p)) {{
    if (!b.painted.has(p)) return null;
    times.push([b.live.get(p), b.painted.get(p)]);
  }}
}}
return times;
"#,
        near = widget::NEAR_VIEW
    )
}

/// Read the page's marks once it is ready (after [`near_live`], whose
/// result is `near`): "rendered" is when the last widget in view had
/// rendered, "ready" when the frame showing it had been painted.
const MARKS: &str = r#"
const b = window.__archsimBench || {};
const nav = performance.getEntriesByType("navigation")[0];
const wasm = performance.getEntriesByType("resource").find((e) => e.name.endsWith(".wasm"));
// The live heap: what the previous pages of the session left is collected first.
if (window.gc) window.gc();
return {
  dcl: nav ? nav.domContentLoadedEventStart : null,
  first: b.first,
  rendered: near && near.length ? Math.max(...near.map((t) => t[0])) : null,
  ready: near && near.length ? Math.max(...near.map((t) => t[1])) : null,
  heap: performance.memory ? performance.memory.usedJSHeapSize : null,
  wasm: wasm ? wasm.responseEnd : null,
  widgets: document.querySelectorAll("div.archsim[data-archsim]").length,
};
"#;

/// Time `arguments[1]`'s steps on the widget `arguments[0]`: each step is
/// prepared, then its action runs and the time to the widget's next DOM
/// update is taken. `arguments[2]` is the sweep's kind.
const SWEEP: &str = r#"
const [sel, kind, limit] = arguments;
const w = document.querySelector(sel);
const live = w && w.querySelector(".archsim-live");
if (!live) { done({ error: "no live widget at " + sel }); return; }
const tick = () => new Promise((r) => setTimeout(r, 0));
// After the next frame: its style, layout and paint are done.
const painted = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
// [to the widget's DOM update, to the frame that shows it] (ms).
const time = (action) => new Promise((resolve) => {
  let t0 = 0;
  const timer = setTimeout(() => { mo.disconnect(); resolve([null, null]); }, 30000);
  const mo = new MutationObserver(() => {
    const t = performance.now() - t0;
    mo.disconnect(); clearTimeout(timer);
    painted().then(() => resolve([t, performance.now() - t0]));
  });
  mo.observe(live, { childList: true, subtree: true, attributes: true, characterData: true });
  t0 = performance.now();
  action();
});
const pick = (list) => {
  if (list.length <= limit) return list;
  const step = list.length / limit;
  return Array.from({ length: limit }, (_, i) => list[Math.floor(i * step)]);
};
(async () => {
  const times = [];
  let opened = null;
  if (kind === "route") {
    const input = live.querySelector("input.archsim-host");
    // Every suggested host but the one already routed (which would change nothing).
    const hosts = pick(Array.from(live.querySelectorAll("datalist option"))
      .map((o) => o.value).filter((h) => h !== input.value));
    for (const host of hosts) {
      input.value = host;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      await painted();
      times.push(await time(() => input.form.requestSubmit()));
      await tick();
    }
  } else if (kind === "fail" || kind === "place") {
    // Opening the component list is an interaction of its own: at 1,000
    // components it writes and lays out 1,000 checkboxes.
    const list = live.querySelector("details.archsim-checklist");
    if (list && !list.open) {
      opened = await time(() => list.querySelector("summary").click());
      await painted();
    }
    // So is showing the placement audit (a row per component); it is
    // hidden again before the questions, as on the Tomoda page.
    const audit = () => live.querySelector("input[data-act=audit]");
    if (kind === "place" && audit() && !audit().checked) {
      opened = await time(() => audit().click());
      await painted();
      audit().click();
      await painted();
    }
    // By id: a render replaces the answer's markup, and with it the boxes.
    const ids = pick(Array.from(live.querySelectorAll(
      kind === "fail" ? ".archsim-checklist input[type=checkbox]" : ".archsim-questions input[type=checkbox]"))
      .map((b) => b.id));
    const box = (id) => document.getElementById(id);
    for (const id of ids) {
      times.push(await time(() => box(id).click()));
      await tick();
      box(id).click();
      await painted();
    }
  } else if (kind === "propose") {
    // Draft the removal of each component in turn (the impact of a
    // draft edit: apply, the diff of both models, the map and the
    // render), then undo it, so each starts from the model. A removal the
    // draft refuses (the zone, a writer's host) is a notice: not counted.
    const area = live.querySelector(".archsim-propose");
    const rm = () => area.querySelector("select[id$='-rm']");
    const ids = pick(Array.from(rm().options).map((o) => o.value));
    for (const id of ids) {
      rm().value = id;
      const step = await time(() => area.querySelector("button[data-act=draft-rm]").click());
      await painted();
      const undo = area.querySelector("button[data-act=draft-undo]");
      if (undo && !undo.disabled) {
        times.push(step);
        undo.click();
        await painted();
      }
    }
  }
  done({ times, opened });
})();
"#;

fn main() {
    if let Err(e) = run() {
        eprintln!("browser_bench: {e}");
        std::process::exit(1);
    }
}

fn runs() -> usize {
    std::env::var("ARCHSIM_BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .filter(|&r| r > 0)
        .unwrap_or(5)
}

/// How many hosts and components the synthetic sweeps sample (evenly).
fn samples() -> usize {
    std::env::var("ARCHSIM_BENCH_SAMPLES")
        .ok()
        .and_then(|r| r.parse().ok())
        .filter(|&r| r > 0)
        .unwrap_or(10)
}

/// Whether `part` (`start-up` or `sweeps`) is to run: all of them unless
/// `ARCHSIM_BENCH_ONLY` names one.
fn wanted(part: &str) -> bool {
    std::env::var("ARCHSIM_BENCH_ONLY").map_or(true, |only| only.is_empty() || only == part)
}

fn run() -> Result<(), String> {
    let root = site::folder()?;
    if !root.join("archsim/archsim-web_bg.wasm").is_file() {
        return Err(format!(
            "{} has no archsim/archsim-web_bg.wasm: the site must include the widget bundle",
            root.display()
        ));
    }
    let served = Served::start(&root)?;
    let synth = SynthPage::write(&root, 1000)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let chrome = Chrome::start()?;
    runtime.block_on(async {
        let options = Options {
            expose_gc: true,
            ..Options::default()
        };
        let session = chrome.session(&options).await?;
        session.on_new_document(OBSERVER).await?;
        // A sweep is one long script: give it minutes, not WebDriver's 30 s.
        let mut timeouts = session
            .client
            .get_timeouts()
            .await
            .map_err(|e| e.to_string())?;
        timeouts.set_script(Some(Duration::from_secs(900)));
        session
            .client
            .update_timeouts(timeouts)
            .await
            .map_err(|e| e.to_string())?;
        let result = bench(&session, &served, &synth).await;
        session.close().await;
        result
    })
}

async fn bench(session: &Session, served: &Served, synth: &SynthPage) -> Result<(), String> {
    if wanted("start-up") {
        start_up(session, served).await?;
    }
    if wanted("sweeps") {
        sweeps(session, served, synth).await?;
    }
    Ok(())
}

async fn start_up(session: &Session, served: &Served) -> Result<(), String> {
    let runs = runs();
    println!(
        "\nWidget start-up, headless Chromium, median of {runs} runs (ms after DOMContentLoaded)\n"
    );
    println!(
        "{:<24} {:>7} {:>13} {:>13} {:>13} {:>13} {:>11}",
        "page", "widgets", "first render", "all rendered", "ready", "wasm loaded", "JS heap MB"
    );
    for page in site::pages(&served.root) {
        if site::mount_points(&served.root, &page) == 0 || site::is_print(&page) {
            continue;
        }
        let mut first = Vec::new();
        let mut rendered = Vec::new();
        let mut ready = Vec::new();
        let mut wasm = Vec::new();
        let mut heap = Vec::new();
        let mut widgets = 0;
        for _ in 0..runs {
            let marks = load(session, &served.url(&page)).await?;
            let dcl = marks["dcl"].as_f64().unwrap_or(0.0);
            let after = |key: &str| marks[key].as_f64().map(|t| t - dcl);
            first.extend(after("first"));
            rendered.extend(after("rendered"));
            ready.extend(after("ready"));
            wasm.extend(after("wasm"));
            heap.extend(marks["heap"].as_f64().map(|h| h / 1e6));
            widgets = marks["widgets"].as_u64().unwrap_or(0);
        }
        println!(
            "{page:<24} {widgets:>7} {:>13} {:>13} {:>13} {:>13} {:>11}",
            ms(median(&mut first)),
            ms(median(&mut rendered)),
            ms(median(&mut ready)),
            ms(median(&mut wasm)),
            median(&mut heap).map_or("—".into(), |h| format!("{h:.2}")),
        );
    }
    Ok(())
}

async fn sweeps(session: &Session, served: &Served, synth: &SynthPage) -> Result<(), String> {
    println!("\nInteraction latency (ms)\n");
    println!(
        "{:<64} {:>4} {:>19} {:>19}",
        "sweep", "n", "DOM med/p95/max", "frame med/p95/max"
    );
    let samples = samples();
    let route = widget::css("route", &[("data-host", "api.tomoda.life")]);
    let fail = widget::css("fail", &[("data-fail", "redis")]);
    let place = "div.archsim[data-archsim=\"place\"]:not([data-answers]):not([data-audit])";
    let sweeps = [
        Sweep {
            name: "Tomoda: route every host".into(),
            url: served.url("routing.html"),
            widget: route,
            kind: "route",
            limit: usize::MAX,
        },
        Sweep {
            name: "Tomoda: fail every component".into(),
            url: served.url("failures-more.html"),
            widget: fail,
            kind: "fail",
            limit: usize::MAX,
        },
        Sweep {
            name: "Tomoda: answer every placement question".into(),
            url: served.url("placement.html"),
            widget: place.into(),
            kind: "place",
            limit: usize::MAX,
        },
        Sweep {
            name: "Tomoda: draft the removal of each component".into(),
            url: served.url("reference/widgets.html"),
            widget: "div.archsim[data-archsim=\"propose\"]".into(),
            kind: "propose",
            limit: usize::MAX,
        },
        Sweep {
            name: format!("synthetic {}: route {samples} hosts", synth.components),
            url: synth.url.clone(),
            widget: synth.route.clone(),
            kind: "route",
            limit: samples,
        },
        Sweep {
            name: format!("synthetic {}: fail {samples} components", synth.components),
            url: synth.url.clone(),
            widget: synth.fail.clone(),
            kind: "fail",
            limit: samples,
        },
        Sweep {
            name: format!(
                "synthetic {}: answer every placement question",
                synth.components
            ),
            url: synth.url.clone(),
            widget: synth.place.clone(),
            kind: "place",
            limit: samples,
        },
    ];
    for Sweep {
        name,
        url,
        widget: sel,
        kind,
        limit,
    } in sweeps
    {
        session.open(&url).await?;
        widget::live(session, &sel).await?;
        let result = session
            .js_async(
                SWEEP,
                vec![json!(sel), json!(kind), json!(limit.min(100_000))],
            )
            .await?;
        if let Some(e) = result["error"].as_str() {
            return Err(format!("{name}: {e}"));
        }
        let steps = result["times"].as_array().cloned().unwrap_or_default();
        // Steps without a DOM update within 30 s have no times.
        let series =
            |k: usize| -> Vec<f64> { steps.iter().filter_map(|t| t[k].as_f64()).collect() };
        let (dom, frame) = (series(0), series(1));
        let missed = steps.len() - dom.len();
        if std::env::var_os("ARCHSIM_BENCH_TIMES").is_some() {
            // Every time, in the order taken: shows a slow first step.
            let all: Vec<String> = dom.iter().map(|t| format!("{t:.1}")).collect();
            println!("  {name}: {}", all.join(" "));
        }
        row(&name, dom, frame, missed);
        if let Some(opened) = result["opened"].as_array() {
            let one = |k: usize| opened.get(k).and_then(Value::as_f64).into_iter().collect();
            let what = if kind == "place" {
                "show the audit"
            } else {
                "open the list"
            };
            row(&format!("{name}: {what}"), one(0), one(1), 0);
        }
    }
    println!();
    println!("DOM: from the event to the widget's DOM update (the engine and the");
    println!("render); frame: to the end of the next frame (style, layout, paint).");
    Ok(())
}

/// One line of the latency table.
fn row(name: &str, mut dom: Vec<f64>, mut frame: Vec<f64>, missed: usize) {
    println!(
        "{name:<64} {:>4} {:>19} {:>19}{}",
        dom.len(),
        summary(&mut dom),
        summary(&mut frame),
        if missed > 0 {
            format!("  ({missed} without a DOM update)")
        } else {
            String::new()
        }
    );
}

/// `median / p95 / max` of `times`.
fn summary(times: &mut [f64]) -> String {
    // `median` sorts `times`.
    let mid = median(times);
    let p95 = times
        .get(((times.len() as f64 * 0.95).ceil() as usize).saturating_sub(1))
        .copied();
    format!("{} / {} / {}", ms(mid), ms(p95), ms(times.last().copied()))
}

/// One interaction sweep: what to do to which widget of which page.
struct Sweep {
    name: String,
    url: String,
    /// CSS selector of the mount point.
    widget: String,
    /// `route` (every host of the input's suggestions), `fail` (every
    /// component's checkbox) or `place` (every question's checkbox).
    kind: &'static str,
    /// At most this many steps, evenly sampled.
    limit: usize,
}

/// Load `url` afresh and wait for the widgets in view to be ready.
async fn load(session: &Session, url: &str) -> Result<Value, String> {
    session.open("about:blank").await?;
    session.open(url).await?;
    let near = format!("const near = (() => {{ {} }})();", near_live());
    session
        .wait_until(
            &format!("{url}'s widgets in view to be live"),
            &format!("{near} return near !== null;"),
            vec![],
        )
        .await?;
    // A widget in view may still be starting (the next in turn): wait, then
    // read the marks with the view as it is then.
    tokio::time::sleep(Duration::from_millis(300)).await;
    session.js(&format!("{near} {MARKS}"), vec![]).await
}

fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    Some(if values.len() % 2 == 1 {
        values[mid]
    } else {
        (values[mid - 1] + values[mid]) / 2.0
    })
}

fn ms(value: Option<f64>) -> String {
    value.map_or("—".into(), |v| format!("{v:.1}"))
}

/// A page with a generated model of N components, a route widget and a
/// failure simulator on it, served with the site's bundle and the widgets'
/// stylesheets (so style and layout cost what they cost on a real page).
struct SynthPage {
    components: usize,
    url: String,
    route: String,
    fail: String,
    place: String,
    dir: PathBuf,
}

impl SynthPage {
    fn write(site: &Path, components: usize) -> Result<SynthPage, String> {
        let toml = generate(&SynthOptions {
            components,
            seed: 1,
        });
        let engine = archsim_core::Engine::from_str("synthetic.toml", &toml)
            .map_err(|d| format!("the generated model does not load: {d:?}"))?;
        let host = engine
            .model()
            .records
            .first()
            .map(|r| r.host.clone())
            .ok_or("the generated model has no DNS record")?;
        let dir = std::env::temp_dir().join(format!("archsim-bench-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        std::os::unix::fs::symlink(site, dir.join("site")).map_err(|e| e.to_string())?;
        // The mount contract's page model: the core's binary form, base64.
        let script = archsim_core::codec::encode_text(engine.model());
        let page = format!(
            r##"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>synthetic {components}</title>
<link rel="stylesheet" href="site/archsim/archsim.css"><link rel="stylesheet" href="site/archsim/widgets.css">
</head>
<body>
<script type="application/x-archsim-model" id="archsim-model">{script}</script>
<div class="archsim" data-archsim="route" data-archsim-v="1" data-model="#archsim-model" data-host="{host}"></div>
<div class="archsim" data-archsim="fail" data-archsim-v="1" data-model="#archsim-model" data-synthetic="fail"></div>
<div class="archsim" data-archsim="place" data-archsim-v="1" data-model="#archsim-model" data-synthetic="place"></div>
<script type="module" src="start.js"></script>
</body></html>
"##
        );
        std::fs::write(dir.join("synthetic.html"), page).map_err(|e| e.to_string())?;
        // A file, not an inline script: the test server's Content Security
        // Policy (`script-src 'self'`, as the book's) blocks inline ones.
        let start = "import init, { mount_all } from \"./site/archsim/archsim-web.js\";\nawait init();\nmount_all();\n";
        std::fs::write(dir.join("start.js"), start).map_err(|e| e.to_string())?;
        let addr = server::spawn(&dir, 0).map_err(|e| e.to_string())?;
        Ok(SynthPage {
            components,
            url: format!("http://{addr}/synthetic.html"),
            route: widget::css("route", &[("data-host", &host)]),
            fail: widget::css("fail", &[("data-synthetic", "fail")]),
            place: widget::css("place", &[("data-synthetic", "place")]),
            dir,
        })
    }
}

impl Drop for SynthPage {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
