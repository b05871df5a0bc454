//! One component per route of the route table; names end in `Page`.

pub mod article_page;
pub mod home_page;
pub mod legal_page;
pub mod news_list_page;
pub mod not_found_page;
