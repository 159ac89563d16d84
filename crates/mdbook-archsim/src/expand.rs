//! Widget directives → a mount point for the wasm bundle, holding a static
//! fallback rendered now from the same engine.
//!
//! A directive becomes a [`Request`] of the mount contract
//! (`archsim_view::contract`, which the bundle reads back), written as
//! `<div class="archsim" data-archsim=… …><div class="archsim-fallback" …>STATIC
//! HTML</div></div>` on one line group with no blank line inside (a blank
//! line would end CommonMark's HTML block and let Markdown rewrite the
//! fallback), and a blank line before and after. The bundle replaces the
//! fallback; readers without JavaScript, the search index and the print
//! view keep it.

use archsim_core::select::select;
use archsim_core::suggest::{did_you_mean, nearest};
use archsim_core::{CompId, Engine};
use archsim_view::contract::{self, Heading, Kind, Request};
use archsim_view::{escape, html, layout, present, svg};

use crate::directive::{Directive, list};
use crate::draft::Proposed;
use crate::error::Problem;

/// The widget a directive kind names, if it names one.
pub fn widget_kind(kind: &str) -> Option<Kind> {
    Kind::parse(kind).filter(|k| *k != Kind::App)
}

/// Reject options the kind does not take, and bare words.
pub fn check_options(d: &Directive, allowed: &[&str]) -> Result<(), Problem> {
    for o in &d.options {
        if !allowed.contains(&o.key.as_str()) {
            let near = nearest(&o.key, allowed.iter().copied(), 3);
            let hint = if !near.is_empty() {
                did_you_mean(&near)
            } else if allowed.is_empty() {
                format!("`{}` takes no options", d.kind)
            } else {
                format!("`{}` takes {}", d.kind, allowed.join(", "))
            };
            return Err(
                Problem::new(format!("`{}` is not an option of `{}`", o.key, d.kind))
                    .with_hint(hint),
            );
        }
    }
    Ok(())
}

/// Where a widget is mounted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mount {
    /// `Some("#archsim-model")` when the page carries the model (the book's
    /// model differs from the one in the bundle).
    pub model_ref: Option<String>,
    /// Prefix of ids inside the fallback, unique across the whole book (the
    /// print view puts every page on one).
    pub id_prefix: String,
    /// The Sources page's address from this page, if the book has one:
    /// the widget links the facts its answers rest on there.
    pub sources: Option<String>,
    /// The level of the widget's headings: one under the section the
    /// directive sits in ([`crate::outline`]).
    pub heading: Heading,
}

/// A widget's mount point and fallback.
pub fn widget(engine: &Engine, kind: Kind, d: &Directive, at: &Mount) -> Result<String, Problem> {
    let allowed = kind.options();
    check_options(d, allowed)?;
    if let Some((word, _)) = d.words.first() {
        return Err(
            Problem::new(format!("`{}` takes no bare word (`{word}`)", d.kind)).with_hint(format!(
                "options are written key=\"value\": {}",
                allowed.join(", ")
            )),
        );
    }
    let mut request = Request::new(kind);
    request.model = at.model_ref.clone();
    request.sources = at.sources.clone();
    request.heading = at.heading;
    let fallback = match kind {
        Kind::Map => map(engine, d, &at.id_prefix, &mut request)?,
        Kind::Route => route(engine, d, &mut request)?,
        Kind::Fail => fail(engine, d, &mut request)?,
        Kind::Place => place(engine, d, &mut request)?,
        Kind::Dns => dns(engine, d, &mut request)?,
        Kind::Propose => propose(engine, d, &at.id_prefix, &mut request)?,
        Kind::App => return Err(Problem::new("`app` is the full page, not a directive")),
    };
    Ok(mount(&request, &fallback))
}

fn mount(request: &Request, fallback: &str) -> String {
    let mut out = String::from("\n\n<div class=\"archsim\"");
    request.write(|name, value| {
        out.push(' ');
        out.push_str(name);
        out.push_str("=\"");
        out.push_str(&escape::html(value));
        out.push('"');
    });
    // The static view scrolls sideways when a map or table is wider than
    // the column (theme.css): a Tab stop, so a keyboard can scroll it, and
    // a group named after its widget, so a screen reader says what it is.
    out.push_str("><div class=\"archsim-fallback\" tabindex=\"0\" role=\"group\" aria-label=\"");
    out.push_str(request.kind.title());
    out.push_str(", static view\">");
    out.push_str(&html_block(fallback));
    out.push_str("</div></div>\n\n");
    out
}

