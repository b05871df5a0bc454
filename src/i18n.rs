//! Every string the interface shows (not the news itself), in Azerbaijani,
//! English and Russian.
//!
//! One typed table per language, all built from the same field list: a string
//! missing in a language is a compile error, not a key or English on the page.
//! Strings with a number in them are templates with `{name}` placeholders,
//! filled by [`fill`]; the host tests check that every language uses the same
//! placeholders and that no Azerbaijani or Russian string is left in English.

use crate::core::dates::DateFormat;

/// Declares [`Strings`] from one list of keys, plus (for the tests) a way to
/// walk every key of a table by name.
macro_rules! strings_table {
    (
        $($(#[doc = $doc:literal])* $key:ident,)*
        ; results: $($(#[doc = $rdoc:literal])* $rkey:ident,)*
    ) => {
        /// The interface strings of one language.
        pub struct Strings {
            $($(#[doc = $doc])* pub $key: &'static str,)*
            /// How dates read in this language (CLDR's long date format).
            pub dates: DateFormat,
            /// What only `public/search.js` and the prerendered search page
            /// show: host only, so the wasm carries none of it.
            #[cfg(feature = "ssr")]
            pub results: ResultStrings,
        }

        /// The search view's results, filters and note for readers without
        /// JavaScript. The publish step writes them beside each language's
        /// index (`news_publish::prerender::search`), where `public/search.js` reads
        /// them; the app's own wasm has no use for them.
        #[cfg(feature = "ssr")]
        pub struct ResultStrings {
            $($(#[doc = $rdoc])* pub $rkey: &'static str,)*
        }

        #[cfg(test)]
        impl Strings {
            /// Every key with its text, in declaration order, the results' last.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                #[allow(unused_mut)]
                let mut entries = vec![$((stringify!($key), self.$key),)*];
                #[cfg(feature = "ssr")]
                entries.extend([$((stringify!($rkey), self.results.$rkey),)*]);
                entries
            }
        }
    };
}

strings_table! {
    /// The language tag of this table (`az`, `en`, `ru`).
    code,
    skip_to_content,
    /// The accessible name of the main navigation.
    nav_label,
    news,
    latest_news,
    listing_description,
    /// `{n}`: appended to the listing title after page 1.
    page_n,
    /// `{n}`, `{total}`: the position line above the cards.
    page_n_of,
    pagination_label,
    previous,
    next,
    /// `{n}`: the accessible name of a page-number link.
    go_to_page,
    no_photo,
    published,
    updated,
    last_updated,
    photo_credit,
    gallery,
    back_to_news,
    loading,
    could_not_load,
    could_not_load_hint,
    retry,
    /// `{status}`: the server answered with an error status.
    error_http,
    error_network,
    /// `{seconds}`: no answer within the time-out.
    error_timeout,
    error_decode,
    not_found_title,
    not_found_text,
    go_home,
    invalid_page,
    first_page,
    empty_listing,
    /// `{n}`: how many malformed items of a listing page were left out.
    skipped_items,
    /// Below a body that was too long to show whole.
    body_truncated,
    terms,
    privacy,
    all_rights_reserved,
    footer_nav_label,
    /// The accessible name of the language switcher.
    language_label,
    /// Shown on the listing after switching from an article that has no
    /// translation into this language.
    untranslated_note,
    /// The search view's heading and the search buttons.
    search,
    /// The accessible name of the search forms.
    search_label,
    /// The label of the words field.
    search_field,
    /// Shown before anything is asked.
    search_prompt,
    searching,
    /// The index is missing or did not load.
    search_unavailable,
    /// The footer's link to the accessibility statement, when a language has one.
    accessibility,
    /// `{tag}`: the heading of a tag's listing.
    tagged,
    /// The link to the Atom feed of a listing.
    feed,
    /// The heading of an article's related news.
    related,
    /// The heading (and accessible name) of an article's share links.
    share,
    /// The share link that opens the reader's mail program.
    email,
    copy_link,
    /// Said (and shown) once the article's address is copied.
    link_copied,
    print,
    // `Strings::results`, host only:
    ; results:
    /// `{n}`: how many articles were found.
    found,
    /// Nothing found: with a suggestion.
    nothing,
    tag_label,
    year_label,
    any_tag,
    any_year,
    /// The button that shows the next results.
    more,
    /// On the prerendered search page, for readers without JavaScript.
    needs_script,
}

impl Strings {
    /// The name of a legal page, as the footer links to it.
    pub fn legal_name(&self, legal: crate::core::routes::Legal) -> &'static str {
        match legal {
            crate::core::routes::Legal::Terms => self.terms,
            crate::core::routes::Legal::Privacy => self.privacy,
            crate::core::routes::Legal::Accessibility => self.accessibility,
        }
    }
}

/// Azərbaycanca: the site's default language.
pub const AZ: Strings = Strings {
    code: "az",
    dates: DateFormat {
        months: [
            "yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr", "oktyabr",
            "noyabr", "dekabr",
        ],
        pattern: "{d} {month} {y}",
    },
    skip_to_content: "Əsas məzmuna keç",
    nav_label: "Əsas menyu",
    news: "Xəbərlər",
    latest_news: "Xəbərlər",
    listing_description: "Dövlət Miqrasiya Xidmətinin xəbərləri və elanları.",
    page_n: "səhifə {n}",
    page_n_of: "Səhifə {n} / {total}",
    pagination_label: "Səhifələr",
    previous: "Əvvəlki",
    next: "Növbəti",
    go_to_page: "Səhifə {n}",
    no_photo: "Foto yoxdur",
    published: "Dərc tarixi:",
    updated: "Yenilənib:",
    last_updated: "Son yenilənmə:",
    photo_credit: "Foto:",
    gallery: "Fotoşəkillər",
    back_to_news: "Xəbərlərə qayıt",
    loading: "Yüklənir…",
    could_not_load: "Bu səhifəni yükləmək mümkün olmadı",
    could_not_load_hint: "İnternet bağlantınızı yoxlayın və yenidən cəhd edin.",
    retry: "Yenidən cəhd et",
    error_http: "Server {status} xətası qaytardı.",
    error_network: "Serverlə əlaqə qurulmadı.",
    error_timeout: "Server {seconds} saniyə ərzində cavab vermədi.",
    error_decode: "Alınan məlumatlar düzgün deyil.",
    not_found_title: "Səhifə tapılmadı",
    not_found_text: "Axtardığınız səhifə mövcud deyil və ya başqa ünvana köçürülüb.",
    go_home: "Xəbərlərə keç",
    invalid_page: "Xəbərlərin belə səhifəsi yoxdur.",
    first_page: "Birinci səhifəyə keç",
    empty_listing: "Hələlik xəbər yoxdur.",
    skipped_items: "Göstərilə bilməyən xəbərlərin sayı: {n}.",
    body_truncated: "Bu mətn burada tam göstərilə bilməyəcək qədər uzundur.",
    terms: "İstifadəçilər üçün qaydalar",
    privacy: "Məxfilik siyasəti",
    all_rights_reserved: "Bütün hüquqlar qorunur",
    footer_nav_label: "Hüquqi məlumat",
    language_label: "Dil",
    untranslated_note:
        "Bu xəbər Azərbaycan dilində dərc olunmayıb. Azərbaycan dilində son xəbərlər aşağıdadır.",
    search: "Axtarış",
    search_label: "Xəbərlərdə axtarış",
    search_field: "Axtarılan sözlər",
    search_prompt: "Xəbərləri axtarmaq üçün söz yazın.",
    searching: "Axtarılır…",
    search_unavailable: "Axtarış hazırda mümkün deyil. Xəbərlərə səhifə-səhifə baxa bilərsiniz.",
    accessibility: "Əlçatanlıq bəyanatı",
    tagged: "«{tag}» etiketli xəbərlər",
    feed: "Abunə ol (Atom lenti)",
    related: "Əlaqəli xəbərlər",
    share: "Paylaş",
    email: "E-poçt",
    copy_link: "Keçidi kopyala",
    link_copied: "Keçid kopyalandı",
    print: "Çap et",
    #[cfg(feature = "ssr")]
    results: ResultStrings {
        found: "Tapılan xəbərlər: {n}.",
        nothing: "Heç nə tapılmadı. Yazılışı yoxlayın, daha az söz yazın və ya filtri götürün.",
        tag_label: "Etiket",
        year_label: "İl",
        any_tag: "Bütün etiketlər",
        any_year: "Bütün illər",
        more: "Daha çox nəticə",
        needs_script: "Axtarış brauzerinizdə JavaScript tələb edir. Xəbərlərə səhifə-səhifə baxa bilərsiniz.",
    },
};

/// English.
pub const EN: Strings = Strings {
    code: "en",
    // British English, as the day-month-year order of the other two languages.
    dates: DateFormat {
        months: [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        pattern: "{d} {month} {y}",
    },
    skip_to_content: "Skip to main content",
    nav_label: "Main",
    news: "News",
    latest_news: "News",
    listing_description: "News and announcements of the State Migration Service.",
    page_n: "page {n}",
    page_n_of: "Page {n} of {total}",
    pagination_label: "Pages",
    previous: "Previous",
    next: "Next",
    go_to_page: "Page {n}",
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
    error_http: "The server answered with error {status}.",
    error_network: "The server could not be reached.",
    error_timeout: "The server did not answer within {seconds} seconds.",
    error_decode: "The data received is not valid.",
    not_found_title: "Page not found",
    not_found_text: "The page you are looking for does not exist or has been moved.",
    go_home: "Go to the news",
    invalid_page: "There is no such page of news.",
    first_page: "Go to the first page",
    empty_listing: "There is no news yet.",
    skipped_items: "News items that could not be shown: {n}.",
    body_truncated: "This text is too long to show in full here.",
    terms: "Terms for users",
    privacy: "Privacy Policy",
    all_rights_reserved: "All rights reserved",
    footer_nav_label: "Legal",
    language_label: "Language",
    untranslated_note: "This article has not been published in English. Here is the latest news in English.",
    search: "Search",
    search_label: "Search the news",
    search_field: "Words to search for",
    search_prompt: "Type words to search the news.",
    searching: "Searching…",
    search_unavailable: "Search is not available right now. You can still browse the news page by page.",
    accessibility: "Accessibility statement",
    tagged: "News tagged “{tag}”",
    feed: "Subscribe (Atom feed)",
    related: "Related news",
    share: "Share",
    email: "Email",
    copy_link: "Copy link",
    link_copied: "Link copied",
    print: "Print",
    #[cfg(feature = "ssr")]
    results: ResultStrings {
        found: "News found: {n}.",
        nothing: "Nothing found. Check the spelling, try fewer words, or remove a filter.",
        tag_label: "Tag",
        year_label: "Year",
        any_tag: "All tags",
        any_year: "All years",
        more: "More results",
        needs_script: "Search needs JavaScript in your browser. You can still browse the news page by page.",
    },
};

/// Русский.
pub const RU: Strings = Strings {
    code: "ru",
    dates: DateFormat {
        months: [
            "января",
            "февраля",
            "марта",
            "апреля",
            "мая",
            "июня",
            "июля",
            "августа",
            "сентября",
            "октября",
            "ноября",
            "декабря",
        ],
        // CLDR puts a narrow no-break space (U+202F) before "г.": the year and
        // its abbreviation never part at a line end.
        pattern: "{d} {month} {y}\u{202f}г.",
    },
    skip_to_content: "Перейти к основному содержанию",
    nav_label: "Главное меню",
    news: "Новости",
    latest_news: "Новости",
    listing_description: "Новости и объявления Государственной миграционной службы.",
    page_n: "страница {n}",
    page_n_of: "Страница {n} из {total}",
    pagination_label: "Страницы",
    previous: "Предыдущая",
    next: "Следующая",
    go_to_page: "Страница {n}",
    no_photo: "Нет фото",
    published: "Опубликовано",
    updated: "Обновлено",
    last_updated: "Последнее обновление:",
    photo_credit: "Фото:",
    gallery: "Фотографии",
    back_to_news: "Назад к новостям",
    loading: "Загрузка…",
    could_not_load: "Не удалось загрузить страницу",
    could_not_load_hint: "Проверьте подключение к интернету и попробуйте ещё раз.",
    retry: "Повторить",
    error_http: "Сервер ответил ошибкой {status}.",
    error_network: "Не удалось связаться с сервером.",
    error_timeout: "Сервер не ответил в течение {seconds} секунд.",
    error_decode: "Полученные данные некорректны.",
    not_found_title: "Страница не найдена",
    not_found_text: "Страница, которую вы ищете, не существует или была перемещена.",
    go_home: "Перейти к новостям",
    invalid_page: "Такой страницы новостей нет.",
    first_page: "Перейти на первую страницу",
    empty_listing: "Новостей пока нет.",
    skipped_items: "Не удалось показать новостей: {n}.",
    body_truncated: "Этот текст слишком длинный, чтобы показать его здесь полностью.",
    terms: "Правила для пользователей",
    privacy: "Политика конфиденциальности",
    all_rights_reserved: "Все права защищены",
    footer_nav_label: "Правовая информация",
    language_label: "Язык",
    untranslated_note: "Эта новость не опубликована на русском языке. Ниже — последние новости на русском.",
    search: "Поиск",
    search_label: "Поиск по новостям",
    search_field: "Что искать",
    search_prompt: "Введите слова для поиска по новостям.",
    searching: "Идёт поиск…",
    search_unavailable: "Поиск сейчас недоступен. Новости можно просматривать по страницам.",
    accessibility: "Заявление о доступности",
    tagged: "Новости с тегом «{tag}»",
    feed: "Подписаться (лента Atom)",
    related: "Похожие новости",
    share: "Поделиться",
    email: "Эл. почта",
    copy_link: "Скопировать ссылку",
    link_copied: "Ссылка скопирована",
    print: "Распечатать",
    #[cfg(feature = "ssr")]
    results: ResultStrings {
        found: "Найдено новостей: {n}.",
        nothing: "Ничего не найдено. Проверьте написание, сократите запрос или уберите фильтр.",
        tag_label: "Тег",
        year_label: "Год",
        any_tag: "Все теги",
        any_year: "Все годы",
        more: "Показать ещё",
        needs_script: "Для поиска нужен JavaScript в браузере. Новости можно просматривать по страницам.",
    },
};

/// Every table, in the order the sample site lists its languages.
pub const ALL: [&Strings; 3] = [&AZ, &EN, &RU];

/// The strings for `lang`. A language the site publishes but the app has no
/// table for gets the English interface (documented in the README).
pub fn strings(lang: &str) -> &'static Strings {
    match lang {
        "az" => &AZ,
        "ru" => &RU,
        _ => &EN,
    }
}

/// Fills the `{name}` placeholders of `template`.
pub fn fill(template: &str, values: &[(&str, u32)]) -> String {
    values.iter().fold(template.to_string(), |text, (name, value)| {
        text.replace(&format!("{{{name}}}"), &value.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// The `{name}` placeholders of a template.
    fn placeholders(text: &str) -> BTreeSet<&str> {
        text.split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect()
    }

    #[test]
    fn every_key_has_text_in_every_language() {
        let keys: Vec<_> = EN.entries().into_iter().map(|(key, _)| key).collect();
        for table in ALL {
            let entries = table.entries();
            assert_eq!(entries.iter().map(|(key, _)| *key).collect::<Vec<_>>(), keys);
            for (key, text) in entries {
                assert!(!text.trim().is_empty(), "{}: `{key}` is empty", table.code);
                assert_eq!(text, text.trim(), "{}: `{key}` has stray spaces", table.code);
            }
        }
    }

    #[test]
    fn every_language_uses_the_same_placeholders() {
        for table in ALL {
            for ((key, text), (_, english)) in table.entries().into_iter().zip(EN.entries()) {
                assert_eq!(
                    placeholders(text),
                    placeholders(english),
                    "{}: `{key}` = {text:?}",
                    table.code
                );
            }
        }
    }

    #[test]
    fn no_translation_is_left_in_english() {
        for table in [&AZ, &RU] {
            for ((key, text), (_, english)) in table.entries().into_iter().zip(EN.entries()) {
                assert_ne!(text, english, "{}: `{key}` is still English", table.code);
            }
        }
    }

    #[test]
    fn russian_is_cyrillic_and_azerbaijani_is_latin() {
        let has_cyrillic = |text: &str| text.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c));
        for (key, text) in RU.entries() {
            if key != "code" {
                assert!(has_cyrillic(text), "ru: `{key}` = {text:?}");
            }
        }
        for (key, text) in AZ.entries() {
            assert!(!has_cyrillic(text), "az: `{key}` = {text:?}");
        }
    }

    #[test]
    fn tables_are_found_by_language_code() {
        for table in ALL {
            assert_eq!(strings(table.code).code, table.code);
        }
        assert_eq!(strings("tr").code, "en");
        assert_eq!(strings("").code, "en");
    }

    #[test]
    fn templates_are_filled() {
        assert_eq!(fill(EN.page_n_of, &[("n", 2), ("total", 3)]), "Page 2 of 3");
        assert_eq!(fill(RU.page_n_of, &[("n", 2), ("total", 3)]), "Страница 2 из 3");
        assert_eq!(
            fill(AZ.error_http, &[("status", 503)]),
            "Server 503 xətası qaytardı."
        );
        assert_eq!(fill("no placeholders", &[("n", 1)]), "no placeholders");
    }
}
