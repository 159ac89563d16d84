//! The diff's words: what every shell of `archsim diff` says about a
//! change (the terminal, the pull-request comment and the propose
//! widget's HTML), decided once.
//!
//! The words are plain text: each shell escapes them as it writes (the
//! terminal shows hidden characters, Markdown escapes its specials, HTML
//! its references). States, audit statuses, tables and findings keep the
//! core's words (`State::word`, `AuditStatus::word`, `Table::as_str`,
//! `Finding::as_str`).

use archsim_core::AuditStatus;
use archsim_core::diff::{
    Assumptions, BrokenInvariant, Changes, DnsChange, DnsChangeKind, FlowChange, Impact,
};

/// The verdict when the models answer alike.
pub const NO_CHANGE: &str = "no change";

/// What a side without the flow, or without the component in its audit,
/// shows for its state or status.
pub const ABSENT: &str = "absent";

/// The diff's parts, as `archsim diff` computes them.
#[derive(Clone, Copy, Debug)]
pub struct ImpactParts<'a> {
    /// What the change adds, removes and changes.
    pub changes: &'a Changes,
    /// What it does to the flows, their single points of failure, the
    /// placement audit, DNS and the invariants.
    pub impact: &'a Impact,
    /// What it assumes beyond the document, and no longer assumes.
    pub assumptions: &'a Assumptions,
}

impl ImpactParts<'_> {
    /// Whether the models answer alike: no change, no impact, no
    /// assumption gained or lost.
    pub fn is_empty(self) -> bool {
        self.changes.is_empty()
            && self.impact.is_empty()
            && self.assumptions.added.is_empty()
            && self.assumptions.removed.is_empty()
    }
}

/// A part of the answer, in the order every shell shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    /// Components, edges, records, … added, removed or changed.
    Changes,
    /// Flows whose state differs under a scenario or a failure.
    Flows,
    /// Single points of failure gained and lost.
    Spof,
    /// Placement-audit statuses that change.
    Placement,
    /// Hosts whose writer, claimants or target change.
    Dns,
    /// Invariants the new model breaks.
    Invariants,
    /// Assumptions added and removed.
    Assumptions,
}

impl Section {
    /// Every section, in the order shown.
    pub const ALL: [Section; 7] = [
        Section::Changes,
        Section::Flows,
        Section::Spof,
        Section::Placement,
        Section::Dns,
        Section::Invariants,
        Section::Assumptions,
    ];

    /// Its heading.
    pub fn title(self) -> &'static str {
        match self {
            Section::Changes => "Changes",
            Section::Flows => "Flows that change state",
            Section::Spof => "Single points of failure",
            Section::Placement => "Placement audit",
            Section::Dns => "DNS",
            Section::Invariants => "Invariants the change breaks",
            Section::Assumptions => "Assumptions",
        }
    }
}

/// Append `N word` to `out`, with the word for one or for many.
pub fn count(out: &mut String, n: usize, one: &str, many: &str) {
    out.push_str(&n.to_string());
    out.push(' ');
    out.push_str(if n == 1 { one } else { many });
}

/// The verdict line: how many changes, how many flows change state, how
/// many single points of failure are new, then how many placement
/// statuses, DNS hosts and broken invariants change (each when any does);
/// [`NO_CHANGE`] when the models answer alike.
pub fn verdict(p: ImpactParts<'_>) -> String {
    if p.is_empty() {
        return NO_CHANGE.to_owned();
    }
    let impact = p.impact;
    let mut out = String::new();
    count(&mut out, p.changes.len(), "change", "changes");
    out.push_str(", ");
    count(
        &mut out,
        impact.flows_changing(),
        "flow changes state",
        "flows change state",
    );
    out.push_str(", ");
    count(
        &mut out,
        impact.spof_counts().0,
        "new single point of failure",
        "new single points of failure",
    );
    for (n, one, many) in [
        (
            impact.placement.len(),
            "placement change",
            "placement changes",
        ),
        (impact.dns.len(), "DNS change", "DNS changes"),
        (
            impact.invariants.len(),
            "broken invariant",
            "broken invariants",
        ),
    ] {
        if n > 0 {
            out.push_str(", ");
            count(&mut out, n, one, many);
        }
    }
    out
}

/// The words around the ids of [`when`]: before a scenario's id, when
/// nothing fails, and after the ids that fail.
pub const SCENARIO: &str = "scenario ";
/// See [`SCENARIO`].
pub const NOTHING_FAILS: &str = "nothing fails";
/// See [`SCENARIO`].
pub const FAILS: &str = " fails";

