//! The model a command answers from: the embedded one, or `--model PATH`
//! read as bytes and handed to the core, which checks size and encoding.
//!
//! Reading is the only file-system access archsim makes; the core never
//! touches files.

use std::borrow::Cow;
use std::ffi::OsStr;
use std::fs::File;
use std::io::{self, Read};

use archsim_core::load::{self, MAX_MODEL_BYTES, Options};
use archsim_core::{Diagnostic, Engine, TOMODA_MODEL, TOMODA_MODEL_FILE};

use crate::error::CliError;

/// A model file and what the loader made of it.
pub struct ModelInput {
    /// The file name diagnostics use.
    pub file: String,
    /// The file's bytes (at most one byte past the core's limit).
    pub bytes: Cow<'static, [u8]>,
    /// The engine, or the errors that stopped it.
    pub engine: Result<Engine, Vec<Diagnostic>>,
}

impl ModelInput {
    /// The embedded model.
    pub fn embedded() -> ModelInput {
        ModelInput {
            file: TOMODA_MODEL_FILE.to_owned(),
            bytes: Cow::Borrowed(TOMODA_MODEL.as_bytes()),
            engine: Engine::tomoda(),
        }
    }

    /// Read and load the model at `path`.
    ///
    /// Returns: the loaded input (a model with errors included: `check`
    /// reports them), or an `unreadable-model` error when the file cannot be
    /// read at all. Reads at most one byte more than the core accepts, so a
    /// huge file or an endless stream costs no more than that.
    pub fn read(path: &OsStr) -> Result<ModelInput, CliError> {
        ModelInput::read_with(path, Options::default())
    }

    /// [`ModelInput::read`], loading with `options`.
    pub fn read_with(path: &OsStr, options: Options) -> Result<ModelInput, CliError> {
        let file = path.to_string_lossy().into_owned();
        let unreadable = |error: io::Error| {
            CliError::new(
                "unreadable-model",
                format!("cannot read the model file `{file}`: {}", describe(&error)),
            )
        };
        let handle = File::open(path).map_err(unreadable)?;
        let size = handle
            .metadata()
            .ok()
            .filter(|m| m.is_file())
            .map(|m| m.len());
        let mut bytes = Vec::new();
        handle
            .take(MAX_MODEL_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(unreadable)?;
        Ok(ModelInput::from_bytes_with(file, bytes, size, options))
    }

    /// Load `bytes` (at most one byte past the core's limit) as the model
    /// file `file` with `options`; `size` is the whole file's size when known, for the
    /// message about a file that is too large.
    pub fn from_bytes_with(
        file: String,
        bytes: Vec<u8>,
        size: Option<u64>,
        options: Options,
    ) -> ModelInput {
        let loaded = load::load_bytes_with(&file, &bytes, options);
        let mut engine = Engine::from_loaded(loaded);
        if bytes.len() > MAX_MODEL_BYTES {
            // The core saw only the first bytes past its limit; say how big
            // the file really is.
            if let Err(diagnostics) = &mut engine {
                for d in diagnostics.iter_mut().filter(|d| d.code == "too-large") {
                    d.message = match size {
                        Some(size) => format!(
                            "the model file is {:.1} MiB; the limit is {} MiB",
                            size as f64 / 1048576.0,
                            MAX_MODEL_BYTES >> 20
                        ),
                        None => format!(
                            "the model is larger than the limit of {} MiB",
                            MAX_MODEL_BYTES >> 20
                        ),
                    };
                }
            }
        }
        ModelInput {
            file,
            bytes: Cow::Owned(bytes),
            engine,
        }
    }

    /// The source text, for snippets (invalid UTF-8 shown as `�`).
    pub fn source(&self) -> Cow<'_, str> {
        String::from_utf8_lossy(&self.bytes)
    }

    /// Every diagnostic: the errors of a model that did not load, or the
    /// warnings of one that did.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match &self.engine {
            Ok(engine) => engine.warnings(),
            Err(diagnostics) => diagnostics,
        }
    }
}

fn describe(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "no such file".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::IsADirectory => "it is a directory".into(),
        _ => error.to_string(),
    }
}
