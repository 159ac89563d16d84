//! Hostile model files, written at test time: each gets a diagnostic and a
//! non-zero exit, never a panic.

use crate::common::{Scratch, command, run_in};
use crate::snapshots::proxied_model;

/// Deterministic noise (an xorshift generator), so failures reproduce.
fn noise(len: usize) -> Vec<u8> {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect()
}

#[test]
fn hostile_models_get_a_diagnostic_and_a_non_zero_exit() {
    let scratch = Scratch::new("hostile");
    let source = crate::common::tomoda();
    let mut big = b"# padding\n".repeat(5 * 1024 * 1024);
    big.truncate(50 * 1024 * 1024);
    let files: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "garbage.toml",
            b"this is [not toml\n= = =\n".to_vec(),
            "error[syntax]",
        ),
        ("binary.toml", noise(4096), "error["),
        ("big.toml", big, "error[too-large]"),
        (
            "brackets.toml",
            format!("a = {}\n", "[".repeat(100_000)).into_bytes(),
            "error[too-deep]",
        ),
        (
            "braces.toml",
            format!("a = {}\n", "{ b = ".repeat(100_000)).into_bytes(),
            "error[too-deep]",
        ),
        (
            "tables.toml",
            format!("[{}]\n", vec!["a"; 100_000].join(".")).into_bytes(),
            "error[",
        ),
        (
            "unknown-reference.toml",
            source
                .replacen(
                    "target = \"cloudfront-prod\"",
                    "target = \"cloudfront-prd\"",
                    1,
                )
                .into_bytes(),
            "error[unknown-reference]",
        ),
        (
            "proxied.toml",
            proxied_model().into_bytes(),
            "error[invariant]",
        ),
        ("empty.toml", Vec::new(), "error["),
    ];
    for (name, bytes, expected) in &files {
        scratch.write(name, bytes);
        let check = run_in(Some(&scratch.0), &["--model", name, "check"], &[]);
        assert_eq!(check.code, 1, "{name}: check\n{}", check.stdout);
        assert!(
            check.stdout.contains(expected),
            "{name}: check lacks {expected}:\n{}",
            check.stdout
        );
        assert!(
            check.stdout.contains(&format!("--> {name}")),
            "{name}:\n{}",
            check.stdout
        );

        let json = run_in(Some(&scratch.0), &["--model", name, "check", "--json"], &[]);
        assert_eq!(json.code, 1, "{name}: check --json");
        assert_eq!(json.json()["ok"], false, "{name}");

        for args in [
            vec!["route", "api.tomoda.life"],
            vec!["fail", "gke"],
            vec!["place", "--holds-state"],
            vec!["export", "json"],
        ] {
            let mut full = vec!["--model", name];
            full.extend(&args);
            let run = run_in(Some(&scratch.0), &full, &[]);
            assert_eq!(run.code, 2, "{name}: {args:?}\n{}", run.stderr);
            assert!(
                run.stdout.is_empty(),
                "{name}: {args:?} answered:\n{}",
                run.stdout
            );
            assert!(
                run.stderr.contains(expected),
                "{name}: {args:?}:\n{}",
                run.stderr
            );
            assert!(
                run.stderr.contains("cannot answer from"),
                "{name}:\n{}",
                run.stderr
            );
        }
        let json = run_in(
            Some(&scratch.0),
            &["--model", name, "route", "api.tomoda.life", "--json"],
            &[],
        );
        assert_eq!(json.code, 2);
        assert_eq!(json.json()["error"]["kind"], "invalid-model", "{name}");
        assert!(
            !json.json()["error"]["diagnostics"]
                .as_array()
                .is_none_or(Vec::is_empty),
            "{name}"
        );
    }
}

#[test]
fn a_proxied_record_is_shown_where_it_is_with_a_caret() {
    let scratch = Scratch::new("proxied");
    let source = proxied_model();
    scratch.write("proxied.toml", source.as_bytes());
    let line = source[..source.find("proxied = true").expect("edited")]
        .lines()
        .count()
        + 1;
    let run = run_in(Some(&scratch.0), &["--model", "proxied.toml", "check"], &[]);
    assert_eq!(run.code, 1);
    let gutter = " ".repeat(line.to_string().len());
    for expected in [
        "error[invariant]: record `assets.tomoda.life` is proxied".to_owned(),
        format!("{gutter}--> proxied.toml:{line}:11"),
        format!("{line} | proxied = true"),
        format!("{gutter} |           ^^^^"),
        format!("{gutter} = hint: set `proxied = false`"),
        "error: proxied.toml has 1 error".to_owned(),
    ] {
        assert!(
            run.stdout.contains(&expected),
            "lacks {expected:?}:\n{}",
            run.stdout
        );
    }
    let json = run_in(
        Some(&scratch.0),
        &["--model", "proxied.toml", "check", "--json"],
        &[],
    )
    .json();
    let d = &json["diagnostics"][0];
    assert_eq!(d["code"], "invariant");
    assert_eq!(d["line"], line);
    assert_eq!(d["column"], 11);
    assert_eq!(d["file"], "proxied.toml");
}

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    for args in [["export", "json"], ["export", "dot"]] {
        let mut child = command(&args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("archsim starts");
        // Close the reading end at once, like `| head -0`.
        drop(child.stdout.take());
        let output = child.wait_with_output().expect("archsim ends");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
    }
}
