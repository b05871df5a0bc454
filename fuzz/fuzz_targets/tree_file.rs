//! Arbitrary text as a photo's `src` in a document of an API tree (issue 31):
//! resolved as the app resolves it, then turned into a file by the one rule
//! every publishing stage uses (`news_publish::tree::tree_file`). The file is inside
//! the tree, made of plain names only, or there is none; stripping a photo's
//! metadata takes any bytes without a panic and changes nothing twice.
#![no_main]

use libfuzzer_sys::fuzz_target;
use news_publish::tree::tree_file;
use std::path::{Component, Path};

const TREE: &str = "https://site.invalid/portal/api/";

fuzz_target!(|data: &[u8]| {
    let src = String::from_utf8_lossy(data);
    let dir = Path::new("/srv/site/api");
    for document in ["", "en/news/a.json", "en/site.json"] {
        let Some(absolute) = news_portal::ssr::resolve(&src, &format!("{TREE}{document}")) else {
            continue;
        };
        if let Ok((_, path)) = tree_file(dir, TREE, &absolute) {
            let below = path.strip_prefix(dir).expect("inside the tree");
            assert!(below.components().all(|part| matches!(part, Component::Normal(_))), "{path:?}");
        }
    }
    if let Ok(stripped) = news_publish::photos::strip::strip(data) {
        assert_eq!(news_publish::photos::strip::strip(&stripped).as_ref(), Ok(&stripped));
    }
});
