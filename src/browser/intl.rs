//! Dates for the reader, formatted by the browser's `Intl.DateTimeFormat`.

use crate::core::dates::CalendarDate;
use js_sys::{Array, Date, Intl, Object, Reflect};
use std::cell::RefCell;
use wasm_bindgen::JsValue;

thread_local! {
    /// The last formatter made, with its locale: making one costs far more than
    /// using it, and a listing formats a dozen dates in one language.
    static FORMATTER: RefCell<Option<(String, Intl::DateTimeFormat)>> = const { RefCell::new(None) };
}

/// A `DateTimeFormat` for `locale` (day, long month, year, in UTC), reused while
/// the locale stays the same.
fn formatter(locale: &str) -> Intl::DateTimeFormat {
    FORMATTER.with_borrow_mut(|cached| {
        if let Some((cached_locale, format)) = cached.as_ref() {
            if cached_locale == locale {
                return format.clone();
            }
        }
        let options = Object::new();
        for (key, value) in [
            ("day", "numeric"),
            ("month", "long"),
            ("year", "numeric"),
            ("timeZone", "UTC"),
        ] {
            let _ = Reflect::set(&options, &JsValue::from_str(key), &JsValue::from_str(value));
        }
        let locales = Array::of1(&JsValue::from_str(locale));
        let format = Intl::DateTimeFormat::new(&locales, &options);
        *cached = Some((locale.to_string(), format.clone()));
        format
    })
}

/// The date in `locale`'s own style ("14 May 2024" for `en-GB`, "14 мая 2024 г."
/// for `ru`). A browser without month names for the locale (Chromium ships no
/// Azerbaijani calendar data and writes "2024 M05 14") gets the numeric
/// `14.05.2024` instead; a browser that refuses the locale gets the ISO date.
pub fn format_date(date: CalendarDate, locale: &str) -> String {
    let format = formatter(locale);
    let millis = Date::utc(date.year as f64, (date.month - 1) as f64);
    let at = Date::new(&JsValue::from_f64(
        millis + (date.day as f64 - 1.0) * 86_400_000.0,
    ));
    let mut text = String::new();
    for part in format.format_to_parts(&at).iter() {
        let field = |name: &str| {
            Reflect::get(&part, &JsValue::from_str(name))
                .ok()
                .and_then(|value| value.as_string())
                .unwrap_or_default()
        };
        let value = field("value");
        if field("type") == "month" && !CalendarDate::is_month_name(&value) {
            return date.numeric();
        }
        text.push_str(&value);
    }
    if text.is_empty() {
        date.iso()
    } else {
        text
    }
}
