//! The documents the publish step derives from an API tree, whoever wrote it
//! (build-api or a CMS), before it is checked: extensions of contract v1
//! (docs/news-api.md) that the app reads where they are and does without
//! where they are not.
//!
//! - **Tag listings**: `{lang}/tags/{tag}/page-{n}.json`, one listing per tag
//!   of each language's articles, in the listing's shape and order (newest
//!   first) with the tag as written (`tag`) and the same tag's listing in the
//!   other languages that have it (`translations`, by its URL form:
//!   `core::slug::tag_key`; the same tag is the one written alike, or the one
//!   on exactly the translations of its articles). This step owns
//!   `{lang}/tags/`: it is made anew.
//! - **Related news**: on each article, `related`: up to three articles of its
//!   language that share a tag with it, newest first (`slug`, `title`,
//!   `published`). This step owns the field.
//! - **What a language has**, in its `site.json`'s `has` list: `tags` when it
//!   has tag listings, `accessibility` when `{lang}/pages/accessibility.json`
//!   is there; and ([`announce_feeds`]) `feeds` when the publish writes feeds
//!   (it has an origin).
//!
//! build-api derives them in the tree it writes; `publish` in a CMS's tree.
//!
//! The articles are the ones the listings name, in their order; documents
//! that do not decode are left for check-api to report. A document is
//! rewritten only when its bytes change, with its other fields as they were.

use crate::tree::{ApiTree, NO_ORIGIN};
use news_portal::core::decode::MAX_RELATED;
use news_portal::core::model::{Summary, HAS_FEEDS, HAS_TAGS};
use news_portal::core::routes::{Legal, TAGS_SEGMENT};
use news_portal::core::slug::tag_key;
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// What deriving wrote.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Derived {
    /// Tags with a listing, over every language.
    pub tags: usize,
    /// Tag listing pages written.
    pub tag_pages: usize,
    /// Articles with related news.
    pub related: usize,
    /// Documents whose bytes changed (site.json, articles, tag listings).
    pub changed: usize,
}

impl Derived {
    pub fn print(&self, elapsed: f64) {
        println!(
            "{} tag(s) with their listings ({} page(s)), related news on {} article(s), {} document(s) changed, in {elapsed:.2} s",
            self.tags, self.tag_pages, self.related, self.changed
        );
    }
}

/// One article as the listings name it: its summary as decoded (for its
/// tags), and the item as written (copied whole into tag listings).
struct Listed {
    /// Its place in the language's listing: 0 is the newest.
    position: usize,
    summary: Summary,
    item: Value,
}

