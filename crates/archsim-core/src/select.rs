//! Failure selectors: the words people use to name what fails.
//!
//! | selector | selects |
//! |---|---|
//! | `cloudfront-prod` | the component with that id |
//! | `tomoda-assets-prod` | the component with that name (case-insensitive) |
//! | `cloudfront` | every component of that product |
//! | `cloudfront-outage`, `scenario:NAME` | the scenario's failures (and restarts) |
//! | `provider:aws`, `aws` | every component of the provider |
//! | `region:asia-east1` | every component in the region |
//! | `kind:bucket` | every component of the kind |
//! | `env:dev` | every component of the environment |
//! | `terraform:infrastructure/gcp/` | every Terraform-managed component with a source under the prefix |

use std::collections::{BTreeSet, HashMap};

use crate::error::{QueryError, QueryErrorKind};
use crate::model::{CompId, Field, Model};
use crate::suggest::nearest;

/// What a set of selectors picked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Components that fail.
    pub failed: BTreeSet<CompId>,
    /// Components that restart (and so need their start-up dependencies),
    /// including everything that runs in a restarting cluster.
    pub restarting: BTreeSet<CompId>,
    /// Scenarios named by the selectors, by index into [`Model::scenarios`].
    pub scenarios: Vec<usize>,
    /// The component fields the selectors read ([`Field::bit`]s): whether
    /// a component was picked, or left alone, rests on these.
    pub fields: u8,
}

/// Resolve `fail` and `reschedule` selectors into one selection.
///
/// Returns: the union of what every selector picks; an error naming the first
/// selector that picks nothing known, with near names.
/// Complexity: O(scenarios + the selectors they name + what they pick),
/// plus O(components · log components) once for the lookup: each scenario
/// is expanded at most once as a failure and once as a restart, however
/// often it is named.
pub fn select(model: &Model, fail: &[&str], reschedule: &[&str]) -> Result<Selection, QueryError> {
    Selector::new(model).select(fail, reschedule)
}

/// Selections made one after another in one model, sharing the lookup
/// that [`select`] makes for each: the diff asks for every scenario on
/// both sides.
pub struct Selector<'m> {
    expansion: Expansion<'m>,
    model: &'m Model,
}

