//! Routing: normalisation, verdicts and hops, as a table of cases.

mod common;

use archsim_core::*;
use common::*;

/// (input, failures, verdict, hops, because)
type Case = (
    &'static str,
    &'static [&'static str],
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);

#[test]
fn routes() {
    let e = engine();
    let cases: &[Case] = &[
        (
            "app.tomoda.life",
            &[],
            "ok",
            &["cloudflare-zone", "gcp-lb", "traefik", "tomoda-app-prod"],
            &[],
        ),
        (
            "HTTPS://App.Tomoda.Life.:443/login?next=/#top",
            &[],
            "ok",
            &["cloudflare-zone", "gcp-lb", "traefik", "tomoda-app-prod"],
            &[],
        ),
        (
            "assets.tomoda.life",
            &[],
            "ok",
            &["cloudflare-zone", "cloudfront-prod", "s3-assets-prod"],
            &[],
        ),
        (
            "assets-dev.tomoda.life",
            &["s3"],
            "degraded",
            &["cloudflare-zone", "cloudfront-dev", "s3-assets-dev"],
            &["cloudfront-dev", "s3-assets-dev"],
        ),
        (
            "assets.tomoda.life",
            &["cloudfront"],
            "down",
            &["cloudflare-zone", "cloudfront-prod", "s3-assets-prod"],
            &["cloudfront-prod"],
        ),
        (
            "api.tomoda.life",
            &["redis"],
            "down",
            &["cloudflare-zone", "gcp-lb", "traefik", "tomoda-api-prod"],
            &["tomoda-api-prod", "redis"],
        ),
        (
            "api-dev.tomoda.life",
            &["backup-bucket"],
            "at-risk",
            &["cloudflare-zone", "gcp-lb", "traefik", "tomoda-api-dev"],
            &["tomoda-api-dev", "cnpg", "backup-bucket"],
        ),
        (
            "www.tomoda.life",
            &["provider:cloudflare"],
            "down",
            &["cloudflare-zone", "gcp-lb", "traefik", "tomoda-www-prod"],
            &["cloudflare-zone"],
        ),
        (
            "argo-app.tomoda.life",
            &["google-oauth"],
            "ok",
            &["cloudflare-zone", "gcp-lb", "traefik", "argocd"],
            &[],
        ),
        (
            "_acm-validation.assets.tomoda.life",
            &[],
            "ok",
            &["cloudflare-zone"],
            &[],
        ),
        // A validation record carries no request: losing the certificate
        // does not touch how the name resolves.
        (
            "_acm-validation.assets-dev.tomoda.life",
            &["acm"],
            "ok",
            &["cloudflare-zone"],
            &[],
        ),
        (
            "_acm-validation.assets.tomoda.life",
            &["provider:cloudflare"],
            "down",
            &["cloudflare-zone"],
            &["cloudflare-zone"],
        ),
        ("shop.tomoda.life", &[], "no-record", &[], &[]),
        ("tomoda.life", &[], "no-record", &[], &[]),
    ];
    for &(input, failures, verdict, hops, because) in cases {
        let selection = select::select(e.model(), failures, &[]).unwrap();
        let r = e
            .route(input, &selection)
            .unwrap_or_else(|err| panic!("{input}: {err}"));
        assert_eq!(r.verdict.as_str(), verdict, "{input} with {failures:?}");
        assert_eq!(hop_ids(&e, &r), hops, "{input}");
        assert_eq!(ids(&e, &r.because), because, "{input} with {failures:?}");
    }
}

#[test]
fn no_record_suggests_hosts_that_exist() {
    let e = engine();
    let r = route(&e, "ap.tomoda.life");
    assert_eq!(r.verdict, RouteVerdict::NoRecord);
    assert!(
        r.nearby.starts_with(&["api.tomoda.life".to_owned()])
            || r.nearby.contains(&"app.tomoda.life".to_owned()),
        "{:?}",
        r.nearby
    );
}

#[test]
fn bad_input_is_an_error_not_a_route() {
    let e = engine();
    let cases = [
        ("example.com", QueryErrorKind::OutsideZone),
        ("tomoda.life.evil.com", QueryErrorKind::OutsideZone),
        ("", QueryErrorKind::InvalidHost),
        ("http://", QueryErrorKind::InvalidHost),
        ("a..tomoda.life", QueryErrorKind::InvalidHost),
        ("10.0.0.1", QueryErrorKind::InvalidHost),
        ("app.tomoda.life:http", QueryErrorKind::InvalidHost),
    ];
    for (input, kind) in cases {
        let err = e.route(input, &Selection::default()).unwrap_err();
        assert_eq!(err.kind, kind, "{input}: {err}");
        assert!(!err.message.is_empty());
    }
}

#[test]
fn hops_explain_themselves_and_name_their_assumptions() {
    let e = engine();
    let m = e.model();
    let r = route(&e, "app.tomoda.life");
    assert!(r.hops[0].why.contains("external-dns") && r.hops[0].why.contains("k8s-dev"));
    assert!(r.hops.iter().all(|h| !h.why.is_empty()));
    let subjects: Vec<String> = r
        .basis
        .assumptions(m)
        .iter()
        .map(|a| basis::label(m, a.premise))
        .collect();
    assert!(
        subjects.iter().any(|s| s == "gcp-lb") && subjects.iter().any(|s| s == "tomoda-app-prod"),
        "{subjects:?}"
    );
    assert!(r.basis.facts(m).contains(&"F29"), "{:?}", r.basis.facts(m));
}

#[test]
fn a_validation_record_resolves_but_leads_nowhere() {
    let e = engine();
    let m = e.model();
    let host = "_acm-validation.assets.tomoda.life";
    let r = route(&e, host);
    assert_eq!(r.verdict, RouteVerdict::Resolves(State::Ok));
    assert_eq!(r.records.len(), 1);
    assert_eq!(m.records[r.records[0].index()].purpose, Purpose::Validation);
    assert!(
        r.hops[0].why.contains("no request follows it"),
        "{}",
        r.hops[0].why
    );
    // The answer rests on the record, and names its assumption.
    assert!(
        r.basis
            .premises()
            .contains(&basis::Premise::Record(r.records[0]))
    );
    assert!(r.basis.facts(m).contains(&"F20"), "{:?}", r.basis.facts(m));
    // No hop anywhere in the model reaches a certificate.
    let hops: Vec<_> = m.edges.iter().filter(|x| x.hop).collect();
    assert!(hops.len() > 3, "the model has hop edges: {hops:?}");
    for edge in hops {
        assert_ne!(m.component(edge.to).kind, "certificate", "{edge:?}");
    }
    // Its writer is still Terraform, and the DNS answer names the record.
    let answer = e.dns(host).unwrap();
    assert_eq!(answer.records, r.records);
    assert_eq!(m.writers[answer.writer.unwrap().index()].id, "terraform");
}
