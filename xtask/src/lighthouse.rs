//! `cargo xtask bench`'s page-load part: Lighthouse (pinned,
//! [`tools::LIGHTHOUSE`]) in the system Chromium on every page of the built
//! site, served compressed by the site's own server
//! (`archsim_e2e::server`, as `cargo xtask serve` serves it), with the
//! mobile profile (Lighthouse's default: a phone, 4× CPU slowdown, 150 ms
//! round trips, 1.6 Mbps, simulated) and the desktop one (`--preset
//! desktop`). Each page is measured `runs` times per profile and each
//! figure's median kept, since one run varies with the machine's load;
//! the worst run's score, LCP and TBT are shown beside the medians, so
//! that a reader sees the margin a page has.
//!
//! The tables go into the book's performance page between two marker
//! comments ([`BEGIN`], [`END`]), with the date, the command and the load
//! average, when every page was measured; a run limited to some pages
//! only prints its tables.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::run::{cmd, output, root, step};
use crate::tools;

/// The line before the generated tables on the performance page.
pub const BEGIN: &str =
    "<!-- lighthouse: written by `cargo xtask bench`; edit the command, not the tables -->";
/// The line after them.
pub const END: &str = "<!-- lighthouse: end -->";

/// Issue 22's goals for every page, besides the score ([`Profile::goal`]):
/// Largest Contentful Paint, in ms.
const LCP_GOAL_MS: f64 = 2500.0;
/// Total Blocking Time, in ms.
const TBT_GOAL_MS: f64 = 100.0;
/// Cumulative Layout Shift.
const CLS_GOAL: f64 = 0.05;
/// Bytes transferred: the pages test's budget for what a page is sent.
const BYTES_GOAL: f64 = archsim_e2e::budget::PAGE_SENT_BYTES as f64;

/// The performance page, relative to the workspace root.
const PAGE: &str = "book/src/reference/performance.md";

/// Chromium's flags: headless, in a container (no sandbox, no GPU, a small
/// /dev/shm), and none of its own traffic (the machine has no network).
const CHROME_FLAGS: &str = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage \
     --disable-background-networking --disable-component-update --disable-sync --no-first-run";

/// What to measure.
pub struct Options {
    /// Runs per page and profile; each figure's median is kept.
    pub runs: usize,
    /// Only the pages whose path contains one of these (all when empty);
    /// the book's page is written only when every page is measured.
    pub pages: Vec<String>,
}

/// A Lighthouse profile.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Profile {
    Mobile,
    Desktop,
}

impl Profile {
    const ALL: [Profile; 2] = [Profile::Mobile, Profile::Desktop];

    fn name(self) -> &'static str {
        match self {
            Profile::Mobile => "mobile",
            Profile::Desktop => "desktop",
        }
    }

    /// Lighthouse's arguments for the profile (mobile is its default).
    fn args(self) -> &'static [&'static str] {
        match self {
            Profile::Mobile => &[],
            Profile::Desktop => &["--preset=desktop"],
        }
    }

    /// The performance score the issue asks of every page (issue 22).
    fn goal(self) -> f64 {
        match self {
            Profile::Mobile => 0.95,
            Profile::Desktop => 0.99,
        }
    }
}

/// One run's figures, as Lighthouse reports them.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Figures {
    /// The performance score, 0 to 1.
    score: f64,
    /// First Contentful Paint, ms.
    fcp: f64,
    /// Largest Contentful Paint, ms.
    lcp: f64,
    /// Total Blocking Time, ms.
    tbt: f64,
    /// Cumulative Layout Shift.
    cls: f64,
    /// Bytes transferred (Lighthouse's total byte weight).
    bytes: f64,
}

/// The figures of a Lighthouse JSON report, or what is missing.
fn figures(report: &str) -> Result<Figures, String> {
    let json: Value =
        serde_json::from_str(report).map_err(|e| format!("not a Lighthouse report: {e}"))?;
    if let Some(error) = json
        .pointer("/runtimeError/message")
        .and_then(Value::as_str)
    {
        return Err(format!("Lighthouse: {error}"));
    }
    let number = |pointer: &str| {
        json.pointer(pointer)
            .and_then(Value::as_f64)
            .ok_or_else(|| format!("the report has no {pointer}"))
    };
    let audit = |id: &str| number(&format!("/audits/{id}/numericValue"));
    Ok(Figures {
        score: number("/categories/performance/score")?,
        fcp: audit("first-contentful-paint")?,
        lcp: audit("largest-contentful-paint")?,
        tbt: audit("total-blocking-time")?,
        cls: audit("cumulative-layout-shift")?,
        bytes: audit("total-byte-weight")?,
    })
}

