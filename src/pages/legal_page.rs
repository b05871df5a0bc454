//! `BASE{lang}/terms` and `BASE{lang}/privacy`: the legal pages.

use crate::api;
use crate::components::date_text::DateText;
use crate::components::loaded::{loaded, Source};
use crate::components::page_heading::PageHeading;
use crate::components::page_meta::PageMeta;
use crate::components::rich_text::RichText;
use crate::core::config::AppConfig;
use crate::core::model::LegalDocument;
use crate::core::routes::{Legal, Route};
use crate::pages::route_part;
use crate::state::document::Document;
use crate::state::navigation::use_navigation;
use crate::state::prefetched::{prefetched_view, PrefetchedView};
use crate::state::site::use_site;
use leptos::prelude::*;

/// A legal page of the contract in `lang`.
#[component]
pub fn LegalPage(lang: String, legal: Legal) -> impl IntoView {
    let config = expect_context::<AppConfig>();
    let params = route_part(use_navigation(), (lang, legal), |route| match route {
        Route::Legal { lang, legal } => Some((lang.clone(), *legal)),
        _ => None,
    });
    // The document travels with the language it was requested in.
    let prefetched = prefetched_view(|view| match view {
        PrefetchedView::Legal(document) => Some(document),
        _ => None,
    });
    let document = match prefetched {
        Some(document) => Source::Ready((params.get_untracked().0, document)),
        None => Source::Fetch(Document::new(config, move || {
            let (lang, legal) = params.get();
            api::legal_document(&lang, legal).map(|document| (lang, document))
        })),
    };
    loaded(
        document,
        1,
        |(lang, document)| view! { <LegalDocumentView document=document lang=lang /> },
    )
}

/// The loaded document: title, "last updated", body.
#[component]
fn LegalDocumentView(document: LegalDocument, lang: String) -> impl IntoView {
    let site = use_site();
    let strings = site.strings();
    let title = document.title.clone();
    view! {
        <PageMeta title=title.clone() description=title.clone() />
        <article class="legal">
            <PageHeading text=title />
            {document.updated.map(|raw| view! {
                <p class="legal__updated">{strings.last_updated} " " <DateText raw=raw lang=lang /></p>
            })}
            <RichText html=document.body_html source_url=document.source_url truncated=document.truncated />
        </article>
    }
}
