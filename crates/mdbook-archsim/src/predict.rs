//! Self-check questions: `{{#archsim predict fail="…" flow="…" answer="…"}}`.
//!
//! A question about the model, with its answer: the reader predicts the
//! state a flow is in under some failures and picks one of the four
//! states (or, with `spof=`, whether a component is a single point of
//! failure of a flow: yes or no), and the page then says whether the pick
//! is the engine's answer, and shows that answer in the failure widget's
//! words (its flow table's state and cause, [`html::flow_state`] and
//! [`html::flow_cause`]; or the flow's single points of failure,
//! [`html::flow_spofs`]) with the mark a claim of it would get
//! ([`claim::mark`]: checked, or assumed and on what). The author states
//! the answer and the build checks it as it checks a claim: when the
//! engine says otherwise, the build fails with the engine's answer.
//!
//! The output is static HTML: native radio buttons in a `<fieldset>`, the
//! answer revealed by CSS alone (`:has(input:checked)`, the theme's
//! `archsim.css`), so it works without JavaScript and adds nothing to the
//! widgets' bundle. Until a pick, the answer is `display: none`, hidden
//! from screen readers too; after one, the reader may change it.

use archsim_core::select::select;
use archsim_core::suggest::{did_you_mean, nearest};
use archsim_core::{Basis, Engine, Model, Premise, State};
use archsim_view::html::{self, Markup, NONE};
use archsim_view::present;

use crate::claim::words::in_words;
use crate::claim::{self, Checked};
use crate::directive::{Directive, Opt, list};
use crate::error::Problem;
use crate::expand::check_options;

/// One kind of question: the option that names its subject, the options
/// it takes, the answers the reader picks from and how the engine answers
/// it. Adding a kind is a function and a row here.
struct Kind {
    /// The option naming the subject; `None` for a failure question,
    /// which names what fails with `fail=` or `scenario=` instead.
    subject: Option<&'static str>,
    what: &'static str,
    options: &'static [&'static str],
    /// The kind's form, for hints (placeholders only: hints name no model).
    example: &'static str,
    /// The answers, by the word `answer=` takes, in the order shown.
    answers: fn() -> Vec<&'static str>,
    /// The engine's answer to the question, or why the page cannot ask
    /// it (the answer, the kind's word for it, is the author's).
    ask: fn(&Engine, &Directive, &'static str) -> Result<Asked, Problem>,
}

const KINDS: [Kind; 2] = [
    Kind {
        subject: None,
        what: "failure",
        options: &["fail", "scenario", "reschedule", "flow", "answer"],
        example: EXAMPLE,
        answers: || State::ALL.map(State::as_str).to_vec(),
        ask: failure,
    },
    Kind {
        subject: Some("spof"),
        what: "single-point-of-failure",
        options: &["spof", "component", "answer"],
        example: SPOF_EXAMPLE,
        answers: || YES_NO.to_vec(),
        ask: spof,
    },
];

/// A single-point-of-failure question's answers.
const YES_NO: [&str; 2] = ["yes", "no"];

/// Every option a question takes, for did-you-mean hints.
pub fn options() -> Vec<&'static str> {
    let mut all: Vec<&'static str> = Vec::new();
    for option in KINDS.iter().flat_map(|k| k.options.iter().copied()) {
        if !all.contains(&option) {
            all.push(option);
        }
    }
    all
}

/// A question the engine answers as its author says.
struct Asked {
    /// The question, in words.
    question: String,
    /// Each choice's label, as markup, in the order of the kind's answers.
    labels: Vec<String>,
    /// The engine's answer, as markup: what the reader is shown.
    says: String,
    /// What was checked, and what the answer rests on.
    checked: Checked,
}

/// Where a question stands and what its page links to.
#[derive(Clone, Copy, Debug)]
pub struct Place<'a> {
    /// The question's id, unique in the whole book (the print page holds
    /// every chapter): the radio group's name, and the prefix of every id
    /// inside it.
    pub id: &'a str,
    /// Whether the book has an Assumptions page (the mark's note points
    /// there, as a claim's does).
    pub assumptions_page: bool,
}

