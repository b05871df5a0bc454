//! `scripts/build-api CONTENT_DIR OUT_DIR`: the API tree of docs/news-api.md
//! built from plain files, as static-site tools do.
//!
//! ```text
//! content/site.toml                      languages, default, agency names, logo, per_page
//! content/{lang}/news/{slug}.md          one article in one language: TOML front matter
//!                                        between `+++` lines, then Markdown
//! content/{lang}/pages/{terms,privacy}.md
//! content/…                              any other file (photos) is copied as it is
//! ```
//!
//! Articles in different languages with the same `id` are translations of each
//! other. Image sizes are read from the files; listing pages, totals and
//! `translations` are computed; the output is deterministic. Nothing is written
//! while any file has an error; every error names its file and line.
//!
//! The content folder is untrusted input: a symbolic link in it is an error
//! (nothing is read through one), a path must stay inside it, and photos are
//! published without their metadata (`photos::strip`). The output folder is
//! replaced whole, so only a folder this step wrote (it holds [`MARKER`]) is.
//!
//! Here: the builder and the site's settings; `front_matter` what content
//! files say, `pages` articles, legal pages and listings, `media` photos and
//! other files, `markdown` Markdown to the allowlist's HTML, `output` the
//! documents as the contract shapes them.

mod front_matter;
pub mod markdown;
mod media;
mod output;
mod pages;

use front_matter::*;
use output::*;

use crate::files;
use crate::images::image_size;
use crate::names::{folded, unpublishable};
use crate::photos::{self, VARIANTS_FOLDER};
use news_portal::core::dates::CalendarDate;
use news_portal::core::routes::Legal;
use news_portal::core::slug::{is_valid_lang, is_valid_slug};
use news_portal::core::urls::scheme;
use news_portal::ssr::resolver;
use pages::translations;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A problem in the content, with its file (below the content folder) and line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

impl ContentError {
    /// A problem with the output folder, not with a file of the content.
    fn output(out: &Path, message: impl std::fmt::Display) -> Vec<ContentError> {
        vec![ContentError {
            file: String::new(),
            line: None,
            message: format!("{}: {message}", out.display()),
        }]
    }

    /// `true` when `file` names a file of the content folder (and the
    /// message reads after the folder's path).
    pub fn in_content(&self) -> bool {
        !self.file.is_empty()
    }
}

