//! Writing answers and errors: stdout for answers (and JSON errors), stderr
//! for everything a person should read about a failure. A closed pipe
//! (`archsim export dot | head -1`) ends the output quietly.
//!
//! Every byte goes through [`terminal`]: nothing a model or an argument
//! carries acts on the terminal, whichever path printed it.

use std::ffi::OsString;
use std::io::{self, Write};

use archsim_core::suggest::{did_you_mean, nearest};
use clap::Command;
use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::cli;
use crate::error::{CliError, EXIT_BAD_INPUT, EXIT_OK};
use crate::input::ModelInput;
use crate::json::{self, ErrorJson};
use crate::render::Style;
use crate::render::diagnostic::diagnostic;
use crate::render::shown::{shown, terminal};

/// Write to stdout, painted with `style` (whose colour codes are the only
/// escapes that get through). A reader that went away is not an error.
pub fn stdout(text: &str, style: Style) -> io::Result<()> {
    quiet_pipe(write_all(io::stdout().lock(), &terminal(text, style.color)))
}

/// Write to stderr, painted with `style`. A reader that went away is not an
/// error.
pub fn stderr(text: &str, style: Style) {
    // Nothing sensible is left to do when stderr itself fails.
    let _ = quiet_pipe(write_all(io::stderr().lock(), &terminal(text, style.color)));
}

fn write_all(mut out: impl Write, text: &str) -> io::Result<()> {
    out.write_all(text.as_bytes())?;
    out.flush()
}

fn quiet_pipe(result: io::Result<()>) -> io::Result<()> {
    match result {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Report a command's error and return the exit code.
///
/// With `--json` the error goes to stdout as `{"error": …}`; an invalid
/// model's diagnostics are rendered on stderr either way.
pub fn error(error: &CliError, input: Option<&ModelInput>, json_output: bool, style: Style) -> u8 {
    let mut text = String::new();
    if !error.diagnostics.is_empty() {
        let source = match &error.source {
            Some(text) => std::borrow::Cow::Borrowed(text.as_str()),
            None => input.map(ModelInput::source).unwrap_or_default(),
        };
        for d in &error.diagnostics {
            text.push_str(&diagnostic(d, &source, style));
        }
    }
    if json_output {
        stderr(&text, style);
        let body = json::to_text(&ErrorJson::new(error)).unwrap_or_default();
        if stdout(&body, Style::plain()).is_err() {
            stderr("error: cannot write to stdout\n", style);
        }
    } else {
        text.push_str(&format!(
            "{}{} {}\n",
            style.error("error"),
            style.bold(":"),
            shown(&error.message)
        ));
        let hint = did_you_mean(&error.suggestions);
        if !hint.is_empty() {
            text.push_str(&format!("  {} {}\n", style.good("= help:"), shown(&hint)));
        }
        stderr(&text, style);
    }
    EXIT_BAD_INPUT
}

/// Report a command-line parse failure (or print help/version) and return
/// the exit code.
pub fn clap_error(
    mut error: clap::Error,
    command: &Command,
    args: &[OsString],
    json_output: bool,
) -> u8 {
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            return match stdout(&text(&error), Style::plain()) {
                Ok(()) => EXIT_OK,
                Err(_) => EXIT_BAD_INPUT,
            };
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand if !json_output => {
            stderr(&text(&error), Style::plain());
            return EXIT_BAD_INPUT;
        }
        _ => {}
    }
    let suggestions = suggest(&mut error, command, args);
    if json_output {
        let message = first_paragraph(&text(&error));
        let message = if error.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
            "no command given; try `archsim --help`".to_owned()
        } else {
            message
        };
        let e = CliError::usage(message).with_suggestions(suggestions);
        let body = json::to_text(&ErrorJson::new(&e)).unwrap_or_default();
        let _ = stdout(&body, Style::plain());
    } else {
        // clap writes no colour (its colour feature is off): every escape
        // in its message came from an argument.
        stderr(&text(&error), Style::plain());
    }
    EXIT_BAD_INPUT
}

