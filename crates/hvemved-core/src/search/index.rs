//! The tantivy index, derived from the store and never the other way round.
//!
//! It holds evidence documents, not people: one per skill entry, one per bio,
//! one per role (title, profession, unit), one per course report and one per
//! initiative, network or forum. Each
//! document names the people it is evidence for in a fast field, so that
//! search can rank people by aggregating over their documents. Each kind of
//! document has a text field of its own, so that BM25's length
//! normalisation compares a bio with bios and a skill name with skill names.
//! A `surface` field keeps the unstemmed words of every document; its term
//! dictionary is the vocabulary that compound parts and typos are matched in.
//!
//! The commit payload records the schema version and the last change number
//! applied. On open the index catches up with the store; it is rebuilt from
//! scratch when it is missing, unreadable, of another schema, or ahead of the
//! store (a restored backup).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use tantivy::index::SegmentId;
use tantivy::indexer::NoMergePolicy;
use tantivy::schema::{
    BytesOptions, Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::{
    Index, IndexReader, IndexSettings, IndexSortByField, IndexWriter, Order, ReloadPolicy, Searcher,
    SegmentReader, TantivyDocument, Term,
};

use super::analyzer::{danish_analyzer, surface_analyzer, DANISH, SURFACE};
use super::doc_table::DocTables;
use super::facets::PeopleTable;
use super::owner_key::owner_key;
use super::term_fields::TermFields;
use super::vocabulary::Vocabulary;
use crate::error::{CoreError, Result};
use crate::model::AttendanceRole;
use crate::store::{CourseEvidence, InitiativeEvidence, PersonEvidence, Selection, Store};

/// Bump when the schema or the analysis changes: older indexes are rebuilt.
const SCHEMA_VERSION: u32 = 4;
const WRITER_HEAP_BYTES: usize = 32_000_000;
/// Past this many changed records a rebuild is cheaper than replacing each.
const MAX_INCREMENTAL: usize = 5_000;

/// What a document is evidence of; stored in the `kind` fast field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocKind {
    Skill = 0,
    Bio = 1,
    Role = 2,
    Course = 3,
    /// An initiative, network or forum the person is a member of.
    Initiative = 4,
}

impl DocKind {
    pub fn from_u64(value: u64) -> Option<DocKind> {
        match value {
            0 => Some(DocKind::Skill),
            1 => Some(DocKind::Bio),
            2 => Some(DocKind::Role),
            3 => Some(DocKind::Course),
            4 => Some(DocKind::Initiative),
            _ => None,
        }
    }
}

/// A person in the `people` fast field: their row id shifted left, with the
/// lowest bit set when they wrote the report or convene the initiative.
pub fn encode_person(id: i64, author: bool) -> u64 {
    ((id as u64) << 1) | u64::from(author)
}

pub fn decode_person(value: u64) -> (i64, bool) {
    ((value >> 1) as i64, value & 1 == 1)
}

#[derive(Clone, Copy)]
pub(crate) struct Fields {
    /// Whose document it is (person, course or initiative), as an
    /// [`owner_key`], so that an update can delete exactly their documents.
    pub owner: Field,
    pub skill: Field,
    pub bio: Field,
    pub role: Field,
    pub course: Field,
    pub initiative: Field,
    pub surface: Field,
}

impl Fields {
    /// The text fields a query looks in, with the kind each holds.
    pub fn text_fields(&self) -> [(Field, DocKind); 5] {
        [
            (self.skill, DocKind::Skill),
            (self.bio, DocKind::Bio),
            (self.role, DocKind::Role),
            (self.course, DocKind::Course),
            (self.initiative, DocKind::Initiative),
        ]
    }
}

pub const FAST_KIND: &str = "kind";
pub const FAST_PEOPLE: &str = "people";
pub const FAST_LEVEL: &str = "level";
pub const FAST_DAY: &str = "day";
pub const FAST_ATTENDEES: &str = "attendees";

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
    vocabulary: Arc<Vocabulary>,
    term_fields: Arc<TermFields>,
    /// The segments `vocabulary` and `term_fields` were read from.
    terms_read_from: Vec<SegmentId>,
    /// Each active person's unit, profession, languages and mentor
    /// willingness, kept in step with the index for filters and facets.
    people: Arc<PeopleTable>,
    doc_tables: Arc<DocTables>,
}

