//! Raw file structures → [`Model`]: every reference looked up, every id
//! checked, generated edges and flows added.
//!
//! This file holds what every part shares (the context, the id tables, host
//! and environment checks) and the order of the parts; each part of the model
//! is resolved in a file of its own beside this one.

mod components;
mod dns;
mod edges;
mod flows;
mod invariants;
mod placement;
mod providers;
mod scenarios;

use std::collections::HashMap;

use super::guard::MAX_ID_CHARS;
use super::raw::{RawModel, RawProvenance, S};
use crate::diag::{
    BrokenInvariant, Diagnostic, LineIndex, MAX_DIAGNOSTICS, Severity, Span, has_errors,
};
use crate::host;
use crate::model::{Fact, Meta, Model, Provenance};
use crate::suggest::{did_you_mean, nearest};

/// The loader's scratchpad: the source, for locations, and what it found.
pub(crate) struct Ctx<'s> {
    pub file: &'s str,
    pub source: &'s str,
    pub lines: LineIndex,
    /// The first [`MAX_DIAGNOSTICS`] findings; the rest are only counted.
    pub diagnostics: Vec<Diagnostic>,
    /// Findings past the cap: how many, and whether one is an error.
    pub dropped: usize,
    pub dropped_error: bool,
    /// Near names already looked for: (table, unknown name) → suggestions.
    pub near: HashMap<(&'static str, String), Vec<String>>,
    /// Where each selector of each scenario (its `fail`, then its
    /// `reschedule` entries) and each invariant (`target`, `from`) is
    /// written, so a bad one is reported at itself. The model keeps no
    /// spans for them.
    pub selector_spans: SelectorSpans,
    /// `Some` when the load keeps a model that breaks its invariants
    /// ([`crate::load::Options`]): each violation, instead of an error.
    pub broken: Option<Vec<BrokenInvariant>>,
}

/// Spans of the selectors in scenarios and invariants, by index.
#[derive(Default)]
pub(crate) struct SelectorSpans {
    pub scenarios: Vec<Vec<Span>>,
    pub invariants: Vec<[Option<Span>; 2]>,
}

impl<'s> Ctx<'s> {
    /// An empty scratchpad for `source`.
    pub fn new(file: &'s str, source: &'s str) -> Ctx<'s> {
        Ctx {
            file,
            source,
            lines: LineIndex::new(source),
            diagnostics: Vec::new(),
            dropped: 0,
            dropped_error: false,
            near: HashMap::new(),
            selector_spans: SelectorSpans::default(),
            broken: None,
        }
    }

    /// Whether any finding so far is an error, kept or not.
    pub fn has_errors(&self) -> bool {
        self.dropped_error || has_errors(&self.diagnostics)
    }

    /// Whether findings from now on are only counted: a check need not
    /// work out a hint nobody will read.
    pub fn full(&self) -> bool {
        self.diagnostics.len() >= MAX_DIAGNOSTICS
    }

    /// The kept findings in source order, and one more saying how many
    /// were left out.
    pub fn finish(self) -> Vec<Diagnostic> {
        let mut diagnostics = self.diagnostics;
        diagnostics.sort_by_key(|d| (d.line, d.column));
        if self.dropped > 0 {
            let severity = if self.dropped_error {
                Severity::Error
            } else {
                Severity::Warning
            };
            let more = Diagnostic::at(
                severity,
                crate::diag::TOO_MANY_DIAGNOSTICS,
                self.file,
                self.source,
                None,
                format!(
                    "and {} more diagnostics, not shown; the first {MAX_DIAGNOSTICS} are above",
                    self.dropped
                ),
            );
            diagnostics.push(more.with_hint("fix these and check again"));
        }
        diagnostics
    }

    pub fn report(
        &mut self,
        severity: Severity,
        code: &'static str,
        span: Option<Span>,
        message: String,
        hint: Option<String>,
    ) {
        if self.full() {
            self.dropped += 1;
            self.dropped_error |= severity == Severity::Error;
            return;
        }
        let (line, column) = span.map_or((1, 1), |s| self.lines.line_column(self.source, s.start));
        self.diagnostics.push(Diagnostic {
            severity,
            code,
            message,
            hint,
            file: self.file.to_owned(),
            span,
            line,
            column,
        });
    }

    pub fn error(&mut self, code: &'static str, span: Span, message: String, hint: Option<String>) {
        self.report(Severity::Error, code, Some(span), message, hint);
    }
}

fn span_of<T>(s: &toml::Spanned<T>) -> Span {
    s.span().into()
}

