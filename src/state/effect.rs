//! Effects through one copy of Leptos's effect machinery: [`effect`].
//!
//! `Effect::new` compiles its whole async task (the loop that waits for a
//! change, the owner, the subscriber) once per closure type: ~0.5 KB of wasm
//! for each of the app's effects before its own code. Here every effect is a
//! boxed closure handed to one `Effect::new` (issue 14).

use leptos::prelude::*;

/// Runs `run` after the current render, and again whenever a signal it read
/// changes, as long as the current owner lives: `Effect::new(move |_| run())`.
/// In the browser only, like every Leptos effect.
pub fn effect(run: impl FnMut() + 'static) {
    erased(Box::new(run));
}

/// [`effect`] with the value the last run returned (`None` the first time),
/// like `Effect::new(move |previous: Option<T>| ...)`.
pub fn effect_with_previous<T: 'static>(mut run: impl FnMut(Option<T>) -> T + 'static) {
    let mut previous = None;
    effect(move || previous = Some(run(previous.take())));
}

/// The one `Effect::new` of the app.
fn erased(mut run: Box<dyn FnMut()>) {
    Effect::new(move |_| run());
}
