//! View models on the Tomoda model: what the widgets and fallbacks will say.

mod common;

use archsim_core::place::place;
use archsim_core::select::select;
use archsim_core::{CompId, Selection};
use archsim_view::present::*;

fn ids(hops: &[HopRow]) -> Vec<&str> {
    hops.iter().map(|h| h.id.as_str()).collect()
}

#[test]
fn routes_list_their_hops() {
    let engine = common::tomoda();
    // (input, failed, verdict, hop ids)
    let cases: [(&str, &[&str], &str, &[&str]); 5] = [
        (
            "app.tomoda.life",
            &[],
            "ok",
            &["cloudflare-zone", "gcp-lb", "traefik", "tomoda-app-prod"],
        ),
        (
            "https://api.tomoda.life/v1/health",
            &[],
            "ok",
            &["cloudflare-zone", "gcp-lb", "traefik", "tomoda-api-prod"],
        ),
        (
            "assets.tomoda.life",
            &[],
            "ok",
            &["cloudflare-zone", "cloudfront-prod", "s3-assets-prod"],
        ),
        (
            "assets.tomoda.life",
            &["cloudfront"],
            "down",
            &["cloudflare-zone", "cloudfront-prod", "s3-assets-prod"],
        ),
        ("nope.tomoda.life", &[], "no-record", &[]),
    ];
    for (input, failed, verdict, hops) in cases {
        let selection = select(engine.model(), failed, &[]).expect("selectors");
        let route = engine.route(input, &selection).expect("routes");
        let view = route_view(&engine, &route);
        assert_eq!(view.verdict.as_str(), verdict, "{input} with {failed:?}");
        assert_eq!(ids(&view.hops), hops, "{input} with {failed:?}");
        assert_eq!(view.input, input);
    }
}

#[test]
fn a_route_names_its_record_writer_and_causes() {
    let engine = common::tomoda();
    let route = engine
        .route("app.tomoda.life", &Selection::default())
        .expect("routes");
    let view = route_view(&engine, &route);
    let record = view.record.expect("app.tomoda.life has a record");
    assert_eq!(
        (
            record.rtype.as_str(),
            record.writer_id.as_str(),
            record.owner_id.as_deref(),
            record.proxied
        ),
        ("A", "external-dns", Some("k8s-dev"), false)
    );
    assert!(view.hops.iter().all(|h| h.state.as_str() == "ok"));
    assert!(view.because.is_empty());
    assert_eq!(
        route_states(&route).len(),
        view.hops.len(),
        "one state per hop for the map"
    );

    let down = select(engine.model(), &["cloudfront"], &[]).expect("selects");
    let route = engine.route("assets.tomoda.life", &down).expect("routes");
    let view = route_view(&engine, &route);
    assert_eq!(view.because.len(), view.because_ids.len());
    assert_eq!(
        view.because.last().map(String::as_str),
        Some(
            engine
                .model()
                .component(common::comp(&engine, "cloudfront-prod"))
                .name
                .as_str()
        )
    );

    let missing = engine
        .route("ap.tomoda.life", &Selection::default())
        .expect("a host in the zone without a record is an answer");
    let view = route_view(&engine, &missing);
    assert_eq!(view.verdict.as_str(), "no-record");
    assert!(
        view.nearby.iter().any(|h| h == "app.tomoda.life"),
        "{:?}",
        view.nearby
    );
}

#[test]
fn a_scenario_fills_the_flow_table() {
    let engine = common::tomoda();
    // (selectors, host, expected state)
    let cases: [(&str, &str, &str); 6] = [
        ("cloudfront-outage", "assets.tomoda.life", "down"),
        ("cloudfront-outage", "api.tomoda.life", "ok"),
        ("region-ap-northeast-1", "assets.tomoda.life", "degraded"),
        ("region-us-east-1", "assets.tomoda.life", "at-risk"),
        ("cloudflare-down", "app.tomoda.life", "down"),
        ("aws-down", "www.tomoda.life", "ok"),
    ];
    for (scenario, host, state) in cases {
        let selection = select(engine.model(), &[scenario], &[]).expect("selects");
        let view = outcome_view(&engine, &engine.simulate(&selection));
        let row = view
            .rows
            .iter()
            .find(|r| r.entry.as_deref() == Some(host) && r.flow_id == host)
            .expect("a row per served host");
        assert_eq!(row.state.as_str(), state, "{host} under {scenario}");
        assert_eq!(view.scenarios.len(), 1);
        assert_eq!(view.scenarios[0].0, scenario);
        assert!(!view.failed.is_empty());
        assert_eq!(view.rows.len(), engine.model().flows.len());
        if state != "ok" {
            assert!(!row.because.is_empty(), "{host} under {scenario} says why");
        }
    }
    let spot = select(engine.model(), &["spot-preemption-all"], &[]).expect("selects");
    let view = outcome_view(&engine, &engine.simulate(&spot));
    assert!(view.failed.is_empty());
    assert!(view.restarting.iter().any(|(_, name)| name == "gke-tomoda"));
}

