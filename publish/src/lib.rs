//! The publishing side (`news-publish`): host-side Rust that turns content
//! into the site the app takes over. It depends on the app (`news-portal`
//! with `ssr`) for the model, the routes and the components; nothing here
//! reaches the wasm bundle. docs/architecture.md has the picture.
//!
//! The stages, in the order `publish` runs them, each importing only the
//! layer below, never another stage:
//!
//! - `build` (build-api): content files (Markdown, TOML) → the API tree;
//! - `photos::tree`: a CMS's tree: originals stripped of metadata, variants;
//! - `derive`: what the publish step adds to any tree: tag listings, related
//!   news, and what each language has (in its `site.json`);
//! - `check` (check-api): the tree read as the app reads it;
//! - `prerender`: every route as HTML, the sitemap, feeds, robots.txt, and
//!   the search index (`prerender::search`, Pagefind);
//! - `publish`: all of them on a copy of the site, swapped in whole.
//!
//! The layer below, which the stages share: `tree` (the API tree on disk:
//! where it is, one reader, `src` → file confined to it), `shell` (the
//! built app's index.html), `files` (walking and writing without following
//! links), `photos` (reading, stripping and encoding images), `images`
//! (sizes, SVG and other files that would run as the site), `audit` (what
//! the sanitizer would change in a body), `names` (slugs), `settings` (the
//! site's time zone and feed-id authority), `cli`.

pub mod audit;
pub mod build;
pub mod check;
pub mod cli;
pub mod derive;
pub mod files;
pub mod images;
pub mod names;
pub mod photos;
pub mod prerender;
pub mod publish;
pub mod settings;
pub mod shell;
pub mod tree;

/// How bad a finding of any stage is: an error stops the publish (nothing
/// is changed), a warning is printed and the publish goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Readers would meet a broken page, a missing article or photo: stop publishing.
    Error,
    /// The app works around it, but the publisher should fix it.
    Warning,
}

/// Runs `work` on each of `items` on every core (a worker per core takes the
/// next item when it is done, so that slow items do not hold up a share of
/// others); returns the results in the items' order.
pub fn on_every_core<T: Send, R: Send>(items: Vec<T>, work: impl Fn(T) -> R + Sync) -> Vec<R> {
    let count = items.len();
    let queue = std::sync::Mutex::new(items.into_iter().enumerate().rev().collect::<Vec<_>>());
    let results = std::sync::Mutex::new(Vec::with_capacity(count));
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(count);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                // The lock is held for the pop alone, not while the work runs.
                let next = || queue.lock().ok().and_then(|mut queue| queue.pop());
                while let Some((order, item)) = next() {
                    let result = work(item);
                    if let Ok(mut results) = results.lock() {
                        results.push((order, result));
                    }
                }
            });
        }
    });
    let mut results = results.into_inner().unwrap_or_default();
    results.sort_by_key(|(order, _)| *order);
    results.into_iter().map(|(_, result)| result).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn work_on_every_core_comes_back_in_order() {
        let squares = on_every_core((0..1000u64).collect(), |n| {
            // Uneven work, so that workers finish out of order.
            if n % 7 == 0 {
                std::thread::sleep(std::time::Duration::from_micros(50));
            }
            n * n
        });
        assert_eq!(squares, (0..1000u64).map(|n| n * n).collect::<Vec<_>>());
        assert!(on_every_core(Vec::<u8>::new(), |n| n).is_empty());
    }
}
