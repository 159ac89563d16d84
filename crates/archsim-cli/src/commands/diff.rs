//! `archsim diff OLD [NEW] [--deny KIND,...]`

use std::ffi::OsString;

use archsim_core::diff::{
    self, Assumptions, BrokenInvariant, Changes, DnsChange, DnsChangeKind, Finding, FlowChange,
    Impact,
};
use archsim_core::load::Options;
use archsim_core::{AuditStatus, Engine, State};
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

mod markdown;

/// The verdict when the models answer alike.
const NO_CHANGE: &str = "no change";

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
        Some(url) => Some(markdown::book(url)?),
        None => None,
    };
    let format = Format::ALL
        .into_iter()
        .find(|f| f.as_str() == super::value(m, "format"))
        .unwrap_or(Format::Text);
    let mut answer = ctx.answer(
        || to_json(&changes, &impact, &assumptions, &denied),
        || match format {
            Format::Markdown => markdown::render(
                book.as_deref(),
                &verdict(&changes, &impact, &assumptions),
                &changes,
                &impact,
                &assumptions,
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

/// The verdict line: what changed, how many flows change state, how many
/// single points of failure are new, and how many components' placement
/// status changes (when any does).
fn verdict(changes: &Changes, impact: &Impact, assumptions: &Assumptions) -> String {
    let n = changes.len();
    if n == 0 && impact.is_empty() && assumptions.added.is_empty() && assumptions.removed.is_empty()
    {
        return NO_CHANGE.to_owned();
    }
    let flows = impact.flows_changing();
    let (spof, _) = impact.spof_counts();
    let plural = |n: usize, one: &str, many: &str| {
        [
            n.to_string(),
            " ".into(),
            (if n == 1 { one } else { many }).into(),
        ]
        .concat()
    };
    let mut parts = vec![
        plural(n, "change", "changes"),
        plural(flows, "flow changes state", "flows change state"),
        plural(
            spof,
            "new single point of failure",
            "new single points of failure",
        ),
    ];
    if !impact.placement.is_empty() {
        parts.push(plural(
            impact.placement.len(),
            "placement change",
            "placement changes",
        ));
    }
    if !impact.dns.is_empty() {
        parts.push(plural(impact.dns.len(), "DNS change", "DNS changes"));
    }
    if !impact.invariants.is_empty() {
        parts.push(plural(
            impact.invariants.len(),
            "broken invariant",
            "broken invariants",
        ));
    }
    parts.join(", ")
}

/// A broken invariant in words, after its id: its facts, what breaks it
/// and where (`(F04, F21): record `x` is proxied, line 12`).
fn broken_words(b: &BrokenInvariant) -> String {
    let mut out = String::new();
    if !b.facts.is_empty() {
        out.push_str(&["(", &b.facts.join(", "), ")"].concat());
    }
    [&out, ": ", &b.message, ", line ", &b.line.to_string()].concat()
}

/// A DNS change in words: what the host's writer, claimants or record's
/// target were and are (ids through `id`).
fn dns_words(d: &DnsChange, id: impl Fn(&str) -> String) -> String {
    let side = |s: &Option<String>| s.as_deref().map_or_else(|| "none".to_owned(), &id);
    match d.change {
        DnsChangeKind::Writer => ["writer ", &side(&d.before), " → ", &side(&d.after)].concat(),
        DnsChangeKind::BothClaim => {
            let writers: Vec<String> = d.writers.iter().map(|w| id(w)).collect();
            [
                "claimed by ",
                &writers.join(" and "),
                " (was ",
                &side(&d.before),
                ")",
            ]
            .concat()
        }
        DnsChangeKind::LostTarget => [
            "record loses its target ",
            &side(&d.before),
            " (now ",
            &side(&d.after),
            ")",
        ]
        .concat(),
    }
}

/// When a flow change happens: nothing failing, a scenario, or one failure.
fn when(f: &FlowChange) -> String {
    match (&f.scenario, f.failed.as_slice()) {
        (Some(s), _) => ["scenario ", &shown(s)].concat(),
        (None, []) => "nothing fails".to_owned(),
        (None, failed) => {
            let ids: Vec<&str> = failed.iter().map(String::as_str).collect();
            [id_list(&ids), " fails".into()].concat()
        }
    }
}

/// An audit status's word, or `absent` on a side that does not audit the
/// component.
fn status(s: &Option<AuditStatus>) -> &'static str {
    s.as_ref().map_or("absent", AuditStatus::word)
}

/// A state, or `absent` on the side without the flow.
fn state(style: Style, s: Option<State>) -> String {
    match s {
        Some(s) => style.state(s),
        None => style.dim("absent"),
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
        out.push_str(&format!("\n  {}\n", style.bold("Changes")));
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
        out.push_str(&format!("\n  {}\n", style.bold("Flows that change state")));
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
        out.push_str(&format!("\n  {}\n", style.bold("Single points of failure")));
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
        out.push_str(&format!("\n  {}\n", style.bold("Placement")));
        for p in &impact.placement {
            let mut line = format!(
                "    {}  {} → {}",
                style.id(&p.id),
                status(&p.before),
                status(&p.after)
            );
            if let Some(reason) = p.after.as_ref().and_then(AuditStatus::reason) {
                line.push_str(&format!(": {}", shown(reason)));
            }
            line.push('\n');
            out.push_str(&line);
        }
    }
    if !impact.dns.is_empty() {
        out.push_str(&format!("\n  {}\n", style.bold("DNS")));
        for d in &impact.dns {
            out.push_str(&format!(
                "    {}  {}\n",
                style.id(&d.host),
                dns_words(d, |s| style.id(s))
            ));
        }
    }
    if !impact.invariants.is_empty() {
        out.push_str(&format!(
            "\n  {}\n",
            style.bold("Invariants the change breaks")
        ));
        for b in &impact.invariants {
            out.push_str(&format!(
                "    {} {} {}\n",
                style.error("✖"),
                style.id(&b.invariant),
                shown(&broken_words(b))
            ));
        }
    }
    if !assumptions.added.is_empty() || !assumptions.removed.is_empty() {
        out.push_str(&format!("\n  {}\n", style.bold("Assumptions")));
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
