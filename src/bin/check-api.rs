//! `scripts/check-api API_DIR [--base /portal/news/] [--origin https://www.example.gov] [--json]`:
//! checks a whole API tree as the app would read it (`news_portal::host::check`).
//! Exit status 1 on any error, 2 when it cannot run.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use news_portal::core::routes::BasePath;
    use news_portal::host::check::{check, Options, Severity};
    use news_portal::host::cli::parse;
    use std::process::ExitCode;

    const USAGE: &str =
        "usage: check-api API_DIR [--base /portal/news/] [--origin https://www.example.gov] [--json]";
    let args = match parse(
        "check-api",
        USAGE,
        std::env::args().skip(1),
        &["base", "origin"],
        &["json"],
        1,
    ) {
        Ok(args) => args,
        Err(code) => return code,
    };
    let dir = std::path::PathBuf::from(&args.positional[0]);
    let options = Options {
        base: BasePath::new(&args.option("base").unwrap_or_else(|| "/".into())),
        origin: args.option("origin"),
    };
    let json = args.switch("json");
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
