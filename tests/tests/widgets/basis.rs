//! What an answer rests on, on demand and from the keyboard: a route's
//! disclosure is reached with Tab and opened with Enter, a flow row's is
//! opened with Space, and each shows what the engine's basis for the same
//! question says (what the CLI lists): the same summary ("checked" or
//! "assumed (n)"), the same facts, the same assumptions with where each
//! would be settled (a row names them by number; the list under its table
//! says them in full).

use fantoccini::key::Key;
use serde_json::{Value, json};

use crate::ensure;
use crate::keyboard::open_at_top;
use crate::support::expect::{BASIS, Expect};
use crate::support::keys;
use crate::support::runner::{Ctx, Outcome};
use crate::support::widget::{css, live, read};

/// The route tracer's disclosure: Tab reaches its summary, folded; Enter
/// opens it; it says what the engine's route rests on.
pub async fn route_basis_opens_from_the_keyboard(ctx: &Ctx) -> Outcome {
    const HOST: &str = "app.tomoda.life";
    let expect = Expect::new()?;
    let session = &ctx.session;
    open_at_top(ctx, "tour.html").await?;
    let sel = css("route", &[("data-host", HOST)]);
    let summary = format!("{sel} details.archsim-basis > summary");
    keys::tab_to(
        session,
        "the route's disclosure",
        &format!("return document.activeElement.matches({})", json!(summary)),
        80,
    )
    .await?;
    let folded = session.js(BASIS, vec![]).await?;
    ensure(folded["open"] == json!(false), || {
        format!("the disclosure is open before it is asked: {folded}")
    })?;
    keys::press(session, Key::Enter).await?;
    let fail = fail_of(&read(session, &sel).await?);
    let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
    let want = expect.route_basis(HOST, &fail)?;
    same(session, &format!("the route of {HOST}"), &want).await
}

/// A flow row's disclosure in the failure simulator, under the region
/// preset (whose answers rest on the components' regions): Space opens
/// it, and it says what the engine's answer for that flow rests on.
pub async fn flow_basis_opens_from_the_keyboard(ctx: &Ctx) -> Outcome {
    const SCENARIO: &str = "region-ap-northeast-1";
    const FLOW: &str = "assets.tomoda.life";
    let expect = Expect::new()?;
    let session = &ctx.session;
    session.open(&ctx.site.url("failures.html")).await?;
    let sel = css("fail", &[("data-scenario", SCENARIO)]);
    live(session, &sel).await?;
    // The focus goes to the neighbouring row's disclosure; the key that
    // moves from there to this row's is what a reader presses.
    let back = session
        .js(
            "const rows = [...document.querySelectorAll(arguments[0] + ' table.archsim-flows tbody tr')];
             const i = rows.findIndex((r) => r.getAttribute('data-flow') === arguments[1]);
             if (i < 0 || rows.length < 2) return null;
             const next = rows[i + 1] || rows[i - 1];
             next.querySelector('details.archsim-basis > summary').focus();
             return !!rows[i + 1];",
            vec![json!(sel), json!(FLOW)],
        )
        .await?;
    match back.as_bool() {
        Some(true) => keys::chord(session, Key::Shift, Key::Tab).await?,
        Some(false) => keys::press(session, Key::Tab).await?,
        None => return Err(format!("no row for {FLOW} beside another in {sel}")),
    }
    let here = session
        .js(
            "return document.activeElement.matches(arguments[0])",
            vec![json!(format!(
                "{sel} tr[data-flow=\"{FLOW}\"] details.archsim-basis > summary"
            ))],
        )
        .await?;
    ensure(here == json!(true), || {
        format!("the key from the next row's disclosure does not reach {FLOW}'s")
    })?;
    keys::press(session, ' ').await?;
    let want = expect.flow_basis(&[SCENARIO], FLOW)?;
    same(session, &format!("{FLOW} under {SCENARIO}"), &want).await
}

/// The open disclosure that holds the focus says `want`.
async fn same(session: &crate::support::browser::Session, what: &str, want: &Value) -> Outcome {
    let seen = session.js(BASIS, vec![]).await?;
    ensure(
        seen["open"] == json!(true) && seen["shown"] == json!(true),
        || format!("the key did not open {what}'s disclosure: {seen}"),
    )?;
    // A row lists its assumptions in the order of the list under its
    // table, the engine in its own: compare them as sets.
    let sorted = |v: &Value| {
        let mut items: Vec<String> = v
            .as_array()
            .map(|a| a.iter().map(Value::to_string).collect())
            .unwrap_or_default();
        items.sort();
        items
    };
    ensure(sorted(&seen["assumed"]) == sorted(&want["assumed"]), || {
        format!(
            "{what}: the disclosure's assumptions are {}, the engine says {}",
            seen["assumed"], want["assumed"]
        )
    })?;
    // A row names its facts by number (their words are in the single
    // answers' disclosures and on the Sources page): compare the numbers.
    let numbers = |v: &Value| -> Vec<Value> {
        v.as_array()
            .map(|a| a.iter().map(|f| f[0].clone()).collect())
            .unwrap_or_default()
    };
    let row = seen["facts"]
        .as_array()
        .is_some_and(|a| a.iter().all(|f| f[1].is_null()));
    let facts_agree = if row {
        numbers(&seen["facts"]) == numbers(&want["facts"])
    } else {
        seen["facts"] == want["facts"]
    };
    ensure(facts_agree, || {
        format!(
            "{what}: the disclosure's facts are {}, the engine says {}",
            seen["facts"], want["facts"]
        )
    })?;
    ensure(seen["summary"] == want["summary"], || {
        format!(
            "{what}: the disclosure's summary is {}, the engine says {}",
            seen["summary"], want["summary"]
        )
    })
}

/// The failures a mount point starts with (`data-fail`), as selectors.
fn fail_of(view: &Value) -> Vec<String> {
    view["attrs"]["fail"]
        .as_str()
        .map(|f| {
            f.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}
