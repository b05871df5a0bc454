//! Where the reader is and how they got there, and how views that come and
//! go read what outlives them ([`Navigation::watch`]).

use crate::core::routes::{is_legacy_form, lang_of, BasePath, Route};
use crate::state::effect::effect_with_previous;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::location::{BrowserUrl, LocationProvider};
use leptos_router::NavigateOptions;
use std::mem::{discriminant, Discriminant};

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
    /// The triggers of the views on screen (see [`Navigation::watch`]).
    views: StoredValue<ViewTriggers, LocalStorage>,
}

/// The trigger of each view on screen, by a number of its own.
#[derive(Default)]
struct ViewTriggers {
    next: u32,
    live: Vec<(u32, ArcTrigger)>,
}

/// The trigger of the view being rendered, in its context ([`Navigation::view_scope`]).
#[derive(Clone)]
struct ViewTrigger(ArcTrigger);

impl Navigation {
    /// Reads `read`. Inside a view (a page, made and dropped as the reader
    /// moves) it reads untracked and tracks the view's own trigger instead,
    /// which [`Navigation::announce_changes`] notifies when the route or the
    /// site changes. Outside one (header, footer, the app's own state) it
    /// reads tracked, as usual. Views read the route, the language, the
    /// agency's name and the like through this, never directly.
    ///
    /// Why: Leptos 0.8 (reactive_graph 0.2) does not unsubscribe an effect,
    /// a memo or a render effect from its sources when it is disposed: the
    /// source keeps a weak reference, and with it the node's allocation. A
    /// memo such as the language, which outlives its readers and seldom
    /// changes, kept one for every page node that ever read it: most of the
    /// 0.5 KB each route change left behind (issue 14, found with a counting
    /// allocator). A view's trigger is dropped with the view, and with it
    /// every reference its nodes left. (The `moves` signal, set on every
    /// move, showed no such growth: views read it directly.)
    pub fn watch<T>(&self, read: impl FnOnce() -> T) -> T {
        if track_view() {
            untrack(read)
        } else {
            read()
        }
    }

    /// The route, read through [`Navigation::watch`].
    pub fn current_route<T>(&self, read: impl FnOnce(&Option<Route>) -> T) -> T {
        self.watch(|| self.route.with(read))
    }

    /// Gives the view rendered under the current owner a trigger of its own
    /// ([`Navigation::watch`]) until the owner is cleaned up.
    pub fn view_scope(&self) {
        let trigger = ArcTrigger::new();
        let views = self.views;
        let id = views
            .try_update_value(|views| {
                let id = views.next;
                views.next = views.next.wrapping_add(1);
                views.live.push((id, trigger.clone()));
                id
            })
            .unwrap_or_default();
        on_cleanup(move || {
            views.try_update_value(|views| views.live.retain(|(live, _)| *live != id));
        });
        provide_context(ViewTrigger(trigger));
    }

    /// Notifies the views' triggers when the route changes within a view
    /// (listing page 1 → 2) and whenever what `watched` reads changes:
    /// everything views read through [`Navigation::watch`]. A route of
    /// another kind notifies no one: `pages::routed_view` replaces the view,
    /// the new one reads afresh, and the old one must not run again on its
    /// way out (its signals may already be gone).
    pub fn announce_changes(&self, watched: impl Fn() + 'static) {
        let (route, views) = (self.route, self.views);
        effect_with_previous(move |previous: Option<Option<Discriminant<Route>>>| {
            let kind = route.with(|route| route.as_ref().map(discriminant));
            watched();
            if previous.is_none_or(|previous| previous == kind) {
                let triggers: Vec<ArcTrigger> = views
                    .try_with_value(|views| views.live.iter().map(|(_, trigger)| trigger.clone()).collect())
                    .unwrap_or_default();
                for trigger in triggers {
                    trigger.notify();
                }
            }
            kind
        });
    }
}

/// Tracks the trigger of the view being rendered, if there is one: `true`
/// inside a view. Not generic, unlike [`Navigation::watch`]: one copy.
fn track_view() -> bool {
    match use_context::<ViewTrigger>() {
        Some(ViewTrigger(trigger)) => {
            trigger.track();
            true
        }
        None => false,
    }
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
    effect_with_previous(move |previous: Option<(String, String, Option<Route>)>| {
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
        // Page 0 names no page (`page/abc`, `?page=abc`): it is no listing to
        // return to, and its address stays as the reader followed it.
        if let Some(listing @ Route::Listing { page: 1.., .. }) = &current {
            set_last_listing.set(current.clone());
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
        views: StoredValue::new_local(ViewTriggers::default()),
    };
    provide_context(navigation);
    navigation
}

/// The [`Navigation`] provided by the app.
pub fn use_navigation() -> Navigation {
    expect_context::<Navigation>()
}
