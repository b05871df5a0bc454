//! Variants for an API tree made elsewhere (a CMS's export): build-api makes
//! them while it writes the documents from content files; a tree it did not
//! write gets them here, in place, before it is checked and prerendered.
//!
//! Every photo (an article's `photo` and `gallery`, a listing item's `photo`)
//! whose `src` is a raster file inside the tree and that lists no `sources`
//! gets them, and its document is written back with every other field as it
//! was, in its order. A photo that already lists `sources` is left alone (the
//! CMS chose them, or an earlier run added them), so a second run changes
//! nothing. Documents that are not JSON are left to check-api to report.

use super::{prepare, Known, VARIANTS_FOLDER};
use crate::files;
use crate::tree::{read_document, tree_file, tree_url, Outside};
use news_portal::core::routes::BasePath;
use news_portal::ssr::resolve;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// What [`add_variants`] did.
#[derive(Debug, Default)]
pub struct TreeReport {
    /// Photos that got `sources` now.
    pub photos: usize,
    /// Of their originals, how many were encoded now (the others came from the cache).
    pub encoded: usize,
    /// Documents written back.
    pub documents: usize,
    /// Photos that cannot be published: (document, `src`, why). Readers
    /// would see a broken photo, or the step would read outside the tree.
    pub problems: Vec<(String, String, String)>,
}

impl TreeReport {
    /// Prints what the run did, as the publish command's output.
    pub fn print(&self, elapsed: f64) {
        for (file, src, why) in &self.problems {
            println!("error: {file}: the photo {src:?}: {why}");
        }
        println!(
            "{} photo(s) got variants ({} encoded now, the rest from the cache), {} document(s) updated, in {elapsed:.2} s",
            self.photos, self.encoded, self.documents
        );
    }
}

/// A document of the tree: its path below the tree, its JSON, and its photos'
/// places in it with the file each `src` names.
struct Document {
    file: String,
    value: Value,
    pretty: bool,
    photos: Vec<(Vec<PlaceStep>, PathBuf)>,
}

