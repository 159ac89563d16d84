//! Accessibility, audited by axe-core (issue 21): every page of the site
//! in each of mdBook's five themes, with its widgets started, has no
//! violation of WCAG 2.1 A and AA nor of axe's best practices; and so have
//! the states a reader brings a page to ([`REACHED`]: a map's details
//! open, the map filling the window, a failure applied, a route stepped,
//! every disclosure open) in every theme; every page on a phone; and the
//! full-page simulator, each of its tabs, in its light and dark palettes.
//!
//! axe-core is pinned and installed by the test command into the
//! git-ignored tool folder (`xtask/src/tools.rs`, `AXE_CORE`); this file
//! reads `axe.min.js` from there and injects its text through WebDriver,
//! which the site's Content-Security-Policy allows (a script from another
//! origin, or inline, it would refuse). A rule switched off here needs its
//! reason beside it (`OFF`: four page-level rules on mdBook's sidebar
//! frame, which is not a page).
//!
//! Each violation is reported as its rule, impact, how many elements and a
//! few of them (CSS selectors), and noted under the scenario, so one run
//! measures every rule in every theme.
//!
//! Run: `cargo xtask test` (its browser stage, which installs axe-core);
//! alone, `cargo test -p archsim-e2e --test audit` after `cargo xtask
//! build`.

mod support;

use std::path::PathBuf;
use std::sync::Arc;

use serde_json::{Value, json};

use support::browser::{Options, Session};
use support::questions;
use support::runner::{self, Case, Ctx, Outcome};
use support::site;
use support::theme::{self, THEMES};
use support::widget;

/// The rules run: WCAG 2.0 and 2.1, levels A and AA, and axe's best
/// practices.
const TAGS: [&str; 5] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/// How many of a violation's elements a report names.
const SHOWN: usize = 4;

/// Run axe on the document with the rules of `arguments[0]`; answers
/// axe's version and the violations, each with its elements' selectors.
///
/// Text whose contrast axe cannot decide it reports as incomplete, not as
/// a violation, and the run answers those elements too (`undecided`): text
/// partly covered by another element (the menu bar over the page, a
/// sticky header), a symbol alone (`✓`), an empty field. [`audit`]
/// measures them with the widgets test's script (`support/contrast.js`).
/// The text of a drawing axe leaves undecided as well (it reads CSS
/// `color`, which SVG does not paint with): the widgets test measures the
/// maps' text in every theme and at every zoom (`widgets/contrast.rs`).
const RUN: &str = r#"axe.run(document, {
      runOnly: { type: 'tag', values: arguments[0] },
      rules: Object.fromEntries(arguments[1].map((id) => [id, { enabled: false }])),
      resultTypes: ['violations', 'incomplete'],
    }).then((r) => done({
      version: axe.version,
      undecided: r.incomplete
        .filter((v) => v.id === 'color-contrast')
        .flatMap((v) => v.nodes)
        .filter((n) => n.target.length === 1)
        .map((n) => n.target[0])
        .filter((t) => { const e = document.querySelector(t); return !!e && !e.closest('svg'); }),
      violations: r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(' ')),
        // The first element's markup, as axe quotes it.
        first: v.nodes.length ? v.nodes[0].html.slice(0, 400) : '',
        // Each distinct reason (colours, for contrast), most frequent first.
        reasons: Object.entries(v.nodes.reduce((seen, n) => {
          const why = n.failureSummary.split(/\n/).slice(1).join(' ').trim();
          seen[why] = (seen[why] || 0) + 1;
          return seen;
        }, {})).sort((a, b) => b[1] - a[1]),
      })),
    }), (e) => done({ error: String(e) }));"#;

