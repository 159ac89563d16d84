//! What a proposed change does, as HTML: the propose widget's answer (and
//! its fallback), from the core's diff, in the diff's words
//! ([`crate::present::diff`], the ones `archsim diff` writes on a terminal
//! and in a pull-request comment): a verdict line, then the changes, the
//! flows that change state under each failure, the single points of
//! failure gained and lost, the placement, DNS and invariant changes and
//! the assumptions.

use archsim_core::AuditStatus;
use archsim_core::diff::{Finding, FlowChange};

use super::Markup;
use super::write::Table;
use crate::contract::Heading;
use crate::present::diff::{
    ABSENT, FAILS, NOTHING_FAILS, SCENARIO, Section, broken_words, dns_words, status,
};
pub use crate::present::diff::{ImpactParts, NO_CHANGE, verdict};

/// The most flow rows written; a line counts the rest (a change on a
/// large model can change thousands of flows under single failures).
pub const MAX_FLOW_ROWS: usize = 100;

/// When a flow change happens: nothing failing, a scenario, or what fails
/// (the words of [`crate::present::diff::when`], ids in code).
fn when(m: &mut Markup, f: &FlowChange) {
    match (&f.scenario, f.failed.as_slice()) {
        (Some(s), _) => {
            m.text(SCENARIO).code(s);
        }
        (None, []) => {
            m.text(NOTHING_FAILS);
        }
        (None, failed) => {
            ids(m, failed, ", ");
            m.text(FAILS);
        }
    }
}

/// Ids in code, joined by `sep`.
fn ids(m: &mut Markup, list: &[String], sep: &str) {
    for (i, id) in list.iter().enumerate() {
        if i > 0 {
            m.text(sep);
        }
        m.code(id);
    }
}

/// A flow's state, or `absent` on the side without the flow.
fn state(m: &mut Markup, s: Option<archsim_core::State>) {
    match s {
        Some(s) => m.badge(s),
        None => m.leaf("span", &[("class", "archsim-muted")], ABSENT),
    };
}

/// `<li>` with a sign (`+`, `−`, `~`) and its class (`change-added`).
fn signed(m: &mut Markup, class: &str, sign: &str) {
    m.open("li", &[("class", class)])
        .raw("<span class=\"archsim-sign\">")
        .text(sign)
        .raw("</span> ");
}

/// A section's heading, at level `level`.
fn heading(m: &mut Markup, level: Heading, section: Section) {
    m.leaf(level.tag(), &[], section.title());
}