impl<'m> Selector<'m> {
    /// A selector for `model`; the lookup is made on first use.
    pub fn new(model: &'m Model) -> Selector<'m> {
        Selector {
            expansion: Expansion::new(model),
            model,
        }
    }

    /// What [`select`] answers for these selectors.
    ///
    /// Complexity: [`select`]'s, the lookup made once per selector.
    pub fn select(&mut self, fail: &[&str], reschedule: &[&str]) -> Result<Selection, QueryError> {
        let expansion = &mut self.expansion;
        // A fresh walk: what an earlier one expanded is expanded again.
        expansion.marks.fill(0);
        expansion.picked.clear();
        expansion.used = 0;
        let mut selection = Selection::default();
        for selector in fail {
            expansion.add(selector, false, &mut selection)?;
        }
        for selector in reschedule {
            expansion.add(selector, true, &mut selection)?;
        }
        selection.fields |= expansion.used;
        if close_over_clusters(self.model, &mut selection.restarting) {
            selection.fields |= Field::RunsIn.bit();
        }
        Ok(selection)
    }

    /// What scenario `index` of the model selects, named alone
    /// (`scenario:ID`); `None` when its selectors no longer resolve.
    pub fn scenario(&mut self, index: usize) -> Option<Selection> {
        let name = ["scenario:", self.model.scenarios[index].id.as_str()].concat();
        self.select(&[&name], &[]).ok()
    }

    /// What [`components`] answers for this selector.
    pub fn components(&mut self, selector: &str) -> Result<BTreeSet<CompId>, QueryError> {
        self.expansion.components(selector)
    }
}

/// What a selection rests on: the scenarios it named, and the fields its
/// selectors read — of every component it picked (and the component
/// itself), and of every component it left alone whose field is assumed
/// (a region outage that spares Google sign-in spares it because of an
/// assumed region).
///
/// Complexity: O(components).
pub fn selection_basis(model: &Model, selection: &Selection) -> crate::basis::Basis {
    use crate::basis::{Basis, Premise};
    let mut basis = Basis::new();
    for &s in &selection.scenarios {
        basis.add(Premise::Scenario(s as u32));
    }
    for (i, c) in model.components.iter().enumerate() {
        let id = CompId::from_index(i);
        if selection.failed.contains(&id) || selection.restarting.contains(&id) {
            basis.add_component(id, selection.fields);
        } else {
            for (field, _) in &c.assumed {
                if selection.fields & field.bit() != 0 {
                    basis.add(Premise::Field(id, *field));
                }
            }
        }
    }
    basis.finish(model);
    basis
}

/// What one scenario, named alone, rests on: [`selection_basis`] of what
/// it selects; its own entry only, should its selectors not resolve.
///
/// Complexity: O(components + what the scenario names).
pub fn scenario_basis(model: &Model, index: usize) -> crate::basis::Basis {
    match select(model, &[model.scenarios[index].id.as_str()], &[]) {
        Ok(selection) => selection_basis(model, &selection),
        Err(_) => {
            let mut basis = crate::basis::Basis::new();
            basis.add(crate::basis::Premise::Scenario(index as u32));
            basis.finish(model);
            basis
        }
    }
}

/// The components one selector picks (scenarios contribute their failures).
pub fn components(model: &Model, selector: &str) -> Result<BTreeSet<CompId>, QueryError> {
    Expansion::new(model).components(selector)
}

/// A selector that failed inside a scenario: the scenario, the selector's
/// position in its `fail` then `reschedule` lists, and why.
// Where it failed is read by the loader only.
#[cfg_attr(not(feature = "toml"), allow(dead_code))]
pub(crate) struct Failure {
    pub scenario: usize,
    pub selector: usize,
    pub error: QueryError,
}

/// Per scenario: on the walk's stack, expanded as a failure, expanded as a
/// restart, listed in the selection.
const ON_STACK: u8 = 1;
const AS_FAILURE: u8 = 2;
const AS_RESTART: u8 = 4;
const LISTED: u8 = 8;

/// One walk over the scenario graph: the only place scenarios are expanded.
/// A scenario is expanded at most once per role (failure, restart), so a
/// scenario named many times, directly or through others, costs once; a
/// scenario reached again while it is being expanded is a loop. The walk
/// keeps its own stack, so a long chain of scenarios cannot overflow the
/// thread's.
pub(crate) struct Expansion<'m> {
    model: &'m Model,
    ids: HashMap<&'m str, usize>,
    marks: Vec<u8>,
    /// Components by every word a selector looks up, made on the first
    /// selector that names no scenario, so that many selectors do not each
    /// scan every component.
    lookup: Option<Lookup<'m>>,
    /// The selectors of scenarios already picked in this walk, with their
    /// roles (bit 1: as a failure, bit 2: as a restart): one written many
    /// times is picked once per role. A map of the same type as the ids',
    /// so the bundle carries one copy of the table's code.
    picked: HashMap<&'m str, usize>,
    /// Whether an unknown selector's error names near names (the loader
    /// turns them off once it only counts findings).
    pub(crate) hints: bool,
    /// The component fields the selectors picked so far read.
    pub(crate) used: u8,
}

/// The prefixes a selector may have, in the order of their tags in
/// [`Lookup::entries`].
const PREFIXES: [&str; 6] = ["provider", "region", "kind", "env", "product", "terraform"];
/// The field each prefix reads, in the same order.
const PREFIX_FIELDS: [Field; 6] = [
    Field::Provider,
    Field::Region,
    Field::Kind,
    Field::Env,
    Field::Product,
    Field::Terraform,
];
const PROVIDER: u8 = 0;
const PRODUCT: u8 = 4;
const TERRAFORM: u8 = 5;

