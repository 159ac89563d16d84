//! The placement rule: where new infrastructure goes, and why.
//!
//! The rule is data (`[[placement.rule]]`): each rule names the answers that
//! fire it and the provider it points at; a `final` rule overrides every
//! non-final one. This module evaluates the rule for a set of answers, finds
//! precedents among existing components, and audits every component.

use crate::basis::{Basis, Premise};
use crate::error::{QueryError, QueryErrorKind};
use crate::model::{CompId, Field, Model, ProviderId, RuleId};
use crate::suggest::nearest;

/// Where the rule puts something.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// One provider.
    Provider(ProviderId),
    /// Rules that fired point at different providers.
    Conflict,
    /// No rule fired.
    Undecided,
}

impl Verdict {
    /// The verdict's name: the provider's id, `conflict` or `undecided`
    /// (JSON values, CSS classes, claims and the words alike).
    pub fn name(self, model: &Model) -> &str {
        match self {
            Verdict::Provider(p) => model.providers.get(p.index()).map_or("?", |p| &p.id),
            Verdict::Conflict => "conflict",
            Verdict::Undecided => "undecided",
        }
    }
}

/// The rule's raw outcome for a set of answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evaluation {
    /// The verdict.
    pub verdict: Verdict,
    /// Every rule that fired, in rule order.
    pub fired: Vec<RuleId>,
    /// The rules that decided (for a conflict: the ones that disagree).
    pub deciding: Vec<RuleId>,
    /// Rules that fired but were overridden by a final rule.
    pub overridden: Vec<RuleId>,
}

/// An existing component that answers the same way.
#[derive(Clone, Debug, PartialEq)]
pub struct Precedent {
    /// The component.
    pub component: CompId,
    /// Answers it shares with the question.
    pub shared: Vec<String>,
    /// Similarity of its answers to the question's (Jaccard, 0–1).
    pub similarity: f64,
}

/// The answer to "where does this go?".
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceAnswer {
    /// The answers given (question ids), in question order.
    pub answers: Vec<String>,
    /// The rule's outcome.
    pub evaluation: Evaluation,
    /// Existing components that answer the same way, most similar first.
    pub precedents: Vec<Precedent>,
}

/// Evaluate the rule for `answers` (question ids). Unknown ids are an error
/// with near names.
///
/// Complexity: O(rules · answers + components · answers) for the precedents.
#[allow(clippy::disallowed_macros)] // The error for an unknown placement answer.
pub fn place(model: &Model, answers: &[&str]) -> Result<PlaceAnswer, QueryError> {
    for &answer in answers {
        if !model.placement.questions.iter().any(|q| q.id == answer) {
            return Err(QueryError::new(
                QueryErrorKind::UnknownQuestion,
                format!("`{answer}` is not a placement question"),
                nearest(
                    answer,
                    model.placement.questions.iter().map(|q| q.id.as_str()),
                    3,
                ),
            ));
        }
    }
    let answers: Vec<String> = model
        .placement
        .questions
        .iter()
        .filter(|q| answers.contains(&q.id.as_str()))
        .map(|q| q.id.clone())
        .collect();
    let evaluation = evaluate(model, &answers);
    let precedents = precedents(model, &answers, &evaluation);
    Ok(PlaceAnswer {
        answers,
        evaluation,
        precedents,
    })
}

/// The rule's outcome for a set of answers.
pub fn evaluate(model: &Model, answers: &[String]) -> Evaluation {
    let rules = &model.placement.rules;
    let fired: Vec<RuleId> = (0..rules.len())
        .filter(|&i| rules[i].if_any.iter().any(|q| answers.contains(q)))
        .map(RuleId::from_index)
        .collect();
    let finals: Vec<RuleId> = fired
        .iter()
        .copied()
        .filter(|r| rules[r.index()].is_final)
        .collect();
    let (deciding, overridden) = if finals.is_empty() {
        (fired.clone(), Vec::new())
    } else {
        (
            finals.clone(),
            fired
                .iter()
                .copied()
                .filter(|r| !finals.contains(r))
                .collect(),
        )
    };
    let verdict = match deciding.first() {
        None => Verdict::Undecided,
        Some(first) => {
            let one = rules[first.index()].provider;
            if deciding.iter().all(|r| rules[r.index()].provider == one) {
                Verdict::Provider(one)
            } else {
                Verdict::Conflict
            }
        }
    };
    Evaluation {
        verdict,
        fired,
        deciding,
        overridden,
    }
}

