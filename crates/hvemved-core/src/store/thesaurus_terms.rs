//! The thesaurus concepts HR has added or edited in this directory, kept in
//! the store so they survive updates of the built-in thesaurus and travel
//! with backups.

use rusqlite::params;

use super::{now, record_change, Store};
use crate::error::Result;
use crate::thesaurus::{Concept, Thesaurus};

impl Store {
    pub fn local_concepts(&self) -> Result<Vec<Concept>> {
        let mut stmt = self
            .conn()
            .prepare("SELECT concept FROM thesaurus_concepts ORDER BY created_at, concept_id")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        let mut concepts = Vec::new();
        for row in rows {
            // A row that no longer parses (written by a newer version) is
            // skipped rather than taking the whole search down.
            if let Ok(concept) = serde_json::from_str(&row?) {
                concepts.push(concept);
            }
        }
        Ok(concepts)
    }

    /// The built-in thesaurus with this directory's own concepts laid over it.
    pub fn thesaurus(&self) -> Result<Thesaurus> {
        let mut thesaurus = Thesaurus::builtin();
        for concept in self.local_concepts()? {
            thesaurus.add_or_replace(concept);
        }
        Ok(thesaurus)
    }

    pub fn save_concept(&mut self, concept: &Concept) -> Result<()> {
        let json = serde_json::to_string(concept).expect("concepts serialise");
        self.write(|tx| {
            let seq = record_change(tx, "thesaurus", &concept.id, "upsert")?;
            let ts = now();
            tx.execute(
                "INSERT INTO thesaurus_concepts (concept_id, concept, created_at, updated_at, change_seq)
                 VALUES (?1, ?2, ?3, ?3, ?4)
                 ON CONFLICT (concept_id) DO UPDATE SET concept = excluded.concept,
                     updated_at = excluded.updated_at, change_seq = excluded.change_seq",
                params![concept.id, json, ts, seq],
            )?;
            Ok(())
        })
    }
}
