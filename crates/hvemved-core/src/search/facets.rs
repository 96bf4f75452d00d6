//! Narrowing a search (unit with its sub-units, profession, minimum level,
//! language, willing to mentor) and the counts per value the UI shows next
//! to each filter.

use std::sync::Arc;

use rustc_hash::FxHashMap;

use serde::{Deserialize, Serialize};

use crate::model::{unit_path_within, UNIT_PATH_SEPARATOR};
use crate::store::PersonFacts;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchFilters {
    /// A unit path ("Børn og Familie" or "Børn og Familie / Myndighed"); its
    /// sub-units are included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profession: Option<String>,
    /// Lowest level of a matching skill, 1–5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_level: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub can_mentor: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetCount {
    pub value: String,
    pub count: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facets {
    /// Forvaltninger and afdelinger (paths of one and two levels).
    pub departments: Vec<FacetCount>,
    pub professions: Vec<FacetCount>,
    /// People whose best matching skill is at least this level, "1"–"5".
    pub levels: Vec<FacetCount>,
    pub languages: Vec<FacetCount>,
    pub can_mentor: usize,
}

/// What filters and facet counts need of every active person, packed as
/// numbers so that narrowing and counting the candidates of a search reads
/// a few bytes per person rather than chasing strings.
#[derive(Debug, Default, Clone)]
pub struct PeopleTable {
    /// By row id: row ids are dense, and a search looks up every candidate.
    people: Vec<Option<Packed>>,
    active: usize,
    /// Unit paths as stored, each with the department facet values it
    /// counts towards (its forvaltning and afdeling).
    units: Vec<UnitEntry>,
    departments: Vec<String>,
    professions: Vec<String>,
    languages: Vec<String>,
}

#[derive(Debug, Clone)]
struct UnitEntry {
    path: Arc<[String]>,
    departments: Vec<u32>,
}

#[derive(Debug, Clone)]
struct Packed {
    unit: u32,
    profession: Option<u32>,
    languages: LanguageSet,
    can_mentor: bool,
}

/// A person's languages by number. The first 64 numbered (the languages
/// met first, so the common ones) are bits in the person's own entry, so
/// counting them for the facets reads no other memory: a separate list per
/// person was a cache miss for every candidate of a search.
#[derive(Debug, Clone, Default)]
struct LanguageSet {
    first: u64,
    /// Numbers from 64 on; empty for nearly everyone, and an empty list is
    /// not read.
    rest: Box<[u32]>,
}

impl LanguageSet {
    fn contains(&self, language: u32) -> bool {
        match 1u64.checked_shl(language) {
            Some(bit) => self.first & bit != 0,
            None => self.rest.contains(&language),
        }
    }

    fn for_each(&self, mut f: impl FnMut(u32)) {
        let mut bits = self.first;
        while bits != 0 {
            f(bits.trailing_zeros());
            bits &= bits - 1;
        }
        self.rest.iter().copied().for_each(f);
    }
}

impl FromIterator<u32> for LanguageSet {
    fn from_iter<I: IntoIterator<Item = u32>>(languages: I) -> Self {
        let mut first = 0;
        let mut rest = Vec::new();
        for language in languages {
            match 1u64.checked_shl(language) {
                Some(bit) => first |= bit,
                None if !rest.contains(&language) => rest.push(language),
                None => {}
            }
        }
        LanguageSet {
            first,
            rest: rest.into_boxed_slice(),
        }
    }
}

/// Interns strings: each distinct value gets the next number.
struct Names<'a> {
    list: &'a mut Vec<String>,
    index: FxHashMap<String, u32>,
}

impl<'a> Names<'a> {
    /// Goes on from the names already in `list`.
    fn new(list: &'a mut Vec<String>) -> Self {
        let index = list
            .iter()
            .enumerate()
            .map(|(id, name)| (name.clone(), id as u32))
            .collect();
        Names { list, index }
    }

    fn id(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.index.get(name) {
            return id;
        }
        let id = self.list.len() as u32;
        self.list.push(name.to_string());
        self.index.insert(name.to_string(), id);
        id
    }
}

