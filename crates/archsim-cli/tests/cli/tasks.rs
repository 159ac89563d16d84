//! The book's "Common tasks" page (`book/src/tasks.md`) shows model
//! snippets and what `archsim` answers once they are in the model; this
//! runs them, so the page cannot drift from the binary or the model.
//!
//! A ```toml block is appended to a copy of the shipped model, after the
//! hand edits its comments ask for (`# - add `HOST` to the `owns` of
//! writer `WRITER``, the words the propose widget's export uses). Each
//! ```console block after it runs against that copy, written at
//! `book/model/tomoda.toml` in a scratch git repository whose last commit
//! holds the shipped model (so `archsim diff book/model/tomoda.toml`
//! compares the change with it). In a console block, `$ archsim …` is a
//! command; the lines after it are lines its output must hold, in order,
//! trailing spaces aside; `…` stands for lines left out.

use std::path::Path;
use std::process::Command;

use crate::common::{Scratch, run_in, tomoda};

const MODEL: &str = "book/model/tomoda.toml";

/// One command of a console block and the lines it must print.
struct Example {
    command: String,
    lines: Vec<String>,
}

/// A ```toml block and the console examples that follow it.
struct Task {
    snippet: String,
    examples: Vec<Example>,
}

fn tasks(markdown: &str) -> Vec<Task> {
    let mut tasks: Vec<Task> = Vec::new();
    let mut lines = markdown.lines();
    while let Some(line) = lines.next() {
        match line.trim_end() {
            "```toml" => {
                let block: Vec<&str> = lines.by_ref().take_while(|l| l.trim() != "```").collect();
                tasks.push(Task {
                    snippet: block.join("\n"),
                    examples: Vec::new(),
                });
            }
            "```console" => {
                let block: Vec<&str> = lines.by_ref().take_while(|l| l.trim() != "```").collect();
                let task = tasks
                    .last_mut()
                    .expect("a console block follows a toml block");
                for l in block {
                    if let Some(command) = l.strip_prefix("$ ") {
                        task.examples.push(Example {
                            command: command.to_owned(),
                            lines: Vec::new(),
                        });
                    } else {
                        task.examples
                            .last_mut()
                            .expect("a console block starts with `$ archsim …`")
                            .lines
                            .push(l.trim_end().to_owned());
                    }
                }
            }
            _ => {}
        }
    }
    tasks
}

/// The model with the snippet's hand edits made and the snippet appended.
fn edited(model: &str, snippet: &str) -> String {
    let mut model = model.to_owned();
    for line in snippet.lines() {
        let Some(rest) = line.strip_prefix("# - add `") else {
            continue;
        };
        let (host, rest) = rest.split_once('`').expect("a host in backticks");
        let writer = rest
            .strip_prefix(" to the `owns` of writer `")
            .and_then(|w| w.strip_suffix('`'))
            .unwrap_or_else(|| panic!("a hand edit the test does not know: {line}"));
        let at = model
            .find(&format!("[[writer]]\nid = \"{writer}\""))
            .unwrap_or_else(|| panic!("no writer `{writer}` in the model"));
        let owns = at
            + model[at..]
                .find("owns = [")
                .expect("the writer lists hosts")
            + 8;
        model.insert_str(owns, &format!("\"{host}\", "));
    }
    model.push('\n');
    model.push_str(snippet);
    model.push('\n');
    model
}

/// Whether `expected` (with `…` for left-out lines) is an in-order
/// selection of `output`'s lines.
fn holds(expected: &[String], output: &str) -> Result<(), String> {
    let mut rest = output.lines().map(str::trim_end);
    for line in expected.iter().filter(|l| l.as_str() != "…") {
        if !rest.any(|actual| actual == line) {
            return Err(format!("`{line}` is not in the output (in order)"));
        }
    }
    Ok(())
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args([
            "-c",
            "user.name=archsim",
            "-c",
            "user.email=archsim@example.org",
        ])
        .args(args)
        .current_dir(dir)
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?} failed");
}

#[test]
fn the_tasks_page_shows_what_archsim_answers() {
    let page = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../book/src/tasks.md");
    let markdown = std::fs::read_to_string(page).expect("the book's tasks page");
    let tasks = tasks(&markdown);
    assert!(tasks.len() >= 3, "only {} snippets found", tasks.len());
    let shipped = tomoda();
    let mut wrong = Vec::new();
    for (i, task) in tasks.iter().enumerate() {
        assert!(
            !task.examples.is_empty(),
            "snippet {} has no console block",
            i + 1
        );
        let scratch = Scratch::new(&format!("tasks-{i}"));
        std::fs::create_dir_all(scratch.0.join("book/model")).expect("scratch folders");
        scratch.write(MODEL, shipped.as_bytes());
        git(&scratch.0, &["init", "-q"]);
        git(&scratch.0, &["add", MODEL]);
        git(&scratch.0, &["commit", "-q", "-m", "the shipped model"]);
        scratch.write(MODEL, edited(&shipped, &task.snippet).as_bytes());
        for example in &task.examples {
            let args: Vec<&str> = example
                .command
                .strip_prefix("archsim ")
                .unwrap_or_else(|| panic!("not an archsim command: {}", example.command))
                .split_whitespace()
                .collect();
            let out = run_in(Some(&scratch.0), &args, &[]);
            if out.code == 2 {
                wrong.push(format!("`{}`: bad input:\n{}", example.command, out.stderr));
            } else if let Err(problem) = holds(&example.lines, &out.stdout) {
                wrong.push(format!(
                    "snippet {}, `{}`: {problem}; the output:\n{}",
                    i + 1,
                    example.command,
                    out.stdout
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "book/src/tasks.md is out of date:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn an_example_holds_only_lines_the_output_has_in_order() {
    let output = "a\n  b  \nc\nd";
    let lines = |ls: &[&str]| ls.iter().map(|l| (*l).to_owned()).collect::<Vec<_>>();
    assert!(holds(&lines(&["a", "…", "c"]), output).is_ok());
    assert!(holds(&lines(&["  b", "d"]), output).is_ok());
    assert!(holds(&lines(&["c", "a"]), output).is_err());
    assert!(holds(&lines(&["b"]), output).is_err());
}

#[test]
fn a_hand_edit_adds_the_host_to_its_writer() {
    let model = "[[writer]]\nid = \"w\"\nowns = [\"a.example\"]\n";
    let out = edited(
        model,
        "# - add `b.example` to the `owns` of writer `w`\n[[x]]",
    );
    assert!(
        out.contains("owns = [\"b.example\", \"a.example\"]"),
        "{out}"
    );
    assert!(out.ends_with("[[x]]\n"));
}
