//! What the site has beside its pages, once they are written and an origin
//! is known: the sitemap (with hreflang), a feed per language, and
//! `robots.txt` pointing at the sitemap.

use super::{feeds, pages, pages::ArticlesMet, sitemap, write_file, Context, Fatal, Written};
use news_portal::core::model::Summary;
use std::collections::BTreeMap;

/// Writes them for the site at `origin` into `context.dir`; returns the
/// files written that the stale-file sweep must keep (robots.txt, which the
/// build owns, is not one of them).
pub(super) fn write(
    context: &Context,
    origin: &str,
    written: &[Written],
    listed: &BTreeMap<String, Vec<Summary>>,
    tagged: &BTreeMap<(String, String), (String, Vec<Summary>)>,
    articles: &ArticlesMet,
) -> Result<Vec<String>, Fatal> {
    let base = &context.config.base;
    let site_url = format!("{origin}{}", base.as_str());
    let in_sitemap: Vec<Written> = written.iter().filter(|page| page.listed).cloned().collect();
    let mut extras = sitemap::sitemaps(&in_sitemap, &site_url);
    let absolute = |url: &str| context.absolute(url);
    let picture = |photo: &news_portal::core::model::Photo| pages::raster_picture(context, origin, photo);
    let site = feeds::FeedSite {
        origin,
        base,
        zone: &context.zone,
        authority: context.settings.tag_authority.as_deref(),
        absolute: &absolute,
        picture: &picture,
    };
    for language in &context.index.languages {
        let Some(info) = context.infos.get(&language.code) else {
            continue;
        };
        let entries: Vec<feeds::FeedEntry> = listed[&language.code]
            .iter()
            .filter_map(|item| {
                let (article, path) = articles.get(&(language.code.clone(), item.slug.clone()))?;
                Some((item.slug.as_str(), article, path.as_str()))
            })
            .collect();
        let feed = feeds::feed(&language.code, info, &entries, &site);
        extras.push((feeds::feed_file(&language.code, None), feed));
    }
    for ((lang, key), (name, items)) in tagged {
        let Some(info) = context.infos.get(lang) else {
            continue;
        };
        let feed = feeds::tag_feed(lang, key, name, info, items, &site);
        extras.push((feeds::feed_file(lang, Some(key)), feed));
    }
    let mut names = Vec::new();
    for (name, contents) in extras {
        write_file(&context.dir.join(&name), &contents)?;
        names.push(name);
    }
    let robots = context.dir.join("robots.txt");
    let current = std::fs::read_to_string(&robots).unwrap_or_else(|_| "User-agent: *\nAllow: /\n".into());
    let sitemap_url = format!("{site_url}sitemap.xml");
    write_file(&robots, &sitemap::robots_with_sitemap(&current, &sitemap_url))?;
    Ok(names)
}
