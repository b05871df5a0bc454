//! The search index: Pagefind (npm `pagefind`, a Rust binary inside the npm
//! package) run over the article pages this step just wrote, one index per
//! language into `DIR/pagefind/{lang}/`, which the search view loads
//! (`pages::search_page`). Each index holds the article's text (the
//! `data-pagefind-body` element: title, photo captions, body, tags), the tags
//! and the year to filter by, and the date and thumbnail a result shows
//! (`data-pagefind-filter`, `data-pagefind-meta`, set by the article view).
//! Beside them, `DIR/search-strings/{lang}.json` holds the strings the view's
//! results and filters show, so that the wasm does not carry them.
//! Articles whose document does not decode have no page, so no entry.
//!
//! Pagefind is found as `$PAGEFIND`, else `pagefind` on the `PATH`, else
//! `node_modules/.bin/pagefind` in the current folder (the README's commands
//! install it with `npm ci`). Without it the pages are written and the step
//! says that search is left out.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The folder below `DIR` the indexes go in.
pub const FOLDER: &str = "pagefind";

/// The folder below `DIR` with each indexed language's strings for
/// `public/search.js` (`{lang}.json`, [`interface`]).
pub const STRINGS_FOLDER: &str = "search-strings";

/// The strings of the search view in `strings`' language, as `public/search.js`
/// reads them: `{"strings": {key: text}, "dates": {"months", "pattern"}}`.
/// They travel with the index rather than in the wasm, so that the app's
/// first view carries none of them; a site without an index has no search.
pub fn interface(strings: &news_portal::i18n::Strings) -> String {
    let results = &strings.results;
    serde_json::json!({
        "strings": {
            "search": strings.search,
            "search_field": strings.search_field,
            "search_prompt": strings.search_prompt,
            "searching": strings.searching,
            "search_unavailable": strings.search_unavailable,
            "found": results.found,
            "nothing": results.nothing,
            "tag_label": results.tag_label,
            "year_label": results.year_label,
            "any_tag": results.any_tag,
            "any_year": results.any_year,
            "more": results.more,
        },
        "dates": {
            "months": strings.dates.months,
            "pattern": strings.dates.pattern,
        },
        "folds": FOLDS.iter().map(|(from, to)| format!("{from}{to}")).collect::<String>(),
    })
    .to_string()
}

/// What indexing did: the languages indexed (with the peak memory in MiB of
/// the largest Pagefind run, where known), or why search is left out.
#[derive(Debug, Clone, PartialEq)]
pub enum Indexed {
    Languages {
        languages: Vec<String>,
        peak_mib: Option<f64>,
    },
    LeftOut(String),
}

/// The Pagefind to run, if there is one.
fn pagefind() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("PAGEFIND").filter(|path| !path.is_empty()) {
        return Some(PathBuf::from(path));
    }
    let on_path = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join("pagefind"))
            .find(|candidate| candidate.is_file())
    });
    on_path.or_else(|| Some(PathBuf::from("node_modules/.bin/pagefind")).filter(|path| path.is_file()))
}

