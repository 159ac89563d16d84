//! The site for a reader without JavaScript: every page with widgets still
//! shows each widget's static fallback (the map as SVG, the hop list, the
//! flow table, the placement verdict, the DNS answer), visibly, and it says
//! what the engine says.
//!
//! Run: `cargo test -p archsim-e2e --test no_script` (after `cargo xtask build`).

mod support;

use support::browser::{Options, Session};
use support::expect::Expect;
use support::questions;
use support::runner::{self, Case, Ctx, Outcome};
use support::site;
use support::widget;

fn main() {
    let options = Options {
        javascript: false,
        ..Options::default()
    };
    runner::main("no_script", options, |served| {
        let mut cases: Vec<Case> = site::pages(&served.root)
            .into_iter()
            .filter(|page| site::mount_points(&served.root, page) > 0)
            .map(|page| {
                Case::new(format!("fallback::{page}"), move |ctx| {
                    Box::pin(fallback_is_there(ctx, page.clone()))
                })
            })
            .collect();
        cases.push(Case::new("self_check::tour.html".to_owned(), |ctx| {
            Box::pin(self_check_works_without_scripts(ctx))
        }));
        cases
    })
}

/// The tour's self-check needs no script: picking a choice, by keyboard
/// or mouse, reveals the engine's answer through CSS alone.
async fn self_check_works_without_scripts(ctx: &Ctx) -> Outcome {
    let session = &ctx.session;
    let url = format!("{}#{}", ctx.site.url("tour.html"), questions::ANCHOR);
    session.open(&url).await?;
    scripts_off(session).await?;
    let (asked, presses) = questions::check_tour(session, &Expect::new()?).await?;
    ctx.note(format!(
        "{asked} questions answered without scripts; {presses} Tab presses from the heading"
    ));
    Ok(())
}

/// What each kind of fallback must hold, as (kind, CSS selector, what it is).
const CONTENT: [(&str, &str, &str); 6] = [
    ("map", "svg.archsim-map g.archsim-node", "the map as SVG"),
    ("route", "ol.archsim-hops > li", "the hop list"),
    ("fail", "table.archsim-flows tbody tr", "the flow table"),
    (
        "place",
        ".archsim-verdict, table.archsim-audit",
        "the placement verdict or audit",
    ),
    ("dns", "section.archsim-dns", "the DNS answer"),
    // Empty, or a draft's impact (`data-draft`).
    ("propose", ".archsim-impact", "the impact area"),
];

async fn fallback_is_there(ctx: &Ctx, page: String) -> Outcome {
    let session = &ctx.session;
    let url = ctx.site.url(&page);
    session.open(&url).await?;
    let mut problems = Vec::new();
    scripts_off(session).await?;
    let expect = Expect::new()?;
    let views = widget::read_all(session).await?;
    let mounts = site::mount_points(&ctx.site.root, &page);
    if views.len() != mounts {
        problems.push(format!(
            "the HTML has {mounts} mount points, the page shows {}",
            views.len()
        ));
    }
    for view in &views {
        let n = view["n"].as_u64().unwrap_or(0);
        let kind = view["kind"].as_str().unwrap_or_default();
        if view["live"] == serde_json::json!(true) {
            problems.push(format!(
                "widget {n} ({kind}) mounted although scripts are off"
            ));
        }
        if view["fallback"] != serde_json::json!(true) || view["visible"] != serde_json::json!(true)
        {
            problems.push(format!("widget {n} ({kind}) shows no fallback"));
            continue;
        }
        // The full-page simulator needs scripts; its fallback says so.
        if kind == "app" {
            continue;
        }
        let Some((_, selector, what)) = CONTENT.iter().find(|(k, _, _)| *k == kind) else {
            // A kind this test does not know would be checked for nothing.
            problems.push(format!(
                "widget {n} ({kind}): no fallback content is listed for this kind in CONTENT"
            ));
            continue;
        };
        let count = session
            .js(
                "return document.querySelectorAll('div.archsim[data-archsim]')[arguments[0]]
                    .querySelectorAll(':scope > .archsim-fallback ' + arguments[1].split(', ').join(', :scope > .archsim-fallback ')).length",
                vec![serde_json::json!(n - 1), serde_json::json!(selector)],
            )
            .await?;
        if count.as_u64().unwrap_or(0) == 0 {
            problems.push(format!("widget {n} ({kind}) lacks {what} ({selector})"));
        }
        problems.extend(expect.check(view));
    }
    if problems.is_empty() {
        ctx.note(format!("{} fallbacks checked", views.len()));
        Ok(())
    } else {
        Err(format!("{url}:\n  {}", problems.join("\n  ")))
    }
}

/// That the session runs no script: mdBook's first script adds `js` to
/// `<html>`, absent when scripts are off.
async fn scripts_off(session: &Session) -> Outcome {
    let scripted = session
        .js(
            "return document.documentElement.classList.contains('js')",
            vec![],
        )
        .await?;
    if scripted == serde_json::json!(true) {
        return Err("scripts ran: this session was meant to have JavaScript disabled".into());
    }
    Ok(())
}
