//! The route table's tests: hrefs, parsing, the round trip between them (a
//! property over every route kind), documents, counterparts, and the shared
//! fixture `tests/routes.json` that holds `public/boot.js` to the same table.

use super::*;
use proptest::prelude::*;

fn root() -> BasePath {
    BasePath::new("/")
}

fn sub() -> BasePath {
    BasePath::new("/portal/news/")
}

fn article(lang: &str, slug: &str) -> Route {
    Route::Article {
        lang: lang.into(),
        slug: slug.into(),
    }
}

fn legal(lang: &str, legal: Legal) -> Route {
    Route::Legal {
        lang: lang.into(),
        legal,
    }
}

fn listing(lang: &str, page: u32) -> Route {
    Route::Listing {
        lang: lang.into(),
        tag: None,
        page,
    }
}

fn tagged(lang: &str, tag: &str, page: u32) -> Route {
    Route::Listing {
        lang: lang.into(),
        tag: Some(tag.into()),
        page,
    }
}

/// Parses an href as the browser would hand it back: path and search apart.
fn parse_href(href: &str, base: &BasePath) -> Option<Route> {
    let (path, query) = href.split_once('?').unwrap_or((href, ""));
    Route::parse(path, query, base)
}

#[test]
fn base_paths_are_normalized() {
    assert_eq!(BasePath::new("").as_str(), "/");
    assert_eq!(BasePath::new("/").as_str(), "/");
    assert_eq!(BasePath::new("/portal/news").as_str(), "/portal/news/");
    assert_eq!(BasePath::new("portal/news/").as_str(), "/portal/news/");
    assert_eq!(BasePath::new("/").router_prefix(), "");
    assert_eq!(BasePath::new("/portal/news/").router_prefix(), "/portal/news");
}

#[test]
fn hrefs_at_the_root() {
    assert_eq!(Route::Home.href(&root()), "/");
    assert_eq!(listing("en", 1).href(&root()), "/en/");
    assert_eq!(listing("en", 3).href(&root()), "/en/page/3");
    assert_eq!(
        article("en", "sms-icmpd-cooperation").href(&root()),
        "/en/news/sms-icmpd-cooperation"
    );
    assert_eq!(legal("en", Legal::Terms).href(&root()), "/en/terms");
    assert_eq!(legal("en", Legal::Privacy).href(&root()), "/en/privacy");
    assert_eq!(
        legal("en", Legal::Accessibility).href(&root()),
        "/en/accessibility"
    );
    assert_eq!(tagged("en", "icmpd", 1).href(&root()), "/en/tags/icmpd/");
    assert_eq!(
        tagged("en", "icmpd", 3).feed_href(&root()).as_deref(),
        Some("/en/tags/icmpd/feed.xml")
    );
    assert_eq!(
        listing("en", 2).feed_href(&sub()).as_deref(),
        Some("/portal/news/en/feed.xml")
    );
    assert_eq!(legal("en", Legal::Terms).feed_href(&root()), None);
    assert_eq!(
        tagged("az", "vətəndaşlıq", 2).href(&root()),
        "/az/tags/v%C9%99t%C9%99nda%C5%9Fl%C4%B1q/page/2"
    );
}

#[test]
fn a_tag_reads_as_its_url_form() {
    use crate::core::slug::tag_key;
    assert_eq!(tag_key("ICMPD").as_deref(), Some("icmpd"));
    assert_eq!(
        tag_key("  Residence   permits ").as_deref(),
        Some("residence-permits")
    );
    assert_eq!(tag_key("İcazə").as_deref(), Some("icazə"));
    assert_eq!(tag_key("Vətəndaşlıq").as_deref(), Some("vətəndaşlıq"));
    assert_eq!(tag_key("Трудовая миграция").as_deref(), Some("трудовая-миграция"));
    assert_eq!(tag_key("C#/.NET").as_deref(), Some("c-.net"));
    assert_eq!(tag_key("50%").as_deref(), Some("50"));
    for unusable in ["", "  ", "/", "..", "a..b"] {
        assert_eq!(tag_key(unusable), None, "{unusable:?}");
    }
}

#[test]
fn hrefs_under_a_sub_path_and_with_encoded_slugs() {
    assert_eq!(Route::Home.href(&sub()), "/portal/news/");
    assert_eq!(listing("en", 2).href(&sub()), "/portal/news/en/page/2");
    assert_eq!(
        article("az", "xəbər 1").href(&sub()),
        "/portal/news/az/news/x%C9%99b%C9%99r%201"
    );
}

