//! `archsim diff --format markdown`: the answer as a pull-request comment.
//!
//! A verdict line, a summary table, then one collapsible section
//! (`<details>`) per part with the rows of the terminal output. Every
//! string from a model goes through [`escape`]; only this module's own
//! words are written as Markdown or HTML.

use archsim_core::State;
use archsim_core::diff::{Assumptions, Change, Changes, Impact, Table};
use archsim_view::present::diff as words;

use crate::error::CliError;
use crate::render::{Style, shown};

/// The characters that could start Markdown or HTML inside a line of text
/// or break a table cell: code spans, emphasis, strikethrough, links and
/// images, raw HTML and entities, math, table pipes, and the backslash
/// itself.
const SPECIAL: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '(', ')', '<', '>', '|', '~', '&', '$', '!', '#',
];

/// An invisible break (a zero-width space, as an entity: the model's own
/// `&` is escaped, so only this module writes one): GitHub reads a
/// mention, an issue reference or a link only in unbroken text.
const BREAK: &str = "&#8203;";

/// `text` as plain words in Markdown and HTML: hidden characters (line
/// breaks, terminal escapes, bidi controls) written as their escape
/// (`\u{a}`), then each [`SPECIAL`] character after a backslash, which
/// CommonMark reads as that character, literally (in a table cell too).
/// The result starts no block and holds no markup, so it may stand in a
/// list item or a table cell.
///
/// And it pings no one and links nowhere, as a pull-request comment
/// could: a [`BREAK`] after each `@` (a mention, or an e-mail address),
/// after each `#` (an issue reference, `#12` or `owner/repo#12`), after
/// the word `GH` before `-` (`GH-12`), after a `:` followed by a visible
/// character (a URL's `scheme://`, an emoji's `:name:`) and after the word
/// `www` before `.` (GitHub's bare `www.` links). It reads the same; GitHub finds nothing
/// in it to act on.
///
/// Complexity: O(n).
pub fn escape(text: &str) -> String {
    let text = shown(text);
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if SPECIAL.contains(&c) {
            out.push('\\');
        }
        out.push(c);
        let next = chars.peek().map(|&(_, n)| n);
        // Whether the word `word` ends at `c` (ASCII, any case): no letter
        // or digit before it, as GitHub reads a reference or a link.
        let before = |word: &str| {
            let Some(from) = (at + 1).checked_sub(word.len()) else {
                return false;
            };
            let starts = !text.as_bytes()[..from]
                .last()
                .is_some_and(u8::is_ascii_alphanumeric);
            starts
                && text
                    .get(from..at + 1)
                    .is_some_and(|w| w.eq_ignore_ascii_case(word))
        };
        let breaks = match c {
            '@' | '#' => true,
            ':' => next.is_some_and(|n| !n.is_whitespace()),
            'h' | 'H' => next == Some('-') && before("gh"),
            'w' | 'W' => next == Some('.') && before("www"),
            _ => false,
        };
        if breaks {
            out.push_str(BREAK);
        }
    }
    out
}

/// A state in the core's words (`✖ down`), or `absent` on the side
/// without the flow.
fn state(s: Option<State>) -> String {
    s.map_or_else(|| words::ABSENT.to_owned(), |s| Style::plain().state(s))
}

/// One collapsible section: a summary of our own words and a body of
/// Markdown (blank lines around it, so GitHub renders it as Markdown).
fn details(out: &mut String, summary: &str, body: &str) {
    out.push_str("\n<details><summary>");
    out.push_str(summary);
    out.push_str("</summary>\n\n");
    out.push_str(body);
    out.push_str("\n</details>\n");
}

/// A table row from cells already escaped.
fn row(cells: &[&str]) -> String {
    ["| ", &cells.join(" | "), " |\n"].concat()
}

/// Each part of the comment and the book page that explains it, from the
/// book's root: the summary links them when the command is given the
/// book's address (`--book`).
pub const PAGES: [(&str, &str); 7] = [
    ("archsim diff", "reference/cli.html#diff"),
    ("flows that change state", "failures.html"),
    ("single points of failure", "spof.html"),
    ("placement audit", "placement.html"),
    ("DNS", "dns.html"),
    ("invariants broken", "reference/model-file.html#invariant"),
    ("assumptions", "assumptions.html"),
];

