//! DNS claims: which writer writes a host's record.

use archsim_core::Engine;

use super::mark::Checked;
use super::{does_not_hold, unknown};
use crate::directive::Directive;
use crate::error::Problem;

/// The options a DNS claim takes.
pub(super) const OPTIONS: &[&str] = &["dns", "writer"];

pub(super) fn check(engine: &Engine, d: &Directive) -> Result<Checked, Problem> {
    let model = engine.model();
    let host = d.get("dns").unwrap_or_default();
    let Some(claimed) = d.get("writer") else {
        return Err(Problem::new("the DNS claim states nothing")
            .with_hint("add writer=\"...\" (a writer id, or none)"));
    };
    let answer = engine.dns(host)?;
    let actual = answer
        .writer
        .map_or("none", |w| model.writers[w.index()].id.as_str());
    let known = model.writers.iter().map(|w| w.id.as_str()).chain(["none"]);
    if !known.clone().any(|k| k == claimed) {
        return Err(unknown("writer", claimed, known));
    }
    if actual != claimed {
        return Err(does_not_hold(format!(
            "{}'s record is written by {actual}, not {claimed}",
            answer.host
        )));
    }
    let says = match answer.writer {
        None => format!("no writer claims {}", answer.host),
        Some(w) => format!(
            "{}'s record is written by {}",
            answer.host,
            model.writers[w.index()].name
        ),
    };
    Ok(Checked {
        says,
        basis: answer.basis,
        proposed: None,
    })
}
