//! A widget's headings sit one level under the section its directive is
//! in: its mount point says so (`data-heading`, which the bundle reads),
//! and its fallback is written at that level, so that neither the live
//! page nor the static one skips a heading level.

use archsim_core::Engine;
use mdbook_archsim::{PageOptions, process_page};

/// The placement answer's first heading, in a widget's fallback.
const DECIDED: &str = "The rule that decided</h";

/// (page, the mount point's `data-heading`, if written; the fallback's
/// heading)
const CASES: &[(&str, Option<&str>, &str)] = &[
    ("{{#archsim place answers=\"holds-state\"}}", None, "h2"),
    (
        "# Page\n\n{{#archsim place answers=\"holds-state\"}}",
        None,
        "h2",
    ),
    (
        "# Page\n\n## Section\n\n{{#archsim place answers=\"holds-state\"}}",
        Some("3"),
        "h3",
    ),
    (
        "# Page\n\n### Deep\n\ntext {{#archsim claim place=\"holds-state\" verdict=\"gcp\"}}\n\n{{#archsim place answers=\"holds-state\"}}",
        Some("4"),
        "h4",
    ),
    // A comment in a code block is no heading.
    (
        "# Page\n\n## Section\n\n```sh\n# a comment\n```\n\n{{#archsim place answers=\"holds-state\"}}",
        Some("3"),
        "h3",
    ),
    (
        "###### Six\n\n{{#archsim place answers=\"holds-state\"}}",
        Some("6"),
        "h6",
    ),
];

#[test]
fn a_widgets_headings_sit_under_its_section() {
    let engine = Engine::tomoda().expect("the shipped model loads");
    for (page, attr, tag) in CASES {
        let out = process_page(&engine, &PageOptions::default(), "page.md", page)
            .unwrap_or_else(|e| panic!("{page}: {e:?}"));
        let mount = &out[out.find("<div class=\"archsim\"").expect("a mount point")..];
        let mount = &mount[..mount.find('>').unwrap()];
        match attr {
            Some(level) => assert!(
                mount.contains(&format!(" data-heading=\"{level}\"")),
                "{page}: {mount}"
            ),
            None => assert!(!mount.contains("data-heading"), "{page}: {mount}"),
        }
        assert!(
            out.contains(&format!("<{tag}>{DECIDED}")),
            "{page}: no <{tag}> in {out}"
        );
        assert_eq!(
            out.matches(DECIDED).count(),
            1,
            "{page}: one answer, at one level"
        );
    }
}
