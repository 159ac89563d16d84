//! Driving one widget of a page: find it, bring it into view, wait until
//! it is live or shows something, click its controls.

use std::time::{Duration, Instant};

use fantoccini::Locator;
use serde_json::{Value, json};

use super::browser::{Session, WAIT};
use super::expect::READ_WIDGETS;

/// A JavaScript function: whether a mount point is within the 200 px of
/// the viewport where the bundle starts widgets.
pub const NEAR_VIEW: &str = "((e) => {
    const r = e.getBoundingClientRect();
    return r.bottom > -200 && r.top < innerHeight + 200;
})";

/// A script: whether every widget near the viewport ([`NEAR_VIEW`]) has
/// started: what a reader's pause gives the page. Widgets that start
/// replace their fallback and may change the page's height, so the tests
/// wait for this before aiming at anything.
pub fn settled() -> String {
    format!(
        "return Array.from(document.querySelectorAll('div.archsim[data-archsim]')).every(e =>
            !{NEAR_VIEW}(e) || {SHOWN}(e));"
    )
}

/// A JavaScript function: whether mount point `e` shows its widget with
/// every part laid out (a part below the view waits a few frames,
/// `data-archsim-waits`), or says why it cannot.
const SHOWN: &str = "((e) => !!e.querySelector('.archsim-mount-notice, .archsim-crash')
    || (!!e.querySelector('.archsim-live') && !e.querySelector('[data-archsim-waits]')))";

/// Bring mount point `arguments[0]` (0-based) to the middle of the viewport.
const SHOW: &str = "const e = document.querySelectorAll('div.archsim[data-archsim]')[arguments[0]];
    if (e) e.scrollIntoView({block: 'center'}); return !!e;";

/// Whether mount point `arguments[0]` has started (or said why it cannot).
fn started() -> String {
    format!(
        "const e = document.querySelectorAll('div.archsim[data-archsim]')[arguments[0]];
        return !!e && {SHOWN}(e);"
    )
}

/// Visit each of the page's `mounts` mount points in turn, as a reader
/// scrolling down would, and (with `wait`) wait until each has started.
/// Widgets start only near the view. A widget that does not start fails
/// with the page's console.
pub async fn start_each(
    session: &Session,
    url: &str,
    mounts: usize,
    wait: bool,
) -> Result<(), String> {
    for i in 0..mounts {
        session.js(SHOW, vec![json!(i)]).await?;
        if !wait {
            continue;
        }
        let started = session
            .wait_until(
                &format!("widget {} to start", i + 1),
                &started(),
                vec![json!(i)],
            )
            .await;
        if let Err(e) = started {
            let logs = session.logs().await.unwrap_or_default();
            let lines: Vec<String> = logs
                .iter()
                .map(|l| format!("  console {}: {}", l.level, l.message))
                .collect();
            return Err(format!("{url}: {e}\n{}", lines.join("\n")));
        }
    }
    Ok(())
}

/// Each live widget's answer that differs from its fallback's, as
/// sentences (see `same_words.js`); and how many answers were compared.
/// Run with every widget started and untouched.
pub async fn differ_from_fallbacks(session: &Session) -> Result<(u64, Vec<String>), String> {
    let seen = session
        .js_async(include_str!("same_words.js"), vec![])
        .await?;
    Ok((
        seen["compared"].as_u64().unwrap_or(0),
        strings(&seen["problems"]),
    ))
}

/// The canonical view of the mount point `selector` selects (see
/// `read_widgets.js`), or `Value::Null` when there is none.
pub async fn read(session: &Session, selector: &str) -> Result<Value, String> {
    session.js(READ_WIDGETS, vec![json!(selector)]).await
}

/// The canonical views of every mount point of the page.
pub async fn read_all(session: &Session) -> Result<Vec<Value>, String> {
    let value = session.js(READ_WIDGETS, vec![]).await?;
    Ok(value.as_array().cloned().unwrap_or_default())
}

/// Scroll the mount point into view and wait until its widget is live.
/// It is scrolled to again on every look, as a reader would: a widget
/// above it may start meanwhile, grow, and push it out of view, and
/// widgets start only near the view.
pub async fn live(session: &Session, selector: &str) -> Result<Value, String> {
    watch(session, selector, "the widget to mount", true, |v| {
        v["live"] == json!(true)
    })
    .await
}

/// Poll the mount point's view until `done` holds; fails after [`WAIT`]
/// with the last view seen.
pub async fn until(
    session: &Session,
    selector: &str,
    what: &str,
    done: impl Fn(&Value) -> bool,
) -> Result<Value, String> {
    watch(session, selector, what, false, done).await
}

