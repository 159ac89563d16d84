//! The shareable state in the URL fragment: a versioned, compact text.
//!
//! ```text
//! #v1;w=2;tab=fail;host=app.tomoda.life;fail=cloudfront-prod,redis;sc=cloudfront-outage;sel=gke;z=1.5,10,20
//! ```
//!
//! The first segment is the format's version; then `key=value` pairs
//! separated by `;`, lists separated by `,`, and `%XX` escapes for the
//! separators (and anything outside a safe set). Only what differs from the
//! defaults is written, so links stay short enough to paste into a review.
//!
//! This module only reads and writes the text: it knows no model. Which ids
//! exist is decided in [`crate::state`], which names the unknown ones in a
//! notice and ignores them. Nothing here panics on any input: a fragment is
//! typed by whoever sends the link.
//!
//! Nor does any input cost more than its length: of a fragment longer than
//! [`MAX_LEN`] only the widget number is read, a list keeps its first [`MAX_ITEMS`] entries,
//! at most [`MAX_PROBLEMS`] problems are named (then counted), and a
//! problem quotes at most an [`excerpt`] of what it ignored.

/// The version this bundle writes and reads.
pub const VERSION: u32 = 1;

/// The longest fragment read, in bytes: of a longer one, only the widget
/// number is read. A link that fails a thousand components by id fits.
pub const MAX_LEN: usize = 32_768;
/// What a link longer than [`MAX_LEN`] is told.
const TOO_LONG: &str = "ignored the link: longer than 32,768 bytes";
/// The most entries a list (`fail`, `ans`) keeps; the rest are ignored,
/// and a problem says how many.
pub const MAX_ITEMS: usize = 1_000;
/// The most problems named; one more line counts the rest.
pub const MAX_PROBLEMS: usize = 10;
/// The most characters of the link a problem quotes.
pub const EXCERPT: usize = 40;

/// The largest zoom a fragment may ask for: anything beyond is a typo or
/// an attack, not a view. A big drawing zooms in further than a small one
/// (`view::max_zoom`): at 100,000 components, names are readable near
/// zoom 4,000.
pub const MAX_ZOOM: f64 = 10_000.0;
/// The smallest zoom a fragment may ask for.
pub const MIN_ZOOM: f64 = 0.005;
/// The largest shift a fragment's view may ask for, in drawing units
/// times the zoom: a 100,000-component drawing is about two million units
/// tall.
pub const MAX_SHIFT: f64 = 1e12;

/// Everything a link can carry. `None`, `false` and empty lists are the
/// defaults and are not written.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Fragment {
    /// `w`: the widget the link is for (1-based, in page order); `None` for
    /// the full-page simulator.
    pub widget: Option<u32>,
    /// `tab`: the full page's open panel (`map`, `route`, `fail`, `place`, `dns`).
    pub tab: Option<String>,
    /// `host`: the host or URL being routed.
    pub host: Option<String>,
    /// `step`: the route hop being explained (0-based).
    pub step: Option<usize>,
    /// `fail`: failed component ids; `fail=` with none says that nothing
    /// fails, over a widget that starts with failures (`None`: the link
    /// does not say).
    pub fail: Option<Vec<String>>,
    /// `sc`: the scenario preset the failures came from.
    pub scenario: Option<String>,
    /// `spof=1`: show each flow's single points of failure.
    pub spof: bool,
    /// `ans`: placement questions answered yes.
    pub answers: Vec<String>,
    /// `audit=1`: show the placement audit.
    pub audit: bool,
    /// `dns`: the host whose DNS ownership is asked.
    pub dns: Option<String>,
    /// `sel`: the selected component's id (details panel).
    pub selected: Option<String>,
    /// `z=ZOOM,X,Y`: the map's view (scale, then translation).
    pub view: Option<(f64, f64, f64)>,
    /// `q`: the map's search text.
    pub search: Option<String>,
    /// `d`: the propose widget's draft, raw as `Draft::to_fragment`
    /// writes it (it never holds `;`, `=`, `#` or spaces).
    pub draft: Option<String>,
}