/// The id of the `number`-th question of the page at `path`
/// (`predict-tour-md-2`).
pub fn question_id(path: &str, number: usize) -> String {
    format!("predict-{}-{number}", crate::index::slug(path))
}

/// A question and its hidden answer, or why the page cannot ask it: an
/// option it does not take, a name the model does not know, or an answer
/// the engine does not give.
///
/// Complexity: one simulation of the model, or one flow's single points
/// of failure.
pub fn predict(engine: &Engine, d: &Directive, at: Place<'_>) -> Result<String, Problem> {
    check_options(d, &options())?;
    if let Some((word, _)) = d.words.first() {
        return Err(
            Problem::new(format!("`predict` takes no bare word (`{word}`)"))
                .with_hint(format!("options are written key=\"value\": {EXAMPLE}")),
        );
    }
    let kind = crate::directive::one_kind(
        &KINDS,
        |k| k.subject,
        d,
        "a question",
        "split it into several questions",
    )?;
    for o in &d.options {
        if !kind.options.contains(&o.key.as_str()) {
            return Err(Problem::new(format!(
                "`{}` is not an option of a {} question",
                o.key, kind.what
            ))
            .with_hint(format!(
                "{} questions take {}",
                kind.what,
                kind.options.join(", ")
            )));
        }
    }
    let answers = (kind.answers)();
    let answer = pick(&answers, required(d, "answer", kind.example)?)?;
    let asked = (kind.ask)(engine, d, answer)?;
    let model = engine.model();
    let mut m = Markup::new();
    m.open("fieldset", &[("class", "archsim-predict"), ("id", at.id)])
        .open("legend", &[])
        .text(&asked.question)
        .close("legend");
    m.raw("\n<div class=\"archsim-predict-choices\">");
    for (value, label) in answers.iter().zip(&asked.labels) {
        let input = format!("{}-{value}", at.id);
        m.raw("\n<div class=\"archsim-predict-choice\">")
            .open(
                "input",
                &[
                    ("type", "radio"),
                    ("name", at.id),
                    ("id", &input),
                    ("value", value),
                    if *value == answer {
                        ("class", "is-answer")
                    } else {
                        NONE
                    },
                ],
            )
            .open("label", &[("for", &input)])
            .raw(label)
            .close("label")
            .raw("</div>");
    }
    // The live region stays in the page; what it holds shows once a
    // choice is picked, and is then announced.
    m.raw("\n</div>\n<div class=\"archsim-predict-reveal\" aria-live=\"polite\">")
        .raw("\n<p class=\"archsim-predict-verdict is-right\"><span aria-hidden=\"true\">✓</span> ")
        .text(RIGHT)
        .raw("</p>\n<p class=\"archsim-predict-verdict is-wrong\"><span aria-hidden=\"true\">✗</span> ")
        .text(WRONG)
        .raw("</p>\n<p class=\"archsim-predict-answer\">")
        .text("The engine: ")
        .raw(&asked.says)
        .raw(&claim::mark(
            model,
            &asked.checked,
            &format!("{}-mark", at.id),
            at.assumptions_page,
        ))
        .raw("</p>\n</div>\n</fieldset>");
    Ok(format!("\n\n{}\n\n", m.into_string()))
}

/// What the page says when the pick is the engine's answer.
pub const RIGHT: &str = "That is the engine's answer.";

/// What the page says when it is not.
pub const WRONG: &str = "Not the engine's answer.";

/// A failure question's form, for hints.
const EXAMPLE: &str = "{{#archsim predict fail=\"COMPONENT\" flow=\"HOST\" answer=\"down\"}}";

/// A single-point-of-failure question's form, for hints.
const SPOF_EXAMPLE: &str =
    "{{#archsim predict spof=\"HOST\" component=\"COMPONENT\" answer=\"yes\"}}";

