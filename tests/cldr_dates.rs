//! The app's dates against CLDR: for each interface language, every month of
//! a year and a few days written by the app's own formatter (`core::dates`,
//! the same text in every browser and on the host) must equal what ICU4X,
//! with CLDR's data, writes in the long date format for that locale.
#![cfg(not(target_arch = "wasm32"))]

use icu_calendar::{Date, Gregorian};
use icu_datetime::fieldsets::YMD;
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_locale_core::Locale;
use news_portal::core::dates::CalendarDate;
use news_portal::i18n::{Strings, AZ, EN, RU};

/// The CLDR locale each interface language formats dates as.
const LOCALES: [(&Strings, &str); 3] = [(&AZ, "az"), (&EN, "en-GB"), (&RU, "ru")];

fn cldr_long(locale: &str, year: i32, month: u8, day: u8) -> String {
    let locale: Locale = locale.parse().expect("a locale");
    let formatter = FixedCalendarDateTimeFormatter::<Gregorian, _>::try_new(locale.into(), YMD::long())
        .expect("CLDR has a long date format for the locale");
    let date = Date::try_new_gregorian(year, month, day).expect("a date");
    formatter.format(&date).to_string()
}

#[test]
fn every_month_reads_as_cldr_writes_it() {
    for (strings, locale) in LOCALES {
        for month in 1..=12u8 {
            for (year, day) in [(2024, 1u8), (2025, 20), (1999, 9)] {
                let ours = CalendarDate::parse(&format!("{year:04}-{month:02}-{day:02}"))
                    .expect("a date")
                    .long(&strings.dates);
                assert_eq!(
                    ours,
                    cldr_long(locale, year, month, day),
                    "{locale} {year}-{month}-{day}"
                );
            }
        }
    }
}

#[test]
fn the_examples_readers_see() {
    let date = CalendarDate::parse("2024-08-20T10:30:00+04:00").unwrap();
    assert_eq!(date.long(&AZ.dates), "20 avqust 2024");
    assert_eq!(date.long(&EN.dates), "20 August 2024");
    assert_eq!(date.long(&RU.dates), "20 августа 2024\u{202f}г.");
}
