//! One short function per document of the contract: build the URL, fetch it
//! through `browser::http`, check the status, decode. Nothing else fetches.

use crate::browser::config::{resolve, AppConfig};
use crate::browser::http::get_text;
use crate::core::decode::{
    decode_article, decode_listing, decode_site_index, decode_site_info, decode_static_page,
};
use crate::core::error::{check_status, ApiError};
use crate::core::model::{Article, Listing, SiteIndex, SiteInfo, StaticPage};

/// Fetches `url` and hands the text and the document's own URL to `decode`.
async fn fetch_with<T>(
    url: Result<String, ApiError>,
    decode: impl FnOnce(&str, &str) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    let url = url?;
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
    fetch_with(Ok(config.api.site_index()), |text, _| decode_site_index(text)).await
}

/// `API/{lang}/site.json`.
pub async fn fetch_site_info(config: &AppConfig, lang: &str) -> Result<SiteInfo, ApiError> {
    fetch_with(config.api.site_info(lang), |text, source| {
        decode_site_info(text, &|reference| resolve(reference, source))
    })
    .await
}

/// `API/{lang}/news/page-{n}.json`.
pub async fn fetch_listing(config: &AppConfig, lang: &str, page: u32) -> Result<Listing, ApiError> {
    fetch_with(config.api.news_page(lang, page), |text, source| {
        decode_listing(text, &|reference| resolve(reference, source))
    })
    .await
}

/// `API/{lang}/news/{slug}.json`.
pub async fn fetch_article(config: &AppConfig, lang: &str, slug: &str) -> Result<Article, ApiError> {
    fetch_with(config.api.article(lang, slug), |text, source| {
        decode_article(text, source, &|reference| resolve(reference, source))
    })
    .await
}

/// `API/{lang}/pages/{slug}.json`.
pub async fn fetch_static_page(config: &AppConfig, lang: &str, slug: &str) -> Result<StaticPage, ApiError> {
    fetch_with(config.api.static_page(lang, slug), decode_static_page).await
}
