//! The bilingual thesaurus behind search: it ties the words colleagues
//! actually type — English course titles ("aftercare", "school dropout"),
//! abbreviations ("SSP", "PPR", "MUS") and Danish synonyms
//! ("efterværnsindsats") — to the preferred Danish term that skills, bios
//! and course reports are written with. Without it, a search only finds
//! people who happened to use the searcher's exact wording.
//!
//! The vocabulary ships as `data/thesaurus.tsv` (its header documents the
//! format) and is embedded in the binary, so search works on a machine with
//! no network and no setup. HR can add or edit concepts at run time with
//! [`Thesaurus::add_or_replace`]; persisting those edits is the store's job.

pub mod glossary;
mod parse;
#[cfg(test)]
mod tests;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

pub use parse::ThesaurusLineError;

/// The built-in thesaurus file, kept public so it can be exported or shown
/// as the starting point for local edits.
pub const BUILTIN_TSV: &str = include_str!("../../data/thesaurus.tsv");

/// The concept categories as `(id, Danish name, English name)`. The ids are
/// what the data file and stored concepts use; the names are for display.
pub const CATEGORIES: &[(&str, &str, &str)] = &[
    (
        "boern-unge",
        "Børn, unge og familie",
        "Children, youth and family",
    ),
    ("socialt-arbejde", "Socialt arbejde", "Social work"),
    ("sundhed", "Sundhed", "Health"),
    ("rusmidler", "Rusmidler", "Substance use and addiction"),
    ("beskaeftigelse", "Beskæftigelse", "Employment"),
    ("uddannelse", "Uddannelse og vejledning", "Education and guidance"),
    ("handicap", "Handicap og psykiatri", "Disability and psychiatry"),
    ("aeldre", "Ældre", "Elderly care"),
    (
        "administration",
        "Administration, jura og HR",
        "Administration, law and HR",
    ),
    ("samarbejde", "Metoder og samarbejde", "Methods and collaboration"),
];

/// The `(id, Danish name, English name)` entry for a category id.
pub fn category(id: &str) -> Option<(&'static str, &'static str, &'static str)> {
    CATEGORIES.iter().copied().find(|(cid, _, _)| *cid == id)
}

/// One thesaurus concept: a preferred Danish term and every other way staff
/// refer to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Concept {
    pub id: String,
    pub category: String,
    pub preferred: String,
    #[serde(default)]
    pub alternatives: Vec<String>,
    #[serde(default)]
    pub abbreviations: Vec<String>,
    pub english: Vec<String>,
}

impl Concept {
    /// Every label of the concept: the preferred term first, then the Danish
    /// alternatives, abbreviations and English labels. A label may appear
    /// more than once (an abbreviation is often also the preferred term).
    pub fn all_labels(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.preferred.as_str())
            .chain(self.alternatives.iter().map(String::as_str))
            .chain(self.abbreviations.iter().map(String::as_str))
            .chain(self.english.iter().map(String::as_str))
    }
}

/// The key two labels are compared by. Staff write the same term closed,
/// open or hyphenated ("aftercare", "after care", "after-care";
/// "§ 50-undersøgelse", "§50 undersøgelse") and often on keyboards without
/// æ, ø and å, so the key lowercases, folds æ/ø/å (and a few accented
/// letters) to their usual ASCII spellings, and drops whitespace, hyphens,
/// dashes, apostrophes and full stops.
pub fn label_key(label: &str) -> String {
    let mut key = String::with_capacity(label.len());
    for c in label.chars().flat_map(char::to_lowercase) {
        match c {
            c if c.is_whitespace() => {}
            '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => {}
            '\'' | '\u{2019}' | '.' => {}
            'æ' | 'ä' => key.push_str("ae"),
            'ø' | 'ö' => key.push_str("oe"),
            'å' => key.push_str("aa"),
            'é' | 'è' => key.push('e'),
            'ü' => key.push('u'),
            c => key.push(c),
        }
    }
    key
}

/// The problems with a single concept, independent of any other concept.
/// Shared by the parser and [`Thesaurus::validate`] so a concept HR enters
/// is held to the same rules as the shipped file.
fn concept_problems(concept: &Concept) -> Vec<String> {
    let mut problems = Vec::new();
    if concept.id.trim().is_empty() {
        problems.push("id mangler".to_string());
    } else if !is_valid_id(&concept.id) {
        problems.push(format!(
            "ugyldigt id '{}': brug kun små bogstaver a-z, cifre og enkelte bindestreger",
            concept.id
        ));
    }
    if concept.category.trim().is_empty() {
        problems.push("kategori mangler".to_string());
    } else if category(&concept.category).is_none() {
        problems.push(format!("ukendt kategori '{}'", concept.category));
    }
    if concept.preferred.trim().is_empty() {
        problems.push("foretrukken betegnelse mangler".to_string());
    }
    if concept.english.iter().all(|label| label.trim().is_empty()) {
        problems.push("mindst én engelsk betegnelse kræves".to_string());
    }
    // Only reachable for concepts built in code: the file format cannot
    // carry these characters inside a label, so to_tsv would corrupt them.
    if concept
        .all_labels()
        .any(|label| label.contains(['\t', '\n', '\r', '|']))
    {
        problems.push("en betegnelse indeholder tabulator, linjeskift eller '|'".to_string());
    }
    problems
}

