//! The prerender step (`scripts/prerender DIR [--api API_DIR] [--origin URL]`):
//! every route of every language of a built app written as an HTML file, by
//! the app's own components, with what crawlers and link previews read, plus
//! `sitemap.xml`, `robots.txt`'s pointer to it and an Atom feed per language.
//! A document that does not decode is reported and its route left to the app.
//!
//! Here: [`run`] and the plan of what to write; `pages` writes each page
//! (`render` the view, `head` its tags, into the shell), `outputs` the
//! sitemap (`sitemap`), the feeds (`feeds`) and robots.txt, `search` the
//! Pagefind index, `report` what a run did.

pub mod feeds;
pub mod head;
mod outputs;
mod pages;
pub mod previews;
pub mod render;
mod report;
pub mod search;
pub mod sitemap;

use crate::on_every_core;
use crate::settings::SiteSettings;
use crate::shell::{self, Shell};
use crate::tree::{self, ApiTree, Located, Skipped};
use head::{app_tags, page_tags, PageFacts};
use news_portal::core::config::AppConfig;
use news_portal::core::endpoints::Endpoints;
use news_portal::core::markup::escaped;
use news_portal::core::model::{Article, Listing, SiteIndex, SiteInfo, Summary, HAS_TAGS};
use news_portal::core::routes::{BasePath, Legal, Route, SearchQuery};
use news_portal::core::slug::tag_key;
use news_portal::state::prefetched::{Prefetched, PrefetchedView};
pub use pages::file_of;
use pages::{language_list, write_pages};
use percent_encoding::percent_decode_str;
use previews::Previews;
pub use report::Report;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The list of files the last run wrote, so that the next removes those whose
/// route is gone (an article taken down).
const MANIFEST: &str = ".prerendered";

/// How many articles a feed lists.
pub const FEED_LENGTH: usize = 20;

/// The step's settings.
#[derive(Debug, Clone)]
pub struct Options {
    /// The built app.
    pub dir: PathBuf,
    /// The API tree; default: where `data-api` points inside `dir`.
    pub api: Option<PathBuf>,
    /// `https://www.example.gov`, for absolute URLs.
    pub origin: Option<String>,
}

/// Why the step cannot work at all.
#[derive(Debug, thiserror::Error)]
pub enum Fatal {
    #[error("{0}: {1}")]
    Read(PathBuf, std::io::Error),
    #[error("{0}")]
    Shell(#[from] shell::ShellError),
    #[error("{0}")]
    Setting(String),
    #[error("site.json: {0}")]
    SiteIndex(String),
}

/// `--origin` as the step needs it: an http(s) URL.
pub fn check_origin(origin: &str) -> Result<(), String> {
    match url::Url::parse(origin) {
        Ok(url) if matches!(url.scheme(), "http" | "https") => Ok(()),
        _ => Err("--origin must be an http(s) URL, like https://www.example.gov".into()),
    }
}

/// One page to write.
enum Job {
    /// A page of the news listing, or of a tag's (`tag`: its URL form).
    Listing {
        lang: String,
        tag: Option<String>,
        page: u32,
        listing: Listing,
    },
    Article {
        lang: String,
        slug: String,
    },
    Legal {
        lang: String,
        legal: Legal,
    },
    /// The search view's page, the form alone: the search runs in the
    /// browser, in the index [`search`] makes.
    Search {
        lang: String,
    },
}

/// One page written.
#[derive(Debug, Clone)]
pub struct Written {
    /// The route's path below `DIR` (`en/news/slug.html`).
    pub file: String,
    /// Its URL path (`BASE` included).
    pub href: String,
    /// `YYYY-MM-DD` of its last change, if the data says.
    pub lastmod: Option<String>,
    /// `(hreflang, absolute URL)` of its alternates, as the app's head has them.
    pub alternates: Vec<(String, String)>,
    /// In the sitemap: every page but the search view's (`noindex`).
    pub listed: bool,
}

/// Everything the run shares.
struct Context {
    shell: Shell,
    /// The site's settings for the publishing side, and its time zone.
    settings: SiteSettings,
    zone: jiff::tz::TimeZone,
    /// The pictures of previews, made as pages need them.
    previews: Previews,
    tree: ApiTree,
    config: AppConfig,
    dir: PathBuf,
    origin: Option<String>,
    index: SiteIndex,
    infos: BTreeMap<String, SiteInfo>,
    /// `(lang, slug)` of the articles the feeds list: only these are kept
    /// after their page is written (a large site's articles would not fit).
    in_feeds: BTreeSet<(String, String)>,
}

impl Context {
    /// `html` (a rendered view) with the URLs of the tree's files relative to
    /// `BASE` (`./api/img/a.jpg`), or to the host's root when the tree is
    /// outside `BASE`: the page works wherever the folder is served (a
    /// staging host, a second mirror), and only the head's tags, the sitemap
    /// and the feeds name the origin. Absolute URLs the publisher wrote stay.
    fn in_body(&self, html: &str) -> String {
        let base = self.config.base.as_str();
        html.replace(&format!("{}{base}", tree::NO_ORIGIN), "./")
            .replace(&format!("{}/", tree::NO_ORIGIN), "/")
    }

