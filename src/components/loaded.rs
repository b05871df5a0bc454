//! The shared shape of a view that shows one loaded document.

use crate::browser::marks::mark_view;
use crate::components::load_error::LoadError;
use crate::components::loading_skeleton::LoadingSkeleton;
use crate::core::error::ApiError;
use crate::state::takeover::use_takeover;
use leptos::prelude::*;

/// Where a view's document comes from.
pub enum Source<T: Send + Sync + 'static> {
    /// Known before rendering (prefetched by the prerender step).
    Ready(T),
    /// Loaded by the app.
    Fetch(LocalResource<Result<T, ApiError>>),
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
    let resource = match source {
        Source::Ready(value) => return render(value).into_any(),
        Source::Fetch(resource) => resource,
    };
    let takeover = use_takeover();
    view! {
        <Transition fallback=move || view! { <LoadingSkeleton rows=skeleton_rows /> }>
            {move || Suspend::new(async move {
                let outcome = resource.await;
                if let Some(takeover) = takeover {
                    takeover.settle(outcome.is_ok());
                }
                match outcome {
                    Ok(value) => {
                        mark_view();
                        render(value).into_any()
                    }
                    Err(error) => {
                        let retry = move |_| resource.refetch();
                        view! { <LoadError error=error retry=retry /> }.into_any()
                    }
                }
            })}
        </Transition>
    }
    .into_any()
}
