//! The placement rule's answer and the audit of existing components.

use archsim_core::place::{AuditStatus, Evaluation, answer_basis, audit, audit_basis};
use archsim_core::{CompId, Engine, PlaceAnswer, RuleId, Verdict};

/// A placement rule that decided, or was overridden.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleLine {
    /// The rule's id.
    pub id: String,
    /// The provider it points at (id).
    pub provider: String,
    /// The provider's display name.
    pub provider_name: String,
    /// The rule in words.
    pub says: String,
    /// The source document's facts it encodes.
    pub facts: Vec<String>,
    /// Whether it overrides every other rule.
    pub is_final: bool,
}

/// An existing component that answers the same way.
#[derive(Clone, Debug, PartialEq)]
pub struct PrecedentLine {
    /// The component.
    pub component: CompId,
    /// Its id.
    pub id: String,
    /// Its real name.
    pub name: String,
    /// Its provider's display name.
    pub provider: String,
    /// Why it sits where it does, else its notes.
    pub note: Option<String>,
    /// The answers it shares with the question.
    pub shared: Vec<String>,
    /// How alike its answers are (0–1).
    pub similarity: f64,
}

/// One placement question and the answer given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionLine {
    /// The question's id (also the CLI flag).
    pub id: String,
    /// The question as asked.
    pub ask: String,
    /// Whether it was answered yes.
    pub answer: bool,
}

/// Where the rule puts new infrastructure, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceView {
    /// Where the rule puts it.
    pub verdict: Verdict,
    /// The verdict's name ([`Verdict::name`]): a provider id, `conflict` or
    /// `undecided`.
    pub verdict_name: String,
    /// The verdict in words (the provider's name, or what went wrong).
    pub verdict_label: String,
    /// The rules that decided (for a conflict: the ones that disagree).
    pub deciding: Vec<RuleLine>,
    /// Rules that fired but were overridden by a final rule.
    pub overridden: Vec<RuleLine>,
    /// Existing components that answer the same way, most alike first.
    pub precedents: Vec<PrecedentLine>,
    /// Every question, with the answer given.
    pub questions: Vec<QuestionLine>,
    /// What the verdict rests on.
    pub basis: super::BasisView,
}

/// How an existing component fares against the rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditRow {
    /// The component.
    pub component: CompId,
    /// Its id.
    pub id: String,
    /// Its real name.
    pub name: String,
    /// Its provider's display name.
    pub provider: String,
    /// Its region's id, or `-`.
    pub region: String,
    /// Where the rule puts it.
    pub verdict: Verdict,
    /// The verdict's name ([`Verdict::name`]): a provider id, `conflict` or
    /// `undecided`.
    pub verdict_name: String,
    /// How it fares, with the reason it gives or what is wrong
    /// ([`AuditStatus::reason`]).
    pub status: AuditStatus,
    /// The rules its answers fire.
    pub rules: Vec<String>,
    /// What its line rests on.
    pub basis: super::BasisView,
}

/// One placement rule, for a list or a table.
pub fn rule_line(engine: &Engine, rule: RuleId) -> RuleLine {
    let model = engine.model();
    let r = &model.placement.rules[rule.index()];
    let provider = &model.providers[r.provider.index()];
    RuleLine {
        id: r.id.clone(),
        provider: provider.id.clone(),
        provider_name: provider.name.clone(),
        says: r.says.clone(),
        facts: r.provenance.facts.clone(),
        is_final: r.is_final,
    }
}

/// The verdict of an evaluation in words: the provider's name, or what
/// went wrong after the verdict's name.
pub fn verdict_label(engine: &Engine, evaluation: &Evaluation) -> String {
    let model = engine.model();
    let name = evaluation.verdict.name(model);
    match evaluation.verdict {
        Verdict::Provider(p) => model.providers[p.index()].name.clone(),
        Verdict::Conflict => {
            let mut names: Vec<String> = Vec::new();
            for r in &evaluation.deciding {
                let p = model.placement.rules[r.index()].provider;
                let name = model.providers[p.index()].name.clone();
                if !names.contains(&name) {
                    names.push(name);
                }
            }
            let mut label = String::from(name);
            label.push_str(": the rules point at ");
            label.push_str(&names.join(" and "));
            label
        }
        Verdict::Undecided => String::from(name) + ": no rule applies",
    }
}

/// The view of a placement answer.
///
/// Complexity: O(questions + rules + precedents).
pub fn place_view(engine: &Engine, answer: &PlaceAnswer) -> PlaceView {
    let model = engine.model();
    let verdict = answer.evaluation.verdict;
    PlaceView {
        verdict,
        verdict_name: verdict.name(model).to_owned(),
        verdict_label: verdict_label(engine, &answer.evaluation),
        deciding: answer
            .evaluation
            .deciding
            .iter()
            .map(|&r| rule_line(engine, r))
            .collect(),
        overridden: answer
            .evaluation
            .overridden
            .iter()
            .map(|&r| rule_line(engine, r))
            .collect(),
        precedents: answer
            .precedents
            .iter()
            .map(|p| {
                let c = model.component(p.component);
                PrecedentLine {
                    component: p.component,
                    id: c.id.clone(),
                    name: c.name.clone(),
                    provider: super::component::provider_display(engine, c.provider),
                    note: c.placement.clone().or_else(|| c.notes.clone()),
                    shared: p.shared.clone(),
                    similarity: p.similarity,
                }
            })
            .collect(),
        questions: model
            .placement
            .questions
            .iter()
            .map(|q| QuestionLine {
                id: q.id.clone(),
                ask: q.ask.clone(),
                answer: answer.answers.contains(&q.id),
            })
            .collect(),
        basis: super::basis_view(model, &answer_basis(model, answer)),
    }
}

/// The audit of every component that belongs to a provider, in model order.
///
/// Complexity: O(components · rules · answers).
pub fn audit_view(engine: &Engine) -> Vec<AuditRow> {
    let model = engine.model();
    audit(model)
        .into_iter()
        .map(|entry| {
            let c = model.component(entry.component);
            AuditRow {
                component: entry.component,
                id: c.id.clone(),
                name: c.name.clone(),
                provider: super::component::provider_display(engine, c.provider),
                region: model.region_name(c.region).to_owned(),
                verdict: entry.evaluation.verdict,
                verdict_name: entry.evaluation.verdict.name(model).to_owned(),
                basis: super::basis_view(model, &audit_basis(model, &entry)),
                status: entry.status,
                rules: entry
                    .evaluation
                    .fired
                    .iter()
                    .map(|r| model.placement.rules[r.index()].id.clone())
                    .collect(),
            }
        })
        .collect()
}
