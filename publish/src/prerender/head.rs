//! The tags of a prerendered page's `<head>`: the app's own (title,
//! description, hreflang), which its views described while rendering
//! (`state::head`) and which the app keeps up to date once it runs; and those
//! only crawlers and link previews read: canonical URL, Open Graph, Twitter
//! card, JSON-LD, the feed. The latter are marked `data-np-head="page"`: they
//! describe the first view only, and the app removes them when the reader
//! moves on.

use crate::settings::moment;
use jiff::tz::TimeZone;
use news_portal::core::config::HEAD_ATTRIBUTE;
use news_portal::core::markup::{escape_into, escaped, Escape};
use news_portal::core::model::{Article, SiteInfo};
use news_portal::state::head::Head;
use serde_json::json;
use std::collections::BTreeMap;

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
    /// The agency's time zone, in which a date alone is a day.
    pub zone: &'a TimeZone,
    /// Open Graph locales the site sets for its languages (`settings`);
    /// the others come from `og_locale`.
    pub locales: &'a BTreeMap<String, String>,
    /// The agency.
    pub site: &'a SiteInfo,
    /// The page's absolute URL (`None` without `--origin`).
    pub url: Option<String>,
    /// The language's feed, relative to `BASE`.
    pub feed: Option<(String, String)>,
    /// The article, on an article page.
    pub article: Option<&'a Article>,
    /// The pictures, absolute (none without `--origin`).
    pub pictures: Pictures,
}

/// A raster picture at an absolute URL.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shown {
    pub url: String,
    /// Its size in pixels, when known.
    pub size: Option<(u32, u32)>,
    pub alt: String,
}

/// The pictures of a page's preview and structured data (`previews`).
#[derive(Debug, Clone, Default)]
pub struct Pictures {
    /// `og:image`: the photo (or its rendition), else the site's own.
    pub preview: Option<Shown>,
    /// JSON-LD's `image`: the photo's crops, widest first (or the photo
    /// itself where none were made); empty without a photo.
    pub crops: Vec<String>,
    /// The agency's logo, raster, with its size.
    pub logo: Option<Shown>,
    /// The agency's own address (`ORIGIN/`), for `author` and `publisher`.
    pub agency_url: Option<String>,
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
    let locale = |lang: &str| {
        facts
            .locales
            .get(lang)
            .cloned()
            .unwrap_or_else(|| og_locale(lang))
    };
    tag(meta("og:locale", &locale(facts.lang)));
    for lang in &facts.alternate_langs {
        tag(meta("og:locale:alternate", &locale(lang)));
    }
    if let Some(url) = &facts.url {
        tag(meta("og:url", url));
    }
    let image = facts.pictures.preview.as_ref();
    if let Some(picture) = image {
        tag(meta("og:image", &picture.url));
        let png = picture.url.to_ascii_lowercase().ends_with(".png");
        tag(meta(
            "og:image:type",
            if png { "image/png" } else { "image/jpeg" },
        ));
        if let Some((width, height)) = picture.size {
            tag(meta("og:image:width", &width.to_string()));
            tag(meta("og:image:height", &height.to_string()));
        }
        if !picture.alt.is_empty() {
            tag(meta("og:image:alt", &picture.alt));
        }
    }
    if let Some(article) = facts.article {
        if let Some(time) = article
            .published
            .as_deref()
            .and_then(|raw| moment(raw, facts.zone))
        {
            tag(meta("article:published_time", &time));
        }
        if let Some(time) = article.updated.as_deref().and_then(|raw| moment(raw, facts.zone)) {
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
            json_ld(article, facts)
        ));
    }
    out
}

