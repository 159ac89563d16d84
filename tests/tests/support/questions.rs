//! The tour's self-check (`{{#archsim predict}}`), read as a reader sees
//! it: the engine's answer hidden until a choice is picked, then whether
//! the pick is the engine's answer, the flow's state and the mark. Shared
//! by the widgets' test (scripts on) and the no-script test (scripts off):
//! the questions work by CSS alone, so both run the same checks.

use archsim_core::State;
use fantoccini::Locator;
use fantoccini::key::Key;
use serde_json::{Value, json};

use super::browser::Session;
use super::expect::Expect;
use super::keys;

/// A question of the tour: what it asks the engine.
#[derive(Clone, Copy, Debug)]
pub enum Question {
    /// The state of a flow (its id) with these selectors failed.
    Fails(&'static [&'static str], &'static str),
    /// Whether a component (its id) is a single point of failure of a
    /// flow (its id).
    Spof(&'static str, &'static str),
}

/// The tour's questions, in page order. The engine, not this table, says
/// the answers.
pub const TOUR: [Question; 4] = [
    Question::Fails(&["region:ap-northeast-1"], "assets.tomoda.life"),
    Question::Spof("app.tomoda.life", "external-dns"),
    Question::Fails(&["provider:cloudflare"], "app.tomoda.life"),
    Question::Fails(&["provider:aws"], "app.tomoda.life"),
];

/// The engine's answer to a question, as the page must show it.
pub struct Answer {
    /// The choice that is the engine's answer (`degraded`, `no`).
    pub value: String,
    /// For a flow's state, the state (the answer's badge says it); else
    /// `None`.
    pub state: Option<String>,
    /// Words the answer must hold.
    pub words: String,
    /// `checked` or `assumed`.
    pub mark: String,
    /// The choices, in order.
    pub choices: Vec<&'static str>,
}

/// The tour's heading above the questions: a link to it moves the
/// keyboard's starting point there.
pub const ANCHOR: &str = "check-yourself";

/// A script: question `arguments[0]` as shown. `text` is what is rendered
/// (`innerText` leaves out what is not displayed); `focused` the value of
/// its radio button that has the focus.
const READ: &str = "const f = document.querySelectorAll('fieldset.archsim-predict')[arguments[0]];
    if (!f) return null;
    const shown = (e) => !!e && e.getClientRects().length > 0 && getComputedStyle(e).display !== 'none';
    const picked = f.querySelector('input:checked');
    const answer = f.querySelector('.archsim-predict-answer');
    const badge = answer && answer.querySelector('.archsim-state');
    const mark = answer && answer.querySelector('.archsim-claim');
    const a = document.activeElement;
    return {
      id: f.id,
      count: document.querySelectorAll('fieldset.archsim-predict').length,
      legend: f.querySelector('legend').textContent,
      choices: Array.from(f.querySelectorAll('input[type=radio]')).map((i) => i.value),
      names: Array.from(new Set(Array.from(f.querySelectorAll('input[type=radio]')).map((i) => i.name))),
      picked: picked ? picked.value : null,
      focused: a && a.closest('fieldset') === f && a.matches('input[type=radio]') ? a.value : null,
      right: shown(f.querySelector('.archsim-predict-verdict.is-right')),
      wrong: shown(f.querySelector('.archsim-predict-verdict.is-wrong')),
      answer: shown(answer),
      text: f.innerText,
      state: badge ? Array.from(badge.classList).find((c) => c.startsWith('state-')).slice(6) : null,
      mark: mark ? (mark.classList.contains('is-assumed') ? 'assumed' : 'checked') : null,
      mark_shown: shown(mark),
    };";

/// Whether every id in the page's questions is unique, and each question
/// has a radio group of its own.
const UNIQUE: &str = "const ids = Array.from(document.querySelectorAll('fieldset.archsim-predict, fieldset.archsim-predict [id]')).map((e) => e.id);
    const groups = Array.from(document.querySelectorAll('fieldset.archsim-predict')).map((f) => f.querySelector('input').name);
    return new Set(ids).size === ids.length && new Set(groups).size === groups.length;";

/// What the reader is told, on a pick.
const RIGHT: &str = "That is the engine's answer.";
const WRONG: &str = "Not the engine's answer.";

