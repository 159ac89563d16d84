//! Drafts: a proposed change applied to the shipped model, its link form
//! and its TOML, checked against the real loader.

mod common;

use archsim_core::diff;
use archsim_core::draft::{Draft, Edit, NewComponent, NewEdge, NewRecord, PROPOSED};
use archsim_core::*;
use proptest::prelude::*;

/// The shipped model, loaded once for every test and case.
fn tomoda() -> Model {
    static MODEL: std::sync::OnceLock<Model> = std::sync::OnceLock::new();
    MODEL
        .get_or_init(|| common::engine().model().clone())
        .clone()
}

fn component(id: &str, kind: &str, env: &str, region: Option<&str>, answers: &[&str]) -> Edit {
    Edit::AddComponent(NewComponent {
        id: id.into(),
        name: String::new(),
        kind: kind.into(),
        env: env.into(),
        region: region.map(Into::into),
        answers: answers.iter().map(|a| (*a).into()).collect(),
        note: String::new(),
    })
}

fn connect(from: &str, to: &str, kind: EdgeKind, note: &str) -> Edit {
    Edit::Connect(NewEdge {
        from: from.into(),
        to: to.into(),
        kind,
        note: note.into(),
    })
}

fn record(host: &str, target: &str, writer: &str) -> Edit {
    Edit::AddRecord(NewRecord {
        host: host.into(),
        target: target.into(),
        writer: writer.into(),
        rtype: "CNAME".into(),
        env: "prod".into(),
        note: String::new(),
    })
}

/// The proposals the tests make: a status page on CloudFront, read from a
/// new bucket, and the API made to need it.
fn status_page() -> Draft {
    Draft {
        edits: vec![
            component(
                "status-bucket",
                "bucket",
                "prod",
                Some("ap-northeast-1"),
                &["public-cacheable-assets"],
            ),
            connect("cloudfront-prod", "status-bucket", EdgeKind::Cached, ""),
            record("Status.tomoda.life", "cloudfront-prod", "terraform"),
            connect(
                "tomoda-api-prod",
                "backup-bucket",
                EdgeKind::Background,
                "the \"API\" warms the cache\nat start",
            ),
        ],
    }
}

#[test]
fn an_added_component_is_placed_by_the_rule_and_assumed() {
    let model = tomoda();
    let new = status_page().apply(&model).expect("the draft applies");
    let c = new
        .component_by_id("status-bucket")
        .map(|c| new.component(c))
        .expect("added");
    assert_eq!(
        new.provider_name(c.provider),
        "aws",
        "the placement verdict"
    );
    assert_eq!(c.name, "status-bucket", "no name: the id");
    assert_eq!(c.traits, ["public-cacheable-assets"]);
    assert_eq!(c.provenance.assumption.as_deref(), Some(PROPOSED));
    assert!(c.provenance.facts.is_empty());
    // Every entry the draft adds is a proposal: the diff lists it as an
    // assumption the change adds.
    let added = diff::assumptions(&model, &new).added;
    assert!(added.len() >= 3, "{added:?}");
    assert!(
        Finding::occurs_in(&model, &new, Finding::Unsourced),
        "a draft's additions are unsourced"
    );
    // The record gave the host its flow and the zone its hop.
    let flow = new
        .flow_by_id("status.tomoda.life")
        .expect("the host's flow");
    assert!(new.flows[flow.index()].generated);
    assert!(
        new.edges
            .iter()
            .any(|e| e.hop && e.hosts == ["status.tomoda.life"])
    );
}

/// `Finding::occurs` on two models, as the widget will ask it.
trait Occurs {
    fn occurs_in(old: &Model, new: &Model, f: Finding) -> bool;
}
use diff::Finding;
impl Occurs for Finding {
    fn occurs_in(old: &Model, new: &Model, f: Finding) -> bool {
        let (a, b) = (
            Engine::new(old.clone(), Vec::new()),
            Engine::new(new.clone(), Vec::new()),
        );
        f.occurs(&diff::impact(&a, &b), &diff::assumptions(old, new))
    }
}

