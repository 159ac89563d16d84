//! Custom hooks.

pub mod use_link;

pub use use_link::use_link;
