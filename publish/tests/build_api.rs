//! `build-api` (publish/src/build/): the sample content builds to the committed
//! tree, byte for byte; a round trip keeps every field; every mistake in the
//! content is named with its file and line, and then nothing is written.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::Temp;
use news_portal::core::decode::{
    decode_article, decode_legal_document, decode_listing, decode_site_index, decode_site_info,
};
use news_portal::ssr::resolver;
use news_publish::build::build;
use news_publish::check::{check, Options};

#[test]
fn the_sample_content_builds_the_same_bytes_twice_and_passes_the_check() {
    let root = common::repo();
    let out = Temp::new("build-sample");
    let api = out.0.join("api");
    let built = build(&root.join("content"), &api).unwrap_or_else(|errors| {
        panic!(
            "{}",
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    assert!(built.articles.values().all(|&n| n > 0), "{built:?}");
    let first = common::snapshot(&api);
    let report = check(&api, &Options::default()).unwrap();
    let other: Vec<String> = report.findings.iter().map(ToString::to_string).collect();
    assert_eq!(other, Vec::<String>::new(), "the built sample has findings");
    // Building again gives the same bytes, and encodes no photo: they are cached.
    let again = build(&root.join("content"), &api).unwrap();
    assert_eq!(
        again.photos_encoded, 0,
        "an unchanged photo is never encoded twice"
    );
    assert!(common::snapshot(&api) == first, "the build is not deterministic");
}

/// Content with every field once: two languages, one article in each, linked by id.
fn full_content(name: &str) -> Temp {
    let content = Temp::new(name);
    content.write(
        "site.toml",
        "default_language = \"en\"\nper_page = 1\n\n[[languages]]\ncode = \"en\"\nname = \"English\"\nagency = \"The Agency\"\ncopyright_year = 2025\nlogo = { src = \"img/logo.svg\", alt = \"Emblem\" }\n\n[[languages]]\ncode = \"az\"\nname = \"Azərbaycanca\"\nagency = \"Agentlik\"\n",
    );
    content.write(
        "img/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\"></svg>",
    );
    let photo = image::RgbImage::from_fn(2000, 1000, |x, y| {
        image::Rgb([(x % 251) as u8, (y % 241) as u8, 90])
    });
    std::fs::create_dir_all(content.0.join("img/news")).unwrap();
    photo.save(content.0.join("img/news/a.png")).unwrap();
    content.write(
        "img/news/b.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"900\" height=\"600\"></svg>",
    );
    let article = |title: &str| {
        format!(
            "+++\nid = \"visa\"\ntitle = \"{title}\"\npublished = 2024-05-14T10:30:00+04:00\nupdated = \"2024-05-15\"\nsummary = \"Short.\"\ntags = [\"e-visa\", \"ASAN\"]\n\n[photo]\nsrc = \"../../img/news/a.png\"\nalt = \"A photo\"\ncaption = \"A caption\"\ncredit = \"Press service\"\n\n[[gallery]]\nsrc = \"../../img/news/b.svg\"\nalt = \"Another\"\n\n[[gallery]]\nsrc = \"https://cdn.example.org/c.jpg\"\nalt = \"Remote\"\nwidth = 1600\nheight = 900\n+++\nFirst **bold** paragraph with [a link](https://www.example.gov/).\n\n## Section\n\n- one\n- two\n"
        )
    };
    content.write("en/news/e-visa.md", &article("E-visa now faster"));
    content.write("az/news/elektron-viza.md", &article("Elektron viza"));
    content.write(
        "en/news/older.md",
        "+++\nid = \"older\"\ntitle = \"Older\"\npublished = \"2024-01-02\"\n+++\nText.\n",
    );
    for lang in ["en", "az"] {
        for page in ["terms", "privacy"] {
            content.write(
                &format!("{lang}/pages/{page}.md"),
                "+++\ntitle = \"Legal\"\nupdated = 2024-01-10\n+++\n| Data | Kept for |\n|---|---|\n| Logs | 90 days |\n",
            );
        }
    }
    content
}

#[test]
fn a_round_trip_keeps_every_field() {
    let content = full_content("round-trip");
    let out = Temp::new("build-round-trip-out");
    let api = out.0.join("api");
    build(&content.0, &api).unwrap();
    let url = "https://x.test/api/en/news/e-visa.json";
    let read = |file: &str| std::fs::read_to_string(api.join(file)).unwrap();

    let index = decode_site_index(&read("site.json")).unwrap();
    let codes: Vec<&str> = index.languages.iter().map(|l| l.code.as_str()).collect();
    assert_eq!((codes, index.default_language.as_str()), (vec!["en", "az"], "en"));
    let info = decode_site_info(
        &read("en/site.json"),
        &resolver("https://x.test/api/en/site.json"),
    )
    .unwrap();
    assert_eq!(
        (info.name.as_str(), info.copyright_year),
        ("The Agency", Some(2025))
    );
    assert_eq!(info.logo.unwrap().src, "https://x.test/api/img/logo.svg");
    assert!(decode_site_info(&read("az/site.json"), &resolver(url))
        .unwrap()
        .logo
        .is_none());

    let article = decode_article(&read("en/news/e-visa.json"), url, &resolver(url)).unwrap();
    assert_eq!(article.title, "E-visa now faster");
    assert_eq!(article.published.as_deref(), Some("2024-05-14T10:30:00+04:00"));
    assert_eq!(article.updated.as_deref(), Some("2024-05-15"));
    assert_eq!(article.summary.as_deref(), Some("Short."));
    assert_eq!(article.tags, ["e-visa", "ASAN"]);
    assert_eq!(article.translations.get("az"), Some("elektron-viza"));
    let photo = article.photo.unwrap();
    assert_eq!(photo.src, "https://x.test/api/img/news/a.png");
    assert_eq!(
        (photo.width, photo.height),
        (Some(2000), Some(1000)),
        "size read from the file"
    );
    // Its variants: every width below the original's, as WebP and JPEG, in the tree.
    let variants: Vec<(&str, u32)> = photo
        .sources
        .iter()
        .map(|s| (s.media_type.as_str(), s.width))
        .collect();
    assert_eq!(
        variants,
        // The photo is 2000 px wide: every width the step makes is below it.
        news_publish::photos::WIDTHS
            .iter()
            .flat_map(|&w| [("image/jpeg", w), ("image/webp", w)])
            .collect::<Vec<_>>()
    );
    for source in &photo.sources {
        let below = source
            .src
            .strip_prefix("https://x.test/api/")
            .expect("beside the tree");
        assert!(api.join(below).is_file(), "{below}");
    }
    assert_eq!(
        (
            photo.alt.as_str(),
            photo.caption.as_deref(),
            photo.credit.as_deref()
        ),
        ("A photo", Some("A caption"), Some("Press service"))
    );
    let gallery: Vec<(&str, Option<u32>, Option<u32>)> = article
        .gallery
        .iter()
        .map(|p| (p.src.as_str(), p.width, p.height))
        .collect();
    assert_eq!(
        gallery,
        [
            ("https://x.test/api/img/news/b.svg", Some(900), Some(600)),
            ("https://cdn.example.org/c.jpg", Some(1600), Some(900))
        ]
    );
    assert_eq!(
        article.body_html,
        "<p>First <strong>bold</strong> paragraph with <a href=\"https://www.example.gov/\">a link</a>.</p>\n<h2>Section</h2>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>"
    );

    // Newest first, `per_page` 1: two pages with the totals computed.
    let first = decode_listing(&read("en/news/page-1.json"), &resolver(url)).unwrap();
    let second = decode_listing(&read("en/news/page-2.json"), &resolver(url)).unwrap();
    assert_eq!(
        (first.page, first.total_pages, first.total_items),
        (1, 2, Some(2))
    );
    assert_eq!(first.items[0].slug, "e-visa");
    assert_eq!(second.items[0].slug, "older");
    assert!(
        second.items[0].translations.iter().next().is_none(),
        "no other language has `older`"
    );

    let legal = decode_legal_document(&read("az/pages/privacy.json"), url).unwrap();
    assert_eq!(legal.updated.as_deref(), Some("2024-01-10"));
    assert!(
        legal.body_html.starts_with("<table><thead><tr><th>Data</th>"),
        "{}",
        legal.body_html
    );
    let findings: Vec<String> = check(&api, &Options::default())
        .unwrap()
        .findings
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        findings,
        ["warning: az/site.json: logo: none: pages without a photo have no picture in their link previews (the site's picture is the logo on the agency's colour)"]
    );
    assert!(api.join("img/news/b.svg").is_file(), "photos are copied");
}

/// Builds `content` into a fresh folder; the errors as printed.
fn errors(content: &Temp) -> Vec<String> {
    let out = Temp::new("build-errors-out");
    let api = out.0.join("api");
    let errors = build(&content.0, &api).expect_err("the content has errors");
    assert!(!api.exists(), "nothing is written when the content has errors");
    errors.iter().map(ToString::to_string).collect()
}

#[test]
fn mistakes_are_named_with_file_and_line_and_nothing_is_written() {
    let content = full_content("mistakes");
    content.write(
        "en/news/broken-toml.md",
        "+++\nid = \"x\"\ntitle = \"Unclosed\npublished = \"2024-01-01\"\n+++\nText.\n",
    );
    content.write(
        "en/news/no-title.md",
        "+++\nid = \"y\"\npublished = \"2024-01-01\"\n+++\nText.\n",
    );
    content.write(
        "en/news/bad-date.md",
        "+++\nid = \"z\"\ntitle = \"T\"\npublished = \"14 May 2024\"\n+++\nText.\n",
    );
    content.write(
        "en/news/bad-body.md",
        "+++\nid = \"w\"\ntitle = \"T\"\npublished = \"2024-01-01\"\n\n[photo]\nsrc = \"../../img/news/gone.jpg\"\nalt = \"\"\n+++\nFine.\n\n<script>alert(1)</script>\n\nAlso `code`.\n",
    );
    content.write("en/news/no-front-matter.md", "Just text.\n");
    content.write(
        "en/news/twin.md",
        "+++\nid = \"older\"\ntitle = \"Twin\"\npublished = \"2024-01-03\"\n+++\nText.\n",
    );
    content.write(
        "fr/news/article.md",
        "+++\nid = \"f\"\ntitle = \"T\"\npublished = \"2024-01-01\"\n+++\nTexte.\n",
    );
    std::fs::remove_file(content.0.join("az/pages/terms.md")).unwrap();
    let found = errors(&content);
    let expected = [
        "fr/: holds content, but site.toml does not list this language",
        "en/news/bad-body.md: \"../../img/news/gone.jpg\" names no file inside the content folder",
        "en/news/bad-body.md:12: HTML the app would change: a `<script>` element: removed with everything inside it",
        "en/news/bad-body.md:14: `code` is not in the contract's allowlist: readers would not see it as written",
        "en/news/bad-date.md: `published` \"14 May 2024\" is not a date (2024-05-14 or 2024-05-14T10:30:00+04:00)",
        "en/news/no-front-matter.md:1: the file must start with front matter between `+++` lines",
        "en/news/no-title.md:2: missing field `title`",
        "en/news/twin.md: id \"older\" is also the id of en/news/older.md: one article per id and language",
        "az/pages/terms.md: missing: every language needs its Terms and Privacy pages (the footer links to them)",
    ];
    common::assert_all_found(&found, &expected);
    let toml = found
        .iter()
        .find(|line| line.starts_with("en/news/broken-toml.md:"))
        .expect("the TOML error");
    assert!(toml.starts_with("en/news/broken-toml.md:3: "), "{toml}");
    assert_eq!(found.len(), expected.len() + 1, "{found:#?}");
}
