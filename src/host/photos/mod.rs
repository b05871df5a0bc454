//! Photo variants made at publish time: for every raster photo, a few widths
//! (never wider than the original) as WebP and as JPEG, upright (the EXIF
//! orientation applied) and without metadata (re-encoded pixels only: no GPS,
//! no camera EXIF). The browser picks one by the layout's `sizes`
//! (`core::photo_sizes`), so a phone downloads a ~700 px WebP, not a 3000 px
//! original.
//!
//! Work is cached by the photo's content: variants are named by a hash of the
//! original's bytes (and of the settings below, so that changing a width or a
//! quality makes new files) and kept in a cache folder, so an unchanged photo
//! is never encoded twice, whatever its name or however often the site is
//! published.

pub mod tree;

use image::{DynamicImage, ImageDecoder, ImageReader};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::io::Cursor;
use std::path::{Path, PathBuf};

/// The widths made, where the original is at least as wide: steps of about
/// √2 from a small phone's column, so that the variant a screen picks is
/// rarely much wider than it needs (680 fits a phone's 380 px column at 1.75×
/// and 2×, where 768 was 25% too many pixels), plus a link preview's 1200 px
/// (what Facebook and X ask for) and a wide screen's 1600 px at 2×.
pub const WIDTHS: [u32; 5] = [480, 680, 960, 1200, 1600];

/// WebP quality (libwebp's 0–100): libwebp's own default is 75; a little
/// lower, as photos on a phone's screen forgive it.
const WEBP_QUALITY: f32 = 72.0;

/// JPEG quality (the fallback for browsers without WebP, and link previews).
const JPEG_QUALITY: u8 = 80;

/// The folder variants are written into, below the API tree, and the cache's.
pub const VARIANTS_FOLDER: &str = "img/v";

/// A variant as the contract's `Photo::sources` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceOut {
    #[serde(rename = "type")]
    pub media_type: String,
    pub width: u32,
    pub src: String,
}

/// One file made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    /// `image/webp` or `image/jpeg`.
    pub media_type: &'static str,
    pub width: u32,
    pub height: u32,
    /// The file name, inside [`VARIANTS_FOLDER`].
    pub name: String,
}

/// The variants of one photo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variants {
    /// The upright original's size.
    pub width: u32,
    pub height: u32,
    pub files: Vec<Variant>,
    /// `false` when every file came from the cache.
    pub encoded: bool,
}

impl Variants {
    /// The contract's `sources`, with `src` relative to a document in `depth`
    /// folders below the API root (`en/news/x.json` is 2).
    pub fn sources(&self, depth: usize) -> Vec<SourceOut> {
        let up = "../".repeat(depth);
        self.files
            .iter()
            .map(|variant| SourceOut {
                media_type: variant.media_type.to_string(),
                width: variant.width,
                src: format!("{up}{VARIANTS_FOLDER}/{}", variant.name),
            })
            .collect()
    }

    /// The JPEG a link preview shows: the one closest to 1200 px wide.
    pub fn preview(&self) -> Option<&Variant> {
        self.files
            .iter()
            .filter(|variant| variant.media_type == "image/jpeg")
            .min_by_key(|variant| variant.width.abs_diff(1200))
    }
}

/// Why a photo got no variants.
#[derive(Debug, thiserror::Error)]
pub enum PhotoError {
    #[error("cannot read it: {0}")]
    Read(#[from] std::io::Error),
    #[error("cannot decode it: {0}")]
    Decode(#[from] image::ImageError),
    #[error("cannot encode it as WebP")]
    Webp,
}

/// `true` for the files this step makes variants of (SVG scales by itself).
pub fn is_raster(path: &Path) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| matches!(ext.to_ascii_lowercase().as_str(), "jpg" | "jpeg" | "png" | "webp"))
}

/// Makes the variants of the photo in `original`, or finds them in `cache`
/// (where they are made), by the hash of its bytes.
pub fn variants(original: &Path, cache: &Path) -> Result<Variants, PhotoError> {
    let bytes = std::fs::read(original)?;
    // The settings are part of the key: new widths or qualities make new files.
    let settings = format!("{WIDTHS:?} webp {WEBP_QUALITY} jpeg {JPEG_QUALITY}");
    let hash = hex(&Sha256::new()
        .chain_update(&bytes)
        .chain_update(settings)
        .finalize()[..10]);
    let manifest = cache.join(format!("{hash}.txt"));
    if let Some(found) = read_manifest(&manifest) {
        if found.files.iter().all(|v| cache.join(&v.name).is_file()) {
            return Ok(found);
        }
    }
    let made = encode(&bytes, &hash, cache)?;
    write_manifest(&manifest, &made)?;
    Ok(made)
}

/// [`variants`] at most once per file in a run: a photo that many documents
/// show (every translation's article and listing) is read and hashed once.
#[derive(Default)]
pub struct Known(std::collections::HashMap<PathBuf, Result<Variants, String>>);

