//! The app's routes (the table in docs/news-api.md) and the hrefs that lead to them.
//!
//! Every link the app renders is built here, from a [`Route`] and the deploy-time
//! base path, so that the app works under any `BASE` without rebuilding.

use super::model::Translations;
use super::pagination::parse_page;
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

/// The static pages every language has (the contract's `terms` and `privacy`).
pub const STATIC_PAGES: [&str; 2] = ["terms", "privacy"];

/// Where the reader is, as far as changing language is concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// `BASE` itself.
    Home,
    /// A listing page (an unreadable `?page=` counts as page 1).
    Listing { page: u32 },
    /// An article; its counterparts come from the article's `translations`.
    Article,
    /// A static page.
    Page { slug: &'static str },
    /// Anything else: a route that does not exist.
    Elsewhere,
}

/// The [`Place`] of a location: `pathname` as the browser has it, and the
/// value of its `page` query parameter.
pub fn place_of(pathname: &str, page: Option<&str>, base: &BasePath) -> Place {
    let Some(below_base) = pathname
        .strip_prefix(base.as_str())
        .or_else(|| pathname.strip_prefix(base.router_prefix().as_str()))
    else {
        return Place::Elsewhere;
    };
    let segments: Vec<&str> = below_base
        .trim_start_matches('/')
        .trim_end_matches('/')
        .split('/')
        .collect();
    match segments.as_slice() {
        [""] => Place::Home,
        [_lang] => Place::Listing {
            page: parse_page(page).unwrap_or(1),
        },
        [_lang, "news", slug] if !slug.is_empty() => Place::Article,
        [_lang, slug] => STATIC_PAGES
            .iter()
            .find(|known| *known == slug)
            .map_or(Place::Elsewhere, |slug| Place::Page { slug }),
        _ => Place::Elsewhere,
    }
}

/// Where changing language from a [`Place`] leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Counterpart {
    /// The same view in the other language: it is that view's alternate.
    Equivalent(Route),
    /// The article has no translation into that language: its listing, with a note.
    Untranslated(Route),
    /// No equivalent view is known (a missing route, an article still loading):
    /// the listing of that language.
    Listing(Route),
}

impl Counterpart {
    /// The route the switcher links to.
    pub fn route(&self) -> &Route {
        match self {
            Counterpart::Equivalent(route)
            | Counterpart::Untranslated(route)
            | Counterpart::Listing(route) => route,
        }
    }
}

/// The counterpart of `place` in language `to`. `translations` is the
/// current article's `{lang: slug}` map, once the article has loaded.
pub fn counterpart(place: &Place, to: &str, translations: Option<&Translations>) -> Counterpart {
    let lang = to.to_string();
    let first_page = || Route::Listing {
        lang: to.to_string(),
        page: 1,
    };
    match place {
        Place::Listing { page } => Counterpart::Equivalent(Route::Listing { lang, page: *page }),
        Place::Page { slug } => Counterpart::Equivalent(Route::Page { lang, slug }),
        Place::Article => match translations {
            Some(map) => match map.get(to) {
                Some(slug) => Counterpart::Equivalent(Route::Article {
                    lang,
                    slug: slug.to_string(),
                }),
                None => Counterpart::Untranslated(first_page()),
            },
            None => Counterpart::Listing(first_page()),
        },
        Place::Home | Place::Elsewhere => Counterpart::Listing(first_page()),
    }
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

    #[test]
    fn places_of_locations() {
        let root = BasePath::new("/");
        assert_eq!(place_of("/", None, &root), Place::Home);
        assert_eq!(place_of("/az/", None, &root), Place::Listing { page: 1 });
        assert_eq!(place_of("/az", Some("3"), &root), Place::Listing { page: 3 });
        assert_eq!(place_of("/az/", Some("abc"), &root), Place::Listing { page: 1 });
        assert_eq!(place_of("/ru/news/x%C9%99", None, &root), Place::Article);
        assert_eq!(place_of("/ru/terms", None, &root), Place::Page { slug: "terms" });
        assert_eq!(
            place_of("/ru/privacy/", None, &root),
            Place::Page { slug: "privacy" }
        );
        assert_eq!(place_of("/ru/contacts", None, &root), Place::Elsewhere);
        assert_eq!(place_of("/ru/news/", None, &root), Place::Elsewhere);
        assert_eq!(place_of("/ru/news/a/b", None, &root), Place::Elsewhere);
        let sub = BasePath::new("/portal/news/");
        assert_eq!(place_of("/portal/news/", None, &sub), Place::Home);
        assert_eq!(place_of("/portal/news", None, &sub), Place::Home);
        assert_eq!(
            place_of("/portal/news/en/", Some("2"), &sub),
            Place::Listing { page: 2 }
        );
        assert_eq!(place_of("/elsewhere/en/", None, &sub), Place::Elsewhere);
    }

    #[test]
    fn counterparts_keep_the_reader_where_they_are() {
        assert_eq!(
            counterpart(&Place::Listing { page: 2 }, "ru", None),
            Counterpart::Equivalent(Route::Listing {
                lang: "ru".into(),
                page: 2
            })
        );
        assert_eq!(
            counterpart(&Place::Page { slug: "privacy" }, "az", None),
            Counterpart::Equivalent(Route::Page {
                lang: "az".into(),
                slug: "privacy"
            })
        );
        let first_page = |lang: &str| Route::Listing {
            lang: lang.into(),
            page: 1,
        };
        assert_eq!(
            counterpart(&Place::Home, "en", None),
            Counterpart::Listing(first_page("en"))
        );
        assert_eq!(
            counterpart(&Place::Elsewhere, "ru", None),
            Counterpart::Listing(first_page("ru"))
        );
    }

    #[test]
    fn an_article_leads_to_its_translation_or_to_the_listing_with_a_note() {
        let translations: Translations = [("az", "dmx-xeber"), ("ru", "novost-gms")]
            .into_iter()
            .map(|(lang, slug)| (lang.to_string(), slug.to_string()))
            .collect();
        assert_eq!(
            counterpart(&Place::Article, "ru", Some(&translations)),
            Counterpart::Equivalent(Route::Article {
                lang: "ru".into(),
                slug: "novost-gms".into()
            })
        );
        let untranslated = counterpart(&Place::Article, "tr", Some(&translations));
        assert_eq!(
            untranslated,
            Counterpart::Untranslated(Route::Listing {
                lang: "tr".into(),
                page: 1
            })
        );
        assert_eq!(untranslated.route().href(&BasePath::new("/")), "/tr/");
        // Still loading: no promise of a translation, and no note either.
        assert_eq!(
            counterpart(&Place::Article, "ru", None),
            Counterpart::Listing(Route::Listing {
                lang: "ru".into(),
                page: 1
            })
        );
    }
}