/// Indexes the article pages of each of `languages` in `dir`, replacing the
/// indexes of an earlier run (a language no longer published loses its own).
pub fn index(dir: &Path, languages: &[String]) -> Indexed {
    let Some(pagefind) = pagefind() else {
        return Indexed::LeftOut(
            "search is left out: Pagefind was not found (`npm ci` installs it; or set PAGEFIND to its path)"
                .into(),
        );
    };
    // An earlier run's indexes and strings go: each is made anew below.
    for folder in [FOLDER, STRINGS_FOLDER] {
        let folder = dir.join(folder);
        if let Err(error) = std::fs::remove_dir_all(&folder) {
            if error.kind() != std::io::ErrorKind::NotFound {
                return Indexed::LeftOut(format!(
                    "search is left out: {} cannot be replaced: {error}",
                    folder.display()
                ));
            }
        }
    }
    let children_before = largest_child_memory();
    let with_articles: Vec<&String> = languages
        .iter()
        .filter(|lang| {
            std::fs::read_dir(dir.join(lang).join("news")).is_ok_and(|entries| {
                entries
                    .flatten()
                    .any(|entry| entry.path().extension().is_some_and(|ext| ext == "html"))
            })
        })
        .collect();
    // What Pagefind reads: each article as its prerendered page has it, with
    // the folded twin of every word that has letters to fold ([`with_twins`]),
    // in a folder of its own that mirrors `DIR` (the same URLs), removed after.
    let source = std::env::temp_dir().join(format!("news-publish-search-{}", std::process::id()));
    let sources = crate::on_every_core(with_articles.clone(), |lang| twin_pages(dir, &source, lang));
    if let Some(error) = sources.into_iter().find_map(Result::err) {
        let _ = std::fs::remove_dir_all(&source);
        return Indexed::LeftOut(format!("search is left out: {error}"));
    }
    // A Pagefind per language, as many at once as there are cores: each keeps
    // its cores busy only part of the time (it writes its index on one).
    let runs = crate::on_every_core(with_articles, |lang| {
        // Pagefind's language: the primary subtag (`az` of `az-Latn`).
        let primary = lang.split('-').next().unwrap_or(lang);
        let output = Command::new(&pagefind)
            .arg("--site")
            .arg(&source)
            .args(["--glob", &format!("{lang}/news/*.html")])
            .arg("--output-path")
            .arg(dir.join(FOLDER).join(lang))
            .args(["--force-language", primary])
            // Only the article element is read (the rest of the page is
            // never indexed): the same index for ~10% less of Pagefind's time.
            .args(["--root-selector", "[data-pagefind-body]"])
            .arg("--quiet")
            .output();
        (lang, output)
    });
    let _ = std::fs::remove_dir_all(&source);
    let mut indexed = Vec::new();
    for (lang, output) in runs {
        match output {
            Ok(output) if output.status.success() => indexed.push(lang.clone()),
            Ok(output) => {
                let said = String::from_utf8_lossy(&output.stderr);
                return Indexed::LeftOut(format!(
                    "search is left out: Pagefind failed on {lang}: {}",
                    said.trim()
                ));
            }
            Err(error) => {
                return Indexed::LeftOut(format!(
                    "search is left out: {} did not run: {error}",
                    pagefind.display()
                ))
            }
        }
    }
    if let Err(error) = write_strings(dir, &indexed) {
        return Indexed::LeftOut(format!("search is left out: {error}"));
    }
    // The largest child so far is a Pagefind run only if it outgrew every
    // process waited for before (a script that `exec`s this step keeps the
    // count of its own children, such as cargo's compile).
    let peak_mib = largest_child_memory()
        .filter(|after| !indexed.is_empty() && children_before.is_none_or(|before| *after > before));
    Indexed::Languages {
        languages: indexed,
        peak_mib,
    }
}

/// The letters a reader may type without: each with the letter typed instead.
/// Azerbaijani's own (ə and ı have no decomposition, so no search engine
/// folds them), the Latin letters it shares with Turkish, and Russian ё.
/// `public/search.js` folds queries with this same table (it travels in
/// `search-strings/{lang}.json`).
pub const FOLDS: [(char, char); 16] = [
    ('ə', 'e'),
    ('Ə', 'E'),
    ('ı', 'i'),
    ('İ', 'I'),
    ('ö', 'o'),
    ('Ö', 'O'),
    ('ü', 'u'),
    ('Ü', 'U'),
    ('ç', 'c'),
    ('Ç', 'C'),
    ('ş', 's'),
    ('Ş', 'S'),
    ('ğ', 'g'),
    ('Ğ', 'G'),
    ('ё', 'е'),
    ('Ё', 'Е'),
];

/// `word` with its foldable letters replaced ([`FOLDS`]).
pub fn fold(word: &str) -> String {
    word.chars()
        .map(|c| FOLDS.iter().find(|(from, _)| *from == c).map_or(c, |(_, to)| *to))
        .collect()
}

