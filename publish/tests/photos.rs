//! Photo variants (publish/src/photos/): no wider than the original, upright,
//! without the camera's metadata (GPS), and never encoded twice; a CMS's tree
//! gets the same variants as content files do.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{camera_jpeg, Temp};
use news_publish::photos::{variants, WIDTHS};
use std::path::Path;

#[test]
fn variants_are_upright_no_wider_than_the_original_and_without_metadata() {
    let dir = Temp::new("photos-camera");
    let original = dir.0.join("camera.jpg");
    // Stored 1000 × 600, shown upright as 600 × 1000.
    camera_jpeg(&original, 1000, 600);
    assert!(
        std::fs::read(&original)
            .unwrap()
            .windows(6)
            .any(|w| w == b"SECRET"),
        "the test photo has its metadata"
    );
    let made = variants(&original, &dir.0.join("cache")).unwrap();
    assert_eq!(
        (made.width, made.height),
        (600, 1000),
        "the EXIF orientation is applied"
    );
    assert!(made.encoded);
    let widths: Vec<u32> = made
        .files
        .iter()
        .filter(|v| v.media_type == "image/webp")
        .map(|v| v.width)
        .collect();
    assert_eq!(widths, [480, 600], "the widths below the original's, and its own");
    for variant in &made.files {
        assert!(variant.width <= 600, "{variant:?} is wider than the original");
        assert_eq!(
            variant.height,
            (variant.width as f64 * 1000.0 / 600.0).round() as u32,
            "{variant:?}"
        );
        let bytes = std::fs::read(dir.0.join("cache").join(&variant.name)).unwrap();
        assert!(
            !bytes.windows(6).any(|w| w == b"SECRET"),
            "{} keeps the camera's metadata",
            variant.name
        );
        assert!(
            !bytes.windows(4).any(|w| w == b"Exif"),
            "{} has an EXIF block",
            variant.name
        );
        let decoded = image::load_from_memory(&bytes).unwrap();
        assert_eq!(
            (decoded.width(), decoded.height()),
            (variant.width, variant.height),
            "{}",
            variant.name
        );
    }
    let jpeg = made.files.iter().filter(|v| v.media_type == "image/jpeg").count();
    assert_eq!(jpeg, 2, "a JPEG beside each WebP");
}

#[test]
fn an_unchanged_photo_is_never_encoded_twice() {
    let dir = Temp::new("photos-cache");
    let cache = dir.0.join("cache");
    let original = dir.0.join("a.jpg");
    camera_jpeg(&original, 2000, 1000);
    let first = variants(&original, &cache).unwrap();
    assert!(first.encoded);
    // Upright it is 1000 wide: 480, 680, 960 and its own 1000, each as WebP and JPEG.
    let widths: Vec<u32> = first.files.iter().map(|v| v.width).collect();
    assert_eq!(widths, [480, 480, 680, 680, 960, 960, 1000, 1000]);
    assert!(WIDTHS.contains(&480) && WIDTHS.contains(&960));
    // The same bytes under another name: found by content, not by name.
    let copy = dir.0.join("renamed.jpg");
    std::fs::copy(&original, &copy).unwrap();
    let again = variants(&copy, &cache).unwrap();
    assert!(!again.encoded, "found in the cache");
    assert_eq!(again.files, first.files);
    // A changed photo is encoded.
    camera_jpeg(&original, 1800, 1000);
    assert!(variants(&original, &cache).unwrap().encoded);
}

/// Every document of `dir` (below it, `/`-separated) with its JSON.
fn documents(dir: &Path) -> Vec<(String, serde_json::Value)> {
    let mut found = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|ext| ext == "json") {
                let file = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                found.push((
                    file,
                    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap(),
                ));
            }
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}

fn strip_sources(value: &mut serde_json::Value) -> usize {
    match value {
        serde_json::Value::Object(map) => {
            let here = usize::from(map.remove("sources").is_some());
            here + map.values_mut().map(strip_sources).sum::<usize>()
        }
        serde_json::Value::Array(items) => items.iter_mut().map(strip_sources).sum(),
        _ => 0,
    }
}

/// A CMS's export has the same photos but no `sources`: the publish step gives
/// it the same variants build-api gives content files, keeps the CMS's other
/// fields, and changes nothing when run again.
#[test]
fn a_cms_tree_gets_the_variants_content_builds_get() {
    use news_portal::core::routes::BasePath;
    use news_publish::photos::tree::add_variants;

    let built = common::sample_api();
    let dir = Temp::new("photos-cms-tree");
    let api = dir.0.join("api");
    common::copy_dir(built, &api);
    std::fs::remove_dir_all(api.join(news_publish::photos::VARIANTS_FOLDER)).unwrap();
    let mut stripped = 0;
    for (file, mut value) in documents(&api) {
        stripped += strip_sources(&mut value);
        if let serde_json::Value::Object(map) = &mut value {
            map.insert("cms_revision".into(), serde_json::json!(7));
        }
        std::fs::write(api.join(&file), serde_json::to_string_pretty(&value).unwrap()).unwrap();
    }
    assert!(stripped > 0, "the sample has photos with variants");

    let cache = dir.0.join("cache");
    let report = add_variants(&api, &BasePath::new("/"), &cache).unwrap();
    assert_eq!(report.photos, stripped, "{:?}", report.problems);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert!(report.encoded > 0);
    for ((file, mut got), (_, expected)) in documents(&api).into_iter().zip(documents(built)) {
        assert_eq!(
            got.get("cms_revision"),
            Some(&serde_json::json!(7)),
            "{file} keeps the CMS's fields"
        );
        got.as_object_mut().unwrap().remove("cms_revision");
        assert_eq!(got, expected, "{file}");
    }
    for entry in std::fs::read_dir(built.join(news_publish::photos::VARIANTS_FOLDER)).unwrap() {
        let name = entry.unwrap().file_name();
        let variants_folder = api.join(news_publish::photos::VARIANTS_FOLDER);
        assert!(
            variants_folder.join(&name).is_file(),
            "{name:?} copied into the tree"
        );
    }

    let again = add_variants(&api, &BasePath::new("/"), &cache).unwrap();
    assert_eq!(
        (again.photos, again.documents, again.encoded),
        (0, 0, 0),
        "a second run changes nothing"
    );
}
