//! One side of `archsim diff`: a model file, or `REV:PATH` read from git.
//!
//! An argument that names an existing file is that file; otherwise one
//! with a `:` is `REV:PATH`, read with `git show REV:PATH` run in the
//! current directory (so `PATH` is from the repository's root, or from
//! the current directory when it starts with `./` or `../`, as git reads
//! it). Reading git's answer is capped like reading a file: one byte past
//! the core's limit.

use std::ffi::{OsStr, OsString};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use archsim_core::load::{MAX_MODEL_BYTES, Options};

use crate::error::CliError;
use crate::input::ModelInput;

/// What a side names.
#[derive(Debug, PartialEq, Eq)]
pub enum Side {
    /// A file on disk.
    File(OsString),
    /// `REV:PATH`: a file as a git revision has it.
    Git {
        /// The revision, as git reads it.
        rev: String,
        /// The path, as git reads it after the `:`.
        path: String,
    },
}

impl Side {
    /// What `arg` names (see the module's doc).
    pub fn parse(arg: &OsStr) -> Side {
        if Path::new(arg).exists() {
            return Side::File(arg.to_owned());
        }
        match arg.to_str().and_then(|s| s.split_once(':')) {
            Some((rev, path)) if !rev.is_empty() => Side::Git {
                rev: rev.to_owned(),
                path: path.to_owned(),
            },
            _ => Side::File(arg.to_owned()),
        }
    }

    /// NEW when only OLD is given: the working copy of a `REV:PATH`; for
    /// a plain file, OLD becomes the file as `HEAD` has it and NEW the
    /// file itself (what `git diff FILE` compares).
    pub fn pair(old: Side) -> Result<(Side, Side), CliError> {
        match old {
            Side::Git { rev, path } => {
                let new = if path.starts_with("./") || path.starts_with("../") {
                    PathBuf::from(&path)
                } else {
                    let root = toplevel().map_err(|mut e| {
                        e.message = [
                            "cannot find the working copy of `",
                            &crate::render::shown(&[rev.as_str(), ":", &path].concat()),
                            "`: ",
                            &e.message,
                        ]
                        .concat();
                        e
                    })?;
                    root.join(&path)
                };
                Ok((Side::Git { rev, path }, Side::File(new.into_os_string())))
            }
            Side::File(file) => {
                let path = file.to_string_lossy();
                if Path::new(&file).is_absolute() {
                    return Err(CliError::usage(format!(
                        "with one argument, give the file relative to the current directory \
                         (it is compared with `HEAD:./PATH`), or name both sides; `{}` is absolute",
                        crate::render::shown(&path)
                    )));
                }
                let old = Side::Git {
                    rev: "HEAD".to_owned(),
                    path: ["./", path.as_ref()].concat(),
                };
                Ok((old, Side::File(file)))
            }
        }
    }

    /// Read and load the side with `options`.
    pub fn read(&self, options: Options) -> Result<ModelInput, CliError> {
        match self {
            Side::File(path) => ModelInput::read_with(path, options),
            Side::Git { rev, path } => {
                let spec = [rev.as_str(), ":", path].concat();
                let bytes = show(&spec)?;
                Ok(ModelInput::from_bytes_with(spec, bytes, None, options))
            }
        }
    }
}

/// `git show SPEC`'s bytes, at most one past the core's limit.
fn show(spec: &str) -> Result<Vec<u8>, CliError> {
    if spec.starts_with('-') {
        return Err(CliError::new(
            "unreadable-model",
            format!(
                "`{}` is not REV:PATH: a revision does not start with `-`",
                crate::render::shown(spec)
            ),
        ));
    }
    let out = git(&["show", spec], MAX_MODEL_BYTES as u64 + 1)?;
    Ok(out)
}

/// The repository's root, for a `REV:PATH` whose working copy is NEW.
fn toplevel() -> Result<PathBuf, CliError> {
    let out = git(&["rev-parse", "--show-toplevel"], 4096)?;
    let text = String::from_utf8_lossy(&out);
    Ok(PathBuf::from(text.trim_end_matches(['\n', '\r'])))
}

/// Run git in the current directory and return what it printed (at most
/// `cap` bytes), or its complaint as an `unreadable-model` error.
fn git(args: &[&str], cap: u64) -> Result<Vec<u8>, CliError> {
    let what = ["git ", &args.join(" ")].concat();
    let shown = crate::render::shown(&what).into_owned();
    let mut child = Command::new("git")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            CliError::new(
                "unreadable-model",
                format!("cannot run `{shown}`: {e} (is git installed?)"),
            )
        })?;
    let mut bytes = Vec::new();
    let read = match child.stdout.take() {
        Some(stdout) => stdout.take(cap).read_to_end(&mut bytes).map(|_| ()),
        None => Ok(()),
    };
    if bytes.len() as u64 >= cap {
        // Past the cap: the rest is not wanted, so git need not finish.
        let _ = child.kill();
    }
    let mut complaint = String::new();
    if let Some(stderr) = child.stderr.take() {
        let _ = stderr.take(64 * 1024).read_to_string(&mut complaint);
    }
    let status = child
        .wait()
        .map_err(|e| CliError::new("unreadable-model", format!("`{shown}` did not finish: {e}")))?;
    if let Err(e) = read {
        return Err(CliError::new(
            "unreadable-model",
            format!("cannot read what `{shown}` printed: {e}"),
        ));
    }
    if !status.success() && (bytes.len() as u64) < cap {
        let said = complaint.lines().next().unwrap_or("").trim();
        let said = if said.is_empty() {
            status.to_string()
        } else {
            said.to_owned()
        };
        return Err(CliError::new(
            "unreadable-model",
            format!("`{shown}` failed: {}", crate::render::shown(&said)),
        ));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_argument_is_a_file_unless_it_is_rev_colon_path() {
        let cases: &[(&str, Side)] = &[
            (
                "main:book/model/tomoda.toml",
                Side::Git {
                    rev: "main".into(),
                    path: "book/model/tomoda.toml".into(),
                },
            ),
            (
                "HEAD~1:./m.toml",
                Side::Git {
                    rev: "HEAD~1".into(),
                    path: "./m.toml".into(),
                },
            ),
            ("m.toml", Side::File("m.toml".into())),
            (":m.toml", Side::File(":m.toml".into())),
            // An existing file wins, whatever its name holds.
            ("Cargo.toml", Side::File("Cargo.toml".into())),
        ];
        for (arg, side) in cases {
            assert_eq!(&Side::parse(OsStr::new(arg)), side, "{arg}");
        }
    }
}
