//! A widget's state: what the reader asked, as plain data, and how each
//! action changes it.
//!
//! Pure (no DOM, no yew beyond the [`Reducible`] trait): the reducer, the
//! mount request and the URL fragment all meet here, and are unit-tested
//! natively. Answers (routes, outcomes, verdicts) are *not* state: the panels
//! ask the engine for them from this state on every render, so the state
//! stays small enough to fit in a link.

use std::collections::BTreeSet;
use std::rc::Rc;

use archsim_core::select::{components, select};
use archsim_core::suggest::{did_you_mean, nearest};
use archsim_core::{CompId, Model, Selection};
use yew::Reducible;

use crate::fragment::{EXCERPT, Fragment, excerpt};
use crate::map::viewport::Viewport;
use archsim_view::contract::{Kind, Request};

/// The most unknown names a notice quotes (and looks up near names for);
/// it counts the rest.
const NAMED: usize = 5;

/// Everything a reader has asked of one widget.
#[derive(Clone, Debug, PartialEq)]
pub struct WidgetState {
    /// The open panel (the full page's tabs; a widget's own kind).
    pub tab: Kind,
    /// The host or URL being routed, as typed.
    pub host: String,
    /// The route hop being explained.
    pub step: Option<usize>,
    /// Components failed on purpose.
    pub failed: BTreeSet<CompId>,
    /// The scenario preset the failures came from (its restarts apply).
    pub scenario: Option<usize>,
    /// The component fields ([`archsim_core::Field::bit`]s) that the
    /// mount's `data-fail` selectors read to pick what fails: the answers
    /// rest on them as the CLI's do. Kept until nothing fails.
    pub fields: u8,
    /// Show each flow's single points of failure.
    pub spof: bool,
    /// Placement questions answered yes, in the model's order.
    pub answers: Vec<String>,
    /// Show the placement audit.
    pub audit: bool,
    /// The host whose DNS ownership is asked, as typed.
    pub dns: String,
    /// The component in the details panel.
    pub selected: Option<CompId>,
    /// The map's pan and zoom.
    pub view: Viewport,
    /// The map's search text.
    pub search: String,
    /// The propose widget's draft, in its link form
    /// (`archsim_core::draft::Draft::to_fragment`); empty for none. Read
    /// and checked by the propose widget, which names a bad one.
    pub draft: String,
    /// Whether activating a map node fails it (rather than selecting it).
    pub clicks_fail: bool,
    /// Notices to show above the widget (bad link, unknown names).
    pub notices: Vec<String>,
}

impl WidgetState {
    /// The defaults of a widget of `kind`.
    pub fn new(kind: Kind) -> WidgetState {
        WidgetState {
            tab: if kind == Kind::App { Kind::Map } else { kind },
            host: String::new(),
            step: None,
            failed: BTreeSet::new(),
            scenario: None,
            fields: 0,
            spof: false,
            answers: Vec::new(),
            audit: false,
            dns: String::new(),
            selected: None,
            view: Viewport::default(),
            search: String::new(),
            draft: String::new(),
            clicks_fail: kind == Kind::Fail,
            notices: Vec::new(),
        }
    }

    /// The state a mount point asks for. Names the model does not know
    /// become notices (with near names) and are left out.
    ///
    /// Complexity: O(selectors · components).
    #[allow(clippy::disallowed_macros)] // The notice for a data-fail selector in error.
    pub fn from_request(model: &Model, request: &Request) -> WidgetState {
        let mut state = WidgetState::new(request.kind);
        if let Some(host) = &request.host {
            if request.kind == Kind::Dns {
                state.dns = host.clone();
            } else {
                state.host = host.clone();
            }
        }
        if let Some(id) = &request.scenario {
            match scenario_index(model, id) {
                Ok(index) => state.apply_scenario(model, index),
                Err(notice) => state.notices.push(notice),
            }
        }
        for selector in &request.fail {
            match select(model, &[selector.as_str()], &[]) {
                Ok(picked) => {
                    state.failed.extend(picked.failed);
                    state.fields |= picked.fields;
                }
                Err(e) => state.notices.push(format!("data-fail: {e}")),
            }
        }
        state.set_answers(model, &request.answers);
        state.spof = request.spof;
        state.audit = request.audit;
        // A propose widget's draft (`data-draft`), in its link form: the
        // widget reads it as it reads a link's, and says what is wrong
        // with a bad one.
        if let Some(draft) = &request.draft {
            state.draft = draft.clone();
        }
        state
    }

