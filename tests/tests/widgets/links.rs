//! Shared links: a widget's link reopens its exact scenario in a fresh
//! browser; a corrupted or outdated link shows a notice and falls back.

use fantoccini::Locator;
use serde_json::{Value, json};

use crate::ensure;
use crate::failures::{FAIL_ATTRS, FAIL_PAGE};
use crate::support::browser::{Options, Session};
use crate::support::expect::Expect;
use crate::support::runner::{Ctx, Outcome};
use crate::support::widget::{self, click, css, live, strings, until, xpath};

/// What a reader does to a widget before copying its link.
#[derive(Clone, Copy, Debug)]
enum Act {
    /// Type a host in the route form and press Trace.
    Trace(&'static str),
    /// Press Next.
    Next,
    /// Pick a scenario preset by id.
    Preset(&'static str),
    /// Click the label whose `<code>` reads this (a component or question id).
    Label(&'static str),
    /// Tick "Show single points of failure".
    Spof,
    /// Open the failure simulator's list of components.
    OpenList,
    /// Press "Restore everything".
    Restore,
}

/// A widget to share a link to, and what the reader does to it first.
struct Link {
    page: &'static str,
    kind: &'static str,
    attrs: &'static [(&'static str, &'static str)],
    acts: &'static [Act],
}

/// The failures page's first widget starts from a preset.
const PRESET: [(&str, &str); 1] = [("data-scenario", "cloudfront-outage")];

const LINKS: [Link; 5] = [
    Link {
        page: "routing.html",
        kind: "route",
        attrs: &[("data-host", "api.tomoda.life")],
        acts: &[Act::Trace("assets.tomoda.life"), Act::Next, Act::Next],
    },
    Link {
        page: FAIL_PAGE,
        kind: "fail",
        attrs: &FAIL_ATTRS,
        acts: &[
            Act::Preset("region-ap-northeast-1"),
            Act::OpenList,
            Act::Label("redis"),
            Act::Spof,
        ],
    },
    Link {
        page: "placement.html",
        kind: "place",
        attrs: &[("data-answers", "holds-state")],
        acts: &[Act::Label("builds-images"), Act::Label("runs-workload")],
    },
    // Issue 20: restored, a preset widget's link could not say that
    // nothing fails, and reopened with the preset; restored and given one
    // component, its link reopened showing the preset's name.
    Link {
        page: "failures.html",
        kind: "fail",
        attrs: &PRESET,
        acts: &[Act::Restore],
    },
    Link {
        page: "failures.html",
        kind: "fail",
        attrs: &PRESET,
        acts: &[Act::Restore, Act::OpenList, Act::Label("redis")],
    },
];

async fn act(ctx: &Ctx, x: &str, act: Act) -> Outcome {
    let session = &ctx.session;
    match act {
        Act::Trace(host) => {
            let input = session
                .client
                .find(Locator::XPath(&format!(
                    "{x}//input[contains(@class, 'archsim-host')]"
                )))
                .await
                .map_err(|e| format!("no host input: {e}"))?;
            input.clear().await.map_err(|e| e.to_string())?;
            input.send_keys(host).await.map_err(|e| e.to_string())?;
            click(session, &format!("{x}//button[@type='submit']")).await
        }
        Act::Next => click(session, &format!("{x}//button[contains(., 'Next')]")).await,
        Act::Preset(id) => {
            let expect = Expect::new()?;
            let index = expect
                .engine()
                .model()
                .scenarios
                .iter()
                .position(|s| s.id == id)
                .ok_or_else(|| format!("no scenario {id}"))?;
            session
                .client
                .find(Locator::XPath(&format!("{x}//select")))
                .await
                .map_err(|e| e.to_string())?
                .select_by_value(&index.to_string())
                .await
                .map_err(|e| e.to_string())
        }
        Act::Label(code) => click(session, &format!("{x}//label[code='{code}']")).await,
        Act::OpenList => {
            click(
                session,
                &format!("{x}//details[contains(@class, 'archsim-checklist')]/summary"),
            )
            .await
        }
        Act::Restore => {
            click(
                session,
                &format!("{x}//button[contains(., 'Restore everything')]"),
            )
            .await
        }
        Act::Spof => {
            click(
                session,
                &format!("{x}//label[contains(., 'single points of failure')]"),
            )
            .await
        }
    }
}

/// What must be equal between the original and the restored widget.
fn scenario_of(view: &Value) -> Value {
    let mut v = view.clone();
    if let Some(o) = v.as_object_mut() {
        for key in ["attrs", "visible", "notices", "linkNotices", "text"] {
            o.remove(key);
        }
    }
    v
}

/// A link copied from a widget reopens that exact scenario in a fresh
/// browser (new profile, nothing remembered).
pub async fn shared_link_restores_the_scenario(ctx: &Ctx) -> Outcome {
    for Link {
        page,
        kind,
        attrs,
        acts,
    } in LINKS
    {
        ctx.session.open(&ctx.site.url(page)).await?;
        let sel = css(kind, attrs);
        let x = xpath(kind, attrs);
        let before = live(&ctx.session, &sel).await?;
        for &a in acts {
            act(ctx, &x, a).await?;
            // Each action re-renders; let it land before the next.
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        let after = widget::read(&ctx.session, &sel).await?;
        ensure(scenario_of(&after) != scenario_of(&before), || {
            format!("{page}: the actions {acts:?} changed nothing in the widget")
        })?;
        let href = ctx
            .session
            .js(
                "const a = document.querySelector(arguments[0] + ' a.archsim-permalink'); return a ? a.getAttribute('href') : null;",
                vec![json!(sel)],
            )
            .await?;
        let href = href
            .as_str()
            .filter(|h| h.starts_with('#'))
            .ok_or_else(|| format!("{page}: the widget offers no link ({href})"))?;
        let link = format!("{}{href}", ctx.site.url(page));
        let fresh = ctx.chrome.session(&Options::default()).await?;
        let restored = reopen(&fresh, &link, &sel).await;
        let logs = fresh.logs().await.unwrap_or_default();
        fresh.close().await;
        let (restored, landing) = restored?;
        if let Some(l) = logs.iter().find(|l| l.level == "SEVERE") {
            return Err(format!(
                "{link}: console error in the fresh session: {}",
                l.message
            ));
        }
        landed(&landing, &link)?;
        ensure(scenario_of(&restored) == scenario_of(&after), || {
            format!(
                "{link} does not restore the scenario.\nshared:   {}\nrestored: {}",
                scenario_of(&after),
                scenario_of(&restored)
            )
        })?;
        ensure(strings(&restored["linkNotices"]).is_empty(), || {
            format!(
                "{link}: a good link shows a notice: {}",
                restored["linkNotices"]
            )
        })?;
        ctx.note(format!("{page}: {href}"));
    }
    Ok(())
}

/// Links as a reader shares them (issue 20: each opened scrolled to a
/// widget further down): each lands on the widget it names, focused.
const LANDINGS: [(&str, &str); 3] = [
    ("routing.html", "#v1;w=1;host=app.tomoda.life"),
    ("failures.html", "#v1;w=1;fail=backup-bucket"),
    ("failures.html", "#v1;w=2;fail=redis"),
];

/// A link opens its page scrolled to the widget it restores, focused.
pub async fn a_link_lands_on_its_widget(ctx: &Ctx) -> Outcome {
    for (page, fragment) in LANDINGS {
        let sel = named(fragment);
        let link = format!("{}{fragment}", ctx.site.url(page));
        let fresh = ctx.chrome.session(&Options::default()).await?;
        let reopened = reopen(&fresh, &link, &sel).await;
        fresh.close().await;
        let (_, landing) = reopened?;
        landed(&landing, &link)?;
        ctx.note(format!("{page}{fragment}: top {} px", landing["top"]));
    }
    Ok(())
}

/// A link opened later in the same tab (the address bar, or a link on
/// the page) lands on its widget too, started or not, and restores it.
pub async fn a_link_opened_later_lands_on_its_widget(ctx: &Ctx) -> Outcome {
    for (page, fragment) in [
        ("failures.html", "#v1;w=2;fail=redis"),
        ("routing.html", "#v1;w=1;host=app.tomoda.life"),
    ] {
        let sel = named(fragment);
        let fresh = ctx.chrome.session(&Options::default()).await?;
        let opened = async {
            fresh.open(&ctx.site.url(page)).await?;
            tokio::time::sleep(std::time::Duration::from_millis(300)).await;
            fresh
                .js("location.hash = arguments[0];", vec![json!(fragment)])
                .await?;
            tokio::time::sleep(std::time::Duration::from_millis(600)).await;
            let read = widget::read(&fresh, &sel).await?;
            Ok::<_, String>((read, landing(&fresh, &sel).await?))
        }
        .await;
        fresh.close().await;
        let (read, landing) = opened?;
        let link = format!("{page}{fragment}, opened later");
        landed(&landing, &link)?;
        let restored = match fragment.split_once("fail=") {
            Some((_, id)) => strings(&read["map"]["failed"]).iter().any(|f| f == id),
            None => read["host"] == json!("app.tomoda.life"),
        };
        ensure(restored, || {
            format!("{link}: the widget does not show the link's state: {read}")
        })?;
        ctx.note(format!("{link}: top {} px", landing["top"]));
    }
    Ok(())
}

/// Open `link` in `session` and read the widget once it is live.
/// Returns: the widget read, and where it landed (its top in the window,
/// the window's height, whether it has the focus).
async fn reopen(session: &Session, link: &str, sel: &str) -> Result<(Value, Value), String> {
    session.open(link).await?;
    // The link names its widget, which mounts at once and scrolls into view.
    until(session, sel, "the linked widget to mount", |v| {
        v["live"] == json!(true)
    })
    .await?;
    // Let the fragment's state land (one render), and the widgets near
    // it start in turn (each may grow or shrink the page above it).
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    let read = widget::read(session, sel).await?;
    Ok((read, landing(session, sel).await?))
}

/// The mount point a fragment names (`w=`; the first without one).
fn named(fragment: &str) -> String {
    let n = fragment
        .split(';')
        .find_map(|p| p.strip_prefix("w="))
        .unwrap_or("1");
    format!("[data-archsim-n=\"{n}\"]")
}

/// Where the widget `sel` is: its top in the window, the window's
/// height, how far the page is scrolled, whether it has the focus and
/// what has it.
async fn landing(session: &Session, sel: &str) -> Result<Value, String> {
    session
        .js(
            "const w = document.querySelector(arguments[0]); const r = w.getBoundingClientRect(); \
             return { top: r.top, window: window.innerHeight, scrolled: window.scrollY, \
             focused: w.contains(document.activeElement), active: document.activeElement ? document.activeElement.outerHTML.slice(0, 80) : null };",
            vec![json!(sel)],
        )
        .await
}

/// A link (`link`, for the messages) lands on its widget: in view at the
/// top of the window once the page has settled (the widgets around it
/// started), and focused, so a keyboard or screen reader starts there too.
fn landed(landing: &Value, link: &str) -> Outcome {
    let top = landing["top"].as_f64().unwrap_or(f64::NAN);
    let height = landing["window"].as_f64().unwrap_or(0.0);
    ensure((-1.0..height * 0.5).contains(&top), || {
        format!(
            "{link}: the widget is not where the link lands: its top is at {top} px in a window of {height} px ({landing})"
        )
    })?;
    ensure(landing["focused"] == json!(true), || {
        format!("{link}: the widget does not have the focus ({landing})")
    })
}

/// A bad link, and what the widget it names must show.
struct BadLink {
    page: &'static str,
    fragment: &'static str,
    /// The widget the fragment's `w=` names.
    kind: &'static str,
    attrs: &'static [(&'static str, &'static str)],
    /// Words the notice must hold.
    words: &'static [&'static str],
    /// The host a route widget shows afterwards.
    host: Option<&'static str>,
}

const BAD_LINKS: [BadLink; 4] = [
    // Unreadable parts are named and skipped; the rest applies.
    BadLink {
        page: "routing.html",
        fragment: "#v1;w=1;host=app.tomoda.life;step=x;what=1",
        kind: "route",
        attrs: &[("data-host", "api.tomoda.life")],
        words: &["step", "what"],
        host: Some("app.tomoda.life"),
    },
    // Another version: the defaults.
    BadLink {
        page: "routing.html",
        fragment: "#v7;w=1;host=app.tomoda.life",
        kind: "route",
        attrs: &[("data-host", "api.tomoda.life")],
        words: &["version 7"],
        host: Some("api.tomoda.life"),
    },
    // A component the model does not know, on a widget far down the page.
    BadLink {
        page: FAIL_PAGE,
        fragment: "#v1;w=3;fail=redis,no-such-part",
        kind: "fail",
        attrs: &FAIL_ATTRS,
        words: &["no-such-part"],
        host: None,
    },
    // Garbage.
    BadLink {
        page: "routing.html",
        fragment: "#v1;w=1;%ZZ;;=;z=NaN,1e400,-0;step=99999999999999999999;host=%",
        kind: "route",
        attrs: &[("data-host", "api.tomoda.life")],
        words: &["ignored"],
        host: None,
    },
];

/// A corrupted or outdated link shows a notice and falls back; no panic,
/// no console error.
pub async fn bad_link_shows_a_notice(ctx: &Ctx) -> Outcome {
    for BadLink {
        page,
        fragment,
        kind,
        attrs,
        words,
        host,
    } in BAD_LINKS
    {
        // A new document each time: the same page with another fragment
        // would only fire `hashchange`.
        ctx.session.open("about:blank").await?;
        let _ = ctx.session.logs().await?;
        let url = format!("{}{fragment}", ctx.site.url(page));
        ctx.session.open(&url).await?;
        let sel = css(kind, attrs);
        let view = until(&ctx.session, &sel, "the linked widget to mount", |v| {
            v["live"] == json!(true)
        })
        .await
        .map_err(|e| format!("{url}: {e}"))?;
        let notices = strings(&view["linkNotices"]).join(" | ");
        for word in words {
            ensure(notices.contains(word), || {
                format!("{url}: the notice does not mention {word:?}: {notices:?}")
            })?;
        }
        ensure(strings(&view["notices"]).is_empty(), || {
            format!("{url}: the widget broke: {}", view["notices"])
        })?;
        if let Some(host) = host {
            ensure(view["host"] == json!(host), || {
                format!(
                    "{url}: the route widget shows {} instead of {host}",
                    view["host"]
                )
            })?;
        }
        let logs = ctx.session.logs().await?;
        if let Some(l) = logs.iter().find(|l| l.level == "SEVERE") {
            return Err(format!("{url}: console error: {}", l.message));
        }
    }
    Ok(())
}
