//! Reusable pieces of the views, one component per file.

pub mod alternate_links;
pub mod article_end;
pub mod date_text;
pub mod fresh;
pub mod language_switcher;
pub mod load_error;
pub mod loaded;
pub mod loading_skeleton;
pub mod news_card;
pub mod not_found_view;
pub mod page_heading;
pub mod page_meta;
pub mod pagination_nav;
pub mod photo_figure;
pub mod picture;
pub mod rich_text;
pub mod site_footer;
pub mod site_header;
pub mod skip_link;