/// Ids end up in stored edits and URLs, so they are restricted to ASCII
/// slugs that never need escaping.
fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// A set of concepts with an index from every label to the concepts that
/// carry it.
#[derive(Debug, Clone, Default)]
pub struct Thesaurus {
    concepts: Vec<Concept>,
    by_id: HashMap<String, usize>,
    by_label: HashMap<String, Vec<usize>>,
}

impl Thesaurus {
    /// An empty thesaurus.
    pub fn new() -> Thesaurus {
        Thesaurus::default()
    }

    /// The thesaurus shipped with the application.
    pub fn builtin() -> Thesaurus {
        // The unit tests parse BUILTIN_TSV, so a broken file fails the build
        // long before it could reach this panic.
        Thesaurus::parse(BUILTIN_TSV).unwrap_or_else(|errors| {
            let listed: Vec<String> = errors.iter().map(ToString::to_string).collect();
            panic!("the built-in thesaurus is invalid: {}", listed.join("; "))
        })
    }

    /// Parses the thesaurus file format (see the header of
    /// `data/thesaurus.tsv`). Every problem in the text is reported, not only
    /// the first, so whoever edits the file can fix it in one pass.
    pub fn parse(text: &str) -> Result<Thesaurus, Vec<ThesaurusLineError>> {
        parse::parse(text)
    }

    /// Builds a thesaurus from concepts already known to be valid and
    /// unique.
    fn from_concepts(concepts: Vec<Concept>) -> Thesaurus {
        let mut thesaurus = Thesaurus {
            concepts,
            ..Thesaurus::default()
        };
        thesaurus.reindex();
        thesaurus
    }

    pub fn concepts(&self) -> &[Concept] {
        &self.concepts
    }

    pub fn len(&self) -> usize {
        self.concepts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.concepts.is_empty()
    }

    pub fn get(&self, id: &str) -> Option<&Concept> {
        self.by_id.get(id).map(|&i| &self.concepts[i])
    }

    /// Adds the concept, or replaces the one with the same id in place so
    /// the order of the list stays stable for the user. The concept is not
    /// checked; call [`Thesaurus::validate`] first when it comes from a user.
    pub fn add_or_replace(&mut self, concept: Concept) {
        match self.by_id.get(&concept.id) {
            Some(&i) => self.concepts[i] = concept,
            None => self.concepts.push(concept),
        }
        // A replaced concept may have lost labels, so patching the index
        // would have to find and drop them; a rebuild over a few thousand
        // labels is cheap and cannot leave stale entries behind.
        self.reindex();
    }

    /// The concepts with a label equal to `phrase`, compared by
    /// [`label_key`] (case, spaces, hyphens and æ/ø/å spelling ignored), in
    /// thesaurus order.
    pub fn lookup(&self, phrase: &str) -> Vec<&Concept> {
        let key = label_key(phrase);
        if key.is_empty() {
            return Vec::new();
        }
        self.by_label
            .get(&key)
            .map(|indices| indices.iter().map(|&i| &self.concepts[i]).collect())
            .unwrap_or_default()
    }

    /// Danish descriptions of what is wrong with `concept` if it were passed
    /// to [`Thesaurus::add_or_replace`]; empty when it may be added. Besides
    /// the rules for a single concept, its preferred term must not be the
    /// preferred term of another concept.
    pub fn validate(&self, concept: &Concept) -> Vec<String> {
        let mut problems = concept_problems(concept);
        let key = label_key(&concept.preferred);
        if !key.is_empty() {
            if let Some(other) = self
                .concepts
                .iter()
                .find(|other| other.id != concept.id && label_key(&other.preferred) == key)
            {
                problems.push(format!(
                    "foretrukken betegnelse '{}' bruges allerede af '{}'",
                    concept.preferred, other.id
                ));
            }
        }
        problems
    }

    /// The thesaurus in the file format [`Thesaurus::parse`] reads, so local
    /// edits can be exported and shipped back as a data file.
    pub fn to_tsv(&self) -> String {
        let mut out = String::from("# id\tcategory\tpreferred\talternatives\tabbreviations\tenglish\n");
        for c in &self.concepts {
            let columns = [
                c.id.clone(),
                c.category.clone(),
                c.preferred.clone(),
                c.alternatives.join("|"),
                c.abbreviations.join("|"),
                c.english.join("|"),
            ];
            out.push_str(&columns.join("\t"));
            out.push('\n');
        }
        out
    }

    fn reindex(&mut self) {
        self.by_id.clear();
        self.by_label.clear();
        for (i, concept) in self.concepts.iter().enumerate() {
            self.by_id.insert(concept.id.clone(), i);
            for label in concept.all_labels() {
                let key = label_key(label);
                if key.is_empty() {
                    continue;
                }
                let entry = self.by_label.entry(key).or_default();
                // A concept often repeats a label across columns (the
                // abbreviation is the preferred term); list it once.
                if entry.last() != Some(&i) {
                    entry.push(i);
                }
            }
        }
    }
}
