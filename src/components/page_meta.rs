//! The document title and meta description of a view.

use crate::components::site_context::use_site;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// Sets `<title>` to "{title} – {agency}" and the meta description.
#[component]
pub fn PageMeta(
    #[prop(into)] title: Signal<String>,
    #[prop(into)] description: Signal<String>,
) -> impl IntoView {
    let site = use_site();
    let full_title = move || match site.agency_name() {
        Some(agency) => format!("{} – {agency}", title.get()),
        None => title.get(),
    };
    view! {
        <Title text=full_title />
        <Meta name="description" content=description />
    }
}
