//! The app: the router and the layout every route shares.

use crate::components::alternate_links::keep_alternate_links;
use crate::components::fresh::IntoFresh;
use crate::components::site_footer::SiteFooter;
use crate::components::site_header::SiteHeader;
use crate::components::skip_link::SkipLink;
use crate::core::config::AppConfig;
use crate::pages::routed_view;
use crate::state::alternates::provide_alternates;
use crate::state::head;
use crate::state::navigation::provide_navigation;
use crate::state::site::provide_site;
use crate::state::takeover::page::take_over_when_ready;
use crate::state::takeover::provide_takeover;
use crate::state::untranslated_note::provide_untranslated_note;
use leptos::prelude::*;
use leptos_router::components::Router;

/// The whole app. Expects an [`AppConfig`] and, in the browser, the
/// [`MountRoot`] in context (see [`crate::start`]).
/// The router keeps the URL and follows links; which view a URL shows is the
/// route table's answer (`core::routes`, `pages::routed_view`).
#[component]
pub fn App() -> impl IntoView {
    let config = expect_context::<AppConfig>();
    view! {
        <Router base=config.base.router_prefix()>
            <Layout />
        </Router>
    }
}

/// Skip link, header, the routed view in `<main>`, footer. Embedded in a page
/// that has its own `<main>`, the view goes in a plain `<div>` without a skip
/// link, and the language is set on the app's root instead of `<html>`.
#[component]
fn Layout() -> impl IntoView {
    let config = expect_context::<AppConfig>();
    let navigation = provide_navigation(config.base.clone());
    let site = provide_site(config.clone(), navigation);
    provide_alternates(navigation, site);
    let note = provide_untranslated_note(navigation);
    // Views read the route, the site and the note through their own trigger
    // (`Navigation::watch`), notified when any of them changes.
    navigation.announce_changes(move || {
        site.track();
        note.track();
    });
    provide_takeover();
    take_over_when_ready(site, navigation);
    head::lang(move || site.lang.get(), config.embedded);
    keep_alternate_links();

    let embedded = config.embedded;
    let skip_link = (!embedded).then(|| view! { <SkipLink /> });
    // The routed view and the footer: built after the rest in the browser
    // (`build_after_layout`), with it on the host, in the same order.
    let rest = move || {
        let content = if embedded {
            view! { <div id="main-content" class="container site-main" tabindex="-1">{routed_view()}</div> }
                .into_fresh()
        } else {
            view! { <main id="main-content" class="container site-main" tabindex="-1">{routed_view()}</main> }
                .into_fresh()
        };
        view! {
            {content}
            <SiteFooter />
        }
    };
    #[cfg(not(feature = "ssr"))]
    {
        build_after_layout(rest);
        view! {
            {skip_link}
            <SiteHeader />
        }
    }
    #[cfg(feature = "ssr")]
    view! {
        {skip_link}
        <SiteHeader />
        {rest()}
    }
}

/// The element the app is mounted on (`crate::start`).
#[derive(Clone)]
pub struct MountRoot(pub send_wrapper::SendWrapper<web_sys::HtmlElement>);

/// Builds `rest` in the layout's reactive scope and appends it to the app's
/// root, after the layout's own nodes, in the next task. The wasm's first run
/// pays for compiling each function it calls for the first time (V8 compiles
/// wasm lazily, on the main thread): in one task the start-up kept the page
/// from answering a tap for ~60 ms on this machine, in two for ~20-40 ms
/// each. On a prerendered page the reader reads the prerendered view
/// meanwhile (`state::takeover::page`); otherwise the header shows first, then
/// the view (its loading state) and the footer below it, which moves nothing.
#[cfg(not(feature = "ssr"))]
fn build_after_layout<V: IntoView + 'static>(rest: impl FnOnce() -> V + 'static) {
    use leptos::tachys::view::{Mountable, Render};
    let (Some(root), Some(owner)) = (use_context::<MountRoot>(), Owner::current()) else {
        crate::browser::warn("news portal: no MountRoot in context: the view and footer are not built");
        return;
    };
    let build = move || {
        owner.with(|| {
            let mut state = rest().into_view().build();
            state.mount(&root.0, None);
            // Like the app's own mount: it stays as long as the page.
            std::mem::forget(state);
        });
    };
    set_timeout(build, std::time::Duration::ZERO);
}
