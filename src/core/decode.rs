//! From response text to checked documents: JSON decoding, the contract's
//! required fields, and resolution of the URLs the documents contain.

use super::error::ApiError;
use super::model::{Article, LegalDocument, Listing, Photo, RawListing, SiteIndex, SiteInfo, Summary};
use super::slug::{is_valid_lang, is_valid_slug};
use super::urls::{media_url, Resolver};
use serde::de::DeserializeOwned;

/// The most items of one listing page the app shows (the contract's pages have
/// 12); a page with thousands would freeze a phone for seconds while it renders.
pub const MAX_LISTING_ITEMS: usize = 100;

/// The most `body_html` the app sanitizes and shows (512 KiB; a long article is
/// under 50 KiB). Sanitizing is work on the main thread: 5 MB took 4 seconds.
pub const MAX_BODY_BYTES: usize = 512 * 1024;

/// The most related articles an article shows (the publish step writes three).
pub const MAX_RELATED: usize = 3;

/// Cuts `body` to [`MAX_BODY_BYTES`] on a character boundary; `true` if it was cut.
fn limit_body(body: &mut String) -> bool {
    if body.len() <= MAX_BODY_BYTES {
        return false;
    }
    let mut end = MAX_BODY_BYTES;
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    body.truncate(end);
    true
}

/// An attribute only the app's own shell has: the loader tag that Trunk writes
/// into `index.html` (and so `404.html`) from `pattern_script` in Trunk.toml.
pub const SHELL_MARKER: &str = "data-np-wasm";

/// Parses JSON text into `T`, with a message a web team can act on.
///
/// A host that answers every unknown path with the app's `index.html` (an SPA
/// rewrite, a 404 page) sends the shell, with status 200 or 404, for a
/// document that does not exist: that is "not found", exactly as a real 404.
/// Any other HTML (a captive portal, a proxy's error page) is a decode error.
fn parse<T: DeserializeOwned>(text: &str) -> Result<T, ApiError> {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.is_empty() {
        return Err(ApiError::Decode("the response is empty".into()));
    }
    if trimmed.starts_with('<') {
        if trimmed.contains(SHELL_MARKER) {
            return Err(ApiError::NotFound);
        }
        return Err(ApiError::Decode("the response is HTML, not JSON".into()));
    }
    serde_json::from_str(trimmed).map_err(|e| ApiError::Decode(e.to_string()))
}

/// `API/site.json`. At least one valid language is required; a default that is
/// not among them falls back to the first.
pub fn decode_site_index(text: &str) -> Result<SiteIndex, ApiError> {
    let mut index: SiteIndex = parse(text)?;
    index
        .languages
        .retain(|l| is_valid_lang(&l.code) && !l.name.trim().is_empty());
    let first = index
        .languages
        .first()
        .ok_or_else(|| ApiError::Decode("site.json lists no valid language".into()))?;
    if !index.languages.iter().any(|l| l.code == index.default_language) {
        index.default_language = first.code.clone();
    }
    Ok(index)
}

/// `API/{lang}/site.json`; the logo is dropped if its URL is not an image URL.
pub fn decode_site_info(text: &str, resolve: Resolver) -> Result<SiteInfo, ApiError> {
    let mut info: SiteInfo = parse(text)?;
    if info.name.trim().is_empty() {
        return Err(ApiError::Decode("site.json has an empty `name`".into()));
    }
    info.logo = info.logo.and_then(|mut logo| {
        logo.src = media_url(&logo.src, resolve)?;
        Some(logo)
    });
    Ok(info)
}

/// `API/{lang}/news/page-{n}.json`. Items that are malformed (a missing or empty
/// `slug`, `title` or `published`, an unusable slug) are skipped and counted, as
/// are the items past [`MAX_LISTING_ITEMS`].
pub fn decode_listing(text: &str, resolve: Resolver) -> Result<Listing, ApiError> {
    let raw: RawListing = parse(text)?;
    let total = raw.items.len();
    let items: Vec<Summary> = raw
        .items
        .into_iter()
        .filter_map(|item| serde_json::from_str::<Summary>(item.get()).ok())
        .filter(|item| {
            is_valid_slug(&item.slug) && !item.title.trim().is_empty() && !item.published.trim().is_empty()
        })
        .take(MAX_LISTING_ITEMS)
        .map(|mut item| {
            item.photo = item.photo.and_then(|photo| resolve_photo(photo, resolve));
            item
        })
        .collect();
    Ok(Listing {
        tag: raw.tag.filter(|tag| !tag.trim().is_empty()),
        translations: raw.translations,
        page: raw.page.unwrap_or(1),
        total_pages: raw.total_pages.max(1),
        total_items: raw.total_items,
        skipped: total - items.len(),
        items,
    })
}

/// `API/{lang}/news/{slug}.json`, fetched from `source_url`.
pub fn decode_article(text: &str, source_url: &str, resolve: Resolver) -> Result<Article, ApiError> {
    let mut article: Article = parse(text)?;
    require_title(&article.title)?;
    article.photo = article.photo.and_then(|photo| resolve_photo(photo, resolve));
    article.gallery = std::mem::take(&mut article.gallery)
        .into_iter()
        .filter_map(|photo| resolve_photo(photo, resolve))
        .collect();
    article
        .related
        .retain(|item| is_valid_slug(&item.slug) && !item.title.trim().is_empty());
    article.related.truncate(MAX_RELATED);
    article.source_url = source_url.to_string();
    article.truncated = limit_body(&mut article.body_html);
    Ok(article)
}

/// `API/{lang}/pages/{slug}.json`, fetched from `source_url`.
pub fn decode_legal_document(text: &str, source_url: &str) -> Result<LegalDocument, ApiError> {
    let mut page: LegalDocument = parse(text)?;
    require_title(&page.title)?;
    page.source_url = source_url.to_string();
    page.truncated = limit_body(&mut page.body_html);
    Ok(page)
}

fn require_title(title: &str) -> Result<(), ApiError> {
    if title.trim().is_empty() {
        Err(ApiError::Decode("the document has an empty `title`".into()))
    } else {
        Ok(())
    }
}

/// Resolves a photo's `src` and its sources'; a photo whose URL is unusable is
/// dropped, and so is a source that is not an image type, has no width, or
/// whose URL is unusable.
fn resolve_photo(mut photo: Photo, resolve: Resolver) -> Option<Photo> {
    photo.src = media_url(&photo.src, resolve)?;
    photo.sources = std::mem::take(&mut photo.sources)
        .into_iter()
        .filter(|source| source.width > 0 && source.media_type.starts_with("image/"))
        .filter_map(|mut source| {
            source.src = media_url(&source.src, resolve)?;
            Some(source)
        })
        .collect();
    Some(photo)
}
