//! Event merging: one real-world event, many reports.
