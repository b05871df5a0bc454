//! The check of photos: each `src` confined to the tree (`tree::tree_file`),
//! the file there and its size as the document says, the variants
//! (`sources`) and the preview image.

use super::*;

impl Checker {
    /// A photo or logo: its address, its file and the file's real size, its alt text.
    pub(super) fn image(&mut self, file: &str, url: &str, at: &str, photo: &Photo, sized: bool) {
        let here = Some(at.to_string());
        if photo.alt.trim().is_empty() {
            let message = "no `alt` text: screen readers cannot say what it shows".into();
            self.warning(file, here.clone(), message);
        }
        let resolve = resolver(url);
        let Some(absolute) = media_url(&photo.src, &resolve) else {
            let message = format!(
                "`src` {:?} is not an http(s) address: the app shows no photo",
                photo.src
            );
            self.error(file, here, message);
            return;
        };
        if sized && (photo.width.is_none() || photo.height.is_none()) {
            let message = "no `width` and `height`: the page shifts when the photo arrives".into();
            self.warning(file, here.clone(), message);
        }
        if scheme(photo.src.trim()).is_some() {
            return; // On another server: not checked here.
        }
        let (below, path) = match self.local(&absolute, &photo.src) {
            Ok(found) => found,
            Err(Outside::Elsewhere) => {
                let message = format!(
                    "`src` {:?} is outside the API folder, so it is not checked",
                    photo.src
                );
                self.warning(file, here, message);
                return;
            }
            Err(Outside::Escapes(why)) => {
                let message = format!("`src` {:?} is refused, and nothing is read: {why}", photo.src);
                self.error(file, here, message);
                return;
            }
        };
        if !self.sizes.contains_key(&path) && !path.is_file() {
            let message = format!(
                "`src` {:?} names {below}, which does not exist: readers see no photo",
                photo.src
            );
            self.error(file, here, message);
            return;
        }
        let size = self
            .sizes
            .entry(path.clone())
            .or_insert_with(|| measure(&path))
            .clone();
        let (real_width, real_height) = match size {
            Ok(size) => size,
            // A JPEG, PNG or WebP the browser cannot read is a broken photo.
            Err(error) if crate::images::is_raster(&path) => {
                self.error(
                    file,
                    here,
                    format!("{below}: {error}: readers see a broken photo"),
                );
                return;
            }
            Err(error) => {
                self.warning(file, here, format!("{below}: {error}"));
                return;
            }
        };
        let (Some(width), Some(height)) = (photo.width, photo.height) else {
            return;
        };
        if (width, height) == (real_width, real_height) || width == 0 || height == 0 {
            return;
        }
        let said = width as f64 / height as f64;
        let real = real_width as f64 / real_height as f64;
        if (said / real - 1.0).abs() > 0.01 {
            let message = format!("`width`×`height` say {width}×{height}, but {below} is {real_width}×{real_height}: another shape, so the page shifts when it loads");
            self.error(file, here, message);
        } else {
            let message =
                format!("`width`×`height` say {width}×{height}, but {below} is {real_width}×{real_height}");
            self.warning(file, here, message);
        }
    }

    /// A photo's `sources` (its variants): each a usable address whose file
    /// exists; a raster photo without any is downloaded whole by every reader.
    pub(super) fn sources(&mut self, file: &str, url: &str, at: &str, photo: &Photo) {
        let resolve = resolver(url);
        for (i, source) in photo.sources.iter().enumerate() {
            let here = Some(format!("{at}.sources[{i}]"));
            let Some(absolute) = media_url(&source.src, &resolve) else {
                let message = format!(
                    "`src` {:?} is not an http(s) address: browsers skip this variant",
                    source.src
                );
                self.error(file, here, message);
                continue;
            };
            match self.local(&absolute, &source.src) {
                Ok((below, path)) if !path.is_file() => {
                    let message = format!(
                        "`src` {:?} names {below}, which does not exist: browsers that pick it show no photo",
                        source.src
                    );
                    self.error(file, here, message);
                }
                Err(Outside::Escapes(why)) => {
                    let message = format!("`src` {:?} is refused, and nothing is read: {why}", source.src);
                    self.error(file, here, message);
                }
                Ok(_) | Err(Outside::Elsewhere) => {}
            }
        }
        if !photo.sources.is_empty() {
            return;
        }
        let Some(absolute) = media_url(&photo.src, &resolve) else {
            return;
        };
        let Ok((below, path)) = self.local(&absolute, &photo.src) else {
            return;
        };
        if crate::images::is_raster(&path) {
            let size =
                std::fs::metadata(&path).map_or(String::new(), |m| format!(" ({} KB)", m.len() / 1000));
            let message = format!("no `sources`: every reader downloads {below}{size} whole; publish with photo variants (README, \"Photos\")");
            self.warning(file, Some(at.to_string()), message);
        }
    }

    /// The file below the API folder that a relative reference names (by
    /// `tree::tree_file`, the one rule every stage follows).
    pub(super) fn local(&self, absolute: &str, reference: &str) -> Result<(String, PathBuf), Outside> {
        if scheme(reference.trim()).is_some() {
            return Err(Outside::Elsewhere);
        }
        tree_file(&self.dir, &self.api_url, absolute)
    }

    /// What a link preview of the article shows (the prerender's pictures,
    /// `prerender::previews`): an SVG of the tree is drawn as a JPEG, and an
    /// article without a photo shows the site's picture (its logo); a warning
    /// where the preview would still be poor.
    pub(super) fn preview_image(&mut self, file: &str, url: &str, photo: &Photo) {
        let Some(absolute) = media_url(&photo.src, &resolver(url)) else {
            return;
        };
        let in_tree = self.local(&absolute, &photo.src).is_ok();
        let message = if crate::images::is_svg(&photo.src) {
            if in_tree {
                return;
            }
            "an SVG on another host, which the publish step cannot draw as a JPEG: link previews (Facebook, X, Telegram) show the site's picture instead".to_string()
        } else {
            match photo.width {
                Some(width) if width < PREVIEW_WIDTH => format!(
                    "{width} px wide: link previews show it small or not at all (Facebook and X ask for {PREVIEW_WIDTH} px)"
                ),
                _ => return,
            }
        };
        self.warning(file, Some("photo".into()), message);
    }
}

/// The width below which a link preview shows a photo poorly: Facebook's
/// large card needs 600 px.
const PREVIEW_WIDTH: u32 = 600;
