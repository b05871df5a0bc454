//! One Atom feed per language (RFC 4287, written by `atom_syndication`): the
//! latest articles, newest first as the listing orders them.

use atom_syndication::{Entry, Feed, FixedDateTime, Link, Person, Text};
use news_portal::core::model::{Article, SiteInfo};
use news_portal::core::routes::{BasePath, Route};
use news_portal::i18n::strings;

/// The feed's file below `DIR`, `{lang}/feed.xml`: its URL is `BASE{lang}/feed.xml`.
pub fn feed_file(lang: &str) -> String {
    format!("{lang}/feed.xml")
}

/// The feed of `lang`: `entries` are the articles with their URL paths. Its
/// `updated` is the newest entry's (so the same data gives the same file).
pub fn feed(
    lang: &str,
    info: &SiteInfo,
    entries: &[&(Article, String)],
    origin: &str,
    base: &BasePath,
) -> String {
    let listing = format!("{origin}{}", Route::listing(lang).href(base));
    let mut feed = Feed::default();
    feed.set_title(title(lang, info));
    feed.set_id(listing.clone());
    feed.set_lang(Some(lang.to_string()));
    let mut author = Person::default();
    author.set_name(info.name.clone());
    feed.set_authors(vec![author]);
    feed.set_links(vec![
        link(&listing, "alternate", "text/html"),
        link(
            &format!("{origin}{}{}", base.as_str(), feed_file(lang)),
            "self",
            "application/atom+xml",
        ),
    ]);
    let entries: Vec<Entry> = entries
        .iter()
        .map(|(article, path)| {
            let url = format!("{origin}{path}");
            let mut entry = Entry::default();
            entry.set_title(article.title.clone());
            entry.set_id(url.clone());
            entry.set_links(vec![link(&url, "alternate", "text/html")]);
            let published = article.published.as_deref().and_then(time);
            let updated = article.updated.as_deref().and_then(time).or(published);
            entry.set_published(published);
            if let Some(updated) = updated {
                entry.set_updated(updated);
            }
            entry.set_summary(article.summary.clone().map(Text::plain));
            entry
        })
        .collect();
    if let Some(newest) = entries.iter().map(|entry| *entry.updated()).max() {
        feed.set_updated(newest);
    }
    feed.set_entries(entries);
    feed.to_string()
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

/// A date or time from the data as Atom's date-time (midnight UTC for a date).
fn time(raw: &str) -> Option<FixedDateTime> {
    let iso = super::head::iso_time(raw)?;
    FixedDateTime::parse_from_rfc3339(&iso)
        .or_else(|_| FixedDateTime::parse_from_rfc3339(&format!("{}T00:00:00Z", &iso[..10])))
        .ok()
}
