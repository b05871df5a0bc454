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

/// The URL form of a tag (`BASE{lang}/tags/{key}`, the folder of its listing
/// documents): lower case, words joined by `-`, letters of any script kept as
/// they are (`Residence permits` → `residence-permits`, `Vətəndaşlıq` →
/// `vətəndaşlıq`, `İcazə` → `icazə`). Whitespace and the characters a path
/// segment cannot hold (`/ \ ? # %`) separate words. `None` when nothing
/// usable is left. The publish step names the documents with it and the app
/// links to them with it, so both must agree: lower case is Unicode's default
/// mapping on both sides (Rust's on the host, the browser's in the wasm,
/// whose own tables would cost the bundle kilobytes).
pub fn tag_key(tag: &str) -> Option<String> {
    let words: Vec<&str> = tag
        .split(|c: char| c.is_whitespace() || c.is_control() || matches!(c, '/' | '\\' | '?' | '#' | '%'))
        .filter(|word| !word.is_empty())
        .collect();
    // İ lowers to i and a combining dot above: the dot goes.
    let key = lower_case(&words.join("-")).replace('\u{307}', "");
    is_valid_slug(&key).then_some(key)
}

#[cfg(target_arch = "wasm32")]
fn lower_case(text: &str) -> String {
    js_sys::JsString::from(text).to_lower_case().into()
}

#[cfg(not(target_arch = "wasm32"))]
fn lower_case(text: &str) -> String {
    text.to_lowercase()
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

/// Decodes one percent-encoded path segment, as the browser's
/// `decodeURIComponent` does: `None` for a malformed escape or bytes that are
/// not UTF-8 (such a URL names no route).
pub fn decode_segment(segment: &str) -> Option<String> {
    if !segment.contains('%') {
        return Some(segment.to_string());
    }
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let high = char::from(*bytes.get(i + 1)?).to_digit(16)?;
            let low = char::from(*bytes.get(i + 2)?).to_digit(16)?;
            out.push((high * 16 + low) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The first value of `name` in a query string (with or without its `?`),
/// decoded as the browser's `URLSearchParams.get` does: `+` is a space, a
/// malformed escape stays as written, bytes that are not UTF-8 become U+FFFD.
pub fn query_value(query: &str, name: &str) -> Option<String> {
    query
        .strip_prefix('?')
        .unwrap_or(query)
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
        .find(|(key, _)| form_decode(key) == name)
        .map(|(_, value)| form_decode(value))
}

/// `application/x-www-form-urlencoded` decoding of one name or value.
fn form_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |at: usize| bytes.get(at).and_then(|&b| char::from(b).to_digit(16));
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if hex(i + 1).is_some() && hex(i + 2).is_some() => {
                out.push((hex(i + 1).unwrap_or(0) * 16 + hex(i + 2).unwrap_or(0)) as u8);
                i += 2;
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
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

    #[test]
    fn segments_are_decoded_as_the_browser_decodes_them() {
        assert_eq!(decode_segment("x%C9%99b%C9%99r").as_deref(), Some("xəbər"));
        assert_eq!(decode_segment("plain-slug").as_deref(), Some("plain-slug"));
        assert_eq!(decode_segment("a%2fb").as_deref(), Some("a/b"));
        for malformed in ["%", "%4", "%zz", "a%C9", "%FF"] {
            assert_eq!(decode_segment(malformed), None, "{malformed}");
        }
        for slug in ["xəbər 1", "новости", "a~b.c_d-e"] {
            assert_eq!(decode_segment(&encode_segment(slug)).as_deref(), Some(slug));
        }
    }

    #[test]
    fn query_values_are_read_as_url_search_params_reads_them() {
        assert_eq!(query_value("?page=2", "page").as_deref(), Some("2"));
        assert_eq!(query_value("a=1&page=3&page=4", "page").as_deref(), Some("3"));
        assert_eq!(query_value("page", "page").as_deref(), Some(""));
        assert_eq!(query_value("pag%65=%32", "page").as_deref(), Some("2"));
        assert_eq!(query_value("page=a+b%zz", "page").as_deref(), Some("a b%zz"));
        assert_eq!(query_value("", "page"), None);
        assert_eq!(query_value("pages=2", "page"), None);
    }
}
