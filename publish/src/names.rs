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
    if slug.contains(['<', '>', ':', '"', '|', '*']) {
        return Some("it has one of < > : \" | *, which Windows file names cannot (`a:b` is even another file's hidden stream there)");
    }
    // Windows' device names, whatever follows a dot (`con.json` too), with
    // the superscript digits Windows counts as digits.
    let stem = slug.split('.').next().unwrap_or_default().to_ascii_lowercase();
    let numbered = |prefix: &str| {
        stem.strip_prefix(prefix).is_some_and(|n| {
            matches!(
                n,
                "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9" | "¹" | "²" | "³"
            )
        })
    };
    let device = matches!(
        stem.as_str(),
        "con" | "prn" | "aux" | "nul" | "conin$" | "conout$"
    ) || numbered("com")
        || numbered("lpt");
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
    // Lower case, and the letters whose lower cases a case-insensitive disk
    // may also take as one: Azerbaijani and Turkish ı and i, final and
    // medial sigma, long s.
    let lower: String = composed
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'ı' => 'i',
            'ς' => 'σ',
            'ſ' => 's',
            c => c,
        })
        .collect();
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
        assert_eq!(folded("vətəndaşlıq"), folded("vətəndaşliq"));
        assert_eq!(folded("σlug"), folded("ςlug"));
        assert_eq!(folded("ſlug"), folded("slug"));
        assert_ne!(folded("news-a"), folded("news-b"));
    }
}
