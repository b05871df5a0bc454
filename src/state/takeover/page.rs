//! The takeover of a prerendered page (`scripts/prerender`). The page already
//! shows the whole view; the app starts beside it on an element of its own,
//! not in the document, fetches and renders the same view there, and once it is
//! complete swaps that element in for the prerendered one in one step: same
//! text, same layout, so no flash and no shift. Focus, scroll and what the
//! reader typed into a field stay. If the data changed since the prerender, the reader now
//! sees the app's fresh view. If the first view cannot load (offline), the
//! prerendered page stays: its links work without the app.

use super::use_takeover;
use crate::browser::marks::{mark, TAKEOVER_MARK};
use crate::browser::warn;
use crate::core::config::{HEAD_ATTRIBUTE, PRERENDERED_ATTRIBUTE};
use crate::state::effect::effect_with_previous;
use crate::state::head::remove_head_tags;
use crate::state::navigation::Navigation;
use crate::state::site::Site;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// The prerendered mount element and the one the app renders into.
#[derive(Clone)]
pub struct PrerenderedPage {
    page: SendWrapper<HtmlElement>,
    stage: SendWrapper<HtmlElement>,
}

impl PrerenderedPage {
    /// A stage for `page`: a copy of the element without its content.
    pub fn new(page: HtmlElement) -> Option<PrerenderedPage> {
        let stage = page.clone_node().ok()?.dyn_into::<HtmlElement>().ok()?;
        let _ = stage.remove_attribute(PRERENDERED_ATTRIBUTE);
        Some(PrerenderedPage {
            page: SendWrapper::new(page),
            stage: SendWrapper::new(stage),
        })
    }

    /// The element the app mounts into.
    pub fn stage(&self) -> HtmlElement {
        (*self.stage).clone()
    }

    /// Puts the stage where the page is, keeping focus and scroll.
    ///
    /// The exchange of the nodes is one task; the browser lays the new ones
    /// out in its next frame, where the scroll is checked (reading it sooner
    /// would force that layout into this task: one long task instead of two
    /// shorter ones, the page unresponsive for their sum). The frame checks
    /// before it paints, so the reader never sees another scroll position.
    fn swap(&self) {
        let scroll = scroll_position();
        let focus = document()
            .active_element()
            .and_then(|active| path_from(&self.page, &active));
        // What the reader typed already (the search field) goes with them.
        let typed = self.typed();
        if self.page.replace_with_with_node_1(&self.stage).is_err() {
            return;
        }
        for (path, value) in typed {
            if let Some(field) = follow(&self.stage, &path) {
                let _ = js_sys::Reflect::set(&field, &"value".into(), &value.into());
            }
        }
        if let Some(target) = focus.and_then(|path| follow(&self.stage, &path)) {
            if let Ok(target) = target.dyn_into::<HtmlElement>() {
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                let _ = target.focus_with_options(&options);
            }
        }
        request_animation_frame(move || {
            if scroll_position() != scroll {
                window().scroll_to_with_x_and_y(scroll.0, scroll.1);
            }
            mark(TAKEOVER_MARK);
        });
    }
}

impl PrerenderedPage {
    /// The fields of the prerendered page the reader has typed into: where
    /// each is and what it holds.
    fn typed(&self) -> Vec<(Vec<u32>, String)> {
        let Ok(fields) = self.page.query_selector_all("input, textarea") else {
            return Vec::new();
        };
        (0..fields.length())
            .filter_map(|index| fields.item(index)?.dyn_into::<Element>().ok())
            .filter_map(|field| {
                let value = js_sys::Reflect::get(&field, &"value".into()).ok()?.as_string()?;
                let default = field.get_attribute("value").unwrap_or_default();
                (value != default).then(|| Some((path_from(&self.page, &field)?, value)))?
            })
            .collect()
    }
}

/// In the app's layout: swaps the stage in once the first view and the site's
/// identity are loaded, and drops the first view's crawler tags on the first
/// move. Nothing when the page was not prerendered.
pub fn take_over_when_ready(site: Site, navigation: Navigation) {
    let (Some(page), Some(takeover)) = (use_context::<PrerenderedPage>(), use_takeover()) else {
        return;
    };
    effect_with_previous(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        match (takeover.first_view(), site.info.get()) {
            (Some(true), Some(_)) => {
                // A task of its own, after the view's last effects (the
                // sanitized body) have run.
                let page = page.clone();
                set_timeout(move || page.swap(), std::time::Duration::ZERO);
                true
            }
            (Some(false), _) => {
                warn("news portal: the first view did not load; the prerendered page stays");
                true
            }
            _ => false,
        }
    });
    effect_with_previous(move |done: Option<bool>| {
        if done != Some(true) && navigation.moves.get() > 0 {
            remove_crawler_tags();
            return true;
        }
        done.unwrap_or(false)
    });
}

/// Removes the prerendered head tags only crawlers read.
fn remove_crawler_tags() {
    remove_head_tags(&format!(r#"[{HEAD_ATTRIBUTE}="page"]"#));
}

/// The window's scroll position, `(x, y)`.
fn scroll_position() -> (f64, f64) {
    let window = window();
    (window.scroll_x().unwrap_or(0.0), window.scroll_y().unwrap_or(0.0))
}

/// The child indices from `root` down to `node`, if it is inside.
fn path_from(root: &Element, node: &Element) -> Option<Vec<u32>> {
    let mut path = Vec::new();
    let mut current = node.clone();
    while &current != root {
        let parent = current.parent_element()?;
        let children = parent.children();
        let index = (0..children.length()).find(|&i| children.item(i).as_ref() == Some(&current))?;
        path.push(index);
        current = parent;
    }
    path.reverse();
    Some(path)
}

/// The element at `path` below `root`.
fn follow(root: &Element, path: &[u32]) -> Option<Element> {
    path.iter()
        .try_fold(root.clone(), |element, &index| element.children().item(index))
}
