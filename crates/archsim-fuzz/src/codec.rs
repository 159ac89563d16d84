//! `codec_decode`: bytes → a model, then every question on it.

use archsim_core::Engine;
use archsim_core::codec::{decode, encode};

use crate::everything::ask_everything;

/// Decode `data`; on success, re-encoding gives bytes that decode to the
/// same model (and encode to the same bytes), and every query, the layout
/// and every view run on it without a panic.
pub fn check_codec_decode(data: &[u8]) {
    let Ok(model) = decode(data) else {
        return;
    };
    let bytes = encode(&model);
    let again = decode(&bytes).expect("a re-encoded model decodes");
    assert_eq!(again, model, "decode ∘ encode is the identity");
    assert_eq!(encode(&again), bytes, "encoding is stable");
    ask_everything(&Engine::new(model, Vec::new()));
}
