//! What a view shows when its data could not be loaded.

use crate::components::not_found_view::NotFoundView;
use crate::components::site_context::use_site;
use crate::core::error::ApiError;
use leptos::prelude::*;

/// "Not found" for a missing document; otherwise "could not load" with the
/// cause (for the web team) and a Retry button that calls `retry`.
#[component]
pub fn LoadError(error: ApiError, #[prop(into)] retry: Callback<()>) -> impl IntoView {
    if error == ApiError::NotFound {
        return view! { <NotFoundView /> }.into_any();
    }
    let site = use_site();
    web_sys::console::warn_1(&format!("news portal: {error}").into());
    view! {
        <div class="notice notice--error" role="alert">
            <h2 class="notice__title">{move || site.strings().could_not_load}</h2>
            <p>{move || site.strings().could_not_load_hint}</p>
            <p class="notice__detail">{error.to_string()}</p>
            <button type="button" class="button" on:click=move |_| retry.run(())>
                {move || site.strings().retry}
            </button>
        </div>
    }
    .into_any()
}
