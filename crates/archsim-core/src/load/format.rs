//! The file format as the loader accepts it, for tools that describe it
//! (`archsim schema`): each table's keys, read from the serde types that
//! parse it, and the words a key is limited to, from the lists the loader
//! checks against. Nothing here is a second copy: the loader reads these
//! lists too.

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use super::raw::{
    RawAssumed, RawComponent, RawEdge, RawFact, RawFlow, RawInvariant, RawMeta, RawModel,
    RawPlacement, RawProvider, RawQuestion, RawRecord, RawRegion, RawRule, RawScenario, RawWriter,
    RawZone,
};
use crate::kind::EdgeKind;

/// The file format's version this archsim reads (`[model] format`).
pub const FORMAT: i64 = 1;

/// The environments a component or a record may be in.
pub const ENVS: [&str; 3] = ["prod", "dev", "shared"];

/// The record types, as written in upper case (any case is read).
pub const RECORD_TYPES: [&str; 7] = ["A", "AAAA", "CNAME", "TXT", "MX", "NS", "CAA"];

/// What a record is for: `serve` (the default) or `validation`.
pub const PURPOSES: [&str; 2] = ["serve", "validation"];

/// The invariant checks.
pub const CHECKS: [&str; 4] = [
    "records-not-proxied",
    "only-reached-from",
    "writers-disjoint",
    "placement",
];

/// A table of the model file and the keys the loader accepts in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Table {
    /// Its path as the file writes it: `""` for the file itself, `model`,
    /// `placement.rule`, `component.assumed` (an inline table).
    pub path: &'static str,
    /// Whether the file holds a list of them (`[[component]]`).
    pub many: bool,
    /// Every key the loader accepts, in declaration order; any other key is
    /// a `schema` error.
    pub keys: &'static [&'static str],
}

/// Every table of the model file, the file itself first, each parent before
/// the tables inside it.
pub fn tables() -> Vec<Table> {
    vec![
        table::<RawModel>("", false),
        table::<RawMeta>("model", false),
        table::<RawZone>("zone", false),
        table::<RawProvider>("provider", true),
        table::<RawRegion>("region", true),
        table::<RawComponent>("component", true),
        table::<RawAssumed>("component.assumed", false),
        table::<RawWriter>("writer", true),
        table::<RawRecord>("record", true),
        table::<RawEdge>("edge", true),
        table::<RawFlow>("flow", true),
        table::<RawScenario>("scenario", true),
        table::<RawPlacement>("placement", false),
        table::<RawQuestion>("placement.question", true),
        table::<RawRule>("placement.rule", true),
        table::<RawInvariant>("invariant", true),
        table::<RawFact>("fact", true),
    ]
}

/// What the loader accepts for a string beyond its being a string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Words {
    /// Exactly one of these words.
    OneOf(Vec<&'static str>),
    /// One of these words, in any case.
    AnyCase(Vec<&'static str>),
    /// `ID` or `ID:WORD`, where ID has no `:` and WORD is one of these.
    Suffixed(Vec<&'static str>),
}

/// The words a key's string (or each string of its list) is limited to, or
/// `None` when the loader takes any string there (ids and references are
/// checked against the model, not a list).
pub fn words(table: &str, key: &str) -> Option<Words> {
    let kinds = || EdgeKind::ALL.map(EdgeKind::as_str).to_vec();
    match (table, key) {
        ("edge", "kind") => Some(Words::OneOf(kinds())),
        ("component", "needs") => Some(Words::Suffixed(kinds())),
        ("component" | "record", "env") => Some(Words::OneOf(ENVS.to_vec())),
        ("record", "type") => Some(Words::AnyCase(RECORD_TYPES.to_vec())),
        ("record", "purpose") => Some(Words::OneOf(PURPOSES.to_vec())),
        ("invariant", "check") => Some(Words::OneOf(CHECKS.to_vec())),
        _ => None,
    }
}

/// The keys of a table type: the field names serde's derive hands to
/// `deserialize_struct`, as the file spells them (renames applied).
fn table<'de, T: Deserialize<'de>>(path: &'static str, many: bool) -> Table {
    let mut keys: &'static [&'static str] = &[];
    // The grabber answers every request with an error, so this never reads
    // anything; it only sees the field list.
    let _ = T::deserialize(Grab(&mut keys));
    Table { path, many, keys }
}

/// A deserializer that records the field names of the struct asked for.
struct Grab<'a>(&'a mut &'static [&'static str]);

#[derive(Debug)]
struct Grabbed;

impl std::fmt::Display for Grabbed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("fields grabbed")
    }
}

impl std::error::Error for Grabbed {}

impl de::Error for Grabbed {
    fn custom<M: std::fmt::Display>(_: M) -> Self {
        Grabbed
    }
}

impl<'de> Deserializer<'de> for Grab<'_> {
    type Error = Grabbed;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Grabbed> {
        Err(Grabbed)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Grabbed> {
        *self.0 = fields;
        Err(Grabbed)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_has_its_keys_as_the_file_spells_them() {
        let tables = tables();
        let keys = |path: &str| {
            tables
                .iter()
                .find(|t| t.path == path)
                .map(|t| t.keys)
                .unwrap_or_default()
        };
        assert!(tables.iter().all(|t| !t.keys.is_empty()));
        // Renamed fields, as the file writes them.
        assert!(keys("record").contains(&"type"));
        assert!(keys("placement.rule").contains(&"final"));
        assert!(keys("").contains(&"component"));
        assert_eq!(
            keys("component.assumed").len(),
            crate::model::Field::ALL.len()
        );
    }
}
