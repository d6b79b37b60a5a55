//! The poller against a local HTTP server started by each test (127.0.0.1, an
//! ephemeral port, a hand-written HTTP/1.1 responder): conditional GET with ETag/304,
//! a feed that fails and recovers with backoff, an item page fetched and extracted,
//! robots.txt honoured, the seen set and its hook.

use newsgraph_web::{PollConfig, PollEvent, Poller, WebArticle};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Debug, Clone)]
struct Seen {
    path: String,
    headers: HashMap<String, String>,
    at: Instant,
}

type Log = Arc<Mutex<Vec<Seen>>>;

const PARAGRAPH: &str = "The harbour authority said on Tuesday that the container ship Coral Meridian had been refloated after three days aground, and that the channel would reopen to traffic by the weekend.";

fn feed_xml(base: &str) -> String {
    format!(
        r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Times</title><link>{base}/</link>
<item><title>Ship refloated</title><link>{base}/articles/1</link><guid>ht-1</guid><description>Short summary one.</description></item>
<item><title>Private item</title><link>{base}/private/2</link><guid>ht-2</guid><description>Short summary two.</description></item>
</channel></rss>"#
    )
}

fn article_html() -> String {
    format!(
        "<html><head><title>Ship refloated</title><meta property=\"og:site_name\" content=\"Harbour Times\"></head><body><nav><a href=/>Home</a></nav><article><h1>Ship refloated</h1><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article></body></html>"
    )
}

fn respond(stream: &mut TcpStream, status: &str, headers: &[(&str, String)], body: &str) {
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(body.as_bytes());
    let _ = stream.flush();
}

/// Starts the server; returns its base URL and the request log.
fn server() -> (String, Log) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let base = format!("http://{}", listener.local_addr().unwrap());
    let log: Log = Arc::default();
    let (log2, base2) = (Arc::clone(&log), base.clone());
    std::thread::spawn(move || {
        let mut flaky_hits = 0;
        // Bounded: a test makes a few dozen requests at most.
        for stream in listener.incoming().take(200) {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            if reader.read_line(&mut line).is_err() {
                continue;
            }
            let path = line.split_whitespace().nth(1).unwrap_or("/").to_owned();
            let mut headers = HashMap::new();
            loop {
                let mut h = String::new();
                if reader.read_line(&mut h).is_err() || h.trim().is_empty() {
                    break;
                }
                if let Some((k, v)) = h.split_once(':') {
                    headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_owned());
                }
            }
            log2.lock().unwrap().push(Seen {
                path: path.clone(),
                headers: headers.clone(),
                at: Instant::now(),
            });
            match path.as_str() {
                "/feed.xml" => {
                    if headers.get("if-none-match").map(String::as_str) == Some("\"v1\"") {
                        respond(
                            &mut stream,
                            "304 Not Modified",
                            &[("ETag", "\"v1\"".into())],
                            "",
                        );
                    } else {
                        respond(
                            &mut stream,
                            "200 OK",
                            &[
                                ("ETag", "\"v1\"".into()),
                                ("Content-Type", "application/rss+xml".into()),
                            ],
                            &feed_xml(&base2),
                        );
                    }
                }
                "/flaky.xml" => {
                    flaky_hits += 1;
                    if flaky_hits <= 2 {
                        respond(&mut stream, "500 Internal Server Error", &[], "oops");
                    } else {
                        respond(&mut stream, "200 OK", &[], &feed_xml(&base2));
                    }
                }
                "/robots.txt" => respond(
                    &mut stream,
                    "200 OK",
                    &[],
                    "User-agent: *\nDisallow: /private/\n",
                ),
                "/articles/1" => respond(
                    &mut stream,
                    "200 OK",
                    &[("Content-Type", "text/html; charset=utf-8".into())],
                    &article_html(),
                ),
                _ => respond(&mut stream, "404 Not Found", &[], "not here"),
            }
        }
    });
    (base, log)
}

fn config() -> PollConfig {
    PollConfig {
        interval: Duration::from_millis(150),
        min_host_delay: Duration::from_millis(60),
        retry_base: Duration::from_millis(80),
        max_backoff: Duration::from_secs(2),
        timeout: Duration::from_secs(5),
        ..Default::default()
    }
}

/// Stops the run after `secs` whatever happens.
fn watchdog(cancel: &Arc<AtomicBool>, secs: u64) {
    let c = Arc::clone(cancel);
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_secs(secs));
        c.store(true, Ordering::Relaxed);
    });
}

