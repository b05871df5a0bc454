//! What the host tests share: the sample API tree, built from content/ by
//! build-api (it is not committed: scripts/build makes public/api the same way).

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
