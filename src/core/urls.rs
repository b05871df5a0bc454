//! URL checks for data that names other resources (photos, logos, links).
//!
//! Resolution itself ("relative to the JSON document's URL, as a browser does")
//! is injected as a function, so the browser's own `URL` does it in the app and
//! tests can pass a stand-in.

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
/// (`javascript:`, `data:`, `blob:` and the rest are dropped).
pub fn media_url(reference: &str, resolve: Resolver) -> Option<String> {
    let absolute = resolve(reference.trim())?;
    matches!(scheme(&absolute).as_deref(), Some("http" | "https")).then_some(absolute)
}

/// A link target the app may render: resolved, and `http:`, `https:` or `mailto:`.
pub fn link_url(reference: &str, resolve: Resolver) -> Option<String> {
    let absolute = resolve(reference.trim())?;
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

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A stand-in for the browser's `URL`: joins a relative path to a base
    /// directory, passes absolute URLs through. Enough to test what is resolved
    /// and what is checked; the real resolution is tested in the browser.
    pub(crate) fn join(base_dir: &'static str) -> impl Fn(&str) -> Option<String> {
        move |reference: &str| {
            if reference.is_empty() {
                None
            } else if scheme(reference).is_some() {
                Some(reference.to_string())
            } else if let Some(rest) = reference.strip_prefix('/') {
                let origin_end = base_dir.find("://").map(|i| i + 3).unwrap_or(0);
                let host_end = base_dir[origin_end..].find('/').map(|i| i + origin_end);
                Some(format!(
                    "{}/{rest}",
                    &base_dir[..host_end.unwrap_or(base_dir.len())]
                ))
            } else {
                Some(format!("{base_dir}{reference}"))
            }
        }
    }

    #[test]
    fn scheme_is_read_case_insensitively() {
        assert_eq!(scheme("HTTPS://example.org/").as_deref(), Some("https"));
        assert_eq!(scheme("JaVaScRiPt:alert(1)").as_deref(), Some("javascript"));
        assert_eq!(scheme("img/a.jpg"), None);
        assert_eq!(scheme("./a:b.jpg"), None);
        assert_eq!(scheme("1http://x"), None);
    }

    #[test]
    fn media_urls_resolve_and_only_http_survives() {
        let resolve = join("https://cdn.example.org/api/en/news/");
        assert_eq!(
            media_url("../../img/a.jpg", &resolve).as_deref(),
            Some("https://cdn.example.org/api/en/news/../../img/a.jpg")
        );
        assert_eq!(
            media_url("/img/a.jpg", &resolve).as_deref(),
            Some("https://cdn.example.org/img/a.jpg")
        );
        assert_eq!(
            media_url("http://example.org/a.png", &resolve).as_deref(),
            Some("http://example.org/a.png")
        );
        for hostile in [
            "javascript:alert(1)",
            " JAVASCRIPT:alert(1)",
            "data:image/svg+xml,<svg onload=alert(1)>",
            "vbscript:msgbox(1)",
            "blob:https://x/1",
            "mailto:a@b.c",
            "",
        ] {
            assert_eq!(media_url(hostile, &resolve), None, "{hostile}");
        }
    }

    #[test]
    fn link_urls_allow_mailto() {
        let resolve = join("https://example.org/api/en/pages/");
        assert_eq!(
            link_url("mailto:info@example.org", &resolve).as_deref(),
            Some("mailto:info@example.org")
        );
        assert_eq!(
            link_url("privacy.json", &resolve).as_deref(),
            Some("https://example.org/api/en/pages/privacy.json")
        );
        assert_eq!(link_url("javascript:void(0)", &resolve), None);
        assert_eq!(link_url("tel:+994", &resolve), None);
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