fn required<'d>(d: &'d Directive, key: &str, example: &str) -> Result<&'d str, Problem> {
    d.get(key).ok_or_else(|| {
        Problem::new(format!("`predict` needs `{key}=`")).with_hint(format!("e.g. {example}"))
    })
}

/// The answer `word` names among a kind's `answers`.
fn pick(answers: &[&'static str], word: &str) -> Result<&'static str, Problem> {
    answers.iter().copied().find(|a| *a == word).ok_or_else(|| {
        let near = nearest(word, answers.iter().copied(), 3);
        Problem::new(format!("`answer` is `{word}`, not one of the answers")).with_hint(
            if near.is_empty() {
                format!("the answers are {}", answers.join(", "))
            } else {
                did_you_mean(&near)
            },
        )
    })
}

/// The model contradicts the author's answer; the hint is the engine's.
fn does_not_hold(says: String, engines: &str) -> Problem {
    Problem::new(format!("the answer does not hold: the model says {says}")).with_hint(format!(
        "write answer=\"{engines}\", or fix the model; the page must agree with the model"
    ))
}

/// A failure question: the state a flow is in under some failures, shown
/// as the failure widget's flow table shows it.
fn failure(engine: &Engine, d: &Directive, answer: &'static str) -> Result<Asked, Problem> {
    let model = engine.model();
    let named = required(d, "flow", EXAMPLE)?;
    let fail: Vec<&str> = d.get("fail").map(list).unwrap_or_default();
    let scenario = d
        .get("scenario")
        .map(|s| claim::scenario_id(model, s))
        .transpose()?;
    let reschedule: Vec<&str> = d.get("reschedule").map(list).unwrap_or_default();
    if fail.is_empty() && scenario.is_none() {
        return Err(
            Problem::new("the question fails nothing").with_hint(format!(
                "name what fails with `fail=` or `scenario=`: {EXAMPLE}"
            )),
        );
    }
    let flow = claim::flow(engine, named)?;
    let selectors: Vec<&str> = fail.iter().copied().chain(scenario).collect();
    let selection = select(model, &selectors, &reschedule)?;
    let condition = claim::condition(scenario, &fail, &reschedule);
    let outcome = engine.simulate(&selection);
    let answered = &outcome.flows[flow.index()];
    let state = answered.state;
    if state.as_str() != answer {
        let chain = if answered.because.is_empty() {
            String::new()
        } else {
            let ids: Vec<&str> = answered
                .because
                .iter()
                .map(|&c| model.component(c).id.as_str())
                .collect();
            format!(", because of {}", ids.join(" → "))
        };
        return Err(does_not_hold(
            format!(
                "{named} is {}, not {answer} ({condition}{chain})",
                state.as_str()
            ),
            state.as_str(),
        ));
    }
    // What the answer rests on, as a failure claim of it would.
    let mut basis = Basis::new();
    for &s in &selection.scenarios {
        basis.add(Premise::Scenario(s as u32));
    }
    basis.extend(&answered.basis);
    basis.finish(model);
    let view = present::outcome_view(engine, &outcome);
    let row = &view.rows[flow.index()];
    let subject = row.entry.as_deref().unwrap_or(&row.name);
    let words = Words {
        scenario,
        fail: &fail,
        reschedule: &reschedule,
        flow: subject,
    };
    let mut says = Markup::new();
    says.text(subject).text(" is ");
    html::flow_state(&mut says, row);
    if !row.because.is_empty() {
        says.text(", because of ");
        html::flow_cause(&mut says, row);
    }
    says.text(".");
    let labels = State::ALL
        .iter()
        .map(|&s| {
            let mut m = Markup::new();
            m.badge(s);
            m.into_string()
        })
        .collect();
    Ok(Asked {
        question: words.question(model),
        labels,
        says: says.into_string(),
        checked: Checked {
            says: format!("{condition}, {subject} is {}", state.word()),
            basis,
            proposed: None,
        },
    })
}

/// A single-point-of-failure question: whether a component's failure
/// alone takes a flow down; the answer lists the flow's single points of
/// failure as the single-point-of-failure table does.
fn spof(engine: &Engine, d: &Directive, answer: &'static str) -> Result<Asked, Problem> {
    let model = engine.model();
    let named = required(d, "spof", SPOF_EXAMPLE)?;
    let flow = claim::flow(engine, named)?;
    let c = claim::component_id(model, required(d, "component", SPOF_EXAMPLE)?)?;
    let spofs = engine.flow_spof(flow);
    let is = spofs.components.contains(&c);
    let line = present::SpofLine::new(model, &spofs);
    let component = &model.component(c).name;
    let flow_row = &model.flows[flow.index()];
    let subject = flow_row.entry_host().unwrap_or(&flow_row.name);
    let engines = if is { "yes" } else { "no" };
    if engines != answer {
        let ids: Vec<&str> = spofs
            .components
            .iter()
            .map(|&c| model.component(c).id.as_str())
            .collect();
        let verb = if is { "is" } else { "is not" };
        return Err(does_not_hold(
            format!(
                "{} {verb} a single point of failure of {named} (its single points of failure are {})",
                model.component(c).id,
                if ids.is_empty() {
                    "none".to_owned()
                } else {
                    ids.join(", ")
                }
            ),
            engines,
        ));
    }
    // What it rests on, as the claim `includes=` or `excludes=` would:
    // the same check, so the mark is the claim's.
    let key = if is { "includes" } else { "excludes" };
    let claimed = Directive {
        kind: "claim".to_owned(),
        words: Vec::new(),
        options: [("spof", named), (key, model.component(c).id.as_str())]
            .map(|(key, value)| Opt {
                key: key.to_owned(),
                value: value.to_owned(),
                line: d.line,
            })
            .to_vec(),
        line: d.line,
    };
    let mut checked = claim::check(engine, &claimed)?;
    checked.says = format!(
        "{component} {} a single point of failure of {subject}",
        if is { "is" } else { "is not" }
    );
    let mut says = Markup::new();
    says.text(component)
        .text(if is { " is " } else { " is not " })
        .text("a single point of failure of ")
        .text(subject)
        .text(". Its single points of failure: ");
    html::flow_spofs(&mut says, &line, "none");
    says.text(".");
    Ok(Asked {
        question: format!("Is {component} a single point of failure of {subject}?"),
        labels: YES_NO.iter().map(|w| (*w).to_owned()).collect(),
        says: says.into_string(),
        checked,
    })
}

/// What a failure question asks about, for its words.
struct Words<'a> {
    scenario: Option<&'a str>,
    fail: &'a [&'a str],
    reschedule: &'a [&'a str],
    /// The flow's host, or its name for a flow that starts at no host.
    flow: &'a str,
}

impl Words<'_> {
    /// The question in words, with the model's names: "With the region
    /// Tokyo (ap-northeast-1) failing, what state is assets.tomoda.life
    /// in?"
    fn question(&self, model: &Model) -> String {
        let mut out = String::new();
        if let Some(id) = self.scenario {
            let name = model
                .scenarios
                .iter()
                .find(|s| s.id == id)
                .map_or(id, |s| s.name.as_str());
            out.push_str("In the scenario “");
            out.push_str(name);
            out.push('”');
        }
        if !self.fail.is_empty() {
            out.push_str(if out.is_empty() { "With " } else { ", with " });
            out.push_str(&in_words(model, self.fail));
            out.push_str(" failing");
        }
        if !self.reschedule.is_empty() {
            out.push_str(if out.is_empty() { "With " } else { " and " });
            out.push_str(&in_words(model, self.reschedule));
            out.push_str(" restarting");
        }
        out.push_str(", what state is ");
        out.push_str(self.flow);
        out.push_str(" in?");
        out
    }
}
