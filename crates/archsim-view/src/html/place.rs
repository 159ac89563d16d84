//! The placement rule's answers: a verdict for new infrastructure (where
//! it goes, the rules that decided or were overridden, the precedents
//! among existing components), and the audit of the existing ones. One
//! writer each for the placement assistant and its fallback; the assistant
//! asks the questions with its own form.

use archsim_core::{AuditStatus, Verdict};

use super::Markup;
use super::basis::{RESTS_ON, Shared, basis, basis_row, shared_list};
use super::write::{Table, codes, named};
use crate::contract::Heading;
use crate::present::{AuditRow, PlaceView, RuleLine};

/// Rules as a list: id, the provider it names, what it says, its facts.
fn rules(m: &mut Markup, items: &[RuleLine]) {
    m.raw("<ul class=\"archsim-rules\">");
    for r in items {
        m.raw("<li>").code(&r.id).text(" → ");
        rule_target(m, r);
        m.text(": ");
        rule_says(m, r);
        m.raw("</li>");
    }
    m.raw("</ul>");
}

/// The provider a rule names, and whether it overrides the others.
pub(crate) fn rule_target(m: &mut Markup, r: &RuleLine) {
    m.leaf("strong", &[], &r.provider_name);
    if r.is_final {
        m.text(" (final: overrides the others)");
    }
}

/// What a rule says, with the facts it encodes.
pub(crate) fn rule_says(m: &mut Markup, r: &RuleLine) {
    m.text(&r.says);
    if !r.facts.is_empty() {
        m.raw("<span class=\"archsim-muted\"> [");
        for (i, fact) in r.facts.iter().enumerate() {
            if i > 0 {
                m.text(", ");
            }
            super::facts::link(m, fact);
        }
        m.raw("]</span>");
    }
}

/// The verdict (its class names it: `verdict-gcp`, `verdict-conflict`),
/// the deciding and overridden rules, the precedents, and what the
/// verdict rests on; its headings at level `heading`.
#[allow(clippy::disallowed_macros)] // Predates the rule: one class per answer.
pub fn place_answer(m: &mut Markup, v: &PlaceView, heading: Heading) {
    m.open(
        "p",
        &[(
            "class",
            &(String::from("archsim-verdict verdict-") + &v.verdict_name),
        )],
    )
    .text("Verdict: ")
    .leaf("strong", &[], &v.verdict_label)
    .raw("</p>");
    if !v.deciding.is_empty() {
        m.leaf(
            heading.tag(),
            &[],
            if v.verdict == Verdict::Conflict {
                "The rules that disagree"
            } else {
                "The rule that decided"
            },
        );
        rules(m, &v.deciding);
    }
    if !v.overridden.is_empty() {
        m.leaf(heading.tag(), &[], "Overridden");
        rules(m, &v.overridden);
    }
    if !v.precedents.is_empty() {
        m.leaf(heading.tag(), &[], "Precedents in the model")
            .raw("<ul class=\"archsim-precedents\">");
        for p in &v.precedents {
            m.raw("<li>")
                .leaf("strong", &[], &p.name)
                .raw(" ")
                .code(&p.id)
                .text(" on ")
                .text(&p.provider);
            if !p.shared.is_empty() {
                m.raw("<span class=\"archsim-muted\"> (shares: ")
                    .text(&p.shared.join(", "))
                    .raw(")</span>");
            }
            if let Some(note) = &p.note {
                m.leaf("span", &[("class", "archsim-hop-why")], note);
            }
            m.raw("</li>");
        }
        m.raw("</ul>");
    }
    basis(m, &v.basis);
}

/// The placement assistant's fallback: the answers given, as a list (the
/// assistant asks them with a form), then [`place_answer`], its headings
/// at level `heading`.
pub fn place_html(v: &PlaceView, heading: Heading) -> String {
    let mut m = Markup::new();
    m.open(
        "section",
        &[
            ("class", "archsim archsim-place"),
            ("data-verdict", &v.verdict_name),
        ],
    )
    .raw("<p>The answers:</p><ul class=\"archsim-answers\">\n");
    for q in &v.questions {
        m.open(
            "li",
            &[("class", if q.answer { "is-yes" } else { "is-no" })],
        )
        .text(if q.answer {
            "✔ yes — "
        } else {
            "✘ no — "
        })
        .text(&q.ask)
        .text(" (")
        .code(&q.id)
        .raw(")</li>\n");
    }
    m.raw("</ul>\n");
    place_answer(&mut m, v, heading);
    m.raw("</section>\n");
    m.into_string()
}

/// Every existing component against the placement rule: where it is, the
/// rules its answers fire, where the rule puts it, whether that fits, and
/// what that line rests on.
/// The caption counts every status in `rows`; the table lists the rows at
/// `listed` (indices into `rows`, in order).
///
/// Complexity: O(rows + listed).
#[allow(clippy::disallowed_macros)] // Predates the rule: a count per audit status.
pub fn audit_table(m: &mut Markup, rows: &[AuditRow], listed: &[usize]) {
    let counts: Vec<String> = AuditStatus::WORDS
        .iter()
        .enumerate()
        .map(|(i, s)| {
            format!(
                "{s} {}",
                rows.iter().filter(|r| r.status.rank() == i).count()
            )
        })
        .collect();
    let caption = format!(
        "Every component against the placement rule: {}",
        counts.join(", ")
    );
    let bases: Vec<_> = listed
        .iter()
        .filter_map(|&i| rows.get(i))
        .map(|r| &r.basis)
        .collect();
    let shared = Shared::new(&bases);
    let mut table = Table::open(
        m,
        "archsim-audit",
        &caption,
        &[
            "Component",
            "Where",
            "Rules",
            "Rule says",
            "Status",
            "Reason",
            RESTS_ON,
        ],
    );
    for r in listed.iter().filter_map(|&i| rows.get(i)) {
        table.row(
            m,
            &[
                ("class", &(String::from("audit-") + r.status.as_str())),
                ("data-id", &r.id),
            ],
        );
        named(m, &r.name, &r.id);
        table.cell(m);
        m.text(&r.provider);
        if r.region != "-" {
            m.raw(" ").code(&r.region);
        }
        table.cell(m);
        codes(m, &r.rules);
        table.cell(m);
        m.text(&r.verdict_name);
        table.cell(m);
        m.text(r.status.word());
        table.cell(m);
        m.text(r.status.reason().unwrap_or("—"));
        table.cell(m);
        basis_row(m, &r.basis, &shared);
        table.end_row(m);
    }
    table.close(m);
    shared_list(m, &shared);
}

/// The audit's fallback: [`audit_table`] with every component listed.
pub fn audit_html(rows: &[AuditRow]) -> String {
    let mut m = Markup::new();
    let every: Vec<usize> = (0..rows.len()).collect();
    audit_table(&mut m, rows, &every);
    m.into_string()
}