fn jaccard(a: &[String], b: &[String]) -> f64 {
    let union = a.iter().chain(b.iter().filter(|x| !a.contains(x))).count();
    let shared = a.iter().filter(|x| b.contains(x)).count();
    if union == 0 {
        0.0
    } else {
        shared as f64 / union as f64
    }
}

fn precedents(model: &Model, answers: &[String], evaluation: &Evaluation) -> Vec<Precedent> {
    let rules = &model.placement.rules;
    let mut out: Vec<Precedent> = Vec::new();
    for (i, component) in model.components.iter().enumerate() {
        let Some(provider) = component.provider else {
            continue;
        };
        let own = evaluate(model, &component.traits);
        let relevant = match evaluation.verdict {
            Verdict::Undecided => false,
            // A precedent for a verdict: same provider, fired by one of the deciding rules.
            Verdict::Provider(p) => {
                provider == p && own.deciding.iter().any(|r| evaluation.deciding.contains(r))
            }
            // A precedent for a conflict: a component caught between the same rules.
            Verdict::Conflict => {
                let mut caught = own
                    .fired
                    .iter()
                    .filter(|r| evaluation.deciding.contains(r))
                    .map(|r| rules[r.index()].provider);
                // Caught between two providers or more.
                caught
                    .next()
                    .is_some_and(|first| caught.any(|p| p != first))
            }
        };
        if relevant {
            let shared: Vec<String> = answers
                .iter()
                .filter(|a| component.traits.contains(a))
                .cloned()
                .collect();
            out.push(Precedent {
                component: CompId::from_index(i),
                similarity: jaccard(answers, &component.traits),
                shared,
            });
        }
    }
    crate::order::sort_by(&mut out, |a, b| {
        b.similarity
            .total_cmp(&a.similarity)
            .then(a.component.cmp(&b.component))
    });
    out.truncate(5);
    out
}

/// How an existing component fares against the rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AuditStatus {
    /// Where the rule puts it.
    Fits,
    /// Not where the rule alone would put it, for the reason it gives.
    Exception(String),
    /// Caught between rules; the reason it gives says which way it went.
    Resolved(String),
    /// No placement answers: the rule says nothing about it.
    NotCovered,
    /// Misplaced with no reason given.
    Violation(String),
}

impl AuditStatus {
    /// Every status's name ([`AuditStatus::as_str`]), from fitting to
    /// misplaced: the order summaries count them in.
    pub const NAMES: [&'static str; 5] =
        ["fits", "exception", "resolved", "not-covered", "violation"];

    /// What a reader sees for each status, in the order of
    /// [`AuditStatus::NAMES`].
    pub const WORDS: [&'static str; 5] =
        ["fits", "exception", "resolved", "not covered", "violation"];

    /// The status's place in [`AuditStatus::NAMES`] and [`AuditStatus::WORDS`].
    pub fn rank(&self) -> usize {
        match self {
            AuditStatus::Fits => 0,
            AuditStatus::Exception(_) => 1,
            AuditStatus::Resolved(_) => 2,
            AuditStatus::NotCovered => 3,
            AuditStatus::Violation(_) => 4,
        }
    }

    /// Kebab-case name, stable for JSON (also the CSS class `audit-NAME`).
    pub fn as_str(&self) -> &'static str {
        Self::NAMES[self.rank()]
    }

    /// The word a reader sees: the CLI, the widgets and the book alike.
    pub fn word(&self) -> &'static str {
        Self::WORDS[self.rank()]
    }

    /// The reason the component gives, or what is wrong.
    pub fn reason(&self) -> Option<&str> {
        match self {
            AuditStatus::Exception(r) | AuditStatus::Resolved(r) | AuditStatus::Violation(r) => {
                Some(r)
            }
            AuditStatus::Fits | AuditStatus::NotCovered => None,
        }
    }
}

