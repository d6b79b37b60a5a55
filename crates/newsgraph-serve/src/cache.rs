//! A cache of whole answers, invalidated by any write to the store.
//!
//! Every GET answer is a pure function of its URL and the store's content. The store
//! reports a *generation* that changes with every write ([`newsgraph_store::Store::
//! generation`], from any process); answers are cached under their URL together with
//! the generation they were computed at, and an answer of an older generation is never
//! served. The generation is read at most every [`RECHECK`] (and at once after this
//! server's own writes), so an article ingested by another process shows up within
//! that time.
//!
//! The cache holds at most a given number of bytes; the oldest entries go first.

use axum::body::Bytes;
use axum::http::{HeaderValue, StatusCode};
use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How long a read generation is trusted before asking the store again.
pub const RECHECK: Duration = Duration::from_millis(250);

/// Default capacity: 128 MiB of answers.
pub const DEFAULT_CACHE_BYTES: usize = 128 * 1024 * 1024;

/// A cached answer.
#[derive(Debug, Clone)]
pub struct Cached {
    /// Its status (only 200 answers are cached).
    pub status: StatusCode,
    /// Its content type.
    pub content_type: Option<HeaderValue>,
    /// Its cache-control header.
    pub cache_control: Option<HeaderValue>,
    /// Its body.
    pub body: Bytes,
}

#[derive(Debug, Default)]
struct Inner {
    generation: u64,
    checked: Option<Instant>,
    entries: HashMap<String, Cached>,
    order: VecDeque<String>,
    bytes: usize,
}

/// The answer cache (see the module doc).
#[derive(Debug)]
pub struct AnswerCache {
    inner: Mutex<Inner>,
    capacity: usize,
    /// One gate per URL being computed: concurrent requests for the same missing
    /// answer wait for the first one instead of all computing it.
    gates: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
}

impl AnswerCache {
    /// A cache of at most `capacity` bytes (0 disables it).
    pub fn new(capacity: usize) -> Self {
        AnswerCache {
            inner: Mutex::new(Inner::default()),
            capacity,
            gates: Mutex::new(HashMap::new()),
        }
    }

    /// Whether it caches anything.
    pub fn enabled(&self) -> bool {
        self.capacity > 0
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The store generation when read less than [`RECHECK`] ago.
    pub fn fresh_generation(&self, now: Instant) -> Option<u64> {
        let inner = self.lock();
        inner
            .checked
            .filter(|t| now.duration_since(*t) < RECHECK)
            .map(|_| inner.generation)
    }

    /// Records the generation just read; a new one empties the cache.
    pub fn set_generation(&self, generation: u64, now: Instant) {
        let mut inner = self.lock();
        if inner.generation != generation {
            inner.entries.clear();
            inner.order.clear();
            inner.bytes = 0;
            inner.generation = generation;
        }
        inner.checked = Some(now);
    }

    /// Forgets when the generation was read, so the next request reads it again
    /// (called after this server writes).
    pub fn expire_generation(&self) {
        self.lock().checked = None;
    }

    /// The gate of `key`: hold its lock while computing the answer (see
    /// [`AnswerCache::release_gate`]).
    pub fn gate(&self, key: &str) -> Arc<tokio::sync::Mutex<()>> {
        let mut gates = self.gates.lock().unwrap_or_else(PoisonError::into_inner);
        Arc::clone(gates.entry(key.to_string()).or_default())
    }

    /// Drops the gate of `key` when nobody else holds it.
    pub fn release_gate(&self, key: &str, gate: Arc<tokio::sync::Mutex<()>>) {
        let mut gates = self.gates.lock().unwrap_or_else(PoisonError::into_inner);
        // Ours and the map's: nobody else waits.
        if Arc::strong_count(&gate) <= 2 {
            gates.remove(key);
        }
    }

    /// The answer cached for `key` at `generation`.
    pub fn get(&self, key: &str, generation: u64) -> Option<Cached> {
        let inner = self.lock();
        if inner.generation != generation {
            return None;
        }
        inner.entries.get(key).cloned()
    }

    /// Caches an answer computed at `generation` (ignored when the cache has moved on
    /// to another generation, or the answer is larger than an eighth of the capacity).
    pub fn put(&self, key: String, generation: u64, answer: Cached) {
        let size = answer.body.len() + key.len();
        if !self.enabled() || size > self.capacity / 8 {
            return;
        }
        let mut inner = self.lock();
        if inner.generation != generation || inner.entries.contains_key(&key) {
            return;
        }
        while inner.bytes + size > self.capacity {
            let Some(old) = inner.order.pop_front() else {
                break;
            };
            if let Some(gone) = inner.entries.remove(&old) {
                inner.bytes -= gone.body.len() + old.len();
            }
        }
        inner.bytes += size;
        inner.order.push_back(key.clone());
        inner.entries.insert(key, answer);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(body: &str) -> Cached {
        Cached {
            status: StatusCode::OK,
            content_type: None,
            cache_control: None,
            body: Bytes::from(body.to_string()),
        }
    }

    #[test]
    fn answers_are_kept_per_generation() {
        let c = AnswerCache::new(1 << 20);
        let now = Instant::now();
        c.set_generation(7, now);
        c.put("/a".into(), 7, answer("seven"));
        assert_eq!(c.get("/a", 7).unwrap().body, "seven");
        assert!(c.get("/a", 8).is_none());
        // A new generation empties the cache; late answers of the old one are dropped.
        c.set_generation(8, now);
        assert!(c.get("/a", 8).is_none());
        c.put("/a".into(), 7, answer("stale"));
        assert!(c.get("/a", 8).is_none());
    }

    #[test]
    fn the_generation_is_trusted_for_a_while_only() {
        let c = AnswerCache::new(1 << 20);
        let t0 = Instant::now();
        assert_eq!(c.fresh_generation(t0), None);
        c.set_generation(3, t0);
        assert_eq!(c.fresh_generation(t0 + RECHECK / 2), Some(3));
        assert_eq!(c.fresh_generation(t0 + RECHECK * 2), None);
        c.set_generation(3, t0);
        c.expire_generation();
        assert_eq!(c.fresh_generation(t0), None);
    }

    #[test]
    fn gates_are_shared_while_held_and_dropped_after() {
        let c = AnswerCache::new(1 << 20);
        let a = c.gate("/x");
        let b = c.gate("/x");
        assert!(Arc::ptr_eq(&a, &b));
        c.release_gate("/x", b);
        assert_eq!(c.gates.lock().unwrap().len(), 1, "still held by a");
        c.release_gate("/x", a);
        assert!(c.gates.lock().unwrap().is_empty());
    }

    #[test]
    fn the_oldest_answers_go_first_and_capacity_holds() {
        let c = AnswerCache::new(800);
        c.set_generation(1, Instant::now());
        for i in 0..20 {
            c.put(format!("/{i:02}"), 1, answer(&"x".repeat(50)));
        }
        assert!(c.get("/00", 1).is_none());
        assert!(c.get("/19", 1).is_some());
        assert!(c.lock().bytes <= 800);
        // Too big for the cache: not kept.
        c.put("/big".into(), 1, answer(&"x".repeat(200)));
        assert!(c.get("/big", 1).is_none());
        let off = AnswerCache::new(0);
        off.put("/a".into(), 0, answer("a"));
        assert!(off.get("/a", 0).is_none());
    }
}
