//! The propose widget (issue 19, part 3), which ships in a bundle of its
//! own (`archsim-propose`): on its page it mounts from that bundle and
//! shows its skeleton (the map of the model, which the engine's oracle
//! checks, and an empty impact area), and the page loads no other bundle;
//! a page with other widgets loads no propose bundle; the simulator loads
//! it only when its Propose tab opens, and mounts it there. A reviewer
//! drafts a change with its forms and sees its impact; the link carries
//! the draft and restores it; undo and redo step through it; the TOML it
//! exports is the core's; a refused edit and a bad link are notices.
//!
//! Run: `cargo test -p archsim-e2e --test propose` (after `cargo xtask build`).

mod support;

use std::collections::BTreeSet;

use archsim_core::draft::{Draft, Edit, NewComponent, NewEdge, NewRecord};
use archsim_core::{EdgeKind, Engine};
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
            case!(drafts_shares_restores_and_exports_a_change),
            case!(undo_and_redo_step_through_the_draft),
            case!(adds_a_component_an_edge_and_a_record_with_the_forms),
            case!(a_refused_edit_is_a_notice_and_not_drafted),
            case!(a_bad_draft_in_a_link_is_a_notice),
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

/// The drafting area as data: the verdict, the edits listed, the notices,
/// the impact area's text, the exported TOML, the address's fragment and
/// whether Undo and Redo are enabled.
async fn drafting(session: &Session) -> Result<serde_json::Value, String> {
    session
        .js(
            "const p = document.querySelector(arguments[0] + ' .archsim-propose');
             if (!p) return null;
             const t = s => { const e = p.querySelector(s); return e ? e.textContent : null; };
             const all = s => Array.from(p.querySelectorAll(s)).map(e => e.textContent.trim());
             const on = name => Array.from(p.querySelectorAll('button'))
                 .some(b => b.textContent.trim() === name && !b.disabled);
             return {
               verdict: (t('.archsim-propose-verdict') || '').trim(),
               edits: all('.archsim-edit'),
               notices: all('.archsim-propose-notices li'),
               impact: t('.archsim-impact'),
               toml: t('.archsim-propose-toml pre'),
               hash: location.hash,
               undo: on('Undo'),
               redo: on('Redo'),
             };",
            vec![json!(PROPOSE)],
        )
        .await
}

/// Set the drafting area's controls (`(id suffix, value)`; `@ID` is the
/// placement question ID's checkbox, ticked by `true`), then press the
/// button named `button` (none for an empty name).
async fn press(session: &Session, fields: &[(&str, &str)], button: &str) -> Outcome {
    let fields: Vec<_> = fields.iter().map(|(k, v)| json!([k, v])).collect();
    let problem = session
        .js(
            "const p = document.querySelector(arguments[0] + ' .archsim-propose');
             if (!p) return 'no drafting area';
             for (const [suffix, value] of arguments[1]) {
               const c = suffix.startsWith('@')
                 ? p.querySelector('input[data-arg=\"' + suffix.slice(1) + '\"]')
                 : p.querySelector('[id$=\"-' + suffix + '\"]');
               if (!c) return 'no control ' + suffix;
               if (c.type === 'checkbox') {
                 c.checked = value === 'true';
                 c.dispatchEvent(new Event('change', {bubbles: true}));
                 continue;
               }
               c.value = value;
               if (c.value !== value) return 'no option ' + value + ' in ' + suffix;
             }
             if (arguments[2] === '') return '';
             const b = Array.from(p.querySelectorAll('button'))
                 .find(b => b.textContent.trim() === arguments[2]);
             if (!b) return 'no button ' + arguments[2];
             b.click();
             return '';",
            vec![json!(PROPOSE), json!(fields), json!(button)],
        )
        .await?;
    match problem.as_str() {
        Some("") => Ok(()),
        _ => Err(format!("cannot press {button}: {problem}")),
    }
}

/// Poll the drafting area until `done` holds.
async fn until_drafting(
    session: &Session,
    what: &str,
    done: impl Fn(&serde_json::Value) -> bool,
) -> Result<serde_json::Value, String> {
    for _ in 0..250 {
        let view = drafting(session).await?;
        if done(&view) {
            return Ok(view);
        }
        tokio::time::sleep(std::time::Duration::from_millis(40)).await;
    }
    let logs = session.logs().await.unwrap_or_default();
    let messages: Vec<&str> = logs.iter().map(|l| l.message.as_str()).collect();
    Err(format!(
        "timed out waiting for {what}: {}\nthe console: {messages:?}",
        drafting(session).await?
    ))
}

/// "Let the API read the backup bucket", at request time: one of the
/// issue's proposals, which gives the API's flow a new single point of
/// failure.
fn proposal() -> Draft {
    Draft {
        edits: vec![Edit::Connect(NewEdge {
            from: "tomoda-api-prod".into(),
            to: "backup-bucket".into(),
            kind: EdgeKind::Request,
            note: String::new(),
        })],
    }
}

