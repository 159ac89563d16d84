//! `archsim diff OLD [NEW] [--deny KIND,...]`

use std::ffi::OsString;

use archsim_core::diff::{self, Assumptions, Changes, Finding, Impact};
use archsim_core::load::Options;
use archsim_core::{AuditStatus, Engine, State};
use archsim_view::markdown::diff as markdown;
use archsim_view::present::diff::{self as words, ImpactParts, Section};
use clap::ArgMatches;

use super::{Answer, Ctx, chain, id_list};
use crate::error::{CliError, EXIT_FINDINGS};
use crate::input::ModelInput;
use crate::json::diff::{
    AssumptionChangeJson, AssumptionsJson, ChangedJson, ChangesJson, DiffJson, DnsChangeJson,
    EntryJson, FlowChangeJson, ImpactJson, InvariantJson, PlacementChangeJson, SpofChangeJson,
};
use crate::output;
use crate::render::{Style, Table, shown};
use crate::side::Side;

/// How the answer is written (`--json` is JSON, whatever this says).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// For a terminal.
    Text,
    /// For a pull-request comment.
    Markdown,
}

impl Format {
    /// Every format, as `--format` lists them.
    pub const ALL: [Format; 2] = [Format::Text, Format::Markdown];

    /// The format's name on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
        }
    }
}

/// Compare two models.
pub fn run(ctx: &Ctx, m: &ArgMatches) -> Result<Answer, CliError> {
    let old = Side::parse(m.get_one::<OsString>("old").map_or("".as_ref(), |s| s));
    let (old, new) = match m.get_one::<OsString>("new") {
        Some(new) => (old, Side::parse(new)),
        None => Side::pair(old)?,
    };
    // OLD must hold its invariants; NEW may break them: each way it does
    // is a finding of the change (`impact.invariants`), not bad input.
    let old = load(old.read(Options::default())?)?;
    let new = new.read(Options {
        keep_broken_invariants: true,
    })?;
    let source = new.source().into_owned();
    let new = load(new)?;
    let deny: Vec<Finding> = super::values(m, "deny")
        .into_iter()
        .filter_map(Finding::parse)
        .collect();
    let changes = diff::changes(old.model(), new.model());
    let mut impact = diff::impact(&old, &new);
    archsim_core::load::locate(&mut impact.invariants, &source);
    let assumptions = diff::assumptions(old.model(), new.model());
    let denied: Vec<&'static str> = Finding::ALL
        .into_iter()
        .filter(|d| deny.contains(d) && d.occurs(&impact, &assumptions))
        .map(Finding::as_str)
        .collect();
    let book = match m.get_one::<String>("book") {
        Some(url) => Some(book(url)?),
        None => None,
    };
    let format = Format::ALL
        .into_iter()
        .find(|f| f.as_str() == super::value(m, "format"))
        .unwrap_or(Format::Text);
    let mut answer = ctx.answer(
        || to_json(&changes, &impact, &assumptions, &denied),
        || match format {
            Format::Markdown => markdown::comment(
                book.as_deref(),
                ImpactParts {
                    changes: &changes,
                    impact: &impact,
                    assumptions: &assumptions,
                },
                &denied,
            ),
            Format::Text => human(
                ctx.style,
                ctx.width,
                &changes,
                &impact,
                &assumptions,
                &denied,
            ),
        },
    )?;
    if !denied.is_empty() {
        answer.code = EXIT_FINDINGS;
        if ctx.json {
            // The text's verdict line says it; with JSON, stderr does.
            output::stderr(
                &[
                    "error: the change introduces what --deny forbids: ",
                    &denied.join(", "),
                    "\n",
                ]
                .concat(),
                Style::plain(),
            );
        }
    }
    Ok(answer)
}

/// The book's address as `--book` gives it, checked
/// (`archsim_view::markdown::diff::book`).
fn book(url: &str) -> Result<String, CliError> {
    markdown::book(url).ok_or_else(|| {
        CliError::usage(
            [
                "--book wants the book's address, `http://` or `https://` then letters, digits and `-._~:/%`; `",
                &shown(url),
                "` is not one",
            ]
            .concat(),
        )
    })
}

/// A side's engine, or its diagnostics (with its own text for snippets).
fn load(input: ModelInput) -> Result<Engine, CliError> {
    let source = input.source().into_owned();
    input.engine.map_err(|diagnostics| {
        let mut error = CliError::invalid_model(&input.file, diagnostics);
        error.source = Some(source);
        error
    })
}

fn to_json<'a>(
    changes: &'a Changes,
    impact: &'a Impact,
    assumptions: &'a Assumptions,
    denied: &[&'static str],
) -> DiffJson<'a> {
    DiffJson {
        changes: ChangesJson {
            added: changes.added.iter().map(EntryJson::new).collect(),
            removed: changes.removed.iter().map(EntryJson::new).collect(),
            changed: changes.changed.iter().map(ChangedJson::new).collect(),
        },
        impact: ImpactJson {
            flows: impact.flows.iter().map(FlowChangeJson::new).collect(),
            spof: impact.spof.iter().map(SpofChangeJson::new).collect(),
            placement: impact
                .placement
                .iter()
                .map(PlacementChangeJson::new)
                .collect(),
            dns: impact.dns.iter().map(DnsChangeJson::new).collect(),
            invariants: impact.invariants.iter().map(InvariantJson::new).collect(),
            assumptions: AssumptionsJson {
                added: assumptions
                    .added
                    .iter()
                    .map(AssumptionChangeJson::new)
                    .collect(),
                removed: assumptions
                    .removed
                    .iter()
                    .map(AssumptionChangeJson::new)
                    .collect(),
            },
        },
        denied: denied.to_vec(),
    }
}