/// Components by id and by ASCII-lower-case name (the first of each), and
/// by each prefixed word: `(tag, value, component)` sorted, so that the
/// components of one word, or of the sources under one path, are one range.
struct Lookup<'m> {
    ids: HashMap<&'m str, usize>,
    /// ASCII-lower-case names with their component, sorted by name, the
    /// first component of a name first (a sorted list: one more hash-table
    /// type costs the wasm bundle about 1.3 KB).
    names: Vec<(String, usize)>,
    entries: Vec<(u8, &'m str, CompId)>,
}

impl<'m> Lookup<'m> {
    /// Complexity: O(components · log components).
    fn new(model: &'m Model) -> Lookup<'m> {
        let n = model.components.len();
        let mut lookup = Lookup {
            ids: HashMap::with_capacity(n),
            names: Vec::with_capacity(n),
            entries: Vec::with_capacity(5 * n),
        };
        for (i, c) in model.components.iter().enumerate() {
            lookup.ids.entry(c.id.as_str()).or_insert(i);
            lookup.names.push((c.name.to_ascii_lowercase(), i));
            let id = CompId::from_index(i);
            let words = [
                Some(model.provider_name(c.provider)),
                Some(model.region_name(c.region)),
                Some(c.kind.as_str()),
                Some(c.env.as_str()),
                c.product.as_deref(),
            ];
            for (tag, word) in (0..).zip(words) {
                if let Some(word) = word {
                    lookup.entries.push((tag, word, id));
                }
            }
            if c.terraform {
                for source in &c.sources {
                    lookup.entries.push((TERRAFORM, source, id));
                }
            }
        }
        // The crate's own sort: one more copy of the standard one would
        // cost the bundle some 2.7 KB.
        crate::order::sort(&mut lookup.entries);
        // Stable: among equal names, the first component stays first.
        crate::order::sort_by(&mut lookup.names, |a, b| a.0.cmp(&b.0));
        lookup
    }

    /// The first component named `lower` (ASCII lower case).
    ///
    /// Complexity: O(log components).
    fn name(&self, lower: &str) -> Option<&usize> {
        let at = self.names.partition_point(|(n, _)| n.as_str() < lower);
        self.names
            .get(at)
            .filter(|(n, _)| n == lower)
            .map(|(_, i)| i)
    }

    /// The components whose word under `tag` is `value`, or with
    /// `prefix`, starts with it; a component may come more than once.
    ///
    /// Complexity: O(log entries + what it finds).
    fn find<'a>(
        &'a self,
        tag: u8,
        value: &'a str,
        prefix: bool,
    ) -> impl Iterator<Item = CompId> + 'a {
        let start = self.entries.partition_point(|e| (e.0, e.1) < (tag, value));
        self.entries[start..]
            .iter()
            .take_while(move |e| e.0 == tag && (e.1 == value || prefix && e.1.starts_with(value)))
            .map(|e| e.2)
    }
}