    /// `text` with the URLs of the tree's files absolute under the origin
    /// (without one, as paths: the tags that need absolute URLs are left out).
    fn absolute(&self, text: &str) -> String {
        let origin = self.origin.as_deref().unwrap_or_default();
        text.replace(&format!("{}/", tree::NO_ORIGIN), &format!("{origin}/"))
    }
}

/// Runs the step: reads the shell and the settings, plans a page per route,
/// writes the pages on every core, then the shell's language list, the
/// sitemap, `robots.txt` and the feeds, and removes what an earlier run wrote
/// for routes that are gone.
pub fn run(options: &Options) -> Result<Report, Fatal> {
    // Pages are written below `DIR` and read from the API: through no link.
    for folder in [Some(&options.dir), options.api.as_ref()].into_iter().flatten() {
        let refused = crate::files::refused(folder).map_err(|error| Fatal::Read(folder.clone(), error))?;
        if !refused.is_empty() {
            let message = crate::files::refused_message(&folder.display().to_string(), &refused);
            return Err(Fatal::Setting(message));
        }
    }
    let index_path = options.dir.join("index.html");
    let shell_html =
        std::fs::read_to_string(&index_path).map_err(|error| Fatal::Read(index_path.clone(), error))?;
    let shell = Shell::parse(&shell_html)?;
    let settings = settings(options, &shell)?;
    let origin = options
        .origin
        .as_ref()
        .map(|origin| origin.trim_end_matches('/').to_string());
    let tree = ApiTree::new(&settings.api_dir, Endpoints::new(&settings.api_url).root());
    let index = tree
        .site_index()
        .map_err(|skipped| Fatal::SiteIndex(skipped.reason))?;

    let mut report = Report::default();
    if origin.is_none() {
        report.notes.push(
            "no --origin: canonical and hreflang links, og:url, og:image, the sitemap and the feeds need absolute URLs and are left out"
                .into(),
        );
    }
    let plan = Plan::make(&tree, &index, &mut report);
    let site_settings = tree::read_document(&settings.api_dir, "site.json")
        .map(|bytes| SiteSettings::from_json(&String::from_utf8_lossy(&bytes)))
        .unwrap_or_default();
    let zone = site_settings.zone().unwrap_or_else(|why| {
        report
            .notes
            .push(format!("site.json: {why}; the feeds give date-only dates in UTC"));
        jiff::tz::TimeZone::UTC
    });
    if origin.is_some() && site_settings.tag_authority.is_none() {
        report.notes.push("site.json has no tag_authority: the feeds' entry ids are the pages' URLs, and change with --origin".into());
    }
    let previews = Previews::new(
        &options.dir,
        &settings.api_dir,
        &settings.api_url,
        shell.theme_color().as_deref(),
    );
    let context = Context {
        previews,
        settings: site_settings,
        zone,
        config: AppConfig {
            base: settings.base.clone(),
            api: Endpoints::new(&settings.api_url),
            origin: origin.clone().unwrap_or_default(),
            embedded: false,
        },
        shell,
        tree,
        dir: options.dir.clone(),
        origin: origin.clone(),
        index,
        infos: plan.infos,
        in_feeds: plan.in_feeds,
    };
    let (written, articles) = write_pages(&context, plan.jobs, &mut report);
    // The shell, and its copy 404.html if the build has one (they stay the same).
    let shell_page = context.shell.with_languages(&language_list(&context));
    write_file(&index_path, &shell_page)?;
    let not_found = options.dir.join("404.html");
    if not_found.is_file() {
        write_file(&not_found, &shell_page)?;
    }

    let mut files: BTreeSet<String> = written.iter().map(|page| page.file.clone()).collect();
    let (pictures, drawn) = context.previews.files();
    report.previews = (pictures.len(), drawn);
    report.notes.extend(context.previews.failures());
    files.extend(pictures);
    if let Some(origin) = &origin {
        for name in outputs::write(&context, origin, &written, &plan.listed, &plan.tagged, &articles)? {
            report.files.push(name.clone());
            files.insert(name);
        }
    }
    let languages: Vec<String> = context
        .index
        .languages
        .iter()
        .map(|language| language.code.clone())
        .filter(|code| context.infos.contains_key(code))
        .collect();
    let started = std::time::Instant::now();
    match search::index(&options.dir, &languages) {
        search::Indexed::Languages { languages, peak_mib } => {
            report.searchable = languages;
            report.search_peak_mib = peak_mib;
        }
        search::Indexed::LeftOut(why) => report.notes.push(why),
    }
    report.search_seconds = started.elapsed().as_secs_f64();
    report.removed = remove_stale(&options.dir, &files);
    let manifest: String = files.iter().map(|file| format!("{file}\n")).collect();
    write_file(&options.dir.join(MANIFEST), &manifest)?;
    Ok(report)
}

/// Where things are ([`tree::locate`]), with `API_DIR` there. The documents
/// are read as if the site were at [`tree::NO_ORIGIN`], whatever `--origin`
/// says, so that the URLs in them (photos, the logo) come out under a prefix
/// that [`Context::in_body`] makes relative to `BASE` and
/// [`Context::absolute`] puts under the origin.
fn settings(options: &Options, shell: &Shell) -> Result<Located, Fatal> {
    let located = tree::locate(&options.dir, options.api.as_deref(), None, shell).map_err(Fatal::Setting)?;
    if !located.api_dir.is_dir() {
        let missing = std::io::Error::from(std::io::ErrorKind::NotFound);
        return Err(Fatal::Read(located.api_dir, missing));
    }
    Ok(located)
}

/// What to write: a job per route whose documents can be found.
struct Plan {
    jobs: Vec<Job>,
    /// Each language's `site.json` that decoded.
    infos: BTreeMap<String, SiteInfo>,
    /// Each language's listing items, in order (for the feeds).
    listed: BTreeMap<String, Vec<Summary>>,
    /// Each tag listing's first items, by language and URL form, with the
    /// tag as written (for the tags' feeds).
    tagged: BTreeMap<(String, String), (String, Vec<Summary>)>,
    /// The articles the feeds list.
    in_feeds: BTreeSet<(String, String)>,
}

impl Plan {
    /// Reads each language's `site.json` and listing pages (the articles are
    /// the ones they name); a language whose `site.json` fails is left out.
    fn make(tree: &ApiTree, index: &SiteIndex, report: &mut Report) -> Plan {
        let mut plan = Plan {
            jobs: Vec::new(),
            infos: BTreeMap::new(),
            listed: BTreeMap::new(),
            tagged: BTreeMap::new(),
            in_feeds: BTreeSet::new(),
        };
        for language in &index.languages {
            let lang = language.code.clone();
            let info = match tree.site_info(&lang) {
                Ok(info) => {
                    plan.infos.insert(lang.clone(), info.clone());
                    info
                }
                Err(skipped) => {
                    let reason = format!(
                        "{} (every page in this language is left to the app)",
                        skipped.reason
                    );
                    report.skipped.push(Skipped { reason, ..skipped });
                    continue;
                }
            };
            let (items, _) = plan.listing_jobs(tree, &lang, None, report);
            // Each tag's listing, where the tree has them (derive writes them).
            if info.has(HAS_TAGS) {
                let keys: BTreeSet<String> = items
                    .iter()
                    .flat_map(|item| item.tags.iter().filter_map(|tag| tag_key(tag)))
                    .collect();
                for key in keys {
                    let (tagged, name) = plan.listing_jobs(tree, &lang, Some(&key), report);
                    let first: Vec<Summary> = tagged.into_iter().take(FEED_LENGTH).collect();
                    plan.tagged
                        .insert((lang.clone(), key.clone()), (name.unwrap_or(key), first));
                }
            }
            let mut seen = BTreeSet::new();
            for item in &items {
                if seen.insert(item.slug.clone()) {
                    if seen.len() <= FEED_LENGTH {
                        plan.in_feeds.insert((lang.clone(), item.slug.clone()));
                    }
                    let slug = item.slug.clone();
                    plan.jobs.push(Job::Article {
                        lang: lang.clone(),
                        slug,
                    });
                }
            }
            // The optional pages the language's site.json lists.
            for legal in Legal::ALL {
                if legal.is_required() || info.has(legal.slug()) {
                    plan.jobs.push(Job::Legal {
                        lang: lang.clone(),
                        legal,
                    });
                }
            }
            plan.jobs.push(Job::Search { lang: lang.clone() });
            plan.listed.insert(lang, items);
        }
        plan
    }