#[test]
fn locations_name_routes() {
    let root = root();
    assert_eq!(Route::parse("/", "", &root), Some(Route::Home));
    assert_eq!(Route::parse("/az/", "", &root), Some(listing("az", 1)));
    assert_eq!(Route::parse("/az", "?page=3", &root), Some(listing("az", 3)));
    assert_eq!(Route::parse("/az/", "page=1", &root), Some(listing("az", 1)));
    assert_eq!(Route::parse("/az/", "page=abc", &root), Some(listing("az", 0)));
    assert_eq!(Route::parse("/az/page/3", "", &root), Some(listing("az", 3)));
    assert_eq!(
        Route::parse("/az/page/3/", "?page=5", &root),
        Some(listing("az", 3))
    );
    assert_eq!(Route::parse("/az/page/1", "", &root), Some(listing("az", 1)));
    assert_eq!(Route::parse("/az/page/x", "", &root), Some(listing("az", 0)));
    assert!(is_legacy_form("?page=2") && is_legacy_form("a=1&page=x"));
    assert!(!is_legacy_form("") && !is_legacy_form("?utm_source=x"));
    assert_eq!(
        Route::parse("/ru/news/x%C9%99", "", &root),
        Some(article("ru", "xə"))
    );
    assert_eq!(
        Route::parse("/ru/terms", "", &root),
        Some(legal("ru", Legal::Terms))
    );
    assert_eq!(
        Route::parse("/ru/privacy/", "", &root),
        Some(legal("ru", Legal::Privacy))
    );
    assert_eq!(
        Route::parse("/ru/accessibility", "", &root),
        Some(legal("ru", Legal::Accessibility))
    );
    assert_eq!(
        Route::parse("/en/tags/icmpd", "", &root),
        Some(tagged("en", "icmpd", 1))
    );
    assert_eq!(
        Route::parse("/en/tags/icmpd/", "", &root),
        Some(tagged("en", "icmpd", 1))
    );
    assert_eq!(
        Route::parse("/en/tags/icmpd.html", "", &root),
        Some(tagged("en", "icmpd", 1))
    );
    assert_eq!(
        Route::parse("/en/tags/icmpd/page/2", "", &root),
        Some(tagged("en", "icmpd", 2))
    );
    assert_eq!(
        Route::parse("/en/tags/icmpd/page/x", "", &root),
        Some(tagged("en", "icmpd", 0))
    );
    assert_eq!(
        Route::parse("/az/tags/v%C9%99t%C9%99nda%C5%9Fl%C4%B1q", "", &root),
        Some(tagged("az", "vətəndaşlıq", 1))
    );
    for unknown in [
        "/ru/tags",
        "/ru/tags/",
        "/ru/tags/a/b",
        "/ru/tags/a/page",
        "/ru/tags/..",
        "/ru/contacts",
        "/ru/news/",
        "/ru/news/a/b",
        "/ru/news/..",
        "/ru/news/a%2Fb",
        "/ru/news/%zz",
        "/ru/page/",
        "/ru/page/2/3",
        "/ru//terms",
        "/EN/",
        "/english/terms",
    ] {
        assert_eq!(Route::parse(unknown, "", &root), None, "{unknown}");
    }
    let sub = sub();
    assert_eq!(Route::parse("/portal/news/", "", &sub), Some(Route::Home));
    assert_eq!(Route::parse("/portal/news", "", &sub), Some(Route::Home));
    assert_eq!(
        Route::parse("/portal/news/en/", "page=2", &sub),
        Some(listing("en", 2))
    );
    assert_eq!(Route::parse("/elsewhere/en/", "", &sub), None);
    assert_eq!(Route::parse("/portal/newsen/", "", &sub), None);
}

#[test]
fn the_language_of_a_location() {
    assert_eq!(lang_of("/en/news/x", &root()).as_deref(), Some("en"));
    assert_eq!(lang_of("/en/contacts/x", &root()).as_deref(), Some("en"));
    assert_eq!(lang_of("/", &root()), None);
    assert_eq!(lang_of("/EN/", &root()), None);
    assert_eq!(lang_of("/portal/news/ru/terms", &sub()).as_deref(), Some("ru"));
    assert_eq!(lang_of("/portal/news", &sub()), None);
    assert_eq!(lang_of("/elsewhere/en/", &sub()), None);
}

/// Any route the app can link to: every kind, languages with regions,
/// slugs with any character a valid slug may hold, any page number.
fn any_route() -> impl Strategy<Value = Route> {
    let lang = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})?";
    let slug = "\\PC{1,40}".prop_filter("a usable slug", |slug: &String| is_valid_slug(slug));
    prop_oneof![
        Just(Route::Home),
        (lang, any::<u32>()).prop_map(|(lang, page)| Route::Listing {
            lang,
            tag: None,
            page
        }),
        (lang, slug.clone(), any::<u32>()).prop_map(|(lang, tag, page)| Route::Listing {
            lang,
            tag: Some(tag),
            page
        }),
        (lang, slug).prop_map(|(lang, slug)| Route::Article { lang, slug }),
        (lang, prop::sample::select(Legal::ALL.to_vec()))
            .prop_map(|(lang, legal)| Route::Legal { lang, legal }),
        (
            lang,
            search_text(),
            proptest::option::of(search_text().prop_filter("a tag", |t| !t.is_empty())),
            proptest::option::of("[0-9]{4}")
        )
            .prop_map(|(lang, text, tag, year)| Route::Search {
                lang,
                query: SearchQuery { text, tag, year }
            }),
    ]
}