/// The impact of a change: the verdict, the findings it introduces, then
/// each part that is not empty, every model text escaped; the parts'
/// headings at level `level`.
pub fn impact_answer(m: &mut Markup, p: ImpactParts<'_>, level: Heading) {
    let (changes, impact, assumptions) = (p.changes, p.impact, p.assumptions);
    m.open("p", &[("class", "archsim-verdict")])
        .leaf("strong", &[], &verdict(p))
        .raw("</p>\n");
    let found: Vec<Finding> = Finding::ALL
        .into_iter()
        .filter(|f| f.occurs(impact, assumptions))
        .collect();
    if !found.is_empty() {
        m.raw("<p class=\"archsim-findings\">Introduces: ");
        for (i, f) in found.iter().enumerate() {
            if i > 0 {
                m.text(", ");
            }
            m.code(f.as_str());
        }
        m.raw("</p>\n");
    }
    if !changes.is_empty() {
        heading(m, level, Section::Changes);
        m.raw("<ul class=\"archsim-changes\">");
        for (class, sign, list) in [
            ("change-added", "+", &changes.added),
            ("change-removed", "−", &changes.removed),
        ] {
            for c in list {
                signed(m, class, sign);
                m.text(c.table.as_str()).text(" ").code(&c.id).raw("</li>");
            }
        }
        for c in &changes.changed {
            signed(m, "change-changed", "~");
            m.text(c.table.as_str()).text(" ").code(&c.id).text(": ");
            m.text(&c.fields.join(", ")).raw("</li>");
        }
        m.raw("</ul>\n");
    }
    if !impact.flows.is_empty() {
        flows(m, &impact.flows);
    }
    if !impact.spof.is_empty() {
        heading(m, level, Section::Spof);
        m.raw("<ul class=\"archsim-spof-changes\">");
        for s in &impact.spof {
            m.raw("<li>").code(&s.flow);
            for (class, sign, list) in [
                ("change-added", "+", &s.added),
                ("change-removed", "−", &s.removed),
            ] {
                if !list.is_empty() {
                    m.text(" ")
                        .open("span", &[("class", class)])
                        .text(sign)
                        .text(" ");
                    ids(m, list, ", ");
                    m.raw("</span>");
                }
            }
            m.raw("</li>");
        }
        m.raw("</ul>\n");
    }
    if !impact.placement.is_empty() {
        heading(m, level, Section::Placement);
        m.raw("<ul class=\"archsim-placement-changes\">");
        for c in &impact.placement {
            m.raw("<li>").code(&c.id).text(" ");
            m.text(status(&c.before)).text(" → ").text(status(&c.after));
            if let Some(reason) = c.after.as_ref().and_then(AuditStatus::reason) {
                m.text(": ").text(reason);
            }
            m.raw("</li>");
        }
        m.raw("</ul>\n");
    }
    if !impact.dns.is_empty() {
        heading(m, level, Section::Dns);
        m.raw("<ul class=\"archsim-dns-changes\">");
        for d in &impact.dns {
            m.raw("<li>").code(&d.host).text(" ");
            m.text(&dns_words(d, str::to_owned)).raw("</li>");
        }
        m.raw("</ul>\n");
    }
    if !impact.invariants.is_empty() {
        heading(m, level, Section::Invariants);
        m.raw("<ul class=\"archsim-broken-invariants\">");
        for b in &impact.invariants {
            m.raw("<li>").code(&b.invariant).text(" ");
            m.text(&broken_words(b)).raw("</li>");
        }
        m.raw("</ul>\n");
    }
    if !assumptions.added.is_empty() || !assumptions.removed.is_empty() {
        heading(m, level, Section::Assumptions);
        m.raw("<ul class=\"archsim-assumption-changes\">");
        for (class, sign, list) in [
            ("change-added", "+", &assumptions.added),
            ("change-removed", "−", &assumptions.removed),
        ] {
            for a in list {
                signed(m, class, sign);
                m.code(&a.about).text(": ").text(&a.says).raw("</li>");
            }
        }
        m.raw("</ul>\n");
    }
}

/// The flows that change state: a table of at most [`MAX_FLOW_ROWS`]
/// rows, then how many more.
fn flows(m: &mut Markup, list: &[FlowChange]) {
    const HEADERS: [&str; 5] = ["Flow", "When", "Before", "After", "Because"];
    let mut t = Table::open(m, "archsim-flow-changes", Section::Flows.title(), &HEADERS);
    for f in list.iter().take(MAX_FLOW_ROWS) {
        t.row(m, &[]);
        m.code(&f.flow);
        t.cell(m);
        when(m, f);
        t.cell(m);
        state(m, f.before);
        t.cell(m);
        state(m, f.after);
        t.cell(m);
        if f.because.is_empty() {
            m.text("—");
        }
        ids(m, &f.because, " → ");
        t.end_row(m);
    }
    t.close(m);
    if list.len() > MAX_FLOW_ROWS {
        let mut more = String::from("… and ");
        more.push_str(&(list.len() - MAX_FLOW_ROWS).to_string());
        more.push_str(" more");
        m.leaf("p", &[("class", "archsim-muted")], &more);
    }
}

/// The impact as a fallback: [`impact_answer`] in its own element.
pub fn impact_html(p: ImpactParts<'_>, level: Heading) -> String {
    let mut m = Markup::new();
    m.raw("<div class=\"archsim archsim-impact\">\n");
    impact_answer(&mut m, p, level);
    m.raw("</div>\n");
    m.into_string()
}
