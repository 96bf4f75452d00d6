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

/// Where a document's people are in [`SegmentDocs::people`] is kept beside
/// its other facts, so that looking a document up costs one cache miss for
/// the facts and one for the people, not a third for the position.
#[derive(Clone, Copy)]
struct Packed {
    kind: u8,
    level: u8,
    attendees: u16,
    day: u32,
    people_from: u32,
    people_count: u32,
}

/// No kind: a document without one is skipped, as before the table.
const NO_KIND: u8 = u8::MAX;

pub(crate) struct SegmentDocs {
    docs: Vec<Packed>,
    people: Vec<u64>,
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
            people: Vec::with_capacity(max_doc as usize),
        };
        for doc in 0..max_doc {
            let people_from = table.people.len();
            table.people.extend(people_column.values_for_doc(doc));
            table.docs.push(Packed {
                people_from: people_from as u32,
                people_count: (table.people.len() - people_from) as u32,
                kind: kind
                    .first(doc)
                    .and_then(|k| u8::try_from(k).ok())
                    .unwrap_or(NO_KIND),
                level: level.first(doc).unwrap_or(0).min(u64::from(u8::MAX)) as u8,
                attendees: attendees.first(doc).unwrap_or(1).min(u64::from(u16::MAX)) as u16,
                day: day.first(doc).unwrap_or(0).min(u64::from(u32::MAX)) as u32,
            });
        }
        table.docs.shrink_to_fit();
        table.people.shrink_to_fit();
        Ok(table)
    }

    pub fn get(&self, doc: DocId) -> Option<DocFacts<'_>> {
        let packed = self.docs.get(doc as usize)?;
        let kind = DocKind::from_u64(u64::from(packed.kind))?;
        let from = packed.people_from as usize;
        let to = from + packed.people_count as usize;
        Some(DocFacts {
            kind,
            level: u64::from(packed.level),
            day: u64::from(packed.day),
            attendees: u64::from(packed.attendees),
            people: &self.people[from..to],
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
