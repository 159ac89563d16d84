//! Accessibility, audited by axe-core (issue 21): every page of the site
//! in each of mdBook's five themes, with its widgets started, has no
//! violation of WCAG 2.1 A and AA nor of axe's best practices; and so has
//! the full-page simulator, each of its tabs, in its light and dark
//! palettes.
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
//! Run: `cargo xtask test` installs axe-core; then
//! `cargo test -p archsim-e2e --test audit` (after `cargo xtask build`).

mod support;

use std::path::PathBuf;
use std::sync::Arc;

use serde_json::{Value, json};

use support::browser::{Options, Session};
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
const RUN: &str = r#"axe.run(document, {
      runOnly: { type: 'tag', values: arguments[0] },
      rules: Object.fromEntries(arguments[1].map((id) => [id, { enabled: false }])),
      resultTypes: ['violations'],
    }).then((r) => done({
      version: axe.version,
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
    (site::SIDEBAR_FRAME, "document-title"),
    (site::SIDEBAR_FRAME, "landmark-one-main"),
    (site::SIDEBAR_FRAME, "page-has-heading-one"),
    (site::SIDEBAR_FRAME, "region"),
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
                if page == site::SIDEBAR_FRAME && theme != THEMES[0] {
                    continue;
                }
                let (axe, page) = (Arc::clone(&axe), page.clone());
                cases.push(Case::new(format!("{theme}::{page}"), move |ctx| {
                    Box::pin(audit_page(ctx, Arc::clone(&axe), theme, page.clone()))
                }));
            }
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
    if page == site::SIDEBAR_FRAME {
        session.open(&url).await?;
    } else {
        theme::open_in(session, &url, theme).await?;
    }
    let mounts = site::mount_points(&ctx.site.root, &page);
    widget::start_each(session, &url, mounts, !site::is_print(&page)).await?;
    let found = audit(session, axe, &off_on(&page)).await?;
    report(ctx, theme, &format!("{theme} {page}"), &found)
}

/// The simulator in the system's `scheme`, each tab shown in turn.
async fn audit_simulator(ctx: &Ctx, axe: Arc<Result<String, String>>, scheme: &str) -> Outcome {
    let axe = axe.as_ref().as_ref().map_err(Clone::clone)?;
    let session = &ctx.session;
    session.prefer_colour_scheme(scheme).await?;
    let result = async {
        session.open(&ctx.site.url("archsim/index.html")).await?;
        let tabs = session
            .js("return document.querySelectorAll('[role=tab]').length", vec![])
            .await?
            .as_u64()
            .unwrap_or(0);
        if tabs == 0 {
            return Err("the simulator shows no tabs".to_owned());
        }
        let mut found = Vec::new();
        for tab in 0..tabs {
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
            for v in audit(session, axe, &[]).await? {
                found.push(Violation {
                    rule: format!("{} (tab {})", v.rule, tab + 1),
                    ..v
                });
            }
        }
        Ok(found)
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
async fn audit(session: &Session, axe: &str, off: &[&str]) -> Result<Vec<Violation>, String> {
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
    Ok(seen["violations"]
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
        })
        .collect())
}

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
