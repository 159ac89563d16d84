//! `cargo xtask bench`: every benchmark, then a table of medians: the
//! engine (criterion), the widgets in headless Chromium
//! (`tests/examples/browser_bench.rs`), and every page's load under
//! Lighthouse (`lighthouse.rs`), whose tables go into the book's
//! performance page.

use std::path::Path;

use crate::lighthouse;
use crate::run::{cmd, exec, step};

/// The benchmarks, by the name `--only` takes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Part {
    /// The engine's criterion benches.
    Engine,
    /// The widgets in headless Chromium.
    Browser,
    /// Every page under Lighthouse.
    Lighthouse,
}

impl Part {
    const ALL: [Part; 3] = [Part::Engine, Part::Browser, Part::Lighthouse];

    fn name(self) -> &'static str {
        match self {
            Part::Engine => "engine",
            Part::Browser => "browser",
            Part::Lighthouse => "lighthouse",
        }
    }
}

/// The command line's choices.
struct Options {
    quick: bool,
    build: bool,
    only: Vec<Part>,
    lighthouse: lighthouse::Options,
}

/// Lighthouse runs per page and profile unless `--runs` says otherwise.
const RUNS: usize = 3;

fn options(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        quick: false,
        build: true,
        only: Vec::new(),
        lighthouse: lighthouse::Options {
            runs: RUNS,
            pages: Vec::new(),
        },
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = |what: &str| {
            args.next()
                .cloned()
                .ok_or_else(|| format!("{arg} needs {what}"))
        };
        match arg.as_str() {
            "--quick" => options.quick = true,
            "--no-build" => options.build = false,
            "--only" => {
                let name = value("a benchmark's name")?;
                let part = Part::ALL
                    .into_iter()
                    .find(|p| p.name() == name)
                    .ok_or_else(|| {
                        format!("no benchmark `{name}` (engine, browser or lighthouse)")
                    })?;
                options.only.push(part);
            }
            "--runs" => {
                options.lighthouse.runs = value("a number")?
                    .parse()
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or("--runs needs a number above 0")?;
            }
            "--page" => options.lighthouse.pages.push(value("a page's path")?),
            other => return Err(format!("unknown option `{other}` for bench")),
        }
    }
    if options.only.is_empty() {
        options.only = Part::ALL.to_vec();
    }
    Ok(options)
}

pub fn run(args: &[String]) -> Result<(), String> {
    let options = options(args)?;
    let wants = |part| options.only.contains(&part);
    if wants(Part::Engine) {
        step("core benches (criterion)", || {
            let mut c = cmd("cargo");
            c.args(["bench", "-p", "archsim-core", "--bench", "engine", "--"]);
            if options.quick {
                c.arg("--quick");
            }
            c.env(
                "ARCHSIM_BENCH_SIZES",
                std::env::var("ARCHSIM_BENCH_SIZES").unwrap_or_else(|_| "1000,10000,100000".into()),
            );
            exec(&mut c)
        })?;
    }
    if wants(Part::Browser) || wants(Part::Lighthouse) {
        let site = lighthouse::site_folder(options.build)?;
        if wants(Part::Browser) {
            step("browser benches (headless Chromium)", || {
                let mut c = cmd("cargo");
                c.args(["run", "-p", "archsim-e2e", "--example", "browser_bench"])
                    .env("ARCHSIM_SITE", &site);
                exec(&mut c)
            })?;
        }
        if wants(Part::Lighthouse) {
            lighthouse::run(&site, &options.lighthouse)?;
        }
    }
    if wants(Part::Engine) {
        println!("\n{:<70} {:>14}", "benchmark", "median");
        let mut rows = Vec::new();
        collect(&crate::run::cargo_target().join("criterion"), &mut rows);
        rows.sort_by(|a, b| a.0.cmp(&b.0));
        for (name, nanos) in rows {
            println!("{name:<70} {:>14}", human(nanos));
        }
    }
    Ok(())
}

/// Find every `new/estimates.json` and read its median.
fn collect(dir: &Path, rows: &mut Vec<(String, f64)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n == "new") {
                if let Some(median) = median(&path.join("estimates.json")) {
                    let name = path
                        .parent()
                        .and_then(|p| {
                            p.strip_prefix(crate::run::cargo_target().join("criterion"))
                                .ok()
                        })
                        .map(|p| p.display().to_string())
                        .unwrap_or_default();
                    rows.push((name, median));
                }
            } else {
                collect(&path, rows);
            }
        }
    }
}

/// The median's point estimate (ns) from criterion's estimates.json.
fn median(file: &Path) -> Option<f64> {
    median_of(&std::fs::read_to_string(file).ok()?)
}

/// `median.point_estimate` of an estimates.json text, if it has one.
fn median_of(json: &str) -> Option<f64> {
    let estimates: serde_json::Value = serde_json::from_str(json).ok()?;
    estimates.pointer("/median/point_estimate")?.as_f64()
}

fn human(nanos: f64) -> String {
    if nanos >= 1e9 {
        format!("{:.2} s", nanos / 1e9)
    } else if nanos >= 1e6 {
        format!("{:.2} ms", nanos / 1e6)
    } else if nanos >= 1e3 {
        format!("{:.2} µs", nanos / 1e3)
    } else {
        format!("{nanos:.0} ns")
    }
}

#[cfg(test)]
mod tests {
    use super::median_of;

    #[test]
    fn the_median_is_read_wherever_criterion_puts_it() {
        let cases = [
            (
                r#"{"mean":{"point_estimate":9.0},"median":{"confidence_interval":{"lower_bound":1.0},"point_estimate":86601170.125},"median_abs_dev":{"point_estimate":2.0}}"#,
                Some(86601170.125),
            ),
            // Keys in another order, a median_abs_dev first, an exponent.
            (
                r#"{"median_abs_dev":{"point_estimate":2.0},"median":{"point_estimate":1.5e3}}"#,
                Some(1500.0),
            ),
            // Pretty-printed (the old hand parser read nothing here).
            (
                "{\n  \"median\": {\n    \"point_estimate\": 42.0\n  }\n}",
                Some(42.0),
            ),
            (r#"{"mean":{"point_estimate":9.0}}"#, None),
            (r#"{"median":{"point_estimate":"fast"}}"#, None),
            ("not json", None),
        ];
        for (json, expected) in cases {
            assert_eq!(median_of(json), expected, "{json}");
        }
    }
}
