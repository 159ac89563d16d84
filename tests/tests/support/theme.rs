//! mdBook's themes: their names, and opening a page in one.

use serde_json::json;

use super::browser::Session;

/// mdBook's themes, as its theme picker names them.
pub const THEMES: [&str; 5] = ["light", "rust", "coal", "navy", "ayu"];

/// Open `url` in `theme`, as a reader who picked it earlier would see it:
/// mdBook keeps the pick in the origin's localStorage and applies it as
/// the page loads (the page is opened once to reach its origin, the pick
/// written, then opened again).
pub async fn open_in(session: &Session, url: &str, theme: &str) -> Result<(), String> {
    session.open(url).await?;
    session
        .js(
            "localStorage.setItem('mdbook-theme', arguments[0]); return true",
            vec![json!(theme)],
        )
        .await?;
    session.open(url).await?;
    session
        .wait_until(
            &format!("the {theme} theme"),
            "return document.documentElement.classList.contains(arguments[0])",
            vec![json!(theme)],
        )
        .await?;
    Ok(())
}