/// The median of `values` (the mean of the two middle ones for an even
/// count); `None` for none.
fn median(mut values: Vec<f64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let n = values.len();
    Some(if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    })
}

/// A page's figures under one profile over its runs.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Measured {
    /// Each figure's median ([`medians`]): what the goals are held to.
    median: Figures,
    /// Each figure's worst ([`worst`]).
    worst: Figures,
}

impl Measured {
    /// The figures of `runs`, or `None` for none.
    fn of(runs: &[Figures]) -> Option<Measured> {
        Some(Measured {
            median: medians(runs)?,
            worst: worst(runs)?,
        })
    }
}

/// Each figure's worst over `runs`, figure by figure: the lowest score,
/// the highest of the others.
fn worst(runs: &[Figures]) -> Option<Figures> {
    let low = |f: fn(&Figures) -> f64| runs.iter().map(f).min_by(f64::total_cmp);
    let high = |f: fn(&Figures) -> f64| runs.iter().map(f).max_by(f64::total_cmp);
    Some(Figures {
        score: low(|r| r.score)?,
        fcp: high(|r| r.fcp)?,
        lcp: high(|r| r.lcp)?,
        tbt: high(|r| r.tbt)?,
        cls: high(|r| r.cls)?,
        bytes: high(|r| r.bytes)?,
    })
}

/// Each figure's median over `runs`, figure by figure.
fn medians(runs: &[Figures]) -> Option<Figures> {
    let of = |f: fn(&Figures) -> f64| median(runs.iter().map(f).collect());
    Some(Figures {
        score: of(|r| r.score)?,
        fcp: of(|r| r.fcp)?,
        lcp: of(|r| r.lcp)?,
        tbt: of(|r| r.tbt)?,
        cls: of(|r| r.cls)?,
        bytes: of(|r| r.bytes)?,
    })
}

/// A page's result under one profile.
struct Row {
    page: String,
    /// Its figures, or why no run gave any.
    result: Result<Measured, String>,
}

/// Every page of the site a reader opens: its HTML files, sorted, less
/// mdBook's `toc.html` (the frame of the sidebar without scripts).
fn pages(site: &Path) -> Result<Vec<String>, String> {
    let mut out = archsim_e2e::site::html_pages(site)?;
    out.retain(|p| p != archsim_e2e::site::SIDEBAR_FRAME);
    Ok(out)
}

/// Measure every page (or those `options.pages` names) of `site`, print
/// the tables, and write them into the performance page when every page
/// was measured.
pub fn run(site: &Path, options: &Options) -> Result<(), String> {
    tools::chromium()?;
    tools::lighthouse()?;
    let mut pages = pages(site)?;
    if !options.pages.is_empty() {
        pages.retain(|p| options.pages.iter().any(|want| p.contains(want.as_str())));
    }
    if pages.is_empty() {
        return Err(format!("no page of {} to measure", site.display()));
    }
    let addr = archsim_e2e::server::spawn(site, 0)
        .map_err(|e| format!("cannot serve {}: {e}", site.display()))?;
    let load_before = load_average();
    let runs = options.runs.max(1);
    let mut tables = Vec::new();
    for profile in Profile::ALL {
        let mut rows = Vec::new();
        for page in &pages {
            let url = format!("http://{addr}/{page}");
            let result = step(
                &format!("lighthouse {} {page} ({runs} runs)", profile.name()),
                || measure(&url, profile, runs),
            );
            rows.push(Row {
                page: page.clone(),
                result,
            });
        }
        tables.push((profile, rows));
    }
    let load_after = load_average();
    let mut text = format!(
        "Measured on {} with `{}` ({}, {}; the median of {runs} runs per page and profile, figure by figure, and in brackets the worst run's score, LCP and TBT when they differ from the median; load average {load_before} before, {load_after} after).\n",
        today(),
        command_line(runs),
        lighthouse_version(),
        chromium_version(),
    );
    for (profile, rows) in &tables {
        text.push('\n');
        text.push_str(&table(*profile, rows));
    }
    println!("\n{text}");
    let failed: Vec<String> = tables
        .iter()
        .flat_map(|(profile, rows)| {
            rows.iter().filter_map(move |r| {
                r.result
                    .as_ref()
                    .err()
                    .map(|e| format!("{} {}: {e}", profile.name(), r.page))
            })
        })
        .collect();
    if !failed.is_empty() {
        return Err(format!(
            "Lighthouse measured no run of:\n  {}",
            failed.join("\n  ")
        ));
    }
    if options.pages.is_empty() {
        let page = root().join(PAGE);
        let old = std::fs::read_to_string(&page).map_err(|e| format!("{PAGE}: {e}"))?;
        let new = replace_between(&old, &text)?;
        std::fs::write(&page, new).map_err(|e| format!("{PAGE}: {e}"))?;
        println!("written into {PAGE}");
    } else {
        println!("(some pages only: {PAGE} left as it was)");
    }
    Ok(())
}

