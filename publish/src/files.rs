//! The publishing side's boundary with the file system. What it reads (a
//! CMS's export, a content folder) is untrusted: an editor's account can be
//! taken over, a plugin can write odd paths. So every stage goes through here:
//!
//! - `tree::tree_file` (beside the tree it confines paths to) turns a
//!   document's URL into a file of its tree, or refuses;
//! - [`refused`] finds what no stage may touch in a tree (symbolic links,
//!   pipes and devices, names that are not UTF-8): the stages refuse a tree
//!   that has any, before they read it;
//! - [`write`] writes a file whole or not at all (a new file renamed into
//!   place), so that nothing is ever written through a link or a hard link
//!   shared with the live site;
//! - [`Lock`], [`clone_tree`] and [`swap`] let the publish step build the new
//!   site beside the live one and put it in place only when every stage passed.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// What an entry of a tree is, when no stage may read or write it: a
/// symbolic link (it can make a publish read a file of the build machine, or
/// write into another folder), a special file (a named pipe would hang the
/// step, a device would read forever), a name that is not UTF-8 (no URL
/// names it, and no message could say which it is), or a name with a `\` or
/// a control character (`..\..\x` is a path on other systems; a line break
/// would forge a line of the step's output).
fn refusal(kind: std::fs::FileType, name: &std::ffi::OsStr) -> Option<&'static str> {
    if kind.is_symlink() {
        Some("a symbolic link")
    } else if !kind.is_dir() && !kind.is_file() {
        Some("a special file (a pipe, socket or device)")
    } else if name.to_str().is_none() {
        Some("a name that is not UTF-8")
    } else if name.to_str().is_some_and(|name| name.contains('\\')) {
        // Some hosts, and any code that writes `/` for `\`, take it for a folder.
        Some("a name with a `\\`")
    } else if name
        .to_str()
        .is_some_and(|name| name.chars().any(char::is_control))
    {
        Some("a name with a control character (a line break)")
    } else {
        None
    }
}

/// Walks the tree below `root` without following links: `visit` gets each
/// entry's path below `root`, the entry and its type (a link is a link), and
/// says whether to enter it (for a folder). Folders are not visited in any
/// particular order.
pub fn walk(
    root: &Path,
    mut visit: impl FnMut(&Path, &std::fs::DirEntry, std::fs::FileType) -> std::io::Result<bool>,
) -> std::io::Result<()> {
    let mut folders = vec![PathBuf::new()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(root.join(&folder))? {
            let entry = entry?;
            let below = folder.join(entry.file_name());
            let kind = entry.file_type()?;
            if visit(&below, &entry, kind)? && kind.is_dir() {
                folders.push(below);
            }
        }
    }
    Ok(())
}

/// A path below a tree as its URL path has it: `/`-separated. (Names with a
/// `\` are [`refused`] before any stage lists a tree.)
pub fn slashed(below: &Path) -> String {
    below.to_string_lossy().replace(std::path::MAIN_SEPARATOR, "/")
}

/// Every entry below `root` that no stage reads or writes (see [`refusal`]),
/// without following any link: its path below `root` and what it is, sorted.
/// The stages refuse a tree with any, before they read it.
pub fn refused(root: &Path) -> std::io::Result<Vec<(String, &'static str)>> {
    let mut found = Vec::new();
    walk(root, |below, entry, kind| {
        match refusal(kind, &entry.file_name()) {
            Some(what) => {
                found.push((slashed(below), what));
                Ok(false)
            }
            None => Ok(true),
        }
    })?;
    found.sort();
    Ok(found)
}

/// The message for a tree with refused entries, naming at most a few.
pub fn refused_message(what: &str, entries: &[(String, &'static str)]) -> String {
    const SHOWN: usize = 5;
    let mut named = entries
        .iter()
        .take(SHOWN)
        .map(|(path, kind)| format!("{path}: {kind}"))
        .collect::<Vec<_>>()
        .join(", ");
    if entries.len() > SHOWN {
        named.push_str(&format!(" and {} more", entries.len() - SHOWN));
    }
    let count = match entries.len() {
        1 => "an entry".to_string(),
        n => format!("{n} entries"),
    };
    format!(
        "{what} holds {count} the publish step does not touch ({named}): it follows no symbolic link and reads only plain files and folders with plain UTF-8 names; put the file itself there"
    )
}

/// Writes `bytes` to `path` whole or not at all: into a new file beside it
/// (created, never opened if it exists), then renamed over `path`. A rename
/// replaces a link or a hard-linked file at `path` instead of writing through
/// it, and a reader never sees half a file. Makes the parent folders.
pub fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let name = path
        .file_name()
        .map_or("file".into(), |n| n.to_string_lossy().into_owned());
    let partial = path.with_file_name(format!(
        ".{name}.{}-{}.partial",
        std::process::id(),
        COUNT.fetch_add(1, Ordering::Relaxed)
    ));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&partial)
        .and_then(|mut file| file.write_all(bytes));
    match written.and_then(|()| std::fs::rename(&partial, path)) {
        Ok(()) => Ok(()),
        Err(error) => {
            let _ = std::fs::remove_file(&partial);
            Err(error)
        }
    }
}

