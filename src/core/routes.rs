//! The app's routes (the table in docs/news-api.md) and the hrefs that lead to them.
//!
//! Every link the app renders is built here, from a [`Route`] and the deploy-time
//! base path, so that the app works under any `BASE` without rebuilding.

use super::slug::encode_segment;

/// The path the app is served under: starts and ends with `/` (`/`, `/portal/news/`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BasePath(String);

impl BasePath {
    /// Normalizes any path to the `/…/` form: `""` and `"/"` are the root,
    /// `"portal/news"` becomes `/portal/news/`.
    pub fn new(path: &str) -> Self {
        let trimmed = path.trim().trim_matches('/');
        if trimmed.is_empty() {
            BasePath("/".to_string())
        } else {
            BasePath(format!("/{trimmed}/"))
        }
    }

    /// The normalized path, with both slashes.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The prefix `leptos_router` expects: no trailing slash, empty for the root.
    pub fn router_prefix(&self) -> String {
        self.0.trim_end_matches('/').to_string()
    }
}

/// A view of the app, as named in the route table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// `BASE`: redirects to the reader's language.
    Home,
    /// `BASE{lang}/?page=N`: the news listing.
    Listing { lang: String, page: u32 },
    /// `BASE{lang}/news/{slug}`: one article.
    Article { lang: String, slug: String },
    /// `BASE{lang}/{slug}` for the static pages (`terms`, `privacy`).
    Page { lang: String, slug: &'static str },
}

impl Route {
    /// The path and query of this route below the base, without the leading `/`.
    fn relative(&self) -> String {
        match self {
            Route::Home => String::new(),
            Route::Listing { lang, page } if *page > 1 => format!("{lang}/?page={page}"),
            Route::Listing { lang, .. } => format!("{lang}/"),
            Route::Article { lang, slug } => format!("{lang}/news/{}", encode_segment(slug)),
            Route::Page { lang, slug } => format!("{lang}/{slug}"),
        }
    }

    /// The href of this route under `base`, ready for an `<a href>`.
    pub fn href(&self, base: &BasePath) -> String {
        format!("{}{}", base.as_str(), self.relative())
    }
}

/// The language segment of the current location: the first path segment after
/// `base`, if there is one.
pub fn lang_segment<'a>(pathname: &'a str, base: &BasePath) -> Option<&'a str> {
    let below_base = pathname
        .strip_prefix(base.as_str())
        .or_else(|| pathname.strip_prefix(base.router_prefix().as_str()))?;
    let segment = below_base.trim_start_matches('/').split('/').next()?;
    (!segment.is_empty()).then_some(segment)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang() -> String {
        "en".to_string()
    }

    #[test]
    fn base_paths_are_normalized() {
        assert_eq!(BasePath::new("").as_str(), "/");
        assert_eq!(BasePath::new("/").as_str(), "/");
        assert_eq!(BasePath::new("/portal/news").as_str(), "/portal/news/");
        assert_eq!(BasePath::new("portal/news/").as_str(), "/portal/news/");
        assert_eq!(BasePath::new("/").router_prefix(), "");
        assert_eq!(BasePath::new("/portal/news/").router_prefix(), "/portal/news");
    }

    #[test]
    fn hrefs_at_the_root() {
        let base = BasePath::new("/");
        assert_eq!(Route::Home.href(&base), "/");
        assert_eq!(
            Route::Listing {
                lang: lang(),
                page: 1
            }
            .href(&base),
            "/en/"
        );
        assert_eq!(
            Route::Listing {
                lang: lang(),
                page: 3
            }
            .href(&base),
            "/en/?page=3"
        );
        assert_eq!(
            Route::Article {
                lang: lang(),
                slug: "sms-icmpd-cooperation".into()
            }
            .href(&base),
            "/en/news/sms-icmpd-cooperation"
        );
        assert_eq!(
            Route::Page {
                lang: lang(),
                slug: "terms"
            }
            .href(&base),
            "/en/terms"
        );
        assert_eq!(
            Route::Page {
                lang: lang(),
                slug: "privacy"
            }
            .href(&base),
            "/en/privacy"
        );
    }

    #[test]
    fn hrefs_under_a_sub_path_and_with_encoded_slugs() {
        let base = BasePath::new("/portal/news/");
        assert_eq!(Route::Home.href(&base), "/portal/news/");
        assert_eq!(
            Route::Listing {
                lang: lang(),
                page: 2
            }
            .href(&base),
            "/portal/news/en/?page=2"
        );
        assert_eq!(
            Route::Article {
                lang: "az".into(),
                slug: "xəbər 1".into()
            }
            .href(&base),
            "/portal/news/az/news/x%C9%99b%C9%99r%201"
        );
    }

    #[test]
    fn language_segment_of_a_location() {
        let root = BasePath::new("/");
        assert_eq!(lang_segment("/en/news/x", &root), Some("en"));
        assert_eq!(lang_segment("/en/", &root), Some("en"));
        assert_eq!(lang_segment("/", &root), None);
        let sub = BasePath::new("/portal/news/");
        assert_eq!(lang_segment("/portal/news/ru/terms", &sub), Some("ru"));
        assert_eq!(lang_segment("/portal/news", &sub), None);
        assert_eq!(lang_segment("/elsewhere/en/", &sub), None);
    }
}
