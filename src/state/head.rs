//! What the document says of the view outside `#app`: the `<title>`, the
//! meta description, the language on `<html>` and the `hreflang` alternates in
//! `<head>`. A view hands each as a reactive value to one of the functions
//! here. In the browser an effect writes it into the document whenever it
//! changes; on the host, where effects do not run, it is recorded in the
//! [`HeadRecord`] the prerender step provides, and the step writes it into the
//! page's `<head>`. A few writes over web-sys instead of leptos_meta's
//! registry of tags (issue 14 measured what that saves).
//!
//! The browser adopts what a prerendered page already has: it updates the
//! `<title>` and the description in place and replaces the `hreflang` links,
//! so taking over a page leaves no stale tag behind.

use leptos::prelude::*;
use std::sync::{Arc, Mutex, PoisonError};
use wasm_bindgen::JsCast;

/// The head of one view, as the host records it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Head {
    /// The `lang` of `<html>`.
    pub lang: String,
    /// The text of `<title>`.
    pub title: String,
    /// The view's own title, without the agency's name that `<title>` adds
    /// (the prerender's `og:title`; recorded on the host only).
    pub heading: String,
    /// The meta description.
    pub description: String,
    /// `(hreflang, absolute URL)` of each alternate, `x-default` included.
    pub alternates: Vec<(String, String)>,
}

/// Provided by the prerender step while it renders a route: where the views'
/// head values go on the host.
#[derive(Clone, Default)]
pub struct HeadRecord(Arc<Mutex<Head>>);

impl HeadRecord {
    /// What the views recorded.
    pub fn head(&self) -> Head {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }
}

/// The document's title follows `text`.
pub fn title(text: impl Fn() -> String + 'static) {
    keep(
        text,
        |text| {
            let document = document();
            if document.title() != *text {
                document.set_title(text);
            }
        },
        |head, text| head.title = text,
    );
}

/// The view's own title, `text`, recorded on the host (a link preview shows
/// the site's name apart, from `og:site_name`).
#[cfg(feature = "ssr")]
pub fn heading(text: impl Fn() -> String + 'static) {
    keep(text, |_| {}, |head, text| head.heading = text);
}

/// The meta description follows `text`.
pub fn description(text: impl Fn() -> String + 'static) {
    keep(
        text,
        |text| write_description(text),
        |head, text| head.description = text,
    );
}

/// The page's language follows `code`: on `<html>`, or on the app's root
/// element when `embedded` in a page that has its own language.
pub fn lang(code: impl Fn() -> String + 'static, embedded: bool) {
    let write: fn(&String) = if embedded {
        |code| write_root_lang(code)
    } else {
        |code| write_document_lang(code)
    };
    keep(code, write, |head, code| head.lang = code);
}

/// The `hreflang` alternates follow `links`, `(hreflang, absolute URL)` each.
pub fn alternates(links: impl Fn() -> Vec<(String, String)> + 'static) {
    keep(
        links,
        |links| write_alternates(links),
        |head, links| head.alternates = links,
    );
}

/// In the browser, an effect that calls `write` with each new value; on the
/// host, `record` once into the provided [`HeadRecord`], if any.
fn keep<T: PartialEq + 'static>(value: impl Fn() -> T + 'static, write: fn(&T), record: fn(&mut Head, T)) {
    #[cfg(not(feature = "ssr"))]
    {
        let _ = record;
        crate::state::effect::effect_with_previous(move |previous: Option<T>| {
            let value = value();
            if previous.as_ref() != Some(&value) {
                write(&value);
            }
            value
        });
    }
    #[cfg(feature = "ssr")]
    {
        let _ = write;
        if let Some(HeadRecord(head)) = use_context::<HeadRecord>() {
            record(&mut head.lock().unwrap_or_else(PoisonError::into_inner), value());
        }
    }
}

fn write_description(text: &str) {
    let document = document();
    let Some(head) = document.head() else { return };
    let meta = match head.query_selector(r#"meta[name="description"]"#) {
        Ok(Some(meta)) => meta,
        _ => {
            let Ok(meta) = document.create_element("meta") else {
                return;
            };
            let _ = meta.set_attribute("name", "description");
            let _ = head.append_child(&meta);
            meta
        }
    };
    if meta.get_attribute("content").as_deref() != Some(text) {
        let _ = meta.set_attribute("content", text);
    }
}

fn write_document_lang(code: &str) {
    if let Some(html) = document().document_element() {
        set_lang(&html, code);
    }
}

fn write_root_lang(code: &str) {
    if let Some(root) = document().get_element_by_id(crate::core::config::MOUNT_ID) {
        set_lang(&root, code);
    }
}

/// Sets `lang` unless it says `code` already: setting it, even to the same
/// value, makes the browser restyle the whole page (`:lang()`, fonts), which
/// a prerendered page taken over must not pay for.
fn set_lang(element: &web_sys::Element, code: &str) {
    if element.get_attribute("lang").as_deref() != Some(code) {
        let _ = element.set_attribute("lang", code);
    }
}

fn write_alternates(links: &[(String, String)]) {
    let document = document();
    let Some(head) = document.head() else { return };
    let selector = r#"link[rel="alternate"][hreflang]"#;
    // The prerendered page's links, when they are these already, stay.
    if let Ok(present) = head.query_selector_all(selector) {
        let same = present.length() as usize == links.len()
            && links.iter().enumerate().all(|(index, (hreflang, href))| {
                present
                    .item(index as u32)
                    .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|link| {
                        link.get_attribute("hreflang").as_deref() == Some(hreflang.as_str())
                            && link.get_attribute("href").as_deref() == Some(href.as_str())
                    })
            });
        if same {
            return;
        }
    }
    remove_head_tags(selector);
    for (hreflang, href) in links {
        let Ok(link) = document.create_element("link") else {
            return;
        };
        let _ = link.set_attribute("rel", "alternate");
        let _ = link.set_attribute("hreflang", hreflang);
        let _ = link.set_attribute("href", href);
        let _ = head.append_child(&link);
    }
}

/// Removes the tags of `<head>` that match `selector` (the browser's; also
/// used by the takeover for the crawler tags).
pub fn remove_head_tags(selector: &str) {
    let Some(head) = document().head() else { return };
    if let Ok(tags) = head.query_selector_all(selector) {
        for index in 0..tags.length() {
            if let Some(tag) = tags.item(index) {
                let _ = head.remove_child(&tag);
            }
        }
    }
}
