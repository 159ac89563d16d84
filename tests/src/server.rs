//! A small static file server on std alone: GET and HEAD, correct MIME types
//! (wasm modules need `application/wasm`), `index.html` for folders, and
//! paths confined to the site folder; every answer carries the site's
//! Content-Security-Policy ([`crate::csp`]). A file with a compressed
//! copy beside it (`NAME.br`, `NAME.gz`: `cargo xtask build` writes both
//! for every text file and the wasm) is sent as that copy, with its
//! `Content-Encoding`, to a client that accepts it: brotli first, then
//! gzip, as static hosts and CDNs do.

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};

/// Serve `root` on `127.0.0.1:port` (0 picks a free port) from a background
/// thread; returns the bound address.
pub fn spawn(root: &Path, port: u16) -> std::io::Result<SocketAddr> {
    let listener = TcpListener::bind(("127.0.0.1", port))?;
    let addr = listener.local_addr()?;
    let root = root.to_path_buf();
    std::thread::spawn(move || serve(&listener, &root));
    Ok(addr)
}

/// Answer connections on `listener` forever, one thread each.
pub fn serve(listener: &TcpListener, root: &Path) {
    for stream in listener.incoming().flatten() {
        let root = root.to_path_buf();
        std::thread::spawn(move || {
            let _ = answer(stream, &root);
        });
    }
}

/// Answer one request on a connection.
pub fn answer(mut stream: TcpStream, root: &Path) -> std::io::Result<()> {
    let mut line = String::new();
    let mut reader = BufReader::new(&stream);
    reader.read_line(&mut line)?;
    let accepted = accepted(&mut reader)?;
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    if method != "GET" && method != "HEAD" {
        return respond(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain",
            b"method not allowed",
            method == "HEAD",
        );
    }
    match resolve(root, target) {
        Some(path) => match read(&path, accepted) {
            Ok((body, encoding)) => respond(
                &mut stream,
                &format!("200 OK\r\nVary: Accept-Encoding{encoding}"),
                mime(&path),
                &body,
                method == "HEAD",
            ),
            Err(_) => respond(
                &mut stream,
                "404 Not Found",
                "text/plain",
                b"not found",
                method == "HEAD",
            ),
        },
        None => respond(
            &mut stream,
            "404 Not Found",
            "text/plain",
            b"not found",
            method == "HEAD",
        ),
    }
}

/// The compressed forms a client takes, best first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Accepted {
    brotli: bool,
    gzip: bool,
}

/// Read the request's headers; which compressed copies the client takes
/// (`Accept-Encoding`; a coding with `q=0` is refused).
fn accepted(reader: &mut impl BufRead) -> std::io::Result<Accepted> {
    let mut accepted = Accepted::default();
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 {
        if let Some((name, value)) = header.split_once(':')
            && name.eq_ignore_ascii_case("accept-encoding")
        {
            for coding in value.split(',') {
                let mut parts = coding.split(';').map(str::trim);
                let name = parts.next().unwrap_or_default();
                let refused = parts.any(|p| {
                    p.strip_prefix("q=")
                        .and_then(|q| q.parse::<f32>().ok())
                        .is_some_and(|q| q == 0.0)
                });
                if refused {
                    continue;
                }
                accepted.brotli |= name.eq_ignore_ascii_case("br");
                accepted.gzip |= name.eq_ignore_ascii_case("gzip");
            }
        }
        header.clear();
    }
    Ok(accepted)
}

/// A file's bytes, from its compressed copy when the client takes one and
/// there is one (brotli first), with the header line that says so.
fn read(path: &Path, accepted: Accepted) -> std::io::Result<(Vec<u8>, &'static str)> {
    for (taken, suffix, header) in [
        (accepted.brotli, ".br", "\r\nContent-Encoding: br"),
        (accepted.gzip, ".gz", "\r\nContent-Encoding: gzip"),
    ] {
        if !taken {
            continue;
        }
        let mut copy = path.as_os_str().to_owned();
        copy.push(suffix);
        if let Ok(body) = std::fs::read(&copy) {
            return Ok((body, header));
        }
    }
    std::fs::read(path).map(|body| (body, ""))
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    mime: &str,
    body: &[u8],
    head: bool,
) -> std::io::Result<()> {
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {mime}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nContent-Security-Policy: {}\r\nConnection: close\r\n\r\n",
        body.len(),
        crate::csp::POLICY
    )?;
    if !head {
        stream.write_all(body)?;
    }
    stream.flush()
}

