//! One route of the app rendered to HTML on the host, by the app's own
//! components (`app::App`) through Leptos's server rendering: the same markup
//! the browser builds, with the view's documents prefetched so that it renders
//! complete in one pass.

use leptos::prelude::*;
use leptos_router::location::RequestUrl;
use news_portal::app::App;
use news_portal::core::config::AppConfig;
use news_portal::state::head::{Head, HeadRecord};
use news_portal::state::prefetched::Prefetched;

/// What the app renders for one route.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// The content of the mount element (`#app`).
    pub body: String,
    /// What the views say of the document (`state::head`): title,
    /// description, language, `hreflang` alternates.
    pub head: Head,
}

/// Renders the app at `path` (the URL path, `BASE` included) with `prefetched`
/// as the view's documents. Effects do not run on the host, so nothing here
/// fetches, stores or focuses anything.
pub fn render(config: &AppConfig, path: &str, prefetched: Prefetched) -> Rendered {
    let owner = Owner::new();
    let record = HeadRecord::default();
    let body = owner.with(|| {
        provide_context(record.clone());
        provide_context(RequestUrl::new(path));
        provide_context(config.clone());
        provide_context(prefetched);
        view! { <App /> }.to_html()
    });
    owner.cleanup();
    Rendered {
        body,
        head: record.head(),
    }
}
