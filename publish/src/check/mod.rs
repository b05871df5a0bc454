//! `scripts/check-api API_DIR`: a whole API tree checked as the app would read
//! it, before it goes live. Every problem is a [`Finding`] naming the file, the
//! place in it (a JSON path, or a line of `body_html`) and what a reader would
//! meet, in a sentence. Errors break something for readers (a document the
//! app cannot show, a listed article with no file, a photo that is not
//! there); warnings are what the app works around (a malformed optional part
//! it drops, HTML the sanitizer removes, a size that differs from the file's).
//!
//! Documents are decoded by the app's own functions (`core::decode`), so the
//! check never disagrees with the app about what loads; the optional parts the
//! app drops silently are decoded once more on their own to say which.

pub mod body;

use crate::files::{self, tree_file, Outside};
use crate::images::{image_size, Size, SizeError};
use news_portal::core::dates::CalendarDate;
use news_portal::core::decode::{
    decode_article, decode_legal_document, decode_listing, decode_site_index, decode_site_info,
};
use news_portal::core::model::{Logo, Photo};
use news_portal::core::routes::{BasePath, Document, Legal, Route};
use news_portal::core::slug::{is_valid_lang, is_valid_slug};
use news_portal::core::urls::{media_url, scheme};
use news_portal::ssr::resolver;
use percent_encoding::percent_decode_str;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Readers would meet a broken page, a missing article or photo: stop publishing.
    Error,
    /// The app works around it, but the publisher should fix it.
    Warning,
}

/// One problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    /// The file, below the API folder (`en/news/page-2.json`).
    pub file: String,
    /// Where in it: a JSON path (`items[3].photo`) or `body_html line 12`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    pub message: String,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match &self.at {
            Some(at) => write!(f, "{severity}: {}: {at}: {}", self.file, self.message),
            None => write!(f, "{severity}: {}: {}", self.file, self.message),
        }
    }
}

/// Where the tree will be published, for links in `body_html` that point to
/// the site's own articles.
#[derive(Debug, Clone)]
pub struct Options {
    /// The app's `BASE` (default `/`); the API is taken to be at `BASE api/`.
    pub base: BasePath,
    /// The site's origin (`https://www.example.gov`): absolute links to it are the site's own.
    pub origin: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            base: BasePath::new("/"),
            origin: None,
        }
    }
}

/// What a check found.
#[derive(Debug, Default)]
pub struct Report {
    pub findings: Vec<Finding>,
    /// How many JSON documents were read.
    pub documents: usize,
}

impl Report {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == severity).count()
    }

    /// Prints the findings and a summary line, as the command's output. A
    /// message that many files share (a whole archive's photos without
    /// variants) is printed for the first few files and then counted; `--json`
    /// lists every one.
    pub fn print(&self, elapsed: f64) {
        const SHOWN: usize = 3;
        /// A finding without its file: what many files can share.
        type Kind = (Severity, Option<String>, String);
        let key =
            |finding: &Finding| -> Kind { (finding.severity, finding.at.clone(), finding.message.clone()) };
        let mut seen: HashMap<Kind, usize> = HashMap::new();
        for finding in &self.findings {
            let count = seen.entry(key(finding)).or_default();
            *count += 1;
            if *count <= SHOWN {
                println!("{finding}");
            }
        }
        let mut more: Vec<(&Kind, &usize)> = seen.iter().filter(|(_, count)| **count > SHOWN).collect();
        more.sort();
        for ((severity, at, message), count) in more {
            let severity = if *severity == Severity::Error {
                "error"
            } else {
                "warning"
            };
            let at = at.as_ref().map_or(String::new(), |at| format!("{at}: "));
            println!("{severity}: … and {} more files: {at}{message}", count - SHOWN);
        }
        println!(
            "checked {} documents in {elapsed:.2} s: {} error(s), {} warning(s)",
            self.documents,
            self.count(Severity::Error),
            self.count(Severity::Warning)
        );
    }
}

/// The origin the tree is checked under: URLs in it resolve as if it were
/// published at `SITE BASE api/`.
const SITE: &str = "https://site.invalid";

/// The URL the tree's root is taken to have, for resolving the references in
/// its documents (by the app's rules) to its files.
pub fn tree_url(base: &BasePath) -> String {
    format!("{SITE}{}api/", base.as_str())
}

/// The largest document read: 16 MiB. A phone would wait long for a larger
/// one, and the check holds several copies of each document it reads.
pub const MAX_DOCUMENT_BYTES: u64 = 16 << 20;

/// The size of the image in `path`; a JPEG, PNG or WebP is also read whole
/// and walked as `photos::strip` walks it, so that one cut short (whose header
/// alone is fine) is found here too, not only when it is published.
fn measure(path: &Path) -> Result<Size, SizeError> {
    // Walked first: the walk bounds what the decoder's header reading unpacks.
    if crate::photos::is_raster(path) {
        let bytes = crate::photos::read_original(path).map_err(|error| SizeError::Read(error.to_string()))?;
        crate::photos::strip::strip(&bytes).map_err(|error| SizeError::Read(error.to_string()))?;
    }
    image_size(path)
}