#[test]
fn removals_take_their_edges_and_keep_every_index_in_range() {
    let model = tomoda();
    let draft = Draft {
        edits: vec![
            Edit::RemoveEdge {
                from: "tomoda-api-prod".into(),
                to: "redis".into(),
            },
            Edit::RemoveComponent("dex".into()),
            Edit::RemoveComponent("photon-index-bucket".into()),
        ],
    };
    let new = draft.apply(&model).expect("applies");
    assert_eq!(new.components.len(), model.components.len() - 2);
    // The internal flow through the bucket went with it; the flows after
    // it moved down, and the edges limited to flows still name theirs.
    assert!(
        model.flow_by_id("photon-index-fetch").is_some(),
        "the premise"
    );
    assert!(new.flow_by_id("photon-index-fetch").is_none());
    assert_eq!(new.flows.len(), model.flows.len() - 1);
    let limited = |m: &Model| -> Vec<(String, Vec<String>)> {
        m.edges
            .iter()
            .filter(|e| !e.flows.is_empty())
            .map(|e| {
                let flows = e
                    .flows
                    .iter()
                    .map(|f| m.flows[f.index()].id.clone())
                    .collect();
                (m.component(e.from).id.clone(), flows)
            })
            .collect()
    };
    assert!(!limited(&model).is_empty(), "the premise");
    let kept: Vec<_> = limited(&model)
        .into_iter()
        .filter(|(from, _)| from != "dex" && from != "argocd")
        .collect();
    assert_eq!(
        limited(&new)
            .into_iter()
            .filter(|(from, _)| from != "argocd")
            .collect::<Vec<_>>(),
        kept
    );
    assert!(new.component_by_id("dex").is_none());
    let named = |m: &Model, a: &str, b: &str| {
        m.edges
            .iter()
            .any(|e| m.component(e.from).id == a && m.component(e.to).id == b)
    };
    assert!(named(&model, "tomoda-api-prod", "redis"), "the premise");
    assert!(!named(&new, "tomoda-api-prod", "redis"));
    assert!(
        !new.edges
            .iter()
            .any(|e| { new.component(e.to).id == "dex" || new.component(e.from).id == "dex" })
    );
    // Indices moved with the removal: the codec's checks pass and the
    // diff names exactly what went.
    codec::check(&new).expect("indices in range");
    let changes = diff::changes(&model, &new);
    let removed: Vec<&str> = changes.removed.iter().map(|c| c.id.as_str()).collect();
    assert!(removed.contains(&"dex"), "{removed:?}");
    assert!(removed.contains(&"photon-index-fetch"), "{removed:?}");
    assert!(removed.contains(&"tomoda-api-prod → redis"), "{removed:?}");
    assert!(
        changes.added.is_empty() && changes.changed.is_empty(),
        "{changes:?}"
    );
}