/// The article as schema.org's `NewsArticle`, as Google's article guidelines
/// ask: the agency as `author` and `publisher` (with its raster logo and
/// size), both dates, raster images in several aspect ratios. Safe inside
/// `<script>`: `<`, `>` and `&` are written as JSON escapes, so no text can
/// close the element.
fn json_ld(article: &Article, facts: &PageFacts) -> String {
    let pictures = &facts.pictures;
    let mut agency = json!({ "@type": "Organization", "name": facts.site.name });
    if let Some(url) = &pictures.agency_url {
        agency["url"] = url.clone().into();
    }
    let mut data = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "inLanguage": facts.lang,
        "author": agency.clone(),
        "publisher": agency,
    });
    let published = article
        .published
        .as_deref()
        .and_then(|raw| moment(raw, facts.zone));
    let modified = article
        .updated
        .as_deref()
        .and_then(|raw| moment(raw, facts.zone))
        .or(published.clone());
    // The photo's pictures only: Google asks for no logo as an article's image.
    let images = pictures.crops.clone();
    let fields = [
        ("description", article.summary.clone().map(Into::into)),
        ("datePublished", published.map(Into::into)),
        ("dateModified", modified.map(Into::into)),
        ("mainEntityOfPage", facts.url.clone().map(Into::into)),
        ("url", facts.url.clone().map(Into::into)),
        ("image", (!images.is_empty()).then(|| images.into())),
    ];
    for (name, value) in fields {
        if let Some(value) = value {
            data[name] = value;
        }
    }
    if !article.tags.is_empty() {
        data["keywords"] = article.tags.join(", ").into();
    }
    if let Some(logo) = &pictures.logo {
        let mut object = json!({ "@type": "ImageObject", "url": logo.url });
        if let Some((width, height)) = logo.size {
            object["width"] = width.into();
            object["height"] = height.into();
        }
        data["publisher"]["logo"] = object;
    }
    data.to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// Open Graph's `language_TERRITORY` for a language tag: its own region when
