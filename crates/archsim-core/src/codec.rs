//! A compact binary form of a checked [`Model`], for places that should not
//! carry a TOML parser: the browser bundle (which embeds the default model
//! encoded at build time) and pages that supply their own model (encoded by
//! the book's preprocessor).
//!
//! The encoding is private to archsim and versioned by its header; decoding
//! checks every index, so a corrupt or hostile input is an error, never a
//! panic or an out-of-range id. Encode only models that loaded without
//! errors: decoding does not re-run the loader's checks.

use std::collections::HashMap;
use std::fmt;

use crate::diag::Span;
use crate::limits::{MAX_ID_CHARS, MAX_MODEL_BYTES, MAX_PATTERN_CHARS, MAX_WILD_PATTERNS};
use crate::model::*;

/// The header. Version 2 writes each repeated text once (the `String`
/// codec below).
const MAGIC: &[u8; 8] = b"ARCHSIM\x02";

/// Why bytes could not be decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError {
    /// Byte offset where decoding stopped.
    pub offset: usize,
    /// What was wrong.
    pub message: String,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid encoded model at byte {}: {}",
            self.offset, self.message
        )
    }
}

impl std::error::Error for DecodeError {}

/// Encode a checked model.
///
/// Complexity: O(size of the model).
pub fn encode(model: &Model) -> Vec<u8> {
    let mut w = Out(Vec::with_capacity(4096), HashMap::new(), 0);
    w.0.extend_from_slice(MAGIC);
    model.put(&mut w);
    w.0
}

/// A copy of `model` without what only a model file's reader needs: the
/// source spans diagnostics point at. A browser never reports a line of
/// the file, and the spans are numbers gzip cannot shrink (about 1 KB of
/// the bundle for the shipped model).
///
/// Complexity: O(size of the model).
pub fn without_spans(model: &Model) -> Model {
    let mut m = model.clone();
    let none = Span::default();
    m.components.iter_mut().for_each(|c| c.span = none);
    for r in &mut m.records {
        r.span = none;
        r.proxied_span = r.proxied_span.map(|_| none);
    }
    m.writers.iter_mut().for_each(|w| w.span = none);
    m.edges.iter_mut().for_each(|e| e.span = none);
    m.scenarios.iter_mut().for_each(|s| s.span = none);
    m.invariants.iter_mut().for_each(|i| i.span = none);
    m
}

/// Decode a model written by [`encode`] (of this archsim version).
///
/// Returns: the model, or an error for bytes that are corrupt, point
/// outside the model, loop, or exceed a size the loader refuses
/// ([`limits`](crate::limits): the file's size, ids, hosts and patterns).
/// Complexity: O(bytes).
pub fn decode(bytes: &[u8]) -> Result<Model, DecodeError> {
    let mut r = In {
        bytes,
        at: 0,
        failed: None,
        texts: Vec::new(),
        repeated: 0,
    };
    if bytes.len() > MAX_MODEL_BYTES {
        return Err(r.error("larger than the largest model file"));
    }
    if bytes.get(..MAGIC.len()) != Some(MAGIC.as_slice()) {
        return Err(r.error("not an encoded archsim model (or one from another version)"));
    }
    r.at = MAGIC.len();
    let model = Model::get(&mut r);
    if let Some(error) = r.failed {
        return Err(error);
    }
    if r.at != bytes.len() {
        return Err(r.error("trailing bytes after the model"));
    }
    check(&model).map_err(|message| DecodeError {
        offset: bytes.len(),
        message,
    })?;
    Ok(model)
}

/// The writer: the bytes so far, the number of each text written so far
/// (its last writing), and how many texts were written.
struct Out(Vec<u8>, HashMap<String, u64>, u64);

impl Out {
    fn uint(&mut self, mut v: u64) {
        loop {
            let byte = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.0.push(byte);
                return;
            }
            self.0.push(byte | 0x80);
        }
    }
}

/// The reader. The first error sticks: it is recorded, and from then on
/// every read returns zero (so lengths are zero and loops end), and
/// [`decode`] reports that error. Decoding thus needs no early return per
/// field, and no code to drop a half-built value at every one of them,
/// which keeps the decoder small in the browser bundle.
struct In<'a> {
    bytes: &'a [u8],
    at: usize,
    failed: Option<DecodeError>,
    /// Where each text read so far lies in `bytes`, numbered as written.
    texts: Vec<(usize, usize)>,
    /// The bytes of text produced by repeats so far: capped, so a few
    /// bytes cannot ask for gigabytes of copies.
    repeated: usize,
}

