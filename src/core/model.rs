//! The documents of the news JSON contract (docs/news-api.md), as typed values.
//!
//! Decoding is lenient where the contract allows it: unknown fields are ignored,
//! optional parts that are malformed (a photo without `src`, tags that are not
//! strings) are dropped rather than failing the whole document. Each struct
//! says so once, with `serde_with::apply` (a compile-time attribute): every
//! `Option` field is decoded by [`lenient`], every list item by item.

use super::slug::{is_valid_lang, is_valid_slug};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;
use std::collections::BTreeMap;

/// `API/site.json`: the languages the site publishes in.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct SiteIndex {
    pub languages: Vec<Language>,
    pub default_language: String,
}

/// One entry of `SiteIndex::languages`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Language {
    pub code: String,
    pub name: String,
}

/// `API/{lang}/site.json`: the agency's identity in one language, and what
/// the publish step made for it (extensions of contract v1, absent in an
/// older tree: docs/news-api.md).
#[serde_with::apply(
    Option => #[serde(default, deserialize_with = "lenient")],
    Vec<String> => #[serde(default, deserialize_with = "lenient_or_default")],
)]
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct SiteInfo {
    pub name: String,
    pub copyright_year: Option<i32>,
    pub logo: Option<Logo>,
    /// What the publish step made for this language: [`HAS_TAGS`],
    /// [`HAS_FEEDS`], and the slug of each optional page it has
    /// (`accessibility`). One list: one decoder in the bundle.
    pub has: Vec<String>,
}

/// In [`SiteInfo::has`]: every tag has its listing (`API/{lang}/tags/{tag}/page-{n}.json`).
pub const HAS_TAGS: &str = "tags";

/// In [`SiteInfo::has`]: the site has Atom feeds (`BASE{lang}/feed.xml`, and one per tag).
pub const HAS_FEEDS: &str = "feeds";

impl SiteInfo {
    /// `true` when [`SiteInfo::has`] names `what`.
    pub fn has(&self, what: &str) -> bool {
        self.has.iter().any(|entry| entry == what)
    }
}

/// The agency's logo; `src` is resolved to an absolute URL after decoding.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Logo {
    pub src: String,
    #[serde(default)]
    pub alt: String,
}

/// A photo of an article or a gallery; `src` is resolved after decoding.
#[serde_with::apply(
    Option => #[serde(default, deserialize_with = "lenient")],
)]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct Photo {
    pub src: String,
    #[serde(default)]
    pub alt: String,
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub caption: Option<String>,
    pub credit: Option<String>,
    /// The same picture in other sizes and formats, made at publish time (an
    /// extension of contract v1; absent means only `src`). The browser picks
    /// one by the layout (`core::photo_sizes`).
    #[serde(default, deserialize_with = "lenient_items")]
    pub sources: Vec<Source>,
}

/// One variant of a photo; `src` is resolved after decoding.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Source {
    /// `image/webp`, `image/jpeg`, `image/avif`.
    #[serde(rename = "type")]
    pub media_type: String,
    /// In pixels.
    pub width: u32,
    pub src: String,
}

/// One item of a listing page.
#[serde_with::apply(
    Option => #[serde(default, deserialize_with = "lenient")],
    Vec<String> => #[serde(default, deserialize_with = "lenient_or_default")],
    Translations => #[serde(default, deserialize_with = "translations")],
)]
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Summary {
    pub slug: String,
    pub title: String,
    pub published: String,
    pub summary: Option<String>,
    pub photo: Option<Photo>,
    pub tags: Vec<String>,
    /// `{lang: slug}` of the same article in other languages (an extension of
    /// contract v1; absent means none are known).
    pub translations: Translations,
}

/// The `translations` of an article: `(lang, slug)` pairs in the order the
/// publisher wrote them. A short list, not a map: an article has a handful of
/// languages, and a list costs less code in the bundle than a `BTreeMap`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Translations(Vec<(String, String)>);

impl Translations {
    /// The slug of the article in `lang`, if the publisher named one.
    pub fn get(&self, lang: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(code, _)| code == lang)
            .map(|(_, slug)| slug.as_str())
    }

    /// The `(lang, slug)` pairs.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(lang, slug)| (lang.as_str(), slug.as_str()))
    }
}

impl FromIterator<(String, String)> for Translations {
    fn from_iter<I: IntoIterator<Item = (String, String)>>(pairs: I) -> Self {
        Translations(pairs.into_iter().collect())
    }
}

