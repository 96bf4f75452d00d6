//! Expert search: who in the directory knows about what the user typed, best
//! first, each with the evidence that made them match, what else was
//! searched for, a correction for an unknown word, and facet counts.

pub mod analyzer;
pub mod consistency;
mod doc_table;
pub mod evidence;
pub mod expand;
mod facets;
mod index;
mod owner_key;
mod rank;
mod term_fields;
mod top_docs;
mod vocabulary;

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

pub use consistency::{CheckRequest, ConsistencyReport};
pub use evidence::Evidence;
pub use expand::ConceptMatcher;
pub use facets::{FacetCount, Facets, SearchFilters};
pub use index::{IndexView, SearchIndex};

use crate::error::Result;
use crate::store::{EvidenceParts, Store};
use crate::thesaurus::Concept;
use index::DocKind;

pub const DEFAULT_LIMIT: usize = 10;
pub const MAX_LIMIT: usize = 500;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchRequest {
    pub query: String,
    #[serde(default = "default_limit")]
    pub limit: usize,
    #[serde(default)]
    pub filters: SearchFilters,
}

impl SearchRequest {
    pub fn new(query: impl Into<String>, limit: usize) -> Self {
        SearchRequest {
            query: query.into(),
            limit,
            filters: SearchFilters::default(),
        }
    }
}

fn default_limit() -> usize {
    DEFAULT_LIMIT
}

/// The `--json` search output of `shared/spec/bundle-format.md`, with the
/// extras the desktop app shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchResponse {
    pub query: String,
    pub results: Vec<SearchHit>,
    /// How many people matched in all (before `limit`).
    pub total: usize,
    /// "Søgte også efter …": thesaurus labels searched besides the words typed.
    pub also_searched: Vec<String>,
    /// "Mente du …?": a known word close to a typed word the directory lacks.
    pub did_you_mean: Option<String>,
    pub facets: Facets,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    pub id: String,
    pub name: String,
    pub title: Option<String>,
    pub department: Option<String>,
    pub score: f32,
    pub evidence: Vec<Evidence>,
    /// The area this person is knowledge owner (vidensansvarlig) for, when
    /// the query named it; such a person is listed first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub knowledge_owner: Option<String>,
}

pub fn search(
    index: &IndexView,
    store: &Store,
    concepts: &ConceptMatcher,
    request: &SearchRequest,
) -> Result<SearchResponse> {
    let mut analyzer = analyzer::danish_analyzer();
    let searcher = &index.searcher;
    let fields = index.fields;
    let is_known = |term: &str| index.term_fields.fields_holding(term) != 0;
    let expansion = expand::expand(
        &request.query,
        &mut analyzer,
        concepts,
        &index.vocabulary,
        &is_known,
    );
    let mut response = SearchResponse {
        query: request.query.clone(),
        results: Vec::new(),
        total: 0,
        also_searched: expansion.also_searched.clone(),
        did_you_mean: expansion.did_you_mean.clone(),
        facets: Facets::default(),
    };
    if expansion.groups.is_empty() {
        return Ok(response);
    }
    let today = chrono::Utc::now().date_naive();
    let today = (today - chrono::NaiveDate::default()).num_days().max(0) as u64;
    let tables = index.doc_tables.for_searcher(searcher)?;
    let candidates = rank::rank_people(
        searcher,
        &tables,
        &fields,
        &index.term_fields,
        &expansion.groups,
        today,
    )?;

    let table = &index.people;
    let filter = table.filter(&request.filters);
    let (mut ranked, facets) = table.admit_and_count(
        &filter,
        candidates.iter().map(|(id, c)| (*id, c.score, c.best_level)),
    );
    response.facets = facets;
    let limit = request.limit.clamp(1, MAX_LIMIT);
    best_first(&mut ranked, limit);
    let owner_of = owners_first(store, concepts, &expansion.concepts, &mut ranked, |row| {
        table.admits(&filter, row, candidates.get(row).map_or(0, |c| c.best_level))
    })?;
    response.total = ranked.len();
    ranked.truncate(limit);

    // Only the kinds of document that matched are read and shown; an owner
    // placed without matching evidence gets all of theirs looked at.
    let kinds_of = |id: i64| candidates.get(id).map_or(u8::MAX, |c| c.kinds);
    let wanted_parts: Vec<(i64, EvidenceParts)> = ranked
        .iter()
        .map(|&(id, _)| {
            let kinds = kinds_of(id);
            let has = |kind| kinds & rank::kind_bit(kind) != 0;
            let parts = EvidenceParts {
                skills: has(DocKind::Skill),
                courses: has(DocKind::Course),
                initiatives: has(DocKind::Initiative),
            };
            (id, parts)
        })
        .collect();
    let mut people: HashMap<i64, _> = store
        .indexable_people(&wanted_parts)?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let wanted: HashSet<String> = expansion.all_terms().cloned().collect();
    response.results = ranked
        .into_iter()
        .filter_map(|(id, score)| {
            let person = people.remove(&id)?;
            let knowledge_owner = owner_of.get(&id).cloned();
            let mut evidence = evidence::collect(&mut analyzer, &person, &wanted, kinds_of(id));
            if let Some(area) = &knowledge_owner {
                evidence.insert(
                    0,
                    Evidence {
                        kind: "owner".into(),
                        text: format!("Vidensansvarlig for {area}"),
                    },
                );
            }
            Some(SearchHit {
                knowledge_owner,
                evidence,
                id: person.external_id,
                name: person.name,
                title: person.title,
                // The unit path from memory: reading every unit from SQLite
                // for each search cost more than the rest of a person's row.
                department: Some(table.unit_path(id))
                    .filter(|path| !path.is_empty())
                    .map(|path| path.join(crate::model::UNIT_PATH_SEPARATOR)),
                score: (score * 1000.0).round() / 1000.0,
            })
        })
        .collect();
    Ok(response)
}