/// `runs` Lighthouse runs of `url` under `profile`, and their figures.
fn measure(url: &str, profile: Profile, runs: usize) -> Result<Measured, String> {
    let mut seen = Vec::new();
    let mut errors = Vec::new();
    for _ in 0..runs {
        match lighthouse(url, profile) {
            Ok(f) => {
                println!(
                    "    score {:.2}  FCP {:.0} ms  LCP {:.0} ms  TBT {:.0} ms  CLS {:.3}  {:.0} bytes",
                    f.score, f.fcp, f.lcp, f.tbt, f.cls, f.bytes
                );
                seen.push(f);
            }
            Err(e) => {
                println!("    failed: {e}");
                errors.push(e);
            }
        }
    }
    Measured::of(&seen).ok_or_else(|| errors.join("; "))
}

/// One Lighthouse run: its JSON report on standard output, read.
fn lighthouse(url: &str, profile: Profile) -> Result<Figures, String> {
    let mut c = cmd("lighthouse");
    c.arg(url)
        .args([
            "--quiet",
            "--only-categories=performance",
            "--output=json",
            "--output-path=stdout",
        ])
        .arg(format!("--chrome-flags={CHROME_FLAGS}"))
        .args(profile.args())
        .env("CHROME_PATH", "/usr/bin/chromium");
    let out = c
        .output()
        .map_err(|e| format!("cannot start lighthouse: {e}"))?;
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        let last = stderr.lines().rev().find(|l| !l.trim().is_empty());
        return Err(format!(
            "lighthouse failed ({}): {}",
            out.status,
            last.unwrap_or("no message")
        ));
    }
    figures(&String::from_utf8_lossy(&out.stdout))
}

/// The table of one profile, in Markdown: each figure's median, and in
/// brackets the worst run's score, LCP and TBT where they differ from it;
/// a figure that misses the issue's goal in bold. The goals are held to
/// the medians.
fn table(profile: Profile, rows: &[Row]) -> String {
    let mut out = format!(
        "| {} page | score | FCP | LCP | TBT | CLS | transferred |\n|---|---|---|---|---|---|---|\n",
        profile.name()
    );
    out.push_str(&format!(
        "| *goal* | *≥ {:.2}* | | *≤ {}* | *≤ {}* | *≤ {CLS_GOAL}* | *≤ {}* |\n",
        profile.goal(),
        seconds(LCP_GOAL_MS),
        millis(TBT_GOAL_MS),
        kilobytes(BYTES_GOAL),
    ));
    for row in rows {
        match &row.result {
            Ok(m) => {
                let (f, w) = (&m.median, &m.worst);
                let score = |s: f64| (format!("{s:.2}"), s >= profile.goal());
                let lcp = |ms: f64| (seconds(ms), ms <= LCP_GOAL_MS);
                let tbt = |ms: f64| (millis(ms), ms <= TBT_GOAL_MS);
                out.push_str(&format!(
                    "| {} | {} | {} | {} | {} | {} | {} |\n",
                    row.page,
                    with_worst(score(f.score), score(w.score)),
                    seconds(f.fcp),
                    with_worst(lcp(f.lcp), lcp(w.lcp)),
                    with_worst(tbt(f.tbt), tbt(w.tbt)),
                    marked((format!("{:.3}", f.cls), f.cls <= CLS_GOAL)),
                    marked((kilobytes(f.bytes), f.bytes <= BYTES_GOAL)),
                ));
            }
            Err(e) => out.push_str(&format!("| {} | no run: {e} | | | | | |\n", row.page)),
        }
    }
    out
}

