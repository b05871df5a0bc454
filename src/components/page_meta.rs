//! The document title and meta description of a view.

use crate::state::head;
use crate::state::site::use_site;
use leptos::prelude::*;

/// Sets `<title>` to "{title} – {agency}" and the meta description.
#[component]
pub fn PageMeta(
    #[prop(into)] title: Signal<String>,
    #[prop(into)] description: Signal<String>,
) -> impl IntoView {
    let site = use_site();
    // `try_`: a signal of a view being replaced inside a <Transition> may be
    // gone a moment before the effects that read it.
    let full_title = move || {
        let title = title.try_get().unwrap_or_default();
        match site.agency_name() {
            Some(agency) if !title.is_empty() => format!("{title} – {agency}"),
            _ => title,
        }
    };
    head::title(full_title);
    #[cfg(feature = "ssr")]
    head::heading(move || title.try_get().unwrap_or_default());
    head::description(move || description.try_get().unwrap_or_default());
}