/// Puts the `limit` best first, in order (highest score, then lowest row
/// id); the rest stay behind them unordered. Ordering all of a common
/// word's thousand candidates to show ten cost more than the facets. Owners
/// moved to the front later only push people out of the first `limit`.
fn best_first(ranked: &mut [(i64, f32)], limit: usize) {
    let order = |a: &(i64, f32), b: &(i64, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
    if ranked.len() > limit {
        ranked.select_nth_unstable_by(limit, order);
    }
    let shown = limit.min(ranked.len());
    ranked[..shown].sort_unstable_by(order);
}

/// Moves the knowledge owners of the areas the query named to the top of
/// `ranked` (adding them when no evidence of theirs matched), an owner of a
/// concept before an owner of its category. `admits` applies the filters.
/// Returns each placed owner's area label by row id.
fn owners_first(
    store: &Store,
    concepts: &ConceptMatcher,
    named: &[String],
    ranked: &mut Vec<(i64, f32)>,
    admits: impl Fn(i64) -> bool,
) -> Result<HashMap<i64, String>> {
    let mut owner_of = HashMap::new();
    if named.is_empty() {
        return Ok(owner_of);
    }
    let named: Vec<&Concept> = named.iter().filter_map(|id| concepts.concept(id)).collect();
    let mut areas: Vec<(String, String)> = named
        .iter()
        .map(|c| (c.id.clone(), c.preferred.clone()))
        .collect();
    for concept in &named {
        if let Some((category, name, _)) = crate::thesaurus::category(&concept.category) {
            if !areas.iter().any(|(a, _)| a == category) {
                areas.push((category.to_string(), name.to_string()));
            }
        }
    }
    let ids: Vec<String> = areas.iter().map(|(a, _)| a.clone()).collect();
    let owners = store.knowledge_owners(Some(&ids))?;
    for (area, label) in areas.iter().rev() {
        let Some(owner) = owners.iter().find(|o| &o.area == area) else {
            continue;
        };
        let row = owner.owner.row;
        if !admits(row) {
            continue;
        }
        let score = match ranked.iter().position(|(id, _)| *id == row) {
            Some(at) => ranked.remove(at).1,
            None => 0.0,
        };
        ranked.insert(0, (row, score));
        owner_of.insert(row, label.clone());
    }
    Ok(owner_of)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_best_come_first_in_order_as_a_full_sort_would_put_them() {
        let mut ranked: Vec<(i64, f32)> = (0..500).map(|i| (i, ((i * 7919) % 101) as f32)).collect();
        let mut sorted = ranked.clone();
        sorted.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        best_first(&mut ranked, 10);
        assert_eq!(ranked[..10], sorted[..10]);
        assert_eq!(ranked.len(), 500, "the rest is kept for the total and the owners");

        let mut few = vec![(2, 1.0), (1, 1.0), (3, 5.0)];
        best_first(&mut few, 10);
        assert_eq!(few, [(3, 5.0), (1, 1.0), (2, 1.0)]);
    }
}
