//! Finding components by what a reader types.
//!
//! A query matches a component when every word of it appears in the
//! component's id, name, kind, provider, region or product, ignoring case.
//! The map's search box and the failure list's filter both ask here, so the
//! same words find the same components in both.

use archsim_core::{Component, Model};

/// The lower-case text a query is matched against.
pub fn haystack(model: &Model, c: &Component) -> String {
    let mut text = String::new();
    for part in [
        c.id.as_str(),
        &c.name,
        &c.kind,
        model.provider_name(c.provider),
        model.region_name(c.region),
        c.product.as_deref().unwrap_or(""),
    ] {
        if !part.is_empty() {
            text.push_str(part);
            text.push(' ');
        }
    }
    text.truncate(text.trim_end().len());
    text.make_ascii_lowercase();
    text
}

/// The words of a query, lower-cased.
#[derive(Clone, Debug, PartialEq)]
pub struct Query {
    words: Vec<String>,
}

impl Query {
    /// The query typed, or `None` when it is blank (nothing to match).
    pub fn parse(text: &str) -> Option<Query> {
        let words: Vec<String> = text
            .split_whitespace()
            .map(str::to_ascii_lowercase)
            .collect();
        (!words.is_empty()).then_some(Query { words })
    }

    /// Whether every word appears in `haystack` (see [`haystack`]).
    pub fn matches(&self, haystack: &str) -> bool {
        self.words.iter().all(|w| haystack.contains(w.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_must_match_any_field() {
        let engine = archsim_core::Engine::tomoda().unwrap();
        let model = engine.model();
        let hits = |q: &str| -> Vec<&str> {
            let q = Query::parse(q).unwrap();
            model
                .components
                .iter()
                .filter(|c| q.matches(&haystack(model, c)))
                .map(|c| c.id.as_str())
                .collect()
        };
        let cases: [(&str, &[&str]); 5] = [
            // The certificate's name says which alias it serves.
            (
                "ASSETS.TOMODA.LIFE",
                &["acm-certificate-prod", "cloudfront-prod"],
            ),
            ("CLOUDFRONT", &["cloudfront-prod", "cloudfront-dev"]),
            ("cloudfront dev", &["cloudfront-dev"]),
            ("redis", &["redis"]),
            ("cloudfront gcp", &[]),
        ];
        for (query, want) in cases {
            let mut got = hits(query);
            got.sort_unstable();
            let mut want = want.to_vec();
            want.sort_unstable();
            assert_eq!(got, want, "{query}");
        }
        // Provider and region are matched too.
        assert!(hits("aws").contains(&"s3-assets-prod"), "{:?}", hits("aws"));
        assert_eq!(Query::parse("  \t "), None);
    }
}
