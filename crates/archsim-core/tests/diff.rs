//! The semantic diff: hand-made model pairs, each change stated in the
//! model file's words, and what the engine says it does to the flows.

mod common;

use archsim_core::diff::{self, Changes, Finding, Impact};
use archsim_core::*;

/// A small model: a site behind a zone reading a database, a cache beside
/// it. Each test edits its text with [`edit`].
const MINI: &str = r#"
[model]
name = "Diff"
format = 1

[zone]
name = "example.com"
component = "zone"
facts = ["F01"]

[[fact]]
id = "F01"
says = "The zone resolves the hosts."

[[provider]]
id = "cloud"
name = "Cloud"
job = "Runs the site"
why = "It is the only provider"
facts = ["F01"]

[[region]]
id = "r1"
provider = "cloud"
name = "Region one"
facts = ["F01"]

[[region]]
id = "r2"
provider = "cloud"
name = "Region two"
facts = ["F01"]

[[component]]
id = "zone"
kind = "dns-zone"
env = "shared"
facts = ["F01"]

[[component]]
id = "site"
kind = "service"
provider = "cloud"
region = "r1"
env = "prod"
facts = ["F01"]

[[component]]
id = "db"
kind = "database"
provider = "cloud"
region = "r1"
env = "prod"
facts = ["F01"]

[[component]]
id = "cache"
kind = "cache"
provider = "cloud"
region = "r1"
env = "prod"
assumption = "A cache beside the database."

[[edge]]
from = "site"
to = "db"
kind = "request"
facts = ["F01"]

[[edge]]
from = "site"
to = "cache"
kind = "cached"
facts = ["F01"]

[[writer]]
id = "hand"
name = "By hand"
source = "dns/zone.txt"
owns = ["*.example.com"]
adds = "By hand."
serves = "Every host"
facts = ["F01"]

[[record]]
host = "www.example.com"
type = "A"
target = "site"
writer = "hand"
env = "prod"
facts = ["F01"]

[[scenario]]
id = "r1-down"
name = "Region r1 is down"
fail = ["region:r1"]
teaches = "Everything in r1 stops."
facts = ["F01"]
"#;

/// `source` with `old` replaced by `new`; `old` must occur exactly once.
fn edit(source: &str, old: &str, new: &str) -> String {
    assert_eq!(source.matches(old).count(), 1, "`{old}` occurs once");
    source.replacen(old, new, 1)
}

/// Load a model, failing loudly with its diagnostics.
fn load(source: &str) -> Engine {
    Engine::from_str("diff.toml", source).unwrap_or_else(|d| panic!("the model loads: {d:#?}"))
}

/// Changes as lines: `+ table id`, `- table id`, `~ table id: f, g`.
fn lines(changes: &Changes) -> Vec<String> {
    let added = changes
        .added
        .iter()
        .map(|c| format!("+ {} {}", c.table.as_str(), c.id));
    let removed = changes
        .removed
        .iter()
        .map(|c| format!("- {} {}", c.table.as_str(), c.id));
    let changed = changes
        .changed
        .iter()
        .map(|c| format!("~ {} {}: {}", c.table.as_str(), c.id, c.fields.join(", ")));
    added.chain(removed).chain(changed).collect()
}

/// Flow changes as lines: `flow @failure: before -> after because a, b`.
fn flow_lines(impact: &Impact) -> Vec<String> {
    let word = |s: Option<State>| s.map_or("none", State::as_str);
    impact
        .flows
        .iter()
        .map(|f| {
            let at = match &f.scenario {
                Some(s) => format!("scenario {s}"),
                None if f.failed.is_empty() => "baseline".to_string(),
                None => f.failed.join("+"),
            };
            format!(
                "{} @{at}: {} -> {} because {}",
                f.flow,
                word(f.before),
                word(f.after),
                f.because.join(", ")
            )
        })
        .collect()
}

#[test]
fn identical_models_differ_in_nothing() {
    for (name, source) in [("mini", MINI), ("tomoda", TOMODA_MODEL)] {
        let (old, new) = (load(source), load(source));
        assert!(
            !old.model().components.is_empty() && !old.model().scenarios.is_empty(),
            "{name}: the premise: components and scenarios to compare"
        );
        assert_eq!(
            lines(&diff::changes(old.model(), new.model())),
            Vec::<String>::new(),
            "{name}"
        );
        let impact = diff::impact(&old, &new);
        assert!(impact.is_empty(), "{name}: {impact:#?}");
        assert!(
            !diff::assumptions::of(old.model()).is_empty(),
            "{name}: the premise: assumptions"
        );
        assert_eq!(
            diff::assumptions(old.model(), new.model()),
            Default::default(),
            "{name}"
        );
    }
}