/// The start of a long text, for a message: at most [`MAX_ID_CHARS`]
/// characters, then `…`. A message never repeats a huge value whole.
pub(crate) fn excerpt(text: &str) -> String {
    match text.char_indices().nth(MAX_ID_CHARS) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// Ids are what selectors and references use: no spaces, no `:`, and short.
fn check_id(ctx: &mut Ctx<'_>, what: &str, id: &S) {
    let text = id.get_ref();
    let length = text.chars().count();
    if length > MAX_ID_CHARS {
        ctx.error(
            "id-too-long",
            span_of(id),
            format!(
                "{what} id `{}` is {length} characters long; the limit is {MAX_ID_CHARS}",
                excerpt(text)
            ),
            Some("ids are short words that selectors and links repeat; shorten it".into()),
        );
        return;
    }
    let ok = text
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if !ok {
        ctx.error(
            "invalid-id",
            span_of(id),
            format!("{what} id `{text}` is not a valid id"),
            Some("ids start with a letter, a digit or `_` and contain only letters, digits, `-`, `_` and `.`".into()),
        );
    }
}

/// A table of ids → index, reporting duplicates.
struct Ids<'a> {
    what: &'static str,
    map: HashMap<&'a str, usize>,
    names: Vec<&'a str>,
}

impl<'a> Ids<'a> {
    fn build(
        ctx: &mut Ctx<'_>,
        what: &'static str,
        ids: impl IntoIterator<Item = &'a S>,
    ) -> Ids<'a> {
        let mut map: HashMap<&str, usize> = HashMap::new();
        let mut first: HashMap<&str, Span> = HashMap::new();
        let mut names = Vec::new();
        for (index, id) in ids.into_iter().enumerate() {
            check_id(ctx, what, id);
            let text = id.get_ref().as_str();
            names.push(text);
            if let Some(previous) = first.get(text) {
                let line = ctx.lines.line(previous.start);
                ctx.error(
                    "duplicate-id",
                    span_of(id),
                    format!("{what} `{text}` is defined twice"),
                    Some(format!(
                        "the first definition is on line {line}; ids must be unique"
                    )),
                );
            } else {
                first.insert(text, span_of(id));
                map.insert(text, index);
            }
        }
        Ids { what, map, names }
    }

    fn get(&self, name: &str) -> Option<usize> {
        self.map.get(name).copied()
    }

    /// Look up a reference, reporting an unknown one with suggestions.
    fn resolve(&self, ctx: &mut Ctx<'_>, reference: &S) -> Option<usize> {
        let name = reference.get_ref();
        if let Some(index) = self.get(name) {
            return Some(index);
        }
        // Near names once per unknown name, and only for a finding that
        // is kept.
        let hint = {
            let near: &[String] = if ctx.full() {
                &[]
            } else {
                ctx.near
                    .entry((self.what, name.clone()))
                    .or_insert_with(|| nearest(name, self.names.iter().copied(), 3))
            };
            if near.is_empty() {
                format!("no {} has that id", self.what)
            } else {
                did_you_mean(near)
            }
        };
        ctx.error(
            "unknown-reference",
            span_of(reference),
            format!("unknown {} `{}`", self.what, excerpt(name)),
            Some(hint),
        );
        None
    }

    /// Look up a reference that may be left out; see [`Ids::resolve`].
    fn resolve_optional(&self, ctx: &mut Ctx<'_>, reference: Option<&S>) -> Option<usize> {
        reference.and_then(|r| self.resolve(ctx, r))
    }
}

/// Normalise a host written in the model, reporting one outside the zone.
fn model_host(ctx: &mut Ctx<'_>, zone: &str, raw: &S) -> Option<String> {
    if raw.get_ref().contains(['/', ':', '@', '?', '#']) {
        ctx.error(
            "invalid-host",
            span_of(raw),
            format!("`{}` is not a bare host name", raw.get_ref()),
            Some(format!(
                "the model names hosts without scheme, port or path, such as `api.{zone}`"
            )),
        );
        return None;
    }
    match host::normalize(raw.get_ref()) {
        Ok(host) if zone.is_empty() || host::in_zone(&host, zone) => Some(host),
        Ok(host) => {
            ctx.error(
                "outside-zone",
                span_of(raw),
                format!("host `{host}` is not in the zone `{zone}`"),
                Some(format!("every record and hop host must end in `.{zone}`")),
            );
            None
        }
        Err(problem) => {
            ctx.error(
                "invalid-host",
                span_of(raw),
                format!("`{}` is not a host name: {problem}", raw.get_ref()),
                Some(format!("write a bare host name, such as `api.{zone}`")),
            );
            None
        }
    }
}

/// An environment: `prod`, `dev` or `shared`.
fn env(ctx: &mut Ctx<'_>, raw: &S) -> String {
    use crate::load::format::ENVS;
    let value = raw.get_ref();
    if !ENVS.contains(&value.as_str()) {
        let near = nearest(value, ENVS, 1);
        ctx.error(
            "unknown-value",
            span_of(raw),
            format!("unknown environment `{value}`"),
            Some(if near.is_empty() {
                "use prod, dev or shared".into()
            } else {
                did_you_mean(&near)
            }),
        );
    }
    value.clone()
}

