//! The documents of one query group that people are ranked by: the top
//! `limit` by text score, and among documents with the same score, those
//! with the strongest tie (for ranking: the higher skill level). The
//! hundreds who hold the same short skill have skill documents with the
//! same score; cut by score alone, document order decided which of them
//! were kept, so a level 2 could be kept and a level 5 cut.
//!
//! Ordering by score times tie would also weigh near ties, but it made the
//! three-term search at 100 000 people 40 % slower: a bound on the tie
//! loosens the threshold below which tantivy skips documents, so many more
//! are looked at.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use tantivy::query::{EnableScoring, Query};
use tantivy::{DocAddress, DocId, Score, Searcher};

use crate::error::Result;

/// What [`top_docs`] keeps of each document.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Kept {
    /// The text score (BM25 with the query's boosts), before the tie.
    pub score: Score,
    pub address: DocAddress,
}

/// How many ties are told apart: ties closer than 1/255 of the strongest
/// count as equal.
const TIE_STEPS: f32 = 255.0;
/// Bits of [`order_key`] that tell the earlier of two equal documents.
const ARRIVAL_BITS: u32 = 24;
const LAST_ARRIVAL: u64 = (1 << ARRIVAL_BITS) - 1;

/// A document's place in the order as one number, greater is better: its
/// score, then its tie in [`TIE_STEPS`] steps, then the earlier document
/// (documents arrive in address order, so `arrival` counts up). The heap
/// below compares these many times per document, and comparing one integer
/// is far cheaper than comparing three fields.
fn order_key(score: Score, tie: Score, strongest_tie: Score, arrival: u64) -> u64 {
    // Non-negative floats order as their bits do.
    let score_bits = u64::from(score.max(0.0).to_bits());
    let tie_step = (tie / strongest_tie * TIE_STEPS).round().clamp(0.0, TIE_STEPS) as u64;
    score_bits << 32 | tie_step << ARRIVAL_BITS | (LAST_ARRIVAL - arrival.min(LAST_ARRIVAL))
}

/// A kept document in the heap, ordered by its [`order_key`] alone (which
/// is unique: no two documents arrive at once).
#[derive(Clone, Copy)]
struct Entry {
    key: u64,
    kept: Kept,
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

impl Eq for Entry {}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Entry {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key.cmp(&other.key)
    }
}

/// Whether a key's tie is the strongest there is.
fn has_strongest_tie(key: u64) -> bool {
    (key >> ARRIVAL_BITS) & 0xFF == TIE_STEPS as u64
}

/// The greatest score below `score` (scores are never negative).
fn just_below(score: Score) -> Score {
    if score > 0.0 {
        Score::from_bits(score.to_bits() - 1)
    } else {
        -Score::MIN_POSITIVE
    }
}

