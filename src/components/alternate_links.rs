//! `<link rel="alternate" hreflang>` in the head: the same view in the site's
//! other languages, for search engines and browser translation prompts.

use crate::browser::config::AppConfig;
use crate::components::site_context::use_site;
use crate::core::routes::{lang_segment, Counterpart, Place, Route};
use leptos::prelude::*;
use leptos_meta::Link;
use leptos_router::hooks::use_location;

/// One absolute alternate link per language that has this view (the current
/// language included); `x-default` on the home listing points at `BASE`,
/// which picks the reader's language.
#[component]
pub fn AlternateLinks() -> impl IntoView {
    let site = use_site();
    let config = expect_context::<AppConfig>();
    let location = use_location();
    move || {
        let current = site.lang.get();
        // An unknown language in the URL is "not found": no alternates for it.
        if lang_segment(&location.pathname.get(), &config.base) != Some(current.as_str()) {
            return Vec::new().collect_view();
        }
        let absolute = |href: String| format!("{}{href}", config.origin);
        let mut links: Vec<(String, String)> = site
            .counterparts
            .get()
            .into_iter()
            .filter_map(|(language, target)| match target {
                Counterpart::Equivalent(route) => Some((language.code, absolute(route.href(&config.base)))),
                _ if language.code == current => Some((language.code, absolute(location.pathname.get()))),
                _ => None,
            })
            .collect();
        if site.place.get() == (Place::Listing { page: 1 }) && !links.is_empty() {
            links.push(("x-default".into(), absolute(Route::Home.href(&config.base))));
        }
        // A view with no other language has nothing to announce.
        if links.len() < 2 {
            links.clear();
        }
        links
            .into_iter()
            .map(|(hreflang, href)| view! { <Link rel="alternate" hreflang=hreflang href=href /> })
            .collect_view()
    }
}
