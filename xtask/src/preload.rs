//! The head of every book page with widgets starts its bundles'
//! downloads: a `<link rel="modulepreload">` for each bundle's JS glue and
//! a `<link rel="preload" as="fetch">` for its wasm module, the bundles
//! the page's mount points need (`contract::Kind::bundle`), as the
//! loader (`archsim-loader.js`) would fetch them once the page is parsed.
//! A page without widgets gets none, and nor does mdBook's print page,
//! which keeps its static views.
//!
//! Done here, after mdBook, because only the page knows its widgets and
//! only the template writes the head: the preprocessor writes into the
//! chapter's body, which mdBook's print page repeats (it would fetch the
//! bundles there too).

use std::path::Path;

use archsim_view::contract::{Bundle, Kind};

/// How the preprocessor starts a mount point (`mdbook-archsim`'s
/// `expand.rs`, through the contract).
const MOUNT: &str = "<div class=\"archsim\" data-archsim=\"";

/// mdBook's pages that get no preloads: the print page (static views
/// only) and the sidebar's frame for readers without scripts.
const SKIPPED: [&str; 2] = ["print.html", "toc.html"];

/// Add the preloads to every page of the book under `site` that has
/// widgets (the simulator in `archsim/` is trunk's page, with its own);
/// returns how many pages got them.
pub fn site(site: &Path) -> Result<usize, String> {
    let mut changed = 0;
    let entries = crate::site::html_pages(site)?;
    for rel in entries {
        if SKIPPED.contains(&rel.as_str()) || rel.starts_with("archsim/") {
            continue;
        }
        let path = site.join(&rel);
        let html = std::fs::read_to_string(&path).map_err(|e| format!("{rel}: {e}"))?;
        let to_root = "../".repeat(rel.matches('/').count());
        if let Some(new) = with_preloads(&html, &to_root) {
            std::fs::write(&path, new).map_err(|e| format!("{rel}: {e}"))?;
            changed += 1;
        }
    }
    Ok(changed)
}

/// The bundles `html`'s mount points need, in [`Bundle::ALL`]'s order: a
/// mount point whose kind cannot be read is the widgets bundle's, as the
/// loader and the contract decide.
fn bundles(html: &str) -> Vec<Bundle> {
    let needed: Vec<Bundle> = html
        .split(MOUNT)
        .skip(1)
        .map(|rest| {
            let kind = rest.split('"').next().unwrap_or_default();
            Kind::parse(kind.trim()).map_or(Bundle::Widgets, Kind::bundle)
        })
        .collect();
    Bundle::ALL
        .into_iter()
        .filter(|b| needed.contains(b))
        .collect()
}

/// The comment before the preloads.
const NOTE: &str =
    "<!-- The bundles this page's widgets need, fetched at once (cargo xtask build) -->";

/// `html` with its bundles' preloads before `</head>` (`to_root` is the
/// page's way up to the site root), or `None` for a page that needs no
/// bundle or has them already.
fn with_preloads(html: &str, to_root: &str) -> Option<String> {
    let bundles = bundles(html);
    if bundles.is_empty() || html.contains(NOTE) {
        return None;
    }
    let head = html.find("</head>")?;
    let mut links = format!("    {NOTE}\n");
    for b in bundles {
        let stem = b.stem();
        links.push_str(&format!(
            "        <link rel=\"modulepreload\" href=\"{to_root}archsim/{stem}.js\">\n        \
             <link rel=\"preload\" href=\"{to_root}archsim/{stem}_bg.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin>\n    "
        ));
    }
    Some(format!("{}{links}{}", &html[..head], &html[head..]))
}

#[cfg(test)]
mod tests {
    use super::with_preloads;

    fn page(body: &str) -> String {
        format!("<html><head><title>t</title>\n    </head><body>{body}</body></html>")
    }

    #[test]
    fn a_page_preloads_the_bundles_its_widgets_need() {
        let route = "<div class=\"archsim\" data-archsim=\"route\" data-archsim-v=\"1\"></div>";
        let propose = "<div class=\"archsim\" data-archsim=\"propose\" data-archsim-v=\"1\"></div>";
        let unknown = "<div class=\"archsim\" data-archsim=\"teleport\"></div>";
        // (body, the page's way to the root, bundles preloaded)
        let cases: [(String, &str, &[&str]); 5] = [
            (route.repeat(3), "", &["archsim-web"]),
            (propose.to_owned(), "../", &["archsim-propose"]),
            (
                format!("{propose}{route}"),
                "",
                &["archsim-web", "archsim-propose"],
            ),
            // The widgets bundle says why it cannot mount it.
            (unknown.to_owned(), "", &["archsim-web"]),
            ("<p>no widgets</p>".to_owned(), "", &[]),
        ];
        for (body, to_root, stems) in cases {
            let html = page(&body);
            let got = with_preloads(&html, to_root);
            if stems.is_empty() {
                assert_eq!(got, None, "{body}");
                continue;
            }
            let got = got.unwrap_or_else(|| panic!("no preloads for {body}"));
            let head = got.split("</head>").next().unwrap();
            for stem in ["archsim-web", "archsim-propose"] {
                let glue =
                    format!("<link rel=\"modulepreload\" href=\"{to_root}archsim/{stem}.js\">");
                let wasm = format!(
                    "<link rel=\"preload\" href=\"{to_root}archsim/{stem}_bg.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin>"
                );
                let wanted = stems.contains(&stem);
                assert_eq!(head.contains(&glue), wanted, "{stem} glue in {got}");
                assert_eq!(head.contains(&wasm), wanted, "{stem} wasm in {got}");
            }
            assert!(got.ends_with(&format!("</head><body>{body}</body></html>")));
            // Once: a second pass adds nothing.
            assert_eq!(with_preloads(&got, to_root), None);
        }
    }
}
