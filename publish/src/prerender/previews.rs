//! The pictures of link previews and structured data, as raster files every
//! reader of them can show. Facebook, X, Telegram and WhatsApp show no SVG,
//! and Google's article guidelines ask for raster images, ideally in 16:9,
//! 4:3 and 1:1 and at least 1200 px wide; an agency publishes SVG
//! illustrations and charts, and some articles have no photo at all. So, into
//! `DIR/preview/`:
//!
//! - an article's photo: for an SVG, a JPEG of the whole picture 1200 px wide
//!   (the `og:image`; a raster photo's own JPEG variant serves as it is); for
//!   any photo of the tree, the three crops (`image` in JSON-LD), from the
//!   SVG drawn at each size or from the raster photo's widest JPEG variant;
//! - the site's own preview, for a page without a photo: the logo on the
//!   agency's colour (the shell's `theme-color`), 1200 × 630;
//! - the logo as a PNG with its size (the publisher's `logo` in JSON-LD).
//!
//! Files are named by a hash of what they are made from, so an unchanged
//! picture is drawn once, whichever article or language shows it, and a
//! republish finds it made. SVGs are drawn by resvg, text with the system's
//! fonts; an SVG's own `<image>` is drawn only from a `data:` URL, never from
//! a file or the network. Sources are the tree's files only, read with the
//! photos' limits.

use crate::images::{is_svg, svg_danger};
use crate::photos::read_original;
use crate::tree::tree_file;
use image::imageops::FilterType;
use image::{DynamicImage, ImageFormat, RgbImage, RgbaImage};
use resvg::{tiny_skia, usvg};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

/// The folder below `DIR` the pictures are written in.
pub const FOLDER: &str = "preview";

/// The width of a preview (what Facebook and X ask for).
const WIDTH: u32 = 1200;

/// The site's own preview: Open Graph's recommended 1.91:1.
const SITE_SIZE: (u32, u32) = (1200, 630);

/// The logo's longest side, drawn.
const LOGO_SIDE: u32 = 512;

/// JPEG quality of the previews.
const QUALITY: u8 = 82;

/// The crops JSON-LD lists, widest first: (name, width ratio, height ratio).
const CROPS: [(&str, u32, u32); 3] = [("16x9", 16, 9), ("4x3", 4, 3), ("1x1", 1, 1)];

/// The most pixels an SVG is drawn at (about 64 MB of RGBA).
const MAX_DRAWN_PIXELS: f32 = 16_000_000.0;

/// Changes whenever what is drawn changes, so that old files are not reused.
const VERSION: &str = "previews-1";

/// A file written, its path below `DIR` and its size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    pub path: String,
    pub width: u32,
    pub height: u32,
}

/// What a photo gave.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Renditions {
    /// The whole picture as a JPEG, for an SVG.
    pub whole: Option<Picture>,
    /// The crops, widest first.
    pub crops: Vec<Picture>,
}

type Memo<T> = Mutex<HashMap<PathBuf, Arc<OnceLock<Result<T, String>>>>>;

/// The pictures of one run, each made once (the pages are written on every
/// core, and many show the same photo or logo).
pub struct Previews {
    /// `DIR`.
    dir: PathBuf,
    /// The API tree on disk, and the URL its documents were read under.
    api_dir: PathBuf,
    api_url: String,
    /// The agency's colour, `#rrggbb`.
    colour: [u8; 3],
    photos: Memo<Renditions>,
    logos: Memo<(Picture, Picture)>,
    fonts: OnceLock<Arc<usvg::fontdb::Database>>,
    /// Every file this run uses, made or found.
    used: Mutex<Vec<String>>,
    /// The pictures that could not be drawn, and why.
    failed: Mutex<std::collections::BTreeMap<String, String>>,
    made: Mutex<usize>,
}

impl Previews {
    /// For the tree in `api_dir`, read under `api_url`, written below `dir`;
    /// `theme_colour` is the shell's `theme-color` (`#rgb` or `#rrggbb`).
    pub fn new(dir: &Path, api_dir: &Path, api_url: &str, theme_colour: Option<&str>) -> Previews {
        Previews {
            dir: dir.to_path_buf(),
            api_dir: api_dir.to_path_buf(),
            api_url: api_url.to_string(),
            colour: theme_colour.and_then(hex_colour).unwrap_or([0x33, 0x33, 0x33]),
            photos: Mutex::default(),
            logos: Mutex::default(),
            fonts: OnceLock::new(),
            used: Mutex::default(),
            failed: Mutex::default(),
            made: Mutex::default(),
        }
    }