/// Each edit of MINI, and the changes it makes, in `lines` form.
/// Text replacements, each `(old, new)`, applied in order.
type Edits = &'static [(&'static str, &'static str)];

/// An edit that moves the cache's entry from after the site's to before
/// it, changing nothing else.
const MOVE_CACHE: &[(&str, &str)] = &[
    (
        "[[component]]\nid = \"cache\"\nkind = \"cache\"\nprovider = \"cloud\"\nregion = \"r1\"\nenv = \"prod\"\nassumption = \"A cache beside the database.\"\n",
        "",
    ),
    (
        "[[component]]\nid = \"site\"",
        "[[component]]\nid = \"cache\"\nkind = \"cache\"\nprovider = \"cloud\"\nregion = \"r1\"\nenv = \"prod\"\nassumption = \"A cache beside the database.\"\n\n[[component]]\nid = \"site\"",
    ),
];

const CHANGES: &[(&str, Edits, &[&str])] = &[
    (
        "a removed component (and its edge)",
        &[
            (
                "[[component]]\nid = \"cache\"\nkind = \"cache\"\nprovider = \"cloud\"\nregion = \"r1\"\nenv = \"prod\"\nassumption = \"A cache beside the database.\"\n",
                "",
            ),
            (
                "[[edge]]\nfrom = \"site\"\nto = \"cache\"\nkind = \"cached\"\nfacts = [\"F01\"]\n",
                "",
            ),
        ],
        &["- component cache", "- edge site → cache"],
    ),
    (
        "an added record (and the host's generated flow is the record's)",
        &[(
            "[[scenario]]",
            "[[record]]\nhost = \"api.example.com\"\ntype = \"A\"\ntarget = \"db\"\nwriter = \"hand\"\nenv = \"prod\"\nfacts = [\"F01\"]\n\n[[scenario]]",
        )],
        &["+ record api.example.com"],
    ),
    (
        "a changed region",
        &[(
            "id = \"db\"\nkind = \"database\"\nprovider = \"cloud\"\nregion = \"r1\"",
            "id = \"db\"\nkind = \"database\"\nprovider = \"cloud\"\nregion = \"r2\"",
        )],
        &["~ component db: region"],
    ),
    (
        "an edge's kind",
        &[(
            "to = \"cache\"\nkind = \"cached\"",
            "to = \"cache\"\nkind = \"request\"",
        )],
        &["~ edge site → cache: kind"],
    ),
    (
        "an edge written as `needs` is the same edge",
        &[
            (
                "[[edge]]\nfrom = \"site\"\nto = \"db\"\nkind = \"request\"\nfacts = [\"F01\"]\n",
                "",
            ),
            ("id = \"site\"\n", "id = \"site\"\nneeds = [\"db\"]\n"),
        ],
        &[],
    ),
    (
        "provenance fields by their keys",
        &[(
            "assumption = \"A cache beside the database.\"",
            "assumption = \"A cache in front of the database.\"\nsettle = \"infra/cache.tf\"\nfacts = [\"F01\"]",
        )],
        &["~ component cache: facts, assumption, settle"],
    ),
    (
        "an entry inserted before the others shifts no index: only it is added",
        &[(
            "[[component]]\nid = \"site\"",
            "[[component]]\nid = \"moved\"\nkind = \"x\"\nenv = \"prod\"\nfacts = [\"F01\"]\n\n[[component]]\nid = \"site\"",
        )],
        &["+ component moved"],
    ),
    (
        "the zone, by its name",
        &[(
            "name = \"example.com\"\ncomponent = \"zone\"\nfacts = [\"F01\"]",
            "name = \"example.com\"\ncomponent = \"zone\"\nassumption = \"Complete.\"",
        )],
        &["~ zone example.com: facts, assumption"],
    ),
    (
        "an entry moved in the file is the same entry",
        MOVE_CACHE,
        &[],
    ),
];

#[test]
fn changes_are_listed_by_table_id_and_field() {
    assert!(!CHANGES.is_empty());
    for &(name, edits, expected) in CHANGES {
        let edited = edits
            .iter()
            .fold(MINI.to_string(), |text, (old, new)| edit(&text, old, new));
        assert_ne!(edited, MINI, "{name}: the premise: an edit");
        let (before, after) = (load(MINI), load(&edited));
        assert_eq!(
            lines(&diff::changes(before.model(), after.model())),
            expected.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
            "{name}"
        );
        // And the reverse change is its mirror: added and removed swap.
        let back = diff::changes(after.model(), before.model());
        assert_eq!(
            back.added.len(),
            expected.iter().filter(|l| l.starts_with('-')).count(),
            "{name}: reversed"
        );
        assert_eq!(
            back.removed.len(),
            expected.iter().filter(|l| l.starts_with('+')).count(),
            "{name}: reversed"
        );
    }
}

