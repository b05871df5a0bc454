//! The prerender step (`scripts/prerender DIR [--api API_DIR] [--origin URL]`):
//! every route of every language of a built app written as an HTML file, by
//! the app's own components, with what crawlers and link previews read, plus
//! `sitemap.xml`, `robots.txt`'s pointer to it and an Atom feed per language.
//! A document that does not decode is reported and its route left to the app.

pub mod feeds;
pub mod head;
pub mod render;
pub mod search;
pub mod shell;
pub mod sitemap;
pub mod tree;

use crate::on_every_core;
use head::{app_tags, page_tags, PageFacts};
use news_portal::browser::config::AppConfig;
use news_portal::core::endpoints::Endpoints;
use news_portal::core::markup::escaped;
use news_portal::core::model::{Article, Listing, SiteIndex, SiteInfo, Summary};
use news_portal::core::routes::{BasePath, Legal, Route, SearchQuery};
use news_portal::ssr::resolve;
use news_portal::state::prefetched::{Prefetched, PrefetchedView};
use percent_encoding::percent_decode_str;
use render::render;
use shell::Shell;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use tree::{ApiTree, Skipped};

/// Where documents seem to live when no `--origin` is given: URLs resolved
/// against it come out as paths (the prefix is removed from every page).
const NO_ORIGIN: &str = "https://prerender.invalid";

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