#[test]
fn a_bad_edit_is_an_error_of_that_edit() {
    let ok = component(
        "status-bucket",
        "bucket",
        "prod",
        None,
        &["public-cacheable-assets"],
    );
    let cases: Vec<(Edit, &str)> = vec![
        (
            connect("tomoda-api-prd", "redis", EdgeKind::Request, ""),
            "edit 2: component `tomoda-api-prd` does not exist; did you mean `tomoda-api-prod`",
        ),
        (
            component("redis", "bucket", "prod", None, &["holds-state"]),
            "edit 2: `redis` is taken: `redis` already answers to it",
        ),
        (
            component("x", "bukket", "prod", None, &["holds-state"]),
            "edit 2: unknown component kind `bukket`; the model has client, ",
        ),
        (
            component("x", "bucket", "production", None, &["holds-state"]),
            "edit 2: unknown environment `production`",
        ),
        (
            component("x", "bucket", "prod", None, &["hold-state"]),
            "edit 2: `hold-state` is not a placement question; did you mean `holds-state`?",
        ),
        (
            component(
                "x",
                "bucket",
                "prod",
                None,
                &["holds-state", "public-cacheable-assets"],
            ),
            "edit 2: the placement answers conflict: rules `workload-home` (gcp), `public-assets` (aws) point at different providers",
        ),
        (
            component("x", "bucket", "prod", None, &[]),
            "edit 2: no placement rule decides a provider",
        ),
        (
            component(
                "x",
                "bucket",
                "prod",
                Some("asia-east1"),
                &["public-cacheable-assets"],
            ),
            "edit 2: region `asia-east1` belongs to `gcp`, but the placement rule puts the component on `aws`; did you mean `ap-northeast-1`",
        ),
        (
            component("bad id", "bucket", "prod", None, &["holds-state"]),
            "edit 2: `bad id` is not a valid id",
        ),
        (
            connect("redis", "redis", EdgeKind::Request, ""),
            "edit 2: `redis` cannot need itself",
        ),
        (
            connect("tomoda-api-prod", "redis", EdgeKind::Cached, ""),
            "edit 2: `tomoda-api-prod` already needs `redis`",
        ),
        (
            connect("redis", "tomoda-api-prod", EdgeKind::Request, ""),
            "edit 2: the edited model is not valid: the dependency edges form a cycle",
        ),
        (
            Edit::RemoveComponent("gke".into()),
            "edit 2: cannot remove `gke`: ",
        ),
        (
            Edit::RemoveComponent("argocd".into()),
            "edit 2: cannot remove `argocd`: flow `dev-deploy` passes through it, and the edge `",
        ),
        (
            Edit::RemoveComponent("cloudflare-zone".into()),
            "edit 2: cannot remove `cloudflare-zone`: it answers for the zone",
        ),
        (
            Edit::RemoveComponent("cloudfront-prod".into()),
            "edit 2: cannot remove `cloudfront-prod`: the record for `assets.tomoda.life` points at it",
        ),
        (
            Edit::RemoveEdge {
                from: "redis".into(),
                to: "tomoda-api-prod".into(),
            },
            "edit 2: the edge `redis → tomoda-api-prod` does not exist",
        ),
        (
            record("status.example.com", "cloudfront-prod", "terraform"),
            "edit 2: host `status.example.com` is not in the zone `tomoda.life`",
        ),
        (
            record(
                "https://status.tomoda.life/",
                "cloudfront-prod",
                "terraform",
            ),
            "edit 2: `status.tomoda.life` is not a bare host name",
        ),
        (
            record("assets.tomoda.life", "cloudfront-prod", "terraform"),
            "edit 2: `assets.tomoda.life` has a record or a flow already",
        ),
        (
            record("status.tomoda.life", "cloudflare-zone", "terraform"),
            "edit 2: a record cannot point at the zone itself",
        ),
        (
            record("status.tomoda.life", "cloudfront-prod", "terraform-cloud"),
            "edit 2: writer `terraform-cloud` does not exist; did you mean `terraform`",
        ),
        (
            record("api.tomoda.life.", "cloudfront-prod", "terraform"),
            "edit 2: `api.tomoda.life` has a record or a flow already",
        ),
        (
            record("argo-app.tomoda.life", "cloudfront-prod", "terraform"),
            "edit 2: ",
        ),
    ];
    let model = tomoda();
    for (edit, expected) in cases {
        let draft = Draft {
            edits: vec![ok.clone(), edit.clone()],
        };
        let error = draft.apply(&model).expect_err("refused").to_string();
        assert!(
            error.starts_with(expected),
            "{edit:?}\n  got: {error}\n want: {expected}…"
        );
    }
}

#[test]
fn a_draft_past_the_edit_cap_is_refused() {
    let edit = Edit::RemoveComponent("nope".into());
    let draft = Draft {
        edits: vec![edit; draft::MAX_DRAFT_EDITS + 1],
    };
    let error = draft.apply(&tomoda()).expect_err("refused");
    assert_eq!(error.to_string(), "a draft holds at most 64 edits");
}

