//! `BASE{lang}/search?q=…&tag=…&year=…`: the news of one language found by
//! words, tag and year, in the index the publish step made
//! (`news_publish::prerender::search`, Pagefind's). The query lives in the URL: the
//! forms navigate and the results follow the URL, so back, forward, reload
//! and shared links all show the same search.
//!
//! The prerendered page (the host's render) has the heading, a plain GET
//! form and a status line: all it needs to work without JavaScript. In the
//! browser this view renders the heading and the status alone, and
//! `public/search.js` (`browser::search`) fills the view's body with the
//! form, its filters and the results; neither it nor the index is loaded
//! before the reader opens this view, and the index not before something is
//! asked. A prerendered search page gives way to the app once search.js has
//! drawn it, so its form never disappears.

use crate::components::page_heading::PageHeading;
use crate::components::page_meta::PageMeta;
use crate::core::config::AppConfig;
use crate::core::routes::{Route, SearchQuery};
use crate::state::site::use_site;
use leptos::html::Div;
use leptos::prelude::*;

#[component]
pub fn SearchPage(lang: String, query: SearchQuery) -> impl IntoView {
    let config = expect_context::<AppConfig>();
    let site = use_site();
    let strings = move || site.strings();
    let title = Signal::derive(move || strings().search.to_string());
    let description = Signal::derive(move || strings().search_label.to_string());
    let base = config.base.clone();
    let href = move |lang: &str| {
        Route::Search {
            lang: lang.to_string(),
            query: SearchQuery::default(),
        }
        .href(&base)
    };
    let body = NodeRef::<Div>::new();
    let s = strings();
    let status = if query.is_empty() {
        s.search_prompt
    } else {
        s.searching
    };
    // The form, on the prerendered page alone: in the browser search.js draws it.
    #[cfg(feature = "ssr")]
    let form = view! {
        <form class="search-form" role="search" method="get" action=href(&lang) aria-labelledby="page-heading">
            <div class="search-form__words">
                <label for="search-text">{s.search_field}</label>
                <input id="search-text" type="search" name="q" autocomplete="off" value=query.text />
                <button type="submit">{s.search}</button>
            </div>
        </form>
        // For readers without JavaScript, who see only the prerendered page.
        <noscript><p class="search__note">{s.results.needs_script}</p></noscript>
    };
    #[cfg(not(feature = "ssr"))]
    let form = ();
    #[cfg(not(feature = "ssr"))]
    {
        // The search of the current URL, while the view is the search view:
        // (lang, query string).
        let asked = crate::pages::route_part(
            crate::state::navigation::use_navigation(),
            (lang, query.to_query()),
            |route| match route {
                Route::Search { lang, query } => Some((lang.clone(), query.to_query())),
                _ => None,
            },
        );
        let base = config.base.as_str().to_string();
        let takeover = crate::state::takeover::use_takeover();
        crate::state::effect::effect(move || {
            let (lang, query) = asked.get();
            let Some(container) = body.get() else { return };
            let href = href(&lang);
            let base = base.clone();
            let unavailable = crate::i18n::strings(&lang).search_unavailable;
            leptos::task::spawn_local(async move {
                let search = crate::browser::search::Search {
                    base: &base,
                    lang: &lang,
                    href: &href,
                    query: &query,
                    unavailable,
                };
                search.show(&container).await;
                // The view is complete: its form and first results, or its message.
                if let Some(takeover) = takeover {
                    takeover.settle(true);
                }
                crate::browser::marks::mark_view();
            });
        });
    }
    view! {
        <PageMeta title=title description=description />
        <section class="search">
            <PageHeading text=title />
            <div class="search__body" node_ref=body>
                {form}
                <p class="search__status" role="status" aria-live="polite">{status}</p>
            </div>
        </section>
    }
}