    /// The renditions of the picture at `src` (an absolute URL from a
    /// document; `jpeg`, for a raster photo, its widest JPEG variant):
    /// `None` for a picture outside the tree; `Err` says why it could not be
    /// drawn.
    pub fn photo(&self, src: &str, jpeg: Option<&str>) -> Option<Result<Renditions, String>> {
        let svg = is_svg(src);
        let source = if svg { src } else { jpeg? };
        let (_, path) = tree_file(&self.api_dir, &self.api_url, source).ok()?;
        Some(self.once(&self.photos, &path, || {
            let bytes = read_original(&path).map_err(|error| error.to_string())?;
            let key = hash(&[VERSION.as_bytes(), &bytes]);
            if svg {
                // Drawn at each size, the vector stays sharp and nothing is resampled.
                let tree = self.svg(&bytes)?;
                let size = tree.size();
                let height = (WIDTH as f32 * size.height() / size.width()).round() as u32;
                let whole = self.write(&format!("{key}-whole.jpg"), || cover(&tree, WIDTH, height.max(1)))?;
                let mut crops = Vec::new();
                for (name, across, down) in CROPS {
                    let crop = || cover(&tree, WIDTH, WIDTH * down / across);
                    crops.push(self.write(&format!("{key}-{name}.jpg"), crop)?);
                }
                return Ok(Renditions {
                    whole: Some(whole),
                    crops,
                });
            }
            // Decoded only if a crop is missing, once for all three.
            let mut decoded: Option<DynamicImage> = None;
            let mut crops = Vec::new();
            for (name, across, down) in CROPS {
                let crop = || {
                    let image = match decoded.take() {
                        Some(image) => image,
                        None => decode(&bytes)?,
                    };
                    let (width, height) = crop_size(image.width(), image.height(), across, down);
                    let cropped = image.resize_to_fill(width, height, FilterType::Triangle);
                    decoded = Some(image);
                    Ok(cropped)
                };
                crops.push(self.write(&format!("{key}-{name}.jpg"), crop)?);
            }
            Ok(Renditions { whole: None, crops })
        }))
    }

    /// The logo at `src` as a PNG, and the site's own preview made of it:
    /// `None` outside the tree.
    pub fn logo(&self, src: &str) -> Option<Result<(Picture, Picture), String>> {
        let (_, path) = tree_file(&self.api_dir, &self.api_url, src).ok()?;
        Some(self.once(&self.logos, &path, || {
            let bytes = read_original(&path).map_err(|error| error.to_string())?;
            let colour = self.colour.map(|channel| format!("{channel:02x}")).concat();
            let key = hash(&[VERSION.as_bytes(), colour.as_bytes(), &bytes]);
            let logo = if is_svg(src) {
                let tree = self.svg(&bytes)?;
                let size = tree.size();
                let scale = LOGO_SIDE as f32 / size.width().max(size.height());
                draw(&tree, scale)?
            } else {
                let logo = decode(&bytes)?;
                if logo.width().max(logo.height()) > LOGO_SIDE {
                    logo.resize(LOGO_SIDE, LOGO_SIDE, FilterType::Lanczos3)
                } else {
                    logo
                }
            };
            let png = self.write(&format!("{key}-logo.png"), || Ok(logo.clone()))?;
            let site = self.write(&format!("{key}-site.jpg"), || {
                Ok(site_picture(&logo, self.colour))
            })?;
            Ok((png, site))
        }))
    }

    /// Every file of `FOLDER` this run showed, and how many it drew.
    pub fn files(&self) -> (Vec<String>, usize) {
        let mut used = self.used.lock().unwrap_or_else(PoisonError::into_inner).clone();
        used.sort();
        used.dedup();
        (used, *self.made.lock().unwrap_or_else(PoisonError::into_inner))
    }

    /// What could not be drawn, as the report's notes.
    pub fn failures(&self) -> Vec<String> {
        let failed = self.failed.lock().unwrap_or_else(PoisonError::into_inner);
        failed
            .iter()
            .map(|(path, why)| {
                format!("no preview picture from {path}: {why}; its pages' previews show the site's picture")
            })
            .collect()
    }

    /// The value `make` gives for `key`, made by one thread while the others
    /// wait; a failure is remembered for the report.
    fn once<T: Clone>(
        &self,
        memo: &Memo<T>,
        key: &Path,
        make: impl FnOnce() -> Result<T, String>,
    ) -> Result<T, String> {
        let cell = memo
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .entry(key.to_path_buf())
            .or_default()
            .clone();
        cell.get_or_init(|| {
            make().inspect_err(|why| {
                let below = key
                    .strip_prefix(&self.api_dir)
                    .unwrap_or(key)
                    .display()
                    .to_string();
                self.failed
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .insert(below, why.clone());
            })
        })
        .clone()
    }

