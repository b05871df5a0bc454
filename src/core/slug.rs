//! Checks for the user-controlled parts of a URL (slugs, language codes) before
//! they are put into a request, and the percent-encoding used when they are.

/// The longest slug the app will request; longer ones are "not found" at once.
pub const MAX_SLUG_LEN: usize = 200;

/// `true` when `slug` is a single, harmless URL path segment under the contract:
/// not empty, not too long, no `/`, `\`, `..`, control characters or whitespace
/// that CMS slugs never contain.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= MAX_SLUG_LEN
        && slug != "."
        && !slug.contains("..")
        && !slug
            .chars()
            .any(|c| matches!(c, '/' | '\\' | '?' | '#' | '%') || c.is_control() || c.is_whitespace())
}

/// `true` for a language code shaped like a BCP 47 primary tag, with an optional
/// region or script: `az`, `en`, `ru`, `az-Latn`, `pt-BR`.
pub fn is_valid_lang(code: &str) -> bool {
    let mut parts = code.split('-');
    let primary = parts.next().unwrap_or_default();
    let primary_ok = (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_lowercase());
    let rest: Vec<&str> = parts.collect();
    primary_ok
        && rest.len() <= 1
        && rest
            .iter()
            .all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Percent-encodes one path segment: everything except the unreserved
/// characters of RFC 3986 (`A-Z a-z 0-9 - . _ ~`) becomes `%XX` of its UTF-8 bytes.
pub fn encode_segment(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for byte in segment.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push('%');
            out.push(
                char::from_digit((byte >> 4) as u32, 16)
                    .unwrap_or('0')
                    .to_ascii_uppercase(),
            );
            out.push(
                char::from_digit((byte & 15) as u32, 16)
                    .unwrap_or('0')
                    .to_ascii_uppercase(),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_slugs_pass() {
        for slug in [
            "sms-icmpd-cooperation",
            "2024_05_14",
            "news.v2",
            "xəbər-ş",
            "новости",
        ] {
            assert!(is_valid_slug(slug), "{slug}");
        }
    }

    #[test]
    fn path_tricks_and_control_characters_are_rejected() {
        let long = "a".repeat(MAX_SLUG_LEN + 1);
        for slug in [
            "",
            ".",
            "..",
            "a/b",
            "a\\b",
            "../site",
            "a..b",
            "a\u{0}b",
            "a\nb",
            "a\u{7f}b",
            "a b",
            "a%2Fb",
            "a?b",
            "a#b",
            long.as_str(),
        ] {
            assert!(!is_valid_slug(slug), "{slug:?}");
        }
        assert!(is_valid_slug(&"a".repeat(MAX_SLUG_LEN)));
    }

    #[test]
    fn language_codes() {
        for code in ["az", "en", "ru", "fil", "az-Latn", "pt-BR"] {
            assert!(is_valid_lang(code), "{code}");
        }
        for code in ["", "e", "EN", "english", "en-", "en-US-x", "../", "en/", "e1"] {
            assert!(!is_valid_lang(code), "{code}");
        }
    }

    #[test]
    fn segments_are_percent_encoded_as_utf8() {
        assert_eq!(encode_segment("sms-icmpd_2024.v1~x"), "sms-icmpd_2024.v1~x");
        assert_eq!(encode_segment("a b"), "a%20b");
        assert_eq!(encode_segment("xəbər"), "x%C9%99b%C9%99r");
        assert_eq!(encode_segment("a/b?c#d"), "a%2Fb%3Fc%23d");
    }
}