/// Milliseconds as the tables show them, in seconds.
fn seconds(ms: f64) -> String {
    format!("{:.1} s", ms / 1000.0)
}

/// Milliseconds as the tables show them.
fn millis(ms: f64) -> String {
    format!("{ms:.0} ms")
}

/// Bytes as the tables show them, in KB (1,000 bytes).
fn kilobytes(bytes: f64) -> String {
    format!("{:.0} KB", bytes / 1000.0)
}

/// A figure as shown, and whether it meets its goal.
type Shown = (String, bool);

/// The figure, in bold if it misses its goal.
fn marked((text, met): Shown) -> String {
    if met { text } else { format!("**{text}**") }
}

/// The median, and the worst run's figure in brackets if it shows
/// differently; each in bold if it misses its goal.
fn with_worst(median: Shown, worst: Shown) -> String {
    if worst.0 == median.0 {
        marked(median)
    } else {
        format!("{} ({})", marked(median), marked(worst))
    }
}

/// `page` with what lies between the lines [`BEGIN`] and [`END`] replaced
/// by `text`.
fn replace_between(page: &str, text: &str) -> Result<String, String> {
    let missing = || format!("{PAGE} has no lines `{BEGIN}` and `{END}`, in that order");
    let start = page.find(BEGIN).ok_or_else(missing)? + BEGIN.len();
    let end = start + page[start..].find(END).ok_or_else(missing)?;
    Ok(format!(
        "{}\n\n{}\n{}",
        &page[..start],
        text.trim_end(),
        &page[end..]
    ))
}

/// The command that reproduces the tables.
fn command_line(runs: usize) -> String {
    format!("cargo xtask bench --only lighthouse --runs {runs}")
}

/// The one-minute load average, as /proc/loadavg says it.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "unknown".into())
}

/// Today's date (UTC), as `date` writes it.
fn today() -> String {
    output(cmd("date").args(["-u", "+%Y-%m-%d"]))
        .map(|d| d.trim().to_owned())
        .unwrap_or_else(|| "an unknown date".into())
}

fn lighthouse_version() -> String {
    output(cmd("lighthouse").arg("--version"))
        .map(|v| format!("Lighthouse {}", v.trim()))
        .unwrap_or_else(|| "Lighthouse".into())
}

/// `Chromium 156.0.8078.114`: the first two words of its version line.
fn chromium_version() -> String {
    output(cmd("/usr/bin/chromium").arg("--version"))
        .map(|v| v.split_whitespace().take(2).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|| "Chromium".into())
}