impl std::fmt::Display for ContentError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            _ if self.file.is_empty() => write!(f, "{}", self.message),
            Some(line) => write!(f, "{}:{line}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// The file that marks a folder as this step's output, which it may replace.
pub const MARKER: &str = ".build-api";

/// What a build wrote.
#[derive(Debug, Default)]
pub struct Built {
    /// Articles by language.
    pub articles: BTreeMap<String, usize>,
    /// Every file written, below the output folder.
    pub files: usize,
    /// Raster photos whose variants were made now (the others came from the cache).
    pub photos_encoded: usize,
}

/// An article read from its file.
struct Article {
    id: String,
    summary: SummaryOut,
    updated: Option<String>,
    body_html: String,
    gallery: Vec<PhotoOut>,
}

/// [`build_with`] the photo variants cached in `photos::DEFAULT_CACHE`.
pub fn build(content: &Path, out: &Path) -> Result<Built, Vec<ContentError>> {
    build_with(content, out, Path::new(photos::DEFAULT_CACHE))
}

/// Builds the tree of `content` into `out`, replacing what `out` held. `out`
/// must be absent, empty, or a tree this step wrote (it holds [`MARKER`]):
/// the step never deletes a folder it did not make. Photo variants are made
/// in `cache` (or found there).
pub fn build_with(content: &Path, out: &Path, cache: &Path) -> Result<Built, Vec<ContentError>> {
    if files::is_inside(cache, content) {
        return Err(vec![ContentError {
            file: String::new(),
            line: None,
            message: format!(
                "the photo cache {} is inside the content folder, whose writers could plant \"variants\" in it: name another with --cache",
                cache.display()
            ),
        }]);
    }
    // Nothing is read through a link: it could publish any file of this machine.
    match files::refused(content) {
        Ok(refused) if refused.is_empty() => {}
        Ok(refused) => {
            return Err(refused
                .into_iter()
                .map(|(file, what)| ContentError {
                    file,
                    line: None,
                    message: format!("{what}: nothing is read through a link or from a pipe or device (it could publish any file of this machine, or hang); put the file itself here"),
                })
                .collect())
        }
        Err(error) => {
            return Err(vec![ContentError {
                file: String::new(),
                line: None,
                message: format!("{}: cannot be read: {error}", content.display()),
            }])
        }
    }
    let mut builder = Builder {
        content: content.to_path_buf(),
        cache: cache.to_path_buf(),
        known: photos::Known::default(),
        encoded: 0,
        errors: Vec::new(),
        files: BTreeMap::new(),
    };
    let built = builder.run();
    if !builder.errors.is_empty() {
        return Err(builder.errors);
    }
    let fail = |message: String| ContentError::output(out, message);
    let ours = std::fs::symlink_metadata(out.join(MARKER)).is_ok_and(|m| m.is_file());
    let is_empty = out
        .read_dir()
        .map_or(true, |mut entries| entries.next().is_none());
    if std::fs::symlink_metadata(out).is_ok() && !ours && !is_empty {
        return Err(fail(format!(
            "is not empty and was not written by build-api (it has no {MARKER} file): not replaced, to be safe. Empty it, or name a new folder"
        )));
    }
    // Written beside `out`, then swapped in: a reader of `out` never sees half a tree.
    let name = out
        .file_name()
        .map_or("api".into(), |n| n.to_string_lossy().into_owned());
    let staging = out.with_file_name(format!(".{name}.building"));
    let _ = std::fs::remove_dir_all(&staging);
    for (file, bytes) in &builder.files {
        let path = staging.join(file);
        let written = match bytes {
            Output::Text(text) => files::write(&path, text.as_bytes()),
            Output::Copy(from) => files::copy(from, &path),
            Output::Photo(from) => {
                match photos::read_original(from).and_then(|bytes| Ok(photos::strip::strip(&bytes)?)) {
                    Ok(stripped) => files::write(&path, &stripped),
                    Err(error) => {
                        let _ = std::fs::remove_dir_all(&staging);
                        let message = format!("cannot be published: {error}");
                        return Err(vec![ContentError {
                            file: file.clone(),
                            line: None,
                            message,
                        }]);
                    }
                }
            }
        };
        if let Err(error) = written {
            let _ = std::fs::remove_dir_all(&staging);
            return Err(fail(format!("cannot write {file}: {error}")));
        }
    }
    if let Err(why) = crate::derive::derive(&staging) {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(fail(why));
    }
    let marker = "This folder is written by build-api, which replaces it whole on every build.\n";
    if let Err(error) = files::write(&staging.join(MARKER), marker.as_bytes()) {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(fail(format!("cannot write {MARKER}: {error}")));
    }
    let swapped = match std::fs::symlink_metadata(out) {
        Ok(meta) if meta.is_dir() => {
            std::fs::remove_dir_all(out).map_err(|error| format!("cannot replace it: {error}"))
        }
        Ok(meta) if meta.is_file() => Err("is a file, not a folder".to_string()),
        // A link: it is replaced, never what it points to.
        Ok(_) => std::fs::remove_file(out).map_err(|error| format!("cannot replace it: {error}")),
        Err(_) => Ok(()),
    }
    .and_then(|()| std::fs::rename(&staging, out).map_err(|error| format!("cannot write it: {error}")));
    if let Err(why) = swapped {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(fail(why));
    }
    Ok(Built {
        files: builder.files.len(),
        photos_encoded: builder.encoded,
        ..built
    })
}

/// A file of the output: text to write, a file to copy, or a photo to
/// copy without its metadata.
enum Output {
    Text(String),
    Copy(PathBuf),
    Photo(PathBuf),
}

struct Builder {
    content: PathBuf,
    /// Where photo variants are made and kept between builds.
    cache: PathBuf,
    /// The variants found so far in this build, by photo.
    known: photos::Known,
    /// How many photos were encoded (not found in the cache).
    encoded: usize,
    errors: Vec<ContentError>,
    /// The output, by path below the output folder; sorted, so the build is deterministic.
    files: BTreeMap<String, Output>,
}

impl Builder {
    fn error(&mut self, file: &str, line: Option<usize>, message: impl Into<String>) {
        self.errors.push(ContentError {
            file: file.to_string(),
            line,
            message: message.into(),
        });
    }

    /// The text of the content file `file`, or an error saying why not.
    fn read(&mut self, file: &str) -> Option<String> {
        match std::fs::read_to_string(self.content.join(file)) {
            Ok(text) => Some(text),
            Err(error) => {
                self.error(file, None, format!("cannot be read: {error}"));
                None
            }
        }
    }

    fn json(&mut self, file: String, value: &impl Serialize) {
        let mut text = serde_json::to_string_pretty(value).expect("the documents serialize");
        text.push('\n');
        self.files.insert(file, Output::Text(text));
    }

    fn run(&mut self) -> Built {
        let mut built = Built::default();
        let Some(site) = self.site() else { return built };
        let codes: Vec<&str> = site.languages.iter().map(|l| l.code.as_str()).collect();
        self.json(
            "site.json".into(),
            &SiteIndexOut {
                languages: site
                    .languages
                    .iter()
                    .map(|l| LanguageOut {
                        code: &l.code,
                        name: &l.name,
                        locale: l.locale.as_deref(),
                    })
                    .collect(),
                default_language: &site.default_language,
                timezone: site.timezone.as_deref(),
                tag_authority: site.tag_authority.as_deref(),
            },
        );
        self.assets(&codes);
        // Every raster photo's variants, on every core, before the articles use them.
        let rasters: Vec<PathBuf> = self
            .files
            .values()
            .filter_map(|output| match output {
                Output::Photo(path) if crate::images::is_raster(path) => Some(path.clone()),
                _ => None,
            })
            .collect();
        self.encoded = photos::prepare(&rasters, &self.cache);
        let mut articles: BTreeMap<String, Vec<Article>> = BTreeMap::new();
        for language in &site.languages {
            self.site_info(language);
            articles.insert(language.code.clone(), self.articles(&language.code));
            for legal in Legal::ALL {
                self.legal_page(&language.code, legal);
            }
        }
        translations(&mut articles);
        for (lang, mut list) in articles {
            built.articles.insert(lang.clone(), list.len());
            self.listing(&lang, &mut list, site.per_page);
        }
        built
    }

    fn site(&mut self) -> Option<SiteToml> {
        const FILE: &str = "site.toml";
        let text = self.read(FILE)?;
        let site: SiteToml = match toml::from_str(&text) {
            Ok(site) => site,
            Err(error) => {
                let (line, message) = toml_error(&text, &error, 0);
                self.error(FILE, line, message);
                return None;
            }
        };
        let mut seen = BTreeSet::new();
        for language in &site.languages {
            if !is_valid_lang(&language.code) {
                self.error(
                    FILE,
                    None,
                    format!(
                        "{:?} is not a language code like \"az\" or \"az-Latn\"",
                        language.code
                    ),
                );
            } else if !seen.insert(language.code.clone()) {
                self.error(FILE, None, format!("{} is listed twice", language.code));
            }
        }
        if site.languages.is_empty() {
            self.error(FILE, None, "no [[languages]]: the site needs at least one");
        } else if !seen.contains(&site.default_language) {
            self.error(
                FILE,
                None,
                format!(
                    "default_language {:?} is not one of [[languages]]",
                    site.default_language
                ),
            );
        }
        if site.per_page == 0 {
            self.error(FILE, None, "per_page must be at least 1");
        }
        if let Some(Err(why)) = site.timezone.as_deref().map(crate::settings::zone) {
            self.error(FILE, None, why);
        }
        if let Some(Err(why)) = site
            .tag_authority
            .as_deref()
            .map(crate::settings::check_tag_authority)
        {
            self.error(FILE, None, why);
        }
        for language in &site.languages {
            if let Some(Err(why)) = language.locale.as_deref().map(crate::settings::check_locale) {
                self.error(FILE, None, format!("{}: {why}", language.code));
            }
        }
        Some(site)
    }

    fn site_info(&mut self, language: &LanguageToml) {
        let logo = language.logo.as_ref().and_then(|logo| {
            let src = self.media(logo.src.trim(), Path::new(""), "site.toml", None)?;
            // From `{lang}/site.json`, one folder down.
            let src = if scheme(&src).is_some() {
                src
            } else {
                format!("../{src}")
            };
            Some(LogoOut {
                src,
                alt: logo.alt.clone(),
            })
        });
        self.json(
            format!("{}/site.json", language.code),
            &SiteInfoOut {
                name: &language.agency,
                copyright_year: language.copyright_year,
                logo,
            },
        );
    }

    /// A Markdown file's front matter (TOML between `+++` lines) read as `T`,
    /// its body, and the line the body starts on.
    fn markdown_file<T: serde::de::DeserializeOwned>(&mut self, file: &str) -> Option<(T, String, usize)> {
        let text = self.read(file)?;
        let text = text.trim_start_matches('\u{feff}');
        let Some(rest) = text
            .strip_prefix("+++\n")
            .or_else(|| text.strip_prefix("+++\r\n"))
        else {
            self.error(
                file,
                Some(1),
                "the file must start with front matter between `+++` lines",
            );
            return None;
        };
        let Some(end) = rest.find("\n+++") else {
            self.error(file, Some(1), "the front matter has no closing `+++` line");
            return None;
        };
        let front = rest[..end + 1].to_string();
        let after = &rest[end + 4..];
        let body = after.split_once('\n').map_or("", |(_, body)| body).to_string();
        let body_line = front.matches('\n').count() + 3;
        match toml::from_str(&front) {
            Ok(meta) => Some((meta, body, body_line)),
            Err(error) => {
                let (line, message) = toml_error(&front, &error, 1);
                self.error(file, line, message);
                None
            }
        }
    }

    fn body(&mut self, file: &str, markdown: &str, first_line: usize) -> Option<String> {
        let resolve = resolver("https://build.invalid/api/x/news/a.json");
        match markdown::to_html(markdown, &resolve) {
            Ok(html) if html.trim().is_empty() => {
                self.error(file, Some(first_line), "the text is empty");
                None
            }
            Ok(html) => Some(html),
            Err(errors) => {
                for error in errors {
                    self.error(file, Some(first_line + error.line - 1), error.message);
                }
                None
            }
        }
    }

    /// A date of the front matter: a TOML date or date-time, or a string the app reads as one.
    fn date(&mut self, file: &str, field: &str, value: Option<&toml::Value>) -> Option<String> {
        let text = match value? {
            toml::Value::String(text) => text.clone(),
            toml::Value::Datetime(datetime) => datetime.to_string(),
            other => other.to_string(),
        };
        if CalendarDate::parse(&text).is_none() {
            self.error(
                file,
                None,
                format!("`{field}` {text:?} is not a date (2024-05-14 or 2024-05-14T10:30:00+04:00)"),
            );
            return None;
        }
        Some(text)
    }
}

/// `true` when `folder` holds a Markdown file.
fn has_markdown(folder: &Path) -> bool {
    std::fs::read_dir(folder).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|entry| entry.file_name().to_string_lossy().ends_with(".md"))
    })
}
