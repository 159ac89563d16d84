//! The widget mount contract, once: what a page's `<div data-archsim=…>`
//! asks for, written by the book's preprocessor, read by the wasm bundle
//! and by the end-to-end tests' oracle.
//!
//! ```text
//! <div class="archsim" data-archsim="KIND" data-archsim-v="1"
//!      [data-model="#archsim-model"] [data-host="…"] [data-fail="a,b"]
//!      [data-scenario="…"] [data-answers="q1,q2"] [data-focus="provider:aws"]
//!      [data-spof="true"] [data-audit="true"] [data-draft="1,x:…"]
//!      [data-sources="sources.html"] [data-heading="3"]>
//!   <div class="archsim-fallback">static HTML/SVG</div>
//! </div>
//! ```
//!
//! [`Kind`] names what a mount point shows, [`Request`] is everything it
//! asks ([`Request::write`] gives its attributes, [`Request::read`] reads
//! them back, both through a closure, so the contract is pure and tested
//! natively), and [`focus`] resolves a focus against a model, the same way
//! for the fallback and the widget. The book's reference page "Widget mount
//! contract" documents it for page authors.
//!
//! `data-archsim-v` is the contract's major version: a page written for
//! another version keeps its fallback and shows a notice, because its
//! attributes may mean something else. A missing version reads as this
//! one, so a hand-written `<div data-archsim="route" data-host="…">`
//! works. Everything else is optional.

use archsim_core::error::{QueryError, QueryErrorKind};
use archsim_core::{CompId, Model};

/// The contract version this crate writes and reads (`data-archsim-v`).
pub const VERSION: &str = "1";

/// The id of the script element that carries a page's own model, when it
/// is not the one built into the bundle (`data-model="#archsim-model"`).
pub const MODEL_SCRIPT_ID: &str = "archsim-model";

/// The `type` of that script element: the core's binary form, as base64.
pub const MODEL_SCRIPT_TYPE: &str = "application/x-archsim-model";

/// A bare mount point of the propose bundle, as HTML (the full page's
/// Propose tab): what [`Request::write`] writes for
/// `Request::new(Kind::Propose)`, as a constant (a test checks it), so the
/// widgets' bundle writes it with no code; its fallback says it is
/// loading.
pub const PROPOSE_MOUNT: &str = "<div class=\"archsim\" data-archsim=\"propose\" data-archsim-v=\"1\"><div class=\"archsim-fallback\"><p class=\"archsim-notice\">Loading the propose widget…</p></div></div>";

/// The attributes, by name, in the order [`Request::write`] writes them.
const KIND: &str = "data-archsim";
const V: &str = "data-archsim-v";
const MODEL: &str = "data-model";
const HOST: &str = "data-host";
const FAIL: &str = "data-fail";
const SCENARIO: &str = "data-scenario";
const ANSWERS: &str = "data-answers";
const FOCUS: &str = "data-focus";
const SPOF: &str = "data-spof";
const AUDIT: &str = "data-audit";
const DRAFT: &str = "data-draft";
const SOURCES: &str = "data-sources";
const HEADING: &str = "data-heading";

/// What a mount point shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// The full-page simulator: every widget, in tabs.
    App,
    /// The architecture map, with search and details.
    Map,
    /// The route tracer.
    Route,
    /// The failure simulator.
    Fail,
    /// The placement assistant.
    Place,
    /// DNS ownership.
    Dns,
    /// The what-if editor: draft a change to the model and see its
    /// impact. It ships in a bundle of its own ([`Kind::bundle`]).
    Propose,
}

/// The wasm bundles a page may load: each mounts the kinds that are its
/// own ([`Kind::bundle`]), and a page loads only those its kinds need.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Bundle {
    /// `archsim-web`: the simulator and the five question widgets.
    Widgets,
    /// `archsim-propose`: the propose widget, with the diff engine.
    Propose,
}

impl Bundle {
    /// Every bundle.
    pub const ALL: [Bundle; 2] = [Bundle::Widgets, Bundle::Propose];

