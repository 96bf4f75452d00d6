//! The peer the benchmark compares with: the same evidence documents in a
//! plain SQLite FTS5 table, searched the obvious way (the typed words OR-ed,
//! BM25 summed per person, a snippet for each hit). It answers "is our
//! search slower than what SQLite gives for free, and by how much?".
//!
//! Being the obvious way, it has no thesaurus, no stemming, no compound
//! parts and no typo correction: each query word is matched as a whole
//! token (no `word*` prefixes, since Danish compounds put the searched part
//! last as often as first), so its hit rates are shown beside its times.

use std::path::Path;

use hvemved_core::bundle::Bundle;
use hvemved_core::search::SearchFilters;
use hvemved_core::{CoreError, Result};
use rusqlite::{params, Connection, OptionalExtension};

pub struct Fts5Peer {
    conn: Connection,
}

/// One found person with the evidence the peer shows for them.
#[derive(Debug, Clone)]
pub struct PeerHit {
    pub name: String,
    pub department: Option<String>,
    pub snippet: String,
}

const SCHEMA: &str = "
    CREATE TABLE people (id INTEGER PRIMARY KEY, external_id TEXT NOT NULL, name TEXT NOT NULL,
                         title TEXT, department TEXT);
    CREATE VIRTUAL TABLE evidence USING fts5(
        person UNINDEXED, kind UNINDEXED, level UNINDEXED, body,
        tokenize = 'unicode61 remove_diacritics 0'
    );";

/// Persons by summed BM25 (FTS5's `rank` is negative, best first). The bare
/// `rowid` takes the row of the single `min()`, which is the person's best
/// document, so its snippet needs no second search over all matches.
const SEARCH: &str = "
    SELECT evidence.person, sum(evidence.rank) AS score, min(evidence.rank), evidence.rowid
    FROM evidence JOIN people p ON p.id = evidence.person
    WHERE evidence MATCH ?1
      AND (?2 IS NULL OR p.department = ?2 OR substr(p.department, 1, length(?2) + 3) = ?2 || ' / ')
    GROUP BY evidence.person
    HAVING ?3 IS NULL OR sum(evidence.kind = 'skill' AND evidence.level >= ?3) > 0
    ORDER BY score
    LIMIT ?4";

const SNIPPET: &str = "
    SELECT snippet(evidence, 3, '<b>', '</b>', '…', 16) FROM evidence
    WHERE evidence MATCH ?1 AND rowid = ?2";

impl Fts5Peer {
    /// Writes the peer database at `path` from the same bundle the
    /// directory imported, with one FTS5 row per evidence document and
    /// person (a course report is one row per attendee).
    pub fn build(path: &Path, bundle: &Bundle) -> Result<Fts5Peer> {
        for suffix in ["", "-wal", "-shm"] {
            let file = path.with_file_name(format!(
                "{}{suffix}",
                path.file_name().unwrap_or_default().to_string_lossy()
            ));
            match std::fs::remove_file(&file) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(CoreError::io(&file, e)),
                _ => {}
            }
        }
        let mut conn = Connection::open(path)?;
        // The same durability settings as the directory's own store, so the
        // build times are comparable.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.execute_batch(SCHEMA)?;
        let tx = conn.transaction()?;
        {
            let mut person = tx.prepare(
                "INSERT INTO people (id, external_id, name, title, department) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            let mut doc =
                tx.prepare("INSERT INTO evidence (person, kind, level, body) VALUES (?1, ?2, ?3, ?4)")?;
            let mut row_of = std::collections::HashMap::with_capacity(bundle.people.len());
            for (i, p) in bundle.people.iter().enumerate() {
                let id = i as i64 + 1;
                row_of.insert(p.id.as_str(), id);
                person.execute(params![id, p.id, p.name, p.title, p.department])?;
                for skill in &p.skills {
                    doc.execute(params![id, "skill", skill.level, skill.name])?;
                }
                if let Some(bio) = &p.bio {
                    doc.execute(params![id, "bio", None::<u8>, bio])?;
                }
                let role: Vec<&str> = [&p.title, &p.profession, &p.department]
                    .into_iter()
                    .flatten()
                    .map(String::as_str)
                    .collect();
                if !role.is_empty() {
                    doc.execute(params![id, "role", None::<u8>, role.join("\n")])?;
                }
            }
            for course in &bundle.courses {
                let text: Vec<&str> = [
                    Some(&course.title),
                    course.summary.as_ref(),
                    course.key_takeaways.as_ref(),
                ]
                .into_iter()
                .flatten()
                .map(String::as_str)
                .chain(course.skills.iter().map(String::as_str))
                .collect();
                let text = text.join("\n");
                for attendee in &course.attendees {
                    if let Some(id) = row_of.get(attendee.as_str()) {
                        doc.execute(params![id, "course", None::<u8>, text])?;
                    }
                }
            }
        }
        tx.commit()?;
        // What a deployment would do once after a bulk load; leaving the
        // FTS5 b-tree unmerged would make the peer look slower than it is.
        conn.execute_batch(
            "INSERT INTO evidence (evidence) VALUES ('optimize'); PRAGMA wal_checkpoint(TRUNCATE);",
        )?;
        Ok(Fts5Peer { conn })
    }

