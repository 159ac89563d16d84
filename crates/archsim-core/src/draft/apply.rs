//! A draft applied to a model: each edit resolved against the model as the
//! edits before it left it, then the whole model checked as decoding
//! checks it ([`crate::codec::check`]: indices, cycles, sizes).

use super::compact;
use super::{Draft, DraftError, Edit, NewComponent, NewEdge, NewRecord, PROPOSED, words};
use crate::diag::About;
use crate::host;
use crate::limits::{MAX_DRAFT_EDITS, MAX_DRAFT_TEXT, MAX_ID_CHARS};
use crate::model::{
    Check, CompId, Component, Edge, EdgeOrigin, Flow, FlowStart, Model, Provenance, Purpose,
    Record, RecordId, RegionId, WriterId,
};
use crate::place::{Verdict, evaluate};
use crate::select;
use crate::suggest::nearest;

impl Draft {
    /// The model with the draft's edits made, in order.
    ///
    /// Returns: the edited model, or the first edit that cannot be made,
    /// located (`edit 3: component `x` does not exist; did you mean `y`?`).
    /// Each added entry is sourced by an assumption (its note, or
    /// [`PROPOSED`]); an added component's provider is the placement
    /// rule's verdict for its answers.
    /// Complexity: O(edits · size of the model); edits are capped at
    /// [`MAX_DRAFT_EDITS`].
    pub fn apply(&self, model: &Model) -> Result<Model, DraftError> {
        if self.edits.len() > MAX_DRAFT_EDITS {
            return Err(DraftError::new(words(&[
                "a draft holds at most ",
                &MAX_DRAFT_EDITS.to_string(),
                " edits",
            ])));
        }
        let mut m = model.clone();
        for (i, edit) in self.edits.iter().enumerate() {
            edit_one(&mut m, edit)
                .and_then(|()| {
                    crate::codec::check(&m).map_err(|problem| {
                        DraftError::new(words(&["the edited model is not valid: ", &problem]))
                    })
                })
                .map_err(|mut e| {
                    e.edit = Some(i + 1);
                    e
                })?;
        }
        Ok(m)
    }
}

impl Edit {
    /// Every text the edit holds: each is capped at [`MAX_DRAFT_TEXT`]
    /// characters.
    pub fn texts(&self) -> Vec<&str> {
        match self {
            Edit::AddComponent(c) => {
                let mut out = vec![
                    c.id.as_str(),
                    &c.name,
                    &c.kind,
                    &c.env,
                    c.region.as_deref().unwrap_or(""),
                    &c.note,
                ];
                out.extend(c.answers.iter().map(String::as_str));
                out
            }
            Edit::Connect(e) => vec![&e.from, &e.to, &e.note],
            Edit::RemoveComponent(id) => vec![id],
            Edit::RemoveEdge { from, to } => vec![from, to],
            Edit::AddRecord(r) => vec![&r.host, &r.target, &r.writer, &r.rtype, &r.env, &r.note],
        }
    }
}

fn edit_one(m: &mut Model, edit: &Edit) -> Result<(), DraftError> {
    if edit
        .texts()
        .iter()
        .any(|t| t.chars().count() > MAX_DRAFT_TEXT)
    {
        return Err(DraftError::new(words(&[
            "a text is longer than ",
            &MAX_DRAFT_TEXT.to_string(),
            " characters",
        ])));
    }
    match edit {
        Edit::AddComponent(c) => add_component(m, c),
        Edit::Connect(e) => connect(m, e),
        Edit::RemoveComponent(id) => remove_component(m, id),
        Edit::RemoveEdge { from, to } => remove_edge(m, from, to),
        Edit::AddRecord(r) => add_record(m, r),
    }
}

/// An error with near names.
fn near(message: String, wanted: &str, names: Vec<&str>) -> DraftError {
    DraftError {
        edit: None,
        message,
        suggestions: nearest(wanted, names, 3),
    }
}

/// The component with id `id`.
fn component(m: &Model, id: &str) -> Result<CompId, DraftError> {
    m.component_by_id(id).ok_or_else(|| {
        near(
            words(&["component `", id, "` does not exist"]),
            id,
            m.components.iter().map(|c| c.id.as_str()).collect(),
        )
    })
}

/// `value` if it is one of `allowed`, else an error naming `what`.
fn one_of(what: &str, value: &str, allowed: Vec<&str>) -> Result<(), DraftError> {
    if allowed.contains(&value) {
        return Ok(());
    }
    let list = allowed.join(", ");
    Err(near(
        words(&["unknown ", what, " `", value, "`; the model has ", &list]),
        value,
        allowed,
    ))
}

