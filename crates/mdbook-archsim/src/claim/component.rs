//! Component claims: a component's fields, as the model records them.

use archsim_core::{Basis, Engine, Field};

use super::mark::Checked;
use super::{component_id, does_not_hold};
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
        parts.push(format!("{field} = {actual}"));
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
        says: format!("{}: {}", c.id, parts.join(", ")),
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
