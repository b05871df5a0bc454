//! The language switcher in the header: one link per language of the site,
//! each leading to the same view in that language when there is one.

use crate::browser::preferences::remember_language;
use crate::core::config::AppConfig;
use crate::core::routes::Counterpart;
use crate::state::alternates::use_alternates;
use crate::state::site::use_site;
use crate::state::untranslated_note::use_untranslated_note;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Links to every language, each named in its own language; the current one is
/// marked with `aria-current`. Following a link remembers the choice.
#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let site = use_site();
    let alternates = use_alternates();
    let note = use_untranslated_note();
    let base = expect_context::<AppConfig>().base;
    let location = use_location();
    let links = move || {
        let current = site.lang.get();
        alternates
            .counterparts
            .get()
            .into_iter()
            .map(|(language, target)| {
                let is_current = language.code == current;
                let href = if is_current {
                    // The reader's own URL; the router keeps the query without its `?`.
                    let search = location.search.get();
                    let query = if search.is_empty() {
                        String::new()
                    } else {
                        format!("?{search}")
                    };
                    format!("{}{query}", location.pathname.get())
                } else {
                    target.route().href(&base)
                };
                let untranslated = matches!(target, Counterpart::Untranslated(_));
                let code = language.code.clone();
                let on_click = move |_| {
                    remember_language(&code);
                    if untranslated {
                        note.raise();
                    }
                };
                view! {
                    <li>
                        <a
                            href=href
                            lang=language.code.clone()
                            hreflang=language.code
                            aria-current=is_current.then_some("true")
                            on:click=on_click
                        >
                            {language.name}
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <nav class="language-switcher" aria-label=move || site.strings().language_label>
            <ul>{links}</ul>
        </nav>
    }
}
