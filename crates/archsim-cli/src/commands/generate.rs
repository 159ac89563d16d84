//! `archsim gen --components N --seed S`: a synthetic model file.
//!
//! (`gen` is a reserved word in Rust 2024, hence the module's name.)

use archsim_core::synth::{SynthOptions, generate};
use clap::ArgMatches;

use super::{Answer, Ctx};
use crate::error::CliError;
use crate::json::{self, GenJson};

/// Print the generated TOML (it needs no model).
pub fn run(ctx: &Ctx, m: &ArgMatches) -> Result<Answer, CliError> {
    let options = SynthOptions {
        components: m
            .get_one::<u64>("components")
            .and_then(|&n| usize::try_from(n).ok())
            .unwrap_or(0),
        seed: m.get_one::<u64>("seed").copied().unwrap_or(0),
    };
    let text = generate(&options);
    if ctx.json {
        Ok(Answer::new(json::to_text(&GenJson {
            components: options.components,
            seed: options.seed,
            model: &text,
        })?))
    } else {
        Ok(Answer::new(text))
    }
}
