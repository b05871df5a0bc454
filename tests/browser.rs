//! Component and browser-API tests, run in headless Chromium by
//! wasm-bindgen-test (`scripts/test`): the sanitizer, URL resolution, `Intl`
//! dates, and components mounted with `mount_to`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use news_portal::browser::config::resolve;
use news_portal::browser::sanitize::sanitize;
use news_portal::components::date_text::DateText;
use news_portal::components::fresh::IntoFresh;
use news_portal::components::news_card::NewsCard;
use news_portal::components::pagination_nav::PaginationNav;
use news_portal::core::config::AppConfig;
use news_portal::core::endpoints::Endpoints;
use news_portal::core::model::{Photo, Summary};
use news_portal::core::routes::BasePath;
use news_portal::i18n::EN;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SOURCE: &str = "https://news.example.gov/api/en/news/some-article.json";
const ORIGIN: &str = "https://news.example.gov";

/// Sanitizes `html` and returns the resulting markup.
fn clean(html: &str) -> String {
    let fragment = sanitize(html, SOURCE, ORIGIN).expect("DOMParser is available");
    let holder = document().create_element("div").unwrap();
    holder.append_child(&fragment).unwrap();
    holder.inner_html()
}

#[wasm_bindgen_test]
fn allowed_markup_passes_unchanged() {
    let html = "<h2>Title</h2><p>Text with <strong>bold</strong>, <em>em</em> and <u>u</u>.</p>\
                <ul><li>one</li></ul><blockquote><p>q</p></blockquote><hr>\
                <table><thead><tr><th scope=\"col\">A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>";
    assert_eq!(clean(html), html);
}

#[wasm_bindgen_test]
fn scripts_handlers_and_dangerous_urls_are_gone() {
    assert_eq!(clean("<p>a<script>alert(1)</script>b</p>"), "<p>ab</p>");
    assert_eq!(
        clean("<p onclick=\"alert(1)\" style=\"color:red\" class=\"x\">t</p>"),
        "<p>t</p>"
    );
    assert_eq!(clean("<a href=\"javascript:alert(1)\">link</a>"), "link");
    assert_eq!(clean("<a href=\" JaVaScRiPt:alert(1)\">x</a>"), "x");
    assert_eq!(
        clean("<img src=\"data:image/svg+xml,<svg onload=alert(1)>\" alt=\"d\">"),
        ""
    );
    assert_eq!(
        clean("<iframe src=\"https://evil.example\"></iframe><p>after</p>"),
        "<p>after</p>"
    );
    assert_eq!(
        clean("<svg><script>alert(1)</script></svg><math><mi>x</mi></math>"),
        ""
    );
    assert_eq!(clean("<style>body{display:none}</style>ok"), "ok");
    assert_eq!(clean("<div><span>kept text</span></div>"), "kept text");
    assert_eq!(clean("<h1>Big</h1>"), "<h2>Big</h2>");
}

#[wasm_bindgen_test]
fn links_and_images_resolve_against_the_json_document() {
    assert_eq!(
        clean("<a href=\"../pages/privacy.json\">p</a>"),
        "<a href=\"https://news.example.gov/api/en/pages/privacy.json\">p</a>"
    );
    assert_eq!(
        clean("<a href=\"https://icmpd.org/\">ICMPD</a>"),
        "<a href=\"https://icmpd.org/\" rel=\"noopener noreferrer\">ICMPD</a>"
    );
    assert_eq!(
        clean("<a href=\"mailto:info@x.az\">m</a>"),
        "<a href=\"mailto:info@x.az\">m</a>"
    );
    assert_eq!(
        clean("<img src=\"../../img/a.svg\" onerror=\"alert(1)\" width=\"10\" height=\"50%\">"),
        "<img src=\"https://news.example.gov/api/img/a.svg\" width=\"10\" loading=\"lazy\" decoding=\"async\" alt=\"\">"
    );
}

#[wasm_bindgen_test]
fn very_deep_nesting_does_not_exhaust_the_stack() {
    let depth = 20_000;
    let html = format!("{}deep{}", "<div>".repeat(depth), "</div>".repeat(depth));
    assert_eq!(clean(&html), "deep");
}

/// The cases of `tests/resolve.json`, which the host's resolver meets too (`ssr::resolve`).
#[wasm_bindgen_test]
fn relative_urls_resolve_like_a_browser() {
    news_portal::core::urls::check_resolver(resolve);
}

