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
