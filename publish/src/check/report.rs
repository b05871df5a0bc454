//! What a check found: findings by severity, file and place, printed as the
//! command's output or as JSON (`news-publish check-api --json`).

use crate::Severity;
use news_portal::core::routes::BasePath;
use serde::Serialize;
use std::collections::HashMap;

/// One problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    /// The file, below the API folder (`en/news/page-2.json`).
    pub file: String,
    /// Where in it: a JSON path (`items[3].photo`) or `body_html line 12`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    pub message: String,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match &self.at {
            Some(at) => write!(f, "{severity}: {}: {at}: {}", self.file, self.message),
            None => write!(f, "{severity}: {}: {}", self.file, self.message),
        }
    }
}

/// Where the tree will be published, for links in `body_html` that point to
/// the site's own articles.
#[derive(Debug, Clone)]
pub struct Options {
    /// The app's `BASE` (default `/`); the API is taken to be at `BASE api/`.
    pub base: BasePath,
    /// The site's origin (`https://www.example.gov`): absolute links to it are the site's own.
    pub origin: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            base: BasePath::new("/"),
            origin: None,
        }
    }
}

/// What a check found.
#[derive(Debug, Default)]
pub struct Report {
    pub findings: Vec<Finding>,
    /// How many JSON documents were read.
    pub documents: usize,
}

impl Report {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == severity).count()
    }

    /// Prints the findings and a summary line, as the command's output. A
    /// message that many files share (a whole archive's photos without
    /// variants) is printed for the first few files and then counted; `--json`
    /// lists every one.
    pub fn print(&self, elapsed: f64) {
        const SHOWN: usize = 3;
        /// A finding without its file: what many files can share.
        type Kind = (Severity, Option<String>, String);
        let key =
            |finding: &Finding| -> Kind { (finding.severity, finding.at.clone(), finding.message.clone()) };
        let mut seen: HashMap<Kind, usize> = HashMap::new();
        for finding in &self.findings {
            let count = seen.entry(key(finding)).or_default();
            *count += 1;
            if *count <= SHOWN {
                println!("{finding}");
            }
        }
        let mut more: Vec<(&Kind, &usize)> = seen.iter().filter(|(_, count)| **count > SHOWN).collect();
        more.sort();
        for ((severity, at, message), count) in more {
            let severity = if *severity == Severity::Error {
                "error"
            } else {
                "warning"
            };
            let at = at.as_ref().map_or(String::new(), |at| format!("{at}: "));
            println!("{severity}: … and {} more files: {at}{message}", count - SHOWN);
        }
        println!(
            "checked {} documents in {elapsed:.2} s: {} error(s), {} warning(s)",
            self.documents,
            self.count(Severity::Error),
            self.count(Severity::Warning)
        );
    }
}