/// [`until`], scrolling the mount point into view before each look when
/// `scroll` is set.
async fn watch(
    session: &Session,
    selector: &str,
    what: &str,
    scroll: bool,
    done: impl Fn(&Value) -> bool,
) -> Result<Value, String> {
    let start = Instant::now();
    loop {
        if scroll {
            let found = session
                .js(
                    "const e = document.querySelector(arguments[0]); if (e) e.scrollIntoView({block: 'center'}); return !!e;",
                    vec![json!(selector)],
                )
                .await?;
            if found != json!(true) {
                return Err(format!("the page has no mount point `{selector}`"));
            }
        }
        let view = read(session, selector).await?;
        // The panic hook keeps the page alive and shows this notice: a
        // crash is a failure even when the view looks as expected.
        if view["crashed"] == json!(true) {
            return Err(format!(
                "`{selector}`: the widget crashed while waiting for {what} (the browser console has the panic)"
            ));
        }
        if done(&view) {
            return Ok(view);
        }
        if start.elapsed() > WAIT {
            return Err(format!(
                "`{selector}`: timed out waiting for {what}; it shows:\n{}",
                serde_json::to_string_pretty(&view).unwrap_or_default()
            ));
        }
        tokio::time::sleep(Duration::from_millis(40)).await;
    }
}

/// Click the element `xpath` finds (relative to the whole page), as a
/// reader's mouse would: first scrolled to the middle of the window, out
/// from under mdBook's sticky menu bar.
pub async fn click(session: &Session, xpath: &str) -> Result<(), String> {
    let element = session
        .client
        .find(Locator::XPath(xpath))
        .await
        .map_err(|e| format!("nothing to click at {xpath}: {e}"))?;
    let handle = serde_json::to_value(&element).map_err(|e| e.to_string())?;
    // Scroll it to the middle. Widgets that start, fonts that arrive, maps
    // that lay out move the page meanwhile, so wait until it holds still in
    // view for a moment (bounded) before clicking.
    let mut last = Value::Null;
    for _ in 0..20 {
        session
            .wait_until("the widgets in view to start", &settled(), vec![])
            .await?;
        let rect = session
            .js(
                "const r = arguments[0].getBoundingClientRect();
                 if (r.top < 60 || r.bottom > innerHeight - 10) {
                   arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});
                   return null;
                 }
                 return [r.left, r.top];",
                vec![handle.clone()],
            )
            .await?;
        if !rect.is_null() && rect == last {
            break;
        }
        last = rect;
        tokio::time::sleep(Duration::from_millis(60)).await;
    }
    element
        .click()
        .await
        .map_err(|e| format!("cannot click {xpath}: {e}"))
}

/// XPath of a mount point from its attributes, e.g.
/// `mount("route", &[("data-host", "app.tomoda.life")])`.
pub fn xpath(kind: &str, attrs: &[(&str, &str)]) -> String {
    let mut x =
        format!("//div[contains(concat(' ', @class, ' '), ' archsim ') and @data-archsim='{kind}'");
    for (name, value) in attrs {
        x.push_str(&format!(" and @{name}='{value}'"));
    }
    x.push(']');
    x
}

/// CSS selector of the same mount point.
pub fn css(kind: &str, attrs: &[(&str, &str)]) -> String {
    let mut s = format!("div.archsim[data-archsim=\"{kind}\"]");
    for (name, value) in attrs {
        s.push_str(&format!("[{name}=\"{value}\"]"));
    }
    s
}

/// The strings of a JSON array.
pub fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|a| {
            a.iter()
                .map(|v| v.as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// How many tabs the open full-page simulator shows, once it shows them:
/// they are the bundle's, which comes once its module has been
/// instantiated, and the page's load event does not wait for that.
pub async fn simulator_tabs(session: &Session) -> Result<u64, String> {
    Ok(session
        .wait_until(
            "the simulator's tabs",
            "return document.querySelectorAll('[role=tab]').length",
            vec![],
        )
        .await?
        .as_u64()
        .unwrap_or(0))
}

/// Show the simulator's tab `tab` (0-based) and wait until its panel is
/// drawn.
pub async fn show_tab(session: &Session, tab: u64) -> Result<(), String> {
    session
        .js(
            "document.querySelectorAll('[role=tab]')[arguments[0]].click(); return true;",
            vec![json!(tab)],
        )
        .await?;
    session
        .wait_until(
            &format!("tab {} to show", tab + 1),
            "const tab = document.querySelectorAll('[role=tab]')[arguments[0]];
            const panel = document.getElementById(tab.getAttribute('aria-controls'));
            return !!panel && panel.getClientRects().length > 0 && panel.childElementCount > 0;",
            vec![json!(tab)],
        )
        .await?;
    Ok(())
}
