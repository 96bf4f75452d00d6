//! Turns what a user typed into a tantivy query without ever failing: no
//! query syntax is parsed, so `"unbalanced`, `AND OR`, `name:` or ten thousand
//! `(` are just text. Quoted phrases are honoured; question words and other
//! small words ("hvem ved noget om …") are dropped so they cannot drown the
//! words that carry the meaning.

use tantivy::query::{BooleanQuery, BoostQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::Term;

use super::analyzer::terms;
use super::index::Fields;

/// Longer input is cut: nobody types more, and a pasted document should not
/// turn into a query of thousands of clauses.
pub const MAX_QUERY_CHARS: usize = 300;
const MAX_TERMS: usize = 24;

/// Words that carry no topic in a question to a colleague directory.
const STOP_WORDS: &[&str] = &[
    "hvem", "hvad", "hvor", "hvordan", "hvilke", "hvilken", "hvilket", "ved", "noget", "nogen", "nogle",
    "om", "og", "eller", "i", "på", "paa", "af", "til", "med", "for", "fra", "en", "et", "den", "det", "de",
    "der", "som", "at", "er", "har", "kan", "kender", "vide", "mere", "jeg", "vi", "du", "mig", "os", "min",
    "mit", "vores", "sig", "sin", "sit", "man", "skal", "vil", "bare", "lidt", "meget", "who", "knows",
    "know", "about", "what", "the", "a", "an", "of", "and", "or", "in", "on", "with", "anyone", "someone",
    "is", "are", "does", "do", "can",
];

/// Relative weight of each field: a declared skill says more than a word in
/// a bio, a bio more than a course someone sat through.
pub(crate) fn field_boosts(fields: &Fields) -> [(Field, f32); 5] {
    [
        (fields.skills, 3.0),
        (fields.role, 1.5),
        (fields.name, 2.0),
        (fields.bio, 1.2),
        (fields.courses, 1.0),
    ]
}

/// What remains of the user's input after cleaning: the analysed words and
/// the analysed phrases.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ParsedQuery {
    pub terms: Vec<String>,
    pub phrases: Vec<Vec<String>>,
}

impl ParsedQuery {
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && self.phrases.is_empty()
    }

    /// Every analysed word, from loose words and phrases alike.
    pub fn all_terms(&self) -> impl Iterator<Item = &String> {
        self.terms.iter().chain(self.phrases.iter().flatten())
    }
}

pub fn parse(analyzer: &mut TextAnalyzer, input: &str) -> ParsedQuery {
    let input: String = input.chars().take(MAX_QUERY_CHARS).collect();
    let mut parsed = ParsedQuery::default();
    // Odd-numbered pieces between quotes are phrases; an unbalanced quote
    // just leaves its tail as loose words.
    let pieces: Vec<&str> = input.split('"').collect();
    let balanced = pieces.len() % 2 == 1;
    for (i, piece) in pieces.iter().enumerate() {
        let is_phrase = i % 2 == 1 && (balanced || i + 1 < pieces.len());
        if is_phrase {
            let words = terms(analyzer, piece);
            match words.len() {
                0 => {}
                1 => parsed.terms.extend(words),
                _ => parsed.phrases.push(words),
            }
        } else {
            for word in piece.split(|c: char| !c.is_alphanumeric()) {
                if word.is_empty() || STOP_WORDS.contains(&word.to_lowercase().as_str()) {
                    continue;
                }
                for term in terms(analyzer, word) {
                    if !parsed.terms.contains(&term) {
                        parsed.terms.push(term);
                    }
                }
            }
        }
    }
    parsed.terms.truncate(MAX_TERMS);
    parsed.phrases.truncate(MAX_TERMS / 4);
    parsed
}

/// Any loose word may match (more matching words rank higher); every quoted
/// phrase must match in some field.
pub(crate) fn build(fields: &Fields, parsed: &ParsedQuery) -> Box<dyn Query> {
    let boosts = field_boosts(fields);
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for term in &parsed.terms {
        let per_field = boosts
            .iter()
            .map(|(field, boost)| (Occur::Should, boosted(term_query(*field, term), *boost)))
            .collect();
        clauses.push((Occur::Should, Box::new(BooleanQuery::new(per_field))));
    }
    for phrase in &parsed.phrases {
        let per_field = boosts
            .iter()
            .map(|(field, boost)| {
                let terms = phrase.iter().map(|w| Term::from_field_text(*field, w)).collect();
                (Occur::Should, boosted(Box::new(PhraseQuery::new(terms)), *boost))
            })
            .collect();
        clauses.push((Occur::Must, Box::new(BooleanQuery::new(per_field))));
    }
    Box::new(BooleanQuery::new(clauses))
}

fn term_query(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    ))
}

fn boosted(query: Box<dyn Query>, boost: f32) -> Box<dyn Query> {
    Box::new(BoostQuery::new(query, boost))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::analyzer::danish_analyzer;

    fn parse_str(input: &str) -> ParsedQuery {
        parse(&mut danish_analyzer(), input)
    }

    #[test]
    fn question_words_are_dropped() {
        let parsed = parse_str("hvem ved noget om unge og hash?");
        assert_eq!(parsed.terms, vec!["ung", "hash"]);
    }

    #[test]
    fn quoted_words_become_a_phrase_and_unbalanced_quotes_are_plain_words() {
        let parsed = parse_str("\"motiverende samtale\" unge");
        assert_eq!(parsed.phrases.len(), 1);
        assert_eq!(parsed.terms, vec!["ung"]);
        let parsed = parse_str("\"unbalanced quote");
        assert!(parsed.phrases.is_empty());
        assert_eq!(parsed.terms.len(), 2);
    }

    #[test]
    fn hostile_input_parses_to_something_bounded() {
        for input in [
            "AND OR",
            "name:",
            "- *",
            &"(".repeat(10_000),
            &"ord ".repeat(5_000),
            "\"\"\"\"",
        ] {
            let parsed = parse_str(input);
            assert!(parsed.terms.len() <= MAX_TERMS, "{input:.20}");
        }
    }
}
