//! The widgets in headless Chromium, driven through the DOM.
//!
//! Run with:
//! `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver cargo test -p archsim-web --target wasm32-unknown-unknown`
//!
//! Tests share one page (and its URL), so each uses its own widget number
//! in links (`w=`), and those that set the fragment restore it.
//!
//! What a page's reader sees is the end-to-end tests' (`tests/tests/`):
//! the pages test compares every live widget with the engine, a map's lit
//! route and the placement and DNS answers included. These tests check
//! what a page cannot easily reach: the frame's own behaviour (hover,
//! focus, filters, zoom levels, gestures), links and their notices, and
//! mount points the book never writes (another version, a broken model, a
//! panic).
#![cfg(target_arch = "wasm32")]

mod common;

use archsim_web::mount::Mounted;
use common::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn route_a_host_and_read_the_hop_list() {
    let w = widget(&[
        ("data-archsim", "route"),
        ("data-archsim-v", "1"),
        ("data-host", "app.tomoda.life"),
    ])
    .await;
    until(&w, |w| !texts(w, "ol.archsim-hops > li").is_empty()).await;
    let hops = texts(&w, "ol.archsim-hops > li strong");
    assert!(hops.len() >= 3, "{hops:?}");
    let verdict = find(&w, ".archsim-verdict").text_content().unwrap();
    assert!(
        verdict.contains("app.tomoda.life") && verdict.contains("ok"),
        "{verdict}"
    );
    assert!(
        w.query_selector(".archsim-fallback").unwrap().is_none(),
        "the fallback is replaced"
    );
    // The route is lit on the map: one highlighted node per hop.
    let lit = texts(&w, "g.archsim-node.is-highlighted");
    assert_eq!(lit.len(), hops.len());

    // Step through: Next explains hop 1, then hop 2.
    let next = w
        .query_selector_all(".archsim-stepper button")
        .unwrap()
        .item(1)
        .unwrap();
    click(next.unchecked_ref());
    until(&w, |w| {
        find(w, ".archsim-explain")
            .text_content()
            .unwrap()
            .contains("Hop 1 of")
    })
    .await;
    click(next.unchecked_ref());
    until(&w, |w| {
        find(w, ".archsim-explain")
            .text_content()
            .unwrap()
            .contains("Hop 2 of")
    })
    .await;
    assert_eq!(
        texts(&w, "ol.archsim-hops > li[aria-current=step]").len(),
        1
    );

    // Another host through the form.
    let input: web_sys::HtmlInputElement = find(&w, "input.archsim-host").unchecked_into();
    input.set_value("https://API.tomoda.life/v1?x=1");
    input
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    tick().await;
    click(&find(&w, "form button[type=submit]"));
    until(&w, |w| {
        find(w, ".archsim-verdict")
            .text_content()
            .unwrap()
            .contains("api.tomoda.life")
    })
    .await;

    // A host outside the zone is a clear error, not a panic.
    input.set_value("example.com");
    input
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    tick().await;
    click(&find(&w, "form button[type=submit]"));
    until(&w, |w| w.query_selector("[role=alert]").unwrap().is_some()).await;
}