/// Words as the search view keeps them: any characters, trimmed.
fn search_text() -> impl Strategy<Value = String> {
    "\\PC{0,24}".prop_filter("trimmed", |text: &String| text.trim() == text)
}

fn any_base() -> impl Strategy<Value = BasePath> {
    prop_oneof![
        Just(BasePath::new("/")),
        "(/[a-z0-9-]{1,8}){1,3}/?".prop_map(|path| BasePath::new(&path)),
    ]
}

proptest! {
    /// `parse` is the exact inverse of `href`, for every route under every base.
    #[test]
    fn parse_inverts_href(route in any_route(), base in any_base()) {
        prop_assert_eq!(parse_href(&route.href(&base), &base), Some(route));
    }

    /// Whatever a URL holds, reading it never panics, and a route read from it
    /// leads back to itself.
    #[test]
    fn any_location_reads_back_to_itself(path in "/\\PC{0,30}", query in "\\PC{0,12}") {
        if let Some(route) = Route::parse(&path, &query, &root()) {
            prop_assert_eq!(parse_href(&route.href(&root()), &root()), Some(route));
        }
    }
}

#[test]
fn documents_of_each_route() {
    let paths =
        |route: &Route| -> Vec<String> { route.documents().iter().filter_map(Document::path).collect() };
    assert_eq!(paths(&Route::Home), ["site.json"]);
    assert_eq!(
        paths(&listing("en", 2)),
        ["site.json", "en/site.json", "en/news/page-2.json"]
    );
    assert_eq!(paths(&listing("en", 0)), ["site.json", "en/site.json"]);
    assert_eq!(
        paths(&article("az", "xəbər")),
        ["site.json", "az/site.json", "az/news/x%C9%99b%C9%99r.json"]
    );
    assert_eq!(
        paths(&legal("ru", Legal::Privacy)),
        ["site.json", "ru/site.json", "ru/pages/privacy.json"]
    );
}

#[test]
fn documents_with_unusable_parts_have_no_path() {
    for document in [
        Document::Article {
            lang: "en".into(),
            slug: "../site".into(),
        },
        Document::Article {
            lang: "EN".into(),
            slug: "a".into(),
        },
        Document::NewsPage {
            lang: "en".into(),
            tag: None,
            page: 0,
        },
        Document::NewsPage {
            lang: "en".into(),
            tag: Some("../x".into()),
            page: 1,
        },
        Document::SiteInfo { lang: "../".into() },
    ] {
        assert_eq!(document.path(), None, "{document:?}");
    }
}

#[test]
fn search_urls_keep_the_query() {
    let query = SearchQuery {
        text: "e-visa ə Ğ".into(),
        tag: Some("miqrasiya siyasəti".into()),
        year: Some("2024".into()),
    };
    let route = Route::Search {
        lang: "az".into(),
        query: query.clone(),
    };
    let href = route.href(&sub());
    assert_eq!(
        href,
        "/portal/news/az/search?q=e-visa%20%C9%99%20%C4%9E&tag=miqrasiya%20siyas%C9%99ti&year=2024"
    );
    assert_eq!(parse_href(&href, &sub()), Some(route));
    // As a form without JavaScript sends it: `+` for spaces, any order, extras ignored.
    assert_eq!(
        Route::parse("/en/search", "year=2023&q=+visa++free+&utm=x", &root()),
        Some(Route::Search {
            lang: "en".into(),
            query: SearchQuery {
                text: "visa  free".into(),
                tag: None,
                year: Some("2023".into()),
            },
        })
    );
    // Nothing asked; a year that is no year is dropped.
    let empty = Route::parse("/ru/search/", "q=&year=20x4", &root());
    assert_eq!(
        empty,
        Some(Route::Search {
            lang: "ru".into(),
            query: SearchQuery::default(),
        })
    );
    assert_eq!(
        empty.map(|route| route.href(&root())).as_deref(),
        Some("/ru/search")
    );
    assert!(SearchQuery::default().is_empty() && !query.is_empty());
    // The search needs no document of its own.
    let paths: Vec<String> = Route::Search {
        lang: "en".into(),
        query,
    }
    .documents()
    .iter()
    .filter_map(Document::path)
    .collect();
    assert_eq!(paths, ["site.json", "en/site.json"]);
}

