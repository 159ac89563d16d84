//! The site on a phone (390 × 844 CSS pixels, emulated): the page never
//! scrolls sideways; archsim's tables, static and live, fit the text
//! column with every row shorter than the window (each row is then a card,
//! so each data cell must show its column's name: the header row is out
//! of sight); and the maps' help speaks of fingers, not keys. Opened, what
//! each answer rests on (its facts and assumptions, long words and file
//! paths among them) still fits the column, and a claim's note shows
//! beside its mark, inside the window.
//!
//! Run: `cargo test -p archsim-e2e --test phone` (after `cargo xtask build`).

mod support;

use support::browser::Options;
use support::fit;
use support::runner::{self, Case, Ctx, Outcome};
use support::site;
use support::widget;

fn main() {
    runner::main("phone", Options::phone(), |served| {
        site::pages(&served.root)
            .into_iter()
            .filter(|page| !site::is_print(page) && has_archsim_content(&served.root, page))
            .map(|page| {
                Case::new(format!("fits::{page}"), move |ctx| {
                    Box::pin(fits_a_phone(ctx, page.clone()))
                })
            })
            .collect()
    })
}

/// Whether the page holds a generated view or a widget.
fn has_archsim_content(root: &std::path::Path, page: &str) -> bool {
    std::fs::read_to_string(root.join(page))
        .map(|html| html.contains("class=\"archsim"))
        .unwrap_or(false)
}

/// Rows taller than the window and cells without their column's name, as
/// sentences; and how many tables were looked at. (Widths: `support::fit`.)
const MEASURE: &str = r#"
const problems = [];
const width = innerWidth, height = innerHeight;
const tables = document.querySelectorAll('main table.archsim-table');
for (const t of tables) {
  const name = t.caption ? t.caption.textContent.slice(0, 70) : t.className;
  const heads = Array.from(t.querySelectorAll('thead th'), (h) => h.textContent.trim());
  let tall = 0, unlabelled = [];
  for (const tr of t.querySelectorAll('tbody tr')) {
    tall = Math.max(tall, tr.getBoundingClientRect().height);
    Array.from(tr.children).forEach((cell, i) => {
      if (i === 0) return;
      const shown = getComputedStyle(cell, '::before').content;
      if (!shown.includes(heads[i])) unlabelled.push(`${heads[i]} (shows ${shown})`);
    });
  }
  if (tall > height) problems.push(`${name}: a row ${Math.round(tall)} px tall in a ${height} px window`);
  if (unlabelled.length) problems.push(`${name}: cells without their column's name: ${[...new Set(unlabelled)].join(', ')}`);
}
// The maps' help speaks of fingers, not keys.
for (const help of document.querySelectorAll('.archsim-live .archsim-help')) {
  const keys = help.querySelector('.archsim-help-keys'), touch = help.querySelector('.archsim-help-touch');
  if (!touch || touch.getClientRects().length === 0 || (keys && keys.getClientRects().length > 0)) {
    problems.push(`a map's help speaks of keys, not fingers: ${help.textContent.slice(0, 80)}`);
  }
}
return { tables: tables.length, width, problems };
"#;

async fn fits_a_phone(ctx: &Ctx, page: String) -> Outcome {
    let session = &ctx.session;
    let url = ctx.site.url(&page);
    session.open(&url).await?;
    // Live widgets replace their fallbacks (the failure widget's flow
    // table, the placement audit): start every one, then measure.
    let mounts = site::mount_points(&ctx.site.root, &page);
    widget::start_each(session, &url, mounts, true).await?;
    let seen = session.js(MEASURE, vec![]).await?;
    let mut problems = fit::too_wide(session).await?;
    problems.extend(widget::strings(&seen["problems"]));
    // A claim's note, shown, beside its mark and inside the narrow window.
    let (marks, misplaced) = fit::notes_misplaced(session).await?;
    problems.extend(misplaced);
    // A row may grow taller than the window once a reader opens what it
    // rests on, but never wider than the column.
    let opened = session
        .js(
            "const all = document.querySelectorAll('main details.archsim-basis');
             all.forEach((d) => { d.open = true; });
             return all.length;",
            vec![],
        )
        .await?;
    for problem in fit::too_wide(session).await? {
        problems.push(format!("with what each answer rests on open, {problem}"));
    }
    ctx.note(format!(
        "{page}: {} tables in a {} px window, {opened} disclosures opened, {marks} claim notes",
        seen["tables"], seen["width"]
    ));
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{url} on a phone:\n  {}", problems.join("\n  ")))
    }
}
