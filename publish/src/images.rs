//! The real size of an image file, for checking and writing a photo's
//! `width`/`height`, as a browser shows it: JPEG, PNG and WebP from their
//! headers turned by their EXIF orientation (the `image` crate's decoders read
//! only the headers for this), other raster formats from their headers
//! (`imagesize`), SVG from its root element's `width`/`height`, else its
//! `viewBox`.

use std::path::Path;

/// Width and height in pixels (CSS pixels for SVG).
pub type Size = (u32, u32);

/// Why a size could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SizeError {
    #[error("cannot read it: {0}")]
    Read(String),
    #[error("it is not an image this step can measure (JPEG, PNG, WebP, AVIF, GIF or SVG)")]
    Unknown,
}

/// The size of the image in `path`.
pub fn image_size(path: &Path) -> Result<Size, SizeError> {
    let is_svg = path
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("svg"));
    if is_svg {
        let text = std::fs::read_to_string(path).map_err(|error| SizeError::Read(error.to_string()))?;
        return svg_size(&text).ok_or(SizeError::Unknown);
    }
    if crate::images::is_raster(path) {
        return upright_size(path);
    }
    match imagesize::size(path) {
        Ok(size) => Ok((size.width as u32, size.height as u32)),
        Err(imagesize::ImageError::IoError(error)) => Err(SizeError::Read(error.to_string())),
        Err(_) => Err(SizeError::Unknown),
    }
}

/// A JPEG's, PNG's or WebP's size as it is shown: turned by its EXIF
/// orientation, as browsers turn it (a phone's portrait photo is stored
/// landscape with "rotate 90°"). Only the headers are read.
fn upright_size(path: &Path) -> Result<Size, SizeError> {
    use image::ImageDecoder;
    let reader = image::ImageReader::open(path)
        .map_err(|error| SizeError::Read(error.to_string()))?
        .with_guessed_format()
        .map_err(|error| SizeError::Read(error.to_string()))?;
    let mut decoder = reader.into_decoder().map_err(|_| SizeError::Unknown)?;
    let (width, height) = decoder.dimensions();
    let turned = decoder.orientation().is_ok_and(|orientation| {
        use image::metadata::Orientation::*;
        matches!(orientation, Rotate90 | Rotate270 | Rotate90FlipH | Rotate270FlipH)
    });
    Ok(if turned { (height, width) } else { (width, height) })
}

/// The size an SVG document declares on its root element.
pub fn svg_size(text: &str) -> Option<Size> {
    let start = text.find("<svg")?;
    let end = start + text[start..].find('>')?;
    let tag = &text[start..end];
    let attribute = |name: &str| -> Option<&str> {
        let mut rest = tag;
        loop {
            let at = rest.find(name)?;
            let before = rest[..at].chars().last();
            let after = &rest[at + name.len()..];
            if before.is_some_and(char::is_whitespace) && after.trim_start().starts_with('=') {
                let value = after.trim_start()[1..].trim_start();
                let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
                return value[1..].split(quote).next();
            }
            rest = after;
        }
    };
    let pixels = |value: &str| -> Option<u32> {
        let number = value.trim().strip_suffix("px").unwrap_or(value.trim());
        let number: f64 = number.parse().ok()?;
        (number > 0.0 && number < 100_000.0).then(|| number.round() as u32)
    };
    if let (Some(width), Some(height)) = (
        attribute("width").and_then(pixels),
        attribute("height").and_then(pixels),
    ) {
        return Some((width, height));
    }
    let view_box: Vec<&str> = attribute("viewBox")?
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|part| !part.is_empty())
        .collect();
    match view_box.as_slice() {
        [_, _, width, height] => Some((pixels(width)?, pixels(height)?)),
        _ => None,
    }
}

