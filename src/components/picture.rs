//! A photo as a `<picture>`: when the publisher made variants of it
//! (`Photo::sources`) the browser downloads the one that fits the layout's
//! `sizes` (`core::photo_sizes`), WebP where it can. `width`/`height` always,
//! so the layout does not jump.

use crate::core::model::Photo;
use crate::core::photo_sizes::picture_sources;
use leptos::prelude::*;

/// How the photo loads: `eager` with `high` priority for the page's largest
/// paint, `lazy` for the rest.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Loading {
    First,
    Eager,
    Lazy,
}

/// The photo's `<picture>` for a place `sizes` wide, with `class` on its
/// `<img>`: a `<source>` per type of variant, then the `<img>` with the
/// original, for browsers that take none of them (and for photos without
/// variants, where the `<picture>` holds only the `<img>`).
pub fn picture(photo: Photo, sizes: &'static str, class: &'static str, loading: Loading) -> impl IntoView {
    view! {
        <picture>
            {picture_sources(&photo.sources)
                .into_iter()
                .map(|(media_type, srcset)| view! { <source type=media_type srcset=srcset sizes=sizes /> })
                .collect_view()}
            // `loading` before `src`: the browser decides whether to fetch
            // when `src` is set, and a lazy photo off screen is not fetched.
            <img
                loading=if loading == Loading::Lazy { "lazy" } else { "eager" }
                fetchpriority=if loading == Loading::First { "high" } else { "auto" }
                decoding="async"
                class=class
                width=photo.width.unwrap_or(1200)
                height=photo.height.unwrap_or(800)
                alt=photo.alt
                src=photo.src
            />
        </picture>
    }
}
