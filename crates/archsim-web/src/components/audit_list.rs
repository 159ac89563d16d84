//! The placement assistant's audit of existing components, as a table:
//! how many components each status holds, and which rows it lists.
//!
//! At the Tomoda model's size every component is listed. A table of 1,000
//! rows took the browser 180 ms to lay out and paint, so past
//! [`super::MAX_ROWS`] the table lists the components that do not simply
//! fit the rule (the ones a review asks about), and says how many it left
//! out.

use archsim_core::AuditStatus;
use archsim_view::html::audit_table;
use archsim_view::present::AuditRow;

use super::MAX_ROWS;
use crate::markup::Markup;

/// Indices of the rows the table lists, in model order.
pub fn listed(rows: &[AuditRow]) -> Vec<usize> {
    let all = rows.len() <= MAX_ROWS;
    rows.iter()
        .enumerate()
        .filter(|(_, r)| all || r.status != AuditStatus::Fits)
        .map(|(i, _)| i)
        .take(MAX_ROWS)
        .collect()
}

/// The audit table, with its counts and what it left out.
#[allow(clippy::disallowed_macros)] // The note on the rows left out: three counts among words.
pub fn markup(rows: &[AuditRow]) -> String {
    let listed = listed(rows);
    let mut m = Markup::new();
    audit_table(&mut m, rows, &listed);
    let left_out = rows.len() - listed.len();
    if left_out > 0 {
        m.raw("<p class=\"archsim-muted archsim-audit-rest\">")
            .text(&format!(
                "Not listed: {left_out} of {} components. Past {MAX_ROWS} components the table lists only those that do not simply fit the rule, at most {MAX_ROWS}; ",
                rows.len()
            ))
            .code("archsim place --audit")
            .text(" lists every one.")
            .raw("</p>");
    }
    m.into_string()
}

#[cfg(test)]
mod tests {
    use archsim_core::CompId;
    use archsim_view::present::audit_view;

    use super::*;

    fn rows(n: usize, not_fitting: &[usize]) -> Vec<AuditRow> {
        (0..n)
            .map(|i| AuditRow {
                component: CompId::from_index(i),
                id: format!("c{i}"),
                name: format!("C{i}"),
                provider: "gcp".into(),
                region: "-".into(),
                verdict: archsim_core::Verdict::Provider(archsim_core::ProviderId::from_index(0)),
                verdict_name: "gcp".into(),
                status: if not_fitting.contains(&i) {
                    AuditStatus::Exception("because".into())
                } else {
                    AuditStatus::Fits
                },
                rules: Vec::new(),
                basis: Default::default(),
            })
            .collect()
    }

    #[test]
    fn lists_everything_when_small_and_what_needs_a_look_when_large() {
        let every: Vec<usize> = (0..150).collect();
        // (rows, the ones that do not fit, listed, note)
        let cases: [(usize, &[usize], Vec<usize>, &str); 4] = [
            (37, &[3, 9], (0..37).collect(), ""),
            (
                150,
                &[5, 70, 149],
                vec![5, 70, 149],
                "Not listed: 147 of 150 components.",
            ),
            (
                150,
                &every,
                (0..100).collect(),
                "Not listed: 50 of 150 components.",
            ),
            (1_000, &[], vec![], "Not listed: 1000 of 1000 components."),
        ];
        for (n, not_fitting, want, note) in cases {
            let rows = rows(n, not_fitting);
            assert_eq!(listed(&rows), want, "{n} rows");
            let html = markup(&rows);
            assert_eq!(html.matches("<tr class=").count(), want.len());
            let fits = n - not_fitting.len();
            let caption = format!("fits {fits}, exception {}, resolved 0", not_fitting.len());
            assert!(html.contains(&caption), "{html}");
            if note.is_empty() {
                assert!(!html.contains("Not listed"), "{html}");
            } else {
                assert!(html.contains(note), "{html}");
            }
        }
        // The Tomoda model's audit lists every component.
        let tomoda = archsim_core::Engine::tomoda().unwrap();
        let all = audit_view(&tomoda);
        assert_eq!(listed(&all).len(), all.len());
    }
}
