//! Routing a host or URL hop by hop, from the zone to the origin.

use std::collections::{HashMap, HashSet};

use super::Engine;
use super::premises::Answer;
use super::state::{State, States};
use crate::basis::{Basis, Premise};
use crate::error::{QueryError, QueryErrorKind};
use crate::host;
use crate::model::{CompId, EdgeId, Purpose, RecordId};
use crate::select::Selection;
use crate::suggest::nearest;

/// The most hops a route follows from the zone. A component first reached
/// this deep is where the route ends, for routing and for single points of
/// failure alike.
pub const MAX_HOP_DEPTH: usize = 256;

/// The verdict of a route.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RouteVerdict {
    /// The host resolves; this is how its requests fare.
    Resolves(State),
    /// The zone has no record for the host.
    NoRecord,
}

impl RouteVerdict {
    /// `ok`, `at-risk`, `degraded`, `down` or `no-record`: the machine form
    /// (JSON values, CSS classes, claims).
    pub fn as_str(self) -> &'static str {
        match self {
            RouteVerdict::Resolves(state) => state.as_str(),
            RouteVerdict::NoRecord => "no-record",
        }
    }

    /// The word a reader sees: a state's [`State::word`], or `no record`.
    pub fn word(self) -> &'static str {
        match self {
            RouteVerdict::Resolves(state) => state.word(),
            RouteVerdict::NoRecord => "no record",
        }
    }

    /// The symbol shown before [`RouteVerdict::word`].
    pub fn icon(self) -> &'static str {
        match self {
            RouteVerdict::Resolves(state) => state.icon(),
            RouteVerdict::NoRecord => "∅",
        }
    }
}

impl From<State> for RouteVerdict {
    fn from(state: State) -> RouteVerdict {
        RouteVerdict::Resolves(state)
    }
}

/// One hop of a route.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hop {
    /// Where the request is.
    pub component: CompId,
    /// The edge that brought it here (`None` for the zone).
    pub via: Option<EdgeId>,
    /// Why the request is here, in a sentence.
    pub why: String,
    /// The component's own state under the simulated failures.
    pub state: State,
}

/// A resolved route.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Route {
    /// What was asked, as typed.
    pub input: String,
    /// The normalised host.
    pub host: String,
    /// How requests to the host fare.
    pub verdict: RouteVerdict,
    /// The zone's records for the host.
    pub records: Vec<RecordId>,
    /// The hops, zone first, origin last (the best path when there are alternatives).
    pub hops: Vec<Hop>,
    /// Components behind a non-ok verdict, the failed one last.
    pub because: Vec<CompId>,
    /// For `no-record`: hosts that do exist and look alike.
    pub nearby: Vec<String>,
    /// What the answer rests on: the document's facts and the model's
    /// assumptions behind it. A host without a record rests on the zone's
    /// list of records being complete.
    pub basis: Basis,
}

/// The outcome of walking a host's route graph under some states.
pub(crate) struct Walk {
    pub state: State,
    /// (component, edge that led here) from the zone to the origin.
    pub path: Vec<(CompId, Option<EdgeId>)>,
    pub because: Vec<CompId>,
}

