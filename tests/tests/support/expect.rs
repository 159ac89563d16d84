//! What each widget should show, asked of the same engine the site uses.
//!
//! [`READ_WIDGETS`] reads every mount point of a page (live widget or
//! static fallback) into one shape; [`Expect::check`] compares that with
//! the engine's answer for the mount point's attributes and names every
//! difference. A widget that drops a hop (a route that skips CloudFront),
//! shows a wrong state or a wrong verdict fails here, on every page.

use std::collections::BTreeMap;

use archsim_core::basis::label;
use archsim_core::draft::Draft;
use archsim_core::place::{audit, place};
use archsim_core::select::select;
use archsim_core::{Basis, Engine};
use archsim_view::contract::{self, Kind, Request};
use serde_json::{Value, json};

use super::widget::strings;

/// A script returning the canonical view of every mount point on the page.
pub const READ_WIDGETS: &str = include_str!("read_widgets.js");

/// A script reading the disclosure of what an answer rests on that holds
/// the focus (`details.archsim-basis`): whether it is open and its lists
/// in view, its summary's words, each fact as [its number, its words or
/// null], and each assumption as [what it is about, what it says, where it
/// would be settled].
pub const BASIS: &str = "
    const d = document.activeElement && document.activeElement.closest('details.archsim-basis');
    if (!d) return null;
    const without = (e, sel) => {
      const c = e.cloneNode(true);
      c.querySelectorAll(sel).forEach((x) => x.remove());
      return c.textContent.trim();
    };
    const fact = (li) => [
      li.querySelector(':scope > strong').textContent,
      without(li, ':scope > strong') || null,
    ];
    const item = (li) => {
      const settle = li.querySelector(':scope > span code');
      return [
        li.querySelector(':scope > code').textContent,
        without(li, ':scope > code, :scope > span').replace(/^: /, ''),
        settle ? settle.textContent : null,
      ];
    };
    const summary = without(d.querySelector('summary'), '[aria-hidden]');
    const own = d.querySelector('ul.archsim-facts');
    if (own) {
      return {
        open: d.open,
        shown: own.getBoundingClientRect().height > 0,
        summary,
        facts: Array.from(d.querySelectorAll('ul.archsim-facts > li'), fact),
        assumed: Array.from(d.querySelectorAll('ul.archsim-assumed > li'), item),
      };
    }
    // A table's row: its facts by number, its assumptions by their number
    // in the list under the table, which says each in full.
    const ps = Array.from(d.querySelectorAll(':scope > p'));
    const after = (prefix) => {
      const p = ps.find((p) => p.textContent.startsWith(prefix));
      return p ? p.textContent.slice(prefix.length) : '';
    };
    let up = d.closest('table');
    let list = null;
    while (up && !list) {
      up = up.parentElement;
      list = up && up.querySelector(':scope > details.archsim-basis-shared');
    }
    if (!list && after('Assumptions (listed under the table): ')) {
      return { error: 'no list of what the rows rest on under the table' };
    }
    const all = list ? Array.from(list.querySelectorAll('ol.archsim-assumed > li'), item) : [];
    const numbers = [];
    for (const part of after('Assumptions (listed under the table): ').split(', ').filter((x) => x)) {
      const [a, b] = part.split('–').map(Number);
      for (let n = a; n <= (b || a); n++) numbers.push(n);
    }
    return {
      open: d.open,
      shown: ps.length > 0 && ps[0].getBoundingClientRect().height > 0,
      summary,
      facts: after('Facts: ').split(', ').filter((x) => x).map((id) => [id, null]),
      assumed: numbers.map((n) => all[n - 1] ?? null),
    };
";

/// A list of the request as the engine's questions take it.
fn strs(list: &[String]) -> Vec<&str> {
    list.iter().map(String::as_str).collect()
}

/// The engine, and answers in the shape the pages are read into.
pub struct Expect {
    engine: Engine,
}

impl Expect {
    /// The engine of the model built into the site (`book/model/tomoda.toml`).
    pub fn new() -> Result<Expect, String> {
        Engine::tomoda()
            .map(|engine| Expect { engine })
            .map_err(|d| format!("the Tomoda model does not load: {d:?}"))
    }

    /// The engine.
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// The hop ids of `host`'s route with `fail` failed, and its verdict.
    pub fn route(&self, host: &str, fail: &[&str]) -> Result<(Vec<String>, String), String> {
        let model = self.engine.model();
        let selection = select(model, fail, &[]).map_err(|e| e.to_string())?;
        let route = self
            .engine
            .route(host, &selection)
            .map_err(|e| e.to_string())?;
        let hops = route
            .hops
            .iter()
            .map(|h| model.component(h.component).id.clone())
            .collect();
        Ok((hops, route.verdict.as_str().to_owned()))
    }

