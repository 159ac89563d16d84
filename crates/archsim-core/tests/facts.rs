//! One test per fact of the source document (F01–F34): each asks the engine
//! what a reader would ask and checks the answer against the document.

mod common;

use archsim_core::*;
use common::*;

fn provider<'a>(engine: &'a Engine, id: &str) -> &'a Provider {
    engine
        .model()
        .providers
        .iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("no provider {id}"))
}

fn component<'a>(engine: &'a Engine, id: &str) -> &'a Component {
    engine.model().component(comp(engine, id))
}

fn provider_of(engine: &Engine, id: &str) -> String {
    let m = engine.model();
    m.provider_name(component(engine, id).provider).to_owned()
}

fn region_of(engine: &Engine, id: &str) -> String {
    let m = engine.model();
    m.region_name(component(engine, id).region).to_owned()
}

fn verdict(engine: &Engine, answers: &[&str]) -> (String, Vec<String>, Vec<String>) {
    let m = engine.model();
    let answer = place::place(m, answers).expect("valid answers");
    let verdict = match answer.evaluation.verdict {
        Verdict::Provider(p) => m.providers[p.index()].id.clone(),
        Verdict::Conflict => "conflict".into(),
        Verdict::Undecided => "undecided".into(),
    };
    let facts = answer
        .evaluation
        .deciding
        .iter()
        .flat_map(|r| m.placement.rules[r.index()].provenance.facts.clone())
        .collect();
    let precedents = answer
        .precedents
        .iter()
        .map(|p| m.component(p.component).id.clone())
        .collect();
    (verdict, facts, precedents)
}

fn has_edge(engine: &Engine, from: &str, to: &str, kind: EdgeKind) -> bool {
    let (from, to) = (comp(engine, from), comp(engine, to));
    engine
        .model()
        .edges
        .iter()
        .any(|e| e.from == from && e.to == to && e.kind == kind)
}

fn audit_status(engine: &Engine, id: &str) -> AuditStatus {
    let c = comp(engine, id);
    place::audit(engine.model())
        .into_iter()
        .find(|a| a.component == c)
        .expect("audited")
        .status
}

#[test]
fn f01_three_providers_one_job_each_no_overlap() {
    let e = engine();
    let ids: Vec<&str> = e.model().providers.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["gcp", "aws", "cloudflare"]);
    let jobs: Vec<&str> = e.model().providers.iter().map(|p| p.job.as_str()).collect();
    assert!(jobs.iter().all(|j| !j.is_empty()));
    // No overlap: every component sits where the rule puts it (or says why not).
    for entry in place::audit(e.model()) {
        assert!(
            !matches!(entry.status, AuditStatus::Violation(_)),
            "{:?}",
            entry
        );
    }
}

#[test]
fn f02_gcp_runs_holds_and_builds_everything() {
    let e = engine();
    let gcp = provider(&e, "gcp");
    assert!(gcp.job.contains("Compute") && gcp.job.contains("secrets") && gcp.job.contains("auth"));
    assert!(gcp.why.contains("GKE"));
    for c in &e.model().components {
        let workload_home = c.traits.iter().any(|t| {
            matches!(
                t.as_str(),
                "runs-workload" | "holds-state" | "builds-images"
            )
        });
        if workload_home && e.model().provider_name(c.provider) != "gcp" {
            // The document's own tension (F03 against F35): the asset
            // buckets hold data on AWS; the model names it as an exception.
            assert_eq!(
                c.product.as_deref(),
                Some("s3"),
                "{} runs, holds data or builds images",
                c.id
            );
            match audit_status(&e, &c.id) {
                AuditStatus::Resolved(reason) => assert!(
                    reason.contains("named exception") && reason.contains("holds data"),
                    "{}: {reason}",
                    c.id
                ),
                other => panic!("{}: expected a named exception, got {other:?}", c.id),
            }
        }
    }
    for answer in ["runs-workload", "holds-state", "builds-images"] {
        let (v, facts, _) = verdict(&e, &[answer]);
        assert_eq!(
            (v.as_str(), facts),
            ("gcp", vec!["F02".to_owned(), "F35".to_owned()]),
            "{answer}"
        );
    }
}

