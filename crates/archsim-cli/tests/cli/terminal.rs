//! Terminal escapes in a model, its file name or the arguments never reach
//! the terminal: every command, coloured or not, shows them as `\u{1b}`.
//!
//! The model carries, in every free-text field, a hyperlink (OSC 8), a
//! clear-line, a clipboard write (OSC 52), a C1 CSI, a bidi override and a
//! colour change; the arguments carry the same. No answer, error,
//! diagnostic or help text may contain a control character, a C1 control
//! or a bidi control, and with `--color always` the only escapes are the
//! colour codes archsim writes itself: stripped of them, the output is the
//! uncoloured output, character for character.

use crate::common::{Run, Scratch, run_in, tomoda};

/// The payload as TOML escapes.
const TOML_PAYLOAD: &str = r"\u001b]8;;http://x\u0007L\u001b]8;;\u0007\u001b[2K\u001b]52;c;aGk=\u0007\u009b2J\u202eRTL\u202c\u001b[31mRED\u001b[0m";

/// The same payload as characters, for arguments.
const PAYLOAD: &str = "\u{1b}]8;;http://x\u{7}L\u{1b}]8;;\u{7}\u{1b}[2K\u{1b}]52;c;aGk=\u{7}\u{9b}2J\u{202e}RTL\u{202c}\u{1b}[31mRED\u{1b}[0m";

/// How the payload reads once shown.
const SHOWN: &str = r"\u{1b}]8;;http://x\u{7}L\u{1b}]8;;\u{7}\u{1b}[2K\u{1b}]52;c;aGk=\u{7}\u{9b}2J\u{202e}RTL\u{202c}\u{1b}[31mRED\u{1b}[0m";

/// Free-text keys: every one is shown by some command. (`kind` and `name`
/// are tainted only where they are free text: a component's kind, and not
/// the zone's name, which is a host.)
const TEXT_KEYS: &[&str] = &[
    "name",
    "job",
    "why",
    "notes",
    "note",
    "teaches",
    "says",
    "ask",
    "assumption",
    "settle",
    "about",
    "adds",
    "serves",
    "hint",
    "placement",
    "account",
    "owner_id",
    "document",
    "terraform",
    "source",
    "registry",
    "kind",
];

