//! Build the whole book with the real `mdbook` and this crate's binary, and
//! check the result: every widget has its fallback, no directive is left
//! unexpanded, and nothing is loaded from another site.
//!
//! Needs `mdbook` 0.5 on PATH or in `~/.cargo/bin`; `cargo xtask test`
//! installs it (`cargo install --locked mdbook --version 0.5.4`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

mod common;

fn book_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../book")
}

/// Build the book into a fresh folder of its own (tests run at once);
/// returns the folder.
fn build(folder: &str) -> PathBuf {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join(folder);
    let started = Instant::now();
    let output = common::mdbook_build(&book_dir(), &out);
    // A figure for the README, not a pass/fail criterion (speed is measured elsewhere).
    eprintln!("mdbook build took {:.2?}", started.elapsed());
    assert!(
        output.status.success(),
        "mdbook build failed:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    out
}

/// The chapters of the book: SUMMARY.md's links, as (source .md, output .html).
fn chapters() -> Vec<(PathBuf, PathBuf)> {
    let summary = std::fs::read_to_string(book_dir().join("src/SUMMARY.md")).unwrap();
    let mut out = Vec::new();
    for line in summary.lines() {
        if let Some(start) = line.find("](") {
            let rest = &line[start + 2..];
            let end = rest.find(')').unwrap();
            let md = PathBuf::from(&rest[..end]);
            let html = md.with_extension("html");
            out.push((md, html));
        }
    }
    assert!(out.len() > 10, "SUMMARY.md lists the pages");
    out
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// Every `<div class="archsim-fallback" …>…</div>` must hold something.
fn empty_fallbacks(html: &str) -> usize {
    html.match_indices(FALLBACK)
        .filter(|(i, _)| {
            let rest = &html[*i..];
            rest.find('>')
                .is_some_and(|end| rest[end + 1..].starts_with("</div>"))
        })
        .count()
}

/// How a fallback's element starts (its attributes follow).
const FALLBACK: &str = "<div class=\"archsim-fallback\" ";

/// `src`/`href` attribute values of script, link and img elements.
fn loaded_urls(html: &str) -> Vec<String> {
    let mut urls = Vec::new();
    for tag in ["<script", "<link", "<img"] {
        for (i, _) in html.match_indices(tag) {
            let end = html[i..].find('>').map_or(html.len(), |e| i + e);
            let element = &html[i..end];
            for attr in ["src=\"", "href=\""] {
                if let Some(a) = element.find(attr) {
                    let value = &element[a + attr.len()..];
                    let value = &value[..value.find('"').unwrap_or(value.len())];
                    urls.push(value.to_owned());
                }
            }
        }
    }
    urls
}

#[test]
fn the_whole_book_builds_with_fallbacks_and_nothing_external() {
    let site = build("book-site");
    let src = book_dir().join("src");
    let mut problems = Vec::new();
    let mut widgets_total = 0;
    let mut pages: BTreeMap<String, String> = BTreeMap::new();
    for (md, html_path) in chapters() {
        let source = std::fs::read_to_string(src.join(&md)).unwrap();
        let html = std::fs::read_to_string(site.join(&html_path))
            .unwrap_or_else(|e| panic!("{} was not written: {e}", html_path.display()));
        let page = md.display().to_string();
        // Widgets: one mount point per widget directive, each with a fallback.
        let kinds = archsim_view::contract::Kind::WIDGETS.map(|k| k.as_str());
        let widget_directives: usize = kinds
            .iter()
            .map(|k| count(&source, &format!("{{{{#archsim {k}")))
            .sum::<usize>()
            - kinds
                .iter()
                .map(|k| count(&source, &format!("\\{{{{#archsim {k}")))
                .sum::<usize>();
        let mounts = count(&html, "<div class=\"archsim\" data-archsim=\"");
        let fallbacks = count(&html, FALLBACK);
        if mounts != widget_directives || fallbacks != mounts {
            problems.push(format!(
                "{page}: {widget_directives} widget directives, {mounts} mount points, {fallbacks} fallbacks"
            ));
        }
        if empty_fallbacks(&html) > 0 {
            problems.push(format!("{page}: an empty fallback"));
        }
        widgets_total += mounts;
        // Directives: the only `{{#archsim` left are the ones the source escaped.
        let escaped = count(&source, "\\{{#archsim");
        let left = count(&html, "{{#archsim");
        if left != escaped {
            problems.push(format!(
                "{page}: {left} `{{{{#archsim` in the HTML but {escaped} escaped in the source"
            ));
        }
        // Claims: each renders as a mark. A self-check question renders
        // as a question, its answer with a mark.
        let claims = count(&source, "{{#archsim claim") - count(&source, "\\{{#archsim claim");
        let questions =
            count(&source, "{{#archsim predict") - count(&source, "\\{{#archsim predict");
        let asked = count(&html, "<fieldset class=\"archsim-predict\"");
        if asked != questions {
            problems.push(format!("{page}: {questions} questions but {asked} asked"));
        }
        let marks = count(&html, "<span class=\"archsim-claimed\">");
        if marks != claims + questions {
            problems.push(format!(
                "{page}: {claims} claims and {questions} questions but {marks} marks"
            ));
        }
        // A note is plain text: Markdown, which reads on inside the
        // paragraph that holds a mark, made nothing of it (`gcp/*.tf`).
        for note in html.split("<span class=\"archsim-claim-note\"").skip(1) {
            let text = note.split_once('>').map_or("", |(_, t)| t);
            let text = text.split("</span>").next().unwrap_or_default();
            if text.contains('<') {
                problems.push(format!("{page}: a claim note holds markup: {text}"));
            }
        }
        // Every chapter loads the stylesheet and the loader.
        let urls = loaded_urls(&html);
        for asset in ["theme/archsim-", "theme/archsim-loader-"] {
            if !urls.iter().any(|u| u.contains(asset)) {
                problems.push(format!("{page}: does not load {asset}*"));
            }
        }
        pages.insert(page, html);
    }
    assert!(
        widgets_total >= 15,
        "the book embeds widgets ({widgets_total})"
    );
    // Nothing is loaded from another site, on any page (print and 404 too).
    let mut all_html = Vec::new();
    collect_html(&site, &mut all_html);
    for file in &all_html {
        let html = std::fs::read_to_string(file).unwrap();
        for url in loaded_urls(&html) {
            if url.starts_with("http://") || url.starts_with("https://") || url.starts_with("//") {
                problems.push(format!("{}: loads {url}", file.display()));
            }
        }
    }
    // The theme files are copied and referenced relatively.
    let theme: Vec<String> = std::fs::read_dir(site.join("theme"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    for prefix in ["archsim", "archsim-loader"] {
        if !theme.iter().any(|f| f.starts_with(prefix)) {
            problems.push(format!("theme/{prefix}*.{{css,js}} is not in the output"));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

/// Every link of a chapter's content (what `<main>` holds, not mdBook's
/// frame) that points inside the site, as (file, fragment), the file
/// relative to the site's root; links to other sites are left out.
fn internal_links(page: &Path, html: &str) -> Vec<(PathBuf, String)> {
    let main = match (html.find("<main>"), html.find("</main>")) {
        (Some(start), Some(end)) if start < end => &html[start..end],
        _ => html,
    };
    let mut out = Vec::new();
    for (i, m) in main.match_indices("href=\"") {
        let rest = &main[i + m.len()..];
        let href = &rest[..rest.find('"').unwrap_or(rest.len())];
        if href.contains("://") || href.starts_with("//") || href.starts_with("mailto:") {
            continue;
        }
        let (path, fragment) = href.split_once('#').unwrap_or((href, ""));
        let mut file = page.parent().map(Path::to_path_buf).unwrap_or_default();
        if path.is_empty() {
            file = page.to_path_buf();
        } else {
            for part in path.split('/') {
                match part {
                    ".." => {
                        file.pop();
                    }
                    "." | "" => {}
                    part => file.push(part),
                }
            }
        }
        out.push((file, fragment.to_owned()));
    }
    out
}

/// No link of the book is broken: every link of a chapter to a page of
/// the site names a file the build wrote and, with a fragment, an element
/// of that page with that id, from whatever folder the chapter is in (the
/// Sources and Assumptions pages link to the claim marks of every
/// chapter).
#[test]
fn no_link_of_the_book_is_broken() {
    let site = build("book-links");
    let mut problems = Vec::new();
    let mut checked = 0;
    for (_, html_path) in chapters() {
        let html = std::fs::read_to_string(site.join(&html_path)).unwrap();
        for (file, fragment) in internal_links(&html_path, &html) {
            // The widgets' bundle and the standalone simulator, which
            // `cargo xtask build` puts beside the book.
            if file.starts_with("archsim") {
                continue;
            }
            checked += 1;
            let Ok(target) = std::fs::read_to_string(site.join(&file)) else {
                problems.push(format!(
                    "{}: links to {}, which is not in the site",
                    html_path.display(),
                    file.display()
                ));
                continue;
            };
            if !fragment.is_empty() && !target.contains(&format!("id=\"{fragment}\"")) {
                problems.push(format!(
                    "{}: links to {}#{fragment}, which has no such id",
                    html_path.display(),
                    file.display()
                ));
            }
        }
    }
    assert!(
        checked > 100,
        "the book links its pages and claims ({checked} links)"
    );
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

fn collect_html(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect_html(&path, out);
        } else if path.extension().is_some_and(|e| e == "html") {
            out.push(path);
        }
    }
}
