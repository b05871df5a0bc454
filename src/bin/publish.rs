//! `scripts/publish DIR [--content CONTENT_DIR] [--origin https://www.example.gov] [--cache CACHE_DIR]`:
//! what an agency's CI runs after every content change, on a built app in
//! `DIR` (`news_portal::host::publish` says how): build the API tree from
//! content files (with `--content`), or publish the tree a CMS exported
//! there (its photos' variants cached in `CACHE_DIR`, default
//! `.cache/photos`); check it; prerender every route; all or nothing.
//! Exit status 1 when the content or the tree has errors (`DIR` is then as
//! it was), 2 on wrong usage.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use news_portal::host::cli::parse;
    use news_portal::host::publish::{publish, Options, Refused};
    use std::path::PathBuf;
    use std::process::ExitCode;

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
    let options = Options {
        dir: PathBuf::from(&args.positional[0]),
        content: args.option("content").map(PathBuf::from),
        origin: args.option("origin"),
        cache: args.option("cache").map_or_else(
            || PathBuf::from(news_portal::host::photos::DEFAULT_CACHE),
            PathBuf::from,
        ),
    };
    match publish(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(refused) => {
            eprintln!("publish: {refused}");
            match refused {
                Refused::Usage(_) => ExitCode::from(2),
                Refused::Stopped(_) => ExitCode::FAILURE,
            }
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
