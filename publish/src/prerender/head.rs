//! The tags of a prerendered page's `<head>`: the app's own (title,
//! description, hreflang), which its views described while rendering
//! (`state::head`) and which the app keeps up to date once it runs; and those
//! only crawlers and link previews read: canonical URL, Open Graph, Twitter
//! card, JSON-LD, the feed. The latter are marked `data-np-head="page"`: they
//! describe the first view only, and the app removes them when the reader
//! moves on.

use news_portal::core::config::HEAD_ATTRIBUTE;
use news_portal::core::dates::CalendarDate;
use news_portal::core::markup::{escape_into, escaped, Escape};
use news_portal::core::model::{Article, Photo, SiteInfo};
use news_portal::core::photo_sizes::preview;
use news_portal::state::head::Head;
use serde_json::json;

/// The app's head tags, as its views described them.
pub fn app_tags(head: &Head) -> String {
    let mut out = String::from("<title>");
    escape_into(&mut out, &head.title, Escape::Text);
    out.push_str(&format!(
        r#"</title><meta name="description" content="{}">"#,
        escaped(&head.description)
    ));
    for (hreflang, href) in &head.alternates {
        out.push_str(&format!(
            r#"<link rel="alternate" hreflang="{}" href="{}">"#,
            escaped(hreflang),
            escaped(href)
        ));
    }
    out
}
/// What the page is, for its preview.
pub struct PageFacts<'a> {
    /// The view's own title (without the agency's name).
    pub title: &'a str,
    /// The view's description.
    pub description: &'a str,
    /// The page's language.
    pub lang: &'a str,
    /// The other languages the page exists in.
    pub alternate_langs: Vec<&'a str>,
    /// The agency.
    pub site: &'a SiteInfo,
    /// The page's absolute URL (`None` without `--origin`).
    pub url: Option<String>,
    /// The language's feed, relative to `BASE`.
    pub feed: Option<(String, String)>,
    /// The article, on an article page.
    pub article: Option<&'a Article>,
    /// The picture of the preview: the article's photo, else a listing's first.
    pub image: Option<&'a Photo>,
}

