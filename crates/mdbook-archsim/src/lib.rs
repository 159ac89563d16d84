//! mdbook-archsim: the archsim directives of the Tomoda book.
//!
//! An mdBook preprocessor that turns `{{#archsim ...}}` directives into
//!
//! - **widget mount points** (`map`, `route`, `fail`, `place`, `dns`): a
//!   `<div data-archsim=…>` the wasm bundle mounts a live widget into, holding
//!   a static fallback rendered now by the same engine, so a page without
//!   JavaScript (and the search index, and the print view) still shows the
//!   map, the hop list, the flow table or the verdict;
//! - **generated tables** (`table providers`, `table records`, …), so the
//!   book never restates the model by hand;
//! - **checked claims** (`claim ...`): a sentence's fact, verified against
//!   the model; a false claim fails the build with what the model says,
//!   and one that holds gets a mark, "checked" when its answer rests on
//!   the document's facts alone and "assumed" otherwise;
//! - **self-check questions** (`predict ...`): the reader picks a flow's
//!   state under a failure (or whether a component is a single point of
//!   failure), and the page reveals the engine's answer, with CSS alone;
//!   the author's answer is checked as a claim is;
//! - **generated pages** (`assumptions`, `sources`): every assumption of
//!   the model and every fact it restates, with what leans on each,
//!   linked to the claims of the whole book that rest on it.
//!
//! A book is read twice: [`index`] first checks every claim of every
//! chapter (where it stands, and what it rests on), then the chapters are
//! written, so a generated page can list claims of any chapter.
//!
//! [`broken`] checks the book's claims against another model, for the
//! review of a change (`mdbook-archsim claims`).
//!
//! Modules by job: [`directive`] reads the syntax, [`expand`] renders
//! widgets, [`tables`] the generated tables, [`claim`] checks claims,
//! [`predict`] writes self-check questions, [`index`] knows the book's
//! claims, [`pages`] writes the Assumptions and Sources pages, [`error`]
//! says where things went wrong, [`assets`] holds
//! the CSS and the loader that `mdbook-archsim install` writes. The library
//! does no I/O: the binary reads the model and the book, and writes the
//! result.
//!
//! It knows nothing of the simulation itself: every answer comes from
//! `archsim-core`, every picture and table from `archsim-view`.
#![deny(missing_docs)]

pub mod assets;
pub mod broken;
pub mod claim;
pub mod directive;
pub mod draft;
pub mod error;
pub mod expand;
pub mod index;
pub mod install;
pub mod outline;
pub mod pages;
pub mod predict;
pub mod tables;

use std::path::Path;

use archsim_core::suggest::{did_you_mean, nearest};
use archsim_core::{Diagnostic, Engine, TOMODA_MODEL};
use archsim_view::contract::{self, Heading};
use archsim_view::html::facts;
use mdbook_preprocessor::book::{Book, Chapter};
use mdbook_preprocessor::errors::Result as MdResult;
use mdbook_preprocessor::{Preprocessor, PreprocessorContext};

use directive::{Directive, Piece, scan};
use error::{BuildErrors, PageError, Problem};
use index::{BookIndex, PageRef, claim_anchor};

/// The preprocessor's name, as in `[preprocessor.archsim]`.
pub const NAME: &str = "archsim";

/// The directive kinds that are not widgets (the widgets are the mount
/// contract's `Kind::WIDGETS`).
pub const OTHER_KINDS: &[&str] = &["table", "claim", "predict", "assumptions", "sources"];

/// Every directive kind, for did-you-mean hints: the widgets, then the rest.
pub fn kinds() -> Vec<&'static str> {
    let widgets = archsim_view::contract::Kind::WIDGETS.map(|k| k.as_str());
    widgets
        .into_iter()
        .chain(OTHER_KINDS.iter().copied())
        .collect()
}

/// Renderers the expansion makes sense for: they take HTML, so the static
/// fallbacks show even where the widgets never load.
pub const RENDERERS: &[&str] = &["html", "markdown", "epub"];