    /// This state with a link's fragment applied over it. Unknown ids are
    /// named in a notice and ignored; everything else the link says wins.
    #[allow(clippy::disallowed_macros)] // The notice for a link's unknown tab.
    pub fn with_fragment(mut self, model: &Model, f: &Fragment) -> WidgetState {
        if let Some(tab) = f.tab.as_deref() {
            match Kind::parse(tab).filter(|k| *k != Kind::App) {
                Some(kind) => self.tab = kind,
                None => self.notices.push(format!(
                    "the link's tab `{}` is unknown",
                    excerpt(tab, EXCERPT)
                )),
            }
        }
        if let Some(host) = &f.host {
            self.host = host.clone();
        }
        self.step = f.step.or(self.step);
        // Failures and their preset travel together: a link that fails
        // components and names no preset has none, whatever preset the
        // widget starts from (a reader who restored everything and ticked
        // one component shared no preset).
        // `fail=` alone says that nothing fails.
        if f.scenario.is_none() && f.fail.is_some() {
            self.scenario = None;
            self.fields = 0;
        }
        if let Some(id) = &f.scenario {
            match scenario_index(model, id) {
                Ok(index) => self.apply_scenario(model, index),
                Err(notice) => self.notices.push(notice),
            }
        }
        if let Some(fail) = &f.fail {
            let (known, unknown) = self.lookup(model, fail);
            // Inserted one by one: collecting into a set sorts first,
            // and each sort is its own copy of the sort code in the bundle.
            self.failed = BTreeSet::new();
            for c in known {
                self.failed.insert(c);
            }
            if self.failed.is_empty() {
                self.scenario = None;
            }
            if !unknown.is_empty() {
                self.notices
                    .push(unknown_notice(model, "component", &unknown));
            }
        }
        self.spof |= f.spof;
        self.audit |= f.audit;
        if !f.answers.is_empty() {
            self.set_answers(model, &f.answers);
        }
        if let Some(dns) = &f.dns {
            self.dns = dns.clone();
        }
        if let Some(sel) = &f.selected {
            let (known, unknown) = self.lookup(model, std::slice::from_ref(sel));
            self.selected = known.first().copied();
            if !unknown.is_empty() {
                self.notices
                    .push(unknown_notice(model, "component", &unknown));
            }
        }
        if let Some((zoom, x, y)) = f.view {
            self.view = Viewport { zoom, x, y };
        }
        if let Some(q) = &f.search {
            self.search = q.clone();
        }
        if let Some(d) = &f.draft {
            self.draft = d.clone();
        }
        self
    }

    /// The fragment that reproduces this state when applied over `base`,
    /// the state the widget starts from without a link (defaults left
    /// out; an empty `fail=` when `base` fails something and this state
    /// nothing, or the link would bring `base`'s failures back).
    pub fn to_fragment(
        &self,
        model: &Model,
        widget: Option<u32>,
        full_page: bool,
        base: &WidgetState,
    ) -> Fragment {
        let id = |c: &CompId| model.components.get(c.index()).map(|c| c.id.clone());
        let fail: Vec<String> = self.failed.iter().filter_map(id).collect();
        let restored = fail.is_empty() && (!base.failed.is_empty() || base.scenario.is_some());
        Fragment {
            widget,
            tab: (full_page && self.tab != Kind::Map).then(|| self.tab.as_str().to_owned()),
            host: non_empty(&self.host),
            step: self.step,
            fail: (!fail.is_empty() || restored).then_some(fail),
            scenario: self
                .scenario
                .and_then(|s| model.scenarios.get(s))
                .map(|s| s.id.clone()),
            spof: self.spof,
            answers: self.answers.clone(),
            audit: self.audit,
            dns: non_empty(&self.dns),
            selected: self.selected.as_ref().and_then(id),
            view: (self.view != Viewport::default()).then_some((
                self.view.zoom,
                self.view.x,
                self.view.y,
            )),
            search: non_empty(&self.search),
            draft: non_empty(&self.draft),
        }
    }

