//! What the search index is told of an article besides its text (the
//! article view writes it for the index, `host::prerender::search`).

/// The year of a date as the data writes it (`2024-05-14…`), for the filter.
pub fn year_of(date: &str) -> Option<&str> {
    let year = date.get(..4)?;
    (year.bytes().all(|b| b.is_ascii_digit()) && date.as_bytes().get(4).is_none_or(|&b| b == b'-'))
        .then_some(year)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_read_from_dates() {
        assert_eq!(year_of("2024-05-14T10:00:00+04:00"), Some("2024"));
        assert_eq!(year_of("2024"), Some("2024"));
        assert_eq!(year_of("14.05.2024"), None);
        assert_eq!(year_of("20"), None);
    }
}
