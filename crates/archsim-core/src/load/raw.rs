//! The model file as written: serde structures with source spans.
//!
//! These mirror the TOML one to one and reject unknown keys, so a typo in a
//! key is a diagnostic at the key. Resolution into [`crate::model`] happens in
//! `resolve`.

use serde::Deserialize;
use toml::Spanned;

pub type S = Spanned<String>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawModel {
    pub model: RawMeta,
    pub zone: RawZone,
    #[serde(default, rename = "provider")]
    pub providers: Vec<RawProvider>,
    #[serde(default, rename = "region")]
    pub regions: Vec<RawRegion>,
    #[serde(default, rename = "component")]
    pub components: Vec<RawComponent>,
    #[serde(default, rename = "writer")]
    pub writers: Vec<RawWriter>,
    #[serde(default, rename = "record")]
    pub records: Vec<RawRecord>,
    #[serde(default, rename = "edge")]
    pub edges: Vec<RawEdge>,
    #[serde(default, rename = "flow")]
    pub flows: Vec<RawFlow>,
    #[serde(default, rename = "scenario")]
    pub scenarios: Vec<RawScenario>,
    #[serde(default)]
    pub placement: RawPlacement,
    #[serde(default, rename = "invariant")]
    pub invariants: Vec<RawInvariant>,
    #[serde(default, rename = "fact")]
    pub facts: Vec<RawFact>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFact {
    pub id: S,
    pub says: String,
}

/// Where an entry comes from, as written (see `model::Provenance`).
pub struct RawProvenance<'a> {
    pub facts: &'a [S],
    pub assumption: Option<&'a str>,
    pub settle: Option<&'a str>,
}

/// Fields of a component the model assumes on their own.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawAssumed {
    pub provider: Option<String>,
    pub region: Option<String>,
    pub kind: Option<String>,
    pub env: Option<String>,
    pub product: Option<String>,
    pub terraform: Option<String>,
    pub runs_in: Option<String>,
    pub traits: Option<String>,
}

impl RawAssumed {
    /// The assumed fields, in `Field::ALL` order.
    pub fn fields(&self) -> [Option<&String>; 8] {
        [
            self.provider.as_ref(),
            self.region.as_ref(),
            self.kind.as_ref(),
            self.env.as_ref(),
            self.product.as_ref(),
            self.terraform.as_ref(),
            self.runs_in.as_ref(),
            self.traits.as_ref(),
        ]
    }
}

