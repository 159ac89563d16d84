//! Diagnostics rendered the way rustc renders them: a header, the location,
//! the source line with a caret under the span, and the hint.
//!
//! ```text
//! error[invariant]: record `assets.tomoda.life` is proxied: …
//!   --> model.toml:12:11
//!    |
//! 12 | proxied = true
//!    |           ^^^^
//!    |
//!    = hint: set `proxied = false`; …
//! ```

use archsim_core::diag::TOO_MANY_DIAGNOSTICS;
use archsim_core::text::push_visible;
use archsim_core::{Diagnostic, Severity};

use super::shown::shown;
use super::style::{Style, char_width};
use super::text::list;

/// How many characters of a source line are shown around the caret.
const WINDOW: usize = 100;

/// One diagnostic, ending with a blank line.
pub fn diagnostic(d: &Diagnostic, source: &str, style: Style) -> String {
    let label = format!("{}[{}]", d.severity.as_str(), d.code);
    let label = match d.severity {
        Severity::Error => style.error(&label),
        Severity::Warning => style.warning(&label),
    };
    let mut out = format!("{label}{} {}\n", style.bold(":"), style.bold(&d.message));
    let snippet = d.span.and_then(|span| {
        let line = source.lines().nth(d.line.checked_sub(1)?)?;
        let length = source
            .get(span.start..span.end.min(source.len()))
            .map_or(1, |s| s.lines().next().unwrap_or("").chars().count());
        Some(excerpt(line, d.column, length))
    });
    let gutter_width = match snippet {
        Some(_) => d.line.to_string().len(),
        None => 1,
    };
    let gutter = " ".repeat(gutter_width);
    let bar = style.dim("|");
    // A place in the file, even where there is no line to quote (an empty
    // file's error is at 1:1, as the JSON says).
    let file = shown(&d.file);
    let location = match d.span {
        Some(_) => format!("{file}:{}:{}", d.line, d.column),
        None => file.into_owned(),
    };
    out.push_str(&format!("{gutter}{} {location}\n", style.dim("-->")));
    if let Some((text, offset, carets)) = &snippet {
        let number = style.dim(&d.line.to_string());
        let carets = "^".repeat(*carets);
        let carets = match d.severity {
            Severity::Error => style.error(&carets),
            Severity::Warning => style.warning(&carets),
        };
        out.push_str(&format!("{gutter} {bar}\n"));
        out.push_str(&format!("{number} {bar} {text}\n"));
        out.push_str(&format!("{gutter} {bar} {}{carets}\n", " ".repeat(*offset)));
    }
    if let Some(hint) = &d.hint {
        if snippet.is_some() {
            out.push_str(&format!("{gutter} {bar}\n"));
        }
        out.push_str(&format!(
            "{gutter} {} {}\n",
            style.good("= hint:"),
            shown(hint)
        ));
    }
    out.push('\n');
    out
}

/// The displayed line, the column the caret starts at, and how many carets.
///
/// Tabs become four spaces, and what acts on a terminal (controls, bidi
/// controls) its escape, `\u{1b}`, so the caret lines up and nothing
/// hostile reaches the terminal. A long line is cut to a window around the caret, and the line
/// stops at the first undecodable byte after the span (binary noise is not
/// worth showing).
fn excerpt(line: &str, column: usize, length: usize) -> (String, usize, usize) {
    let chars: Vec<char> = line.chars().collect();
    let start_char = column.saturating_sub(1).min(chars.len());
    let (from, to) = if chars.len() <= WINDOW {
        (0, chars.len())
    } else {
        let from = start_char.saturating_sub(WINDOW / 3);
        (from, (from + WINDOW).min(chars.len()))
    };
    let mut text = String::new();
    let mut offset = 0;
    let mut carets = 0;
    if from > 0 {
        text.push('…');
        offset += 1;
    }
    let end = start_char + length.max(1);
    let mut cut = to < chars.len();
    for (i, &c) in chars.iter().enumerate().take(to).skip(from) {
        if i >= end && c == '\u{fffd}' {
            cut = true;
            break;
        }
        let mut shown = String::new();
        match c {
            '\t' => shown.push_str("    "),
            c => push_visible(&mut shown, c),
        }
        let width: usize = shown.chars().map(char_width).sum();
        if i < start_char {
            offset += width;
        } else if i < end {
            carets += width;
        }
        text.push_str(&shown);
    }
    if cut {
        text.push('…');
    }
    (text, offset, carets.max(1))
}

