//! Claim marks are honest: a claim is *checked* only when everything its
//! answer rests on is sourced by the document's facts, including, for a
//! claim that something stays ok, survives or is excluded, the
//! completeness of the dependency lists it relies on.
//!
//! Each case is checked twice, on a small model whose one dependency
//! (`site → db`) is sourced by a fact, then assumed: the claims that read
//! it are marked assumed only in the second; the claims that do not read
//! it stay checked in both.

use archsim_core::Engine;
use mdbook_archsim::{PageOptions, process_page};

const MINI: &str = include_str!("models/mini.toml");

const SOURCED: &str = "facts = [\"F03\"]";
const ASSUMED: &str = "assumption = \"The document does not say the site reads the database.\"\nsettle = \"app/config/database.yml\"";

fn engine(edge_source: &str) -> Engine {
    let text = MINI.replace("EDGE_SOURCE", edge_source);
    Engine::from_str("mini.toml", &text).unwrap_or_else(|d| panic!("the model loads: {d:#?}"))
}

/// The mark a one-claim page renders to.
fn mark(engine: &Engine, claim: &str) -> String {
    let page = format!("{{{{#archsim claim {claim}}}}}\n");
    process_page(engine, &PageOptions::default(), "page.md", &page)
        .unwrap_or_else(|e| panic!("{claim}: {e:?}"))
}

fn is_assumed(mark: &str) -> bool {
    assert!(
        mark.contains("<span class=\"archsim-claim"),
        "a mark: {mark}"
    );
    mark.contains("is-assumed")
}

#[test]
fn a_claim_is_assumed_exactly_when_its_answer_reads_an_assumption() {
    // (claim, reads the site → db edge?)
    let cases = [
        // The site stays ok: rests on its dependency list being complete.
        ("ok=\"www.example.com\"", true),
        ("ok=\"site\"", true),
        // Down through the edge: the cause chain holds it.
        ("fail=\"db\" down=\"www.example.com\"", true),
        ("fail=\"db\" down=\"site\"", true),
        // The database alone: nothing of the site's.
        ("ok=\"db\"", false),
        ("fail=\"db\" down=\"db\"", false),
        // Down because the site itself fails: the edge is not read.
        ("fail=\"site\" down=\"www.example.com\"", false),
        // A complete list of single points of failure, or one excluded:
        // rests on every dependency of the flow.
        ("spof=\"www.example.com\" excludes=\"cache\"", true),
        // That the site is one: its failure alone, no edge read.
        ("spof=\"www.example.com\" includes=\"site\"", false),
        // The database is one only through the edge.
        ("spof=\"www.example.com\" includes=\"db\"", true),
        // Who writes the record, and a component's sourced field.
        ("dns=\"www.example.com\" writer=\"hand\"", false),
        ("component=\"site\" region=\"r1\"", false),
        ("route=\"www.example.com\" via=\"site\"", false),
        // Under failures, which way a request goes rests on the route's
        // whole answer: here down through the edge.
        ("route=\"www.example.com\" fail=\"db\" via=\"site\"", true),
        ("route=\"www.example.com\" verdict=\"ok\"", true),
    ];
    for (claim, reads_edge) in cases {
        let sourced = mark(&engine(SOURCED), claim);
        assert!(!is_assumed(&sourced), "{claim}: sourced model: {sourced}");
        let assumed = mark(&engine(ASSUMED), claim);
        assert_eq!(is_assumed(&assumed), reads_edge, "{claim}: {assumed}");
        if reads_edge {
            for words in [
                "Site → Database: The document does not say the site reads the database.",
                "(settled by app/config/database.yml)",
            ] {
                assert!(assumed.contains(words), "{claim}: {words:?} in {assumed}");
            }
        }
    }
}

#[test]
fn an_assumed_component_or_field_marks_only_the_claims_that_read_it() {
    let engine = engine(SOURCED);
    // (claim, assumed?, words of the note)
    let cases = [
        // The cache's region is assumed: a region outage picking it reads it.
        (
            "scenario=\"region-down\" fails=\"cache\"",
            true,
            "Cache (region): The cache&#39;s region is not stated; r1 is assumed.",
        ),
        (
            "component=\"cache\" region=\"r1\"",
            true,
            "(settled by infra/cache.tf)",
        ),
        // Its kind is not assumed on its own, but the cache itself is.
        (
            "component=\"cache\" kind=\"cache\"",
            true,
            "Cache: The document names no cache",
        ),
        // The database's state does not read the cache.
        (
            "scenario=\"region-down\" down=\"db\"",
            false,
            "Rests on the document&#39;s facts F02, F03.",
        ),
        // The scenario's own assumption.
        (
            "scenario=\"cache-down\" ok=\"www.example.com\"",
            true,
            "the scenario “The cache is down”: The cache can fail on its own.",
        ),
        // A component's state names its cause.
        (
            "fail=\"db\" down=\"cache\"",
            true,
            "Checked against the model: With Database failing, Cache is down.",
        ),
    ];
    for (claim, assumed, words) in cases {
        let mark = mark(&engine, claim);
        assert_eq!(is_assumed(&mark), assumed, "{claim}: {mark}");
        assert!(mark.contains(words), "{claim}: {words:?} in {mark}");
    }
}

#[test]
fn a_state_claim_about_a_component_that_does_not_hold_says_why() {
    let engine = engine(SOURCED);
    let page = "{{#archsim claim fail=\"db\" ok=\"site\"}}\n";
    let errors = process_page(&engine, &PageOptions::default(), "page.md", page).unwrap_err();
    assert_eq!(errors.len(), 1);
    let error = errors[0].to_string();
    assert!(
        error.contains("the model says site is down, not ok (failing db, because of site → db)"),
        "{error}"
    );
    let page = "{{#archsim claim ok=\"nothing-here\"}}\n";
    let errors = process_page(&engine, &PageOptions::default(), "page.md", page).unwrap_err();
    assert!(
        errors[0]
            .to_string()
            .contains("unknown flow, host or component `nothing-here`"),
        "{}",
        errors[0]
    );
}

#[test]
fn a_long_list_of_assumptions_is_named_not_spelled_out() {
    let long = "x".repeat(mdbook_archsim::claim::MAX_SPELLED_OUT);
    let engine = engine(&format!("assumption = \"{long}\""));
    let claim = "{{#archsim claim ok=\"site\"}}";
    // (page, where the note sends the reader)
    let cases = [
        (claim.to_owned(), "is in the model."),
        (
            format!("{claim}\n\n{{{{#archsim assumptions}}}}"),
            "is on the Assumptions page.",
        ),
    ];
    for (page, there) in cases {
        let out = process_page(&engine, &PageOptions::default(), "page.md", &page)
            .unwrap_or_else(|e| panic!("{e:?}"));
        // The mark and its note, which ends the wrapper.
        let mark = &out[..out.find("</span></span>").map_or(out.len(), |i| i + 14)];
        assert!(is_assumed(mark), "{mark}");
        let words = format!(
            "Assumes, beyond the source document, what the model says of Site → Database. What each assumes, and what would settle it, {there}"
        );
        assert!(mark.contains(&words), "{words:?} in {mark}");
        assert!(
            !mark.contains(&long),
            "the long words are left to the page: {mark}"
        );
    }
}
