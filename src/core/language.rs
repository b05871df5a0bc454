//! Which language a first visit to `BASE` opens in.

use super::model::SiteIndex;

/// The language to open: the reader's remembered choice if the site still has
/// it, else the first of the browser's preferred languages (`navigator.languages`)
/// that the site publishes, else the site's default.
///
/// A preference matches a site language exactly or by its primary subtag, so
/// `ru-RU` opens `ru` and `az-Latn-AZ` opens `az`; case does not matter.
pub fn choose_language(index: &SiteIndex, remembered: Option<&str>, preferred: &[String]) -> String {
    let find = |wanted: &str| {
        index
            .languages
            .iter()
            .find(|language| language.code.eq_ignore_ascii_case(wanted))
            .map(|language| language.code.clone())
    };
    if let Some(code) = remembered.and_then(find) {
        return code;
    }
    preferred
        .iter()
        .find_map(|tag| find(tag).or_else(|| find(tag.split('-').next().unwrap_or_default())))
        .unwrap_or_else(|| index.default_language.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Language;

    fn index() -> SiteIndex {
        SiteIndex {
            languages: ["az", "en", "ru"]
                .into_iter()
                .map(|code| Language {
                    code: code.into(),
                    name: code.into(),
                })
                .collect(),
            default_language: "az".into(),
        }
    }

    fn tags(list: &[&str]) -> Vec<String> {
        list.iter().map(|tag| tag.to_string()).collect()
    }

    #[test]
    fn the_default_when_nothing_matches() {
        assert_eq!(choose_language(&index(), None, &[]), "az");
        assert_eq!(choose_language(&index(), None, &tags(&["de-DE", "fr"])), "az");
    }

    #[test]
    fn the_first_preferred_language_the_site_has() {
        assert_eq!(
            choose_language(&index(), None, &tags(&["de", "ru-RU", "en"])),
            "ru"
        );
        assert_eq!(choose_language(&index(), None, &tags(&["en-US", "en"])), "en");
        assert_eq!(choose_language(&index(), None, &tags(&["az-Latn-AZ"])), "az");
        assert_eq!(choose_language(&index(), None, &tags(&["RU"])), "ru");
    }

    #[test]
    fn a_remembered_choice_wins_while_the_site_has_it() {
        assert_eq!(choose_language(&index(), Some("ru"), &tags(&["en-US"])), "ru");
        assert_eq!(choose_language(&index(), Some("tr"), &tags(&["en-US"])), "en");
        assert_eq!(choose_language(&index(), Some(""), &[]), "az");
    }
}
