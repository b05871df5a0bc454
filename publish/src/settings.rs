//! The site's settings that only the publishing side reads, from the API's
//! `site.json` (compatible extensions of the contract, docs/news-api.md; the
//! app ignores them): the agency's time zone, in which a date-only date is a
//! day, and the authority its feed entries' ids are made from, so that they
//! stay the same whatever origin the site is published at.
//!
//! build-api writes them from `content/site.toml`, check-api checks them, the
//! prerender uses them in the feeds.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::Deserialize;
use std::collections::BTreeMap;

/// The settings, as `site.json` has them.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct SiteSettings {
    /// An IANA time zone (`Asia/Baku`) or a UTC offset (`+04:00`).
    pub timezone: Option<String>,
    /// RFC 4151's `taggingEntity`: a domain the agency owns and a date it
    /// owned it (`migration.gov.az,2024`), fixed for the site's lifetime.
    pub tag_authority: Option<String>,
    /// Open Graph's locale (`en_GB`) of the languages that set one
    /// (`languages[].locale`); the others get CLDR's likely region.
    pub locales: BTreeMap<String, String>,
}

impl SiteSettings {
    /// Read from the text of `site.json`; fields of the wrong type count as
    /// absent (check-api says so).
    pub fn from_json(text: &str) -> SiteSettings {
        Self::from_value(&serde_json::from_str(text).unwrap_or_default())
    }

    /// Read from `site.json` already parsed.
    pub fn from_value(value: &serde_json::Value) -> SiteSettings {
        let text_field = |name: &str| value.get(name).and_then(|v| v.as_str()).map(str::to_string);
        let locales = value["languages"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|language| {
                let code = language["code"].as_str()?;
                let locale = language["locale"]
                    .as_str()
                    .filter(|locale| check_locale(locale).is_ok())?;
                Some((code.to_string(), locale.replace('-', "_")))
            })
            .collect();
        SiteSettings {
            timezone: text_field("timezone"),
            tag_authority: text_field("tag_authority"),
            locales,
        }
    }

    /// The time zone, UTC when none is set; `Err` says what is wrong with one.
    pub fn zone(&self) -> Result<TimeZone, String> {
        match &self.timezone {
            None => Ok(TimeZone::UTC),
            Some(name) => zone(name),
        }
    }
}

/// `name` as a time zone: an IANA name from the database built into the
/// tool, or a fixed offset `±HH:MM`.
pub fn zone(name: &str) -> Result<TimeZone, String> {
    let name = name.trim();
    if let Some(sign) = name.chars().next().filter(|c| *c == '+' || *c == '-') {
        let digits: Vec<u32> = name[1..]
            .split(':')
            .map(|part| part.parse().ok())
            .collect::<Option<_>>()
            .ok_or_else(|| bad_zone(name))?;
        let [hours, minutes] = digits[..] else {
            return Err(bad_zone(name));
        };
        let seconds = (hours * 3600 + minutes * 60) as i32;
        if hours > 14 || minutes > 59 {
            return Err(bad_zone(name));
        }
        let offset = jiff::tz::Offset::from_seconds(if sign == '-' { -seconds } else { seconds })
            .map_err(|_| bad_zone(name))?;
        return Ok(TimeZone::fixed(offset));
    }
    TimeZone::get(name).map_err(|_| bad_zone(name))
}

fn bad_zone(name: &str) -> String {
    format!("timezone {name:?} is neither a time zone of the IANA database (like \"Asia/Baku\") nor an offset like \"+04:00\"")
}

/// The start of `date` (`YYYY-MM-DD`) in `zone`, as RFC 3339: the moment a
/// reader anywhere sees as that day of the agency's.
pub fn start_of_day(date: &str, zone: &TimeZone) -> Option<String> {
    let date: Date = date.get(..10)?.parse().ok()?;
    let zoned = date.to_zoned(zone.clone()).ok()?;
    Some(zoned.timestamp().display_with_offset(zoned.offset()).to_string())
}

/// A date or time from the data as an RFC 3339 moment: as written when it is
/// one; a date and time without an offset, in the agency's `zone`; a date
/// alone, the start of that day there. `None` when it is no date.
pub fn moment(raw: &str, zone: &TimeZone) -> Option<String> {
    let raw = raw.trim();
    if raw.parse::<jiff::Timestamp>().is_ok() {
        return Some(raw.to_string());
    }
    if raw.len() > 10 {
        let local: jiff::civil::DateTime = raw.replace(' ', "T").parse().ok()?;
        let zoned = local.to_zoned(zone.clone()).ok()?;
        return Some(zoned.timestamp().display_with_offset(zoned.offset()).to_string());
    }
    start_of_day(raw, zone)
}

