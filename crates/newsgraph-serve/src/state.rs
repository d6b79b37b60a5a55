//! What every request handler shares: the store connections, the write lock, the write
//! policy and the limits.
//!
//! Store calls are blocking (SQLite), so handlers never make them on the async
//! runtime's threads: [`AppState::read`] and [`AppState::write`] run a closure on the
//! blocking pool with a connection lent from the [`Pool`]. Writes are serialised by a
//! lock of their own (SQLite has one writer at a time anyway; taking the lock first
//! keeps waiting writers off the read connections).

use crate::cache::{AnswerCache, DEFAULT_CACHE_BYTES};
use crate::dates::{self, Day};
use crate::pool::Pool;
use crate::security::WritePolicy;
use crate::ServeError;
use newsgraph_store::Store;
use std::sync::{Arc, Mutex, PoisonError};

/// A store connection as the server holds it.
pub type DynStore = Box<dyn Store>;

/// Shared state of the server (cheap to clone).
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    pool: Pool<DynStore>,
    write_lock: Mutex<()>,
    policy: WritePolicy,
    today: Option<Day>,
    cache: AnswerCache,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("policy", &self.inner.policy)
            .finish_non_exhaustive()
    }
}

impl AppState {
    /// State over these store connections (at least one; all on the same database)
    /// with this write policy.
    pub fn new(stores: Vec<DynStore>, policy: WritePolicy) -> Self {
        AppState {
            inner: Arc::new(Inner {
                pool: Pool::new(stores),
                write_lock: Mutex::new(()),
                policy,
                today: None,
                cache: AnswerCache::new(DEFAULT_CACHE_BYTES),
            }),
        }
    }

    /// The same state with "today" fixed (for reproducible pages in tests and
    /// screenshots); by default it is the system date.
    pub fn with_today(self, today: Day) -> Self {
        let inner = Arc::try_unwrap(self.inner)
            .unwrap_or_else(|_| panic!("with_today must be called before the state is shared"));
        AppState {
            inner: Arc::new(Inner {
                today: Some(today),
                ..inner
            }),
        }
    }

    /// The same state with an answer cache of `bytes` (0: no cache).
    pub fn with_cache_bytes(self, bytes: usize) -> Self {
        let inner = Arc::try_unwrap(self.inner).unwrap_or_else(|_| {
            panic!("with_cache_bytes must be called before the state is shared")
        });
        AppState {
            inner: Arc::new(Inner {
                cache: AnswerCache::new(bytes),
                ..inner
            }),
        }
    }

    /// The answer cache.
    pub fn cache(&self) -> &AnswerCache {
        &self.inner.cache
    }

    /// The store's generation, read at most every [`crate::cache::RECHECK`].
    pub async fn generation(&self) -> Result<u64, ServeError> {
        let now = std::time::Instant::now();
        if let Some(g) = self.inner.cache.fresh_generation(now) {
            return Ok(g);
        }
        let g = self.read(|s| Ok(s.generation()?)).await?;
        self.inner.cache.set_generation(g, now);
        Ok(g)
    }

    /// Who may write.
    pub fn policy(&self) -> &WritePolicy {
        &self.inner.policy
    }

    /// Today, as timelines mark it.
    pub fn today(&self) -> Day {
        self.inner.today.unwrap_or_else(dates::today)
    }

    /// Runs `f` with a store connection on the blocking pool.
    pub async fn read<T, F>(&self, f: F) -> Result<T, ServeError>
    where
        T: Send + 'static,
        F: FnOnce(&dyn Store) -> Result<T, ServeError> + Send + 'static,
    {
        let inner = Arc::clone(&self.inner);
        tokio::task::spawn_blocking(move || {
            let store = inner.pool.get();
            f(&**store)
        })
        .await
        .map_err(|e| ServeError::Internal(format!("read task failed: {e}")))?
    }

    /// Runs `f` with a store connection for writing, one writer at a time.
    pub async fn write<T, F>(&self, f: F) -> Result<T, ServeError>
    where
        T: Send + 'static,
        F: FnOnce(&mut dyn Store) -> Result<T, ServeError> + Send + 'static,
    {
        let inner = Arc::clone(&self.inner);
        tokio::task::spawn_blocking(move || {
            let _one_writer = inner
                .write_lock
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            let mut store = inner.pool.get();
            let result = f(&mut **store);
            inner.cache.expire_generation();
            result
        })
        .await
        .map_err(|e| ServeError::Internal(format!("write task failed: {e}")))?
    }
}