/// `html` with, after every word of its text that has letters to fold, a space
/// and the word folded: `icazə` reads `icazə icaze`, so that the index finds
/// the story by either. Tags and their attributes are left as they are (a
/// `<` opens a tag until its `>`; the pages are the renderer's own, whose
/// attribute values and text have `<` and `>` escaped). `public/search.js`
/// removes the twins from the titles and excerpts it shows.
pub fn with_twins(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    let mut tag = String::new(); // the tag being read, `<` to `>`
    let mut in_tag = false;
    let mut word = String::new();
    // Inside an element whose text is a filter's value (`data-pagefind-filter="tag"`),
    // its name: that text is the value, and gets no twins (the filter would
    // read them; its words are in the body).
    let mut value_of: Option<String> = None;
    for c in html.chars() {
        if in_tag {
            tag.push(c);
            if c == '>' {
                in_tag = false;
                out.push_str(&tag);
                let name: String = tag[1..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '/')
                    .collect();
                match &value_of {
                    Some(open) if name == format!("/{open}") => value_of = None,
                    // A filter without `name:value` takes the element's text.
                    None if filter_of(&tag).is_some_and(|filter| !filter.contains(':')) => {
                        value_of = Some(name);
                    }
                    _ => {}
                }
                tag.clear();
            }
            continue;
        }
        if c.is_alphanumeric() {
            word.push(c);
            continue;
        }
        twin(&mut word, &mut out, value_of.is_none());
        if c == '<' {
            in_tag = true;
            tag.push(c);
        } else {
            out.push(c);
        }
    }
    twin(&mut word, &mut out, true);
    out.push_str(&tag);
    out
}

/// The value of a tag's `data-pagefind-filter` attribute, if it has one.
fn filter_of(tag: &str) -> Option<&str> {
    const ATTRIBUTE: &str = " data-pagefind-filter=\"";
    let rest = &tag[tag.find(ATTRIBUTE)? + ATTRIBUTE.len()..];
    rest.split('"').next()
}

/// Writes `word` to `out`, with its folded twin after it if `twinned`; empties `word`.
fn twin(word: &mut String, out: &mut String, twinned: bool) {
    out.push_str(word);
    let folded = fold(word);
    if twinned && folded != *word {
        out.push(' ');
        out.push_str(&folded);
    }
    word.clear();
}

/// Writes the article pages of `lang` in `dir` into `source` (the same paths)
/// as Pagefind reads them: the article element alone, with twins.
fn twin_pages(dir: &Path, source: &Path, lang: &str) -> Result<(), String> {
    let from = dir.join(lang).join("news");
    let into = source.join(lang).join("news");
    std::fs::create_dir_all(&into)
        .map_err(|error| format!("{} could not be made: {error}", into.display()))?;
    let entries =
        std::fs::read_dir(&from).map_err(|error| format!("{} could not be read: {error}", from.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|ext| ext != "html") {
            continue;
        }
        let page = std::fs::read_to_string(&path)
            .map_err(|error| format!("{} could not be read: {error}", path.display()))?;
        let Some(article) = indexed_part(&page) else {
            continue;
        };
        let text = format!(
            "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"></head><body>{}</body></html>",
            with_twins(article)
        );
        let target = into.join(entry.file_name());
        std::fs::write(&target, text)
            .map_err(|error| format!("{} could not be written: {error}", target.display()))?;
    }
    Ok(())
}

/// The element of an article page the index reads: from the tag that has
/// `data-pagefind-body` to the last `</article>` (the article view's own).
fn indexed_part(page: &str) -> Option<&str> {
    let marker = page.find("data-pagefind-body")?;
    let start = page[..marker].rfind('<')?;
    let end = page.rfind("</article>")? + "</article>".len();
    (start < end).then(|| &page[start..end])
}

