//! The shared shape of a view that shows one loaded document.

use crate::browser::marks::mark_view;
use crate::components::fresh::IntoFresh;
use crate::components::load_error::LoadError;
use crate::components::loading_skeleton::LoadingSkeleton;
use crate::core::error::ApiError;
use crate::state::document::{typed, Document, Erased};
use crate::state::takeover::use_takeover;
use leptos::prelude::*;
use std::any::Any;
use std::rc::Rc;
use std::sync::Arc;

/// Where a view's document comes from.
pub enum Source<T: Send + Sync + 'static> {
    /// Known before rendering (prefetched by the prerender step).
    Ready(T),
    /// Loaded by the app.
    Fetch(Document<T>),
}

/// Shows the document of `source`. Ready: `render(value)` at once. Fetched: a
/// skeleton of `skeleton_rows` during the first load, `render(value)` once
/// loaded, "not found" or "could not load" with Retry on an error; during later
/// loads the previous content stays (`<Transition>`).
pub fn loaded<T, V>(
    source: Source<T>,
    skeleton_rows: usize,
    render: impl Fn(T) -> V + Copy + Send + Sync + 'static,
) -> AnyView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    match source {
        Source::Ready(value) => render(value).into_fresh(),
        Source::Fetch(document) => {
            let render: Render = Arc::new(move |value| Ok(render(typed(Ok(value))?).into_fresh()));
            transition(document.erased(), skeleton_rows, render)
        }
    }
}

/// Renders a loaded document of the type the caller knows.
type Render = Arc<dyn Fn(Rc<dyn Any>) -> Result<AnyView, ApiError> + Send + Sync>;

/// [`loaded`]'s fetched case, for every document type alike: the Leptos
/// `<Transition>` and its future are compiled once, not once per view.
fn transition(resource: LocalResource<Erased>, skeleton_rows: usize, render: Render) -> AnyView {
    let takeover = use_takeover();
    view! {
        <Transition fallback=move || view! { <LoadingSkeleton rows=skeleton_rows /> }.into_fresh()>
            {
                let render = render.clone();
                move || {
                    let render = render.clone();
                    Suspend::new(async move {
                        let outcome = resource.await.and_then(|value| render(value));
                        if let Some(takeover) = takeover {
                            takeover.settle(outcome.is_ok());
                        }
                        match outcome {
                            Ok(view) => {
                                mark_view();
                                view
                            }
                            Err(error) => {
                                let retry = move |_| resource.refetch();
                                view! { <LoadError error=error retry=retry /> }.into_fresh()
                            }
                        }
                    })
                }
            }
        </Transition>
    }
    .into_fresh()
}
