//! Polling feeds politely: the building block of `newsgraph watch`.
//!
//! A [`Poller`] holds a list of feed URLs and, for each, what the last response said
//! (`ETag`, `Last-Modified`), how often it failed and when it is next due. One
//! [`Poller::poll_due`] pass fetches every due feed with a **conditional GET**
//! (`If-None-Match` / `If-Modified-Since`; a `304 Not Modified` costs nothing), parses
//! it, and for each item not seen before builds a [`WebArticle`]: when the feed
//! carries only a summary ([`FeedItem::needs_page`]) and robots.txt allows it, the
//! item's page is fetched and extracted ([`crate::extract`]); otherwise, or when the
//! page fails, the feed's own text is used. Each article goes to the caller's callback;
//! only when the callback returns `Ok` is the item marked seen (and the `on_seen` hook
//! told, so the caller can persist the set and hand it back with
//! [`Poller::mark_seen`] next time).
//!
//! Politeness: requests are made one at a time (the poller is sequential), never two
//! to the same host closer than [`PollConfig::min_host_delay`] (or the host's
//! robots.txt `Crawl-delay`, when longer); every request sends the User-Agent
//! [`crate::USER_AGENT`]; robots.txt is fetched once per host and honoured for page
//! fetches (feeds are fetched because the user named them). Errors back off
//! exponentially: a feed that failed `n` times in a row is retried after
//! `retry_base × 2^(n-1)`, capped at `max_backoff`; a success resets it.
//!
//! [`Poller::run`] loops until the `AtomicBool` it is given becomes true (Ctrl-C); all
//! waits are cut into short sleeps that check it. No request goes anywhere but the URLs
//! the user gave, the links their items carry, and those hosts' `/robots.txt`.
//!
//! Known limits: the seen set grows without bound within a run (ids are short; the
//! caller's store is the durable record); no HTTP caching beyond validators.

use crate::feed::{parse_feed, FeedItem};
use crate::html::{extract, ExtractOptions, ExtractedPage};
use crate::robots::Robots;
use crate::{WebError, USER_AGENT};
use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// How to poll.
#[derive(Debug, Clone, PartialEq)]
pub struct PollConfig {
    /// Time between two polls of one feed when all is well.
    pub interval: Duration,
    /// Minimum time between two requests to the same host.
    pub min_host_delay: Duration,
    /// First retry delay after an error; doubled at each further error.
    pub retry_base: Duration,
    /// Longest delay between retries.
    pub max_backoff: Duration,
    /// Timeout of one request, connection to last byte.
    pub timeout: Duration,
    /// Largest response body read.
    pub max_bytes: u64,
    /// The User-Agent header.
    pub user_agent: String,
    /// Fetch an item's page when the feed carries only a summary.
    pub fetch_pages: bool,
    /// Honour robots.txt for page fetches.
    pub respect_robots: bool,
}

impl Default for PollConfig {
    fn default() -> Self {
        PollConfig {
            interval: Duration::from_secs(15 * 60),
            min_host_delay: Duration::from_secs(2),
            retry_base: Duration::from_secs(60),
            max_backoff: Duration::from_secs(6 * 3600),
            timeout: Duration::from_secs(30),
            max_bytes: 16 * 1024 * 1024,
            user_agent: USER_AGENT.to_owned(),
            fetch_pages: true,
            respect_robots: true,
        }
    }
}

/// One new article found by polling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebArticle {
    /// The feed it came from.
    pub feed_url: String,
    /// The feed's title (usually the outlet).
    pub feed_title: Option<String>,
    /// The item as the feed gave it.
    pub item: FeedItem,
    /// The item's page, extracted, when it was fetched.
    pub page: Option<ExtractedPage>,
    /// Why the page was not used, when it was wanted (robots.txt, HTTP error, no
    /// article on the page).
    pub page_error: Option<String>,
}

impl WebArticle {
    /// The article text: the page's body when fetched, else the feed's content or
    /// summary.
    pub fn body(&self) -> &str {
        self.page
            .as_ref()
            .map(|p| p.body.as_str())
            .or_else(|| self.item.text())
            .unwrap_or("")
    }

    /// The headline: the feed's, else the page's.
    pub fn title(&self) -> Option<&str> {
        self.item
            .title
            .as_deref()
            .or_else(|| self.page.as_ref().and_then(|p| p.title.as_deref()))
    }

    /// The URL: the page's canonical URL, else the item's link.
    pub fn url(&self) -> Option<&str> {
        self.page
            .as_ref()
            .and_then(|p| p.url.as_deref())
            .or(self.item.link.as_deref())
    }

