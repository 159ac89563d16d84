//! The map's legend: what each line style means.

use std::fmt::Write;

use super::num;
use crate::escape::html as esc;

/// The line styles, with what each means, in the classes the edges use.
pub const LEGEND: [(&str, &str); 6] = [
    ("is-hop kind-request", "request hop"),
    ("kind-request", "needed by every request"),
    ("kind-cached", "cached"),
    ("kind-startup", "needed at start-up"),
    ("kind-background", "safety net (background)"),
    ("kind-request is-runs-in", "runs in"),
];

/// The key to the line styles as an HTML list, a short sample of each line
/// and its words: the live map's, under its frame (the static map carries
/// its key inside the drawing, `legend`).
pub fn legend_html() -> String {
    let mut out = String::from("<ul class=\"archsim-legend-list\" aria-label=\"Line styles\">");
    for (class, words) in LEGEND {
        let _ = write!(
            out,
            r#"<li><svg class="archsim-legend-line" width="34" height="8" aria-hidden="true"><g class="archsim-edge {class}"><path d="M1,4H33"/></g></svg>{}</li>"#,
            esc(words)
        );
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
    for (class, words) in LEGEND {
        let item = LINE + 8.0 + words.chars().count() as f64 * 5.8 + 20.0;
        if x > margin && x + item > width - margin {
            x = margin;
            y += ROW;
        }
        let _ = write!(
            out,
            r#"<g class="archsim-edge {class}"><path d="M{},{}H{}"/></g><text class="archsim-legend-label" x="{}" y="{}">{}</text>"#,
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
