//! The diff's answer as a pull-request comment (`archsim diff --format
//! markdown`, and the propose widget's "Copy as Markdown").
//!
//! A verdict line, a summary table, then one collapsible section
//! (`<details>`) per part, in the diff's words
//! ([`crate::present::diff`]). Every string from a model goes through
//! [`escape`]; only this module's own words are written as Markdown or
//! HTML.

use archsim_core::State;
use archsim_core::diff::{Assumptions, Change, Changes, Impact, Table};
use archsim_core::engine::RouteVerdict;

use super::escape;
use crate::present::diff::{self as words, ImpactParts, Section};

/// A state in the core's words (`✖ down`), or `absent` on the side
/// without the flow.
fn state(s: Option<State>) -> String {
    s.map_or_else(
        || words::ABSENT.to_owned(),
        |s| {
            let v = RouteVerdict::Resolves(s);
            [v.icon(), " ", v.word()].concat()
        },
    )
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

/// Why a flow is in its state, as the terminal writes it: ids joined by
/// arrows, or `-` when nothing is to blame.
fn chain(ids: &[String]) -> String {
    if ids.is_empty() {
        "-".to_owned()
    } else {
        ids.join(" → ")
    }
}

/// A section's title and how many rows it has: `Changes (3)`.
fn titled(section: Section, n: usize) -> String {
    [section.title(), " (", &n.to_string(), ")"].concat()
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
///
/// Returns: `None` when `url` is not such an address.
pub fn book(url: &str) -> Option<String> {
    let plain = |c: char| c.is_ascii_alphanumeric() || "-._~:/%".contains(c);
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    if rest.is_empty() || !rest.chars().all(plain) {
        return None;
    }
    let slash = if url.ends_with('/') { "" } else { "/" };
    Some([url, slash].concat())
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

/// The pull-request comment: the verdict, the findings `--deny` forbids
/// (`denied`, in the core's words), then, when anything changes, the
/// summary and the sections. With the book's address (`book`, from
/// [`book`]), the summary links each part to the page that explains it.
///
/// Complexity: linear in the parts' size.
pub fn comment(book: Option<&str>, parts: ImpactParts<'_>, denied: &[&str]) -> String {
    let (changes, impact, assumptions) = (parts.changes, parts.impact, parts.assumptions);
    let verdict = words::verdict(parts);
    let mut out = ["**", &part(book, "archsim diff"), "**: ", &verdict, "\n"].concat();
    if !denied.is_empty() {
        out.push_str("\n**denied**: the change introduces what `--deny` forbids: ");
        out.push_str(&denied.join(", "));
        out.push('\n');
    }
    if parts.is_empty() {
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
        details(out, &titled(Section::Changes, n), &body);
    }
    if !impact.flows.is_empty() {
        let mut body = row(&["flow", "when", "before", "after", "because"]);
        body.push_str("|---|---|---|---|---|\n");
        for f in &impact.flows {
            body.push_str(&row(&[
                &escape(&f.flow),
                &escape(&words::when(f)),
                &state(f.before),
                &state(f.after),
                &escape(&chain(&f.because)),
            ]));
        }
        let n = impact.flows_changing();
        details(out, &titled(Section::Flows, n), &body);
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
        details(out, Section::Spof.title(), &body);
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
            &titled(Section::Placement, impact.placement.len()),
            &body,
        );
    }
    if !impact.dns.is_empty() {
        let mut body = row(&["host", "change"]);
        body.push_str("|---|---|\n");
        for d in &impact.dns {
            body.push_str(&row(&[&escape(&d.host), &words::dns_words(d, escape)]));
        }
        details(out, &titled(Section::Dns, impact.dns.len()), &body);
    }
    if !impact.invariants.is_empty() {
        let mut body = String::new();
        for b in &impact.invariants {
            let words = words::broken_words(b);
            body.push_str(&["- ", &escape(&b.invariant), " ", &escape(&words), "\n"].concat());
        }
        let n = impact.invariants.len();
        details(out, &titled(Section::Invariants, n), &body);
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
        details(out, Section::Assumptions.title(), &body);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            assert_eq!(book(url).as_deref(), want, "{url:?}");
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
    fn the_comment_escapes_model_text_and_stops_at_no_change() {
        use archsim_core::diff::Changed;
        let (changes, impact, assumptions) = (
            Changes::default(),
            Impact::default(),
            Assumptions::default(),
        );
        let parts = ImpactParts {
            changes: &changes,
            impact: &impact,
            assumptions: &assumptions,
        };
        assert_eq!(comment(None, parts, &[]), "**archsim diff**: no change\n");
        let changes = Changes {
            changed: vec![Changed {
                table: Table::Component,
                id: "@team <b>".into(),
                fields: vec!["note"],
            }],
            ..Changes::default()
        };
        let text = comment(
            Some("https://b.example/"),
            ImpactParts {
                changes: &changes,
                ..parts
            },
            &["new-spof"],
        );
        for want in [
            "**[archsim diff](https://b.example/reference/cli.html#diff)**: 1 change, ",
            "\n**denied**: the change introduces what `--deny` forbids: new-spof\n",
            "| component | 0 | 0 | 1 |\n",
            "<details><summary>Changes (1)</summary>",
            "- changed component @&#8203;team \\<b\\>: note\n",
        ] {
            assert!(text.contains(want), "{want}\n{text}");
        }
    }
}