#[test]
fn f03_aws_is_static_assets_and_their_cdn_only() {
    let e = engine();
    let aws = provider(&e, "aws");
    assert!(aws.job.contains("Static assets") && aws.job.contains("CDN"));
    assert!(aws.why.contains("History") && aws.why.contains("GCS + Cloud CDN"));
    for c in e
        .model()
        .components
        .iter()
        .filter(|c| e.model().provider_name(c.provider) == "aws")
    {
        // The asset buckets also hold data: the named exception of F02.
        let others: Vec<&String> = c
            .traits
            .iter()
            .filter(|t| !(t.as_str() == "holds-state" && c.product.as_deref() == Some("s3")))
            .collect();
        assert!(
            others == ["public-cacheable-assets"],
            "{} is on AWS but is not part of the asset pipeline",
            c.id
        );
    }
}

#[test]
fn f04_cloudflare_is_dns_only_and_acm_validation() {
    let e = engine();
    let cf = provider(&e, "cloudflare");
    assert!(cf.job.contains("DNS only") && cf.job.contains("ACM DNS validation"));
    assert!(cf.why.contains("double") || cf.why.contains("second one"));
    let on_cloudflare: Vec<&Component> = e
        .model()
        .components
        .iter()
        .filter(|c| e.model().provider_name(c.provider) == "cloudflare")
        .collect();
    assert_eq!(on_cloudflare.len(), 1);
    assert_eq!(on_cloudflare[0].kind, "dns-zone");
    let validation = e
        .model()
        .records
        .iter()
        .filter(|r| r.purpose == Purpose::Validation)
        .count();
    assert!(validation >= 1, "the zone carries ACM validation records");
}

#[test]
fn f05_one_gcp_project_in_asia_east1() {
    let e = engine();
    let gcp = provider(&e, "gcp");
    assert_eq!(gcp.account.as_deref(), Some("development-485000"));
    assert_eq!(e.model().region_name(gcp.home_region), "asia-east1");
    for c in e
        .model()
        .components
        .iter()
        .filter(|c| e.model().provider_name(c.provider) == "gcp")
    {
        let region = e.model().region_name(c.region);
        assert!(
            region == "asia-east1" || region == "global",
            "{} is in {region}",
            c.id
        );
        // The document puts Google Cloud in asia-east1 (F05, F35): a
        // service the model takes to be bound to no region says so.
        if region == "global" {
            assert!(
                c.assumed.iter().any(|(f, _)| *f == Field::Region),
                "{}: its region is the model's, not the document's",
                c.id
            );
        }
    }
    assert_eq!(gcp.terraform.as_deref(), Some("infrastructure/gcp/"));
}

#[test]
fn f06_gke_tomoda_on_spot_nodes() {
    let e = engine();
    let gke = component(&e, "gke");
    assert_eq!(gke.name, "gke-tomoda");
    assert_eq!(gke.sources, ["infrastructure/gcp/gke.tf"]);
    assert!(gke.notes.as_deref().unwrap_or("").contains("spot"));
    // The worst case reschedules everything in the cluster, the common
    // case one workload; with all start-up dependencies up, every flow
    // stays ok in both.
    let all = select::select(e.model(), &["spot-preemption-all"], &[]).unwrap();
    assert!(all.restarting.contains(&comp(&e, "photon")));
    assert!(all.restarting.contains(&comp(&e, "cnpg")));
    let one = select::select(e.model(), &["spot-preemption-one"], &[]).unwrap();
    assert!(one.restarting.contains(&comp(&e, "tomoda-api-prod")));
    assert!(!one.restarting.contains(&comp(&e, "photon")));
    assert!(one.restarting.len() < all.restarting.len());
    for selection in [all, one] {
        assert!(
            e.simulate(&selection)
                .flows
                .iter()
                .all(|f| f.state == State::Ok)
        );
    }
}

#[test]
fn f07_custom_vpc_with_secondary_ranges() {
    let e = engine();
    let vpc = component(&e, "gke-vpc");
    assert_eq!(vpc.name, "gke-tomoda-vpc");
    assert_eq!(vpc.sources, ["infrastructure/gcp/vpc.tf"]);
    let notes = vpc.notes.as_deref().unwrap_or("");
    assert!(notes.contains("secondary") && notes.contains("Pods") && notes.contains("Services"));
    assert!(has_edge(&e, "gke", "gke-vpc", EdgeKind::Request));
}

