//! The Danish text analysis shared by indexing and querying: split into words,
//! lower-case, Snowball-stem, then spell æ, ø and å the way people type them
//! on a keyboard without them (ae, oe, aa). Folding after stemming matters:
//! the stemmer knows Danish endings only in Danish spelling, and a user who
//! types "boernene" should meet "børnene" as the same stem.

use tantivy::tokenizer::{
    Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer, Token, TokenFilter,
    TokenStream, Tokenizer,
};

/// Name under which the analyzer is registered with the index.
pub const DANISH: &str = "hvemved_da";
/// The same without stemming: the words as written, for matching compound
/// parts and typos against what the directory really contains.
pub const SURFACE: &str = "hvemved_surface";

/// Words longer than this are not words (hashes, pasted URLs) and are dropped.
const MAX_WORD_BYTES: usize = 60;

pub fn danish_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_WORD_BYTES))
        .filter(LowerCaser)
        .filter(Stemmer::new(Language::Danish))
        .filter(DanishLetterFolding)
        .build()
}

pub fn surface_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_WORD_BYTES))
        .filter(LowerCaser)
        .filter(DanishLetterFolding)
        .build()
}

/// The index terms of a text, in order.
pub fn terms(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

/// Whether any term of the text is one of `wanted`; stops at the first.
pub fn contains_any(
    analyzer: &mut TextAnalyzer,
    text: &str,
    wanted: &std::collections::HashSet<String>,
) -> bool {
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        if wanted.contains(&stream.token().text) {
            return true;
        }
    }
    false
}

/// The terms of a text with their byte offsets in it, for highlighting.
pub fn terms_with_offsets(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        let token = stream.token();
        out.push((token.text.clone(), token.offset_from, token.offset_to));
    }
    out
}

/// Spells æ/ø/å (and ä/ö, as in names) as ae/oe/aa so that both spellings
/// meet in one term.
pub fn fold_danish_letters(word: &str) -> Option<String> {
    if word.is_ascii() {
        return None;
    }
    let mut out = String::with_capacity(word.len() + 2);
    for c in word.chars() {
        match c {
            'æ' | 'ä' => out.push_str("ae"),
            'ø' | 'ö' => out.push_str("oe"),
            'å' => out.push_str("aa"),
            'é' | 'è' => out.push('e'),
            'ü' => out.push_str("ue"),
            other => out.push(other),
        }
    }
    Some(out)
}

#[derive(Clone, Copy)]
pub struct DanishLetterFolding;

impl TokenFilter for DanishLetterFolding {
    type Tokenizer<T: Tokenizer> = DanishLetterFoldingFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> Self::Tokenizer<T> {
        DanishLetterFoldingFilter { inner: tokenizer }
    }
}

#[derive(Clone)]
pub struct DanishLetterFoldingFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for DanishLetterFoldingFilter<T> {
    type TokenStream<'a> = DanishLetterFoldingStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        DanishLetterFoldingStream {
            tail: self.inner.token_stream(text),
        }
    }
}

pub struct DanishLetterFoldingStream<T> {
    tail: T,
}

impl<T: TokenStream> TokenStream for DanishLetterFoldingStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if let Some(folded) = fold_danish_letters(&token.text) {
            token.text = folded;
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analyse(text: &str) -> Vec<String> {
        terms(&mut danish_analyzer(), text)
    }

    #[test]
    fn inflections_meet_their_base_form() {
        assert_eq!(analyse("mentaliseringen"), analyse("mentalisering"));
        assert_eq!(analyse("rådgiveren"), analyse("rådgiver"));
        assert_eq!(analyse("ungeplanerne"), analyse("ungeplan"));
    }

    #[test]
    fn danish_letters_typed_in_ascii_meet_the_real_ones() {
        assert_eq!(analyse("boern"), analyse("børn"));
        assert_eq!(analyse("raadgiver"), analyse("rådgiver"));
        assert_eq!(analyse("eftervaern"), analyse("efterværn"));
        assert_eq!(analyse("BØRNENE"), analyse("boernene"));
    }

    #[test]
    fn punctuation_splits_words_and_case_is_ignored() {
        assert_eq!(analyse("SSP-konsulent, PPR!"), vec!["ssp", "konsulent", "ppr"]);
    }
}