/// Writes `DIR/search-strings/{lang}.json` for each of `languages`.
fn write_strings(dir: &Path, languages: &[String]) -> Result<(), String> {
    let folder = dir.join(STRINGS_FOLDER);
    let failed = |error: std::io::Error| format!("{} could not be written: {error}", folder.display());
    std::fs::create_dir_all(&folder).map_err(failed)?;
    for lang in languages {
        let text = interface(news_portal::i18n::strings(lang));
        crate::files::write(&folder.join(format!("{lang}.json")), text.as_bytes()).map_err(failed)?;
    }
    Ok(())
}

/// The peak resident memory in MiB of the largest process this process ran
/// and waited for, where the system says it in KiB (Linux; macOS counts
/// bytes, Windows has no such call).
#[cfg(target_os = "linux")]
fn largest_child_memory() -> Option<f64> {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage fills the struct it is given and reads nothing else.
    let usage = unsafe {
        (libc::getrusage(libc::RUSAGE_CHILDREN, usage.as_mut_ptr()) == 0).then(|| usage.assume_init())
    }?;
    (usage.ru_maxrss > 0).then(|| usage.ru_maxrss as f64 / 1024.0)
}

#[cfg(not(target_os = "linux"))]
fn largest_child_memory() -> Option<f64> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_with_letters_to_fold_is_followed_by_its_twin_and_markup_is_left_alone() {
        assert_eq!(fold("İcazə vətəndaşlığı ещё"), "Icaze vetendasligi еще");
        assert_eq!(
            with_twins(r#"<h1 title="icazə">Yaşamaq icazəsi</h1><p>Permit &amp; visa, ёлка</p>"#),
            r#"<h1 title="icazə">Yaşamaq Yasamaq icazəsi icazesi</h1><p>Permit &amp; visa, ёлка елка</p>"#
        );
        // A filter's value stays as written, without twins.
        assert_eq!(
            with_twins(r#"<li><a href="/x" data-pagefind-filter="tag">əmək miqrasiyası</a> icazə</li>"#),
            r#"<li><a href="/x" data-pagefind-filter="tag">əmək miqrasiyası</a> icazə icaze</li>"#
        );
        // A filter with its value (`year:2024`) is an attribute only: the text is twinned.
        assert_eq!(
            with_twins(r#"<article data-pagefind-filter="year:2024"><p>icazə</p></article>"#),
            r#"<article data-pagefind-filter="year:2024"><p>icazə icaze</p></article>"#
        );
        // English text and numbers come out as they went in.
        let english =
            r#"<article data-pagefind-body=""><p>Residence permits 2024: 1,200 issued.</p></article>"#;
        assert_eq!(with_twins(english), english);
    }

    #[test]
    fn the_index_reads_the_article_element_alone() {
        let page = r#"<html><body><header>Menu</header><main><article class="article" data-pagefind-body=""><h1>T</h1></article></main><footer>F</footer></body></html>"#;
        assert_eq!(
            indexed_part(page),
            Some(r#"<article class="article" data-pagefind-body=""><h1>T</h1></article>"#)
        );
        assert_eq!(indexed_part("<html><body><p>No article</p></body></html>"), None);
    }

    #[test]
    fn the_strings_of_every_language_are_there_for_search_js() {
        for table in news_portal::i18n::ALL {
            let json: serde_json::Value = serde_json::from_str(&interface(table)).unwrap();
            let strings = json["strings"].as_object().unwrap();
            // Every key public/search.js reads, with its text.
            for key in [
                "search",
                "search_field",
                "search_prompt",
                "searching",
                "search_unavailable",
                "found",
                "nothing",
                "tag_label",
                "year_label",
                "any_tag",
                "any_year",
                "more",
            ] {
                let text = strings[key].as_str().unwrap_or_default();
                assert!(!text.is_empty(), "{}: `{key}`", table.code);
            }
            assert_eq!(strings["found"], table.results.found);
            assert!(table.results.found.contains("{n}"));
            assert_eq!(json["dates"]["months"].as_array().unwrap().len(), 12);
            assert_eq!(json["dates"]["pattern"], table.dates.pattern);
            // The folding table as pairs of letters, the same for every language.
            assert_eq!(json["folds"].as_str().unwrap().chars().count(), FOLDS.len() * 2);
        }
    }
}
