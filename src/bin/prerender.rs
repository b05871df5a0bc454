//! `scripts/prerender DIR [--api API_DIR] [--origin https://www.example.gov]`:
//! writes every route of a built app as HTML (`news_portal::host::prerender`).
//! Exits non-zero only when it cannot work at all.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use news_portal::host::prerender::{run, Options};
    use std::process::ExitCode;

    const USAGE: &str = "usage: prerender DIR [--api API_DIR] [--origin https://www.example.gov]";
    let mut args = std::env::args().skip(1);
    let (mut dir, mut api, mut origin) = (None, None, None);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--api" => api = args.next().map(Into::into),
            "--origin" => origin = args.next(),
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ if dir.is_none() && !arg.starts_with("--") => dir = Some(arg.into()),
            _ => {
                eprintln!("prerender: unexpected {arg:?}\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(dir) = dir else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    if let Some(origin) = &origin {
        if url::Url::parse(origin).map_or(true, |url| !matches!(url.scheme(), "http" | "https")) {
            eprintln!("prerender: --origin must be an http(s) URL, like https://www.example.gov");
            return ExitCode::from(2);
        }
    }
    let started = std::time::Instant::now();
    let report = match run(&Options { dir, api, origin }) {
        Ok(report) => report,
        Err(error) => {
            eprintln!("prerender: {error}");
            return ExitCode::FAILURE;
        }
    };
    let elapsed = started.elapsed().as_secs_f64();
    let mut pages = 0;
    for ((lang, kind), count) in &report.written {
        println!("wrote {count:>6} {kind} page(s) in {lang}");
        pages += count;
    }
    for file in &report.files {
        println!("wrote {file}");
    }
    for file in &report.removed {
        println!("removed {file} (its route is gone)");
    }
    for note in &report.notes {
        println!("note: {note}");
    }
    for skipped in &report.skipped {
        println!(
            "skipped {}: {}; its route is left to the app",
            skipped.path, skipped.reason
        );
    }
    println!(
        "prerendered {pages} pages in {elapsed:.2} s ({:.0} pages/s), {} skipped{}",
        pages as f64 / elapsed.max(1e-9),
        report.skipped.len(),
        peak_memory()
            .map(|mib| format!(", peak memory {mib:.0} MiB"))
            .unwrap_or_default()
    );
    ExitCode::SUCCESS
}

/// The process's peak resident memory in MiB, where the system says (Linux).
#[cfg(not(target_arch = "wasm32"))]
fn peak_memory() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

#[cfg(target_arch = "wasm32")]
fn main() {}