const CONNECT: [(&str, &str); 3] = [
    ("from", "tomoda-api-prod"),
    ("to", "backup-bucket"),
    ("kind", "request"),
];

/// Draft the proposal with the Connect form: the impact names the new
/// single point of failure, the link carries the draft, and opening that
/// link elsewhere restores the same draft, impact and TOML, which is the
/// core's `to_toml`.
async fn drafts_shares_restores_and_exports_a_change(ctx: &Ctx) -> Outcome {
    let session = &ctx.session;
    session.open(&ctx.site.url(PAGE)).await?;
    live(session, PROPOSE).await?;
    press(session, &CONNECT, "Connect").await?;
    let draft = proposal();
    let value = ["d=", &draft.to_fragment()].concat();
    let view = until_drafting(session, "the draft's impact in the link", |v| {
        v["hash"].as_str().is_some_and(|h| h.contains(&value))
    })
    .await?;
    if !view["verdict"]
        .as_str()
        .is_some_and(|v| v.contains("1 new single point of failure"))
        || !view["impact"]
            .as_str()
            .is_some_and(|i| i.contains("backup-bucket"))
    {
        return Err(format!(
            "the impact misses the new single point of failure: {view}"
        ));
    }
    if view["edits"] != json!(["connect tomoda-api-prod → backup-bucket (request)"]) {
        return Err(format!("the edits listed: {view}"));
    }
    let engine = Engine::tomoda().map_err(|e| format!("{e:?}"))?;
    let toml = draft.to_toml(engine.model());
    if view["toml"].as_str().map(str::trim) != Some(toml.trim()) {
        return Err(format!("the TOML shown is not to_toml's:\n{toml}\n{view}"));
    }
    let hash = view["hash"].as_str().unwrap_or_default().to_owned();
    session.open("about:blank").await?;
    session.open(&[ctx.site.url(PAGE), hash].concat()).await?;
    live(session, PROPOSE).await?;
    let restored = until_drafting(session, "the draft restored from the link", |v| {
        v["edits"] == view["edits"]
    })
    .await?;
    for key in ["verdict", "impact", "toml"] {
        if restored[key] != view[key] {
            return Err(format!("the link restores another {key}: {restored}"));
        }
    }
    Ok(())
}

/// Undo takes the edit back (no draft, the empty impact area); Redo
/// brings it again.
async fn undo_and_redo_step_through_the_draft(ctx: &Ctx) -> Outcome {
    let session = &ctx.session;
    session.open("about:blank").await?;
    session.open(&ctx.site.url(PAGE)).await?;
    live(session, PROPOSE).await?;
    let start = until_drafting(session, "the drafting area", |v| !v.is_null()).await?;
    if start["undo"] != json!(false) || start["redo"] != json!(false) {
        return Err(format!(
            "Undo or Redo is enabled with nothing done: {start}"
        ));
    }
    press(session, &CONNECT, "Connect").await?;
    let drafted = until_drafting(session, "the edit", |v| {
        v["edits"].as_array().is_some_and(|e| e.len() == 1)
    })
    .await?;
    press(session, &[], "Undo").await?;
    let undone = until_drafting(session, "the edit undone", |v| v["edits"] == json!([])).await?;
    if undone["impact"] != json!(archsim_view::html::NO_DRAFT) || undone["redo"] != json!(true) {
        return Err(format!("after Undo: {undone}"));
    }
    press(session, &[], "Redo").await?;
    let redone = until_drafting(session, "the edit redone", |v| {
        v["edits"] == drafted["edits"]
    })
    .await?;
    if redone["verdict"] != drafted["verdict"] || redone["redo"] != json!(false) {
        return Err(format!("after Redo: {redone}, before Undo: {drafted}"));
    }
    Ok(())
}

/// An edit the core refuses (the API already needs Redis) is named in a
/// notice and not drafted.
async fn a_refused_edit_is_a_notice_and_not_drafted(ctx: &Ctx) -> Outcome {
    let session = &ctx.session;
    session.open("about:blank").await?;
    session.open(&ctx.site.url(PAGE)).await?;
    live(session, PROPOSE).await?;
    press(
        session,
        &[
            ("from", "tomoda-api-prod"),
            ("to", "redis"),
            ("kind", "request"),
        ],
        "Connect",
    )
    .await?;
    let view = until_drafting(session, "a notice", |v| {
        v["notices"].as_array().is_some_and(|n| !n.is_empty())
    })
    .await?;
    let notice = view["notices"][0].as_str().unwrap_or_default();
    if !notice.contains("already needs") || view["edits"] != json!([]) {
        return Err(format!("the refused edit: {view}"));
    }
    Ok(())
}

