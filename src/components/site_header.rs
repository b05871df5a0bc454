//! The banner of every page: the agency's logo and name, and the main navigation.

use crate::browser::config::AppConfig;
use crate::components::language_switcher::LanguageSwitcher;
use crate::core::routes::Route;
use crate::state::site::use_site;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The page header. Shows a neutral placeholder while the agency's identity loads.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let site = use_site();
    let base = expect_context::<AppConfig>().base;
    let home = move || Route::listing(&site.lang.get()).href(&base);
    let location = use_location();
    let on_listing = {
        let home = home.clone();
        move || (location.pathname.get() == home()).then_some("page")
    };
    let brand = move || match site.info.get() {
        Some(Ok(info)) => view! {
            {info.logo.map(|logo| view! {
                <img class="brand-logo" src=logo.src alt="" width="48" height="48" />
            })}
            <span class="brand-name">{info.name}</span>
        }
        .into_any(),
        _ => view! { <span class="brand-name brand-name--pending" aria-hidden="true"></span> }.into_any(),
    };
    view! {
        <header class="site-header">
            <div class="container site-header__inner">
                <a class="brand" href=home.clone()>{brand}</a>
                <nav class="site-nav" aria-label=move || site.strings().nav_label>
                    <ul>
                        <li><a href=home aria-current=on_listing>{move || site.strings().news}</a></li>
                    </ul>
                </nav>
                <LanguageSwitcher />
            </div>
        </header>
    }
}
