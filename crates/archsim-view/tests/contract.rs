//! The widget mount contract: what is written reads back the same, what
//! cannot be honoured says why, and a focus picks what the selector
//! language picks.

use std::collections::HashMap;

use archsim_core::Engine;
use archsim_view::contract::{self, Heading, Kind, Request};
use proptest::prelude::*;

fn read_attrs(attrs: &[(&str, &str)]) -> Result<Request, String> {
    Request::read(|name| {
        attrs
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| (*v).to_owned())
    })
}

fn written(request: &Request) -> HashMap<&'static str, String> {
    let mut attrs = HashMap::new();
    request.write(|name, value| {
        assert!(
            attrs.insert(name, value.to_owned()).is_none(),
            "{name} written twice"
        );
    });
    attrs
}

fn kind() -> impl Strategy<Value = Kind> {
    prop::sample::select(vec![
        Kind::App,
        Kind::Map,
        Kind::Route,
        Kind::Fail,
        Kind::Place,
        Kind::Dns,
        Kind::Propose,
    ])
}

/// A value as the contract keeps it: trimmed, not empty; `,` only when
/// it is not a list entry.
fn value(comma: bool) -> impl Strategy<Value = String> {
    let chars = if comma {
        "[a-z0-9:./,é<>\"& -]{0,12}"
    } else {
        "[a-z0-9:./é<>\"& -]{0,12}"
    };
    ("[a-z0-9é<>\"&]", chars, "[a-z0-9]").prop_map(|(a, b, c)| format!("{a}{}{c}", b.trim()))
}

fn request() -> impl Strategy<Value = Request> {
    (
        kind(),
        prop::option::of(value(true)),
        prop::option::of(value(true)),
        prop::collection::vec(value(false), 0..4),
        prop::option::of(value(true)),
        prop::collection::vec(value(false), 0..4),
        prop::option::of(value(true)),
        any::<bool>(),
        any::<bool>(),
        prop::option::of(value(true)),
        prop::option::of(prop_oneof![Just(String::new()), value(true)]),
        (0u8..=8).prop_map(Heading::under),
    )
        .prop_map(
            |(
                kind,
                model,
                host,
                fail,
                scenario,
                answers,
                focus,
                spof,
                audit,
                draft,
                sources,
                heading,
            )| {
                Request {
                    kind,
                    model,
                    host,
                    fail,
                    scenario,
                    answers,
                    focus,
                    spof,
                    audit,
                    draft,
                    sources,
                    heading,
                }
            },
        )
}

proptest! {
    /// Every kind and every attribute: written, then read, gives back the
    /// request.
    #[test]
    fn a_written_request_reads_back(request in request()) {
        let attrs = written(&request);
        let read = Request::read(|name| attrs.get(name).cloned());
        prop_assert_eq!(read, Ok(request));
    }
}

#[test]
fn writes_the_attributes_in_the_contracts_order() {
    let request = Request {
        kind: Kind::Fail,
        model: Some("#archsim-model".into()),
        host: Some("app.tomoda.life".into()),
        fail: vec!["cloudfront".into(), "redis".into()],
        scenario: Some("cloudfront-outage".into()),
        answers: vec!["holds-state".into(), "dns".into()],
        focus: Some("provider:aws".into()),
        spof: true,
        audit: true,
        draft: Some("1,x:redis".into()),
        sources: Some("../sources.html".into()),
        heading: Heading::under(2),
    };
    let mut seen = Vec::new();
    request.write(|name, value| seen.push(format!("{name}={value}")));
    assert_eq!(
        seen,
        [
            "data-archsim=fail",
            "data-archsim-v=1",
            "data-model=#archsim-model",
            "data-host=app.tomoda.life",
            "data-fail=cloudfront,redis",
            "data-scenario=cloudfront-outage",
            "data-answers=holds-state,dns",
            "data-focus=provider:aws",
            "data-spof=true",
            "data-audit=true",
            "data-draft=1,x:redis",
            "data-sources=../sources.html",
            "data-heading=3",
        ]
    );
    let mut seen = Vec::new();
    Request::new(Kind::Dns).write(|name, value| seen.push(format!("{name}={value}")));
    assert_eq!(seen, ["data-archsim=dns", "data-archsim-v=1"]);
}

