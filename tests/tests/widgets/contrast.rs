//! Contrast AA (the widgets issue's accessibility list): in each of
//! mdBook's five themes, every text of archsim's (the live widgets, the
//! map's labels, the generated tables, the "checked" marks) stands out
//! from what is behind it by WCAG 2.1's ratio: 4.5:1, or 3:1 for large
//! text (`support/contrast.js`). Every theme is measured on the pages that
//! use every colour a theme sets; the other pages with widgets once.

use serde_json::{Value, json};

use crate::support::runner::{Ctx, Outcome};
use crate::support::theme::open_in;
use crate::support::{site, widget};
use crate::theme::{THEMES, forget_theme};

/// Pages checked in every theme. A theme changes only the palette, which
/// every kind of widget and view reads from the same `--archsim-*`
/// properties (archsim.css, the preprocessor's theme.css): these two pages
/// use each of them. failures.html shows every flow state (its presets fail
/// things), the map with its labels, a component list, a generated table
/// and claim marks; tour.html the accent, on the route's hop names and
/// links, which no other kind uses.
const EVERY_THEME: [&str; 2] = ["failures.html", "tour.html"];

/// Pages that differ only in what they show (the placement assistant, the
/// DNS lookup, a provider's map and tables), checked in the first theme:
/// their colours are the same properties the pages above check in every
/// theme.
const FIRST_THEME: [&str; 3] = ["placement.html", "dns.html", "providers/gcp.html"];

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

/// Open the simulator's tab `arguments[0]`.
const SHOW_TAB: &str =
    "document.querySelectorAll('[role=tab]')[arguments[0]].click(); return true;";

/// Whether tab `arguments[0]`'s panel shows, drawn.
const TAB_SHOWN: &str = "const tab = document.querySelectorAll('[role=tab]')[arguments[0]];
    const panel = document.getElementById(tab.getAttribute('aria-controls'));
    return !!panel && panel.getClientRects().length > 0 && panel.childElementCount > 0;";

/// The script that measures (see its header).
const CONTRAST: &str = include_str!("../support/contrast.js");

/// Where archsim's text is: widgets and their fallbacks, generated views,
/// claim marks, self-check questions.
const ROOTS: &str =
    "div.archsim[data-archsim], .archsim-generated, .archsim-claim, fieldset.archsim-predict";

/// Pick a choice in every self-check question, so that its answer shows
/// and is measured too: the engine's answer in the first, third, …, and
/// another in the second, fourth, …, so both verdicts show. Returns how
/// many questions there are.
const PICK: &str = "const qs = Array.from(document.querySelectorAll('fieldset.archsim-predict'));
    qs.forEach((f, i) => {
      const right = f.querySelector('input.is-answer');
      const other = Array.from(f.querySelectorAll('input')).find((x) => x !== right);
      (i % 2 === 0 ? right : other).click();
    });
    return qs.length;";

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
                    // The self-check questions' answers show once picked.
                    let questions = session.js(PICK, vec![]).await?;
                    if page == "tour.html" && questions.as_u64().unwrap_or(0) < 2 {
                        return Err(format!(
                            "{theme} {page}: {questions} self-check questions, not both verdicts"
                        ));
                    }
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
        // The tabs are the bundle's: they come once its module has been
        // instantiated, which the page's load event does not wait for.
        tabs = session
            .wait_until(
                "the simulator's tabs",
                "return document.querySelectorAll('[role=tab]').length",
                vec![],
            )
            .await?
            .as_u64()
            .unwrap_or(0);
        for tab in 0..tabs {
            session.js(SHOW_TAB, vec![json!(tab)]).await?;
            session
                .wait_until(
                    &format!("tab {} to show", tab + 1),
                    TAB_SHOWN,
                    vec![json!(tab)],
                )
                .await?;
            let seen = session.js(CONTRAST, vec![json!("main")]).await?;
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
        problems.push("no text was measured: the contrast script found none".to_owned());
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
        "{checked} texts: {} pages in {} themes, {} more in the first, and the simulator's {tabs} tabs light and dark",
        EVERY_THEME.len(),
        THEMES.len(),
        FIRST_THEME.len(),
    ));
    problems.dedup();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} texts below AA contrast:\n  {}",
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