/// Checks a language's `locale`: Open Graph's `language_TERRITORY`
/// (`en_GB`; `en-GB` is read the same).
pub fn check_locale(locale: &str) -> Result<(), String> {
    let (language, territory) = locale.split_once(['_', '-']).unwrap_or((locale, ""));
    let language_ok = (2..=3).contains(&language.len()) && language.chars().all(|c| c.is_ascii_lowercase());
    let territory_ok = territory.len() == 2 && territory.chars().all(|c| c.is_ascii_uppercase());
    if language_ok && territory_ok {
        Ok(())
    } else {
        Err(format!(
            "locale {locale:?} is not a language and a territory like \"en_GB\""
        ))
    }
}

/// Checks a `tag_authority`: `domain,YYYY`, `domain,YYYY-MM` or
/// `domain,YYYY-MM-DD` (or an e-mail address instead of the domain).
pub fn check_tag_authority(authority: &str) -> Result<(), String> {
    let bad = || {
        format!("tag_authority {authority:?} is not a domain and a date, like \"migration.gov.az,2024\" (RFC 4151)")
    };
    let (name, date) = authority.split_once(',').ok_or_else(bad)?;
    let name_ok = !name.is_empty()
        && name.contains('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '@'));
    let date_ok = match date.len() {
        4 => date.chars().all(|c| c.is_ascii_digit()),
        7 => format!("{date}-01").parse::<Date>().is_ok(),
        10 => date.parse::<Date>().is_ok(),
        _ => false,
    };
    if name_ok && date_ok {
        Ok(())
    } else {
        Err(bad())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_starts_in_the_agencys_zone() {
        let baku = zone("Asia/Baku").unwrap();
        // (zone, date, its start there); summer time is the database's, day by day.
        let days = [
            ("Asia/Baku", "2024-03-28", "2024-03-28T00:00:00+04:00"),
            ("+04:00", "2024-03-28", "2024-03-28T00:00:00+04:00"),
            ("Europe/Berlin", "2024-07-01", "2024-07-01T00:00:00+02:00"),
            ("Europe/Berlin", "2024-01-01", "2024-01-01T00:00:00+01:00"),
            ("-03:30", "2024-01-01", "2024-01-01T00:00:00-03:30"),
            ("UTC", "2024-01-01", "2024-01-01T00:00:00+00:00"),
        ];
        for (name, date, start) in days {
            assert_eq!(
                start_of_day(date, &zone(name).unwrap()).as_deref(),
                Some(start),
                "{name} {date}"
            );
        }
        assert!(start_of_day("2024-02-30", &baku).is_none());
        // A moment: as written, in the zone without an offset, a day's start.
        let moments = [
            ("2024-05-14T10:30:00Z", "2024-05-14T10:30:00Z"),
            ("2024-05-14T10:30:00", "2024-05-14T10:30:00+04:00"),
            (" 2024-05-14 ", "2024-05-14T00:00:00+04:00"),
        ];
        for (raw, expected) in moments {
            assert_eq!(moment(raw, &baku).as_deref(), Some(expected), "{raw}");
        }
        assert!(moment("14 May", &baku).is_none() && moment("2024-05-14Tnoon", &baku).is_none());
    }

    #[test]
    fn bad_settings_are_named() {
        for name in ["Asia/Nowhere", "+4", "+25:00", "04:00", ""] {
            assert!(zone(name).unwrap_err().contains("timezone"), "{name}");
        }
        for good in [
            "migration.gov.az,2024",
            "example.gov,2024-05",
            "press@example.gov,2024-05-01",
        ] {
            assert_eq!(check_tag_authority(good), Ok(()), "{good}");
        }
        for bad in [
            "migration.gov.az",
            "2024",
            "localhost,2024",
            "a b.gov,2024",
            "x.gov,24",
            "x.gov,2024-13",
        ] {
            assert!(check_tag_authority(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn settings_are_read_leniently() {
        let settings = SiteSettings::from_json(
            r#"{"languages":[{"code":"en","locale":"en-GB"},{"code":"az"},{"code":"ru","locale":"Russian"}],"timezone":"Asia/Baku","tag_authority":5}"#,
        );
        assert_eq!(
            settings.locales,
            BTreeMap::from([("en".to_string(), "en_GB".to_string())])
        );
        assert_eq!(settings.timezone.as_deref(), Some("Asia/Baku"));
        assert_eq!(settings.tag_authority, None);
        assert!(SiteSettings::from_json("not json").zone().is_ok());
    }
}
