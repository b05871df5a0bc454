//! The allowlist for `body_html` (docs/news-api.md, "Rules"): which elements
//! survive, which attributes they keep, and which are removed with everything
//! inside them. A parser builds the tree (the browser's `DOMParser` in
//! `browser::sanitize`, html5ever in `ssr::sanitize`); both walk it with
//! [`clean_element`], so the two give the same result.

use super::urls::{is_external, link_url, media_url, Resolver};

/// What happens to an element of the untrusted HTML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagRule {
    /// Keep the element (under this name) with only these attributes.
    Keep(&'static str, &'static [&'static str]),
    /// Drop the element but keep its children (unknown formatting, `div`, `span`,
    /// `form`, `button`): the contract keeps the text of dropped elements.
    Unwrap,
    /// Drop the element and everything inside it (code, embedded documents, foreign content).
    Remove,
}

/// The contract's allowlist (docs/news-api.md, "Rules"), in its order: the
/// only elements that reach the page.
pub const ALLOWED_ELEMENTS: [&str; 25] = [
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "figure",
    "figcaption",
    "img",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
];

/// The attributes an allowed element keeps (values are checked separately).
fn allowed_attributes(name: &str) -> &'static [&'static str] {
    match name {
        "a" => &["href", "title"],
        "img" => &["src", "alt", "width", "height", "title"],
        "th" => &["colspan", "rowspan", "scope"],
        "td" => &["colspan", "rowspan"],
        _ => &[],
    }
}

/// The rule for an element, by its lower-case local name.
pub fn tag_rule(name: &str) -> TagRule {
    if let Some(&allowed) = ALLOWED_ELEMENTS.iter().find(|&&allowed| allowed == name) {
        return TagRule::Keep(allowed, allowed_attributes(allowed));
    }
    match name {
        // The page has its own h1; deeper headings keep the outline at h4.
        "h1" => TagRule::Keep("h2", &[]),
        "h5" | "h6" => TagRule::Keep("h4", &[]),
        "script" | "style" | "iframe" | "frame" | "frameset" | "object" | "embed" | "applet" | "template"
        | "noscript" | "noembed" | "noframes" | "svg" | "math" | "title" | "textarea" | "select"
        | "option" | "input" | "head" | "meta" | "link" | "base" | "xmp" | "plaintext" | "canvas"
        | "audio" | "video" | "source" | "track" | "param" | "picture" | "portal" | "dialog" => {
            TagRule::Remove
        }
        _ => TagRule::Unwrap,
    }
}

/// What becomes of one element of the untrusted HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cleaned {
    /// A fresh element with these attributes, in this order; its children follow.
    Element(&'static str, Vec<(&'static str, String)>),
    /// Only its children stay (a link without a safe target is just its text).
    Unwrap,
    /// Nothing of it stays (also an image without a safe source).
    Remove,
}

