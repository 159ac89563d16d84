//! Build orchestration for archsim (the cargo-xtask convention).
//!
//! `cargo xtask test`  installs what is missing, then runs every check and test.
//! `cargo xtask build` writes the static site to `target/site/`.
//! `cargo xtask serve` builds the site and serves it on 127.0.0.1.
//! `cargo xtask bench` runs the benchmarks and prints a table; its page
//!                   loads (Lighthouse) go into the book's performance page.
//! `cargo xtask fuzz`  runs the fuzz targets (nightly, cargo-fuzz).
//!
//! Every task installs the tools it needs, idempotently, so a fresh machine
//! needs nothing but rustup's Rust.

mod bench;
mod compress;
mod fuzz;
mod imports;
mod lighthouse;
mod run;
mod serve;
mod site;
mod size;
mod test;
mod tools;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <test|build|serve|bench|fuzz> [options]

  test            install missing tools, then run every check and test
  build           build the static site into target/site/
  serve [--port N] [--no-build]
                  build the site and serve it on 127.0.0.1 (default port 3000)
  bench [--quick] [--only engine|browser|lighthouse] [--runs N] [--page P] [--no-build]
                  run every benchmark (or those --only names) and print a
                  table; Lighthouse measures every page N times (default 3)
                  per profile and writes its tables into the book's
                  performance page (--page P: only pages whose path holds
                  P, printed, not written; --no-build: the site at
                  ARCHSIM_SITE or target/site, as it is)
  fuzz [TARGET] [--time SECONDS]
                  run one fuzz target, or each in turn (default 60 s each;
                  installs nightly and cargo-fuzz)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("test") => test::run(&args[1..]),
        Some("build") => site::build().map(|_| ()),
        Some("serve") => serve::run(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        Some("fuzz") => fuzz::run(&args[1..]),
        Some("-h" | "--help" | "help") | None => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some(other) => Err(format!("unknown task `{other}`\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}
