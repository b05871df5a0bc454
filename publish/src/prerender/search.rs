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
    // A Pagefind per language, as many at once as there are cores: each keeps
    // its cores busy only part of the time (it writes its index on one).
    let runs = crate::on_every_core(with_articles, |lang| {
        // Pagefind's language: the primary subtag (`az` of `az-Latn`).
        let primary = lang.split('-').next().unwrap_or(lang);
        let output = Command::new(&pagefind)
            .arg("--site")
            .arg(dir)
            .args(["--glob", &format!("{lang}/news/*.html")])
            .args(["--output-subdir", &format!("{FOLDER}/{lang}")])
            .args(["--force-language", primary])
            // Only the article element is read (the rest of the page is
            // never indexed): the same index for ~10% less of Pagefind's time.
            .args(["--root-selector", "[data-pagefind-body]"])
            .arg("--quiet")
            .output();
        (lang, output)
    });
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
        }
    }
}
