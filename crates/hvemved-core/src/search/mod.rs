//! Expert search: who in the directory knows about what the user typed, best
//! first, each with the evidence that made them match.

pub mod analyzer;
pub mod evidence;
mod index;
pub mod query;

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use tantivy::collector::TopDocs;
use tantivy::schema::Value;
use tantivy::TantivyDocument;

pub use evidence::Evidence;
pub use index::SearchIndex;

use crate::error::Result;
use crate::store::Store;

pub const DEFAULT_LIMIT: usize = 10;
pub const MAX_LIMIT: usize = 500;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchRequest {
    pub query: String,
    #[serde(default = "default_limit")]
    pub limit: usize,
}

fn default_limit() -> usize {
    DEFAULT_LIMIT
}

/// The `--json` search output of `shared/spec/bundle-format.md`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchResponse {
    pub query: String,
    pub results: Vec<SearchHit>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    pub id: String,
    pub name: String,
    pub title: Option<String>,
    pub department: Option<String>,
    pub score: f32,
    pub evidence: Vec<Evidence>,
}

pub fn search(index: &SearchIndex, store: &Store, request: &SearchRequest) -> Result<SearchResponse> {
    let mut analyzer = analyzer::danish_analyzer();
    let parsed = query::parse(&mut analyzer, &request.query);
    let empty = SearchResponse {
        query: request.query.clone(),
        results: Vec::new(),
    };
    let limit = request.limit.clamp(1, MAX_LIMIT);
    if parsed.is_empty() {
        return Ok(empty);
    }
    let searcher = index.reader().searcher();
    let query = query::build(&index.fields, &parsed);
    let top = searcher.search(&query, &TopDocs::with_limit(limit).order_by_score())?;

    let mut ranked: Vec<(String, f32)> = Vec::with_capacity(top.len());
    for (score, address) in top {
        let doc: TantivyDocument = searcher.doc(address)?;
        if let Some(uuid) = doc.get_first(index.fields.uuid).and_then(|v| v.as_str()) {
            ranked.push((uuid.to_string(), score));
        }
    }
    let uuids: Vec<String> = ranked.iter().map(|(u, _)| u.clone()).collect();
    let mut people: HashMap<String, _> = store
        .indexable_people(Some(&uuids))?
        .into_iter()
        .map(|p| (p.uuid.clone(), p))
        .collect();
    let wanted: HashSet<String> = parsed.all_terms().cloned().collect();
    let results = ranked
        .into_iter()
        .filter_map(|(uuid, score)| {
            let person = people.remove(&uuid)?;
            Some(SearchHit {
                evidence: evidence::collect(&mut analyzer, &person, &wanted),
                id: person.external_id,
                name: person.name,
                title: person.title,
                department: person.department,
                score: (score * 1000.0).round() / 1000.0,
            })
        })
        .collect();
    Ok(SearchResponse { results, ..empty })
}
