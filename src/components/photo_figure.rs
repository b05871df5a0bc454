//! A photo with its caption and credit, sized so the layout does not jump.

use crate::core::model::Photo;
use leptos::prelude::*;

/// `<figure>` for an article photo. `lead` marks the photo at the top of a
/// page: loaded eagerly and first; all others load lazily.
#[component]
pub fn PhotoFigure(photo: Photo, #[prop(optional)] lead: bool, credit_label: &'static str) -> impl IntoView {
    let has_caption = photo.caption.is_some() || photo.credit.is_some();
    view! {
        <figure class="photo">
            <img
                src=photo.src
                alt=photo.alt
                width=photo.width.unwrap_or(1200)
                height=photo.height.unwrap_or(800)
                loading=if lead { "eager" } else { "lazy" }
                fetchpriority=if lead { "high" } else { "auto" }
                decoding="async"
            />
            {has_caption.then(|| view! {
                <figcaption>
                    {photo.caption.map(|caption| view! { <span class="photo__caption">{caption}</span> })}
                    {photo.credit.map(|credit| view! {
                        <span class="photo__credit">{credit_label} " " {credit}</span>
                    })}
                </figcaption>
            })}
        </figure>
    }
}