#[test]
fn impact_lists_flows_whose_state_changes() {
    // The site's cache becomes a request-time dependency: with the cache
    // down, www goes from degraded to down; and the cache is a new single
    // point of failure.
    let old = load(MINI);
    let new = load(&edit(
        MINI,
        "to = \"cache\"\nkind = \"cached\"",
        "to = \"cache\"\nkind = \"request\"",
    ));
    let impact = diff::impact(&old, &new);
    assert_eq!(
        flow_lines(&impact),
        ["www.example.com @cache: degraded -> down because site, cache"]
    );
    assert_eq!(impact.flows[0].entry.as_deref(), Some("www.example.com"));
    assert_eq!(impact.spof.len(), 1, "{:#?}", impact.spof);
    assert_eq!(impact.spof[0].flow, "www.example.com");
    assert_eq!(impact.spof[0].added, ["cache"]);
    assert!(impact.spof[0].removed.is_empty());
}

#[test]
fn flows_on_one_side_only_are_listed_once() {
    let old = load(MINI);
    let new = load(&edit(
        MINI,
        "[[scenario]]",
        "[[record]]\nhost = \"api.example.com\"\ntype = \"A\"\ntarget = \"db\"\nwriter = \"hand\"\nenv = \"prod\"\nfacts = [\"F01\"]\n\n[[scenario]]",
    ));
    assert_eq!(
        flow_lines(&diff::impact(&old, &new)),
        ["api.example.com @baseline: none -> ok because "]
    );
    assert_eq!(
        flow_lines(&diff::impact(&new, &old)),
        ["api.example.com @baseline: ok -> none because "]
    );
}

/// A proposal for Tomoda, appended to the shipped model: a search index
/// the prod API reads on every request, placed as the API itself is.
const SEARCH: &str = include_str!("models/search-proposal.toml");

#[test]
fn a_request_time_dependency_of_the_api_is_a_new_single_point_of_failure() {
    let old = common::engine();
    let new = load(&[TOMODA_MODEL, SEARCH].concat());
    let changes = lines(&diff::changes(old.model(), new.model()));
    assert_eq!(
        changes,
        [
            "+ component search-index-prod",
            "+ edge tomoda-api-prod → search-index-prod"
        ]
    );
    let impact = diff::impact(&old, &new);
    let api = impact
        .spof
        .iter()
        .find(|s| s.flow == "api.tomoda.life")
        .unwrap_or_else(|| panic!("the API's flow gains a single point of failure: {impact:#?}"));
    assert_eq!(api.entry.as_deref(), Some("api.tomoda.life"));
    assert_eq!(api.added, ["search-index-prod"]);
    assert!(api.removed.is_empty());
    // The new component is new: no failure of it is compared, and nothing
    // else changes state.
    assert_eq!(flow_lines(&impact), Vec::<String>::new());
    // What a review gate finds: a new single point of failure and a new
    // assumption (the proposal's), no flow down, no placement conflict.
    let assumptions = diff::assumptions(old.model(), new.model());
    let found: Vec<&str> = Finding::ALL
        .into_iter()
        .filter(|f| f.occurs(&impact, &assumptions))
        .map(Finding::as_str)
        .collect();
    assert_eq!(found, ["new-spof", "unsourced"]);
}

#[test]
fn cloudfront_reading_its_bucket_on_every_request_takes_assets_down_with_it() {
    let source = TOMODA_MODEL;
    let old = common::engine();
    let new = load(&edit(
        source,
        "from = \"cloudfront-prod\"\nto = \"s3-assets-prod\"\nkind = \"cached\"",
        "from = \"cloudfront-prod\"\nto = \"s3-assets-prod\"\nkind = \"request\"",
    ));
    assert_eq!(
        lines(&diff::changes(old.model(), new.model())),
        ["~ edge cloudfront-prod → s3-assets-prod: kind"]
    );
    let impact = diff::impact(&old, &new);
    let assets: Vec<_> = impact
        .flows
        .iter()
        .filter(|f| f.flow == "assets.tomoda.life" && f.failed == ["s3-assets-prod"])
        .collect();
    assert_eq!(assets.len(), 1, "{impact:#?}");
    let change = assets[0];
    assert_eq!(change.scenario, None);
    assert_eq!(change.entry.as_deref(), Some("assets.tomoda.life"));
    assert_eq!(
        (change.before, change.after),
        (Some(State::Degraded), Some(State::Down))
    );
    assert_eq!(
        change.because.last().map(String::as_str),
        Some("s3-assets-prod")
    );
    // And the bucket is now one of the assets host's single points of failure.
    let spof = impact
        .spof
        .iter()
        .find(|s| s.flow == "assets.tomoda.life")
        .unwrap_or_else(|| panic!("{impact:#?}"));
    assert_eq!(spof.added, ["s3-assets-prod"]);
    let assumptions = diff::assumptions(old.model(), new.model());
    let found: Vec<&str> = Finding::ALL
        .into_iter()
        .filter(|f| f.occurs(&impact, &assumptions))
        .map(Finding::as_str)
        .collect();
    assert_eq!(found, ["new-spof", "flow-down"]);
    assert_eq!(impact.flows_changing(), 1);
}