impl PeopleTable {
    pub fn new(facts: Vec<(i64, PersonFacts)>) -> PeopleTable {
        let mut table = PeopleTable::default();
        table.apply(facts.into_iter().map(|(id, facts)| (id, Some(facts))));
        table
    }

    /// This table with the people of `changed` replaced: `None` for one who
    /// is no longer active.
    pub fn updated(&self, changed: Vec<(i64, Option<PersonFacts>)>) -> PeopleTable {
        let mut table = self.clone();
        table.apply(changed);
        table
    }

    fn apply(&mut self, changed: impl IntoIterator<Item = (i64, Option<PersonFacts>)>) {
        let mut units: FxHashMap<Arc<[String]>, u32> = self
            .units
            .iter()
            .enumerate()
            .map(|(at, unit)| (unit.path.clone(), at as u32))
            .collect();
        let mut departments = Names::new(&mut self.departments);
        let mut professions = Names::new(&mut self.professions);
        let mut languages = Names::new(&mut self.languages);
        for (id, person) in changed {
            let Ok(slot) = usize::try_from(id) else {
                continue;
            };
            let packed = person.map(|person| {
                let unit = match units.get(&person.units) {
                    Some(&unit) => unit,
                    None => {
                        let path = &person.units;
                        let unit = self.units.len() as u32;
                        self.units.push(UnitEntry {
                            path: path.clone(),
                            departments: (1..=path.len().min(2))
                                .map(|depth| departments.id(&path[..depth].join(UNIT_PATH_SEPARATOR)))
                                .collect(),
                        });
                        units.insert(path.clone(), unit);
                        unit
                    }
                };
                Packed {
                    unit,
                    profession: person.profession.as_deref().map(|p| professions.id(p)),
                    languages: person
                        .languages
                        .iter()
                        .map(|l| languages.id(&l.to_lowercase()))
                        .collect(),
                    can_mentor: person.can_mentor,
                }
            });
            if self.people.len() <= slot {
                if packed.is_none() {
                    continue;
                }
                self.people.resize_with(slot + 1, || None);
            }
            let was_active = self.people[slot].is_some();
            self.active = self.active + usize::from(packed.is_some()) - usize::from(was_active);
            self.people[slot] = packed;
        }
    }

    fn facts(&self, person: i64) -> Option<&Packed> {
        let slot = usize::try_from(person).ok()?;
        self.people.get(slot)?.as_ref()
    }

    /// Active people in the table.
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        self.active
    }

    /// The person's unit path, outermost first; empty when they have none.
    pub fn unit_path(&self, person: i64) -> &[String] {
        self.facts(person)
            .and_then(|p| self.units.get(p.unit as usize))
            .map_or(&[], |u| &u.path)
    }

    /// The filters resolved against this table once per search.
    pub fn filter(&self, filters: &SearchFilters) -> Filter {
        let admitted_units = filters.department.as_ref().map(|department| {
            let wanted = crate::model::split_unit_path(department);
            self.units
                .iter()
                .map(|unit| !wanted.is_empty() && unit_path_within(&unit.path, &wanted))
                .collect()
        });
        let profession = filters.profession.as_ref().map(|wanted| {
            let wanted = wanted.trim().to_lowercase();
            self.professions
                .iter()
                .position(|p| p.to_lowercase() == wanted)
                .map(|i| i as u32)
        });
        let language = filters.language.as_ref().map(|wanted| {
            let wanted = wanted.trim().to_lowercase();
            self.languages.iter().position(|l| *l == wanted).map(|i| i as u32)
        });
        Filter {
            admitted_units,
            profession,
            language,
            min_level: filters.min_level,
            can_mentor: filters.can_mentor,
        }
    }

    /// Whether the person is active, and passes the filter.
    pub fn admits(&self, filter: &Filter, person: i64, best_level: u8) -> bool {
        self.facts(person)
            .is_some_and(|facts| filter.passes(facts, best_level))
    }

    /// The candidates (row id, score, best level) that are active and pass
    /// the filter, with their score, and the facet counts among them (each
    /// one's best matching skill level; languages lower-cased): one
    /// look-up of each candidate, where filtering and then counting took two
    /// (each a cache miss at a hundred thousand people).
    pub fn admit_and_count(
        &self,
        filter: &Filter,
        candidates: impl Iterator<Item = (i64, f32, u8)>,
    ) -> (Vec<(i64, f32)>, Facets) {
        let mut tally = Tally::new(self);
        let mut admitted = Vec::new();
        for (person, score, best_level) in candidates {
            let Some(facts) = self.facts(person) else {
                continue;
            };
            if filter.passes(facts, best_level) {
                tally.add(facts, best_level);
                admitted.push((person, score));
            }
        }
        (admitted, tally.facets(self))
    }
}

