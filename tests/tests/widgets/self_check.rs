//! The tour's self-check, with scripts on: predict, then reveal. The
//! answer is hidden before a pick; a wrong pick by keyboard says it is not
//! the engine's answer and shows the engine's state; the right one says
//! so (`support/questions.rs`, which the no-script test runs too).

use crate::support::expect::Expect;
use crate::support::questions::{self, ANCHOR};
use crate::support::runner::{Ctx, Outcome};

pub async fn tour_self_check_reveals_the_engines_answer(ctx: &Ctx) -> Outcome {
    let expect = Expect::new()?;
    let url = format!("{}#{ANCHOR}", ctx.site.url("tour.html"));
    ctx.session.open(&url).await?;
    let (asked, presses) = questions::check_tour(&ctx.session, &expect).await?;
    ctx.note(format!(
        "{asked} questions: hidden, then the engine's answer; {presses} Tab presses from the heading"
    ));
    Ok(())
}