    /// The bundle's file stem under the site's `archsim/`: its JS glue is
    /// `STEM.js`, its module `STEM_bg.wasm`.
    pub fn stem(self) -> &'static str {
        match self {
            Bundle::Widgets => "archsim-web",
            Bundle::Propose => "archsim-propose",
        }
    }

    /// The bundle that mounts an element, given what [`Request::read`]
    /// made of it: its kind's, or the widgets bundle's when it cannot be
    /// read, which keeps its fallback and says why.
    pub fn of(read: &Result<Request, String>) -> Bundle {
        read.as_ref().map_or(Bundle::Widgets, |r| r.kind.bundle())
    }
}

impl Kind {
    /// Every widget (a directive of the book, a tab of the full page), in
    /// tab order.
    pub const WIDGETS: [Kind; 6] = [
        Kind::Map,
        Kind::Route,
        Kind::Fail,
        Kind::Place,
        Kind::Dns,
        Kind::Propose,
    ];

    /// The contract's name for the kind (`data-archsim`, the directive).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::App => "app",
            Kind::Map => "map",
            Kind::Route => "route",
            Kind::Fail => "fail",
            Kind::Place => "place",
            Kind::Dns => "dns",
            Kind::Propose => "propose",
        }
    }

    /// Parse the contract's name.
    pub fn parse(name: &str) -> Option<Kind> {
        [Kind::App]
            .into_iter()
            .chain(Kind::WIDGETS)
            .find(|k| k.as_str() == name)
    }

    /// The widget's title, for tabs and headings.
    pub fn title(self) -> &'static str {
        match self {
            Kind::App => "Simulator",
            Kind::Map => "Map",
            Kind::Route => "Route",
            Kind::Fail => "Failures",
            Kind::Place => "Placement",
            Kind::Dns => "DNS",
            Kind::Propose => "Propose",
        }
    }

    /// The options the book's `{{#archsim KIND …}}` directive takes.
    pub fn options(self) -> &'static [&'static str] {
        match self {
            Kind::App => &[],
            Kind::Map => &["focus", "highlight"],
            Kind::Route => &["host", "fail"],
            Kind::Fail => &["scenario", "components", "spof"],
            Kind::Place => &["answers", "audit"],
            Kind::Dns => &["host"],
            Kind::Propose => &["focus", "draft"],
        }
    }

    /// Whether the kind draws a map (and so takes `data-focus`).
    pub fn has_map(self) -> bool {
        match self {
            Kind::Map | Kind::Route | Kind::Fail | Kind::App | Kind::Propose => true,
            Kind::Place | Kind::Dns => false,
        }
    }

    /// The bundle that mounts the kind. A mount point that cannot be read
    /// (another version, an unknown kind) is the widgets bundle's, which
    /// says why.
    pub fn bundle(self) -> Bundle {
        match self {
            Kind::App | Kind::Map | Kind::Route | Kind::Fail | Kind::Place | Kind::Dns => {
                Bundle::Widgets
            }
            Kind::Propose => Bundle::Propose,
        }
    }
}

/// The level of the headings a widget writes (`data-heading`), `<h2>` to
/// `<h6>`: one under the heading of the section the widget sits in, so
/// that the page's outline never skips a level (a screen reader's list of
/// headings, axe's `heading-order`). Absent, it is [`Heading::TOP`], which
/// skips none under a page's `<h1>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Heading(u8);

impl Heading {
    /// `<h2>`: for a widget under the page's title, and the default.
    pub const TOP: Heading = Heading(2);

    /// The headings of a widget in a section headed at `level` (1 for the
    /// page's title; 0 when nothing heads it): one level deeper, between
    /// `<h2>` and `<h6>`.
    pub const fn under(level: u8) -> Heading {
        match level {
            0 | 1 => Heading(2),
            2..=5 => Heading(level + 1),
            _ => Heading(6),
        }
    }

    /// The level, 2 to 6.
    pub fn level(self) -> u8 {
        self.0
    }

