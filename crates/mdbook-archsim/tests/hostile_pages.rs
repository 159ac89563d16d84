//! A page written to be slow is not: the directive scanner does linear
//! work, and what a page may ask for is bounded, with a located error past
//! each bound.
//!
//! No clock is read: each page is large enough that the quadratic scanner
//! this replaces took many seconds (see the cases), and the assertions are
//! on what the scanner found.

use mdbook_archsim::directive::{MAX_PARTS, Piece, scan};

/// `(line, message)` of every malformed piece.
fn problems(text: &str) -> Vec<(usize, String)> {
    scan(text)
        .into_iter()
        .filter_map(|p| match p {
            Piece::Malformed { line, problem } => Some((line, problem.message)),
            _ => None,
        })
        .collect()
}

#[test]
fn unclosed_openers_do_not_each_search_the_rest_of_the_page() {
    // Each broken opener looked for its `}}` up to the paragraph's end,
    // here the page's end: 50,000 searches of 300 KB on average.
    let n = 50_000;
    let page = "{{#archsim <\n".repeat(n);
    let found = problems(&page);
    assert_eq!(found.len(), n);
    for (i, (line, message)) in found.iter().enumerate() {
        assert_eq!(*line, i + 1);
        assert_eq!(message, "unexpected `<` in the directive");
    }
}

#[test]
fn escaped_broken_directives_do_not_recount_lines_from_the_start() {
    // An escaped directive that does not parse is text, and the scanner
    // reads on inside it, behind where it had counted lines to: the line
    // counter started again from the page's first byte, once per directive.
    let n = 40_000;
    let page = "\\{{#archsim route host=\"{{#archsim x\" a <\n".repeat(n);
    let found = problems(&page);
    assert_eq!(found.len(), n, "the inner directive of each line is broken");
    for (i, (line, message)) in found.iter().enumerate() {
        assert_eq!(*line, i + 1, "{message}");
    }
}

#[test]
fn a_directive_holds_a_bounded_number_of_options() {
    // Each option was compared with every earlier one (given twice?).
    let n = 100_000;
    let mut page = String::from("{{#archsim map");
    for i in 0..n {
        page.push_str(&format!("\nk{i}=\"\""));
    }
    page.push_str("}}\nafter");
    let found = problems(&page);
    assert_eq!(
        found,
        [(
            MAX_PARTS + 2,
            format!("the directive has more than {MAX_PARTS} words and options")
        )]
    );
    // Scanning goes on after the directive's `}}`.
    assert!(matches!(scan(&page).last(), Some(Piece::Text("\nafter"))));
}
