//! The Content-Security-Policy the site is served with: the one text that
//! the static server sends (`cargo xtask serve`, the end-to-end tests) and
//! that the book's deployment notes print (a test holds them equal).
//!
//! The site writes no inline script and no inline style of its own; the
//! book's `theme/index.hbs` moves mdBook's inline scripts into files. What
//! the policy still allows beyond `'self'`, and why:
//!
//! - `'wasm-unsafe-eval'`: compiling the widgets' WebAssembly module;
//! - one hashed style attribute, with `'unsafe-hashes'`: the page break
//!   mdBook's print page writes between chapters (`break-before: page;
//!   page-break-before: always;`), which only that exact text matches;
//! - `data:` images, for icons a stylesheet may inline.

/// The policy, as one header value.
pub const POLICY: &str = "default-src 'self'; \
    script-src 'self' 'wasm-unsafe-eval'; \
    style-src 'self' 'unsafe-hashes' 'sha256-CGXxaj0DmoXwah0xVFENUQ9ibw0TQPsFwXrIP8xMjvc='; \
    img-src 'self' data:; \
    font-src 'self'; \
    connect-src 'self'; \
    object-src 'none'; \
    base-uri 'self'; \
    form-action 'self'; \
    frame-ancestors 'self'";

#[cfg(test)]
mod tests {
    use super::POLICY;

    /// The book's deployment notes print the policy the server sends.
    #[test]
    fn the_book_prints_the_policy_the_server_sends() {
        let page = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../book/src/reference/widgets.md"
        );
        let text = std::fs::read_to_string(page).expect("the widget reference exists");
        assert!(
            text.contains(POLICY),
            "{page} must print the policy, as one line:\n{POLICY}"
        );
    }
}
