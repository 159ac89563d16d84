//! The table: arguments, exit code, and what the output must say.

use serde_json::Value;

use crate::common::{Scratch, run_in, tomoda};

/// One expectation about a run.
enum Expect {
    /// The JSON value at a pointer equals this JSON text.
    Json(&'static str, &'static str),
    /// The JSON array at a pointer contains this string.
    Has(&'static str, &'static str),
    /// The JSON array at a pointer has an object with `key == value` whose
    /// `field` (a pointer inside it) equals this JSON text.
    Find(
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
    ),
    /// The JSON value at a pointer is a non-empty array or string.
    NonEmpty(&'static str),
    /// The JSON string at a pointer contains this.
    Says(&'static str, &'static str),
    /// stdout contains this.
    Out(&'static str),
    /// stdout does not contain this.
    NotOut(&'static str),
    /// stdout starts with this.
    Starts(&'static str),
    /// stderr contains this.
    Err(&'static str),
}

use Expect::*;

/// A model file the case needs: its name and its text.
type File = (&'static str, fn() -> String);

struct Case {
    args: &'static [&'static str],
    env: &'static [(&'static str, &'static str)],
    /// Written to a scratch directory the case then runs in.
    files: &'static [File],
    code: i32,
    expect: &'static [Expect],
}

const fn case(args: &'static [&'static str], code: i32, expect: &'static [Expect]) -> Case {
    Case {
        args,
        env: &[],
        files: &[],
        code,
        expect,
    }
}

/// A case that runs next to `files`.
const fn with(
    files: &'static [File],
    args: &'static [&'static str],
    code: i32,
    expect: &'static [Expect],
) -> Case {
    Case {
        args,
        env: &[],
        files,
        code,
        expect,
    }
}

/// The shipped model with the question `builds-images` renamed `audit`,
/// which is also a flag of `place`.
fn clashing_model() -> String {
    tomoda().replace("\"builds-images\"", "\"audit\"")
}

const EMPTY: File = ("empty.toml", String::new);
const INVALID: File = ("invalid.toml", || "this is [not toml\n".to_owned());
const CLASH: File = ("clash.toml", clashing_model);

const CASES: &[Case] = &[
    // route
    case(
        &["route", "assets.tomoda.life", "--json"],
        0,
        &[
            Json("/verdict", r#""ok""#),
            Json("/record/type", r#""CNAME""#),
            Json("/record/writer", r#""terraform""#),
            Json("/record/proxied", "false"),
            Json("/hops/0/id", r#""cloudflare-zone""#),
            Json("/hops/1/id", r#""cloudfront-prod""#),
            Json("/because", "[]"),
            Json("/failed", "[]"),
        ],
    ),
    case(
        &[
            "route",
            "HTTPS://Assets.Tomoda.Life.:443/img/logo.png?v=2",
            "--json",
        ],
        0,
        &[
            Json("/host", r#""assets.tomoda.life""#),
            Json(
                "/input",
                r#""HTTPS://Assets.Tomoda.Life.:443/img/logo.png?v=2""#,
            ),
        ],
    ),
    case(
        &[
            "route",
            "assets.tomoda.life",
            "--fail",
            "s3-assets-prod",
            "--json",
        ],
        0,
        &[
            Json("/verdict", r#""degraded""#),
            Has("/because", "s3-assets-prod"),
            Json("/failed", r#"["s3-assets-prod"]"#),
            Find("/hops", "id", "s3-assets-prod", "/state", r#""down""#),
        ],
    ),
    case(
        &["route", "api.tomoda.life", "--json"],
        0,
        &[
            Json("/verdict", r#""ok""#),
            Json("/record/writer", r#""external-dns""#),
            Json("/record/owner_id", r#""k8s-dev""#),
            Json("/basis/checked", "false"),
            Find(
                "/basis/assumptions",
                "about",
                "tomoda-api-prod",
                "/about",
                r#""tomoda-api-prod""#,
            ),
        ],
    ),
    case(
        &[
            "route",
            "api.tomoda.life",
            "--fail",
            "registry-prod",
            "--reschedule",
            "gke",
            "--json",
        ],
        0,
        &[
            Json("/verdict", r#""down""#),
            Has("/because", "registry-prod"),
            Has("/restarting", "gke"),
        ],
    ),
    case(
        &["route", "new.tomoda.life", "--json"],
        0,
        &[
            Json("/verdict", r#""no-record""#),
            Json("/record", "null"),
            Json("/hops", "[]"),
            NonEmpty("/nearby"),
        ],
    ),
    case(
        &["route", "new.tomoda.life"],
        0,
        &[Out("∅ no record"), Out("archsim dns new.tomoda.life")],
    ),
    // The words a reader sees are the book's ("at risk"); JSON keeps the
    // machine form ("at-risk").
    case(
        &["fail", "region-us-east-1"],
        0,
        &[Out("▲ at risk"), NotOut("at-risk")],
    ),
    case(
        &["fail", "region-us-east-1", "--json"],
        0,
        &[Find(
            "/flows",
            "flow",
            "assets.tomoda.life",
            "/state",
            r#""at-risk""#,
        )],
    ),
    case(
        &["route", "example.com", "--json"],
        2,
        &[Json("/error/kind", r#""outside-zone""#)],
    ),
    case(
        &["route", "example.com"],
        2,
        &[Err("outside the tomoda.life zone")],
    ),
    case(
        &["route", "bad host", "--json"],
        2,
        &[Json("/error/kind", r#""invalid-host""#)],
    ),
    case(
        &["route", "api.tomoda.life", "--fail", "cloudfrnt", "--json"],
        2,
        &[
            Json("/error/kind", r#""unknown-selector""#),
            Has("/error/suggestions", "cloudfront"),
        ],
    ),
    case(&["route"], 2, &[Err("HOST|URL")]),
    case(
        &["route", "--json"],
        2,
        &[
            Json("/error/kind", r#""usage""#),
            Says("/error/message", "not provided: <HOST|URL>"),
        ],
    ),
    // fail
    case(
        &["fail", "cloudfront", "--json"],
        0,
        &[
            Has("/failed", "cloudfront-prod"),
            Has("/failed", "cloudfront-dev"),
            Find(
                "/flows",
                "flow",
                "assets.tomoda.life",
                "/state",
                r#""down""#,
            ),
            Find(
                "/flows",
                "flow",
                "assets-dev.tomoda.life",
                "/state",
                r#""down""#,
            ),
            Find("/flows", "flow", "api.tomoda.life", "/state", r#""ok""#),
            Find(
                "/flows",
                "flow",
                "assets.tomoda.life",
                "/entry",
                r#""assets.tomoda.life""#,
            ),
            Find("/flows", "flow", "db-backup", "/entry", "null"),
        ],
    ),
    case(
        &["fail", "cloudfrnt", "--json"],
        2,
        &[
            Json("/error/kind", r#""unknown-selector""#),
            Has("/error/suggestions", "cloudfront"),
        ],
    ),
    case(
        &["fail", "cloudfrnt"],
        2,
        &[Err("did you mean `cloudfront`")],
    ),
    case(
        &["fail", "registry-outage-during-preemption", "--json"],
        0,
        &[
            Json("/scenarios", r#"["registry-outage-during-preemption"]"#),
            Has("/failed", "registry-prod"),
            Has("/restarting", "gke"),
            Find("/flows", "flow", "api.tomoda.life", "/state", r#""down""#),
            Find("/flows", "flow", "assets.tomoda.life", "/state", r#""ok""#),
        ],
    ),
    case(
        &["fail", "artifact-registry", "--json"],
        0,
        &[Find(
            "/flows",
            "flow",
            "api.tomoda.life",
            "/state",
            r#""at-risk""#,
        )],
    ),
    case(
        &["fail", "s3-assets-prod", "--json"],
        0,
        &[Find(
            "/flows",
            "flow",
            "assets.tomoda.life",
            "/state",
            r#""degraded""#,
        )],
    ),
    case(
        &["fail", "registry-outage-during-preemption"],
        0,
        &[
            Out("✖ down"),
            Out("Assumptions"),
            // The scenario's own assumption (the worst case) is under
            // every flow's answer, listed once.
            Out("? assumed [1,"),
            Out("] scenario registry-outage-during-preemption: "),
            Out("scenario"),
        ],
    ),
    case(
        &["fail", "cloudfront"],
        0,
        &[Out("✖ down"), Out("✓ checked"), Out("? assumed [")],
    ),
    case(&["fail"], 2, &[Err("name something to fail")]),
    case(&["fail", "--json"], 2, &[Json("/error/kind", r#""usage""#)]),
    // spof
    case(
        &["spof", "--json"],
        0,
        &[
            Find(
                "/flows",
                "flow",
                "assets.tomoda.life",
                "/entry",
                r#""assets.tomoda.life""#,
            ),
            NonEmpty("/flows/0/spof"),
        ],
    ),
    case(
        &["spof", "argocd-login", "--json"],
        0,
        &[
            Json("/flows/0/flow", r#""argocd-login""#),
            Json("/flows/0/entry", r#""argo-app.tomoda.life""#),
            Has("/flows/0/spof", "google-oauth"),
        ],
    ),
    case(
        &["spof", "https://assets.tomoda.life/", "--json"],
        0,
        &[
            Json("/flows/0/flow", r#""assets.tomoda.life""#),
            Has("/flows/0/spof", "cloudfront-prod"),
        ],
    ),
    case(
        &["spof", "db-backup", "--json"],
        0,
        &[Json("/flows/0/entry", "null")],
    ),
    case(
        &["spof", "argocd-logn", "--json"],
        2,
        &[
            Json("/error/kind", r#""unknown-flow""#),
            Has("/error/suggestions", "argocd-login"),
        ],
    ),
    // place
    case(
        &[
            "place",
            "--public-cacheable-assets",
            "--reached-from-cluster",
            "--json",
        ],
        0,
        &[
            Json("/verdict", r#""conflict""#),
            Json(
                "/answers",
                r#"["reached-from-cluster", "public-cacheable-assets"]"#,
            ),
            Json("/precedents/0/id", r#""photon-index-bucket""#),
            Json("/precedents/0/provider", r#""gcp""#),
            NonEmpty("/precedents/0/note"),
            Find("/rules", "id", "cluster-reach", "/role", r#""decided""#),
            Find("/rules", "id", "public-assets", "/role", r#""decided""#),
        ],
    ),
    case(
        &[
            "place",
            "--public-cacheable-assets",
            "--reached-from-cluster",
        ],
        0,
        &[
            Out("⚠ conflict"),
            Out("photon-index-bucket"),
            Out("placement:"),
        ],
    ),
    case(
        &["place", "--holds-state", "--json"],
        0,
        &[
            Json("/verdict", r#""gcp""#),
            Find("/rules", "id", "workload-home", "/role", r#""decided""#),
            Find(
                "/rules",
                "id",
                "workload-home",
                "/facts",
                r#"["F02", "F35"]"#,
            ),
        ],
    ),
    case(
        &["place", "--public-cacheable-assets", "--json"],
        0,
        &[Json("/verdict", r#""aws""#)],
    ),
    case(
        &["place", "--dns", "--runs-workload", "--json"],
        0,
        &[
            Json("/verdict", r#""cloudflare""#),
            Find("/rules", "id", "workload-home", "/role", r#""overridden""#),
            Find("/rules", "id", "dns-is-cloudflare", "/role", r#""decided""#),
        ],
    ),
    case(
        &["place", "--json"],
        0,
        &[
            Json("/verdict", r#""undecided""#),
            Json("/rules", "[]"),
            Json("/answers", "[]"),
        ],
    ),
    case(&["place"], 0, &[Out("--holds-state"), Out("? undecided")]),
    case(
        &[
            "place",
            "--answer",
            "holds-state",
            "--answer",
            "builds-images",
            "--json",
        ],
        0,
        &[
            Json("/verdict", r#""gcp""#),
            Json("/answers", r#"["holds-state", "builds-images"]"#),
        ],
    ),
    case(
        &["place", "--answer", "hold-state", "--json"],
        2,
        &[
            Json("/error/kind", r#""unknown-question""#),
            Has("/error/suggestions", "holds-state"),
        ],
    ),
    case(
        &["place", "--hold-state", "--json"],
        2,
        &[
            Json("/error/kind", r#""usage""#),
            Has("/error/suggestions", "--holds-state"),
        ],
    ),
    case(&["place", "--hold-state"], 2, &[Err("'--holds-state'")]),
    case(
        &["place", "--help"],
        0,
        &[Out("--holds-state"), Out("--audit")],
    ),
    case(
        &["place", "--audit", "--json"],
        0,
        &[
            Find(
                "/audit",
                "id",
                "acm-certificate-prod",
                "/status",
                r#""exception""#,
            ),
            Find(
                "/audit",
                "id",
                "acm-certificate-prod",
                "/region",
                r#""us-east-1""#,
            ),
            Find(
                "/audit",
                "id",
                "photon-index-bucket",
                "/status",
                r#""resolved""#,
            ),
            Find(
                "/audit",
                "id",
                "photon-index-bucket",
                "/verdict",
                r#""conflict""#,
            ),
            Find("/audit", "id", "gke", "/status", r#""fits""#),
            Find("/audit", "id", "gke", "/reason", "null"),
        ],
    ),
    case(&["place", "--audit", "--dns"], 2, &[Err("--audit")]),
    // a question whose id is a flag of place: answered with --answer
    with(
        &[CLASH],
        &[
            "--model",
            "clash.toml",
            "place",
            "--answer",
            "audit",
            "--json",
        ],
        0,
        &[
            Json("/answers", r#"["audit"]"#),
            Json("/verdict", r#""gcp""#),
        ],
    ),
    with(
        &[CLASH],
        &["--model", "clash.toml", "place", "--help"],
        0,
        &[
            Out("--answer <QUESTION>):\n  audit\n"),
            Out("Does it build or store container images?"),
        ],
    ),
    with(
        &[CLASH],
        &["--model", "clash.toml", "place"],
        0,
        &[Out("--answer audit"), NotOut("--audit")],
    ),
    // without a model there are no question flags: the model is the error
    case(
        &[
            "--model",
            "does-not-exist.toml",
            "place",
            "--holds-state",
            "--json",
        ],
        2,
        &[Json("/error/kind", r#""unreadable-model""#)],
    ),
    with(
        &[EMPTY],
        &["--model", "empty.toml", "place", "--holds-state", "--json"],
        2,
        &[
            Json("/error/kind", r#""invalid-model""#),
            NonEmpty("/error/diagnostics"),
        ],
    ),
    with(
        &[INVALID],
        &[
            "--model",
            "invalid.toml",
            "place",
            "--dns",
            "--holds-state",
            "--json",
        ],
        2,
        &[Json("/error/kind", r#""invalid-model""#)],
    ),
    with(
        &[INVALID],
        &[
            "--model",
            "invalid.toml",
            "place",
            "--holds-state",
            "--color",
            "always",
        ],
        2,
        &[
            Err("error[syntax]"),
            Err("cannot answer from `invalid.toml`"),
            Err("\u{1b}["),
        ],
    ),
    // dns
    case(
        &["dns", "www-dev.tomoda.life", "--json"],
        0,
        &[
            Json("/writer", r#""external-dns""#),
            Json("/owner_id", r#""k8s-dev""#),
            Json("/proxied", "false"),
            Json("/how_to_add", "[]"),
            Json("/records/0/type", r#""A""#),
        ],
    ),
    case(
        &["dns", "assets.tomoda.life", "--json"],
        0,
        &[
            Json("/writer", r#""terraform""#),
            Json("/source", r#""infrastructure/aws/cloudflare.tf""#),
            Json("/owner_id", "null"),
        ],
    ),
    case(
        &["dns", "new.tomoda.life", "--json"],
        0,
        &[
            Json("/writer", "null"),
            Json("/proxied", "null"),
            Json("/records", "[]"),
            Find(
                "/how_to_add",
                "writer",
                "terraform",
                "/writer",
                r#""terraform""#,
            ),
            Find(
                "/how_to_add",
                "writer",
                "external-dns",
                "/writer",
                r#""external-dns""#,
            ),
        ],
    ),
    case(
        &["dns", "new.tomoda.life"],
        0,
        &[Out("terraform"), Out("external-dns")],
    ),
    case(
        &["dns", "example.com", "--json"],
        2,
        &[Json("/error/kind", r#""outside-zone""#)],
    ),
    // check, list, scenarios
    case(&["check"], 0, &[Out("no errors")]),
    case(
        &["check", "--json"],
        0,
        &[Json("/ok", "true"), Json("/diagnostics", "[]")],
    ),
    case(
        &["list", "--json"],
        0,
        &[Find("/components", "id", "gke", "/name", r#""gke-tomoda""#)],
    ),
    case(&["list"], 0, &[Out("COMPONENT"), Out("gke-tomoda")]),
    case(
        &["list", "records", "--json"],
        0,
        &[Find(
            "/records",
            "host",
            "assets.tomoda.life",
            "/proxied",
            "false",
        )],
    ),
    case(
        &["list", "flows", "--json"],
        0,
        &[Find(
            "/flows",
            "id",
            "db-backup",
            "/path",
            r#"["cnpg", "backup-bucket"]"#,
        )],
    ),
    case(
        &["list", "providers", "--json"],
        0,
        &[Find(
            "/providers",
            "id",
            "gcp",
            "/home_region",
            r#""asia-east1""#,
        )],
    ),
    case(&["list", "recs"], 2, &[Err("possible values")]),
    case(
        &["list", "--model", "--json"],
        2,
        &[
            Json("/error/kind", r#""usage""#),
            Says("/error/message", "'--model <PATH>'"),
        ],
    ),
    case(
        &["scenarios", "--json"],
        0,
        &[Find(
            "/scenarios",
            "id",
            "cloudfront-outage",
            "/fail",
            r#"["cloudfront"]"#,
        )],
    ),
    case(&["scenarios"], 0, &[Out("spot-preemption")]),
    // export, gen
    case(&["export", "mermaid"], 0, &[Starts("flowchart LR")]),
    case(&["export", "dot"], 0, &[Starts("digraph")]),
    case(
        &["export", "mermaid", "--json"],
        0,
        &[Json("/format", r#""mermaid""#), NonEmpty("/text")],
    ),
    case(
        &["export", "json"],
        0,
        &[Json("/zone/name", r#""tomoda.life""#)],
    ),
    case(
        &["export", "pdf", "--json"],
        2,
        &[Json("/error/kind", r#""usage""#)],
    ),
    case(&["gen", "--components", "50", "--seed", "7"], 0, &[]),
    case(
        &["gen", "--components", "50", "--seed", "7", "--json"],
        0,
        &[Json("/seed", "7")],
    ),
    case(&["gen", "--components", "many"], 2, &[Err("many")]),
    case(
        &["gen", "--json"],
        2,
        &[Says("/error/message", "not provided: --components <N>")],
    ),
    case(&["gen", "--components", "39"], 2, &[Err("40..=100000")]),
    case(&["gen", "--components", "100001"], 2, &[Err("40..=100000")]),
    case(
        &["gen", "--components", "99999999999999", "--json"],
        2,
        &[Json("/error/kind", r#""usage""#)],
    ),
    // the command line itself
    case(&[], 2, &[Err("Usage")]),
    case(&["--help"], 0, &[Out("Usage"), Out("Exit codes")]),
    case(&["--version"], 0, &[Out("archsim")]),
    // help has no JSON form: text, with or without --json
    case(
        &["help", "--json"],
        0,
        &[Starts("Ask an architecture model"), Out("Commands:")],
    ),
    case(
        &["help", "route", "--json"],
        0,
        &[Out("Usage: archsim route [OPTIONS] <HOST|URL>")],
    ),
    case(&["rout", "x"], 2, &[Err("'route'")]),
    case(
        &["rout", "x", "--json"],
        2,
        &[Has("/error/suggestions", "route")],
    ),
    case(
        &[
            "--model",
            "does-not-exist.toml",
            "route",
            "api.tomoda.life",
            "--json",
        ],
        2,
        &[Json("/error/kind", r#""unreadable-model""#)],
    ),
    case(
        &["route", "api.tomoda.life", "--model=does-not-exist.toml"],
        2,
        &[Err("does-not-exist.toml"), Err("no such file")],
    ),
    case(
        &["--model", "does-not-exist.toml", "check"],
        2,
        &[Err("no such file")],
    ),
    case(
        &[
            "--model",
            "does-not-exist.toml",
            "gen",
            "--components",
            "40",
        ],
        0,
        &[],
    ),
    // colour
    case(
        &["route", "api.tomoda.life"],
        0,
        &[NotOut("\u{1b}["), Out("✔ ok")],
    ),
    case(
        &["route", "api.tomoda.life", "--color", "always"],
        0,
        &[Out("\u{1b}[")],
    ),
    Case {
        args: &["route", "api.tomoda.life", "--color", "always"],
        env: &[("NO_COLOR", "1")],
        files: &[],
        code: 0,
        expect: &[Out("\u{1b}[")],
    },
    Case {
        args: &["route", "api.tomoda.life", "--color", "auto"],
        env: &[("NO_COLOR", "1")],
        files: &[],
        code: 0,
        expect: &[NotOut("\u{1b}[")],
    },
    case(
        &["check", "--color", "sometimes"],
        2,
        &[Err("possible values")],
    ),
];

fn pointer<'a>(value: &'a Value, pointer: &str, args: &[&str]) -> &'a Value {
    value
        .pointer(pointer)
        .unwrap_or_else(|| panic!("{args:?}: no {pointer} in\n{value:#}"))
}

fn parse(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("bad expectation {text}: {e}"))
}

#[test]
fn every_command_and_error_path() {
    for case in CASES {
        let scratch = (!case.files.is_empty()).then(|| Scratch::new("case"));
        if let Some(scratch) = &scratch {
            for (name, text) in case.files {
                scratch.write(name, text().as_bytes());
            }
        }
        let run = run_in(scratch.as_ref().map(|s| s.0.as_path()), case.args, case.env);
        let args = case.args;
        assert_eq!(
            run.code, case.code,
            "{args:?}: exit code\nstdout:\n{}\nstderr:\n{}",
            run.stdout, run.stderr
        );
        for expect in case.expect {
            match *expect {
                Json(at, expected) => {
                    let json = run.json();
                    assert_eq!(pointer(&json, at, args), &parse(expected), "{args:?}: {at}");
                }
                Has(at, item) => {
                    let json = run.json();
                    let list = pointer(&json, at, args);
                    assert!(
                        list.as_array()
                            .is_some_and(|a| a.iter().any(|v| v.as_str() == Some(item))),
                        "{args:?}: {at} = {list} lacks {item}"
                    );
                }
                Find(at, key, value, field, expected) => {
                    let json = run.json();
                    let list = pointer(&json, at, args);
                    let found = list
                        .as_array()
                        .and_then(|a| a.iter().find(|v| v[key].as_str() == Some(value)))
                        .unwrap_or_else(|| panic!("{args:?}: no {key} = {value} in {at}"));
                    assert_eq!(
                        pointer(found, field, args),
                        &parse(expected),
                        "{args:?}: {at}[{key} = {value}]{field}"
                    );
                }
                NonEmpty(at) => {
                    let json = run.json();
                    let v = pointer(&json, at, args);
                    let empty = match v {
                        Value::Array(a) => a.is_empty(),
                        Value::String(s) => s.is_empty(),
                        _ => true,
                    };
                    assert!(!empty, "{args:?}: {at} is empty: {v}");
                }
                Says(at, text) => {
                    let json = run.json();
                    let v = pointer(&json, at, args);
                    assert!(
                        v.as_str().is_some_and(|s| s.contains(text)),
                        "{args:?}: {at} = {v} lacks {text:?}"
                    );
                }
                Out(text) => assert!(
                    run.stdout.contains(text),
                    "{args:?}: stdout lacks {text:?}:\n{}",
                    run.stdout
                ),
                NotOut(text) => assert!(
                    !run.stdout.contains(text),
                    "{args:?}: stdout has {text:?}:\n{}",
                    run.stdout
                ),
                Starts(text) => assert!(
                    run.stdout.starts_with(text),
                    "{args:?}: stdout does not start with {text:?}:\n{}",
                    run.stdout
                ),
                Err(text) => assert!(
                    run.stderr.contains(text),
                    "{args:?}: stderr lacks {text:?}:\n{}",
                    run.stderr
                ),
            }
        }
        // JSON errors go to stdout; a person's error message to stderr.
        if case.code == 2 && case.args.contains(&"--json") {
            assert!(
                run.json().get("error").is_some(),
                "{args:?}: no error object"
            );
        }
    }
}
