//! A draft as the model-file text to commit: what it adds as tables to
//! append to the model file, what it removes as a comment list (the file
//! is the reviewer's: they delete those entries by hand, where they are
//! written).

use super::{Draft, Edit, PROPOSED};
use crate::model::Model;
use crate::place::{Verdict, evaluate};

impl Draft {
    /// The snippet to commit: first, as comments, what to change in the
    /// file by hand (entries to delete, hosts a writer comes to own); then one `[[component]]`, `[[edge]]` or `[[record]]` table
    /// per addition, in the draft's order, each sourced by its assumption.
    /// Appended to the model file (with those changes made), it loads into
    /// the model [`Draft::apply`] makes.
    ///
    /// `model` is the model the draft applies to: it gives a new
    /// component's provider (the placement rule's verdict).
    /// Complexity: O(the draft's texts + rules · answers).
    pub fn to_toml(&self, model: &Model) -> String {
        let mut out = String::from("# Proposed with archsim's propose widget.\n");
        let mut edits = false;
        for edit in &self.edits {
            let what: [&str; 5] = match edit {
                Edit::RemoveComponent(id) => [
                    "delete component `",
                    id,
                    "` (its table) and every edge from or to it",
                    "",
                    "",
                ],
                Edit::RemoveEdge { from, to } => [
                    "delete the edge `",
                    from,
                    " → ",
                    to,
                    "` (its [[edge]] table or `needs` entry)",
                ],
                Edit::AddRecord(r) if !owned(model, r) => [
                    "add `",
                    &r.host,
                    "` to the `owns` of writer `",
                    &r.writer,
                    "`",
                ],
                _ => continue,
            };
            if !edits {
                out.push_str("# In the model file:\n");
                edits = true;
            }
            out.push_str("# - ");
            // Every piece through the escaper: a comment ends at a line
            // break, and an id may hold one.
            what.iter().for_each(|piece| escaped(&mut out, piece));
            out.push('\n');
            // The internal flows that go with a removed component.
            let Edit::RemoveComponent(id) = edit else {
                continue;
            };
            let Some(c) = model.component_by_id(id) else {
                continue;
            };
            for f in model.flows.iter().filter(|f| super::apply::passes(f, c)) {
                for piece in ["# - delete flow `", &f.id, "` (its path passes `", id, "`)"] {
                    escaped(&mut out, piece);
                }
                out.push('\n');
            }
        }
        out.push_str("# Append to the model file:\n");
        for edit in &self.edits {
            match edit {
                Edit::AddComponent(c) => {
                    out.push_str("\n[[component]]\n");
                    pair(&mut out, "id", &c.id);
                    if !c.name.is_empty() {
                        pair(&mut out, "name", &c.name);
                    }
                    pair(&mut out, "kind", &c.kind);
                    let answers: Vec<String> = model
                        .placement
                        .questions
                        .iter()
                        .filter(|q| c.answers.contains(&q.id))
                        .map(|q| q.id.clone())
                        .collect();
                    match evaluate(model, &answers).verdict {
                        Verdict::Provider(p) => {
                            pair(&mut out, "provider", &model.providers[p.index()].id)
                        }
                        _ => out.push_str(
                            "# provider: the placement rule decides none for these answers\n",
                        ),
                    }
                    if let Some(region) = &c.region {
                        pair(&mut out, "region", region);
                    }
                    pair(&mut out, "env", &c.env);
                    out.push_str("traits = [");
                    for (i, a) in answers.iter().enumerate() {
                        if i > 0 {
                            out.push_str(", ");
                        }
                        string(&mut out, a);
                    }
                    out.push_str("]\n");
                    assumption(&mut out, &c.note);
                }
                Edit::Connect(e) => {
                    out.push_str("\n[[edge]]\n");
                    pair(&mut out, "from", &e.from);
                    pair(&mut out, "to", &e.to);
                    pair(&mut out, "kind", e.kind.as_str());
                    if !e.note.is_empty() {
                        pair(&mut out, "why", &e.note);
                    }
                    assumption(&mut out, &e.note);
                }
                Edit::AddRecord(r) => {
                    out.push_str("\n[[record]]\n");
                    pair(&mut out, "host", &r.host);
                    pair(&mut out, "type", &r.rtype);
                    pair(&mut out, "target", &r.target);
                    pair(&mut out, "writer", &r.writer);
                    pair(&mut out, "env", &r.env);
                    assumption(&mut out, &r.note);
                }
                Edit::RemoveComponent(_) | Edit::RemoveEdge { .. } => {}
            }
        }
        out
    }
}

/// Whether the record's writer owns its host already.
fn owned(model: &Model, r: &super::NewRecord) -> bool {
    let host = crate::host::normalize(&r.host).unwrap_or_default();
    model
        .writers
        .iter()
        .find(|w| w.id == r.writer)
        .is_none_or(|w| w.owns.iter().any(|p| crate::host::matches(p, &host)))
}

/// `key = "value"` and a line break.
fn pair(out: &mut String, key: &str, value: &str) {
    out.push_str(key);
    out.push_str(" = ");
    string(out, value);
    out.push('\n');
}

/// The entry's assumption: the note, or [`PROPOSED`] (as `apply` sources it).
fn assumption(out: &mut String, note: &str) {
    pair(
        out,
        "assumption",
        if note.trim().is_empty() {
            PROPOSED
        } else {
            note
        },
    );
}

/// A TOML basic string: quotes and backslashes escaped, and control and
/// hidden characters (bidi controls among them) as `\uXXXX`, so the
/// snippet shows what it holds.
fn string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => escaped(out, c.encode_utf8(&mut [0; 4])),
        }
    }
    out.push('"');
}

/// Text with its control and hidden characters as `\uXXXX` (a comment
/// may hold neither, and a line break would end it).
fn escaped(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for c in text.chars() {
        if c.is_control() || crate::text::is_hidden(c) {
            let code = u32::from(c);
            let (mark, digits) = if code > 0xFFFF { ('U', 8) } else { ('u', 4) };
            out.push('\\');
            out.push(mark);
            for shift in (0..digits).rev() {
                out.push(char::from(HEX[((code >> (shift * 4)) & 15) as usize]));
            }
        } else {
            out.push(c);
        }
    }
}
