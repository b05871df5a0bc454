//! The publishing commands' arguments (`scripts/prerender`, `check-api`,
//! `build-api`, `publish`): positional folders, `--name value` options and
//! `--name` switches, `-h`/`--help`, and the same answer to a mistake.

use std::collections::{BTreeMap, BTreeSet};
use std::process::ExitCode;

/// What a command was given.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Args {
    pub positional: Vec<String>,
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

/// Reads `args` (without the program's name) for `command`, whose usage line
/// is `usage`: `options` take a value, `switches` do not, and exactly
/// `positional` folders come first or between them. `Err` is the exit code to
/// leave with: 0 after printing the usage for `--help`, 2 (usage on stderr)
/// for anything else.
pub fn parse(
    command: &str,
    usage: &str,
    args: impl IntoIterator<Item = String>,
    options: &[&str],
    switches: &[&str],
    positional: usize,
) -> Result<Args, ExitCode> {
    let mut parsed = Args::default();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let name = arg.trim_start_matches('-');
        if arg == "-h" || arg == "--help" {
            println!("{usage}");
            return Err(ExitCode::SUCCESS);
        } else if arg.starts_with("--") && options.contains(&name) {
            let Some(value) = args.next() else {
                eprintln!("{command}: {arg} needs a value\n{usage}");
                return Err(ExitCode::from(2));
            };
            parsed.options.insert(name.to_string(), value);
        } else if arg.starts_with("--") && switches.contains(&name) {
            parsed.switches.insert(name.to_string());
        } else if !arg.starts_with('-') && parsed.positional.len() < positional {
            parsed.positional.push(arg);
        } else {
            eprintln!("{command}: unexpected {arg:?}\n{usage}");
            return Err(ExitCode::from(2));
        }
    }
    if parsed.positional.len() < positional {
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

    #[test]
    fn options_switches_and_folders() {
        let parsed = parse(
            "t",
            "usage",
            args(&["dir", "--origin", "https://x", "--json"]),
            &["origin"],
            &["json"],
            1,
        )
        .unwrap();
        assert_eq!(parsed.positional, ["dir"]);
        assert_eq!(parsed.option("origin").as_deref(), Some("https://x"));
        assert!(parsed.switch("json"));
        assert_eq!(parsed.option("base"), None);
    }

    #[test]
    fn mistakes_and_help_end_the_command() {
        assert_eq!(
            parse("t", "u", args(&["--help"]), &[], &[], 1),
            Err(ExitCode::SUCCESS)
        );
        assert_eq!(parse("t", "u", args(&[]), &[], &[], 1), Err(ExitCode::from(2)));
        assert_eq!(
            parse("t", "u", args(&["a", "b"]), &[], &[], 1),
            Err(ExitCode::from(2))
        );
        assert_eq!(
            parse("t", "u", args(&["a", "--origin"]), &["origin"], &[], 1),
            Err(ExitCode::from(2))
        );
        assert_eq!(
            parse("t", "u", args(&["a", "--nope"]), &[], &[], 1),
            Err(ExitCode::from(2))
        );
    }
}
