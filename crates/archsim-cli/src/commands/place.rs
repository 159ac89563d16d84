//! `archsim place [--QUESTION]... [--answer ID]...` and `archsim place --audit`

use archsim_core::place::{self, AuditEntry};
use archsim_core::{AuditStatus, Model, PlaceAnswer, Verdict};
use clap::ArgMatches;

use super::{Answer, Ctx, values};
use crate::basis::{self, Notes};
use crate::cli::{flaggable, question_arg};
use crate::error::CliError;
use crate::json::{AuditEntryJson, AuditJson, BasisJson, PlaceJson, PrecedentJson, RuleJson};
use crate::render::{Style, Table, list, shown};

/// Evaluate the placement rule for the answers given, or audit the model.
pub fn run(ctx: &Ctx, m: &ArgMatches) -> Result<Answer, CliError> {
    let engine = ctx.engine()?;
    let model = engine.model();
    let mut answers: Vec<&str> = model
        .placement
        .questions
        .iter()
        .filter(|q| {
            m.try_get_one::<bool>(&question_arg(&q.id))
                .ok()
                .flatten()
                .copied()
                .unwrap_or(false)
        })
        .map(|q| q.id.as_str())
        .collect();
    answers.extend(values(m, "answer"));
    if m.get_flag("audit") {
        if !answers.is_empty() {
            return Err(CliError::usage(
                "`--audit` checks the existing components; it takes no answers",
            ));
        }
        let audit = place::audit(model);
        return ctx.answer(
            || audit_json(model, &audit),
            || audit_human(ctx, model, &audit),
        );
    }
    let answer = place::place(model, &answers)?;
    ctx.answer(|| to_json(model, &answer), || human(ctx, model, &answer))
}

fn to_json<'a>(model: &'a Model, answer: &'a PlaceAnswer) -> PlaceJson<'a> {
    let e = &answer.evaluation;
    PlaceJson {
        answers: &answer.answers,
        verdict: e.verdict.name(model),
        rules: e
            .fired
            .iter()
            .map(|&r| {
                let rule = &model.placement.rules[r.index()];
                RuleJson {
                    id: &rule.id,
                    provider: &model.providers[rule.provider.index()].id,
                    says: &rule.says,
                    facts: &rule.provenance.facts,
                    role: if e.deciding.contains(&r) {
                        "decided"
                    } else if e.overridden.contains(&r) {
                        "overridden"
                    } else {
                        "fired"
                    },
                }
            })
            .collect(),
        precedents: answer
            .precedents
            .iter()
            .map(|p| {
                let c = model.component(p.component);
                PrecedentJson {
                    id: &c.id,
                    name: &c.name,
                    provider: model.provider_name(c.provider),
                    shared: &p.shared,
                    similarity: (p.similarity * 1000.0).round() / 1000.0,
                    note: c.placement.as_deref(),
                }
            })
            .collect(),
        basis: BasisJson::new(model, &place::answer_basis(model, answer)),
    }
}

fn verdict_text(style: Style, model: &Model, verdict: Verdict) -> String {
    match verdict {
        Verdict::Provider(p) => {
            let p = &model.providers[p.index()];
            style.good(&format!("→ {} ({})", p.id, p.name))
        }
        Verdict::Conflict => style.notice(&format!("⚠ {}", verdict.name(model))),
        Verdict::Undecided => style.dim(&format!("? {}", verdict.name(model))),
    }
}

