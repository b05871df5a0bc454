//! `news-publish`'s arguments: a subcommand, then its folders, `--name value`
//! options and `--name` switches, `-h`/`--help`, and the same answer to a
//! mistake for every subcommand.

use std::collections::{BTreeMap, BTreeSet};
use std::process::ExitCode;

/// One subcommand: what it takes and the function that runs it.
pub struct Command {
    pub name: &'static str,
    /// One line for `news-publish --help`.
    pub summary: &'static str,
    /// What follows the name in the usage line.
    pub usage: &'static str,
    /// `--name value` options.
    pub options: &'static [&'static str],
    /// `--name` switches.
    pub switches: &'static [&'static str],
    /// How many folders come first (or between the options).
    pub folders: usize,
    pub run: fn(Args) -> ExitCode,
}

impl Command {
    fn usage(&self) -> String {
        format!("usage: news-publish {} {}", self.name, self.usage)
    }
}

/// What a subcommand was given.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Args {
    pub folders: Vec<String>,
    options: BTreeMap<String, String>,
    switches: BTreeSet<String>,
}

impl Args {
    /// The value of `--name`, if given.
    pub fn option(&self, name: &str) -> Option<String> {
        self.options.get(name).cloned()
    }

    /// Whether `--name` was given.
    pub fn switch(&self, name: &str) -> bool {
        self.switches.contains(name)
    }
}

/// Runs the subcommand that `args` (without the program's name) names, with
/// the rest of them; a missing or unknown subcommand prints the list (exit 2;
/// 0 for `--help`).
pub fn dispatch(commands: &[Command], args: impl IntoIterator<Item = String>) -> ExitCode {
    let mut args = args.into_iter();
    let first = args.next().unwrap_or_default();
    match commands.iter().find(|command| command.name == first) {
        Some(command) => match parse(command, args) {
            Ok(parsed) => (command.run)(parsed),
            Err(code) => code,
        },
        None => {
            let list: Vec<String> = commands
                .iter()
                .map(|command| format!("  {:<10} {}", command.name, command.summary))
                .collect();
            let help = format!(
                "usage: news-publish COMMAND [ARGS] (COMMAND --help for its own)\n{}",
                list.join("\n")
            );
            if first == "-h" || first == "--help" {
                println!("{help}");
                ExitCode::SUCCESS
            } else {
                if !first.is_empty() {
                    eprintln!("news-publish: no command {first:?}");
                }
                eprintln!("{help}");
                ExitCode::from(2)
            }
        }
    }
}

/// Reads `args` for `command`. `Err` is the exit code to leave with: 0 after
/// printing the usage for `--help`, 2 (usage on stderr) for anything else.
pub fn parse(command: &Command, args: impl IntoIterator<Item = String>) -> Result<Args, ExitCode> {
    let (name, usage) = (command.name, command.usage());
    let mut parsed = Args::default();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let option = arg.trim_start_matches('-');
        if arg == "-h" || arg == "--help" {
            println!("{usage}");
            return Err(ExitCode::SUCCESS);
        } else if arg.starts_with("--") && command.options.contains(&option) {
            let Some(value) = args.next() else {
                eprintln!("{name}: {arg} needs a value\n{usage}");
                return Err(ExitCode::from(2));
            };
            parsed.options.insert(option.to_string(), value);
        } else if arg.starts_with("--") && command.switches.contains(&option) {
            parsed.switches.insert(option.to_string());
        } else if !arg.starts_with('-') && parsed.folders.len() < command.folders {
            parsed.folders.push(arg);
        } else {
            eprintln!("{name}: unexpected {arg:?}\n{usage}");
            return Err(ExitCode::from(2));
        }
    }
    if parsed.folders.len() < command.folders {
        eprintln!("{usage}");
        return Err(ExitCode::from(2));
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|arg| arg.to_string()).collect()
    }

    fn done(_: Args) -> ExitCode {
        ExitCode::from(7)
    }

    const T: Command = Command {
        name: "t",
        summary: "a test",
        usage: "DIR [--origin URL] [--json]",
        options: &["origin"],
        switches: &["json"],
        folders: 1,
        run: done,
    };

    #[test]
    fn options_switches_and_folders() {
        let parsed = parse(&T, args(&["dir", "--origin", "https://x", "--json"])).unwrap();
        assert_eq!(parsed.folders, ["dir"]);
        assert_eq!(parsed.option("origin").as_deref(), Some("https://x"));
        assert!(parsed.switch("json"));
        assert_eq!(parsed.option("base"), None);
    }

    #[test]
    fn mistakes_and_help_end_the_command() {
        assert_eq!(parse(&T, args(&["--help"])), Err(ExitCode::SUCCESS));
        assert_eq!(parse(&T, args(&[])), Err(ExitCode::from(2)));
        assert_eq!(parse(&T, args(&["a", "b"])), Err(ExitCode::from(2)));
        assert_eq!(parse(&T, args(&["a", "--origin"])), Err(ExitCode::from(2)));
        assert_eq!(parse(&T, args(&["a", "--nope"])), Err(ExitCode::from(2)));
    }

    #[test]
    fn the_subcommand_runs_with_the_rest() {
        assert_eq!(dispatch(&[T], args(&["t", "dir"])), ExitCode::from(7));
        assert_eq!(dispatch(&[T], args(&["t"])), ExitCode::from(2));
        assert_eq!(dispatch(&[T], args(&["nope", "dir"])), ExitCode::from(2));
        assert_eq!(dispatch(&[T], args(&[])), ExitCode::from(2));
        assert_eq!(dispatch(&[T], args(&["--help"])), ExitCode::SUCCESS);
    }
}