/// Rules switched off, each for one page and with its reason.
///
/// mdBook's `toc.html` is not a page a reader opens: it is the frame of
/// the sidebar for readers without scripts (`noindex`), shown inside
/// every page's `nav`. axe applies these rules to a top-level document
/// only (the title), or to the page and its frames together (one `main`,
/// one `h1`: the page around the frame has them; content in landmarks:
/// a frame's content is in the landmark its frame is in); opened on its
/// own, the frame is judged as a page.
const OFF: [(&str, &str); 4] = [
    (archsim_e2e::site::SIDEBAR_FRAME, "document-title"),
    (archsim_e2e::site::SIDEBAR_FRAME, "landmark-one-main"),
    (archsim_e2e::site::SIDEBAR_FRAME, "page-has-heading-one"),
    (archsim_e2e::site::SIDEBAR_FRAME, "region"),
];

/// The rules switched off on `page` ([`OFF`]).
fn off_on(page: &str) -> Vec<&'static str> {
    OFF.iter()
        .filter(|(p, _)| *p == page)
        .map(|(_, rule)| *rule)
        .collect()
}

/// Where the test command installs axe-core.
fn axe_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../.tools/node_modules/axe-core/axe.min.js")
}

/// axe's source, or why there is none.
fn axe_source() -> Result<String, String> {
    let path = axe_path();
    std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "{}: {e}: `cargo xtask test` installs axe-core (its browser stage), \
             or `npm install --prefix .tools axe-core@VERSION` with the version \
             `xtask/src/tools.rs` pins",
            path.display()
        )
    })
}

fn main() {
    let axe = Arc::new(axe_source());
    runner::main("audit", Options::default(), |served| {
        let pages: Vec<String> = site::pages(&served.root)
            .into_iter()
            .filter(|p| !is_simulator(p))
            .collect();
        assert!(!pages.is_empty(), "the site has no book pages");
        let mut cases = Vec::new();
        for theme in THEMES {
            for page in &pages {
                // mdBook's sidebar frame for readers without scripts: the
                // frame applies no theme (mdBook writes it in the default
                // one), so it is audited in that one.
                if page == archsim_e2e::site::SIDEBAR_FRAME && theme != THEMES[0] {
                    continue;
                }
                let (axe, page) = (Arc::clone(&axe), page.clone());
                cases.push(Case::new(format!("{theme}::{page}"), move |ctx| {
                    Box::pin(audit_page(ctx, Arc::clone(&axe), theme, page.clone()))
                }));
            }
        }
        for theme in THEMES {
            for reached in REACHED {
                let axe = Arc::clone(&axe);
                cases.push(Case::new(
                    format!("{theme}::{}::{}", reached.page, reached.name),
                    move |ctx| Box::pin(audit_reached(ctx, Arc::clone(&axe), theme, reached)),
                ));
            }
        }
        for page in &pages {
            if page == archsim_e2e::site::SIDEBAR_FRAME || site::is_print(page) {
                continue;
            }
            let (axe, page) = (Arc::clone(&axe), page.clone());
            cases.push(Case::new(format!("phone::{page}"), move |ctx| {
                Box::pin(audit_on_a_phone(ctx, Arc::clone(&axe), page.clone()))
            }));
        }
        for scheme in ["light", "dark"] {
            let axe = Arc::clone(&axe);
            cases.push(Case::new(format!("simulator::{scheme}"), move |ctx| {
                Box::pin(audit_simulator(ctx, Arc::clone(&axe), scheme))
            }));
        }
        cases
    })
}

/// The full-page simulator and the propose widget's trunk page, which are
/// not mdBook's: no theme of its own.
fn is_simulator(page: &str) -> bool {
    page.starts_with("archsim/")
}

/// One page in one theme, with its widgets started.
async fn audit_page(
    ctx: &Ctx,
    axe: Arc<Result<String, String>>,
    theme: &str,
    page: String,
) -> Outcome {
    let axe = axe.as_ref().as_ref().map_err(Clone::clone)?;
    let session = &ctx.session;
    let url = ctx.site.url(&page);
    if page == archsim_e2e::site::SIDEBAR_FRAME {
        session.open(&url).await?;
    } else {
        theme::open_in(session, &url, theme).await?;
    }
    let mounts = site::mount_points(&ctx.site.root, &page);
    widget::start_each(session, &url, mounts, !site::is_print(&page)).await?;
    let found = audit(ctx, session, axe, &off_on(&page)).await?;
    report(ctx, theme, &format!("{theme} {page}"), &found)
}