    /// A job per listing page of `lang`, as many as page 1's `total_pages`
    /// says (`tag`: of that tag's listing); returns their items and the tag as
    /// the listing writes it. A page that does not decode is skipped; a
    /// missing page ends the listing (so a wrong `total_pages` costs nothing).
    fn listing_jobs(
        &mut self,
        tree: &ApiTree,
        lang: &str,
        tag: Option<&str>,
        report: &mut Report,
    ) -> (Vec<Summary>, Option<String>) {
        let (mut items, mut name) = (Vec::new(), None);
        let (mut page, mut total) = (1, 1);
        while page <= total {
            match tree.listing(lang, tag, page) {
                Ok(listing) => {
                    total = listing.total_pages;
                    items.extend(listing.items.iter().cloned());
                    name = name.or_else(|| listing.tag.clone());
                    self.jobs.push(Job::Listing {
                        lang: lang.to_string(),
                        tag: tag.map(str::to_string),
                        page,
                        listing,
                    });
                }
                Err(skipped) => {
                    let missing = skipped.reason == crate::tree::NO_SUCH_FILE;
                    report.skipped.push(skipped);
                    if missing {
                        break;
                    }
                }
            }
            page += 1;
        }
        (items, name)
    }
}

/// Writes `contents` to `path`, making its folders; unchanged files are not
/// touched, so a second run changes no modification time.
/// A new file renamed into place (`files::write`), never written through.
fn write_file(path: &Path, contents: &str) -> Result<(), Fatal> {
    if std::fs::read(path).is_ok_and(|old| old == contents.as_bytes()) {
        return Ok(());
    }
    crate::files::write(path, contents.as_bytes()).map_err(|error| Fatal::Read(path.to_path_buf(), error))
}

/// Removes the files the last run wrote that this one did not.
fn remove_stale(dir: &Path, files: &BTreeSet<String>) -> Vec<String> {
    let Ok(previous) = std::fs::read_to_string(dir.join(MANIFEST)) else {
        return Vec::new();
    };
    // Only plain relative paths below `DIR`, whatever the manifest says.
    let inside = |file: &str| {
        Path::new(file)
            .components()
            .all(|part| matches!(part, std::path::Component::Normal(_)))
    };
    previous
        .lines()
        .filter(|file| !file.is_empty() && !files.contains(*file) && inside(file))
        .filter(|file| std::fs::remove_file(dir.join(file)).is_ok())
        .map(String::from)
        .collect()
}
