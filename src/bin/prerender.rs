//! `scripts/prerender DIR [--api API_DIR] [--origin https://www.example.gov]`:
//! writes every route of a built app as HTML (`news_portal::host::prerender`).
//! Exits non-zero only when it cannot work at all.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use news_portal::host::prerender::{check_origin, run, Options};
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
