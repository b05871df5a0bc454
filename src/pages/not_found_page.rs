//! Any URL the route table does not know.

use crate::components::not_found_view::NotFoundView;
use leptos::prelude::*;

/// The router's fallback: "page not found" inside the normal layout.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! { <NotFoundView /> }
}
