//! Dates for the reader, formatted by the browser's `Intl.DateTimeFormat`.

use crate::core::dates::CalendarDate;
use js_sys::{Array, Date, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

/// The date in `locale`'s own style ("14 May 2024" for `en-GB`). Falls back to
/// the ISO date if `Intl` refuses the locale.
pub fn format_date(date: CalendarDate, locale: &str) -> String {
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
    let millis = Date::utc(date.year as f64, (date.month - 1) as f64);
    let at = Date::new(&JsValue::from_f64(
        millis + (date.day as f64 - 1.0) * 86_400_000.0,
    ));
    format
        .format()
        .call1(&format, &at)
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_else(|| date.iso())
}
