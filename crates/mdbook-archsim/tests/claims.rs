//! `mdbook-archsim claims`: the book's claims against a proposed model.
//! The shipped book holds against the shipped model; a change of
//! CloudFront's origin edge from cached to request makes false exactly the
//! claims that say what losing the asset bucket does, each listed with its
//! page and line; bad input exits 2 with nothing on stdout.

use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_mdbook-archsim");

/// The repository's book.
fn book() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../book")
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("claims-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// `mdbook-archsim claims ARGS`, run in the book's folder (so pages are
/// named `src/…`, as the build names them).
fn claims(args: &[&str]) -> Run {
    let out = Command::new(BIN)
        .arg("claims")
        .args(args)
        .current_dir(book())
        .output()
        .expect("the binary runs");
    let run = Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run
}

/// The shipped model with CloudFront reading its bucket on every request
/// instead of from its cache, written to `dir`.
fn cached_origin(dir: &Path) -> PathBuf {
    let model = std::fs::read_to_string(book().join("model/tomoda.toml")).unwrap();
    let cached = "from = \"cloudfront-prod\"\nto = \"s3-assets-prod\"\nkind = \"cached\"";
    assert_eq!(model.matches(cached).count(), 1);
    let path = dir.join("cached-origin.toml");
    std::fs::write(
        &path,
        model.replacen(cached, &cached.replace("cached", "request"), 1),
    )
    .unwrap();
    path
}

/// Every line of the book's pages that opens a claim or a self-check
/// question (whose answer is checked as a claim), as `src/PAGE:LINE` with
/// the line's text.
fn claim_lines() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut folders = vec![PathBuf::from("src")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(book().join(&folder)).unwrap() {
            let name = folder.join(entry.unwrap().file_name());
            let path = book().join(&name);
            if path.is_dir() {
                folders.push(name);
            } else if name.extension().is_some_and(|e| e == "md") {
                let text = std::fs::read_to_string(&path).unwrap();
                for (i, line) in text.lines().enumerate() {
                    // A backslash shows a directive as it is written: not one.
                    let opens = |kind: &str| {
                        let directive = format!("{{{{#archsim {kind}");
                        line.matches(&directive).count()
                            > line.matches(&format!("\\{directive}")).count()
                    };
                    if opens("claim") || opens("predict") {
                        out.push((format!("{}:{}", name.display(), i + 1), line.to_owned()));
                    }
                }
            }
        }
    }
    assert!(out.len() > 20, "the book's claims were not found");
    out
}

#[test]
fn every_claim_of_the_shipped_book_holds_against_its_model() {
    for args in [&[][..], &["--model", "model/tomoda.toml"]] {
        let run = claims(args);
        assert_eq!(run.code, Some(0), "{args:?}: {}{}", run.stdout, run.stderr);
        assert_eq!(
            run.stdout,
            "Every claim of the book holds against model/tomoda.toml\n"
        );
    }
}

#[test]
fn a_cached_origin_turned_request_breaks_the_claims_of_a_degraded_asset_host() {
    let dir = scratch("cached-origin");
    let model = cached_origin(&dir);
    let run = claims(&["--model", model.to_str().unwrap()]);
    assert_eq!(run.code, Some(1), "{}{}", run.stdout, run.stderr);
    let listed: Vec<&str> = run
        .stdout
        .lines()
        .filter_map(|l| l.split(": ").next().filter(|at| at.starts_with("src/")))
        .collect();
    let lines = claim_lines();
    // Each listed place opens a claim about the asset host.
    for at in &listed {
        let line = lines
            .iter()
            .find(|(place, _)| place == at)
            .unwrap_or_else(|| panic!("{at} opens no claim"));
        assert!(line.1.contains("assets.tomoda.life"), "{at}: {}", line.1);
    }
    // Every claim that the asset host is degraded when its bucket is lost
    // is listed, with what the model now says.
    let degraded: Vec<&str> = lines
        .iter()
        .filter(|(_, text)| text.contains("assets.tomoda.life") && text.contains("degraded"))
        .map(|(at, _)| at.as_str())
        .collect();
    assert!(degraded.len() >= 2, "{degraded:?}");
    for at in &degraded {
        let said = run
            .stdout
            .lines()
            .find(|l| l.starts_with(&format!("{at}: ")))
            .unwrap_or_else(|| panic!("{at} is not listed:\n{}", run.stdout));
        let what = if said.starts_with(&format!("{at}: predict ")) {
            "the answer"
        } else {
            "claim"
        };
        assert!(
            said.contains(&format!(
                "{what} does not hold: the model says assets.tomoda.life is down, not degraded ("
            )),
            "{said}"
        );
    }
    // The tour's question about the Tokyo region is among them.
    assert!(
        degraded.iter().any(|at| run
            .stdout
            .contains(&format!("{at}: predict fail=\"region:ap-northeast-1\""))),
        "{}",
        run.stdout
    );
    // The asset host's single points of failure gain the bucket.
    assert!(
        run.stdout.contains(
            "the model says s3-assets-prod is a single point of failure of assets.tomoda.life"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.ends_with(&format!(
            "{} claims of the book do not hold against {}\n",
            listed.len(),
            model.display()
        )),
        "{}",
        run.stdout
    );

    let markdown = claims(&["--model", model.to_str().unwrap(), "--format", "markdown"]);
    assert_eq!(markdown.code, Some(1));
    assert!(markdown.stdout.starts_with(&format!(
        "**{} claims of the book do not hold against the proposed model**\n\n",
        listed.len()
    )));
    for at in &listed {
        assert!(
            markdown.stdout.contains(&format!("\n- `{at}` `claim "))
                || markdown.stdout.contains(&format!("\n- `{at}` `predict ")),
            "{at}:\n{}",
            markdown.stdout
        );
    }
}

#[test]
fn bad_input_exits_2_and_says_why() {
    let dir = scratch("bad");
    let broken = dir.join("broken.toml");
    let shipped = std::fs::read_to_string(book().join("model/tomoda.toml")).unwrap();
    std::fs::write(&broken, shipped.replacen("format = 1", "format = 2", 1)).unwrap();
    std::fs::write(dir.join("book.toml"), "[book]\nsrc = \"missing\"\n").unwrap();
    let broken = broken.to_str().unwrap();
    let no_pages = dir.to_str().unwrap();
    let empty = scratch("empty");
    // (arguments, what stderr says)
    let cases: [(&[&str], &str); 7] = [
        (
            &["--model", "nowhere.toml"],
            "cannot read the model nowhere.toml",
        ),
        (&["--model", broken], "error[unsupported-format]"),
        (&["--model"], "`--model` needs a value"),
        (&["--format", "html"], "unknown format `html`"),
        (&["--frobnicate"], "unknown argument `--frobnicate`"),
        (&["--book", no_pages], "cannot read the book's pages"),
        (
            &["--book", empty.to_str().unwrap()],
            "give the book's folder with --book",
        ),
    ];
    for (args, says) in cases {
        let run = claims(args);
        assert_eq!(run.code, Some(2), "{args:?}: {}{}", run.stdout, run.stderr);
        assert!(run.stdout.is_empty(), "{args:?}: {}", run.stdout);
        assert!(run.stderr.contains(says), "{args:?}: {}", run.stderr);
    }
}