/// Assumptions as lines: `+ about: says`, `- about: says`.
fn assumption_lines(old: &Engine, new: &Engine) -> Vec<String> {
    let diff = diff::assumptions(old.model(), new.model());
    let added = diff
        .added
        .iter()
        .map(|a| format!("+ {}: {}", a.about, a.says));
    let removed = diff
        .removed
        .iter()
        .map(|a| format!("- {}: {}", a.about, a.says));
    added.chain(removed).collect()
}

/// Each edit of MINI, and the assumptions it adds and removes.
const ASSUMPTIONS: &[(&str, Edits, &[&str])] = &[
    (
        "a reworded assumption is one removed and one added",
        &[(
            "A cache beside the database.",
            "A cache in front of the database.",
        )],
        &[
            "+ cache: A cache in front of the database.",
            "- cache: A cache beside the database.",
        ],
    ),
    (
        "an assumed field, named as the basis names it",
        &[(
            "id = \"db\"\n",
            "id = \"db\"\nassumed = { region = \"r1 is a guess.\" }\n",
        )],
        &["+ db (region): r1 is a guess."],
    ),
    (
        "a removed component takes its assumption along",
        &[
            (
                "[[component]]\nid = \"cache\"\nkind = \"cache\"\nprovider = \"cloud\"\nregion = \"r1\"\nenv = \"prod\"\nassumption = \"A cache beside the database.\"\n",
                "",
            ),
            (
                "[[edge]]\nfrom = \"site\"\nto = \"cache\"\nkind = \"cached\"\nfacts = [\"F01\"]\n",
                "",
            ),
        ],
        &["- cache: A cache beside the database."],
    ),
    (
        "an edge's assumption, about FROM → TO",
        &[(
            "to = \"cache\"\nkind = \"cached\"\nfacts = [\"F01\"]",
            "to = \"cache\"\nkind = \"cached\"\nassumption = \"The site reads the cache.\"",
        )],
        &["+ site → cache: The site reads the cache."],
    ),
    (
        "an entry moved in the file keeps its assumption",
        MOVE_CACHE,
        &[],
    ),
];

#[test]
fn assumptions_added_and_removed_are_matched_by_entry_and_words() {
    assert!(!ASSUMPTIONS.is_empty());
    for &(name, edits, expected) in ASSUMPTIONS {
        let edited = edits
            .iter()
            .fold(MINI.to_string(), |text, (old, new)| edit(&text, old, new));
        assert_ne!(edited, MINI, "{name}: the premise: an edit");
        let (old, new) = (load(MINI), load(&edited));
        assert_eq!(assumption_lines(&old, &new), expected, "{name}");
    }
    // The Tomoda proposal: the new component and its edge each assume.
    let (old, new) = (common::engine(), load(&[TOMODA_MODEL, SEARCH].concat()));
    assert_eq!(
        assumption_lines(&old, &new),
        [
            "+ search-index-prod: A proposal under review.",
            "+ tomoda-api-prod → search-index-prod: A proposal under review."
        ]
    );
}

#[test]
fn impact_matches_components_by_id_not_position() {
    // The cache moves before the site in the file: every index shifts,
    // no answer changes.
    let moved = edit(
        &edit(
            MINI,
            "[[component]]\nid = \"cache\"\nkind = \"cache\"\nprovider = \"cloud\"\nregion = \"r1\"\nenv = \"prod\"\nassumption = \"A cache beside the database.\"\n",
            "",
        ),
        "[[component]]\nid = \"zone\"",
        "[[component]]\nid = \"cache\"\nkind = \"cache\"\nprovider = \"cloud\"\nregion = \"r1\"\nenv = \"prod\"\nassumption = \"A cache beside the database.\"\n\n[[component]]\nid = \"zone\"",
    );
    let (old, new) = (load(MINI), load(&moved));
    assert_ne!(
        old.model().component_by_id("cache"),
        new.model().component_by_id("cache"),
        "the premise: the cache's index moved"
    );
    let impact = diff::impact(&old, &new);
    assert!(impact.is_empty(), "{impact:#?}");
}

#[test]
fn an_invariant_names_the_selector_that_changed() {
    let old = common::engine();
    let new = load(&edit(
        TOMODA_MODEL,
        "target = \"product:s3\"\nfrom = \"product:cloudfront\"",
        "target = \"product:s3\"\nfrom = \"provider:aws\"",
    ));
    assert_eq!(
        lines(&diff::changes(old.model(), new.model())),
        ["~ invariant assets-buckets-private: from"]
    );
}

