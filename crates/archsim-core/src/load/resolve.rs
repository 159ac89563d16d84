//! Raw file structures → [`Model`]: every reference looked up, every id
//! checked, generated edges and flows added.

use std::collections::{HashMap, HashSet};

use super::raw::*;
use crate::diag::{Diagnostic, Severity, Span};
use crate::host;
use crate::model::*;
use crate::suggest::{did_you_mean, nearest};

/// The loader's scratchpad: the source, for locations, and what it found.
pub(crate) struct Ctx<'s> {
    pub file: &'s str,
    pub source: &'s str,
    pub diagnostics: Vec<Diagnostic>,
    /// Where each selector of each scenario (its `fail`, then its
    /// `reschedule` entries) and each invariant (`target`, `from`) is
    /// written, so a bad one is reported at itself. The model keeps no
    /// spans for them.
    pub selector_spans: SelectorSpans,
}

/// Spans of the selectors in scenarios and invariants, by index.
#[derive(Default)]
pub(crate) struct SelectorSpans {
    pub scenarios: Vec<Vec<Span>>,
    pub invariants: Vec<[Option<Span>; 2]>,
}

impl Ctx<'_> {
    pub fn report(
        &mut self,
        severity: Severity,
        code: &'static str,
        span: Option<Span>,
        message: String,
        hint: Option<String>,
    ) {
        let mut d = Diagnostic::at(severity, code, self.file, self.source, span, message);
        d.hint = hint;
        self.diagnostics.push(d);
    }

    pub fn error(&mut self, code: &'static str, span: Span, message: String, hint: Option<String>) {
        self.report(Severity::Error, code, Some(span), message, hint);
    }
}

fn span_of<T>(s: &toml::Spanned<T>) -> Span {
    s.span().into()
}

