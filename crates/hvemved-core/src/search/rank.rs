//! Ranks people, not documents (the document model of Balog et al., SIGIR
//! 2006). Each query group is searched on its own; every matching evidence
//! document passes its score to the people it belongs to, weighted by how
//! strongly it ties to them: an own skill by its level, a bio, a role, a
//! course report by authorship, crowd size and age, and an initiative by
//! role and size. A person's evidence for a
//! group is summed with halving weights, so a pile of weak evidence cannot
//! beat one strong piece; and a person who matches only some of the groups
//! of a several-word query gets only that share of the score.

use rustc_hash::FxHashMap;

use std::sync::Arc;
use tantivy::collector::TopDocs;

use tantivy::query::{BooleanQuery, BoostQuery, DisjunctionMaxQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, Searcher, Term};

use super::doc_table::SegmentDocs;
use super::expand::Group;
use super::index::{decode_person, DocKind, Fields};
use crate::error::Result;

/// How many evidence documents per group are considered.
const DOCS_PER_GROUP: usize = 400;
/// Weight of each further piece of evidence relative to the one before.
const DECAY: f32 = 0.5;

/// Relative trust in each kind of document as evidence.
fn field_boost(kind: DocKind) -> f32 {
    match kind {
        DocKind::Skill => 1.0,
        DocKind::Bio => 0.9,
        DocKind::Role => 0.6,
        DocKind::Course => 0.8,
        DocKind::Initiative => 0.7,
    }
}

/// How strongly a skill entry ties to its owner: declared levels 1–5.
fn level_factor(level: u64) -> f32 {
    match level {
        1 => 0.45,
        2 => 0.6,
        3 => 0.8,
        4 => 1.0,
        5 => 1.1,
        _ => 0.6,
    }
}

/// How strongly a course report ties to one of its people.
fn course_factor(author: bool, attendees: u64, day: u64, today: u64) -> f32 {
    let role = if author { 0.75 } else { 0.55 };
    let crowd = 1.0 / (1.0 + 0.08 * attendees.saturating_sub(1) as f32);
    let years = if day == 0 {
        3.0
    } else {
        today.saturating_sub(day) as f32 / 365.0
    };
    let age = 1.0 / (1.0 + 0.08 * years);
    role * crowd * age
}

/// How strongly an initiative ties to one of its members: the tovholder
/// more than a member, a small working group more than a large network.
fn initiative_factor(convenes: bool, members: u64) -> f32 {
    let role = if convenes { 0.7 } else { 0.5 };
    role / (1.0 + 0.05 * members.saturating_sub(1) as f32)
}

#[derive(Debug, Default, Clone)]
pub struct Candidate {
    pub score: f32,
    pub groups_matched: usize,
    /// Highest level among the matching skill entries, 0 when none matched.
    pub best_level: u8,
    /// The kinds of document that matched, one bit per [`DocKind`].
    pub kinds: u8,
    /// The summed strength of the groups this person matched.
    coverage: f32,
}

/// A group's query: the best of its alternatives in any text field.
fn group_query(fields: &Fields, group: &Group) -> Box<dyn Query> {
    let mut disjuncts: Vec<Box<dyn Query>> = Vec::new();
    for alternative in &group.alternatives {
        for (field, kind) in fields.text_fields() {
            let query: Box<dyn Query> = if alternative.terms.len() == 1 {
                Box::new(TermQuery::new(
                    Term::from_field_text(field, &alternative.terms[0]),
                    IndexRecordOption::WithFreqs,
                ))
            } else if alternative.phrase {
                let terms = alternative
                    .terms
                    .iter()
                    .map(|t| Term::from_field_text(field, t))
                    .collect();
                Box::new(PhraseQuery::new(terms))
            } else {
                let all = alternative
                    .terms
                    .iter()
                    .map(|t| {
                        let term =
                            TermQuery::new(Term::from_field_text(field, t), IndexRecordOption::WithFreqs);
                        (Occur::Must, Box::new(term) as Box<dyn Query>)
                    })
                    .collect();
                Box::new(BooleanQuery::new(all))
            };
            disjuncts.push(Box::new(BoostQuery::new(
                query,
                alternative.weight * field_boost(kind),
            )));
        }
    }
    Box::new(DisjunctionMaxQuery::new(disjuncts))
}

/// One matching document's share for one of its people.
struct Contribution {
    person: i64,
    score: f32,
    level: u8,
    kind: DocKind,
}

/// A person's summed evidence for one group.
struct GroupEvidence {
    person: i64,
    score: f32,
    level: u8,
    kinds: u8,
}

/// The bit of a kind in [`Candidate::kinds`].
pub fn kind_bit(kind: DocKind) -> u8 {
    1 << (kind as u8)
}