/// A state a reader brings a page to: what they do, step by step, before
/// the audit. Every `<details>` of the page is opened too (what an answer
/// rests on, the failure checklist).
#[derive(Clone, Copy)]
struct Reached {
    name: &'static str,
    page: &'static str,
    steps: &'static [Step],
}

/// One thing a reader does.
#[derive(Clone, Copy)]
enum Step {
    /// Click the first element at an XPath.
    Click(&'static str),
    /// Wait until a script answers true; named for the message.
    Until(&'static str, &'static str),
    /// Run a script that answers a number: how many things it did, at
    /// least the second value; named for the message.
    Run(&'static str, &'static str, u64),
}

/// The first map widget's first component, live.
const MAP_NODE: &str = "(//div[@data-archsim='map']//section[contains(@class, 'archsim-live')]//*[name()='g' and @data-id])[1]";

/// Whether a map's details panel shows.
const DETAILS_SHOWN: &str =
    "return !!document.querySelector('div[data-archsim=map] .archsim-live .archsim-details')";

/// Check the first component that has not failed in the list of the
/// failure widget that starts with Redis failed.
const FAIL_ONE_MORE: &str = "const box = Array.from(document.querySelectorAll(
        'div[data-archsim=fail][data-fail=redis] .archsim-live details.archsim-checklist input[type=checkbox]'))
      .find((b) => !b.checked);
    if (box) box.click();
    return box ? 1 : 0;";

/// The states audited, in every theme.
const REACHED: [Reached; 5] = [
    Reached {
        name: "details",
        page: "overview.html",
        steps: &[
            Step::Click(MAP_NODE),
            Step::Until("the node's details", DETAILS_SHOWN),
        ],
    },
    Reached {
        name: "full-window",
        page: "overview.html",
        steps: &[
            Step::Click("//div[@data-archsim='map']//button[contains(@class, 'archsim-full-toggle')]"),
            Step::Until(
                "the map to fill the window",
                "return !!document.querySelector('.archsim-map-box.is-full')",
            ),
            Step::Click(MAP_NODE),
            Step::Until("the node's details", DETAILS_SHOWN),
        ],
    },
    Reached {
        name: "failure-applied",
        page: "failures-more.html",
        steps: &[
            Step::Click(
                "//div[@data-archsim='fail' and @data-fail='redis']//section[contains(@class, 'archsim-live')]//details[contains(@class, 'archsim-checklist')]/summary",
            ),
            Step::Until(
                "the list's checkboxes",
                "return !!document.querySelector('div[data-archsim=fail][data-fail=redis] .archsim-live details.archsim-checklist[open] input[type=checkbox]')",
            ),
            Step::Run("a component that has not failed", FAIL_ONE_MORE, 1),
            Step::Until(
                "a second component to fail",
                "return document.querySelectorAll('div[data-archsim=fail][data-fail=redis] .archsim-live g.archsim-node.is-failed').length >= 2",
            ),
        ],
    },
    Reached {
        name: "route-stepped",
        page: "tour.html",
        steps: &[
            Step::Click("(//div[@data-archsim='route'])[1]//button[contains(., 'Next')]"),
            Step::Click("(//div[@data-archsim='route'])[1]//button[contains(., 'Next')]"),
            Step::Until(
                "the second hop",
                "const hops = Array.from(document.querySelectorAll('div[data-archsim=route] ol.archsim-hops > li'));
                return hops.findIndex((li) => li.classList.contains('is-current')) === 1;",
            ),
        ],
    },
    Reached {
        name: "self-check-answered",
        page: "tour.html",
        steps: &[Step::Run("the self-check questions, both verdicts", questions::PICK_EACH, 2)],
    },
];

/// Open every disclosure of the page; answers how many.
const OPEN_DETAILS: &str = "const all = document.querySelectorAll('details');
    all.forEach((d) => { d.open = true; });
    return all.length;";

