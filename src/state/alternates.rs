//! The current view in the site's other languages, for the language switcher
//! and the `hreflang` links.

use crate::core::model::{Language, Translations};
use crate::core::routes::{counterpart, Counterpart, Route};
use crate::state::navigation::Navigation;
use crate::state::prefetched::{prefetched_view, PrefetchedView};
use crate::state::site::Site;
use leptos::prelude::*;

/// Provided by [`provide_alternates`].
#[derive(Clone, Copy)]
pub struct Alternates {
    /// The `translations` of the article on screen, with its route, so that a
    /// map never applies to another article. Written only by
    /// [`Alternates::publish_translations`].
    translations: RwSignal<Option<(Route, Translations)>>,
    /// Each language of the site with where switching to it leads.
    pub counterparts: Memo<Vec<(Language, Counterpart)>>,
}

impl Alternates {
    /// The article page's (and a tag listing's) call once its document has
    /// loaded: from then on the counterparts of `route` follow its translations.
    pub fn publish_translations(&self, route: Route, translations: Translations) {
        self.translations.set(Some((route, translations)));
    }

    /// `true` once the article at `route` has published its translations.
    pub fn has_translations_for(&self, route: &Route) -> bool {
        self.translations
            .with(|known| known.as_ref().is_some_and(|(shown, _)| shown == route))
    }
}

/// Provides [`Alternates`] for the current route.
pub fn provide_alternates(navigation: Navigation, site: Site) -> Alternates {
    // A prefetched article's translations are known before anything renders,
    // so the switcher and the hreflang links above the article have them.
    let prefetched = prefetched_view(|view| match view {
        PrefetchedView::Article(article) => Some(article.translations),
        PrefetchedView::Listing(listing) => Some(listing.translations),
        _ => None,
    });
    let initial = prefetched.and_then(|map| Some((navigation.route.get_untracked()?, map)));
    let translations = RwSignal::new(initial);
    let counterparts = Memo::new(move |_| {
        let Some(Ok(index)) = site.index.get() else {
            return Vec::new();
        };
        navigation.route.with(|route| {
            translations.with(|known| {
                let map = known
                    .as_ref()
                    .filter(|(shown, _)| Some(shown) == route.as_ref())
                    .map(|(_, map)| map);
                index
                    .languages
                    .into_iter()
                    .map(|language| {
                        let target = counterpart(route.as_ref(), &language.code, map);
                        (language, target)
                    })
                    .collect()
            })
        })
    });
    let alternates = Alternates {
        translations,
        counterparts,
    };
    provide_context(alternates);
    alternates
}

/// The [`Alternates`] provided by the app.
pub fn use_alternates() -> Alternates {
    expect_context::<Alternates>()
}
