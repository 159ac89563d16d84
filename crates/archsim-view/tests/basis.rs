//! What every answer rests on, shown on demand: each answer's HTML (the
//! widget's and its fallback's alike) carries one disclosure that says
//! "checked" or "assumed (n)" and, opened, the facts with their words and
//! each assumption with what it is about and where it would be settled.
//! The engine's basis is the oracle.

use archsim_core::basis::label;
use archsim_core::place::{answer_basis, audit, audit_basis, place};
use archsim_core::select::select;
use archsim_core::{Basis, Engine, Model};
use archsim_view::contract::Heading;
use archsim_view::html::*;
use archsim_view::present::*;

/// A small model: the web server behind `www.small.test` reads a
/// database through `edge`, the source of which the caller chooses.
fn small(edge: &str) -> Engine {
    let source = format!(
        r#"
[model]
name = "Small"
format = 1

[[fact]]
id = "F1"
says = "The zone serves www from the web server."

[[fact]]
id = "F2"
says = "The web server reads the database."

[zone]
name = "small.test"
component = "zone"
facts = ["F1"]

[[provider]]
id = "cloud"
name = "Cloud"
job = "Hosting"
why = "Chosen"
facts = ["F1"]

[[provider]]
id = "dns"
name = "DNS"
job = "DNS"
why = "Chosen"
facts = ["F1"]

[[placement.question]]
id = "dns"
ask = "Is it DNS?"

[[placement.rule]]
id = "dns-rule"
provider = "dns"
if_any = ["dns"]
says = "DNS goes to DNS."
facts = ["F1"]

[[component]]
id = "user"
name = "User"
kind = "user"
env = "shared"
facts = ["F1"]

[[component]]
id = "zone"
name = "Zone"
kind = "dns-zone"
provider = "dns"
env = "shared"
traits = ["dns"]
facts = ["F1"]

[[component]]
id = "web"
name = "Web"
kind = "workload"
provider = "cloud"
env = "prod"
facts = ["F1"]

[[component]]
id = "db"
name = "Database"
kind = "database"
provider = "cloud"
env = "prod"
facts = ["F2"]

[[writer]]
id = "writer"
name = "Writer"
source = "dns.tf"
owns = ["www.small.test"]
adds = "A record in dns.tf."
serves = "Every host."
facts = ["F1"]

[[record]]
host = "www.small.test"
type = "A"
target = "web"
writer = "writer"
env = "prod"
proxied = false
facts = ["F1"]

[[edge]]
from = "user"
to = "zone"
kind = "request"
why = "Users resolve the zone."
facts = ["F1"]

[[edge]]
from = "web"
to = "db"
kind = "request"
why = "Pages read the database."
{edge}

[[scenario]]
id = "db-down"
name = "The database fails"
fail = ["db"]
teaches = "The site needs it."
facts = ["F2"]
"#
    );
    Engine::from_str("small.toml", &source)
        .unwrap_or_else(|d| panic!("the small model loads: {d:#?}"))
}

/// The edge to the database, sourced by a fact.
const SOURCED: &str = r#"facts = ["F2"]"#;
/// The edge to the database, assumed.
const ASSUMED_EDGE: &str = r#"assumption = "Pages read the <database> on every request."
settle = "k8s/web/deployment.yaml""#;

/// The disclosures in `html`, in order.
fn disclosures(html: &str) -> Vec<&str> {
    html.split("<details class=\"archsim-basis")
        .skip(1)
        .map(|d| &d[..d.find("</details>").expect("closed")])
        .collect()
}

