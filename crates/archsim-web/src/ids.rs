//! Element ids inside a widget: each starts with the widget's page-unique
//! prefix (`archsim-w3`), so two widgets on one page never share an id.
//!
//! Written by appending, not with `format!`: an id is made at many places,
//! and a call here is the smallest code at each of them.

/// `uid` then `suffix`: `id("archsim-w3", "-details")` is
/// `archsim-w3-details`.
pub fn id(uid: &str, suffix: &str) -> String {
    [uid, suffix].concat()
}

/// `uid`, `infix`, then `n` in decimal: `numbered("archsim-w3", "-hop-", 2)`
/// is `archsim-w3-hop-2`.
pub fn numbered(uid: &str, infix: &str, n: usize) -> String {
    [uid, infix, &n.to_string()].concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_append_to_the_prefix() {
        assert_eq!(id("archsim-w3", "-details"), "archsim-w3-details");
        let cases = [
            (0, "archsim-w1-n0"),
            (7, "archsim-w1-n7"),
            (1234, "archsim-w1-n1234"),
        ];
        for (n, want) in cases {
            assert_eq!(numbered("archsim-w1", "-n", n), want);
        }
    }
}
