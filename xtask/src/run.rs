//! Running commands with the project's tool folders on PATH, and timing steps.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// The workspace root (the parent of this crate).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

/// Where cargo puts what it builds: `CARGO_TARGET_DIR` when set (as
/// cargo reads it), else the workspace's `target/`.
pub fn cargo_target() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => root().join(dir),
        _ => root().join("target"),
    }
}

/// Where project-local tools live (git-ignored).
pub fn tools_dir() -> PathBuf {
    root().join(".tools")
}

/// PATH with cargo's bin folder and the project's tool folders first.
pub fn path_env() -> String {
    let home = std::env::var("HOME").unwrap_or_else(|_| "/root".into());
    let mut parts = vec![
        tools_dir().join("node_modules/.bin").display().to_string(),
        tools_dir().join("bin").display().to_string(),
        format!("{home}/.cargo/bin"),
    ];
    if let Ok(path) = std::env::var("PATH") {
        parts.push(path);
    }
    parts.join(":")
}

/// A command in the workspace root with the tool PATH.
pub fn cmd(program: &str) -> Command {
    let mut c = Command::new(program);
    c.current_dir(root()).env("PATH", path_env());
    c
}

/// Run a command, failing with its description when it fails.
pub fn exec(command: &mut Command) -> Result<(), String> {
    let shown = describe(command);
    let status = command
        .status()
        .map_err(|e| format!("cannot start `{shown}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

/// Tests counted across every test runner of a task.
#[derive(Debug, Default)]
pub struct Tally {
    pub passed: u64,
    pub failed: u64,
}

/// Run a test command, echoing its output, and add up its
/// `test result: … N passed; M failed` lines.
pub fn exec_tests(command: &mut Command, tally: &mut Tally) -> Result<(), String> {
    use std::io::{BufRead, BufReader};
    let shown = describe(command);
    let mut child = command
        .stdout(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start `{shown}`: {e}"))?;
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            println!("{line}");
            if let Some(rest) = line.strip_prefix("test result: ") {
                tally.passed += count(rest, " passed");
                tally.failed += count(rest, " failed");
            }
        }
    }
    let status = child.wait().map_err(|e| format!("`{shown}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

/// The number before `word` in a libtest summary (`ok. 3 passed; 0 failed; …`).
fn count(summary: &str, word: &str) -> u64 {
    summary
        .split(';')
        .find_map(|part| part.trim_end().strip_suffix(word))
        .and_then(|n| n.rsplit(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// Run a command and capture its standard output, or None when it cannot run or fails.
pub fn output(command: &mut Command) -> Option<String> {
    let out = command.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn describe(command: &Command) -> String {
    let mut s = command.get_program().to_string_lossy().into_owned();
    for a in command.get_args() {
        s.push(' ');
        s.push_str(&a.to_string_lossy());
    }
    s
}

/// Run `f` as a named step, printing its duration.
pub fn step<T>(name: &str, f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    println!("\n==> {name}");
    let start = Instant::now();
    let result = f();
    let secs = start.elapsed().as_secs_f64();
    match &result {
        Ok(_) => println!("<== {name}: done in {secs:.1}s"),
        Err(e) => println!("<== {name}: FAILED after {secs:.1}s: {e}"),
    }
    result
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn counts_libtest_summaries() {
        let cases = [
            (
                "ok. 34 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.21s",
                34,
                0,
            ),
            (
                "FAILED. 9 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out",
                9,
                1,
            ),
            (
                "ok. 13 passed; 0 failed; 0 ignored; 0 filtered out; finished in 2.26s",
                13,
                0,
            ),
            ("garbage", 0, 0),
        ];
        for (summary, passed, failed) in cases {
            assert_eq!(
                (count(summary, " passed"), count(summary, " failed")),
                (passed, failed),
                "{summary}"
            );
        }
    }
}