/// One moment of the index, everything a search reads from it: the
/// searcher of one commit with the vocabulary, people table and document
/// facts that belong to it. Cheap to clone, and shareable across threads,
/// so that searches can go on while a writer changes the index.
#[derive(Clone)]
pub struct IndexView {
    pub(crate) searcher: Searcher,
    pub(crate) fields: Fields,
    pub(crate) vocabulary: Arc<Vocabulary>,
    pub(crate) term_fields: Arc<TermFields>,
    pub(crate) people: Arc<PeopleTable>,
    pub(crate) doc_tables: Arc<DocTables>,
}

pub(super) fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(DANISH)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let surface = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(SURFACE)
            .set_index_option(IndexRecordOption::Basic),
    );
    let fast = NumericOptions::default().set_fast();
    let fields = Fields {
        owner: builder.add_bytes_field("owner", BytesOptions::default().set_indexed()),
        skill: builder.add_text_field("skill", text.clone()),
        bio: builder.add_text_field("bio", text.clone()),
        role: builder.add_text_field("role", text.clone()),
        course: builder.add_text_field("course", text.clone()),
        initiative: builder.add_text_field("initiative", text),
        surface: builder.add_text_field("surface", surface),
    };
    builder.add_u64_field(FAST_KIND, fast.clone());
    builder.add_u64_field(FAST_PEOPLE, fast.clone());
    builder.add_u64_field(FAST_LEVEL, fast.clone());
    builder.add_u64_field(FAST_DAY, fast.clone());
    builder.add_u64_field(FAST_ATTENDEES, fast);
    (builder.build(), fields)
}

pub(super) fn register_analyzers(index: &Index) {
    index.tokenizers().register(DANISH, danish_analyzer());
    index.tokenizers().register(SURFACE, surface_analyzer());
}

impl SearchIndex {
    /// Opens the index in `dir` and brings it up to date with the store,
    /// rebuilding it when it cannot be used as it is.
    pub fn open_in_sync(dir: &Path, store: &Store) -> Result<SearchIndex> {
        finish_interrupted_swap(dir);
        match Self::open_existing(dir, store) {
            Some(mut index) => match index.catch_up_or_rebuild_needed(store) {
                Ok(true) => Ok(index),
                Ok(false) | Err(_) => {
                    drop(index);
                    Self::rebuild(dir, store)
                }
            },
            None => Self::rebuild(dir, store),
        }
    }

    fn open_existing(dir: &Path, store: &Store) -> Option<SearchIndex> {
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
        Self::with_index(index, fields, payload.seq, store).ok()
    }

    fn with_index(index: Index, fields: Fields, applied_seq: i64, store: &Store) -> Result<SearchIndex> {
        register_analyzers(&index);
        let reader: IndexReader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let searcher = reader.searcher();
        let vocabulary = Arc::new(Vocabulary::load(&searcher, &fields)?);
        let term_fields = Arc::new(TermFields::load(&searcher, &fields)?);
        let terms_read_from = segment_ids(&searcher);
        Ok(SearchIndex {
            index,
            reader,
            fields,
            applied_seq,
            vocabulary,
            term_fields,
            terms_read_from,
            people: Arc::new(PeopleTable::new(store.all_person_facts()?)),
            doc_tables: Arc::default(),
        })
    }

    /// Builds a fresh index beside the old one and swaps it in, so a crash
    /// half-way leaves the old index (or none) and never a half one.
    pub fn rebuild(dir: &Path, store: &Store) -> Result<SearchIndex> {
        let fresh = sibling(dir, "new");
        remove_dir_if_present(&fresh)?;
        std::fs::create_dir_all(&fresh).map_err(|e| CoreError::io(&fresh, e))?;
        // One read transaction: the index is built from one moment of the
        // store, the moment whose change number it records.
        let seq = store.read(|_| {
            let seq = store.change_seq()?;
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
                .create_in_dir(&fresh)?;
            register_analyzers(&index);
            let mut writer: IndexWriter = index.writer_with_num_threads(2, WRITER_HEAP_BYTES)?;
            // Segments are merged once, into one, when all is written.
            writer.set_merge_policy(Box::new(NoMergePolicy));
            let builder = DocumentBuilder { fields, schema };
            builder.every_document(store, |doc| {
                writer.add_document(doc)?;
                Ok(())
            })?;
            commit(&mut writer, seq)?;
            // One segment makes every query look each term up once instead
            // of once per segment.
            let segments = index.searchable_segment_ids()?;
            if segments.len() > 1 {
                writer.merge(&segments).wait()?;
            }
            writer.wait_merging_threads()?;
            Ok(seq)
        })?;
        let old = sibling(dir, "old");
        remove_dir_if_present(&old)?;
        if dir.exists() {
            std::fs::rename(dir, &old).map_err(|e| CoreError::io(dir, e))?;
        }
        std::fs::rename(&fresh, dir).map_err(|e| CoreError::io(dir, e))?;
        remove_dir_if_present(&old)?;
        let index = Index::open_in_dir(dir)?;
        Self::with_index(index, schema().1, seq, store)
    }

