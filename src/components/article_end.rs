//! The end of an article: links that share its address, copy it or print
//! the page; its address (shown only in print); its related news.
//!
//! Written as one piece of markup (`inner_html`) rather than as views: it has
//! nothing reactive, and as markup it costs the bundle a third of what the
//! same elements cost as Leptos views. Every value in it is escaped.

use crate::core::dates::CalendarDate;
use crate::core::markup::escaped;
use crate::core::model::Summary;
use crate::core::routes::{BasePath, Route};
use crate::core::slug::encode_segment;
use leptos::prelude::*;

/// Share links, the address and the related news of the article at `url`
/// (absolute: the page's origin and path) titled `title`, in `lang`; the
/// related articles' links under `base`. A function, not a component: no
/// props builder in the bundle.
pub fn article_end(
    url: &str,
    title: &str,
    related: &[Summary],
    lang: &str,
    base: &BasePath,
) -> impl IntoView {
    let html = markup(url, title, related, lang, base);
    view! { <div class="article__end" inner_html=html></div> }
}

/// The markup of [`article_end`]. The address is an attribute that print
/// styles show (style/print.css): the page's text stays the same wherever it
/// is served, as the prerendered page's takeover needs. The share links
/// (`rel="noreferrer"`, which implies `noopener`) are plain links that work
/// without JavaScript (each carries the address and the title; nothing is
/// loaded from those sites, no script of theirs runs); "copy link" and
/// "print" are links to the page itself, which `public/boot.js` hands to
/// `public/share.js` (loaded on the first such click) to copy the address
/// (said in the status line) or print; the browser's own share sheet where
/// it has one.
pub fn markup(url: &str, title: &str, related: &[Summary], lang: &str, base: &BasePath) -> String {
    let strings = crate::i18n::strings(lang);
    let (address, text) = (encode_segment(url), encode_segment(title));
    let e = escaped;
    let services = [
        (
            "Telegram",
            format!("https://t.me/share/url?url={address}&text={text}"),
        ),
        ("WhatsApp", format!("https://wa.me/?text={text}%20{address}")),
        (
            "Facebook",
            format!("https://www.facebook.com/sharer/sharer.php?u={address}"),
        ),
        (
            "X",
            format!("https://x.com/intent/post?url={address}&text={text}"),
        ),
        (strings.email, format!("mailto:?subject={text}&body={address}")),
    ];
    let mut out = format!(
        r#"<section class="article-tools" aria-labelledby="share-heading" data-pagefind-ignore=""><h2 id="share-heading">{}</h2><ul>"#,
        e(strings.share)
    );
    for (name, href) in &services {
        out += &format!(
            r#"<li><a rel="noreferrer" href="{}">{}</a></li>"#,
            e(href),
            e(name)
        );
    }
    out += &format!(
        r#"<li><a data-np-copy="{}" href="{}">{}</a></li><li><a data-np-print="" href="{1}">{}</a></li>"#,
        e(strings.link_copied),
        e(url),
        e(strings.copy_link),
        e(strings.print)
    );
    // Hidden (style/main.css) unless the browser has a share sheet.
    out += &format!(
        r#"<li class="article-tools__sheet"><button type="button" data-np-share="">{}…</button></li>"#,
        e(strings.share)
    );
    out += &format!(
        r#"</ul><p class="article-tools__status" role="status"></p></section><p class="article__address" data-url="{}"></p>"#,
        e(url)
    );
    if !related.is_empty() {
        out += &format!(
            r#"<section class="related" aria-labelledby="related-heading" data-pagefind-ignore=""><h2 id="related-heading">{}</h2><ul>"#,
            e(strings.related)
        );
        for item in related {
            let href = Route::Article {
                lang: lang.into(),
                slug: item.slug.clone(),
            }
            .href(base);
            let date = CalendarDate::parse(&item.published).map(|date| {
                let long = date.long(&strings.dates);
                format!(r#" <time datetime="{}">{}</time>"#, date.iso(), e(&long))
            });
            out += &format!(
                r#"<li><a href="{}">{}</a>{}</li>"#,
                e(&href),
                e(&item.title),
                date.unwrap_or_default()
            );
        }
        out += "</ul></section>";
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_is_escaped_and_every_link_carries_the_address() {
        let item = Summary {
            slug: "b".into(),
            title: "<b>Other</b> & \"more\"".into(),
            published: "2024-05-14".into(),
            summary: None,
            photo: None,
            tags: Vec::new(),
            translations: Default::default(),
        };
        let html = markup(
            "https://e.gov/en/news/a\"b",
            "Title <script>x()</script>",
            &[item],
            "en",
            &BasePath::new("/"),
        );
        assert!(!html.contains("<script>") && !html.contains("<b>"), "{html}");
        assert!(
            html.contains("&lt;b&gt;Other&lt;/b&gt; &amp; &quot;more&quot;"),
            "{html}"
        );
        assert!(
            html.contains(r#"<time datetime="2024-05-14">14 May 2024</time>"#),
            "{html}"
        );
        let address = encode_segment("https://e.gov/en/news/a\"b");
        for link in [
            "https://t.me/",
            "https://wa.me/",
            "https://www.facebook.com/",
            "https://x.com/",
            "mailto:",
        ] {
            let at = html.find(link).unwrap_or_else(|| panic!("{link}: {html}"));
            let href = &html[at..html[at..].find('"').map_or(html.len(), |end| at + end)];
            assert!(href.contains(&address), "{href}");
        }
        assert!(html.contains(r#"class="article-tools__sheet""#), "{html}");
    }
}
