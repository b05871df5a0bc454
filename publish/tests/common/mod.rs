//! What the host tests share: the sample API tree, built from content/ by
//! build-api (it is not committed: scripts/build makes public/api the same
//! way), and temporary folders. Each test file uses a part of it.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The repository's root, where the app's `index.html`, `content/` and
/// `public/` are (this crate is `publish/` in it).
pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("publish/ is in the repository")
}

/// The sample's API tree, built once per test binary into its own folder.
/// Those of earlier runs (over an hour old) are removed first: each is ~10 MB.
pub fn sample_api() -> &'static Path {
    static TREE: OnceLock<PathBuf> = OnceLock::new();
    TREE.get_or_init(|| {
        let root = repo();
        let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
        for entry in std::fs::read_dir(tmp).into_iter().flatten().flatten() {
            let old = entry
                .metadata()
                .and_then(|metadata| metadata.modified())
                .is_ok_and(|modified| modified.elapsed().is_ok_and(|age| age.as_secs() > 3600));
            if old && entry.file_name().to_string_lossy().starts_with("sample-api-") {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
        let out = tmp.join(format!("sample-api-{}", std::process::id()));
        if let Err(errors) = news_publish::build::build(&root.join("content"), &out) {
            let errors: Vec<String> = errors.iter().map(ToString::to_string).collect();
            panic!("content/ does not build:\n{}", errors.join("\n"));
        }
        out
    })
}

/// Copies the folder `from`, with everything in it, to `to`.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A temporary folder for one test, removed when dropped.
pub struct Temp(pub PathBuf);

impl Temp {
    /// `news-portal-{name}-{pid}` in the system's temporary folder, empty.
    pub fn new(name: &str) -> Temp {
        let dir = std::env::temp_dir().join(format!("news-portal-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Temp(dir)
    }

    /// Writes `text` into `file` below the folder, making its folders.
    pub fn write(&self, file: &str, text: &str) {
        let path = self.0.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    pub fn read(&self, file: &str) -> String {
        std::fs::read_to_string(self.0.join(file)).unwrap()
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A `width` × `height` JPEG whose EXIF says "rotate 90°" and carries a
/// description with a GPS position, as a phone camera writes one.
pub fn camera_jpeg(path: &Path, width: u32, height: u32) {
    let pixels = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
    });
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90)
        .encode_image(&pixels)
        .unwrap();
    // TIFF, big-endian: IFD0 with Orientation = 6 and ImageDescription (at offset 38).
    let secret = b"SECRET GPS 40.4093N 49.8671E\0";
    let mut tiff = b"MM\0\x2a\0\0\0\x08".to_vec();
    tiff.extend_from_slice(&2u16.to_be_bytes());
    tiff.extend_from_slice(&[0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0]);
    tiff.extend_from_slice(&[0x01, 0x0e, 0, 2]);
    tiff.extend_from_slice(&(secret.len() as u32).to_be_bytes());
    tiff.extend_from_slice(&38u32.to_be_bytes());
    tiff.extend_from_slice(&0u32.to_be_bytes());
    tiff.extend_from_slice(secret);
    let mut app1 = vec![0xff, 0xe1];
    app1.extend_from_slice(&((2 + 6 + tiff.len()) as u16).to_be_bytes());
    app1.extend_from_slice(b"Exif\0\0");
    app1.extend_from_slice(&tiff);
    let mut file = jpeg[..2].to_vec();
    file.extend_from_slice(&app1);
    file.extend_from_slice(&jpeg[2..]);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, file).unwrap();
}

/// Fails unless every line of `expected` is among the lines `found`.
pub fn assert_all_found(found: &[String], expected: &[&str]) {
    for line in expected {
        assert!(found.iter().any(|one| one == line), "{line}\nin {found:#?}");
    }
}

/// Every file below `dir` with its bytes (links as their targets' names).
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let entry = entry.unwrap();
            let name = entry
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let kind = entry.file_type().unwrap();
            if kind.is_symlink() {
                let target = std::fs::read_link(entry.path()).unwrap();
                files.insert(name, target.to_string_lossy().as_bytes().to_vec());
            } else if kind.is_dir() {
                files.insert(format!("{name}/"), Vec::new());
                folders.push(entry.path());
            } else {
                files.insert(name, std::fs::read(entry.path()).unwrap());
            }
        }
    }
    files
}
