//! Word wrapping for long explanations.

use super::style::visible_width;

/// Wrap `text` to `width` columns for a paragraph that starts at column
/// `indent`: every line after the first starts with `indent` spaces (the
/// caller places the first). Words longer than a line are kept whole; ANSI
/// colour codes take no room.
pub fn wrap(text: &str, width: usize, indent: usize) -> String {
    let room = width.saturating_sub(indent).max(20);
    let mut out = String::new();
    let mut line_len = 0;
    for word in text.split_whitespace() {
        let len = visible_width(word);
        if line_len > 0 && line_len + 1 + len > room {
            out.push('\n');
            out.push_str(&" ".repeat(indent));
            line_len = 0;
        } else if line_len > 0 {
            out.push(' ');
            line_len += 1;
        }
        out.push_str(word);
        line_len += len;
    }
    out
}

/// `a, b and c`, the way a sentence lists things.
pub fn list(items: &[impl AsRef<str>]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_owned(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", init.join(", "), last.as_ref())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_word_boundaries_with_a_hanging_indent() {
        let cases = [
            ("", 30, 2, ""),
            ("one two", 30, 2, "one two"),
            (
                "aaaa bbbb cccc dddd eeee ffff gggg",
                24,
                2,
                "aaaa bbbb cccc dddd\n  eeee ffff gggg",
            ),
            ("  spaced   out  ", 30, 0, "spaced out"),
        ];
        for (text, width, indent, expected) in cases {
            assert_eq!(wrap(text, width, indent), expected, "{text:?}");
        }
    }

    #[test]
    fn lists_read_as_a_sentence() {
        assert_eq!(list(&["a"]), "a");
        assert_eq!(list(&["a", "b"]), "a and b");
        assert_eq!(list(&["a", "b", "c"]), "a, b and c");
        assert_eq!(list(&[] as &[&str]), "");
    }
}
