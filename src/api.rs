//! One short function per document of the contract: build the URL, fetch it
//! through `browser::http`, check the status, decode. Nothing else fetches.

use crate::browser::config::{resolve, AppConfig};
use crate::browser::http::get_text;
use crate::core::decode::{
    decode_article, decode_legal_document, decode_listing, decode_site_index, decode_site_info,
};
use crate::core::error::{check_status, ApiError};
use crate::core::model::{Article, LegalDocument, Listing, SiteIndex, SiteInfo};
use crate::core::routes::{Document, Legal};

/// Fetches `document` and hands the text and the document's own URL to `decode`.
async fn fetch_with<T>(
    config: &AppConfig,
    document: Document,
    decode: impl FnOnce(&str, &str) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    let url = config.api.url(&document)?;
    let response = get_text(&url).await?;
    check_status(response.status)?;
    let source = if response.url.is_empty() {
        url
    } else {
        response.url
    };
    decode(&response.text, &source)
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
