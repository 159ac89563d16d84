//! Short import names for the wasm bundle.
//!
//! wasm-bindgen names each function the module imports from its JS glue
//! after the Rust item plus a 16-digit hash (`__wbg_closest_39824b16065066bc`),
//! and writes every name twice: in the wasm's import section and as a key
//! of the glue's import object. Some 150 such names are about 5 KB of the
//! gzipped bundle, the hashes being what gzip cannot shrink. This step
//! gives every import a short name (`_0`, `_1`, …, base 36) in both files,
//! consistently; nothing else changes, so the bundle behaves as before.
//!
//! It refuses, and changes nothing, when the two files do not fit the
//! shape it knows: each import name must be a key of the glue exactly once
//! (`name:`) and appear nowhere else in it. A new wasm-bindgen that writes
//! its glue differently then fails the build with a message, never
//! produces a bundle that cannot load.

/// The wasm module and its JS glue with every import renamed; returns them
/// and how many names were shortened.
pub fn shorten(wasm: &[u8], js: &str) -> Result<(Vec<u8>, String, usize), String> {
    let sections = sections(wasm)?;
    let mut out = Vec::with_capacity(wasm.len());
    out.extend_from_slice(&wasm[..8]);
    let mut js = js.to_owned();
    let mut renamed = 0;
    for (id, body) in sections {
        if id != IMPORT_SECTION {
            out.push(id);
            out.extend_from_slice(&leb(body.len()));
            out.extend_from_slice(body);
            continue;
        }
        let (body, n) = rename_imports(body, &mut js)?;
        renamed = n;
        out.push(id);
        out.extend_from_slice(&leb(body.len()));
        out.extend_from_slice(&body);
    }
    Ok((out, js, renamed))
}

const IMPORT_SECTION: u8 = 2;

/// The short name of the `i`-th import: `_` and `i` in base 36.
fn short_name(mut i: usize) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut digits = Vec::new();
    loop {
        digits.push(DIGITS[i % 36]);
        i /= 36;
        if i == 0 {
            break;
        }
    }
    digits.push(b'_');
    digits.reverse();
    String::from_utf8(digits).unwrap_or_default()
}

/// The module's sections as (id, body), after checking the header.
fn sections(wasm: &[u8]) -> Result<Vec<(u8, &[u8])>, String> {
    if wasm.len() < 8 || &wasm[..4] != b"\0asm" || wasm[4..8] != [1, 0, 0, 0] {
        return Err("not a wasm module (version 1)".into());
    }
    let mut at = 8;
    let mut out = Vec::new();
    while at < wasm.len() {
        let id = wasm[at];
        let (size, body_at) = read_leb(wasm, at + 1)?;
        let end = body_at
            .checked_add(size)
            .filter(|&end| end <= wasm.len())
            .ok_or_else(|| format!("section {id} at byte {at} runs past the end"))?;
        out.push((id, &wasm[body_at..end]));
        at = end;
    }
    Ok(out)
}

/// The import section with short names, renaming the same names in `js`.
fn rename_imports(body: &[u8], js: &mut String) -> Result<(Vec<u8>, usize), String> {
    let (count, mut at) = read_leb(body, 0)?;
    let mut out = leb(count);
    let mut renamed = 0;
    for i in 0..count {
        let (module, next) = read_name(body, at)?;
        let (name, next) = read_name(body, next)?;
        let kind = *body.get(next).ok_or("an import runs past the end")?;
        // Only functions (kind 0, a type index) are renamed; any other
        // kind means glue this step does not know.
        if kind != 0 {
            return Err(format!("import `{name}` is not a function (kind {kind})"));
        }
        let (_, end) = read_leb(body, next + 1)?;
        let short = short_name(i);
        let found = whole_words(js, name);
        let [at_key] = found[..] else {
            return Err(format!(
                "import `{name}` is in the JS glue {} times, not once",
                found.len()
            ));
        };
        if !js[at_key + name.len()..].starts_with(':') {
            return Err(format!("import `{name}` is not a key of the JS glue"));
        }
        js.replace_range(at_key..at_key + name.len(), &short);
        renamed += 1;
        out.extend_from_slice(&leb(module.len()));
        out.extend_from_slice(module.as_bytes());
        out.extend_from_slice(&leb(short.len()));
        out.extend_from_slice(short.as_bytes());
        out.extend_from_slice(&body[next..end]);
        at = end;
    }
    if at != body.len() {
        return Err("the import section has bytes after its last import".into());
    }
    Ok((out, renamed))
}

/// Where `word` occurs in `text` as a whole identifier (no identifier
/// character just before or after it).
fn whole_words(text: &str, word: &str) -> Vec<usize> {
    let ident =
        |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    text.match_indices(word)
        .map(|(at, _)| at)
        .filter(|&at| {
            !ident(text[..at].chars().next_back()) && !ident(text[at + word.len()..].chars().next())
        })
        .collect()
}