/// The book's address as `--book` gives it, checked: `http://` or
/// `https://`, then only characters that cannot end a Markdown link or
/// start markup (letters, digits, `-._~:/%`); with a final `/`.
pub fn book(url: &str) -> Result<String, CliError> {
    let plain = |c: char| c.is_ascii_alphanumeric() || "-._~:/%".contains(c);
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(rest) if !rest.is_empty() && rest.chars().all(plain) => {
            let slash = if url.ends_with('/') { "" } else { "/" };
            Ok([url, slash].concat())
        }
        _ => Err(CliError::usage(
            [
                "--book wants the book's address, `http://` or `https://` then letters, digits and `-._~:/%`; `",
                &shown(url),
                "` is not one",
            ]
            .concat(),
        )),
    }
}

/// A part's name, linked to its book page when the book's address is
/// known (`book`, from [`book`]).
fn part(book: Option<&str>, name: &str) -> String {
    let page = PAGES.iter().find(|(n, _)| *n == name).map(|(_, p)| *p);
    match (book, page) {
        (Some(book), Some(page)) => ["[", name, "](", book, page, ")"].concat(),
        _ => name.to_owned(),
    }
}

/// The pull-request comment; with the book's address, its summary links
/// each part to the page that explains it.
pub fn render(
    book: Option<&str>,
    verdict: &str,
    changes: &Changes,
    impact: &Impact,
    assumptions: &Assumptions,
    denied: &[&str],
) -> String {
    let mut out = ["**", &part(book, "archsim diff"), "**: ", verdict, "\n"].concat();
    if !denied.is_empty() {
        out.push_str("\n**denied**: the change introduces what `--deny` forbids: ");
        out.push_str(&denied.join(", "));
        out.push('\n');
    }
    if verdict == words::NO_CHANGE {
        return out;
    }
    summary(&mut out, book, changes, impact, assumptions);
    sections(&mut out, changes, impact, assumptions);
    out
}

/// The summary table: changes by table, then the impact.
fn summary(
    out: &mut String,
    book: Option<&str>,
    changes: &Changes,
    impact: &Impact,
    assumptions: &Assumptions,
) {
    out.push_str("\n| | added | removed | changed |\n|---|--:|--:|--:|\n");
    for table in Table::ALL {
        let count = |list: &[Change]| list.iter().filter(|e| e.table == table).count();
        let added = count(&changes.added);
        let removed = count(&changes.removed);
        let changed = changes.changed.iter().filter(|c| c.table == table).count();
        if added + removed + changed > 0 {
            out.push_str(&row(&[
                table.as_str(),
                &added.to_string(),
                &removed.to_string(),
                &changed.to_string(),
            ]));
        }
    }
    let flows = impact.flows_changing();
    let (spof_added, spof_removed) = impact.spof_counts();
    out.push_str(&row(&[
        &part(book, "flows that change state"),
        "",
        "",
        &flows.to_string(),
    ]));
    out.push_str(&row(&[
        &part(book, "single points of failure"),
        &spof_added.to_string(),
        &spof_removed.to_string(),
        "",
    ]));
    out.push_str(&row(&[
        &part(book, "placement audit"),
        "",
        "",
        &impact.placement.len().to_string(),
    ]));
    out.push_str(&row(&[
        &part(book, "DNS"),
        "",
        "",
        &impact.dns.len().to_string(),
    ]));
    let broken = impact.invariants.len().to_string();
    out.push_str(&row(&[&part(book, "invariants broken"), &broken, "", ""]));
    out.push_str(&row(&[
        &part(book, "assumptions"),
        &assumptions.added.len().to_string(),
        &assumptions.removed.len().to_string(),
        "",
    ]));
}