/// What the disclosure of `basis` must say: its summary, each fact with
/// its words, each assumption with what it is about, its text and where
/// it is settled (escaped as the page writes them).
fn expected(model: &Model, basis: &Basis) -> Vec<String> {
    let esc = |s: &str| archsim_view::escape::html(s);
    let assumed = basis.assumptions(model);
    let mut out = vec![if assumed.is_empty() {
        "</span> checked</summary>".to_owned()
    } else {
        format!("</span> assumed ({})</summary>", assumed.len())
    }];
    for id in basis.facts(model) {
        let says = &model
            .facts
            .iter()
            .find(|f| f.id == id)
            .expect("declared")
            .says;
        // Each fact names its row on the Sources page, for a shell to link.
        out.push(format!(
            "<li><strong><a class=\"archsim-fact\" data-fact=\"{}\">{id}</a></strong> {}</li>",
            archsim_view::html::facts::anchor(id),
            esc(says)
        ));
    }
    for a in &assumed {
        out.push(format!(
            "<li><code>{}</code>: {}",
            esc(&label(model, a.premise)),
            esc(a.says)
        ));
        if let Some(settle) = a.settle {
            // A path may wrap after each `/` and `.`.
            out.push(esc(settle).replace('/', "/<wbr>").replace('.', ".<wbr>"));
        }
    }
    out
}

/// A table's rows, then its shared list: each row's disclosure says its
/// summary, its facts by number and (when assumed) that its assumptions
/// are listed under the table; the list says each fact and assumption of
/// the rows in full (the rows name their facts by number).
fn table_rows<'h>(what: &str, html: &'h str, rows: usize) -> (Vec<&'h str>, &'h str) {
    let mut found = disclosures(html);
    // The list is there when some row rests on an assumption.
    let list = match found.last() {
        Some(last) if last.starts_with(" archsim-basis-shared\"") => found.pop().unwrap_or(""),
        _ => "",
    };
    assert_eq!(found.len(), rows, "{what}: a disclosure per row:\n{html}");
    (found, list)
}

fn assert_row_says(what: &str, row: &str, list: &str, model: &Model, basis: &Basis) {
    let expected = expected(model, basis);
    assert!(
        row.contains(&expected[0]),
        "{what}: the row lacks {:?}:\n{row}",
        expected[0]
    );
    let facts = basis.facts(model).join(", ");
    assert!(
        row.contains(&format!("<p>Facts: {facts}</p>")),
        "{what}: {row}"
    );
    let checked = basis.is_checked(model);
    assert_eq!(
        row.contains("listed under the table"),
        !checked,
        "{what}: {row}"
    );
    assert!(
        !row.contains("<li>"),
        "{what}: a row repeats no words: {row}"
    );
    // The list says each assumption (the lines after the facts').
    for words in expected[1..]
        .iter()
        .filter(|w| !w.starts_with("<li><strong>"))
    {
        assert!(
            list.contains(words.as_str()),
            "{what}: the list lacks {words:?}:\n{list}"
        );
    }
}

fn assert_says(what: &str, disclosure: &str, model: &Model, basis: &Basis) {
    for words in expected(model, basis) {
        assert!(
            disclosure.contains(&words),
            "{what}: the disclosure lacks {words:?}:\n{disclosure}"
        );
    }
    let checked = basis.is_checked(model);
    assert_eq!(
        disclosure.contains("<ul class=\"archsim-assumed\">"),
        !checked,
        "{what}: a checked answer lists no assumptions, an assumed one does:\n{disclosure}"
    );
    assert_eq!(disclosure.starts_with(" is-assumed\""), !checked, "{what}");
}