/// A clap error or help as text, exactly as clap wrote it. The command has
/// no styles (`cli::command` sets plain ones), so `ansi()` adds no escape
/// code; `to_string()` would strip the escapes an argument carried, which
/// the shown-text rule must see to write them as `\u{1b}`.
fn text(error: &clap::Error) -> String {
    error.render().ansi().to_string()
}

/// The sentence of a rendered clap error, on one line. A sentence ending in
/// a colon continues on the indented lines below it ("the following
/// required arguments were not provided:" and the arguments): those are
/// joined to it, so the message still names what it is about.
fn first_paragraph(rendered: &str) -> String {
    let mut lines = rendered.lines().take_while(|l| !l.trim().is_empty());
    let first = lines
        .next()
        .unwrap_or("bad usage")
        .trim_start_matches("error: ")
        .trim_end();
    if !first.ends_with(':') {
        return first.to_owned();
    }
    let rest: Vec<&str> = lines.map(str::trim).collect();
    if rest.is_empty() {
        first.trim_end_matches(':').to_owned()
    } else {
        format!("{first} {}", rest.join(", "))
    }
}

/// Did-you-mean for unknown flags, subcommands and values, from the core's
/// `suggest` (clap's own needs an extra dependency).
fn suggest(error: &mut clap::Error, command: &Command, args: &[OsString]) -> Vec<String> {
    let string = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        _ => None,
    };
    let (wanted, candidates, slot) = match error.kind() {
        ErrorKind::UnknownArgument => {
            let Some(arg) = string(ContextKind::InvalidArg) else {
                return Vec::new();
            };
            let name = arg.split('=').next().unwrap_or(&arg).to_owned();
            let sub = cli::prescan(args).subcommand;
            (
                name,
                cli::long_flags(command, sub.as_deref()),
                ContextKind::SuggestedArg,
            )
        }
        ErrorKind::InvalidSubcommand => {
            let Some(sub) = string(ContextKind::InvalidSubcommand) else {
                return Vec::new();
            };
            let names = command
                .get_subcommands()
                .map(|c| c.get_name().to_owned())
                .collect();
            (sub, names, ContextKind::SuggestedSubcommand)
        }
        ErrorKind::InvalidValue => {
            let Some(value) = string(ContextKind::InvalidValue) else {
                return Vec::new();
            };
            let valid = match error.get(ContextKind::ValidValue) {
                Some(ContextValue::Strings(v)) => v.clone(),
                _ => Vec::new(),
            };
            (value, valid, ContextKind::SuggestedValue)
        }
        _ => return Vec::new(),
    };
    let found = nearest(&wanted, candidates.iter().map(String::as_str), 3);
    if !found.is_empty() {
        error.insert(slot, ContextValue::Strings(found.clone()));
    }
    found
}

#[cfg(test)]
mod tests {
    use super::{first_paragraph, text};

    #[test]
    fn clap_text_keeps_an_arguments_escapes_and_adds_none() {
        // clap's Display strips escape sequences once its `color` feature
        // is on (as a workspace build turns it on): the payload would lose
        // its `\x1b[2J` before the shown-text rule could write it out.
        let error = crate::cli::command(None)
            .try_get_matches_from(["archsim", "list", "a\x1b[2Jb"])
            .expect_err("not a list");
        let text = text(&error);
        assert!(text.contains("a\x1b[2Jb"), "{text:?}");
        assert_eq!(text.matches('\x1b').count(), 1, "clap painted: {text:?}");
    }

    #[test]
    fn a_sentence_ending_in_a_colon_keeps_what_follows() {
        let cases = [
            (
                "error: the following required arguments were not provided:\n  <HOST|URL>\n\nUsage: archsim route <HOST|URL>\n",
                "the following required arguments were not provided: <HOST|URL>",
            ),
            (
                "error: the following required arguments were not provided:\n  --a <A>\n  <B>\n\nUsage: x\n",
                "the following required arguments were not provided: --a <A>, <B>",
            ),
            (
                "error: unexpected argument '--x' found\n\n  tip: ...\n",
                "unexpected argument '--x' found",
            ),
            ("error: nothing follows:\n\nUsage: x\n", "nothing follows"),
            ("", "bad usage"),
        ];
        for (rendered, expected) in cases {
            assert_eq!(first_paragraph(rendered), expected, "{rendered:?}");
        }
    }
}
