//! `fragment`: the shareable link's state in the URL fragment.

use archsim_web::fragment::{Parsed, parse, write};

/// Whatever a link says, writing what was read and reading it again gives
/// the same link with nothing ignored: parse ∘ write ∘ parse is stable.
pub fn check_fragment(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let Parsed::Current { fragment, .. } = parse(&text) else {
        return;
    };
    let written = write(&fragment);
    let Parsed::Current {
        fragment: again,
        problems,
    } = parse(&written)
    else {
        panic!("{text:?} was read, but its rewrite {written:?} is not a current fragment");
    };
    assert!(
        problems.is_empty(),
        "{written:?} (from {text:?}): {problems:?}"
    );
    assert_eq!(write(&again), written, "rewriting {text:?}");
    if fragment.view.is_none() {
        // Without a view (whose numbers are rounded when written) the state
        // itself survives.
        assert_eq!(again, fragment, "reading {written:?} back");
    }
}