impl<'m> Expansion<'m> {
    pub(crate) fn new(model: &'m Model) -> Expansion<'m> {
        let mut ids = HashMap::with_capacity(model.scenarios.len());
        for (i, s) in model.scenarios.iter().enumerate() {
            ids.entry(s.id.as_str()).or_insert(i);
        }
        Expansion {
            model,
            ids,
            marks: vec![0; model.scenarios.len()],
            lookup: None,
            picked: HashMap::new(),
            hints: true,
            used: 0,
        }
    }

    /// What a selector that names no scenario picks.
    ///
    /// Complexity: O(log components + what it picks), once the lookup is
    /// made.
    #[allow(clippy::disallowed_macros)] // Errors for an unknown selector.
    pub(crate) fn pick(&mut self, selector: &str) -> Result<BTreeSet<CompId>, QueryError> {
        let model = self.model;
        let lookup = self.lookup.get_or_insert_with(|| Lookup::new(model));
        let mut set = BTreeSet::new();
        if let Some((prefix, value)) = selector.split_once(':') {
            let value = value.trim();
            let tag = (0..)
                .zip(PREFIXES)
                .find(|&(tag, p)| p == prefix && !(tag == TERRAFORM && value.is_empty()));
            let Some((tag, _)) = tag else {
                return Err(QueryError::new(
                    QueryErrorKind::UnknownSelector,
                    format!("`{selector}` is not a selector"),
                    if self.hints {
                        nearest(
                            selector,
                            prefix_examples(model).iter().map(String::as_str),
                            3,
                        )
                    } else {
                        Vec::new()
                    },
                ));
            };
            set.extend(lookup.find(tag, value, tag == TERRAFORM));
            self.used |= PREFIX_FIELDS[usize::from(tag)].bit();
        } else {
            let by_id = lookup.ids.get(selector);
            match by_id.or_else(|| lookup.name(&selector.to_ascii_lowercase())) {
                Some(&i) => {
                    set.insert(CompId::from_index(i));
                }
                None => {
                    set.extend(lookup.find(PRODUCT, selector, false));
                    if set.is_empty() {
                        let has_provider =
                            |c: &CompId| model.components[c.index()].provider.is_some();
                        set.extend(lookup.find(PROVIDER, selector, false).filter(has_provider));
                        self.used |= Field::Provider.bit();
                    } else {
                        self.used |= Field::Product.bit();
                    }
                }
            }
        }
        if set.is_empty() {
            let suggestions = if self.hints {
                near_selectors(model, selector)
            } else {
                Vec::new()
            };
            return Err(QueryError::new(
                QueryErrorKind::UnknownSelector,
                format!("`{selector}` selects nothing in the model"),
                suggestions,
            ));
        }
        Ok(set)
    }

    /// The components one selector picks, as [`components`] does, with
    /// this walk's lookup: the loader asks for many.
    pub(crate) fn components(&mut self, selector: &str) -> Result<BTreeSet<CompId>, QueryError> {
        if self.scenario(selector).is_some() {
            // Expanded afresh: an earlier walk marked what it expanded.
            self.marks.fill(0);
            self.picked.clear();
        }
        let mut selection = Selection::default();
        self.add(selector, false, &mut selection)?;
        Ok(selection.failed)
    }

    /// The scenario a selector names (`NAME` or `scenario:NAME`), if any.
    pub(crate) fn scenario(&self, selector: &str) -> Option<usize> {
        let selector = selector.trim();
        let name = selector.strip_prefix("scenario:").unwrap_or(selector);
        self.ids.get(name).copied()
    }

    /// Add what `selector` picks to `out`, as restarts when `restart`.
    fn add(
        &mut self,
        selector: &str,
        restart: bool,
        out: &mut Selection,
    ) -> Result<(), QueryError> {
        let selector = selector.trim();
        match self.scenario(selector) {
            Some(index) => self
                .expand(index, restart, Some(out))
                .map_err(|failure| failure.error),
            None => {
                let picked = self.pick(selector)?;
                if restart {
                    out.restarting.extend(picked)
                } else {
                    out.failed.extend(picked)
                }
                Ok(())
            }
        }
    }

    /// Expand scenario `root` into `out`; with no `out`, only walk it to
    /// find a loop (its selectors are not picked).
    ///
    /// Returns: the first selector that fails, or that closes a loop.
    #[allow(clippy::disallowed_macros)] // The error for a scenario that names an unknown selector.
    pub(crate) fn expand(
        &mut self,
        root: usize,
        restart: bool,
        mut out: Option<&mut Selection>,
    ) -> Result<(), Failure> {
        let mut stack: Vec<(usize, bool, usize)> = Vec::new();
        self.enter(root, restart, &mut out, &mut stack);
        while let Some(top) = stack.last_mut() {
            let (at, restart, next) = *top;
            let scenario = &self.model.scenarios[at];
            let fails = scenario.fail.len();
            let (selector, restart) = match scenario.fail.get(next) {
                Some(s) => (s.trim(), restart),
                None => match scenario.reschedule.get(next - fails) {
                    Some(s) => (s.trim(), true),
                    None => {
                        self.marks[at] &= !ON_STACK;
                        stack.pop();
                        continue;
                    }
                },
            };
            top.2 += 1;
            let failure = |error| Failure {
                scenario: at,
                selector: next,
                error,
            };
            if let Some(child) = self.scenario(selector) {
                if self.marks[child] & ON_STACK != 0 {
                    for &(s, _, _) in &stack {
                        self.marks[s] &= !ON_STACK;
                    }
                    return Err(failure(QueryError::new(
                        QueryErrorKind::UnknownSelector,
                        format!(
                            "scenario `{}` includes itself",
                            self.model.scenarios[child].id
                        ),
                        Vec::new(),
                    )));
                }
                self.enter(child, restart, &mut out, &mut stack);
            } else if let Some(out) = out.as_deref_mut() {
                let roles = self.picked.entry(selector).or_insert(0);
                let role = 1 << usize::from(restart);
                if *roles & role != 0 {
                    continue;
                }
                *roles |= role;
                match self.pick(selector) {
                    Ok(picked) if restart => out.restarting.extend(picked),
                    Ok(picked) => out.failed.extend(picked),
                    Err(error) => {
                        for &(s, _, _) in &stack {
                            self.marks[s] &= !ON_STACK;
                        }
                        return Err(failure(error));
                    }
                }
            }
        }
        Ok(())
    }

    /// Push a scenario on the walk, unless it was expanded in this role.
    fn enter(
        &mut self,
        index: usize,
        restart: bool,
        out: &mut Option<&mut Selection>,
        stack: &mut Vec<(usize, bool, usize)>,
    ) {
        let role = if restart { AS_RESTART } else { AS_FAILURE };
        let mark = &mut self.marks[index];
        if *mark & role != 0 {
            return;
        }
        if *mark & LISTED == 0
            && let Some(out) = out.as_deref_mut()
        {
            out.scenarios.push(index);
            *mark |= LISTED;
        }
        *mark |= role | ON_STACK;
        stack.push((index, restart, 0));
    }
}

/// Every prefixed selector that picks something, for near names: a bare
/// prefix (`env:`) would only fail in turn. Repeats are left in; `nearest`
/// names each candidate once.
#[allow(clippy::disallowed_macros)] // The examples listed in an unknown-selector error.
fn prefix_examples(model: &Model) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in &model.providers {
        out.push(format!("provider:{}", p.id));
        if let Some(dir) = &p.terraform {
            out.push(format!("terraform:{dir}"));
        }
    }
    for r in &model.regions {
        out.push(format!("region:{}", r.id));
    }
    for s in &model.scenarios {
        out.push(format!("scenario:{}", s.id));
    }
    for c in &model.components {
        out.push(format!("kind:{}", c.kind));
        out.push(format!("env:{}", c.env));
        if let Some(product) = &c.product {
            out.push(format!("product:{product}"));
        }
    }
    out
}

