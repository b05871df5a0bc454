//! The prerender step on the host (`news_publish::prerender::run`): what it writes
//! from an API tree, what it skips and says, and that a second run changes
//! nothing. The expectations are read from the data, never assumed.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use news_publish::prerender::{run, Fatal, Options, Report};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A built app in a fresh folder: the repository's index.html as the shell
/// (with `base` and `data-api` edited as a web team would) and the sample API.
struct App {
    dir: PathBuf,
}

impl App {
    fn new(base: &str, api: &str) -> App {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "news-prerender-{}-{}",
            std::process::id(),
            COUNT.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        let shell = fs::read_to_string(common::repo().join("index.html"))
            .unwrap()
            .replace(r#"<base href="/">"#, &format!(r#"<base href="{base}">"#))
            .replace(r#"data-api="api/""#, &format!(r#"data-api="{api}""#));
        fs::write(dir.join("index.html"), &shell).unwrap();
        fs::write(dir.join("404.html"), &shell).unwrap();
        common::copy_dir(common::sample_api(), &dir.join("api"));
        App { dir }
    }

    fn options(&self, origin: Option<&str>) -> Options {
        Options {
            dir: self.dir.clone(),
            api: None,
            origin: origin.map(String::from),
        }
    }

    fn json(&self, path: &str) -> Value {
        serde_json::from_str(&fs::read_to_string(self.dir.join("api").join(path)).unwrap()).unwrap()
    }

    fn read(&self, path: &str) -> String {
        fs::read_to_string(self.dir.join(path)).unwrap_or_else(|error| panic!("{path}: {error}"))
    }

    /// Every file below the app but the API, with its bytes.
    fn files(&self) -> BTreeMap<String, Vec<u8>> {
        let mut files = BTreeMap::new();
        collect(&self.dir, &self.dir, &mut files);
        files.retain(|name, _| !name.starts_with("api/"));
        files
    }

    /// The languages and each one's article slugs, in listing order.
    fn languages(&self) -> Vec<(String, Vec<String>, u64)> {
        self.json("site.json")["languages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|language| {
                let lang = language["code"].as_str().unwrap().to_string();
                let total = self.json(&format!("{lang}/news/page-1.json"))["total_pages"]
                    .as_u64()
                    .unwrap();
                let slugs = (1..=total)
                    .flat_map(|page| {
                        let listing = self.json(&format!("{lang}/news/page-{page}.json"));
                        let items = listing["items"].as_array().unwrap().clone();
                        items
                            .into_iter()
                            .map(|item| item["slug"].as_str().unwrap().to_string())
                    })
                    .collect();
                (lang, slugs, total)
            })
            .collect()
    }
}

impl Drop for App {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

fn collect(root: &Path, dir: &Path, files: &mut BTreeMap<String, Vec<u8>>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(root, &path, files);
        } else {
            let name = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            files.insert(name, fs::read(&path).unwrap());
        }
    }
}

fn written(report: &Report) -> usize {
    report.written.values().sum()
}

