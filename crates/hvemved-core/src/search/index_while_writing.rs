//! Indexes a large bundle import while the store writes it.
//!
//! Writing to SQLite keeps one core busy and indexing wants both, so
//! indexing after the commit left a core idle for half of a large import.
//! Once an import has changed more people than the index would replace one
//! by one, a fresh index is started, and every few thousand people written
//! are read back inside the write's own transaction and handed to the index
//! writer's threads, which index them while the store goes on writing.
//!
//! A person's evidence is final once the bundle write has written them;
//! anything later in the same transaction that changes it records a change
//! of theirs, and such people are read again at the end. The index gets its
//! change number only after the store has committed, so a write that rolls
//! back leaves no index behind that could be taken for the directory's.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::fresh_index::{FreshIndex, WrittenIndex, ROWS_PER_FEED};
use super::index::MAX_INCREMENTAL;
use crate::error::Result;
use crate::store::{change_seq_in, people_changed_after_in, person_ids_in, Selection, WrittenPerson};

pub(crate) struct IndexWhileWriting {
    dir: PathBuf,
    fresh: Option<FreshIndex>,
    changed: usize,
    /// Written, not yet handed to the index.
    waiting: Vec<i64>,
    /// Handed to the index, with the change number the store had then.
    fed: HashMap<i64, i64>,
}

/// An index written out from inside a store write, to be swapped in once the
/// write has committed.
pub(crate) struct IndexToSwapIn {
    pub index: WrittenIndex,
    /// The store's change number the index was read at.
    pub seq: i64,
}

impl IndexWhileWriting {
    /// For the index in `dir`; nothing is started until an import proves large.
    pub(crate) fn new(dir: &Path) -> IndexWhileWriting {
        IndexWhileWriting {
            dir: dir.to_path_buf(),
            fresh: None,
            changed: 0,
            waiting: Vec::new(),
            fed: HashMap::new(),
        }
    }

    /// Notes a person the write has finished with; `conn` is the write's
    /// own connection, which sees the write so far.
    pub(crate) fn person_written(&mut self, conn: &Connection, person: WrittenPerson) -> Result<()> {
        self.waiting.push(person.id);
        self.changed += usize::from(person.changed);
        if self.fresh.is_none() && self.changed > MAX_INCREMENTAL {
            self.fresh = Some(FreshIndex::start(&self.dir)?);
        }
        if self.waiting.len() >= ROWS_PER_FEED {
            self.feed_waiting(conn)?;
        }
        Ok(())
    }

    fn feed_waiting(&mut self, conn: &Connection) -> Result<()> {
        let Some(fresh) = self.fresh.as_mut() else {
            return Ok(());
        };
        let seq = change_seq_in(conn)?;
        for chunk in self.waiting.chunks(ROWS_PER_FEED) {
            fresh.add_people(conn, Selection::Ids(chunk))?;
        }
        self.fed.extend(self.waiting.drain(..).map(|id| (id, seq)));
        Ok(())
    }

