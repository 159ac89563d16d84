//! The binary model form: lossless, and hostile bytes are an error, never a
//! panic or an engine with out-of-range ids.

mod common;

use archsim_core::synth::{SynthOptions, generate};
use archsim_core::*;
use common::*;

#[test]
fn round_trips_are_lossless() {
    let tomoda = engine().model().clone();
    let synthetic = load_str(
        "s.toml",
        &generate(&SynthOptions {
            components: 300,
            seed: 9,
        }),
    )
    .model
    .unwrap();
    for model in [tomoda, synthetic] {
        let bytes = codec::encode(&model);
        assert_eq!(codec::decode(&bytes).as_ref(), Ok(&model));
    }
}

#[test]
fn a_decoded_engine_answers_like_the_loaded_one() {
    let loaded = engine();
    let decoded = Engine::from_encoded(&codec::encode(loaded.model())).unwrap();
    let selection =
        select::select(loaded.model(), &["registry-outage-during-preemption"], &[]).unwrap();
    assert_eq!(loaded.simulate(&selection), decoded.simulate(&selection));
    assert_eq!(loaded.spof(), decoded.spof());
    for host in ["app.tomoda.life", "assets.tomoda.life", "nope.tomoda.life"] {
        assert_eq!(
            loaded.route(host, &selection),
            decoded.route(host, &selection)
        );
    }
}

#[test]
fn damaged_bytes_are_errors() {
    let bytes = codec::encode(engine().model());
    assert!(codec::decode(b"").is_err());
    assert!(
        codec::decode(b"ARCHSIM\x01rest").is_err(),
        "another version"
    );
    for cut in (0..bytes.len()).step_by(7) {
        assert!(codec::decode(&bytes[..cut]).is_err(), "truncated at {cut}");
    }
    let mut trailing = bytes.clone();
    trailing.push(0);
    assert!(codec::decode(&trailing).is_err());
    // Flip each byte in turn: either an error or a model whose every index
    // is in range (so an engine can be built and asked without panicking).
    for at in (8..bytes.len()).step_by(3) {
        let mut damaged = bytes.clone();
        damaged[at] ^= 0xA5;
        if let Ok(engine) = Engine::from_encoded(&damaged) {
            let _ = engine.simulate(&Selection::default());
            let _ = engine.spof();
        }
    }
}

#[test]
fn text_form_round_trips_and_rejects_garbage() {
    let model = engine().model().clone();
    let text = codec::encode_text(&model);
    assert!(
        !text.contains('<') && !text.contains('&'),
        "safe inside a <script> element"
    );
    assert_eq!(codec::decode_text(&text).as_ref(), Ok(&model));
    let wrapped: String = text
        .as_bytes()
        .chunks(76)
        .map(|l| std::str::from_utf8(l).unwrap())
        .collect::<Vec<_>>()
        .join("\n");
    assert_eq!(
        codec::decode_text(&wrapped).as_ref(),
        Ok(&model),
        "line breaks are ignored"
    );
    for garbage in ["", "not base64!", "QVJDSFNJTQ==", "<script>"] {
        assert!(codec::decode_text(garbage).is_err(), "{garbage}");
    }
}

#[test]
fn a_repeated_text_is_written_once() {
    let model = codec::without_spans(engine().model());
    // Every text of the model that is long enough to be worth a repeat,
    // with how often the model says it.
    let mut texts: Vec<&str> = model
        .edges
        .iter()
        .filter_map(|e| e.provenance.assumption.as_deref())
        .chain(model.components.iter().map(|c| c.name.as_str()))
        .filter(|t| t.len() >= 16)
        .collect();
    texts.sort_unstable();
    let repeated: Vec<&str> = texts
        .windows(2)
        .filter(|w| w[0] == w[1])
        .map(|w| w[0])
        .collect();
    assert!(
        !repeated.is_empty(),
        "the model repeats no long text: this test checks nothing"
    );
    let bytes = codec::encode(&model);
    for text in repeated {
        let times = bytes
            .windows(text.len())
            .filter(|w| *w == text.as_bytes())
            .count();
        assert_eq!(times, 1, "`{text}` is written {times} times");
    }
}
