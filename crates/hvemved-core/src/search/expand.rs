//! From what the user typed to what is searched for. Each meaningful word
//! (or thesaurus phrase) becomes a group of weighted alternatives: the word
//! itself, the concept's other labels from the thesaurus (so "aftercare" and
//! "SSP" find Danish text), the compounds the word is a part of
//! ("misbrug" → "hashmisbrug"), and, for a word the directory does not
//! contain, the known words it is a typo of. Lower weights keep exact
//! matches above part matches, and part matches above guesses.

use std::collections::HashMap;

use tantivy::tokenizer::TextAnalyzer;

use super::analyzer::{surface_analyzer, terms};
use super::vocabulary::Vocabulary;
use crate::thesaurus::glossary::Glossary;
use crate::thesaurus::{Concept, Thesaurus};

pub const WEIGHT_EXACT: f32 = 1.0;
pub const WEIGHT_PREFERRED: f32 = 0.9;
pub const WEIGHT_SYNONYM: f32 = 0.8;
pub const WEIGHT_COMPOUND: f32 = 0.5;
pub const WEIGHT_TYPO: f32 = 0.55;
pub const WEIGHT_TYPO_COMPOUND: f32 = 0.3;
/// The words of a multi-word term, all present but not side by side.
pub const WEIGHT_ALL_WORDS: f32 = 0.7;
pub const WEIGHT_TRANSLATION: f32 = 0.7;

/// Longer input is cut: nobody types more, and a pasted document should not
/// turn into a query of thousands of clauses.
pub const MAX_QUERY_CHARS: usize = 300;
const MAX_WORDS: usize = 24;
const MAX_PHRASES: usize = 6;
const MAX_LABEL_WORDS: usize = 6;

/// Words that carry no topic in a question to a colleague directory.
const STOP_WORDS: &[&str] = &[
    "hvem",
    "hvad",
    "hvor",
    "hvordan",
    "hvilke",
    "hvilken",
    "hvilket",
    "ved",
    "noget",
    "nogen",
    "nogle",
    "om",
    "og",
    "eller",
    "i",
    "på",
    "paa",
    "af",
    "til",
    "med",
    "for",
    "fra",
    "en",
    "et",
    "den",
    "det",
    "de",
    "der",
    "som",
    "at",
    "er",
    "har",
    "kan",
    "kender",
    "vide",
    "mere",
    "jeg",
    "vi",
    "du",
    "mig",
    "os",
    "min",
    "mit",
    "vores",
    "sig",
    "sin",
    "sit",
    "man",
    "skal",
    "vil",
    "bare",
    "lidt",
    "meget",
    "gerne",
    "brug",
    "søger",
    "soeger",
    "leder",
    "efter",
    "spørgsmål",
    "hjælp",
    "nogle",
    "kollega",
    "kollegaer",
    "erfaring",
    "erfaringer",
    "arbejdet",
    "arbejder",
    "arbejde",
    "hjælpe",
    "viden",
    "kendskab",
    "kompetencer",
    "sparring",
    "spørge",
    "teamet",
    "afdelingen",
    "kommunen",
    "who",
    "knows",
    "know",
    "about",
    "what",
    "the",
    "a",
    "an",
    "of",
    "and",
    "or",
    "in",
    "on",
    "with",
    "anyone",
    "someone",
    "is",
    "are",
    "does",
    "do",
    "can",
    "to",
    "for",
    "me",
];