/// The verdict line, in the diff's words.
fn verdict(changes: &Changes, impact: &Impact, assumptions: &Assumptions) -> String {
    words::verdict(ImpactParts {
        changes,
        impact,
        assumptions,
    })
}

/// When a flow change happens, shown.
fn when(f: &diff::FlowChange) -> String {
    shown(&words::when(f)).into_owned()
}

/// A state, or `absent` on the side without the flow.
fn state(style: Style, s: Option<State>) -> String {
    match s {
        Some(s) => style.state(s),
        None => style.dim(words::ABSENT),
    }
}

fn human(
    style: Style,
    width: usize,
    changes: &Changes,
    impact: &Impact,
    assumptions: &Assumptions,
    denied: &[&str],
) -> String {
    let mut out = [
        "  ",
        &style.bold(&verdict(changes, impact, assumptions)),
        "\n",
    ]
    .concat();
    if !denied.is_empty() {
        out.push_str(&format!(
            "  {}{} the change introduces what --deny forbids: {}\n",
            style.error("denied"),
            style.bold(":"),
            denied.join(", ")
        ));
    }
    let n = changes.len();
    if n > 0 {
        out.push_str(&format!("\n  {}\n", style.bold(Section::Changes.title())));
        for c in &changes.added {
            out.push_str(&format!(
                "    {} {} {}\n",
                style.good("+"),
                c.table.as_str(),
                style.id(&c.id)
            ));
        }
        for c in &changes.removed {
            out.push_str(&format!(
                "    {} {} {}\n",
                style.error("−"),
                c.table.as_str(),
                style.id(&c.id)
            ));
        }
        for c in &changes.changed {
            out.push_str(&format!(
                "    {} {} {}: {}\n",
                style.notice("~"),
                c.table.as_str(),
                style.id(&c.id),
                c.fields.join(", ")
            ));
        }
    }
    if !impact.flows.is_empty() {
        out.push_str(&format!("\n  {}\n", style.bold(Section::Flows.title())));
        let mut table = Table::new(&["FLOW", "WHEN", "BEFORE", "AFTER", "BECAUSE"]).wrap_at(width);
        for f in &impact.flows {
            let because: Vec<&str> = f.because.iter().map(String::as_str).collect();
            table.row(vec![
                style.id(&f.flow),
                when(f),
                state(style, f.before),
                state(style, f.after),
                chain(&because),
            ]);
        }
        out.push_str(&table.render(style, 4));
    }
    if !impact.spof.is_empty() {
        out.push_str(&format!("\n  {}\n", style.bold(Section::Spof.title())));
        for s in &impact.spof {
            let mut line = ["    ", &style.id(&s.flow)].concat();
            for (sign, list) in [(style.good("+"), &s.added), (style.error("−"), &s.removed)] {
                if !list.is_empty() {
                    let ids: Vec<&str> = list.iter().map(String::as_str).collect();
                    line.push_str(&format!("  {sign} {}", id_list(&ids)));
                }
            }
            line.push('\n');
            out.push_str(&line);
        }
    }
    if !impact.placement.is_empty() {
        out.push_str(&format!("\n  {}\n", style.bold(Section::Placement.title())));
        for p in &impact.placement {
            let mut line = format!(
                "    {}  {} → {}",
                style.id(&p.id),
                words::status(&p.before),
                words::status(&p.after)
            );
            if let Some(reason) = p.after.as_ref().and_then(AuditStatus::reason) {
                line.push_str(&format!(": {}", shown(reason)));
            }
            line.push('\n');
            out.push_str(&line);
        }
    }
    if !impact.dns.is_empty() {
        out.push_str(&format!("\n  {}\n", style.bold(Section::Dns.title())));
        for d in &impact.dns {
            out.push_str(&format!(
                "    {}  {}\n",
                style.id(&d.host),
                words::dns_words(d, |s| style.id(s))
            ));
        }
    }
    if !impact.invariants.is_empty() {
        out.push_str(&format!(
            "\n  {}\n",
            style.bold(Section::Invariants.title())
        ));
        for b in &impact.invariants {
            out.push_str(&format!(
                "    {} {} {}\n",
                style.error("✖"),
                style.id(&b.invariant),
                shown(&words::broken_words(b))
            ));
        }
    }
    if !assumptions.added.is_empty() || !assumptions.removed.is_empty() {
        out.push_str(&format!(
            "\n  {}\n",
            style.bold(Section::Assumptions.title())
        ));
        for (sign, list) in [
            (style.good("+"), &assumptions.added),
            (style.error("−"), &assumptions.removed),
        ] {
            for a in list {
                out.push_str(&format!(
                    "    {sign} {}: {}\n",
                    style.id(&a.about),
                    shown(&a.says)
                ));
            }
        }
    }
    out
}
