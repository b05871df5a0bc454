//! The built app's `index.html` (the shell) as the template of every
//! prerendered page: its settings are read from it, and each page is the shell
//! with the app's view inside the mount element and the view's tags in `<head>`.
//! The shell is our own file (index.html), so plain text search finds its parts.

use news_portal::core::config::{DEFAULT_API, MOUNT_ID, PRERENDERED_ATTRIBUTE};

/// The attribute of the list in the shell's `<noscript>` that the step fills
/// with a link to each language's listing (an element: the release build's
/// minifier removes comments).
const LANGUAGES_LIST: &str = "data-np-languages";

/// Why the shell cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ShellError {
    /// A part every page needs is missing.
    #[error("index.html has no {0}")]
    Missing(&'static str),
}

/// The parts of the shell.
#[derive(Debug, Clone)]
pub struct Shell {
    html: String,
    /// `<html` … `>`: the start tag's range.
    html_tag: (usize, usize),
    /// `<title>…</title>`, if there is one.
    title: Option<(usize, usize)>,
    /// Where `</head>` starts.
    head_end: usize,
    /// The mount element's start tag, and its content.
    mount_tag: (usize, usize),
    mount_content: (usize, usize),
    /// `<base href>`.
    pub base_href: String,
    /// `data-api` on the mount element, or its default.
    pub data_api: String,
}

impl Shell {
    /// Finds the parts of `html`.
    pub fn parse(html: &str) -> Result<Shell, ShellError> {
        let html_tag = start_tag(html, "<html", 0).ok_or(ShellError::Missing("<html> tag"))?;
        let head_end = html.find("</head>").ok_or(ShellError::Missing("</head>"))?;
        let title = html[..head_end].find("<title").and_then(|start| {
            let end = start + html[start..].find("</title>")? + "</title>".len();
            Some((start, end))
        });
        let base_href = start_tag(html, "<base", 0)
            .and_then(|(start, end)| attribute(&html[start..end], "href"))
            .unwrap_or_else(|| "/".into());
        let mount_tag = element_with_id(html, MOUNT_ID).ok_or(ShellError::Missing("<div id=\"app\">"))?;
        let content_end =
            matching_end(html, mount_tag.1).ok_or(ShellError::Missing("end of the mount element"))?;
        let data_api = attribute(&html[mount_tag.0..mount_tag.1], "data-api")
            .filter(|value| !value.trim().is_empty())
            .unwrap_or_else(|| DEFAULT_API.into());
        Ok(Shell {
            html: html.to_string(),
            html_tag,
            title,
            head_end,
            mount_tag,
            mount_content: (mount_tag.1, content_end),
            base_href,
            data_api,
        })
    }

    /// A page: the shell with `html_attributes` replacing those of `<html>`
    /// (`lang` among them), `head` replacing its `<title>`, and `body` as the
    /// mount element's content. The app's own downloads are put behind the
    /// page's: the loader (`boot.js`) loads at low priority, and the JS glue's
    /// `modulepreload` and the wasm's `preload` are held back (each inside a
    /// `<template data-np-held>`, inert, which boot.js moves into the document
    /// once the page has loaded and painted). The page is complete without the app, so nothing of the app
    /// should compete with its text and photos.
    pub fn page(&self, html_attributes: &str, head: &str, body: &str) -> String {
        let html = &self.html;
        let (title_start, title_end) = self.title.unwrap_or((self.head_end, self.head_end));
        let mount_start = &html[self.mount_tag.0..self.mount_tag.1 - 1];
        let mut out = String::with_capacity(html.len() + head.len() + body.len() + 64);
        out.push_str(&html[..self.html_tag.0]);
        out.push_str("<html");
        out.push_str(html_attributes);
        out.push('>');
        out.push_str(&defer_app_downloads(&html[self.html_tag.1..title_start]));
        out.push_str(head);
        out.push_str(&defer_app_downloads(&html[title_end..self.head_end]));
        out.push_str(&html[self.head_end..self.mount_tag.0]);
        out.push_str(mount_start.trim_end_matches('/'));
        out.push(' ');
        out.push_str(PRERENDERED_ATTRIBUTE);
        out.push('>');
        out.push_str(body);
        out.push_str(&html[self.mount_content.1..]);
        out
    }

