//! A photo with its caption and credit, sized so the layout does not jump.

use crate::components::picture::{picture, Loading};
use crate::core::model::Photo;
use crate::core::photo_sizes::{ARTICLE, GALLERY};
use leptos::prelude::*;

/// `<figure>` for an article photo. `lead` marks the photo at the top of a
/// page: loaded eagerly and first, as wide as the article; all others are the
/// gallery's and load lazily.
#[component]
pub fn PhotoFigure(photo: Photo, #[prop(optional)] lead: bool, credit_label: &'static str) -> impl IntoView {
    let has_caption = photo.caption.is_some() || photo.credit.is_some();
    let (caption, credit) = (photo.caption.clone(), photo.credit.clone());
    let (sizes, loading) = if lead {
        (ARTICLE, Loading::First)
    } else {
        (GALLERY, Loading::Lazy)
    };
    let image = picture(photo, sizes, "photo__img", loading);
    view! {
        <figure class="photo">
            {image}
            {has_caption.then(|| view! {
                <figcaption>
                    {caption.map(|caption| view! { <span class="photo__caption">{caption}</span> })}
                    {credit.map(|credit| view! {
                        <span class="photo__credit">{credit_label} " " {credit}</span>
                    })}
                </figcaption>
            })}
        </figure>
    }
}
