//! Running the real binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// What a run of `archsim` produced.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// stdout as JSON, or a failure that shows the output.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }

    /// Fail if the binary panicked.
    pub fn assert_no_panic(&self) {
        assert!(
            !self.stderr.contains("panicked"),
            "archsim panicked:\n{}",
            self.stderr
        );
    }
}

/// A command for the binary with a predictable environment: no colour
/// unless asked, the default width.
pub fn command(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_archsim"));
    command
        .args(args)
        .env_remove("NO_COLOR")
        .env_remove("COLUMNS");
    command
}

/// Run `archsim ARGS` in `dir` (or the test's working directory).
pub fn run_in(dir: Option<&Path>, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = command(args);
    if let Some(dir) = dir {
        command.current_dir(dir);
    }
    for (k, v) in env {
        command.env(k, v);
    }
    let Output {
        status,
        stdout,
        stderr,
    } = command.output().expect("archsim runs");
    let run = Run {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    };
    run.assert_no_panic();
    run
}

/// Run `archsim ARGS`.
pub fn run(args: &[&str]) -> Run {
    run_in(None, args, &[])
}

/// A fresh scratch directory for this test, removed on drop.
pub struct Scratch(pub PathBuf);

impl Scratch {
    pub fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("archsim-cli-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create scratch dir");
        Scratch(dir)
    }

    pub fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).expect("write scratch file");
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The shipped model's text.
pub fn tomoda() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../book/model/tomoda.toml");
    std::fs::read_to_string(path).expect("the shipped model is readable")
}
