//! `body_html` made safe on the host, for pages rendered outside a browser
//! (prerendering) and for checking a publisher's data. The same walk as the
//! browser's (`browser::sanitize`) over the same policy
//! (`core::html_policy::clean_element`), on a tree built by html5ever, which
//! implements the HTML standard's parsing as browsers do, with scripting off
//! as in `DOMParser`. The result is HTML text, serialized as `innerHTML` would
//! serialize the browser's result, so the two read the same.

use crate::core::html_policy::{clean_element, Cleaned};
use crate::core::markup::{escape_into, Escape, VOID_ELEMENTS};
use crate::ssr::resolver;
use crate::ssr::tags::{each_tag, TagKind};
use html5ever::driver::{self, ParseOpts};
use html5ever::tendril::TendrilSink;
use html5ever::tree_builder::TreeBuilderOpts;
use scraper::{Html, HtmlTreeSink, Node};
use std::collections::HashMap;

/// The deepest nesting the host sanitizes. html5ever, like the standard,
/// checks scopes by walking the stack of open elements, so very deep nesting
/// costs quadratic time (20,000 nested `<div>`s took 5.7 s); browsers cap their
/// tree depth instead (Chromium at 512). Articles nest a dozen deep.
pub const MAX_DEPTH: usize = 2_000;

/// Why a body was not sanitized on the host.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HostSanitizeError {
    /// Nested deeper than [`MAX_DEPTH`], by a count of its tags.
    #[error("body_html nests about {0} elements deep; the host stops at {MAX_DEPTH}")]
    TooDeep(usize),
}

/// Sanitizes `html`, resolving its relative links against `source_url` (the
/// JSON document's URL); links to another origin than `origin` get
/// `rel="noopener noreferrer"`.
pub fn sanitize(html: &str, source_url: &str, origin: &str) -> Result<String, HostSanitizeError> {
    let depth = nesting_bound(html);
    if depth > MAX_DEPTH {
        return Err(HostSanitizeError::TooDeep(depth));
    }
    let options = ParseOpts {
        tree_builder: TreeBuilderOpts {
            scripting_enabled: false,
            ..Default::default()
        },
        ..Default::default()
    };
    let document = driver::parse_document(HtmlTreeSink::new(Html::new_document()), options).one(html);
    let resolve = resolver(source_url);
    let mut out = String::with_capacity(html.len());
    let Some(body) = document
        .tree
        .root()
        .descendants()
        .find(|node| matches!(node.value(), Node::Element(element) if element.name() == "body"))
    else {
        return Ok(out);
    };

    /// One step of the walk: a node to copy, or an element to close.
    enum Step<'a> {
        Visit(ego_tree::NodeRef<'a, Node>),
        Close(&'static str),
    }
    // An explicit stack, as in the browser: no depth exhausts the host's stack.
    let mut stack: Vec<Step> = body.children().rev().map(Step::Visit).collect();
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Close(name) => {
                out.push_str("</");
                out.push_str(name);
                out.push('>');
                continue;
            }
            Step::Visit(node) => node,
        };
        match node.value() {
            Node::Text(text) => escape_into(&mut out, text, Escape::Text),
            Node::Element(element) => {
                let attribute = |name: &str| element.attr(name).map(str::to_string);
                match clean_element(element.name(), &attribute, &resolve, origin) {
                    Cleaned::Remove => {}
                    Cleaned::Unwrap => stack.extend(node.children().rev().map(Step::Visit)),
                    Cleaned::Element(name, attributes) => {
                        out.push('<');
                        out.push_str(name);
                        for (attr, value) in &attributes {
                            out.push(' ');
                            out.push_str(attr);
                            out.push_str("=\"");
                            escape_into(&mut out, value, Escape::Attribute);
                            out.push('"');
                        }
                        out.push('>');
                        if !matches!(name, "br" | "hr" | "img") {
                            stack.push(Step::Close(name));
                            stack.extend(node.children().rev().map(Step::Visit));
                        }
                    }
                }
            }
            _ => {} // comments, processing instructions, doctype
        }
    }
    Ok(out)
}

/// An upper bound of how deep `html` nests, in linear time: html5ever's
/// tokenizer reads the tags (comments, attribute values and raw text are its
/// business), each start tag of a non-void element opens a level, and an end
/// tag closes one only while an element of its name is open. What the tree
/// builder closes implicitly (`<li>` without `</li>`) stays counted, so the
/// bound errs high, never low.
fn nesting_bound(html: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut open: HashMap<String, usize> = HashMap::new();
    each_tag(html, |tag, _| {
        let name: &str = &tag.name;
        match tag.kind {
            TagKind::EndTag => {
                if let Some(count) = open.get_mut(name).filter(|count| **count > 0) {
                    *count -= 1;
                    depth = depth.saturating_sub(1);
                }
            }
            TagKind::StartTag if VOID_ELEMENTS.contains(&name) => {}
            TagKind::StartTag => {
                *open.entry(name.to_string()).or_default() += 1;
                depth += 1;
                deepest = deepest.max(depth);
            }
        }
    });
    deepest
}