/// The id tables that references point into, one per table of the model
/// that is referred to.
struct IdTables<'a> {
    providers: Ids<'a>,
    regions: Ids<'a>,
    components: Ids<'a>,
    writers: Ids<'a>,
    questions: Ids<'a>,
    flows: Ids<'a>,
    facts: Ids<'a>,
}

impl<'a> IdTables<'a> {
    /// Build every table, reporting invalid and duplicate ids, including
    /// those of the tables nothing refers to.
    fn build(ctx: &mut Ctx<'_>, raw: &'a RawModel) -> IdTables<'a> {
        let providers = Ids::build(ctx, "provider", raw.providers.iter().map(|p| &p.id));
        let regions = Ids::build(ctx, "region", raw.regions.iter().map(|r| &r.id));
        let components = Ids::build(ctx, "component", raw.components.iter().map(|c| &c.id));
        let writers = Ids::build(ctx, "writer", raw.writers.iter().map(|w| &w.id));
        let questions = Ids::build(
            ctx,
            "placement question",
            raw.placement.questions.iter().map(|q| &q.id),
        );
        let flows = Ids::build(ctx, "flow", raw.flows.iter().map(|f| &f.id));
        Ids::build(ctx, "scenario", raw.scenarios.iter().map(|s| &s.id));
        Ids::build(
            ctx,
            "placement rule",
            raw.placement.rules.iter().map(|r| &r.id),
        );
        Ids::build(ctx, "invariant", raw.invariants.iter().map(|i| &i.id));
        let facts = Ids::build(ctx, "fact", raw.facts.iter().map(|f| &f.id));
        IdTables {
            facts,
            providers,
            regions,
            components,
            writers,
            questions,
            flows,
        }
    }
}

impl IdTables<'_> {
    /// An entry's provenance, checked: it names a fact or states an
    /// assumption (`unsourced` otherwise), and every fact it names is one
    /// the model declares (when it declares any).
    ///
    /// Arguments: `what` and `name` say which entry, for the message;
    /// `at` is where the entry is written.
    fn provenance(
        &self,
        ctx: &mut Ctx<'_>,
        what: &str,
        name: &str,
        at: Span,
        raw: RawProvenance<'_>,
    ) -> Provenance {
        let assumption = raw
            .assumption
            .filter(|a| !a.trim().is_empty())
            .map(str::to_owned);
        if raw.facts.is_empty() && assumption.is_none() {
            ctx.error(
                "unsourced",
                at,
                format!(
                    "{what} `{}` is unsourced: it names no fact of the document and states no assumption",
                    excerpt(name)
                ),
                Some("add `facts = [\"F..\"]` for the document's facts it carries, or `assumption = \"...\"` for what the model assumes beyond them".into()),
            );
        }
        if !self.facts.names.is_empty() {
            for fact in raw.facts {
                self.facts.resolve(ctx, fact);
            }
        }
        Provenance {
            facts: raw.facts.iter().map(|f| f.get_ref().clone()).collect(),
            assumption,
            settle: raw.settle.map(str::to_owned),
        }
    }
}

/// Resolve the whole model, one part after another: each part's references
/// point into the id tables, and later parts read what earlier ones added.
pub(crate) fn resolve(ctx: &mut Ctx<'_>, raw: RawModel) -> Model {
    let mut model = Model::default();

    if *raw.model.format.get_ref() != crate::load::format::FORMAT {
        ctx.error(
            "unsupported-format",
            span_of(&raw.model.format),
            format!(
                "model format {} is not supported",
                raw.model.format.get_ref()
            ),
            Some("this archsim reads `format = 1`".into()),
        );
    }
    let zone_name = dns::zone_name(ctx, &raw.zone.name);

    // Id tables first, so references can point forwards.
    let ids = IdTables::build(ctx, &raw);
    model.facts = raw
        .facts
        .iter()
        .map(|f| Fact {
            id: f.id.get_ref().clone(),
            says: f.says.clone(),
        })
        .collect();

    providers::resolve(ctx, &raw.providers, &raw.regions, &ids, &mut model);
    placement::resolve(ctx, &raw.placement, &ids, &mut model);
    components::resolve(ctx, &raw.components, &ids, &mut model);
    dns::resolve(
        ctx,
        &raw.zone,
        &zone_name,
        &raw.writers,
        &raw.records,
        &ids,
        &mut model,
    );
    let first_declared = flows::resolve(ctx, &raw.flows, &zone_name, &ids, &mut model);
    edges::resolve(
        ctx,
        &raw.edges,
        &raw.components,
        &zone_name,
        first_declared,
        &ids,
        &mut model,
    );
    scenarios::resolve(ctx, &raw.scenarios, &ids, &mut model);
    invariants::resolve(ctx, &raw.invariants, &ids, &mut model);
    // Last, once nothing borrows `raw` any more.
    model.meta = Meta {
        name: raw.model.name,
        document: raw.model.document,
    };

    if model.components.is_empty() {
        ctx.report(
            Severity::Error,
            "empty-model",
            None,
            "the model has no components".into(),
            Some("add [[component]] tables".into()),
        );
    }
    model
}
