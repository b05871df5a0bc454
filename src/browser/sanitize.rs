//! Turns untrusted `body_html` into safe DOM: the browser's `DOMParser` parses it
//! into an inert document (no scripts run, nothing loads), and a walk copies
//! only what `core::html_policy` allows into fresh elements of the live page.

use crate::core::html_policy::{clean_element, Cleaned};
use wasm_bindgen::JsCast;
use web_sys::{DocumentFragment, DomParser, Element, Node, SupportedType};

/// Sanitizes `html`, resolving its relative links against `source_url` (the
/// JSON document's URL). `origin` is the app's own origin, so that links to
/// other sites get `rel="noopener noreferrer"`.
pub fn sanitize(html: &str, source_url: &str, origin: &str) -> Option<DocumentFragment> {
    let document = leptos::prelude::document();
    let parsed = DomParser::new()
        .ok()?
        .parse_from_string(html, SupportedType::TextHtml)
        .ok()?;
    let body = parsed.body()?;
    let out = document.create_document_fragment();
    let resolve = |reference: &str| crate::browser::config::resolve(reference, source_url);

    // An explicit stack, not recursion: a deeply nested document cannot
    // exhaust the wasm stack. Children are pushed in reverse to keep order.
    let mut stack: Vec<(Node, Node)> = Vec::new();
    push_children(&mut stack, &body, out.as_ref());
    while let Some((node, parent)) = stack.pop() {
        match node.node_type() {
            Node::TEXT_NODE => {
                let text = document.create_text_node(&node.text_content().unwrap_or_default());
                let _ = parent.append_child(&text);
            }
            Node::ELEMENT_NODE => {
                let Some(source) = node.dyn_ref::<Element>() else {
                    continue;
                };
                let attribute = |name: &str| source.get_attribute(name);
                match clean_element(&source.local_name(), &attribute, &resolve, origin) {
                    Cleaned::Remove => {}
                    Cleaned::Unwrap => push_children(&mut stack, &node, &parent),
                    Cleaned::Element(name, attributes) => {
                        let Ok(copy) = document.create_element(name) else {
                            continue;
                        };
                        for (attr, value) in &attributes {
                            let _ = copy.set_attribute(attr, value);
                        }
                        let _ = parent.append_child(&copy);
                        push_children(&mut stack, &node, copy.as_ref());
                    }
                }
            }
            _ => {} // comments, processing instructions, doctype
        }
    }
    Some(out)
}

fn push_children(stack: &mut Vec<(Node, Node)>, from: &Node, parent: &Node) {
    let children = from.child_nodes();
    for index in (0..children.length()).rev() {
        if let Some(child) = children.item(index) {
            stack.push((child, parent.clone()));
        }
    }
}