/// Derives the documents of the tree in `api`. An `Err` says which file
/// could not be written.
pub fn derive(api: &Path) -> Result<Derived, String> {
    let tree = ApiTree::new(api, NO_ORIGIN);
    let Ok(index) = tree.site_index() else {
        // check-api says why; nothing can be derived without the languages.
        return Ok(Derived::default());
    };
    let mut derived = Derived::default();
    let mut listed: BTreeMap<String, Vec<Listed>> = BTreeMap::new();
    let mut per_page: BTreeMap<String, u64> = BTreeMap::new();
    for language in &index.languages {
        let (items, size) = listed_items(api, &language.code);
        listed.insert(language.code.clone(), items);
        per_page.insert(language.code.clone(), size);
    }
    // Each language's tags by URL form: the form written on its newest article, and its articles.
    let tags: BTreeMap<&str, BTreeMap<String, (String, Vec<&Listed>)>> = listed
        .iter()
        .map(|(lang, items)| {
            let mut tags: BTreeMap<String, (String, Vec<&Listed>)> = BTreeMap::new();
            for item in items {
                let keys: BTreeSet<(String, &String)> = item
                    .summary
                    .tags
                    .iter()
                    .filter_map(|tag| Some((tag_key(tag)?, tag)))
                    .collect();
                let mut seen = BTreeSet::new();
                for (key, written) in keys {
                    if seen.insert(key.clone()) {
                        let entry = tags
                            .entry(key)
                            .or_insert_with(|| (written.trim().to_string(), Vec::new()));
                        entry.1.push(item);
                    }
                }
            }
            (lang.as_str(), tags)
        })
        .collect();
    for (lang, of_lang) in &tags {
        let folder = api.join(lang).join(TAGS_SEGMENT);
        remove_folder(&folder)?;
        let size = per_page[*lang].max(1) as usize;
        for (key, (written, items)) in of_lang {
            derived.tags += 1;
            let translations: Map<String, Value> = tags
                .iter()
                .filter(|(other, _)| other != &lang)
                .filter_map(|(other, of_other)| {
                    let counterpart = counterpart(key, items, other, of_other)?;
                    Some((other.to_string(), Value::String(counterpart.to_string())))
                })
                .collect();
            let total_pages = items.len().div_ceil(size);
            for (n, chunk) in items.chunks(size).enumerate() {
                let page = json!({
                    "page": n + 1,
                    "per_page": size,
                    "total_pages": total_pages,
                    "total_items": items.len(),
                    "tag": written,
                    "translations": translations,
                    "items": chunk.iter().map(|item| one_folder_deeper(item.item.clone())).collect::<Vec<_>>(),
                });
                let path = folder.join(key).join(format!("page-{}.json", n + 1));
                derived.changed += usize::from(write_json(&path, &page)?);
                derived.tag_pages += 1;
            }
        }
    }
    for (lang, items) in &listed {
        let of_lang = &tags[lang.as_str()];
        for item in items {
            let keys: BTreeSet<String> = item.summary.tags.iter().filter_map(|tag| tag_key(tag)).collect();
            // Newest first (the listing's order), each article once: the
            // newest few of each of its tags hold them.
            let related: Vec<usize> = keys
                .iter()
                .filter_map(|key| of_lang.get(key))
                .flat_map(|(_, with_tag)| with_tag.iter().take(MAX_RELATED + 1).map(|other| other.position))
                .filter(|&other| other != item.position)
                .collect::<BTreeSet<usize>>()
                .into_iter()
                .take(MAX_RELATED)
                .collect();
            let related: Vec<Value> = related
                .into_iter()
                .map(|other| {
                    let summary = &items[other].summary;
                    json!({ "slug": summary.slug, "title": summary.title, "published": summary.published })
                })
                .collect();
            derived.related += usize::from(!related.is_empty());
            let file = api
                .join(lang)
                .join("news")
                .join(format!("{}.json", item.summary.slug));
            derived.changed += usize::from(set_field(
                &file,
                "related",
                (!related.is_empty()).then(|| Value::Array(related)),
            )?);
        }
    }
    for language in &index.languages {
        let lang = &language.code;
        let file = api.join(lang).join("site.json");
        let has_tags = tags.get(lang.as_str()).is_some_and(|of_lang| !of_lang.is_empty());
        derived.changed += usize::from(set_has(&file, HAS_TAGS, has_tags)?);
        for legal in Legal::ALL.into_iter().filter(|legal| !legal.is_required()) {
            let page = api
                .join(lang)
                .join("pages")
                .join(format!("{}.json", legal.slug()));
            derived.changed += usize::from(set_has(&file, legal.slug(), page.is_file())?);
        }
    }
    Ok(derived)
}

