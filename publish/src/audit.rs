//! What the sanitizer would change in a `body_html`, said as a publisher reads
//! it ("a `<script>` element", "an `onclick` attribute on `<a>`"), with the
//! line of the HTML it is on. The same policy as the sanitizer
//! (`core::html_policy`), applied to html5ever's tokens rather than its tree:
//! tokens carry line numbers, and a publisher fixes the tag they wrote, not
//! the tree a browser would build from it. Also collects the links, for the
//! check of links to articles that do not exist.

use crate::Severity;
use news_portal::core::html_policy::{plain_attribute_ok, tag_rule, TagRule};
use news_portal::core::markup::VOID_ELEMENTS;
use news_portal::core::urls::{link_url, media_url, scheme, Resolver};
use news_portal::ssr::tags::{each_tag, Tag, TagKind};
use std::collections::BTreeMap;

/// One kind of change, as often as it occurs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub severity: Severity,
    /// "a `<script>` element: removed with everything inside it".
    pub message: String,
    /// The line (1-based, of `body_html`) of the first occurrence.
    pub line: u64,
    pub count: usize,
}

/// A link of the body, resolved, with its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub href: String,
    pub line: u64,
}

/// What [`audit`] found.
#[derive(Debug, Default)]
pub struct Audit {
    pub changes: Vec<Change>,
    pub links: Vec<Link>,
}

/// Elements that run code, load another document or change how the page's
/// URLs resolve, and the foreign content mutation XSS hides in: an error to
/// publish, even though the app removes them.
const ACTIVE: [&str; 13] = [
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta", "link", "portal",
    "svg", "math",
];

/// Audits `html`; links and images resolve with `resolve`.
pub fn audit(html: &str, resolve: Resolver) -> Audit {
    let mut state = State::default();
    each_tag(html, |tag, line| state.tag(tag, line, resolve));
    let mut changes: Vec<Change> = state.changes.into_values().collect();
    changes.sort_by_key(|change| (change.line, change.severity));
    Audit {
        changes,
        links: state.links,
    }
}

#[derive(Default)]
struct State {
    /// By message, so that 40 `<div>`s are one finding.
    changes: BTreeMap<String, Change>,
    links: Vec<Link>,
    /// Inside an element removed with its content: its name and how many of it are open.
    removed: Option<(String, usize)>,
}

impl State {
    fn note(&mut self, severity: Severity, message: String, line: u64) {
        self.changes
            .entry(message.clone())
            .and_modify(|change| change.count += 1)
            .or_insert(Change {
                severity,
                message,
                line,
                count: 1,
            });
    }

    /// What `tag`, on `line`, would lose.
    fn tag(&mut self, tag: &Tag, line: u64, resolve: Resolver) {
        let name = tag.name.to_string();
        if let Some((removed, open)) = &mut self.removed {
            if *removed == name {
                match tag.kind {
                    TagKind::StartTag if !tag.self_closing => *open += 1,
                    TagKind::EndTag => *open -= 1,
                    TagKind::StartTag => {}
                }
                if *open == 0 {
                    self.removed = None;
                }
            }
            return;
        }
        if tag.kind == TagKind::EndTag {
            return;
        }
        match tag_rule(&name) {
            TagRule::Remove => {
                let severity = if ACTIVE.contains(&name.as_str()) {
                    Severity::Error
                } else {
                    Severity::Warning
                };
                self.note(
                    severity,
                    format!("a `<{name}>` element: removed with everything inside it"),
                    line,
                );
                if !VOID_ELEMENTS.contains(&name.as_str()) && !tag.self_closing {
                    self.removed = Some((name.clone(), 1));
                }
            }
            TagRule::Unwrap => self.note(
                Severity::Warning,
                format!("a `<{name}>` element: not in the allowlist, only its text is kept"),
                line,
            ),
            TagRule::Keep(kept, allowed) => {
                if kept != name {
                    self.note(
                        Severity::Warning,
                        format!("a `<{name}>` heading: shown as `<{kept}>`"),
                        line,
                    );
                }
                self.attributes(tag, kept, allowed, line, resolve);
            }
        }
    }

    fn attributes(&mut self, tag: &Tag, name: &str, allowed: &[&str], line: u64, resolve: Resolver) {
        let mut has_href = false;
        let mut has_alt = false;
        let mut said_href = false;
        for attribute in &tag.attrs {
            let attr: &str = &attribute.name.local;
            let value: &str = &attribute.value;
            if !allowed.contains(&attr) {
                if attr.starts_with("on") {
                    self.note(
                        Severity::Error,
                        format!("an `{attr}` attribute on `<{name}>`: removed (it would run code)"),
                        line,
                    );
                } else {
                    self.note(
                        Severity::Warning,
                        format!("a `{attr}` attribute on `<{name}>`: removed"),
                        line,
                    );
                }
                continue;
            }
            match attr {
                "href" => match link_url(value, resolve) {
                    Some(href) => {
                        has_href = true;
                        self.links.push(Link { href, line });
                    }
                    None => {
                        said_href = true;
                        self.note(
                            url_severity(value),
                            format!(
                                "a link to `{}`: not a web or mail address, only its text is kept",
                                short(value)
                            ),
                            line,
                        );
                    }
                },
                "src" if media_url(value, resolve).is_none() => self.note(
                    url_severity(value),
                    format!("an image from `{}`: not a web address, removed", short(value)),
                    line,
                ),
                "src" => {}
                "alt" => {
                    has_alt = !value.trim().is_empty();
                    if !plain_attribute_ok(attr, value) {
                        self.note(
                            Severity::Warning,
                            format!("an `alt` over 1,000 characters on `<{name}>`: removed"),
                            line,
                        );
                    }
                }
                _ if !plain_attribute_ok(attr, value) => self.note(
                    Severity::Warning,
                    format!(
                        "a `{attr}=\"{}\"` on `<{name}>`: not a plain value, removed",
                        short(value)
                    ),
                    line,
                ),
                _ => {}
            }
        }
        if name == "a" && !has_href && !said_href {
            self.note(
                Severity::Warning,
                "an `<a>` without a usable `href`: only its text is kept".into(),
                line,
            );
        }
        if name == "img" && !has_alt {
            self.note(
                Severity::Warning,
                "an image without `alt` text: screen readers cannot say what it shows".into(),
                line,
            );
        }
    }
}