#[test]
fn reads_hand_written_attributes() {
    let request = read_attrs(&[
        ("data-archsim", "fail"),
        ("data-archsim-v", "1"),
        ("data-model", "#archsim-model"),
        ("data-host", " app.tomoda.life "),
        ("data-fail", "cloudfront, redis,,"),
        ("data-scenario", "cloudfront-outage"),
        ("data-answers", "holds-state,dns"),
        ("data-focus", "provider:aws"),
        ("data-spof", "true"),
        ("data-audit", "false"),
        ("data-draft", " 1,x:redis,r:api:cnpg "),
        ("data-sources", ""),
        ("data-heading", " 4 "),
    ])
    .unwrap();
    assert_eq!(
        request,
        Request {
            kind: Kind::Fail,
            model: Some("#archsim-model".into()),
            host: Some("app.tomoda.life".into()),
            fail: vec!["cloudfront".into(), "redis".into()],
            scenario: Some("cloudfront-outage".into()),
            answers: vec!["holds-state".into(), "dns".into()],
            focus: Some("provider:aws".into()),
            spof: true,
            audit: false,
            draft: Some("1,x:redis,r:api:cnpg".into()),
            sources: Some(String::new()),
            heading: Heading::under(3),
        }
    );
    let flags = read_attrs(&[
        ("data-archsim", "place"),
        ("data-audit", " 1 "),
        ("data-spof", "yes"),
    ]);
    assert!(
        flags.as_ref().is_ok_and(|r| r.audit && !r.spof),
        "{flags:?}"
    );
}

#[test]
fn keeps_the_fallback_when_it_cannot_honour_the_request() {
    type Case<'a> = (&'a [(&'a str, &'a str)], Option<&'a str>);
    let long = "x".repeat(100);
    let cases: &[Case] = &[
        (&[("data-archsim", "route")], None),
        (&[("data-archsim", "route"), ("data-archsim-v", "1")], None),
        (&[("data-archsim", "app"), ("data-archsim-v", " 1 ")], None),
        (
            &[("data-archsim", "route"), ("data-archsim-v", "2")],
            Some("version 2 of the archsim mount contract"),
        ),
        (
            &[("data-archsim", "chart"), ("data-archsim-v", "1")],
            Some("`chart` is not an archsim widget"),
        ),
        (
            &[("data-archsim", &long)],
            Some("`xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…` is not"),
        ),
        (&[("data-archsim", "map"), ("data-heading", "6")], None),
        (
            &[("data-archsim", "map"), ("data-heading", "1")],
            Some("`data-heading` is the level of the widget's headings, 2 to 6, not `1`"),
        ),
        (
            &[("data-archsim", "map"), ("data-heading", "h3")],
            Some("2 to 6, not `h3`"),
        ),
        (
            &[("data-archsim-v", "1")],
            Some("`` is not an archsim widget"),
        ),
        (
            &[("data-archsim", "Map")],
            Some("`Map` is not an archsim widget"),
        ),
    ];
    for (attrs, notice) in cases {
        match (read_attrs(attrs), notice) {
            (Ok(_), None) => {}
            (Err(text), Some(part)) => assert!(text.contains(part), "{text}"),
            (got, want) => panic!("{attrs:?}: got {got:?}, wanted a notice with {want:?}"),
        }
    }
}

#[test]
fn names_every_kind_once() {
    let all: Vec<Kind> = Kind::WIDGETS.into_iter().chain([Kind::App]).collect();
    for kind in &all {
        assert_eq!(Kind::parse(kind.as_str()), Some(*kind));
        assert_eq!(
            all.iter().filter(|k| k.title() == kind.title()).count(),
            1,
            "{kind:?}'s title"
        );
    }
    assert_eq!(Kind::App.options(), &[] as &[&str]);
    for kind in Kind::WIDGETS {
        assert!(!kind.options().is_empty(), "{kind:?} takes options");
    }
}

