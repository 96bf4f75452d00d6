//! The words the directory really contains, unstemmed, with how many
//! documents hold each. Danish glues words together ("hashmisbrug",
//! "rusmiddelforebyggende"), and people mistype; both are answered by
//! looking the typed word up in this list rather than by guessing, so an
//! expansion never names a word no document has.

use tantivy::{Searcher, SegmentReader};

use super::index::Fields;
use crate::error::Result;

/// Shortest part of a compound that is matched on its own; shorter pieces
/// ("ud", "af") are mostly prefixes, not words.
const MIN_PART: usize = 4;
/// The rest of the compound must be a word too, not an ending: "praktik"
/// is part of "virksomhedspraktik" but not of "praktikant".
const MIN_REST: usize = 4;
const MAX_COMPOUNDS: usize = 24;
const MAX_FUZZY: usize = 6;

#[cfg_attr(test, derive(Debug, PartialEq))]
pub struct Vocabulary {
    /// Sorted by word; with the number of documents holding it.
    words: Vec<(String, u32)>,
    /// Every place inside a word where a compound part can begin (a word's
    /// index and a byte offset at least `MIN_REST` letters in), sorted by
    /// the rest of the word from there: the words holding a part are one
    /// binary search away instead of a scan of the whole vocabulary.
    inner_starts: Vec<(u32, u16)>,
}

impl Vocabulary {
    pub(crate) fn load(searcher: &Searcher, fields: &Fields) -> Result<Vocabulary> {
        Ok(Vocabulary::from_sorted(read_words(
            searcher.segment_readers(),
            fields,
        )?))
    }

    /// The vocabulary of `searcher`, from the one before its commit.
    pub(crate) fn reload(&self, searcher: &Searcher, fields: &Fields) -> Result<Vocabulary> {
        Ok(self.refreshed(read_words(searcher.segment_readers(), fields)?))
    }

    /// This vocabulary with the words of `segments` added.
    pub(crate) fn with_segments(&self, segments: &[&SegmentReader], fields: &Fields) -> Result<Vocabulary> {
        let added = read_words(segments.iter().copied(), fields)?;
        Ok(self.refreshed(counted_together(&self.words, added)))
    }

    /// An edit seldom brings a word the directory lacked, so usually only
    /// the counts change; the compound part positions, whose sorting is
    /// most of building a vocabulary, are then kept as they are.
    fn refreshed(&self, words: Vec<(String, u32)>) -> Vocabulary {
        let same_words =
            words.len() == self.words.len() && words.iter().zip(&self.words).all(|(new, old)| new.0 == old.0);
        if same_words {
            Vocabulary {
                words,
                inner_starts: self.inner_starts.clone(),
            }
        } else {
            Vocabulary::from_sorted(words)
        }
    }

    fn from_sorted(words: Vec<(String, u32)>) -> Vocabulary {
        let mut inner_starts: Vec<(u32, u16)> = Vec::new();
        for (i, (word, _)) in words.iter().enumerate() {
            let Ok(index) = u32::try_from(i) else { break };
            for (at, _) in word.char_indices().skip(MIN_REST) {
                match u16::try_from(at) {
                    Ok(at) if word.len() - usize::from(at) >= MIN_PART => inner_starts.push((index, at)),
                    _ => break,
                }
            }
        }
        let tail = |&(i, at): &(u32, u16)| &words[i as usize].0[usize::from(at)..];
        inner_starts.sort_unstable_by(|a, b| tail(a).cmp(tail(b)));
        Vocabulary { words, inner_starts }
    }