#[wasm_bindgen_test]
async fn fail_cloudfront_and_read_the_flow_table() {
    let w = widget(&[
        ("data-archsim", "fail"),
        ("data-archsim-v", "1"),
        ("data-fail", "cloudfront"),
    ])
    .await;
    let row = |flow: &str| find(&w, &format!("tr[data-flow=\"{flow}\"]"));
    let assets = row("assets.tomoda.life");
    assert!(
        class_of(&assets).contains("state-down"),
        "{}",
        assets.outer_html()
    );
    assert!(
        assets.text_content().unwrap().contains("down"),
        "state shown in words"
    );
    let api = row("api.tomoda.life");
    assert!(class_of(&api).contains("state-ok"), "{}", api.outer_html());

    // Restore everything, then fail CloudFront prod by clicking its map node.
    click(&find(&w, ".archsim-controls button"));
    until(&w, |w| {
        class_of(&find(w, "tr[data-flow=\"assets.tomoda.life\"]")).contains("state-ok")
    })
    .await;
    // The pointer rests on the node while it is clicked: it stays lit.
    mouse(
        &find(&w, "g.archsim-node[data-id=\"cloudfront-prod\"]"),
        "mouseover",
    );
    click(&find(&w, "g.archsim-node[data-id=\"cloudfront-prod\"]"));
    // The table and the map's patch are two renders: wait for both (the
    // map's came second on a busy machine, and the test read it too soon).
    until(&w, |w| {
        class_of(&find(w, "tr[data-flow=\"assets.tomoda.life\"]")).contains("state-down")
            && class_of(&find(w, "g.archsim-node[data-id=\"cloudfront-prod\"]"))
                .contains("is-failed")
    })
    .await;
    let node = find(&w, "g.archsim-node[data-id=\"cloudfront-prod\"]");
    assert!(
        class_of(&node).contains("is-hovered"),
        "a new look keeps the hover: {}",
        class_of(&node)
    );
    assert_eq!(node.get_attribute("aria-pressed").as_deref(), Some("true"));

    // And by ticking its box in the list (drawn once the list is open).
    let list: web_sys::HtmlDetailsElement = find(&w, "details.archsim-checklist").unchecked_into();
    list.set_open(true);
    until(&w, |w| {
        w.query_selector(".archsim-checklist input")
            .unwrap()
            .is_some()
    })
    .await;
    let boxes = w
        .query_selector_all(".archsim-checklist input[type=checkbox]:checked")
        .unwrap();
    assert_eq!(boxes.length(), 1);
    click(boxes.item(0).unwrap().unchecked_ref());
    until(&w, |w| {
        class_of(&find(w, "tr[data-flow=\"assets.tomoda.life\"]")).contains("state-ok")
    })
    .await;

    // The filter narrows the list and keeps the reader's place in it; a
    // box found through it still fails its component.
    let every = texts(&w, ".archsim-checklist input[type=checkbox]").len();
    let filter: web_sys::HtmlInputElement =
        find(&w, ".archsim-checklist input[type=search]").unchecked_into();
    filter.focus().unwrap();
    filter.set_value("bitnami REDIS");
    filter
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    until(&w, |w| {
        texts(w, ".archsim-checklist input[type=checkbox]").len() == 1
    })
    .await;
    assert_eq!(
        texts(&w, ".archsim-checklist label code"),
        ["redis"],
        "{every} boxes before the filter"
    );
    assert_eq!(
        find(&w, ".archsim-filter-status").text_content().unwrap(),
        format!("1 of {every} components matches.")
    );
    assert_eq!(
        web_sys::window()
            .unwrap()
            .document()
            .unwrap()
            .active_element()
            .map(|a| a.id()),
        Some(filter.id()),
        "the filter keeps the focus"
    );
    click(&find(&w, ".archsim-checklist input[type=checkbox]"));
    until(&w, |w| {
        class_of(&find(w, "g.archsim-node[data-id=\"redis\"]")).contains("is-failed")
    })
    .await;
    click(&find(&w, ".archsim-checklist input[type=checkbox]"));
    until(&w, |w| {
        !class_of(&find(w, "g.archsim-node[data-id=\"redis\"]")).contains("is-failed")
    })
    .await;

    // The single points of failure column, added as the last.
    let heads = texts(&w, "table.archsim-flows thead th");
    assert!(
        !heads.contains(&"Single points of failure".to_owned()),
        "{heads:?}"
    );
    click(&find(&w, ".archsim-controls input[type=checkbox]"));
    until(&w, |w| {
        let now = texts(w, "table.archsim-flows thead th");
        now.len() == heads.len() + 1 && now.last().unwrap() == "Single points of failure"
    })
    .await;
}

