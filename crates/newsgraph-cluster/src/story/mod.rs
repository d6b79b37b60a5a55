//! Stories: articles grouped into storylines as they arrive.
