//! Type-erased views that are built anew, never patched: [`IntoFresh`].
//!
//! A Leptos `AnyView` erases a view's type, and when it replaces a view of the
//! same type it patches the old DOM in place: `into_any()` compiles the
//! view's whole `rebuild` code (every element's attribute and child diffing)
//! next to its `build` code. The app's views change when the route or the
//! document changes, and then most of the page changes with them: building
//! the new view and swapping it in does the same for the reader and needs
//! only the `build` code the first render compiles anyway. Erasing through
//! [`Fresh`] does that: 18.6 KB less wasm, 6.4 KB brotli, across the app's
//! erased views (issue 14).
//!
//! What changes for the reader: nothing they can see. A view of the same type
//! is swapped in where Leptos would have patched (a listing's next page, an
//! error after an error); focus inside the old view goes with it, and the app
//! moves focus to the new view's heading on a route change anyway. A view
//! whose DOM must outlive a change of its data (a field someone is typing in
//! while the data reloads) should stay `.into_any()`.

use leptos::prelude::*;
use leptos::tachys::html::attribute::any_attribute::AnyAttribute;
use leptos::tachys::html::attribute::Attribute;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::ssr::StreamBuilder;
use leptos::tachys::view::add_attr::AddAnyAttr;
use leptos::tachys::view::{Mountable, Position, PositionState, Render, RenderHtml};
use std::any::Any;

/// A view whose `rebuild` builds the new view and swaps it in for the old.
/// Only for views that render at least one node, which the new one is
/// inserted before (every view the app erases: elements and components).
pub struct Fresh<V>(V);

/// `.into_fresh()`: like `.into_any()`, without compiling the view's `rebuild`.
pub trait IntoFresh {
    fn into_fresh(self) -> AnyView;
}

impl<V: RenderHtml + 'static> IntoFresh for V {
    fn into_fresh(self) -> AnyView {
        // A view erased already (a component that returns `AnyView`) is
        // returned as it is: erasing it again would add a layer and its code.
        // The type checks are decided when compiling.
        let mut view = Some(self);
        let any: &mut dyn Any = &mut view;
        if let Some(erased) = any.downcast_mut::<Option<AnyView>>().and_then(Option::take) {
            return erased;
        }
        if let Some(erased) = any.downcast_mut::<Option<View<AnyView>>>().and_then(Option::take) {
            return erased.into_inner();
        }
        match view {
            Some(view) => Fresh(view).into_any(),
            None => unreachable!("only an erased view is taken"),
        }
    }
}

impl<V: Render> Render for Fresh<V> {
    type State = V::State;

    fn build(self) -> Self::State {
        self.0.build()
    }

    fn rebuild(self, state: &mut Self::State) {
        let mut new = self.0.build();
        let placed = state.insert_before_this(&mut new);
        debug_assert!(
            placed,
            "a fresh view rendered no node to put its successor before"
        );
        state.unmount();
        *state = new;
    }
}

impl<V: AddAnyAttr> AddAnyAttr for Fresh<V> {
    type Output<SomeNewAttr: Attribute> = Fresh<V::Output<SomeNewAttr>>;

    fn add_any_attr<NewAttr: Attribute>(self, attr: NewAttr) -> Self::Output<NewAttr>
    where
        Self::Output<NewAttr>: RenderHtml,
    {
        Fresh(self.0.add_any_attr(attr))
    }
}

/// Server rendering and hydration are the view's own.
impl<V: RenderHtml> RenderHtml for Fresh<V> {
    type AsyncOutput = Fresh<V::AsyncOutput>;
    type Owned = Fresh<V::Owned>;

    const MIN_LENGTH: usize = V::MIN_LENGTH;
    const EXISTS: bool = V::EXISTS;

    fn dry_resolve(&mut self) {
        self.0.dry_resolve();
    }

    async fn resolve(self) -> Self::AsyncOutput {
        Fresh(self.0.resolve().await)
    }

    fn html_len(&self) -> usize {
        self.0.html_len()
    }

    fn to_html_with_buf(
        self,
        buf: &mut String,
        position: &mut Position,
        escape: bool,
        mark_branches: bool,
        extra_attrs: Vec<AnyAttribute>,
    ) {
        self.0
            .to_html_with_buf(buf, position, escape, mark_branches, extra_attrs);
    }

    fn to_html_async_with_buf<const OUT_OF_ORDER: bool>(
        self,
        buf: &mut StreamBuilder,
        position: &mut Position,
        escape: bool,
        mark_branches: bool,
        extra_attrs: Vec<AnyAttribute>,
    ) where
        Self: Sized,
    {
        self.0
            .to_html_async_with_buf::<OUT_OF_ORDER>(buf, position, escape, mark_branches, extra_attrs);
    }

    fn hydrate<const FROM_SERVER: bool>(self, cursor: &Cursor, position: &PositionState) -> Self::State {
        self.0.hydrate::<FROM_SERVER>(cursor, position)
    }

    fn into_owned(self) -> Self::Owned {
        Fresh(self.0.into_owned())
    }
}
