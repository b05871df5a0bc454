//! The route table (docs/news-api.md, "Client-side routes"), written once.
//!
//! A [`Route`] is one view of the app. [`Route::href`] builds the link to it,
//! [`Route::parse`] reads it back from a URL (its exact inverse: see the
//! round-trip test), and [`Route::documents`] names the JSON documents it
//! needs. The router, every link, the language switcher and the loader's
//! preloads (`public/boot.js`, held to this table by `tests/routes.json`) all
//! derive from here, so that a new kind of view is a variant here, its page
//! component and its tests.

use super::model::Translations;
use super::pagination::page_number;
use super::slug::{decode_segment, encode_segment, is_valid_lang, is_valid_slug, query_value};

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

    /// The part of `path` below this base, without its leading `/`; `None`
    /// when `path` is outside it. The base without its final `/` counts as the
    /// base itself (`/portal/news` under `/portal/news/`).
    fn below<'a>(&self, path: &'a str) -> Option<&'a str> {
        path.strip_prefix(self.as_str())
            .or_else(|| (path == self.router_prefix()).then_some(""))
    }
}

/// The legal pages: the contract's `terms` and `privacy`, which every
/// language has, and the accessibility statement, which a publisher may give.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Legal {
    /// Terms for users.
    Terms,
    /// Privacy Policy.
    Privacy,
    /// The accessibility statement (an extension of contract v1: optional;
    /// `API/{lang}/site.json` lists it in `has` when it is there).
    Accessibility,
}

impl Legal {
    /// Every legal page, in the footer's order: the one list of them.
    pub const ALL: [Legal; 3] = [Legal::Terms, Legal::Privacy, Legal::Accessibility];

    /// Its URL segment, which is also its document's slug (`API/{lang}/pages/{slug}.json`).
    pub fn slug(self) -> &'static str {
        match self {
            Legal::Terms => "terms",
            Legal::Privacy => "privacy",
            Legal::Accessibility => "accessibility",
        }
    }

    /// `true` for a page the contract requires of every language.
    pub fn is_required(self) -> bool {
        self != Legal::Accessibility
    }

    /// The legal page whose slug is `slug`.
    pub fn from_slug(slug: &str) -> Option<Legal> {
        Legal::ALL.into_iter().find(|legal| legal.slug() == slug)
    }
}

/// The URL segment of article routes: `BASE{lang}/news/{slug}`.
const NEWS_SEGMENT: &str = "news";

/// The URL segment of listing pages after the first: `BASE{lang}/page/{N}`.
const PAGE_SEGMENT: &str = "page";

/// The URL segment of tag listings: `BASE{lang}/tags/{tag}` (and `/page/{N}`).
pub const TAGS_SEGMENT: &str = "tags";

/// The URL segment of the search view: `BASE{lang}/search?q=…&tag=…&year=…`.
pub const SEARCH_SEGMENT: &str = "search";

/// The longest search text or tag kept from a URL; the rest is cut off.
const MAX_QUERY_LEN: usize = 200;

/// What the reader searches for: words, and filters by tag and year. The
/// search view's state lives in its URL, so back, forward, reload and a shared
/// link all show the same results.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchQuery {
    /// The words, as typed (empty: only the filters apply).
    pub text: String,
    pub tag: Option<String>,
    /// Four digits.
    pub year: Option<String>,
}

impl SearchQuery {
    /// Reads `q`, `tag` and `year` from a query string. Empty values are no
    /// filter, a year that is not four digits is dropped, long texts are cut.
    pub fn from_query(query: &str) -> SearchQuery {
        let value = |name| {
            query_value(query, name)
                .map(|value| value.trim().chars().take(MAX_QUERY_LEN).collect::<String>())
                .filter(|value| !value.is_empty())
        };
        SearchQuery {
            text: value("q").unwrap_or_default(),
            tag: value("tag"),
            year: value("year").filter(|year| year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit())),
        }
    }

    /// The query string for this search (`?q=…&tag=…&year=…`, only the parts
    /// given), empty when nothing is asked.
    pub fn to_query(&self) -> String {
        let parts: Vec<String> = [
            ("q", Some(&self.text)),
            ("tag", self.tag.as_ref()),
            ("year", self.year.as_ref()),
        ]
        .into_iter()
        .filter_map(|(name, value)| value.filter(|value| !value.is_empty()).map(|value| (name, value)))
        .map(|(name, value)| format!("{name}={}", encode_segment(value)))
        .collect();
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// `true` when nothing is asked: the view shows only its form.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty() && self.tag.is_none() && self.year.is_none()
    }
}

