//! The drafted edits in words, for the list of edits (each one a line a
//! reviewer reads and can remove).

use archsim_core::draft::Edit;

/// One edit as a short line: what it adds, connects or removes.
pub fn describe(edit: &Edit) -> String {
    match edit {
        Edit::AddComponent(c) => {
            ["add component ", &c.id, " (", &c.kind, ", ", &c.env, ")"].concat()
        }
        Edit::Connect(e) => [
            "connect ",
            &e.from,
            " → ",
            &e.to,
            " (",
            e.kind.as_str(),
            ")",
        ]
        .concat(),
        Edit::RemoveComponent(id) => ["remove component ", id].concat(),
        Edit::RemoveEdge { from, to } => ["remove edge ", from, " → ", to].concat(),
        Edit::AddRecord(r) => ["add record ", &r.host, " → ", &r.target].concat(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use archsim_core::EdgeKind;
    use archsim_core::draft::{NewComponent, NewEdge, NewRecord};

    #[test]
    fn each_edit_reads_as_a_line() {
        let cases = [
            (
                Edit::AddComponent(NewComponent {
                    id: "status-page".into(),
                    kind: "bucket".into(),
                    env: "prod".into(),
                    ..NewComponent::default()
                }),
                "add component status-page (bucket, prod)",
            ),
            (
                Edit::Connect(NewEdge {
                    from: "api".into(),
                    to: "redis".into(),
                    kind: EdgeKind::Request,
                    note: String::new(),
                }),
                "connect api → redis (request)",
            ),
            (
                Edit::RemoveComponent("redis".into()),
                "remove component redis",
            ),
            (
                Edit::RemoveEdge {
                    from: "api".into(),
                    to: "redis".into(),
                },
                "remove edge api → redis",
            ),
            (
                Edit::AddRecord(NewRecord {
                    host: "status.tomoda.life".into(),
                    target: "status-page".into(),
                    ..NewRecord::default()
                }),
                "add record status.tomoda.life → status-page",
            ),
        ];
        for (edit, words) in cases {
            assert_eq!(describe(&edit), words);
        }
    }
}
