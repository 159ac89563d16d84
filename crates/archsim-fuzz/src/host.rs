//! `host`: what people type as a host or URL.

use archsim_core::host::normalize;

/// Normalising is idempotent and gives at most 253 characters.
pub fn check_host(data: &[u8]) {
    let input = String::from_utf8_lossy(data);
    if let Ok(host) = normalize(&input) {
        assert!(host.len() <= 253, "{} characters: {host:?}", host.len());
        assert_eq!(
            normalize(&host).as_ref(),
            Ok(&host),
            "normalising {input:?} again"
        );
    }
}
