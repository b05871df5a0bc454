//! `scripts/publish DIR`: the one step an agency's CI runs after every
//! content change, on a built app in `DIR`. All or nothing:
//!
//! 1. it takes `DIR`'s lock (a second publish of the same `DIR` waits);
//! 2. copies `DIR` beside itself (`.DIR.publishing`, hard links: cheap,
//!    since every stage replaces a file instead of writing into it);
//! 3. in the copy, builds the API tree from content files (`--content`), or
//!    gives a CMS's exported tree its photos' variants and removes their
//!    metadata; checks the tree (errors stop here); prerenders every route;
//! 4. puts the copy in `DIR`'s place in one step (`files::swap`).
//!
//! A publish refused or interrupted at any point before 4 leaves `DIR` byte
//! for byte as it was.

use crate::check::{check, Options as CheckOptions, Severity};
use crate::files::{self, Lock};
use crate::prerender::{self, Options as PrerenderOptions};
use crate::tree;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// What to publish.
#[derive(Debug, Clone)]
pub struct Options {
    /// The built app (`scripts/build`'s `dist/`), published in place.
    pub dir: PathBuf,
    /// Content files to build the API tree from; without it, the tree in
    /// `DIR` (a CMS's export) is published.
    pub content: Option<PathBuf>,
    /// The site's origin, for absolute URLs (`https://www.example.gov`).
    pub origin: Option<String>,
    /// Where photo variants are made and kept, outside what is published.
    pub cache: PathBuf,
}

/// Why nothing was published.
#[derive(Debug)]
pub enum Refused {
    /// The command was called wrongly (exit status 2).
    Usage(String),
    /// The content, the tree or the machine said no (exit status 1).
    Stopped(String),
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refused::Usage(why) | Refused::Stopped(why) => write!(f, "{why}"),
        }
    }
}

/// Publishes as the module says; prints each stage's findings and figures.
pub fn publish(options: &Options) -> Result<(), Refused> {
    if let Some(Err(error)) = options.origin.as_deref().map(prerender::check_origin) {
        return Err(Refused::Usage(error.to_string()));
    }
    let live = options
        .dir
        .canonicalize()
        .ok()
        .filter(|dir| dir.is_dir())
        .ok_or_else(|| Refused::Usage(format!("{} is not a folder", options.dir.display())))?;
    if files::is_inside(&options.cache, &live) {
        let message = format!(
            "the photo cache {} is inside {}, which is published: name another with --cache",
            options.cache.display(),
            live.display()
        );
        return Err(Refused::Usage(message));
    }
    let _lock = Lock::take(&live, |lock| {
        println!(
            "publish: another publish of {} is running (it holds {}): waiting for it to end",
            live.display(),
            lock.display()
        );
    })
    .map_err(|error| Refused::Stopped(format!("cannot take the lock beside {}: {error}", live.display())))?;

    let staging = files::beside(&live, "publishing");
    // An interrupted publish's copy, or the site it replaced: gone.
    remove(&staging).map_err(|error| Refused::Stopped(format!("{}: {error}", staging.display())))?;
    let _cleanup = Cleanup(&staging);
    let refused = files::clone_tree(&live, &staging).map_err(|error| {
        Refused::Stopped(format!(
            "cannot copy {} beside itself (into {}): {error}",
            live.display(),
            staging.display()
        ))
    })?;
    if !refused.is_empty() {
        return Err(Refused::Stopped(files::refused_message(
            &live.display().to_string(),
            &refused,
        )));
    }
    // Messages name the live folder's paths, not the copy's.
    let shown = |path: &Path| match path.strip_prefix(&staging) {
        Ok(below) if below.as_os_str().is_empty() => live.display().to_string(),
        Ok(below) => live.join(below).display().to_string(),
        Err(_) => path.display().to_string(),
    };

    stages(options, &staging, &shown)
        .map_err(|why| Refused::Stopped(format!("{why}; nothing was changed in {}", live.display())))?;

    files::swap(&staging, &live).map_err(|error| {
        Refused::Stopped(format!(
            "cannot put the new site in place of {}: {error}; nothing was changed",
            live.display()
        ))
    })?;
    println!("== published {}", live.display());
    Ok(())
}

