//! Contrast AA of the maps' text: in each of mdBook's five themes, every
//! text of a drawing (a map's names, kinds, states and edge labels, a
//! draft's marks) stands out from what is behind it by WCAG 2.1's ratio:
//! 4.5:1, or 3:1 for large text (`support/contrast.js`), as first shown
//! and zoomed in until names show.
//!
//! The text of HTML is axe-core's to judge (the audit, `audit.rs`, on
//! every page, theme and reader's state); SVG text is not: axe reads the
//! CSS `color`, which a drawing does not paint with (`fill` does), and
//! reports such text as undecided rather than failing it. This test
//! judges what axe leaves, so between them every text is measured once.
//! (Before the audit, this test also measured archsim's HTML text, and
//! only that: mdBook's sidebar and the links in the prose, which failed
//! axe in the dark themes, were outside its roots.)
//!
//! Every theme is measured on the pages whose maps use every colour a
//! theme sets; the other drawings once.

use serde_json::{Value, json};

use crate::support::runner::{Ctx, Outcome};
use crate::support::theme::open_in;
use crate::support::{site, widget};
use crate::theme::{THEMES, forget_theme};

/// Pages checked in every theme. A theme changes only the palette, which
/// every drawing reads from the same `--archsim-*` properties
/// (archsim.css, the preprocessor's theme.css): failures.html draws every
/// state of a component (its presets fail things); tour.html the route's
/// current hop, in the accent.
const EVERY_THEME: [&str; 2] = ["failures.html", "tour.html"];

/// Drawings that differ only in what they show, checked in the first
/// theme: the whole map, a provider's, and the propose widget's drawings
/// of drafts (added and removed parts marked).
const FIRST_THEME: [&str; 3] = ["overview.html", "providers/gcp.html", "reviewing.html"];

/// Zoom every live map in, a step at a time (a step zooms the view as
/// last drawn, so each waits for the maps to redraw), until all show
/// names; at most eight steps. Says whether they do.
const ZOOM_IN: &str = "const frames = () => Array.from(document.querySelectorAll('.archsim-map-frame'));
    const named = () => frames().every((f) => !f.classList.contains('is-mid') && !f.classList.contains('is-far'));
    const views = () => frames().map((f) => f.querySelector('g.archsim-viewport').getAttribute('transform'));
    (async () => {
      for (let step = 0; step < 8 && !named(); step++) {
        const before = views();
        for (const b of document.querySelectorAll('button[aria-label=\"Zoom in\"]')) b.click();
        for (let t = 0; t < 200 && views().some((v, i) => v === before[i]); t++) {
          await new Promise((r) => setTimeout(r, 25));
        }
      }
      done(named());
    })();";

/// The script that measures (see its header).
const CONTRAST: &str = include_str!("../support/contrast.js");

/// Where the drawings are: in widgets and their fallbacks.
const ROOTS: &str = "div.archsim[data-archsim] svg";

pub async fn text_contrast_is_aa_in_every_theme(ctx: &Ctx) -> Outcome {
    let result = every_theme(ctx).await;
    forget_theme(ctx).await;
    result
}

async fn every_theme(ctx: &Ctx) -> Outcome {
    let session = &ctx.session;
    let mut problems = Vec::new();
    let mut checked = 0;
    for (i, theme) in THEMES.into_iter().enumerate() {
        let once: &[&str] = if i == 0 { &FIRST_THEME } else { &[] };
        for page in EVERY_THEME.iter().chain(once) {
            let page = *page;
            let url = ctx.site.url(page);
            open_in(session, &url, theme).await?;
            let mounts = site::mount_points(&ctx.site.root, page);
            widget::start_each(session, &url, mounts, true).await?;
            // As the page first shows, then with every map zoomed in
            // until names, kinds and edge labels show.
            for zoomed in [false, true] {
                if zoomed {
                    let named = session.js_async(ZOOM_IN, vec![]).await?;
                    if named != json!(true) {
                        return Err(format!(
                            "{theme} {page}: eight steps of zoom did not bring the maps' names"
                        ));
                    }
                }
                let seen = session.js(CONTRAST, vec![json!(ROOTS)]).await?;
                checked += seen["checked"].as_u64().unwrap_or(0);
                for f in seen["failures"].as_array().into_iter().flatten() {
                    problems.push(describe(theme, page, zoomed, f));
                }
            }
        }
    }
    // The standalone simulator has its own palettes, light and dark as
    // the system prefers; one panel shows at a time.
    let mut backgrounds = Vec::new();
    let mut tabs = 0;
    for scheme in ["light", "dark"] {
        session.prefer_colour_scheme(scheme).await?;
        session.open(&ctx.site.url("archsim/index.html")).await?;
        backgrounds.push(
            session
                .js(
                    "return getComputedStyle(document.documentElement).backgroundColor",
                    vec![],
                )
                .await?,
        );
        tabs = widget::simulator_tabs(session).await?;
        for tab in 0..tabs {
            widget::show_tab(session, tab).await?;
            let seen = session.js(CONTRAST, vec![json!("main svg")]).await?;
            checked += seen["checked"].as_u64().unwrap_or(0);
            for f in seen["failures"].as_array().into_iter().flatten() {
                problems.push(describe(
                    scheme,
                    &format!("simulator tab {}", tab + 1),
                    false,
                    f,
                ));
            }
        }
    }
    session.prefer_colour_scheme("light").await?;
    // A measure of nothing passes nothing.
    if checked == 0 {
        problems.push("no text was measured: the contrast script found no drawing".to_owned());
    }
    if tabs == 0 {
        problems.push("the simulator showed no tabs: its palettes were not checked".to_owned());
    }
    if backgrounds[0] == backgrounds[1] {
        problems.push(format!(
            "the simulator looks the same in both colour schemes ({}): the dark one was not checked",
            backgrounds[0]
        ));
    }
    ctx.note(format!(
        "{checked} texts of drawings: {} pages in {} themes, {} more in the first, and the simulator's {tabs} tabs light and dark",
        EVERY_THEME.len(),
        THEMES.len(),
        FIRST_THEME.len(),
    ));
    problems.dedup();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} texts of drawings below AA contrast:\n  {}",
            problems.len(),
            problems.join("\n  ")
        ))
    }
}

fn describe(theme: &str, page: &str, zoomed: bool, f: &Value) -> String {
    let page = if zoomed {
        format!("{page} (maps zoomed in)")
    } else {
        page.to_owned()
    };
    format!(
        "{theme} {page}: {} {:?}: {} on {} is {}:1, needs {}:1",
        f["what"].as_str().unwrap_or_default(),
        f["text"].as_str().unwrap_or_default(),
        f["fg"].as_str().unwrap_or_default(),
        f["bg"].as_str().unwrap_or_default(),
        f["ratio"],
        f["needed"]
    )
}