#[wasm_bindgen_test]
async fn scenario_presets_fill_the_failures() {
    let w = widget(&[
        ("data-archsim", "fail"),
        ("data-scenario", "cloudfront-outage"),
    ])
    .await;
    let summary = find(&w, ".archsim-summary").text_content().unwrap();
    assert!(summary.starts_with("Failed:"), "{summary}");
    assert!(
        find(&w, ".archsim-scenario")
            .text_content()
            .unwrap()
            .contains("cloudfront-outage")
    );

    // A preset that fails nothing and only restarts can be restored too.
    let w = widget(&[
        ("data-archsim", "fail"),
        ("data-scenario", "spot-preemption-all"),
    ])
    .await;
    let restore = || find(&w, "button[data-act=clear]");
    assert!(
        !restore().has_attribute("disabled"),
        "restore is offered while a preset is on"
    );
    click(&restore());
    until(&w, |w| {
        w.query_selector(".archsim-scenario").unwrap().is_none()
    })
    .await;
    assert!(
        restore().has_attribute("disabled"),
        "nothing left to restore"
    );
}

#[wasm_bindgen_test]
async fn the_map_selects_and_describes_a_component() {
    let w = widget(&[("data-archsim", "map")]).await;
    let nodes = texts(&w, "g.archsim-node");
    let model = archsim_core::Engine::tomoda().unwrap();
    assert_eq!(nodes.len(), model.model().components.len());
    assert_eq!(
        texts(&w, "g.archsim-node[tabindex=\"0\"]").len(),
        1,
        "one node in the tab order"
    );
    let gke = find(&w, "g.archsim-node[data-id=\"gke\"]");
    click(&gke);
    until(&w, |w| {
        w.query_selector(".archsim-details").unwrap().is_some()
    })
    .await;
    let details = find(&w, ".archsim-details").text_content().unwrap();
    assert!(details.contains("Single point of failure"), "{details}");
    key(&find(&w, "g.archsim-node[data-id=\"gke\"]"), "Escape");
    until(&w, |w| {
        w.query_selector(".archsim-details").unwrap().is_none()
    })
    .await;

    // Closing the details from their button gives the focus back to the node.
    click(&find(&w, "g.archsim-node[data-id=\"gke\"]"));
    until(&w, |w| {
        w.query_selector(".archsim-details").unwrap().is_some()
    })
    .await;
    let close: web_sys::HtmlElement = find(&w, ".archsim-details button").unchecked_into();
    close.focus().unwrap();
    close.click();
    until(&w, |w| {
        w.query_selector(".archsim-details").unwrap().is_none()
    })
    .await;
    let active = document().active_element().unwrap();
    assert_eq!(
        active.get_attribute("data-id").as_deref(),
        Some("gke"),
        "focus after Close: {}",
        active.outer_html()
    );

    // Search fades what does not match.
    let input: web_sys::HtmlInputElement = find(&w, "input[type=search]").unchecked_into();
    input.set_value("cloudfront");
    input
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    until(&w, |w| !texts(w, "g.archsim-node.is-faded").is_empty()).await;
    assert!(
        !class_of(&find(&w, "g.archsim-node[data-id=\"cloudfront-prod\"]")).contains("is-faded")
    );

    // Zoom buttons change the view.
    let before = find(&w, "g.archsim-viewport")
        .get_attribute("transform")
        .unwrap();
    click(&find(&w, "button[aria-label=\"Zoom in\"]"));
    until(&w, |w| {
        find(w, "g.archsim-viewport")
            .get_attribute("transform")
            .unwrap()
            != before
    })
    .await;
}

#[wasm_bindgen_test]
async fn the_map_trades_words_for_ids_and_shapes_as_it_zooms_out() {
    let w = widget(&[("data-archsim", "map")]).await;
    // (frame class, the help's words for it)
    let level = |w: &Element| {
        let frame = class_of(&find(w, ".archsim-map-frame"));
        let help = find(w, ".archsim-help").text_content().unwrap();
        let says = if help.contains("Zoomed this far out") {
            "shapes"
        } else if help.contains("shows its id in large type") {
            "ids"
        } else {
            "full"
        };
        let class = if frame.contains("is-far") {
            "shapes"
        } else if frame.contains("is-mid") {
            "ids"
        } else {
            "full"
        };
        assert_eq!(
            class, says,
            "the frame ({frame}) and the help ({help}) agree"
        );
        class
    };
    let zoom = |dir: &'static str, steps: usize| {
        let w = w.clone();
        async move {
            for _ in 0..steps {
                click(&find(&w, &format!("button[data-map={dir}]")));
                tick().await;
            }
        }
    };
    // Under the frame, the key to the line styles, as the static map has.
    let key: Vec<String> = archsim_view::svg::legend_keys()
        .map(|(_, _, words)| words.to_string())
        .collect();
    assert_eq!(texts(&w, ".archsim-legend-list > li"), key);
    // Fitted, the Tomoda map's names would be about 4 pixels high.
    assert_eq!(level(&w), "ids");
    let node = find(&w, "g.archsim-node[data-id=\"cloudfront-prod\"]");
    assert_eq!(
        texts(&node, ".archsim-node-id").concat(),
        "cloudfront-prod",
        "every box carries its id, to show in large type"
    );
    zoom("in", 3).await;
    until(&w, |w| level(w) == "full").await;
    click(&find(&w, "button[data-map=fit]"));
    until(&w, |w| level(w) == "ids").await;
    // Four steps out: a quarter of a pixel per unit less than readable.
    zoom("out", 4).await;
    until(&w, |w| level(w) == "shapes").await;
    click(&find(&w, "button[data-map=fit]"));
    until(&w, |w| level(w) == "ids").await;
}

