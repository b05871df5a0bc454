//! `sitemap.xml` (sitemaps.org) with each URL's `hreflang` alternates, and the
//! `Sitemap:` line of `robots.txt`.

use super::Written;
use news_portal::core::markup::escaped;

/// The most URLs one sitemap file may list (sitemaps.org).
pub const MAX_URLS: usize = 50_000;

/// `(file name, XML)` of the sitemap: one `sitemap.xml`, or, past
/// [`MAX_URLS`], `sitemap-1.xml`, `sitemap-2.xml`, … and `sitemap.xml` as
/// their index. `site_url` is the absolute URL of `BASE`. An alternate is
/// listed only if its page was written too (a listing's page 7 has no page 7
/// in a language with fewer pages), plus `x-default`.
pub fn sitemaps(pages: &[Written], site_url: &str) -> Vec<(String, String)> {
    let origin = site_url
        .find("://")
        .and_then(|scheme| {
            site_url[scheme + 3..]
                .find('/')
                .map(|path| &site_url[..scheme + 3 + path])
        })
        .unwrap_or(site_url);
    let written: std::collections::BTreeSet<String> = pages
        .iter()
        .map(|page| format!("{origin}{}", page.href))
        .collect();
    let entries: Vec<String> = pages
        .iter()
        .map(|page| {
            let mut entry = format!("<url><loc>{}</loc>", escaped(&format!("{origin}{}", page.href)));
            if let Some(lastmod) = &page.lastmod {
                entry.push_str(&format!("<lastmod>{lastmod}</lastmod>"));
            }
            for (hreflang, href) in &page.alternates {
                if hreflang == "x-default" || written.contains(href) {
                    entry.push_str(&format!(
                        r#"<xhtml:link rel="alternate" hreflang="{}" href="{}"/>"#,
                        escaped(hreflang),
                        escaped(href)
                    ));
                }
            }
            entry.push_str("</url>\n");
            entry
        })
        .collect();
    let urlset = |entries: &[String]| {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n{}</urlset>\n",
            entries.concat()
        )
    };
    if entries.len() <= MAX_URLS {
        return vec![("sitemap.xml".into(), urlset(&entries))];
    }
    let mut files: Vec<(String, String)> = entries
        .chunks(MAX_URLS)
        .enumerate()
        .map(|(n, chunk)| (format!("sitemap-{}.xml", n + 1), urlset(chunk)))
        .collect();
    let index: String = files
        .iter()
        .map(|(name, _)| {
            format!(
                "<sitemap><loc>{}</loc></sitemap>\n",
                escaped(&format!("{site_url}{name}"))
            )
        })
        .collect();
    files.push((
        "sitemap.xml".into(),
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n{index}</sitemapindex>\n"),
    ));
    files
}

/// `robots.txt` with one `Sitemap:` line pointing at `sitemap_url` (any other
/// `Sitemap:` line replaced), the rest as the web team wrote it.
pub fn robots_with_sitemap(robots: &str, sitemap_url: &str) -> String {
    let mut out: String = robots
        .lines()
        .filter(|line| !line.trim_start().to_ascii_lowercase().starts_with("sitemap:"))
        .map(|line| format!("{line}\n"))
        .collect();
    while out.ends_with("\n\n") {
        out.pop();
    }
    out.push_str(&format!("\nSitemap: {sitemap_url}\n"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(href: &str, alternates: &[(&str, &str)]) -> Written {
        Written {
            file: String::new(),
            href: href.into(),
            lastmod: Some("2024-08-20".into()),
            alternates: alternates
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
            listed: true,
        }
    }

    #[test]
    fn lists_pages_with_their_written_alternates() {
        let pages = [
            page(
                "/n/en/page/7",
                &[
                    ("en", "https://x.gov/n/en/page/7"),
                    ("az", "https://x.gov/n/az/page/7"),
                ],
            ),
            page(
                "/n/en/",
                &[("en", "https://x.gov/n/en/"), ("x-default", "https://x.gov/n/")],
            ),
        ];
        let files = sitemaps(&pages, "https://x.gov/n/");
        assert_eq!(files.len(), 1);
        let xml = &files[0].1;
        assert!(xml.contains("<loc>https://x.gov/n/en/page/7</loc><lastmod>2024-08-20</lastmod>"));
        assert!(xml.contains(r#"hreflang="en" href="https://x.gov/n/en/page/7""#));
        assert!(!xml.contains("az/page/7"), "az has no page 7: {xml}");
        assert!(xml.contains(r#"hreflang="x-default" href="https://x.gov/n/""#));
    }

    #[test]
    fn past_the_limit_an_index_of_sitemaps() {
        let pages: Vec<Written> = (0..MAX_URLS + 1)
            .map(|n| page(&format!("/en/news/a{n}"), &[]))
            .collect();
        let files = sitemaps(&pages, "https://x.gov/");
        let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(names, ["sitemap-1.xml", "sitemap-2.xml", "sitemap.xml"]);
        assert!(files[2].1.contains("<loc>https://x.gov/sitemap-2.xml</loc>"));
    }

    #[test]
    fn robots_gets_one_sitemap_line() {
        let once = robots_with_sitemap("User-agent: *\nAllow: /\n", "https://x.gov/sitemap.xml");
        assert_eq!(
            once,
            "User-agent: *\nAllow: /\n\nSitemap: https://x.gov/sitemap.xml\n"
        );
        assert_eq!(robots_with_sitemap(&once, "https://x.gov/sitemap.xml"), once);
    }
}
