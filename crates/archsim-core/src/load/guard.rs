//! Cheap checks before parsing, so hostile input fails fast and clearly:
//! too large, not UTF-8, or binary. (Nesting deeper than the parser's
//! recursion limit is reported by the parser; see `syntax_diagnostic`.)

use crate::diag::{Diagnostic, Severity, Span};

pub use crate::limits::{MAX_ID_CHARS, MAX_MODEL_BYTES, MAX_PATTERN_CHARS, MAX_WILD_PATTERNS};

fn whole_file(
    file: &str,
    source: &str,
    span: Option<Span>,
    code: &'static str,
    message: String,
    hint: &str,
) -> Box<Diagnostic> {
    Box::new(Diagnostic::at(Severity::Error, code, file, source, span, message).with_hint(hint))
}

/// The bytes as text, or why they are not a model file.
pub fn text<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, Box<Diagnostic>> {
    if bytes.len() > MAX_MODEL_BYTES {
        return Err(whole_file(
            file,
            "",
            None,
            "too-large",
            format!(
                "the model file is {:.1} MiB; the limit is {} MiB",
                bytes.len() as f64 / 1048576.0,
                MAX_MODEL_BYTES >> 20
            ),
            "split the model or remove generated bulk; real architectures fit in a few hundred KiB",
        ));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(error) => {
            let valid = error.valid_up_to();
            let prefix = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
            Err(whole_file(
                file,
                prefix,
                Some(Span::new(valid, valid)),
                "not-utf8",
                format!("byte {valid} is not valid UTF-8; is this a binary file?"),
                "a model file is UTF-8 TOML text",
            ))
        }
    }
}

/// Reject control characters before the parser sees them.
///
/// Complexity: one tight pass over the bytes.
pub fn shape(file: &str, source: &str) -> Result<(), Box<Diagnostic>> {
    if source.len() > MAX_MODEL_BYTES {
        return text(file, source.as_bytes()).map(|_| ());
    }
    let bytes = source.as_bytes();
    let control = |b: u8| (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t')) || b == 0x7f;
    if let Some(at) = bytes.iter().position(|&b| control(b)) {
        return Err(whole_file(
            file,
            source,
            Some(Span::new(at, at + 1)),
            "binary",
            "the file contains control characters; is this a binary file?".into(),
            "a model file is UTF-8 TOML text",
        ));
    }
    Ok(())
}
