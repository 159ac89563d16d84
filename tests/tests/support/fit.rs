//! Whether archsim's content fits the page's text column, at whatever size
//! the window is: the page never scrolls sideways, and no table of archsim
//! (generated or live) is wider than the element that holds it (mdBook
//! would then hide its last columns behind a sideways scroll of their own).

use super::browser::Session;
use super::widget;

/// What does not fit, as sentences.
const MEASURE: &str = r#"
const problems = [];
const width = innerWidth;
const page = document.documentElement.scrollWidth;
if (page > width) problems.push(`the page scrolls sideways: ${page} px in a ${width} px window`);
for (const t of document.querySelectorAll('main table.archsim-table')) {
  const name = t.caption ? t.caption.textContent.slice(0, 70) : t.className;
  const column = t.parentElement.clientWidth;
  const wide = t.getBoundingClientRect().width;
  if (wide > column + 1) problems.push(`${name}: ${Math.round(wide)} px wide in a ${column} px column`);
}
return problems;
"#;

/// The page's sideways scroll and its tables wider than their column, as
/// sentences (none when everything fits).
pub async fn too_wide(session: &Session) -> Result<Vec<String>, String> {
    Ok(widget::strings(&session.js(MEASURE, vec![]).await?))
}
