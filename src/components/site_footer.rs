//! The footer of every page: copyright line and the legal pages.

use crate::core::config::AppConfig;
use crate::core::routes::{Legal, Route};
use crate::state::site::use_site;
use leptos::prelude::*;

/// `© {year} {agency}` · a link to each legal page · All rights reserved.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let site = use_site();
    let base = expect_context::<AppConfig>().base;
    let copyright = move || {
        site.info
            .get()
            .and_then(Result::ok)
            .map(|info| match info.copyright_year {
                Some(year) => format!("© {year} {}", info.name),
                None => format!("© {}", info.name),
            })
    };
    let links = Legal::ALL
        .into_iter()
        .map(|legal| {
            let base = base.clone();
            let href = move || {
                let lang = site.lang.get();
                Route::Legal { lang, legal }.href(&base)
            };
            // An optional page is linked when the language's site.json lists
            // it; else its link is empty, and with it its item (style/main.css:
            // `li:has(> a:empty)`), which costs the bundle nothing of its own.
            let name = move || {
                let shown = legal.is_required()
                    || site
                        .info
                        .get()
                        .and_then(Result::ok)
                        .is_some_and(|info| info.has(legal.slug()));
                if shown {
                    site.strings().legal_name(legal)
                } else {
                    ""
                }
            };
            view! { <li><a href=href>{name}</a></li> }
        })
        .collect_view();
    view! {
        <footer class="site-footer">
            <div class="container site-footer__inner">
                <p class="site-footer__copyright">{copyright}</p>
                <nav aria-label=move || site.strings().footer_nav_label>
                    <ul class="site-footer__links">{links}</ul>
                </nav>
                <p class="site-footer__rights">{move || site.strings().all_rights_reserved}</p>
            </div>
        </footer>
    }
}
