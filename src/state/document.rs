//! A document the app loads, as a reactive resource: [`Document`].
//!
//! Leptos's `LocalResource<T>` instantiates its whole async machinery (the
//! future wrapper, the derived signal, their drop code) once per `T` and per
//! fetcher type. The app's five documents (`site.json`, the language's
//! `site.json`, a listing page, an article, a legal page) would each carry a
//! copy: most of 7 KiB of brotli'd wasm per type (issue 14). Here every
//! document goes through one resource type whose value is type-erased
//! (`Rc<dyn Any>`), built by one non-generic function; the typed wrapper only
//! casts back.

use crate::api::{load, Request};
use crate::core::config::AppConfig;
use crate::core::error::ApiError;
use leptos::prelude::*;
use std::any::Any;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::rc::Rc;

/// A loaded document of any type, or why it did not load.
pub type Erased = Result<Rc<dyn Any>, ApiError>;

/// What loads a document: called again whenever a signal it read changes.
type Fetcher = Box<dyn Fn() -> Pin<Box<dyn Future<Output = Erased>>>>;

/// A document of type `T` that loads (and reloads when what its fetcher
/// reads changes), with the states of a Leptos resource.
pub struct Document<T> {
    resource: LocalResource<Erased>,
    kind: PhantomData<fn() -> T>,
}

impl<T> Clone for Document<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Document<T> {}

impl<T: Clone + 'static> Document<T> {
    /// Loads what `request` asks for, which may read signals: the document
    /// reloads when they change (like `LocalResource::new`).
    pub fn new(config: AppConfig, request: impl Fn() -> Request<T> + 'static) -> Self {
        let fetcher: Fetcher = Box::new(move || Box::pin(load(config.clone(), request().erased())));
        Document {
            resource: erased_resource(fetcher),
            kind: PhantomData,
        }
    }

    /// The document, once loaded (tracked, like `LocalResource::get`).
    pub fn get(&self) -> Option<Result<T, ApiError>> {
        self.resource.get().map(typed)
    }

    /// The resource with its value erased, for code that serves every
    /// document type alike (`components::loaded`); [`typed`] casts back.
    pub fn erased(self) -> LocalResource<Erased> {
        self.resource
    }

    /// Loads it again.
    pub fn refetch(&self) {
        self.resource.refetch();
    }
}

/// The one `LocalResource` the app builds: not generic, so compiled once.
fn erased_resource(fetcher: Fetcher) -> LocalResource<Erased> {
    LocalResource::new(fetcher)
}

/// The erased value as the `T` it was made from. Only [`Document::new`] makes
/// them, from a `T`, so the cast holds; were it ever to fail, the view would
/// show "could not load", not stop the app.
pub fn typed<T: Clone + 'static>(erased: Erased) -> Result<T, ApiError> {
    let value = erased?;
    match value.downcast_ref::<T>() {
        Some(value) => Ok(value.clone()),
        None => Err(ApiError::Decode("a document of another type".into())),
    }
}