fn human(ctx: &Ctx, model: &Model, answer: &PlaceAnswer) -> String {
    let style = ctx.style;
    let e = &answer.evaluation;
    let mut head = Table::default().wrap_at(ctx.width);
    let answers = if answer.answers.is_empty() {
        style.dim("(none)")
    } else {
        shown(&answer.answers.join(", ")).into_owned()
    };
    head.row(vec!["answers".into(), answers]);
    head.row(vec![
        "verdict".into(),
        verdict_text(style, model, e.verdict),
    ]);
    let rule = |r: &archsim_core::RuleId| &model.placement.rules[r.index()];
    match e.verdict {
        Verdict::Conflict => {
            let sides: Vec<String> = e
                .deciding
                .iter()
                .map(|r| {
                    let r = rule(r);
                    format!(
                        "{} puts it on {}",
                        shown(&r.id),
                        shown(&model.providers[r.provider.index()].id)
                    )
                })
                .collect();
            let mut text = format!("The rules that decide disagree: {}.", list(&sides));
            if let Some(p) = answer.precedents.first() {
                let c = model.component(p.component);
                text.push_str(&format!(
                    " The nearest precedent, {}, sits on {}.",
                    shown(&c.id),
                    shown(model.provider_name(c.provider))
                ));
            }
            head.note(text);
        }
        Verdict::Undecided if answer.answers.is_empty() => {}
        Verdict::Undecided => {
            head.note("No rule fires for these answers.".into());
        }
        Verdict::Provider(_) => {}
    }
    let mut out = head.render(style, 2);

    if answer.answers.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            style.bold("Say what holds for the new piece (flags of `archsim place`):")
        ));
        let mut questions = Table::default().wrap_at(ctx.width);
        for q in &model.placement.questions {
            let flag = if flaggable(&q.id) {
                format!("--{}", q.id)
            } else {
                // Its id is one of place's own flags: only `--answer` says it.
                format!("--answer {}", q.id)
            };
            questions.row(vec![shown(&flag).into_owned(), shown(&q.ask).into_owned()]);
        }
        out.push_str(&questions.render(style, 2));
        return out;
    }

    if !e.fired.is_empty() {
        out.push_str(&format!("\n{}\n", style.bold("Rules")));
        let mut rules = Table::default().wrap_at(ctx.width);
        for r in &e.fired {
            let role = if e.deciding.contains(r) {
                style.good("decided")
            } else if e.overridden.contains(r) {
                style.dim("overridden")
            } else {
                "fired".to_owned()
            };
            let rule = rule(r);
            rules.row(vec![
                role,
                style.id(&rule.id),
                format!("→ {}", shown(&model.providers[rule.provider.index()].id)),
                style.dim(&rule.provenance.facts.join(", ")),
            ]);
            rules.note(shown(&rule.says).into_owned());
        }
        out.push_str(&rules.render(style, 2));
    }

    if !answer.precedents.is_empty() {
        out.push_str(&format!("\n{}\n", style.bold("Precedents")));
        let mut table = Table::default().wrap_at(ctx.width);
        for p in &answer.precedents {
            let c = model.component(p.component);
            table.row(vec![
                style.id(&c.id),
                format!("on {}", shown(model.provider_name(c.provider))),
                format!("{:.0}% alike", p.similarity * 100.0),
                style.dim(&format!("shares {}", list(&p.shared))),
            ]);
            table.note(shown(&c.name).into_owned());
            if let Some(note) = &c.placement {
                table.note(format!("{} {}", style.notice("placement:"), shown(note)));
            }
        }
        out.push_str(&table.render(style, 2));
    }
    out.push_str(&ctx.basis(model, &place::answer_basis(model, answer)));
    out
}

fn audit_json<'a>(model: &'a Model, audit: &'a [AuditEntry]) -> AuditJson<'a> {
    AuditJson {
        audit: audit
            .iter()
            .map(|a| {
                let c = model.component(a.component);
                AuditEntryJson {
                    id: &c.id,
                    provider: model.provider_name(c.provider),
                    region: c.region.map(|r| model.regions[r.index()].id.as_str()),
                    verdict: a.evaluation.verdict.name(model),
                    status: a.status.as_str(),
                    reason: a.status.reason(),
                    rules: a
                        .evaluation
                        .deciding
                        .iter()
                        .map(|r| model.placement.rules[r.index()].id.as_str())
                        .collect(),
                    basis: BasisJson::new(model, &place::audit_basis(model, a)),
                }
            })
            .collect(),
    }
}

fn status_text(style: Style, status: &AuditStatus) -> String {
    let (paint, icon): (fn(Style, &str) -> String, &str) = match status {
        AuditStatus::Fits => (Style::good, "✔ "),
        AuditStatus::Exception(_) => (Style::notice, "◆ "),
        AuditStatus::Resolved(_) => (Style::notice, "◆ "),
        AuditStatus::NotCovered => (Style::dim, "· "),
        AuditStatus::Violation(_) => (Style::error, "✖ "),
    };
    paint(style, &(String::from(icon) + status.word()))
}

fn audit_human(ctx: &Ctx, model: &Model, audit: &[AuditEntry]) -> String {
    let style = ctx.style;
    let mut notes = Notes::default();
    let mut table = Table::new(&[
        "COMPONENT",
        "ON",
        "REGION",
        "RULE SAYS",
        "STATUS",
        basis::COLUMN,
    ])
    .wrap_at(ctx.width);
    let mut checked = 0;
    for a in audit {
        let c = model.component(a.component);
        let own = place::audit_basis(model, a);
        checked += usize::from(own.is_checked(model));
        table.row(vec![
            style.id(&c.id),
            shown(model.provider_name(c.provider)).into_owned(),
            shown(model.region_name(c.region)).into_owned(),
            shown(a.evaluation.verdict.name(model)).into_owned(),
            status_text(style, &a.status),
            notes.mark(style, model, &own),
        ]);
        if let Some(reason) = a.status.reason() {
            table.note(style.dim(reason));
        }
        table.note(basis::facts(style, model, &own));
    }
    let mut out = table.render(style, 2);
    let mut counts = Vec::new();
    for (rank, word) in AuditStatus::WORDS.into_iter().enumerate() {
        let n = audit.iter().filter(|a| a.status.rank() == rank).count();
        if n > 0 {
            counts.push(format!("{n} {word}"));
        }
    }
    out.push_str(&format!(
        "\n  {}: {}{}\n",
        style.bold(&format!("{} components", audit.len())),
        list(&counts),
        basis::counts(checked, audit.len())
    ));
    out.push_str(&notes.render(style, ctx.width, model, ctx.verbose));
    out
}