#[wasm_bindgen_test]
async fn two_fingers_zoom_the_map_in_the_full_window_only() {
    let w = widget(&[("data-archsim", "map")]).await;
    let scale = |w: &Element| -> f64 {
        let t = find(w, "g.archsim-viewport")
            .get_attribute("transform")
            .unwrap();
        let s = t.rsplit("scale(").next().unwrap().trim_end_matches(')');
        s.parse().unwrap()
    };
    // Two fingers 100 px apart about the map's centre spread to 300 px.
    let spread = |w: &Element| {
        let svg = find(w, "svg.archsim-map-live");
        let r = svg.get_bounding_client_rect();
        let (x, y) = (r.left() + r.width() / 2.0, r.top() + r.height() / 2.0);
        finger(&svg, "pointerdown", 1, (x - 50.0, y));
        finger(&svg, "pointerdown", 2, (x + 50.0, y));
        finger(&svg, "pointermove", 2, (x + 150.0, y));
        finger(&svg, "pointermove", 1, (x - 150.0, y));
        finger(&svg, "pointerup", 1, (x - 150.0, y));
        finger(&svg, "pointerup", 2, (x + 150.0, y));
    };
    let fitted = scale(&w);
    // In the page two fingers are the browser's (page zoom).
    spread(&w);
    tick().await;
    assert_eq!(scale(&w), fitted, "in the page the map does not pinch");
    click(&find(&w, "button.archsim-full-toggle"));
    until(&w, |w| {
        class_of(&find(w, ".archsim-map-box")).contains("is-full")
    })
    .await;
    let full = scale(&w);
    spread(&w);
    until(&w, |w| scale(w) > full * 2.9).await;
    assert!(
        (scale(&w) / full - 3.0).abs() < 0.01,
        "{} from {full}",
        scale(&w)
    );
    assert!(
        find(&w, ".archsim-help")
            .text_content()
            .unwrap()
            .contains("two fingers zoom"),
        "the help says so"
    );
    click(&find(&w, "button.archsim-full-toggle"));
}