/// The TOML a draft writes, appended to the shipped model with the hand
/// edits it names made, loads with the real loader into the model `apply`
/// makes: no change between them, and no answer differs.
#[test]
fn the_toml_loads_into_the_applied_model() {
    let model = tomoda();
    let draft = status_page();
    let snippet = draft.to_toml(&model);
    assert!(
        snippet.contains("# - add `Status.tomoda.life` to the `owns` of writer `terraform`"),
        "{snippet}"
    );
    // The hand edit the snippet asks for.
    let owns = "\"_acm-validation.*.tomoda.life\"]";
    assert!(TOMODA_MODEL.contains(owns), "the premise");
    let text = TOMODA_MODEL.replacen(
        owns,
        "\"_acm-validation.*.tomoda.life\", \"status.tomoda.life\"]",
        1,
    ) + "\n"
        + &snippet;
    let loaded = load_str("tomoda+draft.toml", &text);
    let loaded = loaded
        .model
        .unwrap_or_else(|| panic!("{snippet}\n{:#?}", loaded.diagnostics));
    let applied = draft.apply(&model).expect("applies");
    let changes = diff::changes(&loaded, &applied);
    assert!(changes.is_empty(), "{changes:#?}");
    assert!(
        !diff::changes(&model, &applied).is_empty(),
        "the draft changes something"
    );
    let (a, b) = (
        Engine::new(loaded.clone(), Vec::new()),
        Engine::new(applied.clone(), Vec::new()),
    );
    assert!(diff::impact(&a, &b).is_empty());
    assert!(diff::assumptions(&loaded, &applied).added.is_empty());
    // What the diff does not compare: the record's own hop and flow.
    let hop = |m: &Model| {
        m.edges
            .iter()
            .find(|e| e.hosts == ["status.tomoda.life"])
            .map(|e| {
                (
                    e.why.clone(),
                    e.kind,
                    e.hop,
                    e.provenance.clone(),
                    m.component(e.from).id.clone(),
                )
            })
    };
    assert!(hop(&loaded).is_some());
    assert_eq!(hop(&loaded), hop(&applied));
    let flow = |m: &Model| {
        let f = &m.flows[m.flow_by_id("status.tomoda.life").expect("flow").index()];
        (
            f.name.clone(),
            f.about.clone(),
            f.provenance.clone(),
            f.start.clone(),
        )
    };
    assert_eq!(flow(&loaded), flow(&applied));
}

#[test]
fn the_toml_names_removals_and_escapes_text() {
    let draft = Draft {
        edits: vec![
            Edit::RemoveComponent("photon-index-bucket".into()),
            Edit::RemoveEdge {
                from: "tomoda-api-prod".into(),
                to: "redis".into(),
            },
            connect(
                "tomoda-api-prod",
                "cnpg",
                EdgeKind::Startup,
                "say \"hi\"\\\u{202e}",
            ),
        ],
    };
    let toml = draft.to_toml(&tomoda());
    let expected = "# Proposed with archsim's propose widget.
# In the model file:
# - delete component `photon-index-bucket` (its table) and every edge from or to it
# - delete flow `photon-index-fetch` (its path passes `photon-index-bucket`)
# - delete the edge `tomoda-api-prod → redis` (its [[edge]] table or `needs` entry)
# Append to the model file:

[[edge]]
from = \"tomoda-api-prod\"
to = \"cnpg\"
kind = \"startup\"
why = \"say \\\"hi\\\"\\\\\\u202E\"
assumption = \"say \\\"hi\\\"\\\\\\u202E\"
";
    assert_eq!(toml, expected);
}

#[test]
fn the_link_form_reads_back() {
    let draft = status_page();
    let link = draft.to_fragment();
    assert_eq!(
        link,
        "1,c:status-bucket::bucket:prod:ap-northeast-1:public-cacheable-assets:,\
         n:cloudfront-prod:status-bucket:cached:,\
         h:Status.tomoda.life:cloudfront-prod:terraform:CNAME:prod:,\
         n:tomoda-api-prod:backup-bucket:background:the%20%22API%22%20warms%20the%20cache%0Aat%20start"
    );
    assert!(!link.contains([';', '=', '#', ' ']));
    assert_eq!(Draft::from_fragment(&link), Ok(draft));
    assert_eq!(Draft::from_fragment("1"), Ok(Draft::default()));
}

#[test]
fn a_bad_link_is_a_clear_error() {
    let long = "1,".to_owned() + &"x:a,".repeat(3000);
    let many = "1".to_owned() + &",x:a".repeat(65);
    let text = "1,x:".to_owned() + &"a".repeat(254);
    let cases: Vec<(&str, &str)> = vec![
        ("", "not a draft's link: it starts with no version"),
        ("v1", "not a draft's link: it starts with no version"),
        (
            "2,x:a",
            "the draft's link is of version 2; this archsim reads version 1",
        ),
        (
            "1,",
            "edit 1: unknown edit ``; an edit starts with c (add a component)",
        ),
        ("1,q:a", "edit 1: unknown edit `q`"),
        ("1,x:a,x", "edit 2: edit `x` has 0 fields; it needs 1"),
        (
            "1,x:a:b",
            "edit 1: edit `x` has 2 or more fields; it needs 1",
        ),
        (
            "1,n:a:b:requests:",
            "edit 1: unknown edge kind `requests`; did you mean `request`?",
        ),
        ("1,x:a%2", "edit 1: a `%` is not followed by two hex digits"),
        (
            "1,x:a%zz",
            "edit 1: a `%` is not followed by two hex digits",
        ),
        (
            "1,x:a b",
            "edit 1: the character ` ` must be written as %XX",
        ),
        ("1,x:%FF", "edit 1: a text is not valid UTF-8"),
        ("1,c:a:b:c:d:e:f//g:", "edit 1: an answer is empty"),
        (
            &long,
            "the draft's link is 12002 bytes long; the limit is 8192",
        ),
        (&many, "the draft has more than 64 edits"),
        (&text, "edit 1: a text is longer than 253 characters"),
    ];
    for (link, expected) in cases {
        let error = Draft::from_fragment(link).expect_err(link).to_string();
        assert!(
            error.starts_with(expected),
            "{link:.40}\n  got: {error}\n want: {expected}"
        );
    }
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z0-9.-]{0,12}",
        "\\PC{0,12}",
        any::<String>().prop_map(|s| s.chars().take(20).collect()),
    ]
}