#[test]
fn f08_postgres_and_redis_in_cluster_no_cloud_sql_or_memorystore() {
    let e = engine();
    let gke = comp(&e, "gke");
    for id in ["cnpg", "redis"] {
        assert_eq!(
            component(&e, id).runs_in,
            Some(gke),
            "{id} runs in the cluster"
        );
    }
    for c in &e.model().components {
        let name = c.name.to_lowercase();
        assert!(
            !name.contains("cloud sql") && !name.contains("memorystore"),
            "{}",
            c.id
        );
        if matches!(c.kind.as_str(), "database" | "cache") {
            assert_eq!(
                c.runs_in,
                Some(gke),
                "every database and cache runs in the cluster: {}",
                c.id
            );
        }
    }
}

#[test]
fn f09_photon_runs_in_cluster_from_a_gcs_index() {
    let e = engine();
    assert_eq!(component(&e, "photon").runs_in, Some(comp(&e, "gke")));
    assert!(has_edge(
        &e,
        "photon",
        "photon-index-bucket",
        EdgeKind::Startup
    ));
    assert_eq!(
        component(&e, "photon-index-bucket").product.as_deref(),
        Some("gcs")
    );
}

#[test]
fn f10_cloud_build_triggers_dev_manual_prod_semver() {
    let e = engine();
    let dev = component(&e, "build-trigger-dev");
    let prod = component(&e, "build-trigger-prod");
    let dev_notes = dev.notes.as_deref().unwrap_or("");
    let prod_notes = prod.notes.as_deref().unwrap_or("");
    assert!(dev_notes.contains("push to main") && dev_notes.contains("manual approval"));
    assert!(prod_notes.contains("semver") && prod_notes.contains("automatically"));
    for c in [dev, prod, component(&e, "cloud-build")] {
        assert_eq!(c.sources, ["infrastructure/gcp/cloudbuild.tf"]);
    }
    let outcome = fail(&e, &["build-trigger-dev"]);
    assert_eq!(state(&e, &outcome, "dev-deploy"), State::Down);
    assert_eq!(state(&e, &outcome, "prod-release"), State::Ok);
}

#[test]
fn f11_artifact_registry_two_repos_in_asia_east1() {
    let e = engine();
    for (id, name) in [
        ("registry-dev", "tomoda-dev-repo"),
        ("registry-prod", "tomoda-prod-repo"),
    ] {
        let c = component(&e, id);
        assert_eq!(c.name, name);
        assert_eq!(c.product.as_deref(), Some("artifact-registry"));
        assert_eq!(region_of(&e, id), "asia-east1");
        assert_eq!(c.sources, ["infrastructure/gcp/registry.tf"]);
    }
    let picked = select::components(e.model(), "artifact-registry").unwrap();
    assert_eq!(
        ids(&e, &picked.into_iter().collect::<Vec<_>>()),
        ["registry-dev", "registry-prod"]
    );
}

#[test]
fn f12_backups_to_gcs_with_30_day_lifecycle() {
    let e = engine();
    let bucket = component(&e, "backup-bucket");
    assert_eq!(bucket.name, "tomoda-db-backups-development-485000");
    assert_eq!(bucket.sources, ["infrastructure/gcp/backup.tf"]);
    let notes = bucket.notes.as_deref().unwrap_or("");
    assert!(notes.contains("Barman") && notes.contains("WAL") && notes.contains("30 days"));
    assert!(has_edge(&e, "cnpg", "backup-bucket", EdgeKind::Background));
    // Losing it stops backups and leaves the database serving, at risk.
    let outcome = fail(&e, &["backup-bucket"]);
    assert_eq!(state(&e, &outcome, "db-backup"), State::Down);
    assert_eq!(state(&e, &outcome, "api.tomoda.life"), State::AtRisk);
}

#[test]
fn f13_photon_index_bucket_is_public_read_for_photon_docker() {
    let e = engine();
    let bucket = component(&e, "photon-index-bucket");
    assert_eq!(bucket.name, "development-485000-photon-index");
    let notes = bucket.notes.as_deref().unwrap_or("");
    assert!(
        notes.contains("<project>-photon-index")
            && notes.contains("versioned")
            && notes.contains("public read")
    );
    assert!(
        bucket
            .placement
            .as_deref()
            .unwrap_or("")
            .contains("rtuszik/photon-docker")
    );
    assert!(bucket.traits.iter().any(|t| t == "public-cacheable-assets"));
}

#[test]
fn f14_photon_index_is_hand_made_and_survives_terraform_destroy() {
    let e = engine();
    let bucket = component(&e, "photon-index-bucket");
    assert!(!bucket.terraform);
    assert!(bucket.notes.as_deref().unwrap_or("").contains("$500"));
    let selection = select::select(e.model(), &["terraform-destroy-gcp"], &[]).unwrap();
    assert!(
        !selection.failed.contains(&comp(&e, "photon-index-bucket")),
        "the hand-made bucket survives"
    );
    assert!(
        selection.failed.contains(&comp(&e, "backup-bucket")),
        "Terraform's buckets do not"
    );
    assert!(selection.failed.contains(&comp(&e, "gke")));
}

