//! Failures: every flow's state under a set of failed components, and each
//! flow's single points of failure. The flow table has one writer for the
//! failure simulator and its fallback.

use archsim_core::Engine;

use super::Markup;
use super::basis::{RESTS_ON, Shared, basis_row, shared_list};
use super::write::{Table, code_or_dash, flow_name};
use crate::present::{FlowRow, OutcomeView, SpofLine};

/// The flow table's columns; the last only when single points of failure
/// are shown.
const FLOW_COLUMNS: [&str; 6] = [
    "Flow",
    "Entry",
    "State",
    "Because",
    RESTS_ON,
    "Single points of failure",
];

/// Names joined by `sep`, or `none` when there are none.
fn names_or(m: &mut Markup, names: &[String], sep: &str, none: &str) {
    m.text(&if names.is_empty() {
        none.to_owned()
    } else {
        names.join(sep)
    });
}

/// One flow's single points of failure, by name, or `none`; a search cut
/// short says so after the names. Then what the list rests on.
fn spof_names(m: &mut Markup, line: Option<&SpofLine>, none: &str, shared: &Shared<'_>) {
    match line {
        Some(line) => {
            flow_spofs(m, line, none);
            basis_row(m, &line.basis, shared);
        }
        None => names_or(m, &[], ", ", none),
    }
}

/// One flow's single points of failure, by name, or `none` when it has
/// none; a search cut short says so after the names: the single points
/// of failure column, and the book's self-check answer.
pub fn flow_spofs(m: &mut Markup, line: &SpofLine, none: &str) {
    names_or(m, &line.names, ", ", none);
    if line.cut_short {
        m.text(" (");
        m.text(archsim_core::FlowSpof::CUT_SHORT_NOTE);
        m.text(")");
    }
}

/// A flow's state, as an icon and a word: the flow table's State cell,
/// and the book's self-check answer (`{{#archsim predict}}`), so the two
/// say one word.
pub fn flow_state(m: &mut Markup, r: &FlowRow) {
    m.badge(r.state);
}

/// The components behind a flow's state, the failed one last (`A → B`),
/// or `—` for none: the flow table's Because cell, and the self-check's
/// answer.
pub fn flow_cause(m: &mut Markup, r: &FlowRow) {
    names_or(m, &r.because, " → ", "—");
}

/// Every flow's state, cause chain and what the state rests on under a
/// simulation's failures, the counts of each state in the caption. With
/// `spof` (each flow's single points of failure, by name), a column shows
/// them.
///
/// Complexity: O(flows · (path length + flows)) with `spof`, O(flows ·
/// path length) without.
#[allow(clippy::disallowed_macros)] // Predates the rule: a caption, and a class per row.
pub fn outcome_table(m: &mut Markup, view: &OutcomeView, spof: Option<&[SpofLine]>) {
    let columns = if spof.is_some() { 6 } else { 5 };
    let caption = format!("Every flow under these failures: {}", view.state_counts());
    let mut bases: Vec<_> = view.rows.iter().map(|r| &r.basis).collect();
    bases.extend(spof.into_iter().flatten().map(|s| &s.basis));
    let shared = Shared::new(&bases);
    let mut table = Table::open(m, "archsim-flows", &caption, &FLOW_COLUMNS[..columns]);
    for r in &view.rows {
        table.row(
            m,
            &[
                ("class", &(String::from("state-") + r.state.as_str())),
                ("data-flow", &r.flow_id),
            ],
        );
        flow_name(m, &r.name, &r.flow_id);
        table.cell(m);
        code_or_dash(m, r.entry.as_deref());
        table.cell(m);
        flow_state(m, r);
        table.cell(m);
        flow_cause(m, r);
        table.cell(m);
        basis_row(m, &r.basis, &shared);
        if let Some(spof) = spof {
            table.cell(m);
            spof_names(m, spof.iter().find(|s| s.flow == r.flow), "none", &shared);
        }
        table.end_row(m);
    }
    table.close(m);
    shared_list(m, &shared);
}

/// Components as a sentence: `Failed (2): A, B.`
#[allow(clippy::disallowed_macros)] // Predates the rule: one line per list.
fn listed(m: &mut Markup, class: &str, what: &str, items: &[(archsim_core::CompId, String)]) {
    let names: Vec<String> = items.iter().map(|(_, n)| n.clone()).collect();
    m.open("p", &[("class", class)])
        .text(&format!("{what} ({}): {}.", items.len(), names.join(", ")))
        .raw("</p>\n");
}

/// The scenarios behind a simulation's failures, each with what it
/// teaches, and what restarted.
pub fn outcome_notes(m: &mut Markup, view: &OutcomeView) {
    for (id, name, teaches) in &view.scenarios {
        m.raw("<p class=\"archsim-scenario\">")
            .leaf("strong", &[], name)
            .text(" (")
            .code(id)
            .text("): ")
            .text(teaches)
            .raw("</p>\n");
    }
    if !view.restarting.is_empty() {
        listed(m, "archsim-restarting", "Restarting", &view.restarting);
    }
}

/// The failure simulator's fallback: the scenarios behind the failures,
/// what restarted and failed, and the flow table.
pub fn outcome_html(view: &OutcomeView) -> String {
    outcome_with_spof_html(view, None)
}

