//! The onboarding tour: route a host, step through every hop with Next;
//! the hop list is the engine's and the map highlights each hop in turn.

use serde_json::json;

use crate::ensure;
use crate::support::expect::Expect;
use crate::support::runner::{Ctx, Outcome};
use crate::support::widget::{click, css, live, strings, until, xpath};

/// The onboarding tour's routes: (page, host, hops the route must pass, in order).
const TOUR: [(&str, &str, &[&str]); 2] = [
    (
        "tour.html",
        "app.tomoda.life",
        &["cloudflare-zone", "gcp-lb", "traefik", "tomoda-app-prod"],
    ),
    (
        "tour.html",
        "assets.tomoda.life",
        &["cloudflare-zone", "cloudfront-prod", "s3-assets-prod"],
    ),
];

/// Route a host, step through every hop with Next: the hop list is the
/// engine's, every hop is explained in turn and highlighted on the map.
pub async fn tour_steps_through_every_hop(ctx: &Ctx) -> Outcome {
    let expect = Expect::new()?;
    let model = expect.engine().model();
    for (page, host, must_pass) in TOUR {
        ctx.session.open(&ctx.site.url(page)).await?;
        let attrs = [("data-host", host)];
        let sel = css("route", &attrs);
        let view = live(&ctx.session, &sel).await?;
        let (hops, verdict) = expect.route(host, &[])?;
        let shown = strings(&view["hops"]);
        // The tour's own words first, then the engine's exact answer.
        let mut at = 0;
        for id in must_pass {
            match shown[at..].iter().position(|h| h == id) {
                Some(i) => at += i + 1,
                None => return Err(format!("{page}: the route of {host} skips {id}: {shown:?}")),
            }
        }
        ensure(shown == hops, || {
            format!("{page}: {host}'s hops are {shown:?}, the engine says {hops:?}")
        })?;
        ensure(view["verdict"] == json!(verdict), || {
            format!(
                "{page}: {host}'s verdict is {}, the engine says {verdict}",
                view["verdict"]
            )
        })?;
        let next = format!("{}//button[contains(., 'Next')]", xpath("route", &attrs));
        for (i, id) in hops.iter().enumerate() {
            click(&ctx.session, &next).await?;
            let view = until(
                &ctx.session,
                &sel,
                &format!("hop {} to be explained", i + 1),
                |v| v["step"] == json!(i) && strings(&v["map"]["current"]) == [id.clone()],
            )
            .await?;
            let mut lit = strings(&view["map"]["lit"]);
            lit.sort();
            let mut want = hops.clone();
            want.sort();
            ensure(lit == want, || {
                format!(
                    "{page}: at hop {}, the map lights {lit:?}, not the route {want:?}",
                    i + 1
                )
            })?;
            let explained = ctx
                .session
                .js(
                    "return document.querySelector(arguments[0] + ' .archsim-explain').textContent",
                    vec![json!(sel)],
                )
                .await?;
            let explained = explained.as_str().unwrap_or_default();
            let name = model
                .components
                .iter()
                .find(|c| &c.id == id)
                .map(|c| c.name.as_str())
                .unwrap_or_default();
            let heading = format!("Hop {} of {}", i + 1, hops.len());
            ensure(
                explained.contains(&heading) && explained.contains(name),
                || {
                    format!(
                        "{page}: hop {} is explained as {explained:?}; expected {heading:?} and {name:?}",
                        i + 1
                    )
                },
            )?;
        }
        let disabled = ctx
            .session
            .js(
                "return Array.from(document.querySelectorAll(arguments[0] + ' .archsim-stepper button'))
                    .find(b => b.textContent.includes('Next')).disabled",
                vec![json!(sel)],
            )
            .await?;
        ensure(disabled == json!(true), || {
            format!("{page}: Next is still enabled after the last hop of {host}")
        })?;
        ctx.note(format!("{host}: {} hops stepped", hops.len()));
    }
    Ok(())
}