    /// The failure selection the engine simulates: the failed components,
    /// plus the preset's restarts.
    pub fn selection(&self, model: &Model) -> Selection {
        // The preset is selected as the CLI and the book select it, so the
        // answer rests on the same premises (the scenario, and the fields
        // its selectors read); the ticks then say what fails.
        let named: Vec<&str> = self
            .scenario
            .and_then(|s| model.scenarios.get(s))
            .map(|s| s.id.as_str())
            .into_iter()
            .collect();
        let mut selection = select(model, &named, &[]).unwrap_or_default();
        selection.failed = self.failed.clone();
        selection.fields |= self.fields;
        selection
    }

    fn apply_scenario(&mut self, model: &Model, index: usize) {
        let id = &model.scenarios[index].id;
        self.failed = components(model, id).unwrap_or_default();
        self.scenario = Some(index);
    }

    #[allow(clippy::disallowed_macros)] // The notice for unknown placement answers.
    fn set_answers(&mut self, model: &Model, answers: &[String]) {
        let known: Vec<&str> = model
            .placement
            .questions
            .iter()
            .map(|q| q.id.as_str())
            .collect();
        let unknown: Vec<String> = answers
            .iter()
            .filter(|a| !known.contains(&a.as_str()))
            .cloned()
            .collect();
        if !unknown.is_empty() {
            let near: Vec<String> = unknown
                .iter()
                .take(NAMED)
                .flat_map(|u| nearest(u, known.iter().copied(), 2))
                .collect();
            self.notices.push(format!(
                "ignored unknown placement question{} {}{}",
                if unknown.len() == 1 { "" } else { "s" },
                quoted(&unknown),
                hint(&near)
            ));
        }
        self.answers = known
            .iter()
            .filter(|q| answers.iter().any(|a| a == *q))
            .map(|q| (*q).to_owned())
            .collect();
    }

    /// Component ids that exist, and those that do not.
    fn lookup(&self, model: &Model, ids: &[String]) -> (Vec<CompId>, Vec<String>) {
        let mut known = Vec::new();
        let mut unknown = Vec::new();
        for id in ids {
            match model.component_by_id(id) {
                Some(c) => known.push(c),
                None => unknown.push(id.clone()),
            }
        }
        (known, unknown)
    }
}

#[allow(clippy::disallowed_macros)] // The notice for an unknown scenario.
fn scenario_index(model: &Model, id: &str) -> Result<usize, String> {
    model
        .scenarios
        .iter()
        .position(|s| s.id == id)
        .ok_or_else(|| {
            let near = nearest(id, model.scenarios.iter().map(|s| s.id.as_str()), 3);
            format!(
                "ignored unknown scenario `{}`{}",
                excerpt(id, EXCERPT),
                hint(&near)
            )
        })
}

#[allow(clippy::disallowed_macros)] // The notice for unknown component ids.
fn unknown_notice(model: &Model, what: &str, unknown: &[String]) -> String {
    let near: Vec<String> = unknown
        .iter()
        .take(NAMED)
        .flat_map(|u| nearest(u, model.components.iter().map(|c| c.id.as_str()), 2))
        .collect();
    format!(
        "ignored unknown {what}{} {}{}",
        if unknown.len() == 1 { "" } else { "s" },
        quoted(unknown),
        hint(&near)
    )
}