#[test]
fn every_table_is_named_as_the_model_file_names_it() {
    assert!(!diff::Table::ALL.is_empty());
    for table in diff::Table::ALL {
        let name = table.as_str();
        let header = if table == diff::Table::Zone {
            format!("\n[{name}]\n")
        } else {
            format!("\n[[{name}]]\n")
        };
        assert!(
            TOMODA_MODEL.contains(&header),
            "{header:?} heads a table of the model file"
        );
    }
}

/// Placement changes as lines: `id: before -> after`, `none` for a side
/// that does not audit the component.
fn placement_lines(impact: &Impact) -> Vec<String> {
    let word = |s: &Option<place::AuditStatus>| s.as_ref().map_or("none", |s| s.as_str());
    impact
        .placement
        .iter()
        .map(|p| format!("{}: {} -> {}", p.id, word(&p.before), word(&p.after)))
        .collect()
}

/// A new bucket on AWS that keeps data (an exception: Tomoda's
/// `placement-audit` invariant refuses one that gives no reason), and one
/// on Google Cloud, where the rule puts it.
const STRAY: &str = r#"
[[component]]
id = "stray-bucket"
name = "Stray bucket"
kind = "bucket"
provider = "aws"
region = "ap-northeast-1"
env = "shared"
terraform = false
traits = ["holds-state"]
placement = "A proposal: kept beside the assets."
assumption = "A proposal under review."

[[component]]
id = "fitting-bucket"
name = "Fitting bucket"
kind = "bucket"
provider = "gcp"
region = "asia-east1"
env = "shared"
terraform = false
traits = ["holds-state"]
assumption = "A proposal under review."
"#;

#[test]
fn placement_changes_are_components_whose_audit_status_changes() {
    let tomoda = common::engine();
    let audited = place::audit(tomoda.model());
    assert!(
        audited.iter().any(|e| e.status != place::AuditStatus::Fits),
        "the premise: Tomoda's audit has components that do not simply fit"
    );
    let moved = common::tomoda_with(
        "kind = \"bucket\"\nprovider = \"gcp\"\nregion = \"asia-east1\"\nenv = \"shared\"\nsource = \"infrastructure/gcp/backup.tf\"",
        "kind = \"bucket\"\nprovider = \"aws\"\nregion = \"ap-northeast-1\"\nenv = \"shared\"\nplacement = \"A proposal: backups kept away from the cluster's provider.\"\nsource = \"infrastructure/gcp/backup.tf\"",
    );
    let cases: [(&str, String, &[&str]); 4] = [
        ("identical", TOMODA_MODEL.to_string(), &[]),
        (
            "a reason reworded: still a resolved conflict",
            common::tomoda_with(
                "placement = \"Caught between the rules:",
                "placement = \"Reworded:",
            ),
            &[],
        ),
        (
            "the backup bucket moves to AWS",
            moved.clone(),
            &["backup-bucket: fits -> exception"],
        ),
        (
            "a new bucket on AWS; one where the rule puts it",
            [TOMODA_MODEL, STRAY].concat(),
            &["stray-bucket: none -> exception"],
        ),
    ];
    for (name, source, expected) in cases {
        let new = load(&source);
        let impact = diff::impact(&tomoda, &new);
        assert_eq!(placement_lines(&impact), expected, "{name}");
        assert_eq!(
            diff::placement(tomoda.model(), new.model()),
            impact.placement,
            "{name}"
        );
    }
    // The other way round: a component OLD has and NEW has not is listed
    // with `after` none, unless it fitted; the reason is kept for the text.
    let back = diff::placement(
        load(&[TOMODA_MODEL, STRAY].concat()).model(),
        tomoda.model(),
    );
    assert_eq!(back.len(), 1, "{back:#?}");
    assert_eq!(back[0].id, "stray-bucket");
    assert_eq!(back[0].after, None);
    assert_eq!(
        back[0].before.as_ref().and_then(|s| s.reason()),
        Some("A proposal: kept beside the assets.")
    );
    let moved = diff::impact(&tomoda, &load(&moved));
    assert!(!moved.is_empty(), "a placement change alone is an impact");
}

/// DNS changes as lines: `host kind: before -> after`, `none` for a side
/// without one, and the claiming writers of a `both-claim` in brackets.
fn dns_lines(impact: &Impact) -> Vec<String> {
    let word = |s: &Option<String>| s.clone().unwrap_or_else(|| "none".into());
    impact
        .dns
        .iter()
        .map(|d| {
            let mut line = format!(
                "{} {}: {} -> {}",
                d.host,
                d.change.as_str(),
                word(&d.before),
                word(&d.after)
            );
            if !d.writers.is_empty() {
                line.push_str(&format!(" [{}]", d.writers.join(", ")));
            }
            line
        })
        .collect()
}

