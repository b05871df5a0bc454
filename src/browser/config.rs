//! The deploy-time settings (`core::config::AppConfig`) read once from the
//! page: `BASE` from `<base href>` (or `data-base` when embedded in a portal
//! page), `API` from `data-api` on the mount element (docs/deploy.md).

use crate::core::config::{AppConfig, DEFAULT_API, MOUNT_ID};
use crate::core::endpoints::Endpoints;
use crate::core::routes::BasePath;

impl AppConfig {
    /// Reads the settings from the document; missing ones take their defaults
    /// (`BASE` = `/`, `API` = `api/` under `BASE`). `BASE` is `data-base` on the
    /// mount element if it has one (a portal page, whose `<base>` is not ours),
    /// else the page's `<base href>`. `API` resolves against `BASE`.
    pub fn from_document() -> AppConfig {
        let document = leptos::prelude::document();
        let mount = document.get_element_by_id(MOUNT_ID);
        let setting = |name: &str| {
            mount
                .as_ref()
                .and_then(|el| el.get_attribute(name))
                .filter(|value| !value.trim().is_empty())
        };
        let page_base = document.base_uri().ok().flatten().unwrap_or_else(|| "/".into());
        let base_uri = setting("data-base")
            .and_then(|base| resolve(&base, &page_base))
            .unwrap_or(page_base);
        let base_url = web_sys::Url::new(&base_uri).ok();
        let base = BasePath::new(&base_url.as_ref().map(|u| u.pathname()).unwrap_or_default());
        let origin = base_url.as_ref().map(|u| u.origin()).unwrap_or_default();
        let api_setting = setting("data-api").unwrap_or_else(|| DEFAULT_API.into());
        let api_root = resolve(&api_setting, &base_uri).unwrap_or(api_setting);
        let embedded = mount
            .as_ref()
            .and_then(|el| el.parent_element())
            .and_then(|parent| parent.closest("main").ok().flatten())
            .is_some();
        AppConfig {
            base,
            api: Endpoints::new(&api_root),
            origin,
            embedded,
        }
    }
}

/// Resolves `reference` against `base` exactly as the browser resolves links.
pub fn resolve(reference: &str, base: &str) -> Option<String> {
    web_sys::Url::new_with_base(reference, base)
        .ok()
        .map(|url| url.href())
}