/// Ids are what selectors and references use: no spaces, no `:`.
fn check_id(ctx: &mut Ctx<'_>, what: &str, id: &S) {
    let text = id.get_ref();
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
                let (line, _) = crate::diag::line_column(ctx.source, previous.start);
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
        let near = nearest(name, self.names.iter().copied(), 3);
        let hint = if near.is_empty() {
            format!("no {} has that id", self.what)
        } else {
            did_you_mean(&near)
        };
        ctx.error(
            "unknown-reference",
            span_of(reference),
            format!("unknown {} `{name}`", self.what),
            Some(hint),
        );
        None
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
    const ENVS: [&str; 3] = ["prod", "dev", "shared"];
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

pub(crate) fn resolve(ctx: &mut Ctx<'_>, raw: RawModel) -> Model {
    let mut model = Model::default();

    if *raw.model.format.get_ref() != 1 {
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
    model.meta = Meta {
        name: raw.model.name,
        document: raw.model.document,
    };

    let zone_name = match host::normalize(raw.zone.name.get_ref()) {
        Ok(name) => name,
        Err(problem) => {
            ctx.error(
                "invalid-host",
                span_of(&raw.zone.name),
                format!("zone name is not a host name: {problem}"),
                Some("write the zone's domain, such as `example.com`".into()),
            );
            // No zone to check hosts against: one error, not one per host.
            String::new()
        }
    };

    // Id tables first, so references can point forwards.
    let provider_ids = Ids::build(ctx, "provider", raw.providers.iter().map(|p| &p.id));
    let region_ids = Ids::build(ctx, "region", raw.regions.iter().map(|r| &r.id));
    let component_ids = Ids::build(ctx, "component", raw.components.iter().map(|c| &c.id));
    let writer_ids = Ids::build(ctx, "writer", raw.writers.iter().map(|w| &w.id));
    let question_ids = Ids::build(
        ctx,
        "placement question",
        raw.placement.questions.iter().map(|q| &q.id),
    );
    let declared_flow_ids = Ids::build(ctx, "flow", raw.flows.iter().map(|f| &f.id));
    Ids::build(ctx, "scenario", raw.scenarios.iter().map(|s| &s.id));
    Ids::build(
        ctx,
        "placement rule",
        raw.placement.rules.iter().map(|r| &r.id),
    );
    Ids::build(ctx, "invariant", raw.invariants.iter().map(|i| &i.id));

    for p in &raw.providers {
        let home_region = p
            .home_region
            .as_ref()
            .and_then(|r| region_ids.resolve(ctx, r))
            .map(RegionId::from_index);
        model.providers.push(Provider {
            id: p.id.get_ref().clone(),
            name: p.name.clone(),
            job: p.job.clone(),
            why: p.why.clone(),
            account: p.account.clone(),
            home_region,
            terraform: p.terraform.clone(),
            workspaces: p.workspaces.clone(),
            facts: p.facts.clone(),
        });
    }

    for r in &raw.regions {
        let provider = r
            .provider
            .as_ref()
            .and_then(|p| provider_ids.resolve(ctx, p))
            .map(ProviderId::from_index);
        model.regions.push(Region {
            id: r.id.get_ref().clone(),
            name: r.name.clone(),
            provider,
            note: r.note.clone(),
            facts: r.facts.clone(),
        });
    }

    for q in &raw.placement.questions {
        model.placement.questions.push(Question {
            id: q.id.get_ref().clone(),
            ask: q.ask.clone(),
        });
    }
    for r in &raw.placement.rules {
        let provider = provider_ids
            .resolve(ctx, &r.provider)
            .map(ProviderId::from_index)
            .unwrap_or(ProviderId(0));
        for q in &r.if_any {
            question_ids.resolve(ctx, q);
        }
        model.placement.rules.push(Rule {
            id: r.id.get_ref().clone(),
            provider,
            if_any: r.if_any.iter().map(|q| q.get_ref().clone()).collect(),
            is_final: r.is_final,
            says: r.says.clone(),
            facts: r.facts.clone(),
        });
    }

    for c in &raw.components {
        let provider = c
            .provider
            .as_ref()
            .and_then(|p| provider_ids.resolve(ctx, p))
            .map(ProviderId::from_index);
        let region = c
            .region
            .as_ref()
            .and_then(|r| region_ids.resolve(ctx, r))
            .map(RegionId::from_index);
        if let (Some(region), Some(raw_region)) = (region, &c.region) {
            let owner = model.regions[region.index()].provider;
            if owner.is_some() && owner != provider {
                ctx.error(
                    "region-provider-mismatch",
                    span_of(raw_region),
                    format!(
                        "component `{}` is on `{}` but region `{}` belongs to `{}`",
                        c.id.get_ref(),
                        model.provider_name(provider),
                        raw_region.get_ref(),
                        model.provider_name(owner)
                    ),
                    Some("pick a region of the component's provider".into()),
                );
            }
        }
        for t in &c.traits {
            question_ids.resolve(ctx, t);
        }
        let mut runs_in = c
            .runs_in
            .as_ref()
            .and_then(|r| component_ids.resolve(ctx, r))
            .map(CompId::from_index);
        if let (Some(cluster), Some(r)) = (runs_in, &c.runs_in)
            && cluster.index() == model.components.len()
        {
            ctx.error(
                "self-edge",
                span_of(r),
                format!("`{}` runs in itself", c.id.get_ref()),
                Some("name the cluster it runs in, or leave `runs_in` out".into()),
            );
            runs_in = None;
        }
        model.components.push(Component {
            id: c.id.get_ref().clone(),
            name: c.name.clone().unwrap_or_else(|| c.id.get_ref().clone()),
            product: c.product.clone(),
            kind: c.kind.clone(),
            provider,
            region,
            env: c
                .env
                .as_ref()
                .map_or_else(|| "shared".to_owned(), |e| env(ctx, e)),
            sources: c.source.to_vec(),
            terraform: c.terraform,
            runs_in,
            traits: c.traits.iter().map(|t| t.get_ref().clone()).collect(),
            placement: c.placement.clone(),
            notes: c.notes.clone(),
            assumption: c.assumption.clone(),
            facts: c.facts.clone(),
            span: span_of(&c.id),
        });
    }

    model.zone = Zone {
        name: zone_name.clone(),
        component: component_ids
            .resolve(ctx, &raw.zone.component)
            .map(CompId::from_index)
            .unwrap_or(CompId(0)),
        facts: raw.zone.facts.clone(),
    };

    for w in &raw.writers {
        let runs_on = w
            .runs_on
            .as_ref()
            .and_then(|r| component_ids.resolve(ctx, r))
            .map(CompId::from_index);
        let mut owns = Vec::new();
        for pattern in &w.owns {
            let text = pattern.get_ref().to_ascii_lowercase();
            if !zone_name.is_empty() && !host::in_zone(text.trim_end_matches('.'), &zone_name) {
                ctx.error(
                    "outside-zone",
                    span_of(pattern),
                    format!("pattern `{text}` is not in the zone `{zone_name}`"),
                    Some(format!(
                        "write patterns as full hosts, such as `api.{zone_name}`"
                    )),
                );
            }
            owns.push(text);
        }
        model.writers.push(Writer {
            id: w.id.get_ref().clone(),
            name: w.name.clone(),
            source: w.source.clone(),
            owner_id: w.owner_id.clone(),
            registry: w.registry.clone(),
            runs_on,
            owns,
            adds: w.adds.clone(),
            serves: w.serves.clone(),
            facts: w.facts.clone(),
            span: span_of(&w.id),
        });
    }

    for r in &raw.records {
        let host = model_host(ctx, &zone_name, &r.host).unwrap_or_else(|| r.host.get_ref().clone());
        let mut target = component_ids
            .resolve(ctx, &r.target)
            .map(CompId::from_index);
        if target.is_some() && target == Some(model.zone.component) {
            ctx.error(
                "self-edge",
                span_of(&r.target),
                format!(
                    "the record for `{}` points at the zone itself",
                    r.host.get_ref()
                ),
                Some(
                    "point it at what serves the host (a load balancer, a CDN distribution)".into(),
                ),
            );
            target = None;
        }
        let writer = writer_ids.resolve(ctx, &r.writer).map(WriterId::from_index);
        let rtype = r.rtype.get_ref().to_ascii_uppercase();
        if !matches!(
            rtype.as_str(),
            "A" | "AAAA" | "CNAME" | "TXT" | "MX" | "NS" | "CAA"
        ) {
            ctx.error(
                "unknown-record-type",
                span_of(&r.rtype),
                format!("unknown record type `{}`", r.rtype.get_ref()),
                Some("use A, AAAA, CNAME, TXT, MX, NS or CAA".into()),
            );
        }
        let purpose = match r.purpose.as_ref().map(|p| p.get_ref().as_str()) {
            None | Some("serve") => Purpose::Serve,
            Some("validation") => Purpose::Validation,
            Some(other) => {
                let near = nearest(other, ["serve", "validation"], 1);
                ctx.error(
                    "unknown-value",
                    span_of(r.purpose.as_ref().expect("matched Some")),
                    format!("unknown record purpose `{other}`"),
                    Some(if near.is_empty() {
                        "use `serve` or `validation`".into()
                    } else {
                        did_you_mean(&near)
                    }),
                );
                Purpose::Serve
            }
        };
        model.records.push(Record {
            host,
            rtype,
            target: target.unwrap_or(CompId(0)),
            writer: writer.unwrap_or(WriterId(0)),
            env: env(ctx, &r.env),
            proxied: r.proxied.as_ref().is_some_and(|p| *p.get_ref()),
            purpose,
            assumption: r.assumption.clone(),
            facts: r.facts.clone(),
            span: span_of(&r.host),
            proxied_span: r.proxied.as_ref().map(span_of),
        });
    }

    // Flows: one per served host, then the declared ones.
    let served: Vec<String> = {
        let mut seen: HashSet<&str> = HashSet::new();
        model
            .records
            .iter()
            .filter(|r| r.purpose == Purpose::Serve && seen.insert(r.host.as_str()))
            .map(|r| r.host.clone())
            .collect()
    };
    for host in &served {
        model.flows.push(Flow {
            id: host.clone(),
            name: host.clone(),
            start: FlowStart::Host(host.clone()),
            about: format!("A request to {host}."),
            assumption: None,
            facts: Vec::new(),
            generated: true,
        });
    }
    let first_declared = model.flows.len();
    for f in &raw.flows {
        if served.iter().any(|h| h == f.id.get_ref()) {
            ctx.error(
                "duplicate-id",
                span_of(&f.id),
                format!(
                    "flow `{}` has the name of a served host's own flow",
                    f.id.get_ref()
                ),
                Some("every served host already has a flow named after it; pick another id".into()),
            );
        }
        let start = match (&f.host, &f.path) {
            (Some(h), None) => {
                let host = model_host(ctx, &zone_name, h).unwrap_or_else(|| h.get_ref().clone());
                if !model.records.iter().any(|r| r.host == host) {
                    let near = nearest(&host, model.records.iter().map(|r| r.host.as_str()), 3);
                    ctx.error(
                        "unknown-reference",
                        span_of(h),
                        format!(
                            "flow `{}` starts at `{host}`, which has no record",
                            f.id.get_ref()
                        ),
                        Some(if near.is_empty() {
                            "add a [[record]] for the host".into()
                        } else {
                            did_you_mean(&near)
                        }),
                    );
                }
                FlowStart::Host(host)
            }
            (None, Some(path)) => {
                if path.get_ref().is_empty() {
                    ctx.error(
                        "empty-path",
                        span_of(path),
                        format!("flow `{}` has an empty path", f.id.get_ref()),
                        Some("list the components the flow passes, in order".into()),
                    );
                }
                let steps = path
                    .get_ref()
                    .iter()
                    .filter_map(|step| component_ids.resolve(ctx, step))
                    .map(CompId::from_index)
                    .collect();
                FlowStart::Path(steps)
            }
            _ => {
                ctx.error(
                    "flow-start",
                    span_of(&f.id),
                    format!("flow `{}` needs exactly one of `host` and `path`", f.id.get_ref()),
                    Some("`host` starts the flow at a host's route; `path` lists the steps of an internal flow".into()),
                );
                FlowStart::Path(Vec::new())
            }
        };
        model.flows.push(Flow {
            id: f.id.get_ref().clone(),
            name: f.name.clone(),
            start,
            about: f.about.clone(),
            assumption: f.assumption.clone(),
            facts: f.facts.clone(),
            generated: false,
        });
    }

    // Edges: declared, then one per record, then one per `runs_in`.
    for e in &raw.edges {
        let from = component_ids.resolve(ctx, &e.from).map(CompId::from_index);
        let to = component_ids.resolve(ctx, &e.to).map(CompId::from_index);
        let kind = match &e.kind {
            None => EdgeKind::Request,
            Some(k) => EdgeKind::parse(k.get_ref()).unwrap_or_else(|| {
                let near = nearest(k.get_ref(), EdgeKind::ALL.iter().map(|k| k.as_str()), 2);
                ctx.error(
                    "unknown-value",
                    span_of(k),
                    format!("unknown edge kind `{}`", k.get_ref()),
                    Some(if near.is_empty() {
                        "use request, cached, startup or background".into()
                    } else {
                        did_you_mean(&near)
                    }),
                );
                EdgeKind::Request
            }),
        };
        if e.hop && matches!(kind, EdgeKind::Startup | EdgeKind::Background) {
            ctx.error(
                "invalid-hop",
                span_of(&e.from),
                format!(
                    "a hop must be a `request` or `cached` edge, not `{}`",
                    kind.as_str()
                ),
                Some("requests only travel along edges that are needed to answer them".into()),
            );
        }
        if !e.hop && !e.hosts.is_empty() {
            ctx.error(
                "invalid-hop",
                span_of(&e.hosts[0]),
                "`hosts` only applies to hops".into(),
                Some("add `hop = true`, or remove `hosts`".into()),
            );
        }
        let mut hosts = Vec::new();
        for h in &e.hosts {
            let Some(host) = model_host(ctx, &zone_name, h) else {
                continue;
            };
            if !model.records.iter().any(|r| r.host == host) {
                let near = nearest(&host, model.records.iter().map(|r| r.host.as_str()), 3);
                ctx.error(
                    "unknown-reference",
                    span_of(h),
                    format!("hop host `{host}` has no record"),
                    Some(if near.is_empty() {
                        "add a [[record]] for the host, or remove it from `hosts`".into()
                    } else {
                        did_you_mean(&near)
                    }),
                );
            }
            hosts.push(host);
        }
        let mut flows = Vec::new();
        for f in &e.flows {
            let name = f.get_ref();
            if let Some(i) = declared_flow_ids.get(name) {
                flows.push(FlowId::from_index(first_declared + i));
            } else if let Some(i) = served.iter().position(|h| h == name) {
                flows.push(FlowId::from_index(i));
            } else {
                declared_flow_ids.resolve(ctx, f);
            }
        }
        if let (Some(from), Some(to)) = (from, to) {
            if from == to {
                ctx.error(
                    "self-edge",
                    span_of(&e.to),
                    format!("`{}` depends on itself", e.from.get_ref()),
                    Some("an edge joins two different components; fix `from` or `to`".into()),
                );
            }
            model.edges.push(Edge {
                from,
                to,
                kind,
                hop: e.hop,
                hosts,
                flows,
                why: e.why.clone(),
                assumption: e.assumption.clone(),
                facts: e.facts.clone(),
                origin: EdgeOrigin::Declared,
                span: span_of(&e.from),
            });
        }
    }
    for (index, c) in raw.components.iter().enumerate() {
        for need in &c.needs {
            let (target, kind) = match need.get_ref().split_once(':') {
                Some((target, kind)) => (target, Some(kind)),
                None => (need.get_ref().as_str(), None),
            };
            let kind = match kind.map(|k| (k, EdgeKind::parse(k))) {
                None => EdgeKind::Request,
                Some((_, Some(kind))) => kind,
                Some((k, None)) => {
                    let near = nearest(k, EdgeKind::ALL.iter().map(|k| k.as_str()), 2);
                    ctx.error(
                        "unknown-value",
                        span_of(need),
                        format!("unknown edge kind `{k}` in `{}`", need.get_ref()),
                        Some(if near.is_empty() { "write `id` or `id:KIND` with KIND one of request, cached, startup, background".into() } else { did_you_mean(&near) }),
                    );
                    continue;
                }
            };
            let Some(to) = component_ids.get(target) else {
                let near = nearest(target, component_ids.names.iter().copied(), 3);
                ctx.error(
                    "unknown-reference",
                    span_of(need),
                    format!("unknown component `{target}`"),
                    Some(if near.is_empty() {
                        "no component has that id".into()
                    } else {
                        did_you_mean(&near)
                    }),
                );
                continue;
            };
            if to == index {
                ctx.error(
                    "self-edge",
                    span_of(need),
                    format!("`{}` depends on itself", c.id.get_ref()),
                    Some("a component cannot need itself; remove this entry".into()),
                );
                continue;
            }
            model.edges.push(Edge {
                from: CompId::from_index(index),
                to: CompId::from_index(to),
                kind,
                hop: false,
                hosts: Vec::new(),
                flows: Vec::new(),
                why: String::new(),
                assumption: None,
                facts: Vec::new(),
                origin: EdgeOrigin::Declared,
                span: span_of(need),
            });
        }
    }
    for (index, record) in model.records.iter().enumerate() {
        let writer = model
            .writers
            .get(record.writer.index())
            .map_or("?", |w| w.name.as_str());
        let target = model
            .components
            .get(record.target.index())
            .map_or("?", |c| c.name.as_str());
        model.edges.push(Edge {
            from: model.zone.component,
            to: record.target,
            kind: EdgeKind::Request,
            hop: true,
            hosts: vec![record.host.clone()],
            flows: Vec::new(),
            why: format!(
                "{} {} record points at {target}; written by {writer}",
                record.host, record.rtype
            ),
            assumption: record.assumption.clone(),
            facts: record.facts.clone(),
            origin: EdgeOrigin::Record(RecordId::from_index(index)),
            span: record.span,
        });
    }
    for (index, component) in model.components.iter().enumerate() {
        if let Some(cluster) = component.runs_in {
            model.edges.push(Edge {
                from: CompId::from_index(index),
                to: cluster,
                kind: EdgeKind::Request,
                hop: false,
                hosts: Vec::new(),
                flows: Vec::new(),
                why: format!("Runs in {}.", model.components[cluster.index()].name),
                assumption: None,
                facts: Vec::new(),
                origin: EdgeOrigin::RunsIn,
                span: component.span,
            });
        }
    }

    for s in &raw.scenarios {
        ctx.selector_spans
            .scenarios
            .push(s.fail.iter().chain(&s.reschedule).map(span_of).collect());
        model.scenarios.push(Scenario {
            id: s.id.get_ref().clone(),
            name: s.name.clone(),
            fail: s.fail.iter().map(|x| x.get_ref().clone()).collect(),
            reschedule: s.reschedule.iter().map(|x| x.get_ref().clone()).collect(),
            teaches: s.teaches.clone(),
            facts: s.facts.clone(),
            span: span_of(&s.id),
        });
    }

    for i in &raw.invariants {
        ctx.selector_spans
            .invariants
            .push([i.target.as_ref().map(span_of), i.from.as_ref().map(span_of)]);
        let check = match i.check.get_ref().as_str() {
            "records-not-proxied" => Some(Check::RecordsNotProxied),
            "writers-disjoint" => Some(Check::WritersDisjoint),
            "placement" => Some(Check::Placement),
            "only-reached-from" => match (&i.target, &i.from) {
                (Some(target), Some(from)) => Some(Check::OnlyReachedFrom {
                    target: target.get_ref().clone(),
                    from: from.get_ref().clone(),
                }),
                _ => {
                    ctx.error(
                        "missing-field",
                        span_of(&i.check),
                        "`only-reached-from` needs `target` and `from` selectors".into(),
                        Some("add `target = \"…\"` (what is protected) and `from = \"…\"` (who may depend on it)".into()),
                    );
                    None
                }
            },
            other => {
                let checks = [
                    "records-not-proxied",
                    "only-reached-from",
                    "writers-disjoint",
                    "placement",
                ];
                let near = nearest(other, checks, 2);
                ctx.error(
                    "unknown-value",
                    span_of(&i.check),
                    format!("unknown check `{other}`"),
                    Some(if near.is_empty() {
                        format!("use one of: {}", checks.join(", "))
                    } else {
                        did_you_mean(&near)
                    }),
                );
                None
            }
        };
        if let Some(check) = check {
            model.invariants.push(Invariant {
                id: i.id.get_ref().clone(),
                check,
                says: i.says.clone(),
                hint: i.hint.clone(),
                facts: i.facts.clone(),
                span: span_of(&i.id),
            });
        }
    }

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
