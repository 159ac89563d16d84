//! Tables generated from the model: providers, components, records, flows,
//! scenarios.

use archsim_core::{Engine, FlowStart, ProviderId};

use super::Markup;
use super::write::{Table, code, codes, join_escaped, named};
use crate::escape::html as esc;

/// Optional text, escaped, or an em dash.
fn or_dash(text: Option<&str>) -> String {
    text.map_or_else(|| "—".to_owned(), esc)
}

/// The providers, each with its job and why it has it.
pub fn providers_table(engine: &Engine) -> String {
    let model = engine.model();
    let mut m = Markup::new();
    let mut table = Table::open(
        &mut m,
        "archsim-providers",
        &format!("The providers of {} and their jobs", model.meta.name),
        &["Provider", "Job", "Why"],
    );
    for p in &model.providers {
        table.row_of(
            &mut m,
            &[("data-provider", &p.id)],
            &[named(&p.name, &p.id), esc(&p.job), esc(&p.why)],
        );
    }
    table.close(&mut m);
    m.into_string()
}

/// The components of one provider (`None`: every component), with their
/// real names, where they run, the files that manage them and how.
///
/// A provider id that is not in the model gives an empty table.
pub fn components_table(engine: &Engine, provider: Option<ProviderId>) -> String {
    let model = engine.model();
    let caption = match provider {
        Some(p) => match model.providers.get(p.index()) {
            Some(p) => format!("Components on {}", p.name),
            None => "Components".to_owned(),
        },
        None => format!("Every component of {}", model.meta.name),
    };
    let mut m = Markup::new();
    let mut table = Table::open(
        &mut m,
        "archsim-components",
        &caption,
        &[
            "Component",
            "Kind",
            "Region",
            "Env",
            "Managed in",
            "Terraform",
            "Notes",
        ],
    );
    for c in &model.components {
        if provider.is_some() && c.provider != provider {
            continue;
        }
        let managed = crate::present::managed_label(c.terraform);
        table.row_of(
            &mut m,
            &[
                ("data-id", &c.id),
                ("data-provider", model.provider_name(c.provider)),
            ],
            &[
                named(&c.name, &c.id),
                esc(&c.kind),
                code(model.region_name(c.region)),
                esc(&c.env),
                codes(&c.sources),
                esc(managed),
                or_dash(c.notes.as_deref()),
            ],
        );
    }
    table.close(&mut m);
    m.into_string()
}

/// The zone's records, with who writes each.
pub fn records_table(engine: &Engine) -> String {
    let model = engine.model();
    let mut m = Markup::new();
    let mut table = Table::open(
        &mut m,
        "archsim-records",
        &format!(
            "The records of the {} zone and their writers",
            model.zone.name
        ),
        &["Host", "Type", "Target", "Writer", "Owner ID", "Proxied"],
    );
    for (i, _) in model.records.iter().enumerate() {
        let r = crate::present::record_line(engine, archsim_core::RecordId::from_index(i));
        table.row_of(
            &mut m,
            &[("data-host", &r.host), ("data-writer", &r.writer_id)],
            &[
                code(&r.host),
                esc(&r.rtype),
                named(&r.target_name, &r.target),
                format!("{}<br>{}", esc(&r.writer), code(&r.source)),
                r.owner_id.as_deref().map_or_else(|| "—".to_owned(), code),
                if r.proxied { "yes" } else { "no" }.to_owned(),
            ],
        );
    }
    table.close(&mut m);
    m.into_string()
}

/// The flows: each served host's, then the internal ones.
pub fn flows_table(engine: &Engine) -> String {
    let model = engine.model();
    let mut m = Markup::new();
    let mut table = Table::open(
        &mut m,
        "archsim-flows-list",
        &format!("The flows of {}", model.meta.name),
        &["Flow", "Starts at", "What it is"],
    );
    for f in &model.flows {
        let start = match &f.start {
            FlowStart::Host(host) => code(host),
            FlowStart::Path(steps) => {
                let names: Vec<&str> = steps
                    .iter()
                    .map(|&c| model.component(c).name.as_str())
                    .collect();
                join_escaped(&names, " → ")
            }
        };
        let name = if f.name == f.id {
            esc(&f.name)
        } else {
            named(&f.name, &f.id)
        };
        table.row_of(
            &mut m,
            &[("data-flow", &f.id)],
            &[name, start, esc(&f.about)],
        );
    }
    table.close(&mut m);
    m.into_string()
}

/// The failure scenarios: what fails (and restarts), and what each teaches.
pub fn scenarios_table(engine: &Engine) -> String {
    let model = engine.model();
    let mut m = Markup::new();
    let mut table = Table::open(
        &mut m,
        "archsim-scenarios",
        "Failure scenarios",
        &["Scenario", "What fails", "What it teaches"],
    );
    for s in &model.scenarios {
        let mut fails = codes(&s.fail);
        if !s.reschedule.is_empty() {
            let restarts = format!("restarts {}", codes(&s.reschedule));
            fails = if s.fail.is_empty() {
                restarts
            } else {
                format!("{fails}; {restarts}")
            };
        }
        table.row_of(
            &mut m,
            &[("data-scenario", &s.id)],
            &[named(&s.name, &s.id), fails, esc(&s.teaches)],
        );
    }
    table.close(&mut m);
    m.into_string()
}
