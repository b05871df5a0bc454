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
//!
//! Photos come from an export or a content folder nobody here controls, so
//! they are bounded before any pixel is decoded: at most [`MAX_BYTES`] read,
//! at most [`MAX_PIXELS`] by the header, and all decodes at once within
//! [`MEMORY_BUDGET`], however many cores run them.

pub mod strip;
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

/// The largest photo decoded, by its header: 50 megapixels (a 8,660 × 5,773
/// camera image; phones make 12 to 50). A larger one is an error naming the
/// file, before any pixel is decoded: a 634-byte file can say 65,500 × 65,500.
pub const MAX_PIXELS: u64 = 50_000_000;

/// The tallest (or widest) variant libwebp can encode.
const MAX_WEBP_SIDE: u32 = 16_383;

/// The largest original file read: 64 MiB (a 50-megapixel JPEG is ~25 MB).
pub const MAX_BYTES: u64 = 64 << 20;

/// What the photos being decoded at once may hold together, on every core:
/// a decode reserves three times its decoded size (the image, a turned or
/// scaled copy, the RGB copy encoded) and waits while others hold the rest.
pub const MEMORY_BUDGET: u64 = 1 << 30;

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
    #[error("{0}")]
    TooLarge(String),
    #[error("{0}")]
    Malformed(#[from] strip::StripError),
}

/// Makes the variants of the photo in `original`, or finds them in `cache`
/// (where they are made), by the hash of its bytes.
pub fn variants(original: &Path, cache: &Path) -> Result<Variants, PhotoError> {
    // The photo without its metadata is the key: stripping changes nothing
    // twice, so an original stripped when published keeps its variants.
    let bytes = strip::strip(&read_original(original)?)?;
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

/// `true` when the file at `path` is published only once its metadata is
/// removed: a JPEG, PNG, WebP or GIF by its first bytes, whatever its name
/// says (`.jfif`, `.jpe`), or a file named as one. An error for an image whose
/// metadata cannot be removed (TIFF, AVIF, HEIF).
pub fn needs_strip(path: &Path) -> Result<bool, PhotoError> {
    use std::io::Read;
    let mut head = Vec::with_capacity(16);
    std::fs::File::open(path)?.take(16).read_to_end(&mut head)?;
    if let Some(format) = strip::unstrippable(&head) {
        return Err(strip::StripError::Unsupported(format).into());
    }
    Ok(crate::images::is_raster(path) || strip::is_strippable(&head))
}

/// The bytes of an original photo, if it is no larger than [`MAX_BYTES`].
pub fn read_original(path: &Path) -> Result<Vec<u8>, PhotoError> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    let size = file.metadata()?.len();
    if size > MAX_BYTES {
        return Err(PhotoError::TooLarge(format!(
            "it is {} MB; the limit for a photo is {} MB",
            size / 1_000_000,
            MAX_BYTES / 1_000_000
        )));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(MAX_BYTES).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Decodes, turns upright, resizes and encodes; writes the files into `cache`.
fn encode(bytes: &[u8], hash: &str, cache: &Path) -> Result<Variants, PhotoError> {
    let mut decoder = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()?
        .into_decoder()?;
    // Bounded by the header, before anything is decoded.
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(PhotoError::TooLarge(format!(
            "it is {width} × {height} pixels; the limit is {} megapixels",
            MAX_PIXELS / 1_000_000
        )));
    }
    let _reserved = BUDGET.reserve(decoder.total_bytes().saturating_mul(3));
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(width);
    limits.max_image_height = Some(height);
    limits.max_alloc = Some(MEMORY_BUDGET);
    decoder.set_limits(limits)?;
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
    // WebP holds at most 16,383 px a side: a very tall picture (a long
    // infographic) gets only the widths whose height fits.
    let height_at = |w: u32| (height as f64 * w as f64 / width as f64).round().max(1.0);
    widths.retain(|&w| height_at(w) <= MAX_WEBP_SIDE as f64);
    if widths.is_empty() {
        return Err(PhotoError::TooLarge(format!(
            "it is {width} × {height} pixels: too tall for any variant (WebP holds {MAX_WEBP_SIDE} px a side)"
        )));
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
        // `encode` would panic on an error (and a panic ends the whole step).
        let webp = webp::Encoder::from_rgb(rgb.as_raw(), w, h)
            .encode_simple(false, WEBP_QUALITY)
            .map_err(|_| PhotoError::Webp)?;
        if webp.is_empty() {
            return Err(PhotoError::Webp);
        }
        let mut keep = |media_type: &'static str, ext: &str, bytes: &[u8]| -> Result<(), PhotoError> {
            let name = format!("{hash}-{w}.{ext}");
            write_atomic(&cache.join(&name), bytes)?;
            files.push(Variant {
                media_type,
                width: w,
                height: h,
                name,
            });
            Ok(())
        };
        keep("image/webp", "webp", &webp)?;
        let mut jpeg = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, JPEG_QUALITY).encode_image(&rgb)?;
        keep("image/jpeg", "jpg", &jpeg)?;
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

/// The memory the decodes in progress hold, out of [`MEMORY_BUDGET`].
struct Budget {
    left: std::sync::Mutex<u64>,
    freed: std::sync::Condvar,
}

static BUDGET: Budget = Budget {
    left: std::sync::Mutex::new(MEMORY_BUDGET),
    freed: std::sync::Condvar::new(),
};

/// A share of [`BUDGET`], given back when dropped.
struct Reserved(u64);

impl Budget {
    /// Waits until `bytes` (at most the whole budget) are free, and takes them.
    fn reserve(&'static self, bytes: u64) -> Reserved {
        let bytes = bytes.min(MEMORY_BUDGET);
        let mut left = self.left.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        while *left < bytes {
            left = self
                .freed
                .wait(left)
                .unwrap_or_else(|poisoned| poisoned.into_inner());
        }
        *left -= bytes;
        Reserved(bytes)
    }
}

impl Drop for Reserved {
    fn drop(&mut self) {
        let mut left = BUDGET
            .left
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        *left += self.0;
        BUDGET.freed.notify_all();
    }
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

/// Writes `bytes` whole or not at all: two builds that share a cache never
/// read half a file.
fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    crate::files::write(path, bytes)
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
            // Only the names this step gives: a hash, a width, an extension.
            let plain = name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.'));
            if !plain || name.starts_with('.') {
                return None;
            }
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
    let encoded = crate::on_every_core(originals.iter().collect(), |path| {
        variants(path, cache).is_ok_and(|made| made.encoded)
    });
    encoded.into_iter().filter(|&encoded| encoded).count()
}

/// The cache folder when none is named: `.cache/photos` in the current
/// folder, the publishing machine's own. Never inside the content folder or
/// the export: whoever writes those could plant a "variant" there, and the
/// cache's files are published as they are.
pub const DEFAULT_CACHE: &str = ".cache/photos";
