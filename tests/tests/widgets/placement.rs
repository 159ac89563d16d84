//! The placement assistant: a public, cacheable bucket the cluster writes
//! to is a conflict, with the Photon index bucket as the precedent.

use serde_json::json;

use crate::ensure;
use crate::support::expect::Expect;
use crate::support::runner::{Ctx, Outcome};
use crate::support::widget::{click, live, strings, until};

/// The placement form: a public, cacheable bucket the cluster writes to is
/// a conflict, with the Photon index bucket as the precedent.
pub async fn placement_conflict_names_the_precedent(ctx: &Ctx) -> Outcome {
    const ANSWERS: [&str; 2] = ["public-cacheable-assets", "reached-from-cluster"];
    const PRECEDENT: (&str, &str) = ("photon-index-bucket", "development-485000-photon-index");
    let expect = Expect::new()?;
    ctx.session.open(&ctx.site.url("placement.html")).await?;
    let sel = "div.archsim[data-archsim=\"place\"]:not([data-answers]):not([data-audit])";
    let x = "//div[@data-archsim='place' and not(@data-answers) and not(@data-audit)]";
    live(&ctx.session, sel).await?;
    for answer in ANSWERS {
        click(&ctx.session, &format!("{x}//label[code='{answer}']")).await?;
    }
    let view = until(&ctx.session, sel, "the verdict for both answers", |v| {
        v["verdict"] == json!("conflict")
    })
    .await?;
    let (verdict, precedents) = expect.place(&ANSWERS)?;
    ensure(verdict == "conflict", || {
        format!("the engine says {verdict}")
    })?;
    let shown = strings(&view["precedents"]);
    ensure(shown == precedents, || {
        format!("the precedents are {shown:?}, the engine says {precedents:?}")
    })?;
    let names = strings(&view["precedentNames"]);
    ensure(
        shown.first().map(String::as_str) == Some(PRECEDENT.0)
            && names.first().map(String::as_str) == Some(PRECEDENT.1),
        || format!("the nearest precedent is not {PRECEDENT:?}: {shown:?} {names:?}"),
    )?;
    let text = view["verdictText"].as_str().unwrap_or_default();
    ensure(text.contains("conflict"), || {
        format!("the verdict reads {text:?}")
    })?;
    Ok(())
}