/// Question `i` as shown.
pub async fn read(session: &Session, i: usize) -> Result<Value, String> {
    let view = session.js(READ, vec![json!(i)]).await?;
    if view.is_null() {
        return Err(format!("the page has no question {}", i + 1));
    }
    Ok(view)
}

/// The engine's answer to question `i` of [`TOUR`].
pub fn engine_answer(expect: &Expect, i: usize) -> Result<Answer, String> {
    let engine = expect.engine();
    let model = engine.model();
    let mark = |assumed: bool| if assumed { "assumed" } else { "checked" }.to_owned();
    match TOUR[i] {
        Question::Fails(fail, flow) => {
            let state = expect
                .flows(fail)?
                .remove(flow)
                .ok_or_else(|| format!("the engine has no flow `{flow}`"))?;
            let basis = expect.flow_basis(fail, flow)?;
            let shown = State::ALL
                .into_iter()
                .find(|s| s.as_str() == state)
                .map_or_else(|| "?".to_owned(), |s| format!("{} {}", s.icon(), s.word()));
            Ok(Answer {
                value: state.clone(),
                words: format!("{flow} is {shown}"),
                state: Some(state),
                mark: mark(basis["summary"] != json!("checked")),
                choices: State::ALL.map(State::as_str).to_vec(),
            })
        }
        Question::Spof(flow, component) => {
            let f = model
                .flow_by_id(flow)
                .ok_or_else(|| format!("the engine has no flow `{flow}`"))?;
            let c = model
                .component_by_id(component)
                .ok_or_else(|| format!("the engine has no component `{component}`"))?;
            let spof = engine.flow_spof(f);
            let is = spof.components.contains(&c);
            // That it is one rests on the flow being down when it alone
            // fails; that it is not, on everything the flow relies on.
            let basis = if is {
                engine.spof_basis(f, c)
            } else {
                spof.basis.clone()
            };
            let name = &model.component(c).name;
            Ok(Answer {
                value: if is { "yes" } else { "no" }.to_owned(),
                state: None,
                words: format!(
                    "{name} {} a single point of failure of {flow}",
                    if is { "is" } else { "is not" }
                ),
                mark: mark(!basis.assumptions(model).is_empty()),
                choices: vec!["yes", "no"],
            })
        }
    }
}

/// Nothing of the answer shows, or is read, before a pick.
fn hidden(view: &Value) -> Result<(), String> {
    let text = view["text"].as_str().unwrap_or_default();
    if view["picked"].is_null()
        && view["right"] == json!(false)
        && view["wrong"] == json!(false)
        && view["answer"] == json!(false)
        && !text.contains("The engine")
        && !text.contains("engine's answer")
    {
        Ok(())
    } else {
        Err(format!(
            "question {}: the answer shows before a pick: {view}",
            view["id"]
        ))
    }
}

/// After a pick: the right words for it, the engine's answer and its mark.
fn revealed(view: &Value, answer: &Answer) -> Result<(), String> {
    let text = view["text"].as_str().unwrap_or_default();
    let right = view["picked"] == json!(answer.value);
    let (said, unsaid) = if right {
        (RIGHT, WRONG)
    } else {
        (WRONG, RIGHT)
    };
    let ok = view["right"] == json!(right)
        && view["wrong"] == json!(!right)
        && text.contains(said)
        && !text.contains(unsaid)
        && view["answer"] == json!(true)
        && view["state"] == json!(answer.state)
        && text.contains(&answer.words)
        && view["mark"] == json!(answer.mark)
        && view["mark_shown"] == json!(true);
    if ok {
        Ok(())
    } else {
        Err(format!(
            "question {} with {} picked: expected {said:?}, the engine's answer {:?} and a {} mark; shown: {view}",
            view["id"], view["picked"], answer.words, answer.mark
        ))
    }
}

/// Pick choice `value` of the question with id `id` by clicking its label,
/// as a reader's mouse would (no script needed).
async fn click(session: &Session, id: &str, value: &str) -> Result<(), String> {
    let css = format!("label[for=\"{id}-{value}\"]");
    session
        .js(
            "document.querySelector(arguments[0]).scrollIntoView({block: 'center'}); return 1",
            vec![json!(css)],
        )
        .await?;
    session
        .client
        .find(Locator::Css(&css))
        .await
        .map_err(|e| format!("no label {css}: {e}"))?
        .click()
        .await
        .map_err(|e| format!("cannot click {css}: {e}"))
}

