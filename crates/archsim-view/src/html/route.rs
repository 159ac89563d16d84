//! A route as text: the verdict and record, then each hop with why the
//! request is there. One writer for the route tracer's answer and its
//! fallback; the tracer adds its stepping buttons around the same words.

use archsim_core::{RouteVerdict, State};

use super::Markup;
use super::basis;
use super::write::codes;
use crate::present::{HopRow, RouteView, record_text};

/// The host and its verdict, with the cause chain of a bad one, then the
/// record the zone answers with, if any.
pub fn route_head(m: &mut Markup, v: &RouteView) {
    m.raw("<p class=\"archsim-verdict\">")
        .leaf("strong", &[], &v.host)
        .text(" — ")
        .badge(v.verdict);
    if !v.because.is_empty() {
        m.text(" because of ").text(&v.because.join(" → "));
    }
    m.raw("</p>");
    if let Some(r) = &v.record {
        m.raw("<p class=\"archsim-record\">Record: ")
            .text(&record_text(r))
            .raw("</p>");
    }
}

/// What a host without a record comes to.
pub const NO_RECORD: &str = "The zone has no record for this host, so it resolves nowhere.";

/// A hop after its name: its id, where and what it is, its state unless
/// ok, and why the request is there.
pub fn hop_details(m: &mut Markup, h: &HopRow) {
    m.code(&h.id)
        .raw("<span class=\"archsim-muted\"> — ")
        .text(&h.provider)
        .raw(" · ")
        .text(&h.region)
        .raw(" · ")
        .text(&h.kind)
        .raw("</span>");
    if h.state != State::Ok {
        m.raw(" ").badge(h.state);
    }
    m.leaf("span", &[("class", "archsim-hop-why")], &h.why);
}

/// The route tracer's fallback: the head, the hops (or the hosts that look
/// alike, for a host without a record) and what the verdict rests on.
pub fn route_html(v: &RouteView) -> String {
    let mut m = Markup::new();
    m.open(
        "section",
        &[
            ("class", "archsim archsim-route"),
            ("data-host", &v.host),
            ("data-verdict", v.verdict.as_str()),
        ],
    );
    route_head(&mut m, v);
    if v.verdict == RouteVerdict::NoRecord {
        m.leaf("p", &[], NO_RECORD);
        if !v.nearby.is_empty() {
            m.raw("<p>").text("Hosts that exist and look alike: ");
            codes(&mut m, &v.nearby);
            m.raw(".</p>");
        }
    } else {
        m.raw("<ol class=\"archsim-hops\">\n");
        for h in &v.hops {
            m.open("li", &[("data-id", &h.id)])
                .leaf("strong", &[], &h.name)
                .raw(" ");
            hop_details(&mut m, h);
            m.raw("</li>\n");
        }
        m.raw("</ol>\n");
    }
    basis(&mut m, &v.basis);
    m.raw("</section>\n");
    m.into_string()
}