/// A link whose draft cannot be read shows a notice naming what is wrong,
/// and the widget starts with no draft.
async fn a_bad_draft_in_a_link_is_a_notice(ctx: &Ctx) -> Outcome {
    let session = &ctx.session;
    session.open("about:blank").await?;
    session.open(&ctx.site.url(PAGE)).await?;
    live(session, PROPOSE).await?;
    let number = session
        .js(
            "return 1 + Array.from(document.querySelectorAll('div.archsim[data-archsim]'))
                 .indexOf(document.querySelector(arguments[0]));",
            vec![json!(PROPOSE)],
        )
        .await?;
    let link = [
        ctx.site.url(PAGE),
        "#v1;w=".into(),
        number.to_string(),
        ";d=1,q:redis".into(),
    ]
    .concat();
    session.open("about:blank").await?;
    session.open(&link).await?;
    live(session, PROPOSE).await?;
    let view = until_drafting(session, "a notice", |v| {
        v["notices"].as_array().is_some_and(|n| !n.is_empty())
    })
    .await?;
    let notice = view["notices"][0].as_str().unwrap_or_default();
    if !notice.starts_with("Ignored the link's draft") || view["edits"] != json!([]) {
        return Err(format!("the bad link {link}: {view}"));
    }
    if view["impact"] != json!(archsim_view::html::NO_DRAFT) {
        return Err(format!("the bad link's widget shows an impact: {view}"));
    }
    Ok(())
}

/// "A status page on CloudFront" drafted with the forms alone: the
/// add-component form says which provider its answers pick as they are
/// given, and the three edits make the draft the book's "Reviewing a
/// change" page starts from, marked on the map.
async fn adds_a_component_an_edge_and_a_record_with_the_forms(ctx: &Ctx) -> Outcome {
    let session = &ctx.session;
    session.open("about:blank").await?;
    session.open(&ctx.site.url(PAGE)).await?;
    live(session, PROPOSE).await?;
    let engine = Engine::tomoda().map_err(|e| format!("{e:?}"))?;
    let answers = vec!["public-cacheable-assets".to_owned()];
    let evaluation = archsim_core::place::evaluate(engine.model(), &answers);
    let want = [
        "Placement verdict: ",
        &archsim_view::present::verdict_label(&engine, &evaluation),
    ]
    .concat();
    press(
        session,
        &[
            ("cid", "status-bucket"),
            ("cname", "Status page bucket"),
            ("ckind", "bucket"),
            ("cenv", "prod"),
            ("cregion", "ap-northeast-1"),
            ("@public-cacheable-assets", "true"),
        ],
        "",
    )
    .await?;
    let said = session
        .js(
            "const o = document.querySelector(arguments[0] + ' output[id$=\"-cverdict\"]');
             return o ? o.textContent : null;",
            vec![json!(PROPOSE)],
        )
        .await?;
    if said.as_str() != Some(want.as_str()) {
        return Err(format!(
            "the form's placement verdict is {said}, not {want:?}"
        ));
    }
    press(session, &[], "Add component").await?;
    until_drafting(session, "the added component", |v| {
        v["edits"].as_array().is_some_and(|e| e.len() == 1)
    })
    .await?;
    press(
        session,
        &[
            ("from", "cloudfront-prod"),
            ("to", "status-bucket"),
            ("kind", "cached"),
        ],
        "Connect",
    )
    .await?;
    until_drafting(session, "the added edge", |v| {
        v["edits"].as_array().is_some_and(|e| e.len() == 2)
    })
    .await?;
    press(
        session,
        &[
            ("rhost", "status.tomoda.life"),
            ("rtarget", "cloudfront-prod"),
            ("rwriter", "terraform"),
            ("rtype", "CNAME"),
            ("renv", "prod"),
        ],
        "Add record",
    )
    .await?;
    let draft = Draft {
        edits: vec![
            Edit::AddComponent(NewComponent {
                id: "status-bucket".into(),
                name: "Status page bucket".into(),
                kind: "bucket".into(),
                env: "prod".into(),
                region: Some("ap-northeast-1".into()),
                answers,
                note: String::new(),
            }),
            Edit::Connect(NewEdge {
                from: "cloudfront-prod".into(),
                to: "status-bucket".into(),
                kind: EdgeKind::Cached,
                note: String::new(),
            }),
            Edit::AddRecord(NewRecord {
                host: "status.tomoda.life".into(),
                target: "cloudfront-prod".into(),
                writer: "terraform".into(),
                rtype: "CNAME".into(),
                env: "prod".into(),
                note: String::new(),
            }),
        ],
    };
    let value = ["d=", &draft.to_fragment()].concat();
    let view = until_drafting(session, "the three edits in the link", |v| {
        v["hash"].as_str().is_some_and(|h| h.contains(&value))
    })
    .await?;
    if !view["notices"].as_array().is_some_and(|n| n.is_empty()) {
        return Err(format!("a notice: {view}"));
    }
    let marked = session
        .js(
            "return Array.from(document.querySelectorAll(arguments[0] + ' g.archsim-node.is-added'), g => g.getAttribute('data-id'));",
            vec![json!(PROPOSE)],
        )
        .await?;
    if marked != json!(["status-bucket"]) {
        return Err(format!("the map marks {marked} added"));
    }
    Ok(())
}
