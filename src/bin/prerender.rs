//! `scripts/prerender DIR [--api API_DIR] [--origin https://www.example.gov]`:
//! writes every route of a built app as HTML (`news_portal::host::prerender`).
//! Exits non-zero only when it cannot work at all.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use news_portal::host::cli::parse;
    use news_portal::host::prerender::{check_origin, run, Options};
    use std::process::ExitCode;

    const USAGE: &str = "usage: prerender DIR [--api API_DIR] [--origin https://www.example.gov]";
    let args = match parse(
        "prerender",
        USAGE,
        std::env::args().skip(1),
        &["api", "origin"],
        &[],
        1,
    ) {
        Ok(args) => args,
        Err(code) => return code,
    };
    let dir = std::path::PathBuf::from(&args.positional[0]);
    let api = args.option("api").map(Into::into);
    let origin = args.option("origin");
    if let Some(Err(error)) = origin.as_deref().map(check_origin) {
        eprintln!("prerender: {error}");
        return ExitCode::from(2);
    }
    let started = std::time::Instant::now();
    let report = match run(&Options { dir, api, origin }) {
        Ok(report) => report,
        Err(error) => {
            eprintln!("prerender: {error}");
            return ExitCode::FAILURE;
        }
    };
    report.print(started.elapsed().as_secs_f64());
    ExitCode::SUCCESS
}

#[cfg(target_arch = "wasm32")]
fn main() {}
