//! Entries removed from or inserted into a model's vectors, with every
//! index that points past them moved along.

use crate::model::{CompId, Flow, FlowId, FlowStart, Model};

/// Remove component `gone` and every edge from or to it. Nothing else may
/// name it (the caller checked): the rest only has its indices moved.
pub(super) fn remove_component(m: &mut Model, gone: CompId) {
    let at = |c: CompId| {
        if c > gone { CompId(c.0 - 1) } else { c }
    };
    m.components.remove(gone.index());
    m.edges.retain(|e| e.from != gone && e.to != gone);
    for e in &mut m.edges {
        e.from = at(e.from);
        e.to = at(e.to);
    }
    m.zone.component = at(m.zone.component);
    for c in &mut m.components {
        c.runs_in = c.runs_in.map(at);
    }
    for r in &mut m.records {
        r.target = at(r.target);
    }
    for w in &mut m.writers {
        w.runs_on = w.runs_on.map(at);
    }
    for f in &mut m.flows {
        if let FlowStart::Path(steps) = &mut f.start {
            steps.iter_mut().for_each(|s| *s = at(*s));
        }
    }
}

/// Insert a served host's flow after the other generated ones (where the
/// loader puts it: served hosts' flows come first).
pub(super) fn insert_flow(m: &mut Model, flow: Flow) {
    let at = m.flows.iter().take_while(|f| f.generated).count();
    m.flows.insert(at, flow);
    for e in &mut m.edges {
        for f in &mut e.flows {
            if f.index() >= at {
                *f = FlowId(f.0 + 1);
            }
        }
    }
}

/// Remove the flows marked `gone`; no edge may be limited to one of them
/// (the caller checked), so the edges only have their flow indices moved.
pub(super) fn remove_flows(m: &mut Model, gone: &[bool]) {
    // Per flow, how many flows before it go.
    let mut before = Vec::with_capacity(gone.len());
    let mut n = 0u32;
    for &g in gone {
        before.push(n);
        n += u32::from(g);
    }
    let mut i = 0;
    m.flows.retain(|_| {
        i += 1;
        !gone[i - 1]
    });
    for e in &mut m.edges {
        for f in &mut e.flows {
            *f = FlowId(f.0 - before[f.index()]);
        }
    }
}
