//! Loading a model: bytes or text in, a checked [`Model`] and its
//! diagnostics out. Nothing here touches the file system.
#![allow(clippy::disallowed_macros, clippy::disallowed_methods)] // The loader is the `toml` feature: never in the bundle.

pub mod format;
mod guard;
mod raw;
mod resolve;
mod validate;

use crate::diag::{BrokenInvariant, Diagnostic, LineIndex, Severity, has_errors};
use crate::model::Model;

pub use crate::limits::MAX_INVARIANTS;
pub use guard::{MAX_ID_CHARS, MAX_MODEL_BYTES, MAX_PATTERN_CHARS, MAX_WILD_PATTERNS};

/// The loader's answer: the model, when it has no errors, and every finding.
#[derive(Debug)]
pub struct Loaded {
    /// The model; `None` when any diagnostic is an error.
    pub model: Option<Model>,
    /// Errors and warnings, in source order: the first
    /// [`MAX_DIAGNOSTICS`](crate::diag::MAX_DIAGNOSTICS) the checks find,
    /// then, if there were more, one `too-many-diagnostics` saying how many.
    pub diagnostics: Vec<Diagnostic>,
    /// With [`Options::keep_broken_invariants`], each way the model breaks
    /// one of its invariants, in source order (as diagnostics); empty
    /// otherwise (each is then an `invariant` error).
    pub broken: Vec<BrokenInvariant>,
}

/// How a load treats what it finds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Keep a model that breaks its own invariants: each violation goes to
    /// [`Loaded::broken`] instead of being an `invariant` error, so a
    /// proposed change that breaks one is still a model to compare (`archsim
    /// diff`). Every other error still refuses the model.
    pub keep_broken_invariants: bool,
}

/// Parse and check a model file held in memory.
///
/// Arguments: `file` names the source in diagnostics; `bytes` is its content.
/// Returns: the model (when error-free) and its diagnostics (at most
/// [`MAX_DIAGNOSTICS`](crate::diag::MAX_DIAGNOSTICS) and a count of the
/// rest); never panics.
/// Complexity: near-linear in the file's size: lookups are hashed, walks
/// keep their own stacks, and the few pairwise checks left (writers'
/// patterns with a `*`) are bounded by the pattern cap.
pub fn load_bytes(file: &str, bytes: &[u8]) -> Loaded {
    load_bytes_with(file, bytes, Options::default())
}

/// [`load_bytes`], with [`Options`].
pub fn load_bytes_with(file: &str, bytes: &[u8], options: Options) -> Loaded {
    match guard::text(file, bytes) {
        Ok(source) => load_str_with(file, source, options),
        Err(diagnostic) => Loaded {
            model: None,
            diagnostics: vec![*diagnostic],
            broken: Vec::new(),
        },
    }
}

/// Parse and check a model file's text. See [`load_bytes`].
pub fn load_str(file: &str, source: &str) -> Loaded {
    load_str_with(file, source, Options::default())
}

/// [`load_str`], with [`Options`].
pub fn load_str_with(file: &str, source: &str, options: Options) -> Loaded {
    // An editor's byte-order mark is not content: columns count from after it.
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    if let Err(diagnostic) = guard::shape(file, source) {
        return Loaded {
            model: None,
            diagnostics: vec![*diagnostic],
            broken: Vec::new(),
        };
    }
    let raw: raw::RawModel = match toml::from_str(source) {
        Ok(raw) => raw,
        Err(error) => {
            return Loaded {
                model: None,
                diagnostics: vec![syntax_diagnostic(file, source, &error)],
                broken: Vec::new(),
            };
        }
    };
    let mut ctx = resolve::Ctx::new(file, source);
    if options.keep_broken_invariants {
        ctx.broken = Some(Vec::new());
    }
    let model = resolve::resolve(&mut ctx, raw);
    if !ctx.has_errors() {
        validate::validate(&mut ctx, &model);
    }
    let mut broken = ctx.broken.take().unwrap_or_default();
    locate_in(&mut broken, &ctx.lines);
    let diagnostics = ctx.finish();
    let model = (!has_errors(&diagnostics)).then_some(model);
    Loaded {
        model,
        diagnostics,
        broken,
    }
}

/// Give each broken invariant its line in `source`, the model file's text
/// (as loaded: after a byte-order mark), and put them in source order
/// (stable: one line's keep their order). What [`Loaded::broken`] holds;
/// for a shell that has the file of a model whose invariants were checked
/// in memory ([`crate::invariants::broken`], `diff::Impact::invariants`).
///
/// Complexity: O(n log n) for n broken invariants, plus one pass over the
/// source.
pub fn locate(broken: &mut [BrokenInvariant], source: &str) {
    if broken.is_empty() {
        return;
    }
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    locate_in(broken, &LineIndex::new(source));
}

/// [`locate`] with the source's lines.
fn locate_in(broken: &mut [BrokenInvariant], lines: &LineIndex) {
    for b in broken.iter_mut() {
        b.line = lines.line(b.span.start);
    }
    broken.sort_by_key(|b| b.line);
}

/// The deserialiser's message in the model file's words: its tables, not
/// the Rust types behind them.
fn plain(message: &str) -> String {
    if message.contains("untagged enum OneOrMany") {
        return "invalid type: expected a string or a list of strings".to_owned();
    }
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find("struct Raw") {
        out.push_str(&rest[..at]);
        out.push_str("a table");
        rest = rest[at..].trim_start_matches("struct Raw");
        rest = rest.trim_start_matches(|c: char| c.is_ascii_alphanumeric());
    }
    out.push_str(rest);
    out.replace("invalid type: map", "invalid type: table")
        .replace("invalid type: sequence", "invalid type: list")
        .replace("expected a sequence", "expected a list")
        .replace("expected i64", "expected an integer")
        .replace("expected u64", "expected a whole number")
        .replace("expected u32", "expected a whole number")
}

fn syntax_diagnostic(file: &str, source: &str, error: &toml::de::Error) -> Diagnostic {
    let message = plain(error.message().trim());
    if message.contains("recursion") {
        return Diagnostic::at(
            Severity::Error,
            "too-deep",
            file,
            source,
            error.span().map(Into::into),
            "tables or values are nested too deeply",
        )
        .with_hint("model files use flat tables; deep nesting is never needed");
    }
    let hint = if message.contains("unknown field") {
        "check the key's spelling; the reference lists every key of every table"
    } else if message.contains("missing field") {
        "add the missing key to the table"
    } else if message.contains("invalid type") {
        "check the value's type (strings are quoted, lists use [ ])"
    } else {
        "the model file must be valid TOML"
    };
    let code = if message.contains("unknown field")
        || message.contains("missing field")
        || message.contains("invalid type")
    {
        "schema"
    } else {
        "syntax"
    };
    Diagnostic::at(
        Severity::Error,
        code,
        file,
        source,
        error.span().map(Into::into),
        message,
    )
    .with_hint(hint)
}