/// The `limit` matching documents with the highest text score, best first,
/// equal scores ordered by `tie(segment, doc)`, which gives `None` for a
/// document ranking does not use and never more than `strongest_tie`.
pub(crate) fn top_docs(
    searcher: &Searcher,
    query: &dyn Query,
    limit: usize,
    strongest_tie: Score,
    tie: impl Fn(usize, DocId) -> Option<Score>,
) -> Result<Vec<Kept>> {
    let weight = query.weight(EnableScoring::enabled_from_searcher(searcher))?;
    // A min-heap of the best so far: its top is the weakest kept.
    let mut heap: BinaryHeap<Reverse<Entry>> = BinaryHeap::with_capacity(limit);
    let mut threshold = Score::MIN;
    let mut arrival = 0_u64;
    for (segment_ord, reader) in searcher.segment_readers().iter().enumerate() {
        let alive = reader.alive_bitset();
        weight.for_each_pruning(threshold, reader, &mut |doc, score| {
            if alive.is_some_and(|alive| alive.is_deleted(doc)) {
                return threshold;
            }
            let Some(tie) = tie(segment_ord, doc) else {
                return threshold;
            };
            arrival += 1;
            let key = order_key(score, tie, strongest_tie, arrival);
            let kept = Kept {
                score,
                address: DocAddress::new(segment_ord as u32, doc),
            };
            if heap.len() < limit {
                heap.push(Reverse(Entry { key, kept }));
            } else if let Some(mut weakest) = heap.peek_mut() {
                if key <= weakest.0.key {
                    return threshold;
                }
                *weakest = Reverse(Entry { key, kept });
            }
            if heap.len() == limit {
                if let Some(Reverse(Entry { key, kept: weakest })) = heap.peek() {
                    // tantivy passes on only scores above the threshold. An
                    // equal score may still win on its tie, unless the
                    // weakest kept already has the strongest.
                    threshold = if has_strongest_tie(*key) {
                        weakest.score
                    } else {
                        just_below(weakest.score)
                    };
                }
            }
            threshold
        })?;
    }
    let mut docs: Vec<Entry> = heap.into_iter().map(|Reverse(entry)| entry).collect();
    docs.sort_unstable_by_key(|entry| Reverse(entry.key));
    Ok(docs.into_iter().map(|entry| entry.kept).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::TopDocs;
    use tantivy::query::{BooleanQuery, Occur, TermQuery};
    use tantivy::schema::{IndexRecordOption, Schema, TEXT};
    use tantivy::{Index, IndexWriter, TantivyDocument, Term};

    /// Documents in several segments, many with the same text (so the same
    /// text score) and a strength by position that the text does not show.
    fn index_of_equal_documents() -> (Index, tantivy::schema::Field) {
        let mut builder = Schema::builder();
        let body = builder.add_text_field("body", TEXT);
        let index = Index::create_in_ram(builder.build());
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for batch in 0..3 {
            for i in 0..700 {
                let text = match i % 7 {
                    0 => "mentalisering",
                    1 => "mentalisering og hash",
                    2 => "hash",
                    3 => "mentalisering mentalisering unge",
                    _ => "unge og skole",
                };
                let mut doc = TantivyDocument::default();
                doc.add_text(body, format!("{text} {}", "ord ".repeat((i + batch) % 3)));
                writer.add_document(doc).unwrap();
            }
            writer.commit().unwrap();
        }
        (index, body)
    }

    /// A tie that the text does not show: strongest for a few scattered
    /// documents, none for some.
    fn tie(segment: usize, doc: DocId) -> Option<Score> {
        match (segment as u32 * 7 + doc) % 11 {
            0 => None,
            1 => Some(STRONGEST),
            r => Some(0.3 + r as f32 / 20.0),
        }
    }
    const STRONGEST: Score = 1.5;

    /// Every matching document scored and sorted: what pruning must not
    /// change.
    fn by_brute_force(searcher: &Searcher, query: &dyn Query, limit: usize) -> Vec<Kept> {
        let all = searcher
            .search(query, &TopDocs::with_limit(100_000).order_by_score())
            .unwrap();
        let mut keyed: Vec<(Score, Score, DocAddress)> = all
            .into_iter()
            .filter_map(|(score, address)| {
                Some((score, tie(address.segment_ord as usize, address.doc_id)?, address))
            })
            .collect();
        keyed.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(&b.2)));
        keyed
            .into_iter()
            .take(limit)
            .map(|(score, _, address)| Kept { score, address })
            .collect()
    }

    #[test]
    fn the_top_documents_are_found_with_pruning_as_without_it() {
        let (index, body) = index_of_equal_documents();
        let searcher = index.reader().unwrap().searcher();
        assert!(searcher.segment_readers().len() > 1);
        let term = |text: &str| {
            Box::new(TermQuery::new(
                Term::from_field_text(body, text),
                IndexRecordOption::WithFreqs,
            )) as Box<dyn Query>
        };
        let queries: Vec<Box<dyn Query>> = vec![
            term("mentalisering"),
            // A sum of terms: the case tantivy prunes with block-max WAND.
            Box::new(BooleanQuery::new(vec![
                (Occur::Should, term("mentalisering")),
                (Occur::Should, term("hash")),
            ])),
            term("fraværende"),
        ];
        for query in &queries {
            for limit in [1, 10, 400] {
                let found = top_docs(&searcher, query.as_ref(), limit, STRONGEST, tie).unwrap();
                let expected = by_brute_force(&searcher, query.as_ref(), limit);
                assert_eq!(found, expected, "{query:?} limit {limit}");
            }
        }
    }

    #[test]
    fn the_order_key_orders_by_score_then_tie_then_arrival() {
        let key = |score, tie, arrival| order_key(score, tie, 1.1, arrival);
        assert!(key(2.0, 0.1, 9) > key(1.99, 1.1, 1));
        assert!(key(2.0, 0.8, 9) > key(2.0, 0.6, 1));
        assert!(key(2.0, 0.8, 1) > key(2.0, 0.8, 2));
        assert!(key(0.0, 0.0, 0) < key(f32::MIN_POSITIVE, 0.0, 0));
        assert!(has_strongest_tie(key(1.0, 1.1, 5)));
        assert!(!has_strongest_tie(key(1.0, 1.0, 5)));
        for score in [0.0, f32::MIN_POSITIVE, 0.3, 1.0, 12.5] {
            assert!(just_below(score) < score);
            assert!(just_below(score) >= score - score.abs() * 1e-6 - f32::MIN_POSITIVE);
        }
    }

    #[test]
    fn among_equal_scores_the_strongest_ties_are_kept() {
        let (index, body) = index_of_equal_documents();
        let searcher = index.reader().unwrap().searcher();
        let query = TermQuery::new(
            Term::from_field_text(body, "mentalisering"),
            IndexRecordOption::WithFreqs,
        );
        let strongest = |kept: &[(Score, DocAddress)]| {
            kept.iter()
                .all(|(_, a)| tie(a.segment_ord as usize, a.doc_id) == Some(STRONGEST))
        };
        let by_score = searcher
            .search(&query, &TopDocs::with_limit(5).order_by_score())
            .unwrap();
        assert!(!strongest(&by_score), "by score alone, document order decides");
        let found = top_docs(&searcher, &query, 5, STRONGEST, tie).unwrap();
        let found: Vec<(Score, DocAddress)> = found.iter().map(|k| (k.score, k.address)).collect();
        assert!(strongest(&found), "{found:?}");
        assert!(
            found.iter().all(|(score, _)| *score == by_score[0].0),
            "none with a lower score"
        );
    }
}
