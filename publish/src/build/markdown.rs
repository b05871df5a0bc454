//! An article's Markdown body to the contract's `body_html`: CommonMark with
//! tables (pulldown-cmark), headings moved into the allowlist's h2–h4, and
//! anything the allowlist would change refused with its line, so that what
//! the publisher wrote is what readers see.

use crate::audit::audit;
use news_portal::core::markup::escaped;
use news_portal::core::urls::Resolver;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// A problem in a body, on a line of the Markdown file (1-based, counted from
/// the start of the body).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyError {
    pub line: usize,
    pub message: String,
}

/// The HTML of `markdown`; `resolve` resolves the links of raw HTML for the audit.
pub fn to_html(markdown: &str, resolve: Resolver) -> Result<String, Vec<BodyError>> {
    // Where each line starts, once: counting from the start for every event
    // made a long article take minutes (quadratic).
    let starts: Vec<usize> = markdown.match_indices('\n').map(|(at, _)| at).collect();
    let line_of = |offset: usize| starts.partition_point(|&at| at < offset) + 1;
    let mut errors = Vec::new();
    let mut events = Vec::new();
    for (event, range) in Parser::new_ext(markdown, Options::ENABLE_TABLES).into_offset_iter() {
        let line = line_of(range.start);
        let refuse = |what: &str| BodyError {
            line,
            message: format!(
                "{what} is not in the contract's allowlist: readers would not see it as written"
            ),
        };
        let event = match event {
            // The page's title is its only h1: `#` is a section heading like `##`.
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => Event::Start(Tag::Heading {
                level: heading(level),
                id,
                classes,
                attrs,
            }),
            Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(heading(level))),
            // A Markdown link or image is audited as the HTML it becomes, so
            // that `javascript:` and the like stop here, with their line.
            Event::Start(Tag::Link { ref dest_url, .. }) | Event::Start(Tag::Image { ref dest_url, .. }) => {
                let html = match &event {
                    Event::Start(Tag::Image { .. }) => {
                        format!("<img src=\"{}\" alt=\"x\">", escaped(dest_url))
                    }
                    _ => format!("<a href=\"{}\">x</a>", escaped(dest_url)),
                };
                for change in audit(&html, resolve).changes {
                    errors.push(BodyError {
                        line,
                        message: format!("a link the app would change: {}", change.message),
                    });
                }
                event
            }
            Event::Start(Tag::CodeBlock(_)) => {
                errors.push(refuse("a code block"));
                continue;
            }
            Event::Code(_) => {
                errors.push(refuse("`code`"));
                continue;
            }
            Event::Html(ref html) | Event::InlineHtml(ref html) => {
                // Browsers end a comment at `--!>`, `<!-->` or `<!--->`, and show
                // what follows, which Markdown and editors take as still hidden.
                for ending in ["--!>", "<!-->", "<!--->"] {
                    if let Some(at) = html.find(ending) {
                        errors.push(BodyError {
                            line: line + html[..at].matches('\n').count(),
                            message: format!("a comment ended by `{ending}`: browsers end it there and show the text after it; end it with `-->`"),
                        });
                    }
                }
                for change in audit(html, resolve).changes {
                    errors.push(BodyError {
                        line: line + change.line as usize - 1,
                        message: format!("HTML the app would change: {}", change.message),
                    });
                }
                event
            }
            event => event,
        };
        events.push(event);
    }
    if !errors.is_empty() {
        errors.dedup();
        return Err(errors);
    }
    let mut html = String::with_capacity(markdown.len() * 5 / 4);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    Ok(html.trim_end().to_string())
}

/// The allowlist's headings: h1 and h2 are h2, h5 and h6 are h4.
fn heading(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 | HeadingLevel::H2 => HeadingLevel::H2,
        HeadingLevel::H3 => HeadingLevel::H3,
        _ => HeadingLevel::H4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use news_portal::ssr::resolver;

    fn html(markdown: &str) -> Result<String, Vec<BodyError>> {
        let resolve = resolver("https://x.test/api/en/news/a.json");
        to_html(markdown, &resolve)
    }

    #[test]
    fn markdown_becomes_the_allowlist_html() {
        let out = html("Intro with **bold** and a [link](https://x.test/).\n\n# Section\n\n- one\n- two\n\n> quoted\n\n| a | b |\n|---|---|\n| 1 | 2 |\n").unwrap();
        assert_eq!(
            out,
            "<p>Intro with <strong>bold</strong> and a <a href=\"https://x.test/\">link</a>.</p>\n<h2>Section</h2>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<blockquote>\n<p>quoted</p>\n</blockquote>\n<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody>\n<tr><td>1</td><td>2</td></tr>\n</tbody></table>"
        );
    }

    #[test]
    fn what_the_allowlist_would_change_is_refused_with_its_line() {
        let errors = html("Fine.\n\n<div onclick=\"x()\">Hi</div>\n\n`code`\n\n###### deep\n").unwrap_err();
        let lines: Vec<(usize, &str)> = errors.iter().map(|e| (e.line, e.message.as_str())).collect();
        assert_eq!(
            lines,
            [
                (3, "HTML the app would change: a `<div>` element: not in the allowlist, only its text is kept"),
                (5, "`code` is not in the contract's allowlist: readers would not see it as written"),
            ]
        );
        assert_eq!(html("###### deep").unwrap(), "<h4>deep</h4>");
    }
}
