//! The map fits what an answer concerns (issue 19 §4): in the book's text
//! column a route widget's map shows the route's boxes whole, larger than
//! the whole map would, and a short route's names at 11 px or more; the
//! fit follows new answers until the reader moves the map or asks to see
//! everything, and "Show everything" shows every box.

use serde_json::{Value, json};

use crate::ensure;
use crate::support::runner::{Ctx, Outcome};
use crate::support::widget::{click, css, live, xpath};

/// The smallest a name of a fitted route may show, in CSS pixels (the
/// map's `viewport::READABLE_PX`).
const READABLE_PX: f64 = 11.0;

/// The route widget: in the book's column, on a page of its own kind.
const PAGE: &str = "routing.html";
const ATTRS: [(&str, &str); 1] = [("data-host", "api.tomoda.life")];

/// For the map of the widget `arguments[0]`: the viewport's transform, the
/// size a name would show at on the whole map, how many boxes there are and how many show whole, and
/// for each lit box (the route) whether it shows whole and the size its
/// name is rendered at (font size × the text's scale on screen; 0 when
/// hidden).
const MAP: &str = "const w = document.querySelector(arguments[0]);
    const svg = w.querySelector('svg.archsim-map-live');
    const f = svg.getBoundingClientRect();
    const whole = (g) => {
      const r = g.querySelector('rect').getBoundingClientRect();
      return r.left >= f.left - 1 && r.right <= f.right + 1
        && r.top >= f.top - 1 && r.bottom <= f.bottom + 1;
    };
    const name = (g) => {
      const t = g.querySelector('.archsim-node-name');
      if (!t || getComputedStyle(t).display === 'none') return 0;
      return parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a;
    };
    const nodes = Array.from(svg.querySelectorAll('g.archsim-node'));
    return {
      transform: svg.querySelector('g.archsim-viewport').getAttribute('transform'),
      // A name's size on screen were the whole map shown.
      wholeName: parseFloat(getComputedStyle(svg.querySelector('.archsim-node-name')).fontSize)
        * f.width / svg.viewBox.baseVal.width,
      nodes: nodes.length,
      whole: nodes.filter(whole).length,
      lit: nodes.filter((g) => g.classList.contains('is-highlighted'))
        .map((g) => ({ id: g.getAttribute('data-id'), whole: whole(g), name: name(g) })),
    };";

/// The whole map's transform.
const WHOLE: &str = "translate(0 0) scale(1)";

/// Wait until the map of `sel` lights `first` (the route's first hop is the
/// zone: the last hop tells routes apart) and its view is not `from`.
async fn settled_on(ctx: &Ctx, sel: &str, last: &str, from: &str) -> Result<Value, String> {
    ctx.session
        .wait_until(
            &format!("the map to light the route to {last} and move"),
            &format!(
                "const m = (() => {{ {MAP} }})();
                 const l = m.lit.length ? m.lit[m.lit.length - 1].id : null;
                 return l === arguments[1] && m.transform !== arguments[2] ? m : null;"
            ),
            vec![json!(sel), json!(last), json!(from)],
        )
        .await
}

async fn trace(ctx: &Ctx, host: &str) -> Outcome {
    let x = xpath("route", &ATTRS);
    let input = ctx
        .session
        .client
        .find(fantoccini::Locator::XPath(&format!(
            "{x}//input[contains(@class, 'archsim-host')]"
        )))
        .await
        .map_err(|e| format!("no host input: {e}"))?;
    input.clear().await.map_err(|e| e.to_string())?;
    input.send_keys(host).await.map_err(|e| e.to_string())?;
    click(&ctx.session, &format!("{x}//button[@type='submit']")).await
}

async fn map(ctx: &Ctx, sel: &str) -> Result<Value, String> {
    ctx.session.js(MAP, vec![json!(sel)]).await
}

fn lit_whole(m: &Value) -> bool {
    m["lit"]
        .as_array()
        .is_some_and(|l| !l.is_empty() && l.iter().all(|n| n["whole"] == json!(true)))
}

