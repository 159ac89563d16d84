//! The JSON contract: every shape `--json` prints, built from the core's
//! plain structs. `JSON.md` documents each one; change both together.
//!
//! Ids replace indices everywhere, absent values are `null` (never missing
//! keys), and lists keep the model's order, so the output is stable.

pub mod diff;
pub mod model;

use archsim_core::basis::label;
use archsim_core::text::is_hidden;
use archsim_core::{Basis, Diagnostic, Model, RecordId};
use serde::Serialize;

use crate::error::CliError;

/// Pretty JSON with a final newline.
///
/// serde_json escapes the C0 controls; `DEL`, the C1 controls and the bidi
/// controls it writes as they are, so they are escaped here (`\u009b`): the
/// strings read back the same, and nothing in them acts on a terminal.
pub fn to_text<T: Serialize>(value: &T) -> Result<String, CliError> {
    serde_json::to_string_pretty(value)
        .map(|text| {
            let mut out = String::with_capacity(text.len() + 1);
            for c in text.chars() {
                if c != '\n' && is_hidden(c) {
                    // Outside strings, pretty JSON has only spaces and line
                    // breaks, so `c` is inside a string.
                    let mut units = [0u16; 2];
                    for unit in c.encode_utf16(&mut units) {
                        out.push_str(&format!("\\u{unit:04x}"));
                    }
                } else {
                    out.push(c);
                }
            }
            out.push('\n');
            out
        })
        .map_err(|e| CliError::new("internal", format!("cannot write JSON: {e}")))
}

/// `{"error": …}`: what went wrong, printed on stdout with exit code 2.
#[derive(Serialize)]
pub struct ErrorJson<'a> {
    /// The error.
    pub error: ErrorBody<'a>,
}

/// The body of an error.
#[derive(Serialize)]
pub struct ErrorBody<'a> {
    /// Stable kind, e.g. `unknown-selector`.
    pub kind: &'a str,
    /// One sentence.
    pub message: &'a str,
    /// Near names that would work.
    pub suggestions: &'a [String],
    /// For `invalid-model`: the loader's findings.
    pub diagnostics: Vec<DiagnosticJson<'a>>,
}

impl<'a> ErrorJson<'a> {
    /// The JSON form of an error.
    pub fn new(error: &'a CliError) -> ErrorJson<'a> {
        ErrorJson {
            error: ErrorBody {
                kind: error.kind,
                message: &error.message,
                suggestions: &error.suggestions,
                diagnostics: error.diagnostics.iter().map(DiagnosticJson::new).collect(),
            },
        }
    }
}

/// One diagnostic.
#[derive(Serialize)]
pub struct DiagnosticJson<'a> {
    /// `error` or `warning`.
    pub severity: &'static str,
    /// Stable check name.
    pub code: &'static str,
    /// What is wrong.
    pub message: &'a str,
    /// What to do, or null.
    pub hint: Option<&'a str>,
    /// The model file.
    pub file: &'a str,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl<'a> DiagnosticJson<'a> {
    /// The JSON form of a diagnostic.
    pub fn new(d: &'a Diagnostic) -> DiagnosticJson<'a> {
        DiagnosticJson {
            severity: d.severity.as_str(),
            code: d.code,
            message: &d.message,
            hint: d.hint.as_deref(),
            file: &d.file,
            line: d.line,
            column: d.column,
        }
    }
}

/// `check`.
#[derive(Serialize)]
pub struct CheckJson<'a> {
    /// No errors (warnings allowed).
    pub ok: bool,
    /// Every finding, in source order.
    pub diagnostics: Vec<DiagnosticJson<'a>>,
}

/// What an answer rests on: whether every premise is sourced by the
/// document's facts, the facts, and what it assumes beyond them.
#[derive(Serialize)]
pub struct BasisJson<'a> {
    /// No assumption: every premise is one of the document's facts.
    pub checked: bool,
    /// The document's facts the answer rests on (`F05`), sorted, each once.
    pub facts: Vec<&'a str>,
    /// What the answer assumes beyond the document.
    pub assumptions: Vec<AssumptionJson<'a>>,
}