    /// The `content` of `<meta name="theme-color">`, the agency's colour.
    pub fn theme_color(&self) -> Option<String> {
        let head = &self.html[..self.head_end];
        let mut from = 0;
        while let Some((start, end)) = start_tag(head, "<meta", from) {
            let tag = &head[start..end];
            if attribute(tag, "name").as_deref() == Some("theme-color") {
                return attribute(tag, "content");
            }
            from = end;
        }
        None
    }

    /// The shell itself with `items` as the content of its list of languages
    /// (the `<ul data-np-languages>` in its `<noscript>`); unchanged without one.
    pub fn with_languages(&self, items: &str) -> String {
        let html = &self.html;
        let Some(at) = html.find(LANGUAGES_LIST) else {
            return html.clone();
        };
        let Some(start) = html[at..].find('>').map(|end| at + end + 1) else {
            return html.clone();
        };
        let Some(end) = html[start..].find("</ul>").map(|end| start + end) else {
            return html.clone();
        };
        format!("{}{items}{}", &html[..start], &html[end..])
    }
}

/// The start tag that begins with `prefix` at or after `from`: (start, end after `>`).
fn start_tag(html: &str, prefix: &str, from: usize) -> Option<(usize, usize)> {
    let start = from + html[from..].find(prefix)?;
    let end = start + html[start..].find('>')? + 1;
    Some((start, end))
}

/// The element that holds a held-back `<link>` (public/boot.js releases it):
/// a `<template>`'s content is inert, so the browser does not fetch it, and
/// the page stays valid HTML (a `<link>` without `rel` is not).
const HELD: &str = "<template data-np-held>";

/// `html` with every `<link>` that preloads the app's module or its wasm held
/// back (inside a `HELD` template), and the loader's `<script>` (the one with
/// `data-np-wasm`) at low priority.
fn defer_app_downloads(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(start) = next_tag(rest) {
        let Some(end) = rest[start..].find('>').map(|end| start + end + 1) else {
            break;
        };
        let tag = &rest[start..end];
        out.push_str(&rest[..start]);
        rest = &rest[end..];
        if tag.starts_with("<script") {
            // The loader: fetched after the page's own resources.
            out.push_str(&tag[..tag.len() - 1]);
            out.push_str(" fetchpriority=low>");
            continue;
        }
        let rel = attribute(tag, "rel").unwrap_or_default();
        let href = attribute(tag, "href").unwrap_or_default();
        if rel == "modulepreload" || (rel == "preload" && href.ends_with(".wasm")) {
            out.push_str(HELD);
            out.push_str(tag);
            out.push_str("</template>");
        } else {
            out.push_str(tag);
        }
    }
    out.push_str(rest);
    out
}

/// Where the next `<link>`, or the loader's `<script data-np-wasm>`, starts.
fn next_tag(html: &str) -> Option<usize> {
    let link = html.find("<link");
    let loader = html.match_indices("<script").map(|(at, _)| at).find(|&at| {
        html[at..]
            .split('>')
            .next()
            .is_some_and(|tag| tag.contains("data-np-wasm"))
    });
    match (link, loader) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The start tag of the `<div>` whose `id` is `id`.
fn element_with_id(html: &str, id: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some((start, end)) = start_tag(html, "<div", from) {
        if attribute(&html[start..end], "id").as_deref() == Some(id) {
            return Some((start, end));
        }
        from = end;
    }
    None
}

/// The value of attribute `name` in the start tag `tag`, quoted or not.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let mut rest = tag;
    while let Some(at) = rest.find(name) {
        let before = rest[..at].chars().last();
        let after = &rest[at + name.len()..];
        rest = after;
        if !before.is_some_and(char::is_whitespace) {
            continue;
        }
        let Some(value) = after.trim_start().strip_prefix('=') else {
            continue;
        };
        let value = value.trim_start();
        let text = match value.chars().next()? {
            quote @ ('"' | '\'') => value[1..].split(quote).next()?,
            _ => value.split(|c: char| c.is_whitespace() || c == '>').next()?,
        };
        return Some(text.replace("&amp;", "&").replace("&quot;", "\""));
    }
    None
}

