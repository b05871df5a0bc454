//! The app's one door to the network: GET a document as text, with a time-out,
//! and abort it when the view that asked for it goes away.

use crate::core::error::ApiError;
use gloo_net::http::Request;
use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// How long a request may take, body included, before the reader is offered Retry.
pub const TIMEOUT_SECS: u32 = 15;

/// A response that arrived in full: its status, final URL (after redirects,
/// for resolving relative links) and body text.
pub struct TextResponse {
    pub status: u16,
    pub url: String,
    pub text: String,
}

/// Fetches `url`. Network failures, time-outs and aborts become [`ApiError`]s;
/// the status is returned as is for the caller to check.
pub async fn get_text(url: &str) -> Result<TextResponse, ApiError> {
    let controller = web_sys::AbortController::new()
        .map_err(|_| ApiError::Network("AbortController unavailable".into()))?;
    let signal = controller.signal();
    let timed_out = Rc::new(Cell::new(false));
    let _timer = Timer::start(&controller, timed_out.clone());

    // Abort when the owning view or resource is cleaned up (navigation, refetch).
    let on_leave = SendWrapper::new(controller.clone());
    on_cleanup(move || on_leave.abort());

    let result = async {
        let response = Request::get(url).abort_signal(Some(&signal)).send().await?;
        let status = response.status();
        let final_url = response.url();
        let text = response.text().await?;
        Ok::<_, gloo_net::Error>(TextResponse {
            status,
            url: final_url,
            text,
        })
    }
    .await;

    result.map_err(|error| {
        if timed_out.get() {
            ApiError::Timeout(TIMEOUT_SECS)
        } else {
            ApiError::Network(error.to_string())
        }
    })
}

/// The armed time-out. Dropping it (the request finished, or its future was
/// dropped) disarms the timer before its closure is freed.
struct Timer {
    handle: i32,
    _on_timeout: Closure<dyn FnMut()>,
}

impl Timer {
    fn start(controller: &web_sys::AbortController, timed_out: Rc<Cell<bool>>) -> Option<Timer> {
        let controller = controller.clone();
        let on_timeout = Closure::<dyn FnMut()>::new(move || {
            timed_out.set(true);
            controller.abort();
        });
        let handle = web_sys::window()?
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                on_timeout.as_ref().unchecked_ref(),
                (TIMEOUT_SECS * 1000) as i32,
            )
            .ok()?;
        Some(Timer {
            handle,
            _on_timeout: on_timeout,
        })
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            window.clear_timeout_with_handle(self.handle);
        }
    }
}
