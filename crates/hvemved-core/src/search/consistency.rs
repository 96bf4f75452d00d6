//! Whether the directory is sound: the database passes SQLite's own checks,
//! and the search index holds exactly the documents a rebuild from the
//! database would write now. After a crash, a full disk or a restore this is
//! the question that matters, so the index is compared document by document
//! (owner, kind, people, level, date, attendees), never by counts alone.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocId, DocSet, SegmentReader, TantivyDocument, TERMINATED};

use super::index::{
    database_documents, DocKind, SearchIndex, FAST_ATTENDEES, FAST_DAY, FAST_KIND, FAST_LEVEL, FAST_PEOPLE,
};
use super::owner_key::owner_uuid;
use crate::error::{CoreError, Result};
use crate::store::Store;

/// Differences listed one by one; past this only their number is given.
const MAX_LISTED: usize = 50;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CheckRequest {
    /// Also list the ids of every person, course and initiative the index
    /// holds documents for.
    #[serde(default)]
    pub list_ids: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ConsistencyReport {
    /// True when every check below passed.
    pub consistent: bool,
    /// `PRAGMA integrity_check`: `["ok"]` for a sound database file.
    pub integrity: Vec<String>,
    /// `PRAGMA foreign_key_check`: one line per row whose reference dangles.
    pub foreign_key_violations: Vec<String>,
    /// The newest change in the database, and the one the index has applied.
    pub change_seq: i64,
    pub index_seq: i64,
    /// What a rebuild from the database would write.
    pub database: DocumentCounts,
    /// What the index holds.
    pub index: DocumentCounts,
    /// Documents a rebuild would write that the index lacks or holds with
    /// other people, level, date or attendees.
    pub missing_from_index: Vec<DocumentDifference>,
    pub missing_from_index_total: u64,
    /// Documents in the index that a rebuild would not write.
    pub not_in_database: Vec<DocumentDifference>,
    pub not_in_database_total: u64,
    /// Index documents without an owner, which no update could ever replace.
    pub documents_without_owner: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index_ids: Option<IndexIds>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentCounts {
    pub documents: u64,
    /// People, courses and initiatives with at least one document.
    pub people: u64,
    pub courses: u64,
    pub initiatives: u64,
}

/// The documents of one owner and kind that differ.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DocumentDifference {
    /// skill, bio, role, course or initiative.
    pub kind: String,
    /// The person's, course's or initiative's id, when the database knows it.
    pub id: Option<String>,
    pub uuid: String,
    pub documents: u64,
}

/// The uuids the index holds documents for, each list sorted.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct IndexIds {
    pub people: Vec<String>,
    pub courses: Vec<String>,
    pub initiatives: Vec<String>,
}

impl ConsistencyReport {
    /// The report as an error, when a check failed: the database's own
    /// failure first, since an index is only as good as its source.
    pub fn failure(&self) -> Option<CoreError> {
        if self.integrity != ["ok"] || !self.foreign_key_violations.is_empty() {
            let first = self
                .integrity
                .iter()
                .find(|line| *line != "ok")
                .or(self.foreign_key_violations.first())
                .cloned()
                .unwrap_or_default();
            return Some(CoreError::Database(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
                Some(format!("the database failed its integrity check: {first}")),
            )));
        }
        (!self.consistent).then(|| {
            CoreError::Index(format!(
                "the search index differs from the database: {} documents missing, {} not in the database, \
                 {} without an owner (index at change {}, database at {}); `hvemved reindex` rebuilds it",
                self.missing_from_index_total,
                self.not_in_database_total,
                self.documents_without_owner,
                self.index_seq,
                self.change_seq
            ))
        })
    }
}

/// What identifies a document: everything the index stores of it besides
/// its text, which the index keeps only in analysed form.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct DocumentKey {
    owner: String,
    kind: Option<u64>,
    people: Vec<u64>,
    level: Option<u64>,
    day: Option<u64>,
    attendees: Option<u64>,
}

type DocumentBag = BTreeMap<DocumentKey, u64>;

