//! Theme switching in mdBook restyles the widgets live.

use serde_json::{Value, json};

use crate::ensure;
use crate::support::runner::{Ctx, Outcome};
use crate::support::widget::{click, css, live};

pub use crate::support::theme::THEMES;

/// Whether mdBook's theme menu is showing.
const THEME_MENU_OPEN: &str = "const m = document.getElementById('mdbook-theme-list');
    return !!m && getComputedStyle(m).display !== 'none' && m.getBoundingClientRect().height > 0";

/// Colours of the page and of a widget (text, the map's labels as it first
/// shows them, map background).
const COLOURS: &str = "const w = document.querySelector(arguments[0]);
    const css = (e, p) => (e ? getComputedStyle(e)[p] : null);
    return {
      page: css(document.querySelector('main'), 'color'),
      pageBg: css(document.documentElement, 'backgroundColor'),
      widget: css(w.querySelector('.archsim-live'), 'color'),
      label: css(w.querySelector('.archsim-node-id'), 'fill'),
      mapBg: css(w.querySelector('svg.archsim-map'), 'backgroundColor'),
    };";

/// Picking a theme in mdBook's theme menu restyles the widgets live: their
/// text takes the theme's colour, the map its background.
pub async fn theme_switch_restyles_the_widgets(ctx: &Ctx) -> Outcome {
    let result = themes(ctx).await;
    forget_theme(ctx).await;
    result
}

/// mdBook remembers the reader's theme in localStorage: back to the
/// default, for the next scenario.
pub async fn forget_theme(ctx: &Ctx) {
    let _ = ctx
        .session
        .js(
            "localStorage.removeItem('mdbook-theme'); return true",
            vec![],
        )
        .await;
}

async fn themes(ctx: &Ctx) -> Outcome {
    ctx.session.open(&ctx.site.url("tour.html")).await?;
    let sel = css("route", &[("data-host", "app.tomoda.life")]);
    live(&ctx.session, &sel).await?;
    let mut seen: Vec<(String, Value)> = Vec::new();
    for theme in THEMES {
        let open = ctx.session.js(THEME_MENU_OPEN, vec![]).await?;
        if open != json!(true) {
            click(&ctx.session, "//button[@id='mdbook-theme-toggle']").await?;
            ctx.session
                .wait_until("the theme menu to open", THEME_MENU_OPEN, vec![])
                .await?;
        }
        click(
            &ctx.session,
            &format!("//button[@id='mdbook-theme-{theme}']"),
        )
        .await?;
        ctx.session
            .wait_until(
                &format!("the {theme} theme"),
                "return document.documentElement.classList.contains(arguments[0])",
                vec![json!(theme)],
            )
            .await?;
        let c = ctx.session.js(COLOURS, vec![json!(sel)]).await?;
        ensure(c["widget"] == c["page"] && c["label"] == c["page"], || {
            format!(
                "{theme}: the widget's text {} / map labels {} do not follow the page's {}",
                c["widget"], c["label"], c["page"]
            )
        })?;
        ensure(c["mapBg"] == c["pageBg"], || {
            format!(
                "{theme}: the map's background {} is not the page's {}",
                c["mapBg"], c["pageBg"]
            )
        })?;
        seen.push((theme.to_owned(), c));
    }
    let light = &seen[0].1["widget"];
    let distinct: std::collections::BTreeSet<String> =
        seen.iter().map(|(_, c)| c["widget"].to_string()).collect();
    ensure(seen[2].1["widget"] != *light, || {
        format!("the widget's text is {light} in both light and coal")
    })?;
    ensure(distinct.len() >= 3, || {
        format!(
            "the widget's text takes only {} colours across five themes: {distinct:?}",
            distinct.len()
        )
    })?;
    ctx.note(format!(
        "widget text colours: {}",
        seen.iter()
            .map(|(t, c)| format!("{t} {}", c["widget"]))
            .collect::<Vec<_>>()
            .join(", ")
    ));
    Ok(())
}