#[wasm_bindgen_test]
fn dates_read_in_each_language_as_on_the_host() {
    for (lang, text) in [
        ("az", "14 may 2024"),
        ("en", "14 May 2024"),
        ("ru", "14 мая 2024\u{202f}г."),
    ] {
        let (host, _handle) =
            mount(move || view! { <DateText raw="2024-05-14T23:30:00-10:00".into() lang=lang.into() /> });
        let time = host.query_selector("time").unwrap().expect("a <time> element");
        assert_eq!(time.text_content().as_deref(), Some(text), "{lang}");
        assert_eq!(time.get_attribute("datetime").as_deref(), Some("2024-05-14"));
    }
    let (host, _handle) = mount(|| view! { <DateText raw="last Tuesday".into() lang="en".into() /> });
    assert_eq!(
        host.text_content().as_deref(),
        Some("last Tuesday"),
        "not a date: shown as written"
    );
}

#[wasm_bindgen_test]
fn hostile_body_html_comes_out_as_expected_and_inert() {
    let cases = news_portal::core::html_policy::hostile_cases();
    let source = format!("{ORIGIN}/api/en/news/a.json");
    let mut failures = Vec::new();
    for case in &cases {
        let Some(fragment) = sanitize(&case.html, &source, ORIGIN) else {
            failures.push(format!("{}: not sanitized at all", case.name));
            continue;
        };
        let holder = document().create_element("div").unwrap();
        holder.append_child(&fragment).unwrap();
        let output = holder.inner_html();
        if output != case.expected {
            failures.push(format!(
                "{}:\n   got      {output:?}\n   expected {:?}",
                case.name, case.expected
            ));
        }
        // Whatever the exact output, none of this may be in it.
        let elements = holder.query_selector_all("*").unwrap();
        for index in 0..elements.length() {
            let element: web_sys::Element = elements.item(index).unwrap().unchecked_into();
            let tag = element.local_name();
            if matches!(
                tag.as_str(),
                "script"
                    | "style"
                    | "iframe"
                    | "object"
                    | "embed"
                    | "svg"
                    | "math"
                    | "form"
                    | "base"
                    | "meta"
                    | "link"
            ) {
                failures.push(format!("{}: <{tag}> survived", case.name));
            }
            for name in element.get_attribute_names().iter().filter_map(|n| n.as_string()) {
                let value = element
                    .get_attribute(&name)
                    .unwrap_or_default()
                    .to_ascii_lowercase();
                if name.starts_with("on") || name == "style" || name == "srcdoc" || name == "formaction" {
                    failures.push(format!("{}: attribute {name} survived", case.name));
                }
                if value.trim_start().starts_with("javascript:")
                    || value.starts_with("data:")
                    || value.starts_with("vbscript:")
                {
                    failures.push(format!("{}: {name}={value} survived", case.name));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
    let window = web_sys::window().unwrap();
    assert!(
        js_sys::Reflect::get(&window, &"__pwned".into())
            .unwrap()
            .is_undefined(),
        "a payload ran"
    );
}

fn test_config() -> AppConfig {
    AppConfig {
        base: BasePath::new("/portal/news/"),
        api: Endpoints::new("https://news.example.gov/api/"),
        origin: ORIGIN.into(),
        embedded: false,
    }
}

/// Mounts `view` into a fresh element; keep the handle alive while asserting.
fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> (web_sys::HtmlElement, impl Drop) {
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        provide_context(test_config());
        view()
    });
    (host, handle)
}

fn summary(title: &str, photo: Option<Photo>) -> Summary {
    Summary {
        slug: "xəbər-1".into(),
        title: title.into(),
        published: "2024-05-14".into(),
        summary: Some("Short <b>summary</b>".into()),
        photo,
        tags: vec![],
        translations: Default::default(),
    }
}

#[wasm_bindgen_test]
fn news_card_links_under_the_base_and_keeps_text_as_text() {
    let (host, _handle) = mount(|| {
        view! { <NewsCard item=summary("<img src=x onerror=alert(1)>", None) lang="en".into() position=0 no_photo="No photo" /> }
    });
    let link = host.query_selector(".news-card__title a").unwrap().unwrap();
    assert_eq!(
        link.get_attribute("href").unwrap(),
        "/portal/news/en/news/x%C9%99b%C9%99r-1"
    );
    assert_eq!(link.text_content().unwrap(), "<img src=x onerror=alert(1)>");
    assert!(
        host.query_selector("img").unwrap().is_none(),
        "a title is never HTML"
    );
    assert!(
        host.query_selector("b").unwrap().is_none(),
        "a summary is never HTML"
    );
    let placeholder = host.query_selector("[role=img]").unwrap().unwrap();
    assert_eq!(placeholder.get_attribute("aria-label").unwrap(), "No photo");
    assert_eq!(
        host.query_selector("time")
            .unwrap()
            .unwrap()
            .get_attribute("datetime")
            .unwrap(),
        "2024-05-14"
    );
}

#[wasm_bindgen_test]
fn news_card_photo_has_size_and_alt() {
    let photo = Photo {
        src: "https://news.example.gov/api/img/a.svg".into(),
        alt: "A meeting".into(),
        width: Some(600),
        height: Some(400),
        caption: None,
        credit: None,
        sources: Vec::new(),
    };
    let first = photo.clone();
    let (host, _handle) = mount(move || {
        view! { <NewsCard item=summary("T", Some(photo)) lang="en".into() position=5 no_photo="No photo" /> }
    });
    let img = host.query_selector("img").unwrap().unwrap();
    assert_eq!(img.get_attribute("alt").unwrap(), "A meeting");
    assert_eq!(img.get_attribute("width").unwrap(), "600");
    assert_eq!(img.get_attribute("height").unwrap(), "400");
    assert_eq!(img.get_attribute("loading").unwrap(), "lazy");
    assert_eq!(img.get_attribute("fetchpriority").unwrap(), "auto");

    // The first card's photo is usually the largest paint: eager, high priority.
    let (host, _handle) = mount(move || {
        view! { <NewsCard item=summary("T", Some(first)) lang="en".into() position=0 no_photo="No photo" /> }
    });
    let img = host.query_selector("img").unwrap().unwrap();
    assert_eq!(img.get_attribute("loading").unwrap(), "eager");
    assert_eq!(img.get_attribute("fetchpriority").unwrap(), "high");
}

#[wasm_bindgen_test]
fn pagination_marks_the_current_page_and_builds_hrefs() {
    let (host, _handle) =
        mount(|| view! { <PaginationNav current=5 total=10 lang="en".into() tag=None strings=&EN /> });
    let current = host.query_selector("[aria-current=page]").unwrap().unwrap();
    assert_eq!(current.text_content().unwrap(), "5");
    let hrefs: Vec<String> = {
        let links = host.query_selector_all(".pagination a").unwrap();
        (0..links.length())
            .filter_map(|i| links.item(i))
            .filter_map(|n| n.unchecked_into::<web_sys::Element>().get_attribute("href"))
            .collect()
    };
    assert_eq!(
        hrefs,
        [
            "/portal/news/en/page/4",
            "/portal/news/en/",
            "/portal/news/en/page/4",
            "/portal/news/en/page/5",
            "/portal/news/en/page/6",
            "/portal/news/en/page/10",
            "/portal/news/en/page/6"
        ]
    );
    assert_eq!(host.query_selector_all(".pagination__gap").unwrap().length(), 2);
}

#[wasm_bindgen_test]
fn a_single_page_has_no_pagination() {
    let (host, _handle) =
        mount(|| view! { <PaginationNav current=1 total=1 lang="en".into() tag=None strings=&EN /> });
    assert!(host.query_selector("nav").unwrap().is_none());
}

/// Resolves in the next task, after the reactive system's queued updates.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window().unwrap().set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[wasm_bindgen_test]
async fn a_fresh_view_is_built_anew_in_its_place_when_it_changes() {
    let text = RwSignal::new("first");
    let (host, _handle) = mount(move || {
        view! {
            <span>"before"</span>
            {move || view! { <p class="fresh">{text.get()}</p> }.into_fresh()}
            <span>"after"</span>
        }
    });
    let first = host.query_selector("p.fresh").unwrap().unwrap();
    assert_eq!(first.text_content().unwrap(), "first");
    text.set("second");
    next_task().await;
    // The same type of view: swapped for a new one, not patched, and where the
    // old one was.
    assert_eq!(
        host.inner_html(),
        "<span>before</span><p class=\"fresh\">second</p><span>after</span>"
    );
    let second = host.query_selector("p.fresh").unwrap().unwrap();
    assert!(!second.is_same_node(Some(&first)));
    assert!(!first.is_connected());
}