/// Each mount point belongs to one bundle: the propose widget to its own,
/// everything else (an element that cannot be read included, so that one
/// bundle says why) to the widgets bundle.
#[test]
fn each_mount_point_names_its_bundle() {
    use contract::Bundle;
    let cases: &[(&[(&str, &str)], Bundle)] = &[
        (&[("data-archsim", "propose")], Bundle::Propose),
        (
            &[("data-archsim", " propose "), ("data-archsim-v", "1")],
            Bundle::Propose,
        ),
        (
            &[("data-archsim", "propose"), ("data-focus", "provider:aws")],
            Bundle::Propose,
        ),
        (&[("data-archsim", "map")], Bundle::Widgets),
        (&[("data-archsim", "app")], Bundle::Widgets),
        (
            &[("data-archsim", "dns"), ("data-host", "x")],
            Bundle::Widgets,
        ),
        // Unreadable: the widgets bundle keeps the fallback with a notice.
        (
            &[("data-archsim", "propose"), ("data-archsim-v", "2")],
            Bundle::Widgets,
        ),
        (&[("data-archsim", "proposal")], Bundle::Widgets),
        (&[], Bundle::Widgets),
    ];
    for (attrs, bundle) in cases {
        assert_eq!(Bundle::of(&read_attrs(attrs)), *bundle, "{attrs:?}");
    }
    for kind in Kind::WIDGETS.into_iter().chain([Kind::App]) {
        let own = if kind == Kind::Propose {
            Bundle::Propose
        } else {
            Bundle::Widgets
        };
        assert_eq!(kind.bundle(), own, "{kind:?}");
    }
    // The full page's Propose tab: a mount point written as the contract
    // writes one for a propose widget with nothing else asked.
    let mut tag = String::from("<div class=\"archsim\"");
    Request::new(Kind::Propose).write(|name, value| {
        tag.push_str(&format!(" {name}=\"{value}\""));
    });
    tag.push_str("><div class=\"archsim-fallback\">");
    assert!(
        contract::PROPOSE_MOUNT.starts_with(&tag),
        "{} does not start with {tag}",
        contract::PROPOSE_MOUNT
    );
    let stems: Vec<&str> = Bundle::ALL.iter().map(|b| b.stem()).collect();
    assert_eq!(stems, ["archsim-web", "archsim-propose"]);
}

/// A focus picks, in model order, what the selector picks: the fallback
/// and the widget both draw exactly this.
#[test]
fn a_focus_picks_what_its_selector_picks() {
    let engine = Engine::tomoda().expect("the Tomoda model loads");
    let model = engine.model();
    let ids = |focus: &str| -> Result<Vec<String>, String> {
        contract::focus(model, focus)
            .map(|set| set.iter().map(|&c| model.component(c).id.clone()).collect())
            .map_err(|e| e.to_string())
    };
    let of = |keep: &dyn Fn(&archsim_core::Component) -> bool| -> Vec<String> {
        model
            .components
            .iter()
            .filter(|c| keep(c))
            .map(|c| c.id.clone())
            .collect()
    };
    let provider = |id: &'static str| {
        move |c: &archsim_core::Component| {
            c.provider.is_some() && model.provider_name(c.provider) == id
        }
    };
    let region = |id: &'static str| {
        move |c: &archsim_core::Component| c.region.is_some() && model.region_name(c.region) == id
    };
    let cases: Vec<(&str, Result<Vec<String>, &str>)> = vec![
        ("provider:aws", Ok(of(&provider("aws")))),
        ("aws", Ok(of(&provider("aws")))),
        ("provider:gcp", Ok(of(&provider("gcp")))),
        ("region:asia-east1", Ok(of(&region("asia-east1")))),
        ("kind:bucket", Ok(of(&|c| c.kind.as_str() == "bucket"))),
        ("provider:azure", Err("azure")),
        ("region:mars", Err("mars")),
        ("", Err("")),
    ];
    for (focus, want) in cases {
        match (ids(focus), want) {
            (Ok(got), Ok(want)) => {
                assert!(!want.is_empty(), "{focus}: the case picks something");
                assert_eq!(got, want, "{focus}");
            }
            (Err(got), Err(part)) => assert!(got.contains(part), "{focus}: {got}"),
            (got, want) => panic!("{focus}: got {got:?}, wanted {want:?}"),
        }
    }
}

/// A widget's headings sit one level under its section's, from `<h2>` (under
/// the page's title, or under nothing) to `<h6>` (under an `<h5>` or `<h6>`).
#[test]
fn a_widgets_headings_sit_one_under_its_section() {
    let cases = [
        (0, "h2"),
        (1, "h2"),
        (2, "h3"),
        (4, "h5"),
        (5, "h6"),
        (6, "h6"),
    ];
    for (section, tag) in cases {
        let heading = Heading::under(section);
        assert_eq!(heading.tag(), tag, "under an h{section}");
        assert_eq!(heading.tag()[1..], heading.level().to_string());
    }
    assert_eq!(Heading::under(1), Heading::TOP);
    assert_eq!(Request::new(Kind::Map).heading, Heading::TOP);
}
