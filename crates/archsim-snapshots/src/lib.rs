//! One snapshot convention for every crate of the workspace.
//!
//! A crate's snapshots are files in one folder (`tests/snapshots/`), each
//! written by one case of one test: [`check_all`] is given every case at
//! once, so it also knows which files no case writes any more (orphans).
//! Snapshots stay plain files of their own type (`.svg`, `.html`, `.txt`),
//! so a reviewer opens a map in a browser and reads a diff as is.
//!
//! After an intended change: `UPDATE_SNAPSHOTS=1 cargo test -p CRATE`
//! rewrites what differs, writes what is missing and deletes orphans; then
//! review the diff. Any other value of the variable (or none) checks.
#![deny(missing_docs)]

use std::path::Path;

/// The one variable that rewrites snapshots, in every crate.
pub const UPDATE_VAR: &str = "UPDATE_SNAPSHOTS";

/// Whether this run rewrites snapshots (`UPDATE_SNAPSHOTS=1`).
pub fn updating() -> bool {
    std::env::var_os(UPDATE_VAR).is_some_and(|v| v == "1")
}

/// Check every `(file name, actual text)` case against `dir/NAME`, and
/// that `dir` holds no file that no case names; panic with every problem
/// at once. With `UPDATE_SNAPSHOTS=1`, write what differs or is missing
/// and delete the orphans instead.
///
/// `dir` must exist; a case list that is empty, or names one file twice,
/// is a mistake in the test and fails it.
pub fn check_all<N: AsRef<str>, T: AsRef<str>>(
    dir: &Path,
    cases: impl IntoIterator<Item = (N, T)>,
) {
    let cases: Vec<(N, T)> = cases.into_iter().collect();
    let names: Vec<&str> = cases.iter().map(|(n, _)| n.as_ref()).collect();
    assert!(!names.is_empty(), "no snapshot cases for {}", dir.display());
    for (i, name) in names.iter().enumerate() {
        assert!(
            !names[..i].contains(name),
            "two cases write the snapshot {name}"
        );
    }
    let update = updating();
    let mut problems = Vec::new();
    for (name, actual) in &cases {
        let path = dir.join(name.as_ref());
        let actual = actual.as_ref();
        let expected = std::fs::read_to_string(&path).ok();
        let Some(problem) = compare(expected.as_deref(), actual) else {
            continue;
        };
        if update {
            std::fs::write(&path, actual)
                .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
            eprintln!("snapshot {} written", path.display());
        } else {
            problems.push(format!("{}: {problem}", path.display()));
        }
    }
    let on_disk = files(dir);
    for orphan in orphans(&on_disk, &names) {
        let path = dir.join(orphan);
        if update {
            std::fs::remove_file(&path)
                .unwrap_or_else(|e| panic!("cannot delete {}: {e}", path.display()));
            eprintln!("snapshot {} deleted: no case writes it", path.display());
        } else {
            problems.push(format!(
                "{}: no case writes this snapshot (an orphan); delete it",
                path.display()
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "{} snapshot problem(s); if the change is intended, run with {UPDATE_VAR}=1 and review the diff:\n\n{}",
        problems.len(),
        problems.join("\n\n")
    );
}

/// The names of the files in `dir` (not folders).
fn files(dir: &Path) -> Vec<String> {
    let entries = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("the snapshot folder {} cannot be read: {e}", dir.display()));
    entries
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect()
}

/// The files no case writes.
fn orphans<'a>(on_disk: &'a [String], names: &[&str]) -> Vec<&'a str> {
    let mut out: Vec<&str> = on_disk
        .iter()
        .map(String::as_str)
        .filter(|f| !names.contains(f))
        .collect();
    out.sort_unstable();
    out
}

/// What is wrong with a snapshot that holds `expected` (`None`: there is
/// none) when the test produced `actual`, if anything: the first line that
/// differs, both ways, cut to a window around its first differing column
/// (a page's fallback is one long line).
fn compare(expected: Option<&str>, actual: &str) -> Option<String> {
    let Some(expected) = expected else {
        return Some("missing".to_owned());
    };
    if expected == actual {
        return None;
    }
    let mut old = expected.lines();
    let mut new = actual.lines();
    let mut line = 1;
    loop {
        match (old.next(), new.next()) {
            (Some(a), Some(b)) if a == b => line += 1,
            (a, b) => {
                let column = match (a, b) {
                    (Some(a), Some(b)) => {
                        a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
                    }
                    _ => 0,
                };
                return Some(format!(
                    "differs from line {line}, column {}\n  snapshot: {}\n  actual:   {}",
                    column + 1,
                    window(a, column),
                    window(b, column)
                ));
            }
        }
    }
}

