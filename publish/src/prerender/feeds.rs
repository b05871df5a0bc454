//! One Atom feed per language (RFC 4287, written by `atom_syndication`): the
//! latest articles, newest first as the listing orders them, each with its
//! photo and its whole text (sanitized as the page's, URLs absolute). A
//! date-only date is the start of that day in the agency's time zone
//! (`settings`), and ids are `tag:` URIs (RFC 4151) from the site's
//! `tag_authority`, so that moving the site to another origin does not make
//! every entry new to a feed reader.

use crate::settings::moment;
use atom_syndication::{Content, Entry, Feed, FixedDateTime, Link, Person, Text};
use jiff::tz::TimeZone;
use news_portal::core::markup::escaped;
use news_portal::core::model::{Article, Photo, SiteInfo, Summary};
use news_portal::core::routes::{BasePath, Route, TAGS_SEGMENT};
use news_portal::i18n::strings;
use news_portal::ssr::sanitize::sanitize;

/// What every feed of a run shares.
pub struct FeedSite<'a> {
    /// `https://www.example.gov`.
    pub origin: &'a str,
    pub base: &'a BasePath,
    /// The agency's time zone.
    pub zone: &'a TimeZone,
    /// `tag_authority`, if set: else ids are the pages' URLs.
    pub authority: Option<&'a str>,
    /// A URL from the tree's documents made absolute under the origin.
    pub absolute: &'a dyn Fn(&str) -> String,
    /// A photo as a raster picture every reader shows, absolute, with its
    /// size when known (an SVG's JPEG rendition, else the JPEG variant).
    pub picture: &'a dyn Fn(&Photo) -> Raster,
}

/// A picture's absolute URL and its size, when known.
pub type Raster = (String, Option<(u32, u32)>);

/// One entry: the article's slug, the article, its URL path.
pub type FeedEntry<'a> = (&'a str, &'a Article, &'a str);

/// The feed's file below `DIR`, `{lang}/feed.xml`; a tag's (its URL form),
/// `{lang}/tags/{tag}/feed.xml`. Its URL is the listing route's `feed_href`.
pub fn feed_file(lang: &str, tag: Option<&str>) -> String {
    match tag {
        Some(tag) => format!("{lang}/{TAGS_SEGMENT}/{tag}/feed.xml"),
        None => format!("{lang}/feed.xml"),
    }
}

/// The feed of a tag's listing (`key` its URL form, `name` as written): its
/// newest articles, each with its summary (as GOV.UK's topic feeds), newest
/// first. Its `updated` is the newest entry's.
pub fn tag_feed(
    lang: &str,
    key: &str,
    name: &str,
    info: &SiteInfo,
    items: &[Summary],
    site: &FeedSite,
) -> String {
    let FeedSite { origin, base, .. } = site;
    let route = Route::Listing {
        lang: lang.to_string(),
        tag: Some(key.to_string()),
        page: 1,
    };
    let listing = format!("{origin}{}", route.href(base));
    let self_url = format!("{origin}{}", route.feed_href(base).unwrap_or_default());
    let entries: Vec<Entry> = items
        .iter()
        .map(|item| {
            let route = Route::Article {
                lang: lang.to_string(),
                slug: item.slug.clone(),
            };
            let url = format!("{origin}{}", route.href(base));
            let mut entry = Entry::default();
            entry.set_title(item.title.clone());
            entry.set_id(id(site, &url, &format!("{lang}/news/{}", item.slug)));
            entry.set_links(vec![link(&url, "alternate", "text/html")]);
            let published = time(&item.published, site.zone);
            entry.set_published(published);
            if let Some(published) = published {
                entry.set_updated(published);
            }
            entry.set_summary(item.summary.clone().map(Text::plain));
            entry
        })
        .collect();
    let id = id(site, &listing, &format!("{lang}/{TAGS_SEGMENT}/{key}"));
    atom(
        tag_title(lang, name, info),
        id,
        lang,
        info,
        [&listing, &self_url],
        entries,
    )
}

/// A tag feed's title: the tag's heading and the agency.
pub fn tag_title(lang: &str, name: &str, info: &SiteInfo) -> String {
    format!("{} – {}", strings(lang).tagged.replace("{tag}", name), info.name)
}

/// An entry's or a feed's id: a `tag:` URI under the site's authority, else its URL.
fn id(site: &FeedSite, url: &str, path: &str) -> String {
    match site.authority {
        Some(authority) => format!("tag:{authority}:{path}"),
        None => url.to_string(),
    }
}