/// Copies the file `from` to `to` as [`write`] writes: a new file renamed into place.
pub fn copy(from: &Path, to: &Path) -> std::io::Result<()> {
    write(to, &std::fs::read(from)?)
}

/// An exclusive lock on a folder's publishing, held until dropped (and by the
/// system only as long as the process lives: a killed publish leaves no
/// stale lock). Kept beside the folder, since the folder itself is swapped.
pub struct Lock {
    _file: std::fs::File,
}

impl Lock {
    /// Takes the lock of `dir`; when another process holds it, calls `waiting`
    /// once and waits for it.
    pub fn take(dir: &Path, waiting: impl FnOnce(&Path)) -> std::io::Result<Lock> {
        let path = beside(dir, "publish.lock");
        let mut open = std::fs::OpenOptions::new();
        open.create(true).truncate(false).write(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::custom_flags(&mut open, libc_no_follow());
        let file = open.open(&path)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                waiting(&path);
                file.lock()?;
            }
            Err(std::fs::TryLockError::Error(error)) => return Err(error),
        }
        Ok(Lock { _file: file })
    }
}

/// `O_NOFOLLOW`: the lock file is never opened through a link.
#[cfg(unix)]
fn libc_no_follow() -> i32 {
    #[cfg(target_os = "linux")]
    return libc::O_NOFOLLOW;
    #[cfg(not(target_os = "linux"))]
    return 0x100; // macOS and the BSDs
}

/// `true` when `path` exists and is `folder` or inside it (links resolved).
pub fn is_inside(path: &Path, folder: &Path) -> bool {
    match (path.canonicalize(), folder.canonicalize()) {
        (Ok(path), Ok(folder)) => path.starts_with(folder),
        _ => false,
    }
}

/// A hidden sibling of `dir` for `purpose`: `site/` → `.site.publishing`.
pub fn beside(dir: &Path, purpose: &str) -> PathBuf {
    let name = dir
        .file_name()
        .map_or("site".into(), |n| n.to_string_lossy().into_owned());
    dir.with_file_name(format!(".{name}.{purpose}"))
}

/// Makes `to` (which must not exist) a copy of the tree `from` whose files
/// are hard links to `from`'s (a copy where the file system has none): cheap
/// however large the site, and safe because every stage writes by [`write`],
/// which replaces a file instead of changing it. Returns the entries
/// [`refused`] would (nothing is copied for them; the caller refuses the tree).
pub fn clone_tree(from: &Path, to: &Path) -> std::io::Result<Vec<(String, &'static str)>> {
    let mut found = Vec::new();
    // Folders get their permissions (the web server may need them) once
    // they are filled, in case one is read-only.
    let mut permissions = vec![(to.to_path_buf(), std::fs::metadata(from)?.permissions())];
    std::fs::create_dir(to)?;
    walk(from, |below, entry, kind| {
        if let Some(what) = refusal(kind, &entry.file_name()) {
            found.push((slashed(below), what));
            return Ok(false);
        }
        let (source, target) = (entry.path(), to.join(below));
        if kind.is_dir() {
            std::fs::create_dir(&target)?;
            permissions.push((target, std::fs::metadata(&source)?.permissions()));
        } else if std::fs::hard_link(&source, &target).is_err() {
            std::fs::copy(&source, &target)?;
        }
        Ok(kind.is_dir())
    })?;
    for (folder, permissions) in permissions.into_iter().rev() {
        std::fs::set_permissions(folder, permissions)?;
    }
    found.sort();
    Ok(found)
}

