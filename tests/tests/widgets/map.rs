//! The overview map is readable as it first shows, in the book's text
//! column, and zooming in brings the names back.

use serde_json::{Value, json};

use crate::ensure;
use crate::support::runner::{Ctx, Outcome};
use crate::support::widget::{click, css, live};

/// The smallest height of a word a reader can be asked to read, in CSS
/// pixels (a 12 px name drawn at 0.55 of its size).
const READABLE_PX: f64 = 6.5;

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
    };";

/// Fitted to the column, every box shows its id at a readable size and no
/// name (which would be 4 pixels high); three steps in, the names are
/// back, readable, and the ids gone.
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
    )
}

fn smallest(summary: &Value) -> f64 {
    summary["smallest"].as_f64().unwrap_or(0.0)
}