/// HTML that stays one CommonMark HTML block: whitespace-only lines are
/// dropped, because a blank line would end the block and hand the rest of
/// the fallback to the Markdown parser.
pub fn html_block(fragment: &str) -> String {
    let lines: Vec<&str> = fragment.lines().filter(|l| !l.trim().is_empty()).collect();
    lines.join("\n")
}

/// `"true"` or `"false"`; anything else is an error naming the option.
pub fn flag(d: &Directive, key: &str) -> Result<bool, Problem> {
    match d.get(key) {
        None | Some("false") => Ok(false),
        Some("true") => Ok(true),
        Some(other) => Err(Problem::new(format!(
            "{key}=\"{other}\" is neither \"true\" nor \"false\""
        ))),
    }
}

fn required<'d>(d: &'d Directive, key: &str, example: &str) -> Result<&'d str, Problem> {
    d.get(key).ok_or_else(|| {
        Problem::new(format!("`{}` needs `{key}=`", d.kind)).with_hint(format!(
            "e.g. {{{{#archsim {} {key}=\"{example}\"}}}}",
            d.kind
        ))
    })
}

// --------------------------------------------------------------------- map

/// The components the directive's `focus` picks (recorded in the mount
/// point's request); `None` without a focus.
fn focus_picks(
    engine: &Engine,
    d: &Directive,
    request: &mut Request,
) -> Result<Option<Vec<CompId>>, Problem> {
    let Some(focus) = d.get("focus") else {
        return Ok(None);
    };
    request.focus = Some(focus.to_owned());
    contract::focus(engine.model(), focus)
        .map(Some)
        .map_err(focus_problem)
}

/// A focus that picks nothing, with the selector language as the hint.
fn focus_problem(e: archsim_core::QueryError) -> Problem {
    let problem = Problem::from(e);
    let hint = "focus is a selector: provider:ID, region:ID, kind:KIND, a component, …";
    match problem.hint {
        None => problem.with_hint(hint),
        Some(_) => problem,
    }
}

fn map(
    engine: &Engine,
    d: &Directive,
    id_prefix: &str,
    request: &mut Request,
) -> Result<String, Problem> {
    let model = engine.model();
    let only = focus_picks(engine, d, request)?;
    let mut highlight = Vec::new();
    if let Some(host) = d.get("highlight") {
        let route = engine.route(host, &Default::default())?;
        if route.hops.is_empty() {
            return Err(no_record(&route.host, &route.nearby));
        }
        highlight = route.hops.iter().map(|h| h.component).collect();
        request.host = Some(route.host);
    }
    let options = layout::LayoutOptions {
        only,
        ..Default::default()
    };
    let layout = layout::layout(model, &options);
    let map_options = svg::MapOptions {
        highlight,
        id_prefix: id_prefix.to_owned(),
        ..Default::default()
    };
    Ok(svg::map_svg(engine, &layout, &map_options))
}

// ----------------------------------------------------------------- propose

/// The propose widget's fallback: the map (its `focus` as a map's), what
/// the widget does, since a reader without JavaScript cannot draft a
/// change, and the impact area: empty, or with `draft=` (a draft's link
/// form) the impact of that draft on the page's model, written by the
/// widget's own writer (`html::impact_html`). The mount point carries the
/// draft, as the core writes it, for the widget to start from.
fn propose(
    engine: &Engine,
    d: &Directive,
    id_prefix: &str,
    request: &mut Request,
) -> Result<String, Problem> {
    let proposed = d
        .get("draft")
        .map(|text| Proposed::read(engine, text))
        .transpose()?;
    let mut m = html::Markup::new();
    m.raw("<p class=\"archsim-notice\">")
        .text(
            "Here a reviewer drafts a change to the model (add, connect or remove a \
             component, an edge or a host record) and sees its impact on every flow, \
             computed in the browser; it needs JavaScript and WebAssembly. The command \
             line gives the same impact for two model files: ",
        )
        .code("archsim diff OLD NEW")
        .text(".")
        .raw("</p>");
    match &proposed {
        None => m.raw(&map(engine, d, id_prefix, request)?),
        // The draft on the map, as the widget first shows it: the part
        // the draft concerns, its additions and removals marked.
        Some(proposed) => {
            let focus = focus_picks(engine, d, request)?;
            let drawn = svg::draft::drawing(
                engine.model(),
                &proposed.draft,
                proposed.engine.model(),
                focus.as_deref(),
                id_prefix,
            );
            m.raw(&drawn.first())
        }
    };
    match proposed {
        None => html::propose_empty(&mut m),
        Some(proposed) => {
            request.draft = Some(proposed.draft.to_fragment());
            let (changes, impact, assumptions) = proposed.diff(engine);
            m.raw(&html::impact_html(
                html::ImpactParts {
                    changes: &changes,
                    impact: &impact,
                    assumptions: &assumptions,
                },
                request.heading,
            ));
        }
    }
    Ok(m.into_string())
}

