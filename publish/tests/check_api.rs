//! `check-api` (publish/src/check/) on small trees, each broken in one way: every
//! finding is triggered and read as the publisher would read it. The sample
//! tree passes with nothing to say.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use news_portal::core::routes::BasePath;
use news_publish::check::{check, Finding, Options, Severity};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

/// A temporary API tree, removed when dropped.
struct Tree(PathBuf);

impl Drop for Tree {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl Tree {
    /// A valid tree: two languages, two listing pages in `en` (3 articles,
    /// 2 per page), one in `az`, translations both ways, one photo file.
    fn valid(name: &str) -> Tree {
        let dir = std::env::temp_dir().join(format!("news-portal-check-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let tree = Tree(dir);
        tree.json("site.json", json!({"languages": [{"code": "en", "name": "English"}, {"code": "az", "name": "Azərbaycanca"}], "default_language": "en"}));
        tree.svg("img/logo.svg", 64, 64);
        tree.svg("img/one.svg", 1200, 800);
        tree.write("img/one-600.jpg", "a variant (only its existence is checked)");
        for lang in ["en", "az"] {
            tree.json(&format!("{lang}/site.json"), json!({"name": "Agency", "copyright_year": 2024, "logo": {"src": "../img/logo.svg", "alt": "Emblem"}}));
            for legal in ["terms", "privacy"] {
                tree.json(
                    &format!("{lang}/pages/{legal}.json"),
                    json!({"slug": legal, "title": "Terms", "body_html": "<p>Text.</p>"}),
                );
            }
        }
        let summary = |slug: &str, date: &str, other: Value| {
            json!({"slug": slug, "title": format!("Title {slug}"), "published": date, "summary": "S.",
                   "photo": {"src": "../../img/one.svg", "alt": "A photo", "width": 1200, "height": 800,
                             "sources": [{"type": "image/jpeg", "width": 600, "src": "../../img/one-600.jpg"}]},
                   "tags": ["t"], "translations": other})
        };
        let en = [
            summary("one", "2024-05-03", json!({"az": "bir"})),
            summary("two", "2024-05-02", json!({})),
            summary("three", "2024-05-01T10:00:00+04:00", json!({})),
        ];
        tree.json(
            "en/news/page-1.json",
            json!({"page": 1, "per_page": 2, "total_pages": 2, "total_items": 3, "items": [en[0], en[1]]}),
        );
        tree.json(
            "en/news/page-2.json",
            json!({"page": 2, "per_page": 2, "total_pages": 2, "total_items": 3, "items": [en[2]]}),
        );
        let az = summary("bir", "2024-05-03", json!({"en": "one"}));
        tree.json(
            "az/news/page-1.json",
            json!({"page": 1, "per_page": 2, "total_pages": 1, "total_items": 1, "items": [az]}),
        );
        for (lang, item) in en.iter().map(|item| ("en", item)).chain([("az", &az)]) {
            let mut article = item.clone();
            article["body_html"] = json!("<p>Body.</p>\n<p>More.</p>");
            article["updated"] = Value::Null;
            tree.json(
                &format!("{lang}/news/{}.json", item["slug"].as_str().unwrap()),
                article,
            );
        }
        tree
    }

    fn path(&self, file: &str) -> PathBuf {
        self.0.join(file)
    }

    fn write(&self, file: &str, text: &str) {
        let path = self.path(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    fn json(&self, file: &str, value: Value) {
        self.write(file, &serde_json::to_string_pretty(&value).unwrap());
    }

    fn svg(&self, file: &str, width: u32, height: u32) {
        self.write(
            file,
            &format!(r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}"></svg>"#),
        );
    }

    fn read(&self, file: &str) -> Value {
        serde_json::from_str(&std::fs::read_to_string(self.path(file)).unwrap()).unwrap()
    }

    /// Changes one JSON file.
    fn edit(&self, file: &str, change: impl FnOnce(&mut Value)) {
        let mut value = self.read(file);
        change(&mut value);
        self.json(file, value);
    }

    fn remove(&self, file: &str) {
        std::fs::remove_file(self.path(file)).unwrap();
    }

    fn findings(&self) -> Vec<Finding> {
        check(&self.0, &Options::default()).unwrap().findings
    }
}

/// The findings as the command prints them.
fn lines(findings: &[Finding]) -> Vec<String> {
    findings.iter().map(ToString::to_string).collect()
}

/// Asserts that exactly `expected` was found (each line as printed).
#[track_caller]
fn assert_found(tree: &Tree, expected: &[&str]) {
    assert_eq!(lines(&tree.findings()), expected);
}

#[test]
fn a_valid_tree_has_nothing_to_say() {
    let tree = Tree::valid("valid");
    assert_found(&tree, &[]);
}

#[test]
fn the_sample_tree_passes_without_an_error() {
    let report = check(common::sample_api(), &Options::default()).unwrap();
    // Its SVG illustrations are drawn for link previews, and its articles
    // without a photo show the logo: nothing is wrong.
    assert_eq!(lines(&report.findings), Vec::<String>::new());
    assert!(report.documents > 100, "{} documents", report.documents);
}

#[test]
fn documents_that_do_not_decode_or_lack_required_fields() {
    let tree = Tree::valid("decode");
    tree.write("en/news/two.json", "{\"title\": \"Two\", ");
    tree.edit("en/pages/privacy.json", |page| {
        page.as_object_mut().unwrap().remove("body_html");
    });
    tree.edit("az/site.json", |site| site["name"] = json!(""));
    assert_found(
        &tree,
        &[
            "error: az/site.json: the data is not valid: site.json has an empty `name`: no page of this language can be shown",
            "error: en/news/two.json: the data is not valid: EOF while parsing a value at line 1 column 17: readers see \"Could not load this page\"",
            "error: en/pages/privacy.json: the data is not valid: missing field `body_html` at line 4 column 1: readers see \"Could not load this page\"",
        ],
    );
}

#[test]
fn listing_pages_that_disagree_with_each_other_or_the_files() {
    let tree = Tree::valid("listing");
    tree.edit("en/news/page-2.json", |page| {
        page["page"] = json!(3);
        page["total_items"] = json!(4);
    });
    tree.edit("en/news/page-1.json", |page| page["total_pages"] = json!(3));
    tree.edit("az/news/page-1.json", |page| {
        page["per_page"] = json!(0);
        page.as_object_mut().unwrap().remove("page");
    });
    let found = lines(&tree.findings());
    let expected = [
        "warning: az/news/page-1.json: page: missing: it should be 1",
        "error: az/news/page-1.json: items: 1 items, more than `per_page` (0)",
        "error: en/news/page-2.json: page: says page 3, but the file is page 2",
        "error: en/news/page-2.json: total_pages: 2 here, but 3 in en/news/page-1.json",
        "error: en/news/page-2.json: total_items: 4 here, but 3 in en/news/page-1.json",
        "error: en/news/page-3.json: missing: en/news/page-1.json says there are 3 pages",
    ];
    common::assert_all_found(&found, &expected);

    let tree = Tree::valid("listing-count");
    tree.edit("en/news/page-1.json", |page| page["total_items"] = json!(5));
    tree.edit("en/news/page-2.json", |page| page["total_items"] = json!(5));
    tree.json(
        "en/news/page-3.json",
        json!({"page": 3, "per_page": 2, "total_pages": 2, "total_items": 5, "items": []}),
    );
    assert_found(
        &tree,
        &[
            "error: en/news/page-1.json: total_items: 5, but the pages hold 3 items",
            "warning: en/news/page-3.json: page 3 is past `total_pages` (2): no link leads to it",
        ],
    );

    let tree = Tree::valid("listing-short");
    tree.edit("en/news/page-1.json", |page| {
        page["items"].as_array_mut().unwrap().pop();
        page["total_items"] = json!(2);
    });
    tree.edit("en/news/page-2.json", |page| page["total_items"] = json!(2));
    let found = lines(&tree.findings());
    assert!(found.contains(&"warning: en/news/page-1.json: items: 1 items, but only the last page may have fewer than `per_page` (2)".to_string()), "{found:#?}");
    assert!(found.contains(&"warning: en/news/two.json: no listing page lists it: readers reach it only by a direct link, and it is not prerendered or in the sitemap".to_string()), "{found:#?}");
}

#[test]
fn items_the_app_would_skip_and_dates_it_cannot_read() {
    let tree = Tree::valid("items");
    tree.edit("en/news/page-1.json", |page| {
        page["items"][1].as_object_mut().unwrap().remove("title");
        page["items"][0]["published"] = json!("14 May 2024");
    });
    tree.edit("en/news/page-2.json", |page| {
        page["items"][0]["slug"] = json!("a/b")
    });
    tree.edit("en/news/three.json", |article| {
        article["updated"] = json!("yesterday")
    });
    assert_found(
        &tree,
        &[
            "error: en/news/page-1.json: items[0].published: \"14 May 2024\" is not a date (2024-05-14 or 2024-05-14T10:30:00+04:00): readers see the text as written",
            "error: en/news/page-1.json: items[1]: no `title`: the app skips this item",
            "error: en/news/page-2.json: items[0]: the slug \"a/b\" is not one URL path segment (no `/`, `?`, `#`, `%`, spaces, `..`; at most 200 characters): the app skips this item",
            "error: en/news/three.json: updated: \"yesterday\" is not a date (2024-05-14 or 2024-05-14T10:30:00+04:00): readers see the text as written",
            "warning: en/news/three.json: no listing page lists it: readers reach it only by a direct link, and it is not prerendered or in the sitemap",
            "warning: en/news/two.json: no listing page lists it: readers reach it only by a direct link, and it is not prerendered or in the sitemap",
        ],
    );
}

#[test]
fn listed_slugs_without_an_article_and_articles_no_listing_reaches() {
    let tree = Tree::valid("orphans");
    tree.remove("en/news/two.json");
    let mut extra = tree.read("en/news/three.json");
    extra["slug"] = json!("four");
    tree.json("en/news/four.json", extra);
    assert_found(
        &tree,
        &[
            "warning: en/news/four.json: no listing page lists it: readers reach it only by a direct link, and it is not prerendered or in the sitemap",
            "error: en/news/page-1.json: items[1]: `two` has no article file (en/news/two.json): its link leads to \"Page not found\"",
        ],
    );
}

#[test]
fn translations_that_lead_nowhere_or_not_back() {
    let tree = Tree::valid("translations");
    tree.edit("en/news/two.json", |article| {
        article["translations"] = json!({"az": "iki", "fr": "deux"})
    });
    tree.edit("az/news/bir.json", |article| article["translations"] = json!({}));
    assert_found(
        &tree,
        &[
            "warning: en/news/one.json: translations.az: az/news/bir.json does not point back: its `translations.en` is nothing",
            "error: en/news/two.json: translations.az: az/news/iki.json does not exist or does not load: the language switcher leads to \"Page not found\"",
            "warning: en/news/two.json: translations.fr: fr is not one of the site's languages: the switcher does not offer it",
        ],
    );
}

#[test]
fn languages_without_their_files_and_folders_without_a_language() {
    let tree = Tree::valid("languages");
    for file in ["az/site.json", "az/news/page-1.json", "az/pages/terms.json"] {
        tree.remove(file);
    }
    tree.edit("site.json", |site| {
        site["languages"]
            .as_array_mut()
            .unwrap()
            .push(json!({"code": "Russian", "name": "Русский"}));
        site["default_language"] = json!("de");
    });
    tree.json("ru/site.json", json!({"name": "Agency"}));
    assert_found(
        &tree,
        &[
            "warning: az/news/bir.json: no listing page lists it: readers reach it only by a direct link, and it is not prerendered or in the sitemap",
            "error: az/news/page-1.json: missing: the listing of this language starts here",
            "error: az/pages/terms.json: missing: the footer of every page links to it",
            "error: az/site.json: missing: it names the agency in the header of every page of this language",
            "warning: ru/: holds news, but site.json does not list this language: readers never see it",
            "error: site.json: languages[2]: \"Russian\" is not a language code like \"az\" or \"az-Latn\": the app leaves this language out",
            "warning: site.json: default_language: \"de\" is not one of `languages`: the app opens en instead",
        ],
    );
}

#[test]
fn photos_whose_file_is_missing_or_of_another_size_or_without_alt() {
    let tree = Tree::valid("photos");
    tree.edit("en/news/one.json", |article| {
        article["photo"]["src"] = json!("../../img/gone.jpg");
        article["gallery"] = json!([
            {"src": "../../img/one.svg", "alt": "", "width": 600, "height": 400},
            {"src": "../../img/one.svg", "alt": "Wrong shape", "width": 800, "height": 800},
            {"src": "javascript:alert(1)", "alt": "x"},
            {"alt": "no src"}
        ]);
    });
    tree.edit("en/news/two.json", |article| {
        let photo = article["photo"].as_object_mut().unwrap();
        photo.remove("width");
    });
    tree.edit("az/site.json", |site| site["logo"]["alt"] = json!(""));
    assert_found(
        &tree,
        &[
            "warning: az/site.json: logo: no `alt` text: screen readers cannot say what it shows",
            "error: en/news/one.json: photo: `src` \"../../img/gone.jpg\" names img/gone.jpg, which does not exist: readers see no photo",
            "error: en/news/one.json: gallery[1]: `width`×`height` say 800×800, but img/one.svg is 1200×800: another shape, so the page shifts when it loads",
            "error: en/news/one.json: gallery[2]: `src` \"javascript:alert(1)\" is not an http(s) address: the app shows no photo",
            "warning: en/news/one.json: gallery[0]: no `alt` text: screen readers cannot say what it shows",
            "warning: en/news/one.json: gallery[0]: `width`×`height` say 600×400, but img/one.svg is 1200×800",
            "warning: en/news/one.json: gallery[3]: missing field `src`: the app leaves it out",
            "warning: en/news/two.json: photo: no `width` and `height`: the page shifts when the photo arrives",
        ],
    );
}

#[test]
fn body_html_the_sanitizer_would_change_and_links_to_missing_articles() {
    let tree = Tree::valid("body");
    tree.edit("en/news/one.json", |article| {
        article["body_html"] = json!(
            "<p>Intro</p>\n<script>track()</script>\n<p onclick=\"x()\">A <a href=\"/en/news/two\">fine link</a>, \
             <a href=\"/en/news/gone\">a dead one</a>, <a href=\"https://www.example.gov/az/news/bir\">an absolute one</a>, \
             <a href=\"/az/page/4\">past the last page</a>.</p>\n<div>wrapped</div>"
        );
    });
    let options = Options {
        base: BasePath::new("/"),
        origin: Some("https://www.example.gov".into()),
    };
    let report = check(&tree.0, &options).unwrap();
    assert_eq!(
        lines(&report.findings),
        [
            "error: en/news/one.json: body_html line 2: a `<script>` element: removed with everything inside it",
            "error: en/news/one.json: body_html line 3: an `onclick` attribute on `<p>`: removed (it would run code)",
            "error: en/news/one.json: body_html line 3: a link to /en/news/gone: there is no article en/news/gone.json, so readers meet \"Page not found\"",
            "error: en/news/one.json: body_html line 3: a link to /az/page/4: the listing of az has 1 pages, so readers meet \"Page not found\"",
            "warning: en/news/one.json: body_html line 4: a `<div>` element: not in the allowlist, only its text is kept",
        ]
    );
    assert_eq!(report.count(Severity::Error), 4);
}

#[test]
fn links_are_read_under_the_base_path() {
    let tree = Tree::valid("base");
    tree.edit("en/news/one.json", |article| {
        article["body_html"] = json!("<p><a href=\"/portal/news/en/news/gone\">a</a> <a href=\"/en/news/gone\">outside the app</a></p>");
    });
    let options = Options {
        base: BasePath::new("/portal/news/"),
        origin: None,
    };
    let found = lines(&check(&tree.0, &options).unwrap().findings);
    assert_eq!(
        found,
        ["error: en/news/one.json: body_html line 1: a link to /portal/news/en/news/gone: there is no article en/news/gone.json, so readers meet \"Page not found\""]
    );
}

#[test]
fn optional_parts_of_the_wrong_shape_are_named() {
    let tree = Tree::valid("optional");
    tree.edit("en/news/page-1.json", |page| {
        page["items"][0]["tags"] = json!("not a list");
        page["items"][1]["translations"] = json!({"az": "a/b"});
    });
    tree.edit("en/site.json", |site| site["copyright_year"] = json!("2024"));
    assert_found(
        &tree,
        &[
            "warning: en/news/page-1.json: items[0].tags: invalid type: string \"not a list\", expected a sequence: the app leaves it out",
            "warning: en/news/page-1.json: items[1].translations.az: \"a/b\" is not a language code with a slug: the app ignores it",
            "warning: en/site.json: copyright_year: invalid type: string \"2024\", expected i32: the app leaves it out",
        ],
    );
}

#[test]
fn not_a_folder_is_the_only_failure() {
    assert!(check(Path::new("/nonexistent/api"), &Options::default()).is_err());
    let empty = std::env::temp_dir().join(format!("news-portal-check-empty-{}", std::process::id()));
    std::fs::create_dir_all(&empty).unwrap();
    let found = lines(&check(&empty, &Options::default()).unwrap().findings);
    assert_eq!(
        found,
        ["error: site.json: missing: it lists the site's languages; without it the app cannot start"]
    );
    std::fs::remove_dir_all(&empty).unwrap();
}
