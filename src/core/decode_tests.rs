//! Decoding tests: every file of the bundled sample data, and the contract's
//! rules on broken, partial and hostile documents.

use super::decode::*;
use super::error::ApiError;
use super::urls::tests::join;
use std::path::{Path, PathBuf};

fn sample_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("public/api")
}

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable sample data folder") {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            json_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

#[test]
fn every_sample_file_decodes_under_the_contract() {
    let root = sample_root();
    let mut files = Vec::new();
    json_files(&root, &mut files);
    assert!(
        files.len() >= 30,
        "sample data set is incomplete: {} files",
        files.len()
    );
    let resolve = join("https://example.org/api/en/news/");

    for path in &files {
        let text = std::fs::read_to_string(path).expect("utf-8 sample file");
        let rel = path
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let name = path.file_name().unwrap().to_string_lossy();
        let parts: Vec<&str> = rel.split('/').collect();
        match parts.as_slice() {
            ["site.json"] => {
                decode_site_index(&text).unwrap();
            }
            [_, "site.json"] => {
                let info = decode_site_info(&text, &resolve).unwrap();
                assert!(info.logo.is_some(), "{rel}: logo URL did not resolve");
            }
            [_, "news", _] if name.starts_with("page-") => {
                let listing = decode_listing(&text, &resolve).unwrap();
                assert_eq!(listing.skipped, 0, "{rel}: sample items must all be valid");
                assert!(!listing.items.is_empty(), "{rel}");
            }
            [_, "news", _] => {
                let article = decode_article(&text, "https://example.org/a.json", &resolve).unwrap();
                assert!(!article.body_html.is_empty(), "{rel}");
                assert!(article.published.is_some(), "{rel}");
            }
            [_, "pages", _] => {
                decode_static_page(&text, "https://example.org/p.json").unwrap();
            }
            _ => panic!("unexpected file in the sample data: {rel}"),
        }
    }
}

#[test]
fn sample_listing_is_newest_first_across_pages_and_holds_the_seed() {
    let resolve = join("https://example.org/api/en/news/");
    let mut dates = Vec::new();
    let mut slugs = Vec::new();
    let first = std::fs::read_to_string(sample_root().join("en/news/page-1.json")).unwrap();
    let total = decode_listing(&first, &resolve).unwrap().total_pages;
    assert!(total >= 3, "the sample needs at least three listing pages");
    for page in 1..=total {
        let text = std::fs::read_to_string(sample_root().join(format!("en/news/page-{page}.json"))).unwrap();
        let listing = decode_listing(&text, &resolve).unwrap();
        assert_eq!(listing.page, page);
        for item in listing.items {
            dates.push(crate::core::dates::CalendarDate::parse(&item.published).expect("valid date"));
            slugs.push(item.slug);
        }
    }
    assert!(
        dates.windows(2).all(|w| w[0] >= w[1]),
        "listing is not newest first"
    );
    assert!(slugs.len() >= 26);
    assert!(slugs.iter().any(|s| s == "sms-icmpd-cooperation"));
    for slug in &slugs {
        assert!(
            sample_root().join(format!("en/news/{slug}.json")).exists(),
            "no article file for {slug}"
        );
    }
}

#[test]
fn relative_photo_urls_resolve_against_the_document() {
    let text = r#"{"page":1,"total_pages":1,"items":[
        {"slug":"a","title":"A","published":"2024-05-14","photo":{"src":"../../img/a.jpg","alt":"A"}},
        {"slug":"b","title":"B","published":"2024-05-14","photo":{"src":"javascript:alert(1)","alt":"B"}},
        {"slug":"c","title":"C","published":"2024-05-14","photo":null},
        {"slug":"d","title":"D","published":"2024-05-14","photo":{"alt":"no src"}}]}"#;
    let listing = decode_listing(text, &join("https://cdn.test/api/en/news/")).unwrap();
    assert_eq!(listing.skipped, 0);
    let photos: Vec<Option<&str>> = listing
        .items
        .iter()
        .map(|i| i.photo.as_ref().map(|p| p.src.as_str()))
        .collect();
    assert_eq!(
        photos,
        vec![
            Some("https://cdn.test/api/en/news/../../img/a.jpg"),
            None,
            None,
            None
        ]
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
            matches!(decode_static_page(text, "u"), Err(ApiError::Decode(_))),
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
    // A known field hits serde_json's recursion limit: a clear error, no crash.
    match decode_article(&nest("photo"), "u", &resolve) {
        Err(ApiError::Decode(message)) => assert!(message.contains("recursion limit"), "{message}"),
        other => panic!("{other:?}"),
    }
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
