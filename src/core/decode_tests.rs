//! Contract tests of decoding: the rules of docs/news-api.md on broken,
//! partial and hostile documents. (The bundled sample data has its own tests,
//! tests/sample_data.rs.)

use super::decode::*;
use super::error::ApiError;
use crate::ssr::resolver as join;

#[test]
fn translations_keep_only_usable_entries() {
    let text = r#"{"title":"T","body_html":"<p>b</p>","translations":{
        "az":"dmx-xeber","ru":"novost","en":"../../etc/passwd","tr":42,"EN":"x","de-CH-1996":"y","x":"z"}}"#;
    let article = decode_article(text, "https://example.org/a.json", &join("https://example.org/")).unwrap();
    let kept: Vec<(&str, &str)> = article.translations.iter().collect();
    assert_eq!(kept, [("az", "dmx-xeber"), ("ru", "novost")]);
    for absent in [
        r#""translations":null"#,
        r#""translations":["az"]"#,
        r#""translations":"az""#,
    ] {
        let text = format!(r#"{{"title":"T","body_html":"<p>b</p>",{absent}}}"#);
        let article =
            decode_article(&text, "https://example.org/a.json", &join("https://example.org/")).unwrap();
        assert_eq!(article.translations.iter().count(), 0, "{absent}");
    }
}

#[test]
fn relative_photo_urls_resolve_against_the_document() {
    let text = r#"{"page":1,"total_pages":1,"items":[
        {"slug":"a","title":"A","published":"2024-05-14","photo":{"src":"../../img/a.jpg","alt":"A"}},
        {"slug":"b","title":"B","published":"2024-05-14","photo":{"src":"javascript:alert(1)","alt":"B"}},
        {"slug":"c","title":"C","published":"2024-05-14","photo":null},
        {"slug":"d","title":"D","published":"2024-05-14","photo":{"alt":"no src"}}]}"#;
    let listing = decode_listing(text, &join("https://cdn.test/api/en/news/page-1.json")).unwrap();
    assert_eq!(listing.skipped, 0);
    let photos: Vec<Option<&str>> = listing
        .items
        .iter()
        .map(|i| i.photo.as_ref().map(|p| p.src.as_str()))
        .collect();
    assert_eq!(
        photos,
        vec![Some("https://cdn.test/api/img/a.jpg"), None, None, None]
    );
}

#[test]
fn malformed_items_are_skipped_and_counted() {
    let text = r#"{"page":2,"per_page":12,"total_pages":3,"total_items":30,"items":[
        {"slug":"ok","title":"Fine","published":"2024-05-14","extra":{"nested":[1,2]}},
        {"title":"no slug","published":"2024-05-14"},
        {"slug":"no-title","published":"2024-05-14"},
        {"slug":"no-date","title":"x"},
        {"slug":"../escape","title":"x","published":"2024-05-14"},
        {"slug":"empty-title","title":"  ","published":"2024-05-14"},
        {"slug":42,"title":"wrong type","published":"2024-05-14"},
        null, 7, "text",
        {"slug":"ok-2","title":"Also fine","published":"2024-05-13","tags":"not a list","photo":"not an object"}]}"#;
    let listing = decode_listing(text, &join("https://x.test/")).unwrap();
    let slugs: Vec<&str> = listing.items.iter().map(|i| i.slug.as_str()).collect();
    assert_eq!(slugs, ["ok", "ok-2"]);
    assert_eq!(listing.skipped, 9);
    assert_eq!(
        (listing.page, listing.total_pages, listing.total_items),
        (2, 3, Some(30))
    );
    assert!(listing.items[1].tags.is_empty() && listing.items[1].photo.is_none());
}

