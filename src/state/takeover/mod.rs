//! When a prerendered page may give way to the app. The app starts beside the
//! prerendered HTML, unseen, and replaces it once its own first view is
//! complete (`crate::start`): until then the reader keeps reading the
//! prerendered page, with no skeleton and no flash.

pub mod page;

use leptos::prelude::*;

/// Provided by [`provide_takeover`].
#[derive(Clone, Copy)]
pub struct Takeover {
    /// `None` until the first view's data has arrived, then whether it loaded.
    first_view: RwSignal<Option<bool>>,
}

impl Takeover {
    /// The first view's data has arrived (`loaded`) or failed; later calls
    /// change nothing. Called by `components::loaded`, and by the search view
    /// once search.js has drawn it.
    pub fn settle(&self, loaded: bool) {
        if self.first_view.get_untracked().is_none() {
            self.first_view.set(Some(loaded));
        }
    }

    /// `None` while the first view loads; then whether it loaded.
    pub fn first_view(&self) -> Option<bool> {
        self.first_view.get()
    }
}

/// Provides [`Takeover`].
pub fn provide_takeover() -> Takeover {
    let takeover = Takeover {
        first_view: RwSignal::new(None),
    };
    provide_context(takeover);
    takeover
}

/// The [`Takeover`] provided by the app, if any.
pub fn use_takeover() -> Option<Takeover> {
    use_context::<Takeover>()
}
