//! Self-check questions: `{{#archsim predict fail="…" flow="…" answer="…"}}`.
//!
//! A question about the model, with its answer: the reader predicts the
//! state a flow is in under some failures, picks one of the four states,
//! and the page then says whether the pick is the engine's answer, and
//! shows that answer in the failure widget's words (its flow table's state
//! and cause, [`html::flow_state`] and [`html::flow_cause`]) with the mark
//! a claim of it would get ([`claim::mark`]: checked, or assumed and on
//! what). The author states the answer and the build checks it as it
//! checks a claim: when the engine says otherwise, the build fails with
//! the engine's answer.
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

use crate::claim::{self, Checked};
use crate::directive::{Directive, list};
use crate::error::Problem;
use crate::expand::check_options;

/// The options a question takes: what fails (as a failure claim's), the
/// flow asked about, and the engine's answer (a state, by
/// [`State::as_str`]).
pub const OPTIONS: [&str; 5] = ["fail", "scenario", "reschedule", "flow", "answer"];

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
/// Complexity: one simulation of the model.
pub fn predict(engine: &Engine, d: &Directive, at: Place<'_>) -> Result<String, Problem> {
    check_options(d, &OPTIONS)?;
    if let Some((word, _)) = d.words.first() {
        return Err(
            Problem::new(format!("`predict` takes no bare word (`{word}`)"))
                .with_hint(format!("options are written key=\"value\": {EXAMPLE}")),
        );
    }
    let model = engine.model();
    let named = required(d, "flow")?;
    let answer = state(required(d, "answer")?)?;
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
    if answered.state != answer {
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
        return Err(Problem::new(format!(
            "the answer does not hold: the model says {named} is {}, not {} ({condition}{chain})",
            answered.state.as_str(),
            answer.as_str()
        ))
        .with_hint(format!(
            "write answer=\"{}\", or fix the model; the page must agree with the model",
            answered.state.as_str()
        )));
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
    let asked = Asked {
        scenario,
        fail: &fail,
        reschedule: &reschedule,
        flow: row.entry.as_deref().unwrap_or(&row.name),
    };
    let checked = Checked {
        says: format!("{condition}, {} is {}", asked.flow, answer.word()),
        basis,
        proposed: None,
    };
    let mut m = Markup::new();
    m.open("fieldset", &[("class", "archsim-predict"), ("id", at.id)])
        .open("legend", &[])
        .text(&asked.question(model))
        .close("legend");
    m.raw("\n<div class=\"archsim-predict-choices\">");
    for state in State::ALL {
        let input = format!("{}-{}", at.id, state.as_str());
        m.raw("\n<div class=\"archsim-predict-choice\">")
            .open(
                "input",
                &[
                    ("type", "radio"),
                    ("name", at.id),
                    ("id", &input),
                    ("value", state.as_str()),
                    if state == answer {
                        ("class", "is-answer")
                    } else {
                        NONE
                    },
                ],
            )
            .open("label", &[("for", &input)])
            .badge(state)
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
        .text(asked.flow)
        .text(" is ");
    html::flow_state(&mut m, row);
    if !row.because.is_empty() {
        m.text(", because of ");
        html::flow_cause(&mut m, row);
    }
    m.text(".").raw(&claim::mark(
        model,
        &checked,
        &format!("{}-mark", at.id),
        at.assumptions_page,
    ));
    m.raw("</p>\n</div>\n</fieldset>");
    Ok(format!("\n\n{}\n\n", m.into_string()))
}

/// What the page says when the pick is the engine's answer.
pub const RIGHT: &str = "That is the engine's answer.";

/// What the page says when it is not.
pub const WRONG: &str = "Not the engine's answer.";

/// A question's form, for hints (placeholders only: hints name no model).
const EXAMPLE: &str = "{{#archsim predict fail=\"COMPONENT\" flow=\"HOST\" answer=\"down\"}}";

fn required<'d>(d: &'d Directive, key: &str) -> Result<&'d str, Problem> {
    d.get(key).ok_or_else(|| {
        Problem::new(format!("`predict` needs `{key}=`")).with_hint(format!("e.g. {EXAMPLE}"))
    })
}