#[derive(Debug, Clone, PartialEq)]
pub struct Alternative {
    /// Analysed terms.
    pub terms: Vec<String>,
    pub weight: f32,
    /// Several terms must stand together in this order; otherwise they must
    /// only all occur in the same document.
    pub phrase: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// What the user typed that this group stands for.
    pub typed: String,
    pub alternatives: Vec<Alternative>,
    /// A quoted phrase: every result must match it.
    pub required: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Expansion {
    pub groups: Vec<Group>,
    /// Labels searched besides what was typed ("Søgte også efter …").
    pub also_searched: Vec<String>,
    /// A correction for a word the directory does not contain ("Mente du …?").
    pub did_you_mean: Option<String>,
    /// Ids of the thesaurus concepts the query named, in the order typed.
    pub concepts: Vec<String>,
}

impl Expansion {
    /// Every analysed term any group may match, for highlighting evidence.
    pub fn all_terms(&self) -> impl Iterator<Item = &String> {
        self.groups
            .iter()
            .flat_map(|g| g.alternatives.iter())
            .flat_map(|a| a.terms.iter())
    }
}

/// The thesaurus prepared for matching query words: every label of every
/// concept by its analysed terms, so inflected and ASCII-typed forms of a
/// label ("ungeplanerne", "eftervaern") find the concept too.
pub struct ConceptMatcher {
    concepts: Vec<Concept>,
    by_terms: HashMap<Vec<String>, usize>,
    /// Word-level English for queries that are not a whole thesaurus label.
    glossary: Glossary,
}

impl ConceptMatcher {
    pub fn new(thesaurus: &Thesaurus, analyzer: &mut TextAnalyzer) -> ConceptMatcher {
        let concepts = thesaurus.concepts().to_vec();
        let mut by_terms = HashMap::new();
        for (i, concept) in concepts.iter().enumerate() {
            for label in concept.all_labels() {
                let key = terms(analyzer, label);
                if !key.is_empty() && key.len() <= MAX_LABEL_WORDS {
                    by_terms.entry(key).or_insert(i);
                }
            }
        }
        ConceptMatcher {
            concepts,
            by_terms,
            glossary: Glossary::builtin(),
        }
    }

    pub fn concept(&self, id: &str) -> Option<&Concept> {
        self.concepts.iter().find(|c| c.id == id)
    }

    fn find(&self, key: &[String]) -> Option<&Concept> {
        self.by_terms.get(key).map(|&i| &self.concepts[i])
    }

    /// The English words and phrases of `text` the glossary knows, with
    /// their Danish renderings.
    pub fn translate_english(&self, text: &str) -> Vec<crate::thesaurus::glossary::Translation> {
        self.glossary.translate(&[text])
    }

    /// The concepts whose labels occur in `text`, longest labels first and
    /// never two on the same words: what a text is about, in thesaurus terms.
    pub fn concepts_in(&self, analyzer: &mut TextAnalyzer, text: &str) -> Vec<&Concept> {
        let stems = terms(analyzer, text);
        let mut covered = vec![false; stems.len()];
        let mut found: Vec<&Concept> = Vec::new();
        for n in (1..=MAX_LABEL_WORDS.min(stems.len())).rev() {
            for start in 0..=stems.len() - n {
                if covered[start..start + n].iter().any(|c| *c)
                    || stems[start..start + n].iter().all(|s| is_stop_word(s))
                {
                    continue;
                }
                let Some(concept) = self.find(&stems[start..start + n]) else {
                    continue;
                };
                covered[start..start + n].iter_mut().for_each(|c| *c = true);
                if !found.iter().any(|f| f.id == concept.id) {
                    found.push(concept);
                }
            }
        }
        found
    }
}

/// Whether an analysed term occurs in the index, answered by the caller.
pub type IsKnown<'a> = dyn Fn(&str) -> bool + 'a;

pub fn expand(
    input: &str,
    analyzer: &mut TextAnalyzer,
    concepts: &ConceptMatcher,
    vocabulary: &Vocabulary,
    is_known: &IsKnown,
) -> Expansion {
    let input: String = input.chars().take(MAX_QUERY_CHARS).collect();
    let mut expansion = Expansion::default();
    let (phrases, loose) = split_quotes(&input);
    for phrase in phrases.into_iter().take(MAX_PHRASES) {
        let stems = terms(analyzer, &phrase);
        if !stems.is_empty() {
            expansion.groups.push(Group {
                typed: phrase.clone(),
                alternatives: vec![Alternative {
                    terms: stems,
                    weight: WEIGHT_EXACT,
                    phrase: true,
                }],
                required: true,
            });
        }
    }

    let words: Vec<String> = loose
        .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '§')
        .flat_map(split_hyphens)
        .filter(|w| !w.is_empty())
        .take(MAX_WORDS * 2)
        .collect();
    let stems: Vec<Vec<String>> = words.iter().map(|w| terms(analyzer, w)).collect();
    let mut covered = vec![false; words.len()];
    let mut surface = surface_analyzer();

