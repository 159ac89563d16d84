//! What the widgets show can be read: their text is close to the book's
//! own size, and the overview map is readable as it first shows, in the
//! book's text column; zooming in brings the names back, and "Full
//! window" makes it all bigger.

use fantoccini::key::Key;
use serde_json::{Value, json};

use crate::ensure;
use crate::support::keys;
use crate::support::runner::{Ctx, Outcome};
use crate::support::widget::{click, css, live};

/// The smallest rendered height of a word's box (about 1.2 times its font
/// size) a reader can be asked to read, in CSS pixels. A name on the
/// fitted Tomoda map was 4.8.
const READABLE_PX: f64 = 6.5;

/// The smallest size of a widget's text next to the book's paragraphs.
const TEXT_RATIO: f64 = 0.85;

/// The computed font size of the book's paragraphs and of the text of
/// each live widget on the page, in CSS pixels.
const TEXT_SIZES: &str = "const px = (e) => parseFloat(getComputedStyle(e).fontSize);
    return {
      book: px(document.querySelector('main p')),
      widgets: Array.from(document.querySelectorAll('.archsim-live'))
        .map((w) => px(w.querySelector('p, li, td, label') || w)),
    };";

/// A widget's text is about the size of the book's: mdBook sets the root
/// font size to 10 px, so a size in `rem` made it 9.5 px next to the
/// book's 16.
pub async fn widget_text_is_the_books_size(ctx: &Ctx) -> Outcome {
    ctx.session.open(&ctx.site.url("tour.html")).await?;
    live(
        &ctx.session,
        &css("route", &[("data-host", "app.tomoda.life")]),
    )
    .await?;
    let sizes = ctx.session.js(TEXT_SIZES, vec![]).await?;
    ctx.note(format!("font sizes (px): {sizes}"));
    let book = sizes["book"].as_f64().unwrap_or(0.0);
    let widgets: Vec<f64> = sizes["widgets"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default();
    ensure(book >= 12.0 && !widgets.is_empty(), || {
        format!("the page has text and a live widget: {sizes}")
    })?;
    ensure(widgets.iter().all(|&w| w >= book * TEXT_RATIO), || {
        format!("every widget's text is at least {TEXT_RATIO} of the book's: {sizes}")
    })
}

/// For the map `arguments[0]`: the rendered height of the shown text of
/// each box (ids, names), the smallest per kind, and how many are shown.
const WORDS: &str = "const w = document.querySelector(arguments[0]);
    const shown = (sel) => Array.from(w.querySelectorAll(sel))
      .filter((e) => getComputedStyle(e).display !== 'none')
      .map((e) => e.getBoundingClientRect().height);
    const summary = (hs) => ({ count: hs.length, smallest: hs.length ? Math.min(...hs) : null });
    return {
      nodes: w.querySelectorAll('g.archsim-node').length,
      ids: summary(shown('.archsim-node-id')),
      names: summary(shown('.archsim-node-name')),
      keysHelp: w.querySelector('.archsim-help-keys').getClientRects().length > 0,
      touchHelp: w.querySelector('.archsim-help-touch').getClientRects().length > 0,
      regions: w.querySelectorAll('g.archsim-group-region').length,
      regionWords: summary(shown('.archsim-group-region > text')),
    };";

/// Fitted to the column, every box shows its id at a readable size and no
/// name (which would be 4 pixels high), and every region its id; three
/// steps in, the names are back, readable, and the ids gone.
pub async fn the_overview_map_is_readable(ctx: &Ctx) -> Outcome {
    ctx.session.open(&ctx.site.url("overview.html")).await?;
    let sel = css("map", &[]);
    live(&ctx.session, &sel).await?;
    let fitted = ctx.session.js(WORDS, vec![json!(sel)]).await?;
    ctx.note(format!("fitted: {fitted}"));
    let nodes = fitted["nodes"].as_u64().unwrap_or(0);
    ensure(nodes >= 30, || format!("the map has {nodes} boxes"))?;
    ensure(fitted["names"]["count"] == json!(0), || {
        format!("fitted, names are hidden: {fitted}")
    })?;
    ensure(
        fitted["ids"]["count"].as_u64() >= Some(nodes) && smallest(&fitted["ids"]) >= READABLE_PX,
        || format!("fitted, every box shows its id, {READABLE_PX} px or more: {fitted}"),
    )?;
    // With a mouse, the help speaks of keys and the mouse (on a phone, of
    // fingers: phone.rs).
    ensure(
        fitted["keysHelp"] == json!(true) && fitted["touchHelp"] == json!(false),
        || format!("with a mouse, the map's help speaks of keys, not fingers: {fitted}"),
    )?;
    // Each region says which it is, once, as readably as the boxes.
    ensure(
        fitted["regions"].as_u64() >= Some(3)
            && fitted["regionWords"]["count"] == fitted["regions"]
            && smallest(&fitted["regionWords"]) >= READABLE_PX,
        || format!("fitted, every region shows one label of {READABLE_PX} px or more: {fitted}"),
    )?;
    for _ in 0..3 {
        click(
            &ctx.session,
            "//div[@data-archsim='map']//button[@data-map='in']",
        )
        .await?;
    }
    let closer = ctx
        .session
        .wait_until(
            "names to show three steps in",
            &format!("const r = (() => {{ {WORDS} }})(); return r.names.count > 0 ? r : null;"),
            vec![json!(sel)],
        )
        .await?;
    ctx.note(format!("three steps in: {closer}"));
    ensure(
        closer["ids"]["count"] == json!(0) && smallest(&closer["names"]) >= READABLE_PX,
        || format!("three steps in, names of {READABLE_PX} px or more and no ids: {closer}"),
    )?;
    full_window(ctx, &sel, smallest(&fitted["ids"])).await
}

/// For the map `arguments[0]`: the share of the window its frame covers,
/// and whether its box fills the window.
const FRAME: &str = "const w = document.querySelector(arguments[0]);
    const r = w.querySelector('.archsim-map-frame').getBoundingClientRect();
    return {
      width: r.width / innerWidth,
      height: r.height / innerHeight,
      full: w.querySelector('.archsim-map-box').classList.contains('is-full'),
      touch: getComputedStyle(w.querySelector('svg.archsim-map-live')).touchAction,
    };";

/// "Full window" fills the window with the map at the view it had (here
/// fitted again): the words grow past `column_px`, their size in the
/// column; Escape brings the map back into the page.
async fn full_window(ctx: &Ctx, sel: &str, column_px: f64) -> Outcome {
    click(
        &ctx.session,
        "//div[@data-archsim='map']//button[@data-map='fit']",
    )
    .await?;
    click(
        &ctx.session,
        "//div[@data-archsim='map']//button[contains(@class, 'archsim-full-toggle')]",
    )
    .await?;
    let frame = ctx
        .session
        .wait_until(
            "the map to fill the window",
            &format!(
                "const f = (() => {{ {FRAME} }})(); return f.full && f.width > 0.9 ? f : null;"
            ),
            vec![json!(sel)],
        )
        .await?;
    ctx.note(format!("full window: frame {frame}"));
    ensure(frame["height"].as_f64() > Some(0.6), || {
        format!("the frame takes most of the window's height: {frame}")
    })?;
    // In the page a vertical swipe scrolls the page; filling the window
    // the map takes every gesture.
    ensure(frame["touch"] == json!("none"), || {
        format!("filling the window, the map takes every touch gesture: {frame}")
    })?;
    let words = ctx.session.js(WORDS, vec![json!(sel)]).await?;
    ctx.note(format!("full window: {words}"));
    let shown = |kind: &str| words[kind]["count"].as_u64().unwrap_or(0) > 0;
    let size = if shown("names") {
        smallest(&words["names"])
    } else {
        smallest(&words["ids"])
    };
    ensure(size > column_px, || {
        format!("the words grow past their {column_px} px in the column: {words}")
    })?;
    keys::press(&ctx.session, Key::Escape).await?;
    let back = ctx
        .session
        .wait_until(
            "Escape to bring the map back into the page",
            &format!("const f = (() => {{ {FRAME} }})(); return f.full ? null : f;"),
            vec![json!(sel)],
        )
        .await?;
    ensure(back["touch"] == json!("pan-y pinch-zoom"), || {
        format!("in the page, vertical swipes and pinches are the page's: {back}")
    })
}

fn smallest(summary: &Value) -> f64 {
    summary["smallest"].as_f64().unwrap_or(0.0)
}