/// Why the file at `path` must not be published on the site's origin, if it
/// must not: a page browsers would run as the site (HTML, XHTML, compressed
/// SVG, XSLT, XML: refused whatever they hold), or an SVG holding what
/// would run (`images::svg_danger`). An article's photo in `<img>` is inert;
/// the same file opened at its own address is not.
pub fn active_file(path: &Path) -> Option<String> {
    const PAGES: [&str; 11] = [
        "html", "htm", "xhtml", "xht", "shtml", "mht", "mhtml", "svgz", "xsl", "xslt", "xml",
    ];
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    if PAGES.contains(&ext.as_str()) {
        return Some(format!(
            "a .{ext} file: browsers would run it as a page of the site"
        ));
    }
    if ext != "svg" {
        return None;
    }
    let bytes = std::fs::read(path).ok()?;
    crate::images::svg_danger(&bytes)
        .map(|danger| format!("it holds {danger}: opened at its own address, it would run as the site"))
}

/// Checks the tree in `dir`. `Err` only when there is no such folder, or when
/// it holds what `files::refused` names: then nothing in it is read.
pub fn check(dir: &Path, options: &Options) -> Result<Report, String> {
    if !dir.is_dir() {
        return Err(format!("{} is not a folder", dir.display()));
    }
    let refused = files::refused(dir).map_err(|error| format!("{}: {error}", dir.display()))?;
    if !refused.is_empty() {
        return Err(files::refused_message(&dir.display().to_string(), &refused));
    }
    let mut checker = Checker {
        dir: dir.to_path_buf(),
        api_url: tree_url(&options.base),
        options: options.clone(),
        report: Report::default(),
        sizes: HashMap::new(),
        articles: HashMap::new(),
        pages: HashMap::new(),
        links: Vec::new(),
    };
    checker.run();
    let mut report = checker.report;
    // By file, errors first, otherwise in the order they were made.
    report
        .findings
        .sort_by(|a, b| (&a.file, a.severity).cmp(&(&b.file, b.severity)));
    Ok(report)
}

/// A document that decoded: its file, URL, the app's value and the plain JSON.
struct Loaded<T> {
    file: String,
    url: String,
    decoded: T,
    value: Value,
}

/// What readers meet when an article or page does not decode.
const COULD_NOT_LOAD: &str = "readers see \"Could not load this page\"";

/// An article as far as other documents need it: its translations.
struct ArticleFacts {
    translations: Vec<(String, String)>,
}

struct Checker {
    dir: PathBuf,
    api_url: String,
    options: Options,
    report: Report,
    /// Image sizes by file: the languages share their photos.
    sizes: HashMap<PathBuf, Result<Size, SizeError>>,
    /// Every article that decodes, by (language, slug).
    articles: HashMap<(String, String), ArticleFacts>,
    /// The number of listing pages of each language.
    pages: HashMap<String, u32>,
    /// Links in bodies, checked once every article is known: (file, line, URL).
    links: Vec<(String, u64, String)>,
}

impl Checker {
    fn error(&mut self, file: &str, at: Option<String>, message: String) {
        self.finding(Severity::Error, file, at, message);
    }

    fn warning(&mut self, file: &str, at: Option<String>, message: String) {
        self.finding(Severity::Warning, file, at, message);
    }

    fn finding(&mut self, severity: Severity, file: &str, at: Option<String>, message: String) {
        self.report.findings.push(Finding {
            severity,
            file: file.to_string(),
            at,
            message,
        });
    }

