//! The API tree on disk, as every stage reads it: where it is ([`locate`]:
//! from the built app's `index.html` and the options), the URL its
//! references resolve against ([`tree_url`]), the file a reference names,
//! confined to the tree ([`tree_file`]: decoded, split and proved to stay
//! inside, once, for every stage), one reader of documents with their size
//! limit ([`read_document`]), and the documents decoded by the same functions
//! the app decodes its responses with ([`ApiTree`]).

use crate::shell::Shell;
use news_portal::core::decode::{
    decode_article, decode_legal_document, decode_listing, decode_site_index, decode_site_info,
};
use news_portal::core::error::ApiError;
use news_portal::core::model::{Article, LegalDocument, Listing, SiteIndex, SiteInfo};
use news_portal::core::routes::{BasePath, Document, Legal};
use news_portal::ssr::{resolve, resolver};
use percent_encoding::percent_decode_str;
use std::path::{Component, Path, PathBuf};

/// The origin a tree is read under when no origin matters: URLs in it
/// resolve as if it were published at `SITE BASE api/`.
pub const SITE: &str = "https://site.invalid";

/// The URL the tree's root is taken to have, for resolving the references in
/// its documents (by the app's rules) to its files.
pub fn tree_url(base: &BasePath) -> String {
    format!("{SITE}{}api/", base.as_str())
}

/// The largest document read: 16 MiB. A phone would wait long for a larger
/// one, and the check holds several copies of each document it reads.
pub const MAX_DOCUMENT_BYTES: u64 = 16 << 20;

/// Why a URL names no file of the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outside {
    /// Not below the tree's URL: another folder of the site, another server.
    Elsewhere,
    /// Below the tree's URL, but its path leaves the tree or names no file
    /// (why, in words): nothing is read.
    Escapes(&'static str),
}

/// The file of the tree in `dir` that `absolute` (a URL resolved against the
/// tree's documents, whose root is `tree_url`) names: its path below the tree
/// as the URL has it, and on disk.
///
/// The path is percent-decoded once, then every segment must be a plain name:
/// not empty (an absolute path after decoding, or `//`), not `.` or `..`
/// (however encoded), without `\` or control characters. What passes is, by
/// construction, inside `dir`.
pub fn tree_file(dir: &Path, tree_url: &str, absolute: &str) -> Result<(String, PathBuf), Outside> {
    let below = absolute.strip_prefix(tree_url).ok_or(Outside::Elsewhere)?;
    let below = below.split(['?', '#']).next().unwrap_or_default();
    let relative = confined(below)?;
    Ok((below.to_string(), dir.join(relative)))
}

/// `encoded` (a URL path below a tree) as a relative path that stays inside it.
pub fn confined(encoded: &str) -> Result<PathBuf, Outside> {
    let decoded = percent_decode_str(encoded)
        .decode_utf8()
        .map_err(|_| Outside::Escapes("its path is not UTF-8 once decoded"))?;
    if decoded.is_empty() {
        return Err(Outside::Escapes("it names the folder, not a file"));
    }
    let mut path = PathBuf::new();
    for segment in decoded.split('/') {
        match segment {
            "" => {
                return Err(Outside::Escapes(
                    "its path has an empty part (`//`, or `/` encoded as %2F)",
                ))
            }
            "." | ".." => return Err(Outside::Escapes("its path climbs out of the API folder (`..`)")),
            _ if segment.chars().any(|c| c == '\\' || c.is_control()) => {
                return Err(Outside::Escapes("its path has a `\\` or a control character"))
            }
            _ => path.push(segment),
        }
    }
    // The proof: nothing but plain names, so `dir.join(path)` is below `dir`.
    if path.components().all(|part| matches!(part, Component::Normal(_))) {
        Ok(path)
    } else {
        Err(Outside::Escapes(
            "its path is not a plain path below the API folder",
        ))
    }
}

/// Where documents seem to live when no origin is given: URLs resolved
/// against it come out as paths (the prerender removes the prefix from
/// every page).
pub const NO_ORIGIN: &str = "https://prerender.invalid";

/// Where a built app's documents are, from its `index.html` and the options.
#[derive(Debug, Clone)]
pub struct Located {
    /// `--origin`, without a final `/`.
    pub origin: Option<String>,
    /// `BASE`.
    pub base: BasePath,
    /// `API`, absolute (under [`NO_ORIGIN`] without an origin).
    pub api_url: String,
    /// Where the API's files are (`API_DIR`, which need not exist yet).
    pub api_dir: PathBuf,
}

