//! `BASE{lang}/news/{slug}`: one article with its photo.

use crate::api;
use crate::components::article_end::article_end;
use crate::components::date_text::DateText;
use crate::components::loaded::{loaded, Source};
use crate::components::page_heading::PageHeading;
use crate::components::page_meta::PageMeta;
use crate::components::photo_figure::PhotoFigure;
use crate::components::rich_text::RichText;
use crate::core::config::AppConfig;
use crate::core::model::{Article, HAS_TAGS};
use crate::core::routes::{Route, SearchQuery};
use crate::core::slug::tag_key;
use crate::pages::route_part;
use crate::state::alternates::use_alternates;
use crate::state::document::Document;
use crate::state::navigation::use_navigation;
use crate::state::prefetched::{prefetched_view, PrefetchedView};
use crate::state::site::use_site;
use leptos::prelude::*;

/// Loads the article the route names and shows it, or "not found".
#[component]
pub fn ArticlePage(lang: String, slug: String) -> impl IntoView {
    let config = expect_context::<AppConfig>();
    let params = route_part(use_navigation(), (lang, slug), |route| match route {
        Route::Article { lang, slug } => Some((lang.clone(), slug.clone())),
        _ => None,
    });
    // The article travels with the route it was requested for.
    let prefetched = prefetched_view(|view| match view {
        PrefetchedView::Article(article) => Some(*article),
        _ => None,
    });
    let article = match prefetched {
        Some(article) => {
            let (lang, slug) = params.get_untracked();
            Source::Ready((Route::Article { lang, slug }, article))
        }
        None => Source::Fetch(Document::new(config, move || {
            let (lang, slug) = params.get();
            api::article(&lang, &slug).map(|article| (Route::Article { lang, slug }, article))
        })),
    };
    loaded(
        article,
        1,
        |(route, article)| view! { <ArticleView article=article route=route /> },
    )
}

/// The loaded article, shown at `route`.
#[component]
fn ArticleView(article: Article, route: Route) -> impl IntoView {
    let site = use_site();
    let strings = site.strings();
    let config = expect_context::<AppConfig>();
    let base = config.base;
    let lang = route.lang().unwrap_or_default().to_string();
    // The address readers share and print: the page's origin (on the host,
    // `--origin`) and the route's path.
    let address = format!("{}{}", config.origin, route.href(&base));
    // Back to the listing page the reader came from, if it was in this language.
    let back = use_navigation()
        .last_listing
        .get_untracked()
        .filter(|listing| listing.lang() == Some(lang.as_str()))
        .unwrap_or_else(|| Route::listing(&lang))
        .href(&base);
    // The switcher and the alternate links follow this article's translations.
    use_alternates().publish_translations(route, article.translations.clone());
    let title = article.title.clone();
    let description = article.summary.clone().unwrap_or_else(|| article.title.clone());
    let gallery = article.gallery;
    let related = article.related;
    // What the search index (made from the prerendered page, news_publish::prerender::search)
    // reads besides the text: the year to filter by, the thumbnail and date a
    // result shows (one each: Pagefind reads one value per attribute here).
    // Only the host's page is indexed: the browser leaves them out.
    #[cfg(feature = "ssr")]
    let (year, image, date) = {
        use crate::core::{dates::CalendarDate, photo_sizes::thumbnail};
        let published = article.published.as_deref().and_then(CalendarDate::parse);
        let year = published.as_ref().map(|date| format!("year:{:04}", date.year));
        let image = article
            .photo
            .as_ref()
            .map(|photo| format!("image:{}", thumbnail(photo)))
            .filter(|meta| !meta.contains(','));
        (year, image, published.map(|date| format!("date:{}", date.iso())))
    };
    #[cfg(not(feature = "ssr"))]
    let (year, image, date): (Option<String>, Option<String>, Option<String>) = (None, None, None);
    // A tag leads to its listing where the publish step made them (the
    // language's site.json says so), else to the search for it.
    let tag_pages = site
        .info
        .get_untracked()
        .and_then(Result::ok)
        .is_some_and(|info| info.has(HAS_TAGS));
    let tags = article.tags.into_iter().map(|tag| {
        let route = match tag_key(&tag).filter(|_| tag_pages) {
            Some(key) => Route::Listing {
                lang: lang.clone(),
                tag: Some(key),
                page: 1,
            },
            None => Route::Search {
                lang: lang.clone(),
                query: SearchQuery {
                    tag: Some(tag.clone()),
                    ..SearchQuery::default()
                },
            },
        };
        (tag, route.href(&base))
    });
    let tags: Vec<(String, String)> = tags.collect();
    view! {
        <PageMeta title=title.clone() description=description />
        <article class="article" data-pagefind-body="" data-pagefind-filter=year data-pagefind-meta=image>
            <p class="article__back" data-pagefind-ignore=""><a href=back>"← " {strings.back_to_news}</a></p>
            <PageHeading text=title.clone() />
            <p class="article__dates" data-pagefind-ignore="" data-pagefind-meta=date>
                {article.published.map(|raw| view! {
                    <span>{strings.published} " " <DateText raw=raw lang=lang.clone() /></span>
                })}
                {article.updated.map(|raw| view! {
                    <span class="article__updated">
                        {strings.updated} " " <DateText raw=raw lang=lang.clone() />
                    </span>
                })}
            </p>
            {article.photo.map(|photo| view! {
                <PhotoFigure photo=photo lead=true credit_label=strings.photo_credit />
            })}
            <RichText html=article.body_html source_url=article.source_url truncated=article.truncated />
            {(!tags.is_empty()).then(|| view! {
                <ul class="article__tags">
                    {tags.into_iter().map(|(tag, href)| view! {
                        <li><a href=href data-pagefind-filter="tag">{tag}</a></li>
                    }).collect_view()}
                </ul>
            })}
            {(!gallery.is_empty()).then(|| view! {
                <section class="gallery" aria-labelledby="gallery-heading">
                    <h2 id="gallery-heading">{strings.gallery}</h2>
                    <ul class="gallery__list">
                        {gallery.into_iter().map(|photo| view! {
                            <li><PhotoFigure photo=photo credit_label=strings.photo_credit /></li>
                        }).collect_view()}
                    </ul>
                </section>
            })}
            {article_end(&address, &title, &related, &lang, &base)}
        </article>
    }
}
