//! What a prerender run did, printed as the command's output.

use super::search;
use crate::tree::Skipped;
use std::collections::BTreeMap;

/// What a run did.
#[derive(Debug, Default)]
pub struct Report {
    /// Pages written, by language and kind (`listing`, `tag`, `article`, `legal`, `search`).
    pub written: BTreeMap<(String, &'static str), usize>,
    /// Other files written (sitemap, feeds, robots.txt).
    pub files: Vec<String>,
    /// Documents not used, with the reason.
    pub skipped: Vec<Skipped>,
    /// Files of an earlier run removed because their route is gone.
    pub removed: Vec<String>,
    /// What was left out, and why (no `--origin`, no Pagefind).
    pub notes: Vec<String>,
    /// The languages whose search index was made, the seconds it took, and
    /// the peak memory in MiB of its largest Pagefind run where known.
    pub searchable: Vec<String>,
    pub search_seconds: f64,
    pub search_peak_mib: Option<f64>,
    /// The pictures of link previews the pages show, and how many of them
    /// this run drew (the others were there from an earlier run).
    pub previews: (usize, usize),
}

impl Report {
    /// Prints what the run did, as the command's output.
    pub fn print(&self, elapsed: f64) {
        let mut pages = 0;
        for ((lang, kind), count) in &self.written {
            println!("wrote {count:>6} {kind} page(s) in {lang}");
            pages += count;
        }
        for file in &self.files {
            println!("wrote {file}");
        }
        for file in &self.removed {
            println!("removed {file} (its route is gone)");
        }
        if self.previews.0 > 0 {
            println!(
                "{} picture(s) of link previews in {}/: {} drawn now, {} kept from an earlier run",
                self.previews.0,
                super::previews::FOLDER,
                self.previews.1,
                self.previews.0 - self.previews.1
            );
        }
        if !self.searchable.is_empty() {
            println!(
                "wrote the search index of {} into {}/ in {:.2} s",
                self.searchable.join(", "),
                search::FOLDER,
                self.search_seconds
            );
        }
        for note in &self.notes {
            println!("note: {note}");
        }
        for skipped in &self.skipped {
            println!(
                "skipped {}: {}; its route is left to the app",
                skipped.path, skipped.reason
            );
        }
        println!(
            "prerendered {pages} pages in {elapsed:.2} s ({:.0} pages/s), {} skipped{}{}",
            pages as f64 / elapsed.max(1e-9),
            self.skipped.len(),
            peak_memory()
                .map(|mib| format!(", peak memory {mib:.0} MiB"))
                .unwrap_or_default(),
            self.search_peak_mib
                .map(|mib| format!(" (each Pagefind up to {mib:.0} MiB)"))
                .unwrap_or_default()
        );
    }
}

/// The process's peak resident memory in MiB, where the system says (Linux).
fn peak_memory() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}
