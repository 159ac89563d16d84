//! Component claims: a component's fields, as the model records them.

use archsim_core::{Basis, Component, Engine, Field, Model};

use super::mark::Checked;
use super::{component_id, does_not_hold, words};
use crate::directive::Directive;
use crate::error::Problem;

/// The options a component claim takes: the subject, then the fields.
pub(super) const OPTIONS: &[&str] = &[
    "component",
    "terraform",
    "provider",
    "region",
    "kind",
    "env",
    "product",
    "runs-in",
];

/// Component fields a claim can state.
const FIELDS: &[&str] = OPTIONS.split_at(1).1;

pub(super) fn check(engine: &Engine, d: &Directive) -> Result<Checked, Problem> {
    let model = engine.model();
    let id = component_id(model, d.get("component").unwrap_or_default())?;
    let c = model.component(id);
    let mut parts = Vec::new();
    let mut fields = 0;
    for &field in FIELDS {
        let Some(claimed) = d.get(field) else {
            continue;
        };
        let actual: String = match field {
            "terraform" => {
                if claimed != "true" && claimed != "false" {
                    return Err(Problem::new(format!(
                        "terraform=\"{claimed}\" is neither true nor false"
                    )));
                }
                c.terraform.to_string()
            }
            "provider" => model.provider_name(c.provider).to_owned(),
            "region" => model.region_name(c.region).to_owned(),
            "kind" => c.kind.clone(),
            "env" => c.env.clone(),
            "product" => c.product.clone().unwrap_or_else(|| "-".to_owned()),
            _ => c
                .runs_in
                .map_or("-".to_owned(), |r| model.component(r).id.clone()),
        };
        if actual != claimed {
            return Err(does_not_hold(format!(
                "{}'s {field} is {actual}, not {claimed}",
                c.id
            )));
        }
        parts.push(field_words(model, c, field));
        fields |= model_field(field).bit();
    }
    if parts.is_empty() {
        return Err(Problem::new("the component claim states nothing")
            .with_hint(format!("add one of {}", FIELDS.join(", "))));
    }
    let mut basis = Basis::new();
    basis.add_component(id, fields);
    basis.finish(model);
    Ok(Checked {
        says: format!("{} {}", c.name, words::and_list(&parts)),
        basis,
        proposed: None,
    })
}

/// The model's field a claim's field name reads.
fn model_field(field: &str) -> Field {
    match field {
        "terraform" => Field::Terraform,
        "provider" => Field::Provider,
        "region" => Field::Region,
        "kind" => Field::Kind,
        "env" => Field::Env,
        "product" => Field::Product,
        _ => Field::RunsIn,
    }
}

/// What a component's field says, as a predicate on its name: `runs on
/// Google Cloud`, `is in Tokyo`, `is managed by Terraform`.
fn field_words(model: &Model, c: &Component, field: &str) -> String {
    match field {
        "terraform" if c.terraform => "is managed by Terraform".to_owned(),
        "terraform" => "is not managed by Terraform".to_owned(),
        "provider" => match c.provider {
            Some(p) => format!("runs on {}", model.providers[p.index()].name),
            None => "is outside every provider".to_owned(),
        },
        "region" => match c.region.map(|r| &model.regions[r.index()]) {
            Some(r) if r.provider.is_none() => format!("is in no single region ({})", r.name),
            Some(r) => format!("is in {}", r.name),
            None => "is in no region".to_owned(),
        },
        "kind" => format!("is a {}", c.kind),
        "env" if c.env == "shared" => "serves both environments".to_owned(),
        "env" => format!("belongs to {}", c.env),
        "product" => match &c.product {
            Some(p) => format!("is part of {p}"),
            None => "is part of no product".to_owned(),
        },
        _ => match c.runs_in {
            Some(r) => format!("runs in {}", model.component(r).name),
            None => "runs inside nothing else".to_owned(),
        },
    }
}