#[test]
fn placement_says_where_and_why() {
    let engine = common::tomoda();
    // (answers, verdict, deciding rules, overridden rules)
    type Case<'a> = (&'a [&'a str], &'a str, &'a [&'a str], &'a [&'a str]);
    let cases: [Case; 4] = [
        (&["public-cacheable-assets"], "aws", &["public-assets"], &[]),
        (&["holds-state"], "gcp", &["workload-home"], &[]),
        (
            &["dns", "reaches-out-from-cluster"],
            "cloudflare",
            &["dns-is-cloudflare"],
            &["cluster-reach"],
        ),
        (
            &["public-cacheable-assets", "reached-from-cluster"],
            "conflict",
            &["cluster-reach", "public-assets"],
            &[],
        ),
    ];
    for (answers, verdict, deciding, overridden) in cases {
        let answer = place(engine.model(), answers).expect("places");
        let view = place_view(&engine, &answer);
        assert_eq!(view.verdict_name, verdict, "{answers:?}");
        assert_eq!(view.verdict, answer.evaluation.verdict, "{answers:?}");
        let rules = |r: &[RuleLine]| r.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
        assert_eq!(rules(&view.deciding), deciding, "{answers:?}");
        assert_eq!(rules(&view.overridden), overridden, "{answers:?}");
        let yes: Vec<&str> = view
            .questions
            .iter()
            .filter(|q| q.answer)
            .map(|q| q.id.as_str())
            .collect();
        let mut given = answers.to_vec();
        given.sort_by_key(|a| view.questions.iter().position(|q| q.id == *a));
        assert_eq!(yes, given);
        assert_eq!(
            view.questions.len(),
            engine.model().placement.questions.len()
        );
    }
    let conflict = place(
        engine.model(),
        &["public-cacheable-assets", "reached-from-cluster"],
    )
    .expect("places");
    let view = place_view(&engine, &conflict);
    assert!(view.verdict_label.contains("Google Cloud") && view.verdict_label.contains("AWS"));
    assert!(
        view.precedents
            .iter()
            .any(|p| p.id == "photon-index-bucket"),
        "the photon index bucket was caught between the same rules"
    );
}

#[test]
fn the_audit_covers_every_provider_component() {
    let engine = common::tomoda();
    let rows = audit_view(&engine);
    let in_providers = engine
        .model()
        .components
        .iter()
        .filter(|c| c.provider.is_some())
        .count();
    assert_eq!(rows.len(), in_providers);
    let status = |id: &str| rows.iter().find(|r| r.id == id).map(|r| r.status.as_str());
    assert_eq!(status("acm-certificate-prod"), Some("exception"));
    assert_eq!(status("gke"), Some("fits"));
    assert!(
        rows.iter().all(|r| r.status.as_str() != "violation"),
        "the shipped model is clean"
    );
    assert!(
        rows.iter()
            .filter(|r| matches!(r.status.as_str(), "exception" | "resolved"))
            .all(|r| r.status.reason().is_some())
    );
}

#[test]
fn dns_names_the_writer() {
    let engine = common::tomoda();
    // (host, writer, records)
    let cases: [(&str, Option<&str>, usize); 4] = [
        ("www-dev.tomoda.life", Some("external-dns"), 1),
        ("assets.tomoda.life", Some("terraform"), 1),
        ("brand-new.tomoda.life", None, 0),
        ("_acm-validation.x.tomoda.life", Some("terraform"), 0),
    ];
    for (host, writer, records) in cases {
        let view = dns_view(&engine, &engine.dns(host).expect("dns"));
        assert_eq!(
            view.writer.as_ref().map(|w| w.id.as_str()),
            writer,
            "{host}"
        );
        assert_eq!(view.records.len(), records, "{host}");
        if records == 0 {
            assert_eq!(view.options.len(), engine.model().writers.len(), "{host}");
        }
    }
}

#[test]
fn component_details_fill_the_panel() {
    let engine = common::tomoda();
    let photon = component_details(&engine, common::comp(&engine, "photon-index-bucket"));
    assert!(!photon.terraform);
    assert_eq!(photon.managed, "outside Terraform");
    assert_eq!(photon.provider_id.as_deref(), Some("gcp"));
    assert!(photon.flows.iter().any(|f| f.id == "photon-index-fetch"));
    assert!(photon.placement.is_some());

    let zone = component_details(&engine, common::comp(&engine, "cloudflare-zone"));
    assert!(zone.spof_for.iter().any(|f| f.id == "app.tomoda.life"));
    assert!(zone.needed_by.iter().any(|l| l.id == "user"));

    let gke = component_details(&engine, common::comp(&engine, "gke"));
    assert_eq!(gke.sources, ["infrastructure/gcp/gke.tf"]);
    assert_eq!(gke.managed, "Terraform");
    assert!(
        gke.needs
            .iter()
            .any(|l| l.id == "gke-vpc" && l.detail == "request")
    );

    let unknown = component_details(&engine, CompId(9999));
    assert!(
        unknown.name.contains("unknown"),
        "an unknown id is an empty panel, not a panic"
    );
}
