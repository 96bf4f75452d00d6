//! Which text fields hold each analysed term, read once per index commit.
//! A query word expands to a dozen alternatives (stem, thesaurus labels in
//! two languages, compounds) searched in five fields, and most of those
//! pairs name a term the field lacks. Asking tantivy about each of them
//! cost two dictionary look-ups and a scorer set-up apiece, together about
//! an eighth of a three-term search at 100 000 people; one hash look-up
//! here tells which pairs can match at all.

use rustc_hash::FxHashMap;
use tantivy::{Searcher, SegmentReader};

use super::index::Fields;
use crate::error::{CoreError, Result};

#[cfg_attr(test, derive(Debug, PartialEq))]
pub struct TermFields {
    /// One bit per entry of [`Fields::text_fields`].
    fields_of: FxHashMap<Box<str>, u8>,
}

impl TermFields {
    pub(crate) fn load(searcher: &Searcher, fields: &Fields) -> Result<TermFields> {
        let mut fields_of = FxHashMap::default();
        add_segments(&mut fields_of, searcher.segment_readers(), fields)?;
        fields_of.shrink_to_fit();
        Ok(TermFields { fields_of })
    }

    /// This table with the terms of `segments` added.
    pub(crate) fn with_segments(&self, segments: &[&SegmentReader], fields: &Fields) -> Result<TermFields> {
        let mut fields_of = self.fields_of.clone();
        add_segments(&mut fields_of, segments.iter().copied(), fields)?;
        Ok(TermFields { fields_of })
    }

    /// The text fields (bits by position in [`Fields::text_fields`]) in
    /// which some document holds `term`; 0 when none does.
    pub fn fields_holding(&self, term: &str) -> u8 {
        self.fields_of.get(term).copied().unwrap_or(0)
    }

    /// The fields in which every one of `terms` occurs: the only ones in
    /// which a document can hold them all.
    pub fn fields_holding_all<'a>(&self, terms: impl IntoIterator<Item = &'a String>) -> u8 {
        terms
            .into_iter()
            .fold(u8::MAX, |mask, term| mask & self.fields_holding(term))
    }
}

fn add_segments<'a>(
    fields_of: &mut FxHashMap<Box<str>, u8>,
    segments: impl IntoIterator<Item = &'a SegmentReader>,
    fields: &Fields,
) -> Result<()> {
    for segment in segments {
        for (bit, (field, _)) in fields.text_fields().iter().enumerate() {
            let inverted = segment.inverted_index(*field)?;
            let mut stream = inverted
                .terms()
                .stream()
                .map_err(|e| CoreError::Index(e.to_string()))?;
            while let Some((key, _)) = stream.next() {
                let Ok(term) = std::str::from_utf8(key) else {
                    continue;
                };
                match fields_of.get_mut(term) {
                    Some(mask) => *mask |= 1 << bit,
                    None => {
                        fields_of.insert(term.into(), 1 << bit);
                    }
                }
            }
        }
    }
    Ok(())
}
