//! A Performance API mark for the benchmark (`bench/run`), which reads it
//! through `performance.getEntriesByName`. Cheap and silent in production: only
//! the latest mark is kept, so a long session does not pile them up.

/// Set when a view's loaded content is on the page (listing, article, legal page).
pub const VIEW_MARK: &str = "news-portal:view";

/// Marks [`VIEW_MARK`] at the next animation frame, when the content just
/// rendered is in the document and about to be painted.
pub fn mark_view() {
    leptos::prelude::request_animation_frame(|| {
        if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
            performance.clear_marks_with_mark_name(VIEW_MARK);
            let _ = performance.mark(VIEW_MARK);
        }
    });
}
