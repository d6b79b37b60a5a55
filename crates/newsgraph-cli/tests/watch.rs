//! `newsgraph watch --once` against a feed served by the test on 127.0.0.1: new items
//! are fetched (their pages too, when the feed has only a summary), stored, and a second
//! poll stores nothing new.

use assert_cmd::Command;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::thread;

fn page(title: &str) -> String {
    let p = format!(
        "<p>{title}: harbour officials in Sohar said on Monday that the berth would reopen \
         to tankers within days after repairs to the quay, and that pilots had been told to \
         be ready. Shipping agents said insurers were watching the talks closely.</p>"
    );
    format!(
        "<html><head><title>{title}</title><meta property=\"og:site_name\" content=\"Gulf Wire\">\
         </head><body><nav><a href=\"/\">Home</a></nav><article><h1>{title}</h1>{p}{p}{p}</article></body></html>"
    )
}

/// Serves `/feed.xml` and two item pages until the test ends.
fn serve() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let base = format!("http://{addr}");
    let feed_base = base.clone();
    thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request = String::new();
            if reader.read_line(&mut request).is_err() {
                continue;
            }
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
            }
            let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
            let (status, ctype, body) = match path.as_str() {
                "/feed.xml" => (
                    "200 OK",
                    "application/rss+xml",
                    format!(
                        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Gulf Wire</title>\
                         <link>{feed_base}/</link>\
                         <item><title>Northern berth to reopen</title><link>{feed_base}/a1.html</link>\
                         <guid>gw-1</guid><pubDate>Mon, 02 Mar 2026 10:00:00 GMT</pubDate>\
                         <description>Berth to reopen.</description></item>\
                         <item><title>Southern berth stays shut</title><link>{feed_base}/a2.html</link>\
                         <guid>gw-2</guid><pubDate>Mon, 02 Mar 2026 11:00:00 GMT</pubDate>\
                         <description>Berth stays shut.</description></item>\
                         </channel></rss>"
                    ),
                ),
                "/a1.html" => ("200 OK", "text/html; charset=utf-8", page("Northern berth to reopen")),
                "/a2.html" => ("200 OK", "text/html; charset=utf-8", page("Southern berth stays shut")),
                _ => ("404 Not Found", "text/plain", "not found".to_string()),
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    base
}

#[test]
fn watch_once_stores_new_items_with_their_pages() {
    let base = serve();
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("n.db");
    let run = || {
        Command::cargo_bin("newsgraph")
            .unwrap()
            .arg("--db")
            .arg(&db)
            .args(["watch", "--once", "--host-delay", "0"])
            .arg(format!("{base}/feed.xml"))
            .output()
            .unwrap()
    };
    let out = run();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("stored 2"), "{stderr}");
    let list = Command::cargo_bin("newsgraph")
        .unwrap()
        .arg("--db")
        .arg(&db)
        .args(["articles", "--json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    let articles = v["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 2);
    assert!(articles.iter().all(|a| a["source"] == "Gulf Wire"));
    assert!(
        articles.iter().all(|a| a["words"].as_u64().unwrap() > 60),
        "pages were fetched"
    );
    // A new run polls again: everything is already stored.
    let again = run();
    assert!(String::from_utf8_lossy(&again.stderr).contains("stored 0, already present 2"));
}

#[test]
fn watch_refuses_non_http_urls() {
    Command::cargo_bin("newsgraph")
        .unwrap()
        .args([
            "--db",
            "/nonexistent/x.db",
            "watch",
            "--once",
            "file:///etc/passwd",
        ])
        .assert()
        .code(3);
}