pub(crate) fn check(store: &Store, index: &SearchIndex, request: &CheckRequest) -> Result<ConsistencyReport> {
    let conn = store.conn();
    let integrity = pragma_lines(conn, "PRAGMA integrity_check")?;
    let foreign_key_violations = pragma_lines(conn, "PRAGMA foreign_key_check")?;
    let searcher = index.reader().searcher();
    let schema = searcher.schema();
    let field = |name: &str| {
        schema
            .get_field(name)
            .map_err(|e| CoreError::Index(e.to_string()))
    };
    let key_fields = KeyFields {
        owner: index.fields.owner,
        kind: field(FAST_KIND)?,
        people: field(FAST_PEOPLE)?,
        level: field(FAST_LEVEL)?,
        day: field(FAST_DAY)?,
        attendees: field(FAST_ATTENDEES)?,
    };
    // One read transaction: the documents and the change number are of one
    // moment, even with another process writing.
    let (change_seq, expected, external_ids) = store.read(|conn| {
        let mut expected = DocumentBag::new();
        database_documents(store, |doc| {
            *expected.entry(key_fields.of_document(&doc)).or_default() += 1;
            Ok(())
        })?;
        Ok((store.change_seq()?, expected, external_ids(conn)?))
    })?;
    let mut held = DocumentBag::new();
    let mut documents_without_owner = 0;
    for segment in searcher.segment_readers() {
        documents_without_owner += read_segment(segment, index.fields.owner, &mut held)?;
    }

    let (missing, missing_total) = difference(&expected, &held, &external_ids);
    let (unexpected, unexpected_total) = difference(&held, &expected, &external_ids);
    let consistent = integrity == ["ok"]
        && foreign_key_violations.is_empty()
        && index.applied_seq() == change_seq
        && missing_total == 0
        && unexpected_total == 0
        && documents_without_owner == 0;
    Ok(ConsistencyReport {
        consistent,
        integrity,
        foreign_key_violations,
        change_seq,
        index_seq: index.applied_seq(),
        database: counts(&expected),
        index: counts(&held),
        missing_from_index: missing,
        missing_from_index_total: missing_total,
        not_in_database: unexpected,
        not_in_database_total: unexpected_total,
        documents_without_owner,
        index_ids: request.list_ids.then(|| index_ids(&held)),
    })
}

struct KeyFields {
    owner: tantivy::schema::Field,
    kind: tantivy::schema::Field,
    people: tantivy::schema::Field,
    level: tantivy::schema::Field,
    day: tantivy::schema::Field,
    attendees: tantivy::schema::Field,
}

impl KeyFields {
    fn of_document(&self, doc: &TantivyDocument) -> DocumentKey {
        let number = |field| doc.get_first(field).and_then(|v| v.as_u64());
        let mut people: Vec<u64> = doc.get_all(self.people).filter_map(|v| v.as_u64()).collect();
        people.sort_unstable();
        DocumentKey {
            owner: doc
                .get_first(self.owner)
                .and_then(|v| v.as_bytes())
                .map(owner_uuid)
                .unwrap_or_default(),
            kind: number(self.kind),
            people,
            level: number(self.level),
            day: number(self.day),
            attendees: number(self.attendees),
        }
    }
}

/// Adds the segment's live documents to `held` by their owner term; returns
/// how many live documents have no owner.
fn read_segment(
    segment: &SegmentReader,
    owner: tantivy::schema::Field,
    held: &mut DocumentBag,
) -> Result<u64> {
    let fast = segment.fast_fields();
    let kind = fast.u64(FAST_KIND)?;
    let people = fast.u64(FAST_PEOPLE)?;
    let level = fast.u64(FAST_LEVEL)?;
    let day = fast.u64(FAST_DAY)?;
    let attendees = fast.u64(FAST_ATTENDEES)?;
    let owners = segment.inverted_index(owner)?;
    let io = |e: std::io::Error| CoreError::Index(e.to_string());
    let mut with_owner: BTreeSet<DocId> = BTreeSet::new();
    let mut terms = owners.terms().stream().map_err(io)?;
    while terms.advance() {
        let owner = owner_uuid(terms.key());
        let mut postings = owners
            .read_postings_from_terminfo(terms.value(), IndexRecordOption::Basic)
            .map_err(io)?;
        let mut doc = postings.doc();
        while doc != TERMINATED {
            if !segment.is_deleted(doc) {
                with_owner.insert(doc);
                let mut doc_people: Vec<u64> = people.values_for_doc(doc).collect();
                doc_people.sort_unstable();
                let key = DocumentKey {
                    owner: owner.clone(),
                    kind: kind.first(doc),
                    people: doc_people,
                    level: level.first(doc),
                    day: day.first(doc),
                    attendees: attendees.first(doc),
                };
                *held.entry(key).or_default() += 1;
            }
            doc = postings.advance();
        }
    }
    Ok(u64::from(segment.num_docs()).saturating_sub(with_owner.len() as u64))
}

