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

/// No kind: a document without one is skipped, as before the table.
const NO_KIND: u8 = u8::MAX;

pub(crate) struct SegmentDocs {
    docs: Vec<Packed>,
    shared_people: Vec<u64>,
    /// Each document's skill level once more, on its own: choosing a
    /// group's top documents reads it for every document scoring at the
    /// cut, and a byte per document stays in the processor's cache where
    /// the whole facts do not.
    levels: Vec<u8>,
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
        let mut table = SegmentDocs {
            docs: Vec::with_capacity(max_doc as usize),
            shared_people: Vec::new(),
            levels: Vec::new(),
        };
        let mut people: Vec<u64> = Vec::new();
        for doc in 0..max_doc {
            people.clear();
            people.extend(people_column.values_for_doc(doc));
            table.docs.push(Packed {
                people: PeopleRef::new(&people, &mut table.shared_people),
                kind: kind
                    .first(doc)
                    .and_then(|k| u8::try_from(k).ok())
                    .unwrap_or(NO_KIND),
                level: level.first(doc).unwrap_or(0).min(u64::from(u8::MAX)) as u8,
                attendees: attendees.first(doc).unwrap_or(1).min(u64::from(u16::MAX)) as u16,
                day: day.first(doc).unwrap_or(0).min(u64::from(u32::MAX)) as u32,
            });
        }
        table.levels = table.docs.iter().map(|packed| packed.level).collect();
        table.docs.shrink_to_fit();
        table.shared_people.shrink_to_fit();
        Ok(table)
    }

    /// The skill level of a skill document; 0 for other kinds.
    pub fn level(&self, doc: DocId) -> u8 {
        self.levels.get(doc as usize).copied().unwrap_or(0)
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
            levels: Vec::new(),
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
}
