//! A route, as a hop list.

use archsim_core::{CompId, Engine, Purpose, RecordId, Route, RouteVerdict, State};

/// A DNS record, with who writes it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RecordLine {
    /// The host.
    pub host: String,
    /// Record type (`A`, `CNAME`).
    pub rtype: String,
    /// The target component's id.
    pub target: String,
    /// The target component's name.
    pub target_name: String,
    /// The writer's display name.
    pub writer: String,
    /// The writer's id.
    pub writer_id: String,
    /// The file that configures the writer.
    pub source: String,
    /// The writer's TXT-registry owner id, if it has one.
    pub owner_id: Option<String>,
    /// Whether the DNS provider proxies it.
    pub proxied: bool,
    /// `prod`, `dev` or `shared`.
    pub env: String,
    /// `serve` or `validation`.
    pub purpose: String,
}

/// A record in words: `CNAME app.tomoda.life → X (x), written by W in
/// file, proxied: false`.
#[allow(clippy::disallowed_macros)] // Predates the rule: one line per record shown.
pub fn record_text(r: &RecordLine) -> String {
    let owner = r
        .owner_id
        .as_ref()
        .map(|o| format!(", owner ID {o}"))
        .unwrap_or_default();
    format!(
        "{} {} → {} ({}), written by {} in {}{owner}, proxied: {}",
        r.rtype, r.host, r.target_name, r.target, r.writer, r.source, r.proxied
    )
}

/// One hop of a route.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HopRow {
    /// The component (to light it up on the map).
    pub component: CompId,
    /// Its id.
    pub id: String,
    /// Its real name.
    pub name: String,
    /// Its provider's display name, or `external`.
    pub provider: String,
    /// Its region's id, or `-`.
    pub region: String,
    /// What it is.
    pub kind: String,
    /// Why the request is here.
    pub why: String,
    /// Its own state under the simulated failures.
    pub state: State,
}

/// A route, ready to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RouteView {
    /// What was asked, as typed.
    pub input: String,
    /// The normalised host.
    pub host: String,
    /// How the host's requests fare, or that it has no record.
    pub verdict: RouteVerdict,
    /// The host's (first) record.
    pub record: Option<RecordLine>,
    /// All of the host's records.
    pub records: Vec<RecordLine>,
    /// The hops, zone first.
    pub hops: Vec<HopRow>,
    /// Names of the components behind a non-ok verdict, the failed one last.
    pub because: Vec<String>,
    /// The same components, as ids.
    pub because_ids: Vec<CompId>,
    /// For `no-record`: hosts that exist and look alike.
    pub nearby: Vec<String>,
    /// What the verdict rests on.
    pub basis: super::BasisView,
}

/// A record and its writer.
pub fn record_line(engine: &Engine, record: RecordId) -> RecordLine {
    let model = engine.model();
    let Some(r) = model.records.get(record.index()) else {
        return RecordLine::default();
    };
    let target = model.component(r.target);
    let writer = &model.writers[r.writer.index()];
    RecordLine {
        host: r.host.clone(),
        rtype: r.rtype.clone(),
        target: target.id.clone(),
        target_name: target.name.clone(),
        writer: writer.name.clone(),
        writer_id: writer.id.clone(),
        source: writer.source.clone(),
        owner_id: writer.owner_id.clone(),
        proxied: r.proxied,
        env: r.env.clone(),
        purpose: match r.purpose {
            Purpose::Serve => "serve",
            Purpose::Validation => "validation",
        }
        .to_owned(),
    }
}

/// The view of a route the engine computed.
///
/// Complexity: O(hops + records).
pub fn route_view(engine: &Engine, route: &Route) -> RouteView {
    let model = engine.model();
    let records: Vec<RecordLine> = route
        .records
        .iter()
        .map(|&r| record_line(engine, r))
        .collect();
    let hops = route
        .hops
        .iter()
        .map(|hop| {
            let c = model.component(hop.component);
            HopRow {
                component: hop.component,
                id: c.id.clone(),
                name: c.name.clone(),
                provider: super::component::provider_display(engine, c.provider),
                region: model.region_name(c.region).to_owned(),
                kind: c.kind.clone(),
                why: hop.why.clone(),
                state: hop.state,
            }
        })
        .collect();
    RouteView {
        input: route.input.clone(),
        host: route.host.clone(),
        verdict: route.verdict,
        record: records.first().cloned(),
        records,
        hops,
        because: route
            .because
            .iter()
            .map(|&c| model.component(c).name.clone())
            .collect(),
        because_ids: route.because.clone(),
        nearby: route.nearby.clone(),
        basis: super::basis_view(model, &route.basis),
    }
}

/// The state of every hop of a route, for marking the map.
pub fn route_states(route: &Route) -> Vec<(CompId, State)> {
    route.hops.iter().map(|h| (h.component, h.state)).collect()
}
