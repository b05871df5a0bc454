//! Photos and other files that content refers to: each reference confined to
//! the content folder, copied (photos without their metadata) and given
//! their variants.

use super::*;

impl Builder {
    /// Checks a media reference: an http(s) URL is kept; a path must name a
    /// file inside the content folder. `from` is the folder the path is
    /// relative to (below the content folder). Returns the reference as written.
    pub(super) fn media(
        &mut self,
        src: &str,
        from: &Path,
        file: &str,
        line: Option<usize>,
    ) -> Option<String> {
        if let Some(scheme) = scheme(src) {
            if matches!(scheme.as_str(), "http" | "https") {
                return Some(src.to_string());
            }
            self.error(
                file,
                line,
                format!("{src:?} is neither a file nor an http(s) address"),
            );
            return None;
        }
        // The path is written into the tree as a URL, where `%` starts an
        // escape: `%2e%2e` would be a folder here and `..` to a browser.
        if src.contains('%') {
            let message = format!("{src:?} has a `%`, which an address reads as an escape: it would name another file once published; rename it");
            self.error(file, line, message);
            return None;
        }
        let target = normalize(&from.join(src));
        match target {
            Some(target) if self.content.join(&target).is_file() => Some(src.to_string()),
            _ => {
                self.error(
                    file,
                    line,
                    format!("{src:?} names no file inside the content folder"),
                );
                None
            }
        }
    }

    /// Every file that is not content (photos, logos) is copied as it is.
    pub(super) fn assets(&mut self, languages: &[&str]) {
        // Links and pipes were refused before: a folder is a folder here.
        let mut assets = Vec::new();
        let _ = files::walk(&self.content, |below, entry, kind| {
            let name = files::slashed(below);
            if kind.is_file() && !(name == "site.toml" || name.ends_with(".md") || name.starts_with('.')) {
                assets.push((name, entry.path()));
            }
            Ok(kind.is_dir())
        });
        for (name, path) in assets {
            if let Some(why) = crate::images::active_file(&path) {
                self.error(&name, None, format!("{why}; remove it"));
            }
            let output = match photos::needs_strip(&path) {
                Ok(true) => Output::Photo(path),
                Ok(false) => Output::Copy(path),
                Err(error) => {
                    self.error(&name, None, format!("cannot be published: {error}"));
                    continue;
                }
            };
            self.files.insert(name, output);
        }
        // A language folder site.toml does not name is a mistake worth stopping for.
        if let Ok(entries) = std::fs::read_dir(&self.content) {
            let mut folders: Vec<String> = entries
                .flatten()
                .filter(|e| has_markdown(&e.path().join("news")) || has_markdown(&e.path().join("pages")))
                .filter_map(|e| e.file_name().into_string().ok())
                .filter(|name| !languages.contains(&name.as_str()))
                .collect();
            folders.sort();
            for folder in folders {
                self.error(
                    &format!("{folder}/"),
                    None,
                    "holds content, but site.toml does not list this language",
                );
            }
        }
    }

    pub(super) fn photo(&mut self, photo: &PhotoToml, folder: &Path, file: &str) -> Option<PhotoOut> {
        let src = self.media(photo.src.trim(), folder, file, None)?;
        if photo.alt.trim().is_empty() {
            self.error(
                file,
                None,
                format!("the photo {src:?} has no `alt`: say what it shows, for readers who cannot see it"),
            );
        }
        let mut sources = Vec::new();
        let (width, height) = if scheme(&src).is_some() {
            (photo.width, photo.height)
        } else {
            let path = self.content.join(normalize(&folder.join(&src))?);
            let size = if crate::images::is_raster(&path) {
                // Sizes and formats for every screen; the original stays the `src`.
                match self.known.variants(&path, &self.cache) {
                    Ok(variants) => {
                        for variant in &variants.files {
                            let file = format!("{VARIANTS_FOLDER}/{}", variant.name);
                            self.files
                                .insert(file, Output::Copy(self.cache.join(&variant.name)));
                        }
                        sources = variants.sources(folder.components().count());
                        Ok((variants.width, variants.height))
                    }
                    Err(error) => Err(error),
                }
            } else {
                image_size(&path).map_err(|error| error.to_string())
            };
            match size {
                Ok((width, height)) => (Some(width), Some(height)),
                Err(error) => {
                    self.error(file, None, format!("the photo {src:?}: {error}"));
                    return None;
                }
            }
        };
        Some(PhotoOut {
            src,
            alt: photo.alt.clone(),
            width,
            height,
            caption: photo.caption.clone(),
            credit: photo.credit.clone(),
            sources,
        })
    }
}

/// `path` with `.` and `..` applied; `None` if it climbs out of its root.
fn normalize(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::Normal(name) => out.push(name),
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            _ => return None,
        }
    }
    Some(out)
}