    /// Completes the index from `conn` as the write leaves the store: the
    /// people still waiting, everyone the import did not write, anyone
    /// changed since they were handed over, and every course report and
    /// initiative. `None` when the import was too small to start one; the
    /// index then catches up after the commit as after any write.
    pub(crate) fn finish(mut self, conn: &Connection) -> Result<Option<IndexToSwapIn>> {
        if self.fresh.is_none() {
            return Ok(None);
        }
        self.feed_waiting(conn)?;
        let first_fed = self.fed.values().copied().min().unwrap_or(0);
        let changed_since_fed: Vec<(i64, String)> = people_changed_after_in(conn, first_fed)?
            .into_iter()
            .filter(|(id, _, seq)| self.fed.get(id).is_some_and(|fed_at| seq > fed_at))
            .map(|(id, uuid, _)| (id, uuid))
            .collect();
        let mut fresh = self.fresh.take().expect("checked above");
        fresh.replace_people(conn, &changed_since_fed)?;
        let not_written: Vec<i64> = person_ids_in(conn)?
            .into_iter()
            .filter(|id| !self.fed.contains_key(id))
            .collect();
        for chunk in not_written.chunks(ROWS_PER_FEED) {
            fresh.add_people(conn, Selection::Ids(chunk))?;
        }
        fresh.add_courses_and_initiatives(conn)?;
        Ok(Some(IndexToSwapIn {
            seq: change_seq_in(conn)?,
            index: fresh.write_out()?,
        }))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::bundle::types::Bundle;
    use crate::error::CoreError;
    use crate::search::consistency::{check, CheckRequest};
    use crate::search::SearchIndex;
    use crate::store::{touch, write_bundle, write_bundle_telling, Store};

    /// A directory of 40 people and an import of more people than the index
    /// replaces one by one, which leaves 10 of the 40 alone.
    fn directory_and_large_import(dir: &Path) -> (Store, SearchIndex, Bundle) {
        let mut store = Store::open(&dir.join("hvemved.sqlite")).unwrap();
        let first = crate::demo::generate(7, 40, 6);
        store.write(|tx| write_bundle(tx, &first)).unwrap();
        let index = SearchIndex::open_in_sync(&dir.join("index"), &store).unwrap();
        let mut large = crate::demo::generate(8, MAX_INCREMENTAL + 300, 20);
        let left_alone: HashSet<String> = first.people[..10].iter().map(|p| p.id.clone()).collect();
        large.people.retain(|p| !left_alone.contains(&p.id));
        for course in &mut large.courses {
            course.attendees.retain(|id| !left_alone.contains(id));
        }
        (store, index, large)
    }

    #[test]
    fn an_index_built_while_writing_holds_exactly_what_a_rebuild_would() {
        let dir = tempfile::tempdir().unwrap();
        let index_dir = dir.path().join("index");
        let (mut store, old_index, large) = directory_and_large_import(dir.path());
        let first_written = large.people[0].id.clone();
        let indexing = IndexWhileWriting::new(&index_dir);
        let built = store
            .write(|tx| {
                let mut indexing = indexing;
                write_bundle_telling(tx, &large, &mut |person| indexing.person_written(tx, person))?;
                // A later write in the same transaction changes someone
                // handed to the index early on.
                let (id, uuid): (i64, String) = tx.query_row(
                    "SELECT id, uuid FROM people WHERE external_id = ?1",
                    [&first_written],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )?;
                tx.execute(
                    "UPDATE people SET title = 'Kvalitetsvejleder' WHERE id = ?1",
                    [id],
                )?;
                touch(tx, "people", "person", id, &uuid)?;
                indexing.finish(tx)
            })
            .unwrap()
            .expect("an import this large is indexed while it is written");
        let index = built.index.swap_in(&index_dir, built.seq, &store).unwrap();
        drop(old_index);

        let report = check(&store, &index, &CheckRequest::default()).unwrap();
        assert!(report.consistent, "{report:#?}");
        assert_eq!(report.index_seq, report.change_seq);
        assert_eq!(report.index.people, report.database.people);
        assert!(report.index.people > MAX_INCREMENTAL as u64);
        assert!(!index_dir.with_file_name("index.new").exists());
    }

    #[test]
    fn a_write_that_rolls_back_leaves_the_old_index_and_nothing_beside_it() {
        let dir = tempfile::tempdir().unwrap();
        let index_dir = dir.path().join("index");
        let (mut store, old_index, large) = directory_and_large_import(dir.path());
        let indexing = IndexWhileWriting::new(&index_dir);
        let failed = store.write(|tx| {
            let mut indexing = indexing;
            write_bundle_telling(tx, &large, &mut |person| indexing.person_written(tx, person))?;
            let built = indexing.finish(tx)?;
            assert!(built.is_some());
            Err::<(), _>(CoreError::InvalidInput("the disk filled up".into()))
        });
        assert!(failed.is_err());
        assert!(!index_dir.with_file_name("index.new").exists());
        drop(old_index);

        let index = SearchIndex::open_in_sync(&index_dir, &store).unwrap();
        let report = check(&store, &index, &CheckRequest::default()).unwrap();
        assert!(report.consistent, "{report:#?}");
        assert_eq!(report.database.people, 40);
    }

    #[test]
    fn a_small_import_leaves_the_index_to_catch_up_after_the_commit() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("hvemved.sqlite")).unwrap();
        let small = crate::demo::generate(7, 40, 6);
        let indexing = IndexWhileWriting::new(&dir.path().join("index"));
        let built = store
            .write(|tx| {
                let mut indexing = indexing;
                write_bundle_telling(tx, &small, &mut |person| indexing.person_written(tx, person))?;
                indexing.finish(tx)
            })
            .unwrap();
        assert!(built.is_none());
        assert!(!dir.path().join("index.new").exists());
    }
}
