//! The tantivy index of people, derived from the store and never the other
//! way round. Each person is one document holding every text that can be
//! evidence of what they know. The index remembers, in its commit payload,
//! the schema it was built with and the last change number it has applied;
//! on open it catches up with the store, and it is rebuilt from scratch when
//! it is missing, unreadable, of another schema or ahead of the store (a
//! restored backup).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, STORED, STRING};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use super::analyzer::{danish_analyzer, DANISH};
use crate::error::{CoreError, Result};
use crate::store::{IndexablePerson, Store};

/// Bump when the schema or the analysis changes: older indexes are rebuilt.
const SCHEMA_VERSION: u32 = 1;
const WRITER_HEAP_BYTES: usize = 50_000_000;
/// Past this many changed people a rebuild is cheaper than deleting and
/// re-adding each one.
const MAX_INCREMENTAL: usize = 2_000;

#[derive(Clone, Copy)]
pub(crate) struct Fields {
    pub uuid: Field,
    pub name: Field,
    pub role: Field,
    pub skills: Field,
    pub bio: Field,
    pub courses: Field,
}

#[derive(Serialize, Deserialize)]
struct CommitPayload {
    schema: u32,
    seq: i64,
}

pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    pub(crate) fields: Fields,
    applied_seq: i64,
}

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(DANISH)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let fields = Fields {
        uuid: builder.add_text_field("uuid", STRING | STORED),
        name: builder.add_text_field("name", text.clone()),
        role: builder.add_text_field("role", text.clone()),
        skills: builder.add_text_field("skills", text.clone()),
        bio: builder.add_text_field("bio", text.clone()),
        courses: builder.add_text_field("courses", text),
    };
    (builder.build(), fields)
}

impl SearchIndex {
    /// Opens the index in `dir` and brings it up to date with the store,
    /// rebuilding it when it cannot be used as it is.
    pub fn open_in_sync(dir: &Path, store: &Store) -> Result<SearchIndex> {
        let store_seq = store.change_seq()?;
        match Self::open_existing(dir) {
            Some(mut index) if index.applied_seq <= store_seq => {
                if index.applied_seq < store_seq {
                    let changed = store.people_changed_since(index.applied_seq)?;
                    if changed.len() > MAX_INCREMENTAL {
                        drop(index);
                        return Self::rebuild(dir, store);
                    }
                    index.apply(store, &changed, store_seq)?;
                }
                Ok(index)
            }
            _ => Self::rebuild(dir, store),
        }
    }

    fn open_existing(dir: &Path) -> Option<SearchIndex> {
        let index = Index::open_in_dir(dir).ok()?;
        let payload: CommitPayload =
            serde_json::from_str(index.load_metas().ok()?.payload.as_deref()?).ok()?;
        if payload.schema != SCHEMA_VERSION {
            return None;
        }
        let (expected, fields) = schema();
        if index.schema() != expected {
            return None;
        }
        Self::with_index(index, fields, payload.seq).ok()
    }

    fn with_index(index: Index, fields: Fields, applied_seq: i64) -> Result<SearchIndex> {
        index.tokenizers().register(DANISH, danish_analyzer());
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(SearchIndex {
            index,
            reader,
            fields,
            applied_seq,
        })
    }

    /// Builds a fresh index beside the old one and swaps it in, so a crash
    /// half-way leaves the old index (or none) and never a half one.
    pub fn rebuild(dir: &Path, store: &Store) -> Result<SearchIndex> {
        let fresh = sibling(dir, "new");
        remove_dir_if_present(&fresh)?;
        std::fs::create_dir_all(&fresh).map_err(|e| CoreError::io(&fresh, e))?;
        let seq = store.change_seq()?;
        {
            let (schema, fields) = schema();
            let index = Index::create_in_dir(&fresh, schema)?;
            index.tokenizers().register(DANISH, danish_analyzer());
            let mut writer: IndexWriter = index.writer_with_num_threads(1, WRITER_HEAP_BYTES)?;
            for person in store.indexable_people(None)? {
                writer.add_document(document(&fields, &person))?;
            }
            commit(&mut writer, seq)?;
            writer.wait_merging_threads()?;
        }
        let old = sibling(dir, "old");
        remove_dir_if_present(&old)?;
        if dir.exists() {
            std::fs::rename(dir, &old).map_err(|e| CoreError::io(dir, e))?;
        }
        std::fs::rename(&fresh, dir).map_err(|e| CoreError::io(dir, e))?;
        remove_dir_if_present(&old)?;
        let index = Index::open_in_dir(dir)?;
        Self::with_index(index, schema().1, seq)
    }

    /// Replaces the documents of the given people with their current state.
    fn apply(&mut self, store: &Store, uuids: &[String], seq: i64) -> Result<()> {
        let mut writer: IndexWriter = self.index.writer_with_num_threads(1, WRITER_HEAP_BYTES)?;
        for uuid in uuids {
            writer.delete_term(Term::from_field_text(self.fields.uuid, uuid));
        }
        for person in store.indexable_people(Some(uuids))? {
            writer.add_document(document(&self.fields, &person))?;
        }
        commit(&mut writer, seq)?;
        writer.wait_merging_threads()?;
        self.reader.reload()?;
        self.applied_seq = seq;
        Ok(())
    }

    /// Brings the index up to date after a write through this process.
    pub fn catch_up(&mut self, dir: &Path, store: &Store) -> Result<()> {
        let store_seq = store.change_seq()?;
        if store_seq == self.applied_seq {
            return Ok(());
        }
        let changed = store.people_changed_since(self.applied_seq)?;
        if store_seq < self.applied_seq || changed.len() > MAX_INCREMENTAL {
            *self = Self::rebuild(dir, store)?;
            return Ok(());
        }
        self.apply(store, &changed, store_seq)
    }

    pub fn applied_seq(&self) -> i64 {
        self.applied_seq
    }

    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    pub(crate) fn reader(&self) -> &IndexReader {
        &self.reader
    }
}

/// How many times a skill's name is written into the document: the level
/// (unknown counts as 2), so that BM25's term frequency favours the people
/// who know a thing well.
fn skill_weight(level: Option<u8>) -> usize {
    usize::from(level.unwrap_or(2).clamp(1, 5))
}

fn document(fields: &Fields, person: &IndexablePerson) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.uuid, &person.uuid);
    doc.add_text(fields.name, &person.name);
    for role in [&person.title, &person.profession, &person.department]
        .into_iter()
        .flatten()
    {
        doc.add_text(fields.role, role);
    }
    for skill in &person.skills {
        for _ in 0..skill_weight(skill.level) {
            doc.add_text(fields.skills, &skill.name);
        }
    }
    if let Some(bio) = &person.bio {
        doc.add_text(fields.bio, bio);
    }
    for course in &person.courses {
        doc.add_text(fields.courses, &course.title);
        doc.add_text(fields.courses, &course.text);
        for skill in &course.skills {
            doc.add_text(fields.courses, skill);
        }
    }
    doc
}

fn commit(writer: &mut IndexWriter, seq: i64) -> Result<()> {
    let payload = serde_json::to_string(&CommitPayload {
        schema: SCHEMA_VERSION,
        seq,
    })
    .expect("payload serialises");
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&payload);
    prepared.commit()?;
    Ok(())
}

fn sibling(dir: &Path, suffix: &str) -> PathBuf {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "index".into());
    dir.with_file_name(format!("{name}.{suffix}"))
}

fn remove_dir_if_present(dir: &Path) -> Result<()> {
    match std::fs::remove_dir_all(dir) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(CoreError::io(dir, e)),
    }
}
