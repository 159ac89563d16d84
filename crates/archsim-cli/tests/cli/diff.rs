//! `archsim diff`: two models compared through the binary, on hand-made
//! pairs written at test time, and sides read from git.

use serde_json::Value;

use crate::common::{Run, Scratch, run_in, tomoda};
use crate::snapshots::proxied_model;

/// `source` with `old` replaced by `new`; `old` must occur exactly once.
fn edit(source: &str, old: &str, new: &str) -> String {
    assert_eq!(source.matches(old).count(), 1, "{old:?} occurs once");
    source.replacen(old, new, 1)
}

/// The shipped model with CloudFront reading its bucket on every request
/// instead of from its cache.
pub fn cached_origin_model() -> String {
    edit(
        &tomoda(),
        "from = \"cloudfront-prod\"\nto = \"s3-assets-prod\"\nkind = \"cached\"",
        "from = \"cloudfront-prod\"\nto = \"s3-assets-prod\"\nkind = \"request\"",
    )
}

/// The shipped model with a search index the prod API reads on every
/// request: a proposal, so it says it is an assumption.
pub fn search_model() -> String {
    [
        tomoda().as_str(),
        "\n",
        include_str!("../../../archsim-core/tests/models/search-proposal.toml"),
    ]
    .concat()
}

/// The shipped model with the database backups moved to AWS (Tokyo), the
/// reason given: the bucket keeps data the cluster reaches, which the rule
/// puts on Google Cloud, so it becomes an exception.
pub fn backup_aws_model() -> String {
    edit(
        &tomoda(),
        "provider = \"gcp\"\nregion = \"asia-east1\"\nenv = \"shared\"\nsource = \"infrastructure/gcp/backup.tf\"",
        "provider = \"aws\"\nregion = \"ap-northeast-1\"\nenv = \"shared\"\nplacement = \"A proposal: backups kept away from the cluster's provider.\"\nsource = \"infrastructure/gcp/backup.tf\"",
    )
}

/// The shipped model with `www.tomoda.life` handed from external-dns to
/// Terraform: both writers' patterns and the record's writer changed.
pub fn www_terraform_model() -> String {
    let model = edit(
        &tomoda(),
        "owns = [\"assets.tomoda.life\", ",
        "owns = [\"www.tomoda.life\", \"assets.tomoda.life\", ",
    );
    let model = edit(
        &model,
        "\"app-dev.tomoda.life\", \"www.tomoda.life\", ",
        "\"app-dev.tomoda.life\", ",
    );
    edit(
        &model,
        "host = \"www.tomoda.life\"\ntype = \"A\"\ntarget = \"gcp-lb\"\nwriter = \"external-dns\"",
        "host = \"www.tomoda.life\"\ntype = \"A\"\ntarget = \"gcp-lb\"\nwriter = \"terraform\"",
    )
}

/// The shipped model with `www.tomoda.life` claimed by Terraform too,
/// which breaks `writers-disjoint`.
pub fn www_both_model() -> String {
    edit(
        &tomoda(),
        "owns = [\"assets.tomoda.life\", ",
        "owns = [\"www.tomoda.life\", \"assets.tomoda.life\", ",
    )
}

/// The shipped model with the www record pointing at a component it
/// lacks: a model that does not load.
pub fn unknown_target_model() -> String {
    edit(
        &tomoda(),
        "host = \"www.tomoda.life\"\ntype = \"A\"\ntarget = \"gcp-lb\"",
        "host = \"www.tomoda.life\"\ntype = \"A\"\ntarget = \"gcp-lbb\"",
    )
}

/// Markdown and HTML a model text may carry into a pull-request comment:
/// raw HTML, a link, an image, a table pipe, a code span, emphasis, a line
/// break with a heading after it, a terminal escape (TOML escapes), and
/// what GitHub would act on: a mention, an issue reference, bare links.
const HOSTILE_TOML: &str = r"<img src=x onerror=alert(1)> | [click](https://evil.example) ![i](https://evil.example/i.png) `x` *y* $z$ \\| a\n# heading\n</details>\u001b[31mRED @octocat ops@evil.example #1 GH-2 www.evil.example http://evil.example :+1:";

