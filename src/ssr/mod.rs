//! What the app needs to render on the host (the `ssr` feature, which the
//! publishing side turns on): stand-ins for the browser APIs that `browser/`
//! wraps. html5ever in place of `DOMParser` for an article's body, the `url`
//! crate (the same WHATWG URL standard) in place of `URL`. None of it reaches
//! the wasm bundle.

pub mod sanitize;
pub mod tags;

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
        crate::core::urls::check_resolver(resolve);
    }
}