/// Where the element whose content starts at `from` ends (its end tag's
/// start), counting the `<div>`s opened and closed inside it.
fn matching_end(html: &str, from: usize) -> Option<usize> {
    let mut depth = 1usize;
    let mut at = from;
    loop {
        let next = at + html[at..].find("<")?;
        let rest = &html[next..];
        if rest.starts_with("</div") {
            depth -= 1;
            if depth == 0 {
                return Some(next);
            }
        } else if rest.starts_with("<div") {
            depth += 1;
        }
        at = next + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHELL: &str = r#"<!doctype html><html lang="az"><head><meta charset="utf-8"><base href="/portal/news/"><title>Shell</title><script type="module" src="boot.js"></script></head><body><div id="app" class="news-portal" data-api="data/"><p class="boot">Loading…</p><noscript><p>JS</p><ul class="boot" data-np-languages></ul></noscript></div></body></html>"#;

    #[test]
    fn reads_the_settings() {
        let shell = Shell::parse(SHELL).unwrap();
        assert_eq!(shell.base_href, "/portal/news/");
        assert_eq!(shell.data_api, "data/");
        assert_eq!(shell.theme_color(), None);
        let coloured = SHELL.replace("<title>", "<meta content=#1d4f7a name=theme-color><title>");
        assert_eq!(
            Shell::parse(&coloured).unwrap().theme_color().as_deref(),
            Some("#1d4f7a")
        );
    }

    #[test]
    fn a_page_is_the_shell_with_the_view() {
        let shell = Shell::parse(SHELL).unwrap();
        let page = shell.page(r#" lang="en""#, "<title>News</title>", "<main>Hi</main>");
        assert_eq!(
            page,
            r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><base href="/portal/news/"><title>News</title><script type="module" src="boot.js"></script></head><body><div id="app" class="news-portal" data-api="data/" data-np-prerendered><main>Hi</main></div></body></html>"#
        );
    }

    #[test]
    fn the_apps_own_downloads_wait_for_the_pages() {
        let html = SHELL.replace(
            "<title>Shell</title>",
            r#"<title>Shell</title><script src=./boot.js type=module data-np-wasm=./app-1_bg.wasm></script><link crossorigin href=./app-1.js integrity="sha384-x" rel=modulepreload><link as=fetch crossorigin href=./app-1_bg.wasm rel=preload type=application/wasm><link href=./main.css rel=stylesheet>"#,
        );
        let page = Shell::parse(&html).unwrap().page("", "", "");
        assert!(page.contains(
            r#"<template data-np-held><link crossorigin href=./app-1.js integrity="sha384-x" rel=modulepreload></template>"#
        ));
        assert!(page.contains(
            "<template data-np-held><link as=fetch crossorigin href=./app-1_bg.wasm rel=preload type=application/wasm></template>"
        ));
        assert!(page.contains(" data-np-wasm=./app-1_bg.wasm fetchpriority=low></script>"));
        assert!(
            page.contains("<link href=./main.css rel=stylesheet>"),
            "the stylesheet stays"
        );
        let shell = Shell::parse(&html).unwrap().with_languages("");
        assert!(
            !shell.contains("data-np-held"),
            "the shell's app starts as soon as it can"
        );
    }

    #[test]
    fn the_language_list_is_replaced_not_added_to() {
        let shell = Shell::parse(SHELL).unwrap();
        let once = shell.with_languages("<li>en</li>");
        let twice = Shell::parse(&once).unwrap().with_languages("<li>en</li>");
        assert_eq!(once, twice);
        assert!(once.contains(r#"<ul class="boot" data-np-languages><li>en</li></ul>"#));
    }

    #[test]
    fn a_shell_without_a_mount_element_is_refused() {
        let html = SHELL.replace(r#"id="app""#, r#"id="other""#);
        assert!(Shell::parse(&html).is_err());
        assert_eq!(
            Shell::parse("<p>").unwrap_err(),
            ShellError::Missing("<html> tag")
        );
    }

    #[test]
    fn minified_attributes_are_read() {
        let html = SHELL
            .replace(r#"<base href="/portal/news/">"#, "<base href=/x/>")
            .replace(r#"id="app""#, "id=app");
        let shell = Shell::parse(&html).unwrap();
        assert_eq!(shell.base_href, "/x/");
        let page = shell.page("", "", "");
        assert!(page.contains(r#"<div id=app class="news-portal" data-api="data/" data-np-prerendered>"#));
    }
}