#[test]
fn writes_every_route_of_every_language() {
    let app = App::new("/", "api/");
    let report = run(&app.options(Some("https://www.example.gov"))).unwrap();
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    let mut expected = 0;
    for (lang, slugs, pages) in app.languages() {
        assert!(app
            .read(&format!("{lang}/index.html"))
            .contains(&format!("<html lang=\"{lang}\"")));
        for page in 2..=pages {
            app.read(&format!("{lang}/page/{page}.html"));
        }
        for slug in &slugs {
            let page = app.read(&format!("{lang}/news/{slug}.html"));
            let title = app.json(&format!("{lang}/news/{slug}.json"))["title"]
                .as_str()
                .unwrap()
                .to_string();
            assert!(
                page.contains("data-np-prerendered>"),
                "{slug}: marked for the takeover"
            );
            assert!(page.contains(r#"<meta property="og:type" content="article""#));
            assert!(page.contains(&format!(
                r#"<link rel="canonical" href="https://www.example.gov/{lang}/news/{slug}""#
            )));
            let escaped = title
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;");
            assert!(
                page.contains(&format!(">{escaped}</h1>")),
                "{slug}: the article's heading"
            );
        }
        for legal in ["terms", "privacy"] {
            app.read(&format!("{lang}/{legal}.html"));
        }
        // The search view's form, for search engines nothing of its own.
        let search = app.read(&format!("{lang}/search.html"));
        assert!(search.contains(r#"<meta name="robots" content="noindex, follow">"#));
        assert!(search.contains(r#"name="q""#) && search.contains(&format!(r#"action="/{lang}/search""#)));
        assert_eq!(report.written[&(lang.clone(), "article")], slugs.len());
        assert_eq!(report.written[&(lang.clone(), "listing")], pages as usize);
        assert_eq!(report.written[&(lang.clone(), "search")], 1);
        // Its index (Pagefind, installed by the test command's set-up): every article, nothing else.
        let entry: serde_json::Value =
            serde_json::from_str(&app.read(&format!("pagefind/{lang}/pagefind-entry.json"))).unwrap();
        let indexed = entry["languages"].as_object().unwrap().values().next().unwrap()["page_count"].as_u64();
        assert_eq!(
            indexed,
            Some(slugs.len() as u64),
            "{lang}: one index entry per article"
        );
        app.read(&format!("pagefind/{lang}/pagefind.js"));
        // Beside it, the strings its results show in that language (not in the wasm).
        let strings: serde_json::Value =
            serde_json::from_str(&app.read(&format!("search-strings/{lang}.json"))).unwrap();
        assert_eq!(
            strings["strings"]["search"].as_str(),
            Some(news_portal::i18n::strings(&lang).search)
        );
        app.read(&format!("{lang}/feed.xml"));
        // The tags' listing pages and the optional legal pages, as the tree has them.
        let tag_pages = fs::read_dir(app.dir.join(format!("api/{lang}/tags")))
            .into_iter()
            .flatten()
            .flatten()
            .map(|tag| fs::read_dir(tag.path()).unwrap().count())
            .sum::<usize>();
        let optional = usize::from(
            app.dir
                .join(format!("api/{lang}/pages/accessibility.json"))
                .is_file(),
        );
        assert_eq!(
            report.written.get(&(lang.clone(), "tag")).copied().unwrap_or(0),
            tag_pages
        );
        expected += slugs.len() + pages as usize + 2 + tag_pages + optional;
    }
    let languages = app.languages().len();
    assert_eq!(report.searchable.len(), languages, "a search index per language");
    assert_eq!(written(&report), expected + languages);
    let sitemap = app.read("sitemap.xml");
    assert_eq!(
        sitemap.matches("<url>").count(),
        expected,
        "every page but the search views"
    );
    assert!(!sitemap.contains("/search"));
    assert!(app
        .read("robots.txt")
        .ends_with("Sitemap: https://www.example.gov/sitemap.xml\n"));
    // The shell links to each language's listing for readers without JavaScript.
    let shell = app.read("index.html");
    for (lang, _, _) in app.languages() {
        assert!(shell.contains(&format!(r#"<a href="/{lang}/" lang="{lang}""#)));
    }
    assert!(
        !shell.contains("data-np-prerendered"),
        "the shell stays the app's shell"
    );
    assert_eq!(app.read("404.html"), shell, "404.html stays a copy of index.html");
}

#[test]
fn a_second_run_writes_the_same_files() {
    let app = App::new("/", "api/");
    let options = app.options(Some("https://www.example.gov"));
    run(&options).unwrap();
    let first = app.files();
    let report = run(&options).unwrap();
    assert!(report.removed.is_empty());
    assert_eq!(app.files(), first);
}

#[test]
fn under_a_path_every_file_and_link_is_below_it() {
    let app = App::new("/portal/news/", "api/");
    let report = run(&app.options(Some("https://www.example.gov/"))).unwrap();
    assert!(report.skipped.is_empty());
    let (lang, slugs, _) = app.languages().remove(0);
    let page = app.read(&format!("{lang}/news/{}.html", slugs[0]));
    assert!(page.contains(&format!(r#"<a href="/portal/news/{lang}/" class="brand">"#)));
    assert!(page.contains(&format!(
        r#"<meta property="og:url" content="https://www.example.gov/portal/news/{lang}/news/{}""#,
        slugs[0]
    )));
    assert!(
        page.contains(r#"src="./api/img/"#),
        "photos are relative to BASE, whatever the origin"
    );
    let image = meta(&page, "og:image").unwrap();
    assert!(
        image.starts_with("https://www.example.gov/portal/news/"),
        "{image}"
    );
    assert!(app
        .read("sitemap.xml")
        .contains("<loc>https://www.example.gov/portal/news/"));
}

/// The `content` of the first `<meta property="{property}">` of `page`.
fn meta<'a>(page: &'a str, property: &str) -> Option<&'a str> {
    let tag = format!(r#"<meta property="{property}" content=""#);
    let start = page.find(&tag)? + tag.len();
    Some(&page[start..start + page[start..].find('"')?])
}

#[test]
fn bodies_name_no_origin_and_every_preview_is_a_raster_file_of_its_size() {
    let origin = "https://www.example.gov";
    let app = App::new("/", "api/");
    let report = run(&app.options(Some(origin))).unwrap();
    assert!(report.previews.0 > 0, "{report:?}");
    let file_of = |url: &str| {
        let path = url
            .strip_prefix(&format!("{origin}/"))
            .unwrap_or_else(|| panic!("{url} under the origin"));
        app.dir.join(path)
    };
    for (lang, slugs, _) in app.languages() {
        for slug in slugs {
            let name = format!("{lang}/news/{slug}.html");
            let page = app.read(&name);
            let body = &page[page.find("data-np-prerendered>").unwrap()..];
            // Only the share links and the printed address name it: they are
            // for other sites and paper, where the page's own URL is the one.
            let end = body
                .find(r#"<div class="article__end">"#)
                .unwrap_or_else(|| panic!("{name}: its end"));
            let after = end + body[end..].find("</div>").unwrap();
            assert!(
                !body[..end].contains(origin) && !body[after..].contains(origin),
                "{name}: the body names the origin"
            );
            assert!(body[end..after].contains(&format!(
                r#"<p class="article__address" data-url="{origin}/{lang}/news/"#
            )));
            let image = meta(&page, "og:image").unwrap_or_else(|| panic!("{name}: an og:image"));
            let (width, height) = image::image_dimensions(file_of(image)).unwrap();
            let told = |property| meta(&page, property).and_then(|value| value.parse::<u32>().ok());
            assert_eq!(
                (told("og:image:width"), told("og:image:height")),
                (Some(width), Some(height)),
                "{name}"
            );
            assert!(
                !image.ends_with(".svg") && !image.ends_with(".webp"),
                "{name}: {image}"
            );
            let ld = &page[page.find("application/ld+json").unwrap()..];
            let ld: Value =
                serde_json::from_str(&ld[ld.find('>').unwrap() + 1..ld.find("</script>").unwrap()]).unwrap();
            for image in ld["image"].as_array().into_iter().flatten() {
                image::image_dimensions(file_of(image.as_str().unwrap())).unwrap();
            }
            let logo = &ld["publisher"]["logo"];
            let size = image::image_dimensions(file_of(logo["url"].as_str().unwrap())).unwrap();
            assert_eq!(
                (logo["width"].as_u64(), logo["height"].as_u64()),
                (Some(size.0 as u64), Some(size.1 as u64))
            );
            assert_eq!(ld["author"]["@type"], "Organization", "{name}");
            assert!(ld["dateModified"].is_string(), "{name}");
        }
    }
}

#[test]
fn feeds_carry_whole_articles_in_the_agencys_day_with_ids_that_outlive_the_origin() {
    let settings = |app: &App| news_publish::settings::SiteSettings::from_json(&app.read("api/site.json"));
    let staging = App::new("/", "api/");
    let zone = settings(&staging).zone().unwrap();
    run(&staging.options(Some("https://staging.example.gov"))).unwrap();
    let production = App::new("/", "api/");
    run(&production.options(Some("https://www.example.gov"))).unwrap();
    for (lang, _, _) in staging.languages() {
        let read = |app: &App| {
            let text = app.read(&format!("{lang}/feed.xml"));
            atom_syndication::Feed::read_from(text.as_bytes()).unwrap()
        };
        let (feed, moved) = (read(&staging), read(&production));
        let ids = |feed: &atom_syndication::Feed| {
            feed.entries()
                .iter()
                .map(|e| e.id().to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&feed), ids(&moved), "{lang}: the same ids on another origin");
        assert_eq!(feed.id(), moved.id());
        assert!(!feed.entries().is_empty());
        for entry in feed.entries() {
            assert!(entry.id().starts_with("tag:"), "{}", entry.id());
            let slug = entry.links()[0].href().rsplit('/').next().unwrap();
            let article = staging.json(&format!("{lang}/news/{slug}.json"));
            // The whole text, sanitized, URLs absolute: the photo first when there is one.
            let content = entry.content().and_then(|c| c.value()).unwrap();
            assert_eq!(entry.content().unwrap().content_type(), Some("html"));
            let first_words: String = article["body_html"]
                .as_str()
                .unwrap()
                .split("<p>")
                .nth(1)
                .unwrap()
                .chars()
                .take(30)
                .collect();
            assert!(
                content.contains(first_words.split('<').next().unwrap()),
                "{slug}: {content}"
            );
            if article["photo"].is_object() {
                assert!(
                    content.starts_with(r#"<figure><img src="https://staging.example.gov/"#),
                    "{slug}"
                );
            }
            assert!(
                !content.contains("prerender.invalid") && !content.contains("src=\"./"),
                "{slug}"
            );
            // A date-only date is that day's start in the agency's zone.
            let published = article["published"].as_str().unwrap();
            let entry_published = entry.published().unwrap();
            if published.len() == 10 {
                let expected = news_publish::settings::start_of_day(published, &zone).unwrap();
                assert_eq!(entry_published.to_rfc3339(), expected, "{slug}");
            } else {
                assert_eq!(
                    entry_published.timestamp(),
                    atom_syndication::FixedDateTime::parse_from_rfc3339(published)
                        .unwrap()
                        .timestamp()
                );
            }
        }
    }
}

#[test]
fn without_an_origin_absolute_urls_are_left_out_and_it_says_so() {
    let app = App::new("/", "api/");
    let report = run(&app.options(None)).unwrap();
    assert!(report.notes.iter().any(|note| note.contains("--origin")));
    assert!(
        report.files.is_empty(),
        "no sitemap, no feeds: {:?}",
        report.files
    );
    let files = app.files();
    assert!(!files.contains_key("sitemap.xml"));
    for (name, bytes) in &files {
        let text = String::from_utf8_lossy(bytes);
        assert!(
            !text.contains("prerender.invalid"),
            "{name}: a placeholder origin is left"
        );
        assert!(
            !text.contains("og:url") && !text.contains("rel=\"canonical\""),
            "{name}"
        );
    }
    let (lang, slugs, _) = app.languages().remove(0);
    let page = app.read(&format!("{lang}/news/{}.html", slugs[0]));
    assert!(page.contains(r#"src="./api/img/"#), "photos relative to BASE");
    assert!(
        !page.contains("og:image"),
        "a preview bot has no page to resolve a path against"
    );
}

#[test]
fn a_broken_document_is_reported_and_its_route_left_to_the_app() {
    let app = App::new("/", "api/");
    let (lang, slugs, _) = app.languages().remove(0);
    let broken = format!("{lang}/news/{}.json", slugs[1]);
    fs::write(app.dir.join("api").join(&broken), "{ not json").unwrap();
    fs::remove_file(app.dir.join("api").join(format!("{lang}/pages/privacy.json"))).unwrap();
    let report = run(&app.options(None)).unwrap();
    let skipped: Vec<(&str, &str)> = report
        .skipped
        .iter()
        .map(|skipped| (skipped.path.as_str(), skipped.reason.as_str()))
        .collect();
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    assert!(skipped
        .iter()
        .any(|(path, reason)| *path == broken && !reason.is_empty()));
    assert!(skipped.contains(&(&format!("{lang}/pages/privacy.json"), "no such file")));
    assert!(!app.dir.join(format!("{lang}/news/{}.html", slugs[1])).exists());
    assert!(app.dir.join(format!("{lang}/news/{}.html", slugs[0])).exists());
}

#[test]
fn an_article_taken_down_loses_its_page_on_the_next_run() {
    let app = App::new("/", "api/");
    run(&app.options(None)).unwrap();
    let (lang, slugs, _) = app.languages().remove(0);
    let gone = &slugs[0];
    let listing_path = app.dir.join("api").join(format!("{lang}/news/page-1.json"));
    let mut listing = app.json(&format!("{lang}/news/page-1.json"));
    listing["items"].as_array_mut().unwrap().remove(0);
    fs::write(&listing_path, listing.to_string()).unwrap();
    let report = run(&app.options(None)).unwrap();
    assert_eq!(report.removed, [format!("{lang}/news/{gone}.html")]);
    assert!(!app.dir.join(format!("{lang}/news/{gone}.html")).exists());
}

#[test]
fn it_cannot_work_without_the_shell_or_the_data() {
    let app = App::new("/", "api/");
    fs::remove_dir_all(app.dir.join("api")).unwrap();
    assert!(matches!(run(&app.options(None)), Err(Fatal::Read(..))));
    let empty = App::new("/", "api/");
    fs::remove_file(empty.dir.join("index.html")).unwrap();
    assert!(matches!(run(&empty.options(None)), Err(Fatal::Read(..))));
}

#[test]
fn data_on_another_origin_needs_its_folder() {
    let app = App::new("/", "https://cdn.example.org/news-api/");
    let error = run(&app.options(None)).unwrap_err();
    assert!(error.to_string().contains("--api"), "{error}");
    let options = Options {
        api: Some(app.dir.join("api")),
        ..app.options(None)
    };
    let report = run(&options).unwrap();
    assert!(report.skipped.is_empty());
    let (lang, slugs, _) = app.languages().remove(0);
    let page = app.read(&format!("{lang}/news/{}.html", slugs[0]));
    assert!(
        page.contains(r#"src="https://cdn.example.org/news-api/img/"#),
        "photos from the data's origin"
    );
}

#[test]
fn every_tag_has_its_pages_and_feed_and_optional_pages_are_written_where_they_are() {
    let origin = "https://www.example.gov";
    let app = App::new("/", "api/");
    // As the publish step says before it prerenders with an origin: the site has feeds.
    news_publish::derive::announce_feeds(&app.dir.join("api"), true).unwrap();
    let report = run(&app.options(Some(origin))).unwrap();
    let sitemap = app.read("sitemap.xml");
    let mut tags_seen = 0;
    for (lang, slugs, _) in app.languages() {
        // Each tag of the language's articles, by its URL form, with the articles that have it.
        let mut tagged: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for slug in &slugs {
            let article = app.json(&format!("{lang}/news/{slug}.json"));
            for tag in article["tags"].as_array().into_iter().flatten() {
                let key = news_portal::core::slug::tag_key(tag.as_str().unwrap()).unwrap();
                tagged.entry(key).or_default().push(slug.clone());
            }
        }
        assert!(report.written.get(&(lang.clone(), "tag")).copied().unwrap_or(0) >= tagged.len());
        for (key, with_tag) in &tagged {
            tags_seen += 1;
            // Page 1 lists the newest of them, in the listing's order; every page is there.
            let page = app.read(&format!("{lang}/tags/{key}/index.html"));
            let first = &with_tag[0];
            let link = format!(
                r#"href="/{lang}/news/{}""#,
                news_portal::core::slug::encode_segment(first)
            );
            assert!(page.contains(&link), "{lang}/tags/{key}: lists {first}");
            let url = format!(
                "{origin}/{lang}/tags/{}/",
                news_portal::core::slug::encode_segment(key)
            );
            assert!(
                sitemap.contains(&format!("<loc>{url}</loc>")),
                "{url} in the sitemap"
            );
            // Its feed: named in the page's head and in its body, with the newest first.
            let feed_path = format!("{lang}/tags/{key}/feed.xml");
            let feed = atom_syndication::Feed::read_from(app.read(&feed_path).as_bytes()).unwrap();
            assert_eq!(feed.entries().len(), with_tag.len().min(20), "{feed_path}");
            assert!(feed.entries()[0].links()[0].href().ends_with(&format!(
                "/{lang}/news/{}",
                news_portal::core::slug::encode_segment(first)
            )));
            let feed_href = format!(
                "/{lang}/tags/{}/feed.xml",
                news_portal::core::slug::encode_segment(key)
            );
            assert!(
                page.contains(&format!(r#"type="application/atom+xml" href="{feed_href}""#)),
                "{feed_path} in the head"
            );
            assert!(
                page.contains(&format!(r#"<a href="{feed_href}""#)),
                "{feed_path} in the body"
            );
        }
        // Related news: at most three, of the same language, each sharing a tag.
        for slug in &slugs {
            let article = app.json(&format!("{lang}/news/{slug}.json"));
            let tags: Vec<&str> = article["tags"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            let related = article["related"].as_array().cloned().unwrap_or_default();
            assert!(related.len() <= 3);
            for other in &related {
                let other = app.json(&format!("{lang}/news/{}.json", other["slug"].as_str().unwrap()));
                let shares = other["tags"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                    .any(|t| tags.contains(&t));
                assert!(shares, "{lang}/{slug}: related {} shares a tag", other["slug"]);
            }
        }
        // The accessibility statement: a page, linked and in the sitemap, when the language has one.
        let has = app.json(&format!("{lang}/site.json"))["has"].clone();
        let listed = has
            .as_array()
            .into_iter()
            .flatten()
            .any(|entry| entry == "accessibility");
        assert_eq!(
            listed,
            app.dir
                .join(format!("api/{lang}/pages/accessibility.json"))
                .is_file()
        );
        if listed {
            let page = app.read(&format!("{lang}/accessibility.html"));
            assert!(page.contains(r#"<h1 id="page-heading""#));
            assert!(sitemap.contains(&format!("<loc>{origin}/{lang}/accessibility</loc>")));
            let listing = app.read(&format!("{lang}/index.html"));
            assert!(
                listing.contains(&format!(r#"href="/{lang}/accessibility""#)),
                "{lang}: the footer links to it"
            );
        }
    }
    assert!(tags_seen > 0, "the sample has tags");
}