#[test]
fn f15_secrets_sync_through_eso_with_workload_identity() {
    let e = engine();
    assert_eq!(
        component(&e, "secret-manager").sources,
        [
            "infrastructure/gcp/oauth.tf",
            "scripts/setup-gcp-secrets.sh"
        ]
    );
    assert!(has_edge(
        &e,
        "external-secrets",
        "secret-manager",
        EdgeKind::Request
    ));
    assert!(has_edge(
        &e,
        "external-secrets",
        "workload-identity",
        EdgeKind::Request
    ));
    let outcome = fail(&e, &["workload-identity"]);
    assert_eq!(state(&e, &outcome, "secret-sync"), State::Down);
    assert_eq!(
        state(&e, &outcome, "api.tomoda.life"),
        State::AtRisk,
        "pods cannot re-sync secrets"
    );
    let selection = select::select(e.model(), &["secret-manager"], &["gke"]).unwrap();
    let rescheduled = e.simulate(&selection);
    assert_eq!(
        state(&e, &rescheduled, "api.tomoda.life"),
        State::AtRisk,
        "synced Secrets persist: a restart needs no new sync (assumed), only refresh is lost"
    );
}

#[test]
fn f16_argocd_login_through_dex_and_google_oauth() {
    let e = engine();
    let oauth = component(&e, "google-oauth");
    assert!(
        oauth
            .notes
            .as_deref()
            .unwrap_or("")
            .contains("tomoda.life hosted domain")
    );
    assert_eq!(oauth.sources, ["infrastructure/gcp/argocd.tf"]);
    let outcome = fail(&e, &["google-oauth"]);
    assert_eq!(state(&e, &outcome, "argocd-login"), State::Down);
    assert_eq!(
        state(&e, &outcome, "argo-app.tomoda.life"),
        State::Ok,
        "the UI itself still answers"
    );
    let because = &outcome.flows[e.model().flow_by_id("argocd-login").unwrap().index()].because;
    assert_eq!(ids(&e, because), ["argocd", "dex", "google-oauth"]);
}

#[test]
fn f17_aws_region_is_tokyo() {
    let e = engine();
    let aws = provider(&e, "aws");
    assert_eq!(e.model().region_name(aws.home_region), "ap-northeast-1");
    let tokyo = e
        .model()
        .regions
        .iter()
        .find(|r| r.id == "ap-northeast-1")
        .unwrap();
    assert_eq!(tokyo.name, "Tokyo");
    assert_eq!(aws.workspaces, ["default", "dev"]);
    assert_eq!(aws.terraform.as_deref(), Some("infrastructure/aws/"));
}

#[test]
fn f18_asset_buckets_are_private_behind_cloudfront() {
    let e = engine();
    for (bucket, name, cdn) in [
        ("s3-assets-dev", "tomoda-assets-dev", "cloudfront-dev"),
        ("s3-assets-prod", "tomoda-assets-prod", "cloudfront-prod"),
    ] {
        let c = component(&e, bucket);
        assert_eq!(c.name, name);
        assert_eq!(c.sources, ["infrastructure/aws/s3.tf"]);
        assert!(
            c.notes
                .as_deref()
                .unwrap_or("")
                .contains("Origin Access Control")
        );
        let readers: Vec<String> = ids(
            &e,
            &e.edges_to(comp(&e, bucket))
                .map(|x| e.model().edges[x.index()].from)
                .collect::<Vec<_>>(),
        );
        assert_eq!(readers, [cdn], "only CloudFront reads {bucket}");
    }
    // The invariant catches a model where something else reads a bucket.
    let broken = tomoda_with(
        "[[edge]]\nfrom = \"user\"",
        "[[edge]]\nfrom = \"tomoda-api-prod\"\nto = \"s3-assets-prod\"\nwhy = \"sneaky\"\nassumption = \"a test fixture\"\n\n[[edge]]\nfrom = \"user\"",
    );
    let errors = Engine::from_str("m.toml", &broken).unwrap_err();
    assert!(
        errors.iter().any(|d| d.code == "invariant"
            && d.message
                .contains("`tomoda-api-prod` reaches `s3-assets-prod`")),
        "{errors:#?}"
    );
}