/// A view of the app, as named in the route table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// `BASE`: redirects to the reader's language.
    Home,
    /// `BASE{lang}/` and `BASE{lang}/page/{N}`: the news listing, one path per
    /// page so that a static host can serve each as a file. The older
    /// `BASE{lang}/?page=N` names the same page. `page` 0 stands for a page
    /// number that cannot exist (`page/abc`, `?page=-1`): the view says
    /// "no such page" without a request. With a `tag` (its URL form,
    /// [`tag_key`](super::slug::tag_key)): `BASE{lang}/tags/{tag}` and
    /// `…/page/{N}`, the articles with that tag.
    Listing {
        lang: String,
        tag: Option<String>,
        page: u32,
    },
    /// `BASE{lang}/news/{slug}`: one article.
    Article { lang: String, slug: String },
    /// `BASE{lang}/terms`, `BASE{lang}/privacy`.
    Legal { lang: String, legal: Legal },
    /// `BASE{lang}/search?q=…&tag=…&year=…`: the news of one language found
    /// by words, tag and year (the index is made at publish time).
    Search { lang: String, query: SearchQuery },
}

impl Route {
    /// The first page of the listing in `lang`.
    pub fn listing(lang: &str) -> Route {
        Route::Listing {
            lang: lang.to_string(),
            tag: None,
            page: 1,
        }
    }

    /// The language of this route; `None` for [`Route::Home`].
    pub fn lang(&self) -> Option<&str> {
        match self {
            Route::Home => None,
            Route::Listing { lang, .. }
            | Route::Article { lang, .. }
            | Route::Legal { lang, .. }
            | Route::Search { lang, .. } => Some(lang),
        }
    }

    /// The href of this route under `base`, ready for an `<a href>`.
    pub fn href(&self, base: &BasePath) -> String {
        let base = base.as_str();
        match self {
            Route::Home => base.to_string(),
            Route::Listing { lang, tag, page } => {
                let tag = tag
                    .as_ref()
                    .map(|tag| format!("{TAGS_SEGMENT}/{}/", encode_segment(tag)))
                    .unwrap_or_default();
                match page {
                    1 => format!("{base}{lang}/{tag}"),
                    _ => format!("{base}{lang}/{tag}{PAGE_SEGMENT}/{page}"),
                }
            }
            Route::Article { lang, slug } => {
                format!("{base}{lang}/{NEWS_SEGMENT}/{}", encode_segment(slug))
            }
            Route::Legal { lang, legal } => format!("{base}{lang}/{}", legal.slug()),
            Route::Search { lang, query } => format!("{base}{lang}/{SEARCH_SEGMENT}{}", query.to_query()),
        }
    }

    /// The href of a listing's Atom feed (`BASE{lang}/feed.xml`,
    /// `BASE{lang}/tags/{tag}/feed.xml`), beside its first page; `None` for
    /// other views. Not a route: the browser follows it.
    pub fn feed_href(&self, base: &BasePath) -> Option<String> {
        match self {
            Route::Listing { lang, tag, .. } => {
                let first = Route::Listing {
                    lang: lang.clone(),
                    tag: tag.clone(),
                    page: 1,
                };
                Some(format!("{}feed.xml", first.href(base)))
            }
            _ => None,
        }
    }

