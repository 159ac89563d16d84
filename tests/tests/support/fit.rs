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
///
/// Measured twice: the first measure lays out every table, which may
/// start loading a font its text uses (a bold weight nothing on screen
/// used yet), and a table set in the fallback font measures wider than
/// in the book's. The second comes once the fonts have loaded. (The print
/// page, measured at once, failed so now and then: 751 px in a 735 px
/// column.)
pub async fn too_wide(session: &Session) -> Result<Vec<String>, String> {
    session.js(MEASURE, vec![]).await?;
    session
        .js_async("document.fonts.ready.then(() => done(true));", vec![])
        .await?;
    Ok(widget::strings(&session.js(MEASURE, vec![]).await?))
}

/// Each claim mark's note, shown by focusing the mark: it must sit beside
/// the mark (just under or over it, across from it) and inside the window.
const NOTES: &str = r#"
const problems = [];
// A mark in a self-check's answer shows only once a choice is picked.
const marks = Array.from(document.querySelectorAll('main .archsim-claim'))
  .filter((mark) => mark.getClientRects().length > 0);
for (const mark of marks) {
  mark.scrollIntoView({ block: 'center' });
  mark.focus();
  const note = document.getElementById(mark.getAttribute('aria-describedby') || '');
  if (!note) { problems.push(`${mark.id}: no note described by the mark`); continue; }
  const m = mark.getBoundingClientRect(), n = note.getBoundingClientRect();
  const gap = Math.max(n.top - m.bottom, m.top - n.bottom);
  const across = Math.min(n.right, m.right) - Math.max(n.left, m.left);
  const where = `${Math.round(n.left)}..${Math.round(n.right)} × ${Math.round(n.top)}..${Math.round(n.bottom)} for a mark at ${Math.round(m.left)}..${Math.round(m.right)} × ${Math.round(m.top)}..${Math.round(m.bottom)}`;
  if (getComputedStyle(note).display === 'none') problems.push(`${mark.id}: its note is hidden while the mark has the focus`);
  else if (gap < 0 || gap > 16 || across <= 0) problems.push(`${mark.id}: its note is not beside it (${where})`);
  else if (n.left < 0 || n.right > innerWidth || n.top < 0 || n.bottom > innerHeight) problems.push(`${mark.id}: its note leaves the ${innerWidth} × ${innerHeight} window (${where})`);
  mark.blur();
  if (getComputedStyle(note).display !== 'none') problems.push(`${mark.id}: its note stays after the focus left`);
}
return { marks: marks.length, problems };
"#;

/// Claim marks whose note, shown, is not beside its mark or leaves the
/// window, as sentences; and how many marks were looked at.
pub async fn notes_misplaced(session: &Session) -> Result<(usize, Vec<String>), String> {
    let seen = session.js(NOTES, vec![]).await?;
    let marks = seen["marks"].as_u64().unwrap_or(0) as usize;
    Ok((marks, widget::strings(&seen["problems"])))
}
