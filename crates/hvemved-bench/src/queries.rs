//! The query classes the benchmark times, drawn from the generated data so
//! that every query has something to find: a search box is mostly typed
//! into with words the directory contains, and the slow paths of search
//! (thesaurus expansion, compound parts, typo correction, filters) each get
//! a class of their own so a regression in one is not averaged away.

use hvemved_core::search::SearchFilters;
use hvemved_core::thesaurus::Thesaurus;
use serde::Serialize;

use crate::rng::Rng;
use crate::synthetic::Synthetic;
use crate::vocab::{COMPOUND_HEADS, COMPOUND_TAILS};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum QueryClass {
    OneTerm,
    ThreeTerm,
    Typo,
    EnglishThesaurus,
    CompoundPart,
    Filtered,
}

impl QueryClass {
    pub const ALL: [QueryClass; 6] = [
        QueryClass::OneTerm,
        QueryClass::ThreeTerm,
        QueryClass::Typo,
        QueryClass::EnglishThesaurus,
        QueryClass::CompoundPart,
        QueryClass::Filtered,
    ];

    pub fn name(self) -> &'static str {
        match self {
            QueryClass::OneTerm => "one-term",
            QueryClass::ThreeTerm => "three-term",
            QueryClass::Typo => "typo",
            QueryClass::EnglishThesaurus => "english-thesaurus",
            QueryClass::CompoundPart => "compound-part",
            QueryClass::Filtered => "filtered",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    pub text: String,
    pub filters: SearchFilters,
}

impl Query {
    fn plain(text: String) -> Query {
        Query {
            text,
            filters: SearchFilters::default(),
        }
    }
}

/// Shortest skill word used as a query: shorter ones are abbreviations or
/// function words ("lov", "for") that nobody searches for alone.
const MIN_WORD_CHARS: usize = 5;
/// A typo in a short word is a different word, not a typo.
const MIN_TYPO_CHARS: usize = 6;

pub fn generate(
    class: QueryClass,
    count: usize,
    seed: u64,
    synthetic: &Synthetic,
    thesaurus: &Thesaurus,
) -> Vec<Query> {
    let mut rng = Rng::new(seed ^ (class as u64 + 1).wrapping_mul(0xA24B_AED4_963E_E407));
    let draw = Draw { synthetic, thesaurus };
    (0..count).map(|_| draw.query(class, &mut rng)).collect()
}

struct Draw<'a> {
    synthetic: &'a Synthetic,
    thesaurus: &'a Thesaurus,
}

impl Draw<'_> {
    fn query(&self, class: QueryClass, rng: &mut Rng) -> Query {
        match class {
            QueryClass::OneTerm => Query::plain(self.skill_word(rng, MIN_WORD_CHARS)),
            QueryClass::ThreeTerm => {
                // Words that occur together in one person's evidence, as a
                // searcher describing a need would combine them.
                let person = rng.pick(&self.synthetic.bundle.people);
                let mut words: Vec<String> = person
                    .skills
                    .iter()
                    .filter_map(|s| content_words(&s.name, MIN_WORD_CHARS).into_iter().next())
                    .take(2)
                    .collect();
                while words.len() < 3 {
                    words.push(self.compound(rng));
                }
                Query::plain(words.join(" "))
            }
            QueryClass::Typo => Query::plain(typo(&self.skill_word(rng, MIN_TYPO_CHARS), rng)),
            QueryClass::EnglishThesaurus => Query::plain(self.english_label(rng)),
            QueryClass::CompoundPart => {
                let &(h, t) = rng.pick(&self.synthetic.compounds);
                let part = if rng.chance(0.5) {
                    COMPOUND_TAILS[t]
                } else {
                    COMPOUND_HEADS[h].0
                };
                Query::plain(part.to_string())
            }
            QueryClass::Filtered => {
                let text = self.skill_word(rng, MIN_WORD_CHARS);
                let person = rng.pick(&self.synthetic.bundle.people);
                let units: Vec<&str> = person
                    .department
                    .as_deref()
                    .unwrap_or_default()
                    .split(" / ")
                    .collect();
                let depth = 1 + rng.below(2);
                let department = Some(units[..depth.min(units.len())].join(" / "));
                let min_level = Some(2 + rng.below(3) as u8);
                let filters = match rng.below(3) {
                    0 => SearchFilters {
                        department,
                        ..Default::default()
                    },
                    1 => SearchFilters {
                        min_level,
                        ..Default::default()
                    },
                    _ => SearchFilters {
                        department,
                        min_level,
                        ..Default::default()
                    },
                };
                Query { text, filters }
            }
        }
    }

    /// A word of a skill someone in the directory has; drawing a person
    /// first makes common skills common queries.
    fn skill_word(&self, rng: &mut Rng, min_chars: usize) -> String {
        let people = &self.synthetic.bundle.people;
        for _ in 0..1000 {
            let person = rng.pick(people);
            let skill = rng.pick(&person.skills);
            let words = content_words(&skill.name, min_chars);
            if !words.is_empty() {
                return rng.pick(&words).clone();
            }
        }
        // Only reachable with a thesaurus of abbreviations alone.
        "forebyggelse".to_string()
    }

    fn english_label(&self, rng: &mut Rng) -> String {
        let people = &self.synthetic.bundle.people;
        for _ in 0..1000 {
            let person = rng.pick(people);
            let skill = rng.pick(&person.skills);
            if let Some(concept) = self.thesaurus.lookup(&skill.name).first() {
                if !concept.english.is_empty() {
                    return rng.pick(&concept.english).clone();
                }
            }
        }
        "aftercare".to_string()
    }

    fn compound(&self, rng: &mut Rng) -> String {
        let &(h, t) = rng.pick(&self.synthetic.compounds);
        let (stem, link) = COMPOUND_HEADS[h];
        format!("{stem}{link}{}", COMPOUND_TAILS[t])
    }
}

