//! Generated content: `{{#archsim table NAME}}` → an HTML table from the model.
//!
//! The tables are the model's own lists (providers with their jobs, the
//! components of a provider with the files that manage them, every
//! component by the environment it serves, the zone's
//! records with their writers, the flows, the scenarios, the placement
//! rules, the single points of failure, the placement audit), rendered by the view crate so the book
//! never restates them by hand.

use archsim_core::Engine;
use archsim_core::model::ProviderId;
use archsim_core::suggest::{did_you_mean, nearest};
use archsim_view::{html, present};

use crate::directive::Directive;
use crate::error::Problem;
use crate::expand::{check_options, html_block};

/// Table names and the options each takes.
pub const TABLES: &[(&str, &[&str])] = &[
    ("providers", &[]),
    ("components", &["provider"]),
    ("environments", &[]),
    ("records", &[]),
    ("flows", &[]),
    ("scenarios", &[]),
    ("rules", &[]),
    ("spof", &[]),
    ("audit", &[]),
];

/// Render a table directive as one HTML block with a blank line around it.
pub fn table(engine: &Engine, d: &Directive) -> Result<String, Problem> {
    let names = || TABLES.iter().map(|(n, _)| *n);
    let name = match d.words.as_slice() {
        [(name, _)] => name.as_str(),
        [] => {
            return Err(Problem::new("`table` needs the table's name")
                .with_hint(format!("one of {}", names().collect::<Vec<_>>().join(", "))));
        }
        [_, (extra, _), ..] => {
            return Err(Problem::new(format!(
                "`table` takes one name; `{extra}` is one too many"
            )));
        }
    };
    let Some((_, allowed)) = TABLES.iter().find(|(n, _)| *n == name) else {
        let near = nearest(name, names(), 3);
        let hint = if near.is_empty() {
            format!("one of {}", names().collect::<Vec<_>>().join(", "))
        } else {
            did_you_mean(&near)
        };
        return Err(Problem::new(format!("there is no `{name}` table")).with_hint(hint));
    };
    check_options(d, allowed)?;
    let fragment = match name {
        "providers" => html::providers_table(engine),
        "components" => html::components_table(engine, provider(engine, d)?),
        "environments" => html::environments_table(engine),
        "records" => html::records_table(engine),
        "flows" => html::flows_table(engine),
        "scenarios" => html::scenarios_table(engine),
        "rules" => html::rules_table(engine),
        "spof" => html::spof_html(engine),
        _ => html::audit_html(&present::audit_view(engine)),
    };
    Ok(format!(
        "\n\n<div class=\"archsim-generated\">\n{}\n</div>\n\n",
        html_block(&fragment)
    ))
}

fn provider(engine: &Engine, d: &Directive) -> Result<Option<ProviderId>, Problem> {
    let Some(id) = d.get("provider") else {
        return Ok(None);
    };
    let providers = &engine.model().providers;
    match providers.iter().position(|p| p.id == id) {
        Some(i) => Ok(Some(ProviderId::from_index(i))),
        None => {
            let near = nearest(id, providers.iter().map(|p| p.id.as_str()), 3);
            let hint = if near.is_empty() {
                format!(
                    "known providers: {}",
                    providers
                        .iter()
                        .map(|p| p.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            } else {
                did_you_mean(&near)
            };
            Err(Problem::new(format!("unknown provider `{id}`")).with_hint(hint))
        }
    }
}
