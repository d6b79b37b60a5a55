//! The storage interface of newsgraph and its SQLite backend. (Stub: being written.)
