//! Word-by-word English→Danish translation for queries the thesaurus does
//! not know as a whole. The thesaurus maps complete English labels ("eating
//! disorders") to Danish concepts, but colleagues also type free English
//! ("critical thinking", "job training for refugees", "anxious children").
//! Everyone's skills, bios and course reports are written in Danish, so
//! without a fallback such a query finds nothing. This glossary gives the
//! Danish words for the vocabulary of municipal work so the search can
//! still look for them.
//!
//! The vocabulary ships as `data/glossary.tsv` (its header documents the
//! format) and is embedded in the binary like the thesaurus.

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::{Deserialize, Serialize};

/// The built-in glossary file, public so it can be exported or shown as the
/// starting point for local edits.
pub const BUILTIN_TSV: &str = include_str!("../../data/glossary.tsv");

const COLUMNS: usize = 2;

/// Longer phrases would be labels, and labels belong in the thesaurus.
const MAX_PHRASE_WORDS: usize = 3;

/// English words that carry no meaning for a skills search. They are
/// dropped from queries, so the file is not allowed to define them. "it" is
/// deliberately absent: in a skills directory it is far more often "IT".
const STOP_WORDS: &[&str] = &[
    "a", "about", "across", "after", "all", "also", "am", "among", "an", "and", "any", "are", "as", "at",
    "be", "been", "before", "between", "but", "by", "can", "could", "did", "do", "does", "during", "e.g",
    "eg", "etc", "for", "from", "had", "has", "have", "he", "her", "here", "hers", "him", "his", "how", "i",
    "i.e", "ie", "if", "in", "into", "is", "its", "me", "might", "more", "most", "must", "my", "nor", "not",
    "of", "on", "onto", "or", "other", "our", "ours", "over", "per", "shall", "she", "should", "so", "some",
    "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
    "through", "to", "under", "up", "us", "versus", "very", "via", "vs", "was", "we", "were", "what", "when",
    "where", "which", "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "you",
    "your",
];

/// A problem on one line of a glossary file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlossaryLineError {
    /// 1-based, counting comment and blank lines, as an editor shows it.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for GlossaryLineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "linje {}: {}", self.line, self.message)
    }
}

impl std::error::Error for GlossaryLineError {}

/// One glossary entry: an English word or phrase, written as in the file
/// (base form, e.g. "social worker" also for a query saying "social
/// workers"), and its Danish renderings, most common first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Translation {
    pub english: String,
    pub danish: Vec<String>,
}

/// The English→Danish word glossary.
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    entries: Vec<Translation>,
    /// Words joined by single spaces ("social worker"), for exact phrases.
    by_words: HashMap<String, usize>,
    /// Words run together ("socialworker"), because staff write the same
    /// term closed, open or hyphenated ("wellbeing", "well-being").
    by_joined: HashMap<String, usize>,
}

impl Glossary {
    /// The glossary shipped with the application.
    pub fn builtin() -> Glossary {
        // The unit tests parse BUILTIN_TSV, so a broken file fails the build
        // long before it could reach this panic.
        Glossary::parse(BUILTIN_TSV).unwrap_or_else(|errors| {
            let listed: Vec<String> = errors.iter().map(ToString::to_string).collect();
            panic!("the built-in glossary is invalid: {}", listed.join("; "))
        })
    }

    /// Parses the glossary file format (see the header of
    /// `data/glossary.tsv`). The file is edited by hand, so every broken
    /// line is reported, in Danish and with its line number, rather than
    /// only the first.
    pub fn parse(text: &str) -> Result<Glossary, Vec<GlossaryLineError>> {
        // Editors on Windows like to save UTF-8 with a byte order mark.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut glossary = Glossary::default();
        let mut errors = Vec::new();
        // Joined key -> (line, english as written), to name the first
        // occurrence when a later line repeats it.
        let mut first_seen: HashMap<String, (usize, String)> = HashMap::new();

        // `lines` also strips the '\r' of CRLF line endings.
        for (index, raw) in text.lines().enumerate() {
            let line = index + 1;
            let trimmed = raw.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let mut problems = Vec::new();
            let columns: Vec<&str> = raw.split('\t').map(str::trim).collect();
            if columns.len() != COLUMNS {
                problems.push(format!(
                    "forventede {COLUMNS} kolonner adskilt af tabulator, men fandt {}",
                    columns.len()
                ));
            } else {
                let english = columns[0];
                let danish = split_list(columns[1]);
                let words = words_of(english);
                if let Some(problem) = headword_problem(english, &words) {
                    problems.push(problem);
                } else {
                    let joined = words.concat();
                    match first_seen.get(&joined) {
                        Some((first, earlier)) if earlier == english => problems.push(format!(
                            "engelsk opslagsord '{english}' findes allerede i linje {first}"
                        )),
                        Some((first, earlier)) => problems.push(format!(
                            "engelsk opslagsord '{english}' er det samme som '{earlier}' i linje {first}"
                        )),
                        None => {
                            first_seen.insert(joined, (line, english.to_string()));
                        }
                    }
                }
                if danish.is_empty() {
                    problems.push("dansk oversættelse mangler".to_string());
                }
                if problems.is_empty() {
                    glossary.insert(&words, english, danish);
                }
            }
            errors.extend(
                problems
                    .into_iter()
                    .map(|message| GlossaryLineError { line, message }),
            );
        }

        if errors.is_empty() {
            Ok(glossary)
        } else {
            Err(errors)
        }
    }