    /// Every flow's state (by flow id) when `selectors` fail.
    pub fn flows(&self, selectors: &[&str]) -> Result<BTreeMap<String, String>, String> {
        let model = self.engine.model();
        let selection = select(model, selectors, &[]).map_err(|e| e.to_string())?;
        let outcome = self.engine.simulate(&selection);
        Ok(outcome
            .flows
            .iter()
            .map(|f| {
                (
                    model.flows[f.flow.index()].id.clone(),
                    f.state.as_str().to_owned(),
                )
            })
            .collect())
    }

    /// What `host`'s route with `fail` failed rests on, in the shape
    /// [`BASIS`] reads a disclosure into.
    pub fn route_basis(&self, host: &str, fail: &[&str]) -> Result<Value, String> {
        let selection = select(self.engine.model(), fail, &[]).map_err(|e| e.to_string())?;
        let route = self
            .engine
            .route(host, &selection)
            .map_err(|e| e.to_string())?;
        Ok(self.basis(&route.basis))
    }

    /// What the state of flow `flow` rests on when `selectors` fail, in
    /// the shape [`BASIS`] reads a disclosure into.
    pub fn flow_basis(&self, selectors: &[&str], flow: &str) -> Result<Value, String> {
        let model = self.engine.model();
        let selection = select(model, selectors, &[]).map_err(|e| e.to_string())?;
        self.engine
            .simulate(&selection)
            .flows
            .iter()
            .find(|f| model.flows[f.flow.index()].id == flow)
            .map(|f| self.basis(&f.basis))
            .ok_or_else(|| format!("the engine has no flow `{flow}`"))
    }

    /// A basis as a reader sees it: "checked" or "assumed (n)", each fact
    /// as [its number, its words when the model declares them], and each
    /// assumption as [what it is about (the core's label), what it says,
    /// where it would be settled].
    fn basis(&self, basis: &Basis) -> Value {
        let model = self.engine.model();
        let assumed = basis.assumptions(model);
        json!({
            "summary": if assumed.is_empty() {
                "checked".to_owned()
            } else {
                format!("assumed ({})", assumed.len())
            },
            "facts": basis
                .facts(model)
                .iter()
                .map(|id| {
                    let says = model.facts.iter().find(|f| f.id == *id).map(|f| &f.says);
                    json!([id, says])
                })
                .collect::<Vec<_>>(),
            "assumed": assumed
                .iter()
                .map(|a| json!([label(model, a.premise), a.says, a.settle]))
                .collect::<Vec<_>>(),
        })
    }

    /// The placement verdict (`conflict`, `undecided` or a provider id) and
    /// the precedents' ids for `answers`.
    pub fn place(&self, answers: &[&str]) -> Result<(String, Vec<String>), String> {
        let model = self.engine.model();
        let answer = place(model, answers).map_err(|e| e.to_string())?;
        let verdict = answer.evaluation.verdict.name(model).to_owned();
        let precedents = answer
            .precedents
            .iter()
            .map(|p| model.component(p.component).id.clone())
            .collect();
        Ok((verdict, precedents))
    }

    /// The component ids a map with this `focus` (a selector, resolved
    /// as the widget and the fallback resolve it, or none) draws: the
    /// whole map when the focus picks nothing (the widget says so).
    pub fn map_nodes(&self, focus: Option<&str>) -> Vec<String> {
        let model = self.engine.model();
        let all = || model.components.iter().map(|c| c.id.clone()).collect();
        match focus.map(|f| contract::focus(model, f)) {
            Some(Ok(picked)) => picked
                .iter()
                .map(|&c| model.component(c).id.clone())
                .collect(),
            Some(Err(_)) | None => all(),
        }
    }

