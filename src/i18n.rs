//! Every string the interface shows (not the news itself). One typed table per
//! language: a string missing in a language is a compile error, not a key on
//! the page.

/// The interface strings of one language.
pub struct Strings {
    /// The locale `Intl.DateTimeFormat` formats dates in ("en-GB": 14 May 2024).
    pub date_locale: &'static str,
    pub skip_to_content: &'static str,
    pub nav_label: &'static str,
    pub news: &'static str,
    pub latest_news: &'static str,
    pub listing_description: &'static str,
    pub page_n: fn(u32) -> String,
    pub page_n_of: fn(u32, u32) -> String,
    pub pagination_label: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub go_to_page: fn(u32) -> String,
    pub no_photo: &'static str,
    pub published: &'static str,
    pub updated: &'static str,
    pub last_updated: &'static str,
    pub photo_credit: &'static str,
    pub gallery: &'static str,
    pub back_to_news: &'static str,
    pub loading: &'static str,
    pub could_not_load: &'static str,
    pub could_not_load_hint: &'static str,
    pub retry: &'static str,
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub go_home: &'static str,
    pub invalid_page: &'static str,
    pub first_page: &'static str,
    pub empty_listing: &'static str,
    pub skipped_items: fn(usize) -> String,
    pub terms: &'static str,
    pub privacy: &'static str,
    pub all_rights_reserved: &'static str,
    pub footer_nav_label: &'static str,
}

/// English.
pub const EN: Strings = Strings {
    date_locale: "en-GB",
    skip_to_content: "Skip to main content",
    nav_label: "Main",
    news: "News",
    latest_news: "News",
    listing_description: "News and announcements of the agency.",
    page_n: |n| format!("page {n}"),
    page_n_of: |n, total| format!("Page {n} of {total}"),
    pagination_label: "Pages",
    previous: "Previous",
    next: "Next",
    go_to_page: |n| format!("Page {n}"),
    no_photo: "No photo",
    published: "Published",
    updated: "Updated",
    last_updated: "Last updated",
    photo_credit: "Photo:",
    gallery: "Photos",
    back_to_news: "Back to news",
    loading: "Loading…",
    could_not_load: "Could not load this page",
    could_not_load_hint: "Check your connection and try again.",
    retry: "Retry",
    not_found_title: "Page not found",
    not_found_text: "The page you are looking for does not exist or has been moved.",
    go_home: "Go to the news",
    invalid_page: "There is no such page of news.",
    first_page: "Go to the first page",
    empty_listing: "There is no news yet.",
    skipped_items: |n| {
        if n == 1 {
            "1 item could not be shown.".to_string()
        } else {
            format!("{n} items could not be shown.")
        }
    },
    terms: "Terms for users",
    privacy: "Privacy Policy",
    all_rights_reserved: "All rights reserved",
    footer_nav_label: "Legal",
};

/// The strings for `lang`. Languages without a table use English until their
/// translation is added.
pub fn strings(lang: &str) -> &'static Strings {
    let _ = lang;
    &EN
}
