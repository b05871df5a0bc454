//! The check of each document against the contract: the site index and each
//! language's site info, listing pages, articles and legal pages, decoded by
//! the app's own functions, then their optional parts one by one.

use super::*;

impl Checker {
    /// The names of the files in `{lang}/news/`.
    fn news_files(&self, lang: &str) -> impl Iterator<Item = String> {
        std::fs::read_dir(self.dir.join(lang).join("news"))
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|entry| entry.file_name().into_string().ok())
    }

    /// What `decode_site_index` passes over: entries it drops, a default it replaces.
    pub(super) fn site_index_details(&mut self, file: &str, text: &str, default: &str) {
        let Ok(value) = serde_json::from_str::<Value>(text) else {
            return;
        };
        let mut seen = BTreeSet::new();
        for (i, entry) in value["languages"].as_array().into_iter().flatten().enumerate() {
            let code = entry["code"].as_str().unwrap_or_default();
            let at = Some(format!("languages[{i}]"));
            if !is_valid_lang(code) {
                self.error(file, at, format!("{code:?} is not a language code like \"az\" or \"az-Latn\": the app leaves this language out"));
            } else if entry["name"].as_str().is_none_or(|name| name.trim().is_empty()) {
                self.error(
                    file,
                    at,
                    format!("{code} has no `name` to show in the language switcher: the app leaves it out"),
                );
            } else if !seen.insert(code.to_string()) {
                self.error(file, at, format!("{code} is listed twice"));
            }
        }
        if value["default_language"].as_str() != Some(default) {
            self.warning(
                file,
                Some("default_language".into()),
                format!(
                    "{} is not one of `languages`: the app opens {default} instead",
                    value["default_language"]
                ),
            );
        }
        self.site_settings(file, &value);
    }

    /// The settings only the publishing side reads (`settings`).
    fn site_settings(&mut self, file: &str, value: &Value) {
        let settings = crate::settings::SiteSettings::from_value(value);
        for (name, kind) in [
            ("timezone", &settings.timezone),
            ("tag_authority", &settings.tag_authority),
        ] {
            if value.get(name).is_some_and(|field| !field.is_null()) && kind.is_none() {
                self.error(
                    file,
                    Some(name.into()),
                    "not text: the publish step ignores it".into(),
                );
            }
        }
        if let Err(why) = settings.zone() {
            let message = format!("{why}: the feeds give date-only dates in UTC");
            self.error(file, Some("timezone".into()), message);
        }
        if let Some(Err(why)) = settings
            .tag_authority
            .as_deref()
            .map(crate::settings::check_tag_authority)
        {
            self.error(file, Some("tag_authority".into()), why);
        }
        for (i, language) in value["languages"].as_array().into_iter().flatten().enumerate() {
            if let Some(Err(why)) = language["locale"].as_str().map(crate::settings::check_locale) {
                let message = format!("{why}: previews get the language's likely one");
                self.warning(file, Some(format!("languages[{i}].locale")), message);
            }
        }
    }

    /// Language folders that `site.json` does not list.
    pub(super) fn unlisted_folders(&mut self, languages: &[String]) {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        let mut folders: Vec<String> = entries
            .flatten()
            .filter(|entry| {
                entry.path().join("news/page-1.json").is_file() || entry.path().join("site.json").is_file()
            })
            .filter_map(|entry| entry.file_name().into_string().ok())
            .filter(|name| !languages.contains(name))
            .collect();
        folders.sort();
        for folder in folders {
            self.warning(
                &format!("{folder}/"),
                None,
                "holds news, but site.json does not list this language: readers never see it".into(),
            );
        }
    }

    pub(super) fn language(&mut self, lang: &str) {
        self.site_info(lang);
        let listed = self.listing(lang);
        self.articles_of(lang, &listed);
        for legal in Legal::ALL {
            // An optional page is checked when it is there.
            let file = self
                .dir
                .join(lang)
                .join("pages")
                .join(format!("{}.json", legal.slug()));
            if legal.is_required() || file.exists() {
                self.legal(lang, legal);
            }
        }
    }

    pub(super) fn site_info(&mut self, lang: &str) {
        let document = Document::SiteInfo { lang: lang.into() };
        let why = "it names the agency in the header of every page of this language";
        let decode = |text: &str, url: &str| decode_site_info(text, &resolver(url));
        let consequence = "no page of this language can be shown";
        let Some(Loaded { file, url, value, .. }) = self.load(&document, Some(why), decode, consequence)
        else {
            return;
        };
        self.optional::<i32>(&file, &value, "copyright_year", "");
        if let Some(logo) = self.optional::<Logo>(&file, &value, "logo", "") {
            let photo = Photo {
                src: logo.src,
                alt: logo.alt,
                ..Photo::default()
            };
            self.image(&file, &url, "logo", &photo, false);
        } else {
            let message = "none: pages without a photo have no picture in their link previews (the site's picture is the logo on the agency's colour)";
            self.warning(&file, Some("logo".into()), message.into());
        }
    }

    /// The listing pages of `lang`: each page, their agreement with each other,
    /// and every item. Returns the listed slugs with where they are listed.
    pub(super) fn listing(&mut self, lang: &str) -> BTreeMap<String, (String, String)> {
        let mut listed = BTreeMap::new();
        let mut numbers: BTreeSet<u32> = self
            .news_files(lang)
            .filter_map(|name| name.strip_prefix("page-")?.strip_suffix(".json")?.parse().ok())
            .filter(|&n: &u32| n >= 1)
            .collect();
        numbers.insert(1);
        // Each page's `total_pages`, `total_items` and `per_page`, compared once all are read.
        let mut seen: BTreeMap<&str, Vec<(String, u64)>> = BTreeMap::new();
        let mut items_on = BTreeMap::new();
        let mut newest_after: Option<(CalendarDate, String)> = None;
        for &n in &numbers {
            let document = Document::NewsPage {
                lang: lang.into(),
                tag: None,
                page: n,
            };
            let why = (n == 1).then_some("the listing of this language starts here");
            let decode = |text: &str, url: &str| decode_listing(text, &resolver(url));
            let consequence = "readers of this page see \"Could not load\"";
            let Some(Loaded { file, url, value, .. }) = self.load(&document, why, decode, consequence) else {
                continue;
            };
            match value["page"].as_u64() {
                Some(page) if page != u64::from(n) => self.error(
                    &file,
                    Some("page".into()),
                    format!("says page {page}, but the file is page {n}"),
                ),
                None => self.warning(&file, Some("page".into()), format!("missing: it should be {n}")),
                _ => {}
            }
            for field in ["total_pages", "total_items", "per_page"] {
                match value[field].as_u64() {
                    Some(number) => seen.entry(field).or_default().push((file.clone(), number)),
                    None if field == "total_pages" => {}
                    None => self.warning(&file, Some(field.into()), "missing".into()),
                }
            }
            let items = value["items"].as_array().cloned().unwrap_or_default();
            items_on.insert(n, (file.clone(), items.len() as u64));
            for (i, item) in items.iter().enumerate() {
                let at = format!("items[{i}]");
                let Some((slug, date)) = self.summary(&file, &url, &at, item) else {
                    continue;
                };
                if let Some(date) = date {
                    if let Some((newer, where_)) = &newest_after {
                        if date > *newer {
                            let message = format!(
                                "published after {where_}, which comes before it: listings go newest first"
                            );
                            self.warning(&file, Some(at.clone()), message);
                        }
                    }
                    newest_after = Some((date, format!("{file} {at}")));
                }
                if let Some((other, other_at)) = listed.get(&slug) {
                    let message = format!("`{slug}` is listed again (first in {other} {other_at})");
                    self.warning(&file, Some(at), message);
                } else {
                    listed.insert(slug, (file.clone(), at));
                }
            }
        }
        // The value most pages agree on (the earliest page's on a tie) is taken
        // as meant; a page that says otherwise is the one to fix.
        let mut first: BTreeMap<&str, (String, u64)> = BTreeMap::new();
        for (field, values) in &seen {
            let count = |value: u64| values.iter().filter(|(_, v)| *v == value).count();
            let Some(&(_, meant)) = values.iter().rev().max_by_key(|(_, v)| count(*v)) else {
                continue;
            };
            let Some((file, meant)) = values.iter().find(|(_, v)| *v == meant) else {
                continue;
            };
            for (other, value) in values {
                if value != meant {
                    let message = format!("{value} here, but {meant} in {file}");
                    self.error(other, Some(field.to_string()), message);
                }
            }
            first.insert(field, (file.clone(), *meant));
        }
        if let Some((_, per_page)) = first.get("per_page") {
            for (file, count) in items_on.values() {
                if count > per_page {
                    let message = format!("{count} items, more than `per_page` ({per_page})");
                    self.error(&file.clone(), Some("items".into()), message);
                }
            }
        }
        let total_pages = first.get("total_pages").map_or(1, |(_, n)| *n as u32);
        let page_1 = format!("{lang}/news/page-1.json");
        for n in 1..=total_pages {
            if n > 1 && !numbers.contains(&n) {
                let message = format!("missing: {page_1} says there are {total_pages} pages");
                self.error(&format!("{lang}/news/page-{n}.json"), None, message);
            }
        }
        for (&n, (file, count)) in &items_on {
            if n > total_pages {
                let message = format!("page {n} is past `total_pages` ({total_pages}): no link leads to it");
                self.warning(&file.clone(), None, message);
            } else if n < total_pages {
                if let Some((_, per_page)) = first.get("per_page") {
                    if count < per_page {
                        let message = format!("{count} items, but only the last page may have fewer than `per_page` ({per_page})");
                        self.warning(&file.clone(), Some("items".into()), message);
                    }
                }
            }
        }
        if let Some((file, total_items)) = first.get("total_items") {
            let held: u64 = items_on
                .iter()
                .filter(|(&n, _)| n <= total_pages)
                .map(|(_, (_, count))| count)
                .sum();
            if *total_items != held {
                let message = format!("{total_items}, but the pages hold {held} items");
                self.error(&file.clone(), Some("total_items".into()), message);
            }
        }
        self.pages.insert(lang.to_string(), total_pages);
        listed
    }

    /// One listing item: what would make the app skip it, and its optional
    /// parts. Returns its slug and date when the app shows it.
    pub(super) fn summary(
        &mut self,
        file: &str,
        url: &str,
        at: &str,
        item: &Value,
    ) -> Option<(String, Option<CalendarDate>)> {
        let here = Some(at.to_string());
        let mut missing = Vec::new();
        for field in ["slug", "title", "published"] {
            if item[field].as_str().is_none_or(|text| text.trim().is_empty()) {
                missing.push(format!("`{field}`"));
            }
        }
        if !missing.is_empty() {
            let message = format!("no {}: the app skips this item", missing.join(", "));
            self.error(file, here, message);
            return None;
        }
        let slug = item["slug"].as_str().unwrap_or_default().to_string();
        if !is_valid_slug(&slug) {
            let message = format!("the slug {slug:?} is not one URL path segment (no `/`, `?`, `#`, `%`, spaces, `..`; at most 200 characters): the app skips this item");
            self.error(file, here, message);
            return None;
        }
        let date = self.date(file, &format!("{at}.published"), item["published"].as_str());
        self.optional::<String>(file, item, "summary", at);
        self.optional::<Vec<String>>(file, item, "tags", at);
        self.translations_shape(file, item, at);
        if let Some(photo) = self.optional::<Photo>(file, item, "photo", at) {
            self.image(file, url, &format!("{at}.photo"), &photo, true);
            self.sources(file, url, &format!("{at}.photo"), &photo);
        }
        Some((slug, date))
    }

    /// A date the app shows: an error if it is not one.
    pub(super) fn date(&mut self, file: &str, at: &str, text: Option<&str>) -> Option<CalendarDate> {
        let text = text?;
        let date = CalendarDate::parse(text);
        if date.is_none() {
            let message = format!("{text:?} is not a date (2024-05-14 or 2024-05-14T10:30:00+04:00): readers see the text as written");
            self.error(file, Some(at.into()), message);
        }
        date
    }

    /// An optional part decoded on its own, as the app would: `None` when it is
    /// absent, null, or of the wrong shape (a warning says the app drops it).
    pub(super) fn optional<T: DeserializeOwned>(
        &mut self,
        file: &str,
        value: &Value,
        field: &str,
        at: &str,
    ) -> Option<T> {
        let part = value.get(field).filter(|part| !part.is_null())?;
        // From text, as the app decodes: the lenient parts read raw JSON text.
        match serde_json::from_str::<T>(&part.to_string()) {
            Ok(decoded) => Some(decoded),
            Err(error) => {
                let at = if at.is_empty() {
                    field.to_string()
                } else {
                    format!("{at}.{field}")
                };
                self.warning(
                    file,
                    Some(at),
                    format!("{}: the app leaves it out", part_error(&error)),
                );
                None
            }
        }
    }

    /// Entries of `translations` the app ignores.
    pub(super) fn translations_shape(&mut self, file: &str, value: &Value, at: &str) {
        let Some(translations) = value.get("translations").filter(|t| !t.is_null()) else {
            return;
        };
        let path = if at.is_empty() {
            "translations".to_string()
        } else {
            format!("{at}.translations")
        };
        let Some(map) = translations.as_object() else {
            self.warning(
                file,
                Some(path),
                "not an object of language: slug: the app ignores it".into(),
            );
            return;
        };
        for (lang, slug) in map {
            let usable = is_valid_lang(lang) && slug.as_str().is_some_and(is_valid_slug);
            if !usable {
                self.warning(
                    file,
                    Some(format!("{path}.{lang}")),
                    format!("{slug} is not a language code with a slug: the app ignores it"),
                );
            }
        }
    }

    /// Every article file of `lang`: listed ones must exist; the others are
    /// reachable only by a direct link.
    pub(super) fn articles_of(&mut self, lang: &str, listed: &BTreeMap<String, (String, String)>) {
        let mut slugs: BTreeSet<String> = self
            .news_files(lang)
            .filter_map(|name| name.strip_suffix(".json").map(str::to_string))
            .filter(|slug| !is_page_file(slug))
            .collect();
        for (slug, (file, at)) in listed {
            if !slugs.contains(slug) {
                let message = format!("`{slug}` has no article file ({lang}/news/{slug}.json): its link leads to \"Page not found\"");
                self.error(&file.clone(), Some(at.clone()), message);
            }
        }
        let mut usable = Vec::new();
        let mut folds: HashMap<String, String> = HashMap::new();
        for slug in std::mem::take(&mut slugs) {
            let file = format!("{lang}/news/{slug}.json");
            if !is_valid_slug(&slug) {
                let message = "the file name is not a usable slug: the app cannot open it".into();
                self.warning(&file, None, message);
                continue;
            }
            if let Some(why) = crate::names::unpublishable(&slug) {
                self.error(
                    &file,
                    None,
                    format!("the slug cannot be published as a file: {why}"),
                );
                continue;
            }
            if let Some(twin) = folds.insert(crate::names::folded(&slug), slug.clone()) {
                let message = format!("the slug differs from {twin:?} only by case or Unicode form: a host that ignores them serves one for the other");
                self.error(&file, None, message);
                continue;
            }
            if !listed.contains_key(&slug) {
                let message = "no listing page lists it: readers reach it only by a direct link, and it is not prerendered or in the sitemap".into();
                self.warning(&file, None, message);
            }
            usable.push(slug);
        }
        // Each article on its own, so on every core: a helper per share, merged after.
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let share = usable.len().div_ceil(cores).max(1);
        let helpers: Vec<Checker> = std::thread::scope(|scope| {
            let workers: Vec<_> = usable
                .chunks(share)
                .map(|slugs| {
                    let mut helper = self.helper();
                    scope.spawn(move || {
                        for slug in slugs {
                            helper.article(lang, slug);
                        }
                        helper
                    })
                })
                .collect();
            workers
                .into_iter()
                .filter_map(|worker| worker.join().ok())
                .collect()
        });
        for helper in helpers {
            self.merge(helper);
        }
    }

    pub(super) fn article(&mut self, lang: &str, slug: &str) {
        let document = Document::Article {
            lang: lang.into(),
            slug: slug.into(),
        };
        let decode = |text: &str, url: &str| decode_article(text, url, &resolver(url));
        let Some(Loaded {
            file,
            url,
            decoded: article,
            value,
        }) = self.load(&document, None, decode, COULD_NOT_LOAD)
        else {
            return;
        };
        if let Some(own) = value["slug"].as_str() {
            if own != slug {
                let message = format!("{own:?} differs from the file name's {slug:?}");
                self.warning(&file, Some("slug".into()), message);
            }
        }
        match value["published"].as_str() {
            Some(published) => {
                self.date(&file, "published", Some(published));
            }
            None => self.warning(
                &file,
                Some("published".into()),
                "missing: the article shows no date".into(),
            ),
        }
        self.date(&file, "updated", value["updated"].as_str());
        self.optional::<String>(&file, &value, "summary", "");
        self.optional::<Vec<String>>(&file, &value, "tags", "");
        self.translations_shape(&file, &value, "");
        let photo = self.optional::<Photo>(&file, &value, "photo", "");
        if let Some(photo) = &photo {
            self.image(&file, &url, "photo", photo, true);
            self.sources(&file, &url, "photo", photo);
            self.preview_image(&file, &url, photo);
        }
        if let Some(gallery) = value.get("gallery").filter(|g| !g.is_null()) {
            match gallery.as_array() {
                Some(photos) => {
                    for (i, photo) in photos.iter().enumerate() {
                        let at = format!("gallery[{i}]");
                        match serde_json::from_str::<Photo>(&photo.to_string()) {
                            Ok(photo) => {
                                self.image(&file, &url, &at, &photo, true);
                                self.sources(&file, &url, &at, &photo);
                            }
                            Err(error) => {
                                let message = format!("{}: the app leaves it out", part_error(&error));
                                self.warning(&file, Some(at), message);
                            }
                        }
                    }
                }
                None => self.warning(
                    &file,
                    Some("gallery".into()),
                    "not a list: the app shows no gallery".into(),
                ),
            }
        }
        self.body(&file, &url, &article.body_html, article.truncated);
        let translations = article
            .translations
            .iter()
            .map(|(lang, slug)| (lang.to_string(), slug.to_string()))
            .collect();
        self.articles.insert(
            (lang.to_string(), slug.to_string()),
            ArticleFacts { translations },
        );
    }

    pub(super) fn legal(&mut self, lang: &str, legal: Legal) {
        let document = Document::Legal {
            lang: lang.into(),
            legal,
        };
        let why = "the footer of every page links to it";
        let Some(Loaded {
            file,
            url,
            decoded: page,
            value,
        }) = self.load(&document, Some(why), decode_legal_document, COULD_NOT_LOAD)
        else {
            return;
        };
        self.date(&file, "updated", value["updated"].as_str());
        self.body(&file, &url, &page.body_html, page.truncated);
    }

    /// What the sanitizer would change in a body; its links, for later.
    pub(super) fn body(&mut self, file: &str, url: &str, html: &str, truncated: bool) {
        if truncated {
            let message =
                "over 512 KiB: the app shows only its beginning and says the text is too long".into();
            self.warning(file, Some("body_html".into()), message);
        }
        let audit = crate::audit::audit(html, &resolver(url));
        for change in audit.changes {
            let times = if change.count > 1 {
                format!(" ({} times)", change.count)
            } else {
                String::new()
            };
            let at = Some(format!("body_html line {}", change.line));
            self.finding(change.severity, file, at, format!("{}{times}", change.message));
        }
        for link in audit.links {
            self.links.push((file.to_string(), link.line, link.href));
        }
    }
}
