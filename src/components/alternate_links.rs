//! `<link rel="alternate" hreflang>` in the head: the view in each of the
//! site's languages that has it, for search engines and translation prompts.

use crate::core::config::AppConfig;
use crate::core::routes::{Counterpart, Route};
use crate::state::alternates::use_alternates;
use crate::state::head;
use crate::state::navigation::use_navigation;
use crate::state::site::use_site;
use leptos::prelude::*;

/// One absolute alternate link per language that has this view, the current
/// language always included; `x-default` on the first listing page points at
/// `BASE`, which picks the reader's language. None on a view that does not
/// exist: an unknown route or language, an article not (yet) loaded.
pub fn keep_alternate_links() {
    let site = use_site();
    let navigation = use_navigation();
    let alternates = use_alternates();
    let config = expect_context::<AppConfig>();
    head::alternates(move || {
        let current = site.lang.get();
        let Some(route) = navigation.route.get() else {
            return Vec::new();
        };
        let known_view = match &route {
            Route::Home => false,
            Route::Article { .. } | Route::Listing { tag: Some(_), .. } => {
                alternates.has_translations_for(&route)
            }
            _ => true,
        };
        // Absolute URLs or none: the prerender step without `--origin` has no origin.
        if !known_view || route.lang() != Some(current.as_str()) || config.origin.is_empty() {
            return Vec::new();
        }
        let absolute = |route: &Route| format!("{}{}", config.origin, route.href(&config.base));
        let mut links: Vec<(String, String)> = alternates
            .counterparts
            .get()
            .into_iter()
            .filter_map(|(language, target)| match target {
                _ if language.code == current => Some((language.code, absolute(&route))),
                Counterpart::Equivalent(other) => Some((language.code, absolute(&other))),
                _ => None,
            })
            .collect();
        if matches!(
            route,
            Route::Listing {
                tag: None,
                page: 1,
                ..
            }
        ) {
            links.push(("x-default".into(), absolute(&Route::Home)));
        }
        links
    });
}
