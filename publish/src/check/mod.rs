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
//!
//! Here: the walk over the tree and the reading of documents; `documents`
//! checks each kind of document, `photos` their photos, `links` what spans
//! documents (translations, links in bodies), `report` what was found.

mod documents;
mod links;
mod photos;
mod report;

pub use crate::Severity;
pub use report::{Finding, Options, Report};

use crate::files;
use crate::images::{active_file, image_size, Size, SizeError};
use crate::tree::{
    document_file, read_document, tree_file, tree_url, Outside, Unread, MAX_DOCUMENT_BYTES, SITE,
};
use news_portal::core::dates::CalendarDate;
use news_portal::core::decode::{
    decode_article, decode_legal_document, decode_listing, decode_site_index, decode_site_info,
};
use news_portal::core::model::{Logo, Photo};
use news_portal::core::routes::{Document, Legal, Route};
use news_portal::core::slug::{is_valid_lang, is_valid_slug};
use news_portal::core::urls::{media_url, scheme};
use news_portal::ssr::resolver;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// The size of the image in `path`; a JPEG, PNG or WebP is also read whole
/// and walked as `photos::strip` walks it, so that one cut short (whose header
/// alone is fine) is found here too, not only when it is published.
fn measure(path: &Path) -> Result<Size, SizeError> {
    // Walked first: the walk bounds what the decoder's header reading unpacks.
    if crate::images::is_raster(path) {
        let bytes = crate::photos::read_original(path).map_err(|error| SizeError::Read(error.to_string()))?;
        crate::photos::strip::strip(&bytes).map_err(|error| SizeError::Read(error.to_string()))?;
    }
    image_size(path)
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
        let (path, file) = document_file(document)?;
        match read_document(&self.dir, &file) {
            Err(Unread::TooLarge(size)) => {
                let message = format!(
                    "it is {} MB; a document may be at most {} MB (readers on phones would wait for it): not read",
                    size / 1_000_000,
                    MAX_DOCUMENT_BYTES / 1_000_000
                );
                self.error(&file, None, message);
                None
            }
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
            Err(Unread::Missing) => {
                if let Some(why) = missing {
                    self.error(&file, None, format!("missing: {why}"));
                }
                None
            }
            Err(Unread::Failed(error)) => {
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
