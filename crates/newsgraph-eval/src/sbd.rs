//! Sentence-boundary evaluation. (Stub: being written.)
