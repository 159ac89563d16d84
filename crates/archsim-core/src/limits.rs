//! The sizes a model may have. The loader refuses a file past them with a
//! diagnostic, and the codec refuses an encoded model past them: a page's
//! model comes from its author, not through the loader.

/// The largest model file the loader reads (32 MiB).
pub const MAX_MODEL_BYTES: usize = 32 * 1024 * 1024;

/// The longest id, in characters. Ids are selectors, link keys and map
/// labels; the shipped model's longest is 33.
pub const MAX_ID_CHARS: usize = 64;

/// The longest DNS writer pattern, in characters: a host name's limit.
/// Matching a pattern costs its length times the host's.
pub const MAX_PATTERN_CHARS: usize = 253;

/// The most writer patterns with a `*` in one model. Each is matched
/// against every record's host and every other pattern; the shipped model
/// has one.
pub const MAX_WILD_PATTERNS: usize = 64;

/// The most invariants in one model. Each is checked against the whole
/// model (an `only-reached-from` check walks the edges into what it
/// protects, and its selectors may name scenarios); the shipped model has
/// four.
pub const MAX_INVARIANTS: usize = 64;

/// The most edits a draft holds (the propose widget's change). A design
/// review proposes a few; each edit re-checks the whole model.
pub const MAX_DRAFT_EDITS: usize = 64;

/// The longest link form of a draft, in bytes: 64 edits of a few ids each
/// fit, and a page's whole link stays within the widgets' 32,768.
pub const MAX_DRAFT_BYTES: usize = 8_192;

/// The longest text in a draft (an id, a name, a host, a note), in
/// characters: a host name's limit.
pub const MAX_DRAFT_TEXT: usize = 253;
