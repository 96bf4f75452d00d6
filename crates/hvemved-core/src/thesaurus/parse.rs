//! Reading the thesaurus file. The file is edited by hand, so the parser
//! reports every broken line at once, in Danish, with its line number,
//! rather than stopping at the first.

use std::collections::HashMap;
use std::fmt;

use super::{concept_problems, label_key, Concept, Thesaurus};

const COLUMNS: usize = 6;

/// A problem on one line of a thesaurus file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThesaurusLineError {
    /// 1-based, counting comment and blank lines, as an editor shows it.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ThesaurusLineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "linje {}: {}", self.line, self.message)
    }
}

impl std::error::Error for ThesaurusLineError {}

pub(super) fn parse(text: &str) -> Result<Thesaurus, Vec<ThesaurusLineError>> {
    // Editors on Windows like to save UTF-8 with a byte order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut concepts = Vec::new();
    let mut errors = Vec::new();
    let mut id_lines: HashMap<String, usize> = HashMap::new();
    let mut preferred_lines: HashMap<String, usize> = HashMap::new();

    // `lines` also strips the '\r' of CRLF line endings.
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let mut report = |message: String| errors.push(ThesaurusLineError { line, message });

        let columns: Vec<&str> = raw.split('\t').map(str::trim).collect();
        if columns.len() != COLUMNS {
            report(format!(
                "forventede {COLUMNS} kolonner adskilt af tabulator, men fandt {}",
                columns.len()
            ));
            continue;
        }
        let concept = Concept {
            id: columns[0].to_string(),
            category: columns[1].to_string(),
            preferred: columns[2].to_string(),
            alternatives: split_list(columns[3]),
            abbreviations: split_list(columns[4]),
            english: split_list(columns[5]),
        };

        for problem in concept_problems(&concept) {
            report(problem);
        }
        if !concept.id.is_empty() {
            if let Some(first) = id_lines.get(&concept.id) {
                report(format!("id '{}' er allerede brugt i linje {first}", concept.id));
            } else {
                id_lines.insert(concept.id.clone(), line);
            }
        }
        // Compared the way lookup compares, since two preferred terms that
        // only differ in case or hyphenation would be one term to a searcher.
        let preferred_key = label_key(&concept.preferred);
        if !preferred_key.is_empty() {
            if let Some(first) = preferred_lines.get(&preferred_key) {
                report(format!(
                    "foretrukken betegnelse '{}' er allerede brugt i linje {first}",
                    concept.preferred
                ));
            } else {
                preferred_lines.insert(preferred_key, line);
            }
        }
        concepts.push(concept);
    }

    if errors.is_empty() {
        Ok(Thesaurus::from_concepts(concepts))
    } else {
        Err(errors)
    }
}

/// A `|`-separated column. Blank items are dropped so a stray or trailing
/// `|` left over from editing is harmless.
fn split_list(column: &str) -> Vec<String> {
    column
        .split('|')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(str::to_string)
        .collect()
}
