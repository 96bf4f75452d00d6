//! Ranks people, not documents (the document model of Balog et al., SIGIR
//! 2006). Each query group is searched on its own; every matching evidence
//! document passes its score to the people it belongs to, weighted by how
//! strongly it ties to them: an own skill by its level, a bio, a role, a
//! course report by authorship, crowd size and age, and an initiative by
//! role and size. A person's evidence for a
//! group is summed with halving weights, so a pile of weak evidence cannot
//! beat one strong piece; and a person who matches only some of the groups
//! of a several-word query gets only that share of the score.

use std::sync::Arc;

use tantivy::query::{BooleanQuery, BoostQuery, DisjunctionMaxQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, Term};

use super::doc_table::{DocFacts, SegmentDocs};
use super::expand::{Alternative, Group};
use super::index::{decode_person, DocKind, Fields};
use super::term_fields::TermFields;
use super::top_docs::{top_docs, Kept};
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

/// How strongly a document ties to one of its people.
fn tie(doc: &DocFacts, author: bool, today: u64) -> f32 {
    match doc.kind {
        DocKind::Skill => level_factor(doc.level),
        DocKind::Bio => 1.0,
        DocKind::Role => 1.0,
        DocKind::Course => course_factor(author, doc.attendees, doc.day, today),
        DocKind::Initiative => initiative_factor(author, doc.attendees),
    }
}

/// The highest skill level: among documents with the same score, the
/// higher level is the one ranking considers.
const HIGHEST_LEVEL: f32 = 5.0;

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

/// A group's query: the best of its alternatives in any text field. Only
/// the fields that hold every term of an alternative are asked; the others
/// could not match, so leaving them out changes no score.
fn group_query(fields: &Fields, term_fields: &TermFields, group: &Group) -> Box<dyn Query> {
    let mut disjuncts: Vec<Box<dyn Query>> = Vec::new();
    let mut asked: Vec<&Alternative> = Vec::new();
    for alternative in &group.alternatives {
        let holding = term_fields.fields_holding_all(&alternative.terms);
        if holding != 0 {
            asked.push(alternative);
        }
        for (bit, (field, kind)) in fields.text_fields().into_iter().enumerate() {
            if holding & (1 << bit) == 0 {
                continue;
            }
            disjuncts.push(Box::new(BoostQuery::new(
                alternative_query(field, alternative),
                alternative.weight * field_boost(kind),
            )));
        }
    }
    if let [only] = asked[..] {
        if only.terms.len() == 1 {
            // One term in the fields that hold it. A document has text in one
            // field only, so the sum of the fields' scores is their best; asked
            // as a sum, tantivy skips the blocks of documents that cannot reach
            // the top (block-max WAND) instead of scoring every one.
            let clauses = disjuncts
                .into_iter()
                .map(|query| (Occur::Should, query))
                .collect();
            return Box::new(BooleanQuery::new(clauses));
        }
    }
    Box::new(DisjunctionMaxQuery::new(disjuncts))
}

/// One alternative's query in one field.
fn alternative_query(field: tantivy::schema::Field, alternative: &Alternative) -> Box<dyn Query> {
    if alternative.terms.len() == 1 {
        return Box::new(TermQuery::new(
            Term::from_field_text(field, &alternative.terms[0]),
            IndexRecordOption::WithFreqs,
        ));
    }
    let terms = alternative.terms.iter().map(|t| Term::from_field_text(field, t));
    if alternative.phrase {
        return Box::new(PhraseQuery::new(terms.collect()));
    }
    let all = terms
        .map(|term| {
            let query = TermQuery::new(term, IndexRecordOption::WithFreqs);
            (Occur::Must, Box::new(query) as Box<dyn Query>)
        })
        .collect();
    Box::new(BooleanQuery::new(all))
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
    term_fields: &TermFields,
    groups: &[Group],
    today: u64,
) -> Result<Candidates> {
    // Per group, sorted by person.
    let mut per_group: Vec<Vec<GroupEvidence>> = Vec::with_capacity(groups.len());
    // The best document score of each group: how telling a match of it is.
    // A rare word scores high, a common one low, a word nobody has zero.
    let mut strength: Vec<f32> = Vec::with_capacity(groups.len());
    for group in groups {
        let query = group_query(fields, term_fields, group);
        let top = top_docs(searcher, &query, DOCS_PER_GROUP, HIGHEST_LEVEL, |segment, doc| {
            Some(f32::from(tables.get(segment)?.level(doc)))
        })?;
        strength.push(top.first().map(|kept| kept.score).unwrap_or(0.0));
        per_group.push(group_evidence(tables, top, today));
    }

    Ok(Candidates {
        people: merge_groups(groups, &per_group, &strength),
    })
}