    fn tail(&self, (i, at): (u32, u16)) -> &str {
        &self.words[i as usize].0[usize::from(at)..]
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn doc_freq(&self, word: &str) -> u32 {
        self.words
            .binary_search_by(|(w, _)| w.as_str().cmp(word))
            .map(|i| self.words[i].1)
            .unwrap_or(0)
    }

    /// Words of which `part` is a whole part: "misbrug" in "hashmisbrug" and
    /// "misbrugsbehandler", "dannelse" in "identitetsdannelse" but not in
    /// "uddannelse". The most frequent first.
    pub fn compounds_containing(&self, part: &str) -> Vec<&str> {
        if part.chars().count() < MIN_PART {
            return Vec::new();
        }
        let first = self.words.partition_point(|(w, _)| w.as_str() < part);
        let starting = self.words[first..]
            .iter()
            .take_while(|(w, _)| w.starts_with(part))
            .enumerate()
            .map(|(k, _)| ((first + k) as u32, 0u16));
        let from = self.inner_starts.partition_point(|&s| self.tail(s) < part);
        let inside = self.inner_starts[from..]
            .iter()
            .take_while(|&&s| self.tail(s).starts_with(part))
            .copied();
        let mut matched: Vec<u32> = starting
            .chain(inside)
            .filter(|&(i, at)| {
                let word = self.words[i as usize].0.as_str();
                let at = usize::from(at);
                is_compound_at(word, part, at) && !self.longer_word_ends_here(word, at, at + part.len())
            })
            .map(|(i, _)| i)
            .collect();
        matched.sort_unstable();
        matched.dedup();
        let mut found: Vec<(&str, u32)> = matched
            .into_iter()
            .map(|i| {
                let (word, n) = &self.words[i as usize];
                (word.as_str(), *n)
            })
            .collect();
        found.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        found.into_iter().take(MAX_COMPOUNDS).map(|(w, _)| w).collect()
    }

    /// Known words within one edit (two for long words) of `word`, counting a
    /// swap of neighbours as one edit; the closest and most frequent first.
    pub fn near(&self, word: &str) -> Vec<&str> {
        let chars: Vec<char> = word.chars().collect();
        let max = max_edits(chars.len());
        if max == 0 {
            return Vec::new();
        }
        let mut found: Vec<(usize, u32, &str)> = Vec::new();
        let mut buffer = Vec::new();
        for (candidate, n) in self.sharing_first_letter(word) {
            let len = candidate.chars().count();
            if len.abs_diff(chars.len()) > max || candidate == word {
                continue;
            }
            buffer.clear();
            buffer.extend(candidate.chars());
            if let Some(distance) = edit_distance(&chars, &buffer, max) {
                found.push((distance, *n, candidate.as_str()));
            }
        }
        found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(b.2)));
        found.into_iter().take(MAX_FUZZY).map(|(_, _, w)| w).collect()
    }
}

impl Vocabulary {
    /// Typos are rarely in the first letter; looking only at words that share
    /// it keeps typo lookup fast in a large directory.
    fn sharing_first_letter(&self, word: &str) -> &[(String, u32)] {
        let Some(first) = word.chars().next() else {
            return &[];
        };
        let mut prefix = [0u8; 4];
        let prefix: &str = first.encode_utf8(&mut prefix);
        let start = self.words.partition_point(|(w, _)| w.as_str() < prefix);
        let end = start + self.words[start..].partition_point(|(w, _)| w.starts_with(prefix));
        &self.words[start..end]
    }

    /// The first parts of known compounds that `word` is a typo of: for
    /// "rusmidel", the "rusmiddel" of "rusmiddelforebyggelse". Most frequent first.
    pub fn near_compound_parts(&self, word: &str) -> Vec<String> {
        let chars: Vec<char> = word.chars().collect();
        let max = max_edits(chars.len()).min(1);
        if max == 0 {
            return Vec::new();
        }
        let mut found: Vec<(String, u32)> = Vec::new();
        let mut buffer = Vec::new();
        for (candidate, n) in self.sharing_first_letter(word) {
            buffer.clear();
            buffer.extend(candidate.chars());
            if buffer.len() < chars.len() + MIN_REST {
                continue;
            }
            for cut in chars.len().saturating_sub(max)..=(chars.len() + max) {
                let rest: String = buffer[cut..].iter().collect();
                if trim_linking_start(&rest).chars().count() < MIN_REST {
                    continue;
                }
                if edit_distance(&chars, &buffer[..cut], max).is_some() {
                    let part: String = buffer[..cut].iter().collect();
                    match found.iter_mut().find(|(p, _)| *p == part) {
                        Some((_, total)) => *total += n,
                        None => found.push((part, *n)),
                    }
                }
            }
        }
        found.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        found.into_iter().take(MAX_FUZZY).map(|(p, _)| p).collect()
    }
}

