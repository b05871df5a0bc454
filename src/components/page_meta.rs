//! The document title and meta description of a view.

use crate::state::site::use_site;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// Sets `<title>` to "{title} – {agency}" and the meta description.
#[component]
pub fn PageMeta(
    #[prop(into)] title: Signal<String>,
    #[prop(into)] description: Signal<String>,
) -> impl IntoView {
    let site = use_site();
    // leptos_meta's title effect can run once more after this view's owner is
    // disposed (a view replaced inside a <Transition>): `try_` never panics, and
    // the next view's title replaces the empty one at once.
    let full_title = move || {
        let title = title.try_get().unwrap_or_default();
        match site.agency_name() {
            Some(agency) if !title.is_empty() => format!("{title} – {agency}"),
            _ => title,
        }
    };
    view! {
        <Title text=full_title />
        <Meta name="description" content=move || description.try_get().unwrap_or_default() />
    }
}
