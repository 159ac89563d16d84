//! The checker the browser tests rely on catches broken widgets: views
//! read from a page (in `read_widgets.js`'s shape) that differ from the
//! engine in a hop, a state, a verdict or a lit path are reported; faithful
//! ones are not. No browser needed: this runs with the unit tests.

mod support;

use serde_json::{Value, json};
use support::expect::Expect;

/// A faithful view of a mount point with these attributes, as the engine
/// answers it.
fn faithful(expect: &Expect, attrs: Value) -> Value {
    let kind = attrs["archsim"].as_str().unwrap_or_default().to_owned();
    let mut view = json!({ "n": 1, "kind": kind, "attrs": attrs, "live": true });
    match kind.as_str() {
        "route" => {
            let (hops, verdict) = expect.route(attrs["host"].as_str().unwrap(), &[]).unwrap();
            view["host"] = attrs["host"].clone();
            view["verdict"] = json!(verdict);
            view["hops"] = json!(hops);
            view["map"] = json!({ "nodes": [], "lit": hops, "current": [], "failed": [] });
        }
        "fail" => {
            let scenario = attrs["scenario"].as_str().unwrap();
            view["flows"] = json!(expect.flows(&[scenario]).unwrap());
        }
        "place" => {
            let answers: Vec<&str> = attrs["answers"].as_str().unwrap().split(',').collect();
            let (verdict, precedents) = expect.place(&answers).unwrap();
            view["verdict"] = json!(verdict);
            view["precedents"] = json!(precedents);
        }
        "map" => {
            let nodes = expect.map_nodes(attrs["focus"].as_str());
            let hops = match attrs["host"].as_str() {
                Some(host) => expect.route(host, &[]).unwrap().0,
                None => Vec::new(),
            };
            view["map"] = json!({ "nodes": nodes, "lit": hops });
        }
        _ => {}
    }
    view
}

type Break = fn(&mut Value);

/// (widget attributes, how the widget is broken, what the report must say).
fn cases() -> Vec<(Value, Option<Break>, &'static str)> {
    let route = json!({ "archsim": "route", "host": "assets.tomoda.life" });
    let fail = json!({ "archsim": "fail", "scenario": "cloudfront-outage" });
    let place =
        json!({ "archsim": "place", "answers": "public-cacheable-assets,reached-from-cluster" });
    let map = json!({ "archsim": "map", "host": "argo-app.tomoda.life" });
    // A focus in the whole selector language, as the widget and the
    // fallback resolve it.
    let focused = json!({ "archsim": "map", "focus": "kind:bucket" });
    vec![
        (focused.clone(), None, ""),
        (
            focused,
            Some(|v| {
                v["map"]["nodes"].as_array_mut().unwrap().pop();
            }),
            "the map's components",
        ),
        (route.clone(), None, ""),
        (fail.clone(), None, ""),
        (place.clone(), None, ""),
        (map.clone(), None, ""),
        (
            route.clone(),
            Some(|v| {
                let hops: Vec<Value> = v["hops"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|h| !h.as_str().unwrap().starts_with("cloudfront"))
                    .cloned()
                    .collect();
                v["hops"] = json!(hops);
            }),
            "the hop list",
        ),
        (
            route.clone(),
            Some(|v| v["verdict"] = json!("down")),
            "the verdict",
        ),
        (route, Some(|v| v["map"]["lit"] = json!([])), "the lit path"),
        (
            fail,
            Some(|v| v["flows"]["assets.tomoda.life"] = json!("ok")),
            "the flow table",
        ),
        (
            place.clone(),
            Some(|v| v["verdict"] = json!("gcp")),
            "the verdict",
        ),
        (
            place,
            Some(|v| v["precedents"] = json!([])),
            "the precedents",
        ),
        (map, Some(|v| v["map"]["lit"] = json!([])), "the lit route"),
    ]
}

#[test]
fn broken_widgets_are_reported_and_faithful_ones_are_not() {
    let expect = Expect::new().unwrap();
    for (attrs, breaks, says) in cases() {
        let mut view = faithful(&expect, attrs.clone());
        if let Some(b) = breaks {
            b(&mut view);
        }
        let report = expect.check(&view);
        if breaks.is_none() {
            assert!(
                report.is_empty(),
                "{attrs}: a faithful view is reported: {report:?}"
            );
        } else {
            assert!(
                report.iter().any(|r| r.contains(says)),
                "{attrs}: a broken view ({says}) is not reported: {report:?}"
            );
        }
    }
}
