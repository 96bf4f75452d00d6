//! Narrowing a search (unit with its sub-units, profession, minimum level,
//! language, willing to mentor) and the counts per value the UI shows next
//! to each filter.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

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

impl SearchFilters {
    pub fn admits(&self, facts: &PersonFacts, best_level: u8) -> bool {
        if let Some(department) = &self.department {
            let wanted = crate::model::split_unit_path(department);
            if wanted.is_empty()
                || facts.units.len() < wanted.len()
                || !facts
                    .units
                    .iter()
                    .zip(&wanted)
                    .all(|(a, b)| a.to_lowercase() == b.to_lowercase())
            {
                return false;
            }
        }
        if let Some(profession) = &self.profession {
            let wanted = profession.trim().to_lowercase();
            if facts
                .profession
                .as_deref()
                .is_none_or(|p| p.to_lowercase() != wanted)
            {
                return false;
            }
        }
        if let Some(level) = self.min_level {
            if best_level < level {
                return false;
            }
        }
        if let Some(language) = &self.language {
            let language = language.trim().to_lowercase();
            if !facts.languages.iter().any(|l| l.to_lowercase() == language) {
                return false;
            }
        }
        !self.can_mentor || facts.can_mentor
    }
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

impl Facets {
    /// Languages are counted as stored: the store lower-cases them.
    pub fn count<'a>(people: impl Iterator<Item = (&'a PersonFacts, u8)>) -> Facets {
        let mut departments: HashMap<&str, usize> = HashMap::new();
        let mut professions: HashMap<&str, usize> = HashMap::new();
        let mut levels = [0usize; 5];
        let mut languages: HashMap<&str, usize> = HashMap::new();
        let mut can_mentor = 0;
        for (facts, best_level) in people {
            for department in facts.departments.iter() {
                *departments.entry(department).or_insert(0) += 1;
            }
            if let Some(profession) = &facts.profession {
                *professions.entry(profession).or_insert(0) += 1;
            }
            for count in levels.iter_mut().take(usize::from(best_level.min(5))) {
                *count += 1;
            }
            for language in &facts.languages {
                *languages.entry(language).or_insert(0) += 1;
            }
            can_mentor += usize::from(facts.can_mentor);
        }
        Facets {
            departments: sorted(departments),
            professions: sorted(professions),
            levels: (1..)
                .zip(levels)
                .take_while(|(_, count)| *count > 0)
                .map(|(level, count)| FacetCount {
                    value: u8::to_string(&level),
                    count,
                })
                .collect(),
            languages: sorted(languages),
            can_mentor,
        }
    }
}

/// Most frequent first, then alphabetical, as a filter list is read.
fn sorted(counts: HashMap<&str, usize>) -> Vec<FacetCount> {
    let mut list: Vec<FacetCount> = counts
        .into_iter()
        .map(|(value, count)| FacetCount {
            value: value.to_string(),
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
            departments: (1..=units.len().min(2))
                .map(|depth| units[..depth].join(crate::model::UNIT_PATH_SEPARATOR))
                .collect(),
            profession: Some(profession.to_string()),
            languages: languages.iter().map(|s| s.to_string()).collect(),
            can_mentor,
        }
    }

    #[test]
    fn a_unit_filter_includes_its_sub_units() {
        let p = person(
            &["Børn og Familie", "Myndighed", "Team Øst"],
            "Socialrådgiver",
            &["dansk"],
            false,
        );
        let filter = |d: &str| SearchFilters {
            department: Some(d.into()),
            ..Default::default()
        };
        assert!(filter("Børn og Familie").admits(&p, 0));
        assert!(filter("børn og familie / myndighed").admits(&p, 0));
        assert!(!filter("Børn og Familie / SSP").admits(&p, 0));
        assert!(!filter("Jobcenter").admits(&p, 0));
    }

    #[test]
    fn level_language_profession_and_mentor_filters() {
        let p = person(&["Jobcenter"], "Jobkonsulent", &["dansk", "arabisk"], true);
        assert!(SearchFilters {
            min_level: Some(3),
            ..Default::default()
        }
        .admits(&p, 4));
        assert!(!SearchFilters {
            min_level: Some(5),
            ..Default::default()
        }
        .admits(&p, 4));
        assert!(SearchFilters {
            language: Some("Arabisk".into()),
            ..Default::default()
        }
        .admits(&p, 0));
        assert!(!SearchFilters {
            language: Some("somali".into()),
            ..Default::default()
        }
        .admits(&p, 0));
        assert!(SearchFilters {
            profession: Some("jobkonsulent".into()),
            ..Default::default()
        }
        .admits(&p, 0));
        assert!(SearchFilters {
            can_mentor: true,
            ..Default::default()
        }
        .admits(&p, 0));
    }

    #[test]
    fn facets_count_each_value_and_unit_level() {
        let a = person(
            &["Børn og Familie", "Myndighed"],
            "Socialrådgiver",
            &["dansk"],
            true,
        );
        let b = person(
            &["Børn og Familie", "SSP"],
            "SSP-konsulent",
            &["dansk", "arabisk"],
            false,
        );
        let facets = Facets::count([(&a, 4), (&b, 2)].into_iter());
        assert_eq!(
            facets.departments[0],
            FacetCount {
                value: "Børn og Familie".into(),
                count: 2
            }
        );
        assert_eq!(facets.departments.len(), 3);
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
        assert_eq!(facets.can_mentor, 1);
    }
}