/// The same tag in language `other`, whose tags are `of_other`: the tag
/// written the same way (a name, an acronym: `ICMPD`), else the one whose
/// articles are exactly the translations of `items` (the articles with the
/// tag `key`), so that `residence permits` finds `yaşamaq icazəsi`. `None`
/// when no tag is either (an article without a translation there, tags that
/// do not match one to one).
fn counterpart<'a>(
    key: &'a str,
    items: &[&Listed],
    other: &str,
    of_other: &'a BTreeMap<String, (String, Vec<&Listed>)>,
) -> Option<&'a str> {
    if of_other.contains_key(key) {
        return Some(key);
    }
    let translated: BTreeSet<&str> = items
        .iter()
        .map(|item| item.summary.translations.get(other))
        .collect::<Option<_>>()?;
    of_other.iter().find_map(|(candidate, (_, with_tag))| {
        let slugs: BTreeSet<&str> = with_tag.iter().map(|item| item.summary.slug.as_str()).collect();
        (slugs == translated).then_some(candidate.as_str())
    })
}

/// Says in every language's `site.json` whether the site has Atom feeds
/// (`feeds` in its `has`); returns how many files changed.
pub fn announce_feeds(api: &Path, feeds: bool) -> Result<usize, String> {
    let Ok(index) = ApiTree::new(api, NO_ORIGIN).site_index() else {
        return Ok(0);
    };
    let mut changed = 0;
    for language in &index.languages {
        let file = api.join(&language.code).join("site.json");
        changed += usize::from(set_has(&file, HAS_FEEDS, feeds)?);
    }
    Ok(changed)
}

/// Adds `name` to the `has` list of the `site.json` in `file` (`on`), or
/// takes it out; the list goes when it is empty. `Ok(true)` when the file changed.
fn set_has(file: &Path, name: &str, on: bool) -> Result<bool, String> {
    let Some(Value::Object(object)) = read_json(file) else {
        return Ok(false);
    };
    let mut has: Vec<String> = object
        .get("has")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|entry| entry.as_str().map(String::from))
        .filter(|entry| entry != name)
        .collect();
    if on {
        has.push(name.to_string());
        has.sort();
    }
    let has = (!has.is_empty()).then(|| Value::Array(has.into_iter().map(Value::String).collect()));
    set_field(file, "has", has)
}

/// The items of `lang`'s listing pages, in order, each article once (items
/// that do not decode are left out), and the listing's `per_page` (page 1's,
/// else its item count, else 12).
fn listed_items(api: &Path, lang: &str) -> (Vec<Listed>, u64) {
    let mut items = Vec::new();
    let mut seen = BTreeSet::new();
    let mut per_page = None;
    let (mut page, mut total) = (1u64, 1u64);
    while page <= total {
        let file = api.join(lang).join("news").join(format!("page-{page}.json"));
        let Some(value) = read_json(&file) else { break };
        total = value["total_pages"].as_u64().unwrap_or(1).min(100_000);
        let raw = value["items"].as_array().cloned().unwrap_or_default();
        per_page = per_page.or(value["per_page"].as_u64()).or(Some(raw.len() as u64));
        for item in raw {
            let Ok(summary) = serde_json::from_str::<Summary>(&item.to_string()) else {
                continue;
            };
            if news_portal::core::slug::is_valid_slug(&summary.slug) && seen.insert(summary.slug.clone()) {
                items.push(Listed {
                    position: items.len(),
                    summary,
                    item,
                });
            }
        }
        page += 1;
    }
    (items, per_page.filter(|&n| n > 0).unwrap_or(12))
}

/// A listing item of `{lang}/news/` as a tag listing in `{lang}/tags/{tag}/`
/// has it: relative URLs (its photo's and its variants') resolve against the
/// document that holds them, one folder deeper, so each gets one more `../`.
fn one_folder_deeper(mut item: Value) -> Value {
    let deeper = |src: &mut Value| {
        if let Some(url) = src.as_str() {
            let scheme = url.split_once(':').is_some_and(|(scheme, _)| {
                scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                    && scheme
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
            });
            let relative = !scheme && !url.starts_with(['/', '#', '?']);
            if relative && !url.is_empty() {
                *src = Value::String(format!("../{url}"));
            }
        }
    };
    if let Some(photo) = item.get_mut("photo").filter(|photo| photo.is_object()) {
        if let Some(src) = photo.get_mut("src") {
            deeper(src);
        }
        for source in photo
            .get_mut("sources")
            .and_then(Value::as_array_mut)
            .into_iter()
            .flatten()
        {
            if let Some(src) = source.get_mut("src") {
                deeper(src);
            }
        }
    }
    item
}