/// An entry the draft adds: a proposal, sourced by its assumption.
fn proposal(note: &str) -> Provenance {
    Provenance {
        facts: Vec::new(),
        assumption: Some(
            if note.trim().is_empty() {
                PROPOSED
            } else {
                note
            }
            .to_owned(),
        ),
        settle: None,
    }
}

/// What an id must look like (the loader's rule): a letter, digit or `_`
/// first, then letters, digits, `-`, `_` and `.`; at most
/// [`MAX_ID_CHARS`].
fn check_id(id: &str) -> Result<(), DraftError> {
    let ok = id
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        && id.len() <= MAX_ID_CHARS;
    if ok {
        return Ok(());
    }
    Err(DraftError::new(words(&[
        "`",
        id,
        "` is not a valid id: ids start with a letter, a digit or `_`, contain only letters, digits, `-`, `_` and `.`, and have at most ",
        &MAX_ID_CHARS.to_string(),
        " characters",
    ])))
}

/// The id of the entry a clash of names is about.
fn named(m: &Model, about: About) -> &str {
    match about {
        About::Component(c) => &m.components[c.index()].id,
        About::Scenario(s) => &m.scenarios[s].id,
        About::Provider(p) => &m.providers[p].id,
        About::Edge(_) | About::Record(_) | About::Writer(_) => "",
    }
}

/// `word` is taken by `owner`: the edit's words for a clash of names.
fn taken(word: &str, owner: &str) -> DraftError {
    DraftError::new(words(&[
        "`",
        word,
        "` is taken: `",
        owner,
        "` already answers to it; pick another id or name",
    ]))
}

fn add_component(m: &mut Model, c: &NewComponent) -> Result<(), DraftError> {
    check_id(&c.id)?;
    let name = if c.name.is_empty() { &c.id } else { &c.name };
    if m.component_by_id(&c.id).is_some() {
        return Err(taken(&c.id, &c.id));
    }
    one_of("component kind", &c.kind, super::kinds(m))?;
    one_of("environment", &c.env, super::envs(m))?;
    let questions: Vec<&str> = m
        .placement
        .questions
        .iter()
        .map(|q| q.id.as_str())
        .collect();
    for answer in &c.answers {
        if !questions.contains(&answer.as_str()) {
            return Err(near(
                words(&["`", answer, "` is not a placement question"]),
                answer,
                questions,
            ));
        }
    }
    // In question order, as the placement engine lists answers.
    let answers: Vec<String> = questions
        .iter()
        .filter(|q| c.answers.iter().any(|a| a == *q))
        .map(|q| (*q).to_owned())
        .collect();
    let evaluation = evaluate(m, &answers);
    let provider = match evaluation.verdict {
        Verdict::Provider(p) => p,
        Verdict::Conflict => {
            let mut message = String::from("the placement answers conflict: rules ");
            for (i, r) in evaluation.deciding.iter().enumerate() {
                let rule = &m.placement.rules[r.index()];
                if i > 0 {
                    message.push_str(", ");
                }
                message.push_str(&words(&[
                    "`",
                    &rule.id,
                    "` (",
                    m.provider_name(Some(rule.provider)),
                    ")",
                ]));
            }
            message.push_str(" point at different providers; change the answers");
            return Err(DraftError::new(message));
        }
        Verdict::Undecided => {
            return Err(DraftError::new(
                "no placement rule decides a provider for these answers; answer the questions that apply".to_owned(),
            ));
        }
    };
    let region = match &c.region {
        None => None,
        Some(id) => {
            let Some(r) = m.regions.iter().position(|r| r.id == *id) else {
                return Err(near(
                    words(&["region `", id, "` does not exist"]),
                    id,
                    m.regions.iter().map(|r| r.id.as_str()).collect(),
                ));
            };
            let owner = m.regions[r].provider;
            if owner.is_some() && owner != Some(provider) {
                let fits: Vec<&str> = m
                    .regions
                    .iter()
                    .filter(|r| r.provider.is_none_or(|p| p == provider))
                    .map(|r| r.id.as_str())
                    .collect();
                return Err(DraftError {
                    edit: None,
                    message: words(&[
                        "region `",
                        id,
                        "` belongs to `",
                        m.provider_name(owner),
                        "`, but the placement rule puts the component on `",
                        m.provider_name(Some(provider)),
                        "`",
                    ]),
                    suggestions: fits.into_iter().take(3).map(str::to_owned).collect(),
                });
            }
            Some(RegionId::from_index(r))
        }
    };
    m.components.push(Component {
        id: c.id.clone(),
        name: name.clone(),
        kind: c.kind.clone(),
        provider: Some(provider),
        region,
        env: c.env.clone(),
        traits: answers,
        provenance: proposal(&c.note),
        ..Component::default()
    });
    // No name may hide another (the model's rule, `names::clashes`).
    let new = About::Component(CompId::from_index(m.components.len() - 1));
    let clashes = crate::names::clashes(m);
    match clashes.iter().find(|x| x.about == new || x.other == new) {
        Some(x) => Err(taken(
            &x.word,
            named(m, if x.about == new { x.other } else { x.about }),
        )),
        None => Ok(()),
    }
}

