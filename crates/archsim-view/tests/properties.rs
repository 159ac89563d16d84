//! Properties of the layout and of escaping, on random models and strings.

use archsim_core::Engine;
use archsim_core::synth::{SynthOptions, generate};
use archsim_view::escape;
use archsim_view::layout::{LayoutOptions, layout};
use proptest::prelude::*;

/// Undo HTML character references (named ones archsim writes, and every
/// numeric one).
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find(';').expect("a reference ends with `;`");
        let name = &rest[1..end];
        let c = match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let code = if let Some(hex) = name.strip_prefix("#x").or(name.strip_prefix("#X")) {
                    u32::from_str_radix(hex, 16)
                } else {
                    name.strip_prefix('#').expect("a known reference").parse()
                };
                char::from_u32(code.expect("a number")).expect("a character")
            }
        };
        out.push(c);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Escaping loses nothing, and what it writes opens no tag, ends no
    /// attribute value and starts no reference of its own.
    #[test]
    fn escaping_round_trips(s in any::<String>()) {
        let escaped = escape::html(&s);
        prop_assert_eq!(unescape(&escaped), s);
        prop_assert!(!escaped.contains(['<', '>', '"', '\'']), "{}", escaped);
    }

    /// The same, on strings made of the characters markup cares about.
    #[test]
    fn escaping_round_trips_markup(s in "[<>&\"';#{}a-z\n\r ]{0,40}") {
        prop_assert_eq!(unescape(&escape::html(&s)), s);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    /// The layout of a model is the same every time, has a box for every
    /// component and only finite numbers.
    #[test]
    fn layout_is_deterministic_finite_and_complete(components in 40usize..=150, seed: u64) {
        let source = generate(&SynthOptions { components, seed });
        let engine = Engine::from_str("synth.toml", &source).unwrap_or_else(|d| panic!("{d:#?}"));
        let model = engine.model();
        let first = layout(model, &LayoutOptions::default());
        prop_assert_eq!(&first, &layout(model, &LayoutOptions::default()));
        prop_assert_eq!(first.nodes.len(), model.components.len());
        for (i, node) in first.nodes.iter().enumerate() {
            prop_assert_eq!(node.component.index(), i);
            for v in [node.x, node.y, node.width, node.height] {
                prop_assert!(v.is_finite(), "{:?}", node);
            }
        }
        for edge in &first.edges {
            for &(x, y) in edge.points.iter().chain([&edge.label_at]) {
                prop_assert!(x.is_finite() && y.is_finite(), "{:?}", edge);
            }
        }
        for group in &first.groups {
            prop_assert!([group.x, group.y, group.width, group.height].iter().all(|v| v.is_finite()));
        }
        prop_assert!(first.width.is_finite() && first.height.is_finite());
    }
}
