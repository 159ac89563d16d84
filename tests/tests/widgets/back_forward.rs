//! The back/forward cache (issue 22): a page left for another and come
//! back to with Back is restored as it was, scripts' state included,
//! instead of loaded again. mdBook's `book.js` sets an `unload` handler,
//! which keeps every page out of that cache; the book's theme removes it
//! (`theme/back-forward.js`).

use serde_json::json;

use crate::ensure;
use crate::support::runner::{Ctx, Outcome};

/// Leave a page for the next one and come back: the page's scripts'
/// state must still be there (a page loaded again has lost it).
pub async fn back_restores_the_page_from_the_cache(ctx: &Ctx) -> Outcome {
    let session = &ctx.session;
    session.open(&ctx.site.url("introduction.html")).await?;
    session
        .js("window.archsimBackForward = 'kept'; return true;", vec![])
        .await?;
    session.open(&ctx.site.url("tour.html")).await?;
    session.client.back().await.map_err(|e| e.to_string())?;
    let mut seen = json!(null);
    for _ in 0..40 {
        seen = session
            .js(
                "return { at: location.pathname, kept: window.archsimBackForward || null, onunload: window.onunload === null ? null : typeof window.onunload };",
                vec![],
            )
            .await?;
        if seen["at"]
            .as_str()
            .is_some_and(|p| p.ends_with("/introduction.html"))
        {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    ensure(seen["kept"] == json!("kept"), || {
        format!(
            "Back loaded introduction.html again instead of restoring it from the back/forward cache: {seen}"
        )
    })
}
