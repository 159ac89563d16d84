//! The impact of a drafted change as HTML: snapshots on Tomoda, escaping,
//! and the row cap. Snapshots are under `tests/snapshots/impact/`
//! (`UPDATE_SNAPSHOTS=1 cargo test -p archsim-view --test impact`).

mod common;

use archsim_core::diag::{About, Span};
use archsim_core::diff::{
    self, Assumptions, BrokenInvariant, Changes, DnsChange, DnsChangeKind, FlowChange, Impact,
};
use archsim_core::draft::{Draft, Edit, NewEdge};
use archsim_core::{EdgeKind, Engine, State};
use archsim_view::contract::Heading;
use archsim_view::html::{ImpactParts, MAX_FLOW_ROWS, NO_CHANGE, impact_html, verdict};

/// The impact of `draft` on Tomoda, as HTML.
fn impact_of(draft: &Draft) -> String {
    let old = common::tomoda();
    let new = Engine::new(draft.apply(old.model()).expect("applies"), Vec::new());
    let changes = diff::changes(old.model(), new.model());
    let impact = diff::impact(&old, &new);
    let assumptions = diff::assumptions(old.model(), new.model());
    impact_html(
        ImpactParts {
            changes: &changes,
            impact: &impact,
            assumptions: &assumptions,
        },
        UNDER_H3,
    )
}

/// The level of the sections' headings in these tests: a widget under an
/// `<h3>` writes `<h4>`.
const UNDER_H3: Heading = Heading::under(3);

/// The API stops needing Redis and comes to need the backup bucket on
/// every request, with a note that is markup.
fn api_reads_backups() -> Draft {
    Draft {
        edits: vec![
            Edit::RemoveEdge {
                from: "tomoda-api-prod".into(),
                to: "redis".into(),
            },
            Edit::Connect(NewEdge {
                from: "tomoda-api-prod".into(),
                to: "backup-bucket".into(),
                kind: EdgeKind::Request,
                note: "<b>restores</b> on request & \"fast\"".into(),
            }),
        ],
    }
}

#[test]
fn the_impact_matches_its_snapshots() {
    let cases = vec![
        ("api-reads-backups.html", impact_of(&api_reads_backups())),
        ("nothing.html", impact_of(&Draft::default())),
    ];
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/impact");
    archsim_snapshots::check_all(&dir, cases);
}

#[test]
fn the_impact_says_what_the_change_introduces_in_plain_text() {
    let html = impact_of(&api_reads_backups());
    for want in [
        "Introduces: <code>new-spof</code>, <code>flow-down</code>, <code>unsourced</code>",
        "<code>backup-bucket</code>",
        "&lt;b&gt;restores&lt;/b&gt; on request &amp; &quot;fast&quot;",
        "Flows that change state",
        "Single points of failure",
    ] {
        assert!(html.contains(want), "{want}\n{html}");
    }
    assert!(!html.contains("<b>"), "model text stays text");
    assert!(
        !html.contains("\n\n"),
        "no blank line: the book embeds it in Markdown"
    );
    let nothing = impact_of(&Draft::default());
    assert!(
        nothing.contains(NO_CHANGE) && !nothing.contains("<h4>"),
        "{nothing}"
    );
}

#[test]
fn the_verdict_counts_as_the_cli_does() {
    let flow = |flow: &str, failed: &str| FlowChange {
        flow: flow.into(),
        entry: None,
        scenario: None,
        failed: vec![failed.into()],
        before: Some(State::Ok),
        after: Some(State::Down),
        because: vec![failed.into()],
    };
    let changes = Changes::default();
    let assumptions = Assumptions::default();
    let cases: Vec<(Impact, &str)> = vec![
        (Impact::default(), NO_CHANGE),
        (
            Impact {
                flows: vec![flow("a", "x")],
                ..Impact::default()
            },
            "0 changes, 1 flow changes state, 0 new single points of failure",
        ),
        (
            Impact {
                flows: vec![flow("a", "x"), flow("a", "y"), flow("b", "x")],
                ..Impact::default()
            },
            "0 changes, 2 flows change state, 0 new single points of failure",
        ),
        // DNS and broken invariants count too, as on the terminal.
        (
            Impact {
                dns: vec![DnsChange {
                    host: "h".into(),
                    change: DnsChangeKind::Writer,
                    before: None,
                    after: Some("w".into()),
                    writers: Vec::new(),
                }],
                invariants: vec![BrokenInvariant {
                    invariant: "i".into(),
                    facts: Vec::new(),
                    message: "m".into(),
                    about: About::Record(0),
                    span: Span::default(),
                    line: 1,
                }],
                ..Impact::default()
            },
            "0 changes, 0 flows change state, 0 new single points of failure, \
             1 DNS change, 1 broken invariant",
        ),
    ];
    for (impact, want) in cases {
        let parts = ImpactParts {
            changes: &changes,
            impact: &impact,
            assumptions: &assumptions,
        };
        assert_eq!(verdict(parts), want);
    }
}

#[test]
fn the_flow_table_is_capped() {
    let rows = MAX_FLOW_ROWS + 7;
    let impact = Impact {
        flows: (0..rows)
            .map(|i| FlowChange {
                flow: i.to_string(),
                entry: None,
                scenario: Some("s".into()),
                failed: Vec::new(),
                before: None,
                after: Some(State::Ok),
                because: Vec::new(),
            })
            .collect(),
        ..Impact::default()
    };
    let html = impact_html(
        ImpactParts {
            changes: &Changes::default(),
            impact: &impact,
            assumptions: &Assumptions::default(),
        },
        UNDER_H3,
    );
    assert_eq!(
        html.matches("<tr>").count(),
        MAX_FLOW_ROWS + 1,
        "header and capped rows"
    );
    assert!(html.contains("… and 7 more"), "{html}");
}

#[test]
fn dns_and_broken_invariants_have_their_sections() {
    let impact = Impact {
        dns: vec![DnsChange {
            host: "<i>h</i>".into(),
            change: DnsChangeKind::BothClaim,
            before: Some("a".into()),
            after: None,
            writers: vec!["a".into(), "b".into()],
        }],
        invariants: vec![BrokenInvariant {
            invariant: "cloudflare-proxied".into(),
            facts: vec!["F04".into()],
            message: "record `x` is <b>proxied</b>".into(),
            about: About::Record(0),
            span: Span::default(),
            line: 12,
        }],
        ..Impact::default()
    };
    // Under an `<h4>`, the sections are `<h5>`.
    let html = impact_html(
        ImpactParts {
            changes: &Changes::default(),
            impact: &impact,
            assumptions: &Assumptions::default(),
        },
        Heading::under(4),
    );
    for want in [
        "<h5>DNS</h5>",
        "<code>&lt;i&gt;h&lt;/i&gt;</code> claimed by a and b (was a)",
        "<h5>Invariants the change breaks</h5>",
        "<code>cloudflare-proxied</code> (F04): record `x` is &lt;b&gt;proxied&lt;/b&gt;, line 12",
    ] {
        assert!(html.contains(want), "{want}\n{html}");
    }
}