    /// `bytes` as an SVG tree, if it is a picture that runs nothing.
    fn svg(&self, bytes: &[u8]) -> Result<usvg::Tree, String> {
        if let Some(danger) = svg_danger(bytes) {
            return Err(format!("not drawn: it holds {danger}"));
        }
        // The system's fonts are read (once) only for a picture with text.
        let has_text = bytes
            .windows(5)
            .any(|window| window.eq_ignore_ascii_case(b"<text"))
            || bytes
                .windows(5)
                .any(|window| window.eq_ignore_ascii_case(b":text"));
        let fonts = if has_text {
            self.fonts
                .get_or_init(|| {
                    let mut fonts = usvg::fontdb::Database::new();
                    fonts.load_system_fonts();
                    Arc::new(fonts)
                })
                .clone()
        } else {
            Arc::default()
        };
        let options = usvg::Options {
            resources_dir: None,
            fontdb: fonts,
            image_href_resolver: usvg::ImageHrefResolver {
                resolve_data: usvg::ImageHrefResolver::default_data_resolver(),
                // Never a file or a URL: only what the SVG holds.
                resolve_string: Box::new(|_, _| None),
            },
            ..usvg::Options::default()
        };
        usvg::Tree::from_data(bytes, &options).map_err(|error| format!("not an SVG resvg can draw: {error}"))
    }

    /// Writes `image` as `name` in `FOLDER` unless it is there already.
    /// The size is read from the file's header when it is there, and
    /// `image` is made (drawn, decoded, cropped) only when it is not.
    fn write(
        &self,
        name: &str,
        image: impl FnOnce() -> Result<DynamicImage, String>,
    ) -> Result<Picture, String> {
        let path = format!("{FOLDER}/{name}");
        let file = self.dir.join(&path);
        self.used
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(path.clone());
        if let Ok(size) = imagesize::size(&file) {
            return Ok(Picture {
                path,
                width: size.width as u32,
                height: size.height as u32,
            });
        }
        let image = image()?;
        let picture = Picture {
            path: path.clone(),
            width: image.width(),
            height: image.height(),
        };
        let mut bytes = Vec::new();
        let written = if name.ends_with(".png") {
            image.write_to(&mut std::io::Cursor::new(&mut bytes), ImageFormat::Png)
        } else {
            let rgb = DynamicImage::ImageRgb8(image.to_rgb8());
            let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, QUALITY);
            rgb.write_with_encoder(encoder)
        };
        written.map_err(|error| format!("cannot encode {name}: {error}"))?;
        crate::files::write(&file, &bytes).map_err(|error| format!("{path}: {error}"))?;
        *self.made.lock().unwrap_or_else(PoisonError::into_inner) += 1;
        Ok(picture)
    }
}

/// The largest crop of exactly `across`:`down` inside `width` × `height`,
/// at most [`WIDTH`] wide.
fn crop_size(width: u32, height: u32, across: u32, down: u32) -> (u32, u32) {
    let unit = (width / across).min(height / down).min(WIDTH / across).max(1);
    (unit * across, unit * down)
}

/// `tree` drawn to cover `width` × `height`, centred (what overflows is cut),
/// on white.
fn cover(tree: &usvg::Tree, width: u32, height: u32) -> Result<DynamicImage, String> {
    let size = tree.size();
    let scale = (width as f32 / size.width()).max(height as f32 / size.height());
    let x = (width as f32 - size.width() * scale) / 2.0;
    let y = (height as f32 - size.height() * scale) / 2.0;
    let mut pixmap = tiny_skia::Pixmap::new(width, height).ok_or("an SVG of no size")?;
    pixmap.fill(tiny_skia::Color::WHITE);
    let transform = tiny_skia::Transform::from_row(scale, 0.0, 0.0, scale, x, y);
    resvg::render(tree, transform, &mut pixmap.as_mut());
    Ok(DynamicImage::ImageRgba8(unpremultiplied(&pixmap)))
}

