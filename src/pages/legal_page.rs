//! `BASE{lang}/terms` and `BASE{lang}/privacy`: the static pages.

use crate::api::fetch_static_page;
use crate::browser::config::AppConfig;
use crate::components::date_text::DateText;
use crate::components::loaded::loaded;
use crate::components::page_heading::PageHeading;
use crate::components::page_meta::PageMeta;
use crate::components::rich_text::RichText;
use crate::components::site_context::use_site;
use crate::core::model::StaticPage;
use crate::pages::use_lang_param;
use leptos::prelude::*;

/// A static page of the contract, by its slug (`terms`, `privacy`).
#[component]
pub fn LegalPage(slug: &'static str) -> impl IntoView {
    let config = expect_context::<AppConfig>();
    let lang = use_lang_param();
    // The page travels with the language it was requested in.
    let page = LocalResource::new(move || {
        let config = config.clone();
        let lang = lang.get();
        async move {
            fetch_static_page(&config, &lang, slug)
                .await
                .map(|page| (lang, page))
        }
    });
    loaded(
        page,
        1,
        |(lang, page)| view! { <StaticPageView page=page lang=lang /> },
    )
}

/// The loaded page: title, "last updated", body.
#[component]
fn StaticPageView(page: StaticPage, lang: String) -> impl IntoView {
    let site = use_site();
    let strings = site.strings();
    let title = page.title.clone();
    view! {
        <PageMeta title=title.clone() description=title.clone() />
        <article class="legal">
            <PageHeading text=title />
            {page.updated.map(|raw| view! {
                <p class="legal__updated">{strings.last_updated} " " <DateText raw=raw lang=lang /></p>
            })}
            <RichText html=page.body_html source_url=page.source_url truncated=page.truncated />
        </article>
    }
}