/// The shipped model with the payload at the end of every free-text string.
fn hostile_model() -> String {
    let mut section = "";
    let mut out = String::new();
    for line in tomoda().lines() {
        if line.starts_with('[') {
            section = line;
        }
        let key = line.split(" = \"").next().unwrap_or("");
        let free = TEXT_KEYS.contains(&key)
            && line.contains(" = \"")
            && line.ends_with('"')
            && !(key == "name" && section == "[zone]")
            && !(key == "kind" && section != "[[component]]");
        if free {
            out.push_str(&line[..line.len() - 1]);
            out.push_str(TOML_PAYLOAD);
            out.push('"');
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

/// The same model with a component id carrying the payload (an invalid id,
/// then an unknown reference with near names): diagnostics quote both.
fn bad_ids_model() -> String {
    hostile_model()
        .replacen(
            "id = \"cloudfront-prod\"",
            &format!("id = \"cloudfront-prod{TOML_PAYLOAD}\""),
            1,
        )
        .replacen(
            "target = \"cloudfront-prod\"",
            &format!("target = \"cloudfront-pro{TOML_PAYLOAD}\""),
            1,
        )
}

/// Raw control bytes in the file (TOML refuses them): the line is quoted.
fn raw_bytes_model() -> String {
    tomoda().replacen(
        "name = \"Tomoda\"",
        &format!("name = \"Tomoda{PAYLOAD}\""),
        1,
    )
}

/// Characters that act on a terminal: C0 controls but the line break, DEL,
/// C1 controls and the bidi controls. (ESC is checked on its own.)
fn acts(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\u{1b}')
        || matches!(
            c,
            '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// archsim's own colour codes: `ESC [ digits and ; m`.
fn strip_colour(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('\u{1b}') {
        out.push_str(&rest[..at]);
        let tail = &rest[at + 1..];
        let code = tail
            .strip_prefix('[')
            .and_then(|t| t.find('m').map(|end| &t[..end]))
            .filter(|code| code.chars().all(|c| c.is_ascii_digit() || c == ';'));
        match code {
            Some(code) => rest = &tail[code.len() + 2..],
            None => panic!("an escape that is not a colour code: {:?}", &rest[at..]),
        }
    }
    out.push_str(rest);
    out
}

fn assert_shown_safely(what: &str, text: &str, coloured: bool) {
    if let Some(c) = text.chars().find(|&c| acts(c)) {
        panic!("{what}: {c:?} reaches the terminal:\n{text:?}");
    }
    if coloured {
        strip_colour(text);
    } else {
        assert!(
            !text.contains('\u{1b}'),
            "{what}: ESC without colour:\n{text:?}"
        );
    }
}

/// (arguments after `--model FILE`, the model file, whether the payload
/// must be seen in the output). `FILE` is replaced by the file's name.
type Case = (&'static [&'static str], &'static str, bool);

const MODEL: &str = "hostile.toml";
const BAD_IDS: &str = "bad-ids.toml";
const RAW: &str = "raw.toml";
/// A file name carrying the payload (see `file_name`).
const NAMED: &str = "NAMED";

const CASES: &[Case] = &[
    (&["route", "api.tomoda.life"], MODEL, true),
    (
        &["route", "assets.tomoda.life", "--fail", "cloudfront"],
        MODEL,
        true,
    ),
    (&["route", "new.tomoda.life"], MODEL, false),
    (&["route", "api.tomoda.life", "--verbose"], MODEL, true),
    (&["route", "ARG"], MODEL, true),
    (&["route", "api.tomoda.life", "--fail", "ARG"], MODEL, true),
    (&["fail", "registry-outage-during-preemption"], MODEL, true),
    (&["fail", "cloudfront"], MODEL, false),
    (&["fail", "ARG"], MODEL, true),
    (&["spof"], MODEL, false),
    (&["spof", "api.tomoda.life"], MODEL, true),
    (&["spof", "ARG"], MODEL, true),
    (&["dns", "www-dev.tomoda.life"], MODEL, true),
    (&["dns", "new.tomoda.life"], MODEL, true),
    (&["dns", "ARG"], MODEL, true),
    (&["list"], MODEL, true),
    (&["list", "records"], MODEL, false),
    (&["list", "flows"], MODEL, true),
    (&["list", "providers"], MODEL, true),
    (&["list", "ARG"], MODEL, true),
    (&["scenarios"], MODEL, true),
    (&["place"], MODEL, true),
    (
        &[
            "place",
            "--public-cacheable-assets",
            "--reached-from-cluster",
        ],
        MODEL,
        true,
    ),
    (&["place", "--dns", "--holds-state"], MODEL, true),
    (&["place", "--audit"], MODEL, true),
    (&["place", "--answer", "ARG"], MODEL, true),
    (&["check"], MODEL, false),
    (&["check"], BAD_IDS, true),
    (&["route", "api.tomoda.life"], BAD_IDS, true),
    (&["check"], RAW, true),
    (&["fail", "gke"], RAW, true),
    (&["check"], NAMED, true),
    (&["route", "api.tomoda.life"], NAMED, true),
    (&["check"], "missing\u{1b}]8;;http://x\u{7}.toml", false),
    (&["export", "mermaid"], MODEL, true),
    (&["export", "dot"], MODEL, true),
    (&["export", "json"], MODEL, false),
    (&["gen", "--components", "40"], MODEL, false),
    (&["schema"], MODEL, false),
    (&["help", "place"], MODEL, true),
    (&["place", "--help"], MODEL, true),
    (&["route", "--ARG"], MODEL, false),
    (&["help", "ARG"], MODEL, false),
    (&["diff", RAW, MODEL], MODEL, true),
    (&["diff", MODEL, BAD_IDS], MODEL, true),
    (&["diff", "ARG", MODEL], MODEL, true),
    (&["diff", "ARG"], MODEL, true),
];

/// A file name with the payload in it (Linux allows any byte but `/`).
fn file_name() -> String {
    format!("named{}.toml", PAYLOAD.replace('/', "_"))
}

fn run_case(scratch: &Scratch, args: &[&str], file: &str, extra: &[&str]) -> Run {
    let named = file_name();
    let file = if file == NAMED { named.as_str() } else { file };
    let arg_flag = format!("--{}", PAYLOAD);
    let mut full = vec!["--model", file];
    for &a in args {
        full.push(match a {
            "ARG" => PAYLOAD,
            "--ARG" => &arg_flag,
            a => a,
        });
    }
    full.extend(extra);
    run_in(Some(&scratch.0), &full, &[])
}

#[test]
fn no_terminal_escape_from_a_model_or_an_argument_reaches_the_terminal() {
    let scratch = Scratch::new("terminal");
    scratch.write(MODEL, hostile_model().as_bytes());
    scratch.write(BAD_IDS, bad_ids_model().as_bytes());
    scratch.write(RAW, raw_bytes_model().as_bytes());
    scratch.write(&file_name(), hostile_model().as_bytes());
    for &(args, file, payload_shown) in CASES {
        let what = format!("{args:?} on {file:?}");
        let plain = run_case(&scratch, args, file, &["--color", "never"]);
        let coloured = run_case(&scratch, args, file, &["--color", "always"]);
        for (stream, never, always) in [
            ("stdout", &plain.stdout, &coloured.stdout),
            ("stderr", &plain.stderr, &coloured.stderr),
        ] {
            let what = format!("{what} {stream}");
            assert_shown_safely(&what, never, false);
            assert_shown_safely(&what, always, true);
            assert_eq!(
                &strip_colour(always),
                never,
                "{what}: colour changes the words"
            );
        }
        assert_eq!(plain.code, coloured.code, "{what}");
        if payload_shown {
            let both = format!("{}{}", plain.stdout, plain.stderr);
            assert!(
                // A file name cannot hold `/`; DOT doubles a backslash.
                both.contains(SHOWN)
                    || both.contains(&SHOWN.replace('/', "_"))
                    || both.contains(&SHOWN.replace('\\', "\\\\")),
                "{what}: the payload is not shown as escapes:\n{both:?}"
            );
        }
    }
}

#[test]
fn json_keeps_the_strings_and_escapes_every_control() {
    let scratch = Scratch::new("terminal-json");
    scratch.write(MODEL, hostile_model().as_bytes());
    for args in [
        &["list", "components", "--json"][..],
        &["export", "json"],
        &["route", "api.tomoda.life", "--json"],
        &["fail", PAYLOAD, "--json"],
        &["scenarios", "--json"],
    ] {
        let mut full = vec!["--model", MODEL];
        full.extend(args);
        let run = run_in(Some(&scratch.0), &full, &[]);
        assert_shown_safely(&format!("{args:?}"), &run.stdout, false);
        assert!(!run.stdout.contains('\u{1b}'), "{args:?}");
        // The strings themselves are intact: JSON escapes, it does not rewrite.
        assert!(
            json_has(&run.json(), PAYLOAD),
            "{args:?}: the payload is lost:\n{}",
            run.stdout
        );
    }
}

/// Whether some string in `value` contains `needle`.
fn json_has(value: &serde_json::Value, needle: &str) -> bool {
    match value {
        serde_json::Value::String(s) => s.contains(needle),
        serde_json::Value::Array(a) => a.iter().any(|v| json_has(v, needle)),
        serde_json::Value::Object(o) => o.values().any(|v| json_has(v, needle)),
        _ => false,
    }
}

#[test]
fn every_command_is_tried() {
    let help = crate::common::run(&["--help"]).stdout;
    let commands: Vec<&str> = help
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(commands.len() >= 10, "{help}");
    for command in commands {
        assert!(
            CASES.iter().any(|(args, _, _)| args[0] == command),
            "`{command}` has no case in the terminal-escape table"
        );
    }
}

#[test]
fn columns_stay_aligned_around_shown_escapes() {
    let scratch = Scratch::new("terminal-columns");
    scratch.write(MODEL, hostile_model().as_bytes());
    let run = run_in(
        Some(&scratch.0),
        &["--model", MODEL, "list", "--color", "always"],
        &[],
    );
    let text = strip_colour(&run.stdout);
    let mut lines = text.lines();
    let header = lines.next().expect("a header");
    // The component kinds (before ENV) carry the payload.
    let env = header.find("ENV").expect("an ENV column");
    // Rows start at column 0; a wrapped name continues on indented lines.
    let rows: Vec<&str> = lines.filter(|l| !l.starts_with(' ')).collect();
    assert!(rows.len() > 1, "the table has rows:\n{text}");
    for line in rows {
        let chars: Vec<char> = line.chars().collect();
        assert!(
            chars[env - 1] == ' ' && chars[env] != ' ',
            "ENV does not start at column {env}:\n{header}\n{line:?}"
        );
    }
}