impl Engine {
    /// Route `input` (a host or URL) under a set of failures.
    ///
    /// Returns: the route, or an error for input that is not a host or is
    /// outside the zone. A host in the zone without a record is a route with
    /// verdict `no-record`.
    /// Complexity: O(hops · hop edges) plus one state pass, O(V + E).
    pub fn route(&self, input: &str, selection: &Selection) -> Result<Route, QueryError> {
        let host = self.zone_host(input)?;
        let records: Vec<RecordId> = self.model.records_for(&host).collect();
        if records.is_empty() {
            let nearby = nearest(&host, self.model.records.iter().map(|r| r.host.as_str()), 5);
            return Ok(Route {
                input: input.to_owned(),
                host,
                verdict: RouteVerdict::NoRecord,
                records,
                hops: Vec::new(),
                because: Vec::new(),
                nearby,
                basis: {
                    let mut basis = Basis::new();
                    basis.add(Premise::Zone);
                    basis
                },
            });
        }
        let flow = self.model.flow_by_id(&host);
        let states = self.lazy_states(selection, flow.filter(|f| self.flow_specific[f.index()]));
        let walk = self.walk(&host, &states);
        let hops: Vec<Hop> = walk
            .path
            .iter()
            .map(|&(component, via)| Hop {
                component,
                via,
                why: self.hop_why(&host, component, via, &records),
                state: states.state(component),
            })
            .collect();
        let answer = Answer {
            flow,
            host: Some(&host),
            state: walk.state,
            path: &walk.path,
            because: &walk.because,
        };
        let mut basis = self.answer_basis(&answer, &states, selection);
        // A host resolves because of its records, whether or not a request
        // follows them (a validation record adds no hop).
        for &r in &records {
            basis.add(Premise::Record(r));
        }
        basis.finish(&self.model);
        Ok(Route {
            input: input.to_owned(),
            host,
            verdict: RouteVerdict::Resolves(walk.state),
            records,
            hops,
            because: walk.because,
            nearby: Vec::new(),
            basis,
        })
    }

    /// Normalise input and check it is in the zone.
    #[allow(clippy::disallowed_macros)] // The error for a host outside the zone.
    pub fn zone_host(&self, input: &str) -> Result<String, QueryError> {
        let host = host::normalize(input).map_err(|problem| {
            QueryError::new(
                QueryErrorKind::InvalidHost,
                format!("`{}` is not a host or URL: {problem}", input.trim()),
                Vec::new(),
            )
        })?;
        let zone = &self.model.zone.name;
        if !host::in_zone(&host, zone) {
            return Err(QueryError::new(
                QueryErrorKind::OutsideZone,
                format!(
                    "`{host}` is outside the {zone} zone; the model only knows hosts under {zone}"
                ),
                nearest(&host, self.model.records.iter().map(|r| r.host.as_str()), 3),
            ));
        }
        Ok(host)
    }

    /// Walk the host's route graph: the best path under `states`.
    ///
    /// A node's value is its own state, worsened by the best of its hops;
    /// a `cached` hop caps what lies behind it at `degraded`.
    pub(crate) fn walk(&self, host: &str, states: &States<'_>) -> Walk {
        let start = self.model.zone.component;
        let mut memo: HashMap<CompId, (State, Option<EdgeId>)> = HashMap::new();
        // Each component after every one it hops to: a component's value
        // is its own state, worsened by the best of its hops.
        for (node, followed) in self.hop_order(host) {
            let mut options: Option<(State, EdgeId)> = None;
            for edge_id in self.hop_edges(node, host).filter(|_| followed) {
                let edge = &self.model.edges[edge_id.index()];
                let Some(&(behind, _)) = memo.get(&edge.to) else {
                    continue;
                };
                let value = edge.kind.through_hop(behind);
                if options.is_none_or(|(v, e)| value < v || (value == v && edge_id < e)) {
                    options = Some((value, edge_id));
                }
            }
            let own = states.state(node);
            let (state, chosen) = match options {
                Some((value, edge)) => (own.max(value), Some(edge)),
                None => (own, None),
            };
            memo.insert(node, (state, chosen));
        }
        let mut path = vec![(start, None)];
        let mut at = start;
        while let Some(&(_, Some(edge))) = memo.get(&at) {
            at = self.model.edges[edge.index()].to;
            if path.iter().any(|(c, _)| *c == at) {
                break;
            }
            path.push((at, Some(edge)));
        }
        let state = memo[&start].0;
        let because = self.route_because(&path, states, &memo);
        Walk {
            state,
            path,
            because,
        }
    }

