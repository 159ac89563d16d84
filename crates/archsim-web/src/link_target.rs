//! Whether the page's link (its URL fragment) is for a widget, and what it
//! asks of it: one rule, for the link a page opens with ([`mod@crate::mount`])
//! and for one opened later in the same tab ([`mod@crate::hooks::use_link`]).
//!
//! A link names its widget by number (`w=3`), or no widget for the full
//! page. A fragment that is no simulator link at all is, on a book page, a
//! heading's anchor, so it is for no widget; on the full page, which has
//! no anchors, it is a link that went wrong, and the page says so. A link
//! of another version is for the widget it names, which shows its
//! defaults and says why.

use archsim_core::Model;
use archsim_view::contract::Kind;

use crate::fragment::{self, Fragment, Parsed};
use crate::state::WidgetState;

/// Who reads the link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reader {
    /// The full-page simulator.
    Page,
    /// A widget of a book page, by its number in page order; `None` when
    /// it has none (mounted on its own), so that no link names it.
    Widget(Option<u32>),
}

impl Reader {
    /// The reader of a mount point of `kind`, numbered `number` on its page.
    pub fn of(kind: Kind, number: Option<u32>) -> Reader {
        match kind {
            Kind::App => Reader::Page,
            _ => Reader::Widget(number),
        }
    }
}

/// What a link means to its reader.
#[derive(Clone, Debug, PartialEq)]
pub enum Meaning {
    /// Not for this reader: its state stays as it is.
    NotMine,
    /// For this reader, but unreadable: it shows its defaults, with this
    /// notice.
    Defaults(String),
    /// For this reader: the fragment applies over the defaults, with one
    /// notice per part that was ignored.
    Apply(Box<Fragment>, Vec<String>),
}

/// The widget a link should start at once, if it names one.
pub fn named_widget(parsed: &Parsed) -> Option<u32> {
    match parsed {
        Parsed::Current { fragment, .. } => fragment.widget,
        Parsed::OtherVersion { widget, .. } => *widget,
        Parsed::Empty | Parsed::Foreign(_) => None,
    }
}

/// What `parsed` means to `reader`.
#[allow(clippy::disallowed_macros)] // Notices on a link for another version or none of ours.
pub fn meaning(parsed: Parsed, reader: Reader) -> Meaning {
    let mine = |widget: Option<u32>| match reader {
        Reader::Page => widget.is_none(),
        Reader::Widget(number) => number.is_some() && widget == number,
    };
    match parsed {
        Parsed::Empty => Meaning::NotMine,
        Parsed::Foreign(text) => match reader {
            Reader::Page => Meaning::Defaults(format!(
                "`#{text}` is not a simulator link; showing the defaults."
            )),
            Reader::Widget(_) => Meaning::NotMine,
        },
        Parsed::OtherVersion { version, widget } if mine(widget) => Meaning::Defaults(format!(
            "This link was made for version {version} of the simulator's links (this is \
             version {}); showing the defaults.",
            fragment::VERSION
        )),
        Parsed::Current { fragment, problems } if mine(fragment.widget) => Meaning::Apply(
            fragment,
            problems
                .into_iter()
                .map(|p| ["link: ", &p].concat())
                .collect(),
        ),
        Parsed::OtherVersion { .. } | Parsed::Current { .. } => Meaning::NotMine,
    }
}

/// `base` with the link `hash` followed, when it is for `reader`; `None`
/// when it is not.
pub fn follow(
    hash: &str,
    reader: Reader,
    mut base: WidgetState,
    model: &Model,
) -> Option<WidgetState> {
    match meaning(fragment::parse(hash), reader) {
        Meaning::NotMine => None,
        Meaning::Defaults(notice) => {
            base.notices.push(notice);
            Some(base)
        }
        Meaning::Apply(fragment, problems) => {
            let mut next = base.with_fragment(model, &fragment);
            next.notices.extend(problems);
            Some(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fragment::parse;

    /// What a reader does with a link, in a word: "-" leaves its state,
    /// "defaults: …" shows its defaults with a notice holding the words,
    /// "apply" applies the link.
    fn does(hash: &str, reader: Reader) -> String {
        match meaning(parse(hash), reader) {
            Meaning::NotMine => "-".to_owned(),
            Meaning::Defaults(notice) => format!("defaults: {notice}"),
            Meaning::Apply(..) => "apply".to_owned(),
        }
    }

    #[test]
    fn a_link_is_for_the_reader_it_names() {
        let v = fragment::VERSION;
        let other = v + 1;
        let page = Reader::Page;
        let two = Reader::Widget(Some(2));
        let loose = Reader::Widget(None);
        let current = format!("#v{v};host=app.tomoda.life");
        let current_2 = format!("#v{v};w=2;host=app.tomoda.life");
        let current_3 = format!("#v{v};w=3");
        let old = format!("#v{other}");
        let old_2 = format!("#v{other};w=2");
        let old_3 = format!("#v{other};w=3");
        let too_long_2 = format!("#v{v};w=2;{}", "x".repeat(40_000));
        // (the link, who reads it, what it does)
        let cases: &[(&str, Reader, &str)] = &[
            ("", page, "-"),
            ("", two, "-"),
            ("#", page, "-"),
            // A heading's anchor on a book page; on the full page, a link
            // that went wrong.
            ("#routing", two, "-"),
            ("#routing", loose, "-"),
            (
                "#routing",
                page,
                "defaults: `#routing` is not a simulator link",
            ),
            (&current, page, "apply"),
            (&current, two, "-"),
            (&current, loose, "-"),
            (&current_2, two, "apply"),
            (&current_2, page, "-"),
            (&current_2, loose, "-"),
            (&current_3, two, "-"),
            (&too_long_2, two, "apply"),
            (&too_long_2, page, "-"),
            // Another version: for the one it names, which says so.
            (&old, page, "defaults: This link was made for version"),
            (&old, two, "-"),
            (&old_2, two, "defaults: This link was made for version"),
            (&old_2, page, "-"),
            (&old_2, loose, "-"),
            (&old_3, two, "-"),
        ];
        for (hash, reader, want) in cases {
            let got = does(hash, *reader);
            assert!(
                got.starts_with(want) && (want.len() > 1 || got == *want),
                "{hash:.60} read by {reader:?}: {got}, wanted {want}"
            );
        }
    }

    #[test]
    fn a_link_names_the_widget_to_start() {
        let v = fragment::VERSION;
        let cases = [
            (String::new(), None),
            ("#routing".to_owned(), None),
            (format!("#v{v}"), None),
            (format!("#v{v};w=4"), Some(4)),
            (format!("#v{};w=4", v + 1), Some(4)),
        ];
        for (hash, want) in cases {
            assert_eq!(named_widget(&parse(&hash)), want, "{hash}");
        }
    }
}
