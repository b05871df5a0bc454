//! Thin wrappers over browser APIs: the network, `Intl`, `URL`, `DOMParser`.
//! They run only in the browser and are tested there (tests/browser.rs).

pub mod config;
pub mod http;
pub mod intl;
pub mod marks;
pub mod preferences;
pub mod sanitize;