#[test]
fn broken_documents_give_a_decode_error_with_the_cause() {
    let resolve = join("https://x.test/");
    let cases: &[(&str, &str)] = &[
        ("", "empty"),
        ("   \n", "empty"),
        ("<!doctype html><title>Error</title>", "HTML"),
        ("{\"page\":1,", "EOF"),
        ("not json", "expected"),
        ("null", "invalid type"),
        ("[]", "expected struct"),
        ("{\"page\":1,\"total_pages\":1}", "missing field `items`"),
        (
            "{\"page\":1,\"total_pages\":\"two\",\"items\":[]}",
            "invalid type",
        ),
    ];
    for (text, expected) in cases {
        match decode_listing(text, &resolve) {
            Err(ApiError::Decode(message)) => assert!(message.contains(expected), "{text:?}: {message}"),
            other => panic!("{text:?} gave {other:?}"),
        }
    }
}

#[test]
fn articles_and_pages_need_a_title_and_a_body() {
    let resolve = join("https://x.test/");
    let missing_body = r#"{"slug":"a","title":"A","published":"2024-05-14"}"#;
    let empty_title = r#"{"title":"","body_html":"<p>x</p>"}"#;
    let null_body = r#"{"title":"A","body_html":null}"#;
    for text in [missing_body, empty_title, null_body] {
        assert!(
            matches!(decode_article(text, "u", &resolve), Err(ApiError::Decode(_))),
            "{text}"
        );
        assert!(
            matches!(decode_legal_document(text, "u"), Err(ApiError::Decode(_))),
            "{text}"
        );
    }
    let minimal = r#"{"title":"A","body_html":"<p>x</p>","updated":null,"gallery":[{"src":"g.jpg","alt":"G"},{"alt":"no src"}]}"#;
    let article = decode_article(minimal, "https://x.test/api/en/news/a.json", &resolve).unwrap();
    assert_eq!(article.source_url, "https://x.test/api/en/news/a.json");
    assert_eq!(article.gallery.len(), 1);
    assert_eq!(article.updated, None);
}

#[test]
fn deeply_nested_json_never_overflows_the_stack() {
    let depth = 100_000;
    let nest = |field: &str| {
        format!(
            "{{\"title\":\"A\",\"body_html\":\"x\",\"{field}\":{}{}}}",
            "[".repeat(depth),
            "]".repeat(depth)
        )
    };
    let resolve = join("https://x.test/");
    // An unknown field is skipped without recursion: the article still shows.
    assert!(decode_article(&nest("unknown"), "u", &resolve).is_ok());
    // An optional field is checked as raw text without recursion, then
    // decoded on its own up to serde_json's recursion limit: too deep, it is
    // dropped like any malformed optional part, and the article still shows.
    let article = decode_article(&nest("photo"), "u", &resolve).expect("the article decodes");
    assert_eq!(article.photo, None);
    assert!(decode_article(&nest("gallery"), "u", &resolve).is_ok_and(|article| article.gallery.is_empty()));
}