fn connect(m: &mut Model, e: &NewEdge) -> Result<(), DraftError> {
    let from = component(m, &e.from)?;
    let to = component(m, &e.to)?;
    if from == to {
        return Err(DraftError::new(words(&[
            "`",
            &e.from,
            "` cannot need itself",
        ])));
    }
    if m.edges.iter().any(|x| x.from == from && x.to == to) {
        return Err(DraftError::new(words(&[
            "`",
            &e.from,
            "` already needs `",
            &e.to,
            "`; remove that edge first to change it",
        ])));
    }
    m.edges.push(Edge {
        from,
        to,
        kind: e.kind,
        hop: false,
        hosts: Vec::new(),
        flows: Vec::new(),
        why: e.note.clone(),
        provenance: proposal(&e.note),
        origin: EdgeOrigin::Declared,
        span: Default::default(),
    });
    Ok(())
}

fn remove_component(m: &mut Model, id: &str) -> Result<(), DraftError> {
    let c = component(m, id)?;
    let kept = |why: &[&str]| {
        let mut parts = vec!["cannot remove `", id, "`: "];
        parts.extend_from_slice(why);
        Err(DraftError::new(words(&parts)))
    };
    if m.zone.component == c {
        return kept(&["it answers for the zone"]);
    }
    if let Some(w) = m.writers.iter().find(|w| w.runs_on == Some(c)) {
        return kept(&["writer `", &w.id, "` runs on it"]);
    }
    if let Some(x) = m.components.iter().find(|x| x.runs_in == Some(c)) {
        return kept(&["`", &x.id, "` runs in it; remove that first"]);
    }
    if let Some(r) = m.records.iter().find(|r| r.target == c) {
        return kept(&[
            "the record for `",
            &r.host,
            "` points at it, and a draft removes no records",
        ]);
    }
    // An internal flow through it goes with it (the diff shows it gone),
    // unless an edge is limited to that flow: the edge would then count
    // for every flow.
    let gone: Vec<bool> = m.flows.iter().map(|f| passes(f, c)).collect();
    for e in &m.edges {
        if let Some(f) = e.flows.iter().find(|f| gone[f.index()]) {
            return kept(&[
                "flow `",
                &m.flows[f.index()].id,
                "` passes through it, and the edge `",
                &m.components[e.from.index()].id,
                " → ",
                &m.components[e.to.index()].id,
                "` is limited to that flow",
            ]);
        }
    }
    compact::remove_flows(m, &gone);
    compact::remove_component(m, c);
    // Selectors of scenarios and invariants must still pick something.
    let mut selector = select::Selector::new(m);
    for s in &m.scenarios {
        let fail: Vec<&str> = s.fail.iter().map(String::as_str).collect();
        let restart: Vec<&str> = s.reschedule.iter().map(String::as_str).collect();
        if let Err(e) = selector.select(&fail, &restart) {
            return kept(&["scenario `", &s.id, "` would select nothing: ", &e.message]);
        }
    }
    for i in &m.invariants {
        if let Check::OnlyReachedFrom { target, from } = &i.check {
            for picked in [target, from] {
                if let Err(e) = selector.components(picked) {
                    return kept(&["invariant `", &i.id, "` would select nothing: ", &e.message]);
                }
            }
        }
    }
    Ok(())
}

/// Whether `f` is an internal flow whose path passes `c`.
pub(super) fn passes(f: &Flow, c: CompId) -> bool {
    matches!(&f.start, FlowStart::Path(p) if p.contains(&c))
}

