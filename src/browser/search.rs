//! The search view's results in the browser: `public/search.js`, loaded with
//! `import()` the first time the reader opens the search view, never before,
//! renders them with Pagefind's index of the view's language (made at publish
//! time into `BASE pagefind/{lang}/`). It is JavaScript, not part of this wasm,
//! so that no other view's first load carries it; this module only starts it.

use crate::core::routes::SearchQuery;
use crate::i18n::Strings;
use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = "export function import_module(url) { return import(url); }")]
extern "C" {
    /// The browser's `import()`, which Rust cannot spell (and `eval` is not
    /// allowed by the app's CSP).
    #[wasm_bindgen(catch)]
    fn import_module(url: &str) -> Result<Promise, JsValue>;
}

/// Where the app's own files are (`search.js`, `pagefind/`): beside the
/// loader, `boot.js`, whose URL the page names. That is `BASE` when the app is
/// its own site, and elsewhere when a portal page embeds it (docs/deploy.md).
pub fn files_root() -> Option<String> {
    let script = leptos::prelude::document()
        .query_selector(r#"script[src$="boot.js"]"#)
        .ok()??;
    let src = Reflect::get(&script, &"src".into()).ok()?.as_string()?;
    Some(src[..=src.rfind('/')?].to_string())
}

/// Where the search view is and what it asks.
pub struct Search<'a> {
    /// The URL of `search.js`.
    pub module: &'a str,
    /// The URL of the language's index (`…/pagefind/{lang}/pagefind.js`).
    pub index: &'a str,
    /// The app's `BASE`.
    pub base: &'a str,
    /// The search view's path, without a query.
    pub href: &'a str,
    pub query: &'a SearchQuery,
    pub strings: &'static Strings,
}

fn set(target: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &key.into(), value);
}

impl Search<'_> {
    /// The options `show` takes (see public/search.js).
    fn options(&self) -> Object {
        let options = Object::new();
        for (key, value) in [("index", self.index), ("base", self.base), ("href", self.href)] {
            set(&options, key, &value.into());
        }
        let query = Object::new();
        let parts = [
            ("q", Some(&self.query.text)),
            ("tag", self.query.tag.as_ref()),
            ("year", self.query.year.as_ref()),
        ];
        for (key, value) in parts {
            if let Some(value) = value.filter(|value| !value.is_empty()) {
                set(&query, key, &value.into());
            }
        }
        set(&options, "query", &query);
        let strings = Object::new();
        let s = self.strings;
        for (key, value) in [
            ("search", s.search),
            ("search_label", s.search_label),
            ("search_field", s.search_field),
            ("search_prompt", s.search_prompt),
            ("searching", s.searching),
            ("search_found", s.search_found),
            ("search_nothing", s.search_nothing),
            ("search_unavailable", s.search_unavailable),
            ("tag_label", s.tag_label),
            ("year_label", s.year_label),
            ("any_tag", s.any_tag),
            ("any_year", s.any_year),
            ("more_results", s.more_results),
        ] {
            set(&strings, key, &value.into());
        }
        set(&options, "strings", &strings);
        let dates = Object::new();
        let months: Array = s
            .dates
            .months
            .iter()
            .map(|month| JsValue::from_str(month))
            .collect();
        set(&dates, "months", &months);
        set(&dates, "pattern", &s.dates.pattern.into());
        set(&options, "dates", &dates);
        options
    }

    /// Shows this search in `container`; resolves once its first results
    /// (or its message) are there.
    pub async fn show(&self, container: &web_sys::Element) -> Result<(), JsValue> {
        let module = JsFuture::from(import_module(self.module)?).await?;
        let show: Function = Reflect::get(&module, &"show".into())?.dyn_into()?;
        let returned = show.call2(&JsValue::NULL, container, &self.options())?;
        JsFuture::from(Promise::resolve(&returned)).await.map(|_| ())
    }
}
