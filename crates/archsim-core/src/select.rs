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
use crate::model::{CompId, Component, Model};
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
}

/// Resolve `fail` and `reschedule` selectors into one selection.
///
/// Returns: the union of what every selector picks; an error naming the first
/// selector that picks nothing known, with near names.
/// Complexity: O(scenarios + the selectors they name + selectors ·
/// components): each scenario is expanded at most once as a failure and once
/// as a restart, however often it is named.
pub fn select(model: &Model, fail: &[&str], reschedule: &[&str]) -> Result<Selection, QueryError> {
    let mut selection = Selection::default();
    let mut expansion = Expansion::new(model);
    for selector in fail {
        expansion.add(selector, false, &mut selection)?;
    }
    for selector in reschedule {
        expansion.add(selector, true, &mut selection)?;
    }
    close_over_clusters(model, &mut selection.restarting);
    Ok(selection)
}

/// The components one selector picks (scenarios contribute their failures).
pub fn components(model: &Model, selector: &str) -> Result<BTreeSet<CompId>, QueryError> {
    let mut selection = Selection::default();
    Expansion::new(model).add(selector, false, &mut selection)?;
    Ok(selection.failed)
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
    /// Components by id and by lower-case name, made on the first bare
    /// word, so that many selectors do not each scan every component.
    words: Option<Words<'m>>,
    /// Whether an unknown selector's error names near names (the loader
    /// turns them off once it only counts findings).
    pub(crate) hints: bool,
}

/// Components by id and by ASCII-lower-case name; the first of a name.
struct Words<'m> {
    ids: HashMap<&'m str, usize>,
    names: HashMap<String, usize>,
}

impl<'m> Words<'m> {
    fn new(model: &'m Model) -> Words<'m> {
        let mut words = Words {
            ids: HashMap::with_capacity(model.components.len()),
            names: HashMap::with_capacity(model.components.len()),
        };
        for (i, c) in model.components.iter().enumerate() {
            words.ids.entry(c.id.as_str()).or_insert(i);
            words.names.entry(c.name.to_ascii_lowercase()).or_insert(i);
        }
        words
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
            words: None,
            hints: true,
        }
    }

    /// What a selector that names no scenario picks.
    pub(crate) fn pick(&mut self, selector: &str) -> Result<BTreeSet<CompId>, QueryError> {
        let model = self.model;
        let set = if selector.contains(':') {
            pick(model, selector, self.hints)?
        } else {
            let words = self.words.get_or_insert_with(|| Words::new(model));
            let by_id = words.ids.get(selector);
            match by_id.or_else(|| words.names.get(&selector.to_ascii_lowercase())) {
                Some(&i) => only(CompId::from_index(i)),
                None => pick(model, selector, self.hints)?,
            }
        };
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

/// What a selector picks, looked up the slow way: possibly nothing. Only
/// [`Expansion::pick`] calls this.
fn pick(model: &Model, selector: &str, hints: bool) -> Result<BTreeSet<CompId>, QueryError> {
    let set = if let Some((prefix, value)) = selector.split_once(':') {
        let value = value.trim();
        match prefix {
            "provider" => matching(model, &|c| model.provider_name(c.provider) == value),
            "region" => matching(model, &|c| model.region_name(c.region) == value),
            "kind" => matching(model, &|c| c.kind == value),
            "env" => matching(model, &|c| c.env == value),
            "product" => matching(model, &|c| c.product.as_deref() == Some(value)),
            "terraform" if !value.is_empty() => matching(model, &|c| {
                c.terraform && c.sources.iter().any(|s| s.starts_with(value))
            }),
            _ => {
                return Err(QueryError::new(
                    QueryErrorKind::UnknownSelector,
                    format!("`{selector}` is not a selector"),
                    if hints {
                        nearest(
                            selector,
                            prefix_examples(model).iter().map(String::as_str),
                            3,
                        )
                    } else {
                        Vec::new()
                    },
                ));
            }
        }
    } else if let Some(id) = model.component_by_id(selector) {
        only(id)
    } else if let Some(i) = model
        .components
        .iter()
        .position(|c| c.name.eq_ignore_ascii_case(selector))
    {
        only(CompId::from_index(i))
    } else {
        let by_product = matching(model, &|c| c.product.as_deref() == Some(selector));
        if by_product.is_empty() {
            matching(model, &|c| {
                model.provider_name(c.provider) == selector && c.provider.is_some()
            })
        } else {
            by_product
        }
    };
    Ok(set)
}

/// A set of one component.
fn only(id: CompId) -> BTreeSet<CompId> {
    let mut set = BTreeSet::new();
    set.insert(id);
    set
}

/// The components that satisfy `keep`. One loop behind every selector (a
/// `BTreeSet` collect per selector would link a sort per closure type).
fn matching(model: &Model, keep: &dyn Fn(&Component) -> bool) -> BTreeSet<CompId> {
    let mut set = BTreeSet::new();
    for (i, c) in model.components.iter().enumerate() {
        if keep(c) {
            set.insert(CompId::from_index(i));
        }
    }
    set
}

/// Every prefixed selector that picks something, for near names: a bare
/// prefix (`env:`) would only fail in turn. Repeats are left in; `nearest`
/// names each candidate once.
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

/// Add every component that runs (transitively) in a restarting one.
///
/// Complexity: O(components): one pass lists what runs in what, one walk
/// adds it, however deep clusters nest.
fn close_over_clusters(model: &Model, restarting: &mut BTreeSet<CompId>) {
    if restarting.is_empty() {
        return;
    }
    let mut inside: HashMap<CompId, Vec<CompId>> = HashMap::new();
    for (i, c) in model.components.iter().enumerate() {
        if let Some(cluster) = c.runs_in {
            inside
                .entry(cluster)
                .or_default()
                .push(CompId::from_index(i));
        }
    }
    let mut queue: Vec<CompId> = restarting.iter().copied().collect();
    while let Some(cluster) = queue.pop() {
        for &c in inside.get(&cluster).into_iter().flatten() {
            if restarting.insert(c) {
                queue.push(c);
            }
        }
    }
}