/// What a fragment turned out to be.
#[derive(Clone, Debug, PartialEq)]
pub enum Parsed {
    /// No fragment at all.
    Empty,
    /// Not an archsim fragment (a heading anchor such as `#routing`, or
    /// garbage); carries the text, cut to a readable length.
    Foreign(String),
    /// An archsim fragment of another version: the defaults apply.
    OtherVersion {
        /// The version the link was written for.
        version: u32,
        /// The widget it names, if that much could be read.
        widget: Option<u32>,
    },
    /// A fragment of this version, with what could not be read in it.
    Current {
        /// Everything that was read.
        fragment: Box<Fragment>,
        /// One sentence per ignored part.
        problems: Vec<String>,
    },
}

/// Read a fragment (with or without its leading `#`).
///
/// Returns: what it is; for this version, every readable field and a
/// problem for every part that was ignored (unknown key, bad value), up to
/// [`MAX_PROBLEMS`] and then one that counts the rest. Later repetitions of
/// a key win.
/// Complexity: O(len).
#[allow(clippy::disallowed_macros)] // Notices on a link's bad parts (rare, short).
pub fn parse(text: &str) -> Parsed {
    let text = text.strip_prefix('#').unwrap_or(text);
    if text.is_empty() {
        return Parsed::Empty;
    }
    let mut segments = text.split(';');
    let head = segments.next().unwrap_or_default();
    let Some(version) = read_version(head) else {
        return Parsed::Foreign(excerpt(&decode(text), 60));
    };
    if text.len() > MAX_LEN || version != VERSION {
        let widget = segments.find_map(|s| {
            s.strip_prefix("w=")
                .and_then(|w| w.parse::<u32>().ok())
                .filter(|&w| w > 0)
        });
        if version != VERSION {
            return Parsed::OtherVersion { version, widget };
        }
        // Too long to read: only the widget it is for, and why the rest
        // is ignored.
        return Parsed::Current {
            fragment: Box::new(Fragment {
                widget,
                ..Fragment::default()
            }),
            problems: vec![TOO_LONG.to_owned()],
        };
    }
    let mut fragment = Fragment::default();
    let mut problems = Vec::new();
    let mut unnamed = 0usize;
    for segment in segments {
        if segment.is_empty() {
            continue;
        }
        let problem = match segment.split_once('=') {
            Some((key, value)) => read_pair(&mut fragment, key, value),
            None => Some(format!("ignored `{}`: not key=value", quote(segment))),
        };
        if let Some(problem) = problem {
            if problems.len() < MAX_PROBLEMS {
                problems.push(problem);
            } else {
                unnamed += 1;
            }
        }
    }
    if unnamed > 0 {
        problems.push(format!("… and {unnamed} more ignored parts"));
    }
    Parsed::Current {
        fragment: Box::new(fragment),
        problems,
    }
}