/// An error for a URL that would run code (`javascript:`, `vbscript:`,
/// `data:`), a warning for any other unusable one.
fn url_severity(value: &str) -> Severity {
    let cleaned: String = value
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect();
    match scheme(&cleaned).as_deref() {
        Some("javascript" | "vbscript" | "data") => Severity::Error,
        _ => Severity::Warning,
    }
}

/// `value` cut to a length a message can quote.
fn short(value: &str) -> String {
    const MAX: usize = 60;
    match value.char_indices().nth(MAX) {
        Some((end, _)) => format!("{}…", &value[..end]),
        None => value.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use news_portal::ssr::resolver;

    fn changes(html: &str) -> Vec<(Severity, String, u64, usize)> {
        let resolve = resolver("https://x.test/api/en/news/a.json");
        audit(html, &resolve)
            .changes
            .into_iter()
            .map(|c| (c.severity, c.message, c.line, c.count))
            .collect()
    }

    #[test]
    fn allowed_html_is_not_changed() {
        let html = "<p>A <strong>b</strong> <a href=\"https://x.test/\">c</a></p>\n<ul><li>d</li></ul>\n\
                    <table><thead><tr><th scope=\"col\">e</th></tr></thead><tbody><tr><td colspan=\"2\">f</td></tr></tbody></table>\n\
                    <img src=\"../../img/a.jpg\" alt=\"A photo\" width=\"10\" height=\"5\">";
        assert_eq!(changes(html), vec![]);
    }

    #[test]
    fn each_change_is_named_with_its_line_and_count() {
        let html = "<p>a</p>\n<script>alert('<p onclick=x>')</script>\n<div><div>b</div></div>\n<h1>t</h1><p style=\"color:red\" onclick=\"x()\">c</p>";
        assert_eq!(
            changes(html),
            vec![
                (
                    Severity::Error,
                    "a `<script>` element: removed with everything inside it".into(),
                    2,
                    1
                ),
                (
                    Severity::Warning,
                    "a `<div>` element: not in the allowlist, only its text is kept".into(),
                    3,
                    2
                ),
                (
                    Severity::Error,
                    "an `onclick` attribute on `<p>`: removed (it would run code)".into(),
                    4,
                    1
                ),
                (
                    Severity::Warning,
                    "a `<h1>` heading: shown as `<h2>`".into(),
                    4,
                    1
                ),
                (
                    Severity::Warning,
                    "a `style` attribute on `<p>`: removed".into(),
                    4,
                    1
                ),
            ]
        );
    }

    #[test]
    fn dangerous_urls_are_errors_other_unusable_ones_warnings() {
        let found = changes("<a href=\" jav&#x09;ascript:alert(1)\">a</a><a href=\"ftp://x/\">b</a><img src=\"data:image/png;base64,x\" alt=\"x\">");
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!(found[0].0, Severity::Error);
        assert!(
            found[0].1.starts_with("a link to ` jav\tascript:alert(1)`"),
            "{found:?}"
        );
        assert_eq!(found[1].0, Severity::Error);
        assert!(found[1].1.starts_with("an image from `data:"));
        assert_eq!(found[2].0, Severity::Warning);
        assert!(found[2].1.contains("ftp://x/"));
    }

    #[test]
    fn content_of_removed_elements_is_not_audited_twice() {
        let found = changes(
            "<svg><a onclick=\"x\"><svg></svg></a></svg><p>after</p>\n<iframe srcdoc=\"<script>\"></iframe>",
        );
        let messages: Vec<&str> = found.iter().map(|c| c.1.as_str()).collect();
        assert_eq!(
            messages,
            [
                "a `<svg>` element: removed with everything inside it",
                "a `<iframe>` element: removed with everything inside it"
            ]
        );
    }

    #[test]
    fn links_are_collected_resolved() {
        let resolve = resolver("https://x.test/api/en/news/a.json");
        let found = audit(
            "<p>\n<a href=\"/en/news/b\">b</a> <a href=\"mailto:a@x.test\">m</a></p>",
            &resolve,
        );
        let links: Vec<(&str, u64)> = found.links.iter().map(|l| (l.href.as_str(), l.line)).collect();
        assert_eq!(links, [("https://x.test/en/news/b", 2), ("mailto:a@x.test", 2)]);
    }

    #[test]
    fn images_without_alt_and_anchors_without_href_are_named() {
        let found = changes("<img src=\"a.jpg\"><a name=\"x\">t</a>");
        let messages: Vec<&str> = found.iter().map(|c| c.1.as_str()).collect();
        assert!(messages.contains(&"an image without `alt` text: screen readers cannot say what it shows"));
        assert!(messages.contains(&"a `name` attribute on `<a>`: removed"));
        assert!(messages.contains(&"an `<a>` without a usable `href`: only its text is kept"));
    }
}
