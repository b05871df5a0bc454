//! Names that become files and URLs on hosts nobody here controls: an
//! article's slug is a file name in the API tree and in the prerendered site,
//! served by CDNs and web servers on disks that may ignore case (Windows,
//! macOS) or Unicode normalisation (macOS), and copied by tools that skip
//! hidden files. The app itself accepts any slug `core::slug` allows; the
//! publishing side refuses the ones that would not survive such a trip.

/// Why `slug` cannot be published as a file name, if it cannot.
pub fn unpublishable(slug: &str) -> Option<&'static str> {
    if slug.starts_with('.') {
        return Some("it starts with `.`: hidden, so uploads and web servers skip or refuse it");
    }
    if slug.ends_with('.') || slug.ends_with(' ') {
        return Some("it ends with `.`: Windows and some storage drop it");
    }
    // Windows' device names, whatever follows a dot (`con.json` too).
    let stem = slug.split('.').next().unwrap_or_default().to_ascii_lowercase();
    let device = matches!(stem.as_str(), "con" | "prn" | "aux" | "nul")
        || ((stem.starts_with("com") || stem.starts_with("lpt"))
            && stem.len() == 4
            && stem.as_bytes()[3].is_ascii_digit());
    if device {
        return Some("it is a device name on Windows (CON, NUL, COM1…): no file can have it there");
    }
    None
}

/// The form two names share when a disk that ignores case or Unicode
/// normalisation would store them as one file: `News-A` and `news-a`, or `é`
/// written as one character and as `e` with a combining accent.
pub fn folded(name: &str) -> String {
    let composed = icu_normalizer::ComposingNormalizerBorrowed::new_nfc().normalize(name);
    let lower = composed.to_lowercase();
    icu_normalizer::ComposingNormalizerBorrowed::new_nfc()
        .normalize(&lower)
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_device_and_dotted_names_are_refused() {
        for slug in [
            ".hidden", "CON", "con", "nul", "Nul.txt", "com1", "LPT9", "aux", "x.",
        ] {
            assert!(unpublishable(slug).is_some(), "{slug}");
        }
        for slug in [
            "news-a",
            "console",
            "com10",
            "nullify",
            "a.b",
            "2024-05-14-visa",
            "vətəndaşlıq",
        ] {
            assert_eq!(unpublishable(slug), None, "{slug}");
        }
    }

    #[test]
    fn twins_by_case_or_normalisation_fold_to_one_name() {
        assert_eq!(folded("News-A"), folded("news-a"));
        assert_eq!(folded("caf\u{e9}"), folded("cafe\u{301}"));
        assert_ne!(folded("news-a"), folded("news-b"));
    }
}
