//! The old model's side of a diff, kept between diffs.
//!
//! A page that diffs one model against draft after draft (the propose
//! widget) asks the old model the same questions after every edit: the
//! flows with nothing failing, under each scenario and under each single
//! failure, each flow's single points of failure, the placement audit,
//! its assumptions.
//! [`Before`] keeps each answer the first time it is asked, so an edit
//! pays for the new model's side only. [`super::impact_from`] with a
//! `Before` equals [`super::impact`] of its engine (the tests compare them).

use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

use super::assumptions::{Assumption, Assumptions};
use crate::engine::{Bases, Engine, FlowOutcome};
use crate::model::{CompId, FlowId, Model};
use crate::place::{AuditEntry, audit};
use crate::select::{Selection, Selector};

/// Every flow's answer under one failure, in model order, without what
/// each rests on (no part of a change).
pub(crate) type Answers = Rc<Vec<FlowOutcome>>;

/// A scenario's selection (`None` when its selectors no longer resolve)
/// and its answers, once asked.
type Scenario = (Option<Selection>, Option<Answers>);

/// The old model's engine and the answers a diff has asked of it so far.
pub struct Before {
    engine: Engine,
    baseline: OnceCell<Answers>,
    /// By scenario, once its selection is asked.
    scenarios: RefCell<Vec<Option<Scenario>>>,
    /// By component: the answers with it alone failing, once asked.
    singles: RefCell<Vec<Option<Answers>>>,
    spof: OnceCell<Vec<Vec<CompId>>>,
    audit: OnceCell<Vec<AuditEntry>>,
    assumptions: OnceCell<Vec<Assumption>>,
}

impl Before {
    /// The old side of diffs against `engine`'s model; nothing is asked
    /// until a diff asks it.
    pub fn new(engine: Engine) -> Before {
        let (scenarios, components) = (
            engine.model().scenarios.len(),
            engine.model().components.len(),
        );
        Before {
            engine,
            baseline: OnceCell::new(),
            scenarios: RefCell::new(vec![None; scenarios]),
            singles: RefCell::new(vec![None; components]),
            spof: OnceCell::new(),
            audit: OnceCell::new(),
            assumptions: OnceCell::new(),
        }
    }

    /// The old model's engine.
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// Every flow's answer with nothing failing.
    pub(crate) fn baseline(&self) -> Answers {
        self.baseline
            .get_or_init(|| Rc::new(self.every(&Selection::default())))
            .clone()
    }

    /// What scenario `index` selects (as `select` of `scenario:ID` alone);
    /// `None` when its selectors no longer resolve.
    pub(crate) fn scenario_selection(
        &self,
        index: usize,
        selector: &mut Selector<'_>,
    ) -> Option<Selection> {
        let mut kept = self.scenarios.borrow_mut();
        let entry = kept[index].get_or_insert_with(|| (selector.scenario(index), None));
        entry.0.clone()
    }

    /// Every flow's answer under scenario `index`, whose selection is
    /// `selection` ([`Before::scenario_selection`]).
    pub(crate) fn scenario(&self, index: usize, selection: &Selection) -> Answers {
        if let Some(Some((_, Some(answers)))) = self.scenarios.borrow().get(index) {
            return answers.clone();
        }
        let answers = Rc::new(self.every(selection));
        if let Some(Some(entry)) = self.scenarios.borrow_mut().get_mut(index) {
            entry.1 = Some(answers.clone());
        }
        answers
    }

    /// Every flow's answer with component `index` alone failing, whose
    /// selection is `selection`.
    pub(crate) fn single(&self, index: usize, selection: &Selection) -> Answers {
        if let Some(Some(answers)) = self.singles.borrow().get(index) {
            return answers.clone();
        }
        let answers = Rc::new(self.every(selection));
        self.singles.borrow_mut()[index] = Some(answers.clone());
        answers
    }

    /// A flow's single points of failure ([`Engine::spof_of`]).
    pub(crate) fn spof_of(&self, flow: FlowId) -> &[CompId] {
        let all = self.spof.get_or_init(|| {
            (0..self.engine.model().flows.len())
                .map(|i| self.engine.spof_of(FlowId::from_index(i)))
                .collect()
        });
        &all[flow.index()]
    }

    /// The placement audit ([`audit`]).
    pub(crate) fn audit(&self) -> &[AuditEntry] {
        self.audit.get_or_init(|| audit(self.engine.model()))
    }

    /// What the change adds to and removes from the model's assumptions
    /// ([`super::assumptions()`] of this model and `new`).
    pub fn assumptions(&self, new: &Model) -> Assumptions {
        let old = self
            .assumptions
            .get_or_init(|| super::assumptions::of(self.engine.model()));
        super::assumptions::between(old, new)
    }

    fn every(&self, selection: &Selection) -> Vec<FlowOutcome> {
        self.engine.every_flow(selection, Bases::Skipped)
    }
}
