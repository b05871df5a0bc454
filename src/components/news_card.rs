//! One item of the news listing.

use crate::components::date_text::DateText;
use crate::components::fresh::IntoFresh;
use crate::components::picture::{picture, Loading};
use crate::core::config::AppConfig;
use crate::core::model::Summary;
use crate::core::photo_sizes::CARD;
use crate::core::routes::Route;
use leptos::prelude::*;

/// How many cards at the top load their photos eagerly (the first screen).
const EAGER_CARDS: usize = 2;

/// A card: thumbnail (or a placeholder), linked title, date and summary.
/// `position` is the card's place in the list: the first cards' photos are in
/// the first screen and load eagerly, the very first one with high priority
/// (it is usually the page's largest paint).
#[component]
pub fn NewsCard(item: Summary, lang: String, position: usize, no_photo: &'static str) -> impl IntoView {
    let base = expect_context::<AppConfig>().base;
    let href = Route::Article {
        lang: lang.clone(),
        slug: item.slug.clone(),
    }
    .href(&base);
    let thumbnail = match item.photo {
        Some(photo) => {
            let loading = match position {
                0 => Loading::First,
                n if n < EAGER_CARDS => Loading::Eager,
                _ => Loading::Lazy,
            };
            picture(photo, CARD, "news-card__photo", loading).into_fresh()
        }
        None => view! {
            <div class="news-card__photo news-card__photo--none" role="img" aria-label=no_photo></div>
        }
        .into_fresh(),
    };
    view! {
        <li class="news-card">
            {thumbnail}
            <div class="news-card__body">
                <h2 class="news-card__title"><a href=href>{item.title}</a></h2>
                <p class="news-card__date"><DateText raw=item.published lang=lang /></p>
                {item.summary.map(|summary| view! { <p class="news-card__summary">{summary}</p> })}
            </div>
        </li>
    }
}