    /// The element's name: `h2` … `h6`.
    pub fn tag(self) -> &'static str {
        // A match, not an index: no bounds check to panic in the bundles.
        match self.0 {
            ..=2 => "h2",
            3 => "h3",
            4 => "h4",
            5 => "h5",
            _ => "h6",
        }
    }

    /// Parse `data-heading`: a level from 2 to 6.
    fn parse(text: &str) -> Option<Heading> {
        // One digit, read as a byte: integer parsing would cost the
        // bundles a few hundred bytes.
        match *text.as_bytes() {
            [digit @ b'2'..=b'6'] => Some(Heading(digit - b'0')),
            _ => None,
        }
    }
}

impl Default for Heading {
    fn default() -> Heading {
        Heading::TOP
    }
}

/// A mount point's request: everything its attributes ask.
///
/// Values are trimmed and non-empty, list entries too and without commas:
/// what [`Request::read`] gives, and what [`Request::write`] writes so
/// that it reads back the same.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    /// What to show.
    pub kind: Kind,
    /// `data-model`: a selector of the page's model script; `None`: the
    /// model built into the bundle.
    pub model: Option<String>,
    /// `data-host`: the host to route (route), to light up (map) or to
    /// look up (dns).
    pub host: Option<String>,
    /// `data-fail`: failure selectors (ids, names, `provider:…`, …).
    pub fail: Vec<String>,
    /// `data-scenario`: a scenario's id.
    pub scenario: Option<String>,
    /// `data-answers`: placement questions answered yes.
    pub answers: Vec<String>,
    /// `data-focus`: a selector of the components the map draws
    /// (resolved by [`focus`]).
    pub focus: Option<String>,
    /// `data-spof="true"`: show single points of failure.
    pub spof: bool,
    /// `data-audit="true"`: show the placement audit.
    pub audit: bool,
    /// `data-draft`: the draft a propose widget starts from, in its link
    /// form (`archsim_core::draft::Draft::to_fragment`), read by the
    /// widget as it reads a link.
    pub draft: Option<String>,
    /// `data-sources`: the book's Sources page, relative to the page (the
    /// same on each of its mount points; `""` on that page itself): the
    /// widget links each fact an answer rests on to its row there
    /// ([`crate::html::facts::resolve`]). Absent: facts are plain ids.
    pub sources: Option<String>,
    /// `data-heading`: the level of the widget's headings.
    pub heading: Heading,
}

impl Request {
    /// A mount point of `kind` with nothing else asked.
    pub fn new(kind: Kind) -> Request {
        Request {
            kind,
            model: None,
            host: None,
            fail: Vec::new(),
            scenario: None,
            answers: Vec::new(),
            focus: None,
            spof: false,
            audit: false,
            draft: None,
            sources: None,
            heading: Heading::TOP,
        }
    }