#[test]
fn legal_pages_are_listed_once_and_read_back() {
    for legal in Legal::ALL {
        assert_eq!(Legal::from_slug(legal.slug()), Some(legal));
    }
    assert_eq!(Legal::from_slug("contacts"), None);
}

#[test]
fn counterparts_keep_the_reader_where_they_are() {
    assert_eq!(
        counterpart(Some(&listing("en", 2)), "ru", None),
        Counterpart::Equivalent(listing("ru", 2))
    );
    assert_eq!(
        counterpart(Some(&listing("en", 0)), "ru", None),
        Counterpart::Equivalent(listing("ru", 1))
    );
    assert_eq!(
        counterpart(Some(&legal("en", Legal::Privacy)), "az", None),
        Counterpart::Equivalent(legal("az", Legal::Privacy))
    );
    assert_eq!(
        counterpart(Some(&Route::Home), "en", None),
        Counterpart::Listing(listing("en", 1))
    );
    assert_eq!(
        counterpart(None, "ru", None),
        Counterpart::Listing(listing("ru", 1))
    );
}

#[test]
fn an_article_leads_to_its_translation_or_to_the_listing_with_a_note() {
    let translations: Translations = [("az", "dmx-xeber"), ("ru", "novost-gms")]
        .into_iter()
        .map(|(lang, slug)| (lang.to_string(), slug.to_string()))
        .collect();
    let here = article("en", "sms");
    assert_eq!(
        counterpart(Some(&here), "ru", Some(&translations)),
        Counterpart::Equivalent(article("ru", "novost-gms"))
    );
    let untranslated = counterpart(Some(&here), "tr", Some(&translations));
    assert_eq!(untranslated, Counterpart::Untranslated(listing("tr", 1)));
    assert_eq!(untranslated.route().href(&root()), "/tr/");
    // Still loading: no promise of a translation, and no note either.
    assert_eq!(
        counterpart(Some(&here), "ru", None),
        Counterpart::Listing(listing("ru", 1))
    );
}

/// One case of `tests/routes.json`: a location and the documents its first
/// view needs, as both this table and `public/boot.js` must compute them.
#[derive(serde::Deserialize)]
struct FixtureCase {
    base: String,
    path: String,
    search: String,
    documents: Vec<String>,
}

fn fixture() -> Vec<FixtureCase> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/routes.json");
    let text = std::fs::read_to_string(path).expect("tests/routes.json");
    serde_json::from_str::<serde_json::Value>(&text)
        .ok()
        .and_then(|value| serde_json::from_value(value["cases"].clone()).ok())
        .expect("tests/routes.json holds {\"cases\": [{base, path, search, documents}]}")
}

#[test]
fn the_shared_fixture_agrees_with_the_table() {
    let cases = fixture();
    assert!(cases.len() >= 20, "the fixture covers the table");
    for case in &cases {
        let base = BasePath::new(&case.base);
        let documents: Vec<String> = first_view_documents(&case.path, &case.search, &base)
            .iter()
            .filter_map(Document::path)
            .collect();
        assert_eq!(
            documents, case.documents,
            "{} {} under {}",
            case.path, case.search, case.base
        );
    }
}

#[test]
fn the_shared_fixture_covers_every_kind_of_view() {
    let cases = fixture();
    let routes: Vec<Option<Route>> = cases
        .iter()
        .map(|case| Route::parse(&case.path, &case.search, &BasePath::new(&case.base)))
        .collect();
    let has = |wanted: &dyn Fn(&Route) -> bool| routes.iter().flatten().any(wanted);
    assert!(has(&|r| *r == Route::Home));
    assert!(has(&|r| matches!(r, Route::Listing { page: 1, .. })));
    assert!(has(&|r| matches!(r, Route::Listing { page: 0, .. })));
    assert!(has(&|r| matches!(r, Route::Listing { page, .. } if *page > 1)));
    assert!(has(
        &|r| matches!(r, Route::Listing { tag: Some(tag), .. } if !tag.is_ascii())
    ));
    assert!(has(
        &|r| matches!(r, Route::Listing { tag: Some(_), page, .. } if *page > 1)
    ));
    assert!(has(
        &|r| matches!(r, Route::Article { slug, .. } if !slug.is_ascii())
    ));
    for legal in Legal::ALL {
        assert!(
            has(&|r| matches!(r, Route::Legal { legal: l, .. } if *l == legal)),
            "{legal:?}"
        );
    }
    assert!(routes.iter().any(Option::is_none), "a location that is no route");
    assert!(cases.iter().any(|case| case.base != "/"), "a sub-path");
}
