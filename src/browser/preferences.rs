//! The reader's language preferences: the browser's (`navigator.languages`)
//! and the choice they made with the switcher (kept in `localStorage`).
//!
//! Storage can be missing or refuse (private windows, sandboxed iframes,
//! blocked cookies): then nothing is remembered and nothing fails.

/// The `localStorage` key of the remembered language.
const LANGUAGE_KEY: &str = "news-portal.language";

/// The language the reader last chose with the switcher, if stored.
pub fn remembered_language() -> Option<String> {
    storage()?.get_item(LANGUAGE_KEY).ok().flatten()
}

/// Remembers the reader's choice for their next visit to `BASE`.
pub fn remember_language(code: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(LANGUAGE_KEY, code);
    }
}

/// The browser's preferred languages, most preferred first.
pub fn preferred_languages() -> Vec<String> {
    web_sys::window()
        .map(|window| {
            window
                .navigator()
                .languages()
                .iter()
                .filter_map(|tag| tag.as_string())
                .collect()
        })
        .unwrap_or_default()
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}