/// Up to 40 characters before `column` of `line` and 80 from it, quoted.
fn window(line: Option<&str>, column: usize) -> String {
    let Some(line) = line else {
        return "(end of text)".to_owned();
    };
    let start = column.saturating_sub(40);
    let shown: String = line.chars().skip(start).take(120).collect();
    let before = if start > 0 { "…" } else { "" };
    let after = if line.chars().count() > start + 120 {
        "…"
    } else {
        ""
    };
    format!("{before}{shown:?}{after}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compare_names_the_first_line_that_differs() {
        let cases: [(Option<&str>, &str, Option<&str>); 6] = [
            (Some("a\nb\n"), "a\nb\n", None),
            (None, "a", Some("missing")),
            (
                Some("a\nxb\n"),
                "a\nxc\n",
                Some("differs from line 2, column 2\n  snapshot: \"xb\"\n  actual:   \"xc\""),
            ),
            (
                Some("a\n"),
                "a\nb\n",
                Some("differs from line 2, column 1\n  snapshot: (end of text)\n  actual:   \"b\""),
            ),
            (
                Some("a\nb"),
                "a",
                Some("differs from line 2, column 1\n  snapshot: \"b\"\n  actual:   (end of text)"),
            ),
            // Only a trailing newline differs: the lines agree, the text does not.
            (
                Some("a\n"),
                "a",
                Some(
                    "differs from line 2, column 1\n  snapshot: (end of text)\n  actual:   (end of text)",
                ),
            ),
        ];
        for (expected, actual, problem) in cases {
            assert_eq!(
                compare(expected, actual).as_deref(),
                problem,
                "{expected:?} vs {actual:?}"
            );
        }
    }

    #[test]
    fn long_lines_are_shown_around_where_they_differ() {
        let old = format!("{}X{}", "a".repeat(100), "b".repeat(200));
        let new = format!("{}Y{}", "a".repeat(100), "b".repeat(200));
        let problem = compare(Some(&old), &new).expect("they differ");
        let expected = format!(
            "differs from line 1, column 101\n  snapshot: …\"{a}X{b}\"…\n  actual:   …\"{a}Y{b}\"…",
            a = "a".repeat(40),
            b = "b".repeat(79)
        );
        assert_eq!(problem, expected);
    }

    #[test]
    fn orphans_are_the_files_no_case_names() {
        let on_disk = [
            "b.svg".to_owned(),
            "a.txt".to_owned(),
            "old.txt".to_owned(),
            "x.html".to_owned(),
        ];
        assert_eq!(
            orphans(&on_disk, &["a.txt", "b.svg"]),
            ["old.txt", "x.html"]
        );
        assert!(orphans(&on_disk, &["a.txt", "b.svg", "old.txt", "x.html"]).is_empty());
    }

    #[test]
    fn check_all_fails_on_an_orphan_and_a_difference_at_once() {
        let dir = std::env::temp_dir().join(format!("archsim-snapshots-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("kept.txt"), "same\n").unwrap();
        std::fs::write(dir.join("changed.txt"), "old\n").unwrap();
        std::fs::write(dir.join("orphan.txt"), "nobody\n").unwrap();
        let failure = std::panic::catch_unwind(|| {
            check_all(&dir, [("kept.txt", "same\n"), ("changed.txt", "new\n")]);
        });
        let message = failure
            .expect_err("an orphan and a difference fail")
            .downcast::<String>()
            .map(|m| *m)
            .unwrap_or_default();
        assert!(message.contains("2 snapshot problem(s)"), "{message}");
        assert!(
            message.contains("orphan.txt: no case writes this snapshot"),
            "{message}"
        );
        assert!(
            message.contains("changed.txt: differs from line 1, column 1"),
            "{message}"
        );
        assert!(!message.contains("kept.txt"), "{message}");
        check_all(
            &dir,
            [
                ("kept.txt", "same\n"),
                ("changed.txt", "old\n"),
                ("orphan.txt", "nobody\n"),
            ],
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