    // Longest thesaurus labels first, so "substance abuse prevention" is one
    // concept rather than three unknown words.
    for n in (1..=MAX_LABEL_WORDS.min(words.len())).rev() {
        for start in 0..=words.len() - n {
            if covered[start..start + n].iter().any(|c| *c)
                || words[start..start + n].iter().all(|w| is_stop_word(w))
            {
                continue;
            }
            let key: Vec<String> = stems[start..start + n].iter().flatten().cloned().collect();
            let Some(concept) = concepts.find(&key) else {
                continue;
            };
            if !expansion.concepts.contains(&concept.id) {
                expansion.concepts.push(concept.id.clone());
            }
            covered[start..start + n].iter_mut().for_each(|c| *c = true);
            let typed = words[start..start + n].join(" ");
            let mut group = Group {
                typed: typed.clone(),
                alternatives: Vec::new(),
                required: false,
            };
            push_alternative(&mut group, key.clone(), WEIGHT_EXACT);
            if key.len() > 1 {
                group.alternatives.push(Alternative {
                    terms: key.clone(),
                    weight: WEIGHT_ALL_WORDS,
                    phrase: false,
                });
            }
            for label in concept.all_labels() {
                let label_terms = terms(analyzer, label);
                if label_terms.is_empty() || label_terms.len() > MAX_LABEL_WORDS {
                    continue;
                }
                let weight = if label == concept.preferred {
                    WEIGHT_PREFERRED
                } else {
                    WEIGHT_SYNONYM
                };
                if label_terms != key && label == concept.preferred {
                    note(&mut expansion.also_searched, &concept.preferred);
                }
                let single_word = label_terms.len() == 1;
                push_alternative(&mut group, label_terms, weight);
                if single_word {
                    let compound_weight = weight * WEIGHT_COMPOUND;
                    add_compounds(
                        &mut group,
                        label,
                        &mut surface,
                        analyzer,
                        vocabulary,
                        compound_weight,
                    );
                }
            }
            if n == 1 {
                add_compounds(
                    &mut group,
                    &words[start],
                    &mut surface,
                    analyzer,
                    vocabulary,
                    WEIGHT_COMPOUND,
                );
            }
            expansion.groups.push(group);
        }
    }

    let known: Vec<bool> = words
        .iter()
        .zip(&stems)
        .map(|(word, stems)| {
            !stems.is_empty() && stems.iter().all(|s| is_known(s))
                || vocabulary.doc_freq(&fold(&mut surface, word)) > 0
        })
        .collect();
    translate_english_runs(
        &words,
        &known,
        &mut covered,
        concepts,
        analyzer,
        vocabulary,
        &mut expansion,
    );

    for (i, word) in words.iter().enumerate() {
        if covered[i] || is_stop_word(word) || stems[i].is_empty() || expansion.groups.len() >= MAX_WORDS {
            continue;
        }
        let mut group = Group {
            typed: word.clone(),
            alternatives: Vec::new(),
            required: false,
        };
        if known[i] {
            push_alternative(&mut group, stems[i].clone(), WEIGHT_EXACT);
            add_compounds(
                &mut group,
                word,
                &mut surface,
                analyzer,
                vocabulary,
                WEIGHT_COMPOUND,
            );
        } else {
            // Keep the word itself (a compound part may still match) and add
            // the known words it is probably a typo of.
            add_compounds(
                &mut group,
                word,
                &mut surface,
                analyzer,
                vocabulary,
                WEIGHT_COMPOUND,
            );
            let folded = fold(&mut surface, word);
            let mut near: Vec<String> = vocabulary.near(&folded).into_iter().map(str::to_string).collect();
            if near.is_empty() {
                // A typo in the first part of a compound: "rusmidel" for the
                // "rusmiddel" of "rusmiddelforebyggelse".
                near = vocabulary.near_compound_parts(&folded);
            }
            if let Some(best) = near.first() {
                if expansion.did_you_mean.is_none() {
                    expansion.did_you_mean = Some(best.clone());
                }
            }
            for candidate in near {
                let candidate_stems = terms(analyzer, &candidate);
                push_alternative(&mut group, candidate_stems, WEIGHT_TYPO);
                add_compounds(
                    &mut group,
                    &candidate,
                    &mut surface,
                    analyzer,
                    vocabulary,
                    WEIGHT_TYPO_COMPOUND,
                );
            }
        }
        if !group.alternatives.is_empty() {
            expansion.groups.push(group);
        }
    }
    expansion
}