    /// Publication date (ISO-8601): the page's when it states one, else the feed's.
    pub fn published(&self) -> Option<&str> {
        self.page
            .as_ref()
            .and_then(|p| p.published.as_deref())
            .or(self.item.published.as_deref())
    }

    /// The outlet: the page's site name, else the feed's title.
    pub fn source(&self) -> Option<&str> {
        self.page
            .as_ref()
            .and_then(|p| p.site_name.as_deref())
            .or(self.feed_title.as_deref())
    }
}

/// What happened during polling, for logs and progress (see [`Poller::on_event`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PollEvent {
    /// The feed answered 304 Not Modified.
    NotModified {
        /// The feed.
        feed: String,
    },
    /// The feed was fetched and parsed.
    Fetched {
        /// The feed.
        feed: String,
        /// Items in it.
        items: usize,
        /// Of which not seen before.
        new: usize,
    },
    /// The feed failed; it is retried after `retry_in`.
    FeedFailed {
        /// The feed.
        feed: String,
        /// What went wrong.
        error: String,
        /// Consecutive failures so far.
        failures: u32,
        /// Delay before the next try.
        retry_in: Duration,
    },
    /// An item's page could not be used (the feed's text is used instead).
    PageFailed {
        /// The page.
        url: String,
        /// What went wrong.
        error: String,
    },
    /// An item with no text at all (no page, no content, no summary): not delivered.
    Empty {
        /// The item's id.
        id: String,
    },
}

#[derive(Debug, Clone)]
struct FeedState {
    url: String,
    etag: Option<String>,
    last_modified: Option<String>,
    failures: u32,
    next_due: Instant,
}

/// The caller's hook told of each item id once delivered.
type SeenHook = Box<dyn FnMut(&str) + Send>;
/// The caller's hook told of each [`PollEvent`].
type EventHook = Box<dyn FnMut(&PollEvent) + Send>;

/// Polls feeds; see the module docs.
pub struct Poller {
    config: PollConfig,
    agent: ureq::Agent,
    feeds: Vec<FeedState>,
    seen: HashSet<String>,
    last_request: HashMap<String, Instant>,
    robots: HashMap<String, Robots>,
    on_seen: Option<SeenHook>,
    on_event: Option<EventHook>,
}

impl std::fmt::Debug for Poller {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Poller")
            .field("feeds", &self.feeds)
            .field("seen", &self.seen.len())
            .finish()
    }
}

/// `(scheme://host[:port], path-and-query)` of an http(s) URL.
pub fn split_url(url: &str) -> Option<(String, String)> {
    let (scheme, rest) = url.split_once("://")?;
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return None;
    }
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = &rest[..end];
    if host.is_empty() {
        return None;
    }
    let mut path = rest[end..].split('#').next().unwrap_or("").to_owned();
    if !path.starts_with('/') {
        path.insert(0, '/');
    }
    Some((
        format!(
            "{}://{}",
            scheme.to_ascii_lowercase(),
            host.to_ascii_lowercase()
        ),
        path,
    ))
}

struct Fetched {
    status: u16,
    etag: Option<String>,
    last_modified: Option<String>,
    charset: Option<String>,
    body: Vec<u8>,
}

