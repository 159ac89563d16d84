//! One stable sort for the whole workspace.
//!
//! `slice::sort_by` is generic: every element type and comparator gets its
//! own copy of the standard library's sort, a few kilobytes each, and the
//! browser bundle downloads every copy. These helpers sort through a single
//! non-generic merge sort over indices ([`sort_indices`]); the generic part
//! left per call site is a comparator and a swap. Use them instead of
//! `sort*` and `BTreeSet`/`BTreeMap` collects on anything the widgets reach.
//!
//! Every sort here is stable (equal elements keep their order) and takes
//! O(n log n) comparisons, O(n) on input that is already sorted.

use std::cmp::Ordering;

/// The indices `0..n` in sorted order: `cmp(a, b)` compares the elements at
/// indices `a` and `b`. Stable: indices of equal elements stay ascending.
///
/// A bottom-up merge sort; runs that are already in order are merged with a
/// single comparison.
/// Complexity: O(n log n) comparisons and O(n) extra memory.
pub fn sort_indices(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    if n < 2 {
        return order;
    }
    let mut buffer = vec![0usize; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            merge(
                &order[start..mid],
                &order[mid..end],
                &mut buffer[start..end],
                cmp,
            );
            start = end;
        }
        std::mem::swap(&mut order, &mut buffer);
        width *= 2;
    }
    order
}

/// Merge two sorted runs into `out`, the left run first among equals.
fn merge(
    left: &[usize],
    right: &[usize],
    out: &mut [usize],
    cmp: &mut dyn FnMut(usize, usize) -> Ordering,
) {
    if let (Some(&last), Some(&first)) = (left.last(), right.first())
        && cmp(last, first) != Ordering::Greater
    {
        // Already in order.
        out[..left.len()].copy_from_slice(left);
        out[left.len()..].copy_from_slice(right);
        return;
    }
    let (mut i, mut j) = (0, 0);
    for slot in out.iter_mut() {
        let take_right = i == left.len() || (j < right.len() && cmp(right[j], left[i]).is_lt());
        if take_right {
            *slot = right[j];
            j += 1;
        } else {
            *slot = left[i];
            i += 1;
        }
    }
}

/// Rearrange a sequence so that position `k` holds what was at `order[k]`,
/// by following the permutation's cycles with `swap(a, b)`.
///
/// Complexity: O(n) swaps.
fn permute(mut order: Vec<usize>, swap: &mut dyn FnMut(usize, usize)) {
    const DONE: usize = usize::MAX;
    for start in 0..order.len() {
        let mut at = start;
        while order[at] != DONE {
            let next = order[at];
            order[at] = DONE;
            if next != start {
                swap(at, next);
            }
            at = next;
        }
    }
}

/// Sort `v` stably with a comparator, like `slice::sort_by`.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let order = sort_indices(v.len(), &mut |a, b| cmp(&v[a], &v[b]));
    permute(order, &mut |a, b| v.swap(a, b));
}

/// Sort `v` stably by a key, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sort `v` stably, like `slice::sort`.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so the tests need no dependency.
    fn numbers(n: usize, seed: u64, range: u64) -> Vec<u64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % range
            })
            .collect()
    }

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        for n in [0, 1, 2, 3, 7, 8, 9, 31, 64, 100, 1000] {
            for (seed, range) in [(1, 3), (7, 10), (42, 1000), (99, u64::MAX)] {
                // (key, original position): stability shows in the positions.
                let input: Vec<(u64, usize)> = numbers(n, seed, range)
                    .into_iter()
                    .enumerate()
                    .map(|(i, k)| (k, i))
                    .collect();
                let mut expected = input.clone();
                expected.sort_by_key(|&(k, _)| k);
                let mut got = input.clone();
                sort_by_key(&mut got, |&(k, _)| k);
                assert_eq!(got, expected, "n = {n}, seed = {seed}");
                let mut reversed = input.clone();
                sort_by(&mut reversed, |a, b| b.0.cmp(&a.0));
                let mut expected = input;
                expected.sort_by_key(|&(k, _)| std::cmp::Reverse(k));
                assert_eq!(reversed, expected, "n = {n}, seed = {seed}, descending");
            }
        }
    }

    #[test]
    fn sorted_and_reversed_input() {
        let mut up: Vec<u32> = (0..500).collect();
        sort(&mut up);
        assert!(up.windows(2).all(|w| w[0] < w[1]));
        let mut down: Vec<u32> = (0..500).rev().collect();
        sort(&mut down);
        assert_eq!(down, up);
        let mut words = vec!["pear", "apple", "fig", "apple"];
        sort(&mut words);
        assert_eq!(words, ["apple", "apple", "fig", "pear"]);
    }

    #[test]
    fn indices_of_equal_elements_stay_ascending() {
        let keys = [2, 1, 2, 1, 0];
        let order = sort_indices(keys.len(), &mut |a, b| keys[a].cmp(&keys[b]));
        assert_eq!(order, [4, 1, 3, 0, 2]);
    }
}
