//! "No name hides another": a selector names one thing. The one owner of
//! the rule, for any model: the loader reports each clash where the file
//! has it (`ambiguous-name`), a draft refuses the edit that makes one.

use std::collections::HashMap;

use crate::diag::About;
use crate::model::Model;

/// One name that hides another.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clash {
    /// The entry whose id or name hides (or repeats) another's: a
    /// component or a scenario.
    pub about: About,
    /// The entry it hides.
    pub other: About,
    /// The word both answer to, as `about` writes it.
    pub word: String,
    /// What is wrong, in one sentence.
    pub message: String,
    /// What to do about it.
    pub hint: &'static str,
}

/// The earlier of two indices found by different keys: what a scan for
/// the first that has either would find.
fn first(a: Option<usize>, b: Option<usize>) -> Option<usize> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Every clash of `model`: no two components share a name (without
/// case), no component is named another's id, no component has the id or
/// name of a provider, and no scenario has a provider's id or a
/// component's id or name (`fail NAME` would mean either). In the
/// model's order: components' names, then components against ids and
/// providers, then scenarios.
///
/// Complexity: O(components + providers + scenarios), with hash maps.
pub fn clashes(model: &Model) -> Vec<Clash> {
    let mut out = Vec::new();
    let mut clash = |about, other, word: &str, message: &[&str], hint| {
        out.push(Clash {
            about,
            other,
            word: word.to_owned(),
            message: message.concat(),
            hint,
        });
    };
    let comps = &model.components;
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, c) in comps.iter().enumerate() {
        let key = c.name.to_ascii_lowercase();
        if let Some(&j) = seen.get(&key) {
            clash(
                About::Component(c_id(i)),
                About::Component(c_id(j)),
                &c.name,
                &[
                    "components `",
                    &comps[j].id,
                    "` and `",
                    &c.id,
                    "` are both named `",
                    &c.name,
                    "`",
                ],
                "selectors take names as well as ids; give each component its own name",
            );
        } else {
            seen.insert(key, i);
        }
    }
    // A name that is another component's id can never select its own.
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for (i, c) in comps.iter().enumerate() {
        ids.entry(c.id.as_str()).or_insert(i);
    }
    // Providers by id, and by lower-case id: the first of each.
    let mut providers: HashMap<&str, usize> = HashMap::new();
    let mut providers_lower: HashMap<String, usize> = HashMap::new();
    for (i, p) in model.providers.iter().enumerate() {
        providers.entry(p.id.as_str()).or_insert(i);
        providers_lower
            .entry(p.id.to_ascii_lowercase())
            .or_insert(i);
    }
    for (i, c) in comps.iter().enumerate() {
        if let Some(&j) = ids.get(c.name.as_str()).filter(|&&j| j != i) {
            clash(
                About::Component(c_id(i)),
                About::Component(c_id(j)),
                &c.name,
                &[
                    "component `",
                    &c.id,
                    "` is named `",
                    &c.name,
                    "`, the id of component `",
                    &comps[j].id,
                    "`",
                ],
                "`fail NAME` picks the component with that id; rename one of them",
            );
        }
        let by_id = providers.get(c.id.as_str()).copied();
        let by_name = providers_lower.get(&c.name.to_ascii_lowercase()).copied();
        if let Some(p) = first(by_id, by_name) {
            let word = if by_id == Some(p) { &c.id } else { &c.name };
            clash(
                About::Component(c_id(i)),
                About::Provider(p),
                word,
                &[
                    "component `",
                    &c.id,
                    "` has the id or name of provider `",
                    &model.providers[p].id,
                    "`",
                ],
                "`fail NAME` would pick the component, not the provider's components; rename the component",
            );
        }
    }
    for (i, s) in model.scenarios.iter().enumerate() {
        if let Some(&p) = providers.get(s.id.as_str()) {
            clash(
                About::Scenario(i),
                About::Provider(p),
                &s.id,
                &[
                    "scenario `",
                    &s.id,
                    "` has the id of provider `",
                    &model.providers[p].id,
                    "`",
                ],
                "`fail NAME` would pick the scenario, not the provider's components; rename the scenario",
            );
        }
        let by_id = ids.get(s.id.as_str()).copied();
        let by_name = seen.get(&s.id.to_ascii_lowercase()).copied();
        if let Some(c) = first(by_id, by_name) {
            clash(
                About::Scenario(i),
                About::Component(c_id(c)),
                &s.id,
                &[
                    "scenario `",
                    &s.id,
                    "` has the id or name of component `",
                    &comps[c].id,
                    "`",
                ],
                "`fail NAME` would mean either; rename the scenario",
            );
        }
    }
    out
}

fn c_id(i: usize) -> crate::model::CompId {
    crate::model::CompId::from_index(i)
}