/// What `from` holds more of than `other`, by owner and kind (at most
/// [`MAX_LISTED`] of them), and how many documents that is in all.
fn difference(
    from: &DocumentBag,
    other: &DocumentBag,
    external_ids: &BTreeMap<String, String>,
) -> (Vec<DocumentDifference>, u64) {
    let mut by_owner: BTreeMap<(&str, Option<u64>), u64> = BTreeMap::new();
    for (key, &count) in from {
        let surplus = count.saturating_sub(other.get(key).copied().unwrap_or(0));
        if surplus > 0 {
            *by_owner.entry((key.owner.as_str(), key.kind)).or_default() += surplus;
        }
    }
    let total = by_owner.values().sum();
    let listed = by_owner
        .into_iter()
        .take(MAX_LISTED)
        .map(|((uuid, kind), documents)| DocumentDifference {
            kind: kind_name(kind).to_string(),
            id: external_ids.get(uuid).cloned(),
            uuid: uuid.to_string(),
            documents,
        })
        .collect();
    (listed, total)
}

fn kind_name(kind: Option<u64>) -> &'static str {
    match kind.and_then(DocKind::from_u64) {
        Some(DocKind::Skill) => "skill",
        Some(DocKind::Bio) => "bio",
        Some(DocKind::Role) => "role",
        Some(DocKind::Course) => "course",
        Some(DocKind::Initiative) => "initiative",
        None => "unknown",
    }
}

/// Whose documents these are: a person's, a course's or an initiative's.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Owner {
    Person,
    Course,
    Initiative,
    Unknown,
}

fn owner_of(kind: Option<u64>) -> Owner {
    match kind.and_then(DocKind::from_u64) {
        Some(DocKind::Skill | DocKind::Bio | DocKind::Role) => Owner::Person,
        Some(DocKind::Course) => Owner::Course,
        Some(DocKind::Initiative) => Owner::Initiative,
        None => Owner::Unknown,
    }
}

fn owners(bag: &DocumentBag, wanted: Owner) -> BTreeSet<&str> {
    bag.keys()
        .filter(|key| owner_of(key.kind) == wanted)
        .map(|key| key.owner.as_str())
        .collect()
}

fn counts(bag: &DocumentBag) -> DocumentCounts {
    DocumentCounts {
        documents: bag.values().sum(),
        people: owners(bag, Owner::Person).len() as u64,
        courses: owners(bag, Owner::Course).len() as u64,
        initiatives: owners(bag, Owner::Initiative).len() as u64,
    }
}

fn index_ids(bag: &DocumentBag) -> IndexIds {
    let list = |wanted| owners(bag, wanted).into_iter().map(str::to_string).collect();
    IndexIds {
        people: list(Owner::Person),
        courses: list(Owner::Course),
        initiatives: list(Owner::Initiative),
    }
}

/// Every person's, course's and initiative's uuid with its external id.
fn external_ids(conn: &rusqlite::Connection) -> Result<BTreeMap<String, String>> {
    let mut ids = BTreeMap::new();
    for table in ["people", "courses", "initiatives"] {
        let mut stmt = conn.prepare(&format!("SELECT uuid, external_id FROM {table}"))?;
        for row in stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))? {
            let (uuid, id): (String, String) = row?;
            ids.insert(uuid, id);
        }
    }
    Ok(ids)
}

/// A pragma's result rows, each row's columns joined into one line.
fn pragma_lines(conn: &rusqlite::Connection, pragma: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(pragma)?;
    let columns = stmt.column_count();
    let lines = stmt
        .query_map([], |row| {
            (0..columns)
                .map(|i| {
                    Ok(match row.get_ref(i)? {
                        rusqlite::types::ValueRef::Null => "null".to_string(),
                        rusqlite::types::ValueRef::Integer(n) => n.to_string(),
                        rusqlite::types::ValueRef::Real(x) => x.to_string(),
                        rusqlite::types::ValueRef::Text(t) | rusqlite::types::ValueRef::Blob(t) => {
                            String::from_utf8_lossy(t).into_owned()
                        }
                    })
                })
                .collect::<rusqlite::Result<Vec<_>>>()
                .map(|parts| parts.join(" "))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(lines)
}
