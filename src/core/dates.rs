//! Publication dates: reading the contract's RFC 3339 / bare dates, and writing
//! them for the reader in CLDR's long form ("20 August 2024", "20 avqust 2024",
//! "20 августа 2024 г.").
//!
//! The app writes dates itself rather than through the browser's `Intl`: the
//! engines' locale data differ (Chromium has no Azerbaijani month names and
//! wrote "20.08.2024" where Firefox and Safari wrote "20 avqust 2024"), and a
//! page prerendered on the host must read exactly as the app will show it.
//! Each language's [`DateFormat`] is data from CLDR, held to it by a host test
//! against ICU4X (`tests/cldr_dates.rs`).

/// How a language writes a date in full: CLDR's long date format, the
/// Gregorian `d MMMM y` with the language's own literals, and the twelve month
/// names in the form that format uses (the genitive in Russian).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateFormat {
    /// January … December, as the long date writes them.
    pub months: [&'static str; 12],
    /// `{d}`, `{month}` and `{y}` in the language's order, with its literals.
    pub pattern: &'static str,
}

/// A calendar date as the publisher wrote it. The time and offset of an RFC 3339
/// stamp are not used: "published 14 May" means the agency's 14 May, wherever
/// the reader is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct CalendarDate {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl CalendarDate {
    /// Reads `YYYY-MM-DD`, alone or at the start of an RFC 3339 date-time.
    /// Returns `None` for anything else, including impossible dates.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let date = text.get(..10)?;
        let rest = &text[10..];
        if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
            return None;
        }
        let bytes = date.as_bytes();
        if bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let digits = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = &date[range];
            part.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        let year = digits(0..4)? as i32;
        let month = digits(5..7)?;
        let day = digits(8..10)?;
        (1..=12).contains(&month).then_some(())?;
        (1..=days_in_month(year, month)).contains(&day).then_some(())?;
        Some(CalendarDate { year, month, day })
    }

    /// `YYYY-MM-DD`, for `<time datetime>`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// The date in full, as `format`'s language writes it: the same text in
    /// every browser and on the host.
    pub fn long(&self, format: &DateFormat) -> String {
        let month = format.months[(self.month.clamp(1, 12) - 1) as usize];
        format
            .pattern
            .replace("{d}", &self.day.to_string())
            .replace("{month}", month)
            .replace("{y}", &self.year.to_string())
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_bare_dates_and_date_times() {
        let may14 = Some(CalendarDate {
            year: 2024,
            month: 5,
            day: 14,
        });
        assert_eq!(CalendarDate::parse("2024-05-14"), may14);
        assert_eq!(CalendarDate::parse("2024-05-14T10:30:00+04:00"), may14);
        assert_eq!(CalendarDate::parse("2024-05-14T23:59:59Z"), may14);
        assert_eq!(CalendarDate::parse(" 2024-05-14 "), may14);
        assert_eq!(
            CalendarDate::parse("2024-02-29").map(|d| d.iso()).as_deref(),
            Some("2024-02-29")
        );
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        for text in [
            "",
            "yesterday",
            "2024-5-14",
            "2024/05/14",
            "2024-13-01",
            "2024-00-10",
            "2024-04-31",
            "2023-02-29",
            "2024-05-14X",
            "20240514",
            "２０２４-05-14",
            "2024-05-1a",
        ] {
            assert_eq!(CalendarDate::parse(text), None, "{text}");
        }
    }

    #[test]
    fn dates_order_chronologically() {
        let a = CalendarDate::parse("2024-01-31").unwrap();
        let b = CalendarDate::parse("2024-02-01").unwrap();
        assert!(a < b);
    }

    #[test]
    fn the_long_form_fills_the_pattern() {
        let format = DateFormat {
            months: [
                "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
            ],
            pattern: "{month} {d}, {y}!",
        };
        let date = CalendarDate::parse("2024-08-05").unwrap();
        assert_eq!(date.long(&format), "VIII 5, 2024!");
        assert_eq!(
            CalendarDate::parse("0999-12-31").unwrap().long(&format),
            "XII 31, 999!"
        );
    }
}