/// A second writer, `auto`, whose patterns are `{OWNS}`.
fn auto_writer(owns: &str) -> String {
    format!(
        "[[writer]]\nid = \"auto\"\nname = \"Automatic\"\nsource = \"dns/auto.yaml\"\nowns = [{owns}]\nadds = \"An annotation.\"\nserves = \"Some hosts\"\nfacts = [\"F01\"]\n\n[[record]]"
    )
}

/// The site and its edges removed (the record keeps pointing somewhere
/// only if an edit says where).
const NO_SITE: &[(&str, &str)] = &[
    (
        "[[component]]\nid = \"site\"\nkind = \"service\"\nprovider = \"cloud\"\nregion = \"r1\"\nenv = \"prod\"\nfacts = [\"F01\"]\n",
        "",
    ),
    (
        "[[edge]]\nfrom = \"site\"\nto = \"db\"\nkind = \"request\"\nfacts = [\"F01\"]\n",
        "",
    ),
    (
        "[[edge]]\nfrom = \"site\"\nto = \"cache\"\nkind = \"cached\"\nfacts = [\"F01\"]\n",
        "",
    ),
];

#[test]
fn dns_changes_are_writers_claims_and_lost_targets() {
    let api = "[[record]]\nhost = \"api.example.com\"\ntype = \"A\"\ntarget = \"db\"\nwriter = \"WRITER\"\nenv = \"prod\"\nfacts = [\"F01\"]\n\n[[scenario]]";
    let cases: Vec<(&str, String, &[&str])> = vec![
        ("identical", MINI.to_string(), &[]),
        ("an entry moved in the file", apply(MINI, MOVE_CACHE), &[]),
        (
            "the record's writer changes",
            edit(
                &edit(MINI, "[[record]]", &auto_writer("\"*.other.example.com\"")),
                "writer = \"hand\"",
                "writer = \"auto\"",
            ),
            &["www.example.com writer: hand -> auto"],
        ),
        (
            "a second writer claims the host: both claim it, its writer stays",
            edit(MINI, "[[record]]", &auto_writer("\"www.example.com\"")),
            &["www.example.com both-claim: hand -> hand [hand, auto]"],
        ),
        (
            "a host the pattern already gave its writer: no change",
            edit(MINI, "[[scenario]]", &api.replace("WRITER", "hand")),
            &[],
        ),
        (
            "a new host written by another writer, which claims it beside the first",
            edit(
                &edit(MINI, "[[record]]", &auto_writer("\"api.example.com\"")),
                "[[scenario]]",
                &api.replace("WRITER", "auto"),
            ),
            &[
                "api.example.com writer: hand -> auto",
                "api.example.com both-claim: hand -> auto [hand, auto]",
            ],
        ),
        (
            "the record's target removed, the record pointed elsewhere",
            edit(
                &apply(MINI, NO_SITE),
                "target = \"site\"",
                "target = \"db\"",
            ),
            &["www.example.com lost-target: site -> db"],
        ),
        (
            "the record removed with its target",
            edit(
                &apply(MINI, NO_SITE),
                "[[record]]\nhost = \"www.example.com\"\ntype = \"A\"\ntarget = \"site\"\nwriter = \"hand\"\nenv = \"prod\"\nfacts = [\"F01\"]\n",
                "",
            ),
            &["www.example.com lost-target: site -> none"],
        ),
    ];
    for (name, source, expected) in cases {
        let (old, new) = (load(MINI), load(&source));
        let impact = diff::impact(&old, &new);
        assert_eq!(dns_lines(&impact), expected, "{name}");
        assert_eq!(diff::dns(&old, &new), impact.dns, "{name}");
        assert_eq!(
            impact.is_empty(),
            impact.flows.is_empty()
                && expected.is_empty()
                && impact.spof.is_empty()
                && impact.placement.is_empty(),
            "{name}: a DNS change alone is an impact"
        );
    }
}

/// `source` with each of `edits` applied, in order.
fn apply(source: &str, edits: Edits) -> String {
    edits
        .iter()
        .fold(source.to_string(), |text, (old, new)| edit(&text, old, new))
}

/// What a load keeping broken invariants found, as lines:
/// `invariant (facts): message`.
fn broken_lines(loaded: &Loaded) -> Vec<String> {
    loaded
        .broken
        .iter()
        .map(|b| format!("{} ({}): {}", b.invariant, b.facts.join(", "), b.message))
        .collect()
}

