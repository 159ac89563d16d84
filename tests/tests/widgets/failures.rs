//! The failure simulator: fail CloudFront by clicking it on the map, and
//! pick a region preset; the flow table is the engine's.

use fantoccini::Locator;
use serde_json::json;

use crate::support::expect::Expect;
use crate::support::runner::{Ctx, Outcome};
use crate::support::widget::{click, css, live, strings, until, xpath};
use crate::{ensure, flow_state, flows};

/// The fail widget the failure scenarios use: the one that starts with Redis failed.
pub const FAIL_ATTRS: [(&str, &str); 1] = [("data-fail", "redis")];
/// The page it is on.
pub const FAIL_PAGE: &str = "failures-more.html";

/// Fail CloudFront by clicking it on the map: assets.tomoda.life goes down,
/// api.tomoda.life stays ok, and the table is the engine's.
pub async fn failing_cloudfront_on_the_map(ctx: &Ctx) -> Outcome {
    let expect = Expect::new()?;
    ctx.session.open(&ctx.site.url(FAIL_PAGE)).await?;
    let sel = css("fail", &FAIL_ATTRS);
    let x = xpath("fail", &FAIL_ATTRS);
    live(&ctx.session, &sel).await?;
    click(
        &ctx.session,
        &format!("{x}//button[contains(., 'Restore everything')]"),
    )
    .await?;
    let nothing = expect.flows(&[])?;
    until(&ctx.session, &sel, "every flow to be ok again", |v| {
        strings(&v["map"]["failed"]).is_empty()
            && flows(v) == nothing.clone().into_iter().collect::<Vec<_>>()
    })
    .await?;
    click(
        &ctx.session,
        &format!("{x}//*[name()='g' and @data-id='cloudfront-prod']"),
    )
    .await?;
    let view = until(&ctx.session, &sel, "CloudFront to be failed", |v| {
        strings(&v["map"]["failed"]) == ["cloudfront-prod"]
    })
    .await?;
    ensure(
        flow_state(&view, "assets.tomoda.life").as_deref() == Some("down"),
        || {
            format!(
                "assets.tomoda.life is {:?} with CloudFront failed, not down",
                flow_state(&view, "assets.tomoda.life")
            )
        },
    )?;
    ensure(
        flow_state(&view, "api.tomoda.life").as_deref() == Some("ok"),
        || {
            format!(
                "api.tomoda.life is {:?} with CloudFront failed, not ok",
                flow_state(&view, "api.tomoda.life")
            )
        },
    )?;
    let want: Vec<(String, String)> = expect.flows(&["cloudfront-prod"])?.into_iter().collect();
    ensure(flows(&view) == want, || {
        format!(
            "the flow table is {:?}, the engine says {want:?}",
            flows(&view)
        )
    })?;
    // Not colour alone: the failed node carries words.
    let marker = ctx
        .session
        .js(
            "const n = document.querySelector(arguments[0] + ' g.archsim-node[data-id=\"cloudfront-prod\"]');
             return n ? n.getAttribute('aria-label') + ' | ' + (n.querySelector('.archsim-node-state') || {}).textContent : null;",
            vec![json!(sel)],
        )
        .await?;
    ensure(
        marker.as_str().is_some_and(|m| m.contains("failed")),
        || format!("the failed node says {marker}, with no word for its state"),
    )?;
    Ok(())
}

/// The scenario preset for a region outage: the table is the engine's for it.
pub async fn region_preset_fills_the_table(ctx: &Ctx) -> Outcome {
    const PRESET: &str = "region-asia-east1";
    let expect = Expect::new()?;
    let model = expect.engine().model();
    let index = model
        .scenarios
        .iter()
        .position(|s| s.id == PRESET)
        .ok_or_else(|| format!("the model has no scenario {PRESET}"))?;
    ctx.session.open(&ctx.site.url(FAIL_PAGE)).await?;
    let sel = css("fail", &FAIL_ATTRS);
    live(&ctx.session, &sel).await?;
    let select = ctx
        .session
        .client
        .find(Locator::XPath(&format!(
            "{}//select",
            xpath("fail", &FAIL_ATTRS)
        )))
        .await
        .map_err(|e| format!("no scenario picker: {e}"))?;
    select
        .select_by_value(&index.to_string())
        .await
        .map_err(|e| format!("cannot pick the preset: {e}"))?;
    let want: Vec<(String, String)> = expect.flows(&[PRESET])?.into_iter().collect();
    let view = until(&ctx.session, &sel, "the preset's flow table", |v| {
        flows(v) == want
    })
    .await?;
    ensure(
        flow_state(&view, "api.tomoda.life").as_deref() == Some("down"),
        || "api.tomoda.life is not down when asia-east1 is".into(),
    )?;
    ensure(
        flow_state(&view, "assets.tomoda.life").as_deref() == Some("ok"),
        || "assets.tomoda.life is not ok when asia-east1 is down".into(),
    )?;
    let shown = ctx
        .session
        .js(
            "const p = document.querySelector(arguments[0] + ' .archsim-scenario'); return p ? p.textContent : '';",
            vec![json!(sel)],
        )
        .await?;
    let name = &model.scenarios[index].name;
    ensure(
        shown.as_str().is_some_and(|s| s.contains(name.as_str())),
        || format!("the widget does not name the preset {name:?}: {shown}"),
    )?;
    let down = want.iter().filter(|(_, s)| s == "down").count();
    ctx.note(format!("{PRESET}: {down} of {} flows down", want.len()));
    Ok(())
}
