//! Tables generated from the model: providers, components, records, flows,
//! scenarios, placement rules.

use archsim_core::{Engine, Field, FlowStart, ProviderId, RecordId, RuleId};

use super::Markup;
use super::place::{rule_says, rule_target};
use super::write::{Table, code_or_dash, codes, flow_name, named, path, paths};
use crate::present::{record_line, rule_line, yes_no};

/// The providers, each with its account (a cloud project's id appears in
/// the names of what it holds), its job and why it has it.
#[allow(clippy::disallowed_macros)] // The book's generated tables: the preprocessor writes them, no widget does.
pub fn providers_table(engine: &Engine) -> String {
    let model = engine.model();
    let mut m = Markup::new();
    let mut table = Table::open(
        &mut m,
        "archsim-providers",
        &format!("The providers of {} and their jobs", model.meta.name),
        &["Provider", "Account", "Job", "Why"],
    );
    for p in &model.providers {
        table.row(&mut m, &[("data-provider", &p.id)]);
        named(&mut m, &p.name, &p.id);
        table.cell(&mut m);
        code_or_dash(&mut m, p.account.as_deref());
        table.cell(&mut m);
        m.text(&p.job);
        table.cell(&mut m);
        m.text(&p.why);
        table.end_row(&mut m);
    }
    table.close(&mut m);
    m.into_string()
}

/// The components of one provider (`None`: every component), with their
/// real names, where they run, the files that manage them and how.
///
/// A provider id that is not in the model gives an empty table.
#[allow(clippy::disallowed_macros)] // The book's generated tables: the preprocessor writes them, no widget does.
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
            "In Terraform",
            "Notes",
        ],
    );
    for c in &model.components {
        if provider.is_some() && c.provider != provider {
            continue;
        }
        table.row(
            &mut m,
            &[
                ("data-id", &c.id),
                ("data-provider", model.provider_name(c.provider)),
            ],
        );
        named(&mut m, &c.name, &c.id);
        table.cell(&mut m);
        m.text(&c.kind);
        assumed_mark(&mut m, c, Field::Kind);
        table.cell(&mut m);
        m.code(model.region_name(c.region));
        assumed_mark(&mut m, c, Field::Region);
        table.cell(&mut m);
        m.text(&c.env);
        assumed_mark(&mut m, c, Field::Env);
        table.cell(&mut m);
        paths(&mut m, &c.sources);
        table.cell(&mut m);
        m.text(yes_no(c.terraform));
        assumed_mark(&mut m, c, Field::Terraform);
        table.cell(&mut m);
        m.text(c.notes.as_deref().unwrap_or("—"));
        table.end_row(&mut m);
    }
    table.close(&mut m);
    m.into_string()
}

/// The environments, in the order the environments table groups them:
/// what both share first, then what each has alone.
const ENV_ORDER: [&str; 3] = ["shared", "prod", "dev"];

/// Every component by the environment it serves: the shared ones, then
/// prod's, then dev's (a component of any other environment last), each
/// group in the model's order (`shared` serves both). Beside each, its
/// provider with the provider's account or project where the model names
/// one, its region, and the id of the cluster it runs in: what the two
/// environments have in common shows as the same words down a column.
#[allow(clippy::disallowed_macros)] // The book's generated tables: the preprocessor writes them, no widget does.
pub fn environments_table(engine: &Engine) -> String {
    let model = engine.model();
    let count = |env: &str| model.components.iter().filter(|c| c.env == env).count();
    let caption = format!(
        "The components of {} by environment: {} shared, {} prod only, {} dev only",
        model.meta.name,
        count("shared"),
        count("prod"),
        count("dev"),
    );
    let mut m = Markup::new();
    let mut table = Table::open(
        &mut m,
        "archsim-environments",
        &caption,
        &["Component", "Environment", "Provider", "Region", "Runs in"],
    );
    let grouped = ENV_ORDER
        .iter()
        .flat_map(|&env| model.components.iter().filter(move |c| c.env == env));
    let others = model
        .components
        .iter()
        .filter(|c| !ENV_ORDER.contains(&c.env.as_str()));
    for c in grouped.chain(others) {
        table.row(&mut m, &[("data-id", &c.id), ("data-env", &c.env)]);
        named(&mut m, &c.name, &c.id);
        table.cell(&mut m);
        m.text(&c.env);
        assumed_mark(&mut m, c, Field::Env);
        table.cell(&mut m);
        match c.provider.and_then(|p| model.providers.get(p.index())) {
            Some(p) => {
                m.text(&p.name);
                if let Some(account) = &p.account {
                    m.raw("<br>").code(account);
                }
            }
            None => {
                m.text("none (outside the providers)");
            }
        }
        assumed_mark(&mut m, c, Field::Provider);
        table.cell(&mut m);
        m.code(model.region_name(c.region));
        assumed_mark(&mut m, c, Field::Region);
        table.cell(&mut m);
        match c.runs_in {
            Some(cluster) => {
                m.code(&model.component(cluster).id);
            }
            None => {
                m.text("—");
            }
        }
        assumed_mark(&mut m, c, Field::RunsIn);
        table.end_row(&mut m);
    }
    table.close(&mut m);
    m.into_string()
}

