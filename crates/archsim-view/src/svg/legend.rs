//! The map's legend: what each line style means, and how each edge kind's
//! line looks.
//!
//! The keys are built from [`EdgeKind::ALL`]; the look of each kind's line
//! is one `match` ([`line_style`]), from which the edge-kind block of
//! `assets/archsim.css` is generated (a test here checks that block and
//! rewrites it with `UPDATE_SNAPSHOTS=1`).

use std::fmt::Write;

use archsim_core::EdgeKind;

use super::num;
use crate::escape::html as esc;

/// The CSS declarations that draw a line of this kind, over the plain
/// dashed line every edge has (`.archsim-edge > path`); `None` keeps that
/// line. Hops and `runs_in` edges have looks of their own, whatever their
/// kind.
pub fn line_style(kind: EdgeKind) -> Option<&'static str> {
    match kind {
        EdgeKind::Request => None,
        EdgeKind::Cached => Some("stroke-dasharray: 3 3;"),
        EdgeKind::Startup => Some("stroke-dasharray: 10 3 2 3;"),
        EdgeKind::Background => Some("stroke-dasharray: 1.5 4; stroke-width: 1.5;"),
    }
}

/// The legend's keys, in order: a request hop, each edge kind (strongest
/// first), then a `runs_in` edge; each as the kind of its line, the class
/// its line has beyond `kind-KIND` (as [`super::edge_class`] gives it),
/// and the words that say what it means.
pub fn legend_keys() -> impl Iterator<Item = (EdgeKind, &'static str, &'static str)> {
    let hop = (EdgeKind::Request, " is-hop", "request hop");
    let runs_in = (EdgeKind::Request, " is-runs-in", "runs in");
    std::iter::once(hop)
        .chain(EdgeKind::ALL.map(|k| (k, "", k.meaning())))
        .chain(std::iter::once(runs_in))
}

/// `<g class="archsim-edge kind-KIND EXTRA">`: a key's line opens.
fn key_line(out: &mut String, kind: EdgeKind, extra: &str) {
    out.push_str("<g class=\"archsim-edge kind-");
    out.push_str(kind.as_str());
    out.push_str(extra);
    out.push_str("\">");
}

/// The key to the line styles as an HTML list, a short sample of each line
/// and its words: the live map's, under its frame (the static map carries
/// its key inside the drawing, `legend`).
pub fn legend_html() -> String {
    let mut out = String::from("<ul class=\"archsim-legend-list\" aria-label=\"Line styles\">");
    for (kind, extra, words) in legend_keys() {
        out.push_str(
            r#"<li><svg class="archsim-legend-line" width="34" height="8" aria-hidden="true">"#,
        );
        key_line(&mut out, kind, extra);
        out.push_str(r#"<path d="M1,4H33"/></g></svg>"#);
        out.push_str(&esc(words));
        out.push_str("</li>");
    }
    out.push_str("</ul>");
    out
}

/// The key under the map, laid out in rows that fit `width`; returns the
/// markup (to place at the bottom of the drawing) and its height.
pub(super) fn legend(width: f64) -> (String, f64) {
    const ROW: f64 = 22.0;
    const LINE: f64 = 34.0;
    let (margin, mut x, mut y) = (16.0, 16.0, 14.0);
    let mut out = String::new();
    for (kind, extra, words) in legend_keys() {
        let item = LINE + 8.0 + words.chars().count() as f64 * 5.8 + 20.0;
        if x > margin && x + item > width - margin {
            x = margin;
            y += ROW;
        }
        key_line(&mut out, kind, extra);
        let _ = write!(
            out,
            r#"<path d="M{},{}H{}"/></g><text class="archsim-legend-label" x="{}" y="{}">{}</text>"#,
            num(x),
            num(y),
            num(x + LINE),
            num(x + LINE + 8.0),
            num(y + 4.0),
            words
        );
        x += item;
    }
    (out, y + ROW - 6.0)
}

/// The first line of the edge-kind block of `assets/archsim.css`.
const BEGIN: &str = "/* Edge kinds: generated from `EdgeKind::ALL` and `svg/legend.rs` (`line_style`); UPDATE_SNAPSHOTS=1 cargo test -p archsim-view rewrites it. */\n";
/// The last line of that block.
const END: &str = "/* End of the edge kinds. */\n";

/// The stylesheet's rules for the edge kinds, from [`line_style`], in
/// [`EdgeKind::ALL`]'s order: the block of `assets/archsim.css` between
/// its two marker comments (a test keeps it so).
pub fn edge_kind_css() -> String {
    let mut css = String::from(BEGIN);
    for kind in EdgeKind::ALL {
        if let Some(style) = line_style(kind) {
            let _ = writeln!(
                css,
                ".archsim-edge.kind-{} > path {{ {style} }}",
                kind.as_str()
            );
        }
    }
    css + END
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stylesheet_draws_each_kind_as_the_legend_says() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/archsim.css");
        let sheet = std::fs::read_to_string(&path).expect("the stylesheet reads");
        let (Some(begin), Some(end)) = (sheet.find(BEGIN), sheet.find(END)) else {
            panic!(
                "{} has no edge-kind block ({BEGIN:?} … {END:?})",
                path.display()
            );
        };
        let block = &sheet[begin..end + END.len()];
        let want = edge_kind_css();
        if block != want {
            if std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1") {
                let rewritten = sheet.replacen(block, &want, 1);
                std::fs::write(&path, rewritten).expect("the stylesheet writes");
            } else {
                panic!(
                    "the edge-kind block of {} is stale; run with UPDATE_SNAPSHOTS=1\nhave:\n{block}\nwant:\n{want}",
                    path.display()
                );
            }
        }
        // Every other rule that names a kind is one the block owns.
        let outside = sheet.replacen(block, "", 1);
        for kind in EdgeKind::ALL {
            let class = String::from(".kind-") + kind.as_str();
            assert!(
                !outside.contains(&class),
                "{class} is styled outside the generated block"
            );
        }
    }

    #[test]
    fn the_legend_has_a_key_for_every_kind_in_order() {
        let keys: Vec<_> = legend_keys().collect();
        assert_eq!(keys.len(), EdgeKind::ALL.len() + 2);
        for (key, kind) in keys[1..].iter().zip(EdgeKind::ALL) {
            assert_eq!(*key, (kind, "", kind.meaning()));
        }
        let html = legend_html();
        let (svg, _) = legend(2000.0);
        for (kind, extra, words) in &keys {
            let class = String::from("class=\"archsim-edge kind-") + kind.as_str() + extra + "\"";
            for drawn in [&html, &svg] {
                assert!(
                    drawn.contains(&class) && drawn.contains(words),
                    "{class} {words}"
                );
            }
        }
    }
}
