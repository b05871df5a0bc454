//! The first focusable element of every page: jumps past the header.

use crate::state::site::use_site;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

/// "Skip to main content". Handled in code because `<base href>` makes a bare
/// `#fragment` link point at the base URL instead of the current page; its
/// `href` names the current page, so that it works without JavaScript too
/// (a prerendered page).
#[component]
pub fn SkipLink() -> impl IntoView {
    let site = use_site();
    let location = use_location();
    let href = move || format!("{}#main-content", location.pathname.get());
    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        if let Some(main) = document().get_element_by_id("main-content") {
            if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
                let _ = main.focus();
                main.scroll_into_view();
            }
        }
    };
    view! {
        <a class="skip-link" href=href on:click=skip>
            {move || site.strings().skip_to_content}
        </a>
    }
}
