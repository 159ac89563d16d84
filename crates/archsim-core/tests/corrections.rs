//! The corrections of issue 17 (and of the fact-check behind it), each
//! shown by the answer a reader would ask for: one row per correction.

mod common;

use archsim_core::*;
use common::*;

/// The labels of what an answer assumes (`basis::label`).
fn assumed(m: &Model, basis: &Basis) -> Vec<String> {
    basis
        .assumptions(m)
        .iter()
        .map(|a| basis::label(m, a.premise))
        .collect()
}

/// A flow's outcome under `fail` with `reschedule` restarting.
fn outcome_of(e: &Engine, fail: &[&str], reschedule: &[&str], flow: &str) -> FlowOutcome {
    let m = e.model();
    let outcome = e.simulate(&select::select(m, fail, reschedule).unwrap());
    outcome.flows[m.flow_by_id(flow).unwrap().index()].clone()
}

/// Whether a component's field is marked as assumed on its own.
fn field_assumed(e: &Engine, id: &str, field: Field) -> bool {
    e.model()
        .component(comp(e, id))
        .assumed
        .iter()
        .any(|(f, _)| *f == field)
}

/// (correction, check): every check asks the engine, not the file's text,
/// except where the correction is about wording.
#[test]
fn each_correction_shows_in_an_answer() {
    let e = engine();
    let m = e.model();
    let cases: &[(&str, &dyn Fn())] = &[
        ("CloudFront's region is the model's, and says so", &|| {
            for cdn in ["cloudfront-prod", "cloudfront-dev"] {
                assert_eq!(m.region_name(m.component(comp(&e, cdn)).region), "global");
                assert!(field_assumed(&e, cdn, Field::Region), "{cdn}");
            }
            // Asked by region, the answer names the region assumption.
            let f = outcome_of(&e, &["region-ap-northeast-1"], &[], "assets.tomoda.life");
            assert_eq!(f.state, State::Degraded);
            let a = assumed(m, &f.basis);
            assert!(a.contains(&"cloudfront-prod (region)".to_owned()), "{a:?}");
        }),
        (
            "a service in no region says its region is the model's",
            &|| {
                let global: Vec<&Component> = m
                    .components
                    .iter()
                    .filter(|c| m.region_name(c.region) == "global")
                    .collect();
                assert!(
                    global.len() >= 5,
                    "the zone, CloudFront, sign-in, Workload Identity"
                );
                for c in global {
                    assert!(
                        c.assumed.iter().any(|(f, _)| *f == Field::Region),
                        "{} is in `global` without saying why",
                        c.id
                    );
                }
                let region = m.regions.iter().find(|r| r.id == "global").unwrap();
                assert!(region.provenance.assumption.is_some());
            },
        ),
        ("serving from the cache is an assumption", &|| {
            let f = outcome_of(&e, &["s3-assets-prod"], &[], "assets.tomoda.life");
            assert_eq!(f.state, State::Degraded);
            let a = assumed(m, &f.basis);
            assert!(
                a.contains(&"cloudfront-prod → s3-assets-prod".to_owned()),
                "{a:?}"
            );
        }),
        ("Workload Identity's region is marked", &|| {
            assert!(field_assumed(&e, "workload-identity", Field::Region));
            let region = select::select(m, &["region-asia-east1"], &[]).unwrap();
            assert!(!region.failed.contains(&comp(&e, "workload-identity")));
        }),
        (
            "synced Secrets persist: Secret Manager down during a reschedule leaves the API up",
            &|| {
                for host in ["api.tomoda.life", "app.tomoda.life"] {
                    let f = outcome_of(&e, &["secret-manager"], &["gke"], host);
                    assert_eq!(f.state, State::AtRisk, "{host}");
                }
                let f = outcome_of(&e, &["secret-manager"], &["gke"], "api.tomoda.life");
                let a = assumed(m, &f.basis);
                assert!(
                    a.contains(&"tomoda-api-prod → external-secrets".to_owned()),
                    "{a:?}"
                );
            },
        ),
        ("Photon's download at start-up is an assumption", &|| {
            let f = outcome_of(&e, &["photon-index-bucket"], &["photon"], "api.tomoda.life");
            assert_eq!(f.state, State::Down);
            assert_eq!(
                ids(&e, &f.because),
                ["tomoda-api-prod", "photon", "photon-index-bucket"]
            );
            let a = assumed(m, &f.basis);
            assert!(
                a.contains(&"photon → photon-index-bucket".to_owned()),
                "{a:?}"
            );
        }),
        (
            "terraform flags the document does not give are marked",
            &|| {
                for id in ["argocd", "dex", "secret-manager", "workload-identity"] {
                    assert!(field_assumed(&e, id, Field::Terraform), "{id}");
                }
                // A terraform selector reads the flag: the answer names it.
                let f = outcome_of(&e, &["terraform-destroy-gcp"], &[], "secret-sync");
                assert_eq!(f.state, State::Down);
                let a = assumed(m, &f.basis);
                assert!(
                    a.contains(&"secret-manager (terraform)".to_owned())
                        || a.contains(&"external-secrets (terraform)".to_owned()),
                    "{a:?}"
                );
            },
        ),
        (
            "Google sign-in: one answer for a region outage and a terraform destroy",
            &|| {
                let oauth = comp(&e, "google-oauth");
                assert!(!m.component(oauth).terraform);
                assert!(field_assumed(&e, "google-oauth", Field::Terraform));
                assert!(field_assumed(&e, "google-oauth", Field::Region));
                for scenario in ["region-asia-east1", "terraform-destroy-gcp"] {
                    let s = select::select(m, &[scenario], &[]).unwrap();
                    assert!(!s.failed.contains(&oauth), "{scenario} leaves it up");
                }
            },
        ),
        ("argo-app being the Argo CD UI is an assumption", &|| {
            let r = route(&e, "argo-app.tomoda.life");
            let a = assumed(m, &r.basis);
            assert!(a.contains(&"traefik → argocd".to_owned()), "{a:?}");
        }),
        ("one ACM certificate per workspace", &|| {
            let f = outcome_of(&e, &["acm-certificate-dev"], &[], "assets-dev.tomoda.life");
            assert_eq!(f.state, State::AtRisk);
            let f = outcome_of(&e, &["acm-certificate-dev"], &[], "assets.tomoda.life");
            assert_eq!(f.state, State::Ok);
        }),
        ("the load balancer is not reached from the cluster", &|| {
            let lb = m.component(comp(&e, "gcp-lb"));
            assert!(lb.traits.is_empty());
            let status = place::audit(m)
                .into_iter()
                .find(|a| a.component == comp(&e, "gcp-lb"))
                .unwrap()
                .status;
            assert_eq!(status, AuditStatus::NotCovered);
            assert!(
                lb.notes
                    .as_deref()
                    .unwrap_or("")
                    .contains("rule of thumb asks nothing")
            );
        }),
        (
            "the holds-state question asks plainly; S3 is a named exception",
            &|| {
                let q = m
                    .placement
                    .questions
                    .iter()
                    .find(|q| q.id == "holds-state")
                    .unwrap();
                assert_eq!(q.ask, "Does it hold data?");
                for bucket in ["s3-assets-prod", "s3-assets-dev"] {
                    let c = comp(&e, bucket);
                    assert!(m.component(c).traits.iter().any(|t| t == "holds-state"));
                    let status = place::audit(m)
                        .into_iter()
                        .find(|a| a.component == c)
                        .unwrap()
                        .status;
                    assert!(
                        matches!(&status, AuditStatus::Resolved(r) if r.contains("named exception")),
                        "{bucket}: {status:?}"
                    );
                }
            },
        ),
        (
            "the stores and Photon are reached from the cluster",
            &|| {
                for id in ["cnpg", "redis", "photon"] {
                    let c = m.component(comp(&e, id));
                    assert!(c.traits.iter().any(|t| t == "reached-from-cluster"), "{id}");
                    assert!(field_assumed(&e, id, Field::Traits), "{id}");
                }
            },
        ),
        (
            "the zone's list of records is not complete, and says so",
            &|| {
                let r = route(&e, "shop.tomoda.life");
                assert_eq!(r.verdict, RouteVerdict::NoRecord);
                let a = assumed(m, &r.basis);
                assert_eq!(a, ["zone tomoda.life"]);
                let says = m.zone.provenance.assumption.as_deref().unwrap_or("");
                assert!(says.contains("TXT"), "{says}");
            },
        ),
        ("a validation record is no request hop", &|| {
            let r = route(&e, "_acm-validation.assets.tomoda.life");
            assert_eq!(hop_ids(&e, &r), ["cloudflare-zone"]);
        }),
        (
            "the backups share the database's region and Terraform",
            &|| {
                for scenario in ["region-asia-east1", "terraform-destroy-gcp"] {
                    let s = select::select(m, &[scenario], &[]).unwrap();
                    assert!(s.failed.contains(&comp(&e, "backup-bucket")), "{scenario}");
                    let f = outcome_of(&e, &[scenario], &[], "db-backup");
                    assert_eq!(f.state, State::Down, "{scenario}");
                    // The database goes too: it runs in the cluster that fails.
                    let api = outcome_of(&e, &[scenario], &[], "api.tomoda.life");
                    assert_eq!(api.state, State::Down, "{scenario}");
                    let teaches = &m
                        .scenarios
                        .iter()
                        .find(|x| x.id == scenario)
                        .unwrap()
                        .teaches;
                    assert!(teaches.contains("backups"), "{scenario}: {teaches}");
                }
                let cnpg = m.component(comp(&e, "cnpg"));
                let bucket = m.component(comp(&e, "backup-bucket"));
                assert_eq!(cnpg.region, bucket.region);
                assert_eq!(cnpg.runs_in, Some(comp(&e, "gke")));
                let gke = m.component(comp(&e, "gke"));
                assert!(gke.terraform && bucket.terraform);
                assert!(gke.sources[0].starts_with("infrastructure/gcp/"));
                assert!(bucket.sources[0].starts_with("infrastructure/gcp/"));
            },
        ),
        (
            "Docker Hub down during a preemption: third-party pods stay down, Tomoda's images still pull",
            &|| {
                let s = "public-registry-outage-during-preemption";
                for (flow, chain) in [
                    ("photon-index-fetch", &["photon", "public-registry"][..]),
                    ("db-backup", &["cnpg", "public-registry"][..]),
                    ("api.tomoda.life", &["traefik", "public-registry"][..]),
                ] {
                    let f = outcome_of(&e, &[s], &[], flow);
                    assert_eq!(f.state, State::Down, "{flow}");
                    assert_eq!(ids(&e, &f.because), chain, "{flow}");
                }
                // No answer's chain reaches Artifact Registry.
                let outcome = fail(&e, &[s]);
                for f in &outcome.flows {
                    let chain = ids(&e, &f.because);
                    assert!(
                        !chain.iter().any(|c| c.starts_with("registry-")),
                        "{chain:?}"
                    );
                }
                // One Tomoda workload rescheduled: its image still pulls.
                let f = outcome_of(
                    &e,
                    &["public-registry"],
                    &["tomoda-app-prod"],
                    "app.tomoda.life",
                );
                assert_eq!(
                    f.state,
                    State::AtRisk,
                    "at risk only: a third-party pod could not restart"
                );
                let f = outcome_of(
                    &e,
                    &["public-registry"],
                    &["tomoda-www-prod"],
                    "www.tomoda.life",
                );
                assert_eq!(f.state, State::AtRisk);
            },
        ),
        (
            "two preemption scenarios: every node, and one workload",
            &|| {
                let all = select::select(m, &["spot-preemption-all"], &[]).unwrap();
                let one = select::select(m, &["spot-preemption-one"], &[]).unwrap();
                assert!(all.restarting.contains(&comp(&e, "cnpg")));
                assert_eq!(
                    ids(&e, &one.restarting.iter().copied().collect::<Vec<_>>()),
                    ["tomoda-api-prod"]
                );
                let teaches = &m
                    .scenarios
                    .iter()
                    .find(|x| x.id == "spot-preemption-all")
                    .unwrap()
                    .teaches;
                assert!(
                    teaches.contains("does not model") && teaches.contains("Redis"),
                    "{teaches}"
                );
                // Every node pool being spot is the scenario's assumption.
                let f = outcome_of(&e, &["spot-preemption-all"], &[], "api.tomoda.life");
                assert!(assumed(m, &f.basis).contains(&"scenario spot-preemption-all".to_owned()));
            },
        ),
    ];
    for (name, check) in cases {
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(check));
        assert!(result.is_ok(), "correction failed: {name}");
    }
}

/// Words the fact-check found overstating or unsourced, gone from the
/// model's text (a case-sensitive search of the whole file).
#[test]
fn overstated_words_are_gone() {
    for words in [
        "plain HTTP",
        "harmless",
        "busiest",
        "Taiwan",
        "N. Virginia",
        "objects expire",
        "streams",
        "each Kubernetes service account",
        "to rebuild",
        "share every dependency",
        "first secret sync",
        "CDN and WAF are off",
        "Compute, data, CI, images, backups, secrets",
        "Public read, because",
    ] {
        assert!(
            !TOMODA_MODEL.contains(words),
            "the model still says {words:?}"
        );
    }
}
