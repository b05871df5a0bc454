//! One route of the app rendered to HTML on the host, by the app's own
//! components (`app::App`) through Leptos's server rendering: the same markup
//! the browser builds, with the view's documents prefetched so that it renders
//! complete in one pass.

use crate::app::App;
use crate::browser::config::AppConfig;
use crate::host::sanitize::escape;
use crate::state::prefetched::Prefetched;
use futures::StreamExt;
use leptos::prelude::*;
use leptos_meta::ServerMetaContext;
use leptos_router::location::RequestUrl;

/// What the app renders for one route.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// The content of the mount element (`#app`).
    pub body: String,
    /// What the app puts in `<head>` (leptos_meta): `<title>`, the meta
    /// description, the `hreflang` alternates.
    pub head: String,
    /// The attributes the app sets on `<html>` (its `lang`), as ` name="value"` pairs.
    pub html_attributes: String,
}

/// Renders the app at `path` (the URL path, `BASE` included) with `prefetched`
/// as the view's documents. Effects do not run on the host, so nothing here
/// fetches, stores or focuses anything.
pub fn render(config: &AppConfig, path: &str, prefetched: Prefetched) -> Rendered {
    // leptos_meta waits one tick of an executor; any will do, and a second
    // initialisation is refused harmlessly.
    let _ = any_spawner::Executor::init_futures_executor();
    let owner = Owner::new();
    let rendered = owner.with(|| {
        let (meta, output) = ServerMetaContext::new();
        provide_context(meta);
        provide_context(RequestUrl::new(path));
        provide_context(config.clone());
        provide_context(prefetched);
        let body = view! { <App /> }.to_html();
        // leptos_meta hands over what the view registered by writing it into
        // the first chunk of a page; a bare `<html><head></head>` is that page.
        let page = futures::executor::block_on(async {
            let chunk = futures::stream::once(async { String::from("<html><head></head>") });
            output
                .inject_meta_context(chunk.boxed())
                .await
                .collect::<String>()
                .await
        });
        let html_attributes = between(&page, "<html", ">").unwrap_or_default().to_string();
        let head = head_of(&page);
        Rendered {
            body,
            head,
            html_attributes,
        }
    });
    owner.cleanup();
    rendered
}

/// The head leptos_meta wrote into `<html><head></head>`: its tags as they
/// are, then `<title>` with its text escaped here. leptos_meta writes the
/// title's text unescaped, so a `</title>` in an article's title would end the
/// element and the rest would be markup. The title is last, right before
/// `</head>` (leptos_meta's `inject_meta_context`).
fn head_of(page: &str) -> String {
    let Some(head) = page.find("<head>").map(|at| &page[at + "<head>".len()..]) else {
        return String::new();
    };
    let head = head.strip_suffix("</head>").unwrap_or(head);
    match (head.find("<title>"), head.strip_suffix("</title>")) {
        (Some(start), Some(without_end)) => {
            let mut out = head[..start].to_string();
            out.push_str("<title>");
            escape(&without_end[start + "<title>".len()..], false, &mut out);
            out.push_str("</title>");
            out
        }
        _ => head.to_string(),
    }
}

/// The text between the first `start` and the next `end`.
pub(super) fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = text.find(start)? + start.len();
    let to = from + text[from..].find(end)?;
    Some(&text[from..to])
}