    /// Applies the changes since the index's change number. Returns false
    /// when a rebuild is the better way (too many changes, or the store is
    /// behind the index).
    fn catch_up_or_rebuild_needed(&mut self, store: &Store) -> Result<bool> {
        let store_seq = store.change_seq()?;
        if store_seq == self.applied_seq {
            return Ok(true);
        }
        if store_seq < self.applied_seq {
            return Ok(false);
        }
        // After a large import, counting is enough to know a rebuild is due;
        // working out exactly what changed would take seconds.
        if store.changed_entities_since(self.applied_seq)? > MAX_INCREMENTAL {
            return Ok(false);
        }
        let changes = store.index_changes_since(self.applied_seq)?;
        if changes.len() > MAX_INCREMENTAL {
            return Ok(false);
        }
        let mut writer: IndexWriter = self.index.writer_with_num_threads(1, WRITER_HEAP_BYTES)?;
        for uuid in changes
            .people
            .iter()
            .chain(&changes.courses)
            .chain(&changes.initiatives)
        {
            writer.delete_term(Term::from_field_bytes(self.fields.owner, &owner_key(uuid)));
        }
        let builder = DocumentBuilder {
            fields: self.fields,
            schema: self.index.schema(),
        };
        if !changes.people.is_empty() {
            for person in store.person_evidence(Selection::Uuids(&changes.people))? {
                for doc in builder.person_documents(&person) {
                    writer.add_document(doc)?;
                }
            }
        }
        if !changes.courses.is_empty() {
            for course in store.course_evidence(Selection::Uuids(&changes.courses))? {
                writer.add_document(builder.course_document(&course))?;
            }
        }
        if !changes.initiatives.is_empty() {
            for initiative in store.initiative_evidence(Selection::Uuids(&changes.initiatives))? {
                writer.add_document(builder.initiative_document(&initiative))?;
            }
        }
        commit(&mut writer, store_seq)?;
        writer.wait_merging_threads()?;
        self.reader.reload()?;
        self.read_new_terms(&self.reader.searcher())?;
        if changes.units {
            self.people = Arc::new(PeopleTable::new(store.all_person_facts()?));
        } else if !changes.people.is_empty() {
            let changed = store.person_facts(Selection::Uuids(&changes.people))?;
            // Someone erased is no longer in the store to say which row was
            // theirs; erasures are rare, and reading everyone is exact.
            self.people = Arc::new(if changed.len() == changes.people.len() {
                self.people.updated(changed)
            } else {
                PeopleTable::new(store.all_person_facts()?)
            });
        }
        self.applied_seq = store_seq;
        Ok(true)
    }

    /// Brings the index up to date after a write, before the write's call
    /// returns, rebuilding when that is the better way.
    pub fn catch_up(&mut self, dir: &Path, store: &Store) -> Result<()> {
        if !self.catch_up_or_rebuild_needed(store)? {
            *self = Self::rebuild(dir, store)?;
        }
        Ok(())
    }

