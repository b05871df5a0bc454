//! The URLs of the contract's documents under the data root `API`. Every
//! user-controlled part is checked here, before any request is made: a bad slug
//! or language is "not found" without touching the network.

use super::error::ApiError;
use super::slug::{encode_segment, is_valid_lang, is_valid_slug};

/// The data root, an absolute URL ending in `/` (`https://cdn.example.org/api/`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoints {
    root: String,
}

impl Endpoints {
    /// `root` is the resolved `API` setting; a missing final `/` is added so that
    /// `https://x/api` and `https://x/api/` mean the same.
    pub fn new(root: &str) -> Self {
        let mut root = root.trim().to_string();
        if !root.ends_with('/') {
            root.push('/');
        }
        Endpoints { root }
    }

    /// The data root itself.
    pub fn root(&self) -> &str {
        &self.root
    }

    /// `API/site.json`.
    pub fn site_index(&self) -> String {
        format!("{}site.json", self.root)
    }

    /// `API/{lang}/site.json`.
    pub fn site_info(&self, lang: &str) -> Result<String, ApiError> {
        Ok(format!("{}{}/site.json", self.root, checked_lang(lang)?))
    }

    /// `API/{lang}/news/page-{n}.json`.
    pub fn news_page(&self, lang: &str, page: u32) -> Result<String, ApiError> {
        if page == 0 {
            return Err(ApiError::NotFound);
        }
        Ok(format!(
            "{}{}/news/page-{page}.json",
            self.root,
            checked_lang(lang)?
        ))
    }

    /// `API/{lang}/news/{slug}.json`.
    pub fn article(&self, lang: &str, slug: &str) -> Result<String, ApiError> {
        Ok(format!(
            "{}{}/news/{}.json",
            self.root,
            checked_lang(lang)?,
            checked_slug(slug)?
        ))
    }

    /// `API/{lang}/pages/{slug}.json`.
    pub fn static_page(&self, lang: &str, slug: &str) -> Result<String, ApiError> {
        Ok(format!(
            "{}{}/pages/{}.json",
            self.root,
            checked_lang(lang)?,
            checked_slug(slug)?
        ))
    }
}

fn checked_lang(lang: &str) -> Result<&str, ApiError> {
    is_valid_lang(lang).then_some(lang).ok_or(ApiError::NotFound)
}

fn checked_slug(slug: &str) -> Result<String, ApiError> {
    is_valid_slug(slug)
        .then(|| encode_segment(slug))
        .ok_or(ApiError::NotFound)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_urls_under_the_root() {
        let api = Endpoints::new("https://cdn.example.org/api");
        assert_eq!(api.root(), "https://cdn.example.org/api/");
        assert_eq!(api.site_index(), "https://cdn.example.org/api/site.json");
        assert_eq!(
            api.site_info("en").unwrap(),
            "https://cdn.example.org/api/en/site.json"
        );
        assert_eq!(
            api.news_page("en", 2).unwrap(),
            "https://cdn.example.org/api/en/news/page-2.json"
        );
        assert_eq!(
            api.article("az", "sms-icmpd-cooperation").unwrap(),
            "https://cdn.example.org/api/az/news/sms-icmpd-cooperation.json"
        );
        assert_eq!(
            api.static_page("ru", "privacy").unwrap(),
            "https://cdn.example.org/api/ru/pages/privacy.json"
        );
    }

    #[test]
    fn slugs_are_encoded_and_bad_parts_never_become_requests() {
        let api = Endpoints::new("https://x.test/api/");
        assert_eq!(
            api.article("az", "xəbər").unwrap(),
            "https://x.test/api/az/news/x%C9%99b%C9%99r.json"
        );
        for slug in ["../site", "a/b", "..", "", "a\u{1}b", "a%2Fb"] {
            assert_eq!(api.article("en", slug), Err(ApiError::NotFound), "{slug:?}");
        }
        for lang in ["xx/..", "../", "", "EN", "english"] {
            assert_eq!(api.news_page(lang, 1), Err(ApiError::NotFound), "{lang:?}");
        }
        assert_eq!(api.news_page("en", 0), Err(ApiError::NotFound));
    }
}
