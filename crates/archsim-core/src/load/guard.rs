//! Cheap checks before parsing, so hostile input fails fast and clearly:
//! too large, not UTF-8, binary, or nested deeper than any model needs.

use crate::diag::{Diagnostic, Severity, Span};

/// The largest model file the loader reads (32 MiB).
pub const MAX_MODEL_BYTES: usize = 32 * 1024 * 1024;

/// Deepest nesting of inline tables and arrays a model may use.
const MAX_NESTING: usize = 32;

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

/// Reject control characters and pathological nesting before the parser sees them.
pub fn shape(file: &str, source: &str) -> Result<(), Box<Diagnostic>> {
    if source.len() > MAX_MODEL_BYTES {
        return text(file, source.as_bytes()).map(|_| ());
    }
    if let Some(at) = source.find(|c: char| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) {
        return Err(whole_file(
            file,
            source,
            Some(Span::new(at, at + 1)),
            "binary",
            "the file contains control characters; is this a binary file?".into(),
            "a model file is UTF-8 TOML text",
        ));
    }
    let mut depth = 0usize;
    let mut in_string: Option<u8> = None;
    let mut in_comment = false;
    let bytes = source.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match (in_string, b) {
            (_, b'\n') if in_comment => in_comment = false,
            (_, _) if in_comment => {}
            (Some(b'"'), b'\\') => i += 1,
            (Some(q), _) if q == b => in_string = None,
            (Some(_), _) => {}
            (None, b'#') => in_comment = true,
            (None, b'"' | b'\'') => in_string = Some(b),
            (None, b'[' | b'{') => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(whole_file(
                        file,
                        source,
                        Some(Span::new(i, i + 1)),
                        "too-deep",
                        format!("values are nested more than {MAX_NESTING} levels deep"),
                        "model files use flat tables; deep nesting is never needed",
                    ));
                }
            }
            (None, b']' | b'}') => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    Ok(())
}