fn non_empty() -> impl Strategy<Value = String> {
    text().prop_filter("non-empty", |s| !s.is_empty())
}

fn edit() -> impl Strategy<Value = Edit> {
    let kind = prop::sample::select(EdgeKind::ALL.to_vec());
    prop_oneof![
        (
            (text(), text(), text(), text()),
            prop::option::of(non_empty()),
            prop::collection::vec(non_empty(), 0..4),
            text()
        )
            .prop_map(|((id, name, kind, env), region, answers, note)| {
                Edit::AddComponent(NewComponent {
                    id,
                    name,
                    kind,
                    env,
                    region,
                    answers,
                    note,
                })
            }),
        (text(), text(), kind, text()).prop_map(|(from, to, kind, note)| Edit::Connect(NewEdge {
            from,
            to,
            kind,
            note
        })),
        text().prop_map(Edit::RemoveComponent),
        (text(), text()).prop_map(|(from, to)| Edit::RemoveEdge { from, to }),
        (text(), text(), text(), text(), text(), text()).prop_map(
            |(host, target, writer, rtype, env, note)| Edit::AddRecord(NewRecord {
                host,
                target,
                writer,
                rtype,
                env,
                note,
            })
        ),
    ]
}

proptest! {
    #[test]
    fn every_draft_reads_back_from_its_link(edits in prop::collection::vec(edit(), 0..8)) {
        let draft = Draft { edits };
        let link = draft.to_fragment();
        prop_assert!(!link.contains([';', '=', '#', ' ', '&']));
        prop_assert_eq!(Draft::from_fragment(&link), Ok(draft));
    }

    #[test]
    fn any_link_is_read_or_refused_without_panic(link in "[1,cnxrh:a-z%0-9/.-]{0,60}") {
        if let Ok(draft) = Draft::from_fragment(&link) {
            let _ = draft.apply(&tomoda());
            prop_assert_eq!(Draft::from_fragment(&draft.to_fragment()), Ok(draft));
        }
    }
}

/// A draft may break one of the model's own invariants: the widget shows
/// it as the change's impact instead of refusing it. The model file with
/// the draft appended is what the loader refuses, by that invariant.
#[test]
fn a_draft_may_break_an_invariant() {
    let model = tomoda();
    let draft = Draft {
        edits: vec![connect(
            "tomoda-api-prod",
            "s3-assets-prod",
            EdgeKind::Request,
            "",
        )],
    };
    let new = draft.apply(&model).expect("applied, not refused");
    assert_eq!(diff::changes(&model, &new).len(), 1);
    // The impact names it, found on the model made in memory.
    let old = Engine::new(model.clone(), Vec::new());
    let impact = diff::impact(&old, &Engine::new(new, Vec::new()));
    let broken: Vec<(&str, &[String], &str)> = impact
        .invariants
        .iter()
        .map(|b| (b.invariant.as_str(), b.facts.as_slice(), b.message.as_str()))
        .collect();
    assert_eq!(
        broken,
        [(
            "assets-buckets-private",
            &["F18".to_string()][..],
            "`tomoda-api-prod` reaches `s3-assets-prod`"
        )]
    );
    assert!(Finding::BrokenInvariant.occurs(&impact, &diff::Assumptions::default()));
    let text = [TOMODA_MODEL, "\n", &draft.to_toml(&model)].concat();
    let loaded = load_str("tomoda+draft.toml", &text);
    let codes: Vec<&str> = loaded.diagnostics.iter().map(|d| d.code).collect();
    assert!(
        loaded.model.is_none() && codes.contains(&"invariant"),
        "{codes:?}"
    );
}