#[test]
fn f19_one_cloudfront_distribution_per_environment() {
    let e = engine();
    for (host, cdn, env) in [
        ("assets.tomoda.life", "cloudfront-prod", "prod"),
        ("assets-dev.tomoda.life", "cloudfront-dev", "dev"),
    ] {
        let c = component(&e, cdn);
        assert_eq!(c.env, env);
        assert_eq!(c.sources, ["infrastructure/aws/cloudfront.tf"]);
        assert_eq!(hop_ids(&e, &route(&e, host))[1], cdn);
    }
    assert_eq!(
        select::components(e.model(), "cloudfront").unwrap().len(),
        2
    );
}

#[test]
fn f20_acm_certificate_in_us_east_1_validated_through_cloudflare() {
    let e = engine();
    // One certificate per workspace (assumed, F37), each in us-east-1.
    let certificates = select::components(e.model(), "acm").unwrap();
    assert_eq!(certificates.len(), 2);
    for (id, env) in [
        ("acm-certificate-prod", "prod"),
        ("acm-certificate-dev", "dev"),
    ] {
        assert_eq!(region_of(&e, id), "us-east-1");
        assert_eq!(component(&e, id).env, env);
        assert_eq!(component(&e, id).sources, ["infrastructure/aws/acm.tf"]);
        match audit_status(&e, id) {
            AuditStatus::Exception(reason) => {
                assert!(reason.contains("us-east-1") && reason.contains("CloudFront"))
            }
            other => panic!("expected an exception, got {other:?}"),
        }
        let acm = comp(&e, id);
        let validation: Vec<&Record> = e
            .model()
            .records
            .iter()
            .filter(|r| r.target == acm)
            .collect();
        assert!(!validation.is_empty(), "{id}");
        for r in validation {
            assert_eq!(r.purpose, Purpose::Validation);
            assert_eq!(r.env, env);
            assert_eq!(
                e.model().writers[r.writer.index()].source,
                "infrastructure/aws/cloudflare.tf"
            );
        }
    }
    let outcome = fail(&e, &["region-us-east-1"]);
    for flow in ["cert-renewal-prod", "cert-renewal-dev"] {
        assert_eq!(state(&e, &outcome, flow), State::Down, "{flow}");
    }
    for host in ["assets.tomoda.life", "assets-dev.tomoda.life"] {
        assert_eq!(state(&e, &outcome, host), State::AtRisk, "{host}");
    }
}

#[test]
fn f21_no_record_is_proxied() {
    let e = engine();
    assert!(e.model().records.iter().all(|r| !r.proxied));
    let broken = tomoda_with(
        "host = \"app.tomoda.life\"\ntype = \"A\"\ntarget = \"gcp-lb\"\nwriter = \"external-dns\"\nenv = \"prod\"\nproxied = false",
        "host = \"app.tomoda.life\"\ntype = \"A\"\ntarget = \"gcp-lb\"\nwriter = \"external-dns\"\nenv = \"prod\"\nproxied = true",
    );
    let errors = Engine::from_str("m.toml", &broken).unwrap_err();
    let d = errors
        .iter()
        .find(|d| d.code == "invariant")
        .expect("a proxied record breaks F21");
    assert!(d.message.contains("record `app.tomoda.life` is proxied") && d.message.contains("F21"));
    assert_eq!(
        broken.lines().nth(d.line - 1).unwrap().trim(),
        "proxied = true"
    );
}

#[test]
fn f22_two_writers_that_never_overlap() {
    let e = engine();
    let writers: Vec<&str> = e.model().writers.iter().map(|w| w.id.as_str()).collect();
    assert_eq!(writers, ["terraform", "external-dns"]);
    assert!(
        e.model()
            .invariants
            .iter()
            .any(|i| i.check == Check::WritersDisjoint)
    );
    // Claiming an external-dns host for Terraform breaks the invariant.
    let broken = tomoda_with(
        "owns = [\"assets.tomoda.life\",",
        "owns = [\"api.tomoda.life\", \"assets.tomoda.life\",",
    );
    let errors = Engine::from_str("m.toml", &broken).unwrap_err();
    assert!(
        errors
            .iter()
            .any(|d| d.message.contains("claimed by terraform and external-dns")),
        "{errors:#?}"
    );
}

