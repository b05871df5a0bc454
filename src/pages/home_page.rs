//! `BASE`: sends the reader to the listing in their language: the one they
//! chose last time, else their browser's, else the site's default.

use crate::components::fresh::IntoFresh;
use crate::components::load_error::LoadError;
use crate::components::loading_skeleton::LoadingSkeleton;
use crate::core::config::AppConfig;
use crate::core::routes::Route;
use crate::state::effect::effect;
use crate::state::site::use_site;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

/// Redirects (replacing the history entry) once `site.json` names the languages.
#[component]
pub fn HomePage() -> impl IntoView {
    let site = use_site();
    let base = expect_context::<AppConfig>().base;
    let navigate = use_navigate();
    effect(move || {
        if let Some(Ok(_)) = site.index_state() {
            // At `BASE` the site language is already the one to open (see `Site::lang`).
            let target = Route::listing(&site.lang.get_untracked()).href(&base);
            navigate(
                &target,
                NavigateOptions {
                    resolve: false,
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });
    move || match site.index_state() {
        Some(Err(error)) => {
            view! { <LoadError error=error retry=move |_| site.retry_index() /> }.into_fresh()
        }
        _ => view! { <LoadingSkeleton rows=2 /> }.into_fresh(),
    }
}
