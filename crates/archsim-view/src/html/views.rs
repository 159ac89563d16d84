//! The static fallbacks of the widgets: route, flows, placement, audit, DNS
//! ownership and single points of failure.

use std::fmt::Write;

use archsim_core::Engine;

use super::write::{assumptions, code, codes, join_escaped, named, open_table, state_badge};
use crate::escape::html as esc;
use crate::present::{AuditRow, DnsView, OutcomeView, PlaceView, RecordLine, RouteView, RuleLine};

/// One line about a record: type, target, writer, owner id and proxying.
fn record_sentence(r: &RecordLine) -> String {
    let mut s = format!(
        "{} record {} → {}, written by <strong>{}</strong> ({}",
        esc(&r.rtype),
        code(&r.host),
        code(&r.target),
        esc(&r.writer),
        code(&r.source)
    );
    if let Some(owner) = &r.owner_id {
        let _ = write!(s, ", owner ID {}", code(owner));
    }
    let _ = write!(s, "), {}", code(&format!("proxied: {}", r.proxied)));
    s
}

/// A route as a hop list: the verdict, every hop with why the request is
/// there (the first names the record and its writer) and its state, the
/// cause of a bad verdict, and the assumptions it leans on.
pub fn route_html(view: &RouteView) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<section class="archsim archsim-route" data-host="{}" data-verdict="{}"><p class="archsim-verdict">{}: {}</p>"#,
        esc(&view.host),
        esc(&view.verdict),
        code(&view.host),
        state_badge(&view.verdict)
    );
    if view.verdict == "no-record" {
        let _ = write!(out, "<p>The zone has no record for {}.", code(&view.host));
        if !view.nearby.is_empty() {
            let _ = write!(out, " Hosts that do exist: {}.", codes(&view.nearby));
        }
        out.push_str("</p></section>\n");
        return out;
    }
    // The zone's hop says which record, who wrote it and how it is proxied.
    out.push_str("<ol class=\"archsim-hops\">\n");
    for hop in &view.hops {
        let _ = writeln!(
            out,
            r#"<li data-id="{}"><strong>{}</strong> <span class="archsim-muted">({} · {} · {} · {})</span> {}<span class="archsim-hop-why">{}</span></li>"#,
            esc(&hop.id),
            esc(&hop.name),
            code(&hop.id),
            esc(&hop.kind),
            esc(&hop.provider),
            esc(&hop.region),
            state_badge(&hop.state),
            esc(&hop.why)
        );
    }
    out.push_str("</ol>\n");
    if !view.because.is_empty() {
        let _ = writeln!(
            out,
            r#"<p class="archsim-because">Because: {}.</p>"#,
            join_escaped(&view.because, " → ")
        );
    }
    assumptions(&mut out, &view.assumptions);
    out.push_str("</section>\n");
    out
}