/// The people found, with what ranking learnt of each, sorted by row id.
pub struct Candidates {
    people: Vec<(i64, Candidate)>,
}

impl Candidates {
    pub fn get(&self, person: i64) -> Option<&Candidate> {
        self.people
            .binary_search_by_key(&person, |(id, _)| *id)
            .ok()
            .map(|at| &self.people[at].1)
    }

    /// By row id, so that looking each one up in a table by row id walks
    /// memory forwards.
    pub fn iter(&self) -> impl Iterator<Item = &(i64, Candidate)> {
        self.people.iter()
    }
}

/// Walks the groups' evidence (each sorted by person) side by side, adding
/// up each person's groups; a person missing a required group is dropped.
/// Matching only some words of a several-word query costs the share of the
/// query's weight those words carry.
fn merge_groups(
    groups: &[Group],
    per_group: &[Vec<GroupEvidence>],
    strength: &[f32],
) -> Vec<(i64, Candidate)> {
    let total_strength: f32 = groups
        .iter()
        .zip(strength)
        .filter(|(g, _)| !g.required)
        .map(|(_, s)| s)
        .sum();
    let several = groups.iter().filter(|g| !g.required).count() > 1;
    let scale_by_coverage = several && total_strength > 0.0;
    let mut next = vec![0usize; per_group.len()];
    let mut merged = Vec::with_capacity(per_group.iter().map(Vec::len).sum());
    loop {
        let lowest = per_group
            .iter()
            .zip(&next)
            .filter_map(|(evidence, &at)| evidence.get(at).map(|e| e.person))
            .min();
        let Some(person) = lowest else {
            break;
        };
        let mut candidate = Candidate::default();
        let mut has_required = true;
        for (((group, evidence), at), group_strength) in
            groups.iter().zip(per_group).zip(&mut next).zip(strength)
        {
            match evidence.get(*at) {
                Some(found) if found.person == person => {
                    *at += 1;
                    candidate.score += found.score;
                    if !group.required {
                        candidate.groups_matched += 1;
                        candidate.coverage += group_strength;
                    }
                    candidate.best_level = candidate.best_level.max(found.level);
                    candidate.kinds |= found.kinds;
                }
                _ => has_required &= !group.required,
            }
        }
        if !has_required {
            continue;
        }
        if scale_by_coverage {
            candidate.score *= candidate.coverage / total_strength;
        }
        merged.push((person, candidate));
    }
    merged
}

