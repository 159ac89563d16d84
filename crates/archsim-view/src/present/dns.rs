//! Who writes a host's record, and how a new host gets one.

use archsim_core::{DnsAnswer, Engine, WriterId};

use super::route::{RecordLine, record_line};

/// A writer of zone records.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WriterLine {
    /// Its id.
    pub id: String,
    /// Its display name.
    pub name: String,
    /// The file that configures it.
    pub source: String,
    /// Its TXT-registry owner id, if any.
    pub owner_id: Option<String>,
    /// Its registry type, if any.
    pub registry: Option<String>,
    /// The name of the component it runs on, if it runs in the model.
    pub runs_on: Option<String>,
    /// Host patterns it owns.
    pub owns: Vec<String>,
    /// How a new host gets a record from it.
    pub adds: String,
    /// What kind of hosts it writes.
    pub serves: String,
}

/// DNS ownership of one host.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DnsView {
    /// The normalised host.
    pub host: String,
    /// Its records (empty for a new host).
    pub records: Vec<RecordLine>,
    /// The writer of its records, or the one whose patterns claim the name.
    pub writer: Option<WriterLine>,
    /// For a host without records: every writer and how it adds a host.
    pub options: Vec<WriterLine>,
    /// What the answer rests on.
    pub basis: super::BasisView,
}

fn writer_line(engine: &Engine, writer: WriterId) -> WriterLine {
    let model = engine.model();
    let Some(w) = model.writers.get(writer.index()) else {
        return WriterLine::default();
    };
    WriterLine {
        id: w.id.clone(),
        name: w.name.clone(),
        source: w.source.clone(),
        owner_id: w.owner_id.clone(),
        registry: w.registry.clone(),
        runs_on: w.runs_on.map(|c| model.component(c).name.clone()),
        owns: w.owns.clone(),
        adds: w.adds.clone(),
        serves: w.serves.clone(),
    }
}

/// The view of a DNS answer.
///
/// Complexity: O(records + writers).
pub fn dns_view(engine: &Engine, answer: &DnsAnswer) -> DnsView {
    DnsView {
        host: answer.host.clone(),
        records: answer
            .records
            .iter()
            .map(|&r| record_line(engine, r))
            .collect(),
        writer: answer.writer.map(|w| writer_line(engine, w)),
        options: answer
            .options
            .iter()
            .map(|&w| writer_line(engine, w))
            .collect(),
        basis: super::basis_view(engine.model(), &answer.basis),
    }
}