/// What in an SVG file would run when it is opened at its own address (a
/// link, a crawler, an attacker's message): the site's origin would run it,
/// with the portal's cookies. `<img>` never runs an SVG's scripts; a browser
/// tab does. `None` for a picture that is only a picture. Read as a browser
/// would: character references decoded, any namespace prefix, any case,
/// whitespace inside a `javascript:` address ignored; a file that is not
/// UTF-8 (UTF-16 is an SVG a browser reads) is not a picture this can vouch for.
pub fn svg_danger(bytes: &[u8]) -> Option<&'static str> {
    let Ok(text) = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)) else {
        return Some("text that is not UTF-8 (a UTF-16 SVG cannot be checked)");
    };
    let lower = character_references(text).to_lowercase();
    const ACTIVE: [&str; 7] = [
        "script",
        "foreignobject",
        "iframe",
        "embed",
        "object",
        "handler",
        "listener",
    ];
    let active_tag = lower.split('<').skip(1).any(|tag| {
        let name = tag
            .trim_start_matches('/')
            .split(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .next()
            .unwrap_or_default();
        ACTIVE.contains(&name.rsplit(':').next().unwrap_or_default())
    });
    let has_handler = lower.match_indices("on").any(|(at, _)| {
        let before = lower[..at].chars().last();
        let name_end = lower[at..]
            .find(|c: char| !c.is_ascii_alphabetic())
            .map_or(lower.len(), |end| at + end);
        before.is_some_and(|c| c.is_whitespace() || c == '/' || c == '"' || c == '\'' || c == ':')
            && name_end > at + 2
            && lower[name_end..].trim_start().starts_with('=')
    });
    let compact: String = lower
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    if lower.contains("<?xml-stylesheet") {
        return Some("an `<?xml-stylesheet?>` instruction (XSLT can write a page with scripts)");
    }
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
    {
        return Some("control characters (an ISO-2022 escape hides a `<script>` from this check)");
    }
    let declared = lower
        .split_once("encoding=")
        .filter(|(before, _)| before.trim_start().starts_with("<?xml") && !before.contains("?>"))
        .map(|(_, after)| after.trim_start_matches(['"', '\'']));
    if declared.is_some_and(|encoding| !encoding.starts_with("utf-8") && !encoding.starts_with("us-ascii")) {
        return Some("an encoding other than UTF-8 (a browser would read other characters than this check)");
    }
    if lower.contains("http://www.w3.org/1999/xhtml") || lower.contains("http-equiv") {
        return Some("HTML (the XHTML namespace, or a `<meta http-equiv>`)");
    }
    if active_tag {
        Some("a `<script>`, `<foreignObject>`, `<iframe>`, `<embed>` or `<object>`")
    } else if has_handler {
        Some("an `on…` event attribute")
    } else if compact.contains("javascript:") || compact.contains("vbscript:") {
        Some("a `javascript:` address")
    } else if lower.contains("<!entity") {
        Some("an `<!ENTITY>` declaration")
    } else {
        None
    }
}

/// `text` with its numeric character references (`&#106;`, `&#x6A;`) as the
/// characters they stand for.
fn character_references(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("&#") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let (digits, radix) = match after.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16),
            None => (after, 10),
        };
        let end = digits.find(|c: char| !c.is_digit(radix)).unwrap_or(digits.len());
        let value = u32::from_str_radix(&digits[..end], radix)
            .ok()
            .and_then(char::from_u32);
        match value {
            Some(c) => {
                out.push(c);
                let tail = &digits[end..];
                rest = tail.strip_prefix(';').unwrap_or(tail);
            }
            None => {
                out.push_str("&#");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Whether the URL or path `src` names an SVG, by its extension.
pub fn is_svg(src: &str) -> bool {
    let path = src.split(['?', '#']).next().unwrap_or_default();
    path.to_ascii_lowercase().ends_with(".svg")
}

/// `true` for the raster photos the publish step strips and makes variants
/// of (an SVG scales by itself).
pub fn is_raster(path: &Path) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| matches!(ext.to_ascii_lowercase().as_str(), "jpg" | "jpeg" | "png" | "webp"))
}

