//! Each evidence document's kind, level, date, crowd size and people, read
//! once per index segment from the fast fields into a packed table. Ranking
//! looks these up for every top document of every query group; decoding the
//! compressed columns each time cost a fifth of a search.

use std::sync::{Arc, Mutex};

use rustc_hash::FxHashMap;
use tantivy::index::SegmentId;
use tantivy::{DocId, Searcher, SegmentReader};

use super::index::{DocKind, FAST_ATTENDEES, FAST_DAY, FAST_KIND, FAST_LEVEL, FAST_PEOPLE};
use crate::error::Result;

/// One document as ranking needs it.
pub(crate) struct DocFacts<'a> {
    pub kind: DocKind,
    pub level: u64,
    /// Days since 0001-01-01; 0 when undated.
    pub day: u64,
    pub attendees: u64,
    /// Encoded with [`super::index::encode_person`].
    pub people: &'a [u64],
}

/// A document's people are kept beside its other facts: a lone person
/// (a skill, a bio, a role) in place, the several people of a report or an
/// initiative as a range of [`SegmentDocs::shared_people`]. Looking up a
/// top document is a cache miss; this way most cost one, not three.
#[derive(Clone, Copy)]
struct Packed {
    kind: u8,
    level: u8,
    attendees: u16,
    day: u32,
    people: PeopleRef,
}

/// One encoded person, or with [`RANGE`] set, where the people start in
/// `shared_people` (low 32 bits) and how many they are (the 31 above).
#[derive(Clone, Copy)]
struct PeopleRef(u64);

const RANGE: u64 = 1 << 63;

impl PeopleRef {
    fn new(people: &[u64], shared_people: &mut Vec<u64>) -> PeopleRef {
        match people {
            [one] if one & RANGE == 0 => PeopleRef(*one),
            _ => {
                let from = shared_people.len() as u64;
                shared_people.extend_from_slice(people);
                PeopleRef(RANGE | (people.len() as u64) << 32 | from)
            }
        }
    }
}

/// The documents' levels. The index keeps each segment's documents sorted
/// by level, highest first, so a segment's levels are a handful of runs,
/// and a level is found among those few numbers without touching a byte
/// per document (a cache miss per document at a hundred thousand people).
/// Kept per document should a segment not be sorted.
enum Levels {
    /// The first document of each run and its level, in document order.
    Runs(Vec<(DocId, u8)>),
    PerDocument(Vec<u8>),
}

/// More runs than this and a look-up among them is no longer cheaper.
const MOST_RUNS: usize = 16;

impl Levels {
    fn new(per_document: Vec<u8>) -> Levels {
        let mut runs: Vec<(DocId, u8)> = Vec::new();
        for (doc, &level) in per_document.iter().enumerate() {
            if runs.last().is_none_or(|&(_, last)| last != level) {
                if runs.len() == MOST_RUNS {
                    return Levels::PerDocument(per_document);
                }
                runs.push((doc as DocId, level));
            }
        }
        Levels::Runs(runs)
    }
}

/// No kind: a document without one is skipped, as before the table.
const NO_KIND: u8 = u8::MAX;

pub(crate) struct SegmentDocs {
    docs: Vec<Packed>,
    shared_people: Vec<u64>,
    /// Each document's skill level once more, on its own: choosing a
    /// group's top documents reads it for every document scoring at the
    /// cut, and the facts of each would be a cache miss.
    levels: Levels,
}

impl SegmentDocs {
    fn read(segment: &SegmentReader) -> Result<SegmentDocs> {
        let fast = segment.fast_fields();
        let kind = fast.u64(FAST_KIND)?;
        let level = fast.u64(FAST_LEVEL)?;
        let day = fast.u64(FAST_DAY)?;
        let attendees = fast.u64(FAST_ATTENDEES)?;
        let people_column = fast.u64(FAST_PEOPLE)?;
        let max_doc = segment.max_doc();
        let mut docs = Vec::with_capacity(max_doc as usize);
        let mut shared_people = Vec::new();
        let mut people: Vec<u64> = Vec::new();
        for doc in 0..max_doc {
            people.clear();
            people.extend(people_column.values_for_doc(doc));
            docs.push(Packed {
                people: PeopleRef::new(&people, &mut shared_people),
                kind: kind
                    .first(doc)
                    .and_then(|k| u8::try_from(k).ok())
                    .unwrap_or(NO_KIND),
                level: level.first(doc).unwrap_or(0).min(u64::from(u8::MAX)) as u8,
                attendees: attendees.first(doc).unwrap_or(1).min(u64::from(u16::MAX)) as u16,
                day: day.first(doc).unwrap_or(0).min(u64::from(u32::MAX)) as u32,
            });
        }
        let levels = Levels::new(docs.iter().map(|packed| packed.level).collect());
        docs.shrink_to_fit();
        shared_people.shrink_to_fit();
        Ok(SegmentDocs {
            docs,
            shared_people,
            levels,
        })
    }

