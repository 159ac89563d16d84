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

/// What one failure selector picks, in words: a component by its name,
/// `every Google Cloud component`, `everything in Tokyo`, `every dev
/// component`, `every cloudfront component`; a selector these do not
/// cover is quoted as written.
fn selector(model: &Model, s: &str) -> String {
    if let Some(c) = model.components.iter().find(|c| c.id == s) {
        return c.name.clone();
    }
    let (prefix, value) = s.split_once(':').unwrap_or(("", s));
    let provider = model
        .providers
        .iter()
        .find(|p| p.id == value && matches!(prefix, "" | "provider"));
    if let Some(p) = provider {
        return format!("every {} component", p.name);
    }
    match prefix {
        "region" => {
            if let Some(r) = model.regions.iter().find(|r| r.id == value) {
                return format!("everything in {}", r.name);
            }
        }
        "env" | "kind" => return format!("every {value} component"),
        "" if model
            .components
            .iter()
            .any(|c| c.product.as_deref() == Some(value)) =>
        {
            return format!("every {value} component");
        }
        _ => {}
    }
    format!("“{s}”")
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
}
