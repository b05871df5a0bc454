//! The bundled sample data (content/, built by build-api): every file decodes under the
//! contract, listings are in order, and all three languages are complete with
//! translations that point both ways. The contract's own rules are tested in
//! src/core/decode_tests.rs.
#![cfg(not(target_arch = "wasm32"))]

use news_portal::core::decode::*;
use news_portal::core::routes::{Document, Legal};
use news_portal::ssr::resolver as join;
use std::path::{Path, PathBuf};

mod common;

fn sample_root() -> PathBuf {
    common::sample_api().to_path_buf()
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
                decode_legal_document(&text, "https://example.org/p.json").unwrap();
            }
            // A tag's listing (made by the publish step's derive): the tag as
            // written, every item valid, photos found one folder deeper.
            [lang, "tags", tag, name] if name.starts_with("page-") => {
                let base = format!("https://example.org/api/{lang}/tags/{tag}/");
                let resolve = join(&base);
                let listing = decode_listing(&text, &resolve).unwrap();
                assert_eq!(listing.skipped, 0, "{rel}");
                assert!(!listing.items.is_empty(), "{rel}");
                let written = listing.tag.as_deref().unwrap_or_else(|| panic!("{rel}: its tag"));
                assert_eq!(
                    news_portal::core::slug::tag_key(written).as_deref(),
                    Some(*tag),
                    "{rel}"
                );
                for item in &listing.items {
                    assert!(
                        item.tags.iter().any(|t| t == written),
                        "{rel}: {} has the tag",
                        item.slug
                    );
                    if let Some(photo) = &item.photo {
                        let below = photo.src.strip_prefix("https://example.org/api/").unwrap();
                        assert!(sample_root().join(below).is_file(), "{rel}: {}", photo.src);
                    }
                }
            }
            _ => panic!("unexpected file in the sample data: {rel}"),
        }
    }
}

/// The summaries of every listing page of `lang`, in order.
fn sample_listing(lang: &str) -> Vec<news_portal::core::model::Summary> {
    let resolve = join("https://example.org/api/en/news/");
    let read = |page: u32| {
        std::fs::read_to_string(sample_root().join(format!("{lang}/news/page-{page}.json"))).unwrap()
    };
    let total = decode_listing(&read(1), &resolve).unwrap().total_pages;
    assert!(
        total >= 3,
        "{lang}: the sample needs at least three listing pages"
    );
    let mut items = Vec::new();
    for page in 1..=total {
        let listing = decode_listing(&read(page), &resolve).unwrap();
        assert_eq!(listing.page, page);
        items.extend(listing.items);
    }
    items
}

#[test]
fn sample_listing_is_newest_first_across_pages_and_holds_the_seed() {
    let items = sample_listing("en");
    let dates: Vec<_> = items
        .iter()
        .map(|item| news_portal::core::dates::CalendarDate::parse(&item.published).expect("valid date"))
        .collect();
    assert!(
        dates.windows(2).all(|w| w[0] >= w[1]),
        "listing is not newest first"
    );
    assert!(items.len() >= 26);
    assert!(items.iter().any(|item| item.slug == "sms-icmpd-cooperation"));
}

#[test]
fn sample_data_is_complete_in_three_languages_with_mutual_translations() {
    let index =
        decode_site_index(&std::fs::read_to_string(sample_root().join("site.json")).unwrap()).unwrap();
    let codes: Vec<&str> = index.languages.iter().map(|l| l.code.as_str()).collect();
    assert_eq!(codes, ["az", "en", "ru"]);
    assert_eq!(index.default_language, "az");
    let english = sample_listing("en");
    for lang in &codes {
        let items = sample_listing(lang);
        assert_eq!(
            items.len(),
            english.len(),
            "{lang}: not every article is translated"
        );
        for (item, original) in items.iter().zip(&english) {
            assert_eq!(
                item.published, original.published,
                "{lang}/{}: listed out of order",
                item.slug
            );
            assert!(
                sample_root()
                    .join(format!("{lang}/news/{}.json", item.slug))
                    .exists(),
                "{lang}: no article file for {}",
                item.slug
            );
            assert_eq!(
                item.translations.iter().count(),
                codes.len() - 1,
                "{lang}/{}",
                item.slug
            );
            for (other, slug) in item.translations.iter() {
                let text = std::fs::read_to_string(sample_root().join(format!("{other}/news/{slug}.json")))
                    .unwrap_or_else(|_| {
                        panic!("{lang}/{}: translation {other}/{slug} is missing", item.slug)
                    });
                let translation =
                    decode_article(&text, "https://example.org/a.json", &join("https://example.org/"))
                        .unwrap();
                assert_eq!(
                    translation.translations.get(lang),
                    Some(item.slug.as_str()),
                    "{other}/{slug} does not point back to {lang}/{}",
                    item.slug
                );
            }
        }
        for legal in Legal::ALL {
            let document = Document::Legal {
                lang: lang.to_string(),
                legal,
            };
            let path = document.path().expect("a valid document");
            assert!(sample_root().join(&path).exists(), "{path}");
        }
    }
}