    /// The components a host's requests can reach from the zone, each
    /// after every component it hops to, and whether its hops are
    /// followed: a component first reached [`MAX_HOP_DEPTH`] hops deep is
    /// where the route ends. Routing and single points of failure both
    /// walk this order, so they stop at the same depth.
    ///
    /// Complexity: O(the host's route graph); the walk keeps its own stack.
    pub(crate) fn hop_order(&self, host: &str) -> Vec<(CompId, bool)> {
        let start = self.model.zone.component;
        let mut seen: HashSet<CompId> = HashSet::from([start]);
        let mut out = Vec::new();
        // (component, its hop edges, the next one to take, followed)
        let mut stack: Vec<(CompId, Vec<EdgeId>, usize, bool)> =
            vec![(start, self.hop_edges(start, host).collect(), 0, true)];
        while let Some(top) = stack.last_mut() {
            match top.1.get(top.2) {
                Some(&edge) => {
                    top.2 += 1;
                    let to = self.model.edges[edge.index()].to;
                    if seen.insert(to) {
                        let followed = stack.len() < MAX_HOP_DEPTH;
                        let edges = if followed {
                            self.hop_edges(to, host).collect()
                        } else {
                            Vec::new()
                        };
                        stack.push((to, edges, 0, followed));
                    }
                }
                None => {
                    out.push((top.0, top.3));
                    stack.pop();
                }
            }
        }
        out
    }

    /// Hop edges leaving `node` that carry `host`.
    ///
    /// Complexity: O(log hops + the hops that leave the node).
    pub(crate) fn hop_edges<'a>(
        &'a self,
        node: CompId,
        host: &'a str,
    ) -> impl Iterator<Item = EdgeId> + 'a {
        let hops = &self.host_hops;
        let start = hops.partition_point(|(h, from)| (h.as_str(), *from) < (host, node));
        let len = hops[start..]
            .iter()
            .take_while(|(h, from)| h == host && *from == node)
            .count();
        let limited = &self.host_hop_edges[start..start + len];
        self.any_hops[node.index()].iter().chain(limited).copied()
    }

    /// The components behind a route's verdict: the first hop whose own state
    /// is the verdict, and its cause chain; a hop in the way that is not hard
    /// (a cache, which capped what lay behind it) is named too.
    fn route_because(
        &self,
        path: &[(CompId, Option<EdgeId>)],
        states: &States<'_>,
        memo: &HashMap<CompId, (State, Option<EdgeId>)>,
    ) -> Vec<CompId> {
        let mut prefix = Vec::new();
        for (i, &(c, _)) in path.iter().enumerate() {
            let (value, _) = memo[&c];
            if value == State::Ok {
                return Vec::new();
            }
            if states.state(c) == value {
                prefix.extend(states.chain(c));
                return prefix;
            }
            if let Some(&(next, Some(edge))) = path.get(i + 1)
                && !self.model.edges[edge.index()].kind.hard()
                && memo[&next].0 > value
            {
                prefix.push(c);
            }
        }
        prefix
    }

    #[allow(clippy::disallowed_macros)] // A hop's explanation names its record: written once per hop shown.
    fn hop_why(
        &self,
        host: &str,
        component: CompId,
        via: Option<EdgeId>,
        records: &[RecordId],
    ) -> String {
        match via {
            Some(edge) => self.model.edges[edge.index()].why.clone(),
            None => {
                let zone = &self.model.zone.name;
                let provider = self
                    .model
                    .provider_name(self.model.component(component).provider);
                let provider = self
                    .model
                    .providers
                    .iter()
                    .find(|p| p.id == provider)
                    .map_or(provider, |p| p.name.as_str());
                let record = &self.model.records[records[0].index()];
                let writer = &self.model.writers[record.writer.index()];
                let owner = writer
                    .owner_id
                    .as_ref()
                    .map(|o| format!(", owner ID {o}"))
                    .unwrap_or_default();
                let proxy = if record.purpose == Purpose::Validation {
                    "a validation record: it proves control of the name, and no request follows it"
                } else if record.proxied {
                    "proxied = true: the DNS provider's edge answers in the origin's place"
                } else {
                    "proxied = false: the answer is the next hop's own address, not the DNS provider's edge"
                };
                format!(
                    "{provider} resolves {host} from the {zone} zone: {} record written by {} ({}{owner}); {proxy}.",
                    record.rtype, writer.name, writer.source
                )
            }
        }
    }
}