/// The first [`NAMED`] items, each an excerpt in backquotes, then how many
/// more there are.
fn quoted(items: &[String]) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().take(NAMED).enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push('`');
        out.push_str(&excerpt(item, EXCERPT));
        out.push('`');
    }
    if items.len() > NAMED {
        out.push_str(" and ");
        out.push_str(&(items.len() - NAMED).to_string());
        out.push_str(" more");
    }
    out
}

#[allow(clippy::disallowed_macros)] // The did-you-mean tail of a notice.
fn hint(near: &[String]) -> String {
    let text = did_you_mean(near);
    if text.is_empty() {
        String::new()
    } else {
        format!(" ({text})")
    }
}

fn non_empty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_owned())
}

/// What a reader does.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Open a panel (full page).
    Tab(Kind),
    /// Route this host or URL (the hop explanation starts over).
    Route(String),
    /// Explain this hop, or none.
    Step(Option<usize>),
    /// A map node was clicked or pressed: fail it or select it, by mode.
    Activate(CompId),
    /// Fail the component, or bring it back.
    ToggleFail(CompId),
    /// Replace the failures (a preset, with its index, or clearing them).
    Fail(BTreeSet<CompId>, Option<usize>),
    /// Show single points of failure.
    Spof(bool),
    /// Answer a placement question.
    Answer(String, bool),
    /// Show the placement audit.
    Audit(bool),
    /// Look up this host's DNS ownership.
    Dns(String),
    /// Show this component's details, or none.
    Select(Option<CompId>),
    /// Pan or zoom the map.
    Viewport(Viewport),
    /// Search the map.
    Search(String),
    /// Replace the propose widget's draft (its link form).
    Draft(String),
    /// Whether clicking the map fails nodes.
    ClicksFail(bool),
    /// Hide the notices.
    Dismiss,
    /// Replace everything (a new link was opened).
    Replace(Box<WidgetState>),
}

impl WidgetState {
    /// Apply one action. Pure: the same state and action give the same result.
    pub fn apply(&mut self, action: Action, question_order: &[String]) {
        match action {
            Action::Tab(kind) => {
                if kind != Kind::App {
                    self.tab = kind;
                }
            }
            Action::Route(host) => {
                self.host = host.trim().to_owned();
                self.step = None;
            }
            Action::Step(step) => self.step = step,
            Action::Activate(c) => {
                if self.clicks_fail {
                    self.apply(Action::ToggleFail(c), question_order);
                } else {
                    self.selected = if self.selected == Some(c) {
                        None
                    } else {
                        Some(c)
                    };
                }
            }
            Action::ToggleFail(c) => {
                if !self.failed.remove(&c) {
                    self.failed.insert(c);
                }
                if self.failed.is_empty() {
                    self.scenario = None;
                    self.fields = 0;
                }
            }
            Action::Fail(failed, scenario) => {
                self.failed = failed;
                self.scenario = scenario;
                self.fields = 0;
            }
            Action::Spof(on) => self.spof = on,
            Action::Answer(id, yes) => {
                self.answers.retain(|a| *a != id);
                if yes {
                    self.answers.push(id);
                }
                if !question_order.is_empty() {
                    archsim_core::order::sort_by_key(&mut self.answers, |a| {
                        question_order
                            .iter()
                            .position(|q| q == a)
                            .unwrap_or(usize::MAX)
                    });
                }
            }
            Action::Audit(on) => self.audit = on,
            Action::Dns(host) => self.dns = host.trim().to_owned(),
            Action::Select(c) => self.selected = c,
            Action::Viewport(view) => self.view = view,
            Action::Search(text) => self.search = text,
            Action::Draft(text) => self.draft = text,
            Action::ClicksFail(on) => self.clicks_fail = on,
            Action::Dismiss => self.notices.clear(),
            Action::Replace(state) => *self = *state,
        }
    }
}

