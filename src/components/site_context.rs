//! The site-wide state every view reads: settings, the languages, and the
//! agency's identity in the current language.

use crate::api::{fetch_site_index, fetch_site_info};
use crate::browser::config::AppConfig;
use crate::browser::preferences::{preferred_languages, remembered_language};
use crate::core::error::ApiError;
use crate::core::language::choose_language;
use crate::core::model::{Language, SiteIndex, SiteInfo, Translations};
use crate::core::routes::{counterpart, lang_segment, place_of, Counterpart, Place};
use crate::core::slug::is_valid_lang;
use crate::i18n::{strings, Strings};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Shared through context by [`provide_site_context`].
#[derive(Clone, Copy)]
pub struct SiteContext {
    /// `API/site.json`.
    pub index: LocalResource<Result<SiteIndex, ApiError>>,
    /// The language of the page chrome: the URL's, if the site has it, else the
    /// one `BASE` would open (remembered, browser's, or the default).
    pub lang: Memo<String>,
    /// `API/{lang}/site.json` for [`SiteContext::lang`].
    pub info: LocalResource<Result<SiteInfo, ApiError>>,
    /// Counts client-side navigations, so that focus moves only after the first.
    pub navigations: RwSignal<u32>,
    /// The listing page the reader last saw, for "Back to news".
    pub last_listing: RwSignal<Option<String>>,
    /// Where the reader is (from the URL), for changing language.
    pub place: Memo<Place>,
    /// The `translations` of the article being shown, with the path it was
    /// shown at, so that a stale map never applies to another article.
    pub translations: RwSignal<Option<(String, Translations)>>,
    /// Each language of the site with where switching to it leads.
    pub counterparts: Memo<Vec<(Language, Counterpart)>>,
    /// Set by the switcher when the article has no translation; the listing
    /// it leads to shows a note and clears it.
    pub untranslated: RwSignal<bool>,
}

impl SiteContext {
    /// The interface strings of the current language.
    pub fn strings(&self) -> &'static Strings {
        strings(&self.lang.get())
    }

    /// The agency's name, once known.
    pub fn agency_name(&self) -> Option<String> {
        self.info.get().and_then(|info| info.ok()).map(|info| info.name)
    }
}

/// Loads the site documents and provides [`SiteContext`]. Call inside `<Router>`.
pub fn provide_site_context() -> SiteContext {
    let config = expect_context::<AppConfig>();
    let location = use_location();

    let index_config = config.clone();
    let index = LocalResource::new(move || {
        let config = index_config.clone();
        async move { fetch_site_index(&config).await }
    });

    let base = config.base.clone();
    let place_base = config.base.clone();
    let lang = Memo::new(move |_| {
        let path = location.pathname.get();
        let from_path = lang_segment(&path, &base)
            .filter(|l| is_valid_lang(l))
            .map(str::to_string);
        match index.get() {
            Some(Ok(index)) => from_path
                .filter(|l| index.languages.iter().any(|known| &known.code == l))
                .unwrap_or_else(|| {
                    choose_language(&index, remembered_language().as_deref(), &preferred_languages())
                }),
            _ => from_path.unwrap_or_default(),
        }
    });

    let info = LocalResource::new(move || {
        let config = config.clone();
        let lang = lang.get();
        async move {
            if lang.is_empty() {
                Err(ApiError::NotFound)
            } else {
                fetch_site_info(&config, &lang).await
            }
        }
    });

    let place = Memo::new(move |_| {
        let page = location.query.read().get("page");
        place_of(&location.pathname.get(), page.as_deref(), &place_base)
    });
    let translations = RwSignal::new(None::<(String, Translations)>);
    let counterparts = Memo::new(move |_| {
        let Some(Ok(index)) = index.get() else {
            return Vec::new();
        };
        let place = place.get();
        let pathname = location.pathname.get();
        translations.with(|known| {
            let map = known
                .as_ref()
                .filter(|(path, _)| *path == pathname)
                .map(|(_, map)| map);
            index
                .languages
                .into_iter()
                .map(|language| {
                    let target = counterpart(&place, &language.code, map);
                    (language, target)
                })
                .collect()
        })
    });

    let navigations = RwSignal::new(0);
    // Counts changes of the URL, not runs of this effect: an effect may run
    // again with the same URL, and that must not look like a navigation.
    Effect::new(move |previous: Option<(String, String)>| {
        let url = (location.pathname.get(), location.search.get());
        if previous.as_ref() != Some(&url) {
            navigations.update(|n| *n += 1);
        }
        url
    });

    let context = SiteContext {
        index,
        lang,
        info,
        navigations,
        last_listing: RwSignal::new(None),
        place,
        translations,
        counterparts,
        untranslated: RwSignal::new(false),
    };
    provide_context(context);
    context
}

/// The [`SiteContext`] provided by the app.
pub fn use_site() -> SiteContext {
    expect_context::<SiteContext>()
}