/// A page in `theme`, brought to a state a reader reaches.
async fn audit_reached(
    ctx: &Ctx,
    axe: Arc<Result<String, String>>,
    theme: &str,
    reached: Reached,
) -> Outcome {
    let axe = axe.as_ref().as_ref().map_err(Clone::clone)?;
    let session = &ctx.session;
    let url = ctx.site.url(reached.page);
    theme::open_in(session, &url, theme).await?;
    let mounts = site::mount_points(&ctx.site.root, reached.page);
    widget::start_each(session, &url, mounts, true).await?;
    for step in reached.steps {
        match *step {
            Step::Click(xpath) => widget::click(session, xpath).await?,
            Step::Until(what, script) => {
                session.wait_until(what, script, vec![]).await?;
            }
            Step::Run(what, script, at_least) => {
                let done = session.js(script, vec![]).await?;
                if done.as_u64().unwrap_or(0) < at_least {
                    return Err(format!(
                        "{}: {done} of {what}, not at least {at_least}",
                        reached.page
                    ));
                }
            }
        }
    }
    session.js(OPEN_DETAILS, vec![]).await?;
    let found = audit(ctx, session, axe, &[]).await?;
    report(
        ctx,
        theme,
        &format!("{theme} {} ({})", reached.page, reached.name),
        &found,
    )
}

/// A page on a phone, its widgets started and its disclosures open, in
/// the first theme (a theme changes colours, which the pages above
/// audit; the phone changes the layout).
async fn audit_on_a_phone(ctx: &Ctx, axe: Arc<Result<String, String>>, page: String) -> Outcome {
    let axe = axe.as_ref().as_ref().map_err(Clone::clone)?;
    let session = ctx.chrome.session(&Options::phone()).await?;
    let result = async {
        let url = ctx.site.url(&page);
        session.open(&url).await?;
        let mounts = site::mount_points(&ctx.site.root, &page);
        widget::start_each(&session, &url, mounts, true).await?;
        session.js(OPEN_DETAILS, vec![]).await?;
        audit(ctx, &session, axe, &off_on(&page)).await
    }
    .await;
    session.close().await;
    report(ctx, "phone", &format!("{page} on a phone"), &result?)
}

/// The simulator in the system's `scheme`, each tab shown in turn.
async fn audit_simulator(ctx: &Ctx, axe: Arc<Result<String, String>>, scheme: &str) -> Outcome {
    let axe = axe.as_ref().as_ref().map_err(Clone::clone)?;
    let session = &ctx.session;
    session.prefer_colour_scheme(scheme).await?;
    let result = async {
        session.open(&ctx.site.url("archsim/index.html")).await?;
        let tabs = widget::simulator_tabs(session).await?;
        let mut found = Vec::new();
        for tab in 0..tabs {
            widget::show_tab(session, tab).await?;
            for v in audit(ctx, session, axe, &[]).await? {
                found.push(Violation {
                    rule: format!("{} (tab {})", v.rule, tab + 1),
                    ..v
                });
            }
        }
        Ok::<_, String>(found)
    }
    .await;
    session.prefer_colour_scheme("light").await?;
    report(ctx, scheme, &format!("simulator, {scheme}"), &result?)
}

/// One rule's violation on a page.
struct Violation {
    rule: String,
    impact: String,
    help: String,
    targets: Vec<String>,
    /// The first element's markup (its start).
    first: String,
    /// Each distinct reason axe gives, with how many elements it gives it
    /// for, most frequent first.
    reasons: Vec<(String, u64)>,
}