impl Poller {
    /// A poller over the given feed URLs; every feed is due at once.
    pub fn new<I, S>(urls: I, config: PollConfig) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let agent_config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(config.timeout))
            .user_agent(config.user_agent.as_str())
            .build();
        let now = Instant::now();
        Poller {
            agent: agent_config.into(),
            feeds: urls
                .into_iter()
                .map(|u| FeedState {
                    url: u.into(),
                    etag: None,
                    last_modified: None,
                    failures: 0,
                    next_due: now,
                })
                .collect(),
            config,
            seen: HashSet::new(),
            last_request: HashMap::new(),
            robots: HashMap::new(),
            on_seen: None,
            on_event: None,
        }
    }

    /// Item ids already handled (e.g. loaded from the caller's store): not delivered.
    pub fn mark_seen<I: IntoIterator<Item = String>>(&mut self, ids: I) {
        self.seen.extend(ids);
    }

    /// True when the item id was delivered or marked seen.
    pub fn is_seen(&self, id: &str) -> bool {
        self.seen.contains(id)
    }

    /// Called with each item id once its article was accepted by the callback, so the
    /// caller can persist the seen set.
    pub fn on_seen(&mut self, hook: impl FnMut(&str) + Send + 'static) {
        self.on_seen = Some(Box::new(hook));
    }

    /// Called with every [`PollEvent`] (feeds fetched, not modified, failed, pages
    /// failed).
    pub fn on_event(&mut self, hook: impl FnMut(&PollEvent) + Send + 'static) {
        self.on_event = Some(Box::new(hook));
    }

    /// When the next feed is due.
    pub fn next_due(&self) -> Option<Instant> {
        self.feeds.iter().map(|f| f.next_due).min()
    }

    fn emit(&mut self, event: PollEvent) {
        if let Some(hook) = self.on_event.as_mut() {
            hook(&event);
        }
    }

    /// Sleeps until `until`, in short steps; false when cancelled.
    fn sleep_until(cancel: &AtomicBool, until: Instant) -> bool {
        loop {
            if cancel.load(Ordering::Relaxed) {
                return false;
            }
            let now = Instant::now();
            if now >= until {
                return true;
            }
            std::thread::sleep((until - now).min(Duration::from_millis(50)));
        }
    }

    /// Waits for the host's politeness delay; false when cancelled.
    fn wait_for_host(&mut self, cancel: &AtomicBool, origin: &str) -> bool {
        let mut delay = self.config.min_host_delay;
        if let Some(d) = self.robots.get(origin).and_then(|r| r.crawl_delay) {
            if d.is_finite() && d > 0.0 {
                delay = delay.max(Duration::from_secs_f64(d.min(60.0)));
            }
        }
        if let Some(&last) = self.last_request.get(origin) {
            if !Self::sleep_until(cancel, last + delay) {
                return false;
            }
        }
        true
    }

    fn get(
        &mut self,
        cancel: &AtomicBool,
        url: &str,
        validators: Option<(&Option<String>, &Option<String>)>,
    ) -> Result<Option<Fetched>, WebError> {
        let Some((origin, _)) = split_url(url) else {
            return Err(WebError::Network {
                url: url.into(),
                reason: "not an http(s) URL".into(),
            });
        };
        if !self.wait_for_host(cancel, &origin) {
            return Ok(None);
        }
        let mut request = self.agent.get(url);
        if let Some((etag, modified)) = validators {
            if let Some(e) = etag {
                request = request.header("If-None-Match", e.as_str());
            }
            if let Some(m) = modified {
                request = request.header("If-Modified-Since", m.as_str());
            }
        }
        let result = request.call();
        self.last_request.insert(origin, Instant::now());
        let mut response = result.map_err(|e| WebError::Network {
            url: url.into(),
            reason: e.to_string(),
        })?;
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let etag = header("etag");
        let last_modified = header("last-modified");
        let charset = header("content-type")
            .and_then(|t| crate::encoding::charset_in(&t.to_ascii_lowercase()));
        let status = response.status().as_u16();
        let body = if status == 200 {
            response
                .body_mut()
                .with_config()
                .limit(self.config.max_bytes)
                .read_to_vec()
                .map_err(|e| WebError::Network {
                    url: url.into(),
                    reason: e.to_string(),
                })?
        } else {
            Vec::new()
        };
        Ok(Some(Fetched {
            status,
            etag,
            last_modified,
            charset,
            body,
        }))
    }

    fn robots_allow(&mut self, cancel: &AtomicBool, url: &str) -> Result<bool, WebError> {
        let Some((origin, path)) = split_url(url) else {
            return Ok(false);
        };
        if !self.robots.contains_key(&origin) {
            let robots_url = format!("{origin}/robots.txt");
            let robots = match self.get(cancel, &robots_url, None) {
                Ok(Some(f)) if f.status == 200 => {
                    Robots::parse(&String::from_utf8_lossy(&f.body), "newsgraph")
                }
                Ok(None) => return Ok(false),
                // No robots.txt (4xx), or a server that cannot give one: allowed.
                Ok(Some(_)) | Err(_) => Robots::allow_all(),
            };
            self.robots.insert(origin.clone(), robots);
        }
        Ok(self.robots.get(&origin).is_none_or(|r| r.allows(&path)))
    }

    fn fetch_page(
        &mut self,
        cancel: &AtomicBool,
        url: &str,
    ) -> Result<Option<ExtractedPage>, WebError> {
        if self.config.respect_robots && !self.robots_allow(cancel, url)? {
            if cancel.load(Ordering::Relaxed) {
                return Ok(None);
            }
            return Err(WebError::RobotsDisallowed { url: url.into() });
        }
        let Some(f) = self.get(cancel, url, None)? else {
            return Ok(None);
        };
        if f.status != 200 {
            return Err(WebError::HttpStatus {
                url: url.into(),
                status: f.status,
            });
        }
        let options = ExtractOptions {
            url: Some(url.to_owned()),
            charset: f.charset,
            ..Default::default()
        };
        extract(&f.body, &options).map(Some)
    }

    fn backoff(&self, failures: u32) -> Duration {
        let factor = 2u32.saturating_pow(failures.saturating_sub(1).min(20));
        self.config
            .retry_base
            .saturating_mul(factor)
            .min(self.config.max_backoff)
    }

    /// Polls every feed that is due now, delivering new articles to `sink`; returns
    /// how many were delivered. A feed's failure is an event, not an error; the only
    /// error is the callback's own, which stops the pass (the item is not marked seen).
    pub fn poll_due<E>(
        &mut self,
        cancel: &AtomicBool,
        sink: &mut dyn FnMut(WebArticle) -> Result<(), E>,
    ) -> Result<usize, E> {
        let mut delivered = 0;
        for index in 0..self.feeds.len() {
            if cancel.load(Ordering::Relaxed) {
                break;
            }
            if self.feeds[index].next_due > Instant::now() {
                continue;
            }
            let state = self.feeds[index].clone();
            let result = self.get(
                cancel,
                &state.url,
                Some((&state.etag, &state.last_modified)),
            );
            let parsed = match result {
                Ok(None) => break,
                Ok(Some(f)) if f.status == 304 => {
                    self.feeds[index].failures = 0;
                    self.feeds[index].next_due = Instant::now() + self.config.interval;
                    self.emit(PollEvent::NotModified {
                        feed: state.url.clone(),
                    });
                    continue;
                }
                Ok(Some(f)) if f.status == 200 => match parse_feed(&f.body) {
                    Ok(feed) => {
                        let s = &mut self.feeds[index];
                        s.etag = f.etag.or(s.etag.take());
                        s.last_modified = f.last_modified.or(s.last_modified.take());
                        Ok(feed)
                    }
                    Err(e) => Err(e),
                },
                Ok(Some(f)) => Err(WebError::HttpStatus {
                    url: state.url.clone(),
                    status: f.status,
                }),
                Err(e) => Err(e),
            };
            let feed = match parsed {
                Ok(feed) => feed,
                Err(e) => {
                    let failures = state.failures + 1;
                    let retry_in = self.backoff(failures);
                    self.feeds[index].failures = failures;
                    self.feeds[index].next_due = Instant::now() + retry_in;
                    self.emit(PollEvent::FeedFailed {
                        feed: state.url.clone(),
                        error: e.to_string(),
                        failures,
                        retry_in,
                    });
                    continue;
                }
            };
            self.feeds[index].failures = 0;
            self.feeds[index].next_due = Instant::now() + self.config.interval;
            let new: Vec<FeedItem> = feed
                .items
                .iter()
                .filter(|i| !self.seen.contains(&i.id))
                .cloned()
                .collect();
            self.emit(PollEvent::Fetched {
                feed: state.url.clone(),
                items: feed.items.len(),
                new: new.len(),
            });
            for item in new {
                if cancel.load(Ordering::Relaxed) {
                    return Ok(delivered);
                }
                let mut article = WebArticle {
                    feed_url: state.url.clone(),
                    feed_title: feed.title.clone(),
                    item,
                    page: None,
                    page_error: None,
                };
                if self.config.fetch_pages && article.item.needs_page() {
                    if let Some(link) = article.item.link.clone() {
                        match self.fetch_page(cancel, &link) {
                            Ok(page) => article.page = page,
                            Err(e) => {
                                article.page_error = Some(e.to_string());
                                self.emit(PollEvent::PageFailed {
                                    url: link,
                                    error: e.to_string(),
                                });
                            }
                        }
                        if cancel.load(Ordering::Relaxed) {
                            return Ok(delivered);
                        }
                    }
                }
                if article.body().trim().is_empty() {
                    let id = article.item.id.clone();
                    self.seen.insert(id.clone());
                    self.emit(PollEvent::Empty { id });
                    continue;
                }
                let id = article.item.id.clone();
                sink(article)?;
                delivered += 1;
                self.seen.insert(id.clone());
                if let Some(hook) = self.on_seen.as_mut() {
                    hook(&id);
                }
            }
        }
        Ok(delivered)
    }

    /// Polls until `cancel` becomes true, sleeping until the next feed is due between
    /// passes; returns the number of articles delivered.
    pub fn run<E>(
        &mut self,
        cancel: &AtomicBool,
        sink: &mut dyn FnMut(WebArticle) -> Result<(), E>,
    ) -> Result<usize, E> {
        let mut total = 0;
        while !cancel.load(Ordering::Relaxed) {
            total += self.poll_due(cancel, sink)?;
            let Some(next) = self.next_due() else { break };
            if !Self::sleep_until(cancel, next) {
                break;
            }
        }
        Ok(total)
    }
}
