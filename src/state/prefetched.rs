//! The documents of one view, decoded before the app renders. The prerender
//! step (`news_publish::prerender`) reads them from files and provides them, so the
//! views render complete on the first pass, with no request and no loading
//! state. In the browser there are none: every view fetches its own.

use crate::core::model::{Article, LegalDocument, Listing, SiteIndex, SiteInfo};

/// Everything the view of one route shows.
#[derive(Debug, Clone)]
pub struct Prefetched {
    /// `API/site.json`.
    pub index: SiteIndex,
    /// `API/{lang}/site.json` of the route's language.
    pub info: SiteInfo,
    /// The route's own document.
    pub view: PrefetchedView,
}

/// The route's own document, by kind of route.
#[derive(Debug, Clone)]
pub enum PrefetchedView {
    /// A listing page.
    Listing(Listing),
    /// An article (boxed: by far the largest).
    Article(Box<Article>),
    /// A legal page.
    Legal(LegalDocument),
    /// The search view, with nothing asked yet: no document of its own.
    Search,
}

/// The prefetched documents, if the app is being prerendered (on the host).
#[cfg(feature = "ssr")]
pub fn use_prefetched() -> Option<Prefetched> {
    leptos::prelude::use_context::<Prefetched>()
}

/// In the browser there are none, and saying so here lets the compiler drop
/// every prefetched path from the bundle.
#[cfg(not(feature = "ssr"))]
pub fn use_prefetched() -> Option<Prefetched> {
    None
}

/// The route's own document, if prefetched and of the kind `pick` takes.
pub fn prefetched_view<T>(pick: impl FnOnce(PrefetchedView) -> Option<T>) -> Option<T> {
    use_prefetched().and_then(|prefetched| pick(prefetched.view))
}
