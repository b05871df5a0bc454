//! Numbered pagination of the news listing, with previous and next.

use crate::components::fresh::IntoFresh;
use crate::core::config::AppConfig;
use crate::core::pagination::{page_links, PageLink};
use crate::core::routes::Route;
use crate::i18n::{fill, Strings};
use leptos::prelude::*;

/// Links to the pages around `current` of `total`; nothing when there is one page.
#[component]
pub fn PaginationNav(
    current: u32,
    total: u32,
    lang: String,
    tag: Option<String>,
    strings: &'static Strings,
) -> impl IntoView {
    let base = expect_context::<AppConfig>().base;
    let href = move |page: u32| {
        Route::Listing {
            lang: lang.clone(),
            tag: tag.clone(),
            page,
        }
        .href(&base)
    };
    let previous = (current > 1).then(|| {
        view! {
            <li><a class="pagination__step" href=href(current - 1) rel="prev">"← " {strings.previous}</a></li>
        }
    });
    let next = (current < total).then(|| {
        view! {
            <li><a class="pagination__step" href=href(current + 1) rel="next">{strings.next} " →"</a></li>
        }
    });
    let numbers = page_links(current, total)
        .into_iter()
        .map(|link| match link {
            PageLink::Page { number, current } => {
                let label = fill(strings.go_to_page, &[("n", number)]);
                let here = current.then_some("page");
                view! { <li><a href=href(number) aria-current=here aria-label=label>{number}</a></li> }
                    .into_fresh()
            }
            PageLink::Gap => view! { <li class="pagination__gap" aria-hidden="true">"…"</li> }.into_fresh(),
        })
        .collect_view();
    (total > 1).then(|| {
        view! {
            <nav class="pagination" aria-label=strings.pagination_label>
                <ul>{previous}{numbers}{next}</ul>
            </nav>
        }
    })
}
