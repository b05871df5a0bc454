//! `body_html` made safe on the host, for pages rendered outside a browser
//! (prerendering) and for checking a publisher's data. The same walk as the
//! browser's (`browser::sanitize`) over the same policy
//! (`core::html_policy::clean_element`), on a tree built by html5ever, which
//! implements the HTML standard's parsing as browsers do, with scripting off
//! as in `DOMParser`. The result is HTML text, serialized as `innerHTML` would
//! serialize the browser's result, so the two read the same.

use crate::core::html_policy::{clean_element, Cleaned};
use crate::host::resolver;
use html5ever::driver::{self, ParseOpts};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::TreeBuilderOpts;
use scraper::{Html, HtmlTreeSink, Node};
use std::cell::{Cell, RefCell};
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
            Node::Text(text) => escape(text, false, &mut out),
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
                            escape(value, true, &mut out);
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
    let counter = DepthCounter::default();
    let tokenizer = Tokenizer::new(counter, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.deepest.get()
}

/// The tokenizer's sink for [`nesting_bound`].
#[derive(Default)]
struct DepthCounter {
    depth: Cell<usize>,
    deepest: Cell<usize>,
    open: RefCell<HashMap<String, usize>>,
}

impl TokenSink for DepthCounter {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let Token::TagToken(tag) = token else {
            return TokenSinkResult::Continue;
        };
        let name: &str = &tag.name;
        let mut open = self.open.borrow_mut();
        match tag.kind {
            TagKind::EndTag => {
                if let Some(count) = open.get_mut(name).filter(|count| **count > 0) {
                    *count -= 1;
                    self.depth.set(self.depth.get().saturating_sub(1));
                }
                TokenSinkResult::Continue
            }
            TagKind::StartTag => {
                const VOID: [&str; 13] = [
                    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                    "track", "wbr",
                ];
                if VOID.contains(&name) {
                    return TokenSinkResult::Continue;
                }
                *open.entry(name.to_string()).or_default() += 1;
                self.depth.set(self.depth.get() + 1);
                self.deepest.set(self.deepest.get().max(self.depth.get()));
                // The states the tree builder would switch the tokenizer to.
                match name {
                    "script" => TokenSinkResult::RawData(RawKind::ScriptData),
                    "style" | "xmp" | "iframe" | "noembed" | "noframes" => {
                        TokenSinkResult::RawData(RawKind::Rawtext)
                    }
                    "textarea" | "title" => TokenSinkResult::RawData(RawKind::Rcdata),
                    "plaintext" => TokenSinkResult::Plaintext,
                    _ => TokenSinkResult::Continue,
                }
            }
        }
    }
}

/// Text (or, with `in_attribute`, an attribute value) as the HTML standard's
/// fragment serialization escapes it.
pub(crate) fn escape(text: &str, in_attribute: bool, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '\u{a0}' => out.push_str("&nbsp;"),
            '"' if in_attribute => out.push_str("&quot;"),
            '<' if !in_attribute => out.push_str("&lt;"),
            '>' if !in_attribute => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}