/// `tree` drawn at `scale` (kept under [`MAX_DRAWN_PIXELS`]), transparent.
fn draw(tree: &usvg::Tree, scale: f32) -> Result<DynamicImage, String> {
    let size = tree.size();
    let fit = (MAX_DRAWN_PIXELS / (size.width() * size.height() * scale * scale))
        .sqrt()
        .min(1.0);
    let scale = scale * fit;
    let width = (size.width() * scale).round().max(1.0) as u32;
    let height = (size.height() * scale).round().max(1.0) as u32;
    let mut pixmap = tiny_skia::Pixmap::new(width, height).ok_or("an SVG of no size")?;
    resvg::render(
        tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    Ok(DynamicImage::ImageRgba8(unpremultiplied(&pixmap)))
}

/// The pixmap's premultiplied RGBA as plain RGBA.
fn unpremultiplied(pixmap: &tiny_skia::Pixmap) -> RgbaImage {
    let mut bytes = pixmap.data().to_vec();
    for pixel in bytes.chunks_exact_mut(4) {
        let alpha = pixel[3] as u32;
        if alpha != 0 && alpha != 255 {
            for channel in &mut pixel[..3] {
                *channel = ((*channel as u32 * 255 + alpha / 2) / alpha).min(255) as u8;
            }
        }
    }
    RgbaImage::from_raw(pixmap.width(), pixmap.height(), bytes).expect("the pixmap's own size")
}

/// A raster picture from the tree, bounded before decoding.
fn decode(bytes: &[u8]) -> Result<DynamicImage, String> {
    let mut reader = image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|error| error.to_string())?;
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(512 << 20);
    limits.max_image_width = Some(20_000);
    limits.max_image_height = Some(20_000);
    reader.limits(limits);
    reader
        .decode()
        .map_err(|error| format!("cannot decode it: {error}"))
}

/// The site's own preview: the logo on a white card, on the agency's colour.
fn site_picture(logo: &DynamicImage, colour: [u8; 3]) -> DynamicImage {
    let (width, height) = SITE_SIZE;
    let mut canvas = RgbImage::from_pixel(width, height, image::Rgb(colour));
    let card = height * 3 / 4;
    let (card_x, card_y) = ((width - card) / 2, (height - card) / 2);
    for y in card_y..card_y + card {
        for x in card_x..card_x + card {
            canvas.put_pixel(x, y, image::Rgb([255, 255, 255]));
        }
    }
    let inner = card * 4 / 5;
    let logo = logo.resize(inner, inner, FilterType::Lanczos3).to_rgba8();
    let (x0, y0) = ((width - logo.width()) / 2, (height - logo.height()) / 2);
    for (x, y, pixel) in logo.enumerate_pixels() {
        let [r, g, b, a] = pixel.0;
        let under = canvas.get_pixel(x0 + x, y0 + y).0;
        let mix =
            |top: u8, bottom: u8| ((top as u32 * a as u32 + bottom as u32 * (255 - a as u32)) / 255) as u8;
        canvas.put_pixel(
            x0 + x,
            y0 + y,
            image::Rgb([mix(r, under[0]), mix(g, under[1]), mix(b, under[2])]),
        );
    }
    DynamicImage::ImageRgb8(canvas)
}

/// `#rgb` or `#rrggbb`.
fn hex_colour(text: &str) -> Option<[u8; 3]> {
    let hex = text.trim().strip_prefix('#')?;
    let digits: Vec<u8> = hex
        .chars()
        .map(|c| c.to_digit(16).map(|digit| digit as u8))
        .collect::<Option<_>>()?;
    match digits[..] {
        [r, g, b] => Some([r * 17, g * 17, b * 17]),
        [r1, r2, g1, g2, b1, b2] => Some([r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2]),
        _ => None,
    }
}

