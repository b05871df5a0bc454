//! `BASE{lang}/` and `BASE{lang}/page/{N}`: the news listing.

use crate::api;
use crate::browser::warn;
use crate::components::fresh::IntoFresh;
use crate::components::loaded::{loaded, Source};
use crate::components::news_card::NewsCard;
use crate::components::page_heading::PageHeading;
use crate::components::page_meta::PageMeta;
use crate::components::pagination_nav::PaginationNav;
use crate::core::config::AppConfig;
use crate::core::error::ApiError;
use crate::core::markup::escaped;
use crate::core::model::{Listing, HAS_FEEDS};
use crate::core::routes::Route;
use crate::i18n::fill;
use crate::pages::route_part;
#[cfg(feature = "ssr")]
use crate::state::alternates::use_alternates;
use crate::state::document::Document;
use crate::state::navigation::use_navigation;
use crate::state::prefetched::{prefetched_view, PrefetchedView};
use crate::state::site::use_site;
use crate::state::untranslated_note::use_untranslated_note;
use leptos::prelude::*;

/// The listing: heading, cards, pagination. Old cards stay while the next page
/// loads. `lang`, `tag` and `page` are the route's (page 0: no such page); a
/// tag's listing is headed by the tag as its documents write it.
#[component]
pub fn NewsListPage(lang: String, tag: Option<String>, page: u32) -> impl IntoView {
    let config = expect_context::<AppConfig>();
    let site = use_site();
    let note = use_untranslated_note();
    let params = route_part(use_navigation(), (lang, tag, page), |route| match route {
        Route::Listing { lang, tag, page } => Some((lang.clone(), tag.clone(), *page)),
        _ => None,
    });

    // The outcome travels with the language it was requested in; a page number
    // past the end (or not a number) is its own outcome, not an error.
    let prefetched = prefetched_view(|view| match view {
        PrefetchedView::Listing(listing) => Some(listing),
        _ => None,
    });
    let listing = match prefetched {
        Some(listing) => {
            let (lang, tag, page) = params.get_untracked();
            Source::Ready(((lang, tag), ListingOutcome::Page(page, listing)))
        }
        None => Source::Fetch(Document::new(config, move || {
            let (lang, tag, page) = params.get();
            api::listing(&lang, tag.clone(), page).then(move |outcome| {
                let outcome = match outcome {
                    Ok(listing) => ListingOutcome::Page(page, listing),
                    Err(ApiError::NotFound) if page != 1 => ListingOutcome::NoSuchPage,
                    Err(error) => return Err(error),
                };
                Ok(((lang, tag), outcome))
            })
        })),
    };

    // The tag as written (`ICMPD`, not its URL form `icmpd`), once a page of it has loaded.
    let document = match &listing {
        Source::Fetch(document) => Some(*document),
        Source::Ready(_) => None,
    };
    let ready = match &listing {
        Source::Ready((_, ListingOutcome::Page(_, listing))) => listing.tag.clone(),
        _ => None,
    };
    let tag_name = move || {
        let loaded = document.and_then(|document| document.get()?.ok());
        match loaded {
            Some((_, ListingOutcome::Page(_, listing))) => listing.tag,
            _ => ready.clone(),
        }
    };
    let title = Signal::derive(move || {
        let strings = site.strings();
        let (_, tag, page) = params.get();
        let heading = match tag {
            Some(key) => strings.tagged.replace("{tag}", &tag_name().unwrap_or(key)),
            None => strings.latest_news.to_string(),
        };
        match page {
            n if n > 1 => format!("{heading} – {}", fill(strings.page_n, &[("n", n)])),
            _ => heading,
        }
    });
    let description = Signal::derive(move || site.strings().listing_description.to_string());

    view! {
        <PageMeta title=title description=description />
        <PageHeading text=title />
        {move || note.is_shown().then(|| view! {
            <p class="notice notice--info" role="status">{site.strings().untranslated_note}</p>
        })}
        {loaded(listing, 4, move |((lang, tag), outcome)| match outcome {
            ListingOutcome::Page(page, listing) => {
                // A tag's counterparts (the hreflang links, the sitemap's) on
                // the host's page; in the browser the switcher leads to the
                // other language's listing (the bundle's budget).
                #[cfg(feature = "ssr")]
                if tag.is_some() {
                    let route = Route::Listing { lang: lang.clone(), tag: tag.clone(), page };
                    use_alternates().publish_translations(route, listing.translations.clone());
                }
                view! { <ListingBody listing=listing page=page lang=lang tag=tag /> }.into_fresh()
            }
            ListingOutcome::NoSuchPage => view! { <NoSuchPage lang=lang /> }.into_fresh(),
        })}
    }
}

/// What a listing request found.
#[derive(Clone)]
enum ListingOutcome {
    /// Page `n` and its items.
    Page(u32, Listing),
    /// No such page: past the last one, or not a page number.
    NoSuchPage,
}

/// The cards and pagination of one loaded page.
#[component]
fn ListingBody(listing: Listing, page: u32, lang: String, tag: Option<String>) -> impl IntoView {
    let site = use_site();
    let strings = site.strings();
    if listing.items.is_empty() && listing.skipped == 0 {
        return view! { <p class="notice">{strings.empty_listing}</p> }.into_fresh();
    }
    let skipped = listing.skipped;
    if skipped > 0 {
        warn(&format!(
            "news portal: {skipped} malformed items skipped on page {page}"
        ));
    }
    let cards = listing
        .items
        .into_iter()
        .enumerate()
        .map(|(index, item)| {
            view! { <NewsCard item=item lang=lang.clone() position=index no_photo=strings.no_photo /> }
        })
        .collect_view();
    let position = fill(strings.page_n_of, &[("n", page), ("total", listing.total_pages)]);
    // The listing's Atom feed, where the publish step wrote feeds (the
    // language's site.json says so). Not a route: the browser follows it.
    let feed = site
        .info
        .get_untracked()
        .and_then(Result::ok)
        .filter(|info| info.has(HAS_FEEDS))
        .and_then(|_| {
            let base = expect_context::<AppConfig>().base;
            let route = Route::Listing {
                lang: lang.clone(),
                tag: tag.clone(),
                page,
            };
            route.feed_href(&base)
        })
        .map(|href| {
            // Markup, not a view (as components::article_end): the bundle's cheaper form.
            format!(
                r#"<a href="{}" rel="alternate external" type="application/atom+xml">{}</a>"#,
                escaped(&href),
                escaped(strings.feed)
            )
        })
        .unwrap_or_default();
    view! {
        <p class="listing__position">{position}</p>
        <ul class="news-list">{cards}</ul>
        {(skipped > 0).then(|| view! {
            <p class="notice notice--warning">{fill(strings.skipped_items, &[("n", skipped as u32)])}</p>
        })}
        <PaginationNav current=page total=listing.total_pages lang=lang tag=tag strings=strings />
        <p class="listing__feed" inner_html=feed></p>
    }
    .into_fresh()
}

/// A page number that does not exist (`page/99`, `page/abc`): says so, links to page 1.
#[component]
fn NoSuchPage(lang: String) -> impl IntoView {
    let site = use_site();
    let first = Route::listing(&lang).href(&expect_context::<AppConfig>().base);
    view! {
        <div class="notice" role="status">
            <p>{move || site.strings().invalid_page}</p>
            <p><a class="button-link" href=first>{move || site.strings().first_page}</a></p>
        </div>
    }
}