    /// The best `limit` people for the query, each with a snippet of their
    /// best matching document.
    pub fn search(&self, query: &str, filters: &SearchFilters, limit: usize) -> Result<Vec<PeerHit>> {
        let Some(expression) = match_expression(query) else {
            return Ok(Vec::new());
        };
        let mut stmt = self.conn.prepare_cached(SEARCH)?;
        let top: Vec<(i64, i64)> = stmt
            .query_map(
                params![expression, filters.department, filters.min_level, limit as i64],
                |r| Ok((r.get(0)?, r.get(3)?)),
            )?
            .collect::<rusqlite::Result<_>>()?;
        let mut snippet = self.conn.prepare_cached(SNIPPET)?;
        let mut person = self
            .conn
            .prepare_cached("SELECT name, department FROM people WHERE id = ?1")?;
        let mut hits = Vec::with_capacity(top.len());
        for (id, doc) in top {
            let text: Option<String> = snippet
                .query_row(params![expression, doc], |r| r.get(0))
                .optional()?;
            let (name, department) = person.query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
            hits.push(PeerHit {
                name,
                department,
                snippet: text.unwrap_or_default(),
            });
        }
        Ok(hits)
    }

    /// Distinct tokens in the peer's index: how large the vocabulary of the
    /// synthetic directory is.
    pub fn distinct_terms(&self) -> Result<u64> {
        self.conn.execute_batch(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, evidence, row);",
        )?;
        let count: i64 = self
            .conn
            .query_row("SELECT count(*) FROM temp.vocab", [], |r| r.get(0))?;
        Ok(count as u64)
    }
}

/// The query words, each quoted (so that no word is read as FTS5 syntax)
/// and OR-ed, as a search box without operators would do.
pub fn match_expression(query: &str) -> Option<String> {
    let words: Vec<String> = query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{}\"", w.to_lowercase()))
        .collect();
    (!words.is_empty()).then(|| words.join(" OR "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use hvemved_core::bundle::{BundlePerson, BundleSkill};

    #[test]
    fn the_expression_quotes_and_ors_every_word() {
        assert_eq!(
            match_expression("out-of-home placement").unwrap(),
            "\"out\" OR \"of\" OR \"home\" OR \"placement\""
        );
        assert_eq!(match_expression("AND \"NEAR\"").unwrap(), "\"and\" OR \"near\"");
        assert!(match_expression(" - ").is_none());
    }

    #[test]
    fn finds_people_by_word_with_filters_and_snippets() {
        let person = |id: &str, dept: &str, skill: &str, level: u8| BundlePerson {
            id: id.into(),
            name: format!("Person {id}"),
            department: Some(dept.into()),
            bio: Some(format!("Jeg arbejder med {skill} hver dag.")),
            skills: vec![BundleSkill {
                name: skill.into(),
                level: Some(level),
                ..Default::default()
            }],
            ..Default::default()
        };
        let bundle = Bundle::new(
            vec![
                person("a", "Børn og Familie / Myndighed", "Efterværn", 4),
                person("b", "Jobcenter / Unge", "Efterværn", 2),
                person("c", "Jobcenter / Unge", "Mentorordning", 5),
            ],
            Vec::new(),
        );
        let path = std::env::temp_dir().join(format!("hvemved-bench-fts5-{}.sqlite", std::process::id()));
        let peer = Fts5Peer::build(&path, &bundle).unwrap();
        let all = peer.search("efterværn", &SearchFilters::default(), 10).unwrap();
        assert_eq!(all.len(), 2);
        assert!(all[0].snippet.contains("<b>"));
        let in_unit = SearchFilters {
            department: Some("Jobcenter".into()),
            ..Default::default()
        };
        let found = peer.search("efterværn", &in_unit, 10).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].name, "Person b");
        let skilled = SearchFilters {
            min_level: Some(3),
            ..Default::default()
        };
        assert_eq!(
            peer.search("efterværn", &skilled, 10).unwrap()[0].name,
            "Person a"
        );
        assert!(peer.distinct_terms().unwrap() > 5);
        drop(peer);
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
    }
}
