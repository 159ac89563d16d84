//! `{{#archsim assumptions}}`: every assumption of the model, what it is
//! about, what leans on it and where it would be settled.
//!
//! What leans on an assumption is computed, not written: a flow leans on
//! it when the flow's answer with nothing failing rests on it; a scenario
//! when some flow's answer under the scenario does; a claim of the book
//! when the claim's answer does (the claims come from the first pass, see
//! [`crate::index`]). An assumption is one statement of the model (its
//! words and where it would be settled): entries that state the same words
//! share one row, confirmed or rejected once.

use std::collections::{HashMap, HashSet};

use archsim_core::basis::label;
use archsim_core::select::select;
use archsim_core::{Basis, Engine, Model};
use archsim_view::html::Markup;

use super::entries::assumptions;
use super::{Table, claim_links, code, codes, count, folded};
use crate::error::Problem;
use crate::index::{BookIndex, slug};

/// The most work the page may take: each scenario is one simulation of
/// every flow, each costing up to the model's size. Past it, the page is
/// an error rather than a build that does not end.
pub const MAX_WORK: u64 = 200_000_000;

/// One assumption: its words, where it is settled, and what is about it.
struct Row<'m> {
    says: &'m str,
    settle: Option<&'m str>,
    about: Vec<String>,
    anchor: String,
    flows: Vec<&'m str>,
    scenarios: Vec<&'m str>,
    claims: Vec<usize>,
}

/// The assumption rows of a model, and a lookup from (words, settle) to row.
struct Rows<'m> {
    rows: Vec<Row<'m>>,
    by_words: HashMap<(&'m str, Option<&'m str>), usize>,
}

impl<'m> Rows<'m> {
    fn new(model: &'m Model) -> Rows<'m> {
        let mut rows: Vec<Row<'m>> = Vec::new();
        let mut by_words = HashMap::new();
        let mut anchors = HashSet::new();
        for (premise, says, settle) in assumptions(model) {
            let about = label(model, premise);
            if let Some(&i) = by_words.get(&(says, settle)) {
                let row: &mut Row<'m> = &mut rows[i];
                row.about.push(about);
                continue;
            }
            let anchor = unique(&mut anchors, &about);
            by_words.insert((says, settle), rows.len());
            rows.push(Row {
                says,
                settle,
                about: vec![about],
                anchor,
                flows: Vec::new(),
                scenarios: Vec::new(),
                claims: Vec::new(),
            });
        }
        Rows { rows, by_words }
    }

    /// The rows an answer's basis leans on, each once, in row order.
    fn leaned_on(&self, model: &'m Model, basis: &Basis) -> Vec<usize> {
        let mut out: Vec<usize> = basis
            .assumptions(model)
            .iter()
            .filter_map(|a| self.by_words.get(&(a.says, a.settle)).copied())
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// `assumption-` and the slug of what it is about, made unique.
fn unique(taken: &mut HashSet<String>, about: &str) -> String {
    let base = match slug(about) {
        s if s.is_empty() => "assumption".to_owned(),
        s => format!("assumption-{s}"),
    };
    let mut anchor = base.clone();
    let mut n = 1;
    while !taken.insert(anchor.clone()) {
        n += 1;
        anchor = format!("{base}-{n}");
    }
    anchor
}

/// The page's content, for the page at `page` (links to claims are
/// relative to it).
pub fn page(engine: &Engine, index: &BookIndex, page: &str) -> Result<String, Problem> {
    let model = engine.model();
    let mut rows = Rows::new(model);
    let work = (model.scenarios.len() as u64 + 1)
        * (model.flows.len() as u64 + 1)
        * (model.components.len() + model.edges.len()) as u64;
    if work > MAX_WORK {
        return Err(Problem::new(format!(
            "the model is too large for the assumptions page: {} scenarios, {} flows and {} components and edges would take about {work} steps (at most {MAX_WORK})",
            model.scenarios.len(),
            model.flows.len(),
            model.components.len() + model.edges.len()
        ))
        .with_hint("leave the assumptions page out of a book on a model this large"));
    }
    let quiet = engine.simulate(&Default::default());
    for f in &quiet.flows {
        for i in rows.leaned_on(model, &f.basis) {
            rows.rows[i].flows.push(&model.flows[f.flow.index()].id);
        }
    }
    for s in &model.scenarios {
        let Ok(selection) = select(model, &[s.id.as_str()], &[]) else {
            continue;
        };
        let outcome = engine.simulate(&selection);
        let mut leaned: Vec<usize> = outcome
            .flows
            .iter()
            .flat_map(|f| rows.leaned_on(model, &f.basis))
            .collect();
        leaned.sort_unstable();
        leaned.dedup();
        for i in leaned {
            rows.rows[i].scenarios.push(&s.id);
        }
    }
    for (n, claim) in index.claims.iter().enumerate() {
        for i in rows.leaned_on(model, &claim.basis) {
            rows.rows[i].claims.push(n);
        }
    }
    Ok(render(model, index, page, &rows.rows))
}

fn render(model: &Model, index: &BookIndex, page: &str, rows: &[Row<'_>]) -> String {
    let mut m = Markup::new();
    let assumed_claims = index
        .claims
        .iter()
        .filter(|c| !c.basis.is_checked(model))
        .count();
    m.raw("<p>");
    m.text(&format!(
        "{} assumptions. {assumed_claims} of the book's {} claims rest on at least one of them.",
        rows.len(),
        index.claims.len()
    ));
    m.raw("</p>\n");
    let mut table = Table::open(
        &mut m,
        "archsim-assumptions-page",
        &format!(
            "Every assumption of {}: what it is about, what leans on it, and what would settle it",
            model.meta.name
        ),
        &["About", "Assumption", "Settled by", "Leaned on by"],
    );
    for row in rows {
        table.row(&mut m, &[("id", &row.anchor)]);
        let about = count(row.about.len(), "entry", "entries");
        folded(&mut m, row.about.len(), &about, |m| codes(m, &row.about));
        table.cell(&mut m);
        m.text(row.says);
        table.cell(&mut m);
        match row.settle {
            Some(settle) => code(&mut m, settle),
            None => {
                m.text("not said");
            }
        }
        table.cell(&mut m);
        leaning(&mut m, index, page, row);
        table.end_row(&mut m);
    }
    table.close(&mut m);
    m.into_string()
}

/// The flows, scenarios and claims that lean on a row, one kind a line,
/// folded when they are many.
fn leaning(m: &mut Markup, index: &BookIndex, page: &str, row: &Row<'_>) {
    let (flows, scenarios, claims) = (row.flows.len(), row.scenarios.len(), row.claims.len());
    if flows + scenarios + claims == 0 {
        m.text("no flow, scenario or claim of the book");
        return;
    }
    let mut summary = Vec::new();
    for (n, one, many) in [
        (flows, "flow", "flows"),
        (scenarios, "scenario", "scenarios"),
        (claims, "claim", "claims"),
    ] {
        if n > 0 {
            summary.push(count(n, one, many));
        }
    }
    folded(m, flows + scenarios + claims, &summary.join(", "), |m| {
        let mut line = 0;
        for (what, ids) in [("Flows: ", &row.flows), ("Scenarios: ", &row.scenarios)] {
            if ids.is_empty() {
                continue;
            }
            if line > 0 {
                m.raw("<br>");
            }
            line += 1;
            m.text(what);
            codes(m, ids);
        }
        if !row.claims.is_empty() {
            if line > 0 {
                m.raw("<br>");
            }
            m.text("Claims: ");
            claim_links(m, index, page, &row.claims);
        }
    });
}