fn no_record(host: &str, nearby: &[String]) -> Problem {
    Problem::new(format!("`{host}` has no record in the zone")).with_hint(if nearby.is_empty() {
        "route a host the zone serves; `{{#archsim table records}}` lists them".to_owned()
    } else {
        did_you_mean(nearby)
    })
}

// ------------------------------------------------------------------- route

fn route(engine: &Engine, d: &Directive, request: &mut Request) -> Result<String, Problem> {
    let host = required(d, "host", "HOST")?;
    let fail: Vec<&str> = d.get("fail").map(list).unwrap_or_default();
    let selection = select(engine.model(), &fail, &[])?;
    let route = engine.route(host, &selection)?;
    if route.hops.is_empty() {
        return Err(no_record(&route.host, &route.nearby));
    }
    request.host = Some(route.host.clone());
    request.fail = fail.iter().map(|s| (*s).to_owned()).collect();
    Ok(html::route_html(&present::route_view(engine, &route)))
}

// -------------------------------------------------------------------- fail

fn fail(engine: &Engine, d: &Directive, request: &mut Request) -> Result<String, Problem> {
    let model = engine.model();
    let mut selectors: Vec<&str> = Vec::new();
    if let Some(scenario) = d.get("scenario") {
        if !model.scenarios.iter().any(|s| s.id == scenario) {
            let near = nearest(scenario, model.scenarios.iter().map(|s| s.id.as_str()), 3);
            return Err(
                Problem::new(format!("unknown scenario `{scenario}`")).with_hint(
                    if near.is_empty() {
                        "`{{#archsim table scenarios}}` lists the scenarios".to_owned()
                    } else {
                        did_you_mean(&near)
                    },
                ),
            );
        }
        selectors.push(scenario);
        request.scenario = Some(scenario.to_owned());
    }
    if let Some(components) = d.get("components") {
        let items = list(components);
        if items.is_empty() {
            return Err(Problem::new("components=\"\" lists nothing")
                .with_hint("list components or selectors, comma-separated"));
        }
        selectors.extend(&items);
        request.fail = items.iter().map(|s| (*s).to_owned()).collect();
    }
    if selectors.is_empty() {
        return Err(Problem::new("`fail` needs `scenario=` or `components=`")
            .with_hint("e.g. {{#archsim fail scenario=\"SCENARIO\"}}"));
    }
    request.spof = flag(d, "spof")?;
    let selection = select(model, &selectors, &[])?;
    let outcome = engine.simulate(&selection);
    let view = present::outcome_view(engine, &outcome);
    // With `spof`, one table with a column of single points of failure,
    // as the simulator draws it, so the two say the same words.
    let spof: Option<Vec<present::SpofLine>> = request.spof.then(|| {
        engine
            .spof()
            .iter()
            .map(|s| present::SpofLine::new(model, s))
            .collect()
    });
    Ok(html::outcome_with_spof_html(&view, spof.as_deref()))
}

// ------------------------------------------------------------------- place

fn place(engine: &Engine, d: &Directive, request: &mut Request) -> Result<String, Problem> {
    request.audit = flag(d, "audit")?;
    let answers: Vec<&str> = d.get("answers").map(list).unwrap_or_default();
    if request.audit && !answers.is_empty() {
        return Err(
            Problem::new("`place` shows either answers or the audit, not both")
                .with_hint("use two directives"),
        );
    }
    if request.audit {
        return Ok(html::audit_html(&present::audit_view(engine)));
    }
    let answer = archsim_core::place::place(engine.model(), &answers)?;
    request.answers = answers.iter().map(|s| (*s).to_owned()).collect();
    Ok(html::place_html(
        &present::place_view(engine, &answer),
        request.heading,
    ))
}

// --------------------------------------------------------------------- dns

fn dns(engine: &Engine, d: &Directive, request: &mut Request) -> Result<String, Problem> {
    let host = required(d, "host", "HOST")?;
    let answer = engine.dns(host)?;
    request.host = Some(answer.host.clone());
    Ok(html::dns_html(&present::dns_view(engine, &answer)))
}

#[cfg(test)]
mod tests {
    use archsim_core::Engine;
    use archsim_view::contract;

    use crate::{PageOptions, process_page};

    fn expand(page: &str) -> Result<String, String> {
        let engine = Engine::tomoda().expect("the Tomoda model loads");
        process_page(&engine, &PageOptions::default(), "p.md", page).map_err(|errors| {
            let lines: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
            lines.join("\n")
        })
    }

