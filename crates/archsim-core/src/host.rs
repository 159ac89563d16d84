//! Host names: normalising what people type, zone membership, patterns.

/// Reduce a host or URL to a lower-case host name without a trailing dot.
///
/// Accepts `HTTPS://App.Tomoda.Life.:443/path?q#f`, `user@host`, `host:8080`
/// and plain hosts. Returns a sentence saying what is wrong otherwise.
///
/// Complexity: O(n) in the input's length.
#[allow(clippy::disallowed_macros)] // Errors for a malformed host name.
pub fn normalize(input: &str) -> Result<String, String> {
    let mut rest = input.trim();
    if let Some(i) = rest.find("://") {
        let scheme = &rest[..i];
        if scheme.is_empty()
            || !scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        {
            return Err(format!("`{scheme}` is not a URL scheme"));
        }
        rest = &rest[i + 3..];
    } else if let Some(stripped) = rest.strip_prefix("//") {
        rest = stripped;
    }
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    rest = &rest[..end];
    if let Some(at) = rest.rfind('@') {
        rest = &rest[at + 1..];
    }
    if rest.starts_with('[') {
        return Err("IP addresses are not hosts in a zone".into());
    }
    if let Some(colon) = rest.find(':') {
        let port = &rest[colon + 1..];
        if port.is_empty()
            || !port.chars().all(|c| c.is_ascii_digit())
            || port.len() > 5
            // Five digits compare as numbers do.
            || (port.len() == 5 && port > "65535")
        {
            return Err(format!("`{port}` is not a port (0 to 65535)"));
        }
        rest = &rest[..colon];
    }
    let host = rest.strip_suffix('.').unwrap_or(rest).to_ascii_lowercase();
    if host.is_empty() {
        return Err("the host is empty".into());
    }
    if let Some(bad) = host
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '*')))
    {
        let hint = if bad.is_ascii() {
            ""
        } else {
            " (write internationalised names in their xn-- form)"
        };
        return Err(format!("`{bad}` cannot appear in a host name{hint}"));
    }
    if host.len() > 253 {
        return Err("a host name is at most 253 characters long".into());
    }
    for label in host.split('.') {
        if label.is_empty() {
            return Err("a host name cannot start with a dot or have two in a row".into());
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err("no part of a host name starts or ends with a hyphen".into());
        }
        if label.len() > 63 {
            return Err(format!("the label `{label}` is longer than 63 characters"));
        }
    }
    if host
        .split('.')
        .all(|l| l.chars().all(|c| c.is_ascii_digit()))
    {
        return Err("IP addresses are not hosts in a zone".into());
    }
    Ok(host)
}

/// Whether `host` is the zone's apex or below it.
pub fn in_zone(host: &str, zone: &str) -> bool {
    host == zone
        || (host.len() > zone.len()
            && host.ends_with(zone)
            && host.as_bytes()[host.len() - zone.len() - 1] == b'.')
}

/// Whether `host` matches `pattern`, where `*` stands for any run of characters.
///
/// The text before the first `*` must start `host` and the text after the
/// last must end it; each piece between is then found, leftmost, in order.
///
/// Complexity: O(|pattern| + |host|) (`str::find` is linear).
pub fn matches(pattern: &str, host: &str) -> bool {
    let Some((head, last)) = pattern.rsplit_once('*') else {
        return pattern == host;
    };
    let (first, middle) = head.split_once('*').unwrap_or((head, ""));
    if host.len() < first.len() + last.len() || !host.ends_with(last) {
        return false;
    }
    let Some(mut rest) = host[..host.len() - last.len()].strip_prefix(first) else {
        return false;
    };
    for piece in middle.split('*').filter(|p| !p.is_empty()) {
        match rest.find(piece) {
            Some(at) => rest = &rest[at + piece.len()..],
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_cases() {
        let ok = [
            ("app.tomoda.life", "app.tomoda.life"),
            ("  APP.Tomoda.Life.  ", "app.tomoda.life"),
            (
                "https://assets.tomoda.life/img/logo.png?v=2#top",
                "assets.tomoda.life",
            ),
            ("http://api.tomoda.life:8443", "api.tomoda.life"),
            ("//www.tomoda.life/", "www.tomoda.life"),
            ("user:pw@argo-app.tomoda.life", "argo-app.tomoda.life"),
            ("api.tomoda.life?x=1", "api.tomoda.life"),
        ];
        for (input, expected) in ok {
            assert_eq!(normalize(input).as_deref(), Ok(expected), "{input}");
        }
        let bad = [
            "",
            "https://",
            "a..b",
            "host:port",
            "10.0.0.1",
            "[::1]:80",
            "bad host",
            "héllo.tomoda.life",
            "ht tp://x",
            "api.tomoda.life:99999",
            "-api.tomoda.life",
            "api-.tomoda.life",
            ".api.tomoda.life",
        ];
        for input in bad {
            assert!(normalize(input).is_err(), "{input} should be rejected");
        }
    }

    #[test]
    fn zone_and_patterns() {
        assert!(in_zone("tomoda.life", "tomoda.life"));
        assert!(in_zone("a.tomoda.life", "tomoda.life"));
        assert!(!in_zone("atomoda.life", "tomoda.life"));
        assert!(!in_zone("tomoda.life.evil.com", "tomoda.life"));
        assert!(matches(
            "_acm-validation.*.tomoda.life",
            "_acm-validation.assets.tomoda.life"
        ));
        assert!(matches("api.tomoda.life", "api.tomoda.life"));
        assert!(!matches("api.tomoda.life", "api-dev.tomoda.life"));
        assert!(matches("*", "anything"));
        assert!(!matches("a*b", "ac"));
    }

    /// The backtracking matcher this one replaced: quadratic, but plainly
    /// right. Both must agree on every short pattern and text.
    fn backtracking(pattern: &str, host: &str) -> bool {
        let (p, h) = (pattern.as_bytes(), host.as_bytes());
        let (mut pi, mut hi) = (0, 0);
        let mut star: Option<(usize, usize)> = None;
        while hi < h.len() {
            if pi < p.len() && p[pi] == b'*' {
                star = Some((pi, hi));
                pi += 1;
            } else if pi < p.len() && p[pi] == h[hi] {
                pi += 1;
                hi += 1;
            } else if let Some((sp, sh)) = star {
                pi = sp + 1;
                hi = sh + 1;
                star = Some((sp, sh + 1));
            } else {
                return false;
            }
        }
        p[pi..].iter().all(|&c| c == b'*')
    }

    /// Every word of up to `n` letters from `alphabet`.
    fn words(alphabet: &[char], n: usize) -> Vec<String> {
        let mut all = vec![String::new()];
        let mut last = vec![String::new()];
        for _ in 0..n {
            last = last
                .iter()
                .flat_map(|w| alphabet.iter().map(move |&c| format!("{w}{c}")))
                .collect();
            all.extend(last.iter().cloned());
        }
        all
    }

    #[test]
    fn linear_matcher_agrees_with_backtracking() {
        // Texts may hold a `*` too: the loader matches patterns against
        // patterns to find overlaps.
        let patterns = words(&['a', 'b', '*'], 5);
        let texts = words(&['a', 'b', '*'], 5);
        let mut matched = 0;
        for p in &patterns {
            for t in &texts {
                assert_eq!(matches(p, t), backtracking(p, t), "{p:?} on {t:?}");
                matched += usize::from(matches(p, t));
            }
        }
        assert!(matched > 1_000, "{matched}");
    }
}
