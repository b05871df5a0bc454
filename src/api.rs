//! One short function per document of the contract, saying which document
//! and how to decode it (a [`Request`]), and [`load`], which fetches any of
//! them through `browser::http`, checks the status and decodes. Nothing else
//! fetches.
//!
//! Documents fetched in the last few minutes are kept (a few dozen at most),
//! so that going back to a view shows it at once, without a request or a
//! skeleton; after that they are fetched again, for news that changed.

use crate::browser::config::resolve;
use crate::browser::http::get_text;
use crate::core::config::AppConfig;
use crate::core::decode::{
    decode_article, decode_legal_document, decode_listing, decode_site_index, decode_site_info,
};
use crate::core::error::{check_status, ApiError};
use crate::core::model::{Article, LegalDocument, Listing, SiteIndex, SiteInfo};
use crate::core::routes::{Document, Legal};
use std::any::Any;
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

/// A document to load and how to read it: what a `state::document::Document`
/// loads. Built without waiting; [`load`] does the fetching for every
/// document type alike, so each type adds only its decoding (issue 14: one
/// async state machine per type cost ~2 KB of wasm).
pub struct Request<T> {
    /// The document, or why there is none to fetch.
    document: Result<Document, ApiError>,
    read: Read<T>,
}

/// What a [`Request`] makes of its fetched document (or of why it was not).
type Read<T> = Box<dyn FnOnce(Result<&Fetched, ApiError>) -> Result<T, ApiError>>;

impl<T: 'static> Request<T> {
    /// Fetches `document` and decodes its text with `decode(text, source)`,
    /// `source` being the URL it came from (after redirects).
    fn new(document: Document, decode: impl FnOnce(&str, &str) -> Result<T, ApiError> + 'static) -> Self {
        Request {
            document: Ok(document),
            read: Box::new(move |fetched| {
                let fetched = fetched?;
                decode(&fetched.text, &fetched.source)
            }),
        }
    }

    /// Fails with `error` without fetching anything.
    pub fn failed(error: ApiError) -> Self {
        Request {
            document: Err(error),
            // `load` hands the error back.
            read: Box::new(|fetched| fetched.and(Err(ApiError::NotFound))),
        }
    }

    /// The outcome passed through `then`, which may turn an error into a value.
    pub fn then<U>(
        self,
        then: impl FnOnce(Result<T, ApiError>) -> Result<U, ApiError> + 'static,
    ) -> Request<U> {
        let read = self.read;
        Request {
            document: self.document,
            read: Box::new(move |fetched| then(read(fetched))),
        }
    }

    /// The decoded value passed through `map`.
    pub fn map<U>(self, map: impl FnOnce(T) -> U + 'static) -> Request<U> {
        self.then(|outcome| outcome.map(map))
    }

    /// The request with its value erased, for [`load`].
    pub fn erased(self) -> Request<Rc<dyn Any>> {
        self.map(|value| Rc::new(value) as Rc<dyn Any>)
    }
}

/// Fetches a request's document (or takes it from [`KEPT`]) and reads it. Only
/// a document that decoded is kept: Retry after bad data fetches it again.
/// Not generic, nor are the functions it calls: one copy for every document.
pub async fn load(config: AppConfig, request: Request<Rc<dyn Any>>) -> Result<Rc<dyn Any>, ApiError> {
    let fetched = match request.document {
        Ok(document) => fetch_kept(&config, document).await,
        Err(error) => Err(error),
    };
    let read = (request.read)(fetched.as_ref().map_err(Clone::clone));
    if let (Ok(_), Ok(fetched)) = (&read, fetched) {
        fetched.keep();
    }
    read
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
pub fn site_index() -> Request<SiteIndex> {
    Request::new(Document::SiteIndex, |text, _| decode_site_index(text))
}

/// `API/{lang}/site.json`.
pub fn site_info(lang: &str) -> Request<SiteInfo> {
    let document = Document::SiteInfo { lang: lang.into() };
    Request::new(document, |text, source| {
        decode_site_info(text, &|reference| resolve(reference, source))
    })
}

/// `API/{lang}/news/page-{n}.json`, or with a tag `API/{lang}/tags/{tag}/page-{n}.json`.
pub fn listing(lang: &str, tag: Option<String>, page: u32) -> Request<Listing> {
    let document = Document::NewsPage {
        lang: lang.into(),
        tag,
        page,
    };
    Request::new(document, |text, source| {
        decode_listing(text, &|reference| resolve(reference, source))
    })
}

/// `API/{lang}/news/{slug}.json`.
pub fn article(lang: &str, slug: &str) -> Request<Article> {
    let document = Document::Article {
        lang: lang.into(),
        slug: slug.into(),
    };
    Request::new(document, |text, source| {
        decode_article(text, source, &|reference| resolve(reference, source))
    })
}

/// `API/{lang}/pages/{slug}.json` of a legal page.
pub fn legal_document(lang: &str, legal: Legal) -> Request<LegalDocument> {
    let document = Document::Legal {
        lang: lang.into(),
        legal,
    };
    Request::new(document, decode_legal_document)
}
