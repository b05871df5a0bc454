//! The host side's stand-ins for browser APIs, for everything that reads the
//! contract outside a browser (tests, the fuzzer, the publishing tools). Built
//! only for the host: none of it reaches the wasm bundle.

pub mod build;
pub mod check;
pub mod cli;
pub mod files;
pub mod images;
pub mod names;
pub mod photos;
pub mod prerender;
pub mod publish;
pub mod sanitize;

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

/// Resolves `reference` against `base` as the browser's `URL` does (the `url`
/// crate implements the same WHATWG URL standard); `None` if either is not a URL.
pub fn resolve(reference: &str, base: &str) -> Option<String> {
    url::Url::parse(base).ok()?.join(reference).ok().map(String::from)
}

/// [`resolve`] against a fixed `base`, in the shape `core::urls::Resolver` takes.
pub fn resolver(base: &str) -> impl Fn(&str) -> Option<String> + '_ {
    move |reference| resolve(reference, base)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cases of `tests/resolve.json`, which the browser's resolver meets too (tests/browser.rs).
    #[test]
    fn resolves_as_a_browser_does() {
        let cases = crate::core::urls::resolve_cases();
        assert!(!cases.is_empty(), "tests/resolve.json has its cases");
        for (reference, base, expected) in cases {
            assert_eq!(resolve(&reference, &base), expected, "{reference} against {base}");
        }
    }

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
