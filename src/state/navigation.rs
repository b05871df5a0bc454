//! Where the reader is and how they got there.

use crate::core::routes::{is_legacy_form, lang_of, BasePath, Route};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::location::{BrowserUrl, LocationProvider};
use leptos_router::NavigateOptions;

/// Provided by [`provide_navigation`]; every field is derived from the URL,
/// and the signals are written only by the effect there.
#[derive(Clone, Copy)]
pub struct Navigation {
    /// The current view, read from the URL by the route table (`None`: the
    /// URL is no route: "page not found").
    pub route: Memo<Option<Route>>,
    /// The URL's language segment, also on URLs that are no route.
    pub url_lang: Memo<Option<String>>,
    /// How many times the reader has moved to another view since the page
    /// loaded. The app's own redirects are no moves: from `BASE` to a
    /// language, and from an older URL form to the route's own href.
    /// A view moves focus to its heading only after a move: a fresh page keeps
    /// focus at its top, where the skip link is.
    pub moves: ReadSignal<u32>,
    /// The last listing page the reader saw, for "Back to news".
    pub last_listing: ReadSignal<Option<Route>>,
}

/// Follows the router's URL. Call inside `<Router>`.
pub fn provide_navigation(base: BasePath) -> Navigation {
    let location = use_location();
    let route_base = base.clone();
    let href_base = base.clone();
    let navigate = use_navigate();
    let route =
        Memo::new(move |_| Route::parse(&location.pathname.get(), &location.search.get(), &route_base));
    let url_lang = Memo::new(move |_| lang_of(&location.pathname.get(), &base));
    let (moves, set_moves) = signal(0u32);
    let (last_listing, set_last_listing) = signal(None::<Route>);
    let browser_url = use_context::<BrowserUrl>();

    // The one writer. It compares URLs rather than counting its own runs: an
    // effect may run again with the same URL, and that is no move.
    Effect::new(move |previous: Option<(String, String, Option<Route>)>| {
        let url = (location.pathname.get(), location.search.get());
        let current = route.get();
        // The router puts a followed link into the address bar once the view
        // says it is ready; every view here shows its own loading state, so
        // each is ready at once.
        if let Some(browser_url) = &browser_url {
            browser_url.ready_to_complete();
        }
        if let Some((path, search, from)) = previous {
            if (path, search) != url && from != Some(Route::Home) && from != current {
                set_moves.update(|n| *n += 1);
            }
        }
        if let Some(listing @ Route::Listing { page, .. }) = &current {
            if *page >= 1 {
                set_last_listing.set(current.clone());
            }
            // `?page=N` still works, and the address bar then shows `page/N`.
            if is_legacy_form(&url.1) {
                let options = NavigateOptions {
                    resolve: false,
                    replace: true,
                    scroll: false,
                    ..Default::default()
                };
                navigate(&listing.href(&href_base), options);
            }
        }
        (url.0, url.1, current)
    });

    let navigation = Navigation {
        route,
        url_lang,
        moves,
        last_listing,
    };
    provide_context(navigation);
    navigation
}

/// The [`Navigation`] provided by the app.
pub fn use_navigation() -> Navigation {
    expect_context::<Navigation>()
}
