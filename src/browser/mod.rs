//! Thin wrappers over browser APIs: the network, `URL`, `DOMParser`, storage.
//! They run only in the browser and are tested there (tests/browser.rs).

pub mod config;
pub mod http;
pub mod marks;
pub mod preferences;
pub mod sanitize;
