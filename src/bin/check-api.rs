//! `scripts/check-api API_DIR [--base /portal/news/] [--origin https://www.example.gov] [--json]`:
//! checks a whole API tree as the app would read it (`news_portal::host::check`).
//! Exit status 1 on any error, 2 when it cannot run.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use news_portal::core::routes::BasePath;
    use news_portal::host::check::{check, Options, Severity};
    use std::process::ExitCode;

    const USAGE: &str =
        "usage: check-api API_DIR [--base /portal/news/] [--origin https://www.example.gov] [--json]";
    let mut args = std::env::args().skip(1);
    let (mut dir, mut options, mut json) = (None, Options::default(), false);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--base" => options.base = BasePath::new(&args.next().unwrap_or_default()),
            "--origin" => options.origin = args.next(),
            "--json" => json = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ if dir.is_none() && !arg.starts_with("--") => dir = Some(std::path::PathBuf::from(arg)),
            _ => {
                eprintln!("check-api: unexpected {arg:?}\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(dir) = dir else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let started = std::time::Instant::now();
    let report = match check(&dir, &options) {
        Ok(report) => report,
        Err(error) => {
            eprintln!("check-api: {error}");
            return ExitCode::from(2);
        }
    };
    let (errors, warnings) = (report.count(Severity::Error), report.count(Severity::Warning));
    if json {
        let out = serde_json::json!({
            "documents": report.documents,
            "errors": errors,
            "warnings": warnings,
            "findings": report.findings,
        });
        println!("{out:#}");
    } else {
        report.print(started.elapsed().as_secs_f64());
    }
    if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
