//! The human output of the main commands, as a person sees it in a terminal
//! (without colour), kept in `tests/snapshots/NAME.txt`.
//!
//! After a deliberate change, regenerate with
//! `UPDATE_SNAPSHOTS=1 cargo test -p archsim-cli` and review the diff (the
//! workspace's one convention, `archsim-snapshots`: a file no case writes
//! fails the test).

use std::path::{Path, PathBuf};

use crate::common::{Scratch, run_in, tomoda};

/// (snapshot name, arguments); every run adds `--color never`.
const SNAPSHOTS: &[(&str, &[&str])] = &[
    ("route-assets", &["route", "assets.tomoda.life"]),
    ("route-api", &["route", "https://api.tomoda.life/v1/users"]),
    (
        "route-degraded",
        &["route", "assets.tomoda.life", "--fail", "s3-assets-prod"],
    ),
    ("route-no-record", &["route", "new.tomoda.life"]),
    ("route-outside-zone", &["route", "example.com"]),
    ("fail-cloudfront", &["fail", "cloudfront"]),
    (
        "fail-registry-preemption",
        &["fail", "registry-outage-during-preemption"],
    ),
    ("fail-unknown", &["fail", "cloudfrnt"]),
    ("spof", &["spof"]),
    (
        "place-conflict",
        &[
            "place",
            "--public-cacheable-assets",
            "--reached-from-cluster",
        ],
    ),
    ("place-dns", &["place", "--dns", "--holds-state"]),
    ("place-questions", &["place"]),
    ("place-audit", &["place", "--audit"]),
    ("place-typo", &["place", "--hold-state"]),
    ("dns-www-dev", &["dns", "www-dev.tomoda.life"]),
    ("dns-assets", &["dns", "assets.tomoda.life"]),
    ("dns-new", &["dns", "new.tomoda.life"]),
    ("check", &["check"]),
    ("check-proxied", &["--model", "proxied.toml", "check"]),
    (
        "route-invalid-model",
        &["--model", "proxied.toml", "route", "api.tomoda.life"],
    ),
    ("list-components", &["list"]),
    ("list-records", &["list", "records"]),
    ("scenarios", &["scenarios"]),
    (
        "diff-cached-origin",
        &["diff", "tomoda.toml", "cached-origin.toml"],
    ),
    (
        "diff-search-denied",
        &["diff", "tomoda.toml", "search.toml", "--deny", "new-spof"],
    ),
    (
        "diff-cached-origin-markdown",
        &[
            "diff",
            "tomoda.toml",
            "cached-origin.toml",
            "--format",
            "markdown",
        ],
    ),
    (
        "diff-backup-aws",
        &["diff", "tomoda.toml", "backup-aws.toml"],
    ),
    (
        "diff-backup-aws-markdown",
        &[
            "diff",
            "tomoda.toml",
            "backup-aws.toml",
            "--format",
            "markdown",
        ],
    ),
    (
        "diff-search-markdown-denied",
        &[
            "diff",
            "tomoda.toml",
            "search.toml",
            "--format",
            "markdown",
            "--deny",
            "new-spof",
        ],
    ),
];

fn snapshot_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots")
}

/// The shipped model with `assets.tomoda.life`'s record proxied.
pub fn proxied_model() -> String {
    let source = tomoda();
    let record = source
        .find("host = \"assets.tomoda.life\"")
        .expect("the model has the assets record");
    let at = record
        + source[record..]
            .find("proxied = false")
            .expect("the record says proxied = false");
    format!(
        "{}proxied = true{}",
        &source[..at],
        &source[at + "proxied = false".len()..]
    )
}

fn render(args: &[&str], code: i32, stdout: &str, stderr: &str) -> String {
    let mut text = format!("$ archsim {}\nexit: {code}\n", args.join(" "));
    if !stdout.is_empty() {
        text.push_str("--- stdout\n");
        text.push_str(stdout);
    }
    if !stderr.is_empty() {
        text.push_str("--- stderr\n");
        text.push_str(stderr);
    }
    text
}

#[test]
fn human_output_matches_the_snapshots() {
    let scratch = Scratch::new("snapshots");
    crate::diff::write_pairs(&scratch);
    let cases = SNAPSHOTS.iter().map(|(name, args)| {
        let mut full: Vec<&str> = args.to_vec();
        full.extend(["--color", "never"]);
        let run = run_in(Some(&scratch.0), &full, &[]);
        (
            format!("{name}.txt"),
            render(args, run.code, &run.stdout, &run.stderr),
        )
    });
    archsim_snapshots::check_all(&snapshot_dir(), cases);
}
