//! A tiny blocking pool of store connections.
//!
//! A store connection is `Send` but not `Sync` (an SQLite connection serves one thread
//! at a time), so the server keeps several and lends one to each request for the
//! duration of its (blocking) work. Checking out waits when all are lent; the guard
//! returns the connection when dropped, also when the work panicked.

use std::ops::{Deref, DerefMut};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

/// A fixed set of items lent out one at a time.
#[derive(Debug)]
pub struct Pool<T> {
    items: Mutex<Vec<T>>,
    returned: Condvar,
}

impl<T> Pool<T> {
    /// A pool lending these items (at least one, or every checkout waits forever).
    pub fn new(items: Vec<T>) -> Self {
        assert!(!items.is_empty(), "a pool needs at least one item");
        Pool {
            items: Mutex::new(items),
            returned: Condvar::new(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Vec<T>> {
        // The vector is only pushed to and popped from: a panic elsewhere cannot leave
        // it half-updated, so a poisoned lock is still safe to use.
        self.items.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Borrows an item, waiting until one is free.
    pub fn get(&self) -> Lent<'_, T> {
        let mut items = self.lock();
        loop {
            if let Some(item) = items.pop() {
                return Lent {
                    pool: self,
                    item: Some(item),
                };
            }
            items = self
                .returned
                .wait(items)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }
}

/// An item borrowed from a [`Pool`]; given back when dropped.
#[derive(Debug)]
pub struct Lent<'p, T> {
    pool: &'p Pool<T>,
    item: Option<T>,
}

impl<T> Deref for Lent<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.item.as_ref().expect("item present until drop")
    }
}

impl<T> DerefMut for Lent<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        self.item.as_mut().expect("item present until drop")
    }
}

impl<T> Drop for Lent<'_, T> {
    fn drop(&mut self) {
        if let Some(item) = self.item.take() {
            self.pool.lock().push(item);
            self.pool.returned.notify_one();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn items_come_back_and_waiters_wake() {
        let pool = Arc::new(Pool::new(vec![1u32]));
        let first = pool.get();
        let p2 = Arc::clone(&pool);
        let waiter = std::thread::spawn(move || *p2.get() + 1);
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert_eq!(*first, 1);
        drop(first);
        assert_eq!(waiter.join().unwrap(), 2);
        assert_eq!(*pool.get(), 1);
    }

    #[test]
    fn a_panic_while_lent_returns_the_item() {
        let pool = Arc::new(Pool::new(vec![String::from("x")]));
        let p2 = Arc::clone(&pool);
        let _ = std::thread::spawn(move || {
            let _lent = p2.get();
            panic!("boom");
        })
        .join();
        assert_eq!(pool.get().as_str(), "x");
    }
}
