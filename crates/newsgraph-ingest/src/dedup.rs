//! Content ids and near-duplicate fingerprints. (Stub: being written.)