/// Puts the folder `new` in the place of `live`, and `live`'s old contents at
/// `new`: in one step where the system can (Linux's `renameat2` with
/// `RENAME_EXCHANGE`), so that there is no moment without a site; elsewhere
/// by two renames.
pub fn swap(new: &Path, live: &Path) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use std::ffi::CString;
        use std::os::unix::ffi::OsStrExt;
        let c = |path: &Path| {
            CString::new(path.as_os_str().as_bytes()).map_err(|_| std::io::Error::other("a NUL in a path"))
        };
        let (a, b) = (c(new)?, c(live)?);
        // SAFETY: two valid NUL-terminated paths, relative to the working folder.
        let done = unsafe {
            libc::renameat2(
                libc::AT_FDCWD,
                a.as_ptr(),
                libc::AT_FDCWD,
                b.as_ptr(),
                libc::RENAME_EXCHANGE,
            )
        };
        if done == 0 {
            return Ok(());
        }
        let error = std::io::Error::last_os_error();
        // A file system without the exchange: the two renames below.
        if !matches!(error.raw_os_error(), Some(libc::EINVAL) | Some(libc::ENOSYS)) {
            return Err(error);
        }
    }
    let old = beside(live, "swapping");
    let _ = std::fs::remove_dir_all(&old);
    std::fs::rename(live, &old)?;
    if let Err(error) = std::fs::rename(new, live) {
        let _ = std::fs::rename(&old, live);
        return Err(error);
    }
    std::fs::rename(&old, new)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_pipes_and_odd_names_are_found_without_following_them() {
        use std::os::unix::ffi::OsStrExt;
        let root = std::env::temp_dir().join(format!("news-files-links-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("a/b")).unwrap();
        std::fs::write(root.join("a/b/file.json"), "{}").unwrap();
        std::os::unix::fs::symlink("/etc", root.join("a/etc")).unwrap();
        std::os::unix::fs::symlink("/etc/hostname", root.join("a/b/host.json")).unwrap();
        std::fs::write(
            root.join(std::ffi::OsStr::from_bytes(b"a/e\xffvil.svg")),
            "<svg/>",
        )
        .unwrap();
        let fifo = std::ffi::CString::new(root.join("a/pipe.svg").as_os_str().as_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0);
        let found = refused(&root).unwrap();
        let names: Vec<&str> = found.iter().map(|(path, _)| path.as_str()).collect();
        assert_eq!(
            names,
            ["a/b/host.json", "a/etc", "a/e\u{fffd}vil.svg", "a/pipe.svg"]
        );
        let message = refused_message("the API folder", &found);
        assert!(
            message.contains("holds 4 entries") && message.contains("a/etc: a symbolic link"),
            "{message}"
        );
        assert!(message.contains("a/pipe.svg: a special file"), "{message}");
        assert_eq!(clone_tree(&root, &root.with_extension("copy")).unwrap(), found);
        std::fs::remove_dir_all(&root).unwrap();
        std::fs::remove_dir_all(root.with_extension("copy")).unwrap();
    }

    #[test]
    fn writes_replace_links_and_hard_links_instead_of_writing_through_them() {
        let root = std::env::temp_dir().join(format!("news-files-write-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(&root).unwrap();
        let outside = root.join("outside.txt");
        std::fs::write(&outside, "keep").unwrap();
        std::os::unix::fs::symlink(&outside, root.join("link.json")).unwrap();
        std::fs::hard_link(&outside, root.join("hard.json")).unwrap();
        write(&root.join("link.json"), b"new").unwrap();
        write(&root.join("hard.json"), b"new").unwrap();
        write(&root.join("deep/er/x.json"), b"made").unwrap();
        assert_eq!(std::fs::read_to_string(&outside).unwrap(), "keep");
        assert_eq!(std::fs::read_to_string(root.join("link.json")).unwrap(), "new");
        assert!(!std::fs::symlink_metadata(root.join("link.json"))
            .unwrap()
            .is_symlink());
        assert_eq!(
            std::fs::read_to_string(root.join("deep/er/x.json")).unwrap(),
            "made"
        );
        // No partial file is left behind.
        let names: Vec<String> = std::fs::read_dir(&root)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(names.iter().all(|name| !name.ends_with(".partial")), "{names:?}");
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn a_clone_shares_files_until_one_is_written_and_a_swap_exchanges_folders() {
        let root = std::env::temp_dir().join(format!("news-files-clone-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let live = root.join("site");
        std::fs::create_dir_all(live.join("en/news")).unwrap();
        std::fs::write(live.join("index.html"), "old").unwrap();
        std::fs::write(live.join("en/news/a.html"), "a").unwrap();
        let new = beside(&live, "publishing");
        assert!(clone_tree(&live, &new).unwrap().is_empty());
        write(&new.join("index.html"), b"new").unwrap();
        assert_eq!(std::fs::read_to_string(live.join("index.html")).unwrap(), "old");
        assert_eq!(std::fs::read_to_string(new.join("en/news/a.html")).unwrap(), "a");
        swap(&new, &live).unwrap();
        assert_eq!(std::fs::read_to_string(live.join("index.html")).unwrap(), "new");
        assert_eq!(std::fs::read_to_string(new.join("index.html")).unwrap(), "old");
        std::fs::remove_dir_all(&root).unwrap();
    }
}