/// Each person's summed evidence for one group from its top documents,
/// sorted by person.
fn group_evidence(tables: &[Arc<SegmentDocs>], top: Vec<Kept>, today: u64) -> Vec<GroupEvidence> {
    // Every document's facts first, in a loop that does nothing else: each
    // is a cache miss, and so the processor waits for many at once rather
    // than for one after another.
    let facts: Vec<Option<DocFacts>> = top
        .iter()
        .map(|kept| {
            tables
                .get(kept.address.segment_ord as usize)
                .and_then(|table| table.get(kept.address.doc_id))
        })
        .collect();
    let mut contributions = Vec::with_capacity(top.len() * 2);
    for (kept, doc) in top.iter().zip(facts) {
        let Some(doc) = doc else {
            continue;
        };
        let level = if doc.kind == DocKind::Skill {
            doc.level.min(5) as u8
        } else {
            0
        };
        contributions.extend(doc.people.iter().map(|&value| {
            let (person, author) = decode_person(value);
            Contribution {
                person,
                score: kept.score * tie(&doc, author, today),
                level,
                kind: doc.kind,
            }
        }));
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
    use tantivy::collector::TopDocs;

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

    /// The group query as it was before fields were chosen: every
    /// alternative in every field, the best one counting.
    fn every_field_query(fields: &Fields, group: &Group) -> Box<dyn Query> {
        let mut disjuncts: Vec<Box<dyn Query>> = Vec::new();
        for alternative in &group.alternatives {
            for (field, kind) in fields.text_fields() {
                disjuncts.push(Box::new(BoostQuery::new(
                    alternative_query(field, alternative),
                    alternative.weight * field_boost(kind),
                )));
            }
        }
        Box::new(DisjunctionMaxQuery::new(disjuncts))
    }

    fn analysed(text: &str) -> Vec<String> {
        let mut analyzer = super::super::analyzer::danish_analyzer();
        let mut stream = analyzer.token_stream(text);
        let mut terms = Vec::new();
        while let Some(token) = tantivy::tokenizer::TokenStream::next(&mut stream) {
            terms.push(token.text.clone());
        }
        terms
    }

    fn group(alternatives: &[(&str, f32, bool)]) -> Group {
        Group {
            typed: alternatives[0].0.to_string(),
            alternatives: alternatives
                .iter()
                .map(|&(text, weight, phrase)| Alternative {
                    terms: analysed(text),
                    weight,
                    phrase,
                })
                .collect(),
            required: false,
        }
    }

    #[test]
    fn asking_only_the_fields_that_hold_the_terms_finds_and_scores_the_same() {
        let (schema, fields) = super::super::index::schema();
        let index = tantivy::Index::create_in_ram(schema);
        super::super::index::register_analyzers(&index);
        let mut writer: tantivy::IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        let texts = [
            (fields.skill, "Mentalisering"),
            (fields.skill, "Hashmisbrug"),
            (fields.bio, "Jeg arbejder med mentalisering og unge med hash"),
            (
                fields.bio,
                "Socialrådgiver med mentalisering, mentalisering og atter mentalisering",
            ),
            (
                fields.course,
                "Kursus i mentaliseringsbaseret terapi og misbrug blandt unge",
            ),
            (fields.course, "Konference om rusmiddelforebyggelse og hash"),
            (fields.role, "SSP-konsulent for unge"),
            (fields.initiative, "Netværk om unge og rusmidler"),
        ];
        for (field, text) in texts {
            let mut doc = tantivy::TantivyDocument::default();
            doc.add_text(field, text);
            writer.add_document(doc).unwrap();
        }
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let term_fields = TermFields::load(&searcher, &fields).unwrap();
        let groups = [
            // One term held by several fields: asked as their sum.
            group(&[("mentalisering", 1.0, false)]),
            group(&[("unge", 1.0, false)]),
            // A term no document holds, alone and beside others.
            group(&[("mentalization", 1.0, false)]),
            group(&[
                ("hash", 1.0, false),
                ("hashmisbrug", 0.8, false),
                ("cannabis use", 0.8, true),
                ("unge med hash", 0.7, true),
                ("misbrug unge", 0.6, false),
            ]),
        ];
        let top = TopDocs::with_limit(10).order_by_score();
        for group in &groups {
            let asked = searcher
                .search(&group_query(&fields, &term_fields, group), &top)
                .unwrap();
            let everything = searcher.search(&every_field_query(&fields, group), &top).unwrap();
            assert_eq!(asked.len(), everything.len(), "{}", group.typed);
            for ((a, address_a), (e, address_e)) in asked.iter().zip(&everything) {
                assert_eq!(address_a, address_e, "{}", group.typed);
                assert!(
                    (a - e).abs() <= 1e-6 * e.abs(),
                    "{}: {a} against {e}",
                    group.typed
                );
            }
        }
        assert!(
            term_fields
                .fields_holding(&analysed("mentalisering")[0])
                .count_ones()
                >= 2
        );
        assert_eq!(term_fields.fields_holding("mentalization"), 0);
    }

    fn evidence(people: &[(i64, f32)]) -> Vec<GroupEvidence> {
        people
            .iter()
            .map(|&(person, score)| GroupEvidence {
                person,
                score,
                level: 0,
                kinds: 1,
            })
            .collect()
    }

    #[test]
    fn merging_groups_adds_each_persons_groups_and_drops_those_missing_a_phrase() {
        let plain = |typed: &str, required| Group {
            typed: typed.into(),
            alternatives: Vec::new(),
            required,
        };
        let groups = [plain("unge", false), plain("hash", false), plain("\"ssp\"", true)];
        let per_group = [
            evidence(&[(1, 2.0), (3, 1.0), (7, 4.0)]),
            evidence(&[(3, 3.0), (5, 1.0), (7, 1.0)]),
            evidence(&[(3, 1.0), (5, 1.0), (9, 1.0)]),
        ];
        let merged = merge_groups(&groups, &per_group, &[4.0, 2.0, 1.0]);
        let people: Vec<i64> = merged.iter().map(|(id, _)| *id).collect();
        assert_eq!(
            people,
            [3, 5, 9],
            "only those holding the quoted phrase, by row id"
        );
        let three = &merged[0].1;
        assert_eq!(three.groups_matched, 2);
        // Both words matched: the whole score, phrase included.
        assert!((three.score - 5.0).abs() < 1e-6);
        // Only "hash" (strength 2 of 6): a third of its score.
        assert!((merged[1].1.score - 2.0 * 2.0 / 6.0).abs() < 1e-6);
        // The phrase alone: none of the words.
        assert_eq!(merged[2].1.groups_matched, 0);
        assert_eq!(merged[2].1.score, 0.0);
    }
}
