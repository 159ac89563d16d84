//! A draft's link form: the value of one key of the widgets' link (the
//! `key=value` pairs of `archsim-web`'s `fragment.rs`), beside the other
//! state keys.
//!
//! ```text
//! 1,c:status-page:Status%20page:bucket:prod:global:holds-state:,n:api:status-page:cached:,x:redis,r:api:redis,h:status.tomoda.life:status-page:terraform:CNAME:prod:
//! ```
//!
//! The version, then one edit per `,`: a letter (`c` add a component, `n`
//! connect, `x` remove a component, `r` remove an edge, `h` add a host
//! record), then its fields, each after a `:`; a component's answers are
//! separated by `/`. Texts keep letters, digits and `-._~@` and write any
//! other byte as `%XX`, so the value has no `;`, `=`, `#` or space: the
//! link carries it as written, without a second escape.
//!
//! Bounded: at most [`MAX_DRAFT_BYTES`] bytes, [`MAX_DRAFT_EDITS`] edits
//! and [`MAX_DRAFT_TEXT`] characters a text; anything else is an error
//! that names the edit, never a panic.

use super::{Draft, DraftError, Edit, NewComponent, NewEdge, NewRecord, words};
use crate::limits::{MAX_DRAFT_BYTES, MAX_DRAFT_EDITS, MAX_DRAFT_TEXT};
use crate::model::EdgeKind;
use crate::suggest::nearest;

/// The version this archsim writes and reads.
const VERSION: &str = "1";

impl Draft {
    /// The draft as a link's value (see the module's format).
    ///
    /// Complexity: O(the draft's texts).
    pub fn to_fragment(&self) -> String {
        let mut out = String::from(VERSION);
        for edit in &self.edits {
            out.push(',');
            let (tag, texts) = match edit {
                Edit::AddComponent(c) => ('c', {
                    let mut answers = String::new();
                    for (i, a) in c.answers.iter().enumerate() {
                        if i > 0 {
                            answers.push('/');
                        }
                        escape(&mut answers, a);
                    }
                    let region = c.region.as_deref().unwrap_or("");
                    let mut texts = String::new();
                    for t in [&c.id, &c.name, &c.kind, &c.env, region] {
                        texts.push(':');
                        escape(&mut texts, t);
                    }
                    texts.push(':');
                    texts.push_str(&answers);
                    texts.push(':');
                    escape(&mut texts, &c.note);
                    texts
                }),
                Edit::Connect(e) => ('n', fields(&[&e.from, &e.to, e.kind.as_str(), &e.note])),
                Edit::RemoveComponent(id) => ('x', fields(&[id])),
                Edit::RemoveEdge { from, to } => ('r', fields(&[from, to])),
                Edit::AddRecord(r) => (
                    'h',
                    fields(&[&r.host, &r.target, &r.writer, &r.rtype, &r.env, &r.note]),
                ),
            };
            out.push(tag);
            out.push_str(&texts);
        }
        out
    }

    /// Read a link's value written by [`Draft::to_fragment`].
    ///
    /// Returns: the draft, or the first problem, naming the edit (from 1).
    /// Complexity: O(length); a value over [`MAX_DRAFT_BYTES`] is refused
    /// unread.
    pub fn from_fragment(text: &str) -> Result<Draft, DraftError> {
        if text.len() > MAX_DRAFT_BYTES {
            return Err(DraftError::new(words(&[
                "the draft's link is ",
                &text.len().to_string(),
                " bytes long; the limit is ",
                &MAX_DRAFT_BYTES.to_string(),
            ])));
        }
        let mut parts = text.split(',');
        let version = parts.next().unwrap_or_default();
        if version != VERSION {
            let newer = !version.is_empty() && version.bytes().all(|b| b.is_ascii_digit());
            return Err(DraftError::new(if newer {
                words(&[
                    "the draft's link is of version ",
                    version,
                    "; this archsim reads version ",
                    VERSION,
                ])
            } else {
                "not a draft's link: it starts with no version".to_owned()
            }));
        }
        let mut edits = Vec::new();
        for (i, part) in parts.enumerate() {
            if i == MAX_DRAFT_EDITS {
                return Err(DraftError::new(words(&[
                    "the draft has more than ",
                    &MAX_DRAFT_EDITS.to_string(),
                    " edits",
                ])));
            }
            let edit = read_edit(part).map_err(|message| DraftError {
                edit: Some(i + 1),
                ..message
            })?;
            edits.push(edit);
        }
        Ok(Draft { edits })
    }
}

/// Each text after a `:`.
fn fields(texts: &[&str]) -> String {
    let mut out = String::new();
    for t in texts {
        out.push(':');
        escape(&mut out, t);
    }
    out
}