impl In<'_> {
    fn error(&self, message: &str) -> DecodeError {
        DecodeError {
            offset: self.at,
            message: message.to_owned(),
        }
    }

    /// Record an error here, unless one came earlier.
    fn fail(&mut self, message: &str) {
        if self.failed.is_none() {
            self.failed = Some(self.error(message));
        }
    }

    fn uint(&mut self) -> u64 {
        if self.failed.is_some() {
            return 0;
        }
        let mut v: u64 = 0;
        for shift in (0..64).step_by(7) {
            let Some(&byte) = self.bytes.get(self.at) else {
                self.fail("unexpected end");
                return 0;
            };
            self.at += 1;
            v |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return v;
            }
        }
        self.fail("integer too long");
        0
    }

    fn len(&mut self) -> usize {
        let n = self.uint();
        self.len_of(n)
    }

    /// `n` as a count of what follows.
    fn len_of(&mut self, n: u64) -> usize {
        // Every element takes at least one byte: a larger count is corrupt.
        if n > (self.bytes.len() - self.at) as u64 {
            self.fail("length past the end");
            return 0;
        }
        n as usize
    }
}

/// Encoding and decoding of one type. `get` returns a placeholder after an
/// error (see [`In`]).
trait Codec: Sized {
    fn put(&self, w: &mut Out);
    fn get(r: &mut In<'_>) -> Self;
}

impl Codec for u64 {
    fn put(&self, w: &mut Out) {
        w.uint(*self);
    }
    fn get(r: &mut In<'_>) -> Self {
        r.uint()
    }
}

impl Codec for bool {
    fn put(&self, w: &mut Out) {
        w.0.push(u8::from(*self));
    }
    fn get(r: &mut In<'_>) -> Self {
        match r.uint() {
            0 => false,
            1 => true,
            _ => {
                r.fail("invalid bool");
                false
            }
        }
    }
}

/// A text is written once: the first time as its length `n` (as `2n`)
/// and its bytes, every later time as its number `i` among the texts
/// written so far (as `2i + 1`), when that is shorter. The model repeats
/// long texts (an assumption shared by every edge a record derives, a
/// provider's name), and the bundle embeds the encoded model: each repeat
/// is a byte or two instead of a text the compressor may no longer see.
impl Codec for String {
    fn put(&self, w: &mut Out) {
        match w.1.get(self.as_str()) {
            Some(&i) if varint_len(2 * i + 1) < varint_len(2 * self.len() as u64) + self.len() => {
                w.uint(2 * i + 1);
            }
            _ => {
                w.uint(2 * self.len() as u64);
                w.0.extend_from_slice(self.as_bytes());
                w.1.insert(self.clone(), w.2);
                w.2 += 1;
            }
        }
    }
    fn get(r: &mut In<'_>) -> Self {
        let v = r.uint();
        let (start, n) = if v & 1 == 0 {
            let n = r.len_of(v >> 1);
            r.at += n;
            r.texts.push((r.at - n, n));
            (r.at - n, n)
        } else {
            let (start, n) = r.texts.get((v >> 1) as usize).copied().unwrap_or_else(|| {
                r.fail("a repeat of a text not yet written");
                (0, 0)
            });
            r.repeated += n;
            if r.repeated > MAX_MODEL_BYTES {
                r.fail("repeated texts longer than the largest model file");
                return String::new();
            }
            (start, n)
        };
        let Ok(s) = std::str::from_utf8(&r.bytes[start..start + n]) else {
            r.fail("invalid UTF-8");
            return String::new();
        };
        s.to_owned()
    }
}

/// The bytes [`Out::uint`] writes for `v`.
fn varint_len(v: u64) -> usize {
    (64 - (v | 1).leading_zeros() as usize).div_ceil(7)
}

impl<T: Codec> Codec for Vec<T> {
    fn put(&self, w: &mut Out) {
        w.uint(self.len() as u64);
        for item in self {
            item.put(w);
        }
    }
    fn get(r: &mut In<'_>) -> Self {
        let n = r.len();
        // No capacity from `n`: a hostile count must not reserve memory
        // before its elements are read. Stop at the first error.
        let mut items = Vec::new();
        while items.len() < n && r.failed.is_none() {
            items.push(T::get(r));
        }
        items
    }
}

impl<T: Codec> Codec for Option<T> {
    fn put(&self, w: &mut Out) {
        match self {
            None => w.0.push(0),
            Some(v) => {
                w.0.push(1);
                v.put(w);
            }
        }
    }
    fn get(r: &mut In<'_>) -> Self {
        bool::get(r).then(|| T::get(r))
    }
}

macro_rules! index_codec {
    ($($t:ident),*) => {$(
        impl Codec for $t {
            fn put(&self, w: &mut Out) {
                w.uint(u64::from(self.0));
            }
            fn get(r: &mut In<'_>) -> Self {
                let v = r.uint();
                u32::try_from(v).map($t).unwrap_or_else(|_| {
                    r.fail("index too large");
                    $t(0)
                })
            }
        }
    )*};
}
index_codec!(
    CompId, ProviderId, RegionId, RecordId, WriterId, EdgeId, FlowId, RuleId
);

impl Codec for Span {
    fn put(&self, w: &mut Out) {
        w.uint(self.start as u64);
        w.uint((self.end - self.start) as u64);
    }
    fn get(r: &mut In<'_>) -> Self {
        let start = r.uint() as usize;
        let len = r.uint() as usize;
        Span::new(start, start.saturating_add(len))
    }
}

/// Structs: encode the listed fields in order.
macro_rules! struct_codec {
    ($t:ident { $($field:ident),* $(,)? }) => {
        impl Codec for $t {
            fn put(&self, w: &mut Out) {
                $(self.$field.put(w);)*
            }
            fn get(r: &mut In<'_>) -> Self {
                $t { $($field: Codec::get(r),)* }
            }
        }
    };
}

struct_codec!(Model {
    meta,
    zone,
    providers,
    regions,
    components,
    records,
    writers,
    edges,
    flows,
    scenarios,
    placement,
    invariants,
    facts
});
struct_codec!(Fact { id, says });
struct_codec!(Provenance {
    facts,
    assumption,
    settle
});
struct_codec!(Meta { name, document });
struct_codec!(Zone {
    name,
    component,
    provenance
});
struct_codec!(Provider {
    id,
    name,
    job,
    why,
    account,
    home_region,
    terraform,
    workspaces,
    provenance
});
struct_codec!(Region {
    id,
    name,
    provider,
    note,
    provenance
});
struct_codec!(Component {
    id,
    name,
    product,
    kind,
    provider,
    region,
    env,
    sources,
    terraform,
    runs_in,
    traits,
    placement,
    notes,
    provenance,
    assumed,
    span
});
struct_codec!(Record {
    host,
    rtype,
    target,
    writer,
    env,
    proxied,
    purpose,
    provenance,
    span,
    proxied_span
});
struct_codec!(Writer {
    id,
    name,
    source,
    owner_id,
    registry,
    runs_on,
    owns,
    adds,
    serves,
    provenance,
    span
});
struct_codec!(Edge {
    from,
    to,
    kind,
    hop,
    hosts,
    flows,
    why,
    provenance,
    origin,
    span
});
struct_codec!(Flow {
    id,
    name,
    start,
    about,
    provenance,
    generated
});
struct_codec!(Scenario {
    id,
    name,
    fail,
    reschedule,
    teaches,
    provenance,
    span
});
struct_codec!(Placement { questions, rules });
struct_codec!(Question { id, ask });
struct_codec!(Rule {
    id,
    provider,
    if_any,
    is_final,
    says,
    provenance
});
struct_codec!(Invariant {
    id,
    check,
    says,
    hint,
    provenance,
    span
});

impl<A: Codec, B: Codec> Codec for (A, B) {
    fn put(&self, w: &mut Out) {
        self.0.put(w);
        self.1.put(w);
    }
    fn get(r: &mut In<'_>) -> Self {
        let a = A::get(r);
        (a, B::get(r))
    }
}

impl Codec for Field {
    fn put(&self, w: &mut Out) {
        w.uint(*self as u64);
    }
    fn get(r: &mut In<'_>) -> Self {
        let tag = r.uint();
        Field::ALL.get(tag as usize).copied().unwrap_or_else(|| {
            r.fail("invalid field");
            Field::ALL[0]
        })
    }
}

/// Enums: a tag, then the variant's fields.
impl Codec for Purpose {
    fn put(&self, w: &mut Out) {
        w.uint(match self {
            Purpose::Serve => 0,
            Purpose::Validation => 1,
        });
    }
    fn get(r: &mut In<'_>) -> Self {
        match r.uint() {
            0 => Purpose::Serve,
            1 => Purpose::Validation,
            _ => {
                r.fail("invalid record purpose");
                Purpose::Serve
            }
        }
    }
}

impl Codec for EdgeKind {
    fn put(&self, w: &mut Out) {
        w.uint(EdgeKind::ALL.iter().position(|k| k == self).unwrap_or(0) as u64);
    }
    fn get(r: &mut In<'_>) -> Self {
        let tag = r.uint();
        EdgeKind::ALL.get(tag as usize).copied().unwrap_or_else(|| {
            r.fail("invalid edge kind");
            EdgeKind::ALL[0]
        })
    }
}

impl Codec for EdgeOrigin {
    fn put(&self, w: &mut Out) {
        match self {
            EdgeOrigin::Declared => w.uint(0),
            EdgeOrigin::Record(id) => {
                w.uint(1);
                id.put(w);
            }
            EdgeOrigin::RunsIn => w.uint(2),
        }
    }
    fn get(r: &mut In<'_>) -> Self {
        match r.uint() {
            0 => EdgeOrigin::Declared,
            1 => EdgeOrigin::Record(RecordId::get(r)),
            2 => EdgeOrigin::RunsIn,
            _ => {
                r.fail("invalid edge origin");
                EdgeOrigin::Declared
            }
        }
    }
}

impl Codec for FlowStart {
    fn put(&self, w: &mut Out) {
        match self {
            FlowStart::Host(host) => {
                w.uint(0);
                host.put(w);
            }
            FlowStart::Path(steps) => {
                w.uint(1);
                steps.put(w);
            }
        }
    }
    fn get(r: &mut In<'_>) -> Self {
        match r.uint() {
            0 => FlowStart::Host(String::get(r)),
            1 => FlowStart::Path(Vec::get(r)),
            _ => {
                r.fail("invalid flow start");
                FlowStart::Path(Vec::new())
            }
        }
    }
}

impl Codec for Check {
    fn put(&self, w: &mut Out) {
        match self {
            Check::RecordsNotProxied => w.uint(0),
            Check::OnlyReachedFrom { target, from } => {
                w.uint(1);
                target.put(w);
                from.put(w);
            }
            Check::WritersDisjoint => w.uint(2),
            Check::Placement => w.uint(3),
        }
    }
    fn get(r: &mut In<'_>) -> Self {
        match r.uint() {
            0 => Check::RecordsNotProxied,
            1 => Check::OnlyReachedFrom {
                target: String::get(r),
                from: String::get(r),
            },
            2 => Check::WritersDisjoint,
            3 => Check::Placement,
            _ => {
                r.fail("invalid check");
                Check::RecordsNotProxied
            }
        }
    }
}

/// What decoding checks of a model, for a model made in memory (a
/// draft's, [`crate::draft`]): every index in range, no cycle of
/// dependency or route edges ([`crate::cycles::acyclic`]), and the
/// loader's size limits.
///
/// Complexity: O(size of the model).
pub fn check(model: &Model) -> Result<(), String> {
    check_indices(model).and_then(|()| check_sizes(model).map_err(String::from))
}

/// Every index in range, so the engine can index without checks.
fn check_indices(m: &Model) -> Result<(), String> {
    let (nc, np, nr, nrec, nw, nf) = (
        m.components.len(),
        m.providers.len(),
        m.regions.len(),
        m.records.len(),
        m.writers.len(),
        m.flows.len(),
    );
    let comp = |c: CompId| c.index() < nc;
    let provider = |p: Option<ProviderId>| p.is_none_or(|p| p.index() < np);
    let region = |r: Option<RegionId>| r.is_none_or(|r| r.index() < nr);
    let ok = comp(m.zone.component)
        && m.providers.iter().all(|p| region(p.home_region))
        && m.regions.iter().all(|r| provider(r.provider))
        && m.components
            .iter()
            .all(|c| provider(c.provider) && region(c.region) && c.runs_in.is_none_or(comp))
        && m.records
            .iter()
            .all(|r| comp(r.target) && r.writer.index() < nw)
        && m.writers.iter().all(|w| w.runs_on.is_none_or(comp))
        && m.edges.iter().all(|e| {
            comp(e.from)
                && comp(e.to)
                && e.flows.iter().all(|f| f.index() < nf)
                && match e.origin {
                    EdgeOrigin::Record(r) => r.index() < nrec,
                    _ => true,
                }
        })
        && m.flows.iter().all(|f| match &f.start {
            FlowStart::Path(steps) => steps.iter().all(|&s| comp(s)),
            FlowStart::Host(_) => true,
        })
        && m.placement.rules.iter().all(|r| r.provider.index() < np);
    if !ok {
        return Err("an index points outside the model".into());
    }
    for relation in crate::cycles::Relation::ALL {
        if !crate::cycles::acyclic(m, relation) {
            return Err(["the ", relation.as_str(), " edges form a cycle"].concat());
        }
    }
    Ok(())
}

/// Whether `text` has more than `max` characters.
fn longer(text: &str, max: usize) -> bool {
    text.len() > max && text.chars().count() > max
}

/// What the loader refuses on size, refused here too.
fn check_sizes(m: &Model) -> Result<(), &'static str> {
    let ids = m
        .providers
        .iter()
        .map(|p| &p.id)
        .chain(m.regions.iter().map(|r| &r.id))
        .chain(m.components.iter().map(|c| &c.id))
        .chain(m.writers.iter().map(|w| &w.id))
        .chain(m.scenarios.iter().map(|s| &s.id))
        .chain(m.invariants.iter().map(|i| &i.id))
        .chain(m.placement.questions.iter().map(|q| &q.id))
        .chain(m.placement.rules.iter().map(|r| &r.id));
    // A host flow's id is its host.
    let paths = m
        .flows
        .iter()
        .filter(|f| matches!(f.start, FlowStart::Path(_)));
    if ids
        .chain(paths.map(|f| &f.id))
        .any(|id| longer(id, MAX_ID_CHARS))
    {
        return Err("an id is longer than the loader allows");
    }
    let hosts = m
        .records
        .iter()
        .map(|r| &r.host)
        .chain(m.flows.iter().map(|f| &f.id))
        .chain(Some(&m.zone.name));
    let patterns = m.writers.iter().flat_map(|w| &w.owns);
    if hosts
        .chain(patterns.clone())
        .any(|h| longer(h, MAX_PATTERN_CHARS))
    {
        return Err("a host or a writer's pattern is longer than a host name");
    }
    if patterns.filter(|p| p.contains('*')).count() > MAX_WILD_PATTERNS {
        return Err("more writer patterns with a `*` than the loader allows");
    }
    Ok(())
}

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// An encoded model as base64 text, for embedding in an HTML page (it
/// contains no `<`, so it is safe inside a `<script>` element).
pub fn encode_text(model: &Model) -> String {
    let bytes = encode(model);
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(BASE64[((n >> shift) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Decode a model written by [`encode_text`]; whitespace is ignored.
pub fn decode_text(text: &str) -> Result<Model, DecodeError> {
    let mut bytes = Vec::with_capacity(text.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    for (offset, c) in text.bytes().enumerate() {
        let value = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' | b' ' | b'\n' | b'\r' | b'\t' => continue,
            _ => {
                return Err(DecodeError {
                    offset,
                    message: "not base64".into(),
                });
            }
        };
        acc = (acc << 6) | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            bytes.push((acc >> bits) as u8);
        }
    }
    decode(&bytes)
}

#[cfg(test)]
mod tests {
    use super::{Codec, In, MAX_MODEL_BYTES};

    /// Read one text from `bytes`: the text, or the error.
    fn text(bytes: &[u8]) -> Result<String, String> {
        let mut r = In {
            bytes,
            at: 0,
            failed: None,
            texts: Vec::new(),
            repeated: 0,
        };
        let mut last = String::new();
        while r.at < bytes.len() && r.failed.is_none() {
            last = String::get(&mut r);
        }
        r.failed.map_or(Ok(last), |e| Err(e.message))
    }

    #[test]
    fn repeats_read_back_and_bad_repeats_are_errors() {
        // (bytes, the last text read or the error)
        let cases: [(&[u8], Result<&str, &str>); 5] = [
            (b"\x06abc\x01", Ok("abc")),
            (b"\x06abc\x04de\x03", Ok("de")),
            (b"\x01", Err("a repeat of a text not yet written")),
            (b"\x06abc\x03", Err("a repeat of a text not yet written")),
            (b"\x08ab", Err("length past the end")),
        ];
        for (bytes, want) in cases {
            let got = text(bytes);
            let got = got.as_ref().map(String::as_str).map_err(String::as_str);
            assert_eq!(got, want, "{bytes:?}");
        }
    }

    #[test]
    fn repeats_cannot_ask_for_more_than_a_model_file() {
        // A 64 KiB text, then enough repeats of it to pass the cap: each
        // repeat is one byte, and the decoder stops at the cap instead of
        // copying gigabytes.
        let n = 1 << 16;
        let mut bytes = Vec::new();
        let mut w = super::Out(Vec::new(), Default::default(), 0);
        w.uint(2 * n as u64);
        bytes.extend_from_slice(&w.0);
        bytes.extend(std::iter::repeat_n(b'x', n));
        bytes.extend(std::iter::repeat_n(1u8, MAX_MODEL_BYTES / n + 1));
        assert_eq!(
            text(&bytes),
            Err("repeated texts longer than the largest model file".to_owned())
        );
    }
}