fn remove_edge(m: &mut Model, from: &str, to: &str) -> Result<(), DraftError> {
    let a = component(m, from)?;
    let b = component(m, to)?;
    let between = |e: &Edge| e.from == a && e.to == b;
    if !m
        .edges
        .iter()
        .any(|e| between(e) && e.origin == EdgeOrigin::Declared)
    {
        let why = if m.edges.iter().any(between) {
            "` comes from a record or `runs_in`; it goes with them"
        } else {
            "` does not exist"
        };
        let needs = m
            .edges
            .iter()
            .filter(|e| e.from == a && e.origin == EdgeOrigin::Declared)
            .map(|e| m.components[e.to.index()].id.as_str())
            .collect();
        return Err(near(
            words(&["the edge `", from, " → ", to, why]),
            to,
            needs,
        ));
    }
    m.edges
        .retain(|e| !(e.from == a && e.to == b && e.origin == EdgeOrigin::Declared));
    Ok(())
}

fn add_record(m: &mut Model, r: &NewRecord) -> Result<(), DraftError> {
    let zone = m.zone.name.as_str();
    let host = match host::normalize(&r.host) {
        Ok(h) if r.host.contains(['/', ':', '@', '?', '#']) => {
            return Err(DraftError::new(words(&[
                "`",
                &h,
                "` is not a bare host name",
            ])));
        }
        Ok(h) if host::in_zone(&h, zone) => h,
        Ok(h) => {
            return Err(DraftError::new(words(&[
                "host `",
                &h,
                "` is not in the zone `",
                zone,
                "`",
            ])));
        }
        Err(problem) => {
            return Err(DraftError::new(words(&[
                "`",
                &r.host,
                "` is not a host name: ",
                &problem,
            ])));
        }
    };
    if m.records.iter().any(|x| x.host == host) || m.flows.iter().any(|f| f.id == host) {
        return Err(DraftError::new(words(&[
            "`",
            &host,
            "` has a record or a flow already",
        ])));
    }
    let target = component(m, &r.target)?;
    if target == m.zone.component {
        return Err(DraftError::new(
            "a record cannot point at the zone itself".to_owned(),
        ));
    }
    let Some(w) = m.writers.iter().position(|w| w.id == r.writer) else {
        return Err(near(
            words(&["writer `", &r.writer, "` does not exist"]),
            &r.writer,
            m.writers.iter().map(|w| w.id.as_str()).collect(),
        ));
    };
    // The host becomes the writer's: no other writer may claim it (the
    // loader's `writers-disjoint` rule), and the writer owns it after.
    let owns = |x: &crate::model::Writer| x.owns.iter().any(|p| host::matches(p, &host));
    if let Some(other) = m
        .writers
        .iter()
        .enumerate()
        .find(|&(i, x)| i != w && owns(x))
    {
        return Err(DraftError {
            edit: None,
            message: words(&["writer `", &other.1.id, "` owns `", &host, "`"]),
            suggestions: vec![other.1.id.clone()],
        });
    }
    if !owns(&m.writers[w]) {
        m.writers[w].owns.push(host.clone());
    }
    let writer = &m.writers[w];
    one_of("record type", &r.rtype, super::record_types(m))?;
    one_of("environment", &r.env, super::envs(m))?;
    let provenance = proposal(&r.note);
    // The loader's generated hop and flow for a serving record.
    let why = words(&[
        &host,
        " ",
        &r.rtype,
        " record points at ",
        &m.components[target.index()].name,
        "; written by ",
        &writer.name,
    ]);
    let about = words(&["A request to ", &host, "."]);
    m.edges.push(Edge {
        from: m.zone.component,
        to: target,
        kind: crate::model::EdgeKind::Request,
        hop: true,
        hosts: vec![host.clone()],
        flows: Vec::new(),
        why,
        provenance: provenance.clone(),
        origin: EdgeOrigin::Record(RecordId::from_index(m.records.len())),
        span: Default::default(),
    });
    compact::insert_flow(
        m,
        Flow {
            id: host.clone(),
            name: host.clone(),
            start: FlowStart::Host(host.clone()),
            about,
            provenance: provenance.clone(),
            generated: true,
        },
    );
    m.records.push(Record {
        host,
        rtype: r.rtype.clone(),
        target,
        writer: WriterId::from_index(w),
        env: r.env.clone(),
        proxied: false,
        purpose: Purpose::Serve,
        provenance,
        span: Default::default(),
        proxied_span: None,
    });
    Ok(())
}