/// Every flow's state under a set of failures: what failed, the scenarios
/// behind it, and a table of flows with their state and cause chain.
pub fn outcome_html(view: &OutcomeView) -> String {
    let mut out = String::from(r#"<section class="archsim archsim-outcome">"#);
    for (id, name, teaches) in &view.scenarios {
        let _ = writeln!(
            out,
            r#"<p class="archsim-scenario"><strong>{}</strong> ({}): {}</p>"#,
            esc(name),
            code(id),
            esc(teaches)
        );
    }
    let names = |items: &[(archsim_core::CompId, String)]| {
        let names: Vec<&str> = items.iter().map(|(_, n)| n.as_str()).collect();
        join_escaped(&names, ", ")
    };
    if view.failed.is_empty() {
        out.push_str(r#"<p class="archsim-failed">Nothing fails.</p>"#);
    } else {
        let _ = writeln!(
            out,
            r#"<p class="archsim-failed">Failed ({}): {}.</p>"#,
            view.failed.len(),
            names(&view.failed)
        );
    }
    if !view.restarting.is_empty() {
        let _ = writeln!(
            out,
            r#"<p class="archsim-restarting">Restarting ({}): {}.</p>"#,
            view.restarting.len(),
            names(&view.restarting)
        );
    }
    let counts: Vec<String> = crate::present::STATES[..4]
        .iter()
        .map(|s| {
            let n = view.rows.iter().filter(|r| r.state == *s).count();
            format!("{n} {}", crate::present::state_label(s).1)
        })
        .collect();
    let table = open_table(
        &mut out,
        "archsim-flows",
        &format!("Every flow under these failures: {}", counts.join(", ")),
        &["Flow", "Entry", "State", "Because"],
    );
    for r in &view.rows {
        let entry = r.entry.as_deref().map_or_else(|| "—".to_owned(), code);
        let because = if r.because.is_empty() {
            "—".to_owned()
        } else {
            join_escaped(&r.because, " → ")
        };
        let name = if r.name == r.flow_id {
            esc(&r.name)
        } else {
            named(&r.name, &r.flow_id)
        };
        table.row(
            &mut out,
            &format!(
                r#" class="state-{}" data-flow="{}""#,
                esc(&r.state),
                esc(&r.flow_id)
            ),
            &[name, entry, state_badge(&r.state), because],
        );
    }
    table.close(&mut out);
    let mut all: Vec<(String, String)> = Vec::new();
    for r in &view.rows {
        for a in &r.assumptions {
            if r.state != "ok" && !all.contains(a) {
                all.push(a.clone());
            }
        }
    }
    assumptions(&mut out, &all);
    out.push_str("</section>\n");
    out
}

fn rule_items(out: &mut String, rules: &[RuleLine]) {
    out.push_str("<ul>\n");
    for r in rules {
        let _ = write!(
            out,
            "<li>{} → <strong>{}</strong>{}: {}",
            code(&r.id),
            esc(&r.provider_name),
            if r.is_final { " (final)" } else { "" },
            esc(&r.says)
        );
        if !r.facts.is_empty() {
            let _ = write!(
                out,
                r#" <span class="archsim-muted">[{}]</span>"#,
                join_escaped(&r.facts, ", ")
            );
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
}

/// A placement verdict: the answers, the rules that decided and were
/// overridden, and the precedents among existing components.
pub fn place_html(view: &PlaceView) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<section class="archsim archsim-place" data-verdict="{}"><p class="archsim-verdict">Where it goes: <strong>{}</strong></p>"#,
        esc(&view.verdict),
        esc(&view.verdict_label)
    );
    out.push_str(r#"<p>The answers:</p><ul class="archsim-answers">"#);
    for q in &view.questions {
        let _ = writeln!(
            out,
            r#"<li class="{}">{} {} ({})</li>"#,
            if q.answer { "is-yes" } else { "is-no" },
            if q.answer {
                "✔ yes —"
            } else {
                "✘ no —"
            },
            esc(&q.ask),
            code(&q.id)
        );
    }
    out.push_str("</ul>\n");
    if !view.deciding.is_empty() {
        out.push_str(if view.verdict == "conflict" {
            "<p>The rules that disagree:</p>"
        } else {
            "<p>Decided by:</p>"
        });
        rule_items(&mut out, &view.deciding);
    }
    if !view.overridden.is_empty() {
        out.push_str("<p>Overridden:</p>");
        rule_items(&mut out, &view.overridden);
    }
    if !view.precedents.is_empty() {
        out.push_str(r#"<p>Precedents in the model:</p><ul class="archsim-precedents">"#);
        for p in &view.precedents {
            let _ = write!(
                out,
                "<li><strong>{}</strong> ({}, {})",
                esc(&p.name),
                code(&p.id),
                esc(&p.provider)
            );
            if !p.shared.is_empty() {
                let _ = write!(out, " shares {}", codes(&p.shared));
            }
            if let Some(note) = &p.note {
                let _ = write!(out, r#"<span class="archsim-hop-why">{}</span>"#, esc(note));
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
    out
}

/// The audit of existing components against the placement rule.
pub fn audit_html(rows: &[AuditRow]) -> String {
    let mut out = String::new();
    let table = open_table(
        &mut out,
        "archsim-audit",
        "Every component against the placement rule",
        &[
            "Component",
            "Provider",
            "Region",
            "Rules",
            "Status",
            "Reason",
        ],
    );
    for r in rows {
        table.row(
            &mut out,
            &format!(
                r#" class="audit-{}" data-id="{}""#,
                esc(&r.status),
                esc(&r.id)
            ),
            &[
                named(&r.name, &r.id),
                esc(&r.provider),
                code(&r.region),
                codes(&r.rules),
                esc(&r.status),
                r.reason.as_deref().map_or_else(|| "—".to_owned(), esc),
            ],
        );
    }
    table.close(&mut out);
    out
}

/// Who writes a host's record; for a new host, how each writer adds one.
pub fn dns_html(view: &DnsView) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<section class="archsim archsim-dns" data-host="{}">"#,
        esc(&view.host)
    );
    match (&view.writer, view.records.is_empty()) {
        (Some(w), false) => {
            let _ = write!(
                out,
                "<p>{} is written by <strong>{}</strong>, configured in {}",
                code(&view.host),
                esc(&w.name),
                code(&w.source)
            );
            if let Some(owner) = &w.owner_id {
                let _ = write!(out, ", owner ID {}", code(owner));
            }
            if let Some(registry) = &w.registry {
                let _ = write!(out, " ({} registry)", esc(registry));
            }
            out.push_str(".</p>\n");
            for r in &view.records {
                let _ = writeln!(
                    out,
                    r#"<p class="archsim-record">{}.</p>"#,
                    record_sentence(r)
                );
            }
            let _ = writeln!(
                out,
                r#"<p class="archsim-adds">A new host like it: {}</p>"#,
                esc(&w.adds)
            );
        }
        (writer, _) => {
            let _ = write!(
                out,
                "<p>The zone has no record for {} yet.",
                code(&view.host)
            );
            if let Some(w) = writer {
                let _ = write!(
                    out,
                    " Its name is claimed by <strong>{}</strong>: {}",
                    esc(&w.name),
                    esc(&w.adds)
                );
            }
            out.push_str("</p>\n");
            if !view.options.is_empty() {
                out.push_str(r#"<p>How each writer adds a host:</p><dl class="archsim-writers">"#);
                for w in &view.options {
                    let _ = writeln!(
                        out,
                        "<dt><strong>{}</strong> — {} ({})</dt><dd>{}</dd>",
                        esc(&w.name),
                        esc(&w.serves),
                        code(&w.source),
                        esc(&w.adds)
                    );
                }
                out.push_str("</dl>");
            }
        }
    }
    assumptions(&mut out, &view.assumptions);
    out.push_str("</section>\n");
    out
}

/// The single points of failure of every flow.
pub fn spof_html(engine: &Engine) -> String {
    let model = engine.model();
    let mut out = String::from(r#"<section class="archsim archsim-spof">"#);
    let mut all: Vec<(String, String)> = Vec::new();
    let table = open_table(
        &mut out,
        "archsim-spof",
        "Single points of failure: each one alone takes the flow down",
        &["Flow", "Entry", "Single points of failure"],
    );
    for s in engine.spof() {
        for a in &s.assumptions {
            if !all.contains(a) {
                all.push(a.clone());
            }
        }
        let flow = &model.flows[s.flow.index()];
        let names: Vec<&str> = s
            .components
            .iter()
            .map(|&c| model.component(c).name.as_str())
            .collect();
        let name = if flow.name == flow.id {
            esc(&flow.name)
        } else {
            named(&flow.name, &flow.id)
        };
        table.row(
            &mut out,
            &format!(r#" data-flow="{}""#, esc(&flow.id)),
            &[
                name,
                flow.entry_host().map_or_else(|| "—".to_owned(), code),
                if names.is_empty() {
                    "—".to_owned()
                } else {
                    join_escaped(&names, ", ")
                },
            ],
        );
    }
    table.close(&mut out);
    assumptions(&mut out, &all);
    out.push_str("</section>\n");
    out
}
