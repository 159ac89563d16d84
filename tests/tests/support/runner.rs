//! The harness of the browser files (`harness = false`), on libtest-mimic.
//!
//! libtest-mimic gives the command line and the output of libtest (`test
//! NAME ... ok`, the failures, `test result:`, name filters, `--exact`,
//! `--skip`, `--list`, exit 101 on a failure). What is ours: the scenarios
//! of one file share one chromedriver and one browser session, so they run
//! one after another on one thread (`--test-threads` is always 1), the
//! session starts with the first scenario that runs (never for `--list` or
//! when every scenario is filtered out) and is closed after the last; a
//! failed scenario leaves a screenshot (every one does with
//! `ARCHSIM_SCREENSHOTS=1`); and the lines a scenario notes (measurements)
//! are printed to stderr at the end, so stdout stays libtest's.

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};

use libtest_mimic::{Arguments, Failed, Trial};

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
    /// The scenario (`Send`, as libtest-mimic's trials are; it runs on the
    /// main thread all the same).
    pub run: Box<dyn for<'a> Fn(&'a Ctx) -> Run<'a> + Send>,
}

impl Case {
    /// A case from a name and an `async fn(&Ctx) -> Outcome`-like closure.
    pub fn new(
        name: impl Into<String>,
        run: impl for<'a> Fn(&'a Ctx) -> Run<'a> + Send + 'static,
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

/// Run `cases` (built once the site is known) in one session with
/// `options`, print libtest's report, and exit.
pub fn main(file: &'static str, options: Options, cases: impl FnOnce(&Served) -> Vec<Case>) -> ! {
    let mut args = Arguments::from_args();
    // One browser session: one scenario at a time.
    args.test_threads = Some(1);
    let served = match site::folder().and_then(|root| Served::start(&root)) {
        Ok(served) => served,
        Err(e) => {
            eprintln!("\n{file}: cannot run the browser tests: {e}\n");
            println!(
                "test result: FAILED. 0 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out"
            );
            std::process::exit(101);
        }
    };
    let cases = cases(&served);
    let shared = Arc::new(Mutex::new(Shared {
        file,
        options,
        site: Some(served),
        browser: None,
        notes: Vec::new(),
    }));
    let trials = cases
        .into_iter()
        .map(|case| {
            let shared = Arc::clone(&shared);
            Trial::test(case.name.clone(), move || {
                shared
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .run(&case)
            })
        })
        .collect();
    let conclusion = libtest_mimic::run(&args, trials);
    let mut shared = shared.lock().unwrap_or_else(PoisonError::into_inner);
    shared.close();
    if !shared.notes.is_empty() {
        eprintln!("notes:");
        for (case, line) in &shared.notes {
            eprintln!("    {case}: {line}");
        }
    }
    conclusion.exit()
}

/// What the scenarios of a file share: the site until the browser starts,
/// then the browser and everything a scenario gets.
struct Shared {
    file: &'static str,
    options: Options,
    site: Option<Served>,
    browser: Option<Result<Browser, String>>,
    /// (scenario, line) for every note, printed at the end.
    notes: Vec<(String, String)>,
}

/// The started browser: its runtime and what every scenario gets.
struct Browser {
    runtime: tokio::runtime::Runtime,
    ctx: Ctx,
}

impl Shared {
    /// The browser, started on first use; a failure to start fails every
    /// scenario with the same reason, and is tried once.
    fn browser(&mut self) -> Result<&Browser, String> {
        if self.browser.is_none() {
            let started = self.start();
            self.browser = Some(started);
        }
        match self.browser.as_ref() {
            Some(Ok(browser)) => Ok(browser),
            Some(Err(e)) => Err(format!("cannot run the browser tests: {e}")),
            None => Err("the browser was closed".to_owned()),
        }
    }

    fn start(&mut self) -> Result<Browser, String> {
        let site = self.site.take().ok_or("the site is gone")?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| format!("no async runtime: {e}"))?;
        let chrome = Chrome::start()?;
        let session = runtime.block_on(chrome.session(&self.options))?;
        Ok(Browser {
            runtime,
            ctx: Ctx {
                site,
                chrome,
                session,
                file: self.file,
                notes: Default::default(),
            },
        })
    }

    /// Run one scenario, and take its screenshot when it failed.
    fn run(&mut self, case: &Case) -> Result<(), Failed> {
        let file = self.file;
        let browser = self.browser()?;
        let (runtime, ctx) = (&browser.runtime, &browser.ctx);
        let result =
            std::panic::catch_unwind(AssertUnwindSafe(|| runtime.block_on((case.run)(ctx))))
                .unwrap_or_else(|panic| {
                    Err(panic
                        .downcast_ref::<String>()
                        .cloned()
                        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                        .unwrap_or_else(|| "panicked".to_owned()))
                });
        // The console of one scenario must not be blamed on the next.
        let _ = runtime.block_on(ctx.session.logs());
        let failed_shot = format!("{file}-{}-FAILED", case.name);
        let mut message = result.err();
        if message.is_none() {
            // A picture of an old failure must not outlive the fix.
            let _ = std::fs::remove_file(screenshot_path(&failed_shot));
        }
        if message.is_some() || screenshots_wanted() {
            let name = match message {
                Some(_) => failed_shot,
                None => format!("{file}-{}", case.name),
            };
            if let (Ok(path), Some(message)) = (
                runtime.block_on(ctx.session.screenshot(&name)),
                &mut message,
            ) {
                message.push_str(&format!("\nscreenshot: {}", path.display()));
            }
        }
        let notes: Vec<String> = ctx.notes.borrow_mut().drain(..).collect();
        self.notes
            .extend(notes.into_iter().map(|line| (case.name.clone(), line)));
        message.map_or(Ok(()), |m| Err(m.into()))
    }

    /// Close the session and chromedriver, if they started.
    fn close(&mut self) {
        if let Some(Ok(Browser { runtime, ctx })) = self.browser.take() {
            let Ctx {
                session, chrome, ..
            } = ctx;
            runtime.block_on(session.close());
            drop(chrome);
        }
    }
}
