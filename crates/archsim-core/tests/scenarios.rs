//! Every scenario's effect on every flow, as a golden file a reviewer can read.

mod common;

use std::fmt::Write;

use archsim_core::*;
use common::*;

/// Every golden file of the core, in `tests/snapshots/` (one convention
/// for every crate: `UPDATE_SNAPSHOTS=1` rewrites, orphans fail).
#[test]
fn golden_files_match() {
    let e = engine();
    archsim_snapshots::check_all(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots"),
        [
            ("scenarios.txt", scenario_outcomes(&e)),
            ("tomoda.mmd", export::mermaid(e.model())),
            ("tomoda.dot", export::dot(e.model())),
        ],
    );
}

/// Every scenario's effect on every flow.
fn scenario_outcomes(e: &Engine) -> String {
    let m = e.model();
    let mut out = String::new();
    for scenario in &m.scenarios {
        let outcome = fail(e, &[scenario.id.as_str()]);
        let _ = writeln!(out, "## {} — {}", scenario.id, scenario.name);
        let _ = writeln!(
            out,
            "failed: {}",
            ids(
                e,
                &outcome.selection.failed.iter().copied().collect::<Vec<_>>()
            )
            .join(", ")
        );
        for flow in &outcome.flows {
            let because = ids(e, &flow.because).join(" → ");
            let line = format!(
                "  {:<24} {:<9} {because}",
                m.flows[flow.flow.index()].id,
                flow.state.as_str()
            );
            let _ = writeln!(out, "{}", line.trim_end());
        }
        out.push('\n');
    }
    out
}

#[test]
fn nothing_failed_means_every_flow_is_ok() {
    let e = engine();
    assert!(
        e.simulate(&Selection::default())
            .flows
            .iter()
            .all(|f| f.state == State::Ok && f.because.is_empty())
    );
}

#[test]
fn selectors() {
    let e = engine();
    let m = e.model();
    // (selector, ids it picks)
    let cases: &[(&str, &[&str])] = &[
        ("cloudfront", &["cloudfront-prod", "cloudfront-dev"]),
        ("cloudfront-dev", &["cloudfront-dev"]),
        ("tomoda-assets-prod", &["s3-assets-prod"]),
        ("TOMODA-ASSETS-PROD", &["s3-assets-prod"]),
        ("provider:cloudflare", &["cloudflare-zone"]),
        ("cloudflare", &["cloudflare-zone"]),
        (
            "region:us-east-1",
            &["acm-certificate-prod", "acm-certificate-dev"],
        ),
        (
            "kind:image-registry",
            &["public-registry", "registry-dev", "registry-prod"],
        ),
        ("artifact-registry", &["registry-dev", "registry-prod"]),
        ("tomoda-api", &["tomoda-api-prod", "tomoda-api-dev"]),
        (
            "env:prod",
            &[
                "tomoda-api-prod",
                "tomoda-app-prod",
                "tomoda-www-prod",
                "build-trigger-prod",
                "registry-prod",
                "s3-assets-prod",
                "cloudfront-prod",
                "acm-certificate-prod",
            ],
        ),
        (
            "env:dev",
            &[
                "tomoda-api-dev",
                "tomoda-app-dev",
                "tomoda-www-dev",
                "build-trigger-dev",
                "registry-dev",
                "s3-assets-dev",
                "cloudfront-dev",
                "acm-certificate-dev",
            ],
        ),
        (
            "env:shared",
            &[
                "user",
                "git-repo",
                "public-registry",
                "cloudflare-zone",
                "gke-vpc",
                "gke",
                "gcp-lb",
                "traefik",
                "cnpg",
                "redis",
                "photon",
                "external-dns",
                "external-secrets",
                "argocd",
                "dex",
                "google-oauth",
                "backup-bucket",
                "photon-index-bucket",
                "secret-manager",
                "workload-identity",
                "cloud-build",
            ],
        ),
        (
            "scenario:cloudfront-outage",
            &["cloudfront-prod", "cloudfront-dev"],
        ),
        ("cloudfront-outage", &["cloudfront-prod", "cloudfront-dev"]),
    ];
    for &(selector, expected) in cases {
        let picked =
            select::components(m, selector).unwrap_or_else(|err| panic!("{selector}: {err}"));
        let mut want: Vec<CompId> = expected.iter().map(|id| comp(&e, id)).collect();
        want.sort();
        assert_eq!(picked.into_iter().collect::<Vec<_>>(), want, "{selector}");
    }
    // Unknown selectors say what was meant.
    let cases = [
        ("cloudfrnt", "cloudfront"),
        ("provider:azure", "provider:aws"),
        ("region:asia-east2", "region:asia-east1"),
        ("kind:buckets", "kind:bucket"),
        // Ids are case-sensitive; the id in its own case comes first.
        ("GKE", "gke"),
        ("cloudfront-PROD", "cloudfront-prod"),
        ("region:ASIA-EAST1", "region:asia-east1"),
        // Prefixes come with values, never bare.
        ("env:prd", "env:prod"),
        ("product:s33", "product:s3"),
        (
            "terraform:infrastructure/gpc",
            "terraform:infrastructure/gcp/",
        ),
    ];
    for (selector, suggestion) in cases {
        let err = select::components(m, selector).unwrap_err();
        assert_eq!(err.kind, QueryErrorKind::UnknownSelector);
        assert_eq!(
            err.suggestions.first().map(String::as_str),
            Some(suggestion),
            "{selector}: {:?}",
            err.suggestions
        );
        assert!(
            err.suggestions.iter().all(|s| !s.ends_with(':')),
            "{selector}: a bare prefix in {:?}",
            err.suggestions
        );
    }
}