/// `v` and one to four digits.
fn read_version(head: &str) -> Option<u32> {
    let digits = head.strip_prefix('v')?;
    if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Read one `key=value` into `f`; returns the problem with it, if any.
fn read_pair(f: &mut Fragment, key: &str, value: &str) -> Option<String> {
    read_value(f, key, value).err()
}

#[allow(clippy::disallowed_macros)] // Notices on a link's bad values (rare, short).
fn read_value(f: &mut Fragment, key: &str, value: &str) -> Result<(), String> {
    let text = || decode(value);
    let bad = |what: &str| format!("ignored `{}={}`: {what}", quote(key), quote(value));
    let flag = |v: &str| match v {
        "1" | "true" => Ok(true),
        "0" | "false" => Ok(false),
        _ => Err(bad("expected 1 or 0")),
    };
    match key {
        "w" => {
            f.widget = Some(
                value
                    .parse::<u32>()
                    .ok()
                    .filter(|&w| w > 0)
                    .ok_or_else(|| bad("expected a widget number from 1"))?,
            )
        }
        "tab" => f.tab = non_empty(text()),
        "host" => f.host = non_empty(text()),
        "step" => {
            f.step = Some(
                value
                    .parse::<usize>()
                    .ok()
                    .filter(|&s| s < 10_000)
                    .ok_or_else(|| bad("expected a hop number"))?,
            )
        }
        "fail" => list(key, value, f.fail.get_or_insert_with(Vec::new))?,
        "sc" => f.scenario = non_empty(text()),
        "spof" => f.spof = flag(value)?,
        "ans" => list(key, value, &mut f.answers)?,
        "audit" => f.audit = flag(value)?,
        "dns" => f.dns = non_empty(text()),
        "sel" => f.selected = non_empty(text()),
        "z" => f.view = Some(read_view(value).ok_or_else(|| bad("expected ZOOM,X,Y"))?),
        "q" => f.search = non_empty(text()),
        "d" => f.draft = non_empty(value.to_owned()),
        _ => return Err(format!("ignored unknown key `{}`", quote(key))),
    }
    Ok(())
}

fn read_view(value: &str) -> Option<(f64, f64, f64)> {
    let mut parts = value.split(',').map(|p| decimal(p.trim()));
    let (z, x, y) = (parts.next()??, parts.next()??, parts.next()??);
    if parts.next().is_some() {
        return None;
    }
    let finite = z.is_finite() && x.is_finite() && y.is_finite();
    // Checked as the writer will round them (`write`: the zoom to two
    // decimals, the shift to whole units), so a view that is read is also
    // written back as one that reads: 999999999999.6 would be written as
    // 1000000000000, past the cap.
    let zoom = (z * 100.0).round() / 100.0;
    let sane = (MIN_ZOOM..=MAX_ZOOM).contains(&zoom)
        && x.round().abs() < MAX_SHIFT
        && y.round().abs() < MAX_SHIFT;
    (finite && sane).then_some((z, x, y))
}

/// A plain decimal number: an optional sign, digits, and an optional
/// fraction (`-12`, `1.5`, `.5`, `3.`). No exponent, `inf` or `NaN`: links
/// never carry them. Written by hand because `str::parse::<f64>` links
/// core's float parser (some 10 KB of wasm) for three numbers.
///
/// Returns the nearest `f64` (as `parse` does) for up to 15 significant
/// digits and 22 decimals; longer inputs may be off by a rounding step.
fn decimal(text: &str) -> Option<f64> {
    let (negative, unsigned) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    // value = digits · 10^exponent, keeping the digits that fit exactly.
    let (mut digits, mut exponent) = (0u64, 0i32);
    for (i, b) in whole.bytes().chain(fraction.bytes()).enumerate() {
        if !b.is_ascii_digit() {
            return None;
        }
        let in_fraction = i >= whole.len();
        if digits < (1 << 53) / 10 {
            digits = digits * 10 + u64::from(b - b'0');
            exponent -= i32::from(in_fraction);
        } else if !in_fraction {
            exponent += 1;
        }
    }
    let mut scale = 1.0f64;
    for _ in 0..exponent.unsigned_abs() {
        scale *= 10.0;
        if scale.is_infinite() {
            break;
        }
    }
    let magnitude = if exponent < 0 {
        digits as f64 / scale
    } else {
        digits as f64 * scale
    };
    Some(if negative { -magnitude } else { magnitude })
}

fn non_empty(s: String) -> Option<String> {
    let s = s.trim().to_owned();
    (!s.is_empty()).then_some(s)
}

/// Read a list into `items`, at most [`MAX_ITEMS`] entries; the problem
/// says how many more there were.
#[allow(clippy::disallowed_macros)] // The notice on a list cut short: counts among words.
fn list(key: &str, value: &str, items: &mut Vec<String>) -> Result<(), String> {
    items.clear();
    let mut more = 0usize;
    for item in value.split(',') {
        if items.len() == MAX_ITEMS {
            more += usize::from(!item.trim().is_empty());
            continue;
        }
        let item = decode(item).trim().to_owned();
        if !item.is_empty() {
            items.push(item);
        }
    }
    if more > 0 {
        return Err(format!(
            "read the first {MAX_ITEMS} entries of `{key}` and ignored {more} more"
        ));
    }
    Ok(())
}

/// Write a fragment (without the leading `#`), defaults left out, keys in a
/// fixed order so equal states give equal links.
pub fn write(f: &Fragment) -> String {
    // `v` and VERSION: the round-trip tests read it back as this version.
    let mut out = String::from("v1");
    let mut pair = |key: &str, value: &str| {
        out.push(';');
        out.push_str(key);
        out.push('=');
        out.push_str(value);
    };
    if let Some(w) = f.widget {
        pair("w", &w.to_string());
    }
    if let Some(tab) = &f.tab {
        pair("tab", &encode(tab));
    }
    if let Some(host) = &f.host {
        pair("host", &encode(host));
    }
    if let Some(step) = f.step {
        pair("step", &step.to_string());
    }
    if let Some(fail) = &f.fail {
        pair("fail", &encode_list(fail));
    }
    if let Some(sc) = &f.scenario {
        pair("sc", &encode(sc));
    }
    if f.spof {
        pair("spof", "1");
    }
    if !f.answers.is_empty() {
        pair("ans", &encode_list(&f.answers));
    }
    if f.audit {
        pair("audit", "1");
    }
    if let Some(dns) = &f.dns {
        pair("dns", &encode(dns));
    }
    if let Some(sel) = &f.selected {
        pair("sel", &encode(sel));
    }
    if let Some((z, x, y)) = f.view {
        let mut view = short(z, 100.0);
        for v in [x, y] {
            view.push(',');
            view.push_str(&short(v, 1.0));
        }
        pair("z", &view);
    }
    if let Some(q) = &f.search {
        pair("q", &encode(q));
    }
    if let Some(d) = &f.draft {
        pair("d", d);
    }
    out
}

/// A number with at most two decimals (zoom) or none (pixels), no `-0`.
fn short(v: f64, scale: f64) -> String {
    crate::map::geometry::fixed(v, if scale > 1.0 { 2 } else { 0 })
}

fn encode_list(items: &[String]) -> String {
    items
        .iter()
        .map(|i| encode(i))
        .collect::<Vec<_>>()
        .join(",")
}

/// Percent-encode everything but unreserved characters and a few that URL
/// fragments carry unchanged (`:`, `/`, `@`).
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~:/@".contains(&b) {
            out.push(b as char);
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        }
    }
    out
}

