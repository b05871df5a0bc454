//! Thin wrappers over browser APIs: the network, `URL`, `DOMParser`, storage.
//! They run only in the browser and are tested there (tests/browser.rs).

pub mod config;
pub mod http;
pub mod marks;
pub mod preferences;
pub mod sanitize;
pub mod search;

/// A warning for the web team in the browser's console; on the host (the
/// prerender step, which reports on its own), nothing.
pub fn warn(message: &str) {
    #[cfg(target_arch = "wasm32")]
    web_sys::console::warn_1(&message.into());
    #[cfg(not(target_arch = "wasm32"))]
    let _ = message;
}
