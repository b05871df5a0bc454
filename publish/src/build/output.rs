//! The documents build-api writes, in the contract's shapes
//! (docs/news-api.md): what serde writes as JSON.

use crate::photos::SourceOut;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Serialize)]
pub(super) struct SiteIndexOut<'a> {
    pub(super) languages: Vec<LanguageOut<'a>>,
    pub(super) default_language: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) timezone: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) tag_authority: Option<&'a str>,
}

#[derive(Serialize)]
pub(super) struct LanguageOut<'a> {
    pub(super) code: &'a str,
    pub(super) name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) locale: Option<&'a str>,
}

#[derive(Serialize)]
pub(super) struct SiteInfoOut<'a> {
    pub(super) name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) copyright_year: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) logo: Option<LogoOut>,
}

#[derive(Serialize)]
pub(super) struct LogoOut {
    pub(super) src: String,
    pub(super) alt: String,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct PhotoOut {
    pub(super) src: String,
    pub(super) alt: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) width: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) height: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) caption: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) credit: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) sources: Vec<SourceOut>,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct SummaryOut {
    pub(super) slug: String,
    pub(super) title: String,
    pub(super) published: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) summary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) photo: Option<PhotoOut>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) tags: Vec<String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub(super) translations: BTreeMap<String, String>,
}

#[derive(Serialize)]
pub(super) struct ArticleOut<'a> {
    #[serde(flatten)]
    pub(super) summary: &'a SummaryOut,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) updated: Option<String>,
    pub(super) body_html: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) gallery: Vec<PhotoOut>,
}

#[derive(Serialize)]
pub(super) struct ListingOut<'a> {
    pub(super) page: usize,
    pub(super) per_page: usize,
    pub(super) total_pages: usize,
    pub(super) total_items: usize,
    pub(super) items: &'a [SummaryOut],
}

#[derive(Serialize)]
pub(super) struct PageOut {
    pub(super) slug: String,
    pub(super) title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) updated: Option<String>,
    pub(super) body_html: String,
}
