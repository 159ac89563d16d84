//! `load_toml`: text → the loader.

use archsim_core::codec::{decode, encode};
use archsim_core::load_bytes;

/// Load `data` as a model file. Every diagnostic's line and column lie
/// inside the text it was found in (the valid UTF-8 prefix for a file that
/// is not UTF-8), and its span inside the file; a model that loads
/// survives encode → decode unchanged.
pub fn check_load_toml(data: &[u8]) {
    let loaded = load_bytes("fuzz.toml", data);
    let text = match std::str::from_utf8(data) {
        Ok(text) => text,
        Err(e) => std::str::from_utf8(&data[..e.valid_up_to()]).expect("a valid prefix"),
    };
    // The loader counts columns from after a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text.split('\n').collect();
    for d in &loaded.diagnostics {
        assert!(
            d.line >= 1 && d.line <= lines.len(),
            "line {} of a {}-line file: {d}",
            d.line,
            lines.len()
        );
        let width = lines[d.line - 1].chars().count();
        assert!(
            d.column >= 1 && d.column <= width + 1,
            "column {} of a {width}-character line: {d}",
            d.column
        );
        if let Some(span) = d.span {
            assert!(
                span.start <= span.end && span.end <= data.len(),
                "span {span:?} of a {}-byte file: {d}",
                data.len()
            );
        }
    }
    if let Some(model) = loaded.model {
        let decoded = decode(&encode(&model)).expect("a loaded model's encoding decodes");
        assert_eq!(decoded, model, "a loaded model survives the codec");
    }
}
