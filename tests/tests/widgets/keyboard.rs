//! Keyboard only: skip the sidebar, route a host, step the hops and fail
//! a component without the mouse.

use fantoccini::key::Key;
use serde_json::json;

use crate::support::expect::Expect;
use crate::support::keys;
use crate::support::runner::{Ctx, Outcome};
use crate::support::widget::{css, strings, until};
use crate::{ensure, flow_state, flows};

/// Keyboard only: Tab to the route input, type a host, step the hops with
/// the keyboard; then Tab to a component in a failure simulator and fail
/// it with Space. No mouse, no element picked by the test.
pub async fn keyboard_only(ctx: &Ctx) -> Outcome {
    let expect = Expect::new()?;
    let session = &ctx.session;

    // 1. Route a host.
    open_at_top(ctx, "tour.html").await?;
    // The first Tab reaches the skip link (book/theme/skip-link.js), which
    // shows itself; Enter moves on past the sidebar into the chapter,
    // leaving the URL's fragment alone.
    keys::press(session, Key::Tab).await?;
    let skip = session
        .js(
            "const a = document.activeElement;
             return a.matches('a.skip-link') && a.getBoundingClientRect().left >= 0
                ? a.textContent : a.outerHTML.slice(0, 120);",
            vec![],
        )
        .await?;
    ensure(skip == json!("Skip to the chapter"), || {
        format!("the first Tab is not on a visible skip link: {skip}")
    })?;
    keys::press(session, Key::Enter).await?;
    let skipped = session
        .js(
            "return document.activeElement.matches('#mdbook-content main') && location.hash === ''",
            vec![],
        )
        .await?;
    ensure(skipped == json!(true), || {
        "Enter on the skip link did not move the focus to the chapter (or changed the URL)".into()
    })?;
    let sel = css("route", &[("data-host", "app.tomoda.life")]);
    let presses = keys::tab_to(
        session,
        "the route input",
        &format!(
            "return document.activeElement.matches({})",
            json!(format!("{sel} input.archsim-host"))
        ),
        20,
    )
    .await?;
    let visible = session
        .js(
            "return document.activeElement.matches(':focus-visible')",
            vec![],
        )
        .await?;
    ensure(visible == json!(true), || {
        "the focused route input shows no focus ring (:focus-visible)".into()
    })?;
    keys::chord(session, Key::Control, 'a').await?;
    keys::type_text(session, "assets.tomoda.life").await?;
    keys::press(session, Key::Enter).await?;
    let (hops, _) = expect.route("assets.tomoda.life", &[])?;
    until(session, &sel, "the typed host's route", |v| {
        v["host"] == json!("assets.tomoda.life") && strings(&v["hops"]) == hops
    })
    .await?;

    // 2. Step the hops.
    keys::tab_to(
        session,
        "the Next button",
        &format!(
            "const a = document.activeElement; return !!a.closest({}) && a.textContent.includes('Next')",
            json!(sel)
        ),
        20,
    )
    .await?;
    for (i, hop) in hops.iter().enumerate() {
        keys::press(session, Key::Enter).await?;
        until(session, &sel, &format!("hop {} by keyboard", i + 1), |v| {
            v["step"] == json!(i) && strings(&v["map"]["current"]) == [hop.clone()]
        })
        .await?;
    }

    // 3. Fail a component.
    open_at_top(ctx, "failures.html").await?;
    let fail = css("fail", &[("data-scenario", "cloudfront-outage")]);
    // The list of components is folded: open it from its summary.
    keys::tab_to(
        session,
        "the list of components",
        &format!(
            "return document.activeElement.matches({})",
            json!(format!("{fail} details.archsim-checklist > summary"))
        ),
        400,
    )
    .await?;
    keys::press(session, Key::Enter).await?;
    // The list's checkboxes are rendered once the widget hears the toggle:
    // a reader sees them appear before tabbing on. Tabbing sooner passed
    // the still-empty list and went on through the tables (a flaky test).
    session
        .wait_until(
            "the list of components to show its checkboxes",
            "return !!document.querySelector(arguments[0])",
            vec![json!(format!(
                "{fail} details.archsim-checklist[open] input[type=checkbox]"
            ))],
        )
        .await?;
    keys::tab_to(
        session,
        "Redis's checkbox",
        &format!(
            "const a = document.activeElement;
             const code = a.id ? document.querySelector('label[for=\"' + a.id + '\"] code') : null;
             return a.matches({}) && !!code && code.textContent === 'redis'",
            json!(format!("{fail} input[type=checkbox]"))
        ),
        100,
    )
    .await?;
    keys::press(session, ' ').await?;
    let view = until(session, &fail, "Redis to fail", |v| {
        strings(&v["map"]["failed"]).contains(&"redis".to_owned())
    })
    .await?;
    let failed = strings(&view["map"]["failed"]);
    let selectors: Vec<&str> = failed.iter().map(String::as_str).collect();
    let want: Vec<(String, String)> = expect.flows(&selectors)?.into_iter().collect();
    ensure(flows(&view) == want, || {
        format!(
            "with {failed:?} failed the table is {:?}, the engine says {want:?}",
            flows(&view)
        )
    })?;
    ensure(
        flow_state(&view, "api.tomoda.life").as_deref() == Some("down"),
        || "api.tomoda.life is not down with Redis failed".into(),
    )?;
    ctx.note(format!(
        "{presses} Tab presses from the skip link to the route input"
    ));
    Ok(())
}

