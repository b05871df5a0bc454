//! Grey placeholders shown while a view's data loads.

use crate::state::site::use_site;
use leptos::prelude::*;

/// A skeleton of `rows` cards, announced once as "Loading…".
#[component]
pub fn LoadingSkeleton(#[prop(default = 3)] rows: usize) -> impl IntoView {
    // Read once: a skeleton lives for one load. And it is a <Transition>'s
    // fallback, rendered outside the page's scope (`Navigation::watch`), so
    // a reactive text here would subscribe to the site's language directly
    // and stay in its list after the skeleton is gone (issue 14).
    let loading = use_site().strings().loading;
    view! {
        <div class="skeleton" role="status">
            <span class="visually-hidden">{loading}</span>
            {(0..rows).map(|_| view! {
                <div class="skeleton__card" aria-hidden="true">
                    <div class="skeleton__thumb"></div>
                    <div class="skeleton__lines">
                        <div class="skeleton__line skeleton__line--title"></div>
                        <div class="skeleton__line"></div>
                        <div class="skeleton__line skeleton__line--short"></div>
                    </div>
                </div>
            }).collect_view()}
        </div>
    }
}
