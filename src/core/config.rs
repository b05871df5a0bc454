//! What the app and the publishing side agree on about the page the app runs
//! in: the settings every view reads (`AppConfig`; read from the page by
//! `browser::config`, made from `index.html` and `--origin` by the prerender),
//! the mount element and its default `data-api`, and the attributes that mark
//! a prerendered page for the app to take over (`state::takeover`).

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

/// Marks the mount element of a prerendered page.
pub const PRERENDERED_ATTRIBUTE: &str = "data-np-prerendered";

/// Marks a prerendered `<head>` tag that only crawlers read (canonical, Open
/// Graph, JSON-LD, feed), with the value `page`: it goes when the reader moves
/// to another view, which it does not describe. The tags the app keeps itself
/// (title, description, hreflang) are not marked: the app adopts them
/// (`state::head`).
pub const HEAD_ATTRIBUTE: &str = "data-np-head";

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