impl<'a> BasisJson<'a> {
    /// The JSON form of an answer's basis.
    pub fn new(model: &'a Model, basis: &Basis) -> BasisJson<'a> {
        let assumptions: Vec<AssumptionJson<'a>> = basis
            .assumptions(model)
            .into_iter()
            .map(|a| AssumptionJson {
                about: label(model, a.premise),
                text: a.says,
                settle: a.settle,
            })
            .collect();
        BasisJson {
            checked: assumptions.is_empty(),
            facts: basis.facts(model),
            assumptions,
        }
    }
}

/// An assumption an answer leans on.
#[derive(Serialize)]
pub struct AssumptionJson<'a> {
    /// What it is about, in the words `archsim_core::basis::label` gives:
    /// a component id, `id (field)`, `from → to` for an edge, `record
    /// HOST`, `flow ID`, `scenario ID`, …
    pub about: String,
    /// The assumption.
    pub text: &'a str,
    /// Where in the described platform's repository it would be settled,
    /// or null.
    pub settle: Option<&'a str>,
}

/// `route`.
#[derive(Serialize)]
pub struct RouteJson<'a> {
    /// As typed.
    pub input: &'a str,
    /// Normalised.
    pub host: &'a str,
    /// `ok`, `at-risk`, `degraded`, `down` or `no-record`.
    pub verdict: &'static str,
    /// The record that resolves the host, or null.
    pub record: Option<RecordRefJson<'a>>,
    /// Zone first, origin last.
    pub hops: Vec<HopJson<'a>>,
    /// Components behind a non-ok verdict, the failed one last.
    pub because: Vec<&'a str>,
    /// For `no-record`: existing hosts that look alike.
    pub nearby: &'a [String],
    /// What the answer rests on.
    pub basis: BasisJson<'a>,
    /// Components failed by `--fail`.
    pub failed: Vec<&'a str>,
    /// Components restarted by `--reschedule`.
    pub restarting: Vec<&'a str>,
}

/// The record behind a route.
#[derive(Serialize)]
pub struct RecordRefJson<'a> {
    /// `A`, `CNAME`, …
    #[serde(rename = "type")]
    pub rtype: &'a str,
    /// Writer id.
    pub writer: &'a str,
    /// The file the writer is configured in.
    pub source: &'a str,
    /// The writer's TXT-registry owner id, or null.
    pub owner_id: Option<&'a str>,
    /// Whether the DNS provider proxies it.
    pub proxied: bool,
}

impl<'a> RecordRefJson<'a> {
    /// The record's reference.
    pub fn new(model: &'a Model, record: RecordId) -> RecordRefJson<'a> {
        let r = &model.records[record.index()];
        let w = &model.writers[r.writer.index()];
        RecordRefJson {
            rtype: &r.rtype,
            writer: &w.id,
            source: &w.source,
            owner_id: w.owner_id.as_deref(),
            proxied: r.proxied,
        }
    }
}

/// One hop.
#[derive(Serialize)]
pub struct HopJson<'a> {
    /// Component id.
    pub id: &'a str,
    /// Component name.
    pub name: &'a str,
    /// Provider id, or `external`.
    pub provider: &'a str,
    /// Region id, or null.
    pub region: Option<&'a str>,
    /// Why the request is here.
    pub why: &'a str,
    /// The component's own state.
    pub state: &'static str,
}

/// `fail`.
#[derive(Serialize)]
pub struct FailJson<'a> {
    /// Failed component ids.
    pub failed: Vec<&'a str>,
    /// Restarting component ids.
    pub restarting: Vec<&'a str>,
    /// Scenario ids the selectors named.
    pub scenarios: Vec<&'a str>,
    /// What the named scenarios rest on (checked, with no facts, when the
    /// selectors name none).
    pub basis: BasisJson<'a>,
    /// Every flow, in model order.
    pub flows: Vec<FlowJson<'a>>,
}

/// One flow under failures.
#[derive(Serialize)]
pub struct FlowJson<'a> {
    /// Flow id.
    pub flow: &'a str,
    /// Flow name.
    pub name: &'a str,
    /// The public host it starts at, or null for internal flows.
    pub entry: Option<&'a str>,
    /// `ok`, `at-risk`, `degraded` or `down`.
    pub state: &'static str,
    /// The cause chain, the failed component last.
    pub because: Vec<&'a str>,
    /// The steps (for a host: the best route).
    pub path: Vec<&'a str>,
    /// What this flow's answer rests on.
    pub basis: BasisJson<'a>,
}

/// `spof`.
#[derive(Serialize)]
pub struct SpofJson<'a> {
    /// One entry per flow.
    pub flows: Vec<SpofFlowJson<'a>>,
}