#[test]
fn a_model_that_breaks_an_invariant_is_kept_for_a_review_with_what_it_breaks() {
    let keep = load::Options {
        keep_broken_invariants: true,
    };
    let proxied = common::tomoda_with(
        "host = \"www.tomoda.life\"\ntype = \"A\"\ntarget = \"gcp-lb\"\nwriter = \"external-dns\"\nenv = \"prod\"\nproxied = false",
        "host = \"www.tomoda.life\"\ntype = \"A\"\ntarget = \"gcp-lb\"\nwriter = \"external-dns\"\nenv = \"prod\"\nproxied = true",
    );
    let both = common::tomoda_with(
        "owns = [\"assets.tomoda.life\", ",
        "owns = [\"www.tomoda.life\", \"assets.tomoda.life\", ",
    );
    let cases: [(&str, &str, &[&str]); 3] = [
        ("the shipped model", TOMODA_MODEL, &[]),
        (
            "a proxied record",
            &proxied,
            &["dns-only (F04, F21): record `www.tomoda.life` is proxied"],
        ),
        (
            "a host two writers claim",
            &both,
            &[
                "writers-disjoint (F22): writers `terraform` and `external-dns` both claim `www.tomoda.life`",
                "writers-disjoint (F22): host `www.tomoda.life` is claimed by terraform and external-dns",
            ],
        ),
    ];
    for (name, source, expected) in cases {
        let loaded = load::load_str_with("new.toml", source, keep);
        assert!(
            loaded.model.is_some(),
            "{name}: kept: {:#?}",
            loaded.diagnostics
        );
        assert!(
            loaded.diagnostics.iter().all(|d| !d.is_error()),
            "{name}: {:#?}",
            loaded.diagnostics
        );
        assert_eq!(broken_lines(&loaded), expected, "{name}");
        // Each where the loader would have pointed: the strict load's
        // errors are the same violations, at the same lines.
        let strict = load::load_str("new.toml", source);
        let errors: Vec<usize> = strict
            .diagnostics
            .iter()
            .filter(|d| d.code == "invariant")
            .map(|d| d.line)
            .collect();
        let lines: Vec<usize> = loaded.broken.iter().map(|b| b.line).collect();
        assert_eq!(lines, errors, "{name}");
        assert_eq!(strict.model.is_some(), expected.is_empty(), "{name}");
        assert!(strict.broken.is_empty(), "{name}: a strict load keeps none");
    }
    // Any other error still refuses the model.
    let unknown = common::tomoda_with(
        "host = \"www.tomoda.life\"\ntype = \"A\"\ntarget = \"gcp-lb\"",
        "host = \"www.tomoda.life\"\ntype = \"A\"\ntarget = \"gcp-lbb\"",
    );
    let loaded = load::load_str_with("new.toml", &unknown, keep);
    assert!(loaded.model.is_none());
    assert!(loaded.diagnostics.iter().any(|d| d.is_error()));
    // And the change that breaks one is a finding of the diff, with its
    // DNS impact: the host both writers now claim.
    let old = common::engine();
    // The diff finds them on the model itself, without the loader: the
    // same breaches, located in NEW's file, are the load's.
    let loaded = load::load_str_with("new.toml", &both, keep);
    let broken = loaded.broken.clone();
    let new = Engine::from_loaded(loaded).expect("kept");
    let mut impact = diff::impact(&old, &new);
    assert!(Finding::BrokenInvariant.occurs(&impact, &Default::default()));
    assert!(impact.invariants.iter().all(|b| b.line == 0), "not located");
    load::locate(&mut impact.invariants, &both);
    assert_eq!(impact.invariants, broken);
    assert_eq!(
        dns_lines(&impact),
        ["www.tomoda.life both-claim: external-dns -> external-dns [terraform, external-dns]"]
    );
}

/// A random edit of a model, for the property below (indices are taken
/// modulo what the model has).
#[derive(Clone, Debug)]
enum Random {
    /// An edge's kind (a hop keeps a kind a hop may have).
    Kind(usize, usize),
    /// An edge removed.
    Drop(usize),
    /// A dependency added, when it makes no cycle.
    Add(usize, usize, usize),
    /// A dependency limited to one flow.
    Limit(usize, usize),
    /// The edges in the opposite order (every tie-break turns).
    Reverse,
    /// A new component, needed by one that exists.
    Component(usize, usize),
}

fn random_edit() -> impl proptest::strategy::Strategy<Value = Random> {
    use proptest::prelude::*;
    prop_oneof![
        (any::<usize>(), 0..4usize).prop_map(|(e, k)| Random::Kind(e, k)),
        any::<usize>().prop_map(Random::Drop),
        (any::<usize>(), any::<usize>(), 0..4usize).prop_map(|(a, b, k)| Random::Add(a, b, k)),
        (any::<usize>(), any::<usize>()).prop_map(|(e, f)| Random::Limit(e, f)),
        Just(Random::Reverse),
        (any::<usize>(), 0..4usize).prop_map(|(a, k)| Random::Component(a, k)),
    ]
}