#[test]
fn a_route_shows_its_facts_and_assumptions_on_demand() {
    // (the edge's source, the route's summary, facts, assumptions)
    let cases = [
        (SOURCED, "checked", &["F1", "F2"][..], 0),
        (ASSUMED_EDGE, "assumed (1)", &["F1", "F2"][..], 1),
    ];
    for (edge, summary, facts, assumed) in cases {
        let engine = small(edge);
        let model = engine.model();
        let route = engine
            .route("www.small.test", &Default::default())
            .expect("routes");
        let view = route_view(&engine, &route);
        let ids: Vec<&str> = view.basis.facts.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, facts, "{edge}");
        assert_eq!(view.basis.assumed.len(), assumed, "{edge}");
        let html = route_html(&view);
        let found = disclosures(&html);
        assert_eq!(found.len(), 1, "{html}");
        assert!(
            found[0].contains(&format!("</span> {summary}</summary>")),
            "{edge}: {html}"
        );
        assert_says(edge, found[0], model, &route.basis);
    }
    // The assumption, named as the core names its entry, with its words
    // escaped and where it is settled.
    let html = route_html(&route_view(
        &small(ASSUMED_EDGE),
        &small(ASSUMED_EDGE)
            .route("www.small.test", &Default::default())
            .expect("routes"),
    ));
    assert!(
        html.contains(
            "<li><code>web → db</code>: Pages read the &lt;database&gt; on every request.\
             <span class=\"archsim-muted\"> Settled by <code>k8s/<wbr>web/<wbr>deployment.<wbr>yaml</code>.</span></li>"
        ),
        "{html}"
    );
}

#[test]
fn every_answer_shows_what_it_rests_on() {
    for edge in [SOURCED, ASSUMED_EDGE] {
        let engine = small(edge);
        let model = engine.model();
        let what = |name: &str| format!("{name} with the edge {edge:?}");

        let selection = select(model, &["db-down"], &[]).expect("selects");
        let outcome = engine.simulate(&selection);
        let html = outcome_html(&outcome_view(&engine, &outcome));
        let (rows, list) = table_rows(&what("a flow"), &html, outcome.flows.len());
        for (flow, d) in outcome.flows.iter().zip(&rows) {
            assert_row_says(&what("a flow"), d, list, model, &flow.basis);
        }

        let spofs = engine.spof();
        let html = spof_html(&engine);
        let (rows, list) = table_rows(&what("spof"), &html, spofs.len());
        for (s, d) in spofs.iter().zip(&rows) {
            assert_row_says(&what("single points of failure"), d, list, model, &s.basis);
        }

        let dns = engine.dns("www.small.test").expect("dns");
        let html = dns_html(&dns_view(&engine, &dns));
        let found = disclosures(&html);
        assert_eq!(found.len(), 1, "{html}");
        assert_says(&what("dns"), found[0], model, &dns.basis);

        let answer = place(model, &["dns"]).expect("places");
        let html = place_html(&place_view(&engine, &answer), Heading::under(3));
        let found = disclosures(&html);
        assert_eq!(found.len(), 1, "{html}");
        assert_says(
            &what("place"),
            found[0],
            model,
            &answer_basis(model, &answer),
        );

        let entries = audit(model);
        let html = audit_html(&audit_view(&engine));
        let (rows, list) = table_rows(&what("audit"), &html, entries.len());
        for (entry, d) in entries.iter().zip(&rows) {
            assert_row_says(&what("audit"), d, list, model, &audit_basis(model, entry));
        }
    }
}

#[test]
fn a_flow_resting_on_an_assumed_edge_is_assumed_in_its_row() {
    // The flow table says per flow: with the edge assumed, the served
    // host's flow (ok, so resting on its dependency list being complete)
    // is assumed; with the edge sourced, it is checked.
    for (edge, word) in [(SOURCED, "checked"), (ASSUMED_EDGE, "assumed (1)")] {
        let engine = small(edge);
        let outcome = engine.simulate(&Default::default());
        let html = outcome_html(&outcome_view(&engine, &outcome));
        let row = html
            .split("<tr ")
            .find(|r| r.contains("data-flow=\"www.small.test\""))
            .unwrap_or_else(|| panic!("a row for www.small.test in {html}"));
        assert!(row.contains("state-ok"), "{row}");
        assert!(
            row.contains("<td data-label=\"Rests on\"><details class=\"archsim-basis")
                && row.contains(&format!("</span> {word}</summary>")),
            "{edge}: {row}"
        );
    }
}
