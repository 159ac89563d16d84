//! The binary: the `supports` handshake, `install`, the preprocessor
//! protocol, and a broken model failing the build with its diagnostics.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use mdbook_archsim::assets;
use mdbook_preprocessor::PreprocessorContext;
use mdbook_preprocessor::book::{Book, BookItem, Chapter};
use mdbook_preprocessor::config::Config;

const BIN: &str = env!("CARGO_BIN_EXE_mdbook-archsim");

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("binary-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn supports_handshake() {
    let cases = [
        ("html", Some(0)),
        ("markdown", Some(0)),
        ("epub", Some(0)),
        ("linkcheck", Some(1)),
        ("pdf-of-some-kind", Some(1)),
    ];
    for (renderer, code) in cases {
        let out = run(&["supports", renderer], b"");
        assert_eq!(out.status.code(), code, "supports {renderer}");
    }
    assert_eq!(run(&["frobnicate"], b"").status.code(), Some(2));
}

#[test]
fn install_writes_the_assets() {
    let dir = scratch("install");
    let book = "# The author's note.\n[book]\ntitle = \"Mine\"  # kept as written\n\n[output.html]\nadditional-css = [ \"mine.css\" ]\n";
    std::fs::write(dir.join("book.toml"), book).unwrap();
    let out = run(&["install", dir.to_str().unwrap()], b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for (path, content) in assets::files() {
        let written = std::fs::read_to_string(dir.join(path)).unwrap();
        assert_eq!(written, content, "{path}");
        assert!(assets::is_current(&written));
    }
    let edited = std::fs::read_to_string(dir.join("book.toml")).unwrap();
    assert!(
        edited.starts_with("# The author's note.\n[book]\ntitle = \"Mine\"  # kept as written\n"),
        "{edited}"
    );
    for needed in [
        "additional-css = [ \"mine.css\" , \"theme/archsim.css\"]",
        "additional-js = [\"theme/archsim-loader.js\"]",
        "[preprocessor.archsim]\ncommand = \"mdbook-archsim\"",
    ] {
        assert!(edited.contains(needed), "no {needed:?} in:\n{edited}");
    }
    // A second install leaves the file as the first wrote it.
    let again = run(&["install", dir.to_str().unwrap()], b"");
    assert!(again.status.success());
    assert_eq!(
        std::fs::read_to_string(dir.join("book.toml")).unwrap(),
        edited
    );
}

#[test]
fn install_outside_a_book_says_so_and_writes_nothing() {
    let dir = scratch("install-no-book");
    let out = run(&["install", dir.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("book.toml"), "{stderr}");
    assert!(!dir.join(assets::CSS_PATH).exists());
}

/// `[ctx, book]` as mdBook sends it, for a book rooted at `root`.
fn input(root: &Path, model: Option<&str>, pages: &[(&str, &str)]) -> Vec<u8> {
    let mut config = Config::default();
    if let Some(model) = model {
        config.set("preprocessor.archsim.model", model).unwrap();
    }
    let ctx = PreprocessorContext::new(root.to_path_buf(), config, "html".into());
    let mut book = Book::new();
    for (path, content) in pages {
        book.push_item(BookItem::Chapter(Chapter::new(
            path,
            (*content).to_owned(),
            path,
            Vec::new(),
        )));
    }
    serde_json::to_vec(&(ctx, book)).unwrap()
}

fn chapter_contents(book: &Book) -> Vec<String> {
    book.iter()
        .filter_map(|item| match item {
            BookItem::Chapter(c) => Some(c.content.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn preprocesses_a_book_with_the_embedded_model() {
    let root = scratch("embedded");
    let out = run(
        &[],
        &input(
            &root,
            None,
            &[(
                "a.md",
                "Hi {{#archsim claim dns=\"api.tomoda.life\" writer=\"external-dns\"}}\n\n{{#archsim route host=\"api.tomoda.life\"}}\n",
            )],
        ),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let book: Book = serde_json::from_slice(&out.stdout).expect("a book on stdout");
    let content = &chapter_contents(&book)[0];
    assert!(content.contains("class=\"archsim-claim\""));
    assert!(content.contains("data-archsim=\"route\""));
    assert!(!content.contains("{{#archsim"));
}

#[test]
fn reads_the_configured_model_relative_to_the_root() {
    let root = scratch("configured");
    let model = archsim_core::TOMODA_MODEL
        .replace("name = \"Tomoda API (prod)\"", "name = \"Renamed API\"");
    assert_ne!(model, archsim_core::TOMODA_MODEL, "the rename must apply");
    std::fs::create_dir_all(root.join("model")).unwrap();
    std::fs::write(root.join("model/m.toml"), &model).unwrap();
    let out = run(
        &[],
        &input(
            &root,
            Some("model/m.toml"),
            &[("a.md", "{{#archsim route host=\"api.tomoda.life\"}}")],
        ),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let book: Book = serde_json::from_slice(&out.stdout).unwrap();
    let content = &chapter_contents(&book)[0];
    assert!(
        content.contains("Renamed API"),
        "the configured model is used"
    );
    assert!(
        content.contains("data-model=\"#archsim-model\""),
        "and shipped to the widgets"
    );
}

#[test]
fn a_broken_model_fails_with_its_diagnostics() {
    let root = scratch("broken");
    let model = archsim_core::TOMODA_MODEL.replacen(
        "target = \"cloudfront-prod\"",
        "target = \"cloudfrnt-prod\"",
        1,
    );
    std::fs::write(root.join("m.toml"), &model).unwrap();
    let out = run(
        &[],
        &input(&root, Some("m.toml"), &[("a.md", "{{#archsim map}}")]),
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = model
        .lines()
        .position(|l| l.contains("cloudfrnt-prod"))
        .unwrap()
        + 1;
    assert!(
        stderr.contains(&format!("m.toml:{line}:")) && stderr.contains("error[unknown-reference]"),
        "{stderr}"
    );
    assert!(
        stderr.contains("did you mean `cloudfront-prod`"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn a_missing_model_is_a_clear_error() {
    let root = scratch("missing");
    let out = run(&[], &input(&root, Some("nope.toml"), &[("a.md", "x")]));
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("cannot read the model") && stderr.contains("nope.toml"),
        "{stderr}"
    );
}

#[test]
fn page_errors_fail_the_build_and_name_page_and_line() {
    let root = scratch("errors");
    let out = run(
        &[],
        &input(
            &root,
            None,
            &[
                ("ok.md", "fine"),
                ("one.md", "line 1\n{{#archsim rout host=\"x\"}}\n"),
                (
                    "two.md",
                    "\n\n{{#archsim claim fail=\"cloudfront\" ok=\"assets.tomoda.life\"}}",
                ),
            ],
        ),
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("src/one.md:2: unknown directive `rout`"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "src/two.md:3: claim does not hold: the model says assets.tomoda.life is down, not ok"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("2 errors"), "{stderr}");
}

#[test]
fn garbage_input_is_an_error_not_a_panic() {
    let out = run(&[], b"not json");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read mdBook's input"));
}

#[cfg(unix)]
#[test]
fn a_model_past_the_size_limit_is_an_error_read_no_further() {
    // An endless file: the preprocessor reads one byte past the limit.
    let root = scratch("endless");
    let out = run(
        &[],
        &input(&root, Some("/dev/zero"), &[("a.md", "{{#archsim map}}")]),
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let limit = archsim_core::load::MAX_MODEL_BYTES >> 20;
    assert!(
        stderr.contains(&format!(
            "the model /dev/zero is larger than the limit of {limit} MiB"
        )),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn input_past_the_size_limit_is_an_error() {
    let mut child = Command::new(BIN)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().unwrap();
    // The preprocessor stops reading at the limit: the rest may not be taken.
    let writer = std::thread::spawn(move || {
        let chunk = vec![b' '; 1 << 20];
        for _ in 0..=(mdbook_archsim::MAX_BOOK_BYTES >> 20) {
            if stdin.write_all(&chunk).is_err() {
                return;
            }
        }
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr
            .contains("mdBook's input (the whole book as JSON) is larger than the limit of 64 MiB"),
        "{stderr}"
    );
}

#[test]
fn model_diagnostics_show_control_characters_as_escapes() {
    let root = scratch("escapes");
    let model = archsim_core::TOMODA_MODEL.replacen(
        "target = \"cloudfront-prod\"",
        "target = \"cloudfront\\u001b]52;c;aGk=\\u0007-prod\"",
        1,
    );
    std::fs::write(root.join("m.toml"), &model).unwrap();
    let out = run(
        &[],
        &input(&root, Some("m.toml"), &[("a.md", "{{#archsim map}}")]),
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\u{7}'),
        "{stderr:?}"
    );
    assert!(
        stderr.contains("cloudfront\\u{1b}]52;c;aGk=\\u{7}-prod"),
        "{stderr}"
    );
}

#[test]
fn page_errors_show_control_characters_as_escapes() {
    let root = scratch("page-escapes");
    let out = run(
        &[],
        &input(
            &root,
            None,
            &[("a.md", "{{#archsim route host=\"\u{1b}[2Jx.tomoda.life\"}}")],
        ),
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
    assert!(stderr.contains("\\u{1b}[2Jx"), "{stderr}");
}