/// A removal's id is model-file text in a comment: a line break in it
/// would end the comment and leave the rest as a broken line (found by the
/// `draft` fuzz target).
#[test]
fn a_line_break_in_a_removed_id_stays_in_its_comment() {
    let draft = Draft {
        edits: vec![Edit::RemoveEdge {
            from: "t".into(),
            to: "a\nb\u{7}".into(),
        }],
    };
    let toml = draft.to_toml(&tomoda());
    assert!(
        toml.contains("# - delete the edge `t → a\\u000Ab\\u0007` (its"),
        "{toml}"
    );
    assert!(
        toml.lines().all(|l| l.is_empty() || l.starts_with('#')),
        "{toml}"
    );
}

/// The worked proposals can be drafted: the Photon index moves to
/// S3, and a managed database replaces CloudNativePG.
#[test]
fn the_worked_proposals_apply() {
    let model = tomoda();
    let photon_to_s3 = Draft {
        edits: vec![
            Edit::RemoveComponent("photon-index-bucket".into()),
            component(
                "photon-index-s3",
                "bucket",
                "prod",
                Some("ap-northeast-1"),
                &["public-cacheable-assets"],
            ),
            connect("photon", "photon-index-s3", EdgeKind::Startup, ""),
        ],
    };
    let managed_db = Draft {
        edits: vec![
            Edit::RemoveComponent("cnpg".into()),
            component(
                "cloud-sql",
                "workload",
                "prod",
                Some("asia-east1"),
                &["holds-state"],
            ),
            connect("tomoda-api-prod", "cloud-sql", EdgeKind::Request, ""),
        ],
    };
    for draft in [photon_to_s3, managed_db] {
        let new = draft
            .apply(&model)
            .unwrap_or_else(|e| panic!("{e}\n{draft:?}"));
        let changes = diff::changes(&model, &new);
        assert!(
            changes.added.len() >= 2 && !changes.removed.is_empty(),
            "{changes:?}"
        );
    }
}

/// A component whose id or name hides another's is refused by the
/// model's one rule (`names::clashes`), in the edit's words; the model
/// file with the same component is refused by the loader, by that rule.
#[test]
fn a_name_that_hides_another_is_refused_by_the_models_rule() {
    let named = |id: &str, name: &str| {
        Edit::AddComponent(NewComponent {
            id: id.into(),
            name: name.into(),
            kind: "bucket".into(),
            env: "prod".into(),
            region: None,
            answers: vec!["public-cacheable-assets".into()],
            note: String::new(),
        })
    };
    let cases = [
        (
            named("x", "Bitnami REDIS"),
            Some("edit 1: `Bitnami REDIS` is taken: `redis` already answers to it"),
        ),
        (
            named("x", "redis"),
            Some("edit 1: `redis` is taken: `redis` already answers to it"),
        ),
        (
            named("aws", ""),
            Some("edit 1: `aws` is taken: `aws` already answers to it"),
        ),
        (
            named("x", "GCP"),
            Some("edit 1: `GCP` is taken: `gcp` already answers to it"),
        ),
        (
            named("gcp-down", ""),
            Some("edit 1: `gcp-down` is taken: `gcp-down` already answers to it"),
        ),
        (named("x", "Status bucket"), None),
    ];
    let model = tomoda();
    for (edit, expected) in cases {
        let draft = Draft { edits: vec![edit] };
        let applied = draft.apply(&model).map_err(|e| e.to_string());
        let text = [TOMODA_MODEL, "\n", &draft.to_toml(&model)].concat();
        let codes: Vec<&str> = load_str("tomoda+draft.toml", &text)
            .diagnostics
            .iter()
            .map(|d| d.code)
            .collect();
        match expected {
            Some(message) => {
                let error = applied.expect_err(message);
                assert!(error.starts_with(message), "{error}");
                assert!(codes.contains(&"ambiguous-name"), "{message}: {codes:?}");
            }
            None => {
                assert!(applied.is_ok(), "{applied:?}");
                assert!(!codes.contains(&"ambiguous-name"), "{codes:?}");
            }
        }
    }
}