#[test]
fn site_index_needs_a_language_and_repairs_its_default() {
    assert!(matches!(
        decode_site_index(r#"{"languages":[],"default_language":"az"}"#),
        Err(ApiError::Decode(_))
    ));
    let index = decode_site_index(
        r#"{"languages":[{"code":"../x","name":"Bad"},{"code":"en","name":"English"}],"default_language":"az"}"#,
    )
    .unwrap();
    assert_eq!(index.languages.len(), 1);
    assert_eq!(index.default_language, "en");
}

#[test]
fn site_info_drops_an_unsafe_logo_but_keeps_the_name() {
    let resolve = join("https://x.test/api/en/");
    let info = decode_site_info(
        r#"{"name":"Agency","copyright_year":"2024","logo":{"src":"data:image/svg+xml,<svg/>"}}"#,
        &resolve,
    )
    .unwrap();
    assert_eq!(info.name, "Agency");
    assert_eq!(info.copyright_year, None);
    assert_eq!(info.logo, None);
    assert!(matches!(
        decode_site_info(r#"{"name":" "}"#, &resolve),
        Err(ApiError::Decode(_))
    ));
}

#[test]
fn a_huge_listing_shows_its_first_items_and_counts_the_rest() {
    let items: Vec<String> = (0..10_000)
        .map(|i| format!(r#"{{"slug":"item-{i}","title":"Item {i}","published":"2024-05-14"}}"#))
        .collect();
    let text = format!(r#"{{"page":1,"total_pages":1,"items":[{}]}}"#, items.join(","));
    let listing = decode_listing(&text, &join("https://x.test/")).unwrap();
    assert_eq!(listing.items.len(), MAX_LISTING_ITEMS);
    assert_eq!(listing.items[0].slug, "item-0");
    assert_eq!(listing.skipped, 10_000 - MAX_LISTING_ITEMS);
}

#[test]
fn a_huge_body_is_cut_on_a_character_boundary_and_marked() {
    // 5 MB of two-byte letters, so the cut falls inside a character unless it is moved.
    let body = format!("<p>{}</p>", "ə".repeat(2_500_000));
    let text = serde_json::json!({ "title": "A", "body_html": body }).to_string();
    let article = decode_article(&text, "u", &join("https://x.test/")).unwrap();
    assert!(article.truncated);
    assert!(article.body_html.len() <= MAX_BODY_BYTES && article.body_html.len() > MAX_BODY_BYTES - 4);
    let page = decode_legal_document(&text, "u").unwrap();
    assert!(page.truncated);
    let small = decode_article(
        r#"{"title":"A","body_html":"<p>x</p>"}"#,
        "u",
        &join("https://x.test/"),
    )
    .unwrap();
    assert!(!small.truncated);
}

#[test]
fn nulls_wrong_types_and_unknown_fields_everywhere() {
    let resolve = join("https://x.test/");
    let text = r#"{"page":null,"per_page":"x","total_pages":2,"total_items":null,"extra":{"a":[1,{"b":null}]},"items":[
        null, 7, "item", [], {},
        {"slug":null,"title":"T","published":"2024-05-14"},
        {"slug":"ok","title":"Fine","published":"2024-05-14","summary":null,"photo":null,"tags":null,"translations":null,"unknown":true},
        {"slug":"ok2","title":"Also","published":"2024-05-14","summary":5,"photo":"x.jpg","tags":[1,"a"],"translations":{"az":null}}]}"#;
    let listing = decode_listing(text, &resolve).unwrap();
    let slugs: Vec<&str> = listing.items.iter().map(|i| i.slug.as_str()).collect();
    assert_eq!(slugs, ["ok", "ok2"]);
    assert_eq!(listing.skipped, 6);
    assert_eq!(listing.page, 1);
    let second = &listing.items[1];
    assert_eq!(
        (
            second.summary.as_deref(),
            second.photo.as_ref(),
            second.tags.len()
        ),
        (None, None, 0)
    );
}

#[test]
fn the_apps_own_shell_answering_for_a_document_is_not_found() {
    // What an SPA rewrite (`/* /index.html 200`) sends for a missing JSON file.
    let shell = r#"<!doctype html><html lang=az><head><base href="/"></head><body><div id=app data-api="api/"></div>
        <script type=module src=./boot.js data-np-js=./news-portal-1.js data-np-wasm=./news-portal-1_bg.wasm></script>"#;
    let resolve = join("https://example.org/api/en/news/x.json");
    assert_eq!(decode_article(shell, "u", &resolve), Err(ApiError::NotFound));
    assert_eq!(decode_listing(shell, &resolve), Err(ApiError::NotFound));
    assert_eq!(decode_legal_document(shell, "u"), Err(ApiError::NotFound));
    assert_eq!(decode_site_index(shell), Err(ApiError::NotFound));
    // Anyone else's HTML (a captive portal, a proxy's error page) is no answer at all.
    let captive = "<html><body><h1>Sign in to the hotel Wi-Fi</h1></body></html>";
    assert!(matches!(
        decode_article(captive, "u", &resolve),
        Err(ApiError::Decode(_))
    ));
}
