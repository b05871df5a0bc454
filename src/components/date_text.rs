//! A date from the data, as a `<time>` element in the reader's language.

use crate::components::fresh::IntoFresh;
use crate::core::dates::CalendarDate;
use leptos::prelude::*;

/// Shows `raw` (an RFC 3339 or bare date) in `lang`'s long form; text that is
/// not a date is shown as written, so a publisher's mistake stays visible.
#[component]
pub fn DateText(raw: String, lang: String) -> impl IntoView {
    match CalendarDate::parse(&raw) {
        Some(date) => {
            let text = date.long(&crate::i18n::strings(&lang).dates);
            view! { <time datetime=date.iso()>{text}</time> }.into_fresh()
        }
        None => view! { <span>{raw}</span> }.into_fresh(),
    }
}
