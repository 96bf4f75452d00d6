//! Unit paths to unit rows, creating the units an import names for the
//! first time, each level with the kind its depth gives it.

use std::collections::HashMap;

use rusqlite::{params, OptionalExtension, Transaction};

use super::{new_uuid, now, record_change};
use crate::error::Result;
use crate::model::UnitKind;

/// Remembers the paths it has resolved within one transaction: an import
/// names the same few hundred units for thousands of people.
#[derive(Default)]
pub(crate) struct UnitResolver {
    ids: HashMap<Vec<String>, i64>,
    pub created: usize,
}

impl UnitResolver {
    /// The innermost unit of `path` (outermost first); `None` for an empty path.
    pub fn resolve(&mut self, tx: &Transaction, path: &[String]) -> Result<Option<i64>> {
        let mut parent: Option<i64> = None;
        for depth in 0..path.len() {
            let key = path[..=depth].to_vec();
            if let Some(id) = self.ids.get(&key) {
                parent = Some(*id);
                continue;
            }
            let name = &path[depth];
            let existing: Option<i64> = tx
                .prepare_cached(
                    "SELECT id FROM units WHERE coalesce(parent_id, 0) = coalesce(?1, 0) AND name = ?2",
                )?
                .query_row(params![parent, name], |r| r.get(0))
                .optional()?;
            let id =
                match existing {
                    Some(id) => id,
                    None => {
                        let uuid = new_uuid();
                        let seq = record_change(tx, "unit", &uuid, "upsert")?;
                        let ts = now();
                        tx.prepare_cached(
                        "INSERT INTO units (uuid, parent_id, name, kind, created_at, updated_at, change_seq)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6)",
                    )?
                    .execute(params![uuid, parent, name, UnitKind::at_depth(depth).as_str(), ts, seq])?;
                        self.created += 1;
                        tx.last_insert_rowid()
                    }
                };
            self.ids.insert(key, id);
            parent = Some(id);
        }
        Ok(parent)
    }
}