/// The most directives one page holds. Each may ask the engine a question
/// as large as the model (a map, a failure, a single-point-of-failure
/// table), so a page of a hundred thousand would cost a hundred thousand
/// answers; the book's longest page has a few dozen.
pub const MAX_DIRECTIVES: usize = 1_000;

/// The most bytes a page may grow to once its directives are expanded: a
/// map of a large model repeated many times stops here with an error
/// instead of filling the memory.
pub const MAX_PAGE_BYTES: usize = 64 << 20;

/// The most bytes of input the preprocessor reads from mdBook: the whole
/// book (every chapter and the configuration) as JSON.
pub const MAX_BOOK_BYTES: usize = 64 << 20;

/// Whether the preprocessor supports `renderer` (the `supports` handshake).
pub fn supports(renderer: &str) -> bool {
    RENDERERS.contains(&renderer)
}

/// `[preprocessor.archsim]` in `book.toml`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    /// The model file, relative to the book root; `None` means the embedded
    /// Tomoda model.
    pub model: Option<String>,
}

impl Config {
    /// Read the preprocessor's table from the book's configuration.
    pub fn from_context(ctx: &PreprocessorContext) -> std::result::Result<Config, String> {
        let model = ctx
            .config
            .get::<String>("preprocessor.archsim.model")
            .map_err(|e| format!("book.toml: preprocessor.archsim.model must be a path: {e}"))?;
        Ok(Config { model })
    }
}

/// Render a model's diagnostics one per line, `file:line:col: error[code]:
/// message (hint: …)`, as [`error::Shown`] (control characters escaped), at
/// most [`error::MAX_SHOWN_ERRORS`] of them and then how many more.
pub fn render_diagnostics(diagnostics: &[Diagnostic]) -> String {
    let mut lines: Vec<String> = diagnostics
        .iter()
        .take(error::MAX_SHOWN_ERRORS)
        .map(|d| error::Shown(&d.to_string()).to_string())
        .collect();
    if let Some(more) = diagnostics
        .len()
        .checked_sub(error::MAX_SHOWN_ERRORS)
        .filter(|&n| n > 0)
    {
        lines.push(format!("and {more} more"));
    }
    lines.join("\n")
}

/// What a page needs besides the engine.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageOptions {
    /// The `<script type="application/x-archsim-model">` block to put before
    /// a page's first widget, when the book's model is not the one in the
    /// bundle.
    pub model_script: Option<String>,
}

impl PageOptions {
    /// Options for a book whose model file holds `model_text`: the model is
    /// embedded in pages only when it differs from the bundle's.
    pub fn for_model(model_text: &str, model: &archsim_core::Model) -> PageOptions {
        if model_text == TOMODA_MODEL {
            return PageOptions::default();
        }
        PageOptions {
            model_script: Some(model_script(model)),
        }
    }
}

/// The checked model as a `<script type="application/x-archsim-model"
/// id="archsim-model">` block: the core's binary form as base64, which holds
/// no `<`, so it cannot close its element, and which the bundle decodes
/// without a TOML parser.
pub fn model_script(model: &archsim_core::Model) -> String {
    format!(
        "\n\n<script type=\"{}\" id=\"{}\">{}</script>\n\n",
        contract::MODEL_SCRIPT_TYPE,
        contract::MODEL_SCRIPT_ID,
        archsim_core::codec::encode_text(model)
    )
}

/// Expand every directive of one page, as a book of that page alone: its
/// claims are the only ones the `assumptions` and `sources` pages list.
///
/// Arguments: `page` names the page in errors (e.g. `src/tour.md`), and is
/// its path for links and anchors.
/// Returns: the expanded Markdown, or every problem found on the page (up
/// to [`MAX_DIRECTIVES`] directives and [`MAX_PAGE_BYTES`] of output: past
/// either, the page is an error).
/// Complexity: linear in the page plus the engine's work per directive.
pub fn process_page(
    engine: &Engine,
    options: &PageOptions,
    page: &str,
    content: &str,
) -> std::result::Result<String, Vec<PageError>> {
    let at = PageRef {
        path: page,
        title: page,
    };
    let mut index = BookIndex::default();
    index.add_page(engine, at, content);
    process_chapter(engine, options, &index, page, at, content)
}