    /// Adds an entry already known to be valid and unique.
    fn insert(&mut self, words: &[String], english: &str, danish: Vec<String>) {
        let index = self.entries.len();
        self.entries.push(Translation {
            english: english.to_string(),
            danish,
        });
        self.by_words.insert(words.join(" "), index);
        self.by_joined.insert(words.concat(), index);
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries in file order.
    pub fn entries(&self) -> &[Translation] {
        &self.entries
    }

    /// Translates query words, longest match first: at each position a
    /// phrase of up to three words wins over its single words, so "social
    /// worker training" gives "social worker" and "training", not "social",
    /// "worker" and "training". Words may be given separately or together
    /// ("social worker" as one item); hyphens split words too. Stop words
    /// are skipped, unknown words are left out, and an entry matched twice
    /// is returned once, in the order of its first match.
    pub fn translate(&self, words: &[&str]) -> Vec<Translation> {
        let tokens: Vec<String> = words.iter().flat_map(|text| words_of(text)).collect();
        let mut translations = Vec::new();
        let mut returned = HashSet::new();
        let mut position = 0;
        while position < tokens.len() {
            match self.longest_match(&tokens[position..]) {
                Some((index, used)) => {
                    if returned.insert(index) {
                        translations.push(self.entries[index].clone());
                    }
                    position += used;
                }
                None => position += 1,
            }
        }
        translations
    }

    /// The entry matching the longest prefix of `tokens`, with the number of
    /// tokens it used.
    fn longest_match(&self, tokens: &[String]) -> Option<(usize, usize)> {
        for length in (1..=MAX_PHRASE_WORDS.min(tokens.len())).rev() {
            let (last, head) = tokens[..length].split_last()?;
            // Checked here rather than up front because a phrase may begin
            // with a stop word ("in care", "at risk").
            if head.is_empty() && is_stop_word(last) {
                return None;
            }
            // Only the last word of a phrase takes the plural: "social
            // workers", "family group conferences".
            for candidate in singular_candidates(last) {
                if let Some(index) = self.lookup(head, &candidate) {
                    return Some((index, length));
                }
            }
        }
        None
    }

    fn lookup(&self, head: &[String], last: &str) -> Option<usize> {
        let words: Vec<&str> = head.iter().map(String::as_str).chain([last]).collect();
        if let Some(&index) = self.by_words.get(&words.join(" ")) {
            return Some(index);
        }
        // Running a stop word into its neighbour can forge a different word
        // ("the rapist" is not "therapist"), so only content words are joined.
        if words.len() > 1 && words.iter().any(|word| is_stop_word(word)) {
            return None;
        }
        self.by_joined.get(&words.concat()).copied()
    }
}

/// What is wrong with an English headword on its own, before it is
/// compared with the rest of the file.
fn headword_problem(english: &str, words: &[String]) -> Option<String> {
    if english.is_empty() {
        Some("engelsk opslagsord mangler".to_string())
    } else if english != english.to_lowercase() {
        // Queries are lowercased, so the entry could never be found.
        Some(format!(
            "engelsk opslagsord '{english}' skal skrives med små bogstaver"
        ))
    } else if words.is_empty() {
        Some(format!("engelsk opslagsord '{english}' indeholder ingen ord"))
    } else if words.len() > MAX_PHRASE_WORDS {
        Some(format!(
            "engelsk opslagsord '{english}' har {} ord, men højst {MAX_PHRASE_WORDS} er tilladt",
            words.len()
        ))
    } else if words.len() == 1 && is_stop_word(&words[0]) {
        Some(format!(
            "'{english}' er et stopord, som søgningen springer over, så det bliver aldrig slået op"
        ))
    } else {
        None
    }
}

/// The forms to try for a word that may be a regular plural, the word
/// itself first. Irregular plurals (children, women) are entries of their
/// own, so this only has to undo the spelling rules.
fn singular_candidates(word: &str) -> Vec<String> {
    let mut candidates = vec![word.to_string()];
    if let Some(stem) = word.strip_suffix("ies").filter(|stem| !stem.is_empty()) {
        candidates.push(format!("{stem}y"));
    }
    // "stress" and "access" are not plurals of "stres" and "acces".
    if let Some(stem) = word
        .strip_suffix('s')
        .filter(|stem| !stem.is_empty() && !stem.ends_with('s'))
    {
        candidates.push(stem.to_string());
    }
    if let Some(stem) = word.strip_suffix("es").filter(|stem| !stem.is_empty()) {
        candidates.push(stem.to_string());
    }
    candidates
}

/// The normalised words of a query item or an English headword: lowercased,
/// split at whitespace, hyphens, dashes and slashes ("drug/alcohol"), with
/// surrounding punctuation and possessive "'s" removed ("children's" is
/// looked up as "children").
fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '/' | '\u{2010}' | '\u{2011}' | '\u{2013}' | '\u{2014}')
    })
    .filter_map(|word| {
        let word = word.to_lowercase();
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        let word = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix("\u{2019}s"))
            .unwrap_or(word);
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        (!word.is_empty()).then(|| word.to_string())
    })
    .collect()
}

fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.contains(&word)
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

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn english_of(translations: &[Translation]) -> Vec<&str> {
        translations.iter().map(|t| t.english.as_str()).collect()
    }

    fn listed(errors: &[GlossaryLineError]) -> String {
        errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn builtin_parses_without_errors() {
        if let Err(errors) = Glossary::parse(BUILTIN_TSV) {
            panic!("{} fejl:\n{}", errors.len(), listed(&errors));
        }
    }

    #[test]
    fn builtin_has_at_least_800_entries() {
        let n = Glossary::builtin().len();
        assert!(n >= 800, "only {n} entries");
    }

    #[test]
    fn builtin_has_no_duplicate_entries() {
        // Independent of the parser's own check: compares the raw first
        // columns as a reviewer would, run together the way lookup does.
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut duplicates = Vec::new();
        for (index, line) in BUILTIN_TSV.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let key = words_of(line.split('\t').next().unwrap_or_default()).concat();
            if let Some(first) = seen.insert(key, index + 1) {
                duplicates.push(format!("linje {} gentager linje {first}", index + 1));
            }
        }
        assert!(duplicates.is_empty(), "{}", duplicates.join("\n"));
    }

    #[test]
    fn builtin_danish_alternatives_are_not_repeated_within_an_entry() {
        for entry in Glossary::builtin().entries() {
            let mut seen = HashSet::new();
            for danish in &entry.danish {
                assert!(
                    seen.insert(danish.to_lowercase()),
                    "'{}' gentager '{danish}'",
                    entry.english
                );
            }
        }
    }

    #[test]
    fn builtin_has_no_stop_word_or_uppercase_entries() {
        for entry in Glossary::builtin().entries() {
            assert_eq!(entry.english, entry.english.to_lowercase());
            assert!(!is_stop_word(&entry.english), "{}", entry.english);
        }
    }

    #[test]
    fn translate_matches_phrases_plurals_and_skips_the_rest() {
        let glossary = Glossary::builtin();
        let cases: &[(&[&str], &[&str])] = &[
            (&["critical", "thinking"], &["critical", "thinking"]),
            (&["social", "worker", "training"], &["social worker", "training"]),
            (&["Social", "Workers"], &["social worker"]),
            (&["social worker training"], &["social worker", "training"]),
            (&["youth", "crime", "prevention"], &["youth crime", "prevention"]),
            (
                &["job", "training", "for", "refugees"],
                &["job training", "refugee"],
            ),
            (&["anxious", "children"], &["anxious", "children"]),
            (&["elderly", "loneliness"], &["elderly", "loneliness"]),
            (&["eating", "disorders"], &["eating disorder"]),
            (&["families"], &["family"]),
            (&["approaches"], &["approach"]),
            (&["stress"], &["stress"]),
            (&["self-harm"], &["self-harm"]),
            (&["self", "harm"], &["self-harm"]),
            (&["well-being"], &["wellbeing"]),
            (&["children's", "rights"], &["children", "right"]),
            (&["the", "of", "and", "with"], &[]),
            (&["flibbertigibbet"], &[]),
            (&["flibbertigibbet", "counselling"], &["counselling"]),
            (&["duty", "to", "report"], &["duty to report"]),
            (&["children", "in", "care"], &["children", "in care"]),
            (&["the", "rapist"], &[]),
            (&["IT", "security"], &["it security"]),
            (&["bullying", "and", "bullying"], &["bullying"]),
            (&["news"], &["news"]),
            (&[], &[]),
        ];
        for (words, expected) in cases {
            let got = glossary.translate(words);
            assert_eq!(english_of(&got), *expected, "translate({words:?})");
        }
    }

    #[test]
    fn translate_returns_the_danish_most_common_first() {
        let glossary = Glossary::builtin();
        let got = glossary.translate(&["social", "worker"]);
        assert_eq!(got[0].danish[0], "socialrådgiver");
        let got = glossary.translate(&["prevention"]);
        assert_eq!(got[0].danish, ["forebyggelse", "forebyggende"]);
    }

    #[test]
    fn parser_reports_every_error_with_its_line_number() {
        let text = "# kommentar\n\
                    \n\
                    child\tbarn\n\
                    no tab here\n\
                    a\tb\tc\n\
                    \tbarn\n\
                    parent\t\n\
                    child\tbørn\n\
                    well-being\ttrivsel\n\
                    wellbeing\ttrivsel\n\
                    Teacher\tlærer\n\
                    the\tden\n\
                    one two three four\tfire\n\
                    ---\tstreg\n\
                    school\t | \n";
        let errors = Glossary::parse(text).unwrap_err();
        let got: Vec<(usize, &str)> = errors.iter().map(|e| (e.line, e.message.as_str())).collect();
        assert_eq!(
            got,
            [
                (4, "forventede 2 kolonner adskilt af tabulator, men fandt 1"),
                (5, "forventede 2 kolonner adskilt af tabulator, men fandt 3"),
                (6, "engelsk opslagsord mangler"),
                (7, "dansk oversættelse mangler"),
                (8, "engelsk opslagsord 'child' findes allerede i linje 3"),
                (
                    10,
                    "engelsk opslagsord 'wellbeing' er det samme som 'well-being' i linje 9"
                ),
                (11, "engelsk opslagsord 'Teacher' skal skrives med små bogstaver"),
                (
                    12,
                    "'the' er et stopord, som søgningen springer over, så det bliver aldrig slået op"
                ),
                (
                    13,
                    "engelsk opslagsord 'one two three four' har 4 ord, men højst 3 er tilladt"
                ),
                (14, "engelsk opslagsord '---' indeholder ingen ord"),
                (15, "dansk oversættelse mangler"),
            ],
            "{}",
            listed(&errors)
        );
    }

    #[test]
    fn parser_accepts_bom_crlf_padding_and_stray_separators() {
        let glossary = Glossary::parse("\u{feff}# hoved\r\n social worker \t socialrådgiver| \r\n").unwrap();
        assert_eq!(glossary.len(), 1);
        assert!(!glossary.is_empty());
        assert_eq!(
            glossary.entries(),
            [Translation {
                english: "social worker".to_string(),
                danish: vec!["socialrådgiver".to_string()],
            }]
        );
    }

    #[test]
    fn empty_text_gives_an_empty_glossary() {
        let glossary = Glossary::parse("# kun kommentarer\n\n").unwrap();
        assert!(glossary.is_empty());
        assert!(glossary.translate(&["child"]).is_empty());
    }

    #[test]
    fn error_display_names_the_line() {
        let error = GlossaryLineError {
            line: 7,
            message: "dansk oversættelse mangler".to_string(),
        };
        assert_eq!(error.to_string(), "linje 7: dansk oversættelse mangler");
    }

    #[test]
    fn translation_round_trips_through_json() {
        let translation = Glossary::builtin().translate(&["anxiety"]).remove(0);
        let json = serde_json::to_string(&translation).unwrap();
        assert_eq!(json, r#"{"english":"anxiety","danish":["angst"]}"#);
        assert_eq!(serde_json::from_str::<Translation>(&json).unwrap(), translation);
    }
}