#[wasm_bindgen_test]
async fn the_map_fills_the_window_and_escape_steps_back() {
    let w = widget(&[("data-archsim", "map")]).await;
    let full = |w: &Element| {
        let says = find(w, "button.archsim-full-toggle")
            .text_content()
            .unwrap();
        let boxed = class_of(&find(w, ".archsim-map-box")).contains("is-full");
        let expected = if boxed {
            "Close full window"
        } else {
            "Full window"
        };
        assert_eq!(says, expected, "the button says what it will do");
        boxed
    };
    assert!(!full(&w));
    click(&find(&w, "button.archsim-full-toggle"));
    until(&w, |w| full(w)).await;
    // With details open, Escape closes them first, then the full window.
    click(&find(&w, "g.archsim-node[data-id=\"gke\"]"));
    until(&w, |w| {
        w.query_selector(".archsim-details").unwrap().is_some()
    })
    .await;
    key(&find(&w, "g.archsim-node[data-id=\"gke\"]"), "Escape");
    until(&w, |w| {
        w.query_selector(".archsim-details").unwrap().is_none()
    })
    .await;
    assert!(full(&w), "the first Escape only closed the details");
    key(&find(&w, "g.archsim-node[data-id=\"gke\"]"), "Escape");
    until(&w, |w| !full(w)).await;
    // The button goes both ways.
    click(&find(&w, "button.archsim-full-toggle"));
    until(&w, |w| full(w)).await;
    // Filling the window, Tab wraps round within the map.
    let boxed = find(&w, ".archsim-map-box");
    assert_eq!(boxed.get_attribute("role").as_deref(), Some("dialog"));
    assert_eq!(boxed.get_attribute("aria-modal").as_deref(), Some("true"));
    let search = find(&w, "input[type=search]");
    let node = find(&w, "g.archsim-node[tabindex=\"0\"]");
    let focus = |e: &Element| e.unchecked_ref::<web_sys::HtmlElement>().focus().unwrap();
    let active = || document().active_element().unwrap();
    focus(&node);
    tab(false);
    assert_eq!(active(), search, "Tab from the last goes to the first");
    tab(true);
    assert_eq!(active(), node, "Shift+Tab from the first goes to the last");
    click(&find(&w, "button.archsim-full-toggle"));
    until(&w, |w| !full(w)).await;
    assert_eq!(boxed.get_attribute("role"), None, "in the page, no dialog");
    // In the page, Tab takes its course.
    focus(&node);
    tab(false);
    assert_eq!(active(), node);
}

#[wasm_bindgen_test]
async fn url_state_round_trips() {
    set_hash("#v1;w=41;fail=cloudfront-prod;sel=gke;z=1.5,10,20");
    let div = mount_point(&[("data-archsim", "fail"), ("data-archsim-n", "41")]);
    assert_eq!(archsim_web::mount(&div), Mounted::Started);
    until(&div, |d| {
        d.query_selector(".archsim-details").unwrap().is_some()
    })
    .await;
    assert!(class_of(&find(&div, "tr[data-flow=\"assets.tomoda.life\"]")).contains("state-down"));
    assert_eq!(
        find(&div, "g.archsim-viewport")
            .get_attribute("transform")
            .as_deref(),
        Some("translate(10 20) scale(1.5)")
    );
    // Change something: the fragment follows (debounced).
    click(&find(&div, "g.archsim-node[data-id=\"cloudfront-dev\"]"));
    until(&div, |_| hash().contains("cloudfront-dev")).await;
    let h = hash();
    assert!(h.starts_with("#v1;w=41;"), "{h}");
    assert!(
        h.contains("fail=cloudfront-prod,cloudfront-dev")
            || h.contains("fail=cloudfront-dev,cloudfront-prod"),
        "{h}"
    );
    assert!(h.contains("sel=gke") && h.contains("z=1.5,10,20"), "{h}");
    // The written link mounts the same state again.
    let again = mount_point(&[("data-archsim", "fail"), ("data-archsim-n", "41")]);
    archsim_web::mount(&again);
    until(&again, |d| {
        d.query_selector(".archsim-details").unwrap().is_some()
    })
    .await;
    let list: web_sys::HtmlDetailsElement =
        find(&again, "details.archsim-checklist").unchecked_into();
    list.set_open(true);
    until(&again, |d| {
        texts(d, ".archsim-checklist input:checked").len() == 2
    })
    .await;
    assert!(
        class_of(&find(&again, "g.archsim-node[data-id=\"cloudfront-dev\"]")).contains("is-failed")
    );
    set_hash("");
}

#[wasm_bindgen_test]
async fn a_link_zoomed_past_the_map_comes_back_within_its_range() {
    // Links accept the zoom of a 100,000-component drawing; the Tomoda
    // map's closest is 12.
    set_hash("#v1;w=44;z=5000,0,0");
    let div = mount_point(&[("data-archsim", "map"), ("data-archsim-n", "44")]);
    assert_eq!(archsim_web::mount(&div), Mounted::Started);
    until(&div, |d| {
        d.query_selector("g.archsim-viewport").unwrap().is_some()
    })
    .await;
    let transform = find(&div, "g.archsim-viewport")
        .get_attribute("transform")
        .unwrap_or_default();
    assert!(transform.ends_with(" scale(12)"), "{transform}");
    set_hash("");
}

