//! `draft`: a propose widget's draft, read from its link and applied to the
//! Tomoda model.

use std::sync::OnceLock;

use archsim_core::draft::Draft;
use archsim_core::{Engine, Model, codec, diff, load_str};

fn tomoda() -> &'static Model {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE
        .get_or_init(|| Engine::tomoda().expect("the shipped model loads"))
        .model()
}

/// The longest message a refusal may be: it quotes at most a few capped
/// texts.
const MAX_MESSAGE: usize = 2_048;

/// Read `data` as a draft's link. A refusal is a short message; a draft
/// that is read writes a link that reads back as itself, and applied to
/// Tomoda it is either refused, naming an edit it has, or makes a model
/// the codec's checks pass and the diff compares; its TOML, appended to
/// the model file, is TOML the loader parses (any error is about the
/// model, never the file's syntax or keys).
pub fn check_draft(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let draft = match Draft::from_fragment(&text) {
        Ok(draft) => draft,
        Err(e) => {
            let message = e.to_string();
            assert!(
                !e.message.is_empty() && message.len() <= MAX_MESSAGE,
                "{text:?}: {message}"
            );
            return;
        }
    };
    let link = draft.to_fragment();
    assert_eq!(
        Draft::from_fragment(&link).as_ref(),
        Ok(&draft),
        "{text:?} wrote {link:?}"
    );
    let model = tomoda();
    match draft.apply(model) {
        Ok(new) => {
            codec::check(&new).unwrap_or_else(|e| panic!("{text:?}: {e}"));
            let old = Engine::new(model.clone(), Vec::new());
            let changed = Engine::new(new, Vec::new());
            let _ = diff::impact(&old, &changed);
            let _ = diff::changes(model, changed.model());
        }
        Err(e) => {
            let at = e.edit.unwrap_or(1);
            assert!(
                (1..=draft.edits.len().max(1)).contains(&at),
                "{text:?}: {e}"
            );
            assert!(e.to_string().len() <= MAX_MESSAGE, "{text:?}: {e}");
        }
    }
    let toml = draft.to_toml(model);
    let file = [archsim_core::TOMODA_MODEL, "\n", &toml].concat();
    let loaded = load_str("tomoda.toml", &file);
    for d in &loaded.diagnostics {
        assert!(
            d.code != "syntax" && d.code != "schema",
            "{text:?} wrote TOML the loader cannot read: {d:?}\n{toml}"
        );
    }
}
