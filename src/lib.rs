//! News portal front end: a Leptos client-side app over a static JSON news API
//! (docs/news-api.md). `core` is plain Rust, tested on the host; `browser` wraps
//! the browser APIs; `state` is what views share; `components` and `pages`
//! are the views.

// The host's server rendering nests the article view's type ~130 queries deep
// when it lays out the future that resolves it (`components::fresh`).
#![recursion_limit = "256"]

pub mod api;
pub mod app;
pub mod browser;
pub mod components;
pub mod core;
pub mod i18n;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod state;

use crate::core::config::{AppConfig, MOUNT_ID, PRERENDERED_ATTRIBUTE};
use leptos::prelude::*;
use state::takeover::page::PrerenderedPage;
use wasm_bindgen::JsCast;

/// Reads the deploy-time settings and mounts the app into `#app` (or `<body>`),
/// replacing the static "Loading…" that index.html shows until then. On a
/// prerendered page the app mounts beside it and takes over once its view is
/// ready (`state::takeover::page`).
pub fn start() {
    // A panic's message in the console. The release bundle's panics trap at
    // once, before any hook (scripts/build), so it leaves the hook out.
    #[cfg(not(panic = "immediate-abort"))]
    console_error_panic_hook::set_once();
    let config = AppConfig::from_document();
    let root = document()
        .get_element_by_id(MOUNT_ID)
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        .or_else(|| document().body());
    let Some(mut root) = root else { return };
    let prerendered = root
        .has_attribute(PRERENDERED_ATTRIBUTE)
        .then(|| PrerenderedPage::new(root.clone()))
        .flatten();
    match &prerendered {
        Some(page) => root = page.stage(),
        None => root.set_inner_html(""),
    }
    // Every style rule is scoped to this class, so none leaks onto a portal page.
    let classes = root.class_list();
    let _ = classes.add_1("news-portal");
    if config.embedded {
        let _ = classes.add_1("news-portal--embedded");
    }
    let on_prerendered_page = prerendered.is_some();
    let mount_root = app::MountRoot(send_wrapper::SendWrapper::new(root.clone()));
    let mount = move || {
        leptos::mount::mount_to(root, move || {
            provide_context(config);
            provide_context(mount_root);
            if let Some(page) = prerendered {
                provide_context(page);
            }
            view! { <app::App /> }
        })
        .forget();
    };
    if on_prerendered_page {
        // The reader is reading already: the first render gets a task of its
        // own, not the one that compiled and started the wasm, so that neither
        // keeps the page from answering a tap for long.
        set_timeout(mount, std::time::Duration::ZERO);
    } else {
        mount();
    }
}