/// A claim's mark opens its note from the keyboard: Tab reaches the mark,
/// and the note (what was checked, in the model's names; for "assumed",
/// the assumptions) shows while it has the focus, as on hover.
pub async fn claim_notes_open_from_the_keyboard(ctx: &Ctx) -> Outcome {
    let session = &ctx.session;
    open_at_top(ctx, "introduction.html").await?;
    // (mark class, words the note must carry: what was checked, in the
    // model's names, the facts it rests on, and for "assumed" each
    // assumption by what it is about; words it must not: the ids a
    // directive names things by)
    let marks: [(&str, &[&str], &[&str]); 2] = [
        (
            "archsim-claim",
            &[
                "Checked against the model: development-485000-photon-index is not managed by Terraform",
                "Rests on the document's facts F",
            ],
            &["photon-index-bucket", "terraform = false"],
        ),
        (
            "archsim-claim is-assumed",
            &[
                "With Bitnami Redis failing, api.tomoda.life is down",
                "Assumes, beyond the source document",
                "Tomoda API (prod) → Bitnami Redis",
            ],
            &["tomoda-api-prod", "failing redis"],
        ),
    ];
    for (class, words, not) in marks {
        keys::tab_to(
            session,
            &format!("the mark `{class}`"),
            &format!(
                "return document.activeElement.getAttribute('class') === {}",
                json!(class)
            ),
            60,
        )
        .await?;
        let note = session
            .js(
                "const mark = document.activeElement;
                 const note = document.getElementById(mark.getAttribute('aria-describedby'));
                 return note && { text: note.textContent, display: getComputedStyle(note).display };",
                vec![],
            )
            .await?;
        let text = note["text"].as_str().unwrap_or_default();
        ensure(
            words.iter().all(|w| text.contains(w))
                && !not.iter().any(|w| text.contains(w))
                && note["display"] == json!("block"),
            || {
                format!(
                    "the focused `{class}` mark shows {note}, not a note with {words:?} and without {not:?}"
                )
            },
        )?;
    }
    Ok(())
}

/// Open a page with nothing focused and the top in view, where a reader
/// starts pressing Tab.
pub async fn open_at_top(ctx: &Ctx, page: &str) -> Outcome {
    ctx.session.open(&ctx.site.url(page)).await?;
    ctx.session
        .js(
            "document.activeElement && document.activeElement.blur(); scrollTo(0, 0); return 1",
            vec![],
        )
        .await?;
    Ok(())
}
