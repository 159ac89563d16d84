//! A small HTML tokenizer: the sequence of tags in a piece of markup, for
//! comparing the structure of two renderings whose text differs.
//!
//! It reads what archsim writes (elements, quoted attributes, comments), not
//! the whole HTML grammar: text and attribute values are skipped, so two
//! renderings with the same elements and attribute names give equal
//! sequences whatever their words. A `<` that opens no tag is text, as a
//! browser reads it, so a stray one in escaped output shows as a changed
//! sequence only when it does open a tag.

/// One tag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tag {
    /// `<name attr…>` (or self-closing `<name/>`): the name and the
    /// attribute names, in order.
    Start(String, Vec<String>),
    /// `</name>`.
    End(String),
}

/// The tags of `markup`, in order.
///
/// Complexity: O(len).
pub fn tags(markup: &str) -> Vec<Tag> {
    let b = markup.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(found) = markup[i..].find('<') {
        i += found + 1;
        if markup[i..].starts_with("!--") {
            i = markup[i..].find("-->").map_or(b.len(), |e| i + e + 3);
        } else if markup[i..].starts_with(['!', '?']) {
            i = markup[i..].find('>').map_or(b.len(), |e| i + e + 1);
        } else if markup[i..].starts_with('/') && b.get(i + 1).is_some_and(u8::is_ascii_alphabetic)
        {
            let name = name_at(b, i + 1);
            i += 1 + name.len();
            i = markup[i..].find('>').map_or(b.len(), |e| i + e + 1);
            out.push(Tag::End(name.to_ascii_lowercase()));
        } else if b.get(i).is_some_and(u8::is_ascii_alphabetic) {
            let name = name_at(b, i);
            i += name.len();
            let mut attrs = Vec::new();
            loop {
                while b
                    .get(i)
                    .is_some_and(|c| c.is_ascii_whitespace() || *c == b'/')
                {
                    i += 1;
                }
                match b.get(i) {
                    None => break,
                    Some(b'>') => {
                        i += 1;
                        break;
                    }
                    _ => {}
                }
                let start = i;
                while b
                    .get(i)
                    .is_some_and(|c| !c.is_ascii_whitespace() && !b"=>/".contains(c))
                {
                    i += 1;
                }
                attrs.push(markup[start..i].to_ascii_lowercase());
                if b.get(i) == Some(&b'=') {
                    i += 1;
                    i = skip_value(markup, i);
                }
                if i == start {
                    i += 1; // a lone `=`: never loop in place
                }
            }
            out.push(Tag::Start(name.to_ascii_lowercase(), attrs));
        }
    }
    out
}

fn name_at(b: &[u8], at: usize) -> String {
    let end = b[at..]
        .iter()
        .position(|c| c.is_ascii_whitespace() || b"/>".contains(c))
        .map_or(b.len(), |p| at + p);
    String::from_utf8_lossy(&b[at..end]).into_owned()
}

/// Past an attribute value starting at `at`: quoted, or up to a space or `>`.
fn skip_value(markup: &str, at: usize) -> usize {
    let b = markup.as_bytes();
    match b.get(at) {
        Some(&q @ (b'"' | b'\'')) => markup[at + 1..]
            .find(q as char)
            .map_or(b.len(), |e| at + 1 + e + 1),
        _ => b[at..]
            .iter()
            .position(|c| c.is_ascii_whitespace() || *c == b'>')
            .map_or(b.len(), |p| at + p),
    }
}

#[cfg(test)]
mod tests {
    use super::{Tag, tags};

    fn start(name: &str, attrs: &[&str]) -> Tag {
        Tag::Start(name.into(), attrs.iter().map(|a| (*a).into()).collect())
    }

    #[test]
    fn reads_elements_and_attribute_names() {
        let end = |n: &str| Tag::End(n.into());
        let cases: Vec<(&str, Vec<Tag>)> = vec![
            ("plain text", vec![]),
            ("<p>a</p>", vec![start("p", &[]), end("p")]),
            (
                r#"<a href="x>y" data-x='q"' hidden>t</a>"#,
                vec![start("a", &["href", "data-x", "hidden"]), end("a")],
            ),
            (
                "<br/><img src=x.png>",
                vec![start("br", &[]), start("img", &["src"])],
            ),
            (
                "<!-- <b> -->a < b <SPAN CLASS=k>",
                vec![start("span", &["class"])],
            ),
            ("&lt;script&gt;", vec![]),
            (
                "<svg viewBox=\"0 0 1 1\"><text x=\"1\">&amp;</text></svg>",
                vec![
                    start("svg", &["viewbox"]),
                    start("text", &["x"]),
                    end("text"),
                    end("svg"),
                ],
            ),
            ("<a =x>", vec![start("a", &[""])]),
        ];
        for (markup, expected) in cases {
            assert_eq!(tags(markup), expected, "{markup:?}");
        }
    }
}
