//! "A host with a `CNAME` record has no other record" (DNS allows none):
//! the one owner of the rule, for any model. The loader reports each
//! conflict at its record (`cname-conflict`); a draft adds no record to a
//! host that has one, a stricter rule of its own.

use std::collections::HashMap;

use crate::model::Model;

/// The records, by index into `Model::records`, that break the rule: each
/// record of a host after its first when the host has a `CNAME` among
/// those so far (the record itself or an earlier one), in model order.
///
/// Complexity: O(records), with a hash map.
pub fn conflicts(model: &Model) -> Vec<usize> {
    let mut out = Vec::new();
    // Per host: whether a record so far is a CNAME.
    let mut seen: HashMap<&str, bool> = HashMap::new();
    for (i, r) in model.records.iter().enumerate() {
        let cname = r.rtype == "CNAME";
        match seen.get_mut(r.host.as_str()) {
            None => {
                seen.insert(&r.host, cname);
            }
            Some(had_cname) => {
                if cname || *had_cname {
                    out.push(i);
                }
                *had_cname |= cname;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cname_conflicts_with_any_other_record_of_its_host() {
        // (records as (host, type), the conflicting records)
        type Case = (&'static [(&'static str, &'static str)], &'static [usize]);
        let cases: [Case; 5] = [
            (&[("a", "CNAME"), ("b", "CNAME")], &[]),
            (&[("a", "A"), ("a", "AAAA")], &[]),
            (&[("a", "CNAME"), ("a", "A")], &[1]),
            (&[("a", "A"), ("a", "CNAME"), ("a", "AAAA")], &[1, 2]),
            (&[("a", "CNAME"), ("b", "A"), ("a", "CNAME")], &[2]),
        ];
        for (records, expected) in cases {
            let mut m = Model::default();
            for (host, rtype) in records {
                m.records.push(crate::model::Record {
                    host: (*host).into(),
                    rtype: (*rtype).into(),
                    ..Default::default()
                });
            }
            assert_eq!(conflicts(&m), expected, "{records:?}");
        }
    }
}