/// Counts per filter value, by the numbers of a [`PeopleTable`].
struct Tally {
    units: Vec<usize>,
    professions: Vec<usize>,
    languages: Vec<usize>,
    levels: [usize; 5],
    can_mentor: usize,
}

impl Tally {
    fn new(table: &PeopleTable) -> Tally {
        Tally {
            units: vec![0; table.units.len()],
            professions: vec![0; table.professions.len()],
            languages: vec![0; table.languages.len()],
            levels: [0; 5],
            can_mentor: 0,
        }
    }

    fn add(&mut self, facts: &Packed, best_level: u8) {
        self.units[facts.unit as usize] += 1;
        if let Some(profession) = facts.profession {
            self.professions[profession as usize] += 1;
        }
        facts
            .languages
            .for_each(|language| self.languages[language as usize] += 1);
        for count in self.levels.iter_mut().take(usize::from(best_level.min(5))) {
            *count += 1;
        }
        self.can_mentor += usize::from(facts.can_mentor);
    }

    fn facets(self, table: &PeopleTable) -> Facets {
        let mut departments = vec![0usize; table.departments.len()];
        for (unit, count) in table.units.iter().zip(&self.units) {
            for &department in &unit.departments {
                departments[department as usize] += count;
            }
        }
        Facets {
            departments: sorted(&table.departments, &departments),
            professions: sorted(&table.professions, &self.professions),
            levels: (1..)
                .zip(self.levels)
                .take_while(|(_, count)| *count > 0)
                .map(|(level, count)| FacetCount {
                    value: u8::to_string(&level),
                    count,
                })
                .collect(),
            languages: sorted(&table.languages, &self.languages),
            can_mentor: self.can_mentor,
        }
    }
}

/// Filters resolved to the numbers of a [`PeopleTable`]. A filter naming a
/// value nobody has (`Some(None)`) admits no one.
pub struct Filter {
    admitted_units: Option<Vec<bool>>,
    profession: Option<Option<u32>>,
    language: Option<Option<u32>>,
    min_level: Option<u8>,
    can_mentor: bool,
}

impl Filter {
    fn passes(&self, facts: &Packed, best_level: u8) -> bool {
        self.admitted_units
            .as_ref()
            .is_none_or(|units: &Vec<bool>| units[facts.unit as usize])
            && self
                .profession
                .is_none_or(|wanted| wanted.is_some() && facts.profession == wanted)
            && self.min_level.is_none_or(|level| best_level >= level)
            && self
                .language
                .is_none_or(|wanted| wanted.is_some_and(|l| facts.languages.contains(l)))
            && (!self.can_mentor || facts.can_mentor)
    }
}

