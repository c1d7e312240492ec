//! Thread states and cross-thread reference-count merging.

pub mod brc;

pub use brc::{current_tid, register_current_thread, unregister_current_thread};