/// The state yew keeps: the reader's state and the question order (for
/// keeping answers in the model's order).
#[derive(Clone, Debug, PartialEq)]
pub struct Store {
    /// The state.
    pub state: Rc<WidgetState>,
    /// The model's placement question ids, in order.
    pub questions: Rc<Vec<String>>,
}

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self.state).clone();
        next.apply(action, &self.questions);
        if next == *self.state {
            self
        } else {
            Rc::new(Store {
                state: Rc::new(next),
                questions: self.questions.clone(),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fragment::{Parsed, parse, write};
    use archsim_core::Engine;

    fn model() -> Model {
        Engine::tomoda()
            .expect("the shipped model loads")
            .model()
            .clone()
    }

    fn id(model: &Model, id: &str) -> CompId {
        model.component_by_id(id).expect(id)
    }

    /// The state a mount point with these attributes starts in.
    fn mounted(model: &Model, attrs: &[(&str, &str)]) -> WidgetState {
        let request = Request::read(|n| {
            attrs
                .iter()
                .find(|(k, _)| *k == n)
                .map(|(_, v)| (*v).to_owned())
        })
        .unwrap();
        WidgetState::from_request(model, &request)
    }

    /// `state`'s link, written as text, read back and applied over `base`
    /// (what the widget starts from without it).
    fn reopened(
        model: &Model,
        state: &WidgetState,
        base: WidgetState,
        widget: Option<u32>,
    ) -> (WidgetState, String) {
        let text = write(&state.to_fragment(model, widget, widget.is_none(), &base));
        let Parsed::Current { fragment, problems } = parse(&text) else {
            panic!("{text}")
        };
        assert!(problems.is_empty(), "{problems:?}");
        (base.with_fragment(model, &fragment), text)
    }

    fn ids(model: &Model, state: &WidgetState) -> Vec<String> {
        state
            .failed
            .iter()
            .map(|c| model.component(*c).id.clone())
            .collect()
    }

    #[test]
    fn reduces_actions() {
        let model = model();
        let cf = id(&model, "cloudfront-prod");
        let questions: Vec<String> = model
            .placement
            .questions
            .iter()
            .map(|q| q.id.clone())
            .collect();
        let (first, last) = (questions[0].clone(), questions[questions.len() - 1].clone());
        type Check = fn(&WidgetState, CompId) -> bool;
        let cases: Vec<(&str, Kind, Vec<Action>, Check)> = vec![
            (
                "a map click selects, a second click deselects",
                Kind::Map,
                vec![Action::Activate(cf)],
                |s, cf| s.selected == Some(cf) && s.failed.is_empty(),
            ),
            (
                "clicking twice deselects",
                Kind::Map,
                vec![Action::Activate(cf), Action::Activate(cf)],
                |s, _| s.selected.is_none(),
            ),
            (
                "in the failure simulator a click fails",
                Kind::Fail,
                vec![Action::Activate(cf)],
                |s, cf| s.failed.contains(&cf) && s.selected.is_none(),
            ),
            (
                "a second click restores",
                Kind::Fail,
                vec![Action::Activate(cf), Action::Activate(cf)],
                |s, _| s.failed.is_empty(),
            ),
            (
                "routing starts the explanation over",
                Kind::Route,
                vec![
                    Action::Step(Some(3)),
                    Action::Route("  api.tomoda.life ".into()),
                ],
                |s, _| s.step.is_none() && s.host == "api.tomoda.life",
            ),
            (
                "restoring the last failure forgets the preset",
                Kind::Fail,
                vec![
                    Action::Fail([cf].into_iter().collect(), Some(0)),
                    Action::ToggleFail(cf),
                ],
                |s, _| s.scenario.is_none() && s.failed.is_empty(),
            ),
            (
                "a widget keeps its kind, the app never opens an `app` tab",
                Kind::App,
                vec![Action::Tab(Kind::Fail), Action::Tab(Kind::App)],
                |s, _| s.tab == Kind::Fail,
            ),
            (
                "notices can be dismissed",
                Kind::Map,
                vec![
                    Action::Replace(Box::new(WidgetState {
                        notices: vec!["x".into()],
                        ..WidgetState::new(Kind::Map)
                    })),
                    Action::Dismiss,
                ],
                |s, _| s.notices.is_empty(),
            ),
        ];
        for (what, kind, actions, check) in cases {
            let mut state = WidgetState::new(kind);
            for action in actions {
                state.apply(action, &questions);
            }
            assert!(check(&state, cf), "{what}: {state:?}");
        }
        let mut state = WidgetState::new(Kind::Place);
        state.apply(Action::Answer(last.clone(), true), &questions);
        state.apply(Action::Answer(first.clone(), true), &questions);
        assert_eq!(
            state.answers,
            vec![first.clone(), last.clone()],
            "model order"
        );
        state.apply(Action::Answer(last, false), &questions);
        assert_eq!(state.answers, vec![first]);
    }

    #[test]
    fn store_keeps_the_same_rc_when_nothing_changes() {
        let store = Rc::new(Store {
            state: Rc::new(WidgetState::new(Kind::Map)),
            questions: Rc::new(Vec::new()),
        });
        let same = store.clone().reduce(Action::Search(String::new()));
        assert!(Rc::ptr_eq(&store, &same));
        let changed = store.clone().reduce(Action::Search("gke".into()));
        assert_eq!(changed.state.search, "gke");
    }

    #[test]
    fn mount_requests_resolve_against_the_model() {
        let model = model();
        let read = |attrs: &[(&str, &str)]| mounted(&model, attrs);
        let s = read(&[("data-archsim", "fail"), ("data-fail", "cloudfront")]);
        assert_eq!(ids(&model, &s), ["cloudfront-prod", "cloudfront-dev"]);
        assert!(s.notices.is_empty(), "{:?}", s.notices);
        assert!(s.clicks_fail);

        let s = read(&[
            ("data-archsim", "fail"),
            ("data-scenario", "cloudfront-outage"),
        ]);
        assert_eq!(model.scenarios[s.scenario.unwrap()].id, "cloudfront-outage");
        assert!(!s.failed.is_empty());

        let s = read(&[
            ("data-archsim", "fail"),
            ("data-fail", "cloudfrnt"),
            ("data-scenario", "nope"),
        ]);
        assert!(s.failed.is_empty());
        assert_eq!(s.notices.len(), 2, "{:?}", s.notices);
        assert!(
            s.notices.iter().any(|n| n.contains("`nope`")),
            "{:?}",
            s.notices
        );
        assert!(
            s.notices.iter().any(|n| n.contains("cloudfrnt")),
            "{:?}",
            s.notices
        );

        let s = read(&[
            ("data-archsim", "dns"),
            ("data-host", "www-dev.tomoda.life"),
        ]);
        assert_eq!(
            (s.dns.as_str(), s.host.as_str()),
            ("www-dev.tomoda.life", "")
        );

        let s = read(&[
            ("data-archsim", "place"),
            ("data-answers", "holds-state,bogus"),
        ]);
        assert_eq!(s.answers, ["holds-state"]);
        assert!(s.notices[0].contains("`bogus`"), "{:?}", s.notices);
    }

    #[test]
    fn links_round_trip() {
        let model = model();
        let mut state = WidgetState::new(Kind::App);
        let questions: Vec<String> = Vec::new();
        for action in [
            Action::Tab(Kind::Fail),
            Action::Route("app.tomoda.life".into()),
            Action::Step(Some(2)),
            Action::ToggleFail(id(&model, "cloudfront-prod")),
            Action::ToggleFail(id(&model, "gke")),
            Action::Select(Some(id(&model, "gke"))),
            Action::Viewport(Viewport {
                zoom: 1.5,
                x: 10.0,
                y: -20.0,
            }),
            Action::Spof(true),
            Action::Search("bucket".into()),
            Action::Dns("new.tomoda.life".into()),
            Action::Answer("holds-state".into(), true),
            Action::Draft("1,n:api:redis:request:".into()),
        ] {
            state.apply(action, &questions);
        }
        let (back, text) = reopened(&model, &state, WidgetState::new(Kind::App), None);
        assert_eq!(back, state, "{text}");
    }

    #[test]
    fn links_round_trip_over_a_widgets_preset() {
        // Issue 20: a widget that starts from a preset, restored and one
        // component ticked; its link reopened showed the preset still.
        // Restored alone, its link could not say "nothing fails".
        let model = model();
        let questions: Vec<String> = Vec::new();
        let restore = || Action::Fail(BTreeSet::new(), None);
        let redis = || Action::ToggleFail(id(&model, "redis"));
        // (the mount point's attributes, what the reader does, whether the
        // link must say `fail=` with nothing failing)
        type Case = (&'static [(&'static str, &'static str)], Vec<Action>, bool);
        let cases: [Case; 6] = [
            (
                &[
                    ("data-archsim", "fail"),
                    ("data-scenario", "cloudfront-outage"),
                ],
                vec![restore(), redis()],
                false,
            ),
            (
                &[
                    ("data-archsim", "fail"),
                    ("data-scenario", "cloudfront-outage"),
                ],
                vec![redis()],
                false,
            ),
            (
                &[
                    ("data-archsim", "fail"),
                    ("data-scenario", "cloudfront-outage"),
                ],
                vec![restore()],
                true,
            ),
            (
                &[("data-archsim", "fail"), ("data-fail", "redis")],
                vec![restore()],
                true,
            ),
            (
                &[("data-archsim", "fail"), ("data-fail", "redis")],
                vec![redis()],
                true,
            ),
            // Nothing failed to start with: nothing to say.
            (&[("data-archsim", "fail")], vec![redis(), redis()], false),
        ];
        for (attrs, actions, says_none) in cases {
            let base = mounted(&model, attrs);
            let mut state = base.clone();
            for action in actions {
                state.apply(action, &questions);
            }
            let (back, text) = reopened(&model, &state, base.clone(), Some(1));
            assert_eq!(back, state, "{attrs:?}: {text}");
            assert_eq!(
                text.ends_with(";fail=") || text.contains(";fail=;"),
                says_none,
                "{attrs:?}: {text}"
            );
        }
    }

    #[test]
    fn bad_links_name_what_they_ignore() {
        let model = model();
        let cases: &[(&str, &[&str], &[&str])] = &[
            (
                "#v1;fail=cloudfront-prod,nope",
                &["cloudfront-prod"],
                &["`nope`"],
            ),
            ("#v1;fail=nope", &[], &["`nope`"]),
            ("#v1;sel=gkee", &[], &["`gkee`", "gke"]),
            ("#v1;sc=cloudfront-outag", &[], &["cloudfront-outage"]),
            ("#v1;tab=chart", &[], &["tab `chart`"]),
            ("#v1;ans=bogus", &[], &["`bogus`"]),
        ];
        for (text, failed, notices) in cases {
            let Parsed::Current { fragment, .. } = parse(text) else {
                panic!("{text}")
            };
            let state = WidgetState::new(Kind::App).with_fragment(&model, &fragment);
            assert_eq!(&ids(&model, &state), failed, "{text}");
            let all = state.notices.join(" | ");
            for part in *notices {
                assert!(all.contains(part), "{text}: {all}");
            }
        }
    }

    #[test]
    fn a_link_full_of_unknown_names_gets_a_short_notice() {
        let model = model();
        // More than a link can carry, as the state may be handed any
        // fragment: 100,000 unknown ids, a long unknown scenario and tab,
        // and 2,000 unknown answers. Only a few are named, and only those
        // are compared with the model's names.
        let unknown: Vec<String> = (0..100_000)
            .map(|i| format!("no-such-part-{i}-{}", "x".repeat(i % 16)))
            .collect();
        let long = "y".repeat(20_000);
        let fragment = Fragment {
            fail: Some(
                std::iter::once("redis".to_owned())
                    .chain(unknown.iter().cloned())
                    .collect(),
            ),
            scenario: Some(long.clone()),
            tab: Some(long),
            answers: unknown[..2_000].to_vec(),
            ..Fragment::default()
        };
        let state = WidgetState::new(Kind::App).with_fragment(&model, &fragment);
        assert_eq!(ids(&model, &state), ["redis"]);
        assert_eq!(state.notices.len(), 4, "{:?}", state.notices);
        for notice in &state.notices {
            assert!(notice.chars().count() < 400, "{notice}");
        }
        let all = state.notices.join(" | ");
        for part in [
            "`no-such-part-0-`, `no-such-part-1-x`",
            "and 99995 more",
            "and 1995 more",
            "`yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy…`",
        ] {
            assert!(all.contains(part), "{part}: {all}");
        }
    }

    #[test]
    fn a_preset_brings_its_restarts() {
        let model = model();
        // The premise is the model's: without a scenario that restarts
        // something, this test would check nothing, so that fails it.
        let index = model
            .scenarios
            .iter()
            .position(|s| !s.reschedule.is_empty())
            .expect("the model has a scenario that restarts something");
        let mut state = WidgetState::new(Kind::Fail);
        state.apply_scenario(&model, index);
        let selection = state.selection(&model);
        let expected = select(&model, &[model.scenarios[index].id.as_str()], &[]).unwrap();
        assert_eq!(selection.failed, expected.failed);
        assert_eq!(selection.restarting, expected.restarting);
    }

    #[test]
    fn mount_selectors_select_what_the_cli_selects() {
        // A widget seeded with `data-fail` rests on what its selectors read
        // (a provider, a region, an environment), as its fallback and the
        // CLI do for the same selectors; clearing the failures clears them.
        let model = model();
        let selectors = [
            "redis",
            "cloudfront",
            "provider:aws",
            "region:ap-northeast-1",
            "env:dev",
        ];
        let mut read_a_field = false;
        for selector in selectors {
            let request = Request::read(|n| match n {
                "data-archsim" => Some("fail".to_owned()),
                "data-fail" => Some(selector.to_owned()),
                _ => None,
            })
            .unwrap();
            let state = WidgetState::from_request(&model, &request);
            let expected = select(&model, &[selector], &[]).unwrap();
            assert_eq!(state.selection(&model), expected, "{selector}");
            read_a_field |= expected.fields != 0;
            let mut cleared = state.clone();
            cleared.apply(Action::Fail(BTreeSet::new(), None), &[]);
            assert_eq!(
                cleared.selection(&model),
                Selection::default(),
                "{selector}"
            );
        }
        assert!(read_a_field, "some selector reads a component field");
    }

    #[test]
    fn a_propose_widget_starts_from_its_data_draft_and_a_link_overrides_it() {
        let model = model();
        let state = mounted(
            &model,
            &[("data-archsim", "propose"), ("data-draft", "1,x:redis")],
        );
        assert_eq!(state.draft, "1,x:redis");
        let mut linked = state.clone();
        linked.apply(Action::Draft("1,x:tomoda-web".to_owned()), &[]);
        assert_eq!(linked.draft, "1,x:tomoda-web");
        let bare = Request::read(|n| (n == "data-archsim").then(|| "propose".to_owned())).unwrap();
        assert_eq!(WidgetState::from_request(&model, &bare).draft, "");
    }

    #[test]
    fn a_preset_selects_what_the_cli_selects() {
        // Every answer rests on its selection's premises (the scenario, the
        // fields its selectors read): a preset's must be the CLI's and the
        // book's for the same scenario, or the widget would show other
        // assumptions than its fallback.
        let model = model();
        assert!(
            model.scenarios.iter().any(|s| {
                select(&model, &[s.id.as_str()], &[]).is_ok_and(|sel| sel.fields != 0)
            }),
            "some scenario reads a component field (a region, a provider)"
        );
        for (index, scenario) in model.scenarios.iter().enumerate() {
            let mut state = WidgetState::new(Kind::Fail);
            state.apply_scenario(&model, index);
            let expected = select(&model, &[scenario.id.as_str()], &[]).unwrap();
            assert_eq!(state.selection(&model), expected, "{}", scenario.id);
        }
    }
}
