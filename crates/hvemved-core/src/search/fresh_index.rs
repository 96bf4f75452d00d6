//! A new index built beside the live one and swapped in whole, so that a
//! crash half-way leaves the old index (or none) and never a half one.
//!
//! It is written out in two commits: the documents first, with no change
//! number, then the number once the store has committed what they were read
//! from. An index without a number is never taken for a finished one, so a
//! build whose store write was rolled back cannot be mistaken for the
//! directory's index.

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use tantivy::indexer::NoMergePolicy;
use tantivy::{Index, IndexSettings, IndexSortByField, IndexWriter, Order, Term};

use super::index::{
    commit, register_analyzers, remove_dir_if_present, schema, sibling, DocumentBuilder, SearchIndex,
    FAST_LEVEL, WRITER_HEAP_BYTES,
};
use super::owner_key::owner_key;
use crate::error::{CoreError, Result};
use crate::store::{
    course_evidence_in, initiative_evidence_in, person_evidence_in, row_batches_in, Selection, Store,
};

/// An index being filled in the directory beside the live one.
pub(crate) struct FreshIndex {
    index: Index,
    writer: Option<IndexWriter>,
    builder: DocumentBuilder,
    /// Removed when the build is abandoned.
    path: Option<PathBuf>,
}

impl FreshIndex {
    /// Starts an empty index beside `dir`, replacing any left by an
    /// earlier build that did not finish.
    pub(crate) fn start(dir: &Path) -> Result<FreshIndex> {
        let path = sibling(dir, "new");
        remove_dir_if_present(&path)?;
        std::fs::create_dir_all(&path).map_err(|e| CoreError::io(&path, e))?;
        let (schema, fields) = schema();
        // Documents in order of skill level, highest first: among the
        // hundreds of equal skill documents of a common skill, ranking
        // keeps the highest levels, and seeing them first lets tantivy
        // skip the rest sooner.
        let settings = IndexSettings {
            sort_by_field: Some(IndexSortByField {
                field: FAST_LEVEL.into(),
                order: Order::Desc,
            }),
            ..IndexSettings::default()
        };
        let index = Index::builder()
            .schema(schema.clone())
            .settings(settings)
            .create_in_dir(&path)?;
        register_analyzers(&index);
        let writer: IndexWriter = index.writer_with_num_threads(2, WRITER_HEAP_BYTES)?;
        // Segments are merged once, into one, when all is written.
        writer.set_merge_policy(Box::new(NoMergePolicy));
        Ok(FreshIndex {
            index,
            writer: Some(writer),
            builder: DocumentBuilder { fields, schema },
            path: Some(path),
        })
    }

    fn writer(&mut self) -> &mut IndexWriter {
        self.writer
            .as_mut()
            .expect("the writer lives until the build ends")
    }

    /// Adds the selected people's documents. The writer's threads index
    /// them while the caller goes on.
    pub(crate) fn add_people(&mut self, conn: &Connection, selection: Selection) -> Result<()> {
        for person in person_evidence_in(conn, selection)? {
            for doc in self.builder.person_documents(&person) {
                self.writer().add_document(doc)?;
            }
        }
        Ok(())
    }

    /// Replaces the documents added for these people (by row id and uuid)
    /// with what `conn` holds for them now.
    pub(crate) fn replace_people(&mut self, conn: &Connection, people: &[(i64, String)]) -> Result<()> {
        let owner = self.builder.fields.owner;
        for (_, uuid) in people {
            self.writer()
                .delete_term(Term::from_field_bytes(owner, &owner_key(uuid)));
        }
        let ids: Vec<i64> = people.iter().map(|(id, _)| *id).collect();
        for chunk in ids.chunks(ROWS_PER_FEED) {
            self.add_people(conn, Selection::Ids(chunk))?;
        }
        Ok(())
    }

    /// Adds every course report and initiative.
    pub(crate) fn add_courses_and_initiatives(&mut self, conn: &Connection) -> Result<()> {
        row_batches_in(conn, "courses", |batch| {
            for course in course_evidence_in(conn, batch)? {
                let doc = self.builder.course_document(&course);
                self.writer().add_document(doc)?;
            }
            Ok(())
        })?;
        row_batches_in(conn, "initiatives", |batch| {
            for initiative in initiative_evidence_in(conn, batch)? {
                let doc = self.builder.initiative_document(&initiative);
                self.writer().add_document(doc)?;
            }
            Ok(())
        })
    }

    /// Adds every document the store holds, as a rebuild does.
    pub(crate) fn add_everything(&mut self, conn: &Connection) -> Result<()> {
        row_batches_in(conn, "people", |batch| self.add_people(conn, batch))?;
        self.add_courses_and_initiatives(conn)
    }

    /// Writes out what was added, with no change number yet, and starts
    /// merging it into one segment on the writer's merge thread: one
    /// segment makes every query look each term up once instead of once
    /// per segment. The caller can commit the store meanwhile.
    pub(crate) fn write_out(mut self) -> Result<WrittenIndex> {
        let writer = self.writer();
        writer.commit()?;
        let segments = self.index.searchable_segment_ids()?;
        let merging = if segments.len() > 1 {
            Some(self.writer().merge(&segments))
        } else {
            None
        };
        Ok(WrittenIndex { fresh: self, merging })
    }
}

impl Drop for FreshIndex {
    /// An abandoned build leaves nothing behind. Its indexing and merging
    /// threads end before its files go (the few documents still queued are
    /// indexed first): a merge finishing late would otherwise write into
    /// the directory being removed.
    fn drop(&mut self) {
        if let Some(writer) = self.writer.take() {
            let _ = writer.wait_merging_threads();
        }
        if let Some(path) = self.path.take() {
            let _ = std::fs::remove_dir_all(path);
        }
    }
}

/// People read per query while the index is fed.
pub(crate) const ROWS_PER_FEED: usize = 5_000;

/// An index whose documents are written out, waiting for its change number.
pub(crate) struct WrittenIndex {
    fresh: FreshIndex,
    merging: Option<tantivy::FutureResult<Option<tantivy::index::SegmentMeta>>>,
}

impl WrittenIndex {
    /// Finishes the merge, records `seq` (the store's change number the
    /// documents were read at, now committed) and swaps the index into `dir`.
    pub(crate) fn swap_in(mut self, dir: &Path, seq: i64, store: &Store) -> Result<SearchIndex> {
        if let Some(merging) = self.merging.take() {
            merging.wait()?;
        }
        let mut writer = self
            .fresh
            .writer
            .take()
            .expect("the writer lives until the build ends");
        commit(&mut writer, seq)?;
        writer.wait_merging_threads()?;
        let fresh = self.fresh.path.take().expect("the path is kept until the swap");
        let old = sibling(dir, "old");
        remove_dir_if_present(&old)?;
        if dir.exists() {
            std::fs::rename(dir, &old).map_err(|e| CoreError::io(dir, e))?;
        }
        std::fs::rename(&fresh, dir).map_err(|e| CoreError::io(dir, e))?;
        remove_dir_if_present(&old)?;
        let index = Index::open_in_dir(dir)?;
        SearchIndex::with_index(index, schema().1, seq, store)
    }
}
