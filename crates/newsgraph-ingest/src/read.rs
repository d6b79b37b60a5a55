//! Readers. (Stub: being written.)
