//! Names broken into lines that fit a node's box.

/// Break `text` into at most `max_lines` lines of at most `width`
/// characters: at spaces, else after a hyphen inside a long name
/// (`tomoda-db-backups-` / `development-485000`), else anywhere; an
/// ellipsis ends text that does not fit.
pub fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    // Pieces: (text, starts a new word).
    let mut pieces: Vec<(String, bool)> = Vec::new();
    for word in text.split_whitespace() {
        let mut first = true;
        for part in word.split_inclusive('-') {
            let chars: Vec<char> = part.chars().collect();
            for chunk in chars.chunks(width.max(1)) {
                pieces.push((chunk.iter().collect(), first));
                first = false;
            }
        }
    }
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut rest = pieces.len();
    for (piece, new_word) in &pieces {
        let len = current.chars().count();
        let sep = usize::from(new_word & (len > 0));
        if len > 0 && len + sep + piece.chars().count() > width {
            lines.push(std::mem::take(&mut current));
            if lines.len() == max_lines {
                break;
            }
        }
        if *new_word && !current.is_empty() {
            current.push(' ');
        }
        current.push_str(piece);
        rest -= 1;
    }
    if lines.len() < max_lines && !current.is_empty() {
        lines.push(current);
    }
    if rest > 0
        && let Some(last) = lines.last_mut()
    {
        *last = cut(last, width);
    }
    lines
}

/// `line` cut to at most `width` characters with an ellipsis, at a word's
/// end when the line has a break before it (a space, or after a hyphen),
/// and with a parenthesis the cut leaves open closed after the ellipsis:
/// `balancer (Traefik…)`. What a cut name shows is then the name's own
/// words, and a reader who speaks to the page names a node by them (its
/// accessible name starts with the name; axe checks that it holds the
/// words shown, whole, leaving out what is in parentheses). One long word
/// is cut where it must be.
fn cut(line: &str, width: usize) -> String {
    let chars: Vec<char> = line.chars().collect();
    let breaks_at = |i: usize| chars[i] == ' ' || chars[i - 1] == '-';
    // The end of the last whole word within `n` characters.
    let end_within = |n: usize| {
        let end = chars.len().min(n);
        if end < chars.len() && end > 0 && !breaks_at(end) {
            (1..end).rev().find(|&i| breaks_at(i)).unwrap_or(end)
        } else {
            end
        }
    };
    let open = |end: usize| {
        let opened = chars[..end].iter().filter(|&&c| c == '(').count();
        opened > chars[..end].iter().filter(|&&c| c == ')').count()
    };
    let end = end_within(width.saturating_sub(1));
    let (end, close) = if open(end) {
        let end = end_within(width.saturating_sub(2));
        (end, open(end))
    } else {
        (end, false)
    };
    let kept: String = chars[..end].iter().collect();
    let mut out = kept.trim_end().to_owned();
    out.push('…');
    if close {
        out.push(')');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_names_into_lines() {
        let cases: [(&str, usize, usize, &[&str]); 9] = [
            ("User", 22, 2, &["User"]),
            (
                "CloudNativePG (PostgreSQL)",
                22,
                2,
                &["CloudNativePG", "(PostgreSQL)"],
            ),
            (
                "tomoda-db-backups-development-485000",
                22,
                2,
                &["tomoda-db-backups-", "development-485000"],
            ),
            (
                "GCP external load balancer (Traefik LoadBalancer)",
                22,
                2,
                &["GCP external load", "balancer (Traefik…)"],
            ),
            // A cut ends at a word's end, or after a hyphen.
            (
                "Photon index bucket region west",
                13,
                2,
                &["Photon index", "bucket…"],
            ),
            (
                "certificate-manager-certificate-assets",
                16,
                2,
                &["certificate-", "manager-…"],
            ),
            // A parenthesis a cut leaves open is closed.
            (
                "ACM certificate (assets-dev.tomoda.life)",
                22,
                2,
                &["ACM certificate", "(assets-…)"],
            ),
            ("abcdefghij", 4, 2, &["abcd", "efg…"]),
            ("", 22, 2, &[]),
        ];
        for (text, width, lines, expected) in cases {
            assert_eq!(wrap(text, width, lines), expected, "wrapping {text:?}");
        }
    }
}