/// Where the app built in `dir`, whose shell is `shell`, reads its documents
/// from: `api` if given, else the folder of `dir` that its `data-api` names,
/// which may not be outside `dir` (never an absolute path or one that climbs
/// out). `Err` says which setting is wrong.
pub fn locate(
    dir: &Path,
    api: Option<&Path>,
    origin: Option<&str>,
    shell: &Shell,
) -> Result<Located, String> {
    let origin = origin.map(|origin| origin.trim_end_matches('/').to_string());
    let site_root = resolve(
        &shell.base_href,
        &format!("{}/", origin.as_deref().unwrap_or(NO_ORIGIN)),
    )
    .ok_or_else(|| format!("<base href=\"{}\"> is not a URL path", shell.base_href))?;
    let base_path = url::Url::parse(&site_root).map(|url| url.path().to_string());
    let base = BasePath::new(&base_path.unwrap_or_default());
    let api_url = resolve(&shell.data_api, &site_root)
        .ok_or_else(|| format!("data-api=\"{}\" is not a URL", shell.data_api))?;
    let api_dir = match api {
        Some(api) => api.to_path_buf(),
        None => {
            let outside =
                || format!("data-api points outside the app ({api_url}); say where the files are with --api");
            let below = api_url.strip_prefix(&site_root).ok_or_else(outside)?;
            let below = below
                .split(['?', '#'])
                .next()
                .unwrap_or_default()
                .trim_end_matches('/');
            if below.is_empty() {
                dir.to_path_buf()
            } else {
                dir.join(confined(below).map_err(|_| outside())?)
            }
        }
    };
    Ok(Located {
        origin,
        base,
        api_url,
        api_dir,
    })
}

/// [`locate`] for the app built in `dir`, reading its `index.html`.
pub fn locate_in(dir: &Path, origin: Option<&str>) -> Result<Located, String> {
    let index = dir.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|error| format!("{}: {error}", index.display()))?;
    let shell = Shell::parse(&html).map_err(|error| error.to_string())?;
    locate(dir, None, origin, &shell)
}

/// `document`'s path below `API` as URLs have it (percent-encoded), and the
/// file below the tree that holds it (decoded); `None` when its language or
/// slug is not valid, so that it names no file.
pub fn document_file(document: &Document) -> Option<(String, String)> {
    let path = document.path()?;
    let file = percent_decode_str(&path).decode_utf8().ok()?.into_owned();
    Some((path, file))
}

/// Why a document was not read.
#[derive(Debug)]
pub enum Unread {
    /// There is no such file.
    Missing,
    /// Larger than [`MAX_DOCUMENT_BYTES`]: its size, not read.
    TooLarge(u64),
    /// Any other failure.
    Failed(std::io::Error),
}

/// The bytes of the document `file` (a path below `dir`, decoded), if it is
/// there and no larger than [`MAX_DOCUMENT_BYTES`]: every stage reads
/// documents this way.
pub fn read_document(dir: &Path, file: &str) -> Result<Vec<u8>, Unread> {
    let path = dir.join(file);
    let size = match std::fs::metadata(&path) {
        Ok(metadata) => metadata.len(),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Err(Unread::Missing),
        Err(error) => return Err(Unread::Failed(error)),
    };
    if size > MAX_DOCUMENT_BYTES {
        return Err(Unread::TooLarge(size));
    }
    std::fs::read(&path).map_err(|error| match error.kind() {
        std::io::ErrorKind::NotFound => Unread::Missing,
        _ => Unread::Failed(error),
    })
}

/// The reason given for a document whose file is missing.
pub const NO_SUCH_FILE: &str = "no such file";

/// A document the step could not use, and why: reported, its route left to the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The document's path below `API`.
    pub path: String,
    /// What was wrong with it.
    pub reason: String,
}

/// `API_DIR`, and the URL the documents have when published (`API`), which
/// relative URLs inside them resolve against, as in the browser.
#[derive(Debug, Clone)]
pub struct ApiTree {
    dir: PathBuf,
    url: String,
}

impl ApiTree {
    /// `dir` holds the files; `url` is `API` (ending in `/`).
    pub fn new(dir: &Path, url: &str) -> Self {
        ApiTree {
            dir: dir.to_path_buf(),
            url: url.to_string(),
        }
    }

