//! The `writers-disjoint` invariant: no host is claimed by two writers,
//! and each record's writer claims it.

use std::collections::HashMap;

use crate::diag::{About, Span};
use crate::host;
use crate::model::Model;
use crate::order;

/// Patterns of the writers: exact hosts by text, and those with a `*`.
struct Patterns<'m> {
    /// Exact pattern → its writers, in model order.
    exact: HashMap<&'m str, Vec<usize>>,
    /// (writer, pattern) for every pattern with a `*`.
    wild: Vec<(usize, &'m str)>,
}

impl<'m> Patterns<'m> {
    fn new(model: &'m Model) -> Patterns<'m> {
        let mut exact: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut wild = Vec::new();
        for (w, writer) in model.writers.iter().enumerate() {
            for pattern in &writer.owns {
                if pattern.contains('*') {
                    wild.push((w, pattern.as_str()));
                } else {
                    let writers = exact.entry(pattern.as_str()).or_default();
                    if writers.last() != Some(&w) {
                        writers.push(w);
                    }
                }
            }
        }
        Patterns { exact, wild }
    }

    /// The writers with a pattern that covers `host`, in model order.
    fn claimants(&self, host: &str) -> Vec<usize> {
        let mut out = self.exact.get(host).cloned().unwrap_or_default();
        out.extend(
            self.wild
                .iter()
                .filter(|(_, p)| host::matches(p, host))
                .map(|&(w, _)| w),
        );
        order::sort(&mut out);
        out.dedup();
        out
    }

    /// The writers after `writer` with a pattern that overlaps `pattern`
    /// (one matches the other), in model order.
    fn overlapping(&self, writer: usize, pattern: &str) -> Vec<usize> {
        let mut out = Vec::new();
        if pattern.contains('*') {
            for (text, writers) in &self.exact {
                if host::matches(pattern, text) {
                    out.extend(writers.iter().filter(|&&w| w > writer));
                }
            }
        } else {
            let writers = self.exact.get(pattern).into_iter().flatten();
            out.extend(writers.filter(|&&w| w > writer));
        }
        // In writer order: only those after `writer` are looked at.
        let later = self.wild.partition_point(|&(w, _)| w <= writer);
        out.extend(
            self.wild[later..]
                .iter()
                .filter(|(_, q)| host::matches(q, pattern) || host::matches(pattern, q))
                .map(|&(w, _)| w),
        );
        order::sort(&mut out);
        out.dedup();
        out
    }
}

/// No host is claimed by two writers, and each record's writer claims it.
///
/// Complexity: O((records + patterns) · patterns with a `*`) matches, at
/// most [`MAX_WILD_PATTERNS`](crate::limits::MAX_WILD_PATTERNS) of those,
/// each linear in the pattern's and the host's length
/// ([`host::matches`]); exact patterns are looked up.
/// Each breach goes to `breach`: what breaks it, where, and in words.
pub(super) fn disjoint(model: &Model, breach: &mut dyn FnMut(About, Span, String)) {
    let patterns = Patterns::new(model);
    let mut first_writer: HashMap<&str, usize> = HashMap::new();
    for (i, record) in model.records.iter().enumerate() {
        let claimants = patterns.claimants(&record.host);
        let writer = &model.writers[record.writer.index()];
        if claimants.len() > 1 {
            let names: Vec<&str> = claimants
                .iter()
                .map(|&w| model.writers[w].id.as_str())
                .collect();
            let message = [
                "host `",
                &record.host,
                "` is claimed by ",
                &names.join(" and "),
            ];
            breach(About::Record(i), record.span, message.concat());
        } else if !claimants.contains(&record.writer.index()) {
            let message = [
                "record `",
                &record.host,
                "` says it is written by `",
                &writer.id,
                "`, whose patterns do not cover it",
            ];
            breach(About::Record(i), record.span, message.concat());
        }
        let first = *first_writer.entry(record.host.as_str()).or_insert(i);
        if let Some(other) = Some(&model.records[first]).filter(|r| r.writer != record.writer) {
            let message = [
                "host `",
                &record.host,
                "` has records from both `",
                &model.writers[other.writer.index()].id,
                "` and `",
                &writer.id,
                "`",
            ];
            breach(About::Record(i), record.span, message.concat());
        }
    }
    for (a, wa) in model.writers.iter().enumerate() {
        // (other writer, pattern of this one), in the order of the pairs.
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for (k, pattern) in wa.owns.iter().enumerate() {
            pairs.extend(patterns.overlapping(a, pattern).into_iter().map(|b| (b, k)));
        }
        order::sort(&mut pairs);
        pairs.dedup();
        for (b, k) in pairs {
            let wb = &model.writers[b];
            let message = [
                "writers `",
                &wa.id,
                "` and `",
                &wb.id,
                "` both claim `",
                &wa.owns[k],
                "`",
            ];
            breach(About::Writer(b), wb.span, message.concat());
        }
    }
}
