//! Page numbers of the news listing: reading `page/N` (or `?page=N`) and laying out the
//! numbered links.

/// Reads the `page` query value: absent means page 1; anything that is not a
/// whole number from 1 up written in ASCII digits (`0`, `-1`, `+2`, ` 2`,
/// `abc`, 20 digits) is 0, "no such page", shown without a request.
pub fn page_number(value: Option<&str>) -> u32 {
    match value {
        None => 1,
        Some(text) if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) => {
            text.parse().unwrap_or(0)
        }
        Some(_) => 0,
    }
}

/// One entry of the numbered pagination.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageLink {
    /// A page number; `current` marks the page being shown.
    Page { number: u32, current: bool },
    /// An elided run of pages ("…").
    Gap,
}

/// The numbered links for page `current` of `total`: always the first and the
/// last page, and `current` with one neighbour on each side; runs in between
/// collapse to a gap (a gap of a single page shows that page instead).
pub fn page_links(current: u32, total: u32) -> Vec<PageLink> {
    if total == 0 {
        return Vec::new();
    }
    let current = current.clamp(1, total);
    let window_start = current.saturating_sub(1).max(1);
    let window_end = (current + 1).min(total);
    let mut numbers: Vec<u32> = vec![1];
    numbers.extend(window_start..=window_end);
    numbers.push(total);
    numbers.sort_unstable();
    numbers.dedup();

    let mut links = Vec::with_capacity(numbers.len() + 2);
    let mut previous = 0;
    for number in numbers {
        if number == previous + 2 {
            links.push(PageLink::Page {
                number: previous + 1,
                current: false,
            });
        } else if number > previous + 2 {
            links.push(PageLink::Gap);
        }
        links.push(PageLink::Page {
            number,
            current: number == current,
        });
        previous = number;
    }
    links
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(links: &[PageLink]) -> String {
        links
            .iter()
            .map(|link| match link {
                PageLink::Page {
                    number,
                    current: true,
                } => format!("[{number}]"),
                PageLink::Page { number, .. } => number.to_string(),
                PageLink::Gap => "…".to_string(),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn page_query_values() {
        assert_eq!(page_number(None), 1);
        assert_eq!(page_number(Some("3")), 3);
        assert_eq!(page_number(Some("007")), 7);
        assert_eq!(page_number(Some("4294967295")), u32::MAX);
        for bad in [
            "0",
            "-1",
            "+2",
            " 2 ",
            "abc",
            "",
            "1.5",
            "99999999999999999999",
            "2abc",
            "٣",
        ] {
            assert_eq!(page_number(Some(bad)), 0, "{bad}");
        }
    }

    #[test]
    fn small_totals_show_every_page() {
        assert_eq!(render(&page_links(1, 1)), "[1]");
        assert_eq!(render(&page_links(2, 3)), "1 [2] 3");
        assert_eq!(render(&page_links(1, 4)), "[1] 2 3 4");
        assert!(page_links(1, 0).is_empty());
    }

    #[test]
    fn long_runs_collapse_into_gaps() {
        assert_eq!(render(&page_links(1, 10)), "[1] 2 … 10");
        assert_eq!(render(&page_links(5, 10)), "1 … 4 [5] 6 … 10");
        assert_eq!(render(&page_links(10, 10)), "1 … 9 [10]");
        assert_eq!(render(&page_links(3, 10)), "1 2 [3] 4 … 10");
    }

    #[test]
    fn out_of_range_current_is_clamped_for_layout() {
        assert_eq!(render(&page_links(99, 5)), "1 … 4 [5]");
    }
}
