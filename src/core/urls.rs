//! URL checks for data that names other resources (photos, logos, links).
//!
//! Resolution itself ("relative to the JSON document's URL, as a browser does")
//! is injected as a function: the browser's own `URL` does it in the app, and
//! the `url` crate (`crate::ssr`) on the host.

/// Resolves a URL reference to an absolute URL, or `None` if it is not a URL.
pub type Resolver<'a> = &'a dyn Fn(&str) -> Option<String>;

/// The scheme of an absolute URL, lower-cased, or `None` for a relative reference.
pub fn scheme(url: &str) -> Option<String> {
    let (candidate, _) = url.split_once(':')?;
    let mut chars = candidate.chars();
    let first_is_letter = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (first_is_letter && rest_ok).then(|| candidate.to_ascii_lowercase())
}

/// An image URL the app may load: resolved, and `http:` or `https:` only
/// (`javascript:`, `data:`, `blob:` and the rest are dropped). An empty
/// reference names nothing (a browser would resolve it to the JSON itself).
pub fn media_url(reference: &str, resolve: Resolver) -> Option<String> {
    let reference = reference.trim();
    if reference.is_empty() {
        return None;
    }
    let absolute = resolve(reference)?;
    matches!(scheme(&absolute).as_deref(), Some("http" | "https")).then_some(absolute)
}

/// A link target the app may render: resolved, and `http:`, `https:` or `mailto:`.
pub fn link_url(reference: &str, resolve: Resolver) -> Option<String> {
    let reference = reference.trim();
    if reference.is_empty() {
        return None;
    }
    let absolute = resolve(reference)?;
    matches!(scheme(&absolute).as_deref(), Some("http" | "https" | "mailto")).then_some(absolute)
}

/// `true` when `url` is on another origin than `own_origin` (for `rel="noopener"`).
pub fn is_external(url: &str, own_origin: &str) -> bool {
    match scheme(url).as_deref() {
        Some("http" | "https") => {
            let own = own_origin.trim_end_matches('/');
            !(url == own || url.starts_with(&format!("{own}/")))
        }
        _ => false,
    }
}

// Host tests: they use the URL resolver of `ssr` (and proptest).
#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::ssr::resolver;

    #[test]
    fn scheme_is_read_case_insensitively() {
        assert_eq!(scheme("HTTPS://example.org/").as_deref(), Some("https"));
        assert_eq!(scheme("JaVaScRiPt:alert(1)").as_deref(), Some("javascript"));
        assert_eq!(scheme("img/a.jpg"), None);
        assert_eq!(scheme("./a:b.jpg"), None);
        assert_eq!(scheme("1http://x"), None);
    }

    /// `read` applied to each reference against `base` gives what it says.
    fn reads(read: fn(&str, Resolver) -> Option<String>, base: &str, cases: &[(&str, Option<&str>)]) {
        let resolve = resolver(base);
        for (reference, expected) in cases {
            assert_eq!(read(reference, &resolve).as_deref(), *expected, "{reference:?}");
        }
    }

    #[test]
    fn media_urls_resolve_and_only_http_survives() {
        reads(
            media_url,
            "https://cdn.example.org/api/en/news/page-1.json",
            &[
                ("../../img/a.jpg", Some("https://cdn.example.org/api/img/a.jpg")),
                ("/img/a.jpg", Some("https://cdn.example.org/img/a.jpg")),
                ("http://example.org/a.png", Some("http://example.org/a.png")),
                ("javascript:alert(1)", None),
                (" JAVASCRIPT:alert(1)", None),
                ("data:image/svg+xml,<svg onload=alert(1)>", None),
                ("vbscript:msgbox(1)", None),
                ("blob:https://x/1", None),
                ("mailto:a@b.c", None),
                ("", None),
            ],
        );
    }

    #[test]
    fn link_urls_allow_mailto() {
        reads(
            link_url,
            "https://example.org/api/en/pages/terms.json",
            &[
                ("mailto:info@example.org", Some("mailto:info@example.org")),
                (
                    "privacy.json",
                    Some("https://example.org/api/en/pages/privacy.json"),
                ),
                ("javascript:void(0)", None),
                ("tel:+994", None),
            ],
        );
    }

    #[test]
    fn external_means_another_origin() {
        let own = "https://migration.gov.az";
        assert!(is_external("https://icmpd.org/", own));
        assert!(is_external("https://migration.gov.az.evil.example/", own));
        assert!(!is_external("https://migration.gov.az/en/", own));
        assert!(!is_external("mailto:a@b.c", own));
    }
}

/// The cases of `tests/resolve.json` as `(reference, base, expected)`: both
/// resolvers' tests check them ([`check_resolver`]), so that the two agree.
/// For tests only.
#[doc(hidden)]
pub fn resolve_cases() -> Vec<(String, String, Option<String>)> {
    let cases: Vec<serde_json::Value> =
        serde_json::from_str(include_str!("../../tests/resolve.json")).unwrap_or_default();
    cases
        .iter()
        .filter_map(|case| {
            Some((
                case.get("reference")?.as_str()?.to_string(),
                case["base"].as_str()?.to_string(),
                case["expected"].as_str().map(String::from),
            ))
        })
        .collect()
}

/// Fails unless `resolve` resolves every case of `tests/resolve.json` as
/// expected: the host's resolver (`ssr::resolve`) and the browser's
/// (`tests/browser.rs`) are held to the same cases. For tests only.
#[doc(hidden)]
pub fn check_resolver(resolve: impl Fn(&str, &str) -> Option<String>) {
    let cases = resolve_cases();
    assert!(!cases.is_empty(), "tests/resolve.json has its cases");
    for (reference, base, expected) in cases {
        assert_eq!(resolve(&reference, &base), expected, "{reference} against {base}");
    }
}
