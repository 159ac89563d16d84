//! The Assumptions and Sources pages: what they list is the model's, what
//! leans on each row is the engine's, and their links reach the claims
//! from any page depth.

use std::path::Path;

use archsim_core::{Engine, TOMODA_MODEL};
use mdbook_archsim::{PageOptions, process_book, process_page};
use mdbook_preprocessor::book::{Book, BookItem, Chapter};

const MINI: &str = include_str!("models/mini.toml");

/// The small model, its site → db edge assumed (with where to settle it).
fn mini() -> Engine {
    let text = MINI.replace(
        "EDGE_SOURCE",
        "assumption = \"The site reads the database.\"\nsettle = \"app/db.yml\"",
    );
    Engine::from_str("mini.toml", &text).unwrap_or_else(|d| panic!("{d:#?}"))
}

/// A book of (path, title, content) chapters, expanded.
fn build(engine: &Engine, chapters: &[(&str, &str, &str)]) -> Vec<(String, String)> {
    let items = chapters
        .iter()
        .map(|(path, title, content)| {
            BookItem::Chapter(Chapter::new(
                title,
                (*content).to_owned(),
                *path,
                Vec::new(),
            ))
        })
        .collect();
    let book = process_book(
        engine,
        &PageOptions::default(),
        Path::new("src"),
        Book::new_with_items(items),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    book.chapters()
        .map(|c| {
            let path = c.path.as_ref().unwrap().display().to_string();
            (path, c.content.clone())
        })
        .collect()
}

/// The `<tr id="…">…</tr>` of a generated table, without the `<wbr>`
/// that let codes wrap.
fn row(page: &str, id: &str) -> String {
    let open = format!("<tr id=\"{id}\">");
    let start = page
        .find(&open)
        .unwrap_or_else(|| panic!("no row {id} in {page}"));
    let end = start + page[start..].find("</tr>").unwrap();
    page[start..end].replace("<wbr>", "")
}

/// Every `href` on a page.
fn hrefs(page: &str) -> Vec<&str> {
    page.match_indices("href=\"")
        .map(|(i, m)| {
            let rest = &page[i + m.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect()
}

/// (row id, about, says, settled by, words that lean on it, words that do not)
type RowCase = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);

#[test]
fn every_assumption_has_a_row_with_what_leans_on_it() {
    let engine = mini();
    let site = build(
        &engine,
        &[
            (
                "site.md",
                "The site",
                "Ok {{#archsim claim ok=\"www.example.com\"}}. \
                 The zone {{#archsim claim dns=\"www.example.com\" writer=\"hand\"}}.",
            ),
            (
                "cache/region.md",
                "The cache",
                "Region {{#archsim claim scenario=\"region-down\" fails=\"cache\"}}.",
            ),
            ("assumptions.md", "Assumptions", "{{#archsim assumptions}}"),
        ],
    );
    let page = &site[2].1;
    let cases: [RowCase; 4] = [
        (
            "assumption-site-db",
            "<code>site → db</code>",
            "The site reads the database.",
            "<code>app/db.yml</code>",
            &[
                "Flows: <code>www.example.com</code>",
                "Scenarios: <code>cache-down</code>",
                "The site: <a href=\"site.html#claim-site-md-1\"",
            ],
            &["claim-site-md-2", "region-down", "claim-cache-region-md-1"],
        ),
        (
            "assumption-cache",
            "<code>cache</code>",
            "The document names no cache",
            "<code>infra/cache.tf</code>",
            // No flow needs the cache, so no flow's answer reads it, even
            // with the cache failed.
            &["The cache: <a href=\"cache/region.html#claim-cache-region-md-1\""],
            &["Flows:", "Scenarios:", "claim-site-md"],
        ),
        (
            "assumption-cache-region",
            "<code>cache (region)</code>",
            "r1 is assumed.",
            "<code>infra/cache.tf</code>",
            &["The cache: <a href=\"cache/region.html#claim-cache-region-md-1\""],
            &["Flows:", "Scenarios:"],
        ),
        (
            "assumption-scenario-cache-down",
            "<code>scenario cache-down</code>",
            "The cache can fail on its own.",
            "not said",
            &["Scenarios: <code>cache-down</code>"],
            &["Flows:", "claim-"],
        ),
    ];
    for (id, about, says, settle, leaning, not_leaning) in cases {
        let row = row(page, id);
        for words in [about, says, settle].iter().chain(leaning) {
            assert!(row.contains(words), "{id}: {words:?} in {row}");
        }
        for words in not_leaning {
            assert!(!row.contains(words), "{id}: not {words:?} in {row}");
        }
    }
    assert_eq!(
        page.matches("<tr id=\"assumption-").count(),
        4,
        "one row per assumption: {page}"
    );
    assert!(
        page.contains("4 assumptions. 2 of the book&#39;s 3 claims rest on at least one of them.")
    );
}

#[test]
fn links_to_claims_work_from_every_page_depth() {
    let engine = mini();
    let claim = "{{#archsim claim ok=\"www.example.com\"}}";
    // (where the pages stand, where the claim stands, the link they write)
    let cases = [
        ("assumptions.md", "a.md", "a.html#claim-a-md-1"),
        (
            "assumptions.md",
            "deep/er/a.md",
            "deep/er/a.html#claim-deep-er-a-md-1",
        ),
        ("reference/assumptions.md", "a.md", "../a.html#claim-a-md-1"),
        (
            "reference/assumptions.md",
            "reference/a.md",
            "a.html#claim-reference-a-md-1",
        ),
        (
            "x/y/assumptions.md",
            "x/z/a.md",
            "../z/a.html#claim-x-z-a-md-1",
        ),
        (
            "assumptions.md",
            "assumptions.md",
            "#claim-assumptions-md-1",
        ),
    ];
    for (pages_at, claim_at, link) in cases {
        let pages = "{{#archsim assumptions}}\n\n{{#archsim sources}}";
        let mut chapters = vec![(claim_at, "Claims", claim)];
        if pages_at == claim_at {
            chapters[0].2 = "{{#archsim claim ok=\"www.example.com\"}}\n\n{{#archsim assumptions}}\n\n{{#archsim sources}}";
        } else {
            chapters.push((pages_at, "Pages", pages));
        }
        let site = build(&engine, &chapters);
        let (_, page) = site.iter().find(|(p, _)| p == pages_at).unwrap();
        let links = hrefs(page);
        assert!(!links.is_empty(), "{pages_at}: links");
        assert!(
            links.iter().all(|l| *l == link),
            "{pages_at} → {claim_at}: {links:?}, not {link}"
        );
        // The mark has the id the link names.
        let (_, claims) = site.iter().find(|(p, _)| p == claim_at).unwrap();
        let anchor = link.split('#').nth(1).unwrap();
        assert!(claims.contains(&format!("id=\"{anchor}\"")), "{claims}");
    }
}

#[test]
fn every_declared_fact_is_carried_and_every_named_fact_declared() {
    let engine = mini();
    let site = build(
        &engine,
        &[
            ("sources.md", "Sources", "{{#archsim sources}}"),
            (
                "claims.md",
                "Claims",
                "{{#archsim claim fail=\"db\" down=\"db\"}}",
            ),
        ],
    );
    let page = &site[0].1;
    let model = engine.model();
    assert_eq!(page.matches("<tr id=\"fact-").count(), model.facts.len());
    // (fact, its words, carriers, resting claims)
    let cases: [(&str, &str, &[&str], &[&str]); 3] = [
        (
            "fact-f01",
            "The zone example.com resolves www.example.com to the site.",
            &[
                "zone example.com",
                "<code>zone</code>",
                "writer hand",
                "record www.example.com",
            ],
            &[],
        ),
        (
            "fact-f02",
            "The site runs in region r1 of the cloud.",
            &[
                "provider cloud",
                "region r1",
                "<code>site</code>",
                "scenario region-down",
            ],
            &[],
        ),
        (
            "fact-f03",
            "The database keeps the site&#39;s data.",
            &["<code>db</code>", "<code>cache → db</code>"],
            &["Claims: <a href=\"claims.html#claim-claims-md-1\""],
        ),
    ];
    for (id, says, carriers, claims) in cases {
        let row = row(page, id);
        for words in [says].iter().chain(carriers).chain(claims) {
            assert!(row.contains(words), "{id}: {words:?} in {row}");
        }
        if claims.is_empty() {
            assert!(
                row.ends_with("<td data-label=\"Claims resting on it\">none</td>"),
                "{row}"
            );
        }
    }

    // A fact no entry carries stops the page.
    let uncarried = MINI.replace("EDGE_SOURCE", "facts = [\"F03\"]").replace(
        "[[fact]]\nid = \"F01\"",
        "[[fact]]\nid = \"F09\"\nsays = \"Said, and carried by nothing.\"\n\n[[fact]]\nid = \"F01\"",
    );
    let engine = Engine::from_str("mini.toml", &uncarried).unwrap();
    let errors = process_page(
        &engine,
        &PageOptions::default(),
        "s.md",
        "{{#archsim sources}}",
    )
    .unwrap_err();
    assert!(
        errors[0]
            .to_string()
            .contains("s.md:1: fact F09 is declared, but no entry of the model carries it"),
        "{}",
        errors[0]
    );

    // A fact an entry names and the model does not declare stops it too
    // (the loader refuses such a model; one built in memory can hold it).
    let mut model = mini().model().clone();
    model.components[1].provenance.facts.push("F77".to_owned());
    let engine = Engine::new(model, Vec::new());
    let errors = process_page(
        &engine,
        &PageOptions::default(),
        "s.md",
        "{{#archsim sources}}",
    )
    .unwrap_err();
    assert!(
        errors[0]
            .to_string()
            .contains("site names fact F77, which the model does not declare"),
        "{}",
        errors[0]
    );
}

#[test]
fn the_shipped_model_lists_every_fact_it_names_each_with_a_carrier() {
    let engine = Engine::tomoda().unwrap();
    let page = process_page(
        &engine,
        &PageOptions::for_model(TOMODA_MODEL, engine.model()),
        "sources.md",
        "{{#archsim sources}}",
    )
    .unwrap_or_else(|e| panic!("{e:?}"));
    let model = engine.model();
    let mut named: Vec<&str> = model.facts.iter().map(|f| f.id.as_str()).collect();
    for c in &model.components {
        named.extend(c.provenance.facts.iter().map(String::as_str));
    }
    for e in &model.edges {
        named.extend(e.provenance.facts.iter().map(String::as_str));
    }
    named.sort_unstable();
    named.dedup();
    assert!(named.len() >= 20, "the model names its facts: {named:?}");
    for fact in named {
        let id = format!("fact-{}", fact.to_ascii_lowercase());
        let row = row(&page, &id);
        // Its carriers, folded under a count when they are many.
        let carriers = row
            .split("data-label=\"Carried by\">")
            .nth(1)
            .unwrap_or_default();
        let carriers = carriers
            .split_once("</summary>")
            .map_or(carriers, |(_, list)| list);
        assert!(
            carriers.starts_with("<code>"),
            "{fact} has no carrier: {row}"
        );
    }
}

#[test]
fn hostile_words_reach_the_pages_as_text() {
    const SCRIPT: &str = "<script>alert(1)</script>";
    const INCLUDE: &str = "{{#include /etc/passwd}}";
    let replacements = [
        (
            "EDGE_SOURCE",
            format!("assumption = \"{SCRIPT}\"\nsettle = \"{INCLUDE}\""),
        ),
        (
            "says = \"The site runs in region r1 of the cloud.\"",
            format!("says = \"{SCRIPT} {INCLUDE}\""),
        ),
        ("r1 is assumed.", format!("{INCLUDE} <img src=x>")),
        (
            "settle = \"infra/cache.tf\"",
            format!("settle = \"{SCRIPT}\""),
        ),
    ];
    let mut text = MINI.to_owned();
    for (from, to) in replacements {
        assert!(text.contains(from), "{from}");
        text = text.replacen(from, &to, 1);
    }
    let engine = Engine::from_str("hostile.toml", &text).unwrap_or_else(|d| panic!("{d:#?}"));
    let options = PageOptions::for_model(&text, engine.model());
    let page = "{{#archsim assumptions}}\n\n{{#archsim sources}}\n\n\
                {{#archsim claim ok=\"www.example.com\"}} {{#archsim claim component=\"cache\" region=\"r1\"}}\n";
    let out =
        process_page(&engine, &options, "hostile.md", page).unwrap_or_else(|e| panic!("{e:?}"));
    let markup = &out[out.find("</script>").map_or(0, |i| i + 9)..];
    for raw in ["<script", "<img", "{{"] {
        assert!(
            !markup.contains(raw),
            "raw `{raw}` reached the page: {markup}"
        );
    }
    // Each hostile string is on the page, as text: in the rows and the notes.
    assert!(
        markup
            .matches("&lt;script&gt;alert(1)&lt;/script&gt;")
            .count()
            >= 4,
        "{markup}"
    );
    assert!(
        markup.matches("&#123;&#123;#include /etc/passwd}}").count() >= 3,
        "{markup}"
    );
}

#[test]
fn a_model_that_restates_no_fact_lists_the_numbers_it_names_in_order() {
    // No [[fact]]; the zone names F03 first, so the numbers are met out of
    // order and the page sorts them.
    let mut text = MINI.replace("EDGE_SOURCE", "facts = [\"F03\"]");
    let facts_start = text.find("[[fact]]").unwrap();
    let facts_end = text.find("[[provider]]").unwrap();
    text.replace_range(facts_start..facts_end, "");
    let text = text.replacen(
        "component = \"zone\"\nfacts = [\"F01\"]",
        "component = \"zone\"\nfacts = [\"F03\"]",
        1,
    );
    let engine = Engine::from_str("mini.toml", &text).unwrap_or_else(|d| panic!("{d:#?}"));
    assert!(engine.model().facts.is_empty());
    let page = process_page(
        &engine,
        &PageOptions::for_model(&text, engine.model()),
        "sources.md",
        "{{#archsim sources}}\n\n{{#archsim claim fail=\"db\" down=\"db\"}}",
    )
    .unwrap_or_else(|e| panic!("{e:?}"));
    let order: Vec<usize> = ["fact-f01", "fact-f02", "fact-f03"]
        .iter()
        .map(|id| page.find(&format!("<tr id=\"{id}\">")).unwrap())
        .collect();
    assert!(order.is_sorted(), "{page}");
    // The claim rests on the database alone (F03), and is listed there only.
    // (fact, carriers, lists the claim?)
    let cases = [
        ("fact-f01", "<code>writer hand</code>", false),
        ("fact-f02", "<code>provider cloud</code>", false),
        ("fact-f03", "<code>zone example.com</code>", true),
    ];
    for (id, carrier, claim) in cases {
        let row = row(&page, id);
        assert!(row.contains("not restated by the model"), "{row}");
        assert!(row.contains(carrier), "{id}: {carrier} in {row}");
        assert_eq!(row.contains("#claim-sources-md-1"), claim, "{id}: {row}");
    }
}
