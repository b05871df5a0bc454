//! The body of an article or page: untrusted HTML, sanitized before it is shown.

use crate::core::config::AppConfig;
use crate::state::site::use_site;
use leptos::prelude::*;

/// Renders `html` after `browser::sanitize`; relative links resolve against
/// `source_url`, the JSON document's URL. `truncated` adds a note that the
/// text was too long to show whole.
#[component]
pub fn RichText(html: String, source_url: String, #[prop(optional)] truncated: bool) -> impl IntoView {
    let site = use_site();
    let origin = expect_context::<AppConfig>().origin;
    view! {
        {body(html, source_url, origin)}
        {truncated.then(|| view! {
            <p class="notice notice--warning" role="status">{move || site.strings().body_truncated}</p>
        })}
    }
}

/// In the browser: an empty `<div>` that the sanitized DOM fills once mounted.
#[cfg(not(feature = "ssr"))]
fn body(html: String, source_url: String, origin: String) -> impl IntoView {
    use crate::browser::sanitize::sanitize;
    use leptos::html::Div;
    let container = NodeRef::<Div>::new();
    crate::state::effect::effect(move || {
        if let Some(container) = container.get() {
            if let Some(fragment) = sanitize(&html, &source_url, &origin) {
                container.replace_children_with_node_1(&fragment);
            }
        }
    });
    view! { <div class="rich-text" node_ref=container></div> }
}

/// On the host (the prerender step): the host sanitizer's HTML, the same
/// allowlist and the same result as the browser's walk. A body too deeply
/// nested to sanitize is left out, as the browser leaves it empty.
#[cfg(feature = "ssr")]
fn body(html: String, source_url: String, origin: String) -> impl IntoView {
    let clean = crate::ssr::sanitize::sanitize(&html, &source_url, &origin).unwrap_or_default();
    view! { <div class="rich-text" inner_html=clean></div> }
}
