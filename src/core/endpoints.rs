//! The URLs of the contract's documents under the data root `API`. Every
//! user-controlled part is checked (by [`Document::path`]) before any request
//! is made: a bad slug or language is "not found" without touching the network.

use super::error::ApiError;
use super::routes::Document;

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

    /// The URL of `document`; `NotFound` when it names something that cannot exist.
    pub fn url(&self, document: &Document) -> Result<String, ApiError> {
        let path = document.path().ok_or(ApiError::NotFound)?;
        Ok(format!("{}{path}", self.root))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::routes::Legal;

    #[test]
    fn document_urls_under_the_root() {
        let api = Endpoints::new("https://cdn.example.org/api");
        assert_eq!(api.root(), "https://cdn.example.org/api/");
        let url = |document: Document| api.url(&document).unwrap();
        assert_eq!(url(Document::SiteIndex), "https://cdn.example.org/api/site.json");
        assert_eq!(
            url(Document::SiteInfo { lang: "en".into() }),
            "https://cdn.example.org/api/en/site.json"
        );
        assert_eq!(
            url(Document::NewsPage {
                lang: "en".into(),
                tag: None,
                page: 2
            }),
            "https://cdn.example.org/api/en/news/page-2.json"
        );
        assert_eq!(
            url(Document::NewsPage {
                lang: "az".into(),
                tag: Some("vətəndaşlıq".into()),
                page: 2
            }),
            "https://cdn.example.org/api/az/tags/v%C9%99t%C9%99nda%C5%9Fl%C4%B1q/page-2.json"
        );
        assert_eq!(
            url(Document::Article {
                lang: "az".into(),
                slug: "sms-icmpd-cooperation".into()
            }),
            "https://cdn.example.org/api/az/news/sms-icmpd-cooperation.json"
        );
        assert_eq!(
            url(Document::Legal {
                lang: "ru".into(),
                legal: Legal::Privacy
            }),
            "https://cdn.example.org/api/ru/pages/privacy.json"
        );
    }

    #[test]
    fn slugs_are_encoded_and_bad_parts_never_become_requests() {
        let api = Endpoints::new("https://x.test/api/");
        let article = |lang: &str, slug: &str| {
            api.url(&Document::Article {
                lang: lang.into(),
                slug: slug.into(),
            })
        };
        assert_eq!(
            article("az", "xəbər").unwrap(),
            "https://x.test/api/az/news/x%C9%99b%C9%99r.json"
        );
        for slug in ["../site", "a/b", "..", "", "a\u{1}b", "a%2Fb"] {
            assert_eq!(article("en", slug), Err(ApiError::NotFound), "{slug:?}");
        }
        for lang in ["xx/..", "../", "", "EN", "english"] {
            assert_eq!(article(lang, "a"), Err(ApiError::NotFound), "{lang:?}");
        }
        let page_zero = Document::NewsPage {
            lang: "en".into(),
            tag: None,
            page: 0,
        };
        assert_eq!(api.url(&page_zero), Err(ApiError::NotFound));
    }
}