#[test]
fn f23_terraform_writes_acm_validation_and_assets_cnames() {
    let e = engine();
    for host in [
        "assets.tomoda.life",
        "assets-dev.tomoda.life",
        "_acm-validation.assets.tomoda.life",
    ] {
        let answer = e.dns(host).unwrap();
        let writer = &e.model().writers[answer.writer.unwrap().index()];
        assert_eq!(
            (writer.id.as_str(), writer.source.as_str()),
            ("terraform", "infrastructure/aws/cloudflare.tf"),
            "{host}"
        );
    }
    let cname = &e.model().records[e.dns("assets.tomoda.life").unwrap().records[0].index()];
    assert_eq!(cname.rtype, "CNAME");
}

#[test]
fn f24_external_dns_writes_cluster_hosts_to_the_traefik_lb() {
    let e = engine();
    let hosts = [
        "api.tomoda.life",
        "api-dev.tomoda.life",
        "app.tomoda.life",
        "app-dev.tomoda.life",
        "www.tomoda.life",
        "www-dev.tomoda.life",
        "argo-app.tomoda.life",
    ];
    let lb = comp(&e, "gcp-lb");
    for host in hosts {
        let answer = e.dns(host).unwrap();
        let writer = &e.model().writers[answer.writer.unwrap().index()];
        assert_eq!(writer.id, "external-dns", "{host}");
        assert_eq!(writer.source, "k8s/envs/dev/sys/external-dns/values.yaml");
        assert_eq!(writer.runs_on, Some(comp(&e, "external-dns")));
        assert_eq!(e.model().records[answer.records[0].index()].target, lb);
    }
    assert!(
        component(&e, "gcp-lb")
            .name
            .contains("Traefik LoadBalancer")
    );
}

#[test]
fn f25_external_dns_txt_registry_owner_k8s_dev() {
    let e = engine();
    let writer = e
        .model()
        .writers
        .iter()
        .find(|w| w.id == "external-dns")
        .unwrap();
    assert_eq!(writer.owner_id.as_deref(), Some("k8s-dev"));
    assert_eq!(writer.registry.as_deref(), Some("txt"));
}

#[test]
fn f26_new_hosts_get_records_from_the_right_writer() {
    let e = engine();
    let answer = e.dns("shop.tomoda.life").unwrap();
    assert!(answer.records.is_empty() && answer.writer.is_none());
    let adds: Vec<&str> = answer
        .options
        .iter()
        .map(|w| e.model().writers[w.index()].adds.as_str())
        .collect();
    assert!(
        adds.iter()
            .any(|a| a.contains("Ingress in k8s/apps/tomoda/"))
    );
    assert!(
        adds.iter()
            .any(|a| a.contains("CloudFront distribution in infrastructure/aws/"))
    );
}

#[test]
fn f27_every_request_starts_in_the_unproxied_cloudflare_zone() {
    let e = engine();
    assert_eq!(e.model().zone.name, "tomoda.life");
    for record in e
        .model()
        .records
        .iter()
        .filter(|r| r.purpose == Purpose::Serve)
    {
        let r = route(&e, &record.host);
        assert_eq!(hop_ids(&e, &r)[0], "cloudflare-zone", "{}", record.host);
        assert!(r.hops[0].why.contains("proxied = false"));
    }
    assert!(has_edge(&e, "user", "cloudflare-zone", EdgeKind::Request));
}

#[test]
fn f28_assets_resolve_to_cloudfront_which_reads_s3() {
    let e = engine();
    let r = route(&e, "https://assets.tomoda.life/logo.png");
    assert_eq!(
        hop_ids(&e, &r),
        ["cloudflare-zone", "cloudfront-prod", "s3-assets-prod"]
    );
    let outcome = fail(&e, &["s3-assets-prod"]);
    assert_eq!(
        state(&e, &outcome, "assets.tomoda.life"),
        State::Degraded,
        "cached objects are still served"
    );
}

#[test]
fn f29_cluster_hosts_go_through_the_external_lb_and_traefik() {
    let e = engine();
    for (host, origin) in [
        ("api.tomoda.life", "tomoda-api-prod"),
        ("api-dev.tomoda.life", "tomoda-api-dev"),
        ("app.tomoda.life", "tomoda-app-prod"),
        ("app-dev.tomoda.life", "tomoda-app-dev"),
        ("www.tomoda.life", "tomoda-www-prod"),
        ("www-dev.tomoda.life", "tomoda-www-dev"),
        ("argo-app.tomoda.life", "argocd"),
    ] {
        assert_eq!(
            hop_ids(&e, &route(&e, host)),
            ["cloudflare-zone", "gcp-lb", "traefik", origin],
            "{host}"
        );
    }
    assert_eq!(component(&e, "traefik").runs_in, Some(comp(&e, "gke")));
}