/// After a field the model assumes on its own (`assumed = { … }`), a
/// muted "(assumed)", so a generated table does not pass the guess off
/// as the document's; the Assumptions page says what is assumed.
fn assumed_mark(m: &mut Markup, c: &archsim_core::Component, field: Field) {
    if c.assumed.iter().any(|(f, _)| *f == field) {
        m.raw(" <span class=\"archsim-muted\">")
            .text(ASSUMED_MARK)
            .raw("</span>");
    }
}

/// The mark of an assumed field in a generated table.
const ASSUMED_MARK: &str = "(assumed)";

/// The zone's records, with who writes each.
#[allow(clippy::disallowed_macros)] // The book's generated tables: the preprocessor writes them, no widget does.
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
    for i in 0..model.records.len() {
        let r = record_line(engine, RecordId::from_index(i));
        table.row(
            &mut m,
            &[("data-host", &r.host), ("data-writer", &r.writer_id)],
        );
        path(&mut m, &r.host);
        table.cell(&mut m);
        m.text(&r.rtype);
        table.cell(&mut m);
        named(&mut m, &r.target_name, &r.target);
        table.cell(&mut m);
        m.text(&r.writer).raw("<br>");
        path(&mut m, &r.source);
        table.cell(&mut m);
        code_or_dash(&mut m, r.owner_id.as_deref());
        table.cell(&mut m);
        m.text(yes_no(r.proxied));
        table.end_row(&mut m);
    }
    table.close(&mut m);
    m.into_string()
}

/// The flows: each served host's, then the internal ones.
#[allow(clippy::disallowed_macros)] // The book's generated tables: the preprocessor writes them, no widget does.
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
        table.row(&mut m, &[("data-flow", &f.id)]);
        flow_name(&mut m, &f.name, &f.id);
        table.cell(&mut m);
        match &f.start {
            FlowStart::Host(host) => {
                m.code(host);
            }
            FlowStart::Path(steps) => {
                let names: Vec<&str> = steps
                    .iter()
                    .map(|&c| model.component(c).name.as_str())
                    .collect();
                m.text(&names.join(" → "));
            }
        }
        table.cell(&mut m);
        m.text(&f.about);
        table.end_row(&mut m);
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
        table.row(&mut m, &[("data-scenario", &s.id)]);
        named(&mut m, &s.name, &s.id);
        table.cell(&mut m);
        if !s.fail.is_empty() || s.reschedule.is_empty() {
            codes(&mut m, &s.fail);
        }
        if !s.reschedule.is_empty() {
            if !s.fail.is_empty() {
                m.raw("; ");
            }
            m.text("restarts ");
            codes(&mut m, &s.reschedule);
        }
        table.cell(&mut m);
        m.text(&s.teaches);
        table.end_row(&mut m);
    }
    table.close(&mut m);
    m.into_string()
}

/// The placement rules: the questions that fire each, where it puts what
/// they describe, and what it says.
pub fn rules_table(engine: &Engine) -> String {
    let model = engine.model();
    let mut m = Markup::new();
    let mut table = Table::open(
        &mut m,
        "archsim-rules-list",
        "The placement rules",
        &["Rule", "Fires on a yes to any of", "Puts it on", "Says"],
    );
    for (i, r) in model.placement.rules.iter().enumerate() {
        let line = rule_line(engine, RuleId::from_index(i));
        table.row(&mut m, &[("data-rule", &line.id)]);
        m.code(&line.id);
        table.cell(&mut m);
        codes(&mut m, &r.if_any);
        table.cell(&mut m);
        rule_target(&mut m, &line);
        table.cell(&mut m);
        rule_says(&mut m, &line);
        table.end_row(&mut m);
    }
    table.close(&mut m);
    m.into_string()
}
