//! `scripts/build-api CONTENT_DIR OUT_DIR [--cache CACHE_DIR]`: the API tree built from Markdown
//! and TOML files (`news_portal::host::build`). Exit status 1 when the content
//! has errors (nothing is written then), 2 on wrong usage.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use news_portal::host::cli::parse;
    use std::process::ExitCode;

    const USAGE: &str = "usage: build-api CONTENT_DIR OUT_DIR [--cache CACHE_DIR]";
    let args = match parse("build-api", USAGE, std::env::args().skip(1), &["cache"], &[], 2) {
        Ok(args) => args,
        Err(code) => return code,
    };
    let [content, out] = [&args.positional[0], &args.positional[1]];
    let started = std::time::Instant::now();
    let cache = args
        .option("cache")
        .unwrap_or_else(|| news_portal::host::photos::DEFAULT_CACHE.to_string());
    match news_portal::host::build::build_with(content.as_ref(), out.as_ref(), cache.as_ref()) {
        Ok(built) => {
            for (lang, count) in &built.articles {
                println!("built {count:>6} article(s) in {lang}");
            }
            println!(
                "wrote {} files into {out} in {:.2} s",
                built.files,
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(errors) => {
            for error in &errors {
                if error.in_content() {
                    eprintln!("error: {content}/{error}");
                } else {
                    eprintln!("error: {error}");
                }
            }
            eprintln!("build-api: {} error(s); nothing was written", errors.len());
            ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
