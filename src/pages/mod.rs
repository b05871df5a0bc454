//! One component per route of the route table; names end in `Page`.

pub mod article_page;
pub mod home_page;
pub mod legal_page;
pub mod news_list_page;
pub mod not_found_page;

use leptos::prelude::{Memo, Read};
use leptos_router::hooks::use_params_map;

/// The `:lang` segment of the current route.
pub(crate) fn use_lang_param() -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get("lang").unwrap_or_default())
}
