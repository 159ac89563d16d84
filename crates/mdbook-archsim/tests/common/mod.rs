//! Helpers shared by the tests that build a real book with `mdbook`.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The `mdbook` binary: on PATH, or in `~/.cargo/bin` where `cargo xtask
/// test` installs it.
pub fn mdbook() -> PathBuf {
    let on_path = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .map(|d| d.join("mdbook"))
        .find(|p| p.is_file());
    let in_cargo = std::env::var_os("HOME")
        .map(|h| Path::new(&h).join(".cargo/bin/mdbook"))
        .filter(|p| p.is_file());
    on_path.or(in_cargo).expect(
        "`mdbook` is not installed: run `cargo install --locked mdbook --version 0.5.4` \
         (cargo xtask test does it for you)",
    )
}

/// `mdbook build BOOK --dest-dir DEST` with this crate's `mdbook-archsim`
/// first on PATH; `dest` is emptied first.
pub fn mdbook_build(book: &Path, dest: &Path) -> Output {
    let _ = std::fs::remove_dir_all(dest);
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_mdbook-archsim"))
        .parent()
        .unwrap()
        .to_path_buf();
    let path = std::env::join_paths(std::iter::once(bin_dir).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .unwrap();
    Command::new(mdbook())
        .arg("build")
        .arg(book)
        .arg("--dest-dir")
        .arg(dest)
        .env("PATH", path)
        .output()
        .expect("mdbook runs")
}

/// Every file under `dir`, recursively.
pub fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(dir) = todo.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                todo.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}
