//! `cargo xtask serve`: build the site, then serve it on 127.0.0.1 with the
//! static server the end-to-end tests use too.

use std::net::TcpListener;

use crate::site;

pub fn run(args: &[String]) -> Result<(), String> {
    let mut port: u16 = 3000;
    let mut build = true;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--port" => {
                port = args
                    .get(i + 1)
                    .and_then(|p| p.parse().ok())
                    .ok_or("--port needs a number")?;
                i += 1;
            }
            "--no-build" => build = false,
            other => return Err(format!("unknown option `{other}` for serve")),
        }
        i += 1;
    }
    let root = if build {
        site::build()?
    } else {
        crate::run::root().join("target/site")
    };
    if !root.join("index.html").exists() {
        return Err(format!(
            "{} has no index.html; run without --no-build",
            root.display()
        ));
    }
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    println!(
        "\nServing {} at http://127.0.0.1:{port}/  (Ctrl-C to stop)",
        root.display()
    );
    archsim_e2e::server::serve(&listener, &root);
    Ok(())
}
