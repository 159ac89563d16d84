//! Edge kinds carry their meaning: every branch on a kind is a method of
//! `EdgeKind` (`src/kind.rs`) or the look of its line (`archsim-view`'s
//! `svg/legend.rs`), and the model reference lists every kind.

use std::path::{Path, PathBuf};

use archsim_core::EdgeKind;

/// The files that may branch on a kind.
const OWNERS: [&str; 2] = ["archsim-core/src/kind.rs", "archsim-view/src/svg/legend.rs"];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// A line that compares a kind with a variant, or matches on one.
fn branches_on_a_kind(line: &str) -> bool {
    let code = line.split("//").next().unwrap_or("");
    if code.contains("== EdgeKind::") || code.contains("!= EdgeKind::") {
        return true;
    }
    if code.contains("matches!(") && code.contains("EdgeKind::") {
        return true;
    }
    // A match arm: `EdgeKind::Cached =>` or `EdgeKind::Startup | …`.
    EdgeKind::ALL.iter().any(|k| {
        let variant = format!("EdgeKind::{k:?}");
        code.match_indices(&variant).any(|(at, _)| {
            let rest = code[at + variant.len()..].trim_start();
            rest.starts_with("=>") || rest.starts_with('|') || rest.starts_with("if ")
        })
    })
}

#[test]
fn the_detector_sees_comparisons_and_arms() {
    let cases = [
        ("if edge.kind == EdgeKind::Cached {", true),
        ("&& e.kind != EdgeKind::Request", true),
        (
            "matches!(kind, EdgeKind::Startup | EdgeKind::Background)",
            true,
        ),
        ("        EdgeKind::Request => 1,", true),
        (
            "        EdgeKind::Startup | EdgeKind::Background => {",
            true,
        ),
        (
            "        EdgeKind::Startup if restarting => dependency,",
            true,
        ),
        ("            kind: EdgeKind::Request,", false),
        ("    for kind in EdgeKind::ALL {", false),
        ("// edge.kind == EdgeKind::Cached, in a comment", false),
        ("if !edge.kind.hard() {", false),
    ];
    for (line, expected) in cases {
        assert_eq!(branches_on_a_kind(line), expected, "{line}");
    }
}

#[test]
fn only_the_kind_and_its_legend_branch_on_a_kind() {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for krate in std::fs::read_dir(&crates).expect("crates/ lists").flatten() {
        sources(&krate.path().join("src"), &mut files);
    }
    assert!(files.len() > 50, "found only {} source files", files.len());
    let mut found = Vec::new();
    for file in &files {
        let shown = file
            .strip_prefix(&crates)
            .unwrap_or(file)
            .to_string_lossy()
            .replace('\\', "/");
        if OWNERS.contains(&shown.as_str()) {
            continue;
        }
        let text = std::fs::read_to_string(file).expect("a source file reads");
        for (i, line) in text.lines().enumerate() {
            if branches_on_a_kind(line) {
                found.push(format!("{shown}:{}: {}", i + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "branch on what a kind means with a method of `EdgeKind` (archsim-core/src/kind.rs):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_model_reference_lists_every_kind() {
    let page = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../book/src/reference/model-file.md");
    let text = std::fs::read_to_string(&page).expect("the model reference reads");
    for kind in EdgeKind::ALL {
        let row = format!("| `{}` |", kind.as_str());
        assert!(text.contains(&row), "{} has no row {row}", page.display());
    }
}