fn escape(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~@".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
}

/// Undo [`escape`]; a malformed escape, a byte it would have escaped, bad
/// UTF-8 or a text over [`MAX_DRAFT_TEXT`] characters is an error.
fn unescape(text: &str) -> Result<String, DraftError> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'%' {
            let hex = |at: usize| bytes.get(at).and_then(|&h| char::from(h).to_digit(16));
            let (Some(high), Some(low)) = (hex(i + 1), hex(i + 2)) else {
                return Err(DraftError::new(
                    "a `%` is not followed by two hex digits".to_owned(),
                ));
            };
            out.push((high * 16 + low) as u8);
            i += 3;
        } else if b.is_ascii_alphanumeric() || b"-._~@".contains(&b) {
            out.push(b);
            i += 1;
        } else {
            return Err(DraftError::new(words(&[
                "the character `",
                &char::from(b).escape_default().to_string(),
                "` must be written as %XX",
            ])));
        }
    }
    let text = String::from_utf8(out)
        .map_err(|_| DraftError::new("a text is not valid UTF-8".to_owned()))?;
    if text.chars().count() > MAX_DRAFT_TEXT {
        return Err(DraftError::new(words(&[
            "a text is longer than ",
            &MAX_DRAFT_TEXT.to_string(),
            " characters",
        ])));
    }
    Ok(text)
}

/// The letters of the edits, for a message.
const TAGS: &str = "c (add a component), n (connect), x (remove a component), r (remove an edge) or h (add a host record)";

fn read_edit(part: &str) -> Result<Edit, DraftError> {
    let mut pieces = part.split(':');
    let tag = pieces.next().unwrap_or_default();
    let want = match tag {
        "c" => 7,
        "n" => 4,
        "x" => 1,
        "r" => 2,
        "h" => 6,
        _ => {
            let shown = if tag.len() <= 8 && tag.bytes().all(|b| b.is_ascii_alphanumeric()) {
                tag
            } else {
                "…"
            };
            return Err(DraftError::new(words(&[
                "unknown edit `",
                shown,
                "`; an edit starts with ",
                TAGS,
            ])));
        }
    };
    let raw: Vec<&str> = pieces.by_ref().take(want + 1).collect();
    if raw.len() != want {
        return Err(DraftError::new(words(&[
            "edit `",
            tag,
            "` has ",
            &raw.len().to_string(),
            if raw.len() > want { " or more" } else { "" },
            " fields; it needs ",
            &want.to_string(),
        ])));
    }
    // Answers are a list; every other field is one text.
    let texts = |skip: Option<usize>| -> Result<Vec<String>, DraftError> {
        raw.iter()
            .enumerate()
            .map(|(i, r)| {
                if Some(i) == skip {
                    Ok(String::new())
                } else {
                    unescape(r)
                }
            })
            .collect()
    };
    Ok(match tag {
        "c" => {
            let mut t = texts(Some(5))?.into_iter();
            let mut next = || t.next().unwrap_or_default();
            let (id, name, kind, env, region) = (next(), next(), next(), next(), next());
            next();
            let note = next();
            let mut answers = Vec::new();
            if !raw[5].is_empty() {
                for a in raw[5].split('/') {
                    let a = unescape(a)?;
                    if a.is_empty() {
                        return Err(DraftError::new("an answer is empty".to_owned()));
                    }
                    answers.push(a);
                }
            }
            Edit::AddComponent(NewComponent {
                id,
                name,
                kind,
                env,
                region: (!region.is_empty()).then_some(region),
                answers,
                note,
            })
        }
        "n" => {
            let mut t = texts(None)?.into_iter();
            let mut next = || t.next().unwrap_or_default();
            let (from, to, kind, note) = (next(), next(), next(), next());
            let Some(kind) = EdgeKind::parse(&kind) else {
                return Err(DraftError {
                    edit: None,
                    message: words(&["unknown edge kind `", &kind, "`"]),
                    suggestions: nearest(&kind, EdgeKind::ALL.map(EdgeKind::as_str), 2),
                });
            };
            Edit::Connect(NewEdge {
                from,
                to,
                kind,
                note,
            })
        }
        "x" => Edit::RemoveComponent(texts(None)?.into_iter().next().unwrap_or_default()),
        "r" => {
            let mut t = texts(None)?.into_iter();
            let mut next = || t.next().unwrap_or_default();
            Edit::RemoveEdge {
                from: next(),
                to: next(),
            }
        }
        _ => {
            let mut t = texts(None)?.into_iter();
            let mut next = || t.next().unwrap_or_default();
            Edit::AddRecord(NewRecord {
                host: next(),
                target: next(),
                writer: next(),
                rtype: next(),
                env: next(),
                note: next(),
            })
        }
    })
}
