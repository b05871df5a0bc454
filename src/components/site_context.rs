//! The site-wide state every view reads: settings, the languages, and the
//! agency's identity in the current language.

use crate::api::{fetch_site_index, fetch_site_info};
use crate::browser::config::AppConfig;
use crate::core::error::ApiError;
use crate::core::model::{SiteIndex, SiteInfo};
use crate::core::routes::lang_segment;
use crate::core::slug::is_valid_lang;
use crate::i18n::{strings, Strings};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Shared through context by [`provide_site_context`].
#[derive(Clone, Copy)]
pub struct SiteContext {
    /// `API/site.json`.
    pub index: LocalResource<Result<SiteIndex, ApiError>>,
    /// The language of the page chrome: the URL's, if the site has it, else the default.
    pub lang: Memo<String>,
    /// `API/{lang}/site.json` for [`SiteContext::lang`].
    pub info: LocalResource<Result<SiteInfo, ApiError>>,
    /// Counts client-side navigations, so that focus moves only after the first.
    pub navigations: RwSignal<u32>,
    /// The listing page the reader last saw, for "Back to news".
    pub last_listing: RwSignal<Option<String>>,
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
    let lang = Memo::new(move |_| {
        let path = location.pathname.get();
        let from_path = lang_segment(&path, &base)
            .filter(|l| is_valid_lang(l))
            .map(str::to_string);
        match index.get() {
            Some(Ok(index)) => from_path
                .filter(|l| index.languages.iter().any(|known| &known.code == l))
                .unwrap_or(index.default_language),
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

    let navigations = RwSignal::new(0);
    Effect::new(move |_| {
        location.pathname.track();
        location.search.track();
        navigations.update(|n| *n += 1);
    });

    let context = SiteContext {
        index,
        lang,
        info,
        navigations,
        last_listing: RwSignal::new(None),
    };
    provide_context(context);
    context
}

/// The [`SiteContext`] provided by the app.
pub fn use_site() -> SiteContext {
    expect_context::<SiteContext>()
}
