//! DNS ownership: who writes a host's record, or, for a new host, who would
//! and how. One writer for the DNS widget's answer and its fallback.

use super::Markup;
use super::basis;
use crate::present::{DnsView, WriterLine, record_text};

/// A writer in one line: name (and id, when it differs), file, owner id,
/// the component it runs as (when its name differs), what it writes.
fn writer(m: &mut Markup, w: &WriterLine) {
    m.leaf("strong", &[], &w.name);
    if w.id != w.name {
        m.raw(" ").code(&w.id);
    }
    m.text(", configured in ").code(&w.source);
    if let Some(owner) = &w.owner_id {
        m.text(", owner ID ").text(owner);
    }
    if let Some(on) = w.runs_on.as_ref().filter(|on| **on != w.name) {
        m.text(", runs on ").text(on);
    }
    m.text(". Writes: ").text(&w.serves).text(".");
}

/// The answer for one host: its records, their writer and how a host like
/// it is added; for a host without records, the writer its name falls to,
/// or every writer and how each adds a host. Then what it rests on.
pub fn dns_answer(m: &mut Markup, v: &DnsView) {
    let new = v.records.is_empty();
    m.raw("<p class=\"archsim-verdict\">")
        .leaf("strong", &[], &v.host)
        .text(if new { " has no record yet." } else { "" })
        .raw("</p>");
    if !new {
        m.raw("<ul class=\"archsim-records\">");
        for r in &v.records {
            m.leaf("li", &[("class", "archsim-record")], &record_text(r));
        }
        m.raw("</ul>");
    }
    if let Some(w) = &v.writer {
        m.raw("<p>").text(if new {
            "Its name falls to "
        } else {
            "Written by "
        });
        writer(m, w);
        m.raw("</p><p class=\"archsim-adds\">")
            .text(if new {
                "To add it: "
            } else {
                "A new host like it: "
            })
            .text(&w.adds)
            .raw("</p>");
    } else if !v.options.is_empty() {
        m.leaf("p", &[], "How a new host gets its record, by writer:")
            .raw("<ul class=\"archsim-writers\">");
        for w in &v.options {
            m.raw("<li>");
            writer(m, w);
            m.leaf("span", &[("class", "archsim-hop-why")], &w.adds)
                .raw("</li>");
        }
        m.raw("</ul>");
    }
    basis(m, &v.basis);
}

/// The DNS widget's fallback: [`dns_answer`] in a section that names the
/// host.
pub fn dns_html(view: &DnsView) -> String {
    let mut m = Markup::new();
    m.open(
        "section",
        &[("class", "archsim archsim-dns"), ("data-host", &view.host)],
    );
    dns_answer(&mut m, view);
    m.raw("</section>\n");
    m.into_string()
}