    /// Brings the vocabulary and the term table up to `searcher`. A
    /// segment's terms never change, so while every segment read before is
    /// still there (no merge replaced them), reading the new ones is enough;
    /// reading every segment was most of an edit's index work.
    fn read_new_terms(&mut self, searcher: &Searcher) -> Result<()> {
        let segments = searcher.segment_readers();
        let current = segment_ids(searcher);
        let all_kept = self.terms_read_from.iter().all(|id| current.contains(id));
        if all_kept {
            let new: Vec<&SegmentReader> = segments
                .iter()
                .filter(|segment| !self.terms_read_from.contains(&segment.segment_id()))
                .collect();
            self.vocabulary = Arc::new(self.vocabulary.with_segments(&new, &self.fields)?);
            self.term_fields = Arc::new(self.term_fields.with_segments(&new, &self.fields)?);
        } else {
            self.vocabulary = Arc::new(self.vocabulary.reload(searcher, &self.fields)?);
            self.term_fields = Arc::new(TermFields::load(searcher, &self.fields)?);
        }
        self.terms_read_from = current;
        Ok(())
    }

    pub fn applied_seq(&self) -> i64 {
        self.applied_seq
    }

    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// In how many evidence documents an analysed term occurs, over every
    /// text field (a document with it in two fields counts twice, which is
    /// close enough for telling rare words from common ones).
    pub fn doc_freq(&self, term: &str) -> u64 {
        let searcher = self.reader.searcher();
        self.fields
            .text_fields()
            .iter()
            .map(|(field, _)| {
                searcher
                    .doc_freq(&Term::from_field_text(*field, term))
                    .unwrap_or(0)
            })
            .sum()
    }

    pub(crate) fn reader(&self) -> &IndexReader {
        &self.reader
    }

    pub(crate) fn people(&self) -> &PeopleTable {
        &self.people
    }

    /// The index as it is now, for searching.
    pub fn view(&self) -> IndexView {
        IndexView {
            searcher: self.reader.searcher(),
            fields: self.fields,
            vocabulary: Arc::clone(&self.vocabulary),
            term_fields: Arc::clone(&self.term_fields),
            people: Arc::clone(&self.people),
            doc_tables: Arc::clone(&self.doc_tables),
        }
    }
}

/// Calls `add` with every document a rebuild from the store would write now,
/// so that a check can compare them with what the index holds.
pub(crate) fn database_documents(
    store: &Store,
    add: impl FnMut(TantivyDocument) -> Result<()>,
) -> Result<()> {
    let (schema, fields) = schema();
    DocumentBuilder { fields, schema }.every_document(store, add)
}

struct DocumentBuilder {
    fields: Fields,
    schema: Schema,
}

impl DocumentBuilder {
    fn base(&self, owner: &str, kind: DocKind, text_field: Field, text: &str) -> TantivyDocument {
        let mut doc = TantivyDocument::default();
        doc.add_bytes(self.fields.owner, &owner_key(owner));
        doc.add_text(text_field, text);
        doc.add_text(self.fields.surface, text);
        doc.add_u64(self.fast(FAST_KIND), kind as u64);
        doc
    }

    /// Every document the store says the index should hold, in the order
    /// a rebuild writes them.
    fn every_document(
        &self,
        store: &Store,
        mut add: impl FnMut(TantivyDocument) -> Result<()>,
    ) -> Result<()> {
        store.row_batches("people", |batch| {
            for person in store.person_evidence(batch)? {
                for doc in self.person_documents(&person) {
                    add(doc)?;
                }
            }
            Ok(())
        })?;
        store.row_batches("courses", |batch| {
            for course in store.course_evidence(batch)? {
                add(self.course_document(&course))?;
            }
            Ok(())
        })?;
        store.row_batches("initiatives", |batch| {
            for initiative in store.initiative_evidence(batch)? {
                add(self.initiative_document(&initiative))?;
            }
            Ok(())
        })
    }

    fn fast(&self, name: &str) -> Field {
        self.schema
            .get_field(name)
            .expect("fast fields are in the schema")
    }

    fn person_documents(&self, person: &PersonEvidence) -> Vec<TantivyDocument> {
        let mut docs = Vec::new();
        let me = encode_person(person.id, false);
        for (name, level) in &person.skills {
            let mut doc = self.base(&person.uuid, DocKind::Skill, self.fields.skill, name);
            doc.add_u64(self.fast(FAST_PEOPLE), me);
            doc.add_u64(self.fast(FAST_LEVEL), u64::from(level.unwrap_or(0)));
            docs.push(doc);
        }
        if let Some(bio) = &person.bio {
            let mut doc = self.base(&person.uuid, DocKind::Bio, self.fields.bio, bio);
            doc.add_u64(self.fast(FAST_PEOPLE), me);
            docs.push(doc);
        }
        if !person.role_text.is_empty() {
            let mut doc = self.base(&person.uuid, DocKind::Role, self.fields.role, &person.role_text);
            doc.add_u64(self.fast(FAST_PEOPLE), me);
            docs.push(doc);
        }
        docs
    }

