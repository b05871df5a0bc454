//! "Page not found", inside the normal layout, with a way home.

use crate::components::page_heading::PageHeading;
use crate::components::page_meta::PageMeta;
use crate::core::config::AppConfig;
use crate::core::routes::Route;
use crate::state::site::use_site;
use leptos::prelude::*;

/// The not-found view, for unknown routes and for documents that do not exist.
#[component]
pub fn NotFoundView() -> impl IntoView {
    let site = use_site();
    let base = expect_context::<AppConfig>().base;
    let title = Signal::derive(move || site.strings().not_found_title.to_string());
    let home = move || Route::listing(&site.language()).href(&base);
    view! {
        <PageMeta title=title description=Signal::derive(move || site.strings().not_found_text.to_string()) />
        <section class="notice-page">
            <PageHeading text=title />
            <p>{move || site.strings().not_found_text}</p>
            <p><a class="button-link" href=home>{move || site.strings().go_home}</a></p>
        </section>
    }
}