#[wasm_bindgen_test]
async fn garbage_url_state_shows_a_notice_and_uses_the_defaults() {
    set_hash("#v1;w=42;fail=nope,cloudfrnt-prod;z=abc;zzz");
    let div = mount_point(&[("data-archsim", "fail"), ("data-archsim-n", "42")]);
    assert_eq!(archsim_web::mount(&div), Mounted::Started);
    until(&div, |d| {
        d.query_selector(".archsim-link-notice").unwrap().is_some()
    })
    .await;
    let notice = find(&div, ".archsim-link-notice").text_content().unwrap();
    assert!(
        notice.contains("`nope`") && notice.contains("cloudfrnt-prod"),
        "{notice}"
    );
    assert!(
        notice.contains("z=abc") && notice.contains("zzz"),
        "{notice}"
    );
    assert!(
        find(&div, ".archsim-summary")
            .text_content()
            .unwrap()
            .starts_with("Nothing fails")
    );

    // Another version's link, and not a link at all.
    set_hash("#v9;w=43;fail=x");
    let div = mount_point(&[("data-archsim", "map"), ("data-archsim-n", "43")]);
    archsim_web::mount(&div);
    until(&div, |d| {
        d.query_selector(".archsim-link-notice").unwrap().is_some()
    })
    .await;
    assert!(
        find(&div, ".archsim-link-notice")
            .text_content()
            .unwrap()
            .contains("version 9")
    );

    set_hash("#%00garbage%%");
    let div = mount_point(&[("data-archsim", "app")]);
    archsim_web::mount(&div);
    until(&div, |d| {
        d.query_selector(".archsim-link-notice").unwrap().is_some()
    })
    .await;
    assert!(
        find(&div, ".archsim-link-notice")
            .text_content()
            .unwrap()
            .contains("not a simulator link")
    );
    // The defaults: the map tab is open.
    assert_eq!(
        find(&div, "[role=tab][aria-selected=true]")
            .text_content()
            .unwrap(),
        "Map"
    );
    set_hash("");
}

#[wasm_bindgen_test]
async fn a_version_2_mount_point_keeps_its_fallback() {
    let div = mount_point(&[
        ("data-archsim", "route"),
        ("data-archsim-v", "2"),
        ("data-host", "app.tomoda.life"),
    ]);
    let Mounted::Notice(text) = archsim_web::mount(&div) else {
        panic!("mounted a version 2 widget");
    };
    assert!(text.contains("version 2"), "{text}");
    assert!(div.query_selector(".archsim-fallback").unwrap().is_some());
    assert!(
        find(&div, ".archsim-mount-notice")
            .text_content()
            .unwrap()
            .contains("version 2")
    );
    assert_eq!(archsim_web::mount(&div), Mounted::Already);
}

