//! The body of an article or page: untrusted HTML, sanitized before it is shown.

use crate::browser::config::AppConfig;
use crate::browser::sanitize::sanitize;
use crate::state::site::use_site;
use leptos::html::Div;
use leptos::prelude::*;

/// Renders `html` after `browser::sanitize`; relative links resolve against
/// `source_url`, the JSON document's URL. `truncated` adds a note that the
/// text was too long to show whole.
#[component]
pub fn RichText(html: String, source_url: String, #[prop(optional)] truncated: bool) -> impl IntoView {
    let site = use_site();
    let origin = expect_context::<AppConfig>().origin;
    let container = NodeRef::<Div>::new();
    Effect::new(move |_| {
        if let Some(container) = container.get() {
            if let Some(fragment) = sanitize(&html, &source_url, &origin) {
                container.replace_children_with_node_1(&fragment);
            }
        }
    });
    view! {
        <div class="rich-text" node_ref=container></div>
        {truncated.then(|| view! {
            <p class="notice notice--warning" role="status">{move || site.strings().body_truncated}</p>
        })}
    }
}