/// The search proposal with [`HOSTILE_TOML`] as the added component's
/// name and assumption, and the backups moved to AWS with it as their
/// reason (an exception: a placement change).
pub fn hostile_search_model() -> String {
    let hostile = ["\"", HOSTILE_TOML, "\""].concat();
    let moved = edit(
        &backup_aws_model(),
        "placement = \"A proposal: backups kept away from the cluster's provider.\"",
        &["placement = ", &hostile].concat(),
    );
    let search = search_model();
    let model = edit(
        &[moved.as_str(), &search[tomoda().len()..]].concat(),
        "name = \"Search index (prod)\"",
        &["name = ", &hostile].concat(),
    );
    edit(
        &model,
        "traits = [\"runs-workload\"]\nassumption = \"A proposal under review.\"",
        &["traits = [\"runs-workload\"]\nassumption = ", &hostile].concat(),
    )
}

/// The scratch folder the cases run in.
pub fn write_pairs(scratch: &Scratch) {
    scratch.write("tomoda.toml", tomoda().as_bytes());
    scratch.write("search.toml", search_model().as_bytes());
    scratch.write("cached-origin.toml", cached_origin_model().as_bytes());
    scratch.write("proxied.toml", proxied_model().as_bytes());
    scratch.write("hostile.toml", hostile_search_model().as_bytes());
    scratch.write("backup-aws.toml", backup_aws_model().as_bytes());
    scratch.write("www-terraform.toml", www_terraform_model().as_bytes());
    scratch.write("www-both.toml", www_both_model().as_bytes());
    scratch.write("unknown-target.toml", unknown_target_model().as_bytes());
}

struct Case {
    args: &'static [&'static str],
    /// Run in the crate's folder, inside the repository (for `REV:PATH`),
    /// rather than in the scratch folder.
    in_repo: bool,
    code: i32,
    /// (JSON pointer, JSON text) pairs the output must hold.
    json: &'static [(&'static str, &'static str)],
    /// Text stdout must contain.
    stdout: &'static [&'static str],
    /// Text stderr must contain.
    stderr: &'static [&'static str],
}

const NOTHING: &[(&str, &str)] = &[
    ("/changes/added", "[]"),
    ("/changes/removed", "[]"),
    ("/changes/changed", "[]"),
    ("/impact/flows", "[]"),
    ("/impact/spof", "[]"),
    ("/impact/placement", "[]"),
    ("/impact/dns", "[]"),
    ("/impact/invariants", "[]"),
    ("/impact/assumptions/added", "[]"),
    ("/impact/assumptions/removed", "[]"),
    ("/denied", "[]"),
];

const HEAD: &str = "HEAD:book/model/tomoda.toml";

