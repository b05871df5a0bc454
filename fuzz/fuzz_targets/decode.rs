//! Arbitrary bytes into everything that reads data or URLs from outside:
//! the JSON decoders (as site index, site info, listing, article, page), the
//! HTML allowlist, and the slug, language, page, date and route readers.
//! Any panic, overflow or endless loop is a finding.
#![no_main]

use libfuzzer_sys::fuzz_target;
use news_portal::core::dates::CalendarDate;
use news_portal::core::decode::{
    decode_article, decode_listing, decode_site_index, decode_site_info, decode_static_page,
};
use news_portal::core::html_policy::{plain_attribute_ok, tag_rule};
use news_portal::core::pagination::{page_links, parse_page};
use news_portal::core::routes::{lang_segment, place_of, BasePath};
use news_portal::core::slug::{encode_segment, is_valid_lang, is_valid_slug};
use news_portal::core::urls::{link_url, media_url, scheme};

/// A stand-in for the browser's URL resolution: absolute stays, relative joins.
fn resolve(reference: &str) -> Option<String> {
    Some(match scheme(reference) {
        Some(_) => reference.to_string(),
        None => format!("https://example.org/api/az/news/{reference}"),
    })
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
    let _ = decode_static_page(text, source);

    let _ = tag_rule(text);
    let (name, value) = text.split_once('=').unwrap_or((text, ""));
    let _ = plain_attribute_ok(name, value);
    let _ = media_url(text, &resolve);
    let _ = link_url(text, &resolve);

    if is_valid_slug(text) {
        assert!(!encode_segment(text).contains('/'));
    }
    let _ = is_valid_lang(text);
    if let Some(page) = parse_page(Some(text)) {
        assert!(page >= 1);
        let _ = page_links(page, page.saturating_add(3));
    }
    let _ = CalendarDate::parse(text);
    for base in ["/", "/portal/news/"] {
        let base = BasePath::new(base);
        let _ = lang_segment(text, &base);
        let _ = place_of(text, Some(text), &base);
    }
});