/// The fate of an element named `name` (lower-case local name) whose
/// attributes `attribute` reads. Links and images resolve against the
/// document (`resolve`); a link to another origin than `origin` gets
/// `rel="noopener noreferrer"`; images load lazily and always have an `alt`.
pub fn clean_element(
    name: &str,
    attribute: &dyn Fn(&str) -> Option<String>,
    resolve: Resolver,
    origin: &str,
) -> Cleaned {
    let (name, allowed) = match tag_rule(name) {
        TagRule::Remove => return Cleaned::Remove,
        TagRule::Unwrap => return Cleaned::Unwrap,
        TagRule::Keep(name, allowed) => (name, allowed),
    };
    let mut attributes: Vec<(&'static str, String)> = allowed
        .iter()
        .filter_map(|&attr| {
            let value = attribute(attr)?;
            let value = match attr {
                "href" => link_url(&value, resolve),
                "src" => media_url(&value, resolve),
                _ => plain_attribute_ok(attr, &value).then_some(value),
            };
            value.map(|value| (attr, value))
        })
        .collect();
    let has =
        |attributes: &[(&str, String)], wanted: &str| attributes.iter().any(|(attr, _)| *attr == wanted);
    match name {
        "a" => {
            let Some((_, href)) = attributes.iter().find(|(attr, _)| *attr == "href") else {
                return Cleaned::Unwrap;
            };
            if is_external(href, origin) {
                attributes.push(("rel", "noopener noreferrer".into()));
            }
        }
        "img" => {
            if !has(&attributes, "src") {
                return Cleaned::Remove;
            }
            attributes.push(("loading", "lazy".into()));
            attributes.push(("decoding", "async".into()));
            if !has(&attributes, "alt") {
                attributes.push(("alt", String::new()));
            }
        }
        _ => {}
    }
    Cleaned::Element(name, attributes)
}

/// `true` when an attribute's value is acceptable for its name: URL attributes
/// are checked separately; sizes must be plain numbers; `scope` a keyword.
pub fn plain_attribute_ok(name: &str, value: &str) -> bool {
    match name {
        "width" | "height" | "colspan" | "rowspan" => {
            !value.is_empty() && value.len() <= 5 && value.bytes().all(|b| b.is_ascii_digit())
        }
        "scope" => matches!(value, "row" | "col" | "rowgroup" | "colgroup"),
        "alt" | "title" => value.len() <= 1000,
        _ => false,
    }
}

/// One case of `tests/hostile/body_html.json`: a hostile body and what a
/// sanitizer must make of it. For tests only.
#[doc(hidden)]
#[derive(Debug, serde::Deserialize)]
pub struct HostileCase {
    pub name: String,
    pub html: String,
    pub expected: String,
}

/// Every case of the hostile corpus: the browser's sanitizer
/// (`tests/browser.rs`) and the host's (`publish/tests/host_sanitize.rs`) are
/// held to the same. For tests only.
#[doc(hidden)]
pub fn hostile_cases() -> Vec<HostileCase> {
    let cases: Vec<HostileCase> =
        serde_json::from_str(include_str!("../../tests/hostile/body_html.json")).unwrap_or_default();
    assert!(cases.len() >= 60, "the corpus has {} cases", cases.len());
    cases
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_contract_allowlist_is_kept() {
        for name in ALLOWED_ELEMENTS {
            assert!(
                matches!(tag_rule(name), TagRule::Keep(kept, _) if kept == name),
                "{name}"
            );
        }
        // And nothing else survives under its own name.
        for name in ["div", "span", "h1", "h5", "script", "svg", "button", "section"] {
            assert!(
                !matches!(tag_rule(name), TagRule::Keep(kept, _) if kept == name),
                "{name}"
            );
        }
    }

    #[test]
    fn headings_are_mapped_into_the_allowlist() {
        assert_eq!(tag_rule("h1"), TagRule::Keep("h2", &[]));
        assert_eq!(tag_rule("h6"), TagRule::Keep("h4", &[]));
    }

    #[test]
    fn active_content_is_removed_with_its_children() {
        for name in [
            "script", "style", "iframe", "object", "embed", "svg", "math", "template", "noscript", "base",
            "meta", "textarea",
        ] {
            assert_eq!(tag_rule(name), TagRule::Remove, "{name}");
        }
    }

    #[test]
    fn unknown_containers_keep_their_text() {
        for name in [
            "div",
            "span",
            "form",
            "button",
            "section",
            "font",
            "marquee",
            "custom-element",
        ] {
            assert_eq!(tag_rule(name), TagRule::Unwrap, "{name}");
        }
    }

    #[test]
    fn only_listed_attributes_survive() {
        let TagRule::Keep(_, attrs) = tag_rule("a") else {
            panic!()
        };
        assert_eq!(attrs, &["href", "title"]);
        let TagRule::Keep(_, attrs) = tag_rule("p") else {
            panic!()
        };
        assert!(attrs.is_empty(), "no style, class, id or on* on paragraphs");
    }

    #[test]
    fn plain_attribute_values() {
        assert!(plain_attribute_ok("width", "1200"));
        assert!(!plain_attribute_ok("width", "100%"));
        assert!(!plain_attribute_ok("height", "1e9"));
        assert!(plain_attribute_ok("scope", "col"));
        assert!(!plain_attribute_ok("scope", "javascript:x"));
        assert!(!plain_attribute_ok("onclick", "x"));
        assert!(!plain_attribute_ok("style", "color:red"));
    }
}
