//! The deploy-time settings, read once from the page: `BASE` from `<base href>`
//! (or `data-base` when embedded in a portal page), `API` from `data-api` on the
//! mount element (README, "Configuration"; docs/deploy.md).

use crate::core::endpoints::Endpoints;
use crate::core::routes::BasePath;

/// The element the app mounts into, and where `data-api` is read.
pub const MOUNT_ID: &str = "app";

/// `API` when `data-api` is not set: the data beside the app, under `BASE`.
pub const DEFAULT_API: &str = "api/";

/// Settings every part of the app reads through context.
#[derive(Debug, Clone)]
pub struct AppConfig {
    /// The path the app is served under.
    pub base: BasePath,
    /// URLs of the data documents.
    pub api: Endpoints,
    /// The page's own origin, to tell links to other sites apart.
    pub origin: String,
    /// Mounted inside a page's existing `<main>` (a portal): the app then adds
    /// no landmarks or skip link of its own and leaves `<html lang>` alone.
    pub embedded: bool,
}

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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn read(path: &str) -> String {
        std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).expect(path)
    }

    /// The loader starts the app before the wasm is there, so it has its own
    /// copy of the defaults; the shell names the same element.
    #[test]
    fn the_loader_and_the_shell_share_the_defaults() {
        let boot = read("public/boot.js");
        assert!(boot.contains(&format!("const MOUNT_ID = \"{MOUNT_ID}\";")));
        assert!(boot.contains(&format!("const DEFAULT_API = \"{DEFAULT_API}\";")));
        let shell = read("index.html");
        assert!(shell.contains(&format!("<div id=\"{MOUNT_ID}\"")));
        assert!(shell.contains(&format!("data-api=\"{DEFAULT_API}\"")));
    }

    /// The app's shell is recognised by the loader tag Trunk writes from
    /// Trunk.toml; a document answered with the shell is "not found".
    #[test]
    fn the_shell_marker_is_the_loader_tag() {
        let marker = crate::core::decode::SHELL_MARKER;
        let trunk = read("Trunk.toml");
        let pattern = trunk
            .lines()
            .find(|line| line.starts_with("pattern_script"))
            .expect("pattern_script");
        assert!(pattern.contains(&format!("{marker}=")), "{pattern}");
    }
}