#[wasm_bindgen_test]
async fn a_page_model_with_errors_keeps_the_fallback() {
    let script = document().create_element("script").unwrap();
    script
        .set_attribute("type", "application/x-archsim-model")
        .unwrap();
    script.set_id("broken-model");
    script.set_text_content(Some("QVJDSFNJTQE=not a model"));
    document().body().unwrap().append_child(&script).unwrap();
    let div = mount_point(&[("data-archsim", "map"), ("data-model", "#broken-model")]);
    let Mounted::Notice(text) = archsim_web::mount(&div) else {
        panic!("mounted a broken model");
    };
    assert!(text.contains("has errors"), "{text}");
    assert!(div.query_selector(".archsim-fallback").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn the_full_page_switches_tabs_by_keyboard() {
    let w = widget(&[("data-archsim", "app")]).await;
    key(&find(&w, "[role=tab][aria-selected=true]"), "ArrowRight");
    until(&w, |w| {
        find(w, "[role=tab][aria-selected=true]")
            .text_content()
            .unwrap()
            == "Route"
    })
    .await;
    assert!(
        w.query_selector("[role=tabpanel] .archsim-route-panel")
            .unwrap()
            .is_some()
    );
}

#[wasm_bindgen_test]
async fn a_panic_becomes_a_notice() {
    let w = widget(&[("data-archsim", "dns")]).await;
    archsim_web::panic::show_crash_notice();
    let notice = find(&w, ".archsim-crash");
    assert_eq!(notice.get_attribute("role").as_deref(), Some("alert"));
}

#[wasm_bindgen_test]
async fn mount_all_starts_the_widgets_in_view_in_turn() {
    // Three small mount points at the top of the page, one far below.
    let body = document().body().unwrap();
    let point = |style: &str| mount_point(&[("data-archsim", "dns"), ("style", style)]);
    let near: Vec<Element> = (0..3)
        .map(|_| point("height: 60px; overflow: hidden"))
        .collect();
    for div in near.iter().rev() {
        body.prepend_with_node_1(div).unwrap();
    }
    let far = point("margin-top: 20000px");
    let started = |e: &Element| e.has_attribute(archsim_web::mount::MOUNTED);

    web_sys::window().unwrap().scroll_to_with_x_and_y(0.0, 0.0);
    let n = archsim_web::mount_all();
    assert!(n >= 4, "{n} mount points");
    // The first in view starts at once, the others in turn, once the one
    // before has rendered.
    assert_eq!(
        near.iter().map(started).collect::<Vec<_>>(),
        [true, false, false]
    );
    until(&body, |_| near.iter().all(started)).await;
    for div in &near {
        let n: u32 = div
            .get_attribute(archsim_web::mount::NUMBER)
            .unwrap()
            .parse()
            .unwrap();
        assert!(n >= 1);
    }
    assert!(!started(&far), "a widget far below waits for the reader");
    for div in near.iter().chain([&far]) {
        div.remove();
    }

    // A widget that grows as it starts pushes its neighbour out of view:
    // the neighbour then waits until the reader scrolls to it.
    let style = document().create_element("style").unwrap();
    style.set_text_content(Some(
        ".grows .archsim-live { display: block; height: 5000px; }",
    ));
    body.append_child(&style).unwrap();
    let (tall, next) = (point(""), point(""));
    tall.set_class_name("archsim grows");
    body.prepend_with_node_1(&next).unwrap();
    body.prepend_with_node_1(&tall).unwrap();
    web_sys::window().unwrap().scroll_to_with_x_and_y(0.0, 0.0);
    archsim_web::mount_all();
    // The neighbour's turn is decided once the tall widget has rendered,
    // and the observer reports each frame's layout: wait for both.
    until(&tall, rendered).await;
    frame().await;
    frame().await;
    tick().await;
    assert!(!started(&next), "the neighbour was pushed out of view");
    next.scroll_into_view();
    until(&next, |n| started(n)).await;
    for e in [&tall, &next, &style] {
        e.remove();
    }
}

/// What a mount point shows at one look while its widget starts.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Look {
    /// Its fallback, and no widget.
    Fallback,
    /// The widget, and no fallback; `waiting` while a part of it is still
    /// to be laid out.
    Live { waiting: bool },
}

#[wasm_bindgen_test]
async fn a_widget_goes_in_whole_and_lays_out_a_table_below_the_view_later() {
    use archsim_web::mount::{MOUNTED, SHOWN, STEPPING};
    use archsim_web::steps::WAITS;
    let body = document().body().unwrap();
    let style = document().create_element("style").unwrap();
    body.append_child(&style).unwrap();
    let live = Look::Live { waiting: false };
    // The flow table below the view waits a frame or two; in view, it
    // goes in with the rest.
    let cases = [
        (
            ".archsim-summary { margin-bottom: 3000px; }",
            &[Look::Fallback, Look::Live { waiting: true }, live][..],
        ),
        (
            ".archsim-fail-panel > :is(.archsim-controls, p, details, .archsim-map-box) { display: none; }",
            &[Look::Fallback, live][..],
        ),
    ];
    for (css, expected) in cases {
        style.set_text_content(Some(css));
        let point = mount_point(&[("data-archsim", "fail")]);
        body.prepend_with_node_1(&point).unwrap();
        web_sys::window().unwrap().scroll_to_with_x_and_y(0.0, 0.0);
        archsim_web::mount_all();
        assert_eq!(point.get_attribute(MOUNTED).as_deref(), Some(STEPPING));
        let mut looks = vec![];
        for _ in 0..2000 {
            let shown = |selector: &str| point.query_selector(selector).unwrap().is_some();
            let (widget, fallback) = (shown(".archsim-live"), shown(":scope > .archsim-fallback"));
            assert!(
                widget != fallback,
                "{css}: the widget and its fallback, both or neither:\n{}",
                point.inner_html()
            );
            let look = if widget {
                assert_eq!(point.get_attribute(MOUNTED).as_deref(), Some(SHOWN));
                // Every part is in, the map's drawing too, in the look the
                // map shows: zoomed out to ids, each node's name starts
                // with its id.
                assert!(shown(".archsim-map-live [data-index]"), "{css}: no drawing");
                assert!(
                    shown(".archsim-map-frame.is-mid"),
                    "{css}: not zoomed out to ids"
                );
                let nodes = point
                    .query_selector_all(".archsim-map-live .archsim-node")
                    .unwrap();
                for i in 0..nodes.length() {
                    let node = nodes.get(i).unwrap().dyn_into::<Element>().unwrap();
                    let id = node.get_attribute("data-id").unwrap();
                    let label = node.get_attribute("aria-label").unwrap_or_default();
                    assert!(
                        label.starts_with(&[id.as_str(), ", "].concat()),
                        "{css}: {id} named {label:?}"
                    );
                }
                let waiting = shown(&["[", WAITS, "]"].concat());
                if waiting {
                    assert!(shown(&["[", WAITS, "] table.archsim-flows"].concat()));
                }
                Look::Live { waiting }
            } else {
                Look::Fallback
            };
            if looks.last() != Some(&look) {
                looks.push(look);
            }
            if look == live {
                break;
            }
            yew::platform::time::sleep(std::time::Duration::from_millis(1)).await;
        }
        assert_eq!(looks, expected, "{css}");
        point.remove();
    }
    style.remove();
}

/// A test bundle's panel: says which kind it was asked for.
fn probe_panel(
    kind: archsim_view::contract::Kind,
    _: &archsim_web::components::Ctx,
    _: &std::rc::Rc<archsim_web::state::WidgetState>,
    _: Option<&std::rc::Rc<archsim_web::map::geometry::Geometry>>,
) -> yew::Html {
    yew::html! { <p class="probe">{ kind.as_str() }</p> }
}

#[wasm_bindgen_test]
async fn each_bundle_mounts_only_its_own_kinds() {
    use archsim_view::contract::Bundle;
    let body = document().body().unwrap();
    let dns = mount_point(&[("data-archsim", "dns")]);
    let propose = mount_point(&[("data-archsim", "propose")]);
    for div in [&propose, &dns] {
        body.prepend_with_node_1(div).unwrap();
    }
    let started = |e: &Element| e.has_attribute(archsim_web::mount::MOUNTED);
    web_sys::window().unwrap().scroll_to_with_x_and_y(0.0, 0.0);

    // The widgets bundle starts the DNS widget and leaves the propose
    // widget to its own bundle: untouched, its fallback and no notice.
    archsim_web::mount_all();
    until(&dns, |d| {
        d.query_selector(".archsim-live").unwrap().is_some()
    })
    .await;
    assert!(
        !started(&propose),
        "the widgets bundle mounted a propose widget"
    );
    assert!(
        propose
            .query_selector(".archsim-fallback")
            .unwrap()
            .is_some()
    );
    assert!(propose.query_selector(".archsim-notice").unwrap().is_none());

    // The propose bundle's mounting starts it with its own panels, and
    // leaves the DNS widget alone. Both numbers are page order.
    archsim_web::mount::mount_bundle(Bundle::Propose, probe_panel);
    until(&propose, |p| p.query_selector("p.probe").unwrap().is_some()).await;
    assert_eq!(
        find(&propose, "p.probe").text_content().as_deref(),
        Some("propose")
    );
    assert!(dns.query_selector("p.probe").unwrap().is_none());
    let number = |e: &Element| e.get_attribute(archsim_web::mount::NUMBER);
    assert_eq!(number(&dns).as_deref(), Some("1"));
    assert_eq!(number(&propose).as_deref(), Some("2"));
    for div in [&dns, &propose] {
        div.remove();
    }
}
