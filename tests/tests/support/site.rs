//! The built site: where it is, which pages it has, and serving it.
//!
//! The site is served twice by the crate's own static server: at the root,
//! and under a sub-path (`/docs/`, through a symlink in a temporary folder),
//! because the book promises to work from any sub-path of a static host.
//! Pages are opened under the sub-path, except mdBook's `404.html`, which
//! is written for the site root (its `<base href>` is the configured
//! `site-url`).

use std::path::{Path, PathBuf};

use archsim_e2e::server;

/// The sub-path the pages are served under.
pub const SUB_PATH: &str = "docs/";

/// The site folder: `ARCHSIM_SITE`, or the workspace's `target/site`.
///
/// Returns an error that says how to build the site when it has no
/// `index.html`.
pub fn folder() -> Result<PathBuf, String> {
    let folder = std::env::var_os("ARCHSIM_SITE")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/site"));
    let folder = folder.canonicalize().unwrap_or(folder);
    if folder.join("index.html").is_file() {
        Ok(folder)
    } else {
        Err(format!(
            "{} has no index.html: build the site first with `cargo xtask build` \
             (or point ARCHSIM_SITE at a built site)",
            folder.display()
        ))
    }
}

/// Every HTML page of the site, as paths relative to its root with `/`
/// separators, sorted (`archsim_e2e::site`, which the bench walks too).
pub fn pages(root: &Path) -> Vec<String> {
    archsim_e2e::site::html_pages(root).unwrap_or_else(|e| panic!("the site's pages: {e}"))
}

/// The site, served.
pub struct Served {
    /// The site folder.
    pub root: PathBuf,
    /// `http://127.0.0.1:PORT/`: the site at the root.
    pub at_root: String,
    /// `http://127.0.0.1:PORT/docs/`: the site under a sub-path.
    pub at_sub: String,
    /// The temporary folder holding the sub-path's symlink.
    temp: PathBuf,
}

impl Served {
    /// Serve `root` on two free ports of 127.0.0.1 (the servers' threads
    /// end with the process).
    pub fn start(root: &Path) -> Result<Served, String> {
        let temp = std::env::temp_dir().join(format!("archsim-e2e-site-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&temp);
        std::fs::create_dir_all(&temp).map_err(|e| format!("{}: {e}", temp.display()))?;
        let link = temp.join(SUB_PATH.trim_end_matches('/'));
        std::os::unix::fs::symlink(root, &link).map_err(|e| format!("{}: {e}", link.display()))?;
        let a = server::spawn(root, 0).map_err(|e| format!("cannot serve the site: {e}"))?;
        let b = server::spawn(&temp, 0).map_err(|e| format!("cannot serve the site: {e}"))?;
        Ok(Served {
            root: root.to_path_buf(),
            at_root: format!("http://{a}/"),
            at_sub: format!("http://{b}/{SUB_PATH}"),
            temp,
        })
    }

    /// The address of `page` (a path relative to the site root, maybe with
    /// a fragment).
    pub fn url(&self, page: &str) -> String {
        if page.starts_with("404.html") {
            format!("{}{page}", self.at_root)
        } else {
            format!("{}{page}", self.at_sub)
        }
    }

    /// The site file a same-origin URL loads, or `None` for another origin
    /// or a missing file.
    pub fn file_of(&self, url: &str) -> Option<PathBuf> {
        let path = url
            .strip_prefix(&self.at_sub)
            .or_else(|| url.strip_prefix(&self.at_root))?;
        server::resolve(&self.root, &format!("/{path}"))
    }

    /// Whether `url` is one of the two servers'.
    pub fn is_local(&self, url: &str) -> bool {
        let origin = |base: &str| base.split('/').take(3).collect::<Vec<_>>().join("/");
        url.starts_with(&origin(&self.at_root)) || url.starts_with(&origin(&self.at_sub))
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.temp);
    }
}

/// Whether `page` is mdBook's print page (the whole book on one page),
/// where the loader leaves the static views in place.
pub fn is_print(page: &str) -> bool {
    page == "print.html"
}

/// How many widget mount points a page's HTML holds.
pub fn mount_points(root: &Path, page: &str) -> usize {
    std::fs::read_to_string(root.join(page))
        .map(|html| {
            html.matches("<div class=\"archsim\" data-archsim=\"")
                .count()
        })
        .unwrap_or(0)
}

/// The bundles a page's mount points need (`contract::Kind::bundle`), read
/// from its HTML: what the loader must fetch, and nothing more.
pub fn bundles(root: &Path, page: &str) -> std::collections::BTreeSet<&'static str> {
    use archsim_view::contract::{Bundle, Kind};
    let html = std::fs::read_to_string(root.join(page)).unwrap_or_default();
    html.split("<div class=\"archsim\" data-archsim=\"")
        .skip(1)
        .map(|rest| {
            let kind = rest.split('"').next().unwrap_or_default();
            Kind::parse(kind)
                .map_or(Bundle::Widgets, Kind::bundle)
                .stem()
        })
        .collect()
}

/// The bundles among `files` (paths under `root`): the stem of each
/// module or glue file in the site's `archsim/`.
pub fn bundles_loaded(
    root: &Path,
    files: &std::collections::BTreeSet<PathBuf>,
) -> std::collections::BTreeSet<&'static str> {
    use archsim_view::contract::Bundle;
    Bundle::ALL
        .iter()
        .map(|b| b.stem())
        .filter(|stem| {
            let (js, wasm) = (format!("{stem}.js"), format!("{stem}_bg.wasm"));
            files.iter().any(|f| {
                f.strip_prefix(root).is_ok_and(|p| {
                    p.parent() == Some(Path::new("archsim"))
                        && p.file_name()
                            .is_some_and(|n| n == js.as_str() || n == wasm.as_str())
                })
            })
        })
        .collect()
}
