//! Performance API marks for the benchmark (`bench/run`), which reads them
//! through `performance.getEntriesByName`. Cheap and silent in production: only
//! the latest of each is kept, so a long session does not pile them up.

/// Set when a view's loaded content is on the page (listing, article, legal page).
pub const VIEW_MARK: &str = "news-portal:view";

/// Marks [`VIEW_MARK`] at the next animation frame, when the content just
/// rendered is in the document and about to be painted.
pub fn mark_view() {
    leptos::prelude::request_animation_frame(|| mark(VIEW_MARK));
}

/// Set when the app has taken over a prerendered page (`state::takeover::page`):
/// from then on the page is the app's, and interactive.
pub const TAKEOVER_MARK: &str = "news-portal:takeover";

/// Marks `name` now, replacing an earlier mark of that name.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        performance.clear_marks_with_mark_name(name);
        let _ = performance.mark(name);
    }
}