/// `tables` are the searcher's segments' document tables, in its order.
pub fn rank_people(
    searcher: &Searcher,
    tables: &[Arc<SegmentDocs>],
    fields: &Fields,
    groups: &[Group],
    today: u64,
) -> Result<FxHashMap<i64, Candidate>> {
    // Per group, sorted by person.
    let mut per_group: Vec<Vec<GroupEvidence>> = Vec::with_capacity(groups.len());
    // The best document score of each group: how telling a match of it is.
    // A rare word scores high, a common one low, a word nobody has zero.
    let mut strength: Vec<f32> = Vec::with_capacity(groups.len());
    for group in groups {
        let query = group_query(fields, group);
        let top = searcher.search(&query, &TopDocs::with_limit(DOCS_PER_GROUP).order_by_score())?;
        strength.push(top.first().map(|(score, _)| *score).unwrap_or(0.0));
        per_group.push(group_evidence(tables, top, today));
    }

    let total_strength: f32 = groups
        .iter()
        .zip(&strength)
        .filter(|(g, _)| !g.required)
        .map(|(_, s)| s)
        .sum();
    let mut candidates: FxHashMap<i64, Candidate> = FxHashMap::default();
    for ((group, evidence), group_strength) in groups.iter().zip(&per_group).zip(&strength) {
        for found in evidence {
            let candidate = candidates.entry(found.person).or_default();
            candidate.score += found.score;
            if !group.required {
                candidate.groups_matched += 1;
                candidate.coverage += group_strength;
            }
            candidate.best_level = candidate.best_level.max(found.level);
            candidate.kinds |= found.kinds;
        }
    }
    let required: Vec<&Vec<GroupEvidence>> = groups
        .iter()
        .zip(&per_group)
        .filter(|(g, _)| g.required)
        .map(|(_, evidence)| evidence)
        .collect();
    if !required.is_empty() {
        candidates.retain(|person, _| {
            required
                .iter()
                .all(|evidence| evidence.binary_search_by_key(person, |e| e.person).is_ok())
        });
    }
    // Matching only some words of a several-word query costs the share of
    // the query's weight those words carry.
    let several = groups.iter().filter(|g| !g.required).count() > 1;
    if several && total_strength > 0.0 {
        for candidate in candidates.values_mut() {
            candidate.score *= candidate.coverage / total_strength;
        }
    }
    Ok(candidates)
}

/// Each person's summed evidence for one group from its top documents,
/// sorted by person.
fn group_evidence(
    tables: &[Arc<SegmentDocs>],
    top: Vec<(f32, DocAddress)>,
    today: u64,
) -> Vec<GroupEvidence> {
    let mut contributions: Vec<Contribution> = Vec::with_capacity(top.len() * 2);
    for (score, address) in top {
        let Some(doc) = tables
            .get(address.segment_ord as usize)
            .and_then(|table| table.get(address.doc_id))
        else {
            continue;
        };
        for &value in doc.people {
            let (person, author) = decode_person(value);
            let tie = match doc.kind {
                DocKind::Skill => level_factor(doc.level),
                DocKind::Bio => 1.0,
                DocKind::Role => 1.0,
                DocKind::Course => course_factor(author, doc.attendees, doc.day, today),
                DocKind::Initiative => initiative_factor(author, doc.attendees),
            };
            contributions.push(Contribution {
                person,
                score: score * tie,
                level: if doc.kind == DocKind::Skill {
                    doc.level.min(5) as u8
                } else {
                    0
                },
                kind: doc.kind,
            });
        }
    }
    sum_per_person(contributions)
}

/// Each person's contributions to one group, strongest first with halving
/// weights; the result sorted by person.
fn sum_per_person(mut contributions: Vec<Contribution>) -> Vec<GroupEvidence> {
    contributions.sort_unstable_by(|a, b| a.person.cmp(&b.person).then(b.score.total_cmp(&a.score)));
    contributions
        .chunk_by(|a, b| a.person == b.person)
        .map(|run| GroupEvidence {
            person: run[0].person,
            score: decayed_sum(run.iter().map(|c| c.score)),
            level: run.iter().map(|c| c.level).max().unwrap_or(0),
            kinds: run.iter().fold(0, |kinds, c| kinds | kind_bit(c.kind)),
        })
        .collect()
}

/// `strongest_first` must be sorted from the highest score down.
fn decayed_sum(strongest_first: impl Iterator<Item = f32>) -> f32 {
    let mut weight = 1.0;
    let mut total = 0.0;
    for c in strongest_first {
        total += c * weight;
        weight *= DECAY;
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_strong_piece_beats_a_pile_of_weak_ones() {
        let sum = |scores: &[f32]| decayed_sum(scores.iter().copied());
        assert!(sum(&[10.0]) > sum(&[4.0; 20]));
        assert!(sum(&[10.0, 5.0]) > sum(&[10.0]));
    }

    #[test]
    fn higher_levels_tie_more_strongly() {
        for level in 1..5 {
            assert!(level_factor(level) < level_factor(level + 1));
        }
    }

    #[test]
    fn authors_recent_reports_and_small_groups_count_more() {
        let today = 20_000;
        assert!(course_factor(true, 3, today, today) > course_factor(false, 3, today, today));
        assert!(course_factor(false, 2, today, today) > course_factor(false, 20, today, today));
        assert!(course_factor(false, 2, today, today) > course_factor(false, 2, today - 3 * 365, today));
    }
}
