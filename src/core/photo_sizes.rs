//! How wide each place that shows a photo is, for the browser to pick a
//! variant (`Photo::sources`) before it lays the page out: the `sizes` of
//! `<img>`/`<source>`, written from style/main.css's layout (its container of
//! at most 72rem with 1rem, from 40rem 2rem, padding; the listing's 1, 2 and 3
//! columns; the article's 46rem column; the gallery's 2 columns). Change them
//! together.

use super::model::{Photo, Source};

/// A card of the listing.
pub const CARD: &str = "(min-width: 72rem) 22rem, (min-width: 64rem) calc((100vw - 7rem) / 3), \
                        (min-width: 40rem) calc((100vw - 5.5rem) / 2), calc(100vw - 2rem)";

/// The photo at the top of an article.
pub const ARTICLE: &str =
    "(min-width: 50rem) 46rem, (min-width: 40rem) calc(100vw - 4rem), calc(100vw - 2rem)";

/// A photo of an article's gallery.
pub const GALLERY: &str = "(min-width: 50rem) 22.25rem, (min-width: 40rem) calc((100vw - 5.5rem) / 2), \
                           calc(100vw - 2rem)";

/// The `<source>`s of a photo's `<picture>`: each type with its `srcset`
/// (its widths in the publisher's order), the most modern first (AVIF, WebP,
/// then JPEG and the rest), so that the browser takes the first it can show.
/// The URLs are resolved ones, which have no spaces to split a candidate.
pub fn picture_sources(sources: &[Source]) -> Vec<(String, String)> {
    let rank = |media_type: &str| match media_type {
        "image/avif" => 0,
        "image/webp" => 1,
        _ => 2,
    };
    let mut out: Vec<(String, String)> = Vec::new();
    for wanted in 0..3 {
        for source in sources.iter().filter(|source| rank(&source.media_type) == wanted) {
            let candidate = format!("{} {}w", source.src, source.width);
            match out
                .iter_mut()
                .find(|(media_type, _)| *media_type == source.media_type)
            {
                Some((_, srcset)) => {
                    srcset.push_str(", ");
                    srcset.push_str(&candidate);
                }
                None => out.push((source.media_type.clone(), candidate)),
            }
        }
    }
    out
}

/// The image a link preview shows for `photo`, with its size when known: the
/// JPEG variant closest to 1200 px wide (what Facebook, X and Telegram ask
/// for, and a format they all read), else the photo itself.
pub fn preview(photo: &Photo) -> (&str, Option<(u32, u32)>) {
    let jpeg = photo
        .sources
        .iter()
        .filter(|source| source.media_type == "image/jpeg")
        .min_by_key(|source| source.width.abs_diff(1200));
    let size = photo.width.zip(photo.height).filter(|(w, h)| *w > 0 && *h > 0);
    match jpeg {
        Some(source) => {
            let height = size.map(|(w, h)| ((h as f64) * (source.width as f64) / (w as f64)).round() as u32);
            (source.src.as_str(), height.map(|height| (source.width, height)))
        }
        None => (photo.src.as_str(), size),
    }
}

/// The small image a search result shows for `photo`: its narrowest WebP
/// variant, else its narrowest variant of any type, else the photo itself.
pub fn thumbnail(photo: &Photo) -> &str {
    let narrowest = |webp: bool| {
        photo
            .sources
            .iter()
            .filter(|source| !webp || source.media_type == "image/webp")
            .min_by_key(|source| source.width)
    };
    narrowest(true)
        .or_else(|| narrowest(false))
        .map_or(photo.src.as_str(), |source| source.src.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(media_type: &str, width: u32) -> Source {
        Source {
            media_type: media_type.into(),
            width,
            src: format!("https://x.test/img/v/a-{width}.{}", &media_type[6..]),
        }
    }

    #[test]
    fn modern_types_first_each_with_its_widths() {
        let sources = [
            source("image/jpeg", 480),
            source("image/webp", 480),
            source("image/jpeg", 768),
            source("image/webp", 768),
            source("image/avif", 480),
        ];
        let set = |media_type: &str, ext: &str, widths: &[u32]| {
            let candidates: Vec<String> = widths
                .iter()
                .map(|w| format!("https://x.test/img/v/a-{w}.{ext} {w}w"))
                .collect();
            (media_type.to_string(), candidates.join(", "))
        };
        assert_eq!(
            picture_sources(&sources),
            [
                set("image/avif", "avif", &[480]),
                set("image/webp", "webp", &[480, 768]),
                set("image/jpeg", "jpeg", &[480, 768]),
            ]
        );
        assert_eq!(picture_sources(&[]), vec![]);
    }

    #[test]
    fn the_preview_is_the_jpeg_nearest_1200_px() {
        let mut photo = Photo {
            src: "https://x.test/a.png".into(),
            width: Some(3000),
            height: Some(2000),
            sources: vec![
                source("image/webp", 1200),
                source("image/jpeg", 768),
                source("image/jpeg", 1600),
            ],
            ..Photo::default()
        };
        assert_eq!(
            preview(&photo),
            ("https://x.test/img/v/a-1600.jpeg", Some((1600, 1067)))
        );
        photo.sources.clear();
        assert_eq!(preview(&photo), ("https://x.test/a.png", Some((3000, 2000))));
    }

    #[test]
    fn the_thumbnail_is_the_narrowest_variant() {
        let mut photo = Photo {
            src: "https://x.test/a.jpg".into(),
            sources: vec![
                source("image/jpeg", 480),
                source("image/webp", 768),
                source("image/webp", 480),
            ],
            ..Photo::default()
        };
        assert_eq!(thumbnail(&photo), "https://x.test/img/v/a-480.webp");
        photo.sources.retain(|source| source.media_type == "image/jpeg");
        assert_eq!(thumbnail(&photo), "https://x.test/img/v/a-480.jpeg");
        photo.sources.clear();
        assert_eq!(thumbnail(&photo), "https://x.test/a.jpg");
    }
}
