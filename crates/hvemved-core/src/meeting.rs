//! Meeting across silos: lunch with a colleague one does not know, mentors
//! and mentees for a concept, and a unit to visit for a day of job rotation.
//! Skills are compared by thesaurus concept, so "hashmisbrug" and
//! "cannabismisbrug" are the same thing to learn.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::model::{split_unit_path, unit_path_within};
use crate::store::{Colleague, LunchCandidate, LunchPool, SkillHolding};
use crate::thesaurus::Thesaurus;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LunchSuggestion {
    pub person: Colleague,
    pub partner: Colleague,
    /// The partner works in another forvaltning, not only another unit.
    pub other_forvaltning: bool,
    /// The two have not been suggested to each other before.
    pub first_time: bool,
    /// Opted-in colleagues who share no unit, course or initiative with the person.
    pub candidates: usize,
}

fn related_units(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            let (a, b) = (split_unit_path(a), split_unit_path(b));
            unit_path_within(&a, &b) || unit_path_within(&b, &a)
        }
        _ => false,
    }
}

fn forvaltning(path: Option<&str>) -> Option<String> {
    path.and_then(|p| split_unit_path(p).into_iter().next())
        .map(|f| f.to_lowercase())
}

/// A small, stable mix of two numbers, so that ties are broken differently
/// for each person and each round without randomness in tests.
fn mix(a: i64, b: i64, round: u32) -> u64 {
    let mut x = (a as u64) ^ (b as u64).rotate_left(21) ^ u64::from(round).rotate_left(42);
    x = x.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    x ^ (x >> 31)
}

/// The fairest partner: never suggested to the person before, in another
/// forvaltning, suggested least often to anyone; ties rotate per round.
pub fn pick_lunch(pool: &LunchPool) -> Option<LunchSuggestion> {
    let mine = pool.person.department.as_deref();
    let my_forvaltning = forvaltning(mine);
    let eligible: Vec<&LunchCandidate> = pool
        .candidates
        .iter()
        .filter(|c| !related_units(mine, c.colleague.department.as_deref()))
        .collect();
    let best = eligible.iter().min_by_key(|c| {
        let other = forvaltning(c.colleague.department.as_deref()) != my_forvaltning;
        (
            c.times_with_person,
            !other,
            c.times_suggested,
            mix(pool.row, c.row, pool.suggestions_made),
        )
    })?;
    Some(LunchSuggestion {
        person: pool.person.clone(),
        partner: best.colleague.clone(),
        other_forvaltning: forvaltning(best.colleague.department.as_deref()) != my_forvaltning,
        first_time: best.times_with_person == 0,
        candidates: eligible.len(),
    })
}

