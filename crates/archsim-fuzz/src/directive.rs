//! `directive`: the book's `{{#archsim …}}` scanner.

use mdbook_archsim::directive::{OPEN, Piece, scan};
use mdbook_archsim::error::Problem;

/// The scanned pieces rebuild the page exactly.
///
/// Text and escaped directives are slices of the page, in order and never
/// overlapping. What lies between two slices is the backslash of an escape
/// and the directives (well-formed or not) scanned there: each starts with
/// `{{#archsim`, and scanning that stretch alone (then a blank line) gives
/// the same pieces (up to the first broken directive, whose reach depends
/// on what follows it),
/// their lines shifted by where it starts (a malformed directive's
/// explanation and line aside: its line is one of the page's from where
/// it starts). So every byte of the page is in
/// exactly one piece, and nothing is read twice or lost.
pub fn check_directive(data: &[u8]) {
    let page = String::from_utf8_lossy(data);
    let pieces = scan(&page);
    let base = page.as_ptr() as usize;
    let mut at = 0; // end of the last slice
    let mut run: Vec<Piece<'_>> = Vec::new(); // directives since then
    for piece in pieces {
        let (slice, literal) = match &piece {
            Piece::Text(s) => (*s, false),
            Piece::Literal(s) => (*s, true),
            Piece::Directive(_) | Piece::Malformed { .. } => {
                run.push(piece);
                continue;
            }
        };
        let start = (slice.as_ptr() as usize).wrapping_sub(base);
        assert!(
            start >= at && start + slice.len() <= page.len(),
            "piece {slice:?} at {start} is not in the page after byte {at}"
        );
        assert!(!slice.is_empty(), "an empty piece at {start}");
        let mut gap = &page[at..start];
        if literal {
            assert!(slice.starts_with(OPEN), "literal {slice:?}");
            gap = gap
                .strip_suffix('\\')
                .unwrap_or_else(|| panic!("literal at {start} without its backslash"));
        }
        check_gap(&page, at, gap, &std::mem::take(&mut run));
        at = start + slice.len();
    }
    check_gap(&page, at, &page[at..], &run);
}

/// `gap` (at byte `at` of `page`) holds exactly the directives of `run`.
fn check_gap(page: &str, at: usize, gap: &str, run: &[Piece<'_>]) {
    if run.is_empty() {
        assert!(gap.is_empty(), "{gap:?} at byte {at} is in no piece");
        return;
    }
    assert!(gap.starts_with(OPEN), "directive text {gap:?} at byte {at}");
    let shift = page[..at].bytes().filter(|&b| b == b'\n').count();
    let lines = page.bytes().filter(|&b| b == b'\n').count() + 1;
    for piece in run {
        if let Piece::Malformed { line, .. } = piece {
            assert!(
                (shift + 1..=lines).contains(line),
                "a malformed directive at byte {at} (line {}) reported on line {line}",
                shift + 1
            );
        }
    }
    // A paragraph break after it, as a page has after a broken directive
    // (`{{#archsim` at the very end of a page is text, not a directive).
    let padded = format!("{gap}\n\n");
    let mut alone: Vec<Piece<'_>> = scan(&padded)
        .into_iter()
        .map(|p| shifted(p, shift))
        .collect();
    if let Some(Piece::Text(t)) = alone.last()
        && t.trim().is_empty()
    {
        alone.pop();
    }
    // How far a broken directive reaches depends on what follows it (a
    // quote it opened may close later in the page, or never), so pieces
    // are compared up to and including the first broken one.
    let upto = |pieces: &[Piece<'_>]| -> Vec<Piece<'static>> {
        let end = pieces
            .iter()
            .position(|p| matches!(p, Piece::Malformed { .. }))
            .map_or(pieces.len(), |i| i + 1);
        pieces[..end].iter().map(unworded).collect()
    };
    assert_eq!(
        upto(&alone),
        upto(run),
        "{gap:?} at byte {at}, scanned alone"
    );
}

/// A piece without a malformed directive's explanation and line, which may
/// name what follows it: the token that broke it is left to the text after
/// it (a stray backslash, a `{` on the next line).
fn unworded(piece: &Piece<'_>) -> Piece<'static> {
    match piece {
        Piece::Directive(d) => Piece::Directive(d.clone()),
        Piece::Malformed { .. } => Piece::Malformed {
            line: 0,
            problem: Problem {
                message: String::new(),
                hint: None,
            },
        },
        Piece::Text(_) | Piece::Literal(_) => Piece::Text(""),
    }
}

fn shifted(piece: Piece<'_>, by: usize) -> Piece<'_> {
    match piece {
        Piece::Directive(mut d) => {
            d.line += by;
            for (_, line) in &mut d.words {
                *line += by;
            }
            for o in &mut d.options {
                o.line += by;
            }
            Piece::Directive(d)
        }
        Piece::Malformed { line, problem } => Piece::Malformed {
            line: line + by,
            problem,
        },
        other => other,
    }
}
