//! The site every view shows: its languages, the language of the page's
//! chrome, and the agency's identity in that language.

use crate::api;
use crate::browser::preferences::{preferred_languages, remembered_language};
use crate::core::config::AppConfig;
use crate::core::error::ApiError;
use crate::core::language::choose_language;
use crate::core::model::{SiteIndex, SiteInfo};
use crate::i18n::{strings, Strings};
use crate::state::document::Document;
use crate::state::navigation::Navigation;
use crate::state::prefetched::use_prefetched;
use leptos::prelude::*;

/// A document that loads: `None` until it has.
type Loading<T> = Signal<Option<Result<T, ApiError>>>;

/// Provided by [`provide_site`]: loaded and derived, never written.
#[derive(Clone, Copy)]
pub struct Site {
    /// `API/site.json`.
    pub index: Loading<SiteIndex>,
    /// The language of the page chrome: the URL's, if the site has it, else the
    /// one `BASE` would open (remembered, browser's, or the default).
    pub lang: Memo<String>,
    /// `API/{lang}/site.json` for [`Site::lang`].
    pub info: Loading<SiteInfo>,
    /// What loads `index` in the browser (none when it was prefetched).
    index_loader: Option<Document<SiteIndex>>,
    navigation: Navigation,
}

impl Site {
    /// The interface strings of the current language. Views read this and
    /// the two below, not the fields: they go through [`Navigation::watch`].
    pub fn strings(&self) -> &'static Strings {
        self.navigation.watch(|| strings(&self.lang.get()))
    }

    /// The current language's code.
    pub fn language(&self) -> String {
        self.navigation.watch(|| self.lang.get())
    }

    /// The agency's name, once known.
    pub fn agency_name(&self) -> Option<String> {
        self.navigation
            .watch(|| self.info.get())
            .and_then(|info| info.ok())
            .map(|info| info.name)
    }

    /// `site.json`'s state, for a view.
    pub fn index_state(&self) -> Option<Result<SiteIndex, ApiError>> {
        self.navigation.watch(|| self.index.get())
    }

    /// Tracks every field: the changes [`Navigation::announce_changes`] tells views of.
    pub fn track(&self) {
        self.lang.track();
        self.index.track();
        self.info.track();
    }

    /// Loads `site.json` again (after it failed).
    pub fn retry_index(&self) {
        if let Some(loader) = self.index_loader {
            loader.refetch();
        }
    }
}

/// Provides [`Site`]: from the prefetched documents when the app is being
/// prerendered, else loaded from the API.
pub fn provide_site(config: AppConfig, navigation: Navigation) -> Site {
    let site = match use_prefetched() {
        Some(prefetched) => Site {
            index: Signal::stored(Some(Ok(prefetched.index))),
            lang: Memo::new(move |_| navigation.url_lang.get().unwrap_or_default()),
            info: Signal::stored(Some(Ok(prefetched.info))),
            index_loader: None,
            navigation,
        },
        None => load_site(config, navigation),
    };
    provide_context(site);
    site
}

/// The browser's [`Site`]: `site.json`, then the language's `site.json`.
fn load_site(config: AppConfig, navigation: Navigation) -> Site {
    let index = Document::new(config.clone(), api::site_index);

    let lang = Memo::new(move |_| {
        let from_url = navigation.url_lang.get();
        match index.get() {
            Some(Ok(index)) => from_url
                .filter(|lang| index.languages.iter().any(|known| &known.code == lang))
                .unwrap_or_else(|| {
                    choose_language(&index, remembered_language().as_deref(), &preferred_languages())
                }),
            _ => from_url.unwrap_or_default(),
        }
    });

    let info = Document::new(config, move || {
        let lang = lang.get();
        if lang.is_empty() {
            api::Request::failed(ApiError::NotFound)
        } else {
            api::site_info(&lang)
        }
    });

    Site {
        index: read_outside_suspense(index),
        lang,
        info: read_outside_suspense(info),
        index_loader: Some(index),
        navigation,
    }
}

/// `document`'s state, read under the app's owner whoever reads it.
///
/// A resource read inside a <Suspense> or <Transition> (every page's content
/// is) keeps that Suspense's context in a list it clears only when it loads
/// again (reactive_graph 0.2), so a document that stays loaded for the whole
/// visit, as these do, kept one for every view shown: about 0.3 KB per route
/// change (issue 14). Under the app's owner there is no Suspense to find.
fn read_outside_suspense<T: Clone + Send + Sync + 'static>(document: Document<T>) -> Loading<T> {
    let owner = Owner::current();
    Signal::derive(move || match &owner {
        Some(owner) => owner.with(|| document.get()),
        None => document.get(),
    })
}

/// The [`Site`] provided by the app.
pub fn use_site() -> Site {
    expect_context::<Site>()
}
