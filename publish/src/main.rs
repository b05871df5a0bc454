//! `news-publish COMMAND …`: the publishing side's one command, which
//! scripts/build-api, scripts/check-api, scripts/prerender and scripts/publish
//! call (docs/publishing.md). Each subcommand is a stage of the publish chain
//! run alone, or the whole chain (`publish`). Exit status 1 when the content
//! or the tree has errors, 2 on wrong usage or when a stage cannot run.

use news_portal::core::routes::BasePath;
use news_publish::cli::{dispatch, Args, Command};
use news_publish::{build, check, photos, prerender, publish};
use std::path::PathBuf;
use std::process::ExitCode;

const COMMANDS: [Command; 4] = [
    Command {
        name: "build-api",
        summary: "the API tree built from Markdown and TOML files",
        usage: "CONTENT_DIR OUT_DIR [--cache CACHE_DIR]",
        options: &["cache"],
        switches: &[],
        folders: 2,
        run: build_api,
    },
    Command {
        name: "check-api",
        summary: "a whole API tree checked as the app would read it",
        usage: "API_DIR [--base /portal/news/] [--origin https://www.example.gov] [--json]",
        options: &["base", "origin"],
        switches: &["json"],
        folders: 1,
        run: check_api,
    },
    Command {
        name: "prerender",
        summary: "every route of a built app written as HTML",
        usage: "DIR [--api API_DIR] [--origin https://www.example.gov]",
        options: &["api", "origin"],
        switches: &[],
        folders: 1,
        run: prerender,
    },
    Command {
        name: "publish",
        summary: "build (or take a CMS's tree), check and prerender, all or nothing",
        usage: "DIR [--content CONTENT_DIR] [--origin https://www.example.gov] [--cache CACHE_DIR]",
        options: &["content", "origin", "cache"],
        switches: &[],
        folders: 1,
        run: publish,
    },
];

fn main() -> ExitCode {
    dispatch(&COMMANDS, std::env::args().skip(1))
}

/// The photo cache: `--cache`, or `.cache/photos` in the current folder.
fn cache(args: &Args) -> PathBuf {
    PathBuf::from(
        args.option("cache")
            .unwrap_or_else(|| photos::DEFAULT_CACHE.to_string()),
    )
}

fn build_api(args: Args) -> ExitCode {
    let [content, out] = [&args.folders[0], &args.folders[1]];
    let started = std::time::Instant::now();
    match build::build_with(content.as_ref(), out.as_ref(), &cache(&args)) {
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

fn check_api(args: Args) -> ExitCode {
    use check::Severity;
    let dir = PathBuf::from(&args.folders[0]);
    let options = check::Options {
        base: BasePath::new(&args.option("base").unwrap_or_else(|| "/".into())),
        origin: args.option("origin"),
    };
    let started = std::time::Instant::now();
    let report = match check::check(&dir, &options) {
        Ok(report) => report,
        Err(error) => {
            eprintln!("check-api: {error}");
            return ExitCode::from(2);
        }
    };
    let (errors, warnings) = (report.count(Severity::Error), report.count(Severity::Warning));
    if args.switch("json") {
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

fn prerender(args: Args) -> ExitCode {
    let origin = args.option("origin");
    if let Some(Err(error)) = origin.as_deref().map(prerender::check_origin) {
        eprintln!("prerender: {error}");
        return ExitCode::from(2);
    }
    let options = prerender::Options {
        dir: PathBuf::from(&args.folders[0]),
        api: args.option("api").map(Into::into),
        origin,
    };
    let started = std::time::Instant::now();
    match prerender::run(&options) {
        Ok(report) => {
            report.print(started.elapsed().as_secs_f64());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("prerender: {error}");
            ExitCode::FAILURE
        }
    }
}

fn publish(args: Args) -> ExitCode {
    let options = publish::Options {
        dir: PathBuf::from(&args.folders[0]),
        content: args.option("content").map(PathBuf::from),
        origin: args.option("origin"),
        cache: cache(&args),
    };
    match publish::publish(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(refused) => {
            eprintln!("publish: {refused}");
            match refused {
                publish::Refused::Usage(_) => ExitCode::from(2),
                publish::Refused::Stopped(_) => ExitCode::FAILURE,
            }
        }
    }
}