fn hash(parts: &[&[u8]]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    hasher.finalize()[..10]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crops_are_the_largest_that_fit_and_at_most_1200_wide() {
        assert_eq!(crop_size(1200, 800, 16, 9), (1200, 675));
        assert_eq!(crop_size(1200, 800, 4, 3), (1064, 798));
        assert_eq!(crop_size(1600, 1067, 4, 3), (1200, 900));
        assert_eq!(crop_size(1200, 800, 1, 1), (800, 800));
        assert_eq!(crop_size(4000, 3000, 1, 1), (1200, 1200));
        assert_eq!(crop_size(300, 200, 16, 9), (288, 162));
    }

    #[test]
    fn colours() {
        assert_eq!(hex_colour("#1d4f7a"), Some([0x1d, 0x4f, 0x7a]));
        assert_eq!(hex_colour("#fff"), Some([255, 255, 255]));
        assert_eq!(hex_colour("red"), None);
        assert_eq!(hex_colour("#12345"), None);
    }

    fn tree_with(files: &[(&str, &[u8])]) -> (PathBuf, PathBuf) {
        let root = std::env::temp_dir().join(format!(
            "np-previews-{}-{}",
            std::process::id(),
            hash(&[files[0].1])
        ));
        let _ = std::fs::remove_dir_all(&root);
        let api = root.join("api");
        for (name, bytes) in files {
            let path = api.join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, bytes).unwrap();
        }
        (root, api)
    }

    const URL: &str = "https://prerender.invalid/api/";

    #[test]
    fn an_svg_becomes_a_whole_jpeg_and_three_crops_drawn_once() {
        let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400"><rect width="600" height="400" fill="#c00"/><circle cx="300" cy="200" r="100" fill="#fff"/></svg>"##;
        let (dir, api) = tree_with(&[("img/a.svg", svg)]);
        let previews = Previews::new(&dir, &api, URL, Some("#1d4f7a"));
        let made = previews.photo(&format!("{URL}img/a.svg"), None).unwrap().unwrap();
        let whole = made.whole.as_ref().unwrap();
        assert_eq!((whole.width, whole.height), (1200, 800));
        let sizes: Vec<_> = made.crops.iter().map(|crop| (crop.width, crop.height)).collect();
        assert_eq!(sizes, [(1200, 675), (1200, 900), (1200, 1200)]);
        let file = image::open(dir.join(&whole.path)).unwrap();
        assert_eq!(
            (file.width(), file.height()),
            (1200, 800),
            "the size told is the file's"
        );
        let centre = file.to_rgb8().get_pixel(600, 400).0;
        let edge = file.to_rgb8().get_pixel(10, 10).0;
        assert!(
            centre.iter().all(|&c| c > 240) && edge[0] > 180 && edge[1] < 60,
            "{centre:?} {edge:?}"
        );
        // Another article showing it: the same files, not drawn again.
        let again = previews.photo(&format!("{URL}img/a.svg"), None).unwrap().unwrap();
        assert_eq!(again, made);
        assert_eq!(
            previews.files(),
            (
                {
                    let mut paths: Vec<String> =
                        made.crops.iter().chain([whole]).map(|p| p.path.clone()).collect();
                    paths.sort();
                    paths
                },
                4
            )
        );
        // The next run finds them: the same pictures and sizes, nothing drawn.
        let next = Previews::new(&dir, &api, URL, Some("#1d4f7a"));
        assert_eq!(
            next.photo(&format!("{URL}img/a.svg"), None).unwrap().unwrap(),
            made
        );
        assert_eq!(next.files().1, 0);
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn what_a_picture_must_not_do_it_does_not() {
        let outside = br##"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><image width="10" height="10" xlink:href="/etc/hostname"/></svg>"##;
        let script = br##"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>"##;
        let (dir, api) = tree_with(&[("img/outside.svg", outside), ("img/script.svg", script)]);
        let previews = Previews::new(&dir, &api, URL, None);
        // Drawn without the file it names.
        assert!(previews
            .photo(&format!("{URL}img/outside.svg"), None)
            .unwrap()
            .is_ok());
        let refused = previews
            .photo(&format!("{URL}img/script.svg"), None)
            .unwrap()
            .unwrap_err();
        assert!(refused.contains("script"), "{refused}");
        // Outside the tree, or a path that climbs out: nothing is read.
        assert!(previews.photo("https://elsewhere.example/a.svg", None).is_none());
        assert!(previews
            .photo(&format!("{URL}img/%2e%2e/%2e%2e/etc/passwd.svg"), None)
            .is_none());
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn the_site_preview_is_the_logo_on_the_agencys_colour() {
        let logo = br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><circle cx="24" cy="24" r="24" fill="#0a0"/></svg>"##;
        let (dir, api) = tree_with(&[("img/logo.svg", logo)]);
        let previews = Previews::new(&dir, &api, URL, Some("#1d4f7a"));
        let (png, site) = previews.logo(&format!("{URL}img/logo.svg")).unwrap().unwrap();
        assert_eq!((png.width, png.height), (512, 512));
        assert_eq!((site.width, site.height), (1200, 630));
        let picture = image::open(dir.join(&site.path)).unwrap().to_rgb8();
        let corner = picture.get_pixel(5, 5).0;
        assert!(
            corner
                .iter()
                .zip([0x1d, 0x4f, 0x7a])
                .all(|(a, b)| a.abs_diff(b) < 6),
            "{corner:?}"
        );
        let middle = picture.get_pixel(600, 315).0;
        assert!(
            middle[1] > 140 && middle[0] < 40,
            "the logo in the middle: {middle:?}"
        );
        assert!(image::open(dir.join(&png.path)).unwrap().color().has_alpha());
        let _ = std::fs::remove_dir_all(dir);
    }
}
