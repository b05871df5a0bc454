//! The pages: each route of the plan rendered by the app's components
//! (`render`), its head written for crawlers and previews (`head`), into the
//! shell, on every core.

use super::head::{Pictures, Shown};
use super::previews::{Picture, Renditions};
use super::render::render;
use super::*;
use news_portal::core::model::Photo;
use news_portal::core::photo_sizes;

/// The shell's list of languages for readers without JavaScript: a link to
/// each language's listing, named in its own language.
pub(super) fn language_list(context: &Context) -> String {
    context
        .index
        .languages
        .iter()
        .map(|language| {
            let href = Route::listing(&language.code).href(&context.config.base);
            let code = escaped(&language.code);
            format!(
                r#"<li><a href="{}" lang="{code}" hreflang="{code}">{}</a></li>"#,
                escaped(&href),
                escaped(&language.name)
            )
        })
        .collect()
}

/// The feeds' articles, by language and slug, with their URL paths.
pub(super) type ArticlesMet = BTreeMap<(String, String), (Article, String)>;

/// Renders and writes every job, on every core; returns what was written and
/// the feeds' articles.
pub(super) fn write_pages(
    context: &Context,
    jobs: Vec<Job>,
    report: &mut Report,
) -> (Vec<Written>, ArticlesMet) {
    let results = on_every_core(jobs, |job| write_page(context, job));
    let mut written = Vec::new();
    let mut articles = BTreeMap::new();
    for outcome in results {
        match outcome {
            Ok((kind, lang, page, article)) => {
                *report.written.entry((lang.clone(), kind)).or_default() += 1;
                if let Some((slug, article)) = article {
                    articles.insert((lang, slug), (article, page.href.clone()));
                }
                written.push(page);
            }
            Err(skipped) => report.skipped.push(skipped),
        }
    }
    (written, articles)
}

