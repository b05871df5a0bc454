//! One route of the app rendered to HTML on the host, by the app's own
//! components (`app::App`) through Leptos's server rendering: the same markup
//! the browser builds, with the view's documents prefetched so that it renders
//! complete in one pass.

use leptos::prelude::*;
use leptos_router::location::RequestUrl;
use news_portal::app::App;
use news_portal::core::config::AppConfig;
use news_portal::state::head::{Head, HeadRecord};
use news_portal::state::prefetched::Prefetched;

/// What the app renders for one route.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// The content of the mount element (`#app`), without Leptos's
    /// hydration markers (`without_markers`).
    pub body: String,
    /// What the views say of the document (`state::head`): title,
    /// description, language, `hreflang` alternates.
    pub head: Head,
}

/// Renders the app at `path` (the URL path, `BASE` included) with `prefetched`
/// as the view's documents. Effects do not run on the host, so nothing here
/// fetches, stores or focuses anything.
pub fn render(config: &AppConfig, path: &str, prefetched: Prefetched) -> Rendered {
    let owner = Owner::new();
    let record = HeadRecord::default();
    let body = owner.with(|| {
        provide_context(record.clone());
        provide_context(RequestUrl::new(path));
        provide_context(config.clone());
        provide_context(prefetched);
        view! { <App /> }.to_html()
    });
    owner.cleanup();
    Rendered {
        body: without_markers(&body),
        head: record.head(),
    }
}

/// `html` without the empty comments (`<!>`) Leptos writes for hydration, to
/// find where an empty view or a text node was. The app does not hydrate (it
/// mounts its own view and swaps it in, `state::takeover`), and the HTML
/// standard calls them bogus comments, so validators report every one. Text
/// is escaped (`&lt;`), so outside a tag `<!>` is always a marker; inside a
/// tag, quoted attribute values are copied as they are.
pub fn without_markers(html: &str) -> String {
    const MARKER: &str = "<!>";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if rest.starts_with(MARKER) {
            rest = &rest[MARKER.len()..];
            continue;
        }
        let end = tag_end(rest);
        out.push_str(&rest[..end]);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The length of the tag that `html` starts with, through its `>`, quoted
/// attribute values skipped (all of `html` if it never ends).
fn tag_end(html: &str) -> usize {
    let bytes = html.as_bytes();
    let mut quote = None;
    for (at, &byte) in bytes.iter().enumerate().skip(1) {
        match (quote, byte) {
            (Some(open), _) if byte == open => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(byte),
            (None, b'>') => return at + 1,
            (None, _) => {}
        }
    }
    html.len()
}

#[cfg(test)]
mod tests {
    use super::without_markers;

    #[test]
    fn markers_go_and_everything_else_stays() {
        assert_eq!(
            without_markers("<ul><li>a</li><!></ul><span>Published<!> <time>1</time></span>"),
            "<ul><li>a</li></ul><span>Published <time>1</time></span>"
        );
        // In an attribute value (a body's alt text), and escaped text, it is content.
        let content = r#"<img alt="<!> and '<!>'" title='"<!>"'><p>&lt;!&gt; 1 &lt; 2</p><!-- kept -->"#;
        assert_eq!(without_markers(content), content);
        assert_eq!(
            without_markers("<p>unclosed <a href=\"x"),
            "<p>unclosed <a href=\"x"
        );
    }
}
