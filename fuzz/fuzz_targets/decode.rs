//! Arbitrary bytes into everything that reads data or URLs from outside:
//! the JSON decoders (as site index, site info, listing, article, page), the
//! HTML allowlist, and the slug, language, page, date and route readers.
//! Any panic, overflow or endless loop is a finding.
#![no_main]

use libfuzzer_sys::fuzz_target;
use news_portal::core::dates::CalendarDate;
use news_portal::core::decode::{
    decode_article, decode_listing, decode_site_index, decode_site_info, decode_legal_document,
};
use news_portal::core::html_policy::{plain_attribute_ok, tag_rule};
use news_portal::core::pagination::{page_links, page_number};
use news_portal::core::routes::{first_view_documents, BasePath, Route};
use news_portal::core::slug::{encode_segment, is_valid_lang, is_valid_slug};
use news_portal::core::urls::{link_url, media_url};

/// The data's relative URLs resolve against the document, as in the browser.
fn resolve(reference: &str) -> Option<String> {
    news_portal::ssr::resolve(reference, "https://example.org/api/az/news/a.json")
}

fuzz_target!(|data: &[u8]| {
    // The app only ever sees text (fetch decodes UTF-8, lossily).
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();
    let source = "https://example.org/api/az/news/a.json";

    let _ = decode_site_index(text);
    let _ = decode_site_info(text, &resolve);
    if let Ok(listing) = decode_listing(text, &resolve) {
        let _ = page_links(listing.page, listing.total_pages);
    }
    let _ = decode_article(text, source, &resolve);
    let _ = decode_legal_document(text, source);

    let _ = tag_rule(text);
    let (name, value) = text.split_once('=').unwrap_or((text, ""));
    let _ = plain_attribute_ok(name, value);
    let _ = media_url(text, &resolve);
    let _ = link_url(text, &resolve);

    if is_valid_slug(text) {
        assert!(!encode_segment(text).contains('/'));
    }
    let _ = is_valid_lang(text);
    let page = page_number(Some(text));
    let _ = page_links(page, page.saturating_add(3));
    let _ = CalendarDate::parse(text);
    for base in ["/", "/portal/news/"] {
        let base = BasePath::new(base);
        let _ = first_view_documents(text, text, &base);
        if let Some(route) = Route::parse(text, text, &base) {
            let href = route.href(&base);
            let (path, query) = href.split_once('?').unwrap_or((&href, ""));
            assert_eq!(Route::parse(path, query, &base), Some(route), "href and parse disagree");
        }
    }
});
