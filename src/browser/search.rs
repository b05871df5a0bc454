//! The search view's results in the browser: `public/search.js`, loaded with
//! `import()` the first time the reader opens the search view, never before,
//! renders the form with its filters, the status and the results, with
//! Pagefind's index of the view's language and the strings they show (both
//! made at publish time, `news_publish::prerender::search`: `pagefind/{lang}/` and
//! `search-strings/{lang}.json` beside the app's files). It is JavaScript,
//! not part of this wasm, so that no other view's first load carries it; this
//! module only starts it, with what it cannot know itself.

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

// The app's own files (`search.js`, and beside it `search-strings/` and
// `pagefind/`) are beside its loader, `boot.js`, whose URL the page names:
// `BASE` when the app is its own site, elsewhere when a portal page embeds it
// (docs/deploy.md). `import()` is what Rust cannot spell, and what the app's
// CSP allows, unlike `eval`.
#[wasm_bindgen(
    inline_js = r#"export function show_search(container, base, lang, href, query, unavailable) {
  const boot = document.querySelector('script[src$="boot.js"]');
  return import(new URL("search.js", boot ? boot.src : new URL(base, location.href)).href)
    .then((search) => search.show(container, { base, lang, href, query }))
    .catch((error) => {
      const status = container.querySelector(".search__status");
      if (status) status.textContent = unavailable;
      console.warn("news portal: search:", error);
    });
}"#
)]
extern "C" {
    fn show_search(
        container: &web_sys::Element,
        base: &str,
        lang: &str,
        href: &str,
        query: &str,
        unavailable: &str,
    ) -> Promise;
}

/// A search to show (see `show` in public/search.js).
pub struct Search<'a> {
    /// The app's `BASE`.
    pub base: &'a str,
    /// The language whose index is searched.
    pub lang: &'a str,
    /// The search view's path, without a query.
    pub href: &'a str,
    /// What is asked: the route's query string (`?q=…&tag=…&year=…`, or empty).
    pub query: &'a str,
    /// Said in the view's status when `search.js`, the index or its strings
    /// cannot be loaded.
    pub unavailable: &'a str,
}

impl Search<'_> {
    /// Shows this search in `container`, which holds the view's status line
    /// (`.search__status`) until then; resolves once its first results, or
    /// the message that search is unavailable, are there.
    pub async fn show(&self, container: &web_sys::Element) {
        let shown = show_search(
            container,
            self.base,
            self.lang,
            self.href,
            self.query,
            self.unavailable,
        );
        // The promise never rejects: a failure is said on the page.
        let _ = JsFuture::from(shown).await;
    }
}