    /// The differences between what mount point `seen` (one object of
    /// [`READ_WIDGETS`]) shows and what the engine says, as sentences.
    pub fn check(&self, seen: &Value) -> Vec<String> {
        let n = seen["n"].as_u64().unwrap_or(0);
        let kind = seen["kind"].as_str().unwrap_or_default();
        let label = format!("widget {n} ({kind})");
        // The mount point's attributes, read as the bundle reads them.
        let request = Request::read(|name| {
            let key = name.strip_prefix("data-")?;
            seen["attrs"][key].as_str().map(str::to_owned)
        });
        let request = match request {
            Ok(request) => request,
            Err(notice) => {
                return vec![format!(
                    "{label}: not a mount point the bundle reads: {notice}"
                )];
            }
        };
        let mut out = Vec::new();
        let same = |what: &str, shown: &dyn std::fmt::Debug, expected: &dyn std::fmt::Debug| {
            let (s, e) = (format!("{shown:?}"), format!("{expected:?}"));
            (s != e).then(|| format!("{label}: {what} is {s}, the engine says {e}"))
        };
        match request.kind {
            Kind::Route => {
                let host = request.host.as_deref().unwrap_or_default();
                match self.route(host, &strs(&request.fail)) {
                    Ok((hops, verdict)) => {
                        out.extend(same("the host", &seen["host"].as_str(), &Some(host)));
                        out.extend(same(
                            "the verdict",
                            &seen["verdict"].as_str(),
                            &Some(verdict.as_str()),
                        ));
                        out.extend(same("the hop list", &strings(&seen["hops"]), &hops));
                        if let Some(map) = seen["map"].as_object() {
                            let mut lit = strings(&map["lit"]);
                            lit.sort();
                            let mut want = hops.clone();
                            want.sort();
                            out.extend(same("the lit path on the map", &lit, &want));
                        }
                    }
                    Err(e) => out.push(format!("{label}: the engine cannot route {host}: {e}")),
                }
            }
            Kind::Fail => {
                let mut selectors: Vec<&str> = request.scenario.as_deref().into_iter().collect();
                selectors.extend(strs(&request.fail));
                match self.flows(&selectors) {
                    Ok(flows) => {
                        let shown: BTreeMap<String, String> = seen["flows"]
                            .as_object()
                            .map(|o| {
                                o.iter()
                                    .map(|(k, v)| (k.clone(), v.as_str().unwrap_or("?").to_owned()))
                                    .collect()
                            })
                            .unwrap_or_default();
                        out.extend(same("the flow table", &shown, &flows));
                    }
                    Err(e) => out.push(format!(
                        "{label}: the engine cannot fail {selectors:?}: {e}"
                    )),
                }
            }
            Kind::Place if request.audit => {
                let ids: Vec<String> = audit(self.engine.model())
                    .iter()
                    .map(|a| self.engine.model().component(a.component).id.clone())
                    .collect();
                out.extend(same(
                    "the audit's components",
                    &strings(&seen["audit"]),
                    &ids,
                ));
            }
            Kind::Place => match self.place(&strs(&request.answers)) {
                Ok((verdict, precedents)) => {
                    out.extend(same(
                        "the verdict",
                        &seen["verdict"].as_str(),
                        &Some(verdict.as_str()),
                    ));
                    out.extend(same(
                        "the precedents",
                        &strings(&seen["precedents"]),
                        &precedents,
                    ));
                }
                Err(e) => out.push(format!("{label}: the engine cannot place: {e}")),
            },
            Kind::Dns => {
                let host = request.host.as_deref().unwrap_or_default();
                match self.engine.dns(host) {
                    Ok(answer) => {
                        out.extend(same("the host", &seen["host"].as_str(), &Some(host)));
                        out.extend(same(
                            "whether it has a record",
                            &seen["record"].as_bool(),
                            &Some(!answer.records.is_empty()),
                        ));
                        if let Some(w) = answer.writer {
                            let name = &self.engine.model().writers[w.index()].name;
                            if !seen["text"]
                                .as_str()
                                .unwrap_or_default()
                                .contains(name.as_str())
                            {
                                out.push(format!("{label}: does not name the writer {name}"));
                            }
                        }
                    }
                    Err(e) => {
                        out.push(format!("{label}: the engine cannot answer for {host}: {e}"))
                    }
                }
            }
            Kind::Map => {
                let nodes = self.map_nodes(request.focus.as_deref());
                let map = &seen["map"];
                let mut shown = strings(&map["nodes"]);
                shown.sort();
                let mut want = nodes.clone();
                want.sort();
                out.extend(same("the map's components", &shown, &want));
                let mut lit = strings(&map["lit"]);
                lit.sort();
                let mut want_lit = match request.host.as_deref() {
                    Some(host) => self
                        .route(host, &[])
                        .map(|(hops, _)| hops)
                        .unwrap_or_default()
                        .into_iter()
                        .filter(|h| nodes.contains(h))
                        .collect(),
                    None => Vec::new(),
                };
                want_lit.sort();
                out.extend(same("the lit route", &lit, &want_lit));
            }
            // The propose widget: the map (its focus as a map's, with the
            // components its draft adds; what it removes stays, marked)
            // and, before a draft, an impact area that says no change is
            // drafted (a draft's impact is the fallback's: same_words.js).
            Kind::Propose => {
                let mut shown = strings(&seen["map"]["nodes"]);
                shown.sort();
                let mut want = self.map_nodes(request.focus.as_deref());
                let model = self.engine.model();
                let edited = request
                    .draft
                    .as_deref()
                    .map(|text| Draft::from_fragment(text).and_then(|d| d.apply(model)));
                match &edited {
                    Some(Ok(edited)) => want.extend(
                        edited
                            .components
                            .iter()
                            .filter(|c| model.component_by_id(&c.id).is_none())
                            .map(|c| c.id.clone()),
                    ),
                    Some(Err(e)) => out.push(format!("{label}: its data-draft: {e}")),
                    None => {}
                }
                want.sort();
                out.extend(same("the map's components", &shown, &want));
                let empty = edited.is_none().then_some(archsim_view::html::NO_DRAFT);
                out.extend(same("the impact area", &seen["impact"].as_str(), &empty));
            }
            // The full-page simulator opens on its map: every component.
            Kind::App => {
                let mut shown = strings(&seen["map"]["nodes"]);
                shown.sort();
                let mut want = self.map_nodes(None);
                want.sort();
                out.extend(same("the simulator's map", &shown, &want));
            }
        }
        out
    }
}
