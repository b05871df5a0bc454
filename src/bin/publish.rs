//! `scripts/publish DIR [--content CONTENT_DIR] [--origin https://www.example.gov] [--cache CACHE_DIR]`:
//! what an agency's CI runs after every content change, on a built app in
//! `DIR`: build the API tree from content files (with `--content`), or give
//! the photos of a tree exported there by a CMS their sizes and formats (the
//! variants cached in `CACHE_DIR`, default `.cache/photos`); check it (stop on
//! errors, print warnings), prerender every route. The API tree is where the
//! app reads it: the folder `data-api` names inside `DIR`.
//! Exit status 1 when the content or the tree has errors, 2 on wrong usage.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use news_portal::host::check::{check, Options as CheckOptions, Severity};
    use news_portal::host::cli::parse;
    use news_portal::host::prerender::{check_origin, locate, run, Options};
    use std::path::PathBuf;
    use std::process::ExitCode;
    use std::time::Instant;

    const USAGE: &str =
        "usage: publish DIR [--content CONTENT_DIR] [--origin https://www.example.gov] [--cache CACHE_DIR]";
    let args = match parse(
        "publish",
        USAGE,
        std::env::args().skip(1),
        &["content", "origin", "cache"],
        &[],
        1,
    ) {
        Ok(args) => args,
        Err(code) => return code,
    };
    let dir = PathBuf::from(&args.positional[0]);
    let content = args.option("content").map(PathBuf::from);
    let origin = args.option("origin");
    if let Some(Err(error)) = origin.as_deref().map(check_origin) {
        eprintln!("publish: {error}");
        return ExitCode::from(2);
    }
    let options = Options {
        dir,
        api: None,
        origin: origin.clone(),
    };
    let (api_dir, base) = match locate(&options) {
        Ok(found) => found,
        Err(error) => {
            eprintln!("publish: {error}");
            return ExitCode::from(2);
        }
    };

    if let Some(content) = &content {
        println!("== build-api {} -> {}", content.display(), api_dir.display());
        let started = Instant::now();
        match news_portal::host::build::build(content, &api_dir) {
            Ok(built) => println!(
                "built {} article(s) in {} language(s), {} files, in {:.2} s",
                built.articles.values().sum::<usize>(),
                built.articles.len(),
                built.files,
                started.elapsed().as_secs_f64()
            ),
            Err(errors) => {
                for error in &errors {
                    eprintln!("error: {}/{error}", content.display());
                }
                eprintln!(
                    "publish: stopped: {} error(s) in the content; nothing was changed",
                    errors.len()
                );
                return ExitCode::FAILURE;
            }
        }
    } else {
        // A tree exported by a CMS: its raster photos get their variants here.
        let cache = args
            .option("cache")
            .map_or_else(|| PathBuf::from(".cache/photos"), PathBuf::from);
        println!(
            "== photo variants {} (cache {})",
            api_dir.display(),
            cache.display()
        );
        let started = Instant::now();
        match news_portal::host::photos::tree::add_variants(&api_dir, &base, &cache) {
            Ok(report) => report.print(started.elapsed().as_secs_f64()),
            Err(error) => {
                eprintln!("publish: photo variants: {error}");
                return ExitCode::FAILURE;
            }
        }
    }

    println!("== check-api {}", api_dir.display());
    let started = Instant::now();
    let report = match check(&api_dir, &CheckOptions { base, origin }) {
        Ok(report) => report,
        Err(error) => {
            eprintln!("publish: {error}");
            return ExitCode::FAILURE;
        }
    };
    report.print(started.elapsed().as_secs_f64());
    if report.count(Severity::Error) > 0 {
        eprintln!("publish: stopped: the API tree has errors (above); nothing was prerendered");
        return ExitCode::FAILURE;
    }

    println!("== prerender {}", options.dir.display());
    let started = Instant::now();
    match run(&options) {
        Ok(report) => report.print(started.elapsed().as_secs_f64()),
        Err(error) => {
            eprintln!("publish: {error}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

#[cfg(target_arch = "wasm32")]
fn main() {}