/// Map a request target to a file under `root`, refusing to leave it.
pub fn resolve(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let decoded = percent_decode(path)?;
    let mut file = root.to_path_buf();
    for component in Path::new(decoded.trim_start_matches('/')).components() {
        match component {
            Component::Normal(part) => file.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn mime(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "txt" | "toml" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolve_stays_inside_the_site() {
        let root = std::env::temp_dir().join(format!("xtask-serve-{}", std::process::id()));
        std::fs::create_dir_all(root.join("a")).unwrap();
        std::fs::write(root.join("index.html"), "i").unwrap();
        std::fs::write(root.join("a/b c.html"), "b").unwrap();
        let cases = [
            ("/", Some("index.html")),
            ("/index.html?x=1#y", Some("index.html")),
            ("/a/b%20c.html", Some("a/b c.html")),
            ("/../etc/passwd", None),
            ("/a/../../x", None),
            ("/missing.html", None),
            ("/%zz", None),
        ];
        for (target, expected) in cases {
            assert_eq!(
                resolve(&root, target),
                expected.map(|p| root.join(p)),
                "{target}"
            );
        }
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn a_compressed_copy_goes_to_clients_that_accept_it() {
        use std::io::Read;
        let root = std::env::temp_dir().join(format!("xtask-br-{}", std::process::id()));
        std::fs::create_dir_all(&root).unwrap();
        std::fs::write(root.join("a.js"), "plain").unwrap();
        std::fs::write(root.join("a.js.br"), "brotli").unwrap();
        std::fs::write(root.join("a.js.gz"), "gzip").unwrap();
        std::fs::write(root.join("b.js"), "only plain").unwrap();
        std::fs::write(root.join("c.js"), "plain c").unwrap();
        std::fs::write(root.join("c.js.gz"), "gzip c").unwrap();
        let addr = spawn(&root, 0).unwrap();
        // (target, Accept-Encoding, body, the Content-Encoding sent)
        let cases = [
            ("/a.js", "gzip, deflate, br", "brotli", Some("br")),
            ("/a.js", "br;q=1.0", "brotli", Some("br")),
            ("/a.js", "gzip", "gzip", Some("gzip")),
            ("/a.js", "br;q=0, gzip", "gzip", Some("gzip")),
            ("/a.js", "GZIP;q=0.5", "gzip", Some("gzip")),
            ("/a.js", "deflate", "plain", None),
            ("/a.js", "", "plain", None),
            ("/b.js", "br, gzip", "only plain", None),
            ("/c.js", "br, gzip", "gzip c", Some("gzip")),
        ];
        for (target, accept, body, encoding) in cases {
            let mut stream = TcpStream::connect(addr).unwrap();
            write!(
                stream,
                "GET {target} HTTP/1.1\r\nHost: x\r\nAccept-Encoding: {accept}\r\n\r\n"
            )
            .unwrap();
            let mut answer = String::new();
            stream.read_to_string(&mut answer).unwrap();
            let (head, got) = answer.split_once("\r\n\r\n").unwrap();
            assert_eq!(got, body, "{target} {accept}");
            let sent = head
                .lines()
                .find_map(|l| l.strip_prefix("Content-Encoding: "));
            assert_eq!(sent, encoding, "{target} {accept}: {head}");
            assert!(head.contains("Vary: Accept-Encoding"), "{head}");
            assert!(head.contains("Content-Type: text/javascript"), "{head}");
        }
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn every_answer_carries_the_policy() {
        use std::io::Read;
        let root = std::env::temp_dir().join(format!("xtask-csp-{}", std::process::id()));
        std::fs::create_dir_all(&root).unwrap();
        std::fs::write(root.join("index.html"), "i").unwrap();
        let addr = spawn(&root, 0).unwrap();
        for target in ["/", "/missing.html"] {
            let mut stream = TcpStream::connect(addr).unwrap();
            write!(stream, "GET {target} HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
            let mut answer = String::new();
            stream.read_to_string(&mut answer).unwrap();
            let head = answer.split("\r\n\r\n").next().unwrap();
            let header = format!("\r\nContent-Security-Policy: {}\r\n", crate::csp::POLICY);
            assert!(head.contains(&header), "{target}: {head}");
        }
        std::fs::remove_dir_all(&root).unwrap();
    }
}