#[test]
fn f30_the_cluster_reaches_gcs_and_secret_manager() {
    let e = engine();
    let gke = comp(&e, "gke");
    let in_cluster = |id: &str| e.model().component(comp(&e, id)).runs_in == Some(gke);
    for (from, to) in [
        ("cnpg", "backup-bucket"),
        ("photon", "photon-index-bucket"),
        ("external-secrets", "secret-manager"),
    ] {
        assert!(in_cluster(from));
        assert!(
            e.model()
                .edges
                .iter()
                .any(|x| x.from == comp(&e, from) && x.to == comp(&e, to)),
            "{from} → {to}"
        );
    }
}

#[test]
fn f31_cloud_build_pushes_to_and_gke_pulls_from_artifact_registry() {
    let e = engine();
    assert!(has_edge(
        &e,
        "cloud-build",
        "registry-dev",
        EdgeKind::Request
    ));
    assert!(has_edge(
        &e,
        "cloud-build",
        "registry-prod",
        EdgeKind::Request
    ));
    // GKE pulls Tomoda's images: each workload from its environment's
    // repository, when it starts.
    for product in ["tomoda-api", "tomoda-app", "tomoda-www"] {
        for env in ["prod", "dev"] {
            let workload = format!("{product}-{env}");
            let registry = format!("registry-{env}");
            assert!(
                has_edge(&e, &workload, &registry, EdgeKind::Startup),
                "{workload} pulls from {registry}"
            );
        }
    }
    let alone = fail(&e, &["artifact-registry"]);
    assert_eq!(state(&e, &alone, "app.tomoda.life"), State::AtRisk);
    let during_preemption = fail(&e, &["registry-outage-during-preemption"]);
    for host in [
        "api.tomoda.life",
        "api-dev.tomoda.life",
        "app.tomoda.life",
        "app-dev.tomoda.life",
        "www.tomoda.life",
        "www-dev.tomoda.life",
    ] {
        assert_eq!(state(&e, &during_preemption, host), State::Down, "{host}");
    }
    // Artifact Registry holds Tomoda's images only: Argo CD's come from a
    // public registry (assumed), and the assets never touch the cluster.
    for host in ["argo-app.tomoda.life", "assets.tomoda.life"] {
        assert_eq!(state(&e, &during_preemption, host), State::Ok, "{host}");
    }
}

#[test]
fn f32_what_the_cluster_reaches_lives_on_gcp() {
    let e = engine();
    for answer in ["reached-from-cluster", "reaches-out-from-cluster"] {
        let (v, facts, precedents) = verdict(&e, &[answer]);
        assert_eq!(
            (v.as_str(), facts),
            ("gcp", vec!["F32".to_owned()]),
            "{answer}"
        );
        assert!(precedents.iter().all(|p| provider_of(&e, p) == "gcp"));
    }
}

#[test]
fn f33_public_cacheable_assets_live_on_aws() {
    let e = engine();
    let (v, facts, precedents) = verdict(&e, &["public-cacheable-assets"]);
    assert_eq!((v.as_str(), facts), ("aws", vec!["F33".to_owned()]));
    assert!(
        precedents.contains(&"s3-assets-prod".to_owned())
            && precedents.contains(&"cloudfront-prod".to_owned())
    );
    // A public, cacheable bucket the cluster writes to: both rules fire.
    let (v, _, precedents) = verdict(&e, &["public-cacheable-assets", "reached-from-cluster"]);
    assert_eq!(v, "conflict");
    assert_eq!(
        precedents.first().map(String::as_str),
        Some("photon-index-bucket")
    );
}

#[test]
fn f34_dns_is_cloudflare_full_stop() {
    let e = engine();
    let (v, facts, _) = verdict(&e, &["dns"]);
    assert_eq!((v.as_str(), facts), ("cloudflare", vec!["F34".to_owned()]));
    // Even when the cluster reaches out to it (external-dns does), DNS stays on Cloudflare.
    let answer = place::place(e.model(), &["dns", "reaches-out-from-cluster"]).unwrap();
    assert_eq!(answer.evaluation.verdict, Verdict::Provider(ProviderId(2)));
    assert_eq!(answer.evaluation.overridden.len(), 1);
    assert!(matches!(
        audit_status(&e, "cloudflare-zone"),
        AuditStatus::Resolved(_)
    ));
}