/// What writing one page gave: its kind, language, the page, and the article
/// with its slug when the feeds list it.
pub(super) type PageOutcome = Result<(&'static str, String, Written, Option<(String, Article)>), Skipped>;

/// Reads, renders and writes one page.
pub(super) fn write_page(context: &Context, job: Job) -> PageOutcome {
    let (kind, lang, route, view) = match job {
        Job::Listing {
            lang,
            tag,
            page,
            listing,
        } => {
            let route = Route::Listing {
                lang: lang.clone(),
                tag,
                page,
            };
            let kind = if matches!(route, Route::Listing { tag: Some(_), .. }) {
                "tag"
            } else {
                "listing"
            };
            (kind, lang, route, PrefetchedView::Listing(listing))
        }
        Job::Article { lang, slug } => {
            let article = context.tree.article(&lang, &slug)?;
            let route = Route::Article {
                lang: lang.clone(),
                slug,
            };
            ("article", lang, route, PrefetchedView::Article(Box::new(article)))
        }
        Job::Legal { lang, legal } => {
            let document = context.tree.legal(&lang, legal)?;
            let route = Route::Legal {
                lang: lang.clone(),
                legal,
            };
            ("legal", lang, route, PrefetchedView::Legal(document))
        }
        Job::Search { lang } => {
            let route = Route::Search {
                lang: lang.clone(),
                query: SearchQuery::default(),
            };
            ("search", lang, route, PrefetchedView::Search)
        }
    };
    // Jobs are made only for languages whose site.json decoded.
    let info = context.infos.get(&lang).cloned().ok_or_else(|| Skipped {
        path: format!("{lang}/site.json"),
        reason: "did not decode".into(),
    })?;
    let href = route.href(&context.config.base);
    let prefetched = Prefetched {
        index: context.index.clone(),
        info: info.clone(),
        view: view.clone(),
    };
    let rendered = render(&context.config, &href, prefetched);
    let alternates = rendered.head.alternates.clone();
    let (article, image, lastmod) = match &view {
        PrefetchedView::Article(article) => (
            Some(article.as_ref()),
            article.photo.as_ref(),
            article
                .updated
                .as_deref()
                .or(article.published.as_deref())
                .and_then(date_only),
        ),
        PrefetchedView::Listing(listing) => (
            None,
            listing.items.iter().find_map(|item| item.photo.as_ref()),
            listing
                .items
                .iter()
                .filter_map(|item| date_only(&item.published))
                .max(),
        ),
        PrefetchedView::Legal(document) => (None, None, document.updated.as_deref().and_then(date_only)),
        PrefetchedView::Search => (None, None, None),
    };
    let url = context.origin.as_ref().map(|origin| format!("{origin}{href}"));
    // A tag's listing names its own feed; every other page the language's.
    let feed = context.origin.as_ref().and_then(|_| {
        let base = &context.config.base;
        match (&route, &view) {
            (Route::Listing { tag: Some(key), .. }, PrefetchedView::Listing(listing)) => {
                let name = listing.tag.clone().unwrap_or_else(|| key.clone());
                Some((route.feed_href(base)?, feeds::tag_title(&lang, &name, &info)))
            }
            _ => Some((Route::listing(&lang).feed_href(base)?, feeds::title(&lang, &info))),
        }
    });
    let pictures = match &context.origin {
        Some(origin) => pictures(context, origin, image, &info),
        None => Pictures::default(),
    };
    let facts = PageFacts {
        title: if rendered.head.heading.is_empty() {
            &rendered.head.title
        } else {
            &rendered.head.heading
        },
        description: &rendered.head.description,
        lang: &lang,
        zone: &context.zone,
        locales: &context.settings.locales,
        alternate_langs: alternates
            .iter()
            .map(|(code, _)| code.as_str())
            .filter(|code| *code != lang && *code != "x-default")
            .collect(),
        site: &info,
        url,
        feed,
        article,
        pictures,
    };
    let listed = kind != "search";
    // A search page says nothing of its own to search engines.
    let robots = if listed {
        ""
    } else {
        r#"<meta name="robots" content="noindex, follow">"#
    };
    let head = format!("{}{robots}{}", app_tags(&rendered.head), page_tags(&facts));
    let html_attributes = format!(r#" lang="{}""#, escaped(&rendered.head.lang));
    let html = context.shell.page(
        &html_attributes,
        &context.absolute(&head),
        &context.in_body(&rendered.body),
    );
    let file = file_of(&href, &context.config.base);
    let path = context.dir.join(&file);
    if let Err(error) = write_file(&path, &html) {
        return Err(Skipped {
            path: file,
            reason: error.to_string(),
        });
    }
    let article = match (view, route) {
        (PrefetchedView::Article(article), Route::Article { slug, .. })
            if context.in_feeds.contains(&(lang.clone(), slug.clone())) =>
        {
            Some((slug, *article))
        }
        _ => None,
    };
    Ok((
        kind,
        lang,
        Written {
            file,
            href,
            lastmod,
            alternates,
            listed,
        },
        article,
    ))
}

/// The pictures of a page's preview and structured data, absolute under
/// `origin`: the photo's rendition (an SVG's) or its own JPEG, else the site's
/// own picture; the photo's crops; the logo as a raster.
fn pictures(context: &Context, origin: &str, photo: Option<&Photo>, info: &SiteInfo) -> Pictures {
    let at = |path: &str| format!("{origin}{}{path}", context.config.base.as_str());
    let shown = |picture: &Picture, alt: &str| Shown {
        url: at(&picture.path),
        size: Some((picture.width, picture.height)),
        alt: alt.to_string(),
    };
    let logo = info.logo.as_ref().and_then(|logo| {
        let made = context.previews.logo(&logo.src)?.ok()?;
        Some((logo, made))
    });
    let mut pictures = Pictures {
        agency_url: Some(format!("{origin}/")),
        logo: logo.as_ref().map(|(logo, (png, _))| shown(png, &logo.alt)),
        ..Pictures::default()
    };
    if let Some(photo) = photo {
        let (jpeg, size) = photo_sizes::preview(photo);
        let own = || Shown {
            url: context.absolute(jpeg),
            size,
            alt: photo.alt.clone(),
        };
        let widest = photo
            .sources
            .iter()
            .filter(|source| source.media_type == "image/jpeg")
            .max_by_key(|source| source.width)
            .map(|source| source.src.as_str());
        match context.previews.photo(&photo.src, widest) {
            Some(Ok(made)) => {
                pictures.crops = made.crops.iter().map(|crop| at(&crop.path)).collect();
                pictures.preview = Some(match &made.whole {
                    Some(whole) => shown(whole, &photo.alt),
                    None => own(),
                });
            }
            // A raster photo not drawn here (on another host, or without
            // variants) is shown as it is.
            None if !crate::images::is_svg(&photo.src) => {
                let own = own();
                pictures.crops = vec![own.url.clone()];
                pictures.preview = Some(own);
            }
            _ => {}
        }
    }
    if pictures.preview.is_none() {
        pictures.preview = logo.map(|(logo, (_, site))| shown(&site, &logo.alt));
    }
    pictures
}

/// `photo` as a raster picture every reader shows, absolute under `origin`:
/// an SVG's JPEG rendition where one could be drawn, else the JPEG variant
/// nearest 1200 px (or the photo itself).
pub(super) fn raster_picture(context: &Context, origin: &str, photo: &Photo) -> feeds::Raster {
    if crate::images::is_svg(&photo.src) {
        if let Some(Ok(Renditions {
            whole: Some(whole), ..
        })) = context.previews.photo(&photo.src, None)
        {
            let url = format!("{origin}{}{}", context.config.base.as_str(), whole.path);
            return (url, Some((whole.width, whole.height)));
        }
    }
    let (src, size) = photo_sizes::preview(photo);
    (context.absolute(src), size)
}

/// The file a route's page goes in, below `DIR`: `en/index.html`,
/// `en/page/2.html`, `en/news/{slug}.html`, `en/terms.html`. A static host
/// serves `en/news/x` from `en/news/x.html` (docs/deploy.md).
pub fn file_of(href: &str, base: &BasePath) -> String {
    let below = href.strip_prefix(base.as_str()).unwrap_or(href);
    let below = percent_decode_str(below).decode_utf8_lossy();
    match below.strip_suffix('/') {
        Some(directory) => format!("{directory}/index.html"),
        None => format!("{below}.html"),
    }
}

/// `YYYY-MM-DD` of a date from the data.
pub(super) fn date_only(raw: &str) -> Option<String> {
    news_portal::core::dates::CalendarDate::parse(raw).map(|date| date.iso())
}