impl Known {
    pub fn variants(&mut self, original: &Path, cache: &Path) -> Result<Variants, String> {
        self.0
            .entry(original.to_path_buf())
            .or_insert_with(|| variants(original, cache).map_err(|error| error.to_string()))
            .clone()
    }
}

/// Decodes, turns upright, resizes and encodes; writes the files into `cache`.
fn encode(bytes: &[u8], hash: &str, cache: &Path) -> Result<Variants, PhotoError> {
    let mut decoder = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()?
        .into_decoder()?;
    let orientation = decoder.orientation()?;
    let mut image = DynamicImage::from_decoder(decoder)?;
    image.apply_orientation(orientation);
    let (width, height) = (image.width(), image.height());
    std::fs::create_dir_all(cache)?;
    let mut widths: Vec<u32> = WIDTHS.iter().copied().filter(|&w| w < width).collect();
    // The widths below the original's, and the original's own: never wider.
    if widths.len() < WIDTHS.len() {
        widths.push(width);
    }
    let mut files = Vec::new();
    // Widest first, each made from the one before: smaller steps, far less work
    // than scaling the camera original every time.
    widths.sort_unstable_by(|a, b| b.cmp(a));
    let mut previous = image;
    for target in widths {
        let scaled = if target == previous.width() {
            previous.clone()
        } else {
            let target_height = ((height as f64) * (target as f64) / (width as f64))
                .round()
                .max(1.0) as u32;
            previous.resize_exact(target, target_height, image::imageops::FilterType::CatmullRom)
        };
        let rgb = scaled.to_rgb8();
        let (w, h) = (rgb.width(), rgb.height());
        let webp = webp::Encoder::from_rgb(rgb.as_raw(), w, h).encode(WEBP_QUALITY);
        if webp.is_empty() {
            return Err(PhotoError::Webp);
        }
        let name = format!("{hash}-{w}.webp");
        write_atomic(&cache.join(&name), &webp)?;
        files.push(Variant {
            media_type: "image/webp",
            width: w,
            height: h,
            name,
        });
        let mut jpeg = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, JPEG_QUALITY).encode_image(&rgb)?;
        let name = format!("{hash}-{w}.jpg");
        write_atomic(&cache.join(&name), &jpeg)?;
        files.push(Variant {
            media_type: "image/jpeg",
            width: w,
            height: h,
            name,
        });
        previous = scaled;
    }
    files.sort_by_key(|variant| (variant.width, variant.media_type));
    Ok(Variants {
        width,
        height,
        files,
        encoded: true,
    })
}

/// The cache's record of a photo's variants: one line per file,
/// `type width height name`, after a first line `width height`.
fn write_manifest(path: &Path, variants: &Variants) -> std::io::Result<()> {
    let mut text = format!("{} {}\n", variants.width, variants.height);
    for v in &variants.files {
        text.push_str(&format!("{} {} {} {}\n", v.media_type, v.width, v.height, v.name));
    }
    write_atomic(path, text.as_bytes())
}

/// Writes `bytes` whole or not at all (beside, then renamed): two builds that
/// share a cache never read half a file.
fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let partial = path.with_extension(format!("partial-{}", std::process::id()));
    std::fs::write(&partial, bytes)?;
    std::fs::rename(partial, path)
}

fn read_manifest(path: &Path) -> Option<Variants> {
    let text = std::fs::read_to_string(path).ok()?;
    let mut lines = text.lines();
    let mut size = lines.next()?.split(' ').map(str::parse::<u32>);
    let (width, height) = (size.next()?.ok()?, size.next()?.ok()?);
    let files = lines
        .map(|line| {
            let parts: Vec<&str> = line.split(' ').collect();
            let [media_type, w, h, name] = parts.as_slice() else {
                return None;
            };
            let media_type = match *media_type {
                "image/webp" => "image/webp",
                "image/jpeg" => "image/jpeg",
                _ => return None,
            };
            Some(Variant {
                media_type,
                width: w.parse().ok()?,
                height: h.parse().ok()?,
                name: name.to_string(),
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Variants {
        width,
        height,
        files,
        encoded: false,
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Makes the variants of every photo in `originals`, on every core, so that
/// the calls of [`variants`] that follow find them in `cache` (and report a
/// photo that fails where it is used). Returns how many were encoded now.
pub fn prepare(originals: &[PathBuf], cache: &Path) -> usize {
    let encoded = crate::host::on_every_core(originals.iter().collect(), |path| {
        variants(path, cache).is_ok_and(|made| made.encoded)
    });
    encoded.into_iter().filter(|&encoded| encoded).count()
}

/// The default cache folder for a content folder or API tree at `dir`.
pub fn default_cache(dir: &Path) -> PathBuf {
    dir.join(".cache").join("photos")
}
