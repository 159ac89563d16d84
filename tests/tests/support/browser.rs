//! chromedriver and headless Chromium sessions, through fantoccini.
//!
//! [`Chrome`] owns one chromedriver process (its own process group, so
//! dropping it also ends the browsers it started); [`Session`] is one
//! browser with a fresh profile, and the few things the tests ask of it:
//! open a page, run a script, wait for a condition, read the console log,
//! take a screenshot.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use fantoccini::wd::{Capabilities, WebDriverCompatibleCommand};
use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};

/// How long a wait for the page may take before the test fails. Not a
/// speed requirement: a generous bound so a broken page fails instead of
/// hanging.
pub const WAIT: Duration = Duration::from_secs(20);

/// The chromedriver binary: `ARCHSIM_CHROMEDRIVER`, else Debian's.
fn driver_path() -> PathBuf {
    std::env::var_os("ARCHSIM_CHROMEDRIVER")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromedriver"))
}

/// A running chromedriver.
pub struct Chrome {
    child: Child,
    port: u16,
    /// Where chromedriver's own output goes (shown when it fails to start).
    log: PathBuf,
}

impl Chrome {
    /// Start chromedriver on a free port and wait until it answers.
    pub fn start() -> Result<Chrome, String> {
        let driver = driver_path();
        if !driver.is_file() {
            return Err(format!(
                "{} not found: install Debian's chromium and chromium-driver \
                 (`apt-get install chromium chromium-driver`), or set ARCHSIM_CHROMEDRIVER",
                driver.display()
            ));
        }
        let port = free_port()?;
        let log = std::env::temp_dir().join(format!(
            "archsim-e2e-chromedriver-{}-{port}.log",
            std::process::id()
        ));
        let out = std::fs::File::create(&log).map_err(|e| format!("{}: {e}", log.display()))?;
        let err = out.try_clone().map_err(|e| e.to_string())?;
        let mut command = Command::new(&driver);
        command
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err);
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let child = command
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", driver.display()))?;
        let mut chrome = Chrome { child, port, log };
        let start = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if let Ok(Some(status)) = chrome.child.try_wait() {
                return Err(format!(
                    "chromedriver exited ({status}) at start:\n{}",
                    chrome.log_text()
                ));
            }
            if start.elapsed() > WAIT {
                return Err(format!(
                    "chromedriver did not listen on port {port}:\n{}",
                    chrome.log_text()
                ));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        Ok(chrome)
    }

    fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// A new browser session with a fresh profile.
    pub async fn session(&self, options: &Options) -> Result<Session, String> {
        static NEXT: AtomicU32 = AtomicU32::new(1);
        let profile = std::env::temp_dir().join(format!(
            "archsim-e2e-profile-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&profile);
        std::fs::create_dir_all(&profile).map_err(|e| format!("{}: {e}", profile.display()))?;
        let mut args = vec![
            "--headless=new".to_owned(),
            "--no-sandbox".to_owned(),
            "--disable-dev-shm-usage".to_owned(),
            "--disable-gpu".to_owned(),
            "--disable-background-networking".to_owned(),
            "--disable-component-update".to_owned(),
            "--disable-sync".to_owned(),
            "--no-first-run".to_owned(),
            "--no-default-browser-check".to_owned(),
            "--enable-precise-memory-info".to_owned(),
            format!("--window-size={},{}", options.width, options.height),
            format!("--user-data-dir={}", profile.display()),
        ];
        if !options.javascript {
            args.push("--blink-settings=scriptEnabled=false".to_owned());
        }
        if options.expose_gc {
            args.push("--js-flags=--expose-gc".to_owned());
        }
        let mut chrome_options = json!({ "args": args });
        if !options.javascript {
            chrome_options["prefs"] =
                json!({ "profile.managed_default_content_settings.javascript": 2 });
        }
        if options.phone {
            chrome_options["mobileEmulation"] = json!({ "deviceMetrics": {
                "width": options.width,
                "height": options.height,
                "pixelRatio": 1.0,
                "touch": true,
            }});
        }
        if let Some(binary) = std::env::var_os("ARCHSIM_CHROMIUM") {
            chrome_options["binary"] = json!(binary.to_string_lossy());
        }
        let mut caps = Capabilities::new();
        caps.insert("goog:chromeOptions".into(), chrome_options);
        caps.insert("goog:loggingPrefs".into(), json!({ "browser": "ALL" }));
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .map_err(|e| format!("cannot start a browser session: {e}\n{}", self.log_text()))?;
        Ok(Session {
            client,
            profile,
            javascript: options.javascript,
        })
    }
}

impl Drop for Chrome {
    /// Ask chromedriver to quit (it closes its sessions' browsers), then
    /// end what is left of its process group.
    fn drop(&mut self) {
        if let Ok(mut stream) = TcpStream::connect(("127.0.0.1", self.port)) {
            let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
            let _ = write!(
                stream,
                "GET /shutdown HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
            );
            let _ = stream.read_to_end(&mut Vec::new());
        }
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(3) {
            if let Ok(Some(_)) = self.child.try_wait() {
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill")
            .args(["-KILL", "--", &group])
            .stderr(Stdio::null())
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_file(&self.log);
    }
}

fn free_port() -> Result<u16, String> {
    let listener = TcpListener::bind(("127.0.0.1", 0)).map_err(|e| format!("no free port: {e}"))?;
    listener
        .local_addr()
        .map(|a| a.port())
        .map_err(|e| e.to_string())
}

/// How a session's browser is set up.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Whether scripts run (`false`: the reader without JavaScript).
    pub javascript: bool,
    /// Window width, CSS pixels.
    pub width: u32,
    /// Window height, CSS pixels.
    pub height: u32,
    /// Give pages `window.gc()` (the benchmark measures the live heap).
    pub expose_gc: bool,
    /// Emulate a phone of the window's size (touch, device width): a
    /// desktop window cannot be narrower than 500 px.
    pub phone: bool,
}

impl Options {
    /// A phone: 390 × 844 CSS pixels, emulated (touch, device width).
    pub fn phone() -> Options {
        Options {
            width: 390,
            height: 844,
            phone: true,
            ..Options::default()
        }
    }
}

impl Default for Options {
    fn default() -> Options {
        Options {
            javascript: true,
            width: 1280,
            height: 900,
            expose_gc: false,
            phone: false,
        }
    }
}

/// One browser-console message.
#[derive(Clone, Debug)]
pub struct LogEntry {
    /// `SEVERE`, `WARNING`, `INFO`, `DEBUG`.
    pub level: String,
    /// `javascript`, `console-api`, `network`, ...
    pub source: String,
    /// The text (for `network`: the failed URL and status).
    pub message: String,
}

/// One thing the page loaded, from the Resource Timing API.
#[derive(Clone, Debug)]
pub struct Resource {
    /// Its address.
    pub url: String,
    /// The HTTP status (0 when the request failed, or the browser did not say).
    pub status: u64,
    /// `navigation` for the document, else the initiator (`script`, `link`, `fetch`...).
    pub initiator: String,
}

/// One browser.
pub struct Session {
    /// The WebDriver client (public for what the helpers do not cover).
    pub client: Client,
    profile: PathBuf,
    javascript: bool,
}

impl Session {
    /// Open `url` and wait until the document has loaded.
    pub async fn open(&self, url: &str) -> Result<(), String> {
        self.client
            .goto(url)
            .await
            .map_err(|e| format!("cannot open {url}: {e}"))?;
        if self.javascript {
            self.wait_until(
                &format!("{url} to finish loading"),
                "return document.readyState === 'complete'",
                vec![],
            )
            .await?;
        }
        Ok(())
    }

    /// Run `script` (a function body: `return ...`, `arguments[0]`...) in the page.
    pub async fn js(&self, script: &str, args: Vec<Value>) -> Result<Value, String> {
        self.client
            .execute(script, args)
            .await
            .map_err(|e| format!("script failed: {e}\n--- script ---\n{script}"))
    }

    /// Run an async `script`: it ends by calling `done(value)` (the last
    /// argument, named `done` for it).
    pub async fn js_async(&self, script: &str, args: Vec<Value>) -> Result<Value, String> {
        let body = format!("const done = arguments[arguments.length - 1];\n{script}");
        self.client
            .execute_async(&body, args)
            .await
            .map_err(|e| format!("script failed: {e}\n--- script ---\n{script}"))
    }

    /// Poll `script` until it returns something truthy, and return that.
    ///
    /// Fails after [`WAIT`], naming `what` and the last value seen.
    pub async fn wait_until(
        &self,
        what: &str,
        script: &str,
        args: Vec<Value>,
    ) -> Result<Value, String> {
        let start = Instant::now();
        loop {
            let value = self.js(script, args.clone()).await?;
            if truthy(&value) {
                return Ok(value);
            }
            if start.elapsed() > WAIT {
                return Err(format!(
                    "timed out after {}s waiting for {what} (last value: {value})",
                    WAIT.as_secs()
                ));
            }
            tokio::time::sleep(Duration::from_millis(40)).await;
        }
    }

    /// The console messages since the last call (chromedriver's log
    /// endpoint drains them).
    pub async fn logs(&self) -> Result<Vec<LogEntry>, String> {
        let value = self
            .client
            .issue_cmd(Chromedriver {
                path: "se/log",
                body: json!({ "type": "browser" }),
            })
            .await
            .map_err(|e| format!("cannot read the browser log: {e}"))?;
        let entries = value.as_array().cloned().unwrap_or_default();
        Ok(entries
            .iter()
            .map(|e| LogEntry {
                level: text(e, "level"),
                source: text(e, "source"),
                message: text(e, "message"),
            })
            .collect())
    }

    /// The document and everything it loaded so far.
    pub async fn resources(&self) -> Result<Vec<Resource>, String> {
        let value = self
            .js(
                "return performance.getEntriesByType('navigation')
                    .concat(performance.getEntriesByType('resource'))
                    .map(e => ({ url: e.name, status: e.responseStatus || 0,
                                 initiator: e.entryType === 'navigation' ? 'navigation' : e.initiatorType }));",
                vec![],
            )
            .await?;
        Ok(value
            .as_array()
            .cloned()
            .unwrap_or_default()
            .iter()
            .map(|e| Resource {
                url: text(e, "url"),
                status: e["status"].as_u64().unwrap_or(0),
                initiator: text(e, "initiator"),
            })
            .collect())
    }

    /// Run a script in every new document before its own scripts (the
    /// Chrome DevTools Protocol, through chromedriver).
    pub async fn on_new_document(&self, source: &str) -> Result<(), String> {
        self.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": source }),
        )
        .await
        .map_err(|e| format!("cannot add a start-up script: {e}"))
    }

    /// Emulate the system's colour scheme (`light` or `dark`) for
    /// `prefers-color-scheme` (the Chrome DevTools Protocol).
    pub async fn prefer_colour_scheme(&self, scheme: &str) -> Result<(), String> {
        let features = json!({ "features": [{ "name": "prefers-color-scheme", "value": scheme }] });
        self.cdp("Emulation.setEmulatedMedia", features)
            .await
            .map_err(|e| format!("cannot emulate a {scheme} colour scheme: {e}"))
    }

    /// Make every request whose URL matches one of `patterns` (`*` for any
    /// text) fail, as a missing file or a broken network would; an empty
    /// list lifts the block (the Chrome DevTools Protocol).
    pub async fn block_urls(&self, patterns: &[&str]) -> Result<(), String> {
        self.cdp("Network.enable", json!({}))
            .await
            .map_err(|e| format!("cannot enable the network domain: {e}"))?;
        self.cdp("Network.setBlockedURLs", json!({ "urls": patterns }))
            .await
            .map_err(|e| format!("cannot block {patterns:?}: {e}"))
    }

    /// One DevTools Protocol command, through chromedriver.
    async fn cdp(&self, cmd: &'static str, params: Value) -> Result<(), String> {
        self.client
            .issue_cmd(Chromedriver {
                path: "goog/cdp/execute",
                body: json!({ "cmd": cmd, "params": params }),
            })
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    }

    /// Write a PNG of the viewport to `tests/screenshots/NAME.png`.
    pub async fn screenshot(&self, name: &str) -> Result<PathBuf, String> {
        let png = self
            .client
            .screenshot()
            .await
            .map_err(|e| format!("screenshot failed: {e}"))?;
        let file = screenshot_path(name);
        let dir = screenshots_dir();
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        std::fs::write(&file, png).map_err(|e| format!("{}: {e}", file.display()))?;
        Ok(file)
    }

    /// End the session (the browser quits) and remove its profile.
    pub async fn close(self) {
        let _ = self.client.close().await;
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// `tests/screenshots/` in this crate (git-ignored).
pub fn screenshots_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("screenshots")
}

/// Where the screenshot called `name` goes: its name with every character
/// but letters, digits and `-` made `_`.
pub fn screenshot_path(name: &str) -> PathBuf {
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    screenshots_dir().join(format!("{safe}.png"))
}

/// Whether screenshots of the key pages are wanted even when all passes.
pub fn screenshots_wanted() -> bool {
    std::env::var_os("ARCHSIM_SCREENSHOTS").is_some_and(|v| v != "0" && !v.is_empty())
}

fn text(value: &Value, key: &str) -> String {
    value[key].as_str().unwrap_or_default().to_owned()
}

/// JavaScript's truthiness, for the values a script returns.
pub fn truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(_) | Value::Object(_) => true,
    }
}

/// One of chromedriver's own commands: `POST /session/ID/{path}` with a
/// JSON body (its browser log, `se/log`; a DevTools Protocol command,
/// `goog/cdp/execute`).
#[derive(Debug)]
struct Chromedriver {
    path: &'static str,
    body: Value,
}

impl WebDriverCompatibleCommand for Chromedriver {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/{}",
            session_id.unwrap_or_default(),
            self.path
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}