/// Adds a word or phrase to the group, keeping the higher weight when it
/// is there already.
/// Runs of words the directory does not contain are tried as English, word
/// by word or as short fixed phrases ("critical thinking", "social worker"),
/// when they were not a whole thesaurus label.
fn translate_english_runs(
    words: &[String],
    known: &[bool],
    covered: &mut [bool],
    concepts: &ConceptMatcher,
    analyzer: &mut TextAnalyzer,
    vocabulary: &Vocabulary,
    expansion: &mut Expansion,
) {
    let mut surface = surface_analyzer();
    let mut start = 0;
    while start < words.len() {
        if covered[start] || known[start] {
            start += 1;
            continue;
        }
        let end = (start..words.len())
            .find(|&i| covered[i] || known[i])
            .unwrap_or(words.len());
        let run: Vec<&str> = words[start..end].iter().map(String::as_str).collect();
        let translations = concepts.glossary.translate(&run);
        if !translations.is_empty() {
            covered[start..end].iter_mut().for_each(|c| *c = true);
        }
        for translation in translations {
            let mut group = Group {
                typed: translation.english.clone(),
                alternatives: Vec::new(),
                required: false,
            };
            for danish in &translation.danish {
                let danish_terms = terms(analyzer, danish);
                let single_word = danish_terms.len() == 1;
                push_alternative(&mut group, danish_terms, WEIGHT_TRANSLATION);
                if single_word {
                    let weight = WEIGHT_TRANSLATION * WEIGHT_COMPOUND;
                    add_compounds(&mut group, danish, &mut surface, analyzer, vocabulary, weight);
                }
            }
            if let Some(first) = translation.danish.first() {
                note(&mut expansion.also_searched, first);
            }
            if !group.alternatives.is_empty() {
                expansion.groups.push(group);
            }
        }
        start = end;
    }
}

fn push_alternative(group: &mut Group, terms: Vec<String>, weight: f32) {
    if terms.is_empty() {
        return;
    }
    match group
        .alternatives
        .iter_mut()
        .find(|a| a.terms == terms && a.phrase)
    {
        Some(existing) => existing.weight = existing.weight.max(weight),
        None => group.alternatives.push(Alternative {
            terms,
            weight,
            phrase: true,
        }),
    }
}

/// Adds the compounds of the directory that contain the word (or, for an
/// inflected word, its stem when that is long enough to be a word itself).
fn add_compounds(
    group: &mut Group,
    word: &str,
    surface: &mut TextAnalyzer,
    analyzer: &mut TextAnalyzer,
    vocabulary: &Vocabulary,
    weight: f32,
) {
    let folded = fold(surface, word);
    let stem = terms(analyzer, word).into_iter().next().unwrap_or_default();
    let part = if stem.chars().count() >= 5 && folded.starts_with(&stem) {
        stem
    } else {
        folded
    };
    for compound in vocabulary.compounds_containing(&part) {
        let compound_terms = terms(analyzer, compound);
        if compound_terms.len() == 1 && !group.alternatives.iter().any(|a| a.terms == compound_terms) {
            push_alternative(group, compound_terms, weight);
        }
    }
}

fn fold(surface: &mut TextAnalyzer, word: &str) -> String {
    terms(surface, word).join("")
}

/// A hyphenated word is searched as its parts; the thesaurus still finds
/// "SSP-konsulent" because its labels are split the same way.
fn split_hyphens(word: &str) -> Vec<String> {
    let word = word.trim_matches('-').to_lowercase();
    if word.contains('-') {
        word.split('-').map(str::to_string).collect()
    } else {
        vec![word]
    }
}

pub(crate) fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.contains(&word)
}

fn note(list: &mut Vec<String>, label: &str) {
    if !list.iter().any(|l| l.eq_ignore_ascii_case(label)) {
        list.push(label.to_string());
    }
}

/// Quoted pieces (only when the quote is closed) and the rest.
fn split_quotes(input: &str) -> (Vec<String>, String) {
    let pieces: Vec<&str> = input.split('"').collect();
    let balanced = pieces.len() % 2 == 1;
    let mut phrases = Vec::new();
    let mut loose = String::new();
    for (i, piece) in pieces.iter().enumerate() {
        if i % 2 == 1 && (balanced || i + 1 < pieces.len()) {
            phrases.push(piece.to_string());
        } else {
            loose.push(' ');
            loose.push_str(piece);
        }
    }
    (phrases, loose)
}
