//! The model compiled into the bundle.
//!
//! `build.rs` loads `book/model/tomoda.toml` natively and stores the checked
//! model in the core's binary form, so the bundle needs no TOML parser for it.

/// The encoded Tomoda model.
pub static TOMODA: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/tomoda.model"));

/// The Tomoda model.
pub fn engine() -> Result<archsim_core::Engine, String> {
    archsim_core::Engine::from_encoded(TOMODA).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn equals_the_model_file() {
        let parsed = archsim_core::Engine::tomoda().expect("the shipped model loads");
        let embedded = super::engine().expect("the embedded model decodes");
        assert_eq!(
            embedded.model(),
            &archsim_core::codec::without_spans(parsed.model()),
            "the embedded model differs from book/model/tomoda.toml"
        );
    }
}