    /// The skill level of a skill document; 0 for other kinds.
    pub fn level(&self, doc: DocId) -> u8 {
        if doc as usize >= self.docs.len() {
            return 0;
        }
        match &self.levels {
            Levels::Runs(runs) => {
                let run = runs.partition_point(|&(first, _)| first <= doc);
                runs.get(run.wrapping_sub(1)).map_or(0, |&(_, level)| level)
            }
            Levels::PerDocument(levels) => levels.get(doc as usize).copied().unwrap_or(0),
        }
    }

    pub fn get(&self, doc: DocId) -> Option<DocFacts<'_>> {
        let packed = self.docs.get(doc as usize)?;
        let kind = DocKind::from_u64(u64::from(packed.kind))?;
        let people = match packed.people.0 {
            range if range & RANGE != 0 => {
                let from = (range & u64::from(u32::MAX)) as usize;
                let count = ((range & !RANGE) >> 32) as usize;
                &self.shared_people[from..from + count]
            }
            _ => std::slice::from_ref(&packed.people.0),
        };
        Some(DocFacts {
            kind,
            level: u64::from(packed.level),
            day: u64::from(packed.day),
            attendees: u64::from(packed.attendees),
            people,
        })
    }
}

/// The tables of the index's live segments. A segment never changes once
/// written (deleted documents are only hidden), so its table stays valid for
/// as long as the segment exists.
#[derive(Default)]
pub(crate) struct DocTables {
    by_segment: Mutex<FxHashMap<SegmentId, Arc<SegmentDocs>>>,
}

impl DocTables {
    /// The tables of the searcher's segments, in the searcher's segment
    /// order: built for new segments, forgotten for segments merged away.
    pub fn for_searcher(&self, searcher: &Searcher) -> Result<Vec<Arc<SegmentDocs>>> {
        let mut by_segment = self
            .by_segment
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let live: Vec<SegmentId> = searcher
            .segment_readers()
            .iter()
            .map(|s| s.segment_id())
            .collect();
        by_segment.retain(|id, _| live.contains(id));
        searcher
            .segment_readers()
            .iter()
            .map(|segment| {
                if let Some(table) = by_segment.get(&segment.segment_id()) {
                    return Ok(table.clone());
                }
                let table = Arc::new(SegmentDocs::read(segment)?);
                by_segment.insert(segment.segment_id(), table.clone());
                Ok(table)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_document_gives_back_its_people_whether_one_many_or_none() {
        let mut table = SegmentDocs {
            docs: Vec::new(),
            shared_people: Vec::new(),
            levels: Levels::PerDocument(Vec::new()),
        };
        let documents: [&[u64]; 5] = [&[84], &[], &[10, 11, 13], &[RANGE | 4], &[7]];
        for people in documents {
            table.docs.push(Packed {
                kind: DocKind::Course as u8,
                level: 0,
                attendees: people.len() as u16,
                day: 0,
                people: PeopleRef::new(people, &mut table.shared_people),
            });
        }
        for (doc, people) in documents.iter().enumerate() {
            assert_eq!(table.get(doc as DocId).unwrap().people, *people, "document {doc}");
        }
        assert_eq!(table.shared_people.len(), 4, "lone people are kept in place");
        assert!(table.get(5).is_none());
    }

    #[test]
    fn a_level_is_found_from_runs_or_per_document_alike() {
        let sorted = [5, 5, 5, 4, 2, 2, 0, 0, 0];
        let unsorted: Vec<u8> = (0..40).map(|doc| (doc * 7 % 6) as u8).collect();
        for per_document in [sorted.to_vec(), unsorted] {
            let table = SegmentDocs {
                docs: per_document
                    .iter()
                    .map(|&level| Packed {
                        kind: DocKind::Skill as u8,
                        level,
                        attendees: 1,
                        day: 0,
                        people: PeopleRef(1),
                    })
                    .collect(),
                shared_people: Vec::new(),
                levels: Levels::new(per_document.clone()),
            };
            for (doc, level) in per_document.iter().enumerate() {
                assert_eq!(table.level(doc as DocId), *level, "document {doc}");
            }
            assert_eq!(
                table.level(per_document.len() as DocId),
                0,
                "past the last document"
            );
        }
        assert!(matches!(Levels::new(sorted.to_vec()), Levels::Runs(ref runs) if runs.len() == 4));
    }
}
