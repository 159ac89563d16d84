//! Whole-model checks after resolution: cycles, scenario selectors and the
//! model's own invariants (checked by [`crate::invariants`], located here).

use std::collections::HashSet;

use super::resolve::Ctx;
use crate::cycles::{Relation, loops};
use crate::diag::{About, BrokenInvariant, Severity};
use crate::invariants::Found;
use crate::model::{Invariant, Model};
use crate::select;

pub(crate) fn validate(ctx: &mut Ctx<'_>, model: &Model) {
    for relation in Relation::ALL {
        cycles(ctx, model, relation);
    }
    names(ctx, model);
    cname_alone(ctx, model);
    // One lookup of the components for every selector of the model.
    let mut expansion = select::Expansion::new(model);
    scenarios(ctx, model, &mut expansion);
    expansion.hints = !ctx.full();
    crate::invariants::walk(model, &mut expansion, &mut |found| {
        match found {
            Found::Broken(index, broken) => violation(ctx, &model.invariants[index], broken),
            Found::Selector {
                index,
                which,
                error,
            } => {
                // At the selector that fails, when the file says where it is.
                let invariant = &model.invariants[index];
                let spans = ctx.selector_spans.invariants.get(index).copied();
                let span = spans.and_then(|s| s[which]).unwrap_or(invariant.span);
                ctx.error(
                    selector_code(error),
                    span,
                    format!("invariant `{}`: {}", invariant.id, error.message),
                    Some(selector_hint(error)),
                );
            }
        }
        !ctx.full()
    });
}

/// Edges of one relation must not form a cycle ([`crate::cycles`]): each
/// loop at its first edge, with its members.
fn cycles(ctx: &mut Ctx<'_>, model: &Model, relation: Relation) {
    for found in loops(model, relation) {
        let mut names: Vec<&str> = found
            .members
            .iter()
            .map(|&c| model.components[c.index()].id.as_str())
            .collect();
        names.sort_unstable();
        let relation = relation.as_str();
        ctx.error(
            "cycle",
            model.edges[found.first_edge].span,
            format!("{relation} cycle between {}", listed(&names)),
            Some(format!("{relation} edges must not loop back; remove one edge of the cycle or turn it into another kind")),
        );
    }
}

/// Names for a message: all of a few, or the first ten and how many more.
fn listed(names: &[&str]) -> String {
    const SHOWN: usize = 10;
    if names.len() <= SHOWN {
        return names.join(", ");
    }
    format!(
        "{} and {} more",
        names[..SHOWN].join(", "),
        names.len() - SHOWN
    )
}

/// A selector names one thing ([`crate::names::clashes`]), each clash
/// reported at the entry that hides another.
fn names(ctx: &mut Ctx<'_>, model: &Model) {
    for clash in crate::names::clashes(model) {
        let span = match clash.about {
            About::Scenario(s) => model.scenarios[s].span,
            About::Component(c) => model.components[c.index()].span,
            // A clash is about a component or a scenario.
            _ => continue,
        };
        ctx.error(
            "ambiguous-name",
            span,
            clash.message,
            Some(clash.hint.into()),
        );
    }
}

/// A host with a `CNAME` record has no other record
/// ([`crate::cname::conflicts`]), each conflict at its record.
fn cname_alone(ctx: &mut Ctx<'_>, model: &Model) {
    for r in crate::cname::conflicts(model) {
        let r = &model.records[r];
        ctx.error(
            "cname-conflict",
            r.span,
            format!("`{}` has a CNAME record and another record", r.host),
            Some("a CNAME must be the only record of its host; keep one".into()),
        );
    }
}

/// The diagnostic code of a selector that fails: a scenario that includes
/// itself is a cycle, anything else selects nothing.
fn selector_code(error: &crate::QueryError) -> &'static str {
    if error.message.ends_with("includes itself") {
        "cycle"
    } else {
        "unknown-selector"
    }
}

/// Near names, or what a selector may be.
fn selector_hint(error: &crate::QueryError) -> String {
    if selector_code(error) == "cycle" {
        "a scenario may name other scenarios, but not itself, directly or through them".into()
    } else if error.suggestions.is_empty() {
        "a selector is a component id or name, a product, a provider, a scenario id, \
         or provider:, region:, kind:, env:, product: or terraform: with a value"
            .into()
    } else {
        crate::suggest::did_you_mean(&error.suggestions)
    }
}

/// Each selector of each scenario picks something, checked once where it
/// is written; then one walk over the scenario graph finds a loop, reported
/// at the selector that closes it.
///
/// Complexity: O(selectors · log components + what they pick), plus
/// linear in the scenario graph for the loop.
fn scenarios(ctx: &mut Ctx<'_>, model: &Model, expansion: &mut select::Expansion<'_>) {
    let report = |ctx: &mut Ctx<'_>, failure: select::Failure| {
        let s = &model.scenarios[failure.scenario];
        let span = ctx
            .selector_spans
            .scenarios
            .get(failure.scenario)
            .and_then(|spans| spans.get(failure.selector))
            .copied()
            .unwrap_or(s.span);
        ctx.error(
            selector_code(&failure.error),
            span,
            format!("scenario `{}`: {}", s.id, failure.error.message),
            Some(selector_hint(&failure.error)),
        );
    };
    // Selectors found to pick something: each is looked up once.
    let mut picks: HashSet<&str> = HashSet::new();
    for (index, s) in model.scenarios.iter().enumerate() {
        for (i, selector) in s.fail.iter().chain(&s.reschedule).enumerate() {
            let selector = selector.trim();
            if expansion.scenario(selector).is_some() || picks.contains(selector) {
                continue;
            }
            expansion.hints = !ctx.full();
            match expansion.pick(selector) {
                Ok(_) => {
                    picks.insert(selector);
                }
                Err(error) => {
                    let failure = select::Failure {
                        scenario: index,
                        selector: i,
                        error,
                    };
                    report(ctx, failure);
                }
            }
        }
    }
    for index in 0..model.scenarios.len() {
        if let Err(failure) = expansion.expand(index, false, None) {
            report(ctx, failure);
            // One loop at a time: the walk stops at the first.
            break;
        }
    }
}

/// A broken invariant: kept as data when the load keeps such a model
/// (`load_str_with` locates them), a located `invariant` error otherwise.
fn violation(ctx: &mut Ctx<'_>, invariant: &Invariant, broken: BrokenInvariant) {
    let span = broken.span;
    if let Some(kept) = &mut ctx.broken {
        kept.push(broken);
        return;
    }
    let facts = if invariant.provenance.facts.is_empty() {
        String::new()
    } else {
        format!(" ({})", invariant.provenance.facts.join(", "))
    };
    ctx.report(
        Severity::Error,
        "invariant",
        Some(span),
        format!(
            "{}: breaks invariant `{}`{facts}: {}",
            broken.message, invariant.id, invariant.says
        ),
        Some(invariant.hint.clone()),
    );
}