/// Every word of the `surface` field with the number of documents holding
/// it, sorted, each word once.
fn read_words<'a>(
    segments: impl IntoIterator<Item = &'a SegmentReader>,
    fields: &Fields,
) -> Result<Vec<(String, u32)>> {
    let mut words: Vec<(String, u32)> = Vec::new();
    for segment in segments {
        collect_terms(segment.inverted_index(fields.surface)?.terms(), &mut words)?;
    }
    // Stable on purpose: each segment's words arrive sorted, and the stable
    // sort merges such runs in linear time where the unstable one sorts anew.
    words.sort_by(|a, b| a.0.cmp(&b.0));
    let mut merged: Vec<(String, u32)> = Vec::with_capacity(words.len());
    for (word, count) in words {
        match merged.last_mut() {
            Some((last, total)) if *last == word => *total += count,
            _ => merged.push((word, count)),
        }
    }
    Ok(merged)
}

/// Two sorted word lists as one, the counts of a word in both added up.
fn counted_together(words: &[(String, u32)], added: Vec<(String, u32)>) -> Vec<(String, u32)> {
    let mut together = Vec::with_capacity(words.len() + added.len());
    let mut old = words.iter().peekable();
    for (word, count) in added {
        while let Some((before, n)) = old.next_if(|(before, _)| *before < word) {
            together.push((before.clone(), *n));
        }
        match old.next_if(|(before, _)| *before == word) {
            Some((_, n)) => together.push((word, n + count)),
            None => together.push((word, count)),
        }
    }
    together.extend(old.cloned());
    together
}

fn collect_terms(dictionary: &tantivy::termdict::TermDictionary, out: &mut Vec<(String, u32)>) -> Result<()> {
    let mut stream = dictionary
        .stream()
        .map_err(|e| crate::error::CoreError::Index(e.to_string()))?;
    while let Some((key, info)) = stream.next() {
        if let Ok(word) = std::str::from_utf8(key) {
            out.push((word.to_string(), info.doc_freq));
        }
    }
    Ok(())
}