    /// The `data-id`s of the map's nodes, in drawing order.
    fn nodes(page: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut rest = page;
        while let Some(at) = rest.find("<g class=\"archsim-node") {
            rest = &rest[at + 22..];
            if rest.starts_with('s') {
                continue; // the group of every node
            }
            let id = rest.find("data-id=\"").expect("a node has an id") + 9;
            let end = id + rest[id..].find('"').unwrap();
            out.push(rest[id..end].to_owned());
            rest = &rest[end..];
        }
        out
    }

    /// The fallback draws what the shared resolve picks, the widget too
    /// (archsim-web's `a_focus_draws_what_the_contract_picks`): so both
    /// show the same components for the same focus, in the whole selector
    /// language, not only `provider:` and `region:`.
    #[test]
    fn a_map_focus_draws_what_the_contract_picks() {
        let engine = Engine::tomoda().unwrap();
        let model = engine.model();
        for focus in [
            "provider:aws",
            "aws",
            "region:asia-east1",
            "kind:bucket",
            "env:dev",
        ] {
            let page = expand(&format!("{{{{#archsim map focus=\"{focus}\"}}}}")).expect(focus);
            let picked = contract::focus(model, focus).unwrap();
            let want: Vec<String> = picked
                .iter()
                .map(|&c| model.component(c).id.clone())
                .collect();
            let mut drawn = nodes(&page);
            drawn.sort();
            let mut want_sorted = want.clone();
            want_sorted.sort();
            assert_eq!(drawn, want_sorted, "{focus}");
            assert!(page.contains(&format!("data-focus=\"{focus}\"")), "{focus}");
        }
    }

    /// A focus the model cannot draw is a build error, located, with a
    /// hint.
    #[test]
    fn a_focus_that_picks_nothing_fails_the_build() {
        // (focus, words of the error)
        let cases = [
            ("provider:azur", "provider:aws"),
            ("region:mars", "region:mars"),
            ("provider", "provider:gcp"),
            ("qqqqqqqqqqqqqqqqqqqq", "focus is a selector"),
        ];
        for (focus, words) in cases {
            let error = expand(&format!("\n{{{{#archsim map focus=\"{focus}\"}}}}")).unwrap_err();
            assert!(error.starts_with("p.md:2:"), "{focus}: {error}");
            assert!(error.contains(words), "{focus}: {error}");
            assert!(error.contains("hint"), "{focus}: {error}");
        }
    }

    /// A propose widget with `draft=` shows that draft's impact on the
    /// page's model, the same verdict `archsim diff` gives, and carries
    /// the draft for the widget; without one, the empty impact area.
    #[test]
    fn a_propose_draft_shows_its_impact() {
        // (draft, words the fallback holds, the draft the mount carries)
        let cases = [
            (
                "1,n:tomoda-api-prod:backup-bucket:request:",
                "1 new single point of failure",
                Some("1,n:tomoda-api-prod:backup-bucket:request:"),
            ),
            (
                " 1,r:cloudfront-prod:s3-assets-prod,n:cloudfront-prod:s3-assets-prod:request: ",
                "1 flow changes state",
                Some(
                    "1,r:cloudfront-prod:s3-assets-prod,n:cloudfront-prod:s3-assets-prod:request:",
                ),
            ),
            ("", archsim_view::html::NO_DRAFT, None),
        ];
        for (draft, words, carried) in cases {
            let option = if draft.is_empty() {
                String::new()
            } else {
                format!(" draft=\"{draft}\"")
            };
            let page = expand(&format!("{{{{#archsim propose{option}}}}}")).unwrap();
            assert!(page.contains(words), "{draft}: {page}");
            match carried {
                Some(c) => assert!(page.contains(&format!("data-draft=\"{c}\"")), "{draft}"),
                None => assert!(!page.contains("data-draft"), "{draft}"),
            }
        }
    }

    /// A draft that does not read or apply is a build error on its line,
    /// naming the edit and near names.
    #[test]
    fn a_propose_draft_that_does_not_apply_fails_the_build() {
        // (draft, words of the error)
        let cases = [
            ("1,x:redsi", "edit 1: component `redsi` does not exist"),
            ("1,x:redis,x:redsi", "edit 2: component `redsi`"),
            ("9,x:redis", "version 9"),
            ("x:redis", "no version"),
            ("1,q:redis", "edit 1"),
        ];
        for (draft, words) in cases {
            let error =
                expand(&format!("\n\n{{{{#archsim propose draft=\"{draft}\"}}}}")).unwrap_err();
            assert!(error.starts_with("p.md:3:"), "{draft}: {error}");
            assert!(
                error.contains("the `draft` cannot be applied"),
                "{draft}: {error}"
            );
            assert!(error.contains(words), "{draft}: {error}");
        }
    }
}
