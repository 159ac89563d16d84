//! "Did you mean …?": nearest names by edit distance.
//!
//! Case is folded for ASCII letters only. What is compared are ids, hosts
//! and selector words, which are ASCII (a host must be: internationalised
//! names are written in their `xn--` form); a non-ASCII letter compares as
//! written. Full Unicode case mapping would bring its tables (about 15 KB)
//! into the browser bundle for no answer that changes.

/// The longest word compared, in characters: ids are at most 64, hosts
/// 253. A longer word, wanted or offered, gets no near names.
pub const MAX_COMPARED_CHARS: usize = 256;

/// The most candidates looked at for one word.
pub const MAX_CANDIDATES: usize = 10_000;

/// The most cells of distance tables worked out for one word: what a
/// hostile list of long, similar candidates can cost, whatever its length.
const MAX_CELLS: usize = 1_000_000;

/// Edit distance between two strings (optimal string alignment: insertions,
/// deletions, substitutions and adjacent transpositions cost 1), by
/// characters, ignoring ASCII case.
///
/// Complexity: O(|a| · |b|) time, O(|b|) memory.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a = folded(a);
    let b = folded(b);
    distance_within(&a, &b, usize::MAX).unwrap_or(usize::MAX)
}

/// The characters of a word, ASCII case folded.
fn folded(word: &str) -> Vec<char> {
    word.chars().map(|c| c.to_ascii_lowercase()).collect()
}

/// The edit distance of `a` and `b`, or `None` as soon as it is sure to be
/// over `limit`. Three rows of the table (the one before the previous is
/// for transpositions), never the whole table.
fn distance_within(a: &[char], b: &[char], limit: usize) -> Option<usize> {
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut row: Vec<usize> = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        row[0] = i;
        let mut least = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (previous[j] + 1)
                .min(row[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(before[j - 2] + 1);
            }
            row[j] = best;
            least = least.min(best);
        }
        // Every later cell is at least the least of this row, less one per
        // transposition's skipped row: two rows over means over for good.
        if least > limit.saturating_add(1) {
            return None;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut row);
    }
    Some(previous[b.len()]).filter(|&d| d <= limit)
}

/// The candidates nearest to `wanted`, best first, at most `limit` of them.
///
/// A candidate qualifies when it is within a third of the longer length in
/// edit distance, or when one contains the other. Ties keep the candidates'
/// order. Words longer than [`MAX_COMPARED_CHARS`] are not compared; only
/// the first [`MAX_CANDIDATES`] candidates are looked at.
///
/// Complexity: O(candidates · [`MAX_COMPARED_CHARS`]) plus a fixed budget of
/// distance-table cells, whatever the words.
pub fn nearest<'a, I>(wanted: &str, candidates: I, limit: usize) -> Vec<String>
where
    I: IntoIterator<Item = &'a str>,
{
    // One body for every kind of candidate list: the suggester is called
    // from a dozen places, and a copy per caller cost the wasm bundle
    // about 1 KB each.
    nearest_in(wanted, &mut candidates.into_iter(), limit)
}

fn nearest_in(
    wanted: &str,
    candidates: &mut dyn Iterator<Item = &str>,
    limit: usize,
) -> Vec<String> {
    let Some(wanted_chars) = short(wanted) else {
        return Vec::new();
    };
    let wanted_lower = wanted.to_ascii_lowercase();
    let wanted_len = wanted_chars.len();
    let mut cells = MAX_CELLS;
    let mut scored: Vec<(usize, usize, &str)> = Vec::new();
    for (order, candidate) in candidates.take(MAX_CANDIDATES).enumerate() {
        // The same word in other case is the best suggestion of all, for
        // a lookup that is case-sensitive (ids are).
        if candidate == wanted {
            continue;
        }
        let Some(candidate_chars) = short(candidate) else {
            continue;
        };
        let candidate_len = candidate_chars.len();
        let longest = wanted_len.max(candidate_len);
        let apart = wanted_len.abs_diff(candidate_len);
        let lower = candidate.to_ascii_lowercase();
        let contains = !wanted_lower.is_empty()
            && wanted_lower.len() >= 3
            && (lower.contains(&wanted_lower) || wanted_lower.contains(&lower));
        let threshold = (longest + 1) / 3;
        let score = if contains {
            // One inside the other: the distance is the length difference.
            apart.min(longest / 2)
        } else if apart > threshold || cells < wanted_len * candidate_len {
            // Too far apart in length alone, or the budget is spent: skip
            // the quadratic distance.
            continue;
        } else {
            cells -= wanted_len * candidate_len;
            match distance_within(&wanted_chars, &candidate_chars, threshold) {
                Some(distance) => distance,
                None => continue,
            }
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

/// A word's folded characters, when it is short enough to compare.
fn short(word: &str) -> Option<Vec<char>> {
    // Bytes bound characters: a long word is turned away unread.
    if word.len() > 4 * MAX_COMPARED_CHARS {
        return None;
    }
    Some(folded(word)).filter(|chars| chars.len() <= MAX_COMPARED_CHARS)
}

/// " (did you mean `a` or `b`?)" for a message, or "" when there is nothing near.
#[allow(clippy::disallowed_macros)] // The did-you-mean hint of an error.
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