/// The feed of `lang`. Its `updated` is the newest entry's (so the same
/// data gives the same file).
pub fn feed(lang: &str, info: &SiteInfo, entries: &[FeedEntry], site: &FeedSite) -> String {
    let FeedSite { origin, base, .. } = site;
    let route = Route::listing(lang);
    let listing = format!("{origin}{}", route.href(base));
    let id = |url: &str, path: &str| id(site, url, path);
    let self_url = format!("{origin}{}", route.feed_href(base).unwrap_or_default());
    let entries: Vec<Entry> = entries
        .iter()
        .map(|(slug, article, path)| {
            let url = format!("{origin}{path}");
            let mut entry = Entry::default();
            entry.set_title(article.title.clone());
            entry.set_id(id(&url, &format!("{lang}/news/{slug}")));
            entry.set_links(vec![link(&url, "alternate", "text/html")]);
            let published = article.published.as_deref().and_then(|raw| time(raw, site.zone));
            let updated = article
                .updated
                .as_deref()
                .and_then(|raw| time(raw, site.zone))
                .or(published);
            entry.set_published(published);
            if let Some(updated) = updated {
                entry.set_updated(updated);
            }
            entry.set_summary(article.summary.clone().map(Text::plain));
            let mut content = Content::default();
            content.set_content_type(Some("html".to_string()));
            content.set_value(Some(content_html(article, site)));
            entry.set_content(Some(content));
            entry
        })
        .collect();
    let feed_id = id(&listing, &format!("{lang}/news"));
    atom(
        title(lang, info),
        feed_id,
        lang,
        info,
        [&listing, &self_url],
        entries,
    )
}

/// A feed in `lang` by the agency of `info`, with its page and its own
/// address (`links`), and `entries`; its `updated` is the newest entry's (so
/// the same data gives the same file).
fn atom(
    title: String,
    id: String,
    lang: &str,
    info: &SiteInfo,
    links: [&str; 2],
    entries: Vec<Entry>,
) -> String {
    let mut feed = Feed::default();
    feed.set_title(title);
    feed.set_id(id);
    feed.set_lang(Some(lang.to_string()));
    let mut author = Person::default();
    author.set_name(info.name.clone());
    feed.set_authors(vec![author]);
    feed.set_links(vec![
        link(links[0], "alternate", "text/html"),
        link(links[1], "self", "application/atom+xml"),
    ]);
    if let Some(newest) = entries.iter().map(|entry| *entry.updated()).max() {
        feed.set_updated(newest);
    }
    feed.set_entries(entries);
    feed.to_string()
}

/// The article's photo and its text, as the page shows them, with absolute
/// URLs (a feed reader has no page to resolve them against).
fn content_html(article: &Article, site: &FeedSite) -> String {
    let mut html = String::new();
    if let Some(photo) = &article.photo {
        let (src, size) = (site.picture)(photo);
        html.push_str(&format!(
            r#"<figure><img src="{}" alt="{}""#,
            escaped(&src),
            escaped(&photo.alt)
        ));
        if let Some((width, height)) = size {
            html.push_str(&format!(r#" width="{width}" height="{height}""#));
        }
        html.push('>');
        let caption: Vec<&str> = [&photo.caption, &photo.credit]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        if !caption.is_empty() {
            html.push_str(&format!(
                "<figcaption>{}</figcaption>",
                escaped(&caption.join(" "))
            ));
        }
        html.push_str("</figure>");
    }
    // Resolved against the document as the page's body is; under the tree's
    // placeholder origin, then made absolute.
    let body = sanitize(&article.body_html, &article.source_url, crate::tree::NO_ORIGIN).unwrap_or_default();
    html.push_str(&(site.absolute)(&body));
    html
}

/// The feed's title: "News – {agency}" in the feed's language.
pub fn title(lang: &str, info: &SiteInfo) -> String {
    format!("{} – {}", strings(lang).latest_news, info.name)
}

fn link(href: &str, rel: &str, mime: &str) -> Link {
    let mut link = Link::default();
    link.set_href(href);
    link.set_rel(rel);
    link.set_mime_type(Some(mime.to_string()));
    link
}

/// A date or time from the data as Atom's date-time (`settings::moment`).
fn time(raw: &str, zone: &TimeZone) -> Option<FixedDateTime> {
    FixedDateTime::parse_from_rfc3339(&moment(raw, zone)?).ok()
}
