//! A small test runner for the browser files (`harness = false`).
//!
//! The scenarios of one file share one chromedriver and one browser
//! session, so they run one after another on one thread; the runner prints
//! what libtest prints (`test NAME ... ok`, the failures, `test result:`),
//! accepts cargo test's name filters, `--exact` and `--list`, takes a
//! screenshot after a failed scenario (and after every one with
//! `ARCHSIM_SCREENSHOTS=1`), and exits 101 when one failed.

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::time::Instant;

use super::browser::{Chrome, Options, Session, screenshot_path, screenshots_wanted};
use super::site::{self, Served};

/// What a scenario returns: `Err` with what the reader would have seen wrong.
pub type Outcome = Result<(), String>;

/// A scenario's future.
pub type Run<'a> = Pin<Box<dyn Future<Output = Outcome> + 'a>>;

/// What every scenario gets.
pub struct Ctx {
    /// The site, served.
    pub site: Served,
    /// chromedriver (for a scenario that needs a second, fresh session).
    pub chrome: Chrome,
    /// The file's browser session.
    pub session: Session,
    /// The binary's name, a prefix for screenshots.
    pub file: &'static str,
    /// Lines a scenario wants printed under its result (measurements).
    notes: std::cell::RefCell<Vec<String>>,
}

impl Ctx {
    /// Print `line` under the running scenario's result.
    pub fn note(&self, line: impl Into<String>) {
        self.notes.borrow_mut().push(line.into());
    }
}

/// One named scenario.
pub struct Case {
    /// Its name, as filters and the report show it.
    pub name: String,
    /// The scenario.
    pub run: Box<dyn for<'a> Fn(&'a Ctx) -> Run<'a>>,
}

impl Case {
    /// A case from a name and an `async fn(&Ctx) -> Outcome`-like closure.
    pub fn new(
        name: impl Into<String>,
        run: impl for<'a> Fn(&'a Ctx) -> Run<'a> + 'static,
    ) -> Case {
        Case {
            name: name.into(),
            run: Box::new(run),
        }
    }
}

/// `case!(scenario_fn)`: a case named after an `async fn(&Ctx) -> Outcome`.
#[allow(unused_macros)]
macro_rules! case {
    ($f:ident) => {
        $crate::support::runner::Case::new(stringify!($f), |ctx| Box::pin($f(ctx)))
    };
}
#[allow(unused_imports)]
pub(crate) use case;

/// The command line cargo test hands over.
struct Args {
    filters: Vec<String>,
    exact: bool,
    list: bool,
    ignored_only: bool,
}

fn args() -> Args {
    let mut a = Args {
        filters: Vec::new(),
        exact: false,
        list: false,
        ignored_only: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--exact" => a.exact = true,
            "--list" => a.list = true,
            "--ignored" => a.ignored_only = true,
            // Options with a value that do not concern this runner.
            "--test-threads" | "--color" | "--format" | "--logfile" | "--skip" | "-Z" => {
                it.next();
            }
            s if s.starts_with('-') => {}
            s => a.filters.push(s.to_owned()),
        }
    }
    a
}

/// Run `cases` (built once the site is known) in one session with
/// `options`, print a libtest-style report, and exit.
pub fn main(file: &'static str, options: Options, cases: impl FnOnce(&Served) -> Vec<Case>) -> ! {
    let args = args();
    let code = match run(file, options, cases, &args) {
        Ok(true) => 0,
        Ok(false) => 101,
        Err(e) => {
            eprintln!("\n{file}: cannot run the browser tests: {e}\n");
            println!(
                "test result: FAILED. 0 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out"
            );
            101
        }
    };
    std::process::exit(code)
}

fn run(
    file: &'static str,
    options: Options,
    cases: impl FnOnce(&Served) -> Vec<Case>,
    args: &Args,
) -> Result<bool, String> {
    let root = site::folder()?;
    let served = Served::start(&root)?;
    let all = cases(&served);
    let total = all.len();
    let selected: Vec<Case> = all
        .into_iter()
        .filter(|c| {
            !args.ignored_only
                && (args.filters.is_empty()
                    || args.filters.iter().any(|f| {
                        if args.exact {
                            c.name == *f
                        } else {
                            c.name.contains(f.as_str())
                        }
                    }))
        })
        .collect();
    if args.list {
        for c in &selected {
            println!("{}: test", c.name);
        }
        println!("\n{} tests, 0 benchmarks", selected.len());
        return Ok(true);
    }
    let filtered = total - selected.len();
    println!("\nrunning {} tests", selected.len());
    if selected.is_empty() {
        println!(
            "\ntest result: ok. 0 passed; 0 failed; 0 ignored; 0 measured; {filtered} filtered out; finished in 0.00s\n"
        );
        return Ok(true);
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("no async runtime: {e}"))?;
    let start = Instant::now();
    let chrome = Chrome::start()?;
    let session = runtime.block_on(chrome.session(&options))?;
    let ctx = Ctx {
        site: served,
        chrome,
        session,
        file,
        notes: Default::default(),
    };
    let mut failures: Vec<(String, String)> = Vec::new();
    for case in &selected {
        let result =
            std::panic::catch_unwind(AssertUnwindSafe(|| runtime.block_on((case.run)(&ctx))))
                .unwrap_or_else(|panic| {
                    Err(panic
                        .downcast_ref::<String>()
                        .cloned()
                        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                        .unwrap_or_else(|| "panicked".to_owned()))
                });
        // The console of one scenario must not be blamed on the next.
        let _ = runtime.block_on(ctx.session.logs());
        let failed = result.is_err();
        let failed_shot = format!("{file}-{}-FAILED", case.name);
        if !failed {
            // A picture of an old failure must not outlive the fix.
            let _ = std::fs::remove_file(screenshot_path(&failed_shot));
        }
        if failed || screenshots_wanted() {
            let name = if failed {
                failed_shot
            } else {
                format!("{file}-{}", case.name)
            };
            match runtime.block_on(ctx.session.screenshot(&name)) {
                Ok(path) if failed => eprintln!("screenshot: {}", path.display()),
                _ => {}
            }
        }
        match result {
            Ok(()) => println!("test {} ... ok", case.name),
            Err(e) => {
                println!("test {} ... FAILED", case.name);
                failures.push((case.name.clone(), e));
            }
        }
        for line in ctx.notes.borrow_mut().drain(..) {
            println!("    {line}");
        }
    }
    let Ctx {
        session, chrome, ..
    } = ctx;
    runtime.block_on(session.close());
    drop(chrome);
    let passed = selected.len() - failures.len();
    if !failures.is_empty() {
        println!("\nfailures:\n");
        for (name, message) in &failures {
            println!("---- {name} ----\n{message}\n");
        }
        println!("failures:");
        for (name, _) in &failures {
            println!("    {name}");
        }
    }
    println!(
        "\ntest result: {}. {passed} passed; {} failed; 0 ignored; 0 measured; {filtered} filtered out; finished in {:.2}s\n",
        if failures.is_empty() { "ok" } else { "FAILED" },
        failures.len(),
        start.elapsed().as_secs_f64()
    );
    Ok(failures.is_empty())
}
