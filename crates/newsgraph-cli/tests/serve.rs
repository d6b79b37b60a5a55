//! `newsgraph serve` end to end: the binary serves the API and pages on loopback, and
//! bound to all interfaces without a token it warns and refuses writes.

use assert_cmd::cargo::CommandCargoExt;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};

/// A running server, killed when dropped.
struct Server {
    child: Child,
    addr: SocketAddr,
    /// What it printed on stderr before serving.
    banner: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(db: &std::path::Path, addr: &str) -> Server {
    let mut child = Command::cargo_bin("newsgraph")
        .unwrap()
        .args(["--db"])
        .arg(db)
        .args(["serve", "--addr", addr])
        .env_remove("NEWSGRAPH_TOKEN")
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take();
    // From here on the server is killed and reaped whatever happens.
    let mut server = Server {
        child,
        addr: SocketAddr::from(([127, 0, 0, 1], 0)),
        banner: String::new(),
    };
    let mut err = BufReader::new(stderr.expect("piped stderr"));
    let mut line = String::new();
    loop {
        line.clear();
        let n = err.read_line(&mut line).unwrap();
        assert!(n > 0, "server exited: {}", server.banner);
        server.banner.push_str(&line);
        if let Some(rest) = line.split("http://").nth(1) {
            let port: u16 = rest
                .split(['/', ' '])
                .next()
                .and_then(|hp| hp.rsplit(':').next())
                .and_then(|p| p.parse().ok())
                .expect("port in banner");
            server.addr.set_port(port);
            // Keep draining stderr so the server never blocks on a full pipe.
            std::thread::spawn(move || {
                let mut sink = String::new();
                let _ = err.read_to_string(&mut sink);
            });
            return server;
        }
    }
}

fn request(addr: SocketAddr, raw: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(std::time::Duration::from_secs(30)))
        .unwrap();
    s.write_all(raw.as_bytes()).unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    let status = out
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (
        status,
        out.split_once("\r\n\r\n")
            .map_or("", |(_, b)| b)
            .to_string(),
    )
}

fn post_text(addr: SocketAddr, body: &str) -> (u16, String) {
    request(
        addr,
        &format!(
            "POST /api/articles HTTP/1.1\r\nHost: {addr}\r\nContent-Type: text/plain\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        ),
    )
}

fn get(addr: SocketAddr, path: &str) -> (u16, String) {
    request(
        addr,
        &format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"),
    )
}

#[test]
fn serves_the_api_and_pages_and_ingests_on_loopback() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("serve.db");
    let server = start(&db, "127.0.0.1:0");
    assert!(
        !server.banner.contains("warning: listening"),
        "{}",
        server.banner
    );
    let (status, body) = post_text(
        server.addr,
        "Jan 5, 2026\nHarbour reopens\nThe harbour of Valletta reopened on Monday, officials said.\n",
    );
    assert_eq!(status, 201, "{body}");
    let (status, body) = get(server.addr, "/api/articles");
    assert_eq!(status, 200);
    assert!(body.contains("Harbour reopens"), "{body}");
    let (status, body) = get(server.addr, "/");
    assert_eq!(status, 200);
    assert!(body.contains("<h1>Active stories</h1>"));
    let (status, body) = get(server.addr, "/api/openapi.json");
    assert_eq!(status, 200);
    assert!(body.contains("\"openapi\":\"3.1.0\""));
}

#[test]
fn bound_to_all_interfaces_without_a_token_it_warns_and_refuses_writes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("serve.db");
    let server = start(&db, "0.0.0.0:0");
    assert!(
        server.banner.contains("not a loopback address") && server.banner.contains("--token"),
        "{}",
        server.banner
    );
    let (status, body) = post_text(server.addr, "A short article about a harbour.");
    assert_eq!(status, 403, "{body}");
    assert!(body.contains("\"status\":403"));
    let (status, _) = get(server.addr, "/api/articles");
    assert_eq!(status, 200);
}
