//! One short function per document of the contract: build the URL, fetch it
//! through `browser::http`, check the status, decode. Nothing else fetches.
//!
//! Documents fetched in the last few minutes are kept (a few dozen at most),
//! so that going back to a view shows it at once, without a request or a
//! skeleton; after that they are fetched again, for news that changed.

use crate::browser::config::{resolve, AppConfig};
use crate::browser::http::get_text;
use crate::core::decode::{
    decode_article, decode_legal_document, decode_listing, decode_site_index, decode_site_info,
};
use crate::core::error::{check_status, ApiError};
use crate::core::model::{Article, LegalDocument, Listing, SiteIndex, SiteInfo};
use crate::core::routes::{Document, Legal};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

/// How many fetched documents are kept, and for how long (milliseconds).
const KEPT_DOCUMENTS: usize = 32;
const KEPT_FOR_MS: f64 = 5.0 * 60.0 * 1000.0;

/// A fetched document: its URL, its text and the URL it came from (after
/// redirects), and when it arrived (`Date.now()`).
struct Kept {
    url: String,
    text: Rc<str>,
    source: Rc<str>,
    at: f64,
}

thread_local! {
    /// Oldest first.
    static KEPT: RefCell<VecDeque<Kept>> = const { RefCell::new(VecDeque::new()) };
}

/// Fetches `document` (or takes it from [`KEPT`]) and hands the text and the
/// document's own URL to `decode`. Only a document that decoded is kept: Retry
/// after bad data fetches it again. The fetching is [`fetch_kept`]'s, compiled
/// once: each document type adds only its decoding.
async fn fetch_with<T>(
    config: &AppConfig,
    document: Document,
    decode: impl FnOnce(&str, &str) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    let fetched = fetch_kept(config, document).await?;
    let decoded = decode(&fetched.text, &fetched.source)?;
    fetched.keep();
    Ok(decoded)
}

/// A document's text, from the network or from [`KEPT`].
struct Fetched {
    text: Rc<str>,
    source: Rc<str>,
    /// Its URL, when it came from the network (and is not kept yet).
    fresh: Option<String>,
}

impl Fetched {
    /// Keeps a document fetched from the network, once it decoded.
    fn keep(self) {
        if let Some(url) = self.fresh {
            keep(url, self.text, self.source);
        }
    }
}

/// The text of `document` and the URL it came from (after redirects): kept,
/// or fetched if the status says it is the document. Not generic, nor are the
/// two below: one copy for every document type.
async fn fetch_kept(config: &AppConfig, document: Document) -> Result<Fetched, ApiError> {
    let url = config.api.url(&document)?;
    if let Some((text, source)) = kept(&url) {
        return Ok(Fetched {
            text,
            source,
            fresh: None,
        });
    }
    let response = get_text(&url).await?;
    check_status(response.status)?;
    let source = if response.url.is_empty() {
        url.as_str().into()
    } else {
        response.url.into()
    };
    Ok(Fetched {
        text: response.text.into(),
        source,
        fresh: Some(url),
    })
}

/// The text and source of `url` if it arrived less than [`KEPT_FOR_MS`] ago.
fn kept(url: &str) -> Option<(Rc<str>, Rc<str>)> {
    let now = js_sys::Date::now();
    KEPT.with_borrow_mut(|kept| {
        kept.retain(|entry| now - entry.at < KEPT_FOR_MS);
        let entry = kept.iter().find(|entry| entry.url == url)?;
        Some((entry.text.clone(), entry.source.clone()))
    })
}

fn keep(url: String, text: Rc<str>, source: Rc<str>) {
    KEPT.with_borrow_mut(|kept| {
        kept.retain(|entry| entry.url != url);
        if kept.len() == KEPT_DOCUMENTS {
            kept.pop_front();
        }
        kept.push_back(Kept {
            url,
            text,
            source,
            at: js_sys::Date::now(),
        });
    });
}

/// `API/site.json`.
pub async fn fetch_site_index(config: &AppConfig) -> Result<SiteIndex, ApiError> {
    fetch_with(config, Document::SiteIndex, |text, _| decode_site_index(text)).await
}

/// `API/{lang}/site.json`.
pub async fn fetch_site_info(config: &AppConfig, lang: &str) -> Result<SiteInfo, ApiError> {
    let document = Document::SiteInfo { lang: lang.into() };
    fetch_with(config, document, |text, source| {
        decode_site_info(text, &|reference| resolve(reference, source))
    })
    .await
}

/// `API/{lang}/news/page-{n}.json`.
pub async fn fetch_listing(config: &AppConfig, lang: &str, page: u32) -> Result<Listing, ApiError> {
    let document = Document::NewsPage {
        lang: lang.into(),
        page,
    };
    fetch_with(config, document, |text, source| {
        decode_listing(text, &|reference| resolve(reference, source))
    })
    .await
}

/// `API/{lang}/news/{slug}.json`.
pub async fn fetch_article(config: &AppConfig, lang: &str, slug: &str) -> Result<Article, ApiError> {
    let document = Document::Article {
        lang: lang.into(),
        slug: slug.into(),
    };
    fetch_with(config, document, |text, source| {
        decode_article(text, source, &|reference| resolve(reference, source))
    })
    .await
}

/// `API/{lang}/pages/{slug}.json` of a legal page.
pub async fn fetch_legal_document(
    config: &AppConfig,
    lang: &str,
    legal: Legal,
) -> Result<LegalDocument, ApiError> {
    let document = Document::Legal {
        lang: lang.into(),
        legal,
    };
    fetch_with(config, document, decode_legal_document).await
}