    /// Write the request's attributes through `attr(name, value)`, the
    /// kind and version first, then each only when given. Values are
    /// raw: the caller escapes them for HTML.
    pub fn write(&self, mut attr: impl FnMut(&'static str, &str)) {
        attr(KIND, self.kind.as_str());
        attr(V, VERSION);
        let mut text = |name, value: &Option<String>| {
            if let Some(value) = value {
                attr(name, value);
            }
        };
        text(MODEL, &self.model);
        text(HOST, &self.host);
        let fail = (!self.fail.is_empty()).then(|| self.fail.join(","));
        text(FAIL, &fail);
        text(SCENARIO, &self.scenario);
        let answers = (!self.answers.is_empty()).then(|| self.answers.join(","));
        text(ANSWERS, &answers);
        text(FOCUS, &self.focus);
        let yes = Some("true".to_owned());
        text(SPOF, if self.spof { &yes } else { &None });
        text(AUDIT, if self.audit { &yes } else { &None });
        text(DRAFT, &self.draft);
        text(SOURCES, &self.sources);
        if self.heading != Heading::TOP {
            attr(HEADING, &self.heading.0.to_string());
        }
    }

    /// Read a mount point through `attr` (an attribute's value by name).
    ///
    /// Returns: the request; or, when the element must keep its fallback,
    /// the notice to show (another contract version, an unknown kind, a
    /// heading level that is not one).
    /// Values are trimmed, empty ones are absent; a flag is on for `true`
    /// or `1`.
    /// Complexity: O(attribute text).
    pub fn read(attr: impl Fn(&str) -> Option<String>) -> Result<Request, String> {
        let version = attr(V).unwrap_or_else(|| VERSION.to_owned());
        if version.trim() != VERSION {
            return Err([
                "This widget was written for version ",
                &excerpt(version.trim(), 40),
                " of the archsim mount contract, and this bundle reads version ",
                VERSION,
                "; the static view below stays. Rebuilding the site updates both.",
            ]
            .concat());
        }
        let kind_text = attr(KIND).unwrap_or_default();
        let kind = Kind::parse(kind_text.trim()).ok_or_else(|| {
            let names: Vec<&str> = Kind::WIDGETS.iter().map(|k| k.as_str()).collect();
            [
                "`",
                &excerpt(kind_text.trim(), 40),
                "` is not an archsim widget (",
                &names.join(", "),
                "); the static view stays.",
            ]
            .concat()
        })?;
        let text = |name: &str| {
            attr(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let list = |name: &str| {
            text(name)
                .map(|v| {
                    v.split(',')
                        .map(|s| s.trim().to_owned())
                        .filter(|s| !s.is_empty())
                        .collect()
                })
                .unwrap_or_default()
        };
        let flag = |name: &str| text(name).is_some_and(|v| v == "true" || v == "1");
        let heading = match text(HEADING) {
            None => Heading::TOP,
            Some(level) => Heading::parse(&level).ok_or_else(|| {
                [
                    "`data-heading` is the level of the widget's headings, 2 to 6, not `",
                    &excerpt(&level, 40),
                    "`; the static view stays.",
                ]
                .concat()
            })?,
        };
        Ok(Request {
            kind,
            model: text(MODEL),
            host: text(HOST),
            fail: list(FAIL),
            scenario: text(SCENARIO),
            answers: list(ANSWERS),
            focus: text(FOCUS),
            spof: flag(SPOF),
            audit: flag(AUDIT),
            draft: text(DRAFT),
            sources: attr(SOURCES).map(|v| v.trim().to_owned()),
            heading,
        })
    }
}

/// The components a map with focus `focus` draws: what the selector picks
/// in the whole selector language of `archsim_core::select`
/// (`provider:aws`, `region:asia-east1`, `kind:bucket`, a component, a
/// product, a scenario's failures, …), in model order.
///
/// Returns: the components; an error, with near names, when the selector
/// is unknown or picks no component. The preprocessor makes the error a
/// build error, the widget a notice (and draws the whole map).
/// Complexity: as `archsim_core::select::components`.
pub fn focus(model: &Model, focus: &str) -> Result<Vec<CompId>, QueryError> {
    let picked = archsim_core::select::components(model, focus)?;
    if picked.is_empty() {
        return Err(QueryError {
            kind: QueryErrorKind::UnknownSelector,
            message: ["`", &excerpt(focus, 40), "` picks no component"].concat(),
            suggestions: Vec::new(),
        });
    }
    Ok(picked.into_iter().collect())
}

/// A short, readable excerpt of text from a link or a page: at most `max`
/// characters, the last an ellipsis when cut, and what acts rather than shows
/// (`archsim_core::text::is_hidden`: controls, bidi marks) shown as `\u{fffd}`, so a quoted
/// link can neither hide nor reorder the words around it. The notice that
/// shows it escapes it as HTML.
pub fn excerpt(text: &str, max: usize) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    for _ in 0..max {
        let Some(c) = chars.next() else {
            return out;
        };
        // What acts rather than shows, by the rule the terminal uses too.
        let hidden = archsim_core::text::is_hidden(c);
        out.push(if hidden { '\u{fffd}' } else { c });
    }
    if chars.next().is_some() {
        out.pop();
        out.push('…');
    }
    out
}
