//! Data-driven snapshots: every file in `tests/cases/` is a page; its
//! expansion (or its errors) must equal `tests/snapshots/NAME.out`.
//!
//! Add a case by adding a Markdown file; run with `UPDATE_SNAPSHOTS=1` to
//! write or refresh the snapshots, then review the diff (the workspace's
//! one convention, `archsim-snapshots`: a snapshot no case writes fails).
//!
//! Cases named `bad-*` or `false-*` must fail, with exactly one error on
//! every line that holds a directive, and none elsewhere; every other case
//! must expand without error.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use archsim_core::Engine;
use mdbook_archsim::{PageOptions, process_page};

fn dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(name)
}

fn cases() -> Vec<(String, String)> {
    let mut cases: Vec<(String, String)> = fs::read_dir(dir("cases"))
        .expect("tests/cases exists")
        .map(|entry| entry.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            let text = fs::read_to_string(&p).expect("readable case");
            (name, text)
        })
        .collect();
    cases.sort();
    assert!(!cases.is_empty(), "no cases in tests/cases");
    cases
}

/// What a case renders to: the page, or its errors one per line.
fn render(engine: &Engine, name: &str, text: &str) -> Result<String, Vec<String>> {
    let page = format!("{name}.md");
    process_page(engine, &PageOptions::default(), &page, text)
        .map_err(|errors| errors.iter().map(ToString::to_string).collect())
}

#[test]
fn directives_expand_as_in_the_snapshots() {
    let engine = Engine::tomoda().expect("the Tomoda model loads");
    let mut failures = Vec::new();
    let mut outputs = Vec::new();
    for (name, text) in cases() {
        let expect_errors = name.starts_with("bad-") || name.starts_with("false-");
        let output = match (render(&engine, &name, &text), expect_errors) {
            (Ok(page), false) => page,
            (Err(errors), true) => format!("ERRORS\n{}\n", errors.join("\n")),
            (Ok(_), true) => {
                failures.push(format!("{name}: expected errors, got none"));
                continue;
            }
            (Err(errors), false) => {
                failures.push(format!(
                    "{name}: unexpected errors:\n  {}",
                    errors.join("\n  ")
                ));
                continue;
            }
        };
        outputs.push((format!("{name}.out"), output));
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    archsim_snapshots::check_all(&dir("snapshots"), outputs);
}

#[test]
fn every_bad_directive_is_one_error_on_its_own_line() {
    let engine = Engine::tomoda().expect("the Tomoda model loads");
    for (name, text) in cases() {
        if !(name.starts_with("bad-") || name.starts_with("false-")) {
            continue;
        }
        let directive_lines: BTreeSet<usize> = text
            .lines()
            .enumerate()
            .filter(|(_, l)| l.contains("{{#archsim"))
            .map(|(i, _)| i + 1)
            .collect();
        let errors = match render(&engine, &name, &text) {
            Err(errors) => errors,
            Ok(_) => panic!("{name}: expected errors"),
        };
        let mut error_lines = Vec::new();
        for error in &errors {
            let prefix = format!("{name}.md:");
            let rest = error
                .strip_prefix(&prefix)
                .unwrap_or_else(|| panic!("{name}: error does not name the page: {error}"));
            let line: usize = rest
                .split(':')
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("{name}: error does not name a line: {error}"));
            error_lines.push(line);
        }
        let unique: BTreeSet<usize> = error_lines.iter().copied().collect();
        assert_eq!(
            unique.len(),
            error_lines.len(),
            "{name}: two errors on one line:\n{}",
            errors.join("\n")
        );
        assert_eq!(
            unique,
            directive_lines,
            "{name}: errors should be exactly on the directive lines:\n{}",
            errors.join("\n")
        );
    }
}

#[test]
fn false_claims_say_what_the_model_says() {
    let engine = Engine::tomoda().expect("the Tomoda model loads");
    let text = fs::read_to_string(dir("cases").join("false-claims.md")).unwrap();
    let errors = render(&engine, "false-claims", &text).unwrap_err();
    for error in &errors {
        assert!(
            error.contains(": claim does not hold: the model says "),
            "not a claim failure: {error}"
        );
    }
    assert!(
        errors.iter().any(|e| e.contains(
            "the model says assets.tomoda.life is degraded, not down (failing s3-assets-prod"
        )),
        "{errors:#?}"
    );
}
