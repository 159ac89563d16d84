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

use std::collections::BTreeSet;

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
/// Complexity: O(selectors · components).
pub fn select(model: &Model, fail: &[&str], reschedule: &[&str]) -> Result<Selection, QueryError> {
    let mut selection = Selection::default();
    for selector in fail {
        add(model, selector, false, &mut selection, 0)?;
    }
    for selector in reschedule {
        add(model, selector, true, &mut selection, 0)?;
    }
    close_over_clusters(model, &mut selection.restarting);
    Ok(selection)
}

/// The components one selector picks (scenarios contribute their failures).
pub fn components(model: &Model, selector: &str) -> Result<BTreeSet<CompId>, QueryError> {
    let mut selection = Selection::default();
    add(model, selector, false, &mut selection, 0)?;
    Ok(selection.failed)
}

fn add(
    model: &Model,
    selector: &str,
    restart: bool,
    out: &mut Selection,
    depth: usize,
) -> Result<(), QueryError> {
    let selector = selector.trim();
    if let Some(index) = scenario(model, selector) {
        if depth > 4 {
            return Err(QueryError::new(
                QueryErrorKind::UnknownSelector,
                format!("scenario `{selector}` includes itself"),
                Vec::new(),
            ));
        }
        if !out.scenarios.contains(&index) {
            out.scenarios.push(index);
        }
        let scenario = &model.scenarios[index];
        for s in &scenario.fail {
            add(model, s, restart, out, depth + 1)?;
        }
        for s in &scenario.reschedule {
            add(model, s, true, out, depth + 1)?;
        }
        return Ok(());
    }
    let picked = pick(model, selector)?;
    if restart {
        out.restarting.extend(picked)
    } else {
        out.failed.extend(picked)
    }
    Ok(())
}

fn scenario(model: &Model, selector: &str) -> Option<usize> {
    let name = selector.strip_prefix("scenario:").unwrap_or(selector);
    model.scenarios.iter().position(|s| s.id == name)
}

fn pick(model: &Model, selector: &str) -> Result<BTreeSet<CompId>, QueryError> {
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
                    nearest(
                        selector,
                        prefix_examples(model).iter().map(String::as_str),
                        3,
                    ),
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
    if set.is_empty() {
        return Err(unknown(model, selector));
    }
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

fn unknown(model: &Model, selector: &str) -> QueryError {
    let mut candidates: Vec<String> = model.component_names().map(str::to_owned).collect();
    candidates.extend(model.scenarios.iter().map(|s| s.id.clone()));
    candidates.extend(model.providers.iter().map(|p| p.id.clone()));
    candidates.extend(prefix_examples(model));
    let suggestions = nearest(selector, candidates.iter().map(String::as_str), 3);
    QueryError::new(
        QueryErrorKind::UnknownSelector,
        format!("`{selector}` selects nothing in the model"),
        suggestions,
    )
}

/// Add every component that runs (transitively) in a restarting one.
fn close_over_clusters(model: &Model, restarting: &mut BTreeSet<CompId>) {
    loop {
        let before = restarting.len();
        for (i, c) in model.components.iter().enumerate() {
            if c.runs_in
                .is_some_and(|cluster| restarting.contains(&cluster))
            {
                restarting.insert(CompId::from_index(i));
            }
        }
        if restarting.len() == before {
            break;
        }
    }
}