/// The closing line: how many errors and warnings, or that all is well.
pub fn summary(file: &str, diagnostics: &[Diagnostic], style: Style) -> String {
    let file = shown(file);
    // The core's last word past its cap stands for the findings it left
    // out: counted as "more", not as one more error.
    let (left_out, found): (Vec<_>, Vec<_>) = diagnostics
        .iter()
        .partition(|d| d.code == TOO_MANY_DIAGNOSTICS);
    let more = if left_out.is_empty() {
        ""
    } else {
        ", and more not shown"
    };
    let errors = found.iter().filter(|d| d.is_error()).count();
    let warnings = found.len() - errors;
    let count = |n: usize, what: &str| match n {
        1 => format!("1 {what}"),
        n => format!("{n} {what}s"),
    };
    if errors > 0 {
        let mut parts = vec![count(errors, "error")];
        if warnings > 0 {
            parts.push(count(warnings, "warning"));
        }
        format!(
            "{}{} {file} has {}{more}\n",
            style.error("error"),
            style.bold(":"),
            list(&parts)
        )
    } else if warnings > 0 {
        format!(
            "{}{} {file} has {}{more}\n",
            style.warning("warning"),
            style.bold(":"),
            count(warnings, "warning")
        )
    } else {
        format!("{} {file}: no errors, no warnings\n", style.good("✔ ok:"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use archsim_core::{Span, diag::Diagnostic};

    fn render(source: &str, start: usize, end: usize) -> String {
        let d = Diagnostic::at(
            Severity::Error,
            "test",
            "m.toml",
            source,
            Some(Span::new(start, end)),
            "bad",
        )
        .with_hint("fix it");
        diagnostic(&d, source, Style::plain())
    }

    #[test]
    fn caret_sits_under_the_span() {
        let source = "a = 1\nproxied = true\n";
        let start = source.find("true").unwrap();
        assert_eq!(
            render(source, start, start + 4),
            "error[test]: bad\n --> m.toml:2:11\n  |\n2 | proxied = true\n  |           ^^^^\n  |\n  = hint: fix it\n\n"
        );
    }

    #[test]
    fn an_empty_file_still_names_its_place() {
        assert_eq!(
            render("", 0, 0),
            "error[test]: bad\n --> m.toml:1:1\n  = hint: fix it\n\n"
        );
    }

    #[test]
    fn tabs_control_characters_and_long_lines_keep_the_caret_aligned() {
        let cases: [(&str, &str, &str); 6] = [
            ("\tx = 1", "x", "    x = 1\n  |     ^"),
            ("a\u{1}b", "b", "a\\u{1}b\n  |       ^"),
            ("\u{1b}[2Kx", "x", "\\u{1b}[2Kx\n  |          ^"),
            ("\u{202e}x", "x", "\\u{202e}x\n  |         ^"),
            ("é = ü", "ü", "é = ü\n  |     ^"),
            ("名前 = x", "x", "名前 = x\n  |        ^"),
        ];
        for (source, target, expected) in cases {
            let start = source.find(target).unwrap();
            let out = render(source, start, start + target.len());
            assert!(out.contains(expected), "{source:?}:\n{out}");
        }
        let long = format!("{}x", "y".repeat(500));
        let out = render(&long, 500, 501);
        let shown = out.lines().nth(3).unwrap();
        assert!(
            shown.starts_with("1 | …") && shown.ends_with('x'),
            "{shown}"
        );
        let caret = out.lines().nth(4).unwrap();
        let column = |line: &str, c: char| line.chars().position(|x| x == c);
        assert_eq!(column(caret, '^'), column(shown, 'x'), "{out}");
    }

    #[test]
    fn undecodable_noise_after_the_span_is_cut() {
        let source = "a = 1 \u{fffd}\u{fffd} zzz";
        let out = render(source, 6, 7);
        assert!(out.contains("1 | a = 1 \u{fffd}…\n  |       ^\n"), "{out}");
    }

    #[test]
    fn summaries_count_errors_and_warnings() {
        let d = |severity| Diagnostic::at(severity, "c", "f", "", None, "m");
        let cases = [
            (vec![], "✔ ok: f: no errors, no warnings\n"),
            (vec![d(Severity::Error)], "error: f has 1 error\n"),
            (
                vec![d(Severity::Error), d(Severity::Error), d(Severity::Warning)],
                "error: f has 2 errors and 1 warning\n",
            ),
            (vec![d(Severity::Warning)], "warning: f has 1 warning\n"),
            (
                vec![
                    d(Severity::Error),
                    Diagnostic::at(Severity::Error, TOO_MANY_DIAGNOSTICS, "f", "", None, "m"),
                ],
                "error: f has 1 error, and more not shown\n",
            ),
        ];
        for (diagnostics, expected) in cases {
            assert_eq!(summary("f", &diagnostics, Style::plain()), expected);
        }
    }
}
