//! The checks across documents, once all are read: translations that point
//! at each other, and links in bodies to articles that exist.

use super::*;

impl Checker {
    /// Translations that lead nowhere or do not lead back.
    pub(super) fn translations(&mut self, languages: &[String]) {
        let mut problems = Vec::new();
        let mut keys: Vec<&(String, String)> = self.articles.keys().collect();
        keys.sort();
        for key in keys {
            let (lang, slug) = key;
            let file = format!("{lang}/news/{slug}.json");
            for (other, other_slug) in &self.articles[key].translations {
                if other == lang {
                    continue;
                }
                let at = Some(format!("translations.{other}"));
                if !languages.contains(other) {
                    let message =
                        format!("{other} is not one of the site's languages: the switcher does not offer it");
                    problems.push((Severity::Warning, file.clone(), at, message));
                    continue;
                }
                match self.articles.get(&(other.clone(), other_slug.clone())) {
                    None => {
                        let message = format!("{other}/news/{other_slug}.json does not exist or does not load: the language switcher leads to \"Page not found\"");
                        problems.push((Severity::Error, file.clone(), at, message));
                    }
                    Some(facts) => {
                        let back = facts.translations.iter().find(|(code, _)| code == lang);
                        if back.is_none_or(|(_, back)| back != slug) {
                            let says = back.map_or("nothing".to_string(), |(_, back)| format!("{back:?}"));
                            let message = format!("{other}/news/{other_slug}.json does not point back: its `translations.{lang}` is {says}");
                            problems.push((Severity::Warning, file.clone(), at, message));
                        }
                    }
                }
            }
        }
        for (severity, file, at, message) in problems {
            self.finding(severity, &file, at, message);
        }
    }

    /// Links in bodies to the site's own articles, languages or listing pages that do not exist.
    pub(super) fn body_links(&mut self) {
        for (file, line, href) in std::mem::take(&mut self.links) {
            let own = [Some(SITE.to_string()), self.options.origin.clone()];
            let Some(rest) = own.iter().flatten().find_map(|origin| {
                let rest = href.strip_prefix(origin.trim_end_matches('/'))?;
                rest.starts_with('/').then_some(rest)
            }) else {
                continue;
            };
            let rest = rest.split('#').next().unwrap_or_default();
            let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
            let Some(route) = Route::parse(path, query, &self.options.base) else {
                continue;
            };
            let missing = match &route {
                Route::Home => None,
                Route::Listing {
                    lang,
                    tag: None,
                    page,
                } => match self.pages.get(lang) {
                    None => Some(format!("{lang} is not one of the site's languages")),
                    Some(&total) if *page == 0 || *page > total => {
                        Some(format!("the listing of {lang} has {total} pages"))
                    }
                    _ => None,
                },
                Route::Article { lang, slug } => (!self.articles.contains_key(&(lang.clone(), slug.clone())))
                    .then(|| format!("there is no article {lang}/news/{slug}.json")),
                Route::Legal { lang, .. } | Route::Search { lang, .. } | Route::Listing { lang, .. } => {
                    (!self.pages.contains_key(lang))
                        .then(|| format!("{lang} is not one of the site's languages"))
                }
            };
            if let Some(why) = missing {
                let message = format!("a link to {}: {why}, so readers meet \"Page not found\"", rest);
                self.error(&file, Some(format!("body_html line {line}")), message);
            }
        }
    }
}
