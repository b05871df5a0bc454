//! The banner of every page: the agency's logo and name, the main navigation,
//! the search field and the language switcher.

use crate::components::fresh::IntoFresh;
use crate::components::language_switcher::LanguageSwitcher;
use crate::core::config::AppConfig;
use crate::core::routes::{Route, SearchQuery};
use crate::state::site::use_site;
use leptos::html::Input;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use send_wrapper::SendWrapper;

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
        .into_fresh(),
        _ => view! { <span class="brand-name brand-name--pending" aria-hidden="true"></span> }.into_fresh(),
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
                <SiteSearch />
                <LanguageSwitcher />
            </div>
        </header>
    }
}

/// The search field of every view: a GET form to the search view, which
/// works as a plain form without JavaScript (a prerendered page) and
/// navigates inside the app with it.
#[component]
fn SiteSearch() -> impl IntoView {
    let site = use_site();
    let base = expect_context::<AppConfig>().base;
    let strings = move || site.strings();
    let search = move |text: String| Route::Search {
        lang: site.lang.get_untracked(),
        query: SearchQuery {
            text: text.trim().into(),
            ..SearchQuery::default()
        },
    };
    let action = {
        let base = base.clone();
        move || {
            Route::Search {
                lang: site.lang.get(),
                query: SearchQuery::default(),
            }
            .href(&base)
        }
    };
    let input = NodeRef::<Input>::new();
    let navigate = SendWrapper::new(use_navigate());
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let text = input
            .get_untracked()
            .map(|input| input.value())
            .unwrap_or_default();
        // The href is whole (BASE included): not to be resolved against the route.
        let options = NavigateOptions {
            resolve: false,
            ..Default::default()
        };
        navigate(&search(text).href(&base), options);
    };
    view! {
        <form class="site-search" role="search" method="get" action=action aria-label=move || strings().search_label on:submit=submit>
            <label class="visually-hidden" for="site-search">{move || strings().search_field}</label>
            <input id="site-search" type="search" name="q" autocomplete="off" node_ref=input />
            <button type="submit">{move || strings().search}</button>
        </form>
    }
}