/// A length-prefixed UTF-8 name at `at`, and where it ends.
fn read_name(bytes: &[u8], at: usize) -> Result<(&str, usize), String> {
    let (len, start) = read_leb(bytes, at)?;
    let end = start
        .checked_add(len)
        .filter(|&end| end <= bytes.len())
        .ok_or("a name runs past the end")?;
    let name = std::str::from_utf8(&bytes[start..end]).map_err(|_| "a name is not UTF-8")?;
    Ok((name, end))
}

/// An unsigned LEB128 number (at most 32 bits) at `at`, and where it ends.
fn read_leb(bytes: &[u8], mut at: usize) -> Result<(usize, usize), String> {
    let mut value = 0usize;
    for shift in (0..35).step_by(7) {
        let byte = *bytes.get(at).ok_or("a number runs past the end")?;
        at += 1;
        value |= usize::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Ok((value, at));
        }
    }
    Err("a number is longer than 32 bits".into())
}

fn leb(mut n: usize) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return out;
        }
        out.push(byte | 0x80);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module importing `names` from `./m.js` (each a function of type
    /// 0), with a custom section after them.
    fn module(names: &[&str]) -> Vec<u8> {
        let mut imports = leb(names.len());
        for name in names {
            imports.extend(leb(6));
            imports.extend(b"./m.js");
            imports.extend(leb(name.len()));
            imports.extend(name.as_bytes());
            imports.extend([0, 0]);
        }
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        // A type section: one function type, () -> ().
        wasm.extend([1, 4, 1, 0x60, 0, 0]);
        wasm.push(IMPORT_SECTION);
        wasm.extend(leb(imports.len()));
        wasm.extend(imports);
        wasm.extend([0, 4, 1, b'x', 7, 7]);
        wasm
    }

    fn glue(names: &[&str]) -> String {
        let keys: Vec<String> = names
            .iter()
            .map(|n| format!("        {n}: function() {{ return 1; }},\n"))
            .collect();
        format!("const import0 = {{\n{}}};\nwasm.memory;\n", keys.concat())
    }

    #[test]
    fn every_import_gets_a_short_name_in_both_files() {
        let names: Vec<String> = (0..40)
            .map(|i| format!("__wbg_f{i}_0123456789abcdef"))
            .collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let (wasm, js, renamed) = shorten(&module(&names), &glue(&names)).expect("shortened");
        assert_eq!(renamed, 40);
        let shorts: Vec<String> = (0..40).map(short_name).collect();
        assert_eq!(shorts[..3], ["_0", "_1", "_2"]);
        assert_eq!(shorts[35..37], ["_z", "_10"]);
        let shorts: Vec<&str> = shorts.iter().map(String::as_str).collect();
        // The same module as if written with the short names, and the
        // same glue.
        assert_eq!(wasm, module(&shorts));
        assert_eq!(js, glue(&shorts));
        // Nothing of the old names is left, and a second pass changes
        // nothing but names already short.
        assert!(!js.contains("__wbg"), "{js}");
        let (again, js_again, _) = shorten(&wasm, &js).expect("again");
        assert_eq!((again, js_again), (wasm, js));
    }

    #[test]
    fn glue_of_another_shape_is_refused() {
        let names = ["__wbg_a_0123456789abcdef", "__wbg_b_0123456789abcdef"];
        let wasm = module(&names);
        // (what, the glue, what the error names)
        let cases = [
            (
                "a missing key",
                glue(&names[..1]),
                "__wbg_b_0123456789abcdef",
            ),
            (
                "a name that is not a key",
                glue(&names).replace("__wbg_b_0123456789abcdef:", "x: __wbg_b_0123456789abcdef,"),
                "__wbg_b_0123456789abcdef",
            ),
            (
                "a name used elsewhere too",
                glue(&names) + "wasm.__wbg_a_0123456789abcdef();\n",
                "__wbg_a_0123456789abcdef",
            ),
        ];
        for (what, js, named) in cases {
            let error = shorten(&wasm, &js).expect_err(what);
            assert!(error.contains(named), "{what}: {error}");
        }
    }

    #[test]
    fn a_damaged_module_is_an_error_not_a_panic() {
        let names = ["__wbg_a_0123456789abcdef"];
        let good = module(&names);
        let js = glue(&names);
        // Cut at a section's end, the module is whole (with fewer
        // sections); anywhere else it is damaged.
        let import_end = good.len() - 6;
        for cut in 0..good.len() {
            let whole = [8, 14, import_end].contains(&cut);
            assert_eq!(shorten(&good[..cut], &js).is_ok(), whole, "cut at {cut}");
        }
        let mut long = good.clone();
        long[9] = 0xff;
        assert!(shorten(&long, &js).is_err());
    }
}
