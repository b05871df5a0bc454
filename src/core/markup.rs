//! Writing text into HTML and XML, and what both sides need to know of HTML's
//! syntax: one escaper for the host's serializer (`ssr::sanitize`), the
//! prerendered pages' head, the sitemap and the feeds (publish/), and the one
//! list of void elements.

/// Where escaped text goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Escape {
    /// An element's text, as the HTML standard's fragment serialization (and
    /// so `innerHTML`) writes it: `&`, no-break space, `<` and `>`.
    Text,
    /// An attribute value in double quotes, as that serialization writes it:
    /// `&`, no-break space and `"`.
    Attribute,
    /// Anywhere in HTML or XML, written by hand: `&`, `<`, `>`, `"` and `'`,
    /// so that no reader, however naive, sees markup in it.
    Anywhere,
}

/// Appends `text` to `out`, escaped for `to`.
pub fn escape_into(out: &mut String, text: &str, to: Escape) {
    for c in text.chars() {
        match (c, to) {
            ('&', _) => out.push_str("&amp;"),
            ('\u{a0}', Escape::Text | Escape::Attribute) => out.push_str("&nbsp;"),
            ('"', Escape::Attribute | Escape::Anywhere) => out.push_str("&quot;"),
            ('<', Escape::Text | Escape::Anywhere) => out.push_str("&lt;"),
            ('>', Escape::Text | Escape::Anywhere) => out.push_str("&gt;"),
            ('\'', Escape::Anywhere) => out.push_str("&#39;"),
            (c, _) => out.push(c),
        }
    }
}

/// `text` escaped to go anywhere in HTML or XML ([`Escape::Anywhere`]).
pub fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text, Escape::Anywhere);
    out
}

/// The elements that have no end tag and no content.
pub const VOID_ELEMENTS: [&str; 13] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn escape(text: &str, to: Escape) -> String {
        let mut out = String::new();
        escape_into(&mut out, text, to);
        out
    }

    #[test]
    fn each_place_escapes_what_would_end_it() {
        let text = "a & b < c > \"d\" 'e'\u{a0}";
        assert_eq!(
            escape(text, Escape::Text),
            "a &amp; b &lt; c &gt; \"d\" 'e'&nbsp;"
        );
        assert_eq!(
            escape(text, Escape::Attribute),
            "a &amp; b < c > &quot;d&quot; 'e'&nbsp;"
        );
        assert_eq!(
            escaped(text),
            "a &amp; b &lt; c &gt; &quot;d&quot; &#39;e&#39;\u{a0}"
        );
    }
}
