//! The propose widget (issue 19, part 3), which ships in a bundle of its
//! own (`archsim-propose`): on its page it mounts from that bundle and
//! shows its skeleton (the map of the model, which the engine's oracle
//! checks, and an empty impact area), and the page loads no other bundle;
//! a page with other widgets loads no propose bundle; the simulator loads
//! it only when its Propose tab opens, and mounts it there.
//!
//! Run: `cargo test -p archsim-e2e --test propose` (after `cargo xtask build`).

mod support;

use std::collections::BTreeSet;

use archsim_view::contract::Bundle;
use serde_json::json;

use support::browser::{Options, Session};
use support::expect::Expect;
use support::runner::{self, Ctx, Outcome, case};
use support::site::Served;
use support::widget::{self, click, live};

/// The page with the book's propose widget (and no other widget).
const PAGE: &str = "reference/widgets.html";

/// The mount point of a propose widget.
const PROPOSE: &str = "div.archsim[data-archsim=\"propose\"]";

fn main() {
    runner::main("propose", Options::default(), |_| {
        vec![
            case!(mounts_from_its_own_bundle),
            case!(other_widgets_load_no_propose_bundle),
            case!(the_simulators_tab_loads_it_on_demand),
            case!(the_simulators_tab_says_when_it_cannot_load),
        ]
    })
}

/// The bundles (file stems) whose module or glue the page has loaded.
async fn loaded(session: &Session, site: &Served) -> Result<BTreeSet<&'static str>, String> {
    let files: BTreeSet<_> = session
        .resources()
        .await?
        .iter()
        .filter_map(|r| site.file_of(&r.url))
        .collect();
    Ok(support::site::bundles_loaded(&site.root, &files))
}

/// On its page the propose widget mounts, shows the model's map (the
/// engine's components) and says that no change is drafted; the page
/// fetched the propose bundle and not the widgets' bundle.
async fn mounts_from_its_own_bundle(ctx: &Ctx) -> Outcome {
    let session = &ctx.session;
    session.open(&ctx.site.url(PAGE)).await?;
    let view = live(session, PROPOSE).await?;
    let problems = Expect::new()?.check(&view);
    if !problems.is_empty() {
        return Err(problems.join("\n"));
    }
    if view["map"]["nodes"].as_array().is_none_or(|n| n.is_empty()) {
        return Err(format!("the propose widget draws no map: {view}"));
    }
    let bundles = loaded(session, &ctx.site).await?;
    let want = BTreeSet::from([Bundle::Propose.stem()]);
    if bundles != want {
        return Err(format!(
            "{PAGE} loaded the bundles {bundles:?}, not {want:?}"
        ));
    }
    Ok(())
}

/// A page with every other kind of widget, all started: the propose
/// bundle is never fetched.
async fn other_widgets_load_no_propose_bundle(ctx: &Ctx) -> Outcome {
    let session = &ctx.session;
    let page = "tour.html";
    let url = ctx.site.url(page);
    session.open(&url).await?;
    let mounts = support::site::mount_points(&ctx.site.root, page);
    if mounts == 0 {
        return Err(format!("{page} has no widget: pick a page with widgets"));
    }
    widget::start_each(session, &url, mounts, true).await?;
    let bundles = loaded(session, &ctx.site).await?;
    let want = BTreeSet::from([Bundle::Widgets.stem()]);
    if bundles != want {
        return Err(format!(
            "{page} loaded the bundles {bundles:?}, not {want:?}"
        ));
    }
    Ok(())
}

/// The simulator loads only the widgets' bundle until its Propose tab
/// opens; then it fetches the propose bundle, which mounts the widget in
/// the tab's panel.
async fn the_simulators_tab_loads_it_on_demand(ctx: &Ctx) -> Outcome {
    let session = &ctx.session;
    session.open(&ctx.site.url("archsim/index.html")).await?;
    live(session, "div.archsim[data-archsim=\"app\"]").await?;
    let before = loaded(session, &ctx.site).await?;
    if before != BTreeSet::from([Bundle::Widgets.stem()]) {
        return Err(format!(
            "the simulator loaded the bundles {before:?} before its Propose tab opened"
        ));
    }
    click(
        session,
        "//div[@data-archsim='app']//button[@role='tab' and normalize-space()='Propose']",
    )
    .await?;
    let view = live(session, PROPOSE).await?;
    if view["impact"] != json!(archsim_view::html::NO_DRAFT) {
        return Err(format!("the Propose tab shows {view}"));
    }
    let after = loaded(session, &ctx.site).await?;
    let both: BTreeSet<_> = Bundle::ALL.iter().map(|b| b.stem()).collect();
    if after != both {
        return Err(format!(
            "with the Propose tab open, the simulator loaded {after:?}"
        ));
    }
    Ok(())
}

/// When the propose bundle cannot be fetched, the simulator's Propose tab
/// says so instead of loading forever, and the other tabs still work.
async fn the_simulators_tab_says_when_it_cannot_load(ctx: &Ctx) -> Outcome {
    let session = &ctx.session;
    session.block_urls(&["*archsim-propose*"]).await?;
    let result = tab_without_its_bundle(ctx).await;
    session.block_urls(&[]).await?;
    result
}

async fn tab_without_its_bundle(ctx: &Ctx) -> Outcome {
    let session = &ctx.session;
    session.open(&ctx.site.url("archsim/index.html")).await?;
    live(session, "div.archsim[data-archsim=\"app\"]").await?;
    let tab = |name: &str| {
        format!("//div[@data-archsim='app']//button[@role='tab' and normalize-space()='{name}']")
    };
    click(session, &tab("Propose")).await?;
    let view = widget::until(session, PROPOSE, "a notice that it cannot load", |v| {
        v["text"]
            .as_str()
            .is_some_and(|t| t.contains("could not be loaded"))
    })
    .await?;
    if view["live"] == json!(true) {
        return Err(format!(
            "the propose widget mounted without its bundle: {view}"
        ));
    }
    click(session, &tab("Failures")).await?;
    session
        .wait_until(
            "the Failures tab's flow table",
            "return !!document.querySelector('div.archsim[data-archsim=\"app\"] table.archsim-flows');",
            vec![],
        )
        .await?;
    Ok(())
}
