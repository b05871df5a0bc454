//! Articles and legal pages read from their Markdown files, and the listing
//! pages and translations made from them.

use super::*;

impl Builder {
    /// The articles of `lang`, each checked.
    pub(super) fn articles(&mut self, lang: &str) -> Vec<Article> {
        let folder = Path::new(lang).join("news");
        let mut names: Vec<String> = std::fs::read_dir(self.content.join(&folder))
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|name| name.ends_with(".md"))
            .collect();
        names.sort();
        let mut articles = Vec::new();
        let mut ids: BTreeMap<String, String> = BTreeMap::new();
        let mut folds: BTreeMap<String, String> = BTreeMap::new();
        for name in names {
            let file = format!("{lang}/news/{name}");
            let slug = name.trim_end_matches(".md").to_string();
            if !is_valid_slug(&slug) || slug.starts_with("page-") {
                let why = "its name is the article's slug: one URL path segment (no spaces, `?`, `#`, `%`), not page-N";
                self.error(&file, None, why);
                continue;
            }
            if let Some(why) = unpublishable(&slug) {
                self.error(&file, None, format!("its name is the article's slug, and {why}"));
                continue;
            }
            if let Some(twin) = folds.insert(folded(&slug), file.clone()) {
                let message = format!("its slug differs from {twin}'s only by case or Unicode form: a host that ignores them serves one for the other");
                self.error(&file, None, message);
                continue;
            }
            let Some(article) = self.article(&file, &folder, slug) else {
                continue;
            };
            if let Some(other) = ids.insert(article.id.clone(), file.clone()) {
                self.error(
                    &file,
                    None,
                    format!(
                        "id {:?} is also the id of {other}: one article per id and language",
                        article.id
                    ),
                );
                continue;
            }
            articles.push(article);
        }
        articles
    }

    pub(super) fn article(&mut self, file: &str, folder: &Path, slug: String) -> Option<Article> {
        let (meta, body, body_line) = self.markdown_file::<ArticleToml>(file)?;
        let published = self.date(file, "published", Some(&meta.published))?;
        let updated = meta
            .updated
            .as_ref()
            .and_then(|value| self.date(file, "updated", Some(value)));
        if meta.title.trim().is_empty() {
            self.error(file, None, "`title` is empty");
        }
        if meta.id.trim().is_empty() {
            self.error(file, None, "`id` is empty: it links the article's translations");
        }
        let photo = meta
            .photo
            .as_ref()
            .and_then(|photo| self.photo(photo, folder, file));
        let gallery = meta
            .gallery
            .iter()
            .filter_map(|photo| self.photo(photo, folder, file))
            .collect();
        let body_html = self.body(file, &body, body_line)?;
        Some(Article {
            id: meta.id,
            summary: SummaryOut {
                slug,
                title: meta.title,
                published,
                summary: meta.summary,
                photo,
                tags: meta.tags,
                translations: BTreeMap::new(),
            },
            updated,
            body_html,
            gallery,
        })
    }

    /// `{lang}/pages/{slug}.md` of a legal page; an optional one (the
    /// accessibility statement) may be missing.
    pub(super) fn legal_page(&mut self, lang: &str, legal: Legal) {
        let slug = legal.slug();
        let file = format!("{lang}/pages/{slug}.md");
        if !self.content.join(&file).is_file() {
            if !legal.is_required() {
                return;
            }
            self.error(
                &file,
                None,
                "missing: every language needs its Terms and Privacy pages (the footer links to them)",
            );
            return;
        }
        let Some((meta, body, body_line)) = self.markdown_file::<PageToml>(&file) else {
            return;
        };
        let updated = meta
            .updated
            .as_ref()
            .and_then(|value| self.date(&file, "updated", Some(value)));
        let Some(body_html) = self.body(&file, &body, body_line) else {
            return;
        };
        self.json(
            format!("{lang}/pages/{slug}.json"),
            &PageOut {
                slug: slug.into(),
                title: meta.title,
                updated,
                body_html,
            },
        );
    }

    /// Listing pages of `lang`, newest first, and every article's file.
    pub(super) fn listing(&mut self, lang: &str, articles: &mut [Article], per_page: usize) {
        // Newest first by the calendar date, then the full stamp, then the slug: a stable order.
        articles.sort_by(|a, b| {
            let key = |article: &Article| {
                (
                    CalendarDate::parse(&article.summary.published),
                    article.summary.published.clone(),
                )
            };
            key(b)
                .cmp(&key(a))
                .then_with(|| a.summary.slug.cmp(&b.summary.slug))
        });
        let summaries: Vec<SummaryOut> = articles.iter().map(|a| a.summary.clone()).collect();
        let per_page = per_page.max(1);
        let total_pages = summaries.len().div_ceil(per_page).max(1);
        for page in 1..=total_pages {
            let start = ((page - 1) * per_page).min(summaries.len());
            let end = (page * per_page).min(summaries.len());
            self.json(
                format!("{lang}/news/page-{page}.json"),
                &ListingOut {
                    page,
                    per_page,
                    total_pages,
                    total_items: summaries.len(),
                    items: &summaries[start..end],
                },
            );
        }
        for article in articles.iter_mut() {
            let out = ArticleOut {
                summary: &article.summary,
                updated: article.updated.clone(),
                body_html: std::mem::take(&mut article.body_html),
                gallery: std::mem::take(&mut article.gallery),
            };
            self.json(format!("{lang}/news/{}.json", article.summary.slug), &out);
        }
    }
}

/// Fills in `translations`: every other language's article with the same id.
pub(super) fn translations(articles: &mut BTreeMap<String, Vec<Article>>) {
    let mut by_id: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for (lang, list) in articles.iter() {
        for article in list {
            by_id
                .entry(article.id.clone())
                .or_default()
                .insert(lang.clone(), article.summary.slug.clone());
        }
    }
    for (lang, list) in articles.iter_mut() {
        for article in list {
            let mut others = by_id[&article.id].clone();
            others.remove(lang);
            article.summary.translations = others;
        }
    }
}