/// Why the file at `path` must not be published on the site's origin, if it
/// must not: a page browsers would run as the site (HTML, XHTML, compressed
/// SVG, XSLT, XML: refused whatever they hold), or an SVG holding what
/// would run (`images::svg_danger`). An article's photo in `<img>` is inert;
/// the same file opened at its own address is not.
pub fn active_file(path: &Path) -> Option<String> {
    const PAGES: [&str; 11] = [
        "html", "htm", "xhtml", "xht", "shtml", "mht", "mhtml", "svgz", "xsl", "xslt", "xml",
    ];
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    if PAGES.contains(&ext.as_str()) {
        return Some(format!(
            "a .{ext} file: browsers would run it as a page of the site"
        ));
    }
    if ext != "svg" {
        return None;
    }
    let bytes = std::fs::read(path).ok()?;
    svg_danger(&bytes)
        .map(|danger| format!("it holds {danger}: opened at its own address, it would run as the site"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svgs_that_would_run_code_are_named() {
        let svg = |inner: &str| {
            format!(r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">{inner}</svg>"#)
        };
        for (inner, what) in [
            ("<script>alert(document.cookie)</script>", "<script>"),
            ("<SCRIPT href='x.js'/>", "<script>"),
            (
                "<s:script xmlns:s='http://www.w3.org/2000/svg'>x</s:script>",
                "<script>",
            ),
            (r#"<rect onload="alert(1)"/>"#, "on…"),
            (r#"<rect width="1"   ONCLICK = 'x'/>"#, "on…"),
            (
                r#"<a href="javascript:alert(1)"><text>x</text></a>"#,
                "javascript:",
            ),
            (r#"<a href="&#106;ava&#x73;cript:alert(1)">x</a>"#, "javascript:"),
            ("<a href='java\tscript:x'>x</a>", "javascript:"),
            (
                "<foreignObject><iframe src='x'></iframe></foreignObject>",
                "foreignObject",
            ),
        ] {
            let found = svg_danger(svg(inner).as_bytes());
            assert!(found.is_some_and(|f| f.contains(what)), "{inner}: {found:?}");
        }
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(
                svg("<script>x</script>")
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes),
            )
            .collect();
        assert!(svg_danger(&utf16).is_some_and(|f| f.contains("UTF-8")));
        for (whole, what) in [
            (
                "<?xml version='1.0'?><?xml-stylesheet type=\"text/xsl\" href=\"t.xml\"?><svg/>",
                "xml-stylesheet",
            ),
            (
                "<?xml version=\"1.0\" encoding=\"ISO-2022-JP\"?><svg><scr\u{1b}(Bipt/></svg>",
                "control characters",
            ),
            ("<?xml version='1.0' encoding='ISO-8859-1'?><svg/>", "encoding"),
            (
                "<svg><h:meta xmlns:h='http://www.w3.org/1999/xhtml' http-equiv='refresh'/></svg>",
                "HTML",
            ),
        ] {
            let found = svg_danger(whole.as_bytes());
            assert!(found.is_some_and(|f| f.contains(what)), "{whole}: {found:?}");
        }
        assert_eq!(
            svg_danger(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><svg/>"),
            None
        );
        for inner in [
            r##"<rect width="5" height="5" fill="#036"/><text font-family="sans-serif">Onlayn xidmətlər &#169; 2024</text>"##,
            r#"<path d="M0 0" stroke="none"/><g id="one-two"/><desc>Scripted? No: a description</desc>"#,
        ] {
            assert_eq!(svg_danger(svg(inner).as_bytes()), None, "{inner}");
        }
    }

    #[test]
    fn svg_sizes_from_attributes_or_view_box() {
        let svg = r#"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1200 800" width="600" height="400px">"#;
        assert_eq!(svg_size(svg), Some((600, 400)));
        assert_eq!(
            svg_size(r#"<svg viewBox="0 0 1200 800"><rect width="5"/></svg>"#),
            Some((1200, 800))
        );
        assert_eq!(
            svg_size(r#"<svg width="100%" height="100%" viewBox="0,0,64,32">"#),
            Some((64, 32))
        );
        assert_eq!(svg_size("<svg>"), None);
        assert_eq!(svg_size("not svg"), None);
    }

    #[test]
    fn raster_sizes_from_headers() {
        let path = std::env::temp_dir().join(format!("news-portal-size-{}.png", std::process::id()));
        image::RgbImage::new(3, 2).save(&path).unwrap();
        assert_eq!(image_size(&path), Ok((3, 2)));
        std::fs::write(&path, b"not an image at all").unwrap();
        assert_eq!(image_size(&path), Err(SizeError::Unknown));
        std::fs::remove_file(&path).unwrap();
        assert!(matches!(image_size(&path), Err(SizeError::Read(_))));
    }
}
