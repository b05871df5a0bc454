//! `BASE{lang}/search?q=…&tag=…&year=…`: the news of one language found by
//! words, tag and year, in the index the publish step made
//! (`host::prerender::search`, Pagefind's). The query lives in the URL: the
//! form navigates and the results follow the URL, so back, forward, reload and
//! shared links all show the same search.
//!
//! This view renders the heading and a plain GET form (all a prerendered page
//! needs to work without JavaScript); in the browser `public/search.js`
//! (`browser::search`) takes the form's place with the filters, the status
//! and the results. Neither it nor the index is loaded before the reader
//! opens this view, and the index not before something is asked.

use crate::browser::config::AppConfig;
use crate::components::page_heading::PageHeading;
use crate::components::page_meta::PageMeta;
use crate::core::routes::{Route, SearchQuery};
use crate::pages::route_part;
use crate::state::navigation::use_navigation;
use crate::state::site::use_site;
use crate::state::takeover::use_takeover;
use leptos::html::Div;
use leptos::prelude::*;

#[component]
pub fn SearchPage(lang: String, query: SearchQuery) -> impl IntoView {
    let config = expect_context::<AppConfig>();
    let site = use_site();
    let params = route_part(use_navigation(), (lang, query), |route| match route {
        Route::Search { lang, query } => Some((lang.clone(), query.clone())),
        _ => None,
    });
    // The view is complete as it first renders: the form.
    if let Some(takeover) = use_takeover() {
        takeover.settle(true);
    }
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
    #[cfg(target_arch = "wasm32")]
    {
        let href = href.clone();
        crate::state::effect::effect(move || {
            let (lang, query) = params.get();
            let Some(container) = body.get() else { return };
            let root = crate::browser::search::files_root()
                .unwrap_or_else(|| format!("{}{}", config.origin, config.base.as_str()));
            let (module, index, strings) = (
                format!("{root}search.js"),
                format!("{root}pagefind/{lang}/pagefind.js"),
                format!("{root}search-strings/{lang}.json"),
            );
            let href = href(&lang);
            let unavailable = crate::i18n::strings(&lang).search_unavailable;
            let base = config.base.as_str().to_string();
            leptos::task::spawn_local(async move {
                let search = crate::browser::search::Search {
                    module: &module,
                    index: &index,
                    strings: &strings,
                    base: &base,
                    href: &href,
                    query: [
                        &query.text,
                        query.tag.as_deref().unwrap_or_default(),
                        query.year.as_deref().unwrap_or_default(),
                    ],
                };
                if let Err(error) = search.show(&container).await {
                    // search.js, the index or its strings did not load: say
                    // so where the reader waits for the results.
                    if let Ok(Some(status)) = container.query_selector(".search__status") {
                        status.set_text_content(Some(unavailable));
                    }
                    crate::browser::warn(&format!("news portal: search: {error:?}"));
                }
                crate::browser::marks::mark_view();
            });
        });
    }
    let (lang, query) = params.get_untracked();
    let text = query.text.clone();
    let asked = !query.is_empty();
    let s = strings();
    // For readers without JavaScript, so only on the prerendered page.
    #[cfg(not(target_arch = "wasm32"))]
    let note = view! { <noscript><p class="search__note">{s.results.needs_script}</p></noscript> };
    #[cfg(target_arch = "wasm32")]
    let note = ();
    view! {
        <PageMeta title=title description=description />
        <section class="search">
            <PageHeading text=title />
            <div class="search__body" node_ref=body>
                <form class="search-form" role="search" method="get" action=href(&lang) aria-labelledby="page-heading">
                    <div class="search-form__words">
                        <label for="search-text">{s.search_field}</label>
                        <input id="search-text" type="search" name="q" autocomplete="off" value=text />
                        <button type="submit">{s.search}</button>
                    </div>
                </form>
                {note}
                <p class="search__status" role="status" aria-live="polite">
                    {if asked { s.searching } else { s.search_prompt }}
                </p>
            </div>
        </section>
    }
}