/// Whether `from` reaches `to` along dependencies (non-hop edges).
fn reaches(model: &Model, from: usize, to: usize) -> bool {
    let mut stack = vec![from];
    let mut seen = vec![false; model.components.len()];
    while let Some(c) = stack.pop() {
        if c == to {
            return true;
        }
        if std::mem::replace(&mut seen[c], true) {
            continue;
        }
        stack.extend(
            model
                .edges
                .iter()
                .filter(|e| !e.hop && e.from.index() == c)
                .map(|e| e.to.index()),
        );
    }
    false
}

/// `model` with `edits` applied, each keeping both edge relations acyclic.
fn edited(model: &Model, edits: &[Random]) -> Model {
    let mut m = model.clone();
    for edit in edits {
        let (v, e) = (m.components.len(), m.edges.len());
        match *edit {
            Random::Kind(i, k) => {
                let edge = &mut m.edges[i % e];
                let kind = EdgeKind::ALL[k];
                if !edge.hop || kind.may_be_hop() {
                    edge.kind = kind;
                }
            }
            Random::Drop(i) => {
                m.edges.remove(i % e);
            }
            Random::Add(a, b, k) => {
                let (a, b) = (a % v, b % v);
                if a != b && !reaches(&m, b, a) {
                    let mut edge = m
                        .edges
                        .iter()
                        .find(|e| !e.hop)
                        .cloned()
                        .expect("a dependency");
                    (edge.from, edge.to, edge.kind) = (
                        CompId::from_index(a),
                        CompId::from_index(b),
                        EdgeKind::ALL[k],
                    );
                    edge.flows.clear();
                    m.edges.push(edge);
                }
            }
            Random::Limit(i, f) => {
                let flows = m.flows.len();
                let edge = &mut m.edges[i % e];
                if !edge.hop {
                    edge.flows = vec![FlowId::from_index(f % flows)];
                }
            }
            Random::Reverse => m.edges.reverse(),
            Random::Component(a, k) => {
                let mut c = m.components[a % v].clone();
                c.id = format!("proposed-{v}");
                c.name = format!("Proposed {v}");
                m.components.push(c);
                let mut edge = m
                    .edges
                    .iter()
                    .find(|e| !e.hop)
                    .cloned()
                    .expect("a dependency");
                (edge.from, edge.to, edge.kind) = (
                    CompId::from_index(a % v),
                    CompId::from_index(v),
                    EdgeKind::ALL[k],
                );
                edge.flows.clear();
                m.edges.push(edge);
            }
        }
    }
    m
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    /// The impact asks a single failure only of the flows whose reads a
    /// change touches; asking every failure of every flow gives the same
    /// answer, either way round. So does an impact whose old side keeps
    /// its answers between diffs (`Before`, as the propose widget's), asked
    /// first, after another diff, and again.
    #[test]
    fn asking_only_what_a_change_touches_is_asking_everything(
        components in proptest::prop_oneof![proptest::strategy::Just(0usize), 40usize..=120],
        seed: u64,
        edits in proptest::collection::vec(random_edit(), 1..5),
    ) {
        let old = if components == 0 {
            common::engine()
        } else {
            load(&synth::generate(&synth::SynthOptions { components, seed }))
        };
        let new = Engine::new(edited(old.model(), &edits), Vec::new());
        for (a, b) in [(&old, &new), (&new, &old)] {
            let fast = diff::impact(a, b);
            let every = diff::reference(a, b);
            proptest::prop_assert_eq!(&fast, &every);
            let before = diff::Before::new(a.clone());
            proptest::prop_assert_eq!(&diff::impact_from(&before, b), &every);
            proptest::prop_assert_eq!(diff::impact_from(&before, a), diff::impact(a, a));
            proptest::prop_assert_eq!(&diff::impact_from(&before, b), &every);
            proptest::prop_assert_eq!(
                before.assumptions(b.model()),
                diff::assumptions(a.model(), b.model())
            );
        }
    }
}

#[test]
fn a_few_services_changed_in_a_generated_model_are_answered_as_asking_everything() {
    // 600 components, 30 services changed: the reference asks every
    // failure (quadratic, a few seconds in a debug build); the impact
    // must say the same, and something must change.
    let source = synth::generate(&synth::SynthOptions {
        components: 600,
        seed: 7,
    });
    let (old, new) = (load(&source), load(&synth::change_services(&source, 30, 0)));
    let fast = diff::impact(&old, &new);
    assert!(!fast.flows.is_empty(), "the premise: flows change");
    assert_eq!(fast, diff::reference(&old, &new));
}
