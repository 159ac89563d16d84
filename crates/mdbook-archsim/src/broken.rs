//! The book against a proposed model: every checked claim the model makes
//! false, with its page and line, so a review sees which pages a change
//! invalidates before it merges (`mdbook-archsim claims --model NEW`).
//!
//! A claim is checked as the build checks it ([`crate::claim::check`]);
//! one that fails, because the model now answers otherwise or no longer
//! has what it names, is listed. So is a self-check question whose
//! answer the model no longer gives ([`crate::predict`]): its answer is a
//! claim the build checks too. Other directives are not: a claim is the
//! book's statement of a fact. The library reads no files: the binary
//! hands it the pages.

use archsim_core::Engine;
use archsim_view::markdown;

use crate::MAX_DIRECTIVES;
use crate::claim;
use crate::directive::{Directive, Piece, scan};
use crate::error::{PageError, Shown};
use crate::expand::check_options;
use crate::predict;

/// A claim a model makes false.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Broken {
    /// The claim as written, on one line: `claim key="value" …`.
    pub claim: String,
    /// Its page and line, and why it fails (`claim does not hold: the
    /// model says …`, or the name the model no longer has).
    pub error: PageError,
}

/// Every claim of `pages` (each a name and its text, in the order to
/// report) that does not hold against `engine`'s model.
///
/// Complexity: the engine's work per claim, for at most
/// [`MAX_DIRECTIVES`] directives per page (as the build reads).
pub fn claims(engine: &Engine, pages: &[(String, String)]) -> Vec<Broken> {
    let mut out = Vec::new();
    for (page, text) in pages {
        let directives = scan(text).into_iter().filter_map(|piece| match piece {
            Piece::Directive(d) => Some(Some(d)),
            Piece::Malformed { .. } => Some(None),
            Piece::Text(_) | Piece::Literal(_) => None,
        });
        for d in directives.take(MAX_DIRECTIVES).flatten() {
            let checked = match d.kind.as_str() {
                "claim" => check_options(&d, &claim::options())
                    .and_then(|()| claim::check(engine, &d))
                    .map(drop),
                "predict" => {
                    let at = predict::Place {
                        id: "predict",
                        assumptions_page: false,
                    };
                    predict::predict(engine, &d, at).map(drop)
                }
                _ => continue,
            };
            if let Err(problem) = checked {
                out.push(Broken {
                    claim: written(&d),
                    error: problem.at(page, d.line),
                });
            }
        }
    }
    out
}

/// The claim as the page writes it, on one line: `claim key="value" …`
/// (or `predict key="value" …`).
fn written(d: &Directive) -> String {
    let mut out = d.kind.clone();
    for o in &d.options {
        out.push(' ');
        out.push_str(&o.key);
        out.push_str("=\"");
        for c in o.value.chars() {
            if c == '"' || c == '\\' {
                out.push('\\');
            }
            out.push(c);
        }
        out.push('"');
    }
    out
}

/// The list for a terminal or a CI log: one line per claim,
/// `page.md:LINE: claim …: claim does not hold: the model says …`, with
/// hidden characters shown as escapes; then a count.
pub fn text(broken: &[Broken], model: &str) -> String {
    let mut out = String::new();
    for b in broken {
        let mut error = b.error.clone();
        error.message = [b.claim.as_str(), ": ", &error.message].concat();
        out.push_str(&error.to_string());
        out.push('\n');
    }
    out.push_str(&verdict(broken.len(), &Shown(model).to_string()));
    out.push('\n');
    out
}

/// The list as a pull-request comment: a verdict line, then one item per
/// claim with its page and line, the claim, and why it fails. Every text
/// from a page or a model is a code span (`archsim_view::markdown::code`):
/// it carries no markup, link, mention or HTML, and cannot end its list
/// item.
pub fn markdown(broken: &[Broken], model: &str) -> String {
    let mut out = String::from("**");
    out.push_str(&verdict(broken.len(), "the proposed model"));
    out.push_str("**\n");
    if !broken.is_empty() {
        out.push('\n');
    }
    for Broken { claim, error } in broken {
        out.push_str("- ");
        out.push_str(&code(
            &[error.page.as_str(), ":", &error.line.to_string()].concat(),
        ));
        out.push(' ');
        out.push_str(&code(claim));
        out.push_str(": ");
        out.push_str(&code(&error.message));
        if let Some(hint) = &error.hint {
            out.push_str(" (hint: ");
            out.push_str(&code(hint));
            out.push(')');
        }
        out.push('\n');
    }
    out.push_str("\nModel: ");
    out.push_str(&code(model));
    out.push('\n');
    out
}

/// "3 claims of the book do not hold against MODEL", or that all hold.
fn verdict(n: usize, model: &str) -> String {
    match n {
        0 => ["Every claim of the book holds against ", model].concat(),
        1 => ["1 claim of the book does not hold against ", model].concat(),
        n => [
            &n.to_string(),
            " claims of the book do not hold against ",
            model,
        ]
        .concat(),
    }
}

/// `text` as one code span (`archsim_view::markdown::code`, the one
/// owner of Markdown), shown and cut as mdBook's errors show it
/// ([`Shown`]): a claim, a page and a message are quoted verbatim, outside
/// any table, which is what a code span is for.
fn code(text: &str) -> String {
    markdown::code(&Shown(text).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_question_the_model_answers_otherwise_is_listed() {
        let engine = Engine::tomoda().expect("the Tomoda model loads");
        let page = "\n{{#archsim predict fail=\"cloudfront-prod\" flow=\"assets.tomoda.life\" answer=\"degraded\"}}\n\
                    {{#archsim predict fail=\"cloudfront-prod\" flow=\"assets.tomoda.life\" answer=\"down\"}}\n";
        let broken = claims(&engine, &[("src/tour.md".to_owned(), page.to_owned())]);
        assert_eq!(broken.len(), 1, "{broken:?}");
        assert_eq!(
            broken[0].claim,
            "predict fail=\"cloudfront-prod\" flow=\"assets.tomoda.life\" answer=\"degraded\""
        );
        assert_eq!(broken[0].error.line, 2);
        assert!(
            broken[0]
                .error
                .message
                .contains("the model says assets.tomoda.life is down, not degraded"),
            "{broken:?}"
        );
    }

    #[test]
    fn the_comment_says_how_many_claims_and_where() {
        let broken = vec![Broken {
            claim: "claim route=\"assets.tomoda.life\"".into(),
            error: PageError {
                page: "src/routing.md".into(),
                line: 41,
                message: "claim does not hold: the model says @team".into(),
                hint: Some("see https://evil.example".into()),
            },
        }];
        assert_eq!(
            markdown(&broken, "new.toml"),
            "**1 claim of the book does not hold against the proposed model**\n\n\
             - `src/routing.md:41` `claim route=\"assets.tomoda.life\"`: \
             `claim does not hold: the model says @team` (hint: `see https://evil.example`)\n\
             \nModel: `new.toml`\n"
        );
        assert_eq!(
            markdown(&[], "new.toml"),
            "**Every claim of the book holds against the proposed model**\n\nModel: `new.toml`\n"
        );
    }
}
