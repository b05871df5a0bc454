//! The host's sanitizer (`news_portal::ssr::sanitize`, for prerendered pages and data
//! checks) against the same hostile corpus as the browser's: every case of
//! `tests/hostile/body_html.json` must come out exactly as the browser's walk
//! serializes it (`tests/browser.rs` checks the browser against the same
//! expectations), and nothing executable may survive in any case. The bundled
//! sample articles come out as they do in the browser too: their bodies are
//! plain allowed markup, which passes unchanged.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use news_portal::core::html_policy::{hostile_cases, ALLOWED_ELEMENTS};
use news_portal::ssr::sanitize::{HostSanitizeError, MAX_DEPTH};

/// The host's sanitizer, for a body that is not absurdly deep.
fn sanitize(html: &str, source_url: &str, origin: &str) -> String {
    news_portal::ssr::sanitize::sanitize(html, source_url, origin).expect("within the depth limit")
}

const ORIGIN: &str = "https://news.example.gov";

#[test]
fn every_hostile_case_comes_out_as_in_the_browser() {
    let cases = hostile_cases();
    let source = format!("{ORIGIN}/api/en/news/a.json");
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            let output = sanitize(&case.html, &source, ORIGIN);
            (output != case.expected).then(|| {
                format!(
                    "{}:\n   got      {output:?}\n   expected {:?}",
                    case.name, case.expected
                )
            })
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} cases differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn nothing_executable_survives() {
    let cases = hostile_cases();
    let source = format!("{ORIGIN}/api/en/news/a.json");
    // The contract's list, plus the document the parse of the output builds around it.
    let allowed: Vec<&str> = ALLOWED_ELEMENTS
        .iter()
        .copied()
        .chain(["html", "head", "body"])
        .collect();
    for case in &cases {
        let output = sanitize(&case.html, &source, ORIGIN);
        // Read the output back as a browser would, and look at what it holds.
        let tree = scraper::Html::parse_document(&output);
        for node in tree.tree.nodes() {
            let scraper::Node::Element(element) = node.value() else {
                continue;
            };
            assert!(
                allowed.contains(&element.name()),
                "{}: <{}> in {output}",
                case.name,
                element.name()
            );
            for (name, value) in element.attrs() {
                let value = value.trim().to_ascii_lowercase();
                assert!(
                    !name.starts_with("on") && !matches!(name, "style" | "srcdoc" | "formaction"),
                    "{}: {name}= in {output}",
                    case.name
                );
                assert!(
                    !["javascript:", "vbscript:", "data:"]
                        .iter()
                        .any(|scheme| value.starts_with(scheme)),
                    "{}: {name}={value} in {output}",
                    case.name
                );
            }
        }
    }
}

/// Article bodies of the sample, with their documents' URLs.
fn sample_bodies() -> Vec<(String, String)> {
    let root = common::sample_api().join("en/news");
    let mut bodies = Vec::new();
    for entry in std::fs::read_dir(root).expect("sample articles") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("a file").to_string_lossy().into_owned();
        if name.starts_with("page-") {
            continue;
        }
        let article: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("utf-8")).expect("json");
        let body = article["body_html"].as_str().expect("body_html").to_string();
        bodies.push((format!("{ORIGIN}/api/en/news/{name}"), body));
    }
    bodies
}

#[test]
fn the_sample_articles_keep_all_their_markup() {
    let bodies = sample_bodies();
    assert!(bodies.len() >= 20, "{} sample articles", bodies.len());
    for (source, body) in &bodies {
        let output = sanitize(body, source, ORIGIN);
        // What the publisher wrote stays, element for element; links only gain
        // their absolute URL (and rel, leaving the site), images their loading hints.
        let names = |html: &str| -> Vec<String> {
            scraper::Html::parse_fragment(html)
                .tree
                .nodes()
                .filter_map(|node| {
                    node.value()
                        .as_element()
                        .map(|element| element.name().to_string())
                })
                .collect()
        };
        assert_eq!(names(&output), names(body), "{source}");
        let text = |html: &str| {
            scraper::Html::parse_fragment(html)
                .root_element()
                .text()
                .collect::<String>()
        };
        assert_eq!(text(&output), text(body), "{source}");
    }
}

#[test]
fn nesting_up_to_the_limit_is_sanitized_and_deeper_is_refused_at_once() {
    let source = format!("{ORIGIN}/api/en/news/a.json");
    let nested = |depth: usize| format!("{}deep{}", "<div>".repeat(depth), "</div>".repeat(depth));
    let started = std::time::Instant::now();
    assert_eq!(sanitize(&nested(MAX_DEPTH), &source, ORIGIN), "deep");
    // 100,000 levels would take the parser minutes: refused before parsing.
    let refused = news_portal::ssr::sanitize::sanitize(&nested(100_000), &source, ORIGIN);
    assert_eq!(refused, Err(HostSanitizeError::TooDeep(100_000)));
    assert!(started.elapsed().as_secs() < 10, "took {:?}", started.elapsed());
    // Void elements and closed ones open no lasting level; end tags hidden in
    // comments, attribute values or unopened names close none.
    let flat = "<p>a<br>b<img src=x><hr/><b>c</b></p>".repeat(5_000);
    assert!(news_portal::ssr::sanitize::sanitize(&flat, &source, ORIGIN).is_ok());
    for disguise in [
        "<div><!--</div>-->",
        "<div title=\"</div>\">",
        "<div></a>",
        "<span/>",
    ] {
        let html = disguise.repeat(MAX_DEPTH + 1);
        let result = news_portal::ssr::sanitize::sanitize(&html, &source, ORIGIN);
        assert!(matches!(result, Err(HostSanitizeError::TooDeep(_))), "{disguise}");
    }
}
