//! The app's shared state, one context per concern, each written in one place:
//!
//! - [`navigation`]: where the reader is (the route, from the URL) and how they
//!   moved; written by the one effect that follows the router's URL.
//! - [`site`]: the site's languages, the chrome's language and the agency's
//!   identity; derived from the URL and the data, written by nobody.
//! - [`alternates`]: the current view in the site's other languages; an
//!   article's translations are published by the article page alone.
//! - [`untranslated_note`]: the note after switching language from an article
//!   that has no translation; raised by the language switcher alone.
//! - [`head`]: the document's title, description, language and `hreflang`
//!   links; each written by the one view or layout effect that describes it.
//! - [`document`]: a document that loads, as a resource of one erased type
//!   (one copy of the resource machinery in the bundle, not one per document).
//! - [`effect`]: effects, through one copy of Leptos's effect machinery.
//! - [`prefetched`]: the view's documents when they are known before the app
//!   renders (the prerender step); provided from outside, never written.
//! - [`takeover`]: whether the first view is ready to replace the prerendered
//!   page; written by that view alone.

pub mod alternates;
pub mod document;
pub mod effect;
pub mod head;
pub mod navigation;
pub mod prefetched;
pub mod site;
pub mod takeover;
pub mod untranslated_note;
