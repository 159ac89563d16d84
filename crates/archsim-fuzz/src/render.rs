//! `render`: hostile strings in every text field of the Tomoda model,
//! through every view.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use archsim_core::select::{Selection, select};
use archsim_core::{Engine, Model};
use archsim_view::contract::Heading;
use mdbook_archsim::directive::{Piece, scan};
use mdbook_archsim::expand::{Mount, widget, widget_kind};
use mdbook_archsim::tables::table;

use crate::everything::{Ask, views};
use crate::tags::tags;

/// The widgets and tables of the book, as its pages write them.
const DIRECTIVES: &str = r#"{{#archsim map}} {{#archsim route host="app.tomoda.life"}}
{{#archsim fail}} {{#archsim fail spof="true"}} {{#archsim place audit="true"}}
{{#archsim dns host="api.tomoda.life"}} {{#archsim table providers}}
{{#archsim table components}} {{#archsim table environments}} {{#archsim table records}} {{#archsim table flows}}
{{#archsim table scenarios}} {{#archsim table rules}} {{#archsim table spof}}
{{#archsim table audit}}"#;

struct Base {
    model: Model,
    scenarios: Vec<Selection>,
}

/// The Tomoda model and its scenarios, resolved on the model as loaded:
/// the strings put in later change no selection.
fn base() -> &'static Base {
    static BASE: OnceLock<Base> = OnceLock::new();
    BASE.get_or_init(|| {
        let engine = Engine::tomoda().expect("the shipped model loads");
        let model = engine.model().clone();
        let scenarios = model
            .scenarios
            .iter()
            .map(|s| select(&model, &[&s.id], &[]).expect("shipped scenarios resolve"))
            .collect();
        Base { model, scenarios }
    })
}

/// Split `data` into strings at NUL bytes (read as UTF-8, invalid bytes
/// replaced), put them (in turn) into every text
/// field of the Tomoda model, and render every view and every book
/// directive. Each rendering has the same tags and attribute names, in the
/// same order, as with plain strings of the same shape (see
/// `plain_strings`), and no rendering
/// contains `{{#`, which mdBook's later preprocessors would expand.
pub fn check_render(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let strings: Vec<String> = text.split('\0').map(str::to_owned).collect();
    let Some(plain) = plain_strings(&strings) else {
        return;
    };
    // A view writes a name once when it equals its id (a flow named
    // `dev-deploy` shows no id beneath): a plain twin cannot keep that
    // equality, so such inputs say nothing about escaping.
    if strings.iter().any(|s| is_an_id(&base().model, s)) {
        return;
    }
    let hostile = render(&strings);
    let tame = render(&plain);
    assert_eq!(hostile.len(), tame.len(), "as many renderings");
    for (i, (h, t)) in hostile.iter().zip(&tame).enumerate() {
        assert!(!h.contains("{{#"), "rendering {i} contains `{{{{#`: {h}");
        let (a, b) = (tags(h), tags(t));
        if let Some(at) = (0..a.len().max(b.len())).find(|&k| a.get(k) != b.get(k)) {
            let near =
                |v: &[crate::tags::Tag]| v[at.saturating_sub(2)..(at + 3).min(v.len())].to_vec();
            panic!(
                "rendering {i}: tag {at} differs from plain strings': {:?} against {:?}\n{}",
                near(&a),
                near(&b),
                excerpt(h)
            );
        }
    }
}

/// Plain strings of the same shapes: letters for everything but spaces,
/// `-`, `/` and `.`, so names wrap and paths break alike. Equal strings get
/// equal plain ones and distinct strings distinct ones (the views merge
/// equal notes), which the letters' choice encodes; `None` when a string
/// is too short to tell its plain twin from another's.
fn plain_strings(strings: &[String]) -> Option<Vec<String>> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let plain: Vec<String> = strings
        .iter()
        .map(|s| {
            let next = seen.len();
            let mut id = *seen.entry(s).or_insert(next);
            s.chars()
                .map(|c| {
                    if c.is_whitespace() || matches!(c, '-' | '/' | '.') {
                        c
                    } else {
                        let letter = char::from(b'a' + (id % 26) as u8);
                        id /= 26;
                        letter
                    }
                })
                .collect()
        })
        .collect();
    let distinct: HashSet<&String> = plain.iter().collect();
    (distinct.len() == seen.len()).then_some(plain)
}

/// Whether `s` is the id of something a view may name beside its id.
fn is_an_id(model: &Model, s: &str) -> bool {
    model.components.iter().any(|c| c.id == s)
        || model.flows.iter().any(|f| f.id == s)
        || model.scenarios.iter().any(|x| x.id == s)
        || model.providers.iter().any(|p| p.id == s)
}

/// At most the first 2,000 bytes of a rendering, for a readable failure.
fn excerpt(s: &str) -> &str {
    let mut end = s.len().min(2000);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

fn render(strings: &[String]) -> Vec<String> {
    let base = base();
    let mut model = base.model.clone();
    let mut next = strings.iter().cycle();
    each_text(&mut model, &mut |s| {
        s.clone_from(next.next().expect("not empty"))
    });
    let engine = Engine::new(model, Vec::new());
    let mut out = views(
        &engine,
        &Ask {
            scenarios: &base.scenarios,
            failures: 2,
        },
    );
    let mount = Mount {
        model_ref: None,
        id_prefix: "f".into(),
        sources: Some("sources.html".into()),
        heading: Heading::under(2),
    };
    for piece in scan(DIRECTIVES) {
        if let Piece::Directive(d) = piece {
            let written = match widget_kind(&d.kind) {
                Some(kind) => widget(&engine, kind, &d, &mount),
                None => table(&engine, &d),
            };
            out.push(written.unwrap_or_else(|p| p.message));
        }
    }
    out
}

/// Every text field of the model, in a fixed order. Ids, hosts and what
/// refers to them (selectors, patterns, question ids) stay as loaded: the
/// loader allows only letters, digits, `-`, `_` and `.` in ids, and a
/// changed reference would change the answers, not only their words.
fn each_text(m: &mut Model, f: &mut dyn FnMut(&mut String)) {
    let opt = |o: &mut Option<String>, f: &mut dyn FnMut(&mut String)| {
        if let Some(s) = o {
            f(s)
        }
    };
    let all = |v: &mut Vec<String>, f: &mut dyn FnMut(&mut String)| v.iter_mut().for_each(f);
    let prov = |p: &mut archsim_core::Provenance, f: &mut dyn FnMut(&mut String)| {
        p.facts.iter_mut().for_each(&mut *f);
        if let Some(s) = &mut p.assumption {
            f(s)
        }
        if let Some(s) = &mut p.settle {
            f(s)
        }
    };
    f(&mut m.meta.name);
    opt(&mut m.meta.document, f);
    prov(&mut m.zone.provenance, f);
    for p in &mut m.providers {
        f(&mut p.name);
        f(&mut p.job);
        f(&mut p.why);
        opt(&mut p.account, f);
        opt(&mut p.terraform, f);
        all(&mut p.workspaces, f);
        prov(&mut p.provenance, f);
    }
    for r in &mut m.regions {
        f(&mut r.name);
        opt(&mut r.note, f);
        prov(&mut r.provenance, f);
    }
    for c in &mut m.components {
        f(&mut c.name);
        opt(&mut c.product, f);
        f(&mut c.kind);
        f(&mut c.env);
        all(&mut c.sources, f);
        opt(&mut c.placement, f);
        opt(&mut c.notes, f);
        prov(&mut c.provenance, f);
        for (_, text) in &mut c.assumed {
            f(text);
        }
    }
    for r in &mut m.records {
        f(&mut r.rtype);
        f(&mut r.env);
        prov(&mut r.provenance, f);
    }
    for w in &mut m.writers {
        f(&mut w.name);
        f(&mut w.source);
        opt(&mut w.owner_id, f);
        opt(&mut w.registry, f);
        f(&mut w.adds);
        f(&mut w.serves);
        prov(&mut w.provenance, f);
    }
    for e in &mut m.edges {
        f(&mut e.why);
        prov(&mut e.provenance, f);
    }
    for fl in &mut m.flows {
        f(&mut fl.name);
        f(&mut fl.about);
        prov(&mut fl.provenance, f);
    }
    for s in &mut m.scenarios {
        f(&mut s.name);
        f(&mut s.teaches);
        prov(&mut s.provenance, f);
    }
    for q in &mut m.placement.questions {
        f(&mut q.ask);
    }
    for r in &mut m.placement.rules {
        f(&mut r.says);
        prov(&mut r.provenance, f);
    }
    for fact in &mut m.facts {
        f(&mut fact.says);
    }
    for i in &mut m.invariants {
        f(&mut i.says);
        f(&mut i.hint);
        prov(&mut i.provenance, f);
    }
}