/// The concept a skill names, or the skill itself when the thesaurus does
/// not know it; with the label to show.
fn concept_of(thesaurus: &Thesaurus, skill: &str) -> (String, String) {
    match thesaurus.lookup(skill).first() {
        Some(concept) => (concept.id.clone(), concept.preferred.clone()),
        None => (skill.trim().to_lowercase(), skill.trim().to_string()),
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MentorCandidate {
    pub id: String,
    pub name: String,
    pub unit: Option<String>,
    pub skill: String,
    pub level: Option<u8>,
}

/// For one concept: who can mentor it, or who wants to learn it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MentorMatch {
    pub concept: String,
    pub label: String,
    pub people: Vec<MentorCandidate>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct MentorMatches {
    /// For what the person wants to learn: mentors at level 4 or above.
    pub mentors: Vec<MentorMatch>,
    /// For what the person can mentor: colleagues who want to learn it.
    pub mentees: Vec<MentorMatch>,
}

/// Level a mentor must have.
pub const MENTOR_LEVEL: u8 = 4;
const MAX_PER_CONCEPT: usize = 5;

pub fn mentor_matches(
    holdings: &[SkillHolding],
    thesaurus: &Thesaurus,
    person: &str,
    only_concept: Option<&str>,
) -> MentorMatches {
    let keyed: Vec<(String, String, &SkillHolding)> = holdings
        .iter()
        .map(|h| {
            let (key, label) = concept_of(thesaurus, &h.skill);
            (key, label, h)
        })
        .collect();
    let wanted = |key: &str| only_concept.is_none_or(|c| c == key);
    let candidate = |h: &SkillHolding| MentorCandidate {
        id: h.person_id.clone(),
        name: h.person_name.clone(),
        unit: h.unit.clone(),
        skill: h.skill.clone(),
        level: h.level,
    };
    let matches_for = |mine: &dyn Fn(&SkillHolding) -> bool, theirs: &dyn Fn(&SkillHolding) -> bool| {
        let mut found: BTreeMap<String, MentorMatch> = BTreeMap::new();
        for (key, label, _) in keyed
            .iter()
            .filter(|(k, _, h)| h.person_id == person && mine(h) && wanted(k))
        {
            let mut people: Vec<MentorCandidate> = keyed
                .iter()
                .filter(|(k, _, h)| k == key && h.person_id != person && theirs(h))
                .map(|(_, _, h)| candidate(h))
                .collect();
            people.sort_by(|a, b| b.level.cmp(&a.level).then_with(|| a.name.cmp(&b.name)));
            people.dedup_by(|a, b| a.id == b.id);
            people.truncate(MAX_PER_CONCEPT);
            found.entry(key.clone()).or_insert_with(|| MentorMatch {
                concept: key.clone(),
                label: label.clone(),
                people,
            });
        }
        found.into_values().collect::<Vec<_>>()
    };
    let can_mentor = |h: &SkillHolding| h.can_mentor && h.level.unwrap_or(0) >= MENTOR_LEVEL;
    MentorMatches {
        mentors: matches_for(&|h| h.wants_to_learn, &can_mentor),
        mentees: matches_for(&can_mentor, &|h| h.wants_to_learn),
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RotationSuggestion {
    pub unit: String,
    /// The person's skills and wishes the unit works with, strongest first.
    pub concepts: Vec<String>,
    /// Who in the unit knows the first of them best.
    pub contact: Option<MentorCandidate>,
    pub score: f32,
}

/// Weight of a concept one wants to learn against one already held.
const WANT_WEIGHT: f32 = 2.0;
/// Level at which a colleague's skill counts as the unit's work.
const WORK_LEVEL: u8 = 3;
const MAX_UNITS: usize = 3;
const MAX_CONCEPTS_SHOWN: usize = 4;

/// Units (other than the person's own and those above or under it) whose
/// people work with what the person knows or wants to learn, per head.
pub fn rotation(
    holdings: &[SkillHolding],
    thesaurus: &Thesaurus,
    person: &str,
    own_unit: Option<&str>,
) -> Vec<RotationSuggestion> {
    let mut interests: HashMap<String, (f32, String)> = HashMap::new();
    for h in holdings.iter().filter(|h| h.person_id == person) {
        let (key, label) = concept_of(thesaurus, &h.skill);
        let weight = if h.wants_to_learn { WANT_WEIGHT } else { 1.0 };
        let entry = interests.entry(key).or_insert((0.0, label));
        entry.0 = entry.0.max(weight);
    }
    if interests.is_empty() {
        return Vec::new();
    }
    struct UnitTally<'a> {
        people: std::collections::HashSet<&'a str>,
        per_concept: HashMap<String, (f32, &'a SkillHolding)>,
    }
    let mut units: BTreeMap<&str, UnitTally> = BTreeMap::new();
    for h in holdings {
        let Some(unit) = h.unit.as_deref() else { continue };
        if related_units(own_unit, Some(unit)) {
            continue;
        }
        let tally = units.entry(unit).or_insert_with(|| UnitTally {
            people: Default::default(),
            per_concept: HashMap::new(),
        });
        tally.people.insert(h.person_id.as_str());
        if h.level.unwrap_or(0) < WORK_LEVEL {
            continue;
        }
        let (key, _) = concept_of(thesaurus, &h.skill);
        if let Some((weight, _)) = interests.get(&key) {
            let slot = tally.per_concept.entry(key).or_insert((0.0, h));
            slot.0 += weight;
            if h.level > slot.1.level {
                slot.1 = h;
            }
        }
    }
    let mut found: Vec<RotationSuggestion> = units
        .into_iter()
        .filter(|(_, t)| !t.per_concept.is_empty())
        .map(|(unit, tally)| {
            let mut concepts: Vec<(&String, &(f32, &SkillHolding))> = tally.per_concept.iter().collect();
            concepts.sort_by(|a, b| b.1 .0.total_cmp(&a.1 .0).then_with(|| a.0.cmp(b.0)));
            let total: f32 = concepts.iter().map(|(_, (w, _))| w).sum();
            let contact = concepts.first().map(|(_, (_, h))| MentorCandidate {
                id: h.person_id.clone(),
                name: h.person_name.clone(),
                unit: h.unit.clone(),
                skill: h.skill.clone(),
                level: h.level,
            });
            RotationSuggestion {
                unit: unit.to_string(),
                concepts: concepts
                    .iter()
                    .take(MAX_CONCEPTS_SHOWN)
                    .map(|(key, _)| interests[*key].1.clone())
                    .collect(),
                contact,
                score: total / (tally.people.len() as f32).sqrt(),
            }
        })
        .collect();
    found.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.unit.cmp(&b.unit)));
    found.truncate(MAX_UNITS);
    found
}
