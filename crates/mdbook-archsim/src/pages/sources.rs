//! `{{#archsim sources}}`: every fact of the source document the model
//! declares (`[[fact]]`, in the model's own words), the model's entries
//! that carry it, and the claims of the book that rest on it.
//!
//! The page holds the model to both directions: a declared fact that no
//! entry carries, and a fact an entry names that the model does not
//! declare, are build errors. (The loader refuses the second already when
//! the model declares any fact; a model that declares none gets a page of
//! the fact numbers its entries name, each saying that the model does not
//! restate it.)

use std::collections::HashMap;

use archsim_core::basis::label;
use archsim_core::{Engine, Model};
use archsim_view::html::{Markup, facts};

use super::entries::entries;
use super::{Table, claim_links, codes, count, folded};
use crate::error::Problem;
use crate::index::BookIndex;

/// One fact: its number, the model's words for it, who carries it.
struct Row<'m> {
    id: &'m str,
    says: Option<&'m str>,
    carriers: Vec<String>,
    claims: Vec<usize>,
}

/// The page's content, for the page at `page` (links to claims are
/// relative to it).
pub fn page(engine: &Engine, index: &BookIndex, page: &str) -> Result<String, Problem> {
    let model = engine.model();
    let declared = !model.facts.is_empty();
    let mut rows: Vec<Row<'_>> = model
        .facts
        .iter()
        .map(|f| Row {
            id: &f.id,
            says: Some(&f.says),
            carriers: Vec::new(),
            claims: Vec::new(),
        })
        .collect();
    let mut by_id: HashMap<&str, usize> = rows.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
    for (premise, provenance) in entries(model) {
        for fact in &provenance.facts {
            let i = match by_id.get(fact.as_str()) {
                Some(&i) => i,
                None if declared => {
                    return Err(Problem::new(format!(
                        "{} names fact {fact}, which the model does not declare",
                        label(model, premise)
                    ))
                    .with_hint(
                        "add a [[fact]] with its id and what the document says, or fix the number",
                    ));
                }
                None => {
                    by_id.insert(fact, rows.len());
                    rows.push(Row {
                        id: fact,
                        says: None,
                        carriers: Vec::new(),
                        claims: Vec::new(),
                    });
                    rows.len() - 1
                }
            };
            let carrier = label(model, premise);
            if !rows[i].carriers.contains(&carrier) {
                rows[i].carriers.push(carrier);
            }
        }
    }
    if let Some(row) = rows.iter().find(|r| r.carriers.is_empty()) {
        return Err(Problem::new(format!(
            "fact {} is declared, but no entry of the model carries it",
            row.id
        ))
        .with_hint("name it in the `facts` of the entries that state it, or remove the [[fact]]"));
    }
    if !declared {
        archsim_core::order::sort_by(&mut rows, |a, b| natural(a.id, b.id));
        by_id = rows.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
    }
    for (n, claim) in index.claims.iter().enumerate() {
        for fact in claim.basis.facts(model) {
            if let Some(&i) = by_id.get(fact) {
                rows[i].claims.push(n);
            }
        }
    }
    Ok(render(model, index, page, &rows))
}

/// `F2` before `F10`: numbers compared as numbers.
fn natural(a: &str, b: &str) -> std::cmp::Ordering {
    let split = |s: &str| {
        let digits = s.len() - s.trim_start_matches(|c: char| !c.is_ascii_digit()).len();
        let (head, tail) = s.split_at(digits);
        (head.to_owned(), tail.parse::<u64>().ok(), s.to_owned())
    };
    split(a).cmp(&split(b))
}

fn render(model: &Model, index: &BookIndex, page: &str, rows: &[Row<'_>]) -> String {
    let mut m = Markup::new();
    let checked = index
        .claims
        .iter()
        .filter(|c| c.basis.is_checked(model))
        .count();
    m.raw("<p>");
    if rows.is_empty() {
        m.text("The model names no fact of the source document.");
    } else {
        m.text(&format!(
            "{} facts, each carried by at least one entry of the model.",
            rows.len()
        ));
    }
    m.text(&format!(
        " {checked} of the book's {} claims rest on facts alone.",
        index.claims.len()
    ));
    if model.facts.is_empty() && !rows.is_empty() {
        m.text(" The model names these facts but does not restate them ([[fact]]).");
    }
    m.raw("</p>\n");
    let mut table = Table::open(
        &mut m,
        "archsim-sources-page",
        &format!(
            "The source document's facts in {}: who carries each, and the claims that rest on it",
            model.meta.name
        ),
        &["Fact", "Says", "Carried by", "Claims resting on it"],
    );
    for row in rows {
        let anchor = facts::anchor(row.id);
        table.row(&mut m, &[("id", &anchor)]);
        m.text(row.id);
        table.cell(&mut m);
        m.text(row.says.unwrap_or("not restated by the model"));
        table.cell(&mut m);
        let carriers = count(row.carriers.len(), "entry", "entries");
        folded(&mut m, row.carriers.len(), &carriers, |m| {
            codes(m, &row.carriers)
        });
        table.cell(&mut m);
        if row.claims.is_empty() {
            m.text("none");
        } else {
            let claims = count(row.claims.len(), "claim", "claims");
            folded(&mut m, row.claims.len(), &claims, |m| {
                claim_links(m, index, page, &row.claims);
            });
        }
        table.end_row(&mut m);
    }
    table.close(&mut m);
    m.into_string()
}