#[test]
fn f35_whatever_runs_holds_data_or_builds_images_is_in_the_gcp_region() {
    let e = engine();
    let m = e.model();
    let rule = m
        .placement
        .rules
        .iter()
        .find(|r| r.id == "workload-home")
        .unwrap();
    assert!(rule.provenance.facts.contains(&"F35".to_owned()));
    for c in m
        .components
        .iter()
        .filter(|c| m.provider_name(c.provider) == "gcp")
    {
        let home = c.traits.iter().any(|t| {
            matches!(
                t.as_str(),
                "runs-workload" | "holds-state" | "builds-images"
            )
        });
        if home {
            assert_eq!(m.region_name(c.region), "asia-east1", "{}", c.id);
        }
    }
    assert_eq!(
        provider(&e, "gcp").terraform.as_deref(),
        Some("infrastructure/gcp/")
    );
}

#[test]
fn f36_the_diagram_boxes_give_the_regions() {
    let e = engine();
    for id in [
        "gcp-lb",
        "gke",
        "backup-bucket",
        "photon-index-bucket",
        "registry-dev",
        "registry-prod",
        "secret-manager",
        "cloud-build",
    ] {
        assert_eq!(region_of(&e, id), "asia-east1", "{id}");
    }
    for id in ["s3-assets-prod", "s3-assets-dev"] {
        assert_eq!(region_of(&e, id), "ap-northeast-1", "{id}");
    }
    // CloudFront is where the model departs from the box, and says so.
    for id in ["cloudfront-prod", "cloudfront-dev"] {
        let (_, says) = component(&e, id)
            .assumed
            .iter()
            .find(|(f, _)| *f == Field::Region)
            .expect("an assumed region");
        assert!(says.contains("ap-northeast-1"), "{id}: {says}");
    }
}

#[test]
fn f37_the_aws_terraform_runs_per_environment() {
    let e = engine();
    let m = e.model();
    assert_eq!(provider(&e, "aws").workspaces, ["default", "dev"]);
    // Each AWS product comes once per environment.
    for product in ["s3", "cloudfront", "acm"] {
        let mut envs: Vec<String> = select::components(m, product)
            .unwrap()
            .into_iter()
            .map(|c| m.component(c).env.clone())
            .collect();
        envs.sort();
        assert_eq!(envs, ["dev", "prod"], "{product}");
    }
}

/// Every fact the model declares is carried by an entry, and every entry
/// names only declared facts: F01–F37, in order.
#[test]
fn every_fact_has_a_carrier_and_every_carrier_a_fact() {
    let e = engine();
    let m = e.model();
    let declared: Vec<&str> = m.facts.iter().map(|f| f.id.as_str()).collect();
    let expected: Vec<String> = (1..=37).map(|n| format!("F{n:02}")).collect();
    assert_eq!(declared, expected);
    for f in &m.facts {
        assert!(f.says.len() > 20, "{}: says too little", f.id);
    }
    let provenances = std::iter::once(&m.zone.provenance)
        .chain(m.providers.iter().map(|x| &x.provenance))
        .chain(m.regions.iter().map(|x| &x.provenance))
        .chain(m.components.iter().map(|x| &x.provenance))
        .chain(m.writers.iter().map(|x| &x.provenance))
        .chain(m.records.iter().map(|x| &x.provenance))
        .chain(m.edges.iter().map(|x| &x.provenance))
        .chain(m.flows.iter().map(|x| &x.provenance))
        .chain(m.scenarios.iter().map(|x| &x.provenance))
        .chain(m.placement.rules.iter().map(|x| &x.provenance))
        .chain(m.invariants.iter().map(|x| &x.provenance));
    let carried: Vec<&str> = provenances
        .flat_map(|p| p.facts.iter().map(String::as_str))
        .collect();
    for fact in &declared {
        assert!(carried.contains(fact), "{fact} has no carrier");
    }
    for fact in &carried {
        assert!(declared.contains(fact), "{fact} is not declared");
    }
    // The loader refuses a carrier of an undeclared fact.
    let broken = tomoda_with("facts = [\"F07\", \"F35\"]", "facts = [\"F07\", \"F99\"]");
    let errors = Engine::from_str("m.toml", &broken).unwrap_err();
    assert!(
        errors
            .iter()
            .any(|d| d.code == "unknown-reference" && d.message.contains("F99")),
        "{errors:#?}"
    );
}
