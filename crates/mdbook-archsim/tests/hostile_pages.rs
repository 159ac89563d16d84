//! A page written to be slow is not: the directive scanner does linear
//! work, and what a page may ask for is bounded, with a located error past
//! each bound. And what a page says reaches mdBook's error output as
//! text, never as terminal control.
//!
//! No clock is read: each page is large enough that the quadratic scanner
//! this replaces took many seconds (see the cases), and the assertions are
//! on what the scanner found.

use archsim_core::Engine;
use mdbook_archsim::directive::{MAX_PARTS, Piece, scan};
use mdbook_archsim::error::{BuildErrors, MAX_SHOWN_CHARS, MAX_SHOWN_ERRORS, PageError, Problem};
use mdbook_archsim::{MAX_DIRECTIVES, PageOptions, process_page};

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

#[test]
fn a_page_holds_a_bounded_number_of_directives() {
    let engine = Engine::tomoda().unwrap();
    let page = "{{#archsim table rules}}\n".repeat(MAX_DIRECTIVES + 500);
    let errors = process_page(&engine, &PageOptions::default(), "many.md", &page)
        .expect_err("too many directives");
    let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [format!(
            "many.md:{}: the page has more than {MAX_DIRECTIVES} directives; the rest are not read (hint: split the page)",
            MAX_DIRECTIVES + 1
        )]
    );
    let fine = "{{#archsim table rules}}\n".repeat(MAX_DIRECTIVES);
    assert!(process_page(&engine, &PageOptions::default(), "ok.md", &fine).is_ok());
}

#[test]
fn errors_show_control_characters_as_escapes() {
    // A page quoting a terminal escape (clear the screen, set the title)
    // in a value the error echoes.
    let engine = Engine::tomoda().unwrap();
    let page = "{{#archsim fail scenario=\"\u{1b}[2J\u{1b}]0;owned\u{7}x\"}}";
    let errors = process_page(&engine, &PageOptions::default(), "esc\u{1b}.md", page)
        .expect_err("no such scenario");
    let shown = BuildErrors(errors).to_string();
    assert!(!shown.chars().any(char::is_control), "{shown:?}");
    assert!(
        shown.starts_with("esc\\u{1b}.md:1: unknown scenario `\\u{1b}[2J\\u{1b}]0;owned\\u{7}x`"),
        "{shown}"
    );
}

#[test]
fn a_build_shows_a_bounded_number_of_errors_each_of_bounded_length() {
    let long = "x".repeat(5 * MAX_SHOWN_CHARS);
    let errors: Vec<PageError> = (1..=MAX_SHOWN_ERRORS + 50)
        .map(|line| Problem::new(format!("unknown `{long}`")).at("p.md", line))
        .collect();
    let shown = BuildErrors(errors).to_string();
    let lines: Vec<&str> = shown.lines().collect();
    assert_eq!(lines.len(), MAX_SHOWN_ERRORS + 1);
    assert_eq!(lines[MAX_SHOWN_ERRORS], "and 50 more");
    for line in &lines[..MAX_SHOWN_ERRORS] {
        assert!(line.ends_with('…'), "{line}");
        assert!(line.chars().count() < MAX_SHOWN_CHARS + 20, "{line}");
    }
}

#[test]
fn the_reference_states_the_limits() {
    let reference = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../book/src/reference/directives.md"),
    )
    .unwrap()
    .split_whitespace()
    .collect::<Vec<_>>()
    .join(" ");
    let thousands = |n: usize| {
        let s = n.to_string();
        if (1_000..10_000).contains(&n) {
            format!("{},{}", &s[..s.len() - 3], &s[s.len() - 3..])
        } else {
            s
        }
    };
    let rows = [
        format!(
            "| {} MiB, as for `archsim` |",
            archsim_core::load::MAX_MODEL_BYTES >> 20
        ),
        format!(
            "| {} MiB | | directives",
            mdbook_archsim::MAX_BOOK_BYTES >> 20
        ),
        format!("| directives on one page | {} |", thousands(MAX_DIRECTIVES)),
        format!(
            "| one page, its directives expanded | {} MiB |",
            mdbook_archsim::MAX_PAGE_BYTES >> 20
        ),
        format!("| words and options in one directive | {MAX_PARTS} |"),
        format!("at most {MAX_SHOWN_ERRORS} errors"),
        format!("at most {} characters", thousands(MAX_SHOWN_CHARS)),
    ];
    for row in rows {
        assert!(
            reference.contains(&row),
            "the reference does not say {row:?}"
        );
    }
}