    /// `site.json`.
    pub fn site_index(&self) -> Result<SiteIndex, Skipped> {
        self.read(&Document::SiteIndex, |text, _| decode_site_index(text))
    }

    /// `{lang}/site.json`.
    pub fn site_info(&self, lang: &str) -> Result<SiteInfo, Skipped> {
        let document = Document::SiteInfo { lang: lang.into() };
        self.read(&document, |text, url| decode_site_info(text, &resolver(url)))
    }

    /// `{lang}/news/page-{page}.json`, or with a tag (its URL form)
    /// `{lang}/tags/{tag}/page-{page}.json`.
    pub fn listing(&self, lang: &str, tag: Option<&str>, page: u32) -> Result<Listing, Skipped> {
        let document = Document::NewsPage {
            lang: lang.into(),
            tag: tag.map(str::to_string),
            page,
        };
        self.read(&document, |text, url| decode_listing(text, &resolver(url)))
    }

    /// `{lang}/news/{slug}.json`.
    pub fn article(&self, lang: &str, slug: &str) -> Result<Article, Skipped> {
        let document = Document::Article {
            lang: lang.into(),
            slug: slug.into(),
        };
        self.read(&document, |text, url| decode_article(text, url, &resolver(url)))
    }

    /// `{lang}/pages/{slug}.json` of a legal page.
    pub fn legal(&self, lang: &str, legal: Legal) -> Result<LegalDocument, Skipped> {
        let document = Document::Legal {
            lang: lang.into(),
            legal,
        };
        self.read(&document, decode_legal_document)
    }

    /// Reads and decodes `document`; `decode` gets the text and the document's URL.
    fn read<T>(
        &self,
        document: &Document,
        decode: impl FnOnce(&str, &str) -> Result<T, ApiError>,
    ) -> Result<T, Skipped> {
        let Some((path, file)) = document_file(document) else {
            let reason = "its name is not a valid language or slug".to_string();
            return Err(Skipped {
                path: format!("{document:?}"),
                reason,
            });
        };
        let skipped = |reason: String| Skipped {
            path: path.clone(),
            reason,
        };
        let bytes = read_document(&self.dir, &file).map_err(|unread| {
            skipped(match unread {
                Unread::Missing => NO_SUCH_FILE.into(),
                Unread::TooLarge(size) => {
                    format!("it is {} MB, larger than a document may be", size / 1_000_000)
                }
                Unread::Failed(error) => error.to_string(),
            })
        })?;
        let text = String::from_utf8(bytes).map_err(|_| skipped("it is not UTF-8".into()))?;
        let url = format!("{}{path}", self.url);
        decode(&text, &url).map_err(|error| skipped(error.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TREE: &str = "https://site.invalid/api/";

    fn file(absolute: &str) -> Result<String, Outside> {
        tree_file(Path::new("/srv/api"), TREE, absolute).map(|(_, path)| path.to_string_lossy().into_owned())
    }

    #[test]
    fn urls_below_the_tree_are_its_files() {
        assert_eq!(
            file("https://site.invalid/api/img/a.png").as_deref(),
            Ok("/srv/api/img/a.png")
        );
        assert_eq!(
            file("https://site.invalid/api/img/caf%C3%A9%20x.png?v=2#top").as_deref(),
            Ok("/srv/api/img/café x.png")
        );
        assert_eq!(file("https://site.invalid/other/a.png"), Err(Outside::Elsewhere));
        assert_eq!(file("https://elsewhere.test/api/a.png"), Err(Outside::Elsewhere));
    }

    #[test]
    fn encoded_escapes_are_refused() {
        for escape in [
            "..%2F..%2F..%2Fsecret.png",
            "img/..%2F..%2Fsecret.png",
            "%2E%2E/secret.png",
            "%2e%2e%2fsecret.png",
            "%2Ftmp%2Fsecret.png",
            "img//a.png",
            "img/%2F/a.png",
            "img/a%5C..%5C..%5Csecret.png",
            "img/%00.png",
            "img/%FF.png",
            "",
            "img/.",
        ] {
            let result = file(&format!("{TREE}{escape}"));
            assert!(matches!(result, Err(Outside::Escapes(_))), "{escape}: {result:?}");
        }
    }
}
