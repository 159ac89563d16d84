//! What a claim checked, in words for its note: the model's display names
//! (`Tomoda API (prod)`, `Google Cloud`, `Tokyo`), not the ids an author
//! writes in a directive, so a reader who has not learned the ids can
//! read it. Build errors keep the ids: they speak to the author.

use archsim_core::{CompId, Model};

/// A component as a reader knows it: its display name.
pub(super) fn component(model: &Model, c: CompId) -> &str {
    &model.component(c).name
}

/// `a`, `a and b`, `a, b and c`.
pub(super) fn and_list<S: AsRef<str>>(items: &[S]) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == items.len() { " and " } else { ", " });
        }
        out.push_str(item.as_ref());
    }
    out
}

/// Selectors as a list in words: "A, B and C".
pub(crate) fn in_words(model: &Model, selectors: &[&str]) -> String {
    let named: Vec<String> = selectors.iter().map(|s| selector(model, s)).collect();
    match named.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// One selector in words, by the model's names, looked up in the
/// selectors' own order (scenario, component id, component name, product,
/// provider); a word it does not know, as written.
pub(crate) fn selector(model: &Model, selector: &str) -> String {
    if let Some((prefix, value)) = selector.split_once(':') {
        return match prefix {
            "provider" => model
                .providers
                .iter()
                .find(|p| p.id == value)
                .map_or_else(|| value.to_owned(), |p| p.name.clone()),
            "region" => match model.regions.iter().find(|r| r.id == value) {
                Some(r) if r.name != r.id => format!("the region {} ({})", r.name, r.id),
                _ => format!("the region {value}"),
            },
            "kind" => format!("every component of kind {value}"),
            "env" => format!("every {value} component"),
            "product" => format!("every {value} component"),
            "terraform" => format!("every component Terraform manages under {value}"),
            _ => selector.to_owned(),
        };
    }
    if let Some(s) = model.scenarios.iter().find(|s| s.id == selector) {
        return format!("what “{}” fails", s.name);
    }
    if let Some(c) = model.component_by_id(selector).or_else(|| {
        model
            .components
            .iter()
            .position(|c| c.name.eq_ignore_ascii_case(selector))
            .map(archsim_core::CompId::from_index)
    }) {
        return model.component(c).name.clone();
    }
    if model
        .components
        .iter()
        .any(|c| c.product.as_deref() == Some(selector))
    {
        return format!("every {selector} component");
    }
    model
        .providers
        .iter()
        .find(|p| p.id == selector)
        .map_or_else(|| selector.to_owned(), |p| p.name.clone())
}

/// The condition a claim was checked under: `in the scenario “AWS is
/// down”`, `with every Google Cloud component failing`, `with nothing
/// failing`.
pub(super) fn condition(
    model: &Model,
    scenario: Option<&str>,
    fail: &[&str],
    reschedule: &[&str],
) -> String {
    let mut out = Vec::new();
    if let Some(s) = scenario.and_then(|id| model.scenarios.iter().find(|s| s.id == id)) {
        out.push(format!("in the scenario “{}”", s.name));
    }
    let picked =
        |list: &[&str]| and_list(&list.iter().map(|s| selector(model, s)).collect::<Vec<_>>());
    if !fail.is_empty() {
        out.push(format!("with {} failing", picked(fail)));
    }
    if !reschedule.is_empty() {
        out.push(format!("with {} restarting", picked(reschedule)));
    }
    if out.is_empty() {
        "with nothing failing".to_owned()
    } else {
        and_list(&out)
    }
}

/// The first letter in upper case, for a sentence that starts with a
/// condition.
pub(super) fn sentence(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use archsim_core::Engine;

    use super::*;

    #[test]
    fn lists_read_as_prose() {
        let cases: [(&[&str], &str); 4] = [
            (&[], ""),
            (&["a"], "a"),
            (&["a", "b"], "a and b"),
            (&["a", "b", "c"], "a, b and c"),
        ];
        for (items, want) in cases {
            assert_eq!(and_list(items), want, "{items:?}");
        }
    }

    #[test]
    fn selectors_read_as_the_models_names() {
        let engine = Engine::tomoda().expect("the Tomoda model loads");
        let model = engine.model();
        // (selector, in words)
        let cases = [
            ("region:ap-northeast-1", "the region Tokyo (ap-northeast-1)"),
            ("region:asia-east1", "the region asia-east1"),
            ("provider:aws", "AWS"),
            ("aws", "AWS"),
            ("cloudflare-zone", "tomoda.life zone"),
            ("cloudfront-outage", "what “CloudFront outage” fails"),
            ("env:dev", "every dev component"),
            ("kind:bucket", "every component of kind bucket"),
        ];
        for (written, words) in cases {
            assert_eq!(selector(model, written), words, "{written}");
        }
        assert_eq!(
            in_words(model, &["provider:aws", "provider:gcp", "cloudflare-zone"]),
            "AWS, Google Cloud and tomoda.life zone"
        );
    }
}
