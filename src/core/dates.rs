//! Publication dates: reading the contract's RFC 3339 / bare dates. Formatting
//! for the reader is the browser's `Intl.DateTimeFormat` (see `browser::intl`).

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

    /// `DD.MM.YYYY`: the numeric form used in Azerbaijani and Russian, for a
    /// browser that has no month names in the reader's language.
    pub fn numeric(&self) -> String {
        format!("{:02}.{:02}.{:04}", self.day, self.month, self.year)
    }

    /// `true` when `Intl` wrote the month as a name ("May", "мая"), `false`
    /// when it fell back to a number ("M05", "05") for lack of locale data.
    pub fn is_month_name(month: &str) -> bool {
        !month.is_empty() && !month.chars().any(|c| c.is_ascii_digit())
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
    fn numeric_form_and_month_names() {
        let date = CalendarDate::parse("2024-05-04").unwrap();
        assert_eq!(date.numeric(), "04.05.2024");
        assert!(CalendarDate::is_month_name("May"));
        assert!(CalendarDate::is_month_name("мая"));
        assert!(CalendarDate::is_month_name("may"));
        assert!(!CalendarDate::is_month_name("M05"));
        assert!(!CalendarDate::is_month_name("05"));
        assert!(!CalendarDate::is_month_name(""));
    }
}
