//! The details panel of one component: where it lives, what manages it,
//! which flows use it, and whether it is a single point of failure.

use archsim_core::{CompId, Engine};
use archsim_view::contract::Heading;
use archsim_view::present::{Link, component_details};

use crate::acts::verb;
use crate::ids;
use crate::markup::Markup;

fn links(m: &mut Markup, items: &[Link], none: &str) {
    if items.is_empty() {
        m.leaf("span", &[("class", "archsim-muted")], none);
        return;
    }
    m.raw("<ul class=\"archsim-links\">");
    for l in items {
        m.raw("<li>").text(&l.name).raw(" ").code(&l.id);
        if !l.detail.is_empty() {
            m.raw(" <span class=\"archsim-muted\">(")
                .text(&l.detail)
                .raw(")</span>");
        }
        m.raw("</li>");
    }
    m.raw("</ul>");
}

fn row<'m>(m: &'m mut Markup, term: &str) -> &'m mut Markup {
    m.leaf("dt", &[], term).raw("<dd>")
}

/// Write the details of `component`; its Close button clears the
/// selection and, when it had the focus, gives it to the element with id
/// `return_to` (the component's node on the map). Its heading is at level
/// `level`.
pub fn details_markup(
    m: &mut Markup,
    engine: &Engine,
    component: CompId,
    uid: &str,
    return_to: &str,
    level: Heading,
) {
    if component.index() >= engine.model().components.len() {
        return;
    }
    let d = component_details(engine, component);
    let heading = ids::id(uid, "-details");
    m.open(
        "section",
        &[("class", "archsim-details"), ("aria-labelledby", &heading)],
    )
    .raw("<header>")
    .open(level.tag(), &[("id", &heading)])
    .text(&d.name)
    .raw(" ")
    .code(&d.id)
    .close(level.tag())
    .leaf(
        "button",
        &[
            ("type", "button"),
            ("id", &ids::id(uid, "-details-close")),
            ("class", "archsim-button"),
            ("data-act", verb::SELECT),
            ("data-arg", ""),
            ("data-refocus", return_to),
            ("aria-label", "Close the details"),
        ],
        "Close",
    )
    .raw("</header><dl class=\"archsim-dl\">");
    row(m, "Provider").text(&d.provider).raw("</dd>");
    row(m, "Region").text(&d.region);
    if let Some(name) = &d.region_name {
        m.text(" (").text(name).text(")");
    }
    m.raw("</dd>");
    row(m, "Kind")
        .text(&d.kind)
        .text(" · ")
        .text(&d.env)
        .raw("</dd>");
    row(m, "Managed").text(&d.managed);
    for (i, s) in d.sources.iter().enumerate() {
        m.text(if i == 0 { ", in " } else { ", " }).code(s);
    }
    m.raw("</dd>");
    for (term, text) in [
        ("Runs in", &d.runs_in),
        ("Notes", &d.notes),
        ("Why it is here", &d.placement),
        ("Assumed", &d.assumption),
    ] {
        if let Some(text) = text {
            row(m, term).text(text).raw("</dd>");
        }
    }
    row(m, "Single point of failure");
    if d.spof_for.is_empty() {
        m.leaf("span", &[], "No: no flow goes down when it alone fails.");
    } else {
        let n = d.spof_for.len();
        m.raw("<strong>Yes, for ")
            .text(&n.to_string())
            .raw(if n == 1 {
                " flow: </strong>"
            } else {
                " flows: </strong>"
            });
        links(m, &d.spof_for, "");
    }
    m.raw("</dd>");
    for (term, items, none) in [
        ("Flows that use it", &d.flows, "none"),
        ("Needs", &d.needs, "nothing"),
        ("Needed by", &d.needed_by, "nothing"),
    ] {
        row(m, term);
        links(m, items, none);
        m.raw("</dd>");
    }
    m.raw("</dl></section>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn details_say_where_what_and_whether_it_is_a_single_point_of_failure() {
        let engine = Engine::tomoda().unwrap();
        let model = engine.model();
        let id =
            |s: &str| CompId::from_index(model.components.iter().position(|c| c.id == s).unwrap());
        let cases = [
            (
                "gke",
                &[
                    "<code>gke</code>",
                    "Single point of failure</dt><dd><strong>Yes",
                ][..],
            ),
            (
                "cloudfront-prod",
                &["Provider</dt><dd>AWS", "s3-assets-prod"][..],
            ),
        ];
        for (component, expected) in cases {
            let mut m = Markup::new();
            details_markup(&mut m, &engine, id(component), "w1", "w1-n0", Heading::TOP);
            for e in expected {
                assert!(m.as_str().contains(e), "{component}: {e} in {}", m.as_str());
            }
            assert!(
                m.as_str()
                    .contains("data-act=\"select\" data-arg=\"\" data-refocus=\"w1-n0\"")
            );
        }
        let mut m = Markup::new();
        details_markup(
            &mut m,
            &engine,
            CompId::from_index(100_000),
            "w1",
            "w1-n0",
            Heading::TOP,
        );
        assert_eq!(m.as_str(), "", "an unknown component has no details");
    }
}
