//! The `<h1>` of a view, which receives focus after client-side navigation so
//! that screen readers announce the new page.

use crate::state::effect::effect;
use crate::state::navigation::use_navigation;
use leptos::html::H1;
use leptos::prelude::*;

/// The main heading. Focusable by script only (`tabindex="-1"`).
#[component]
pub fn PageHeading(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let moves = use_navigation().moves;
    let heading = NodeRef::<H1>::new();
    effect(move || {
        // Re-run on every move while this heading stays mounted (listing page 1 → 2).
        if moves.get() > 0 {
            // Next frame: a heading inside a just-resolved <Suspense> is not in the document yet.
            request_animation_frame(move || {
                // The view may be gone by then (the reader navigated on): `try_` never panics.
                if let Some(heading) = heading.try_get_untracked().flatten() {
                    let options = web_sys::FocusOptions::new();
                    options.set_prevent_scroll(true);
                    let _ = heading.focus_with_options(&options);
                }
            });
        }
    });
    view! {
        <h1 class="page-heading" id="page-heading" tabindex="-1" node_ref=heading>{text}</h1>
    }
}