/// What a run did.
#[derive(Debug, Default)]
pub struct Report {
    /// Pages written, by language and kind (`listing`, `article`, `legal`).
    pub written: BTreeMap<(String, &'static str), usize>,
    /// Other files written (sitemap, feeds, robots.txt).
    pub files: Vec<String>,
    /// Documents not used, with the reason.
    pub skipped: Vec<Skipped>,
    /// Files of an earlier run removed because their route is gone.
    pub removed: Vec<String>,
    /// What was left out, and why (no `--origin`, no Pagefind).
    pub notes: Vec<String>,
    /// The languages whose search index was made, the seconds it took, and
    /// the peak memory in MiB of its largest Pagefind run where known.
    pub searchable: Vec<String>,
    pub search_seconds: f64,
    pub search_peak_mib: Option<f64>,
}

impl Report {
    /// Prints what the run did, as the command's output.
    pub fn print(&self, elapsed: f64) {
        let mut pages = 0;
        for ((lang, kind), count) in &self.written {
            println!("wrote {count:>6} {kind} page(s) in {lang}");
            pages += count;
        }
        for file in &self.files {
            println!("wrote {file}");
        }
        for file in &self.removed {
            println!("removed {file} (its route is gone)");
        }
        if !self.searchable.is_empty() {
            println!(
                "wrote the search index of {} into {}/ in {:.2} s",
                self.searchable.join(", "),
                search::FOLDER,
                self.search_seconds
            );
        }
        for note in &self.notes {
            println!("note: {note}");
        }
        for skipped in &self.skipped {
            println!(
                "skipped {}: {}; its route is left to the app",
                skipped.path, skipped.reason
            );
        }
        println!(
            "prerendered {pages} pages in {elapsed:.2} s ({:.0} pages/s), {} skipped{}{}",
            pages as f64 / elapsed.max(1e-9),
            self.skipped.len(),
            peak_memory()
                .map(|mib| format!(", peak memory {mib:.0} MiB"))
                .unwrap_or_default(),
            self.search_peak_mib
                .map(|mib| format!(" (each Pagefind up to {mib:.0} MiB)"))
                .unwrap_or_default()
        );
    }
}

/// `--origin` as the step needs it: an http(s) URL.
pub fn check_origin(origin: &str) -> Result<(), String> {
    match url::Url::parse(origin) {
        Ok(url) if matches!(url.scheme(), "http" | "https") => Ok(()),
        _ => Err("--origin must be an http(s) URL, like https://www.example.gov".into()),
    }
}

/// The process's peak resident memory in MiB, where the system says (Linux).
fn peak_memory() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// One page to write.
enum Job {
    Listing {
        lang: String,
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
    let settings = Settings::read(options, &shell)?;
    let tree = ApiTree::new(&settings.api_dir, Endpoints::new(&settings.api_url).root());
    let index = tree
        .site_index()
        .map_err(|skipped| Fatal::SiteIndex(skipped.reason))?;

    let mut report = Report::default();
    if settings.origin.is_none() {
        report.notes.push(
            "no --origin: canonical and hreflang links, og:url, og:image, the sitemap and the feeds need absolute URLs and are left out"
                .into(),
        );
    }
    let plan = Plan::make(&tree, &index, &mut report);
    let context = Context {
        config: AppConfig {
            base: settings.base.clone(),
            api: Endpoints::new(&settings.api_url),
            origin: settings.origin.clone().unwrap_or_default(),
            embedded: false,
        },
        shell,
        tree,
        dir: options.dir.clone(),
        origin: settings.origin.clone(),
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
    if let Some(origin) = &settings.origin {
        let base = &settings.base;
        let site_url = format!("{origin}{}", base.as_str());
        let listed: Vec<Written> = written.iter().filter(|page| page.listed).cloned().collect();
        let mut extras = sitemap::sitemaps(&listed, &site_url);
        for language in &context.index.languages {
            let Some(info) = context.infos.get(&language.code) else {
                continue;
            };
            let entries: Vec<&(Article, String)> = plan.listed[&language.code]
                .iter()
                .filter_map(|item| articles.get(&(language.code.clone(), item.slug.clone())))
                .collect();
            let feed = feeds::feed(&language.code, info, &entries, origin, base);
            extras.push((feeds::feed_file(&language.code), feed));
        }
        for (name, contents) in extras {
            write_file(&options.dir.join(&name), &contents)?;
            report.files.push(name.clone());
            files.insert(name);
        }
        let robots = options.dir.join("robots.txt");
        let current = std::fs::read_to_string(&robots).unwrap_or_else(|_| "User-agent: *\nAllow: /\n".into());
        let sitemap_url = format!("{site_url}sitemap.xml");
        write_file(&robots, &sitemap::robots_with_sitemap(&current, &sitemap_url))?;
        report.files.push("robots.txt".into());
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

/// Where things are, from the options and the shell.
struct Settings {
    /// `--origin`, without a final `/`.
    origin: Option<String>,
    /// `BASE`.
    base: BasePath,
    /// `API`, absolute (under [`NO_ORIGIN`] without an origin).
    api_url: String,
    /// Where the API's files are.
    api_dir: PathBuf,
}

/// Where the app built in `options.dir` reads its documents from (`API_DIR`,
/// which need not exist yet) and its `BASE`: for the publish chain, which
/// builds and checks the tree before this step reads it.
pub fn locate(options: &Options) -> Result<(PathBuf, BasePath), Fatal> {
    let index_path = options.dir.join("index.html");
    let shell_html =
        std::fs::read_to_string(&index_path).map_err(|error| Fatal::Read(index_path.clone(), error))?;
    let settings = Settings::locate(options, &Shell::parse(&shell_html)?)?;
    Ok((settings.api_dir, settings.base))
}

impl Settings {
    fn read(options: &Options, shell: &Shell) -> Result<Settings, Fatal> {
        let settings = Settings::locate(options, shell)?;
        if !settings.api_dir.is_dir() {
            let missing = std::io::Error::from(std::io::ErrorKind::NotFound);
            return Err(Fatal::Read(settings.api_dir, missing));
        }
        Ok(settings)
    }

    fn locate(options: &Options, shell: &Shell) -> Result<Settings, Fatal> {
        let origin = options
            .origin
            .as_ref()
            .map(|origin| origin.trim_end_matches('/').to_string());
        let site_root = resolve(
            &shell.base_href,
            &format!("{}/", origin.as_deref().unwrap_or(NO_ORIGIN)),
        )
        .ok_or_else(|| Fatal::Setting(format!("<base href=\"{}\"> is not a URL path", shell.base_href)))?;
        let base_path = url::Url::parse(&site_root).map(|url| url.path().to_string());
        let base = BasePath::new(&base_path.unwrap_or_default());
        let api_url = resolve(&shell.data_api, &site_root)
            .ok_or_else(|| Fatal::Setting(format!("data-api=\"{}\" is not a URL", shell.data_api)))?;
        let api_dir = match &options.api {
            Some(dir) => dir.clone(),
            None => {
                let outside = || {
                    Fatal::Setting(format!(
                        "data-api points outside the app ({api_url}); say where the files are with --api"
                    ))
                };
                let below = api_url.strip_prefix(&site_root).ok_or_else(outside)?;
                // A folder of `DIR` by the rule every stage follows: never an
                // absolute path (`.//tmp/x/`) or one that climbs out.
                let below = below
                    .split(['?', '#'])
                    .next()
                    .unwrap_or_default()
                    .trim_end_matches('/');
                if below.is_empty() {
                    options.dir.clone()
                } else {
                    options
                        .dir
                        .join(crate::files::confined(below).map_err(|_| outside())?)
                }
            }
        };
        Ok(Settings {
            origin,
            base,
            api_url,
            api_dir,
        })
    }
}

/// What to write: a job per route whose documents can be found.
struct Plan {
    jobs: Vec<Job>,
    /// Each language's `site.json` that decoded.
    infos: BTreeMap<String, SiteInfo>,
    /// Each language's listing items, in order (for the feeds).
    listed: BTreeMap<String, Vec<Summary>>,
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
            in_feeds: BTreeSet::new(),
        };
        for language in &index.languages {
            let lang = language.code.clone();
            match tree.site_info(&lang) {
                Ok(info) => {
                    plan.infos.insert(lang.clone(), info);
                }
                Err(skipped) => {
                    let reason = format!(
                        "{} (every page in this language is left to the app)",
                        skipped.reason
                    );
                    report.skipped.push(Skipped { reason, ..skipped });
                    continue;
                }
            }
            let items = plan.listing_jobs(tree, &lang, report);
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
            for legal in Legal::ALL {
                plan.jobs.push(Job::Legal {
                    lang: lang.clone(),
                    legal,
                });
            }
            plan.jobs.push(Job::Search { lang: lang.clone() });
            plan.listed.insert(lang, items);
        }
        plan
    }

    /// A job per listing page of `lang`, as many as page 1's `total_pages`
    /// says; returns their items. A page that does not decode is skipped; a
    /// missing page ends the listing (so a wrong `total_pages` costs nothing).
    fn listing_jobs(&mut self, tree: &ApiTree, lang: &str, report: &mut Report) -> Vec<Summary> {
        let mut items = Vec::new();
        let (mut page, mut total) = (1, 1);
        while page <= total {
            match tree.listing(lang, page) {
                Ok(listing) => {
                    total = listing.total_pages;
                    items.extend(listing.items.iter().cloned());
                    let lang = lang.to_string();
                    self.jobs.push(Job::Listing { lang, page, listing });
                }
                Err(skipped) => {
                    let missing = skipped.reason == tree::NO_SUCH_FILE;
                    report.skipped.push(skipped);
                    if missing {
                        break;
                    }
                }
            }
            page += 1;
        }
        items
    }
}

/// The shell's list of languages for readers without JavaScript: a link to
/// each language's listing, named in its own language.
fn language_list(context: &Context) -> String {
    context
        .index
        .languages
        .iter()
        .map(|language| {
            let href = Route::listing(&language.code).href(&context.config.base);
            let code = escaped(&language.code);
            format!(
                r#"<li><a href="{}" lang="{code}" hreflang="{code}">{}</a></li>"#,
                escaped(&href),
                escaped(&language.name)
            )
        })
        .collect()
}

/// The feeds' articles, by language and slug, with their URL paths.
type ArticlesMet = BTreeMap<(String, String), (Article, String)>;

/// Renders and writes every job, on every core; returns what was written and
/// the feeds' articles.
fn write_pages(context: &Context, jobs: Vec<Job>, report: &mut Report) -> (Vec<Written>, ArticlesMet) {
    let results = on_every_core(jobs, |job| write_page(context, job));
    let mut written = Vec::new();
    let mut articles = BTreeMap::new();
    for outcome in results {
        match outcome {
            Ok((kind, lang, page, article)) => {
                *report.written.entry((lang.clone(), kind)).or_default() += 1;
                if let Some((slug, article)) = article {
                    articles.insert((lang, slug), (article, page.href.clone()));
                }
                written.push(page);
            }
            Err(skipped) => report.skipped.push(skipped),
        }
    }
    (written, articles)
}

/// What writing one page gave: its kind, language, the page, and the article
/// with its slug when the feeds list it.
type PageOutcome = Result<(&'static str, String, Written, Option<(String, Article)>), Skipped>;

/// Reads, renders and writes one page.
fn write_page(context: &Context, job: Job) -> PageOutcome {
    let (kind, lang, route, view) = match job {
        Job::Listing { lang, page, listing } => {
            let route = Route::Listing {
                lang: lang.clone(),
                page,
            };
            ("listing", lang, route, PrefetchedView::Listing(listing))
        }
        Job::Article { lang, slug } => {
            let article = context.tree.article(&lang, &slug)?;
            let route = Route::Article {
                lang: lang.clone(),
                slug,
            };
            ("article", lang, route, PrefetchedView::Article(Box::new(article)))
        }
        Job::Legal { lang, legal } => {
            let document = context.tree.legal(&lang, legal)?;
            let route = Route::Legal {
                lang: lang.clone(),
                legal,
            };
            ("legal", lang, route, PrefetchedView::Legal(document))
        }
        Job::Search { lang } => {
            let route = Route::Search {
                lang: lang.clone(),
                query: SearchQuery::default(),
            };
            ("search", lang, route, PrefetchedView::Search)
        }
    };
    // Jobs are made only for languages whose site.json decoded.
    let info = context.infos.get(&lang).cloned().ok_or_else(|| Skipped {
        path: format!("{lang}/site.json"),
        reason: "did not decode".into(),
    })?;
    let href = route.href(&context.config.base);
    let prefetched = Prefetched {
        index: context.index.clone(),
        info: info.clone(),
        view: view.clone(),
    };
    let rendered = render(&context.config, &href, prefetched);
    let alternates = rendered.head.alternates.clone();
    let (article, image, lastmod) = match &view {
        PrefetchedView::Article(article) => (
            Some(article.as_ref()),
            article.photo.as_ref(),
            article
                .updated
                .as_deref()
                .or(article.published.as_deref())
                .and_then(date_only),
        ),
        PrefetchedView::Listing(listing) => (
            None,
            listing.items.iter().find_map(|item| item.photo.as_ref()),
            listing
                .items
                .iter()
                .filter_map(|item| date_only(&item.published))
                .max(),
        ),
        PrefetchedView::Legal(document) => (None, None, document.updated.as_deref().and_then(date_only)),
        PrefetchedView::Search => (None, None, None),
    };
    let url = context.origin.as_ref().map(|origin| format!("{origin}{href}"));
    let feed = context.origin.as_ref().map(|_| {
        let href = format!("{}{}", context.config.base.as_str(), feeds::feed_file(&lang));
        (href, feeds::title(&lang, &info))
    });
    let facts = PageFacts {
        title: &rendered.head.title,
        description: &rendered.head.description,
        lang: &lang,
        alternate_langs: alternates
            .iter()
            .map(|(code, _)| code.as_str())
            .filter(|code| *code != lang && *code != "x-default")
            .collect(),
        site: &info,
        url,
        feed,
        article,
        image,
    };
    let listed = kind != "search";
    // A search page says nothing of its own to search engines.
    let robots = if listed {
        ""
    } else {
        r#"<meta name="robots" content="noindex, follow">"#
    };
    let head = format!("{}{robots}{}", app_tags(&rendered.head), page_tags(&facts));
    let html_attributes = format!(r#" lang="{}""#, escaped(&rendered.head.lang));
    let mut html = context.shell.page(&html_attributes, &head, &rendered.body);
    if context.origin.is_none() {
        html = html.replace(&format!("{NO_ORIGIN}/"), "/");
    }
    let file = file_of(&href, &context.config.base);
    let path = context.dir.join(&file);
    if let Err(error) = write_file(&path, &html) {
        return Err(Skipped {
            path: file,
            reason: error.to_string(),
        });
    }
    let article = match (view, route) {
        (PrefetchedView::Article(article), Route::Article { slug, .. })
            if context.in_feeds.contains(&(lang.clone(), slug.clone())) =>
        {
            Some((slug, *article))
        }
        _ => None,
    };
    Ok((
        kind,
        lang,
        Written {
            file,
            href,
            lastmod,
            alternates,
            listed,
        },
        article,
    ))
}

/// The file a route's page goes in, below `DIR`: `en/index.html`,
/// `en/page/2.html`, `en/news/{slug}.html`, `en/terms.html`. A static host
/// serves `en/news/x` from `en/news/x.html` (docs/deploy.md).
pub fn file_of(href: &str, base: &BasePath) -> String {
    let below = href.strip_prefix(base.as_str()).unwrap_or(href);
    let below = percent_decode_str(below).decode_utf8_lossy();
    match below.strip_suffix('/') {
        Some(directory) => format!("{directory}/index.html"),
        None => format!("{below}.html"),
    }
}

/// `YYYY-MM-DD` of a date from the data.
fn date_only(raw: &str) -> Option<String> {
    news_portal::core::dates::CalendarDate::parse(raw).map(|date| date.iso())
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
