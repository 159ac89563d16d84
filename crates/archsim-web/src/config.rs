//! The mount contract: what a page's `<div data-archsim=…>` asks for.
//!
//! ```text
//! <div class="archsim" data-archsim="KIND" data-archsim-v="1"
//!      [data-model="#archsim-model"] [data-host="…"] [data-fail="a,b"]
//!      [data-scenario="…"] [data-answers="q1,q2"] [data-focus="provider:aws"]
//!      [data-spof="true"] [data-audit="true"]>
//!   <div class="archsim-fallback">static HTML/SVG</div>
//! </div>
//! ```
//!
//! `KIND` is `map`, `route`, `fail`, `place` or `dns` (a widget), or `app`
//! (the full-page simulator). `data-archsim-v` is the contract's major
//! version: a page written for another version keeps its fallback and shows
//! a notice, because its attributes may mean something else. A missing
//! version reads as 1, so a hand-written `<div data-archsim="route"
//! data-host="…">` works. Everything else is optional; values are checked
//! against the model later ([`crate::state`]), where unknown names become
//! notices rather than errors.
//!
//! This module reads attributes through a closure, so it is pure and tested
//! natively; [`crate::mount`](mod@crate::mount) feeds it the DOM.

/// The contract version this bundle implements.
pub const CONTRACT_VERSION: &str = "1";

/// What a mount point shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// The full-page simulator: every panel, in tabs.
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
}

impl Kind {
    /// Every panel of the full page, in tab order.
    pub const PANELS: [Kind; 5] = [Kind::Map, Kind::Route, Kind::Fail, Kind::Place, Kind::Dns];

    /// The contract's name for the kind.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::App => "app",
            Kind::Map => "map",
            Kind::Route => "route",
            Kind::Fail => "fail",
            Kind::Place => "place",
            Kind::Dns => "dns",
        }
    }

    /// Parse the contract's name.
    pub fn parse(name: &str) -> Option<Kind> {
        [Kind::App]
            .into_iter()
            .chain(Kind::PANELS)
            .find(|k| k.as_str() == name)
    }

    /// The panel's title, for tabs and headings.
    pub fn title(self) -> &'static str {
        match self {
            Kind::App => "Simulator",
            Kind::Map => "Map",
            Kind::Route => "Route",
            Kind::Fail => "Failures",
            Kind::Place => "Placement",
            Kind::Dns => "DNS",
        }
    }
}

/// A mount point's request, as read from its attributes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MountConfig {
    /// What to show.
    pub kind: Kind,
    /// `data-model`: a selector of the page's model script; `None`: the
    /// model embedded in the bundle.
    pub model: Option<String>,
    /// `data-host`: the host to route (route, map) or to look up (dns).
    pub host: Option<String>,
    /// `data-fail`: failure selectors (ids, names, `provider:…`, …).
    pub fail: Vec<String>,
    /// `data-scenario`: a scenario preset's id.
    pub scenario: Option<String>,
    /// `data-answers`: placement questions answered yes.
    pub answers: Vec<String>,
    /// `data-focus`: the part of the map to draw (`provider:aws`, `region:…`).
    pub focus: Option<String>,
    /// `data-spof="true"`: show single points of failure.
    pub spof: bool,
    /// `data-audit="true"`: show the placement audit.
    pub audit: bool,
}

impl MountConfig {
    /// A mount point of `kind` with nothing else asked.
    pub fn new(kind: Kind) -> MountConfig {
        MountConfig {
            kind,
            model: None,
            host: None,
            fail: Vec::new(),
            scenario: None,
            answers: Vec::new(),
            focus: None,
            spof: false,
            audit: false,
        }
    }
}

/// Read a mount point through `attr` (an attribute's value by name).
///
/// Returns: the request; or, when the element must keep its fallback, the
/// notice to show (another contract version, an unknown kind).
/// Complexity: O(attribute text).
pub fn read(attr: impl Fn(&str) -> Option<String>) -> Result<MountConfig, String> {
    let version = attr("data-archsim-v").unwrap_or_else(|| CONTRACT_VERSION.to_owned());
    if version.trim() != CONTRACT_VERSION {
        return Err(format!(
            "This widget was written for version {} of the archsim mount contract, and this \
             bundle reads version {CONTRACT_VERSION}; the static view below stays. Rebuilding \
             the site updates both.",
            short(version.trim())
        ));
    }
    let kind_text = attr("data-archsim").unwrap_or_default();
    let kind = Kind::parse(kind_text.trim()).ok_or_else(|| {
        format!(
            "`{}` is not an archsim widget (map, route, fail, place, dns); the static view stays.",
            short(kind_text.trim())
        )
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
    Ok(MountConfig {
        kind,
        model: text("data-model"),
        host: text("data-host"),
        fail: list("data-fail"),
        scenario: text("data-scenario"),
        answers: list("data-answers"),
        focus: text("data-focus"),
        spof: flag("data-spof"),
        audit: flag("data-audit"),
    })
}

/// At most 40 characters of page text in a notice.
fn short(text: &str) -> String {
    if text.chars().count() > 40 {
        format!("{}…", text.chars().take(39).collect::<String>())
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_attrs(attrs: &[(&str, &str)]) -> Result<MountConfig, String> {
        read(|name| {
            attrs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
        })
    }

    #[test]
    fn reads_every_attribute() {
        let config = read_attrs(&[
            ("data-archsim", "fail"),
            ("data-archsim-v", "1"),
            ("data-model", "#archsim-model"),
            ("data-host", " app.tomoda.life "),
            ("data-fail", "cloudfront, redis,,"),
            ("data-scenario", "cloudfront-outage"),
            ("data-answers", "holds-state,dns"),
            ("data-focus", "provider:aws"),
            ("data-spof", "true"),
            ("data-audit", "false"),
        ])
        .unwrap();
        assert_eq!(
            config,
            MountConfig {
                kind: Kind::Fail,
                model: Some("#archsim-model".into()),
                host: Some("app.tomoda.life".into()),
                fail: vec!["cloudfront".into(), "redis".into()],
                scenario: Some("cloudfront-outage".into()),
                answers: vec!["holds-state".into(), "dns".into()],
                focus: Some("provider:aws".into()),
                spof: true,
                audit: false,
            }
        );
    }

    #[test]
    fn keeps_the_fallback_when_it_cannot_honour_the_request() {
        type Case<'a> = (&'a [(&'a str, &'a str)], Option<&'a str>);
        let cases: &[Case] = &[
            (&[("data-archsim", "route")], None),
            (&[("data-archsim", "route"), ("data-archsim-v", "1")], None),
            (&[("data-archsim", "app"), ("data-archsim-v", " 1 ")], None),
            (
                &[("data-archsim", "route"), ("data-archsim-v", "2")],
                Some("version 2 of the archsim mount contract"),
            ),
            (
                &[("data-archsim", "chart"), ("data-archsim-v", "1")],
                Some("`chart` is not an archsim widget"),
            ),
            (
                &[("data-archsim-v", "1")],
                Some("`` is not an archsim widget"),
            ),
        ];
        for (attrs, notice) in cases {
            match (read_attrs(attrs), notice) {
                (Ok(_), None) => {}
                (Err(text), Some(part)) => assert!(text.contains(part), "{text}"),
                (got, want) => panic!("{attrs:?}: got {got:?}, wanted a notice with {want:?}"),
            }
        }
    }

    #[test]
    fn names_every_kind() {
        for kind in Kind::PANELS.into_iter().chain([Kind::App]) {
            assert_eq!(Kind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(Kind::parse("Map"), None);
    }
}
