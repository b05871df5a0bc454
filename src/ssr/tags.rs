//! The tags of an HTML fragment as html5ever's tokenizer reads them, with
//! their lines: the tokenizer alone, without the tree builder, for what must
//! stay linear in time however the fragment nests (the sanitizer's depth
//! bound) or must know where a tag was written (the publish step's audit of
//! a body, publish/src/check/body.rs).

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{BufferQueue, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts};
use std::cell::RefCell;

pub use html5ever::tokenizer::{Tag, TagKind};

/// Calls `each` with every start and end tag of `html` and the line it is on
/// (1-based). After a start tag the tokenizer reads on as the tree builder
/// would make it, with scripting off as in `DOMParser`: the content of
/// `<script>`, `<style>`, `<textarea>`, `<title>` and the like is text, not
/// tags.
pub fn each_tag(html: &str, each: impl FnMut(&Tag, u64)) {
    let tokenizer = Tokenizer::new(Sink(RefCell::new(each)), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
}

struct Sink<F>(RefCell<F>);

impl<F: FnMut(&Tag, u64)> TokenSink for Sink<F> {
    type Handle = ();

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<()> {
        let Token::TagToken(tag) = token else {
            return TokenSinkResult::Continue;
        };
        (self.0.borrow_mut())(&tag, line);
        if tag.kind == TagKind::EndTag {
            return TokenSinkResult::Continue;
        }
        match &*tag.name {
            "script" => TokenSinkResult::RawData(RawKind::ScriptData),
            "style" | "xmp" | "iframe" | "noembed" | "noframes" => TokenSinkResult::RawData(RawKind::Rawtext),
            "textarea" | "title" => TokenSinkResult::RawData(RawKind::Rcdata),
            "plaintext" => TokenSinkResult::Plaintext,
            _ => TokenSinkResult::Continue,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_with_their_lines_and_no_tags_inside_a_script() {
        let mut seen = Vec::new();
        each_tag("<p>a\n<b>b</b></p>\n<script><i>x</i></script><i>", |tag, line| {
            let kind = if tag.kind == TagKind::StartTag { "" } else { "/" };
            seen.push(format!("{kind}{}@{line}", tag.name));
        });
        assert_eq!(
            seen,
            ["p@1", "b@2", "/b@2", "/p@2", "script@3", "/script@3", "i@3"]
        );
    }
}