/// One line of the audit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditEntry {
    /// The component.
    pub component: CompId,
    /// The rule's outcome for its answers.
    pub evaluation: Evaluation,
    /// How it fares.
    pub status: AuditStatus,
}

/// Check every component that belongs to a provider against the rule and
/// the provider's home region.
///
/// Complexity: O(components · rules · answers).
#[allow(clippy::disallowed_macros)] // Audit lines name the rule and the provider.
pub fn audit(model: &Model) -> Vec<AuditEntry> {
    let mut out = Vec::new();
    for (i, component) in model.components.iter().enumerate() {
        let Some(provider) = component.provider else {
            continue;
        };
        let evaluation = evaluate(model, &component.traits);
        let reason = component.placement.clone();
        let here = &model.providers[provider.index()];
        let status = match evaluation.verdict {
            Verdict::Undecided => AuditStatus::NotCovered,
            Verdict::Provider(p) if p != provider => match reason {
                Some(reason) => AuditStatus::Exception(reason),
                None => AuditStatus::Violation(format!(
                    "is on {} but the rule puts it on {}",
                    here.id,
                    model.providers[p.index()].id
                )),
            },
            Verdict::Provider(_) => {
                let away = component.region.is_some_and(|r| {
                    model.regions[r.index()].provider.is_some()
                        && here.home_region.is_some_and(|home| home != r)
                });
                match (away, reason) {
                    (false, Some(reason)) if !evaluation.overridden.is_empty() => {
                        AuditStatus::Resolved(reason)
                    }
                    (false, _) => AuditStatus::Fits,
                    (true, Some(reason)) => AuditStatus::Exception(reason),
                    (true, None) => AuditStatus::Violation(format!(
                        "is in {} but {}'s home region is {}",
                        model.region_name(component.region),
                        here.id,
                        model.region_name(here.home_region)
                    )),
                }
            }
            Verdict::Conflict => {
                let on_a_side = evaluation
                    .deciding
                    .iter()
                    .any(|r| model.placement.rules[r.index()].provider == provider);
                match (on_a_side, reason) {
                    (true, Some(reason)) => AuditStatus::Resolved(reason),
                    (true, None) => AuditStatus::Violation(
                        "is caught between placement rules and gives no reason for its side".into(),
                    ),
                    (false, _) => AuditStatus::Violation(format!(
                        "is on {}, which none of its rules points at",
                        here.id
                    )),
                }
            }
        };
        out.push(AuditEntry {
            component: CompId::from_index(i),
            evaluation,
            status,
        });
    }
    out
}

/// What a verdict rests on: every rule, since one that did not fire is
/// part of the answer too; and for each precedent, its answers.
pub fn answer_basis(model: &Model, answer: &PlaceAnswer) -> Basis {
    let mut basis = rules_basis(model);
    for p in &answer.precedents {
        basis.add_component(p.component, Field::Traits.bit() | Field::Provider.bit());
    }
    basis.finish(model);
    basis
}

/// What an audit line rests on: the component's answers, provider and
/// region, its provider's home region, and every rule.
pub fn audit_basis(model: &Model, entry: &AuditEntry) -> Basis {
    let mut basis = rules_basis(model);
    let c = model.component(entry.component);
    basis.add_component(
        entry.component,
        Field::Traits.bit() | Field::Provider.bit() | Field::Region.bit(),
    );
    if let Some(p) = c.provider {
        basis.add(Premise::Provider(p));
    }
    basis.finish(model);
    basis
}

/// What a verdict alone rests on: every rule (one that did not fire is
/// part of the answer too), not the precedents shown beside it.
pub fn verdict_basis(model: &Model) -> Basis {
    let mut basis = rules_basis(model);
    basis.finish(model);
    basis
}

fn rules_basis(model: &Model) -> Basis {
    let mut basis = Basis::new();
    for r in 0..model.placement.rules.len() {
        basis.add(Premise::Rule(RuleId::from_index(r)));
    }
    basis
}
