//! What a change does to the zone: who writes each host, which hosts two
//! writers claim, and which records lose the component they point at.

use super::positions;
use crate::engine::Engine;
use crate::host;
use crate::model::Model;

/// What happens to a host.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DnsChangeKind {
    /// Its writer changes: the writer of its records, or for a host
    /// without one the writer whose patterns claim it ([`Engine::dns`]).
    Writer,
    /// Two or more writers' patterns claim it, and did not all claim it
    /// before: the writers would fight over its record.
    BothClaim,
    /// A record of OLD points at a component NEW does not have.
    LostTarget,
}

impl DnsChangeKind {
    /// The kind's name (JSON's `change`).
    pub fn as_str(self) -> &'static str {
        match self {
            DnsChangeKind::Writer => "writer",
            DnsChangeKind::BothClaim => "both-claim",
            DnsChangeKind::LostTarget => "lost-target",
        }
    }
}

/// One change to a host of the zone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DnsChange {
    /// The host.
    pub host: String,
    /// What happens to it.
    pub change: DnsChangeKind,
    /// For `Writer` and `BothClaim`: the host's writer in OLD; for
    /// `LostTarget`: the component OLD's record points at. `None`: none.
    pub before: Option<String>,
    /// As `before`, in NEW (for `LostTarget`, what NEW's record for the
    /// host points at: `None` when NEW has no record for it).
    pub after: Option<String>,
    /// For `BothClaim`: every writer whose patterns claim the host in NEW,
    /// in NEW's order; empty for the other kinds.
    pub writers: Vec<String>,
}

/// Each host of either model's records, and what the change does to it,
/// matched by host and by writer and component id: its writer changes;
/// writers now claim it together; a record of it loses its target. Hosts
/// in NEW's order, then those only OLD has; for one host, in that order.
///
/// Complexity: one [`Engine::dns`] per host and side, and one match of
/// every writer pattern per host and side: O(hosts · (records + patterns)).
pub fn dns(old: &Engine, new: &Engine) -> Vec<DnsChange> {
    let (om, nm) = (old.model(), new.model());
    let mut hosts: Vec<&str> = Vec::new();
    let new_hosts = positions(&nm.records, |r| &r.host);
    for (i, r) in nm.records.iter().enumerate() {
        if new_hosts.get(r.host.as_str()) == Some(&i) {
            hosts.push(&r.host);
        }
    }
    let old_hosts = positions(&om.records, |r| &r.host);
    for (i, r) in om.records.iter().enumerate() {
        if old_hosts.get(r.host.as_str()) == Some(&i) && !new_hosts.contains_key(r.host.as_str()) {
            hosts.push(&r.host);
        }
    }
    let new_comps = positions(&nm.components, |c| &c.id);
    let mut out = Vec::new();
    for host in hosts {
        let change = |change, before, after, writers| DnsChange {
            host: host.to_string(),
            change,
            before,
            after,
            writers,
        };
        let (was, is) = (writer(old, host), writer(new, host));
        if was != is {
            out.push(change(
                DnsChangeKind::Writer,
                was.clone(),
                is.clone(),
                Vec::new(),
            ));
        }
        let claim = claimants(nm, host);
        if claim.len() > 1 {
            let before = claimants(om, host);
            if !claim.iter().all(|w| before.contains(w)) {
                let writers = claim.iter().map(|w| w.to_string()).collect();
                out.push(change(DnsChangeKind::BothClaim, was, is, writers));
            }
        }
        let target = |model: &Model| {
            model
                .records_for(host)
                .next()
                .map(|r| model.component(model.records[r.index()].target).id.clone())
        };
        let mut lost: Vec<&str> = Vec::new();
        for r in om.records_for(host) {
            let id = om.component(om.records[r.index()].target).id.as_str();
            if !new_comps.contains_key(id) && !lost.contains(&id) {
                lost.push(id);
                let before = Some(id.to_string());
                out.push(change(
                    DnsChangeKind::LostTarget,
                    before,
                    target(nm),
                    Vec::new(),
                ));
            }
        }
    }
    out
}

/// The id of the writer of `host` in the engine's model ([`Engine::dns`]);
/// `None` when no writer writes or claims it, or the host is outside the
/// model's zone.
fn writer(engine: &Engine, host: &str) -> Option<String> {
    let answer = engine.dns(host).ok()?;
    let w = answer.writer?;
    Some(engine.model().writers[w.index()].id.clone())
}

/// The ids of the writers whose patterns claim `host`, in model order.
fn claimants<'m>(model: &'m Model, host: &str) -> Vec<&'m str> {
    model
        .writers
        .iter()
        .filter(|w| w.owns.iter().any(|p| host::matches(p, host)))
        .map(|w| w.id.as_str())
        .collect()
}
