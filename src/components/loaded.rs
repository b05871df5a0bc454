//! The shared shape of a view that shows one loaded document.

use crate::browser::marks::mark_view;
use crate::components::load_error::LoadError;
use crate::components::loading_skeleton::LoadingSkeleton;
use crate::core::error::ApiError;
use leptos::prelude::*;

/// Shows `resource`: a skeleton of `skeleton_rows` during the first load,
/// `render(value)` once loaded, "not found" or "could not load" with Retry on
/// an error. During later loads the previous content stays (`<Transition>`).
pub fn loaded<T, V>(
    resource: LocalResource<Result<T, ApiError>>,
    skeleton_rows: usize,
    render: impl Fn(T) -> V + Copy + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + 'static,
    V: IntoView + 'static,
{
    view! {
        <Transition fallback=move || view! { <LoadingSkeleton rows=skeleton_rows /> }>
            {move || Suspend::new(async move {
                match resource.await {
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
}