/// it has one (`pt-BR` → `pt_BR`), else the one CLDR's likely subtags give
/// (`az` → `az_AZ`, `en` → `en_US`, `ru` → `ru_RU`); the tag itself, with `_`,
/// when it is not one.
pub fn og_locale(lang: &str) -> String {
    const EXPANDER: icu_locale::LocaleExpander = icu_locale::LocaleExpander::new_extended();
    let Ok(mut id) = lang.parse::<icu_locale::LanguageIdentifier>() else {
        return lang.replace('-', "_");
    };
    if id.region.is_none() {
        EXPANDER.maximize(&mut id);
    }
    match id.region {
        Some(region) => format!("{}_{}", id.language, region),
        None => id.language.to_string(),
    }
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
            related: Vec::new(),
            source_url: String::new(),
            truncated: false,
        }
    }

    #[test]
    fn the_app_tags_escape_what_the_views_described() {
        let head = Head {
            lang: "en".into(),
            title: "</title><script>x()</script> & \"more\"".into(),
            heading: String::new(),
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
            has: Vec::new(),
        }
    }

    fn pictures() -> Pictures {
        Pictures {
            preview: Some(Shown {
                url: "https://x.gov/preview/a-whole.jpg".into(),
                size: Some((1200, 800)),
                alt: "A photo".into(),
            }),
            crops: vec![
                "https://x.gov/preview/a-16x9.jpg".into(),
                "https://x.gov/preview/a-1x1.jpg".into(),
            ],
            logo: Some(Shown {
                url: "https://x.gov/preview/l-logo.png".into(),
                size: Some((512, 512)),
                alt: String::new(),
            }),
            agency_url: Some("https://x.gov/".into()),
        }
    }

    fn facts<'a>(article: &'a Article, site: &'a SiteInfo, pictures: Pictures) -> PageFacts<'a> {
        static LOCALES: std::sync::LazyLock<BTreeMap<String, String>> =
            std::sync::LazyLock::new(|| BTreeMap::from([("az".to_string(), "az_IR".to_string())]));
        static UTC: TimeZone = TimeZone::UTC;
        PageFacts {
            zone: &UTC,
            locales: &LOCALES,
            title: &article.title,
            description: article.summary.as_deref().unwrap_or_default(),
            lang: "pt-BR",
            alternate_langs: vec!["en", "az"],
            site,
            url: Some("https://x.gov/pt-BR/news/a".into()),
            feed: None,
            article: Some(article),
            pictures,
        }
    }

    fn json_ld_of(tags: &str) -> serde_json::Value {
        let start = tags.find(r#"<script type="application/ld+json""#).unwrap();
        let block = &tags[start..];
        let body = &block[block.find('>').unwrap() + 1..block.find("</script>").unwrap()];
        assert!(!body.contains('<') && !body.contains('>') && !body.contains('&'));
        serde_json::from_str(body).unwrap()
    }

    #[test]
    fn nothing_in_a_title_leaves_the_json_ld_block() {
        let article = article("</script><script>alert(1)</script> & <!--");
        let site = site();
        let data = json_ld_of(&page_tags(&facts(&article, &site, Pictures::default())));
        assert_eq!(data["headline"], article.title.as_str());
        assert_eq!(data["datePublished"], "2024-05-14T10:00:00+04:00");
        assert_eq!(
            data["dateModified"], "2024-05-15T00:00:00+00:00",
            "a date alone: the day's start in the zone"
        );
        assert_eq!(data["@type"], "NewsArticle");
    }

    #[test]
    fn the_json_ld_is_what_the_article_guidelines_ask_for() {
        let mut article = article("T");
        article.updated = None;
        let site = site();
        let data = json_ld_of(&page_tags(&facts(&article, &site, pictures())));
        let agency =
            serde_json::json!({ "@type": "Organization", "name": "Agency", "url": "https://x.gov/" });
        assert_eq!(data["author"], agency);
        assert_eq!(data["publisher"]["name"], "Agency");
        assert_eq!(
            data["publisher"]["logo"],
            serde_json::json!({ "@type": "ImageObject", "url": "https://x.gov/preview/l-logo.png", "width": 512, "height": 512 })
        );
        assert_eq!(
            data["dateModified"], data["datePublished"],
            "never updated: modified when published"
        );
        assert_eq!(
            data["image"],
            serde_json::json!([
                "https://x.gov/preview/a-16x9.jpg",
                "https://x.gov/preview/a-1x1.jpg"
            ])
        );
        assert_eq!(data["inLanguage"], "pt-BR");
    }

    #[test]
    fn open_graph_for_an_article() {
        let article = article("Title \"quoted\" <b>");
        let site = site();
        let tags = page_tags(&facts(&article, &site, pictures()));
        for expected in [
            r#"<meta property="og:site_name" content="Agency" data-np-head="page">"#,
            r#"<meta property="og:title" content="Title &quot;quoted&quot; &lt;b&gt;" data-np-head="page">"#,
            r#"<meta property="og:description" content="Sum &amp; &quot;mary&quot;" data-np-head="page">"#,
            r#"<meta property="og:type" content="article""#,
            r#"<meta property="og:locale" content="pt_BR""#,
            r#"<meta property="og:locale:alternate" content="en_US""#,
            r#"<meta property="og:locale:alternate" content="az_IR""#,
            r#"<meta property="og:image" content="https://x.gov/preview/a-whole.jpg""#,
            r#"<meta property="og:image:width" content="1200""#,
            r#"<meta property="og:image:height" content="800""#,
            r#"<meta property="og:image:alt" content="A photo""#,
            r#"<meta property="article:published_time" content="2024-05-14T10:00:00+04:00""#,
            r#"<meta property="article:modified_time" content="2024-05-15T00:00:00+00:00""#,
            r#"<meta property="og:image:type" content="image/jpeg""#,
            r#"<meta name="twitter:card" content="summary_large_image""#,
            r#"<link rel="canonical" href="https://x.gov/pt-BR/news/a""#,
        ] {
            assert!(tags.contains(expected), "{expected} in {tags}");
        }
    }

    #[test]
    fn without_a_picture_no_image_tags() {
        let article = article("T");
        let site = site();
        let tags = page_tags(&facts(&article, &site, Pictures::default()));
        assert!(!tags.contains("og:image"));
        assert!(tags.contains(r#"<meta name="twitter:card" content="summary""#));
        assert!(json_ld_of(&tags).get("image").is_none());
    }

    #[test]
    fn open_graph_locales() {
        assert_eq!(og_locale("az"), "az_AZ");
        assert_eq!(og_locale("ru"), "ru_RU");
        assert_eq!(og_locale("en-GB"), "en_GB");
        assert_eq!(og_locale("sr-Latn"), "sr_RS");
        assert_eq!(og_locale("not a tag"), "not a tag");
    }
}