/// A flow's single points of failure.
#[derive(Serialize)]
pub struct SpofFlowJson<'a> {
    /// Flow id.
    pub flow: &'a str,
    /// Public host, or null.
    pub entry: Option<&'a str>,
    /// Component ids, in model order.
    pub spof: Vec<&'a str>,
    /// Whether the search stopped at its limit: `spof` is certain but may
    /// be incomplete.
    pub cut_short: bool,
    /// What the list rests on: everything the flow relies on.
    pub basis: BasisJson<'a>,
}

/// `place`.
#[derive(Serialize)]
pub struct PlaceJson<'a> {
    /// Question ids answered yes, in question order.
    pub answers: &'a [String],
    /// A provider id, `conflict` or `undecided`.
    pub verdict: &'a str,
    /// Every rule that fired.
    pub rules: Vec<RuleJson<'a>>,
    /// Existing components that answer alike, most similar first.
    pub precedents: Vec<PrecedentJson<'a>>,
    /// What the verdict and its precedents rest on.
    pub basis: BasisJson<'a>,
}

/// A rule that fired.
#[derive(Serialize)]
pub struct RuleJson<'a> {
    /// Rule id.
    pub id: &'a str,
    /// Where it puts things.
    pub provider: &'a str,
    /// The rule in words.
    pub says: &'a str,
    /// Fact ids.
    pub facts: &'a [String],
    /// `decided`, `overridden` or `fired`.
    pub role: &'static str,
}

/// A precedent.
#[derive(Serialize)]
pub struct PrecedentJson<'a> {
    /// Component id.
    pub id: &'a str,
    /// Component name.
    pub name: &'a str,
    /// Its provider.
    pub provider: &'a str,
    /// Answers it shares with the question.
    pub shared: &'a [String],
    /// Jaccard similarity, 0–1.
    pub similarity: f64,
    /// Its `placement` note (how a conflict was resolved before), or null.
    pub note: Option<&'a str>,
}

/// `place --audit`.
#[derive(Serialize)]
pub struct AuditJson<'a> {
    /// One entry per component that belongs to a provider.
    pub audit: Vec<AuditEntryJson<'a>>,
}

/// One audited component.
#[derive(Serialize)]
pub struct AuditEntryJson<'a> {
    /// Component id.
    pub id: &'a str,
    /// Where it is.
    pub provider: &'a str,
    /// Its region, or null.
    pub region: Option<&'a str>,
    /// Where the rule puts it: a provider id, `conflict` or `undecided`.
    pub verdict: &'a str,
    /// `fits`, `exception`, `resolved`, `not-covered` or `violation`.
    pub status: &'static str,
    /// The component's reason, or what is wrong; null when it fits.
    pub reason: Option<&'a str>,
    /// The rules that decided.
    pub rules: Vec<&'a str>,
    /// What the entry rests on.
    pub basis: BasisJson<'a>,
}

/// `dns`.
#[derive(Serialize)]
pub struct DnsJson<'a> {
    /// Normalised host.
    pub host: &'a str,
    /// Writer id of its records (or of the pattern that claims it), or null.
    pub writer: Option<&'a str>,
    /// The writer's configuration file, or null.
    pub source: Option<&'a str>,
    /// The writer's TXT-registry owner id, or null.
    pub owner_id: Option<&'a str>,
    /// Whether its record is proxied; null without a record.
    pub proxied: Option<bool>,
    /// Its records.
    pub records: Vec<model::RecordJson<'a>>,
    /// For a host without records: how each writer adds one.
    pub how_to_add: Vec<HowToAddJson<'a>>,
    /// What the answer rests on.
    pub basis: BasisJson<'a>,
}

/// How a writer adds a host.
#[derive(Serialize)]
pub struct HowToAddJson<'a> {
    /// Writer id.
    pub writer: &'a str,
    /// What to do.
    pub adds: &'a str,
    /// What kind of hosts it writes.
    pub serves: &'a str,
}

/// `gen`.
#[derive(Serialize)]
pub struct GenJson<'a> {
    /// Requested components.
    pub components: usize,
    /// Seed.
    pub seed: u64,
    /// The model file's text (TOML).
    pub model: &'a str,
}

/// `export mermaid|dot` with `--json`.
#[derive(Serialize)]
pub struct ExportTextJson<'a> {
    /// `mermaid` or `dot`.
    pub format: &'a str,
    /// The diagram source.
    pub text: &'a str,
}
