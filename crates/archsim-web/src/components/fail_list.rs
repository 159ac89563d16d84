//! The failure simulator's list of components: which boxes it shows for
//! the reader's filter, and their markup.
//!
//! A list of every component is fine at the Tomoda model's size; at 1,000
//! components the browser took about 450 ms to lay it out and paint it.
//! So the list shows at most [`MAX_ROWS`] boxes, and a filter (the same
//! matching as the map's search, [`crate::map::search`]) narrows it.

use archsim_core::Model;

use super::MAX_ROWS;
use crate::acts::verb;
use crate::ids;
use crate::map::search::{self, Query};
use crate::markup::{Markup, WidgetMarkup};

/// What the list shows for one filter.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    /// Components shown, as indices in model order.
    pub rows: Vec<usize>,
    /// How many components the filter matches (all, with no filter).
    pub matched: usize,
    /// Whether a filter was given.
    pub filtered: bool,
}

impl Shown {
    /// The components `filter` matches, the first [`MAX_ROWS`] of them shown.
    pub fn new(model: &Model, filter: &str) -> Shown {
        let query = Query::parse(filter);
        let mut rows = Vec::new();
        let mut matched = 0;
        for (i, c) in model.components.iter().enumerate() {
            if query
                .as_ref()
                .is_none_or(|q| q.matches(&search::haystack(model, c)))
            {
                matched += 1;
                if rows.len() < MAX_ROWS {
                    rows.push(i);
                }
            }
        }
        Shown {
            rows,
            matched,
            filtered: query.is_some(),
        }
    }

    /// What a reader should know about the list; empty when it shows
    /// every component and no filter is set.
    #[allow(clippy::disallowed_macros)] // Status lines: counts among words.
    pub fn status(&self, total: usize) -> String {
        let shown = self.rows.len();
        match (self.filtered, self.matched) {
            (false, _) if shown == total => String::new(),
            (false, _) => format!(
                "Showing the first {shown} of {total} components: type in the filter to find others."
            ),
            (true, 0) => "No component matches the filter.".to_owned(),
            (true, m) if m > shown => format!(
                "{m} of {total} components match; showing the first {shown}: type more to narrow the list."
            ),
            (true, 1) => format!("1 of {total} components matches."),
            (true, m) => format!("{m} of {total} components match."),
        }
    }

    /// The boxes, grouped by provider in model order, unticked (the panel
    /// ticks them from the state). Box ids are `{uid}-fail-{index}`.
    pub fn markup(&self, model: &Model, uid: &str) -> String {
        let mut groups: Vec<(&str, Vec<usize>)> = Vec::new();
        for &i in &self.rows {
            let provider = model.provider_name(model.components[i].provider);
            match groups.iter_mut().find(|(p, _)| *p == provider) {
                Some((_, members)) => members.push(i),
                None => groups.push((provider, vec![i])),
            }
        }
        let mut list = Markup::new();
        for (provider, members) in &groups {
            list.raw("<fieldset>").leaf("legend", &[], provider);
            for &i in members {
                let comp = &model.components[i];
                list.checkbox(
                    &box_id(uid, i),
                    verb::TOGGLE,
                    &i.to_string(),
                    false,
                    &comp.name,
                    &comp.id,
                );
            }
            list.raw("</fieldset>");
        }
        list.into_string()
    }
}

/// The element id of component `index`'s box.
pub fn box_id(uid: &str, index: usize) -> String {
    ids::numbered(uid, "-fail-", index)
}

#[cfg(test)]
mod tests {
    use archsim_core::synth::{SynthOptions, generate};

    use super::*;

    #[test]
    fn shows_at_most_rows_and_says_how_many_match() {
        let tomoda = archsim_core::Engine::tomoda().unwrap();
        let tomoda = tomoda.model();
        let source = generate(&SynthOptions {
            components: 1_000,
            seed: 7,
        });
        let big = archsim_core::load_str("synth.toml", &source).model.unwrap();
        let n = tomoda.components.len();
        let redis = tomoda.components.iter().position(|c| c.id == "redis");
        // (model, filter, rows shown, matched, status)
        let cases: [(&Model, &str, Option<usize>, usize, String); 6] = [
            (tomoda, "", Some(n), n, String::new()),
            (
                tomoda,
                " REDIS ",
                Some(1),
                1,
                format!("1 of {n} components matches."),
            ),
            (
                tomoda,
                "cloudfront",
                Some(2),
                2,
                format!("2 of {n} components match."),
            ),
            (
                tomoda,
                "no such thing",
                Some(0),
                0,
                "No component matches the filter.".into(),
            ),
            (
                &big,
                "",
                Some(MAX_ROWS),
                big.components.len(),
                format!(
                    "Showing the first {MAX_ROWS} of {} components: type in the filter to find others.",
                    big.components.len()
                ),
            ),
            (&big, "home", None, 0, String::new()),
        ];
        for (model, filter, rows, matched, status) in cases {
            let shown = Shown::new(model, filter);
            let total = model.components.len();
            if let Some(rows) = rows {
                assert_eq!(shown.rows.len(), rows, "{filter:?}");
                assert_eq!(shown.matched, matched, "{filter:?}");
                assert_eq!(shown.status(total), status, "{filter:?}");
            } else {
                // A filter matching more than fits: the first MAX_ROWS, in order.
                assert!(
                    shown.matched > MAX_ROWS,
                    "{filter:?} matches {}",
                    shown.matched
                );
                assert_eq!(shown.rows.len(), MAX_ROWS);
                assert!(shown.rows.windows(2).all(|w| w[0] < w[1]));
                assert!(shown.status(total).contains("showing the first 100"));
            }
        }
        assert_eq!(Shown::new(tomoda, "redis").rows, vec![redis.unwrap()]);
    }

    #[test]
    fn boxes_are_grouped_by_provider_and_say_what_they_toggle() {
        let engine = archsim_core::Engine::tomoda().unwrap();
        let model = engine.model();
        let shown = Shown::new(model, "cloudfront");
        let html = shown.markup(model, "w3");
        assert_eq!(html.matches("<fieldset>").count(), 1, "{html}");
        assert!(html.starts_with("<fieldset><legend>aws</legend>"), "{html}");
        for i in &shown.rows {
            assert!(
                html.contains(&format!(
                    "id=\"w3-fail-{i}\" data-act=\"toggle\" data-arg=\"{i}\""
                )),
                "{html}"
            );
        }
        assert!(!html.contains("checked"), "{html}");
    }
}