fn smallest_name(m: &Value) -> f64 {
    m["lit"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|n| n["name"].as_f64().unwrap_or(0.0))
        .fold(f64::INFINITY, f64::min)
}

/// Route a host in a book-column widget: the route's boxes show whole with
/// their names; a one-box route's name at 11 px or more. The reader's zoom
/// then holds against a new route, and "Show everything" shows every box
/// for good.
pub async fn the_map_fits_the_answer(ctx: &Ctx) -> Outcome {
    ctx.session.open(&ctx.site.url(PAGE)).await?;
    let sel = css("route", &ATTRS);
    let x = xpath("route", &ATTRS);
    live(&ctx.session, &sel).await?;
    // At mount the widget already answers: the map is fitted to the route
    // to the API, whole, names shown (four boxes across a 700 px column
    // cannot all be 11 px: see viewport::fit).
    let api = settled_on(ctx, &sel, "tomoda-api-prod", WHOLE).await?;
    ctx.note(format!("api.tomoda.life: {api}"));
    let whole_px = api["wholeName"].as_f64().unwrap_or(f64::INFINITY);
    ensure(
        lit_whole(&api) && api["lit"].as_array().map(Vec::len) == Some(4),
        || format!("the route's four boxes show whole: {api}"),
    )?;
    ensure(smallest_name(&api) > 1.5 * whole_px, || {
        format!("its names show, larger than on the whole map ({whole_px:.1} px): {api}")
    })?;
    // A one-box route: its name at 11 px or more.
    trace(ctx, "_acm-validation.assets.tomoda.life").await?;
    let from = api["transform"].as_str().unwrap_or_default();
    let acm = settled_on(ctx, &sel, "cloudflare-zone", from).await?;
    ctx.note(format!("_acm-validation: {acm}"));
    ensure(
        lit_whole(&acm) && smallest_name(&acm) >= READABLE_PX,
        || format!("the zone shows whole, its name at {READABLE_PX} px or more: {acm}"),
    )?;
    // The reader zooms: a new route no longer moves the map.
    let before = map(ctx, &sel).await?["transform"].clone();
    click(&ctx.session, &format!("{x}//button[@data-map='in']")).await?;
    let zoomed = ctx
        .session
        .wait_until(
            "the zoom to apply",
            &format!(
                "const m = (() => {{ {MAP} }})(); return m.transform !== arguments[1] ? m : null;"
            ),
            vec![json!(sel), before],
        )
        .await?;
    trace(ctx, "app.tomoda.life").await?;
    let held = ctx
        .session
        .wait_until(
            "the route to app.tomoda.life",
            &format!(
                "const m = (() => {{ {MAP} }})();
                 return m.lit.some((n) => n.id === 'tomoda-app-prod') ? m : null;"
            ),
            vec![json!(sel)],
        )
        .await?;
    ensure(held["transform"] == zoomed["transform"], || {
        format!(
            "the reader's zoom holds: {} then {}",
            zoomed["transform"], held["transform"]
        )
    })?;
    // "Show everything": every box, and answers leave it so.
    click(
        &ctx.session,
        &format!("{x}//button[@data-map='fit' and .='Show everything']"),
    )
    .await?;
    let all = ctx
        .session
        .wait_until(
            "the whole map",
            &format!(
                "const m = (() => {{ {MAP} }})(); return m.transform === arguments[1] ? m : null;"
            ),
            vec![json!(sel), json!(WHOLE)],
        )
        .await?;
    ensure(
        all["nodes"].as_u64() >= Some(30) && all["whole"] == all["nodes"],
        || format!("every box shows whole: {all}"),
    )?;
    trace(ctx, "api.tomoda.life").await?;
    let after = ctx
        .session
        .wait_until(
            "the route to api.tomoda.life",
            &format!(
                "const m = (() => {{ {MAP} }})();
                 return m.lit.some((n) => n.id === 'tomoda-api-prod') ? m : null;"
            ),
            vec![json!(sel)],
        )
        .await?;
    ensure(after["transform"] == json!(WHOLE), || {
        format!("after Show everything, a new route leaves the whole map: {after}")
    })
}