    fn course_document(&self, course: &CourseEvidence) -> TantivyDocument {
        let mut doc = self.base(&course.uuid, DocKind::Course, self.fields.course, &course.text);
        for (person, role) in &course.people {
            doc.add_u64(
                self.fast(FAST_PEOPLE),
                encode_person(*person, *role == AttendanceRole::Rapportforfatter),
            );
        }
        doc.add_u64(self.fast(FAST_ATTENDEES), course.people.len() as u64);
        let day = course
            .date
            .as_deref()
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .map(|d| (d - chrono::NaiveDate::default()).num_days().max(0) as u64)
            .unwrap_or(0);
        doc.add_u64(self.fast(FAST_DAY), day);
        doc
    }

    fn initiative_document(&self, initiative: &InitiativeEvidence) -> TantivyDocument {
        let mut doc = self.base(
            &initiative.uuid,
            DocKind::Initiative,
            self.fields.initiative,
            &initiative.text,
        );
        for (person, convenes) in &initiative.people {
            doc.add_u64(self.fast(FAST_PEOPLE), encode_person(*person, *convenes));
        }
        doc.add_u64(self.fast(FAST_ATTENDEES), initiative.people.len() as u64);
        doc
    }
}

fn segment_ids(searcher: &Searcher) -> Vec<SegmentId> {
    searcher
        .segment_readers()
        .iter()
        .map(SegmentReader::segment_id)
        .collect()
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

/// A rebuild stopped between its two renames (the process killed, the
/// machine off) leaves no index but a complete new one beside it, and the
/// previous one as `.old`: either serves, caught up from its change number,
/// instead of a rebuild from scratch.
fn finish_interrupted_swap(dir: &Path) {
    if dir.exists() {
        return;
    }
    for candidate in [sibling(dir, "new"), sibling(dir, "old")] {
        let committed = Index::open_in_dir(&candidate)
            .and_then(|index| index.load_metas())
            .is_ok_and(|metas| metas.payload.is_some());
        if committed && std::fs::rename(&candidate, dir).is_ok() {
            return;
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::types::BundleSkill;
    use crate::store::write_bundle;

    /// Edits add small segments, and now and then a merge replaces some:
    /// either way the vocabulary and term table kept up commit by commit
    /// are those read afresh from every segment.
    #[test]
    fn terms_kept_up_after_each_edit_are_the_terms_read_afresh() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("hvemved.sqlite")).unwrap();
        let index_dir = dir.path().join("index");
        let mut bundle = crate::demo::generate(7, 40, 6);
        store.write(|tx| write_bundle(tx, &bundle)).unwrap();
        let mut index = SearchIndex::open_in_sync(&index_dir, &store).unwrap();
        let (mut added_to, mut read_again) = (0, 0);
        for round in 0..20 {
            let person = &mut bundle.people[round * 7 % 40];
            if round % 2 == 0 {
                person.skills.push(BundleSkill {
                    name: format!("Sjældenhedskursus {round}"),
                    level: Some(3),
                    can_mentor: false,
                    wants_to_learn: false,
                    hidden: false,
                    awaiting_confirmation: false,
                });
            } else if let Some(skill) = person.skills.first_mut() {
                skill.level = Some(skill.level.unwrap_or(1) % 5 + 1);
            }
            store.write(|tx| write_bundle(tx, &bundle)).unwrap();
            let before = index.terms_read_from.clone();
            index.catch_up(&index_dir, &store).unwrap();
            let searcher = index.reader.searcher();
            let after = segment_ids(&searcher);
            if before.iter().all(|id| after.contains(id)) {
                added_to += 1;
            } else {
                read_again += 1;
            }
            assert_eq!(
                *index.vocabulary,
                Vocabulary::load(&searcher, &index.fields).unwrap(),
                "round {round}"
            );
            assert_eq!(
                *index.term_fields,
                TermFields::load(&searcher, &index.fields).unwrap(),
                "round {round}"
            );
        }
        assert!(
            added_to > 0 && read_again > 0,
            "{added_to} added to, {read_again} read again"
        );
    }
}
