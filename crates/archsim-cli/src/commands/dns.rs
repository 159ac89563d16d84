//! `archsim dns HOST`

use archsim_core::{DnsAnswer, Engine, host};
use clap::ArgMatches;

use super::{Answer, Ctx, value};
use crate::error::CliError;
use crate::json::model::RecordJson;
use crate::json::{BasisJson, DnsJson, HowToAddJson};
use crate::render::{Table, shown};

/// Who writes the host's record, or how a new host gets one.
pub fn run(ctx: &Ctx, m: &ArgMatches) -> Result<Answer, CliError> {
    let engine = ctx.engine()?;
    let answer = engine.dns(value(m, "host"))?;
    ctx.answer(|| to_json(engine, &answer), || human(ctx, engine, &answer))
}

fn to_json<'a>(engine: &'a Engine, answer: &'a DnsAnswer) -> DnsJson<'a> {
    let model = engine.model();
    let writer = answer.writer.map(|w| &model.writers[w.index()]);
    DnsJson {
        host: &answer.host,
        writer: writer.map(|w| w.id.as_str()),
        source: writer.map(|w| w.source.as_str()),
        owner_id: writer.and_then(|w| w.owner_id.as_deref()),
        proxied: answer
            .records
            .first()
            .map(|r| model.records[r.index()].proxied),
        records: answer
            .records
            .iter()
            .map(|r| RecordJson::new(model, &model.records[r.index()]))
            .collect(),
        how_to_add: answer
            .options
            .iter()
            .map(|w| {
                let w = &model.writers[w.index()];
                HowToAddJson {
                    writer: &w.id,
                    adds: &w.adds,
                    serves: &w.serves,
                }
            })
            .collect(),
        basis: BasisJson::new(model, &answer.basis),
    }
}

fn human(ctx: &Ctx, engine: &Engine, answer: &DnsAnswer) -> String {
    let model = engine.model();
    let style = ctx.style;
    let mut out = style.bold(&answer.host);
    if answer.records.is_empty() {
        out.push_str(&format!("  {}", style.notice("∅ no record")));
    }
    out.push('\n');
    let mut table = Table::default().wrap_at(ctx.width);
    for r in &answer.records {
        let r = &model.records[r.index()];
        table.row(vec![
            "record".into(),
            format!(
                "{} → {}, proxied = {}",
                shown(&r.rtype),
                style.id(&model.component(r.target).id),
                r.proxied
            ),
        ]);
    }
    if let Some(w) = answer.writer {
        let w = &model.writers[w.index()];
        let mut text = format!("{} ({})", style.id(&w.id), shown(&w.source));
        if let Some(owner) = &w.owner_id {
            let registry = w
                .registry
                .as_ref()
                .map(|r| format!("{} registry, ", shown(&r.to_uppercase())))
                .unwrap_or_default();
            text.push_str(&format!(", {registry}owner ID {}", shown(owner)));
        }
        if answer.records.is_empty() {
            let patterns: Vec<String> = w
                .owns
                .iter()
                .filter(|p| host::matches(p, &answer.host))
                .map(|p| format!("`{}`", shown(p)))
                .collect();
            text.push_str(&format!(": it owns {}", patterns.join(", ")));
            table.row(vec!["claimed by".into(), text]);
        } else {
            table.row(vec!["writer".into(), text]);
        }
        table.note(style.dim(&w.serves));
    }
    out.push_str(&table.render(style, 2));
    if answer.records.is_empty() {
        out.push_str(&format!(
            "\n  The {} zone has no record for {}. To add one:\n\n",
            shown(&model.zone.name),
            shown(&answer.host)
        ));
        let mut options = Table::default().wrap_at(ctx.width);
        for w in &answer.options {
            let w = &model.writers[w.index()];
            options.row(vec![style.id(&w.id), shown(&w.serves).into_owned()]);
            options.note(shown(&w.adds).into_owned());
        }
        out.push_str(&options.render(style, 2));
    }
    out.push_str(&ctx.basis(model, &answer.basis));
    out
}
