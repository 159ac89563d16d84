//! Escaping text for HTML and SVG.
//!
//! Every string that comes from the model or the reader goes through
//! [`html`] before it reaches markup: a component named
//! `<script>alert(1)</script>` must show as text, not run, and a component
//! named `{{#include /etc/passwd}}` must not be read by a later stage of
//! the book's build (mdBook's `links` preprocessor expands `{{#…}}` in the
//! chapter text after archsim has written it).

/// Escape `s` for HTML or SVG text and for quoted attribute values.
///
/// Replaces `&`, `<`, `>`, `"` and `'` with character references, which is
/// enough for element content and for attribute values in either quote
/// style (HTML and XML alike). Line breaks become references too: the book
/// embeds this output in Markdown, where a blank line would end the HTML
/// block and let Markdown reinterpret the rest. So does `{`: mdBook reads
/// `{{#include …}}` (and `{{ #include`, with spaces) in the Markdown it
/// gets from archsim, and a reference is text to it, while a browser shows
/// `{` as before.
///
/// Complexity: O(len).
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    html_into(&mut out, s);
    out
}

/// [`html`], appended to `out` (no string of its own). Copies the runs
/// between the characters it replaces whole: the widgets escape every
/// text they show on each render, and a character at a time took a tenth
/// of a widget's first render in the browser.
pub fn html_into(out: &mut String, s: &str) {
    let mut copied = 0;
    for (i, b) in s.bytes().enumerate() {
        let reference = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            b'\n' => "&#10;",
            b'\r' => "&#13;",
            b'{' => "&#123;",
            _ => continue,
        };
        // Every replaced character is ASCII: `i` is a character boundary.
        out.push_str(&s[copied..i]);
        out.push_str(reference);
        copied = i + 1;
    }
    out.push_str(&s[copied..]);
}

/// [`html`], and safe inside a Markdown paragraph too: for HTML the book
/// writes in the middle of the author's prose (a claim's mark and note),
/// which Markdown reads on, unlike a block. Its emphasis, code, link,
/// escape, strikethrough and table-cell characters become references, so
/// `infrastructure/gcp/*.tf` in a note stays as written.
///
/// Complexity: O(len).
pub fn inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '*' => out.push_str("&#42;"),
            '_' => out.push_str("&#95;"),
            '`' => out.push_str("&#96;"),
            '[' => out.push_str("&#91;"),
            ']' => out.push_str("&#93;"),
            '\\' => out.push_str("&#92;"),
            '~' => out.push_str("&#126;"),
            '|' => out.push_str("&#124;"),
            c => html_into(&mut out, c.encode_utf8(&mut [0; 4])),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{html, inline};

    #[test]
    fn inline_text_keeps_markdown_characters_as_text() {
        assert_eq!(
            inline("gcp/*.tf a_b `c` [d](e) \\f ~g~ |h| <i> {{#j}}"),
            "gcp/&#42;.tf a&#95;b &#96;c&#96; &#91;d&#93;(e) &#92;f &#126;g&#126; &#124;h&#124; &lt;i&gt; &#123;&#123;#j}}"
        );
    }

    #[test]
    fn escapes_markup_and_quotes() {
        let cases = [
            ("plain", "plain"),
            (
                "<script>alert(1)</script>",
                "&lt;script&gt;alert(1)&lt;/script&gt;",
            ),
            ("a & b", "a &amp; b"),
            ("\"double\" 'single'", "&quot;double&quot; &#39;single&#39;"),
            ("ünïcödé →", "ünïcödé →"),
            ("é<ü>", "é&lt;ü&gt;"),
            ("&", "&amp;"),
            ("two\n\nparagraphs\r\n", "two&#10;&#10;paragraphs&#13;&#10;"),
            ("", ""),
            (
                "{{#include /etc/passwd}}",
                "&#123;&#123;#include /etc/passwd}}",
            ),
            ("{{ #include x}} {x}", "&#123;&#123; #include x}} &#123;x}"),
        ];
        for (input, expected) in cases {
            assert_eq!(html(input), expected, "escaping {input:?}");
        }
    }
}
