//! `BASE{lang}/news/{slug}`: one article with its photo.

use crate::api::fetch_article;
use crate::browser::config::AppConfig;
use crate::components::date_text::DateText;
use crate::components::loaded::loaded;
use crate::components::page_heading::PageHeading;
use crate::components::page_meta::PageMeta;
use crate::components::photo_figure::PhotoFigure;
use crate::components::rich_text::RichText;
use crate::components::site_context::use_site;
use crate::core::model::Article;
use crate::core::routes::Route;
use crate::pages::use_lang_param;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map};

/// Loads the article named in the URL and shows it, or "not found".
#[component]
pub fn ArticlePage() -> impl IntoView {
    let config = expect_context::<AppConfig>();
    let params = use_params_map();
    let lang = use_lang_param();
    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());
    // The article travels with the language it was requested in.
    let article = LocalResource::new(move || {
        let config = config.clone();
        let (lang, slug) = (lang.get(), slug.get());
        async move {
            fetch_article(&config, &lang, &slug)
                .await
                .map(|article| (lang, article))
        }
    });
    loaded(
        article,
        1,
        |(lang, article)| view! { <ArticleView article=article lang=lang /> },
    )
}

/// The loaded article.
#[component]
fn ArticleView(article: Article, lang: String) -> impl IntoView {
    let site = use_site();
    let strings = site.strings();
    let base = expect_context::<AppConfig>().base;
    let listing_one = Route::Listing {
        lang: lang.clone(),
        page: 1,
    }
    .href(&base);
    // Back to the listing page the reader came from, if it was in this language.
    let back = site
        .last_listing
        .get_untracked()
        .filter(|href| href.starts_with(&listing_one))
        .unwrap_or(listing_one);
    // The switcher and the alternate links follow this article's translations.
    let path = use_location().pathname.get_untracked();
    site.translations.set(Some((path, article.translations.clone())));
    let title = article.title.clone();
    let description = article.summary.clone().unwrap_or_else(|| article.title.clone());
    let gallery = article.gallery;
    view! {
        <PageMeta title=title.clone() description=description />
        <article class="article">
            <p class="article__back"><a href=back>"← " {strings.back_to_news}</a></p>
            <PageHeading text=title />
            <p class="article__dates">
                {article.published.map(|raw| view! {
                    <span>{strings.published} " " <DateText raw=raw lang=lang.clone() /></span>
                })}
                {article.updated.map(|raw| view! {
                    <span class="article__updated">{strings.updated} " " <DateText raw=raw lang=lang.clone() /></span>
                })}
            </p>
            {article.photo.map(|photo| view! { <PhotoFigure photo=photo lead=true credit_label=strings.photo_credit /> })}
            <RichText html=article.body_html source_url=article.source_url truncated=article.truncated />
            {(!article.tags.is_empty()).then(|| view! {
                <ul class="article__tags">
                    {article.tags.into_iter().map(|tag| view! { <li>{tag}</li> }).collect_view()}
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
        </article>
    }
}
