//! Names broken into lines that fit a node's box.

/// Break `text` into at most `max_lines` lines of at most `width`
/// characters: at spaces, else after a hyphen inside a long name
/// (`tomoda-db-backups-` / `development-485000`), else anywhere; an
/// ellipsis ends text that does not fit.
#[allow(clippy::disallowed_macros)] // Predates the rule: an ellipsis on a cut line.
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
        let keep: String = last.chars().take(width.saturating_sub(1)).collect();
        *last = format!("{}…", keep.trim_end());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_names_into_lines() {
        let cases: [(&str, usize, usize, &[&str]); 6] = [
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
                &["GCP external load", "balancer (Traefik…"],
            ),
            ("abcdefghij", 4, 2, &["abcd", "efg…"]),
            ("", 22, 2, &[]),
        ];
        for (text, width, lines, expected) in cases {
            assert_eq!(wrap(text, width, lines), expected, "wrapping {text:?}");
        }
    }
}
