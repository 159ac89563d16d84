//! Synthetic models shaped like a real one, for benchmarks and scale tests.

/// What to generate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SynthOptions {
    /// Number of components (at least 20).
    pub components: usize,
    /// Seed: the same options give the same model, byte for byte.
    pub seed: u64,
}

/// A model file (TOML text) with about `components` components and five
/// times as many edges. (Stub: implemented in the next step.)
pub fn generate(options: &SynthOptions) -> String {
    let _ = options;
    String::new()
}
