//! What a view shows when its data could not be loaded.

use crate::browser::warn;
use crate::components::fresh::IntoFresh;
use crate::components::not_found_view::NotFoundView;
use crate::core::error::ApiError;
use crate::i18n::{fill, Strings};
use crate::state::site::use_site;
use leptos::prelude::*;

/// "Not found" for a missing document; otherwise "could not load" with the
/// cause in the reader's language (plus the technical detail, marked as English,
/// for the web team) and a Retry button that calls `retry`.
#[component]
pub fn LoadError(error: ApiError, #[prop(into)] retry: Callback<()>) -> impl IntoView {
    if error == ApiError::NotFound {
        return view! { <NotFoundView /> }.into_fresh();
    }
    let site = use_site();
    // The parser's or browser's own words, for the web team; they exist only in English.
    let technical = match &error {
        ApiError::Decode(detail) | ApiError::Network(detail) if !detail.is_empty() => Some(detail.clone()),
        _ => None,
    };
    warn(&format!("news portal: {error}"));
    view! {
        <div class="notice notice--error" role="alert">
            <h2 class="notice__title">{move || site.strings().could_not_load}</h2>
            <p>{move || site.strings().could_not_load_hint}</p>
            <p class="notice__detail">
                {move || cause(&error, site.strings())}
                {technical.map(|detail| view! { " " <code lang="en">{detail}</code> })}
            </p>
            <button type="button" class="button" on:click=move |_| retry.run(())>
                {move || site.strings().retry}
            </button>
        </div>
    }
    .into_fresh()
}

/// The cause of a failure, in the reader's language.
fn cause(error: &ApiError, strings: &Strings) -> String {
    match error {
        ApiError::Http(status) => fill(strings.error_http, &[("status", u32::from(*status))]),
        ApiError::Timeout(seconds) => fill(strings.error_timeout, &[("seconds", *seconds)]),
        ApiError::Decode(_) => strings.error_decode.to_string(),
        ApiError::Network(_) | ApiError::NotFound => strings.error_network.to_string(),
    }
}