/// One step from a document's root to a photo object.
#[derive(Clone)]
enum PlaceStep {
    Key(&'static str),
    Index(usize),
}

/// Adds `sources` to the raster photos of the tree in `api` that have none,
/// making the variants in `cache` (or finding them there) and copying them into
/// the tree's [`VARIANTS_FOLDER`]. `base` is the app's `BASE`, for `src`s that
/// start with `/`. The caller has refused a tree with links or pipes
/// (`files::refused`; publish does when it copies `DIR`).
pub fn add_variants(api: &Path, base: &BasePath, cache: &Path) -> std::io::Result<TreeReport> {
    let root_url = tree_url(base);
    let mut report = TreeReport::default();
    let mut documents = Vec::new();
    for file in json_files(api)? {
        // Too large to read, or not JSON: check-api says so.
        let Some(text) = read_document(api, &file)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
        else {
            continue;
        };
        let Ok(value) = serde_json::from_str::<Value>(&text) else {
            continue;
        };
        let url = format!("{root_url}{file}");
        let mut photos = Vec::new();
        for place in photo_places(&value) {
            let Some(src) = at(&value, &place).and_then(|photo| photo.get("src")?.as_str()) else {
                continue;
            };
            let Some(absolute) = resolve(src.trim(), &url) else {
                continue;
            };
            match tree_file(api, &root_url, &absolute) {
                Ok((_, path)) if crate::images::is_raster(&path) => photos.push((place, path)),
                Ok(_) | Err(Outside::Elsewhere) => {}
                Err(Outside::Escapes(why)) => {
                    let why = format!("its `src` is refused and nothing is read: {why}");
                    report.problems.push((file.clone(), src.to_string(), why));
                }
            }
        }
        if !photos.is_empty() {
            let pretty = text.trim_start().starts_with('{') && text.contains("\n ");
            documents.push(Document {
                file,
                value,
                pretty,
                photos,
            });
        }
    }

    let originals: BTreeSet<PathBuf> = documents
        .iter()
        .flat_map(|document| document.photos.iter().map(|(_, path)| path.clone()))
        .filter(|path| path.is_file())
        .collect();
    report.encoded = prepare(&originals.into_iter().collect::<Vec<_>>(), cache);
    let folder = api.join(VARIANTS_FOLDER);
    let mut known = Known::default();
    for mut document in documents {
        let depth = Path::new(&document.file).components().count() - 1;
        let mut changed = false;
        for (place, path) in std::mem::take(&mut document.photos) {
            let Some(Value::Object(photo)) = at_mut(&mut document.value, &place) else {
                continue;
            };
            let src = photo
                .get("src")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            let made = match known.variants(&path, cache) {
                Ok(made) => made,
                Err(error) => {
                    report.problems.push((document.file.clone(), src, error));
                    continue;
                }
            };
            std::fs::create_dir_all(&folder)?;
            for variant in &made.files {
                let target = folder.join(&variant.name);
                if !target.is_file() {
                    // A copy, not a hard link: a later write into the tree
                    // (a CMS's `cp` over its export) must not reach the cache.
                    files::copy(&cache.join(&variant.name), &target)?;
                }
            }
            let sources = serde_json::to_value(made.sources(depth)).unwrap_or_default();
            photo.insert("sources".into(), sources);
            report.photos += 1;
            changed = true;
        }
        if changed {
            let text = if document.pretty {
                serde_json::to_string_pretty(&document.value)
            } else {
                serde_json::to_string(&document.value)
            }
            .map_err(std::io::Error::other)?;
            files::write(&api.join(&document.file), (text + "\n").as_bytes())?;
            report.documents += 1;
        }
    }
    Ok(report)
}

/// Removes the metadata (EXIF, XMP, IPTC, comments) of every JPEG, PNG, WebP
/// and GIF in the tree at `api` (`strip` says how; found by their first
/// bytes, whatever their names), in place, by [`files::write`]:
/// every file of the tree is published, referenced or not. Returns how many
/// files changed, and the files that cannot be published as they are
/// (too large, cut short, not the format their name says), with why.
pub fn strip_originals(api: &Path) -> std::io::Result<(usize, Vec<(String, String)>)> {
    // Every file but the documents, the variants' folder too (a CMS may have
    // written its own there).
    let mut rasters = Vec::new();
    files::walk(api, |below, _, kind| {
        let path = files::slashed(below);
        // Documents too: a photo's `src` may name a JPEG called `x.json`.
        if kind.is_file() {
            rasters.push(path);
        }
        Ok(kind.is_dir())
    })?;
    rasters.sort();
    let results = crate::on_every_core(rasters, |file| {
        let path = api.join(&file);
        let stripped = super::needs_strip(&path).and_then(|needed| {
            if !needed {
                return Ok(None);
            }
            let bytes = super::read_original(&path)?;
            let stripped = super::strip::strip(&bytes)?;
            Ok((stripped != bytes).then_some(stripped))
        });
        let outcome = match stripped {
            Ok(Some(bytes)) => files::write(&path, &bytes)
                .map(|()| true)
                .map_err(|e| e.to_string()),
            Ok(None) => Ok(false),
            Err(error) => Err(error.to_string()),
        };
        (file, outcome)
    });
    let mut changed = 0;
    let mut problems = Vec::new();
    for (file, outcome) in results {
        match outcome {
            Ok(true) => changed += 1,
            Ok(false) => {}
            Err(why) => problems.push((file, why)),
        }
    }
    Ok((changed, problems))
}

/// The places of the photos in a document that list no `sources`.
fn photo_places(value: &Value) -> Vec<Vec<PlaceStep>> {
    let mut places = vec![vec![PlaceStep::Key("photo")]];
    for (key, inner) in [("gallery", None), ("items", Some("photo"))] {
        let count = value.get(key).and_then(Value::as_array).map_or(0, Vec::len);
        for index in 0..count {
            let mut place = vec![PlaceStep::Key(key), PlaceStep::Index(index)];
            place.extend(inner.map(PlaceStep::Key));
            places.push(place);
        }
    }
    places
        .into_iter()
        .filter(|place| {
            at(value, place).is_some_and(|photo| photo.is_object() && photo.get("sources").is_none())
        })
        .collect()
}

fn at<'a>(value: &'a Value, place: &[PlaceStep]) -> Option<&'a Value> {
    place.iter().try_fold(value, |value, step| match step {
        PlaceStep::Key(key) => value.get(key),
        PlaceStep::Index(index) => value.get(index),
    })
}

fn at_mut<'a>(value: &'a mut Value, place: &[PlaceStep]) -> Option<&'a mut Value> {
    place.iter().try_fold(value, |value, step| match step {
        PlaceStep::Key(key) => value.get_mut(*key),
        PlaceStep::Index(index) => value.get_mut(*index),
    })
}

/// Every `.json` file below `api`, as a `/`-separated path, in a stable order;
/// the variants folder and hidden folders skipped.
fn json_files(api: &Path) -> std::io::Result<Vec<String>> {
    let mut found = Vec::new();
    files::walk(api, |below, entry, kind| {
        let path = files::slashed(below);
        let name = entry.file_name();
        if kind.is_dir() {
            return Ok(!name.to_string_lossy().starts_with('.') && path != VARIANTS_FOLDER);
        }
        if path.ends_with(".json") {
            found.push(path);
        }
        Ok(false)
    })?;
    found.sort();
    Ok(found)
}
