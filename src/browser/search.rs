//! The search view's results in the browser: `public/search.js`, loaded with
//! `import()` the first time the reader opens the search view, never before,
//! renders them with Pagefind's index of the view's language and the strings
//! they show (both made at publish time, `host::prerender::search`:
//! `BASE pagefind/{lang}/` and `BASE search-strings/{lang}.json`). It is
//! JavaScript, not part of this wasm, so that no other view's first load
//! carries it; this module only starts it, with what it cannot know itself.

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(
    inline_js = "export function show_search(module, container, index, strings, base, href, q, tag, year) {
  return import(module).then((search) => search.show(container, { index, strings, base, href, query: { q, tag, year } }));
}"
)]
extern "C" {
    /// Imports `search.js` (with the browser's `import()`, which Rust cannot
    /// spell and the app's CSP allows, unlike `eval`) and calls its `show`.
    #[wasm_bindgen(catch)]
    fn show_search(
        module: &str,
        container: &web_sys::Element,
        index: &str,
        strings: &str,
        base: &str,
        href: &str,
        q: &str,
        tag: &str,
        year: &str,
    ) -> Result<Promise, JsValue>;
}

/// Where the app's own files are (`search.js`, `search-strings/`,
/// `pagefind/`): beside the loader, `boot.js`, whose URL the page names. That
/// is `BASE` when the app is its own site, and elsewhere when a portal page
/// embeds it (docs/deploy.md).
pub fn files_root() -> Option<String> {
    let script = leptos::prelude::document()
        .query_selector(r#"script[src$="boot.js"]"#)
        .ok()??;
    let src = js_sys::Reflect::get(&script, &"src".into()).ok()?.as_string()?;
    Some(src[..=src.rfind('/')?].to_string())
}

/// Where the search view is and what it asks (see `show` in public/search.js).
pub struct Search<'a> {
    /// The URL of `search.js`.
    pub module: &'a str,
    /// The URL of the language's index (`…/pagefind/{lang}/pagefind.js`).
    pub index: &'a str,
    /// The URL of the language's strings for it (`…/search-strings/{lang}.json`).
    pub strings: &'a str,
    /// The app's `BASE`.
    pub base: &'a str,
    /// The search view's path, without a query.
    pub href: &'a str,
    /// The words, tag and year asked (`""`: not asked).
    pub query: [&'a str; 3],
}

impl Search<'_> {
    /// Shows this search in `container`; resolves once its first results
    /// (or its message) are there, fails when `search.js`, the index or its
    /// strings cannot be loaded.
    pub async fn show(&self, container: &web_sys::Element) -> Result<(), JsValue> {
        let [q, tag, year] = self.query;
        let shown = show_search(
            self.module,
            container,
            self.index,
            self.strings,
            self.base,
            self.href,
            q,
            tag,
            year,
        )?;
        JsFuture::from(shown).await.map(|_| ())
    }
}