    /// The text of `document`; `None` (with an error unless `missing` is
    /// `None`) when it cannot be read. `missing` says why the file must exist.
    fn read(&mut self, document: &Document, missing: Option<&str>) -> Option<(String, String, String)> {
        let path = document.path()?;
        let file = percent_decode_str(&path).decode_utf8_lossy().into_owned();
        let size = std::fs::metadata(self.dir.join(&file)).map_or(0, |m| m.len());
        if size > MAX_DOCUMENT_BYTES {
            let message = format!(
                "it is {} MB; a document may be at most {} MB (readers on phones would wait for it): not read",
                size / 1_000_000,
                MAX_DOCUMENT_BYTES / 1_000_000
            );
            self.error(&file, None, message);
            return None;
        }
        match std::fs::read(self.dir.join(&file)) {
            Ok(bytes) => {
                self.report.documents += 1;
                let text = match String::from_utf8(bytes) {
                    Ok(text) => text,
                    Err(error) => {
                        self.error(
                            &file,
                            None,
                            "the file is not UTF-8: readers see � in its place".into(),
                        );
                        String::from_utf8_lossy(error.as_bytes()).into_owned()
                    }
                };
                let url = format!("{}{path}", self.api_url);
                Some((file, url, text))
            }
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                if let Some(why) = missing {
                    self.error(&file, None, format!("missing: {why}"));
                }
                None
            }
            Err(error) => {
                self.error(&file, None, format!("cannot be read: {error}"));
                None
            }
        }
    }

    /// Reads `document` and decodes it as the app does (`decode` gets its
    /// text and URL), and as plain JSON for the details; an error saying what
    /// readers meet (`consequence`) when the app could not show it.
    fn load<T>(
        &mut self,
        document: &Document,
        missing: Option<&str>,
        decode: impl FnOnce(&str, &str) -> Result<T, news_portal::core::error::ApiError>,
        consequence: &str,
    ) -> Option<Loaded<T>> {
        let (file, url, text) = self.read(document, missing)?;
        match decode(&text, &url) {
            Ok(decoded) => {
                let value = serde_json::from_str::<Value>(&text).ok()?;
                Some(Loaded {
                    file,
                    url,
                    decoded,
                    value,
                })
            }
            Err(error) => {
                self.error(&file, None, format!("{error}: {consequence}"));
                None
            }
        }
    }

    fn run(&mut self) {
        let Some((file, _, text)) = self.read(
            &Document::SiteIndex,
            Some("it lists the site's languages; without it the app cannot start"),
        ) else {
            return;
        };
        let index = match decode_site_index(&text) {
            Ok(index) => index,
            Err(error) => {
                self.error(&file, None, format!("{error}: the app cannot start"));
                return;
            }
        };
        self.site_index_details(&file, &text, &index.default_language);
        let languages: Vec<String> = index.languages.iter().map(|l| l.code.clone()).collect();
        self.unlisted_folders(&languages);
        for lang in &languages {
            self.language(lang);
        }
        self.translations(&languages);
        self.body_links();
        self.active_files();
    }

    /// Every file of the tree that would run as the site (`active_file`),
    /// referenced or not: all of them are published.
    fn active_files(&mut self) {
        let mut found = Vec::new();
        let _ = files::walk(&self.dir, |below, entry, kind| {
            if let Some(why) = kind.is_file().then(|| active_file(&entry.path())).flatten() {
                found.push((files::slashed(below), why));
            }
            Ok(kind.is_dir())
        });
        found.sort();
        for (file, why) in found {
            self.error(&file, None, format!("{why}; remove it"));
        }
    }

    /// What `decode_site_index` passes over: entries it drops, a default it replaces.
    fn site_index_details(&mut self, file: &str, text: &str, default: &str) {
        let Ok(value) = serde_json::from_str::<Value>(text) else {
            return;
        };
        let mut seen = BTreeSet::new();
        for (i, entry) in value["languages"].as_array().into_iter().flatten().enumerate() {
            let code = entry["code"].as_str().unwrap_or_default();
            let at = Some(format!("languages[{i}]"));
            if !is_valid_lang(code) {
                self.error(file, at, format!("{code:?} is not a language code like \"az\" or \"az-Latn\": the app leaves this language out"));
            } else if entry["name"].as_str().is_none_or(|name| name.trim().is_empty()) {
                self.error(
                    file,
                    at,
                    format!("{code} has no `name` to show in the language switcher: the app leaves it out"),
                );
            } else if !seen.insert(code.to_string()) {
                self.error(file, at, format!("{code} is listed twice"));
            }
        }
        if value["default_language"].as_str() != Some(default) {
            self.warning(
                file,
                Some("default_language".into()),
                format!(
                    "{} is not one of `languages`: the app opens {default} instead",
                    value["default_language"]
                ),
            );
        }
    }

    /// Language folders that `site.json` does not list.
    fn unlisted_folders(&mut self, languages: &[String]) {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        let mut folders: Vec<String> = entries
            .flatten()
            .filter(|entry| {
                entry.path().join("news/page-1.json").is_file() || entry.path().join("site.json").is_file()
            })
            .filter_map(|entry| entry.file_name().into_string().ok())
            .filter(|name| !languages.contains(name))
            .collect();
        folders.sort();
        for folder in folders {
            self.warning(
                &format!("{folder}/"),
                None,
                "holds news, but site.json does not list this language: readers never see it".into(),
            );
        }
    }

    fn language(&mut self, lang: &str) {
        self.site_info(lang);
        let listed = self.listing(lang);
        self.articles_of(lang, &listed);
        for legal in [Legal::Terms, Legal::Privacy] {
            self.legal(lang, legal);
        }
    }

    fn site_info(&mut self, lang: &str) {
        let document = Document::SiteInfo { lang: lang.into() };
        let why = "it names the agency in the header of every page of this language";
        let decode = |text: &str, url: &str| decode_site_info(text, &resolver(url));
        let consequence = "no page of this language can be shown";
        let Some(Loaded { file, url, value, .. }) = self.load(&document, Some(why), decode, consequence)
        else {
            return;
        };
        self.optional::<i32>(&file, &value, "copyright_year", "");
        if let Some(logo) = self.optional::<Logo>(&file, &value, "logo", "") {
            let photo = Photo {
                src: logo.src,
                alt: logo.alt,
                width: None,
                height: None,
                caption: None,
                credit: None,
                sources: Vec::new(),
            };
            self.image(&file, &url, "logo", &photo, false);
        }
    }

    /// The listing pages of `lang`: each page, their agreement with each other,
    /// and every item. Returns the listed slugs with where they are listed.
    fn listing(&mut self, lang: &str) -> BTreeMap<String, (String, String)> {
        let mut listed = BTreeMap::new();
        let news = self.dir.join(lang).join("news");
        let mut numbers: BTreeSet<u32> = std::fs::read_dir(&news)
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|entry| entry.file_name().into_string().ok())
            .filter_map(|name| name.strip_prefix("page-")?.strip_suffix(".json")?.parse().ok())
            .filter(|&n: &u32| n >= 1)
            .collect();
        numbers.insert(1);
        // Each page's `total_pages`, `total_items` and `per_page`, compared once all are read.
        let mut seen: BTreeMap<&str, Vec<(String, u64)>> = BTreeMap::new();
        let mut items_on = BTreeMap::new();
        let mut newest_after: Option<(CalendarDate, String)> = None;
        for &n in &numbers {
            let document = Document::NewsPage {
                lang: lang.into(),
                page: n,
            };
            let why = (n == 1).then_some("the listing of this language starts here");
            let decode = |text: &str, url: &str| decode_listing(text, &resolver(url));
            let consequence = "readers of this page see \"Could not load\"";
            let Some(Loaded { file, url, value, .. }) = self.load(&document, why, decode, consequence) else {
                continue;
            };
            match value["page"].as_u64() {
                Some(page) if page != u64::from(n) => self.error(
                    &file,
                    Some("page".into()),
                    format!("says page {page}, but the file is page {n}"),
                ),
                None => self.warning(&file, Some("page".into()), format!("missing: it should be {n}")),
                _ => {}
            }
            for field in ["total_pages", "total_items", "per_page"] {
                match value[field].as_u64() {
                    Some(number) => seen.entry(field).or_default().push((file.clone(), number)),
                    None if field == "total_pages" => {}
                    None => self.warning(&file, Some(field.into()), "missing".into()),
                }
            }
            let items = value["items"].as_array().cloned().unwrap_or_default();
            items_on.insert(n, (file.clone(), items.len() as u64));
            for (i, item) in items.iter().enumerate() {
                let at = format!("items[{i}]");
                let Some((slug, date)) = self.summary(&file, &url, &at, item) else {
                    continue;
                };
                if let Some(date) = date {
                    if let Some((newer, where_)) = &newest_after {
                        if date > *newer {
                            let message = format!(
                                "published after {where_}, which comes before it: listings go newest first"
                            );
                            self.warning(&file, Some(at.clone()), message);
                        }
                    }
                    newest_after = Some((date, format!("{file} {at}")));
                }
                if let Some((other, other_at)) = listed.get(&slug) {
                    let message = format!("`{slug}` is listed again (first in {other} {other_at})");
                    self.warning(&file, Some(at), message);
                } else {
                    listed.insert(slug, (file.clone(), at));
                }
            }
        }
        // The value most pages agree on (the earliest page's on a tie) is taken
        // as meant; a page that says otherwise is the one to fix.
        let mut first: BTreeMap<&str, (String, u64)> = BTreeMap::new();
        for (field, values) in &seen {
            let count = |value: u64| values.iter().filter(|(_, v)| *v == value).count();
            let Some(&(_, meant)) = values.iter().rev().max_by_key(|(_, v)| count(*v)) else {
                continue;
            };
            let Some((file, meant)) = values.iter().find(|(_, v)| *v == meant) else {
                continue;
            };
            for (other, value) in values {
                if value != meant {
                    let message = format!("{value} here, but {meant} in {file}");
                    self.error(other, Some(field.to_string()), message);
                }
            }
            first.insert(field, (file.clone(), *meant));
        }
        if let Some((_, per_page)) = first.get("per_page") {
            for (file, count) in items_on.values() {
                if count > per_page {
                    let message = format!("{count} items, more than `per_page` ({per_page})");
                    self.error(&file.clone(), Some("items".into()), message);
                }
            }
        }
        let total_pages = first.get("total_pages").map_or(1, |(_, n)| *n as u32);
        let page_1 = format!("{lang}/news/page-1.json");
        for n in 1..=total_pages {
            if n > 1 && !numbers.contains(&n) {
                let message = format!("missing: {page_1} says there are {total_pages} pages");
                self.error(&format!("{lang}/news/page-{n}.json"), None, message);
            }
        }
        for (&n, (file, count)) in &items_on {
            if n > total_pages {
                let message = format!("page {n} is past `total_pages` ({total_pages}): no link leads to it");
                self.warning(&file.clone(), None, message);
            } else if n < total_pages {
                if let Some((_, per_page)) = first.get("per_page") {
                    if count < per_page {
                        let message = format!("{count} items, but only the last page may have fewer than `per_page` ({per_page})");
                        self.warning(&file.clone(), Some("items".into()), message);
                    }
                }
            }
        }
        if let Some((file, total_items)) = first.get("total_items") {
            let held: u64 = items_on
                .iter()
                .filter(|(&n, _)| n <= total_pages)
                .map(|(_, (_, count))| count)
                .sum();
            if *total_items != held {
                let message = format!("{total_items}, but the pages hold {held} items");
                self.error(&file.clone(), Some("total_items".into()), message);
            }
        }
        self.pages.insert(lang.to_string(), total_pages);
        listed
    }

    /// One listing item: what would make the app skip it, and its optional
    /// parts. Returns its slug and date when the app shows it.
    fn summary(
        &mut self,
        file: &str,
        url: &str,
        at: &str,
        item: &Value,
    ) -> Option<(String, Option<CalendarDate>)> {
        let here = Some(at.to_string());
        let mut missing = Vec::new();
        for field in ["slug", "title", "published"] {
            if item[field].as_str().is_none_or(|text| text.trim().is_empty()) {
                missing.push(format!("`{field}`"));
            }
        }
        if !missing.is_empty() {
            let message = format!("no {}: the app skips this item", missing.join(", "));
            self.error(file, here, message);
            return None;
        }
        let slug = item["slug"].as_str().unwrap_or_default().to_string();
        if !is_valid_slug(&slug) {
            let message = format!("the slug {slug:?} is not one URL path segment (no `/`, `?`, `#`, `%`, spaces, `..`; at most 200 characters): the app skips this item");
            self.error(file, here, message);
            return None;
        }
        let date = self.date(file, &format!("{at}.published"), item["published"].as_str());
        self.optional::<String>(file, item, "summary", at);
        self.optional::<Vec<String>>(file, item, "tags", at);
        self.translations_shape(file, item, at);
        if let Some(photo) = self.optional::<Photo>(file, item, "photo", at) {
            self.image(file, url, &format!("{at}.photo"), &photo, true);
            self.sources(file, url, &format!("{at}.photo"), &photo);
        }
        Some((slug, date))
    }

    /// A date the app shows: an error if it is not one.
    fn date(&mut self, file: &str, at: &str, text: Option<&str>) -> Option<CalendarDate> {
        let text = text?;
        let date = CalendarDate::parse(text);
        if date.is_none() {
            let message = format!("{text:?} is not a date (2024-05-14 or 2024-05-14T10:30:00+04:00): readers see the text as written");
            self.error(file, Some(at.into()), message);
        }
        date
    }

    /// An optional part decoded on its own, as the app would: `None` when it is
    /// absent, null, or of the wrong shape (a warning says the app drops it).
    fn optional<T: DeserializeOwned>(
        &mut self,
        file: &str,
        value: &Value,
        field: &str,
        at: &str,
    ) -> Option<T> {
        let part = value.get(field).filter(|part| !part.is_null())?;
        // From text, as the app decodes: the lenient parts read raw JSON text.
        match serde_json::from_str::<T>(&part.to_string()) {
            Ok(decoded) => Some(decoded),
            Err(error) => {
                let at = if at.is_empty() {
                    field.to_string()
                } else {
                    format!("{at}.{field}")
                };
                self.warning(
                    file,
                    Some(at),
                    format!("{}: the app leaves it out", part_error(&error)),
                );
                None
            }
        }
    }

    /// Entries of `translations` the app ignores.
    fn translations_shape(&mut self, file: &str, value: &Value, at: &str) {
        let Some(translations) = value.get("translations").filter(|t| !t.is_null()) else {
            return;
        };
        let path = if at.is_empty() {
            "translations".to_string()
        } else {
            format!("{at}.translations")
        };
        let Some(map) = translations.as_object() else {
            self.warning(
                file,
                Some(path),
                "not an object of language: slug: the app ignores it".into(),
            );
            return;
        };
        for (lang, slug) in map {
            let usable = is_valid_lang(lang) && slug.as_str().is_some_and(is_valid_slug);
            if !usable {
                self.warning(
                    file,
                    Some(format!("{path}.{lang}")),
                    format!("{slug} is not a language code with a slug: the app ignores it"),
                );
            }
        }
    }

    /// A photo or logo: its address, its file and the file's real size, its alt text.
    fn image(&mut self, file: &str, url: &str, at: &str, photo: &Photo, sized: bool) {
        let here = Some(at.to_string());
        if photo.alt.trim().is_empty() {
            let message = "no `alt` text: screen readers cannot say what it shows".into();
            self.warning(file, here.clone(), message);
        }
        let resolve = resolver(url);
        let Some(absolute) = media_url(&photo.src, &resolve) else {
            let message = format!(
                "`src` {:?} is not an http(s) address: the app shows no photo",
                photo.src
            );
            self.error(file, here, message);
            return;
        };
        if sized && (photo.width.is_none() || photo.height.is_none()) {
            let message = "no `width` and `height`: the page shifts when the photo arrives".into();
            self.warning(file, here.clone(), message);
        }
        if scheme(photo.src.trim()).is_some() {
            return; // On another server: not checked here.
        }
        let (below, path) = match self.local(&absolute, &photo.src) {
            Ok(found) => found,
            Err(Outside::Elsewhere) => {
                let message = format!(
                    "`src` {:?} is outside the API folder, so it is not checked",
                    photo.src
                );
                self.warning(file, here, message);
                return;
            }
            Err(Outside::Escapes(why)) => {
                let message = format!("`src` {:?} is refused, and nothing is read: {why}", photo.src);
                self.error(file, here, message);
                return;
            }
        };
        if !self.sizes.contains_key(&path) && !path.is_file() {
            let message = format!(
                "`src` {:?} names {below}, which does not exist: readers see no photo",
                photo.src
            );
            self.error(file, here, message);
            return;
        }
        let size = self
            .sizes
            .entry(path.clone())
            .or_insert_with(|| measure(&path))
            .clone();
        let (real_width, real_height) = match size {
            Ok(size) => size,
            // A JPEG, PNG or WebP the browser cannot read is a broken photo.
            Err(error) if crate::photos::is_raster(&path) => {
                self.error(
                    file,
                    here,
                    format!("{below}: {error}: readers see a broken photo"),
                );
                return;
            }
            Err(error) => {
                self.warning(file, here, format!("{below}: {error}"));
                return;
            }
        };
        let (Some(width), Some(height)) = (photo.width, photo.height) else {
            return;
        };
        if (width, height) == (real_width, real_height) || width == 0 || height == 0 {
            return;
        }
        let said = width as f64 / height as f64;
        let real = real_width as f64 / real_height as f64;
        if (said / real - 1.0).abs() > 0.01 {
            let message = format!("`width`×`height` say {width}×{height}, but {below} is {real_width}×{real_height}: another shape, so the page shifts when it loads");
            self.error(file, here, message);
        } else {
            let message =
                format!("`width`×`height` say {width}×{height}, but {below} is {real_width}×{real_height}");
            self.warning(file, here, message);
        }
    }

    /// A photo's `sources` (its variants): each a usable address whose file
    /// exists; a raster photo without any is downloaded whole by every reader.
    fn sources(&mut self, file: &str, url: &str, at: &str, photo: &Photo) {
        let resolve = resolver(url);
        for (i, source) in photo.sources.iter().enumerate() {
            let here = Some(format!("{at}.sources[{i}]"));
            let Some(absolute) = media_url(&source.src, &resolve) else {
                let message = format!(
                    "`src` {:?} is not an http(s) address: browsers skip this variant",
                    source.src
                );
                self.error(file, here, message);
                continue;
            };
            match self.local(&absolute, &source.src) {
                Ok((below, path)) if !path.is_file() => {
                    let message = format!(
                        "`src` {:?} names {below}, which does not exist: browsers that pick it show no photo",
                        source.src
                    );
                    self.error(file, here, message);
                }
                Err(Outside::Escapes(why)) => {
                    let message = format!("`src` {:?} is refused, and nothing is read: {why}", source.src);
                    self.error(file, here, message);
                }
                Ok(_) | Err(Outside::Elsewhere) => {}
            }
        }
        if !photo.sources.is_empty() {
            return;
        }
        let Some(absolute) = media_url(&photo.src, &resolve) else {
            return;
        };
        let Ok((below, path)) = self.local(&absolute, &photo.src) else {
            return;
        };
        if crate::photos::is_raster(&path) {
            let size =
                std::fs::metadata(&path).map_or(String::new(), |m| format!(" ({} KB)", m.len() / 1000));
            let message = format!("no `sources`: every reader downloads {below}{size} whole; publish with photo variants (README, \"Photos\")");
            self.warning(file, Some(at.to_string()), message);
        }
    }

    /// The file below the API folder that a relative reference names (by
    /// `files::tree_file`, the one rule every stage follows).
    fn local(&self, absolute: &str, reference: &str) -> Result<(String, PathBuf), Outside> {
        if scheme(reference.trim()).is_some() {
            return Err(Outside::Elsewhere);
        }
        tree_file(&self.dir, &self.api_url, absolute)
    }

    /// What a link preview of the article shows: a warning when nothing.
    fn preview_image(&mut self, file: &str, photo: Option<&Photo>) {
        let message = match photo {
            None => "no `photo`: link previews of this article show no image",
            Some(photo) => {
                let raster = |src: &str| {
                    let path = src
                        .split(['?', '#'])
                        .next()
                        .unwrap_or_default()
                        .to_ascii_lowercase();
                    [".jpg", ".jpeg", ".png", ".webp", ".gif"]
                        .iter()
                        .any(|ext| path.ends_with(ext))
                };
                let previewable = raster(&photo.src)
                    || photo
                        .sources
                        .iter()
                        .any(|s| s.media_type == "image/jpeg" || s.media_type == "image/png");
                if previewable {
                    return;
                }
                "the photo is not a JPEG, PNG or WebP and has no JPEG variant: link previews (Facebook, X, Telegram) show no image"
            }
        };
        self.warning(file, Some("photo".into()), message.into());
    }

    /// Every article file of `lang`: listed ones must exist; the others are
    /// reachable only by a direct link.
    fn articles_of(&mut self, lang: &str, listed: &BTreeMap<String, (String, String)>) {
        let news = self.dir.join(lang).join("news");
        let mut slugs: BTreeSet<String> = std::fs::read_dir(&news)
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|entry| entry.file_name().into_string().ok())
            .filter_map(|name| name.strip_suffix(".json").map(str::to_string))
            .filter(|slug| !is_page_file(slug))
            .collect();
        for (slug, (file, at)) in listed {
            if !slugs.contains(slug) {
                let message = format!("`{slug}` has no article file ({lang}/news/{slug}.json): its link leads to \"Page not found\"");
                self.error(&file.clone(), Some(at.clone()), message);
            }
        }
        let mut usable = Vec::new();
        let mut folds: HashMap<String, String> = HashMap::new();
        for slug in std::mem::take(&mut slugs) {
            let file = format!("{lang}/news/{slug}.json");
            if !is_valid_slug(&slug) {
                let message = "the file name is not a usable slug: the app cannot open it".into();
                self.warning(&file, None, message);
                continue;
            }
            if let Some(why) = crate::names::unpublishable(&slug) {
                self.error(
                    &file,
                    None,
                    format!("the slug cannot be published as a file: {why}"),
                );
                continue;
            }
            if let Some(twin) = folds.insert(crate::names::folded(&slug), slug.clone()) {
                let message = format!("the slug differs from {twin:?} only by case or Unicode form: a host that ignores them serves one for the other");
                self.error(&file, None, message);
                continue;
            }
            if !listed.contains_key(&slug) {
                let message = "no listing page lists it: readers reach it only by a direct link, and it is not prerendered or in the sitemap".into();
                self.warning(&file, None, message);
            }
            usable.push(slug);
        }
        // Each article on its own, so on every core: a helper per share, merged after.
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let share = usable.len().div_ceil(cores).max(1);
        let helpers: Vec<Checker> = std::thread::scope(|scope| {
            let workers: Vec<_> = usable
                .chunks(share)
                .map(|slugs| {
                    let mut helper = self.helper();
                    scope.spawn(move || {
                        for slug in slugs {
                            helper.article(lang, slug);
                        }
                        helper
                    })
                })
                .collect();
            workers
                .into_iter()
                .filter_map(|worker| worker.join().ok())
                .collect()
        });
        for helper in helpers {
            self.merge(helper);
        }
    }

    /// An empty checker of the same tree, for a share of the articles.
    fn helper(&self) -> Checker {
        Checker {
            dir: self.dir.clone(),
            api_url: self.api_url.clone(),
            options: self.options.clone(),
            report: Report::default(),
            sizes: self.sizes.clone(),
            articles: HashMap::new(),
            pages: HashMap::new(),
            links: Vec::new(),
        }
    }

    /// Takes in what a helper found.
    fn merge(&mut self, helper: Checker) {
        self.report.findings.extend(helper.report.findings);
        self.report.documents += helper.report.documents;
        self.sizes.extend(helper.sizes);
        self.articles.extend(helper.articles);
        self.links.extend(helper.links);
    }

    fn article(&mut self, lang: &str, slug: &str) {
        let document = Document::Article {
            lang: lang.into(),
            slug: slug.into(),
        };
        let decode = |text: &str, url: &str| decode_article(text, url, &resolver(url));
        let Some(Loaded {
            file,
            url,
            decoded: article,
            value,
        }) = self.load(&document, None, decode, COULD_NOT_LOAD)
        else {
            return;
        };
        if let Some(own) = value["slug"].as_str() {
            if own != slug {
                let message = format!("{own:?} differs from the file name's {slug:?}");
                self.warning(&file, Some("slug".into()), message);
            }
        }
        match value["published"].as_str() {
            Some(published) => {
                self.date(&file, "published", Some(published));
            }
            None => self.warning(
                &file,
                Some("published".into()),
                "missing: the article shows no date".into(),
            ),
        }
        self.date(&file, "updated", value["updated"].as_str());
        self.optional::<String>(&file, &value, "summary", "");
        self.optional::<Vec<String>>(&file, &value, "tags", "");
        self.translations_shape(&file, &value, "");
        let photo = self.optional::<Photo>(&file, &value, "photo", "");
        if let Some(photo) = &photo {
            self.image(&file, &url, "photo", photo, true);
            self.sources(&file, &url, "photo", photo);
        }
        self.preview_image(&file, photo.as_ref());
        if let Some(gallery) = value.get("gallery").filter(|g| !g.is_null()) {
            match gallery.as_array() {
                Some(photos) => {
                    for (i, photo) in photos.iter().enumerate() {
                        let at = format!("gallery[{i}]");
                        match serde_json::from_str::<Photo>(&photo.to_string()) {
                            Ok(photo) => {
                                self.image(&file, &url, &at, &photo, true);
                                self.sources(&file, &url, &at, &photo);
                            }
                            Err(error) => {
                                let message = format!("{}: the app leaves it out", part_error(&error));
                                self.warning(&file, Some(at), message);
                            }
                        }
                    }
                }
                None => self.warning(
                    &file,
                    Some("gallery".into()),
                    "not a list: the app shows no gallery".into(),
                ),
            }
        }
        self.body(&file, &url, &article.body_html, article.truncated);
        let translations = article
            .translations
            .iter()
            .map(|(lang, slug)| (lang.to_string(), slug.to_string()))
            .collect();
        self.articles.insert(
            (lang.to_string(), slug.to_string()),
            ArticleFacts { translations },
        );
    }

    fn legal(&mut self, lang: &str, legal: Legal) {
        let document = Document::Legal {
            lang: lang.into(),
            legal,
        };
        let why = "the footer of every page links to it";
        let Some(Loaded {
            file,
            url,
            decoded: page,
            value,
        }) = self.load(&document, Some(why), decode_legal_document, COULD_NOT_LOAD)
        else {
            return;
        };
        self.date(&file, "updated", value["updated"].as_str());
        self.body(&file, &url, &page.body_html, page.truncated);
    }

    /// What the sanitizer would change in a body; its links, for later.
    fn body(&mut self, file: &str, url: &str, html: &str, truncated: bool) {
        if truncated {
            let message =
                "over 512 KiB: the app shows only its beginning and says the text is too long".into();
            self.warning(file, Some("body_html".into()), message);
        }
        let audit = body::audit(html, &resolver(url));
        for change in audit.changes {
            let times = if change.count > 1 {
                format!(" ({} times)", change.count)
            } else {
                String::new()
            };
            let at = Some(format!("body_html line {}", change.line));
            self.finding(change.severity, file, at, format!("{}{times}", change.message));
        }
        for link in audit.links {
            self.links.push((file.to_string(), link.line, link.href));
        }
    }

    /// Translations that lead nowhere or do not lead back.
    fn translations(&mut self, languages: &[String]) {
        let mut problems = Vec::new();
        let mut keys: Vec<&(String, String)> = self.articles.keys().collect();
        keys.sort();
        for key in keys {
            let (lang, slug) = key;
            let file = format!("{lang}/news/{slug}.json");
            for (other, other_slug) in &self.articles[key].translations {
                if other == lang {
                    continue;
                }
                let at = Some(format!("translations.{other}"));
                if !languages.contains(other) {
                    let message =
                        format!("{other} is not one of the site's languages: the switcher does not offer it");
                    problems.push((Severity::Warning, file.clone(), at, message));
                    continue;
                }
                match self.articles.get(&(other.clone(), other_slug.clone())) {
                    None => {
                        let message = format!("{other}/news/{other_slug}.json does not exist or does not load: the language switcher leads to \"Page not found\"");
                        problems.push((Severity::Error, file.clone(), at, message));
                    }
                    Some(facts) => {
                        let back = facts.translations.iter().find(|(code, _)| code == lang);
                        if back.is_none_or(|(_, back)| back != slug) {
                            let says = back.map_or("nothing".to_string(), |(_, back)| format!("{back:?}"));
                            let message = format!("{other}/news/{other_slug}.json does not point back: its `translations.{lang}` is {says}");
                            problems.push((Severity::Warning, file.clone(), at, message));
                        }
                    }
                }
            }
        }
        for (severity, file, at, message) in problems {
            self.finding(severity, &file, at, message);
        }
    }

    /// Links in bodies to the site's own articles, languages or listing pages that do not exist.
    fn body_links(&mut self) {
        for (file, line, href) in std::mem::take(&mut self.links) {
            let own = [Some(SITE.to_string()), self.options.origin.clone()];
            let Some(rest) = own.iter().flatten().find_map(|origin| {
                let rest = href.strip_prefix(origin.trim_end_matches('/'))?;
                rest.starts_with('/').then_some(rest)
            }) else {
                continue;
            };
            let rest = rest.split('#').next().unwrap_or_default();
            let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
            let Some(route) = Route::parse(path, query, &self.options.base) else {
                continue;
            };
            let missing = match &route {
                Route::Home => None,
                Route::Listing { lang, page } => match self.pages.get(lang) {
                    None => Some(format!("{lang} is not one of the site's languages")),
                    Some(&total) if *page == 0 || *page > total => {
                        Some(format!("the listing of {lang} has {total} pages"))
                    }
                    _ => None,
                },
                Route::Article { lang, slug } => (!self.articles.contains_key(&(lang.clone(), slug.clone())))
                    .then(|| format!("there is no article {lang}/news/{slug}.json")),
                Route::Legal { lang, .. } | Route::Search { lang, .. } => (!self.pages.contains_key(lang))
                    .then(|| format!("{lang} is not one of the site's languages")),
            };
            if let Some(why) = missing {
                let message = format!("a link to {}: {why}, so readers meet \"Page not found\"", rest);
                self.error(&file, Some(format!("body_html line {line}")), message);
            }
        }
    }
}

/// A part's decoding error without serde's position, which is within the
/// part's own text and so means nothing to the publisher.
fn part_error(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

/// `page-N.json` (a listing page, not an article).
fn is_page_file(stem: &str) -> bool {
    stem.strip_prefix("page-")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}
