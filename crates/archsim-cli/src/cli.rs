//! The command line: arguments, help, and the flags that come from the model.
//!
//! `place` takes one flag per placement question of the loaded model
//! (`--holds-state`, …), so the model file is read before the arguments are
//! parsed. Clap parses twice: a lenient first pass ([`prescan`]) knows only
//! the global options and finds `--model`, `--json` and `--color`; the
//! second parses everything with the model's flags ([`command`]).

use std::ffi::OsString;

use archsim_core::suggest::nearest;
use archsim_core::{Model, State};
use clap::{Arg, ArgAction, Command};

use crate::error::CliError;
use crate::render::{shown, wrap};

/// Columns for the lists the help takes from the model.
const HELP_WIDTH: usize = 100;

/// Heading of the options every command takes.
const GLOBAL: &str = "Global options";

/// Long flags every subcommand has; a question id equal to one of these is
/// only answerable with `--answer`.
const RESERVED: [&str; 7] = [
    "model", "json", "color", "verbose", "help", "audit", "answer",
];

/// What must be known before parsing.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Prescan {
    /// The value of `--model`, if given.
    pub model: Option<OsString>,
    /// Whether `--json` was given (errors are then JSON too).
    pub json: bool,
    /// The value of `--color`, if given (for errors found before parsing).
    pub color: Option<String>,
    /// The subcommand: the first word that is no option's value.
    pub subcommand: Option<String>,
}

/// The first, lenient pass of clap: the global options as clap reads them
/// (nothing after `--` counts, `--model=PATH` and `--model PATH` alike, a
/// flag's value never looks like a flag itself), the other words kept
/// aside, and no error: a bad command line is the second pass's to report,
/// with the model's flags known.
///
/// Flags only the model knows (`place --holds-state`) are unknown here:
/// each one clap reports is swapped for a placeholder flag and the pass
/// runs again, so a flag before `--model` does not hide it. At most one
/// run per argument.
pub fn prescan(args: &[OsString]) -> Prescan {
    let mut first = first_pass();
    let mut args = args.to_vec();
    for _ in 0..args.len() {
        match first.try_get_matches_from_mut(&args) {
            Ok(matches) => {
                return Prescan {
                    model: matches.get_one::<OsString>("model").cloned(),
                    json: matches.get_flag("json"),
                    color: matches.get_one::<String>("color").cloned(),
                    subcommand: matches
                        .get_many::<OsString>("rest")
                        .and_then(|mut rest| rest.next())
                        .map(|word| word.to_string_lossy().into_owned()),
                };
            }
            Err(error) => {
                let Some(at) = unknown_flag_at(&error, &args) else {
                    break;
                };
                args[at] = OsString::from(UNKNOWN);
            }
        }
    }
    Prescan::default()
}

/// The placeholder for a flag the first pass does not know.
const UNKNOWN: &str = "--unknown-to-the-first-pass";

/// The command of the first pass: the global options, the placeholder
/// flag, and every other word.
fn first_pass() -> Command {
    Command::new("archsim")
        .disable_help_flag(true)
        .disable_version_flag(true)
        .arg(
            Arg::new("model")
                .long("model")
                .num_args(0..=1)
                .value_parser(clap::value_parser!(OsString)),
        )
        .arg(Arg::new("json").long("json").action(ArgAction::SetTrue))
        .arg(Arg::new("color").long("color").num_args(0..=1))
        .arg(
            Arg::new("unknown")
                .long(&UNKNOWN[2..])
                .action(ArgAction::Count),
        )
        .arg(
            Arg::new("rest")
                .num_args(0..)
                .action(ArgAction::Append)
                .value_parser(clap::value_parser!(OsString)),
        )
}

