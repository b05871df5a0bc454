//! The API tree on disk: the contract's documents read from files and decoded
//! by the same functions the app decodes its responses with.

use news_portal::core::decode::{
    decode_article, decode_legal_document, decode_listing, decode_site_index, decode_site_info,
};
use news_portal::core::error::ApiError;
use news_portal::core::model::{Article, LegalDocument, Listing, SiteIndex, SiteInfo};
use news_portal::core::routes::{Document, Legal};
use news_portal::ssr::resolver;
use percent_encoding::percent_decode_str;
use std::path::{Path, PathBuf};

/// The reason given for a document whose file is missing.
pub const NO_SUCH_FILE: &str = "no such file";

/// A document the step could not use, and why: reported, its route left to the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The document's path below `API`.
    pub path: String,
    /// What was wrong with it.
    pub reason: String,
}

/// `API_DIR`, and the URL the documents have when published (`API`), which
/// relative URLs inside them resolve against, as in the browser.
#[derive(Debug, Clone)]
pub struct ApiTree {
    dir: PathBuf,
    url: String,
}

impl ApiTree {
    /// `dir` holds the files; `url` is `API` (ending in `/`).
    pub fn new(dir: &Path, url: &str) -> Self {
        ApiTree {
            dir: dir.to_path_buf(),
            url: url.to_string(),
        }
    }

    /// `site.json`.
    pub fn site_index(&self) -> Result<SiteIndex, Skipped> {
        self.read(&Document::SiteIndex, |text, _| decode_site_index(text))
    }

    /// `{lang}/site.json`.
    pub fn site_info(&self, lang: &str) -> Result<SiteInfo, Skipped> {
        let document = Document::SiteInfo { lang: lang.into() };
        self.read(&document, |text, url| decode_site_info(text, &resolver(url)))
    }

    /// `{lang}/news/page-{page}.json`.
    pub fn listing(&self, lang: &str, page: u32) -> Result<Listing, Skipped> {
        let document = Document::NewsPage {
            lang: lang.into(),
            page,
        };
        self.read(&document, |text, url| decode_listing(text, &resolver(url)))
    }

    /// `{lang}/news/{slug}.json`.
    pub fn article(&self, lang: &str, slug: &str) -> Result<Article, Skipped> {
        let document = Document::Article {
            lang: lang.into(),
            slug: slug.into(),
        };
        self.read(&document, |text, url| decode_article(text, url, &resolver(url)))
    }

    /// `{lang}/pages/{slug}.json` of a legal page.
    pub fn legal(&self, lang: &str, legal: Legal) -> Result<LegalDocument, Skipped> {
        let document = Document::Legal {
            lang: lang.into(),
            legal,
        };
        self.read(&document, decode_legal_document)
    }

    /// Reads and decodes `document`; `decode` gets the text and the document's URL.
    fn read<T>(
        &self,
        document: &Document,
        decode: impl FnOnce(&str, &str) -> Result<T, ApiError>,
    ) -> Result<T, Skipped> {
        let Some(path) = document.path() else {
            let reason = "its name is not a valid language or slug".to_string();
            return Err(Skipped {
                path: format!("{document:?}"),
                reason,
            });
        };
        let skipped = |reason: String| Skipped {
            path: path.clone(),
            reason,
        };
        // `path` is percent-encoded, as in a URL; a file is named by the decoded text.
        let file = percent_decode_str(&path)
            .decode_utf8()
            .map_err(|_| skipped("its name is not UTF-8".into()))?;
        let text = std::fs::read_to_string(self.dir.join(file.as_ref())).map_err(|error| {
            skipped(match error.kind() {
                std::io::ErrorKind::NotFound => NO_SUCH_FILE.into(),
                _ => error.to_string(),
            })
        })?;
        let url = format!("{}{path}", self.url);
        decode(&text, &url).map_err(|error| skipped(error.to_string()))
    }
}