/// One collapsible section per part that has rows.
fn sections(out: &mut String, changes: &Changes, impact: &Impact, assumptions: &Assumptions) {
    let n = changes.len();
    if n > 0 {
        let mut body = String::new();
        for (sign, list) in [("added", &changes.added), ("removed", &changes.removed)] {
            for c in list {
                body.push_str(
                    &["- ", sign, " ", c.table.as_str(), " ", &escape(&c.id), "\n"].concat(),
                );
            }
        }
        for c in &changes.changed {
            let fields: Vec<String> = c.fields.iter().map(|f| escape(f)).collect();
            body.push_str(
                &[
                    "- changed ",
                    c.table.as_str(),
                    " ",
                    &escape(&c.id),
                    ": ",
                    &fields.join(", "),
                    "\n",
                ]
                .concat(),
            );
        }
        details(out, &["Changes (", &n.to_string(), ")"].concat(), &body);
    }
    if !impact.flows.is_empty() {
        let mut body = row(&["flow", "when", "before", "after", "because"]);
        body.push_str("|---|---|---|---|---|\n");
        for f in &impact.flows {
            let because: Vec<&str> = f.because.iter().map(String::as_str).collect();
            body.push_str(&row(&[
                &escape(&f.flow),
                &escape(&words::when(f)),
                &state(f.before),
                &state(f.after),
                &escape(&super::chain(&because)),
            ]));
        }
        let n = impact.flows_changing();
        details(
            out,
            &["Flows that change state (", &n.to_string(), ")"].concat(),
            &body,
        );
    }
    if !impact.spof.is_empty() {
        let mut body = row(&["flow", "added", "removed"]);
        body.push_str("|---|---|---|\n");
        for s in &impact.spof {
            let list = |ids: &[String]| escape(&ids.join(", "));
            body.push_str(&row(&[
                &escape(&s.flow),
                &list(&s.added),
                &list(&s.removed),
            ]));
        }
        details(out, "Single points of failure", &body);
    }
    if !impact.placement.is_empty() {
        let mut body = row(&["component", "before", "after", "reason"]);
        body.push_str("|---|---|---|---|\n");
        for p in &impact.placement {
            let reason = p.after.as_ref().and_then(|s| s.reason()).unwrap_or("");
            body.push_str(&row(&[
                &escape(&p.id),
                words::status(&p.before),
                words::status(&p.after),
                &escape(reason),
            ]));
        }
        details(
            out,
            &[
                "Placement audit (",
                &impact.placement.len().to_string(),
                ")",
            ]
            .concat(),
            &body,
        );
    }
    if !impact.dns.is_empty() {
        let mut body = row(&["host", "change"]);
        body.push_str("|---|---|\n");
        for d in &impact.dns {
            body.push_str(&row(&[&escape(&d.host), &words::dns_words(d, escape)]));
        }
        details(
            out,
            &["DNS (", &impact.dns.len().to_string(), ")"].concat(),
            &body,
        );
    }
    if !impact.invariants.is_empty() {
        let mut body = String::new();
        for b in &impact.invariants {
            let words = words::broken_words(b);
            body.push_str(&["- ", &escape(&b.invariant), " ", &escape(&words), "\n"].concat());
        }
        let n = impact.invariants.len().to_string();
        details(
            out,
            &["Invariants the change breaks (", &n, ")"].concat(),
            &body,
        );
    }
    if !assumptions.added.is_empty() || !assumptions.removed.is_empty() {
        let mut body = String::new();
        for (sign, list) in [
            ("added", &assumptions.added),
            ("removed", &assumptions.removed),
        ] {
            for a in list {
                body.push_str(
                    &[
                        "- ",
                        sign,
                        " ",
                        &escape(&a.about),
                        ": ",
                        &escape(&a.says),
                        "\n",
                    ]
                    .concat(),
                );
            }
        }
        details(out, "Assumptions", &body);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn model_strings_become_plain_words_in_markdown_and_html() {
        let cases = [
            ("search-index-prod", "search-index-prod"),
            ("a → b", "a → b"),
            ("", ""),
            // A table cell stays one cell.
            ("a|b", r"a\|b"),
            // No raw HTML, no entity.
            (
                "<script>alert(1)</script>",
                r"\<script\>alert\(1\)\</script\>",
            ),
            ("<details>", r"\<details\>"),
            ("&lt;b&gt;", r"\&lt;b\&gt;"),
            // No link, image or autolink in angle brackets.
            (
                "[ok](https://evil.example)",
                r"\[ok\]\(https:&#8203;//evil.example\)",
            ),
            ("![x](y)", r"\!\[x\]\(y\)"),
            ("<https://evil.example>", r"\<https:&#8203;//evil.example\>"),
            // No code span, emphasis, strikethrough or math.
            ("`code`", r"\`code\`"),
            ("*b* _i_ ~~s~~", r"\*b\* \_i\_ \~\~s\~\~"),
            ("$x$", r"\$x\$"),
            // A backslash stays itself and cannot undo an escape.
            (r"a\|b", r"a\\\|b"),
            // A line break cannot end the cell or start a block.
            // (The escape's backslash is escaped too: the reader sees `\u{a}`.)
            (
                "a\n# heading\n- item",
                r"a\\u{a}\#&#8203; heading\\u{a}- item",
            ),
            ("a\r\n|b", r"a\\u{d}\\u{a}\|b"),
            // Terminal escapes are shown, not sent.
            ("\u{1b}[31mRED", r"\\u{1b}\[31mRED"),
            // No one is pinged, no issue referenced, nothing linked.
            ("@octocat", "@&#8203;octocat"),
            ("ask @tomoda/sre", "ask @&#8203;tomoda/sre"),
            ("ops@tomoda.life", "ops@&#8203;tomoda.life"),
            ("#123", r"\#&#8203;123"),
            ("fixes owner/repo#7", r"fixes owner/repo\#&#8203;7"),
            ("GH-123 gh-4", "GH&#8203;-123 gh&#8203;-4"),
            ("https://evil.example/a", "https:&#8203;//evil.example/a"),
            ("HTTP://X.EXAMPLE", "HTTP:&#8203;//X.EXAMPLE"),
            ("ftp://x mailto:a", "ftp:&#8203;//x mailto:&#8203;a"),
            ("www.evil.example", "www&#8203;.evil.example"),
            ("WWW.Evil.example", "WWW&#8203;.Evil.example"),
            (":smile:", ":&#8203;smile:"),
            // In a code span's ticks, a mention is still broken and the
            // ticks are plain.
            ("`@x` ``", r"\`@&#8203;x\` \`\`"),
            // A string cannot write the break itself or undo it: its `&`
            // and `\` are plain.
            ("@&#8203;x", r"@&#8203;\&\#&#8203;8203;x"),
            (r"@\x", r"@&#8203;\\x"),
            // Ordinary words are untouched: a colon before a space, a
            // host without `www`, a word ending in `gh`.
            ("A proposal: kept", "A proposal: kept"),
            ("api.tomoda.life", "api.tomoda.life"),
            ("high-risk", "high-risk"),
            ("(gh-1)", r"\(gh&#8203;-1\)"),
            ("éwww.x", "éwww&#8203;.x"),
        ];
        for (input, want) in cases {
            assert_eq!(escape(input), want, "{input:?}");
            // Whatever the input, nothing GitHub acts on is left whole.
            let plain = want.replace(BREAK, "\u{200b}");
            for (at, c) in plain.match_indices(['@', '#']) {
                let after = plain[at + c.len()..].chars().next();
                assert_eq!(
                    after,
                    Some('\u{200b}'),
                    "{input:?}: {c} unbroken in {want:?}"
                );
            }
            assert!(!plain.contains("://"), "{input:?}: a URL in {want:?}");
            assert!(
                !plain.to_ascii_lowercase().contains("www."),
                "{input:?}: a bare link in {want:?}"
            );
        }
    }

    #[test]
    fn the_book_address_is_a_plain_http_url() {
        let cases = [
            (
                "https://docs.example/archsim",
                Some("https://docs.example/archsim/"),
            ),
            ("http://localhost:3000/", Some("http://localhost:3000/")),
            (
                "https://a.example/b%20c/~d_e",
                Some("https://a.example/b%20c/~d_e/"),
            ),
            ("ftp://docs.example/", None),
            ("docs.example", None),
            ("https://", None),
            // Nothing that ends the link or starts markup.
            ("https://x.example/a)b", None),
            ("https://x.example/<b>", None),
            ("https://x.example/a b", None),
            ("https://x.example/`a`", None),
            ("https://x.example/\u{202e}", None),
        ];
        for (url, want) in cases {
            assert_eq!(book(url).ok().as_deref(), want, "{url:?}");
        }
    }

    #[test]
    fn every_part_links_to_a_page_of_the_book_that_exists() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../book/src");
        // mdBook's anchor for a heading: letters, digits, `-` and `_`
        // kept (lower case), spaces as `-`, the rest dropped.
        let anchor = |heading: &str| -> String {
            heading
                .trim()
                .to_lowercase()
                .chars()
                .filter_map(|c| match c {
                    ' ' => Some('-'),
                    c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
                    _ => None,
                })
                .collect()
        };
        assert!(!PAGES.is_empty());
        for (name, page) in PAGES {
            let (file, fragment) = page.split_once('#').unwrap_or((page, ""));
            let md = root.join(file.replace(".html", ".md"));
            let text = std::fs::read_to_string(&md)
                .unwrap_or_else(|e| panic!("{name}: {} is not a page: {e}", md.display()));
            if !fragment.is_empty() {
                let anchors: Vec<String> = text
                    .lines()
                    .filter_map(|l| l.strip_prefix("## "))
                    .map(anchor)
                    .collect();
                assert!(
                    anchors.iter().any(|a| a == fragment),
                    "{name}: no #{fragment} in {anchors:?}"
                );
            }
            // And the summary names the part, linked.
            let linked = part(Some("https://b.example/"), name);
            assert_eq!(linked, format!("[{name}](https://b.example/{page})"));
            assert_eq!(part(None, name), name);
        }
    }

    #[test]
    fn a_long_hostile_string_costs_linear_time() {
        // Every `w` before a `.` looks back three bytes, never to the start.
        let text = "w.".repeat(200_000);
        let out = escape(&text);
        assert_eq!(out.len(), text.len(), "no `www.` in it: nothing added");
        let text = "www.".repeat(100_000);
        assert_eq!(escape(&text).matches(BREAK).count(), 100_000);
    }
}