#[test]
fn dns_answers() {
    let e = engine();
    // (host, writer id or none, owner id)
    let cases = [
        ("www-dev.tomoda.life", Some("external-dns"), Some("k8s-dev")),
        ("https://assets.tomoda.life/x", Some("terraform"), None),
        ("api.tomoda.life.", Some("external-dns"), Some("k8s-dev")),
        ("brand-new.tomoda.life", None, None),
    ];
    for (host, writer, owner) in cases {
        let answer = e.dns(host).unwrap();
        let w = answer.writer.map(|w| &e.model().writers[w.index()]);
        assert_eq!(w.map(|w| w.id.as_str()), writer, "{host}");
        assert_eq!(w.and_then(|w| w.owner_id.as_deref()), owner, "{host}");
        assert_eq!(answer.options.is_empty(), writer.is_some(), "{host}");
    }
    assert_eq!(
        e.dns("example.org").unwrap_err().kind,
        QueryErrorKind::OutsideZone
    );
}

#[test]
fn mermaid_ids_never_collide_or_hit_keywords() {
    // `end` is a Mermaid keyword; `git_repo` and `git-repo` read alike once
    // punctuation is replaced.
    let source = TOMODA_MODEL.replace("\"user\"", "\"end\"").replacen(
        "[[component]]\nid = \"git-repo\"",
        "[[component]]\nid = \"git_repo\"\nname = \"Another repository\"\nkind = \"source-repo\"\nassumption = \"a test fixture\"\n\n[[component]]\nid = \"git-repo\"",
        1,
    );
    let loaded = load_str("m.toml", &source);
    let model = loaded
        .model
        .unwrap_or_else(|| panic!("{:#?}", loaded.diagnostics));
    let text = export::mermaid(&model);
    // Node and subgraph lines: `ID["label"]`; edge lines have arrows.
    let declared: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.contains("->"))
        .filter_map(|l| l.trim_start_matches("subgraph ").split_once('['))
        .map(|(id, _)| id)
        .collect();
    let subgraphs = text
        .lines()
        .filter(|l| l.trim().starts_with("subgraph "))
        .count();
    assert_eq!(declared.len(), model.components.len() + subgraphs, "{text}");
    assert!(!declared.contains(&"end"), "{text}");
    let mut unique = declared.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(
        unique.len(),
        declared.len(),
        "an id is declared twice:\n{text}"
    );
}
