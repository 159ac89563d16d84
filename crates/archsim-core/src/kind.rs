//! Edge kinds and what each means: the one place that says what a kind
//! does to a component, to a route, to a single point of failure, to the
//! loader and to the layout.
//!
//! Every other module asks these methods and never compares kinds itself,
//! so a new kind is a new variant here (the compiler then points at each
//! `match` below), its line in the view's legend (`archsim-view`'s
//! `svg/legend.rs`) and its row in the model reference.

use crate::engine::State;

/// When a dependency matters.
///
/// The variants are declared strongest first (what losing the dependency
/// does to `from`, worst first); [`EdgeKind::ALL`] and the derived order
/// follow it, and the codec numbers kinds by their place in `ALL`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EdgeKind {
    /// Needed for every request: losing it takes `from` down.
    Request,
    /// Behind a cache: losing it degrades `from`.
    Cached,
    /// Needed when `from` starts or is rescheduled: losing it puts `from` at risk.
    Startup,
    /// A safety net (backups, DNS publishing, renewal): losing it puts `from` at risk.
    Background,
}

impl EdgeKind {
    /// All kinds, strongest first.
    pub const ALL: [EdgeKind; 4] = [
        EdgeKind::Request,
        EdgeKind::Cached,
        EdgeKind::Startup,
        EdgeKind::Background,
    ];

    /// The file format's name for the kind (also its JSON value and its
    /// CSS class, `kind-NAME`).
    pub fn as_str(self) -> &'static str {
        match self {
            EdgeKind::Request => "request",
            EdgeKind::Cached => "cached",
            EdgeKind::Startup => "startup",
            EdgeKind::Background => "background",
        }
    }

    /// Parse the file format's name.
    pub fn parse(name: &str) -> Option<EdgeKind> {
        EdgeKind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// What a dependency of this kind in state `dependency` does to its
    /// dependent; `restarting`: the dependent is restarting, so what it
    /// needs to start is needed now.
    ///
    /// This is the kind's whole meaning for states and routes; [`hard`]
    /// is read from it.
    ///
    /// [`hard`]: EdgeKind::hard
    pub fn effect(self, dependency: State, restarting: bool) -> State {
        match self {
            EdgeKind::Request => dependency,
            EdgeKind::Cached => dependency.min(State::Degraded),
            EdgeKind::Startup if restarting => dependency,
            EdgeKind::Startup | EdgeKind::Background => {
                if dependency >= State::Degraded {
                    State::AtRisk
                } else {
                    State::Ok
                }
            }
        }
    }

    /// Whether losing the dependency takes its dependent down (when it is
    /// not restarting). A hard dependency is one a single point of failure
    /// is followed through; a hop that is not hard caps the route behind it
    /// (the route can be served without what lies behind it).
    pub fn hard(self) -> bool {
        self.effect(State::Down, false) == State::Down
    }

    /// What a route is worth through a hop of this kind, when what lies
    /// behind the hop is worth `behind`.
    pub fn through_hop(self, behind: State) -> State {
        self.effect(behind, false)
    }

    /// Whether requests may travel along an edge of this kind (a hop): only
    /// along edges needed to answer them.
    pub fn may_be_hop(self) -> bool {
        match self {
            EdgeKind::Request | EdgeKind::Cached => true,
            EdgeKind::Startup | EdgeKind::Background => false,
        }
    }

    /// How much an edge of this kind should keep its direction in a
    /// layered drawing, from 1 (most; a hop is 0) to the weakest: cycles are
    /// broken at safety nets where possible. Merged edges take the
    /// strongest kind.
    pub fn rank(self) -> u8 {
        match self {
            EdgeKind::Request => 1,
            EdgeKind::Cached => 2,
            EdgeKind::Startup => 3,
            EdgeKind::Background => 4,
        }
    }

    /// The word written along a line of this kind, or `None` for the
    /// common case (a request dependency), which the line style says.
    pub fn tag(self) -> Option<&'static str> {
        match self {
            EdgeKind::Request => None,
            EdgeKind::Cached | EdgeKind::Startup | EdgeKind::Background => Some(self.as_str()),
        }
    }

    /// What the kind means, in a few words: the legend's key to its line.
    pub fn meaning(self) -> &'static str {
        match self {
            EdgeKind::Request => "needed by every request",
            EdgeKind::Cached => "cached",
            EdgeKind::Startup => "needed at start-up",
            EdgeKind::Background => "safety net (background)",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::EdgeKind;
    use crate::engine::State;

    #[test]
    fn kinds_parse_from_their_names_only() {
        for kind in EdgeKind::ALL {
            assert_eq!(EdgeKind::parse(kind.as_str()), Some(kind));
        }
        for name in ["", "Request", "cache", "start-up"] {
            assert_eq!(EdgeKind::parse(name), None, "{name:?}");
        }
    }

    #[test]
    fn all_lists_every_kind_strongest_first() {
        for pair in EdgeKind::ALL.windows(2) {
            assert!(pair[0] < pair[1], "{pair:?}");
            assert!(pair[0].rank() < pair[1].rank(), "{pair:?}");
        }
        assert!(EdgeKind::ALL.iter().all(|k| k.rank() > 0));
    }

    /// The semantics paragraph of ARCHITECTURE.md, as a table: what a
    /// dependency in each state does to its dependent, not restarting and
    /// restarting.
    #[test]
    fn effects_follow_the_documented_semantics() {
        use EdgeKind::*;
        use State::*;
        let cases = [
            (
                Request,
                [Ok, AtRisk, Degraded, Down],
                [Ok, AtRisk, Degraded, Down],
            ),
            (
                Cached,
                [Ok, AtRisk, Degraded, Degraded],
                [Ok, AtRisk, Degraded, Degraded],
            ),
            (
                Startup,
                [Ok, Ok, AtRisk, AtRisk],
                [Ok, AtRisk, Degraded, Down],
            ),
            (
                Background,
                [Ok, Ok, AtRisk, AtRisk],
                [Ok, Ok, AtRisk, AtRisk],
            ),
        ];
        assert_eq!(cases.map(|c| c.0), EdgeKind::ALL, "a row per kind");
        for (kind, steady, restarting) in cases {
            for (i, dependency) in State::ALL.into_iter().enumerate() {
                assert_eq!(
                    kind.effect(dependency, false),
                    steady[i],
                    "{kind:?} {dependency:?}"
                );
                assert_eq!(
                    kind.effect(dependency, true),
                    restarting[i],
                    "{kind:?} {dependency:?} restarting"
                );
            }
        }
    }

    #[test]
    fn only_request_is_hard_and_only_request_and_cached_may_be_hops() {
        let table = [
            (EdgeKind::Request, true, true, Some(State::Down), None),
            (
                EdgeKind::Cached,
                false,
                true,
                Some(State::Degraded),
                Some("cached"),
            ),
            (EdgeKind::Startup, false, false, None, Some("startup")),
            (EdgeKind::Background, false, false, None, Some("background")),
        ];
        assert_eq!(table.map(|t| t.0), EdgeKind::ALL, "a row per kind");
        for (kind, hard, hop, behind_down, tag) in table {
            assert_eq!(kind.hard(), hard, "{kind:?}");
            assert_eq!(kind.may_be_hop(), hop, "{kind:?}");
            if let Some(worth) = behind_down {
                assert_eq!(kind.through_hop(State::Down), worth, "{kind:?}");
            }
            assert_eq!(kind.tag(), tag, "{kind:?}");
            assert!(!kind.meaning().is_empty());
        }
    }
}