/// The lower-cased words of a label that are long enough to be searched for
/// on their own.
fn content_words(label: &str, min_chars: usize) -> Vec<String> {
    label
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= min_chars && !w.chars().any(|c| c.is_ascii_digit()))
        .map(str::to_lowercase)
        .collect()
}

/// One edit (substitution, deletion, insertion or swap of neighbours), never
/// at the first letter: people rarely get that wrong, and the typo lookup
/// relies on it.
pub fn typo(word: &str, rng: &mut Rng) -> String {
    const LETTERS: &[char] = &[
        'a', 'b', 'd', 'e', 'f', 'g', 'i', 'k', 'l', 'm', 'n', 'o', 'r', 's', 't', 'u', 'v', 'y', 'æ', 'ø',
        'å',
    ];
    let chars: Vec<char> = word.chars().collect();
    if chars.len() < 3 {
        return word.to_string();
    }
    loop {
        let mut out = chars.clone();
        let at = 1 + rng.below(chars.len() - 1);
        match rng.below(4) {
            0 => out[at] = *rng.pick(LETTERS),
            1 => {
                out.remove(at);
            }
            2 => out.insert(at, *rng.pick(LETTERS)),
            _ if at + 1 < out.len() => out.swap(at, at + 1),
            _ => out[at] = *rng.pick(LETTERS),
        }
        if out != chars {
            return out.into_iter().collect();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typo_is_one_edit_away_and_keeps_the_first_letter() {
        let mut rng = Rng::new(9);
        for _ in 0..200 {
            let t = typo("anbringelse", &mut rng);
            assert_ne!(t, "anbringelse");
            assert!(t.starts_with('a'));
            let diff = t.chars().count() as i64 - 11;
            assert!(diff.abs() <= 1);
        }
    }

    #[test]
    fn queries_are_deterministic_and_fit_their_class() {
        let thesaurus = Thesaurus::builtin();
        let synthetic = crate::synthetic::generate(200, 1, &thesaurus);
        for class in QueryClass::ALL {
            let a = generate(class, 50, 4, &synthetic, &thesaurus);
            assert_eq!(a, generate(class, 50, 4, &synthetic, &thesaurus));
            assert!(a.iter().all(|q| !q.text.trim().is_empty()));
            match class {
                QueryClass::ThreeTerm => {
                    assert!(a.iter().all(|q| q.text.split_whitespace().count() >= 3))
                }
                QueryClass::Filtered => assert!(a
                    .iter()
                    .all(|q| q.filters.department.is_some() || q.filters.min_level.is_some())),
                QueryClass::OneTerm | QueryClass::CompoundPart => {
                    assert!(a.iter().all(|q| !q.text.contains(' ')))
                }
                _ => {}
            }
        }
    }

    #[test]
    fn compound_parts_occur_inside_the_data() {
        let thesaurus = Thesaurus::builtin();
        let synthetic = crate::synthetic::generate(200, 1, &thesaurus);
        let bundle = &synthetic.bundle;
        let text: String = bundle
            .people
            .iter()
            .filter_map(|p| p.bio.as_deref())
            .chain(bundle.courses.iter().map(|c| c.title.as_str()))
            .chain(bundle.courses.iter().filter_map(|c| c.summary.as_deref()))
            .chain(bundle.courses.iter().filter_map(|c| c.key_takeaways.as_deref()))
            .collect::<Vec<_>>()
            .join(" ");
        for q in generate(QueryClass::CompoundPart, 50, 2, &synthetic, &thesaurus) {
            assert!(text.contains(&q.text), "{}", q.text);
        }
    }
}
