//! The plain-Rust core of the app: everything that can be decided without a
//! browser, tested on the host with `cargo test`.

pub mod dates;
pub mod decode;
pub mod endpoints;
pub mod error;
pub mod html_policy;
pub mod language;
pub mod model;
pub mod pagination;
pub mod photo_sizes;
pub mod routes;
pub mod slug;
pub mod urls;

// Host tests: they use the host's URL resolver (and proptest).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod decode_tests;