    /// The route a location names: `path` as the browser has it (percent-encoded),
    /// `query` its search string (with or without the `?`). `None` for a URL the
    /// table does not know: outside `base`, an invalid language code or slug,
    /// an unknown page. A final `/` is optional everywhere.
    pub fn parse(path: &str, query: &str, base: &BasePath) -> Option<Route> {
        let below = base.below(path)?;
        let below = below.strip_suffix('/').unwrap_or(below);
        // A prerendered page's own file (`en/terms.html`, `en/index.html`),
        // which some hosts and crawlers expose: the same view as its URL.
        let below = match below.strip_suffix("index.html") {
            Some(folder) if folder.is_empty() || folder.ends_with('/') => folder.trim_end_matches('/'),
            _ => below.strip_suffix(".html").unwrap_or(below),
        };
        if below.is_empty() {
            return Some(Route::Home);
        }
        let segments = below
            .split('/')
            .map(decode_segment)
            .collect::<Option<Vec<String>>>()?;
        let (lang, rest) = segments.split_first()?;
        if !is_valid_lang(lang) {
            return None;
        }
        let lang = lang.clone();
        match rest {
            [] => Some(Route::Listing {
                lang,
                tag: None,
                page: page_number(query_value(query, "page").as_deref()),
            }),
            [segment, number] if segment == PAGE_SEGMENT => Some(Route::Listing {
                lang,
                tag: None,
                page: page_number(Some(number)),
            }),
            [tags, tag, rest @ ..] if tags == TAGS_SEGMENT && is_valid_slug(tag) => {
                let page = match rest {
                    [] => 1,
                    [segment, number] if segment == PAGE_SEGMENT => page_number(Some(number)),
                    _ => return None,
                };
                Some(Route::Listing {
                    lang,
                    tag: Some(tag.clone()),
                    page,
                })
            }
            [news, slug] if news == NEWS_SEGMENT && is_valid_slug(slug) => Some(Route::Article {
                lang,
                slug: slug.clone(),
            }),
            [segment] if segment == SEARCH_SEGMENT => Some(Route::Search {
                lang,
                query: SearchQuery::from_query(query),
            }),
            [segment] => Legal::from_slug(segment).map(|legal| Route::Legal { lang, legal }),
            _ => None,
        }
    }

    /// The JSON documents this view needs, in the order the app asks for them:
    /// the site's languages, the chrome of its language, then its own document.
    pub fn documents(&self) -> Vec<Document> {
        let mut documents = vec![Document::SiteIndex];
        if let Some(lang) = self.lang() {
            documents.push(Document::SiteInfo { lang: lang.into() });
        }
        documents.extend(self.document());
        documents
    }

    /// The document that holds this view's content; `None` for the home
    /// redirect and for a listing page that cannot exist.
    pub fn document(&self) -> Option<Document> {
        match self {
            Route::Home | Route::Listing { page: 0, .. } | Route::Search { .. } => None,
            Route::Listing { lang, tag, page } => Some(Document::NewsPage {
                lang: lang.clone(),
                tag: tag.clone(),
                page: *page,
            }),
            Route::Article { lang, slug } => Some(Document::Article {
                lang: lang.clone(),
                slug: slug.clone(),
            }),
            Route::Legal { lang, legal } => Some(Document::Legal {
                lang: lang.clone(),
                legal: *legal,
            }),
        }
    }
}

/// `true` when the location names its route in another form than the route's
/// own href: the older `?page=N` of a listing. The app then puts the href in
/// the address bar instead (replacing the history entry).
pub fn is_legacy_form(query: &str) -> bool {
    query_value(query, "page").is_some()
}

/// The language a location is in: its first segment below `base`, if that is
/// a language code. Also for URLs that are no route (`/en/contacts`), whose
/// "page not found" is still shown in that language.
pub fn lang_of(path: &str, base: &BasePath) -> Option<String> {
    let first = base.below(path)?.split('/').next()?;
    let lang = decode_segment(first)?;
    is_valid_lang(&lang).then_some(lang)
}

/// The documents the first view of a location needs: what the loader
/// (`public/boot.js`) preloads while the wasm downloads.
pub fn first_view_documents(path: &str, query: &str, base: &BasePath) -> Vec<Document> {
    match Route::parse(path, query, base) {
        Some(route) => route.documents(),
        None => {
            let mut documents = vec![Document::SiteIndex];
            documents.extend(lang_of(path, base).map(|lang| Document::SiteInfo { lang }));
            documents
        }
    }
}