/// The stages, on the copy in `dir`; `Err` says which stopped and why.
fn stages(options: &Options, dir: &Path, shown: &dyn Fn(&Path) -> String) -> Result<(), String> {
    let located = tree::locate_in(dir, options.origin.as_deref())?;
    let (api_dir, base) = (located.api_dir, located.base);
    if !api_dir.starts_with(dir) {
        return Err(format!(
            "the API folder {} is not inside the site",
            api_dir.display()
        ));
    }

    if let Some(content) = &options.content {
        println!("== build-api {} -> {}", content.display(), shown(&api_dir));
        let started = Instant::now();
        // The app's API folder is this step's to replace, whoever wrote it.
        remove(&api_dir).map_err(|error| format!("{}: {error}", shown(&api_dir)))?;
        match crate::build::build_with(content, &api_dir, &options.cache) {
            Ok(built) => println!(
                "built {} article(s) in {} language(s), {} files, in {:.2} s",
                built.articles.values().sum::<usize>(),
                built.articles.len(),
                built.files,
                started.elapsed().as_secs_f64()
            ),
            Err(errors) => {
                for error in &errors {
                    if error.in_content() {
                        eprintln!("error: {}/{error}", content.display());
                    } else {
                        eprintln!("error: {error}");
                    }
                }
                return Err(format!("stopped: {} error(s) in the content", errors.len()));
            }
        }
    } else {
        // A tree exported by a CMS: metadata out of its photos, then variants.
        println!(
            "== photos {} (cache {})",
            shown(&api_dir),
            options.cache.display()
        );
        let started = Instant::now();
        if !api_dir.is_dir() {
            return Err(format!(
                "{} is not a folder: no API tree to publish",
                shown(&api_dir)
            ));
        }
        // No link or pipe in it: the copy of `DIR` it is part of was refused otherwise.
        let (stripped, problems) =
            crate::photos::tree::strip_originals(&api_dir).map_err(|error| error.to_string())?;
        for (file, why) in &problems {
            eprintln!("error: {file}: cannot be published: {why}");
        }
        let report = crate::photos::tree::add_variants(&api_dir, &base, &options.cache)
            .map_err(|error| format!("photo variants: {error}"))?;
        println!("{stripped} photo(s) published without their metadata (EXIF, XMP, IPTC, comments)");
        report.print(started.elapsed().as_secs_f64());
        let count = problems.len() + report.problems.len();
        if count > 0 {
            return Err(format!("stopped: {count} photo(s) cannot be published (above)"));
        }
        // What build-api derives as it writes a tree: tag listings, related news.
        println!("== derive {}", shown(&api_dir));
        let started = Instant::now();
        crate::derive::derive(&api_dir)?.print(started.elapsed().as_secs_f64());
    }
    crate::derive::announce_feeds(&api_dir, options.origin.is_some())?;

    println!("== check-api {}", shown(&api_dir));
    let started = Instant::now();
    let check_options = CheckOptions {
        base,
        origin: options.origin.clone(),
    };
    let report = check(&api_dir, &check_options)?;
    report.print(started.elapsed().as_secs_f64());
    if report.count(Severity::Error) > 0 {
        return Err("stopped: the API tree has errors (above)".into());
    }

    println!("== prerender {}", shown(dir));
    let started = Instant::now();
    let prerender_options = PrerenderOptions {
        dir: dir.to_path_buf(),
        api: None,
        origin: options.origin.clone(),
    };
    let report = prerender::run(&prerender_options).map_err(|error| error.to_string())?;
    report.print(started.elapsed().as_secs_f64());
    Ok(())
}

/// Removes `path` (a folder, a file or a link, never what a link points to),
/// if it is there.
fn remove(path: &Path) -> std::io::Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => std::fs::remove_dir_all(path),
        Ok(_) => std::fs::remove_file(path),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(error) => Err(error),
    }
}

/// Removes the publish's copy when the publish ends, however it ends: the
/// copy refused, or (after the swap) the site it replaced.
struct Cleanup<'a>(&'a Path);

impl Drop for Cleanup<'_> {
    fn drop(&mut self) {
        let _ = remove(self.0);
    }
}