/// [`outcome_html`], with each flow's single points of failure in a
/// column of the flow table when `spof` is given, as the simulator shows
/// them: one table, so its rows and the list under it number what they
/// rest on as the widget does.
pub fn outcome_with_spof_html(view: &OutcomeView, spof: Option<&[SpofLine]>) -> String {
    let mut m = Markup::new();
    m.raw("<section class=\"archsim archsim-outcome\">");
    outcome_notes(&mut m, view);
    if view.failed.is_empty() {
        m.raw("<p class=\"archsim-failed\">Nothing fails.</p>");
    } else {
        listed(&mut m, "archsim-failed", "Failed", &view.failed);
    }
    outcome_table(&mut m, view, spof);
    m.raw("</section>\n");
    m.into_string()
}

/// The single points of failure of every flow, each list with what it
/// rests on.
pub fn spof_html(engine: &Engine) -> String {
    let model = engine.model();
    let mut m = Markup::new();
    m.raw("<section class=\"archsim archsim-spof\">");
    let spofs: Vec<SpofLine> = engine
        .spof()
        .iter()
        .map(|s| SpofLine::new(model, s))
        .collect();
    let bases: Vec<_> = spofs.iter().map(|s| &s.basis).collect();
    let shared = Shared::new(&bases);
    let mut table = Table::open(
        &mut m,
        "archsim-spof",
        "Single points of failure: each one alone takes the flow down",
        &["Flow", "Entry", "Single points of failure"],
    );
    for s in &spofs {
        let flow = &model.flows[s.flow.index()];
        table.row(&mut m, &[("data-flow", &flow.id)]);
        flow_name(&mut m, &flow.name, &flow.id);
        table.cell(&mut m);
        code_or_dash(&mut m, flow.entry_host());
        table.cell(&mut m);
        spof_names(&mut m, Some(s), "—", &shared);
        table.end_row(&mut m);
    }
    table.close(&mut m);
    shared_list(&mut m, &shared);
    m.raw("</section>\n");
    m.into_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use archsim_core::FlowId;

    #[test]
    fn rows_name_their_assumptions_by_number_and_the_list_says_each_once() {
        use crate::present::{AssumedLine, BasisView, FactLine};
        let fact = |id: &str| FactLine {
            id: id.into(),
            says: Some(format!("words of {id}")),
        };
        let assumed = |about: &str| AssumedLine {
            about: about.into(),
            says: format!("what {about} assumes"),
            settle: None,
        };
        let rows = [
            BasisView {
                facts: vec![fact("F01"), fact("F02")],
                assumed: vec![assumed("c"), assumed("a"), assumed("d"), assumed("b")],
            },
            BasisView {
                facts: vec![fact("F02")],
                assumed: vec![assumed("b")],
            },
            BasisView {
                facts: vec![fact("F03")],
                assumed: vec![],
            },
        ];
        let views: Vec<&BasisView> = rows.iter().collect();
        let shared = Shared::new(&views);
        // (row, its short disclosure's paragraphs)
        let cases = [
            (
                0,
                "<p>Facts: F01, F02</p>\n<p>Assumptions (listed under the table): 1–4</p>",
            ),
            (
                1,
                "<p>Facts: F02</p>\n<p>Assumptions (listed under the table): 2</p>",
            ),
            (2, "<p>Facts: F03</p>\n</details>"),
        ];
        for (row, expected) in cases {
            let mut m = Markup::new();
            basis_row(&mut m, &rows[row], &shared);
            let written = m.into_string();
            assert!(written.contains(expected), "row {row}: {written}");
            assert!(!written.contains("words of"), "row {row} repeats words");
        }
        let mut m = Markup::new();
        shared_list(&mut m, &shared);
        let list = m.into_string();
        for words in [
            "what a assumes",
            "what b assumes",
            "what c assumes",
            "what d assumes",
        ] {
            assert_eq!(list.matches(words).count(), 1, "{words} once: {list}");
        }
        assert!(
            !list.contains("words of"),
            "the rows name the facts: {list}"
        );
        assert!(list.contains("<ol class=\"archsim-assumed\">"));
        let mut m = Markup::new();
        shared_list(&mut m, &Shared::new(&[]));
        assert_eq!(m.into_string(), "", "no rows, no list");
    }

    #[test]
    fn a_search_cut_short_says_so_after_its_names() {
        let line = |names: &[&str], cut_short| SpofLine {
            flow: FlowId::from_index(0),
            names: names.iter().map(|n| n.to_string()).collect(),
            cut_short,
            basis: Default::default(),
        };
        let note = archsim_core::FlowSpof::CUT_SHORT_NOTE;
        // (line, what is written)
        let cases = [
            (None, "none".to_owned()),
            (Some(line(&[], false)), "none".to_owned()),
            (Some(line(&["Hub"], false)), "Hub".to_owned()),
            (Some(line(&["Hub"], true)), format!("Hub ({note})")),
            (Some(line(&[], true)), format!("none ({note})")),
        ];
        for (spof, expected) in cases {
            let mut m = Markup::new();
            spof_names(&mut m, spof.as_ref(), "none", &Shared::new(&[]));
            let written = m.into_string();
            // The names, then (for a flow's answer) what the list rests on.
            let (names, rest) = written.split_at(written.find('<').unwrap_or(written.len()));
            assert_eq!(names, expected);
            assert_eq!(
                rest.starts_with("<details class=\"archsim-basis\">"),
                spof.is_some()
            );
        }
    }
}