const CASES: &[Case] = &[
    // www handed from external-dns to Terraform: its writer changes.
    Case {
        args: &["diff", "tomoda.toml", "www-terraform.toml", "--json"],
        in_repo: false,
        code: 0,
        json: &[
            (
                "/impact/dns",
                r#"[{"host": "www.tomoda.life", "change": "writer", "before": "external-dns",
                     "after": "terraform", "writers": []}]"#,
            ),
            ("/impact/flows", "[]"),
            ("/denied", "[]"),
        ],
        stdout: &[],
        stderr: &[],
    },
    Case {
        args: &["diff", "tomoda.toml", "www-terraform.toml"],
        in_repo: false,
        code: 0,
        json: &[],
        stdout: &[
            "3 changes, 0 flows change state, 0 new single points of failure, 1 DNS change\n",
            "~ record www.tomoda.life: writer",
            "DNS\n    www.tomoda.life  writer external-dns → terraform\n",
        ],
        stderr: &[],
    },
    Case {
        args: &[
            "diff",
            "tomoda.toml",
            "www-terraform.toml",
            "--format",
            "markdown",
        ],
        in_repo: false,
        code: 0,
        json: &[],
        stdout: &[
            "| DNS |  |  | 1 |\n",
            "<details><summary>DNS (1)</summary>",
            // A host is a bare link to GitHub: broken after `www`.
            "| www&#8203;.tomoda.life | writer external-dns → terraform |\n",
        ],
        stderr: &[],
    },
    // The backups move to AWS: an exception to the placement rule, which
    // placement-conflict denies.
    Case {
        args: &[
            "diff",
            "tomoda.toml",
            "backup-aws.toml",
            "--json",
            "--deny",
            "placement-conflict",
        ],
        in_repo: false,
        code: 1,
        json: &[
            (
                "/impact/placement",
                r#"[{"id": "backup-bucket", "before": "fits", "after": "exception", "reason": "A proposal: backups kept away from the cluster's provider."}]"#,
            ),
            ("/denied", r#"["placement-conflict"]"#),
        ],
        stdout: &[],
        stderr: &["--deny forbids: placement-conflict"],
    },
    Case {
        args: &["diff", "tomoda.toml", "backup-aws.toml"],
        in_repo: false,
        code: 0,
        json: &[],
        stdout: &[
            "1 change, ",
            ", 1 placement change",
            "Placement",
            "backup-bucket  fits → exception: A proposal: backups kept away",
        ],
        stderr: &[],
    },
    // The way back: the bucket fits again, which denies nothing.
    Case {
        args: &[
            "diff",
            "backup-aws.toml",
            "tomoda.toml",
            "--json",
            "--deny",
            "placement-conflict",
        ],
        in_repo: false,
        code: 0,
        json: &[
            (
                "/impact/placement",
                r#"[{"id": "backup-bucket", "before": "exception", "after": "fits", "reason": null}]"#,
            ),
            ("/denied", "[]"),
        ],
        stdout: &[],
        stderr: &[],
    },
    // A change without placement changes says nothing of placement.
    Case {
        args: &[
            "diff",
            "tomoda.toml",
            "search.toml",
            "--deny",
            "placement-conflict",
        ],
        in_repo: false,
        code: 0,
        json: &[],
        stdout: &["2 changes, 0 flows change state, 1 new single point of failure\n"],
        stderr: &[],
    },
    // Identical models: nothing changes, nothing is denied.
    Case {
        args: &[
            "diff",
            "tomoda.toml",
            "tomoda.toml",
            "--json",
            "--deny",
            "new-spof,flow-down,unsourced,placement-conflict,broken-invariant",
        ],
        in_repo: false,
        code: 0,
        json: NOTHING,
        stdout: &[],
        stderr: &[],
    },
    Case {
        args: &["diff", "tomoda.toml", "tomoda.toml"],
        in_repo: false,
        code: 0,
        json: &[],
        stdout: &["no change\n"],
        stderr: &[],
    },
    // The same as a pull-request comment: the verdict alone.
    Case {
        args: &[
            "diff",
            "tomoda.toml",
            "tomoda.toml",
            "--format",
            "markdown",
            "--deny",
            "new-spof,flow-down,unsourced",
        ],
        in_repo: false,
        code: 0,
        json: &[],
        stdout: &["**archsim diff**: no change\n"],
        stderr: &[],
    },
    // --format text is the default; --json is JSON and takes no --format.
    Case {
        args: &["diff", "tomoda.toml", "search.toml", "--format", "text"],
        in_repo: false,
        code: 0,
        json: &[],
        stdout: &["  2 changes, 0 flows change state, 1 new single point of failure\n"],
        stderr: &[],
    },
    Case {
        args: &[
            "diff",
            "tomoda.toml",
            "search.toml",
            "--json",
            "--format",
            "markdown",
        ],
        in_repo: false,
        code: 2,
        json: &[("/error/kind", r#""usage""#)],
        stdout: &["cannot be used with"],
        stderr: &[],
    },
    Case {
        args: &["diff", "tomoda.toml", "search.toml", "--format", "html"],
        in_repo: false,
        code: 2,
        json: &[],
        stdout: &[],
        stderr: &["'html'", "text", "markdown"],
    },
    // With the book's address, the summary links each part to its page.
    Case {
        args: &[
            "diff",
            "tomoda.toml",
            "cached-origin.toml",
            "--format",
            "markdown",
            "--book",
            "https://docs.example/tomoda",
        ],
        in_repo: false,
        code: 0,
        json: &[],
        stdout: &[
            "**[archsim diff](https://docs.example/tomoda/reference/cli.html#diff)**: 1 change, ",
            "| [flows that change state](https://docs.example/tomoda/failures.html) |  |  | 1 |\n",
            "| [single points of failure](https://docs.example/tomoda/spof.html) | 1 | 0 |  |\n",
            "| [DNS](https://docs.example/tomoda/dns.html) |  |  | 0 |\n",
        ],
        stderr: &[],
    },
    Case {
        args: &[
            "diff",
            "tomoda.toml",
            "cached-origin.toml",
            "--format",
            "markdown",
            "--book",
            "https://docs.example/a)[x](https://evil.example",
        ],
        in_repo: false,
        code: 2,
        json: &[],
        stdout: &[],
        stderr: &["--book wants the book's address"],
    },
    // Markdown keeps the exit codes: --deny still exits 1.
    Case {
        args: &[
            "diff",
            "tomoda.toml",
            "cached-origin.toml",
            "--format",
            "markdown",
            "--deny",
            "flow-down",
        ],
        in_repo: false,
        code: 1,
        json: &[],
        stdout: &["**denied**: the change introduces what `--deny` forbids: flow-down"],
        stderr: &[],
    },
    // A request-time dependency of the API on a new component: a new
    // single point of failure of the API's flow, and nothing else.
    Case {
        args: &["diff", "tomoda.toml", "search.toml", "--json"],
        in_repo: false,
        code: 0,
        json: &[
            (
                "/changes/added",
                r#"[{"table": "component", "id": "search-index-prod"},
                    {"table": "edge", "id": "tomoda-api-prod → search-index-prod"}]"#,
            ),
            ("/changes/changed", "[]"),
            ("/impact/flows", "[]"),
            (
                "/impact/spof",
                r#"[{"flow": "api.tomoda.life", "entry": "api.tomoda.life",
                     "added": ["search-index-prod"], "removed": []}]"#,
            ),
            (
                "/impact/assumptions/added/0/about",
                r#""search-index-prod""#,
            ),
            ("/denied", "[]"),
        ],
        stdout: &[],
        stderr: &[],
    },
    Case {
        args: &[
            "diff",
            "tomoda.toml",
            "search.toml",
            "--json",
            "--deny",
            "new-spof",
        ],
        in_repo: false,
        code: 1,
        json: &[("/denied", r#"["new-spof"]"#)],
        stdout: &[],
        stderr: &["--deny forbids: new-spof"],
    },
    Case {
        args: &["diff", "tomoda.toml", "search.toml", "--deny", "new-spof"],
        in_repo: false,
        code: 1,
        json: &[],
        stdout: &[
            "2 changes, 0 flows change state, 1 new single point of failure",
            "denied: the change introduces what --deny forbids: new-spof",
            "+ component search-index-prod",
            "api.tomoda.life  + search-index-prod",
        ],
        stderr: &[],
    },
    // The index is a proposal, assumed: unsourced denies it.
    Case {
        args: &[
            "diff",
            "tomoda.toml",
            "search.toml",
            "--json",
            "--deny",
            "flow-down,unsourced",
        ],
        in_repo: false,
        code: 1,
        json: &[("/denied", r#"["unsourced"]"#)],
        stdout: &[],
        stderr: &["--deny forbids: unsourced"],
    },
    // Only assumptions removed: nothing unsourced is added.
    Case {
        args: &[
            "diff",
            "search.toml",
            "tomoda.toml",
            "--json",
            "--deny",
            "unsourced,new-spof",
        ],
        in_repo: false,
        code: 0,
        json: &[
            ("/impact/assumptions/added", "[]"),
            (
                "/impact/assumptions/removed/1/about",
                r#""tomoda-api-prod → search-index-prod""#,
            ),
            ("/impact/spof/0/removed", r#"["search-index-prod"]"#),
            ("/denied", "[]"),
        ],
        stdout: &[],
        stderr: &[],
    },
    // No flow goes down with the index: flow-down does not deny it.
    Case {
        args: &["diff", "tomoda.toml", "search.toml", "--deny", "flow-down"],
        in_repo: false,
        code: 0,
        json: &[],
        stdout: &[],
        stderr: &[],
    },
    // CloudFront's origin edge from cached to request: the assets host
    // goes from degraded to down when its bucket fails.
    Case {
        args: &[
            "diff",
            "tomoda.toml",
            "cached-origin.toml",
            "--json",
            "--deny",
            "flow-down",
        ],
        in_repo: false,
        code: 1,
        json: &[
            (
                "/changes/changed",
                r#"[{"table": "edge", "id": "cloudfront-prod → s3-assets-prod", "fields": ["kind"]}]"#,
            ),
            (
                "/impact/flows/1",
                r#"{"flow": "assets.tomoda.life", "entry": "assets.tomoda.life",
                    "scenario": null, "failed": ["s3-assets-prod"],
                    "before": "degraded", "after": "down", "because": ["s3-assets-prod"]}"#,
            ),
            ("/impact/spof/0/added", r#"["s3-assets-prod"]"#),
            ("/denied", r#"["flow-down"]"#),
        ],
        stdout: &[],
        stderr: &["--deny forbids: flow-down"],
    },
    // The same in the terminal.
    Case {
        args: &["diff", "tomoda.toml", "cached-origin.toml"],
        in_repo: false,
        code: 0,
        json: &[],
        stdout: &[
            "~ edge cloudfront-prod → s3-assets-prod: kind",
            "assets.tomoda.life  s3-assets-prod fails",
            "◐ degraded  ✖ down",
        ],
        stderr: &[],
    },
    // Reversed, the change removes a single point of failure and brings
    // a flow back up: nothing to deny.
    Case {
        args: &[
            "diff",
            "cached-origin.toml",
            "tomoda.toml",
            "--json",
            "--deny",
            "new-spof,flow-down",
        ],
        in_repo: false,
        code: 0,
        json: &[
            ("/impact/spof/0/removed", r#"["s3-assets-prod"]"#),
            ("/impact/flows/1/after", r#""degraded""#),
            ("/denied", "[]"),
        ],
        stdout: &[],
        stderr: &[],
    },
    // Bad input: exit 2.
    Case {
        args: &["diff", "nope.toml", "tomoda.toml", "--json"],
        in_repo: false,
        code: 2,
        json: &[("/error/kind", r#""unreadable-model""#)],
        stdout: &["nope.toml"],
        stderr: &[],
    },
    // A side that does not load: its diagnostics, pointing into its text.
    Case {
        args: &["diff", "tomoda.toml", "unknown-target.toml"],
        in_repo: false,
        code: 2,
        json: &[],
        stdout: &[],
        stderr: &[
            "--> unknown-target.toml:",
            "| target = \"gcp-lbb\"",
            "cannot answer from `unknown-target.toml`",
        ],
    },
    Case {
        args: &["diff", "tomoda.toml", "unknown-target.toml", "--json"],
        in_repo: false,
        code: 2,
        json: &[("/error/kind", r#""invalid-model""#)],
        stdout: &[],
        stderr: &[],
    },
    // NEW breaking an invariant is a finding of the change, not bad
    // input: a record proxied breaks `dns-only`.
    Case {
        args: &["diff", "tomoda.toml", "proxied.toml"],
        in_repo: false,
        code: 0,
        json: &[],
        stdout: &[
            "1 change, 0 flows change state, 0 new single points of failure, 1 broken invariant\n",
            "~ record assets.tomoda.life: proxied",
            "Invariants the change breaks\n    ✖ dns-only (F04, F21): record `assets.tomoda.life` is proxied, line ",
        ],
        stderr: &[],
    },
    Case {
        args: &[
            "diff",
            "tomoda.toml",
            "proxied.toml",
            "--json",
            "--deny",
            "new-spof,broken-invariant",
        ],
        in_repo: false,
        code: 1,
        json: &[
            ("/impact/invariants/0/id", r#""dns-only""#),
            ("/impact/invariants/0/facts", r#"["F04", "F21"]"#),
            (
                "/impact/invariants/0/message",
                r#""record `assets.tomoda.life` is proxied""#,
            ),
            ("/impact/invariants/1", "null"),
            ("/denied", r#"["broken-invariant"]"#),
        ],
        stdout: &[],
        stderr: &["--deny forbids: broken-invariant"],
    },
    Case {
        args: &[
            "diff",
            "tomoda.toml",
            "proxied.toml",
            "--format",
            "markdown",
            "--deny",
            "broken-invariant",
        ],
        in_repo: false,
        code: 1,
        json: &[],
        stdout: &[
            "**denied**: the change introduces what `--deny` forbids: broken-invariant",
            "| invariants broken | 1 |  |  |\n",
            "<details><summary>Invariants the change breaks (1)</summary>",
            r"- dns-only \(F04, F21\): record \`assets.tomoda.life\` is proxied, line ",
        ],
        stderr: &[],
    },
    // A host both writers claim: the broken invariant and the DNS impact.
    Case {
        args: &["diff", "tomoda.toml", "www-both.toml", "--json"],
        in_repo: false,
        code: 0,
        json: &[
            (
                "/impact/dns",
                r#"[{"host": "www.tomoda.life", "change": "both-claim", "before": "external-dns",
                     "after": "external-dns", "writers": ["terraform", "external-dns"]}]"#,
            ),
            ("/impact/invariants/0/id", r#""writers-disjoint""#),
            ("/impact/invariants/1/id", r#""writers-disjoint""#),
            ("/denied", "[]"),
        ],
        stdout: &[],
        stderr: &[],
    },
    Case {
        args: &["diff", "proxied.toml", "tomoda.toml", "--json"],
        in_repo: false,
        code: 2,
        json: &[
            ("/error/kind", r#""invalid-model""#),
            ("/error/diagnostics/0/code", r#""invariant""#),
        ],
        stdout: &[],
        stderr: &[],
    },
    Case {
        args: &["diff", "tomoda.toml", "search.toml", "--deny", "new-spf"],
        in_repo: false,
        code: 2,
        json: &[],
        stdout: &[],
        stderr: &["'new-spf'", "a similar value exists: 'new-spof'"],
    },
    // Sides from git, in the repository (the test runs in the crate's
    // folder; a path after `REV:` is from the repository's root). Without
    // git or outside a repository these fail, loudly.
    Case {
        args: &["diff", HEAD, HEAD, "--json"],
        in_repo: true,
        code: 0,
        json: NOTHING,
        stdout: &[],
        stderr: &[],
    },
    Case {
        args: &[
            "diff",
            "no-such-rev-of-archsim:book/model/tomoda.toml",
            HEAD,
        ],
        in_repo: true,
        code: 2,
        json: &[],
        stdout: &[],
        stderr: &["error: `git show no-such-rev-of-archsim:book/model/tomoda.toml` failed"],
    },
    Case {
        args: &["diff", "HEAD:book/model/no-such-model.toml", "--json"],
        in_repo: true,
        code: 2,
        json: &[("/error/kind", r#""unreadable-model""#)],
        stdout: &["no-such-model.toml"],
        stderr: &[],
    },
];

fn run_case(scratch: &Scratch, case: &Case) -> Run {
    let dir = if case.in_repo {
        None
    } else {
        Some(scratch.0.as_path())
    };
    run_in(dir, case.args, &[])
}

#[test]
fn diff_cases() {
    let scratch = Scratch::new("diff");
    write_pairs(&scratch);
    let mut wrong = Vec::new();
    for case in CASES {
        let run = run_case(&scratch, case);
        let line = case.args.join(" ");
        let mut problems = Vec::new();
        if run.code != case.code {
            problems.push(format!("exit {} (wanted {})", run.code, case.code));
        }
        if !case.json.is_empty() {
            let out = run.json();
            for (pointer, text) in case.json {
                let want: Value = serde_json::from_str(text).expect("the case's JSON parses");
                let got = out.pointer(pointer).unwrap_or(&Value::Null);
                if *got != want {
                    problems.push(format!("{pointer} is {got}, wanted {want}"));
                }
            }
        }
        for text in case.stdout {
            if !run.stdout.contains(text) {
                problems.push(format!("stdout lacks {text:?}"));
            }
        }
        for text in case.stderr {
            if !run.stderr.contains(text) {
                problems.push(format!("stderr lacks {text:?}"));
            }
        }
        if !problems.is_empty() {
            wrong.push(format!(
                "`archsim {line}`: {}\n--- stdout\n{}--- stderr\n{}",
                problems.join("; "),
                run.stdout,
                run.stderr
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}

/// With one `REV:PATH`, NEW is the working copy of PATH; with one plain
/// file, OLD is HEAD's copy of it: the answer is the one for the two
/// sides named, whatever the working copy holds.
#[test]
fn one_rev_path_compares_with_the_working_copy() {
    let one = run_in(None, &["diff", HEAD, "--json"], &[]);
    let two = run_in(
        None,
        &["diff", HEAD, "../../book/model/tomoda.toml", "--json"],
        &[],
    );
    assert_eq!(
        (one.code, two.code),
        (0, 0),
        "{}\n{}",
        one.stderr,
        two.stderr
    );
    assert_eq!(one.json(), two.json());
    // A plain file alone is compared with HEAD's copy of it.
    let file = run_in(
        None,
        &["diff", "../../book/model/tomoda.toml", "--json"],
        &[],
    );
    assert_eq!(file.code, 0, "{}", file.stderr);
    assert_eq!(file.json(), two.json());
    // And NEW really is the working copy: naming another NEW differs.
    let scratch = Scratch::new("diff-one");
    let other = scratch.write("search.toml", search_model().as_bytes());
    let other = other.to_str().expect("the scratch path is UTF-8");
    let three = run_in(None, &["diff", HEAD, other, "--json"], &[]);
    assert_eq!(three.code, 0, "{}", three.stderr);
    assert_ne!(one.json()["changes"], three.json()["changes"]);
}

/// A hostile model text goes through the whole command as plain words:
/// no raw HTML, no link or image, no broken table, no heading, no
/// terminal escape; and the reader still reads what the model says.
#[test]
fn markdown_shows_hostile_model_texts_as_plain_words() {
    let scratch = Scratch::new("diff-hostile");
    write_pairs(&scratch);
    let run = run_in(
        Some(&scratch.0),
        &[
            "diff",
            "tomoda.toml",
            "hostile.toml",
            "--format",
            "markdown",
        ],
        &[],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = &run.stdout;
    assert!(
        out.contains(
            r"\<img src=x onerror=alert\(1\)\> \| \[click\]\(https:&#8203;//evil.example\)"
        ),
        "{out}"
    );
    assert!(
        out.contains(r"\\u{a}\#&#8203; heading\\u{a}\</details\>\\u{1b}\[31mRED @&#8203;octocat"),
        "{out}"
    );
    // Every `<`, `>`, `[`, `]`, `` ` ``, `$` and `!` from the model is
    // escaped: the only unescaped ones are the comment's own markup.
    let own = ["<details>", "<summary>", "</summary>", "</details>"];
    for line in out.lines() {
        let mut rest = line;
        for tag in own {
            rest = rest.strip_prefix(tag).unwrap_or(rest);
        }
        let rest = rest.replace("</summary>", "");
        let mut chars = rest.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => {
                    chars.next();
                }
                '<' | '>' | '[' | ']' | '`' | '$' | '!' => {
                    // The denied line quotes `--deny` in a code span.
                    assert!(
                        line.starts_with("**denied**") && c == '`',
                        "unescaped {c:?} in {line:?}"
                    );
                }
                _ => {}
            }
        }
        assert!(!line.starts_with('#'), "a heading: {line:?}");
        if line.starts_with("- ") {
            // A list item holds no unescaped pipe, star or underscore.
            let plain = line
                .replace("\\\\", "")
                .replace("\\|", "")
                .replace("\\*", "");
            assert!(!plain.contains(['|', '*']), "unescaped markup in {line:?}");
        }
        assert!(!line.contains('\u{1b}'), "a terminal escape: {line:?}");
        // Nothing pings, references an issue or links: each `@`, `#` and
        // `:` is followed by an invisible break, or a `:` by a space.
        // (A table's delimiter row is the comment's own, with its `--:`.)
        // The break, written as an entity, counts as one character.
        let theirs = if line.starts_with("|---") {
            String::new()
        } else {
            line.replace("&#8203;", "\u{200b}")
        };
        for (at, c) in theirs.match_indices(['@', '#', ':']) {
            let after = &theirs[at + 1..];
            assert!(
                after.starts_with('\u{200b}')
                    || (c == ":" && !after.starts_with(|n: char| !n.is_whitespace())),
                "an unbroken {c:?} in {line:?}"
            );
        }
        let lower = line.to_ascii_lowercase();
        assert!(
            !lower.contains("www.") && !lower.contains("gh-"),
            "a link in {line:?}"
        );
    }
    assert!(out.contains("ops@&#8203;evil.example"), "{out}");
    assert!(
        out.contains(
            r"\#&#8203;1 GH&#8203;-2 www&#8203;.evil.example http:&#8203;//evil.example :&#8203;+1:"
        ),
        "{out}"
    );
    // The placement section's row is one table row on one line.
    let rows: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with(r"| backup-bucket | fits | exception | \<img src=x"))
        .collect();
    assert_eq!(rows.len(), 1, "{out}");
    // The assumptions section's row is one list item on one line.
    let rows: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("- added search-index-prod: "))
        .collect();
    assert_eq!(rows.len(), 1, "{out}");
}