/// A state named by its machine word (`at-risk`), as claims name it.
fn state(word: &str) -> Result<State, Problem> {
    let words = State::ALL.map(State::as_str);
    State::ALL
        .into_iter()
        .find(|s| s.as_str() == word)
        .ok_or_else(|| {
            let near = nearest(word, words.iter().copied(), 3);
            Problem::new(format!("`answer` is `{word}`, not a state")).with_hint(
                if near.is_empty() {
                    format!("the states are {}", words.join(", "))
                } else {
                    did_you_mean(&near)
                },
            )
        })
}

/// What a question asks about, for its words.
struct Asked<'a> {
    scenario: Option<&'a str>,
    fail: &'a [&'a str],
    reschedule: &'a [&'a str],
    /// The flow's host, or its name for a flow that starts at no host.
    flow: &'a str,
}

impl Asked<'_> {
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

/// Selectors as a list in words: "A, B and C".
fn in_words(model: &Model, selectors: &[&str]) -> String {
    let named: Vec<String> = selectors.iter().map(|s| selector(model, s)).collect();
    match named.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// One selector in words, by the model's names, looked up in the
/// selectors' own order (scenario, component id, component name, product,
/// provider); a word it does not know, as written.
fn selector(model: &Model, selector: &str) -> String {
    if let Some((prefix, value)) = selector.split_once(':') {
        return match prefix {
            "provider" => model
                .providers
                .iter()
                .find(|p| p.id == value)
                .map_or_else(|| value.to_owned(), |p| p.name.clone()),
            "region" => match model.regions.iter().find(|r| r.id == value) {
                Some(r) if r.name != r.id => format!("the region {} ({})", r.name, r.id),
                _ => format!("the region {value}"),
            },
            "kind" => format!("every component of kind {value}"),
            "env" => format!("every {value} component"),
            "product" => format!("every {value} component"),
            "terraform" => format!("every component Terraform manages under {value}"),
            _ => selector.to_owned(),
        };
    }
    if let Some(s) = model.scenarios.iter().find(|s| s.id == selector) {
        return format!("what “{}” fails", s.name);
    }
    if let Some(c) = model.component_by_id(selector).or_else(|| {
        model
            .components
            .iter()
            .position(|c| c.name.eq_ignore_ascii_case(selector))
            .map(archsim_core::CompId::from_index)
    }) {
        return model.component(c).name.clone();
    }
    if model
        .components
        .iter()
        .any(|c| c.product.as_deref() == Some(selector))
    {
        return format!("every {selector} component");
    }
    model
        .providers
        .iter()
        .find(|p| p.id == selector)
        .map_or_else(|| selector.to_owned(), |p| p.name.clone())
}

#[cfg(test)]
mod tests {
    use archsim_core::Engine;

    use super::{in_words, selector};

    #[test]
    fn selectors_read_as_the_models_names() {
        let engine = Engine::tomoda().expect("the Tomoda model loads");
        let model = engine.model();
        // (selector, in words)
        let cases = [
            ("region:ap-northeast-1", "the region Tokyo (ap-northeast-1)"),
            ("region:asia-east1", "the region asia-east1"),
            ("provider:aws", "AWS"),
            ("aws", "AWS"),
            ("cloudflare-zone", "tomoda.life zone"),
            ("cloudfront-outage", "what “CloudFront outage” fails"),
            ("env:dev", "every dev component"),
            ("kind:bucket", "every component of kind bucket"),
        ];
        for (written, words) in cases {
            assert_eq!(selector(model, written), words, "{written}");
        }
        assert_eq!(
            in_words(model, &["provider:aws", "provider:gcp", "cloudflare-zone"]),
            "AWS, Google Cloud and tomoda.life zone"
        );
    }
}
