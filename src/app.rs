//! The app: the router and the layout every route shares.

use crate::browser::config::{AppConfig, MOUNT_ID};
use crate::components::alternate_links::AlternateLinks;
use crate::components::site_context::provide_site_context;
use crate::components::site_footer::SiteFooter;
use crate::components::site_header::SiteHeader;
use crate::components::skip_link::SkipLink;
use crate::pages::article_page::ArticlePage;
use crate::pages::home_page::HomePage;
use crate::pages::legal_page::LegalPage;
use crate::pages::news_list_page::NewsListPage;
use crate::pages::not_found_page::NotFoundPage;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Html};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// The whole app. Expects an [`AppConfig`] in context (see [`crate::start`]).
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
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
    let site = provide_site_context();
    let embedded = expect_context::<AppConfig>().embedded;
    if embedded {
        Effect::new(move |_| {
            if let Some(root) = document().get_element_by_id(MOUNT_ID) {
                let _ = root.set_attribute("lang", &site.lang.get());
            }
        });
    }
    let routes = || {
        view! {
            <Routes fallback=NotFoundPage>
                <Route path=path!("/") view=HomePage />
                <Route path=path!("/:lang") view=NewsListPage />
                <Route path=path!("/:lang/news/:slug") view=ArticlePage />
                <Route path=path!("/:lang/terms") view=|| view! { <LegalPage slug="terms" /> } />
                <Route path=path!("/:lang/privacy") view=|| view! { <LegalPage slug="privacy" /> } />
            </Routes>
        }
    };
    let content = if embedded {
        view! { <div id="main-content" class="container site-main" tabindex="-1">{routes()}</div> }.into_any()
    } else {
        view! {
            <Html attr:lang=move || site.lang.get() />
            <main id="main-content" class="container site-main" tabindex="-1">{routes()}</main>
        }
        .into_any()
    };
    view! {
        <AlternateLinks />
        {(!embedded).then(|| view! { <SkipLink /> })}
        <SiteHeader />
        {content}
        <SiteFooter />
    }
}
