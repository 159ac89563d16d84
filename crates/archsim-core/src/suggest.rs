//! "Did you mean …?": nearest names by edit distance.
//!
//! Case is folded for ASCII letters only. What is compared are ids, hosts
//! and selector words, which are ASCII (a host must be: internationalised
//! names are written in their `xn--` form); a non-ASCII letter compares as
//! written. Full Unicode case mapping would bring its tables (about 15 KB)
//! into the browser bundle for no answer that changes.

/// Edit distance between two strings (optimal string alignment: insertions,
/// deletions, substitutions and adjacent transpositions cost 1), by
/// characters, ignoring ASCII case.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().map(|c| c.to_ascii_lowercase()).collect();
    let b: Vec<char> = b.chars().map(|c| c.to_ascii_lowercase()).collect();
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    for i in 0..=a.len() {
        d[i * width] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1)
                .min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = best;
        }
    }
    d[a.len() * width + b.len()]
}

/// The candidates nearest to `wanted`, best first, at most `limit` of them.
///
/// A candidate qualifies when it is within a third of the longer length in
/// edit distance, or when one contains the other. Ties keep the candidates'
/// order.
///
/// Complexity: O(n · |wanted| · |candidate|).
pub fn nearest<'a, I>(wanted: &str, candidates: I, limit: usize) -> Vec<String>
where
    I: IntoIterator<Item = &'a str>,
{
    let wanted_lower = wanted.to_ascii_lowercase();
    let wanted_len = wanted.chars().count();
    let mut scored: Vec<(usize, usize, &str)> = Vec::new();
    for (order, candidate) in candidates.into_iter().enumerate() {
        // The same word in other case is the best suggestion of all, for
        // a lookup that is case-sensitive (ids are).
        if candidate == wanted {
            continue;
        }
        let candidate_len = candidate.chars().count();
        let longest = wanted_len.max(candidate_len);
        let apart = wanted_len.abs_diff(candidate_len);
        let lower = candidate.to_ascii_lowercase();
        let contains = !wanted_lower.is_empty()
            && wanted_lower.len() >= 3
            && (lower.contains(&wanted_lower) || wanted_lower.contains(&lower));
        let score = if contains {
            // One inside the other: the distance is the length difference.
            apart.min(longest / 2)
        } else if apart * 3 > longest + 1 {
            // Too far apart in length alone; skip the quadratic distance.
            continue;
        } else {
            let distance = edit_distance(wanted, candidate);
            if distance * 3 > longest + 1 {
                continue;
            }
            distance
        };
        scored.push((score, order, candidate));
    }
    // Stable, and pushed in candidate order: ties keep the candidates' order.
    crate::order::sort_by_key(&mut scored, |&(score, _, _)| score);
    let mut out: Vec<String> = Vec::new();
    for (_, _, candidate) in scored {
        if !out.iter().any(|c| c == candidate) {
            out.push(candidate.to_owned());
        }
        if out.len() == limit {
            break;
        }
    }
    out
}

/// " (did you mean `a` or `b`?)" for a message, or "" when there is nothing near.
pub fn did_you_mean(suggestions: &[String]) -> String {
    match suggestions {
        [] => String::new(),
        [one] => format!("did you mean `{one}`?"),
        [init @ .., last] => {
            let init: Vec<String> = init.iter().map(|s| format!("`{s}`")).collect();
            format!("did you mean {} or `{last}`?", init.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        let cases = [
            ("", "", 0),
            ("abc", "abc", 0),
            ("kitten", "sitting", 3),
            ("GKE", "gke", 0),
            ("a", "", 1),
        ];
        for (a, b, d) in cases {
            assert_eq!(edit_distance(a, b), d, "{a} vs {b}");
        }
    }

    #[test]
    fn nearest_finds_typos_and_fragments() {
        let names = [
            "cloudfront-prod",
            "cloudfront-dev",
            "gke",
            "redis",
            "s3-assets-prod",
        ];
        assert_eq!(
            nearest("cloudfront-prd", names, 2),
            ["cloudfront-prod", "cloudfront-dev"]
        );
        assert_eq!(nearest("redsi", names, 3), ["redis"]);
        // Ids are case-sensitive: the same id in other case comes first.
        assert_eq!(nearest("GKE", names, 3), ["gke"]);
        assert_eq!(nearest("cloudfront-PROD", names, 1), ["cloudfront-prod"]);
        assert!(nearest("gke", names, 3).is_empty());
        // Far longer than every name: nothing near, and no quadratic work.
        assert!(nearest(&"x".repeat(100_000), names, 3).is_empty());
        assert!(nearest("zzzzzz", names, 3).is_empty());
        assert_eq!(
            did_you_mean(&["a".into(), "b".into()]),
            "did you mean `a` or `b`?"
        );
    }
}