/// The values counted at least once, most frequent first, then
/// alphabetical, as a filter list is read.
fn sorted(names: &[String], counts: &[usize]) -> Vec<FacetCount> {
    let mut list: Vec<FacetCount> = names
        .iter()
        .zip(counts)
        .filter(|(_, &count)| count > 0)
        .map(|(value, &count)| FacetCount {
            value: value.clone(),
            count,
        })
        .collect();
    list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(units: &[&str], profession: &str, languages: &[&str], can_mentor: bool) -> PersonFacts {
        PersonFacts {
            units: units.iter().map(|s| s.to_string()).collect(),
            profession: Some(profession.to_string()),
            languages: languages.iter().map(|s| s.to_string()).collect(),
            can_mentor,
        }
    }

    fn admits(table: &PeopleTable, filters: SearchFilters, person: i64, level: u8) -> bool {
        table.admits(&table.filter(&filters), person, level)
    }

    /// What a table tells of everyone in it: who is active, and what each
    /// filter admits and counts.
    fn seen(table: &PeopleTable, people: i64) -> Vec<(Vec<(i64, f32)>, Facets)> {
        let everyone = || (0..=people).map(|id| (id, 1.0, 3));
        let filters = [
            SearchFilters::default(),
            SearchFilters {
                department: Some("Jobcenter".into()),
                ..Default::default()
            },
            SearchFilters {
                profession: Some("Psykolog".into()),
                ..Default::default()
            },
            SearchFilters {
                language: Some("arabisk".into()),
                can_mentor: true,
                ..Default::default()
            },
        ];
        filters
            .iter()
            .map(|filters| table.admit_and_count(&table.filter(filters), everyone()))
            .collect()
    }

    #[test]
    fn a_table_updated_with_some_people_is_the_table_built_afresh() {
        let before = vec![
            (
                1,
                person(&["Børn og Familie", "SSP"], "Socialrådgiver", &["dansk"], false),
            ),
            (
                2,
                person(
                    &["Jobcenter", "Team A"],
                    "Jobkonsulent",
                    &["dansk", "Arabisk"],
                    true,
                ),
            ),
            (3, person(&["Jobcenter"], "Psykolog", &[], false)),
            (5, person(&["Sundhed"], "Sundhedsplejerske", &["engelsk"], true)),
        ];
        let changed = vec![
            // Moved, with a new language and profession.
            (
                1,
                Some(person(&["Jobcenter", "Team B"], "Psykolog", &["arabisk"], true)),
            ),
            // Left.
            (3, None),
            // New, beyond the old end of the table.
            (9, Some(person(&["Kultur"], "Bibliotekar", &["dansk"], false))),
            // Left before the table knew them.
            (12, None),
        ];
        let mut after: Vec<(i64, PersonFacts)> = before
            .iter()
            .filter(|(id, _)| !changed.iter().any(|(c, _)| c == id))
            .cloned()
            .collect();
        after.extend(
            changed
                .iter()
                .filter_map(|(id, facts)| Some((*id, facts.clone()?))),
        );

        let updated = PeopleTable::new(before).updated(changed);
        let afresh = PeopleTable::new(after);
        assert_eq!(updated.len(), 4);
        assert_eq!(updated.len(), afresh.len());
        assert_eq!(seen(&updated, 12), seen(&afresh, 12));
        assert_eq!(updated.unit_path(1), ["Jobcenter", "Team B"]);
    }

    #[test]
    fn a_unit_filter_includes_its_sub_units() {
        let table = PeopleTable::new(vec![(
            1,
            person(
                &["Børn og Familie", "Myndighed", "Team Øst"],
                "Socialrådgiver",
                &["dansk"],
                false,
            ),
        )]);
        let filter = |d: &str| SearchFilters {
            department: Some(d.into()),
            ..Default::default()
        };
        assert!(admits(&table, filter("Børn og Familie"), 1, 0));
        assert!(admits(&table, filter("børn og familie / myndighed"), 1, 0));
        assert!(!admits(&table, filter("Børn og Familie / SSP"), 1, 0));
        assert!(!admits(&table, filter("Jobcenter"), 1, 0));
        assert!(!admits(&table, filter(" / "), 1, 0));
        assert!(
            !admits(&table, SearchFilters::default(), 2, 0),
            "someone not in the table is not active"
        );
    }

    #[test]
    fn level_language_profession_and_mentor_filters() {
        let table = PeopleTable::new(vec![
            (
                1,
                person(&["Jobcenter"], "Jobkonsulent", &["dansk", "Arabisk"], true),
            ),
            (2, person(&["Jobcenter"], "Sagsbehandler", &["dansk"], false)),
        ]);
        let level = |min| SearchFilters {
            min_level: Some(min),
            ..Default::default()
        };
        assert!(admits(&table, level(3), 1, 4));
        assert!(!admits(&table, level(5), 1, 4));
        let language = |l: &str| SearchFilters {
            language: Some(l.into()),
            ..Default::default()
        };
        assert!(admits(&table, language("arabisk"), 1, 0));
        assert!(!admits(&table, language("Arabisk"), 2, 0));
        assert!(
            !admits(&table, language("somali"), 1, 0),
            "a language nobody speaks"
        );
        let profession = |p: &str| SearchFilters {
            profession: Some(p.into()),
            ..Default::default()
        };
        assert!(admits(&table, profession(" jobkonsulent"), 1, 0));
        assert!(!admits(&table, profession("jobkonsulent"), 2, 0));
        let mentor = SearchFilters {
            can_mentor: true,
            ..Default::default()
        };
        assert!(admits(&table, mentor.clone(), 1, 0));
        assert!(!admits(&table, mentor, 2, 0));
    }

    #[test]
    fn languages_past_the_sixty_fourth_filter_and_count_as_the_first_do() {
        // 70 people, each with their own language, numbered in that order;
        // the last also speaks the first one.
        let names: Vec<String> = (0..70).map(|n| format!("sprog{n}")).collect();
        let mut people: Vec<(i64, PersonFacts)> = names
            .iter()
            .enumerate()
            .map(|(n, name)| (n as i64 + 1, person(&["Jobcenter"], "Tolk", &[name], false)))
            .collect();
        people[69].1.languages.push("Sprog0".into());
        let table = PeopleTable::new(people);
        let language = |l: &str| SearchFilters {
            language: Some(l.into()),
            ..Default::default()
        };
        for (n, name) in names.iter().enumerate() {
            assert!(admits(&table, language(name), n as i64 + 1, 0), "{name}");
        }
        assert!(admits(&table, language("sprog0"), 70, 0));
        assert!(!admits(&table, language("sprog69"), 1, 0));
        assert!(!admits(&table, language("sprog63"), 70, 0));
        let everyone = table.filter(&SearchFilters::default());
        let (_, facets) = table.admit_and_count(&everyone, (1..=70).map(|id| (id, 1.0, 0)));
        let count = |name: &str| facets.languages.iter().find(|f| f.value == name).map(|f| f.count);
        assert_eq!(count("sprog0"), Some(2));
        assert_eq!(count("sprog63"), Some(1));
        assert_eq!(count("sprog64"), Some(1));
        assert_eq!(count("sprog69"), Some(1));
        assert_eq!(facets.languages.len(), 70);
    }

    #[test]
    fn facets_count_each_value_and_unit_level() {
        let table = PeopleTable::new(vec![
            (
                1,
                person(
                    &["Børn og Familie", "Myndighed"],
                    "Socialrådgiver",
                    &["dansk"],
                    true,
                ),
            ),
            (
                2,
                person(
                    &["Børn og Familie", "SSP"],
                    "SSP-konsulent",
                    &["Dansk", "arabisk"],
                    false,
                ),
            ),
            (3, person(&["Jobcenter"], "Jobkonsulent", &["somali"], false)),
        ]);
        let everyone = table.filter(&SearchFilters::default());
        let (admitted, facets) = table.admit_and_count(&everyone, [(1, 1.5, 4), (2, 0.5, 2)].into_iter());
        assert_eq!(admitted, [(1, 1.5), (2, 0.5)]);
        assert_eq!(
            facets.departments[0],
            FacetCount {
                value: "Børn og Familie".into(),
                count: 2
            }
        );
        assert_eq!(facets.departments.len(), 3, "{:?}", facets.departments);
        assert_eq!(
            facets.levels[1],
            FacetCount {
                value: "2".into(),
                count: 2
            }
        );
        assert_eq!(facets.levels.len(), 4);
        assert_eq!(
            facets.languages[0],
            FacetCount {
                value: "dansk".into(),
                count: 2
            }
        );
        assert_eq!(facets.languages.len(), 2, "somali is not among the candidates");
        assert_eq!(facets.can_mentor, 1);
    }
}
