//! What content files say, as serde reads them: `site.toml` and the TOML
//! front matter of articles and legal pages (`+++` … `+++`), unknown fields
//! refused so that a misspelt one is not silently dropped.

use serde::Deserialize;

/// `content/site.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SiteToml {
    pub(super) default_language: String,
    #[serde(default = "default_per_page")]
    pub(super) per_page: usize,
    /// The agency's time zone (`Asia/Baku`, or `+04:00`): the day a
    /// date-only date is, in the feeds.
    pub(super) timezone: Option<String>,
    /// A domain the agency owns and a year it owned it
    /// (`migration.gov.az,2024`): the feeds' entry ids, whatever the origin.
    pub(super) tag_authority: Option<String>,
    pub(super) languages: Vec<LanguageToml>,
}

pub(super) fn default_per_page() -> usize {
    12
}

/// One language of `site.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct LanguageToml {
    pub(super) code: String,
    /// In the language switcher, in its own language.
    pub(super) name: String,
    /// The agency's name in this language (the header).
    pub(super) agency: String,
    /// Open Graph's `language_TERRITORY` (`en_GB`), when CLDR's likely
    /// region for the code (`en` → `en_US`) is not the site's.
    pub(super) locale: Option<String>,
    pub(super) copyright_year: Option<i32>,
    pub(super) logo: Option<LogoToml>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct LogoToml {
    /// Relative to the content folder, or an http(s) URL.
    pub(super) src: String,
    pub(super) alt: String,
}

/// An article's front matter.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ArticleToml {
    /// Shared by the article's translations.
    pub(super) id: String,
    pub(super) title: String,
    pub(super) published: toml::Value,
    pub(super) updated: Option<toml::Value>,
    pub(super) summary: Option<String>,
    #[serde(default)]
    pub(super) tags: Vec<String>,
    pub(super) photo: Option<PhotoToml>,
    #[serde(default)]
    pub(super) gallery: Vec<PhotoToml>,
}

/// A legal page's front matter.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PageToml {
    pub(super) title: String,
    pub(super) updated: Option<toml::Value>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PhotoToml {
    /// Relative to the Markdown file, or an http(s) URL.
    pub(super) src: String,
    pub(super) alt: String,
    pub(super) caption: Option<String>,
    pub(super) credit: Option<String>,
    /// Only for an http(s) `src`; a file's size is read from the file.
    pub(super) width: Option<u32>,
    pub(super) height: Option<u32>,
}

// The contract's documents, in the order their fields are written.

/// A TOML error's line (counted from `first_line` + 1 for the text's first
/// line) and message without toml's own rendering of the place.
pub(super) fn toml_error(text: &str, error: &toml::de::Error, first_line: usize) -> (Option<usize>, String) {
    let line = error
        .span()
        .map(|span| text[..span.start.min(text.len())].matches('\n').count() + 1 + first_line);
    (line, error.message().trim().to_string())
}