/// The tour's self-check, on a page already open at [`ANCHOR`]:
///
/// 1. every question hides its answer, and its ids are unique;
/// 2. by keyboard alone, from the heading: Tab reaches the first
///    question's choices, Space picks one that is not the engine's answer,
///    which says so and shows the engine's state; arrow keys change the
///    pick until it is the engine's, which says so;
/// 3. every other question, by mouse: a wrong pick, then the right one.
///
/// Returns how many questions were checked, and how many presses of Tab
/// reached the first.
pub async fn check_tour(session: &Session, expect: &Expect) -> Result<(usize, usize), String> {
    let first = read(session, 0).await?;
    let count = first["count"].as_u64().unwrap_or(0) as usize;
    if count != TOUR.len() {
        return Err(format!(
            "the tour asks {count} questions; this test knows {}",
            TOUR.len()
        ));
    }
    if session.js(UNIQUE, vec![]).await? != json!(true) {
        return Err("the questions' ids or radio groups are not unique on the page".into());
    }
    for (i, question) in TOUR.iter().enumerate() {
        let view = read(session, i).await?;
        hidden(&view)?;
        let flow = match question {
            Question::Fails(_, flow) | Question::Spof(flow, _) => flow,
        };
        let legend = view["legend"].as_str().unwrap_or_default();
        if !legend.contains(flow) || !legend.ends_with('?') {
            return Err(format!(
                "question {} asks {legend:?}, not about {flow}",
                i + 1
            ));
        }
        let answer = engine_answer(expect, i)?;
        if view["choices"] != json!(answer.choices)
            || view["names"].as_array().map_or(0, Vec::len) != 1
        {
            return Err(format!(
                "question {}: the choices are not {:?} in one group: {view}",
                i + 1,
                answer.choices
            ));
        }
    }

    // 2. The keyboard, from the heading.
    let mut presses = 0;
    let mut view = read(session, 0).await?;
    while view["focused"].is_null() {
        if presses == 400 {
            return Err("400 presses of Tab did not reach the first question".into());
        }
        keys::press(session, Key::Tab).await?;
        presses += 1;
        view = read(session, 0).await?;
    }
    let answer = engine_answer(expect, 0)?;
    let state = &answer.value;
    if view["focused"] == json!(state) {
        keys::press(session, Key::Down).await?;
    } else {
        keys::press(session, ' ').await?;
    }
    let view = read(session, 0).await?;
    if view["picked"].is_null() || view["picked"] == json!(state) {
        return Err(format!(
            "the keyboard did not pick a choice other than the engine's {state}: {view}"
        ));
    }
    revealed(&view, &answer)?;
    let mut view = view;
    for _ in 0..answer.choices.len() {
        if view["picked"] == json!(state) {
            break;
        }
        keys::press(session, Key::Down).await?;
        view = read(session, 0).await?;
    }
    if view["picked"] != json!(state) {
        return Err(format!(
            "arrow keys never picked the engine's {state}: {view}"
        ));
    }
    revealed(&view, &answer)?;

    // 3. The mouse, on the others.
    for i in 1..TOUR.len() {
        let answer = engine_answer(expect, i)?;
        let id = read(session, i).await?["id"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        let wrong = answer
            .choices
            .iter()
            .find(|c| **c != answer.value)
            .copied()
            .unwrap_or_default();
        click(session, &id, wrong).await?;
        revealed(&read(session, i).await?, &answer)?;
        click(session, &id, &answer.value).await?;
        revealed(&read(session, i).await?, &answer)?;
    }
    Ok((TOUR.len(), presses))
}

/// A script: pick a choice in every self-check question of the page, so
/// that each answer shows: the engine's answer in the first, third, …, and
/// another in the second, fourth, …, so both verdicts show. Returns how
/// many questions there are.
pub const PICK_EACH: &str =
    "const qs = Array.from(document.querySelectorAll('fieldset.archsim-predict'));
    qs.forEach((f, i) => {
      const right = f.querySelector('input.is-answer');
      const other = Array.from(f.querySelectorAll('input')).find((x) => x !== right);
      (i % 2 === 0 ? right : other).click();
    });
    return qs.length;";
