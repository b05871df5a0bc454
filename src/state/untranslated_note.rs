//! The note "this article has no translation into this language", shown on the
//! listing the language switcher leads to instead, until the reader moves on.

use crate::state::navigation::Navigation;
use leptos::prelude::*;

/// Provided by [`provide_untranslated_note`].
#[derive(Clone, Copy)]
pub struct UntranslatedNote {
    /// The navigation ([`Navigation::moves`]) on whose view the note shows.
    /// Written only by [`UntranslatedNote::raise`].
    shown_at: RwSignal<Option<u32>>,
    navigation: Navigation,
}

impl UntranslatedNote {
    /// The switcher's call as the reader follows its link to a listing in
    /// place of a missing translation: the note shows on the view that link
    /// opens, and on no later one.
    pub fn raise(&self) {
        let next_move = self.navigation.moves.get_untracked() + 1;
        self.shown_at.set(Some(next_move));
    }

    /// `true` on the view the switcher's link opened.
    pub fn is_shown(&self) -> bool {
        // `moves` directly: it changes on every move, which this must follow.
        self.navigation.watch(|| self.shown_at.get()) == Some(self.navigation.moves.get())
    }

    /// Tracks what [`UntranslatedNote::is_shown`] reads (`Navigation::announce_changes`).
    pub fn track(&self) {
        self.shown_at.track();
    }
}

/// Provides [`UntranslatedNote`].
pub fn provide_untranslated_note(navigation: Navigation) -> UntranslatedNote {
    let note = UntranslatedNote {
        shown_at: RwSignal::new(None),
        navigation,
    };
    provide_context(note);
    note
}

/// The [`UntranslatedNote`] provided by the app.
pub fn use_untranslated_note() -> UntranslatedNote {
    expect_context::<UntranslatedNote>()
}