#[test]
fn etag_304_page_fetch_and_robots() {
    let (base, log) = server();
    let feed = format!("{base}/feed.xml");
    let mut poller = Poller::new([feed.clone()], config());
    let cancel = Arc::new(AtomicBool::new(false));
    watchdog(&cancel, 20);
    let events: Arc<Mutex<Vec<PollEvent>>> = Arc::default();
    let (ev, c) = (Arc::clone(&events), Arc::clone(&cancel));
    poller.on_event(move |e| {
        if matches!(e, PollEvent::NotModified { .. }) {
            c.store(true, Ordering::Relaxed);
        }
        ev.lock().unwrap().push(e.clone());
    });
    let seen_ids: Arc<Mutex<Vec<String>>> = Arc::default();
    let s = Arc::clone(&seen_ids);
    poller.on_seen(move |id| s.lock().unwrap().push(id.to_owned()));
    let mut got: Vec<WebArticle> = Vec::new();
    let delivered = poller
        .run(&cancel, &mut |a: WebArticle| -> Result<(), String> {
            got.push(a);
            Ok(())
        })
        .unwrap();
    assert_eq!(delivered, 2);
    assert!(
        events
            .lock()
            .unwrap()
            .iter()
            .any(|e| matches!(e, PollEvent::NotModified { .. })),
        "no 304 seen"
    );

    // The item page was fetched and extracted.
    let first = got.iter().find(|a| a.item.id == "ht-1").unwrap();
    let page = first.page.as_ref().expect("page fetched");
    assert_eq!(page.body, format!("{PARAGRAPH}\n{PARAGRAPH}"));
    assert_eq!(first.body(), page.body);
    assert_eq!(first.source(), Some("Harbour Times"));
    // robots.txt kept the private page unfetched: the summary stands in.
    let second = got.iter().find(|a| a.item.id == "ht-2").unwrap();
    assert!(second.page.is_none());
    assert!(second.page_error.as_deref().unwrap().contains("robots.txt"));
    assert_eq!(second.body(), "Short summary two.");
    assert_eq!(*seen_ids.lock().unwrap(), ["ht-1", "ht-2"]);

    let log = log.lock().unwrap();
    let paths: Vec<&str> = log.iter().map(|s| s.path.as_str()).collect();
    assert!(
        !paths.contains(&"/private/2"),
        "robots.txt ignored: {paths:?}"
    );
    assert_eq!(paths.iter().filter(|p| **p == "/robots.txt").count(), 1);
    let feeds: Vec<&Seen> = log.iter().filter(|s| s.path == "/feed.xml").collect();
    assert!(feeds.len() >= 2);
    assert_eq!(
        feeds[1].headers.get("if-none-match").map(String::as_str),
        Some("\"v1\"")
    );
    for s in log.iter() {
        assert!(s
            .headers
            .get("user-agent")
            .unwrap()
            .starts_with("newsgraph/"));
    }
    // One host: requests at least the politeness delay apart.
    for w in log.windows(2) {
        assert!(
            w[1].at - w[0].at >= Duration::from_millis(50),
            "requests too close: {:?}",
            w[1].at - w[0].at
        );
    }
}

#[test]
fn failing_feed_backs_off_then_recovers() {
    let (base, log) = server();
    let mut poller = Poller::new(
        [format!("{base}/flaky.xml")],
        PollConfig {
            fetch_pages: false,
            ..config()
        },
    );
    let cancel = Arc::new(AtomicBool::new(false));
    watchdog(&cancel, 20);
    let events: Arc<Mutex<Vec<PollEvent>>> = Arc::default();
    let ev = Arc::clone(&events);
    poller.on_event(move |e| ev.lock().unwrap().push(e.clone()));
    let c = Arc::clone(&cancel);
    let mut count = 0;
    poller
        .run(&cancel, &mut |_a: WebArticle| -> Result<(), String> {
            count += 1;
            if count == 2 {
                c.store(true, Ordering::Relaxed);
            }
            Ok(())
        })
        .unwrap();
    assert_eq!(count, 2, "recovered feed delivered its items");
    let failures: Vec<(u32, Duration)> = events
        .lock()
        .unwrap()
        .iter()
        .filter_map(|e| match e {
            PollEvent::FeedFailed {
                failures,
                retry_in,
                error,
                ..
            } => {
                assert!(error.contains("500"), "{error}");
                Some((*failures, *retry_in))
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        failures,
        [
            (1, Duration::from_millis(80)),
            (2, Duration::from_millis(160))
        ]
    );
    let log = log.lock().unwrap();
    let times: Vec<Instant> = log
        .iter()
        .filter(|s| s.path == "/flaky.xml")
        .map(|s| s.at)
        .collect();
    assert!(times[1] - times[0] >= Duration::from_millis(75));
    assert!(
        times[2] - times[1] >= Duration::from_millis(150),
        "second retry not backed off"
    );
}

#[test]
fn seen_items_are_not_delivered_again() {
    let (base, _log) = server();
    let mut poller = Poller::new(
        [format!("{base}/feed.xml")],
        PollConfig {
            fetch_pages: false,
            ..config()
        },
    );
    poller.mark_seen(["ht-1".to_owned(), "ht-2".to_owned()]);
    let cancel = AtomicBool::new(false);
    let n = poller
        .poll_due(&cancel, &mut |_a: WebArticle| -> Result<(), String> {
            panic!("already seen")
        })
        .unwrap();
    assert_eq!(n, 0);
    // A sink error stops the pass and leaves the item unseen.
    let mut poller = Poller::new(
        [format!("{base}/feed.xml")],
        PollConfig {
            fetch_pages: false,
            ..config()
        },
    );
    let err = poller
        .poll_due(&cancel, &mut |_a: WebArticle| -> Result<(), String> {
            Err("store full".into())
        })
        .unwrap_err();
    assert_eq!(err, "store full");
    assert!(!poller.is_seen("ht-1"));
}

#[test]
fn cancelled_before_start_does_nothing() {
    let (base, log) = server();
    let mut poller = Poller::new([format!("{base}/feed.xml")], config());
    let cancel = AtomicBool::new(true);
    let n = poller
        .run(&cancel, &mut |_a: WebArticle| -> Result<(), String> {
            Ok(())
        })
        .unwrap();
    assert_eq!(n, 0);
    assert!(log.lock().unwrap().is_empty());
}