/// The page's head tags.
pub fn page_tags(facts: &PageFacts) -> String {
    let mut out = String::new();
    let mut tag = |html: String| {
        out.push_str(&html);
    };
    let mark = format!(r#" {HEAD_ATTRIBUTE}="page""#);
    let meta = |property: &str, content: &str| {
        format!(
            r#"<meta property="{property}" content="{}"{mark}>"#,
            escaped(content)
        )
    };
    if let Some(url) = &facts.url {
        tag(format!(r#"<link rel="canonical" href="{}"{mark}>"#, escaped(url)));
    }
    if let Some((href, title)) = &facts.feed {
        tag(format!(
            r#"<link rel="alternate" type="application/atom+xml" href="{}" title="{}"{mark}>"#,
            escaped(href),
            escaped(title)
        ));
    }
    tag(meta("og:site_name", &facts.site.name));
    tag(meta("og:title", facts.title));
    tag(meta("og:description", facts.description));
    tag(meta(
        "og:type",
        if facts.article.is_some() {
            "article"
        } else {
            "website"
        },
    ));
    tag(meta("og:locale", &og_locale(facts.lang)));
    for lang in &facts.alternate_langs {
        tag(meta("og:locale:alternate", &og_locale(lang)));
    }
    if let Some(url) = &facts.url {
        tag(meta("og:url", url));
    }
    // Only an absolute image: a preview bot has no page to resolve a path against.
    let image = facts.image.filter(|photo| is_absolute(&photo.src));
    if let Some(photo) = image {
        let (src, size) = preview(photo);
        tag(meta("og:image", src));
        if let Some((width, height)) = size {
            tag(meta("og:image:width", &width.to_string()));
            tag(meta("og:image:height", &height.to_string()));
        }
        if !photo.alt.is_empty() {
            tag(meta("og:image:alt", &photo.alt));
        }
    }
    if let Some(article) = facts.article {
        if let Some(time) = article.published.as_deref().and_then(iso_time) {
            tag(meta("article:published_time", &time));
        }
        if let Some(time) = article.updated.as_deref().and_then(iso_time) {
            tag(meta("article:modified_time", &time));
        }
        for keyword in &article.tags {
            tag(meta("article:tag", keyword));
        }
    }
    let card = if image.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    tag(format!(r#"<meta name="twitter:card" content="{card}"{mark}>"#));
    if let Some(article) = facts.article {
        tag(format!(
            r#"<script type="application/ld+json"{mark}>{}</script>"#,
            json_ld(article, facts, image)
        ));
    }
    out
}

/// The article as schema.org's `NewsArticle`, safe inside `<script>`: `<`, `>`
/// and `&` are written as JSON escapes, so no text can close the element.
fn json_ld(article: &Article, facts: &PageFacts, image: Option<&Photo>) -> String {
    let mut data = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "inLanguage": facts.lang,
        "publisher": { "@type": "Organization", "name": facts.site.name },
    });
    let fields = [
        ("description", article.summary.clone()),
        ("datePublished", article.published.as_deref().and_then(iso_time)),
        ("dateModified", article.updated.as_deref().and_then(iso_time)),
        ("mainEntityOfPage", facts.url.clone()),
        ("url", facts.url.clone()),
        ("image", image.map(|photo| preview(photo).0.to_string())),
    ];
    for (name, value) in fields {
        if let Some(value) = value {
            data[name] = value.into();
        }
    }
    if !article.tags.is_empty() {
        data["keywords"] = article.tags.join(", ").into();
    }
    if let Some(logo) = facts.site.logo.as_ref().filter(|logo| is_absolute(&logo.src)) {
        data["publisher"]["logo"] = json!({ "@type": "ImageObject", "url": logo.src });
    }
    data.to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// A date or time from the data in ISO 8601, if it is one: as written when it
/// is a full RFC 3339 time, else the calendar date.
pub fn iso_time(raw: &str) -> Option<String> {
    let date = CalendarDate::parse(raw)?;
    let raw = raw.trim();
    Some(if raw.get(10..11) == Some("T") {
        raw.to_string()
    } else {
        date.iso()
    })
}

/// `pt-BR` → `pt_BR`: Open Graph's form of a language tag.
fn og_locale(lang: &str) -> String {
    lang.replace('-', "_")
}

fn is_absolute(url: &str) -> bool {
    url.starts_with("https://") || url.starts_with("http://")
}

#[cfg(test)]
mod tests {
    use super::*;
    use news_portal::core::model::Translations;

    fn article(title: &str) -> Article {
        Article {
            slug: Some("a".into()),
            title: title.into(),
            published: Some("2024-05-14T10:00:00+04:00".into()),
            updated: Some("2024-05-15".into()),
            summary: Some("Sum & \"mary\"".into()),
            photo: None,
            tags: vec!["visa".into()],
            body_html: String::new(),
            gallery: Vec::new(),
            translations: Translations::default(),
            source_url: String::new(),
            truncated: false,
        }
    }

    #[test]
    fn the_app_tags_escape_what_the_views_described() {
        let head = Head {
            lang: "en".into(),
            title: "</title><script>x()</script> & \"more\"".into(),
            description: "Say \"hi\" <b>".into(),
            alternates: vec![("az".into(), "https://e.gov/az/?a=1&b=\"2\"".into())],
        };
        assert_eq!(
            app_tags(&head),
            concat!(
                r#"<title>&lt;/title&gt;&lt;script&gt;x()&lt;/script&gt; &amp; "more"</title>"#,
                r#"<meta name="description" content="Say &quot;hi&quot; &lt;b&gt;">"#,
                r#"<link rel="alternate" hreflang="az" href="https://e.gov/az/?a=1&amp;b=&quot;2&quot;">"#,
            )
        );
    }

    fn site() -> SiteInfo {
        SiteInfo {
            name: "Agency".into(),
            copyright_year: None,
            logo: None,
        }
    }

    fn photo(src: &str, alt: &str, size: Option<(u32, u32)>) -> Photo {
        Photo {
            src: src.into(),
            alt: alt.into(),
            width: size.map(|(width, _)| width),
            height: size.map(|(_, height)| height),
            ..Photo::default()
        }
    }

    fn facts<'a>(article: &'a Article, site: &'a SiteInfo, image: Option<&'a Photo>) -> PageFacts<'a> {
        PageFacts {
            title: &article.title,
            description: article.summary.as_deref().unwrap_or_default(),
            lang: "pt-BR",
            alternate_langs: vec!["en"],
            site,
            url: Some("https://x.gov/pt-BR/news/a".into()),
            feed: None,
            article: Some(article),
            image,
        }
    }

    #[test]
    fn nothing_in_a_title_leaves_the_json_ld_block() {
        let article = article("</script><script>alert(1)</script> & <!--");
        let site = site();
        let tags = page_tags(&facts(&article, &site, None));
        let start = tags.find(r#"<script type="application/ld+json""#).unwrap();
        let block = &tags[start..];
        let body = &block[block.find('>').unwrap() + 1..block.find("</script>").unwrap()];
        assert!(!body.contains('<') && !body.contains('>') && !body.contains('&'));
        let data: serde_json::Value = serde_json::from_str(body).unwrap();
        assert_eq!(data["headline"], article.title.as_str());
        assert_eq!(data["datePublished"], "2024-05-14T10:00:00+04:00");
        assert_eq!(data["dateModified"], "2024-05-15");
        assert_eq!(data["@type"], "NewsArticle");
    }

    #[test]
    fn open_graph_for_an_article() {
        let article = article("Title \"quoted\" <b>");
        let site = site();
        let photo = photo("https://x.gov/api/img/a.jpg", "A photo", Some((1200, 800)));
        let tags = page_tags(&facts(&article, &site, Some(&photo)));
        for expected in [
            r#"<meta property="og:title" content="Title &quot;quoted&quot; &lt;b&gt;" data-np-head="page">"#,
            r#"<meta property="og:description" content="Sum &amp; &quot;mary&quot;" data-np-head="page">"#,
            r#"<meta property="og:type" content="article""#,
            r#"<meta property="og:locale" content="pt_BR""#,
            r#"<meta property="og:locale:alternate" content="en""#,
            r#"<meta property="og:image" content="https://x.gov/api/img/a.jpg""#,
            r#"<meta property="og:image:width" content="1200""#,
            r#"<meta property="og:image:alt" content="A photo""#,
            r#"<meta property="article:published_time" content="2024-05-14T10:00:00+04:00""#,
            r#"<meta property="article:modified_time" content="2024-05-15""#,
            r#"<meta name="twitter:card" content="summary_large_image""#,
            r#"<link rel="canonical" href="https://x.gov/pt-BR/news/a""#,
        ] {
            assert!(tags.contains(expected), "{expected} in {tags}");
        }
    }

    #[test]
    fn a_relative_image_is_no_preview_image() {
        let article = article("T");
        let site = site();
        let photo = photo("/api/img/a.jpg", "", None);
        let tags = page_tags(&facts(&article, &site, Some(&photo)));
        assert!(!tags.contains("og:image"));
        assert!(tags.contains(r#"<meta name="twitter:card" content="summary""#));
    }
}