/// Typos are allowed in proportion to length: none in short words, where
/// one edit makes another real word.
pub fn max_edits(len: usize) -> usize {
    match len {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

impl Vocabulary {
    /// Whether the part is really the tail of a longer known word: "dannelse"
    /// in "voksenuddannelse" is the end of "uddannelse", not a part of its own.
    fn longer_word_ends_here(&self, word: &str, start: usize, end: usize) -> bool {
        word[..start]
            .char_indices()
            .rev()
            .take(3)
            .any(|(k, _)| self.doc_freq(&word[k..end]) > 0 || self.doc_freq(&word[k..]) > 0)
    }
}

fn is_compound_at(word: &str, part: &str, at: usize) -> bool {
    let before = trim_linking_end(&word[..at]);
    let rest = &word[at + part.len()..];
    let before_ok = at == 0 || before.chars().count() >= MIN_REST;
    let after_ok =
        rest.is_empty() || trim_linking_start(rest).chars().count() >= MIN_REST || at > 0 && is_ending(rest);
    before_ok && after_ok && (at > 0 || !rest.is_empty())
}

/// Danish joins compounds with -s- or -e- ("misbrugsbehandler").
fn trim_linking_start(rest: &str) -> &str {
    rest.strip_prefix('s')
        .or_else(|| rest.strip_prefix('e'))
        .unwrap_or(rest)
}

fn trim_linking_end(rest: &str) -> &str {
    rest.strip_suffix('s')
        .or_else(|| rest.strip_suffix('e'))
        .unwrap_or(rest)
}

/// An inflection after the part, as in "hashmisbrug|ere": only counts when
/// something came before the part, so the part sits inside a compound.
fn is_ending(rest: &str) -> bool {
    matches!(
        rest,
        "n" | "en"
            | "et"
            | "er"
            | "ere"
            | "erne"
            | "es"
            | "ens"
            | "ne"
            | "r"
            | "t"
            | "rne"
            | "de"
            | "ende"
            | "te"
    )
}

/// Optimal string alignment distance, or None when above `max`.
fn edit_distance(a: &[char], b: &[char], max: usize) -> Option<usize> {
    let (n, m) = (a.len(), b.len());
    let mut prev2 = vec![0usize; m + 1];
    let mut prev: Vec<usize> = (0..=m).collect();
    let mut cur = vec![0usize; m + 1];
    for i in 1..=n {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut value = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                value = value.min(prev2[j - 2] + 1);
            }
            cur[j] = value;
            row_min = row_min.min(value);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    (prev[m] <= max).then_some(prev[m])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabulary(words: &[&str]) -> Vocabulary {
        let mut words: Vec<(String, u32)> = words.iter().map(|w| (w.to_string(), 1)).collect();
        words.sort();
        Vocabulary::from_sorted(words)
    }

    #[test]
    fn a_refreshed_vocabulary_is_the_vocabulary_built_afresh() {
        let before = vocabulary(&["hashmisbrug", "misbrug", "rusmiddelforebyggelse"]);
        let counted: Vec<(String, u32)> = before.words.iter().map(|(w, n)| (w.clone(), n + 2)).collect();
        let mut grown = counted.clone();
        grown.push(("rusmiddelmisbrug".to_string(), 1));
        grown.sort();
        for words in [counted, grown] {
            let refreshed = before.refreshed(words.clone());
            let afresh = Vocabulary::from_sorted(words);
            assert_eq!(refreshed.words, afresh.words);
            assert_eq!(refreshed.inner_starts, afresh.inner_starts);
            assert_eq!(
                refreshed.compounds_containing("misbrug"),
                afresh.compounds_containing("misbrug")
            );
        }
    }

    #[test]
    fn compound_parts_are_whole_words_inside_compounds() {
        let v = vocabulary(&[
            "hashmisbrug",
            "misbrugsbehandler",
            "misbrug",
            "uddannelse",
            "identitetsdannelse",
            "praktikant",
            "virksomhedspraktik",
            "hashmisbrugere",
            "misbrugt",
        ]);
        let mut found = v.compounds_containing("misbrug");
        found.sort();
        assert_eq!(found, vec!["hashmisbrug", "hashmisbrugere", "misbrugsbehandler"]);
        assert_eq!(v.compounds_containing("dannelse"), vec!["identitetsdannelse"]);
        assert_eq!(v.compounds_containing("praktik"), vec!["virksomhedspraktik"]);
        assert!(
            v.compounds_containing("ung").is_empty(),
            "short parts are not matched"
        );
    }

    #[test]
    fn the_part_lookup_finds_what_a_scan_of_every_word_finds() {
        let words = [
            "hashmisbrug",
            "misbrugsbehandler",
            "misbrug",
            "alkoholmisbrugsbehandling",
            "misbrugsmisbrug",
            "uddannelse",
            "voksenuddannelse",
            "identitetsdannelse",
            "børnehavebørn",
            "børnesyn",
            "skolebørnsbørn",
            "forebyggelse",
            "rusmiddelforebyggelse",
            "rusmiddelforebyggende",
            "ældreomsorg",
            "sundhedsplejerske",
            "plejeskolesundhed",
            "skole",
            "skolesundhed",
        ];
        let v = vocabulary(&words);
        for part in [
            "misbrug",
            "dannelse",
            "børn",
            "forebyggelse",
            "sundhed",
            "skole",
            "pleje",
            "rusmiddel",
        ] {
            let mut expected: Vec<&str> = v
                .words
                .iter()
                .map(|(w, _)| w.as_str())
                .filter(|w| {
                    w.len() > part.len()
                        && w.match_indices(part).any(|(at, _)| {
                            is_compound_at(w, part, at) && !v.longer_word_ends_here(w, at, at + part.len())
                        })
                })
                .collect();
            expected.sort();
            let mut found = v.compounds_containing(part);
            found.sort();
            assert_eq!(found, expected, "{part}");
        }
    }

    #[test]
    fn near_words_allow_one_edit_or_a_swap() {
        let v = vocabulary(&[
            "mentalisering",
            "samarbejdsmodellen",
            "rusmiddel",
            "rusmidler",
            "hash",
        ]);
        assert_eq!(v.near("mentalisring"), vec!["mentalisering"]);
        assert_eq!(v.near("samarbjedsmodellen"), vec!["samarbejdsmodellen"]);
        assert_eq!(v.near("rusmidel"), vec!["rusmiddel"]);
        assert!(v.near("hasj").is_empty(), "short words get no typo tolerance");
    }

    #[test]
    fn a_typo_in_a_compound_part_finds_the_part() {
        let v = vocabulary(&[
            "rusmiddelforebyggelse",
            "rusmiddelbehandling",
            "rusmidler",
            "russisk",
        ]);
        assert_eq!(v.near_compound_parts("rusmidel"), vec!["rusmiddel"]);
    }
}
