//! The deploy-time settings, read once from the page: `BASE` from `<base href>`,
//! `API` from `data-api` on the mount element (README, "Configuration").

use crate::core::endpoints::Endpoints;
use crate::core::routes::BasePath;

/// The element the app mounts into, and where `data-api` is read.
pub const MOUNT_ID: &str = "app";

/// Settings every part of the app reads through context.
#[derive(Debug, Clone)]
pub struct AppConfig {
    /// The path the app is served under.
    pub base: BasePath,
    /// URLs of the data documents.
    pub api: Endpoints,
    /// The page's own origin, to tell links to other sites apart.
    pub origin: String,
}

impl AppConfig {
    /// Reads the settings from the document; missing ones take their defaults
    /// (`BASE` = `/`, `API` = `api/` under `BASE`).
    pub fn from_document() -> AppConfig {
        let document = leptos::prelude::document();
        let base_uri = document.base_uri().ok().flatten().unwrap_or_else(|| "/".into());
        let base_url = web_sys::Url::new(&base_uri).ok();
        let base = BasePath::new(&base_url.as_ref().map(|u| u.pathname()).unwrap_or_default());
        let origin = base_url.as_ref().map(|u| u.origin()).unwrap_or_default();
        let api_setting = document
            .get_element_by_id(MOUNT_ID)
            .and_then(|el| el.get_attribute("data-api"))
            .filter(|value| !value.trim().is_empty())
            .unwrap_or_else(|| "api/".into());
        let api_root = resolve(&api_setting, &base_uri).unwrap_or(api_setting);
        AppConfig {
            base,
            api: Endpoints::new(&api_root),
            origin,
        }
    }
}

/// Resolves `reference` against `base` exactly as the browser resolves links.
pub fn resolve(reference: &str, base: &str) -> Option<String> {
    web_sys::Url::new_with_base(reference, base)
        .ok()
        .map(|url| url.href())
}