/// The site folder the benches measure: built, or as it is (`--no-build`:
/// `ARCHSIM_SITE` as the browser tests read it, else `target/site`).
pub fn site_folder(build: bool) -> Result<PathBuf, String> {
    let site = if build {
        crate::site::build()?
    } else {
        std::env::var_os("ARCHSIM_SITE")
            .map(PathBuf::from)
            .unwrap_or_else(|| root().join("target/site"))
    };
    if site.join("index.html").is_file() {
        Ok(site)
    } else {
        Err(format!(
            "{} has no index.html; run without --no-build",
            site.display()
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::{
        BEGIN, END, Figures, Measured, Profile, Row, figures, median, medians, replace_between,
        table, worst,
    };

    #[test]
    fn a_report_gives_its_figures_or_says_what_is_missing() {
        let report = r#"{"categories":{"performance":{"score":0.97}},"audits":{
            "first-contentful-paint":{"numericValue":1200.5},
            "largest-contentful-paint":{"numericValue":2100},
            "total-blocking-time":{"numericValue":40},
            "cumulative-layout-shift":{"numericValue":0.01},
            "total-byte-weight":{"numericValue":250000}}}"#;
        let expected = Figures {
            score: 0.97,
            fcp: 1200.5,
            lcp: 2100.0,
            tbt: 40.0,
            cls: 0.01,
            bytes: 250_000.0,
        };
        assert_eq!(figures(report), Ok(expected));
        let no_score = report.replace("0.97", "null");
        assert!(
            figures(&no_score)
                .unwrap_err()
                .contains("/categories/performance/score")
        );
        let failed = r#"{"runtimeError":{"code":"NO_FCP","message":"The page did not paint"}}"#;
        assert_eq!(
            figures(failed),
            Err("Lighthouse: The page did not paint".into())
        );
        assert!(figures("garbage").is_err());
    }

    #[test]
    fn medians_and_the_worst_are_taken_figure_by_figure() {
        assert_eq!(median(vec![3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(vec![4.0, 1.0]), Some(2.5));
        assert_eq!(median(vec![]), None);
        let run = |score, tbt| Figures {
            score,
            fcp: 1.0,
            lcp: 2.0,
            tbt,
            cls: 0.0,
            bytes: 10.0,
        };
        let m = medians(&[run(0.9, 300.0), run(0.95, 100.0), run(0.99, 200.0)]).unwrap();
        assert_eq!((m.score, m.tbt), (0.95, 200.0));
        assert!(medians(&[]).is_none());
        let w = worst(&[run(0.9, 300.0), run(0.95, 100.0), run(0.99, 200.0)]).unwrap();
        assert_eq!((w.score, w.tbt), (0.9, 300.0));
        assert!(worst(&[]).is_none());
    }

    #[test]
    fn the_table_shows_the_medians_and_a_worse_run_in_brackets() {
        let run = |score, lcp, tbt| Figures {
            score,
            fcp: 1200.0,
            lcp,
            tbt,
            cls: 0.01,
            bytes: 250_000.0,
        };
        // (runs, the row's score, LCP and TBT cells)
        let cases = [
            (vec![run(0.99, 1700.0, 10.0)], "0.99", "1.7 s", "10 ms"),
            (
                vec![
                    run(0.99, 1700.0, 10.0),
                    run(1.0, 1710.0, 30.0),
                    run(0.9, 2600.0, 140.0),
                ],
                "0.99 (**0.90**)",
                "1.7 s (**2.6 s**)",
                "30 ms (**140 ms**)",
            ),
            (
                vec![
                    run(0.9, 2600.0, 120.0),
                    run(0.9, 2600.0, 120.0),
                    run(1.0, 1700.0, 0.0),
                ],
                "**0.90**",
                "**2.6 s**",
                "**120 ms**",
            ),
        ];
        for (runs, score, lcp, tbt) in cases {
            let row = Row {
                page: "p.html".into(),
                result: Ok(Measured::of(&runs).unwrap()),
            };
            let text = table(Profile::Mobile, &[row]);
            let line = text.lines().last().unwrap();
            assert_eq!(
                line,
                format!("| p.html | {score} | 1.2 s | {lcp} | {tbt} | 0.010 | 250 KB |"),
                "{runs:?}"
            );
        }
        let failed = Row {
            page: "q.html".into(),
            result: Err("no FCP".into()),
        };
        let text = table(Profile::Desktop, &[failed]);
        assert!(
            text.contains(
                "| *goal* | *≥ 0.99* | | *≤ 2.5 s* | *≤ 100 ms* | *≤ 0.05* | *≤ 300 KB* |\n"
            ),
            "{text}"
        );
        assert!(
            text.ends_with("| q.html | no run: no FCP | | | | | |\n"),
            "{text}"
        );
    }

    #[test]
    fn the_tables_replace_what_lies_between_the_markers() {
        let page = format!("# Performance\n\nprose\n{BEGIN}\n\nold table\n{END}\n\nmore prose\n");
        let new = replace_between(&page, "new table\n").unwrap();
        assert_eq!(
            new,
            format!("# Performance\n\nprose\n{BEGIN}\n\nnew table\n{END}\n\nmore prose\n")
        );
        // Idempotent: the markers stay, once each.
        assert_eq!(replace_between(&new, "new table\n").unwrap(), new);
        assert!(replace_between("no markers", "x").is_err());
        assert!(replace_between(&format!("{END}\n{BEGIN}"), "x").is_err());
    }
}
