//! Series: one figure over time across articles.