/// Inject axe (once per document) and run it, without the rules `off`.
async fn audit(
    ctx: &Ctx,
    session: &Session,
    axe: &str,
    off: &[&str],
) -> Result<Vec<Violation>, String> {
    let present = session.js("return typeof window.axe", vec![]).await?;
    if present != json!("object") {
        // The script's text, run by WebDriver: not subject to the page's
        // Content-Security-Policy, as a <script> element would be.
        session
            .js(&format!("{axe}\nreturn typeof window.axe;"), vec![])
            .await
            .map_err(|e| e.lines().next().unwrap_or_default().to_owned())?;
    }
    let seen = session.js_async(RUN, vec![json!(TAGS), json!(off)]).await?;
    if let Some(e) = seen.get("error") {
        return Err(format!("axe failed: {e}"));
    }
    let text = |v: &Value| v.as_str().unwrap_or_default().to_owned();
    let mut found = measured(ctx, session, &widget::strings(&seen["undecided"])).await?;
    found.extend(
        seen["violations"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|v| Violation {
                rule: text(&v["id"]),
                impact: text(&v["impact"]),
                help: text(&v["help"]),
                targets: widget::strings(&v["targets"]),
                first: text(&v["first"]),
                reasons: v["reasons"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|r| (text(&r[0]), r[1].as_u64().unwrap_or(0)))
                    .collect(),
            }),
    );
    Ok(found)
}

/// The contrast of the elements axe could not decide (`undecided`, CSS
/// selectors), measured by the widgets test's script: a violation of
/// WCAG's ratio when one falls short.
async fn measured(
    ctx: &Ctx,
    session: &Session,
    undecided: &[String],
) -> Result<Vec<Violation>, String> {
    if undecided.is_empty() {
        return Ok(Vec::new());
    }
    let seen = session
        .js(CONTRAST, vec![json!(undecided.join(", "))])
        .await?;
    let short: Vec<&Value> = seen["failures"].as_array().into_iter().flatten().collect();
    ctx.note(format!(
        "undecided by axe: {} elements; measured {} texts, {} short",
        undecided.len(),
        seen["checked"],
        short.len()
    ));
    if short.is_empty() {
        return Ok(Vec::new());
    }
    let text = |v: &Value| v.as_str().unwrap_or_default().to_owned();
    Ok(vec![Violation {
        rule: "color-contrast, measured where axe could not decide".to_owned(),
        impact: "serious".to_owned(),
        help: "WCAG 2.1 AA: 4.5:1, or 3:1 for large text".to_owned(),
        targets: short
            .iter()
            .map(|f| format!("{} {:?}", text(&f["what"]), text(&f["text"])))
            .collect(),
        first: String::new(),
        reasons: short
            .iter()
            .map(|f| {
                let why = format!(
                    "{} on {} is {}:1, needs {}:1",
                    text(&f["fg"]),
                    text(&f["bg"]),
                    f["ratio"],
                    f["needed"]
                );
                (why, 1)
            })
            .collect(),
    }])
}

/// The contrast script the widgets test measures the maps with.
const CONTRAST: &str = include_str!("support/contrast.js");

/// Note each violation (`THEME RULE IMPACT COUNT`, for tallies across the
/// run) and fail when there is one.
fn report(ctx: &Ctx, theme: &str, what: &str, found: &[Violation]) -> Outcome {
    if found.is_empty() {
        return Ok(());
    }
    let mut lines = Vec::new();
    for v in found {
        ctx.note(format!(
            "violation {theme} {} {} {}",
            v.rule,
            v.impact,
            v.targets.len()
        ));
        let more = v.targets.len().saturating_sub(SHOWN);
        let mut shown = v.targets[..v.targets.len().min(SHOWN)].join(" | ");
        if more > 0 {
            shown.push_str(&format!(" | and {more} more"));
        }
        let reasons: Vec<String> = v
            .reasons
            .iter()
            .take(SHOWN)
            .map(|(why, n)| format!("{n} × {why}"))
            .collect();
        lines.push(format!(
            "{} ({}), {} elements: {}\n    {shown}\n    {}\n    the first: {}",
            v.rule,
            v.impact,
            v.targets.len(),
            v.help,
            reasons.join("\n    "),
            v.first
        ));
    }
    Err(format!(
        "{what}: {} rules violated:\n  {}",
        found.len(),
        lines.join("\n  ")
    ))
}