/// A document of the contract (docs/news-api.md, "Where the data lives").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Document {
    /// `API/site.json`.
    SiteIndex,
    /// `API/{lang}/site.json`.
    SiteInfo { lang: String },
    /// `API/{lang}/news/page-{n}.json`; with a tag (its URL form),
    /// `API/{lang}/tags/{tag}/page-{n}.json` (an extension of contract v1).
    NewsPage {
        lang: String,
        tag: Option<String>,
        page: u32,
    },
    /// `API/{lang}/news/{slug}.json`.
    Article { lang: String, slug: String },
    /// `API/{lang}/pages/{slug}.json`.
    Legal { lang: String, legal: Legal },
}

impl Document {
    /// The path of this document below `API`, percent-encoded; `None` when a
    /// part is not usable (an invalid language code or slug, page 0), so that
    /// such a document is "not found" without a request.
    pub fn path(&self) -> Option<String> {
        let checked_lang = |lang: &str| is_valid_lang(lang).then(|| lang.to_string());
        match self {
            Document::SiteIndex => Some("site.json".into()),
            Document::SiteInfo { lang } => Some(format!("{}/site.json", checked_lang(lang)?)),
            Document::NewsPage { page: 0, .. } => None,
            Document::NewsPage {
                lang,
                tag: None,
                page,
            } => Some(format!("{}/news/page-{page}.json", checked_lang(lang)?)),
            Document::NewsPage {
                lang,
                tag: Some(tag),
                page,
            } => {
                let tag = is_valid_slug(tag).then(|| encode_segment(tag))?;
                Some(format!(
                    "{}/{TAGS_SEGMENT}/{tag}/page-{page}.json",
                    checked_lang(lang)?
                ))
            }
            Document::Article { lang, slug } => {
                let slug = is_valid_slug(slug).then(|| encode_segment(slug))?;
                Some(format!("{}/news/{slug}.json", checked_lang(lang)?))
            }
            Document::Legal { lang, legal } => {
                Some(format!("{}/pages/{}.json", checked_lang(lang)?, legal.slug()))
            }
        }
    }
}

/// Where changing language from the current view leads.
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

/// The counterpart of the view at `route` (`None`: no such route) in language
/// `to`. `translations` is the current article's map, once it has loaded.
pub fn counterpart(route: Option<&Route>, to: &str, translations: Option<&Translations>) -> Counterpart {
    let lang = to.to_string();
    match route {
        Some(Route::Listing { tag: None, page, .. }) => Counterpart::Equivalent(Route::Listing {
            lang,
            tag: None,
            page: (*page).max(1),
        }),
        // A language's tags are its own words: the same tag where the
        // listing names it in `to` (its `translations`), else the listing.
        Some(Route::Listing { tag: Some(_), .. }) => match translations.and_then(|map| map.get(to)) {
            Some(tag) => Counterpart::Equivalent(Route::Listing {
                lang,
                tag: Some(tag.to_string()),
                page: 1,
            }),
            None => Counterpart::Listing(Route::listing(to)),
        },
        Some(Route::Legal { legal, .. }) => Counterpart::Equivalent(Route::Legal { lang, legal: *legal }),
        // The same words and year in the other language's news; its tags are its own.
        Some(Route::Search { query, .. }) => Counterpart::Equivalent(Route::Search {
            lang,
            query: SearchQuery {
                tag: None,
                ..query.clone()
            },
        }),
        Some(Route::Article { .. }) => match translations {
            Some(map) => match map.get(to) {
                Some(slug) => Counterpart::Equivalent(Route::Article {
                    lang,
                    slug: slug.to_string(),
                }),
                None => Counterpart::Untranslated(Route::listing(to)),
            },
            None => Counterpart::Listing(Route::listing(to)),
        },
        Some(Route::Home) | None => Counterpart::Listing(Route::listing(to)),
    }
}

// Host tests: they use the URL resolver of `ssr` (and proptest).
#[cfg(all(test, feature = "ssr"))]
mod tests;