fn read_json(file: &Path) -> Option<Value> {
    serde_json::from_slice(&std::fs::read(file).ok()?).ok()
}

/// Sets (or with `None` removes) `field` of the JSON object in `file`, its
/// other fields as they were; `Ok(true)` when the file changed. A file that
/// is missing or not an object is left to check-api.
fn set_field(file: &Path, field: &str, value: Option<Value>) -> Result<bool, String> {
    let Some(Value::Object(mut object)) = read_json(file) else {
        return Ok(false);
    };
    match value {
        Some(value) => {
            object.insert(field.to_string(), value);
        }
        None => {
            object.remove(field);
        }
    }
    write_json(file, &Value::Object(object))
}

/// Writes `value` to `file` as JSON unless it holds those bytes already;
/// `Ok(true)` when it wrote.
fn write_json(file: &Path, value: &Value) -> Result<bool, String> {
    let text = value.to_string();
    if std::fs::read(file).is_ok_and(|old| old == text.as_bytes()) {
        return Ok(false);
    }
    crate::files::write(file, text.as_bytes())
        .map(|()| true)
        .map_err(|error| format!("{} cannot be written: {error}", file.display()))
}

/// Removes `folder` and what it holds (a link in its place is removed, never followed).
fn remove_folder(folder: &Path) -> Result<(), String> {
    let removed = match std::fs::symlink_metadata(folder) {
        Ok(meta) if meta.is_dir() => std::fs::remove_dir_all(folder),
        Ok(_) => std::fs::remove_file(folder),
        Err(_) => Ok(()),
    };
    removed.map_err(|error| format!("{} cannot be replaced: {error}", folder.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_moved_one_folder_deeper_keeps_its_photos() {
        let item = json!({
            "slug": "a",
            "photo": { "src": "../../img/a.jpg", "sources": [
                { "type": "image/webp", "width": 480, "src": "../../img/v/a-480.webp" },
                { "type": "image/webp", "width": 960, "src": "https://cdn.example.org/a-960.webp" },
            ] },
        });
        let moved = one_folder_deeper(item);
        assert_eq!(moved["photo"]["src"], "../../../img/a.jpg");
        assert_eq!(moved["photo"]["sources"][0]["src"], "../../../img/v/a-480.webp");
        assert_eq!(
            moved["photo"]["sources"][1]["src"],
            "https://cdn.example.org/a-960.webp"
        );
        for unchanged in ["/img/a.jpg", "https://e.gov/a.jpg", "data:x", "#x", "?x"] {
            let moved = one_folder_deeper(json!({ "photo": { "src": unchanged } }));
            assert_eq!(moved["photo"]["src"], unchanged);
        }
    }

    #[test]
    fn what_a_language_has_is_one_sorted_list_that_goes_when_empty() {
        let dir = std::env::temp_dir().join(format!("news-derive-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("site.json");
        std::fs::write(&file, r#"{"name":"Agency","has":["other"]}"#).unwrap();
        assert!(set_has(&file, HAS_TAGS, true).unwrap());
        assert!(!set_has(&file, HAS_TAGS, true).unwrap(), "unchanged: not written");
        assert!(set_has(&file, HAS_FEEDS, true).unwrap());
        assert_eq!(
            std::fs::read_to_string(&file).unwrap(),
            r#"{"name":"Agency","has":["feeds","other","tags"]}"#
        );
        for name in [HAS_FEEDS, HAS_TAGS, "other"] {
            set_has(&file, name, false).unwrap();
        }
        assert_eq!(std::fs::read_to_string(&file).unwrap(), r#"{"name":"Agency"}"#);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
