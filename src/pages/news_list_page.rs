//! `BASE{lang}/?page=N`: the news listing.

use crate::api::fetch_listing;
use crate::browser::config::AppConfig;
use crate::components::loaded::loaded;
use crate::components::news_card::NewsCard;
use crate::components::page_heading::PageHeading;
use crate::components::page_meta::PageMeta;
use crate::components::pagination_nav::PaginationNav;
use crate::components::site_context::use_site;
use crate::core::error::ApiError;
use crate::core::model::Listing;
use crate::core::pagination::parse_page;
use crate::core::routes::Route;
use crate::i18n::fill;
use crate::pages::use_lang_param;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The listing: heading, cards, pagination. Old cards stay while the next page loads.
#[component]
pub fn NewsListPage() -> impl IntoView {
    let config = expect_context::<AppConfig>();
    let site = use_site();
    let query = use_query_map();
    let lang = use_lang_param();
    let page = Memo::new(move |_| parse_page(query.read().get("page").as_deref()));

    // The outcome travels with the language it was requested in; a page number
    // past the end (or not a number) is its own outcome, not an error.
    let listing = LocalResource::new({
        let config = config.clone();
        move || {
            let config = config.clone();
            let (lang, page) = (lang.get(), page.get());
            async move {
                let outcome = match page {
                    None => ListingOutcome::NoSuchPage,
                    Some(page) => match fetch_listing(&config, &lang, page).await {
                        Ok(listing) => ListingOutcome::Page(page, listing),
                        Err(ApiError::NotFound) if page > 1 => ListingOutcome::NoSuchPage,
                        Err(error) => return Err(error),
                    },
                };
                Ok((lang, outcome))
            }
        }
    });

    let base = config.base.clone();
    Effect::new(move |_| {
        let href = Route::Listing {
            lang: lang.get(),
            page: page.get().unwrap_or(1),
        }
        .href(&base);
        site.last_listing.set(Some(href));
    });

    // After switching language from an article with no translation: a note,
    // until the reader moves to another page.
    let untranslated = RwSignal::new(false);
    Effect::new(move |_| {
        if site.untranslated.get() {
            untranslated.set(true);
            site.untranslated.set(false);
        }
    });
    Effect::new(move |first_run: Option<()>| {
        lang.track();
        page.track();
        if first_run.is_some() {
            untranslated.set(false);
        }
    });

    let title = Signal::derive(move || {
        let strings = site.strings();
        match page.get() {
            Some(n) if n > 1 => format!("{} – {}", strings.latest_news, fill(strings.page_n, &[("n", n)])),
            _ => strings.latest_news.to_string(),
        }
    });
    let description = Signal::derive(move || site.strings().listing_description.to_string());

    view! {
        <PageMeta title=title description=description />
        <PageHeading text=title />
        {move || untranslated.get().then(|| view! {
            <p class="notice notice--info" role="status">{site.strings().untranslated_note}</p>
        })}
        {loaded(listing, 4, |(lang, outcome)| match outcome {
            ListingOutcome::Page(page, listing) => view! { <ListingBody listing=listing page=page lang=lang /> }.into_any(),
            ListingOutcome::NoSuchPage => view! { <NoSuchPage lang=lang /> }.into_any(),
        })}
    }
}

/// What a listing request found.
#[derive(Clone)]
enum ListingOutcome {
    /// Page `n` and its items.
    Page(u32, Listing),
    /// No such page: past the last one, or `?page=` is not a page number.
    NoSuchPage,
}

/// The cards and pagination of one loaded page.
#[component]
fn ListingBody(listing: Listing, page: u32, lang: String) -> impl IntoView {
    let site = use_site();
    let strings = site.strings();
    if listing.items.is_empty() && listing.skipped == 0 {
        return view! { <p class="notice">{strings.empty_listing}</p> }.into_any();
    }
    let skipped = listing.skipped;
    if skipped > 0 {
        web_sys::console::warn_1(
            &format!("news portal: {skipped} malformed items skipped on page {page}").into(),
        );
    }
    let cards = listing
        .items
        .into_iter()
        .enumerate()
        .map(|(index, item)| {
            view! { <NewsCard item=item lang=lang.clone() position=index no_photo=strings.no_photo /> }
        })
        .collect_view();
    view! {
        <p class="listing__position">{fill(strings.page_n_of, &[("n", page), ("total", listing.total_pages)])}</p>
        <ul class="news-list">{cards}</ul>
        {(skipped > 0).then(|| view! { <p class="notice notice--warning">{fill(strings.skipped_items, &[("n", skipped as u32)])}</p> })}
        <PaginationNav current=page total=listing.total_pages lang=lang strings=strings />
    }
    .into_any()
}

/// A page number that does not exist (`?page=99`, `?page=abc`): says so, links to page 1.
#[component]
fn NoSuchPage(lang: String) -> impl IntoView {
    let site = use_site();
    let base = expect_context::<AppConfig>().base;
    let first = Route::Listing { lang, page: 1 }.href(&base);
    view! {
        <div class="notice" role="status">
            <p>{move || site.strings().invalid_page}</p>
            <p><a class="button-link" href=first>{move || site.strings().first_page}</a></p>
        </div>
    }
}
