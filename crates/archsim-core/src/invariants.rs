//! The model's own invariants, checked on a model wherever it comes from:
//! the loader's file, a decoded link or a draft made in memory. The one
//! owner of what breaks an invariant and in what words; the loader turns
//! each into its located `invariant` diagnostic, `diff::impact` lists them
//! as the change's.

use std::collections::{BTreeSet, HashMap};

mod writers;

use crate::diag::{About, BrokenInvariant, Span};
use crate::error::QueryError;
use crate::model::{Check, CompId, Model};
use crate::place::{AuditStatus, audit};
use crate::select::Expansion;

/// Each way `model` breaks one of its invariants: invariants in the
/// model's order, each one's breaches in the order its check finds them.
/// `line` is 0: a model has no lines (a loader knows them). An invariant
/// whose selector picks nothing is not checked (the loader reports the
/// selector; a draft refuses to make one).
///
/// Complexity: one check per invariant, each near-linear in what it reads
/// (the loader's walk: it calls this one).
pub fn broken(model: &Model) -> Vec<BrokenInvariant> {
    let mut out = Vec::new();
    let mut expansion = Expansion::new(model);
    expansion.hints = false;
    walk(model, &mut expansion, &mut |found| {
        if let Found::Broken(_, b) = found {
            out.push(b);
        }
        false
    });
    out
}

/// What the walk finds.
// Without the loader (`toml`), only [`broken`] reads it: the breaches.
#[cfg_attr(not(feature = "toml"), allow(dead_code))]
pub(crate) enum Found<'a> {
    /// Invariant `.0` is broken.
    Broken(usize, BrokenInvariant),
    /// Invariant `index`'s selector (`which`: 0 `target`, 1 `from`) picks
    /// nothing.
    Selector {
        index: usize,
        which: usize,
        error: &'a QueryError,
    },
}

/// Check every invariant of `model`, telling `sink` each finding; `sink`
/// answers whether a failing selector's error should still name near
/// names (`Expansion::hints`, as `expansion` has it at first). `expansion` is shared with the caller's
/// other selector checks, so each selector is looked up once.
pub(crate) fn walk(
    model: &Model,
    expansion: &mut Expansion<'_>,
    sink: &mut dyn FnMut(Found<'_>) -> bool,
) {
    // Per component, the edges into it, made for the first invariant that
    // asks.
    let mut incoming: Option<Vec<Vec<usize>>> = None;
    // What each selector of an invariant picks, once however often it is
    // written.
    let mut picked: HashMap<&str, Result<BTreeSet<CompId>, QueryError>> = HashMap::new();
    let mut hints = expansion.hints;
    for (index, invariant) in model.invariants.iter().enumerate() {
        match &invariant.check {
            Check::RecordsNotProxied => {
                for (i, r) in model.records.iter().enumerate().filter(|(_, r)| r.proxied) {
                    let span = r.proxied_span.unwrap_or(r.span);
                    let message = ["record `", &r.host, "` is proxied"].concat();
                    hints = breach(sink, model, index, About::Record(i), span, message);
                }
            }
            Check::OnlyReachedFrom { target, from } => {
                for selector in [target, from] {
                    if !picked.contains_key(selector.as_str()) {
                        expansion.hints = hints;
                        let components = expansion.components(selector);
                        picked.insert(selector, components);
                    }
                }
                let (targets, allowed) = match [&picked[target.as_str()], &picked[from.as_str()]] {
                    [Ok(t), Ok(a)] => (t, a),
                    [target, from] => {
                        // The first that fails, as the file reads them.
                        let which = usize::from(target.is_ok());
                        if let Err(error) = target.as_ref().and(from.as_ref()) {
                            hints = sink(Found::Selector {
                                index,
                                which,
                                error,
                            });
                        }
                        continue;
                    }
                };
                let incoming = incoming.get_or_insert_with(|| {
                    let mut into = vec![Vec::new(); model.components.len()];
                    for (e, edge) in model.edges.iter().enumerate() {
                        into[edge.to.index()].push(e);
                    }
                    into
                });
                // The edges into the targets, in the model's order.
                let mut into: Vec<usize> = targets
                    .iter()
                    .flat_map(|t| incoming[t.index()].iter().copied())
                    .collect();
                crate::order::sort(&mut into);
                for e in into {
                    let edge = &model.edges[e];
                    if !allowed.contains(&edge.from) {
                        let message = [
                            "`",
                            &model.components[edge.from.index()].id,
                            "` reaches `",
                            &model.components[edge.to.index()].id,
                            "`",
                        ]
                        .concat();
                        hints = breach(sink, model, index, About::Edge(e), edge.span, message);
                    }
                }
            }
            Check::WritersDisjoint => writers::disjoint(model, &mut |about, span, message| {
                hints = breach(sink, model, index, about, span, message);
            }),
            Check::Placement => {
                for entry in audit(model) {
                    if let AuditStatus::Violation(problem) = &entry.status {
                        let c = &model.components[entry.component.index()];
                        let message = ["component `", &c.id, "` ", problem].concat();
                        let about = About::Component(entry.component);
                        hints = breach(sink, model, index, about, c.span, message);
                    }
                }
            }
        }
    }
}

/// Tell `sink` that invariant `index` of `model` is broken by `about` (at
/// `span`, as `message` says); its answer.
fn breach(
    sink: &mut dyn FnMut(Found<'_>) -> bool,
    model: &Model,
    index: usize,
    about: About,
    span: Span,
    message: String,
) -> bool {
    let invariant = &model.invariants[index];
    sink(Found::Broken(
        index,
        BrokenInvariant {
            invariant: invariant.id.clone(),
            facts: invariant.provenance.facts.clone(),
            message,
            about,
            span,
            line: 0,
        },
    ))
}