/// Where in `args` the flag a first-pass error calls unknown stands
/// (`--x`, `--x=1`, or `-q` alone or with other short flags), if the
/// error is that.
fn unknown_flag_at(error: &clap::Error, args: &[OsString]) -> Option<usize> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if error.kind() != ErrorKind::UnknownArgument {
        return None;
    }
    let Some(ContextValue::String(flag)) = error.get(ContextKind::InvalidArg) else {
        return None;
    };
    let flag = flag.as_bytes();
    let end = args.iter().position(|a| a == "--").unwrap_or(args.len());
    (1..end).find(|&i| {
        let arg = args[i].as_encoded_bytes();
        let long = arg == flag
            || arg
                .strip_prefix(flag)
                .is_some_and(|rest| rest.starts_with(b"="));
        let short = flag.len() == 2
            && !arg.starts_with(b"--")
            && arg.starts_with(b"-")
            && arg[1..].contains(&flag[1]);
        arg != UNKNOWN.as_bytes() && (long || short)
    })
}

/// The `place` flag id for a question.
pub fn question_arg(id: &str) -> String {
    format!("question:{id}")
}

/// Whether a question id can be a flag of its own: not when it is one of
/// `place`'s own flags, or not a word a flag can be.
pub fn flaggable(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        && !RESERVED.contains(&id)
}

/// The whole command line. `model` (when it loaded) supplies the placement
/// flags and the lists in the help texts.
pub fn command(model: Option<&Model>) -> Command {
    Command::new("archsim")
        // No styles: its errors and help are written as text and go through
        // the shown-text rule, which lets only the CLI's own colour through.
        .styles(clap::builder::Styles::plain())
        .about("Ask an architecture model questions: routes, failures, single points of failure, placement, DNS.")
        .long_about(
            "Ask an architecture model questions: how a host is routed, what fails when \
             components fail, which components are single points of failure, where new \
             infrastructure belongs, who writes a DNS record.\n\n\
             Without --model, archsim answers from the model embedded in it.",
        )
        .version(env!("CARGO_PKG_VERSION"))
        .subcommand_required(true)
        .arg_required_else_help(true)
        // Our own `help`, so that it takes the global flags (`help route
        // --json` prints route's help like `route --help --json` does).
        .disable_help_subcommand(true)
        .after_help(
            "Exit codes: 0 answered (bad news is still an answer), 1 `check` found errors or `diff` a change `--deny` forbids, \
             2 bad input (unknown name, host outside the zone, unreadable or invalid model, bad usage).",
        )
        .arg(
            Arg::new("model")
                .long("model")
                .help_heading(GLOBAL)
                .value_name("PATH")
                .global(true)
                .value_parser(clap::value_parser!(OsString))
                .help("Model file to answer from [default: the embedded model]"),
        )
        .arg(
            Arg::new("json")
                .long("json")
                .help_heading(GLOBAL)
                .global(true)
                .action(ArgAction::SetTrue)
                .help("Answer in JSON (every shape: the book's reference page \"JSON output\", crates/archsim-cli/JSON.md)"),
        )
        .arg(
            Arg::new("color")
                .long("color")
                .help_heading(GLOBAL)
                .value_name("WHEN")
                .global(true)
                .value_parser(["auto", "always", "never"])
                .default_value("auto")
                .help("Colour: auto (a terminal without NO_COLOR), always or never"),
        )
        .arg(
            Arg::new("verbose")
                .long("verbose")
                .help_heading(GLOBAL)
                .global(true)
                .action(ArgAction::SetTrue)
                .help("Say more: the words of each fact an answer rests on"),
        )
        .subcommand(route(model))
        .subcommand(fail(model))
        .subcommand(spof(model))
        .subcommand(place(model))
        .subcommand(dns(model))
        .subcommand(diff())
        .subcommand(Command::new("check").about(
            "Check the model file: errors and warnings with their place in the file; exit 1 on errors",
        ))
        .subcommand(
            Command::new("list")
                .about("List what the model holds")
                .arg(
                    Arg::new("what")
                        .value_parser(["components", "records", "flows", "providers"])
                        .default_value("components"),
                ),
        )
        .subcommand(Command::new("scenarios").about("List the failure scenarios, with what each teaches"))
        .subcommand(Command::new("schema").about(
            "Print a JSON Schema of the model file, for editors that check TOML as one types",
        ))
        .subcommand(
            Command::new("export")
                .about("Export the model: a Mermaid flowchart, Graphviz DOT, or the whole model as JSON")
                .arg(
                    Arg::new("format")
                        .required(true)
                        .value_parser(["mermaid", "dot", "json"]),
                ),
        )
        .subcommand(
            Command::new("gen")
                .about("Generate a synthetic model file (TOML) shaped like a real one, for scale tests")
                .arg(
                    Arg::new("components")
                        .long("components")
                        .value_name("N")
                        .required(true)
                        // The smallest model with every shape is 40
                        // components; 100,000 (about 23 MB) stays well within
                        // the 32 MiB the loader reads, so every generated
                        // model can be read back.
                        .value_parser(clap::value_parser!(u64).range(40..=100_000))
                        .help("About how many components (40 to 100,000)"),
                )
                .arg(
                    Arg::new("seed")
                        .long("seed")
                        .value_name("S")
                        .default_value("0")
                        .value_parser(clap::value_parser!(u64))
                        .help("Seed: the same N and S give the same file"),
                ),
        )
        .subcommand(
            Command::new("help")
                .about("Print this message or the help of the given command (text even with --json)")
                .arg(
                    Arg::new("command")
                        .value_name("COMMAND")
                        .num_args(0..)
                        .help("The command to print the help of"),
                ),
        )
}