/// `API/{lang}/news/{slug}.json`. `slug` and `published` are optional here:
/// the slug is known from the URL, and a missing date only hides the date line.
#[serde_with::apply(
    Option => #[serde(default, deserialize_with = "lenient")],
    Vec<String> => #[serde(default, deserialize_with = "lenient_or_default")],
    Vec<Photo> => #[serde(default, deserialize_with = "lenient_items")],
    Translations => #[serde(default, deserialize_with = "translations")],
)]
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Article {
    pub slug: Option<String>,
    pub title: String,
    pub published: Option<String>,
    pub updated: Option<String>,
    pub summary: Option<String>,
    pub photo: Option<Photo>,
    pub tags: Vec<String>,
    pub body_html: String,
    pub gallery: Vec<Photo>,
    /// As in [`Summary::translations`].
    pub translations: Translations,
    /// Up to three articles of its language that share its tags, newest
    /// first (an extension of contract v1, made by the publish step).
    #[serde(default, deserialize_with = "lenient_items")]
    pub related: Vec<Summary>,
    /// The URL this document was fetched from: links in `body_html` resolve against it.
    #[serde(skip)]
    pub source_url: String,
    /// `body_html` was longer than the app shows and was cut (see `decode::MAX_BODY_BYTES`).
    #[serde(skip)]
    pub truncated: bool,
}

/// `API/{lang}/pages/{slug}.json`: a legal page (`routes::Legal`), Terms or Privacy.
#[serde_with::apply(
    Option => #[serde(default, deserialize_with = "lenient")],
)]
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct LegalDocument {
    pub slug: Option<String>,
    pub title: String,
    pub updated: Option<String>,
    pub body_html: String,
    /// The URL this document was fetched from: links in `body_html` resolve against it.
    #[serde(skip)]
    pub source_url: String,
    /// `body_html` was longer than the app shows and was cut (see `decode::MAX_BODY_BYTES`).
    #[serde(skip)]
    pub truncated: bool,
}

/// A decoded listing page: the valid items, and how many were skipped as malformed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    /// The tag as written, on a tag's listing (an extension of contract v1).
    pub tag: Option<String>,
    /// On a tag's listing, `{lang: tag}` (URL forms) of the same tag's
    /// listing in other languages.
    pub translations: Translations,
    pub page: u32,
    pub total_pages: u32,
    pub total_items: Option<u32>,
    pub items: Vec<Summary>,
    pub skipped: usize,
}

/// The wire shape of a listing page; items stay raw text so each is decoded on its own.
#[serde_with::apply(
    Option => #[serde(default, deserialize_with = "lenient")],
    Translations => #[serde(default, deserialize_with = "translations")],
)]
#[derive(Deserialize)]
pub(crate) struct RawListing {
    pub tag: Option<String>,
    pub translations: Translations,
    pub page: Option<u32>,
    pub total_pages: u32,
    pub total_items: Option<u32>,
    pub items: Vec<Box<RawValue>>,
}

// The lenient parts are first taken as raw JSON text (`RawValue`, which
// checks it is well formed), then decoded from that text on their own: a part
// of the wrong shape fails alone. Text rather than a `serde_json::Value`, so
// each type has one decoder (from text) in the bundle, not two.

/// Decodes an optional part; a value of the wrong shape becomes `None`.
fn lenient<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    let raw = <&RawValue>::deserialize(deserializer)?;
    Ok(serde_json::from_str(raw.get()).ok())
}

/// Like [`lenient`], for parts whose absence is an empty value.
fn lenient_or_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned + Default,
{
    Ok(lenient(deserializer)?.unwrap_or_default())
}

/// Decodes a list item by item, keeping the items that are well formed.
fn lenient_items<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    let raw = <&RawValue>::deserialize(deserializer)?;
    let Ok(items) = serde_json::from_str::<Vec<&RawValue>>(raw.get()) else {
        return Ok(Vec::new());
    };
    Ok(items
        .into_iter()
        .filter_map(|item| serde_json::from_str(item.get()).ok())
        .collect())
}

/// Decodes a `translations` map, keeping the entries whose key is a language
/// code and whose value is a usable slug; anything else in it is dropped.
fn translations<'de, D>(deserializer: D) -> Result<Translations, D::Error>
where
    D: Deserializer<'de>,
{
    let raw = <&RawValue>::deserialize(deserializer)?;
    // A map, as serde_json's own object was: ordered by language code, the
    // last of a repeated key kept.
    let Ok(entries) = serde_json::from_str::<BTreeMap<String, &RawValue>>(raw.get()) else {
        return Ok(Translations::default());
    };
    Ok(entries
        .into_iter()
        .filter_map(|(lang, slug)| {
            let slug = serde_json::from_str::<String>(slug.get()).ok()?;
            (is_valid_lang(&lang) && is_valid_slug(&slug)).then_some((lang, slug))
        })
        .collect())
}