/// Near names for a selector that selects nothing.
fn near_selectors(model: &Model, selector: &str) -> Vec<String> {
    let mut candidates: Vec<String> = model.component_names().map(str::to_owned).collect();
    candidates.extend(model.scenarios.iter().map(|s| s.id.clone()));
    candidates.extend(model.providers.iter().map(|p| p.id.clone()));
    candidates.extend(prefix_examples(model));
    nearest(selector, candidates.iter().map(String::as_str), 3)
}

/// Add every component that runs (transitively) in a restarting one;
/// say whether that added any.
///
/// Complexity: O(components): one pass lists what runs in what, one walk
/// adds it, however deep clusters nest.
fn close_over_clusters(model: &Model, restarting: &mut BTreeSet<CompId>) -> bool {
    if restarting.is_empty() {
        return false;
    }
    let before = restarting.len();
    // What runs in each component, by component index.
    let mut inside: Vec<Vec<CompId>> = vec![Vec::new(); model.components.len()];
    for (i, c) in model.components.iter().enumerate() {
        if let Some(cluster) = c.runs_in {
            inside[cluster.index()].push(CompId::from_index(i));
        }
    }
    let mut queue: Vec<CompId> = restarting.iter().copied().collect();
    while let Some(cluster) = queue.pop() {
        for &c in &inside[cluster.index()] {
            if restarting.insert(c) {
                queue.push(c);
            }
        }
    }
    restarting.len() > before
}