/// Every table with a provenance has these keys.
macro_rules! provenance {
    ($($t:ident),*) => {$(
        impl $t {
            pub fn provenance(&self) -> RawProvenance<'_> {
                RawProvenance {
                    facts: &self.facts,
                    assumption: self.assumption.as_deref(),
                    settle: self.settle.as_deref(),
                }
            }
        }
    )*};
}
provenance!(
    RawZone,
    RawProvider,
    RawRegion,
    RawComponent,
    RawWriter,
    RawRecord,
    RawEdge,
    RawFlow,
    RawScenario,
    RawRule,
    RawInvariant
);

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMeta {
    pub name: String,
    pub format: Spanned<i64>,
    pub document: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawZone {
    pub name: S,
    pub component: S,
    pub assumption: Option<String>,
    pub settle: Option<String>,
    #[serde(default)]
    pub facts: Vec<S>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawProvider {
    pub id: S,
    pub name: String,
    pub job: String,
    pub why: String,
    pub account: Option<String>,
    pub home_region: Option<S>,
    pub terraform: Option<String>,
    #[serde(default)]
    pub workspaces: Vec<String>,
    pub assumption: Option<String>,
    pub settle: Option<String>,
    #[serde(default)]
    pub facts: Vec<S>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRegion {
    pub id: S,
    pub name: String,
    pub provider: Option<S>,
    pub note: Option<String>,
    pub assumption: Option<String>,
    pub settle: Option<String>,
    #[serde(default)]
    pub facts: Vec<S>,
}

/// A string or a list of strings.
#[derive(Deserialize, Default)]
#[serde(untagged)]
pub enum OneOrMany {
    #[default]
    None,
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    pub fn to_vec(&self) -> Vec<String> {
        match self {
            OneOrMany::None => Vec::new(),
            OneOrMany::One(one) => vec![one.clone()],
            OneOrMany::Many(many) => many.clone(),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawComponent {
    pub id: S,
    pub name: Option<String>,
    pub product: Option<String>,
    pub kind: String,
    pub provider: Option<S>,
    pub region: Option<S>,
    pub env: Option<S>,
    #[serde(default)]
    pub source: OneOrMany,
    #[serde(default)]
    pub terraform: bool,
    pub runs_in: Option<S>,
    /// Short form for edges without a why: `"id"` or `"id:kind"`.
    #[serde(default)]
    pub needs: Vec<S>,
    #[serde(default)]
    pub traits: Vec<S>,
    pub placement: Option<String>,
    pub notes: Option<String>,
    #[serde(default)]
    pub assumed: RawAssumed,
    pub assumption: Option<String>,
    pub settle: Option<String>,
    #[serde(default)]
    pub facts: Vec<S>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawWriter {
    pub id: S,
    pub name: String,
    pub source: String,
    pub owner_id: Option<String>,
    pub registry: Option<String>,
    pub runs_on: Option<S>,
    #[serde(default)]
    pub owns: Vec<S>,
    pub adds: String,
    pub serves: String,
    pub assumption: Option<String>,
    pub settle: Option<String>,
    #[serde(default)]
    pub facts: Vec<S>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRecord {
    pub host: S,
    #[serde(rename = "type")]
    pub rtype: S,
    pub target: S,
    pub writer: S,
    pub env: S,
    pub proxied: Option<Spanned<bool>>,
    pub purpose: Option<S>,
    pub assumption: Option<String>,
    pub settle: Option<String>,
    #[serde(default)]
    pub facts: Vec<S>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEdge {
    pub from: S,
    pub to: S,
    pub kind: Option<S>,
    #[serde(default)]
    pub hop: bool,
    #[serde(default)]
    pub hosts: Vec<S>,
    #[serde(default)]
    pub flows: Vec<S>,
    #[serde(default)]
    pub why: String,
    pub assumption: Option<String>,
    pub settle: Option<String>,
    #[serde(default)]
    pub facts: Vec<S>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFlow {
    pub id: S,
    pub name: String,
    pub host: Option<S>,
    pub path: Option<Spanned<Vec<S>>>,
    #[serde(default)]
    pub about: String,
    pub assumption: Option<String>,
    pub settle: Option<String>,
    #[serde(default)]
    pub facts: Vec<S>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScenario {
    pub id: S,
    pub name: String,
    #[serde(default)]
    pub fail: Vec<S>,
    #[serde(default)]
    pub reschedule: Vec<S>,
    #[serde(default)]
    pub teaches: String,
    pub assumption: Option<String>,
    pub settle: Option<String>,
    #[serde(default)]
    pub facts: Vec<S>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawPlacement {
    #[serde(default, rename = "question")]
    pub questions: Vec<RawQuestion>,
    #[serde(default, rename = "rule")]
    pub rules: Vec<RawRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    pub id: S,
    pub ask: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRule {
    pub id: S,
    pub provider: S,
    pub if_any: Vec<S>,
    #[serde(default, rename = "final")]
    pub is_final: bool,
    pub says: String,
    pub assumption: Option<String>,
    pub settle: Option<String>,
    #[serde(default)]
    pub facts: Vec<S>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawInvariant {
    pub id: S,
    pub check: S,
    pub target: Option<S>,
    pub from: Option<S>,
    pub says: String,
    pub hint: String,
    pub assumption: Option<String>,
    pub settle: Option<String>,
    #[serde(default)]
    pub facts: Vec<S>,
}
