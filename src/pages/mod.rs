//! One component per kind of route of the route table; names end in `Page`.

pub mod article_page;
pub mod home_page;
pub mod legal_page;
pub mod news_list_page;
pub mod search_page;

use crate::components::fresh::IntoFresh;
use crate::components::not_found_view::NotFoundView;
use crate::core::routes::Route;
use crate::state::navigation::{use_navigation, Navigation};
use article_page::ArticlePage;
use home_page::HomePage;
use legal_page::LegalPage;
use leptos::prelude::*;
use news_list_page::NewsListPage;
use search_page::SearchPage;
use std::mem::discriminant;

/// The view of the current route. A page is replaced only when the kind of
/// route changes: listing page 1 → 2 keeps the listing mounted, with its old
/// cards on screen while the next page loads.
pub fn routed_view() -> impl IntoView {
    let navigation = use_navigation();
    let kind = Memo::new(move |_| navigation.route.with(|route| route.as_ref().map(discriminant)));
    move || {
        // Read, not only tracked: `track` alone never runs the memo, which
        // then never learns of a new route.
        kind.get();
        // What the page reads of the route and the site, it reads through
        // this page's trigger (`Navigation::watch`).
        navigation.view_scope();
        match navigation.route.get_untracked() {
            Some(Route::Home) => view! { <HomePage /> }.into_fresh(),
            Some(Route::Listing { lang, tag, page }) => {
                view! { <NewsListPage lang=lang tag=tag page=page /> }.into_fresh()
            }
            Some(Route::Article { lang, slug }) => view! { <ArticlePage lang=lang slug=slug /> }.into_fresh(),
            Some(Route::Legal { lang, legal }) => view! { <LegalPage lang=lang legal=legal /> }.into_fresh(),
            Some(Route::Search { lang, query }) => {
                view! { <SearchPage lang=lang query=query /> }.into_fresh()
            }
            None => view! { <NotFoundView /> }.into_fresh(),
        }
    }
}

/// The part of the current route a page shows, starting from `initial` (the
/// route the page was made for). While the route has moved on to another kind
/// and the page is on its way out, it keeps its last value.
fn route_part<T>(navigation: Navigation, initial: T, part: fn(&Route) -> Option<T>) -> Memo<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    Memo::new(move |previous: Option<&T>| {
        navigation
            .current_route(|route| route.as_ref().and_then(part))
            .or_else(|| previous.cloned())
            .unwrap_or_else(|| initial.clone())
    })
}