/// Undo `%XX` escapes; malformed escapes stay as written, and invalid UTF-8
/// becomes U+FFFD.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// What a problem quotes of a raw part of the link: an [`excerpt`] of it,
/// decoded.
fn quote(raw: &str) -> String {
    excerpt(&decode(raw), EXCERPT)
}

/// A short, readable excerpt of text from a link or a page (one function
/// for the link's notices and the mount contract's).
pub use archsim_view::contract::excerpt;

#[cfg(test)]
mod tests {
    use super::*;

    fn current(text: &str) -> (Fragment, Vec<String>) {
        match parse(text) {
            Parsed::Current { fragment, problems } => (*fragment, problems),
            other => panic!("{text:?} parsed as {other:?}"),
        }
    }

    #[test]
    fn reads_what_it_is() {
        let cases: &[(&str, Parsed)] = &[
            ("", Parsed::Empty),
            ("#", Parsed::Empty),
            ("#routing", Parsed::Foreign("routing".into())),
            ("#v", Parsed::Foreign("v".into())),
            ("#vx;host=a", Parsed::Foreign("vx;host=a".into())),
            ("#v12345", Parsed::Foreign("v12345".into())),
            (
                "#v2;w=3;host=x",
                Parsed::OtherVersion {
                    version: 2,
                    widget: Some(3),
                },
            ),
            (
                "v0",
                Parsed::OtherVersion {
                    version: 0,
                    widget: None,
                },
            ),
            (
                "#v1",
                Parsed::Current {
                    fragment: Box::default(),
                    problems: vec![],
                },
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(&parse(text), expected, "parsing {text:?}");
        }
    }

    #[test]
    fn reads_every_key() {
        let (f, problems) = current(
            "#v1;w=2;tab=fail;host=app.tomoda.life;step=3;fail=cloudfront-prod,redis;sc=cloudfront-outage;spof=1;ans=holds-state,dns;audit=1;dns=www-dev.tomoda.life;sel=gke;z=1.5,10,-20;q=bucket%20prod;d=1,n:api:redis:request:,x:redis",
        );
        assert_eq!(problems, Vec::<String>::new());
        assert_eq!(
            f,
            Fragment {
                widget: Some(2),
                tab: Some("fail".into()),
                host: Some("app.tomoda.life".into()),
                step: Some(3),
                fail: Some(vec!["cloudfront-prod".into(), "redis".into()]),
                scenario: Some("cloudfront-outage".into()),
                spof: true,
                answers: vec!["holds-state".into(), "dns".into()],
                audit: true,
                dns: Some("www-dev.tomoda.life".into()),
                selected: Some("gke".into()),
                view: Some((1.5, 10.0, -20.0)),
                search: Some("bucket prod".into()),
                draft: Some("1,n:api:redis:request:,x:redis".into()),
            }
        );
    }

    #[test]
    fn names_every_ignored_part() {
        let cases: &[(&str, &[&str])] = &[
            ("#v1;zzz", &["ignored `zzz`: not key=value"]),
            ("#v1;color=red", &["ignored unknown key `color`"]),
            ("#v1;z=abc", &["ignored `z=abc`: expected ZOOM,X,Y"]),
            ("#v1;z=1,2", &["ignored `z=1,2`: expected ZOOM,X,Y"]),
            ("#v1;z=1,2,3,4", &["ignored `z=1,2,3,4`: expected ZOOM,X,Y"]),
            ("#v1;z=NaN,0,0", &["ignored `z=NaN,0,0`: expected ZOOM,X,Y"]),
            ("#v1;z=1e9,0,0", &["ignored `z=1e9,0,0`: expected ZOOM,X,Y"]),
            ("#v1;z=0,0,0", &["ignored `z=0,0,0`: expected ZOOM,X,Y"]),
            ("#v1;step=-1", &["ignored `step=-1`: expected a hop number"]),
            (
                "#v1;w=0",
                &["ignored `w=0`: expected a widget number from 1"],
            ),
            ("#v1;spof=yes", &["ignored `spof=yes`: expected 1 or 0"]),
            ("#v1;;;host=a;;", &[]),
            ("#v1;host=%ZZ", &[]),
        ];
        for (text, expected) in cases {
            let (_, problems) = current(text);
            assert_eq!(&problems, expected, "parsing {text:?}");
        }
    }

    #[test]
    fn round_trips() {
        let cases = [
            Fragment::default(),
            Fragment {
                host: Some("app.tomoda.life".into()),
                fail: Some(vec!["cloudfront-prod".into(), "redis".into()]),
                selected: Some("gke".into()),
                view: Some((1.5, 10.0, 20.0)),
                ..Fragment::default()
            },
            Fragment {
                widget: Some(4),
                tab: Some("place".into()),
                answers: vec!["holds-state".into()],
                audit: true,
                spof: true,
                step: Some(0),
                ..Fragment::default()
            },
            Fragment {
                host: Some("https://App.tomoda.life:443/a;b=c,d#e f".into()),
                search: Some("ünïcode; 100%".into()),
                dns: Some("new.tomoda.life".into()),
                scenario: Some("region-asia-east1".into()),
                draft: Some("1,c:status-page:Status%20page:bucket:prod:global:holds-state:".into()),
                ..Fragment::default()
            },
        ];
        for fragment in cases {
            let text = write(&fragment);
            assert!(!text.contains('#') && !text.contains(' '), "{text}");
            assert_eq!(
                parse(&format!("#{text}")),
                Parsed::Current {
                    fragment: Box::new(fragment.clone()),
                    problems: vec![]
                },
                "round trip of {text}"
            );
        }
    }

    #[test]
    fn writes_compactly() {
        let f = Fragment {
            host: Some("app.tomoda.life".into()),
            fail: Some(vec!["cloudfront-prod".into(), "redis".into()]),
            selected: Some("gke".into()),
            view: Some((1.5, 10.2, 20.0)),
            ..Fragment::default()
        };
        assert_eq!(
            write(&f),
            "v1;host=app.tomoda.life;fail=cloudfront-prod,redis;sel=gke;z=1.5,10,20"
        );
    }

    #[test]
    fn reads_decimals_like_parse() {
        for text in [
            "0",
            "-0",
            "+0",
            "1",
            "-1",
            "+7",
            "1.5",
            "-20",
            "10.25",
            ".5",
            "-.5",
            "3.",
            "0.1",
            "0.3",
            "19.99",
            "1234567.8",
            "0000012",
            "-9999999.99",
            "0.005",
            "2.675",
        ] {
            let expected = text.parse::<f64>().unwrap();
            let got = decimal(text).unwrap();
            assert_eq!(got.to_bits(), expected.to_bits(), "{text}");
        }
        for text in [
            "", "-", "+", ".", "-.", "1.2.3", "1e9", "1E2", "inf", "-inf", "NaN", "infinity",
            "1_000", "0x10", "--1", "+-1", " 1", "1 ", "1,5", "١",
        ] {
            assert_eq!(decimal(text), None, "{text:?}");
        }
    }

    #[test]
    fn reads_views() {
        assert_eq!(read_view("1.5, 10 ,-20"), Some((1.5, 10.0, -20.0)));
        // A shift that the writer would round up to the cap is refused.
        assert_eq!(read_view("1,999999999999.6,0"), None);
        assert_eq!(read_view("1,0,-999999999999.5"), None);
        assert!(read_view("1,999999999999.4,0").is_some());
        assert_eq!(read_view("0.005,0,0"), Some((0.005, 0.0, 0.0)));
        assert_eq!(
            read_view("10000,999999999999,-999999999999"),
            Some((10000.0, 999999999999.0, -999999999999.0))
        );
        for text in [
            "0.004,0,0",
            "10000.01,0,0",
            "1,1000000000000,0",
            "1,,0",
            "1,2,3,",
            "1e0,0,0",
        ] {
            assert_eq!(read_view(text), None, "{text}");
        }
    }

    #[test]
    fn reads_only_the_widget_of_a_fragment_over_the_length_cap() {
        let long = |n: usize| format!("#v1;w=3;q={}", "a".repeat(n));
        let cap = MAX_LEN - "v1;w=3;q=".len();
        let (f, problems) = current(&long(cap));
        assert_eq!((f.search.map(|q| q.len()), problems.len()), (Some(cap), 0));
        let too_long = Fragment {
            widget: Some(3),
            ..Fragment::default()
        };
        let refused = vec![TOO_LONG.to_owned()];
        assert!(TOO_LONG.contains("32,768") && MAX_LEN == 32_768);
        for text in [long(cap + 1), long(1 << 20)] {
            assert_eq!(current(&text), (too_long.clone(), refused.clone()));
        }
        // Not a simulator link: quoted, but only its start.
        let Parsed::Foreign(text) = parse(&"x".repeat(1 << 20)) else {
            panic!("a long anchor is foreign")
        };
        assert_eq!(text.chars().count(), 60);
    }

    #[test]
    fn a_list_keeps_its_first_thousand_entries() {
        // 15,000 entries fit under the length cap; 100,000 do not.
        let (f, problems) = current(&format!("#v1;fail={}", "c,".repeat(15_000)));
        assert_eq!(f.fail, Some(vec!["c".to_owned(); MAX_ITEMS]));
        assert_eq!(
            problems,
            ["read the first 1000 entries of `fail` and ignored 14000 more"]
        );
        let ids: Vec<String> = (0..MAX_ITEMS).map(|i| format!("q{i}")).collect();
        let (f, problems) = current(&format!("#v1;ans={},,,", ids.join(",")));
        assert_eq!(f.answers, ids);
        assert_eq!(problems, Vec::<String>::new());
        let (f, problems) = current(&format!("#v1;w=2;fail={}", "c,".repeat(100_000)));
        assert_eq!((f.widget, f.fail, problems.len()), (Some(2), None, 1));
    }

    #[test]
    fn names_ten_problems_and_counts_the_rest() {
        let (_, problems) = current(&format!("#v1{}", ";zz".repeat(10_000)));
        let mut expected = vec!["ignored `zz`: not key=value".to_owned(); MAX_PROBLEMS];
        expected.push("… and 9990 more ignored parts".into());
        assert_eq!(problems, expected);
    }

    #[test]
    fn quotes_a_short_visible_excerpt() {
        let cases: &[(&str, &str)] = &[
            (
                "#v1;colour%1B%5B2J=1",
                "ignored unknown key `colour\u{fffd}[2J`",
            ),
            ("#v1;q%E2%80%AEx=1", "ignored unknown key `q\u{fffd}x`"),
            (
                "#v1;spof=%3Cb%3Ebold%3C%2Fb%3E",
                "ignored `spof=<b>bold</b>`: expected 1 or 0",
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(current(text).1, [*expected], "{text}");
        }
        let (_, problems) = current(&format!("#v1;{}=1", "k".repeat(20_000)));
        assert_eq!(
            problems,
            [format!(
                "ignored unknown key `{}…`",
                "k".repeat(EXCERPT - 1)
            )]
        );
        assert_eq!(excerpt("abc", 3), "abc");
        assert_eq!(excerpt("abcd", 3), "ab…");
        assert_eq!(
            excerpt("a\u{0}\u{7f}\u{200f}b", 9),
            "a\u{fffd}\u{fffd}\u{fffd}b"
        );
    }

    #[test]
    fn survives_hostile_text() {
        for text in [
            "%",
            "#v1;host=%",
            "#v1;host=%E2%82",
            "#v1;=;=;=",
            "#v1;fail=,,,",
            "#\u{0}\u{ffff}",
            "#v1;q=%00%FF",
        ] {
            let _ = parse(text);
        }
        assert_eq!(decode("a%2Cb%"), "a,b%");
        assert_eq!(decode("%E2%82"), "\u{fffd}");
    }
}