/// When a flow change happens, in words: `scenario aws-down`, `nothing
/// fails`, or `a, b fails`.
pub fn when(f: &FlowChange) -> String {
    match (&f.scenario, f.failed.as_slice()) {
        (Some(s), _) => [SCENARIO, s].concat(),
        (None, []) => NOTHING_FAILS.to_owned(),
        (None, failed) => [&failed.join(", "), FAILS].concat(),
    }
}

/// An audit status's word, or [`ABSENT`] on a side that does not audit
/// the component.
pub fn status(s: &Option<AuditStatus>) -> &'static str {
    s.as_ref().map_or(ABSENT, AuditStatus::word)
}

/// A DNS change in words: what the host's writer, claimants or record's
/// target were and are, each id written by `id` (a shell's escape or
/// style).
pub fn dns_words(d: &DnsChange, id: impl Fn(&str) -> String) -> String {
    let side = |s: &Option<String>| s.as_deref().map_or_else(|| "none".to_owned(), &id);
    match d.change {
        DnsChangeKind::Writer => ["writer ", &side(&d.before), " → ", &side(&d.after)].concat(),
        DnsChangeKind::BothClaim => {
            let writers: Vec<String> = d.writers.iter().map(|w| id(w)).collect();
            [
                "claimed by ",
                &writers.join(" and "),
                " (was ",
                &side(&d.before),
                ")",
            ]
            .concat()
        }
        DnsChangeKind::LostTarget => [
            "record loses its target ",
            &side(&d.before),
            " (now ",
            &side(&d.after),
            ")",
        ]
        .concat(),
    }
}

/// A broken invariant in words, after its id: its facts, what breaks it
/// and where (`(F04, F21): record `x` is proxied, line 12`).
pub fn broken_words(b: &BrokenInvariant) -> String {
    let mut out = String::new();
    if !b.facts.is_empty() {
        out.push('(');
        out.push_str(&b.facts.join(", "));
        out.push(')');
    }
    out.push_str(": ");
    out.push_str(&b.message);
    out.push_str(", line ");
    out.push_str(&b.line.to_string());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use archsim_core::State;

    #[test]
    fn when_says_what_fails() {
        let flow = |scenario: Option<&str>, failed: &[&str]| FlowChange {
            flow: "f".into(),
            entry: None,
            scenario: scenario.map(Into::into),
            failed: failed.iter().map(|s| s.to_string()).collect(),
            before: Some(State::Ok),
            after: None,
            because: Vec::new(),
        };
        let cases = [
            (flow(Some("aws-down"), &[]), "scenario aws-down"),
            (flow(None, &[]), "nothing fails"),
            (flow(None, &["redis"]), "redis fails"),
            (flow(None, &["a", "b"]), "a, b fails"),
        ];
        for (f, want) in cases {
            assert_eq!(when(&f), want);
        }
    }

    #[test]
    fn dns_and_invariants_in_words() {
        let change =
            |change, before: Option<&str>, after: Option<&str>, writers: &[&str]| DnsChange {
                host: "h".into(),
                change,
                before: before.map(Into::into),
                after: after.map(Into::into),
                writers: writers.iter().map(|s| s.to_string()).collect(),
            };
        let tick = |s: &str| ["`", s, "`"].concat();
        let cases = [
            (
                change(DnsChangeKind::Writer, Some("a"), None, &[]),
                "writer `a` → none",
            ),
            (
                change(DnsChangeKind::BothClaim, Some("a"), None, &["a", "b"]),
                "claimed by `a` and `b` (was `a`)",
            ),
            (
                change(DnsChangeKind::LostTarget, Some("c"), None, &[]),
                "record loses its target `c` (now none)",
            ),
        ];
        for (d, want) in cases {
            assert_eq!(dns_words(&d, tick), want);
        }
        let broken = |facts: &[&str]| BrokenInvariant {
            invariant: "i".into(),
            facts: facts.iter().map(|s| s.to_string()).collect(),
            message: "record `x` is proxied".into(),
            about: archsim_core::diag::About::Record(0),
            span: archsim_core::diag::Span::default(),
            line: 12,
        };
        assert_eq!(
            broken_words(&broken(&["F04", "F21"])),
            "(F04, F21): record `x` is proxied, line 12"
        );
        assert_eq!(
            broken_words(&broken(&[])),
            ": record `x` is proxied, line 12"
        );
    }
}
