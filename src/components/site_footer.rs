//! The footer of every page: copyright line and the legal pages.

use crate::browser::config::AppConfig;
use crate::components::site_context::use_site;
use crate::core::routes::Route;
use leptos::prelude::*;

/// `© {year} {agency}` · Terms for users | Privacy Policy | All rights reserved.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let site = use_site();
    let base = expect_context::<AppConfig>().base;
    let base_privacy = base.clone();
    let terms = move || {
        Route::Page {
            lang: site.lang.get(),
            slug: "terms",
        }
        .href(&base)
    };
    let privacy = move || {
        Route::Page {
            lang: site.lang.get(),
            slug: "privacy",
        }
        .href(&base_privacy)
    };
    let copyright = move || {
        site.info
            .get()
            .and_then(Result::ok)
            .map(|info| match info.copyright_year {
                Some(year) => format!("© {year} {}", info.name),
                None => format!("© {}", info.name),
            })
    };
    view! {
        <footer class="site-footer">
            <div class="container site-footer__inner">
                <p class="site-footer__copyright">{copyright}</p>
                <nav aria-label=move || site.strings().footer_nav_label>
                    <ul class="site-footer__links">
                        <li><a href=terms>{move || site.strings().terms}</a></li>
                        <li><a href=privacy>{move || site.strings().privacy}</a></li>
                    </ul>
                </nav>
                <p class="site-footer__rights">{move || site.strings().all_rights_reserved}</p>
            </div>
        </footer>
    }
}
