//! The plain-Rust core of the app: everything that can be decided without a
//! browser, tested on the host with `cargo test`.

pub mod config;
pub mod dates;
pub mod decode;
pub mod endpoints;
pub mod error;
pub mod html_policy;
pub mod language;
pub mod markup;
pub mod model;
pub mod pagination;
pub mod photo_sizes;
pub mod routes;
pub mod slug;
pub mod urls;

// Host tests: they use the URL resolver of `ssr` (and proptest).
#[cfg(all(test, feature = "ssr"))]
mod decode_tests;
