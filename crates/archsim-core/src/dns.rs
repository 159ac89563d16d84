//! Who writes a host's record, and how a new host gets one.

use crate::basis::{Basis, Premise};
use crate::engine::Engine;
use crate::error::QueryError;
use crate::host;
use crate::model::{RecordId, WriterId};

/// The answer to "who writes this host's record?".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DnsAnswer {
    /// The normalised host.
    pub host: String,
    /// Its records (empty for a new host).
    pub records: Vec<RecordId>,
    /// The writer of its records, or of hosts matching its name.
    pub writer: Option<WriterId>,
    /// For a host without records: every writer, with how it adds a host.
    pub options: Vec<WriterId>,
    /// What the answer rests on: its records and their writer, or for a
    /// host without records, the zone's list being complete and the
    /// writers' patterns.
    pub basis: Basis,
}

impl Engine {
    /// Who writes `input`'s record (a host or URL in the zone).
    ///
    /// Returns: the records and their writer; for a host without records, the
    /// writer whose patterns claim the name (if any) and every writer with
    /// the way it adds hosts.
    /// Complexity: O(records + writers · patterns).
    pub fn dns(&self, input: &str) -> Result<DnsAnswer, QueryError> {
        let host = self.zone_host(input)?;
        let model = self.model();
        let records: Vec<RecordId> = model.records_for(&host).collect();
        let writer = match records.first() {
            Some(r) => Some(model.records[r.index()].writer),
            None => model
                .writers
                .iter()
                .position(|w| w.owns.iter().any(|p| host::matches(p, &host)))
                .map(WriterId::from_index),
        };
        let options = if records.is_empty() {
            (0..model.writers.len()).map(WriterId::from_index).collect()
        } else {
            Vec::new()
        };
        let mut basis = Basis::new();
        if records.is_empty() {
            basis.add(Premise::Zone);
            for w in &options {
                basis.add(Premise::Writer(*w));
            }
        }
        for r in &records {
            basis.add(Premise::Record(*r));
        }
        if let Some(w) = writer {
            basis.add(Premise::Writer(w));
        }
        basis.finish(model);
        Ok(DnsAnswer {
            host,
            records,
            writer,
            options,
            basis,
        })
    }
}
