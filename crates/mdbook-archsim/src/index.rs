//! What the whole book claims: the first of the preprocessor's two passes.
//!
//! The Assumptions and Sources pages list, for each assumption and each
//! fact, the claims of the book that rest on it, wherever they stand. So
//! before any page is written, every claim of every chapter is checked
//! once, and the index keeps where it stands (its page and the anchor its
//! mark gets) and what its answer rests on. The second pass writes the
//! pages, the marks with their anchors and the two pages with their links.

use archsim_core::{Basis, Engine};

use crate::MAX_DIRECTIVES;
use crate::claim;
use crate::directive::{Piece, scan};

/// One page of the book, as the index and the links know it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageRef<'a> {
    /// The page's path relative to the book's source folder, as in
    /// `SUMMARY.md` (`providers/gcp.md`): where links point.
    pub path: &'a str,
    /// The page's title, as a link to it reads (`Google Cloud`).
    pub title: &'a str,
}

/// A claim of the book that holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClaimRef {
    /// Its page's path relative to the source folder.
    pub page: String,
    /// Its page's title.
    pub title: String,
    /// Its place among the page's claims, from 1.
    pub number: usize,
    /// The id of its mark.
    pub anchor: String,
    /// What was checked, in words.
    pub says: String,
    /// What its answer rests on.
    pub basis: Basis,
}

/// Every claim of the book that holds, in page order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BookIndex {
    /// The claims, page by page, each page's in order.
    pub claims: Vec<ClaimRef>,
    /// Whether a page of the book holds `{{#archsim assumptions}}` (a
    /// mark's note then points the reader there).
    pub assumptions_page: bool,
    /// The page that holds `{{#archsim sources}}`, if one does: answers
    /// link the facts they rest on to its rows.
    pub sources_page: Option<String>,
}

impl BookIndex {
    /// Check the claims of one page and add those that hold; the ones that
    /// fail are the second pass's to report.
    ///
    /// Complexity: the engine's work per claim, for at most
    /// [`MAX_DIRECTIVES`] directives (as the second pass reads).
    pub fn add_page(&mut self, engine: &Engine, page: PageRef<'_>, content: &str) {
        let mut number = 0;
        let directives = scan(content).into_iter().filter_map(|piece| match piece {
            Piece::Directive(d) => Some(Some(d)),
            Piece::Malformed { .. } => Some(None),
            Piece::Text(_) | Piece::Literal(_) => None,
        });
        for d in directives.take(MAX_DIRECTIVES).flatten() {
            if d.kind == "assumptions" {
                self.assumptions_page = true;
            }
            if d.kind == "sources" && self.sources_page.is_none() {
                self.sources_page = Some(page.path.to_owned());
            }
            if d.kind != "claim" {
                continue;
            }
            number += 1;
            let Ok(checked) = crate::expand::check_options(&d, &claim::options())
                .and_then(|()| claim::check(engine, &d))
            else {
                continue;
            };
            if checked.proposed.is_some() {
                // About a hypothetical model: not what the book's model
                // rests on (`Checked::proposed`).
                continue;
            }
            self.claims.push(ClaimRef {
                page: page.path.to_owned(),
                title: page.title.to_owned(),
                number,
                anchor: claim_anchor(page.path, number),
                says: checked.says,
                basis: checked.basis,
            });
        }
    }
}

/// The id of the `number`-th claim mark of the page at `path`
/// (`claim-providers-gcp-md-3`): unique in the whole book, as the print
/// page puts every chapter on one page, and stable while the page's
/// claims keep their order.
pub fn claim_anchor(path: &str, number: usize) -> String {
    format!("claim-{}-{number}", slug(path))
}

/// Text as an id fragment: ASCII letters and digits, lower case, anything
/// else one `-` (`src/providers/gcp.md` → `src-providers-gcp-md`).
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_owned()
}

/// The link from the page at `from` to the page at `to` (both relative to
/// the source folder, as in `SUMMARY.md`), as the HTML renderer writes
/// pages: `to`'s `.md` becomes `.html`, and the path climbs out of
/// `from`'s folder first. A link to the same page is empty (the fragment
/// alone).
pub fn href(from: &str, to: &str) -> String {
    if from == to {
        return String::new();
    }
    let from_dirs: Vec<&str> = folders(from);
    let to_parts: Vec<&str> = to.split('/').filter(|p| !p.is_empty()).collect();
    let (to_dirs, file) = to_parts.split_at(to_parts.len().saturating_sub(1));
    let shared = from_dirs
        .iter()
        .zip(to_dirs)
        .take_while(|(a, b)| a == b)
        .count();
    let mut out = "../".repeat(from_dirs.len() - shared);
    for dir in &to_dirs[shared..] {
        out.push_str(dir);
        out.push('/');
    }
    let file = file.first().copied().unwrap_or_default();
    match file.strip_suffix(".md") {
        Some(stem) => {
            out.push_str(stem);
            out.push_str(".html");
        }
        None => out.push_str(file),
    }
    out
}

/// The folders of a page's path, outermost first.
fn folders(path: &str) -> Vec<&str> {
    let mut parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
    parts.pop();
    parts
}

#[cfg(test)]
mod tests {
    use super::{claim_anchor, href, slug};

    #[test]
    fn links_climb_out_of_the_page_folder() {
        // (from, to, href)
        let cases = [
            ("assumptions.md", "failures.md", "failures.html"),
            ("assumptions.md", "providers/gcp.md", "providers/gcp.html"),
            (
                "reference/assumptions.md",
                "failures.md",
                "../failures.html",
            ),
            (
                "reference/assumptions.md",
                "providers/gcp.md",
                "../providers/gcp.html",
            ),
            ("reference/a.md", "reference/b.md", "b.html"),
            ("a/b/c.md", "a/d.md", "../d.html"),
            ("a/b/c.md", "a/b/c.md", ""),
            ("x.md", "x.md", ""),
        ];
        for (from, to, expected) in cases {
            assert_eq!(href(from, to), expected, "{from} → {to}");
        }
    }

    #[test]
    fn anchors_are_unique_per_page_and_number() {
        assert_eq!(
            claim_anchor("providers/gcp.md", 3),
            "claim-providers-gcp-md-3"
        );
        assert_ne!(claim_anchor("a.md", 12), claim_anchor("a.md", 1));
        assert_eq!(slug("--Ab c/é.md--"), "ab-c-md");
        assert_eq!(slug("é"), "");
    }
}