/// Expand every directive of one chapter of a book whose claims `index`
/// holds.
///
/// Arguments: `name` names the page in errors (`src/providers/gcp.md`);
/// `at` is the chapter's path in the source folder and its title.
/// Returns and complexity: as [`process_page`].
pub fn process_chapter(
    engine: &Engine,
    options: &PageOptions,
    index: &BookIndex,
    name: &str,
    at: PageRef<'_>,
    content: &str,
) -> std::result::Result<String, Vec<PageError>> {
    let page = name;
    let mut out = String::with_capacity(content.len());
    let mut errors = Vec::new();
    let model_ref = options
        .model_script
        .as_ref()
        .map(|_| format!("#{}", contract::MODEL_SCRIPT_ID));
    let mut model_written = false;
    let page_slug = index::slug(page);
    // Where this page finds the Sources page, for the fact links of what
    // it generates.
    let sources = index
        .sources_page
        .as_deref()
        .map(|s| index::href(at.path, s));
    let mut widgets = 0;
    let mut claims = 0;
    let mut questions = 0;
    let mut directives = 0;
    let mut after_block = false;
    let mut outline = outline::Outline::default();
    for piece in scan(content) {
        let line = match &piece {
            Piece::Directive(d) => Some(d.line),
            Piece::Malformed { line, .. } => Some(*line),
            Piece::Text(_) | Piece::Literal(_) => None,
        };
        if let Some(line) = line {
            directives += 1;
            if let Some(problem) = too_much(directives, out.len()) {
                errors.push(problem.at(page, line));
                break;
            }
        }
        match &piece {
            Piece::Text(text) | Piece::Literal(text) => outline.read(text),
            Piece::Directive(_) | Piece::Malformed { .. } => outline.directive(),
        }
        match piece {
            Piece::Text(text) if after_block => {
                // The block already ends with a blank line.
                out.push_str(text.trim_start_matches('\n'));
                after_block = false;
            }
            Piece::Text(text) | Piece::Literal(text) => {
                out.push_str(text);
                after_block = false;
            }
            Piece::Malformed { line, problem } => errors.push(problem.at(page, line)),
            Piece::Directive(d) => {
                if d.kind == "claim" {
                    claims += 1;
                }
                if d.kind == "predict" {
                    questions += 1;
                }
                let here = Here {
                    mount: expand::Mount {
                        model_ref: model_ref.clone(),
                        id_prefix: format!("archsim-{page_slug}-{}", widgets + 1),
                        sources: sources.clone(),
                        heading: Heading::under(outline.level()),
                    },
                    index,
                    page: at.path,
                    claim: claims,
                    question: questions,
                };
                match directive(engine, &d, &here) {
                    Ok(expansion) => {
                        let expansion = match &sources {
                            Some(sources) => facts::resolve(&expansion, sources),
                            None => expansion,
                        };
                        if expand::widget_kind(&d.kind).is_some() {
                            widgets += 1;
                            if !model_written && let Some(script) = &options.model_script {
                                push(&mut out, script);
                                model_written = true;
                            }
                        }
                        after_block = push(&mut out, &expansion);
                    }
                    Err(problem) => {
                        let line = line_of(&d, &problem);
                        errors.push(problem.at(page, line));
                    }
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// Why a page stops before its `directives`-th directive, with `written`
/// bytes of output so far, if it does.
fn too_much(directives: usize, written: usize) -> Option<Problem> {
    if directives > MAX_DIRECTIVES {
        return Some(
            Problem::new(format!(
                "the page has more than {MAX_DIRECTIVES} directives; the rest are not read"
            ))
            .with_hint("split the page"),
        );
    }
    (written > MAX_PAGE_BYTES).then(|| {
        Problem::new(format!(
            "the page grows past {} MiB with its directives expanded; the rest are not read",
            MAX_PAGE_BYTES >> 20
        ))
        .with_hint("split the page, or show fewer maps of a large model")
    })
}

/// Append an expansion. A block (it starts with a blank line) gets exactly
/// one blank line before and after it; returns whether it was a block.
///
/// This is the one place generated markup enters the chapter, so it is
/// [`neutralise`]d here.
fn push(out: &mut String, expansion: &str) -> bool {
    let Some(block) = expansion.strip_prefix("\n\n") else {
        neutralise(out, expansion);
        return false;
    };
    let kept = out.trim_end_matches('\n').len();
    out.truncate(kept);
    if !out.is_empty() {
        out.push_str("\n\n");
    }
    neutralise(out, block.trim_matches('\n'));
    out.push_str("\n\n");
    true
}

/// Append generated markup with every `{` written `&#123;`.
///
/// mdBook's `links` preprocessor runs after this one and expands
/// `{{#include FILE}}` (or `{{ #include`, `{{#rustdoc_include`, …) wherever
/// it stands in the chapter: a model string that reached the page as such
/// would publish any file the build can read. The view crate already
/// escapes `{` in every string it writes (`archsim_view::escape`); this is
/// the second lock, on what archsim generated and never on the author's
/// own text. Generated markup has no brace of its own: in text and
/// attribute values the reference reads as `{`, and the page's model
/// script is base64.
fn neutralise(out: &mut String, generated: &str) {
    let mut rest = generated;
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        out.push_str("&#123;");
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
}

/// The line to blame: the option a problem names, else the directive's.
fn line_of(d: &Directive, problem: &Problem) -> usize {
    d.options
        .iter()
        .find(|o| problem.message.contains(&format!("`{}`", o.key)))
        .map_or(d.line, |o| o.line)
}

/// Where a directive stands: its widget's mount, the book's claims, its
/// page's path and, for a claim or a question, its number among the
/// page's.
struct Here<'a> {
    mount: expand::Mount,
    index: &'a BookIndex,
    page: &'a str,
    claim: usize,
    question: usize,
}

fn directive(engine: &Engine, d: &Directive, here: &Here<'_>) -> Result<String, Problem> {
    match d.kind.as_str() {
        "claim" => {
            expand::check_options(d, &claim::options())?;
            let checked = claim::check(engine, d)?;
            let anchor = claim_anchor(here.page, here.claim);
            let page = here.index.assumptions_page;
            Ok(claim::mark(engine.model(), &checked, &anchor, page))
        }
        "predict" => {
            let id = predict::question_id(here.page, here.question);
            let at = predict::Place {
                id: &id,
                assumptions_page: here.index.assumptions_page,
            };
            predict::predict(engine, d, at)
        }
        "table" => tables::table(engine, d),
        "assumptions" | "sources" => {
            expand::check_options(d, &[])?;
            if let Some((word, _)) = d.words.first() {
                return Err(Problem::new(format!(
                    "`{}` takes no bare word (`{word}`)",
                    d.kind
                )));
            }
            let fragment = if d.kind == "assumptions" {
                pages::assumptions::page(engine, here.index, here.page)?
            } else {
                pages::sources::page(engine, here.index, here.page)?
            };
            Ok(format!(
                "\n\n<div class=\"archsim-generated\">\n{}\n</div>\n\n",
                expand::html_block(&fragment)
            ))
        }
        kind => {
            if let Some(widget) = expand::widget_kind(kind) {
                return expand::widget(engine, widget, d, &here.mount);
            }
            let kinds = kinds();
            let near = nearest(kind, kinds.iter().copied(), 3);
            let hint = if near.is_empty() {
                format!("the kinds are {}", kinds.join(", "))
            } else {
                did_you_mean(&near)
            };
            Err(Problem::new(format!("unknown directive `{kind}`")).with_hint(hint))
        }
    }
}

/// Expand every chapter of a book, in two passes: the first checks every
/// claim of every chapter ([`BookIndex`]), so that the second, which
/// writes the pages, can list on the Assumptions and Sources pages the
/// claims that rest on each row, wherever they stand.
///
/// Arguments: `src` is the book's source folder as the author knows it
/// (`src`), used to name pages in errors.
/// Returns: the book, or every problem of every page.
pub fn process_book(
    engine: &Engine,
    options: &PageOptions,
    src: &Path,
    mut book: Book,
) -> std::result::Result<Book, BuildErrors> {
    let mut index = BookIndex::default();
    for chapter in book.chapters() {
        if let Some(path) = chapter_path(chapter) {
            let at = PageRef {
                path: &path,
                title: &chapter.name,
            };
            index.add_page(engine, at, &chapter.content);
        }
    }
    let mut errors = Vec::new();
    book.for_each_chapter_mut(|chapter| {
        let Some(path) = chapter_path(chapter) else {
            return;
        };
        let source = chapter.source_path.as_ref().or(chapter.path.as_ref());
        let name = source.map_or_else(String::new, |s| src.join(s).display().to_string());
        let at = PageRef {
            path: &path,
            title: &chapter.name,
        };
        match process_chapter(engine, options, &index, &name, at, &chapter.content) {
            Ok(content) => chapter.content = content,
            Err(mut page_errors) => errors.append(&mut page_errors),
        }
    });
    if errors.is_empty() {
        Ok(book)
    } else {
        Err(BuildErrors(errors))
    }
}

/// Where a chapter is written, relative to the source folder, with `/`
/// between folders (as links are written), or `None` for a draft.
fn chapter_path(chapter: &Chapter) -> Option<String> {
    let path = chapter.path.as_ref().or(chapter.source_path.as_ref())?;
    let parts: Vec<String> = path
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    Some(parts.join("/"))
}

/// The preprocessor, for programs that drive mdBook as a library.
pub struct Archsim {
    engine: Engine,
    options: PageOptions,
}

impl Archsim {
    /// A preprocessor answering from `engine`, with the page options for its model.
    pub fn new(engine: Engine, options: PageOptions) -> Archsim {
        Archsim { engine, options }
    }
}

impl Preprocessor for Archsim {
    fn name(&self) -> &str {
        NAME
    }

    fn run(&self, ctx: &PreprocessorContext, book: Book) -> MdResult<Book> {
        process_book(&self.engine, &self.options, &ctx.config.book.src, book).map_err(Into::into)
    }

    fn supports_renderer(&self, renderer: &str) -> MdResult<bool> {
        Ok(supports(renderer))
    }
}

#[cfg(test)]
mod tests {
    use super::{MAX_DIRECTIVES, MAX_PAGE_BYTES, neutralise, too_much};

    #[test]
    fn a_page_stops_past_either_bound() {
        // (directives so far, bytes written, stops?)
        let cases = [
            (1, 0, false),
            (MAX_DIRECTIVES, MAX_PAGE_BYTES, false),
            (MAX_DIRECTIVES + 1, 0, true),
            (2, MAX_PAGE_BYTES + 1, true),
        ];
        for (directives, written, stops) in cases {
            assert_eq!(
                too_much(directives, written).is_some(),
                stops,
                "{directives} directives, {written} bytes"
            );
        }
    }

    #[test]
    fn generated_braces_become_references() {
        let cases = [
            (
                "<p>{{#include /etc/passwd}}</p>",
                "<p>&#123;&#123;#include /etc/passwd}}</p>",
            ),
            ("{{ #include x}}", "&#123;&#123; #include x}}"),
            ("no braces", "no braces"),
            ("é{", "é&#123;"),
            ("", ""),
        ];
        for (generated, expected) in cases {
            let mut out = String::from("author {{#title kept}} ");
            neutralise(&mut out, generated);
            assert_eq!(
                out,
                format!("author {{{{#title kept}}}} {expected}"),
                "{generated}"
            );
        }
    }
}