/// The arguments that make clap print the help `archsim help NAMES...`
/// asks for (`archsim NAMES... --help`), or the usage error for a name
/// that is not a command.
pub fn help_args(command: &Command, names: &[&str]) -> Result<Vec<OsString>, CliError> {
    let mut args = vec![OsString::from(command.get_name())];
    let mut current = command;
    for name in names {
        let Some(sub) = current.find_subcommand(name) else {
            let known: Vec<&str> = current.get_subcommands().map(Command::get_name).collect();
            let message = if known.is_empty() {
                format!("`{}` has no subcommand `{name}`", current.get_name())
            } else {
                format!("unrecognized subcommand '{name}'")
            };
            return Err(CliError::usage(message).with_suggestions(nearest(
                name,
                known.iter().copied(),
                3,
            )));
        };
        args.push(OsString::from(sub.get_name()));
        current = sub;
    }
    args.push(OsString::from("--help"));
    Ok(args)
}

fn selector_help(model: Option<&Model>) -> String {
    let mut text = String::from(
        "Selectors: a component id or name, a product word (every component of it), \
         provider:ID, region:ID, kind:KIND, env:ENV, terraform:PATH-PREFIX, or a scenario.",
    );
    if let Some(model) = model {
        let scenarios: Vec<&str> = model.scenarios.iter().map(|s| s.id.as_str()).collect();
        if !scenarios.is_empty() {
            text.push_str(&format!("\n\nScenarios:\n  {}", listing(&scenarios)));
        }
    }
    wrap_lines(&text)
}

/// A comma-separated list, wrapped under a two-space indent.
fn listing(items: &[&str]) -> String {
    wrap(&items.join(", "), HELP_WIDTH, 2)
}

