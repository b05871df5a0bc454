//! What the host tests share: the sample API tree, built from content/ by
//! build-api (it is not committed: scripts/build makes public/api the same
//! way), and temporary folders. Each test file uses a part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The sample's API tree, built once per test binary into its own folder.
pub fn sample_api() -> &'static Path {
    static TREE: OnceLock<PathBuf> = OnceLock::new();
    TREE.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("sample-api-{}", std::process::id()));
        if let Err(errors) = news_portal::host::build::build(&root.join("content"), &out) {
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