/// Wrap each paragraph of a help text that is not already indented.
fn wrap_lines(text: &str) -> String {
    text.lines()
        .map(|l| {
            if l.starts_with(' ') {
                l.to_owned()
            } else {
                wrap(l, HELP_WIDTH, 0)
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn hosts_help(model: Option<&Model>) -> String {
    match model {
        Some(model) => {
            let hosts: Vec<&str> = model.records.iter().map(|r| r.host.as_str()).collect();
            format!(
                "Hosts in the {} zone:\n  {}",
                shown(&model.zone.name),
                listing(&hosts)
            )
        }
        None => String::new(),
    }
}

fn selectors(id: &'static str, long: Option<&'static str>, help: &'static str) -> Arg {
    let arg = Arg::new(id)
        .value_name("SELECTOR")
        .action(ArgAction::Append)
        .help(help);
    match long {
        Some(long) => arg.long(long),
        None => arg.num_args(0..),
    }
}

fn diff() -> Command {
    let kinds = archsim_core::diff::Finding::ALL.map(|d| d.as_str());
    let formats = crate::commands::diff::Format::ALL.map(|f| f.as_str());
    Command::new("diff")
        .about("Compare two models: what changed, and which answers it changes (flows, single points of failure, placement audit, DNS, assumptions, invariants broken)")
        .arg(
            Arg::new("old")
                .value_name("OLD")
                .required(true)
                .value_parser(clap::value_parser!(OsString))
                .help("A model file, or REV:PATH read with `git show`"),
        )
        .arg(
            Arg::new("new")
                .value_name("NEW")
                .value_parser(clap::value_parser!(OsString))
                .help("A model file, or REV:PATH [default: the working copy of OLD's PATH; for a plain file OLD is HEAD's copy of it]"),
        )
        .arg(
            Arg::new("deny")
                .long("deny")
                .value_name("KIND,...")
                .value_delimiter(',')
                .action(ArgAction::Append)
                .value_parser(clap::builder::PossibleValuesParser::new(kinds))
                .help("Exit 1 when the change introduces one of these: new-spof (a flow gains a single point of failure), flow-down (a flow is down where it was not), unsourced (the change adds an assumption beyond the source document), placement-conflict (a component becomes an exception, a resolved conflict or a violation of the placement rule), broken-invariant (NEW breaks one of the model's invariants)"),
        )
        .arg(
            Arg::new("format")
                .long("format")
                .value_name("FORMAT")
                .value_parser(clap::builder::PossibleValuesParser::new(formats))
                .default_value("text")
                .conflicts_with("json")
                .help("text (for a terminal) or markdown (for a pull-request comment: a verdict line, a summary table, details in collapsible sections; every model text escaped). --json is the JSON answer and cannot be combined with --format"),
        )
        .arg(
            Arg::new("book")
                .long("book")
                .value_name("URL")
                .help("With --format markdown: the published book's address (http:// or https://); the comment's summary links each part to the book page that explains it"),
        )
        .after_help("The two sides are the models compared; --model does not apply.\n\nExit codes: 0 compared, 1 the change introduces a kind --deny names, 2 bad input (a side that cannot be read or does not load; OLD breaking an invariant is bad input, NEW breaking one a finding).")
}

fn route(model: Option<&Model>) -> Command {
    Command::new("route")
        .about(
            "Route a host or URL hop by hop, from the zone to the origin, under optional failures",
        )
        .arg(
            Arg::new("host")
                .value_name("HOST|URL")
                .required(true)
                .help("A host or URL (scheme, port, path and case are ignored)"),
        )
        .arg(selectors(
            "fail",
            Some("fail"),
            "Fail these first (repeatable)",
        ))
        .arg(selectors(
            "reschedule",
            Some("reschedule"),
            "Restart these first, so their start-up needs count (repeatable)",
        ))
        .after_help(format!("{}\n\n{}", hosts_help(model), selector_help(model)))
}

fn fail(model: Option<&Model>) -> Command {
    Command::new("fail")
        .about(format!(
            "Fail components and see every flow's state ({}) and why",
            State::ALL.map(State::word).join(", ")
        ))
        .arg(selectors("selectors", None, "What fails"))
        .arg(selectors(
            "reschedule",
            Some("reschedule"),
            "What restarts, so its start-up needs count (repeatable)",
        ))
        .after_help(selector_help(model))
}

fn spof(model: Option<&Model>) -> Command {
    let flows = model
        .map(|m| {
            let ids: Vec<&str> = m.flows.iter().map(|f| f.id.as_str()).collect();
            format!("Flows:\n  {}", listing(&ids))
        })
        .unwrap_or_default();
    Command::new("spof")
        .about("Single points of failure: the components whose failure alone takes a flow down")
        .arg(
            Arg::new("flow")
                .value_name("FLOW")
                .help("Only this flow (an id, or the host a flow serves)"),
        )
        .after_help(flows)
}

fn dns(model: Option<&Model>) -> Command {
    Command::new("dns")
        .about("Who writes a host's DNS record, or how a new host gets one")
        .arg(Arg::new("host").value_name("HOST").required(true))
        .after_help(hosts_help(model))
}

fn place(model: Option<&Model>) -> Command {
    let mut command = Command::new("place")
        .about("Where new infrastructure goes: the placement rule's verdict, the rules that decided, precedents")
        .arg(
            Arg::new("audit")
                .long("audit")
                .action(ArgAction::SetTrue)
                .help("Check every existing component against the rule instead"),
        )
        .arg(
            Arg::new("answer")
                .long("answer")
                .value_name("QUESTION")
                .action(ArgAction::Append)
                .help("Answer a question yes by its id (repeatable; same as its flag, if it has one)"),
        );
    // Without a model there are no question flags; `main` reports the
    // model's errors rather than the unknown flag.
    let Some(model) = model else { return command };
    let mut seen: Vec<&str> = Vec::new();
    let mut unflagged = Vec::new();
    for q in &model.placement.questions {
        if seen.contains(&q.id.as_str()) {
            continue;
        }
        seen.push(&q.id);
        if flaggable(&q.id) {
            command = command.arg(
                Arg::new(question_arg(&q.id))
                    .long(q.id.clone())
                    .action(ArgAction::SetTrue)
                    .help_heading("Questions (give the ones that hold)")
                    .help(shown(&q.ask).into_owned()),
            );
        } else {
            unflagged.push(q);
        }
    }
    if !unflagged.is_empty() {
        // Their ids are taken by place's own flags (or are no flag): list
        // them where they can still be answered.
        let mut text = String::from(
            "Questions without a flag of their own (answer with --answer <QUESTION>):",
        );
        for q in unflagged {
            text.push_str(&format!(
                "\n  {}\n      {}",
                shown(&q.id),
                wrap(&shown(&q.ask), HELP_WIDTH, 6)
            ));
        }
        command = command.after_help(text);
    }
    command
}

/// Every long flag `archsim <subcommand>` accepts, for did-you-mean hints.
pub fn long_flags(command: &Command, subcommand: Option<&str>) -> Vec<String> {
    let mut flags: Vec<String> = command
        .get_arguments()
        .filter_map(|a| a.get_long())
        .map(|l| format!("--{l}"))
        .collect();
    if let Some(sub) = subcommand.and_then(|s| command.find_subcommand(s)) {
        flags.extend(
            sub.get_arguments()
                .filter_map(|a| a.get_long())
                .map(|l| format!("--{l}")),
        );
    }
    flags.push("--help".into());
    flags
}

#[cfg(test)]
mod tests {
    use std::ffi::OsStr;

    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn prescan_finds_the_model_and_json_like_clap_would() {
        /// (arguments, --model, --json, subcommand)
        type Case<'a> = (&'a [&'a str], Option<&'a str>, bool, Option<&'a str>);
        let cases: [Case; 14] = [
            (&["archsim", "route", "x"], None, false, Some("route")),
            (
                &["archsim", "--model", "m.toml", "check"],
                Some("m.toml"),
                false,
                Some("check"),
            ),
            (
                &["archsim", "check", "--model=m.toml", "--json"],
                Some("m.toml"),
                true,
                Some("check"),
            ),
            (
                &["archsim", "fail", "--", "--json", "--model", "x"],
                None,
                false,
                Some("fail"),
            ),
            (&["archsim", "route", "--model"], None, false, Some("route")),
            (&["archsim", "--json", "spof"], None, true, Some("spof")),
            (
                &["archsim", "list", "--model", "--json"],
                None,
                true,
                Some("list"),
            ),
            (
                &["archsim", "list", "--model", "-", "--json"],
                Some("-"),
                true,
                Some("list"),
            ),
            (
                &["archsim", "--model", "-x", "check"],
                None,
                false,
                Some("check"),
            ),
            (
                &["archsim", "-qx", "--model=m", "fail"],
                Some("m"),
                false,
                Some("fail"),
            ),
            // A question flag, or a typo, before the model does not hide it.
            (
                &["archsim", "place", "--holds-state", "--model", "m.toml"],
                Some("m.toml"),
                false,
                Some("place"),
            ),
            (
                &[
                    "archsim",
                    "place",
                    "--nope=1",
                    "-q",
                    "--json",
                    "--model=m.toml",
                ],
                Some("m.toml"),
                true,
                Some("place"),
            ),
            // A model file named like a command is the model, not the command.
            (
                &["archsim", "--model", "place", "route", "x"],
                Some("place"),
                false,
                Some("route"),
            ),
            (&["archsim"], None, false, None),
        ];
        for (input, model, json, subcommand) in cases {
            let found = prescan(&args(input));
            assert_eq!(found.model.as_deref(), model.map(OsStr::new), "{input:?}");
            assert_eq!(found.json, json, "{input:?}");
            assert_eq!(found.subcommand.as_deref(), subcommand, "{input:?}");
        }
    }

    #[test]
    fn prescan_finds_the_colour_for_errors_found_before_parsing() {
        let cases: [(&[&str], Option<&str>); 4] = [
            (
                &["archsim", "place", "--x", "--color", "always"],
                Some("always"),
            ),
            (&["archsim", "--color=never", "check"], Some("never")),
            (&["archsim", "check", "--color", "--json"], None),
            (&["archsim", "fail", "--", "--color", "always"], None),
        ];
        for (input, color) in cases {
            assert_eq!(prescan(&args(input)).color.as_deref(), color, "{input:?}");
        }
    }

    #[test]
    fn help_names_a_command_or_says_what_is_not_one() {
        let command = command(None);
        let text = |args: Vec<OsString>| -> Vec<String> {
            args.iter()
                .map(|a| a.to_string_lossy().into_owned())
                .collect()
        };
        assert_eq!(
            text(help_args(&command, &[]).expect("top")),
            ["archsim", "--help"]
        );
        assert_eq!(
            text(help_args(&command, &["route"]).expect("route")),
            ["archsim", "route", "--help"]
        );
        let error = help_args(&command, &["rout"]).expect_err("no such command");
        assert_eq!(error.kind, "usage");
        assert_eq!(error.suggestions, ["route"]);
        let error = help_args(&command, &["route", "x"]).expect_err("route has none");
        assert!(
            error.message.contains("`route` has no subcommand `x`"),
            "{}",
            error.message
        );
    }

    #[test]
    fn question_ids_that_clash_or_are_not_flags_stay_answerable_by_answer() {
        let cases = [
            ("holds-state", true),
            ("dns", true),
            ("_private", true),
            ("audit", false),
            ("json", false),
            ("verbose", false),
            ("-x", false),
            ("a=b", false),
            ("", false),
        ];
        for (id, expected) in cases {
            assert_eq!(flaggable(id), expected, "{id}");
        }
    }

    #[test]
    fn the_command_definition_is_consistent() {
        command(None).debug_assert();
        let engine = archsim_core::Engine::tomoda().expect("the shipped model loads");
        command(Some(engine.model())).debug_assert();
    }

    #[test]
    fn odd_question_ids_cannot_break_the_command_line() {
        let mut model = Model::default();
        for id in [
            "audit",
            "json",
            "two words",
            "dup",
            "dup",
            "",
            "-x",
            "ok-one",
            "_under",
        ] {
            model.placement.questions.push(archsim_core::Question {
                id: id.into(),
                ask: "?".into(),
            });
        }
        let command = command(Some(&model));
        command.clone().debug_assert();
        let place = command.find_subcommand("place").expect("place exists");
        let longs: Vec<&str> = place.get_arguments().filter_map(|a| a.get_long()).collect();
        assert!(
            longs.contains(&"ok-one") && longs.contains(&"dup"),
            "{longs:?}"
        );
        assert!(!longs.contains(&"two words"), "{longs:?}");
        let help = place.clone().render_help().to_string();
        let unflagged = help
            .split_once("Questions without a flag of their own")
            .map(|(_, rest)| rest)
            .unwrap_or_else(|| panic!("no list of questions without a flag:\n{help}"));
        for id in ["audit", "json", "two words", "-x"] {
            assert!(unflagged.contains(&format!("\n  {id}\n")), "{id}:\n{help}");
        }
        assert_eq!(unflagged.matches("\n  dup\n").count(), 0, "{help}");
        assert!(!unflagged.contains("ok-one"), "{help}");
        let matches = command
            .try_get_matches_from([
                "archsim",
                "place",
                "--dup",
                "--_under",
                "--answer",
                "two words",
            ])
            .expect("parses");
        let (_, place) = matches.subcommand().expect("a subcommand");
        assert_eq!(
            place
                .try_get_one::<bool>(&question_arg("dup"))
                .ok()
                .flatten(),
            Some(&true)
        );
    }
}
