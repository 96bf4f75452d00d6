//! "Findes der allerede en lignende indsats?": before a new initiative is
//! saved, the existing ones that look alike in purpose and target group.
//!
//! Each text becomes a weighted bag of its stemmed words and of the
//! thesaurus concepts it names, so "hash" and "cannabis", or "unge" and
//! "young people", meet; English words count in their Danish rendering.
//! Words are weighted by how rare they are in everything the directory
//! holds and among the initiatives (a word every text uses says nothing),
//! and two initiatives are compared by the cosine of their bags: purpose
//! (with the name) and target group separately, since the same target group
//! with another purpose is a neighbour, not a duplicate.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use tantivy::tokenizer::TextAnalyzer;

use crate::search::analyzer::{terms, terms_with_offsets};
use crate::search::expand::is_stop_word;
use crate::search::ConceptMatcher;
use crate::store::Initiative;

/// Below this an initiative is not shown as similar.
pub const SIMILAR_AT: f32 = 0.12;
const MAX_SHOWN: usize = 5;
const MAX_SHARED_WORDS: usize = 6;
/// Words of age bands ("unge 15-24 år"), common to most target groups.
const AGE_WORDS: &[&str] = &["år", "aar", "årige", "years", "year"];
/// The kinds themselves ("Netværk for …") say what an initiative is, not
/// what it is about.
const KIND_WORDS: &[&str] = &[
    "indsats",
    "netværk",
    "netvaerk",
    "projekt",
    "samarbejdsforum",
    "koordinationsgruppe",
];
/// Below this share of purpose in common, a shared target group alone
/// makes a neighbour, not a look-alike.
const MIN_PURPOSE: f32 = 0.1;
/// A concept named in both texts counts more than one shared word.
const CONCEPT_WEIGHT: f32 = 1.5;
const PURPOSE_SHARE: f32 = 0.65;

/// What is being written: only the texts matter, so the whole form can be sent.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct InitiativeDraft {
    /// The initiative being edited, which is not similar to itself.
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub purpose: Option<String>,
    #[serde(default)]
    pub target_group: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SimilarInitiative {
    pub initiative: Initiative,
    /// 0–1.
    pub score: f32,
    /// Words and concepts the two have in common, strongest first, as the
    /// existing initiative writes them.
    pub shared: Vec<String>,
}

/// A text as features (stemmed words and `§concept` ids) with counts, and
/// how each feature is written in the text.
#[derive(Default)]
struct Bag {
    counts: HashMap<String, f32>,
    written: HashMap<String, String>,
    /// A concept's one-word preferred label, whose rarity it takes.
    concept_terms: HashMap<String, String>,
}

impl Bag {
    fn of(text: &str, analyzer: &mut TextAnalyzer, concepts: &ConceptMatcher) -> Bag {
        let mut bag = Bag::default();
        bag.add_words(text, analyzer);
        let danish: Vec<String> = concepts
            .translate_english(text)
            .into_iter()
            .filter_map(|t| t.danish.into_iter().next())
            .collect();
        let danish = danish.join("\n");
        bag.add_words(&danish, analyzer);
        for concept in concepts
            .concepts_in(analyzer, text)
            .into_iter()
            .chain(concepts.concepts_in(analyzer, &danish))
        {
            let feature = format!("§{}", concept.id);
            if let [term] = terms(analyzer, &concept.preferred).as_slice() {
                bag.concept_terms.insert(feature.clone(), term.clone());
            }
            *bag.counts.entry(feature.clone()).or_default() += CONCEPT_WEIGHT;
            bag.written
                .entry(feature)
                .or_insert_with(|| concept.preferred.clone());
        }
        bag
    }

    /// Stemmed words, without stop words, numbers and single letters: an
    /// age band ("15-24 år") is no sign of the same work.
    fn add_words(&mut self, text: &str, analyzer: &mut TextAnalyzer) {
        for (term, from, to) in terms_with_offsets(analyzer, text) {
            let word = text[from..to].to_lowercase();
            if is_stop_word(&word)
                || AGE_WORDS.contains(&word.as_str())
                || KIND_WORDS.contains(&word.as_str())
                || term.chars().count() < 2
                || term.chars().all(|c| c.is_ascii_digit())
            {
                continue;
            }
            *self.counts.entry(term.clone()).or_default() += 1.0;
            self.written.entry(term).or_insert(word);
        }
    }

    fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }
}

struct Profile {
    purpose: Bag,
    target: Bag,
}

impl Profile {
    fn of(
        name: &str,
        purpose: Option<&str>,
        target: Option<&str>,
        analyzer: &mut TextAnalyzer,
        concepts: &ConceptMatcher,
    ) -> Profile {
        let purpose_text = format!("{name}\n{}", purpose.unwrap_or(""));
        Profile {
            purpose: Bag::of(&purpose_text, analyzer, concepts),
            target: Bag::of(target.unwrap_or(""), analyzer, concepts),
        }
    }
}

/// How often a stemmed word occurs in the directory's other texts (skills,
/// bios, course reports): the background that tells a rare, telling word
/// from an everyday one even when there are few initiatives.
pub struct Background<'a> {
    pub documents: u64,
    pub doc_freq: &'a dyn Fn(&str) -> u64,
}

impl Background<'_> {
    pub fn none() -> Background<'static> {
        Background {
            documents: 0,
            doc_freq: &|_| 0,
        }
    }
}

/// A concept counts as a word this rare in the background.
const CONCEPT_SHARE_OF_DOCUMENTS: f32 = 0.01;

/// Inverse document frequency over the background, the existing
/// initiatives and the draft.
struct Rarity {
    documents: f32,
    frequency: HashMap<String, f32>,
}

impl Rarity {
    fn new<'a>(bags: impl Iterator<Item = &'a Bag>, background: &Background) -> Rarity {
        let mut frequency: HashMap<String, f32> = HashMap::new();
        let mut documents = background.documents as f32;
        let mut concept_terms: HashMap<String, String> = HashMap::new();
        for bag in bags {
            documents += 1.0;
            for feature in bag.counts.keys() {
                *frequency.entry(feature.clone()).or_default() += 1.0;
            }
            concept_terms.extend(bag.concept_terms.iter().map(|(f, t)| (f.clone(), t.clone())));
        }
        for (feature, count) in frequency.iter_mut() {
            *count += match (feature.starts_with('§'), concept_terms.get(feature)) {
                (true, Some(term)) => (background.doc_freq)(term) as f32,
                (true, None) => background.documents as f32 * CONCEPT_SHARE_OF_DOCUMENTS,
                (false, _) => (background.doc_freq)(feature) as f32,
            };
        }
        Rarity { documents, frequency }
    }

    fn weight(&self, feature: &str) -> f32 {
        let df = self.frequency.get(feature).copied().unwrap_or(1.0).max(1.0);
        (1.0 + self.documents / df).ln()
    }
}

/// The cosine of two bags and the shared features with their share of it.
fn cosine(a: &Bag, b: &Bag, rarity: &Rarity) -> (f32, Vec<(String, f32)>) {
    let norm = |bag: &Bag| -> f32 {
        bag.counts
            .iter()
            .map(|(f, c)| (c * rarity.weight(f)).powi(2))
            .sum::<f32>()
            .sqrt()
    };
    let (na, nb) = (norm(a), norm(b));
    if na == 0.0 || nb == 0.0 {
        return (0.0, Vec::new());
    }
    let mut shared = Vec::new();
    let mut dot = 0.0;
    for (feature, ca) in &a.counts {
        if let Some(cb) = b.counts.get(feature) {
            let w = rarity.weight(feature).powi(2);
            let part = ca * cb * w / (na * nb);
            dot += part;
            shared.push((feature.clone(), part));
        }
    }
    (dot, shared)
}

pub fn find_similar(
    draft: &InitiativeDraft,
    existing: &[Initiative],
    analyzer: &mut TextAnalyzer,
    concepts: &ConceptMatcher,
    background: &Background,
) -> Vec<SimilarInitiative> {
    let own_id = draft.id.as_deref().map(str::trim).filter(|id| !id.is_empty());
    let others: Vec<&Initiative> = existing
        .iter()
        .filter(|i| Some(i.id.as_str()) != own_id)
        .collect();
    let mine = Profile::of(
        &draft.name,
        draft.purpose.as_deref(),
        draft.target_group.as_deref(),
        analyzer,
        concepts,
    );
    if mine.purpose.is_empty() && mine.target.is_empty() {
        return Vec::new();
    }
    let profiles: Vec<Profile> = others
        .iter()
        .map(|i| {
            Profile::of(
                &i.name,
                i.purpose.as_deref(),
                i.target_group.as_deref(),
                analyzer,
                concepts,
            )
        })
        .collect();
    let purpose_rarity = Rarity::new(
        profiles.iter().map(|p| &p.purpose).chain([&mine.purpose]),
        background,
    );
    let target_rarity = Rarity::new(
        profiles.iter().map(|p| &p.target).chain([&mine.target]),
        background,
    );

    let mut found: Vec<SimilarInitiative> = others
        .iter()
        .zip(&profiles)
        .filter_map(|(initiative, theirs)| {
            let (purpose, mut shared) = cosine(&mine.purpose, &theirs.purpose, &purpose_rarity);
            if purpose < MIN_PURPOSE {
                return None;
            }
            let score = if mine.target.is_empty() || theirs.target.is_empty() {
                purpose
            } else {
                let (target, target_shared) = cosine(&mine.target, &theirs.target, &target_rarity);
                shared.extend(
                    target_shared
                        .into_iter()
                        .map(|(f, s)| (f, s * (1.0 - PURPOSE_SHARE))),
                );
                PURPOSE_SHARE * purpose + (1.0 - PURPOSE_SHARE) * target
            };
            if score < SIMILAR_AT {
                return None;
            }
            shared.sort_by(|a, b| b.1.total_cmp(&a.1));
            let mut words: Vec<String> = Vec::new();
            for (feature, _) in shared {
                let written = theirs
                    .purpose
                    .written
                    .get(&feature)
                    .or_else(|| theirs.target.written.get(&feature))
                    .cloned()
                    .unwrap_or(feature);
                if !words.iter().any(|w| w.to_lowercase() == written.to_lowercase())
                    && words.len() < MAX_SHARED_WORDS
                {
                    words.push(written);
                }
            }
            Some(SimilarInitiative {
                initiative: (*initiative).clone(),
                score: score.min(1.0),
                shared: words,
            })
        })
        .collect();
    found.sort_by(|a, b| b.score.total_cmp(&a.score));
    found.truncate(MAX_SHOWN);
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::analyzer::danish_analyzer;
    use crate::store::InitiativeKind;
    use crate::thesaurus::Thesaurus;

    fn initiative(id: &str, name: &str, purpose: &str, target: &str) -> Initiative {
        Initiative {
            id: id.into(),
            kind: InitiativeKind::Projekt,
            kind_name: "projekt".into(),
            name: name.into(),
            purpose: Some(purpose.into()),
            target_group: Some(target.into()),
            start_date: None,
            end_date: None,
            contact: None,
            units: Vec::new(),
            members: Vec::new(),
            updated_at: String::new(),
            created_at: String::new(),
        }
    }

    fn existing() -> Vec<Initiative> {
        vec![
            initiative(
                "hash",
                "Hashfri udskoling",
                "Forebyggelse af hash og andre rusmidler i udskolingen med undervisning og forældremøder.",
                "Unge i udskolingen og deres forældre",
            ),
            initiative(
                "rehab",
                "Hverdagsrehabilitering",
                "Rehabiliteringsforløb før hjemmehjælp, så ældre borgere bliver selvhjulpne.",
                "Ældre borgere, der søger hjemmehjælp",
            ),
            initiative(
                "mental",
                "Mentaliseringsnetværket",
                "Faglig sparring og videndeling om mentalisering med casedrøftelser.",
                "Fagpersoner, der arbejder med børn, unge og familier",
            ),
            initiative(
                "uu",
                "Uddannelsesforum",
                "Overblik over unge uden uddannelse eller job og opfølgning på frafald.",
                "Unge 15-24 år uden uddannelse eller job",
            ),
        ]
    }

    fn similar(name: &str, purpose: &str, target: &str, id: Option<&str>) -> Vec<(String, f32, Vec<String>)> {
        let thesaurus = Thesaurus::builtin();
        let mut analyzer = danish_analyzer();
        let concepts = ConceptMatcher::new(&thesaurus, &mut analyzer);
        let draft = InitiativeDraft {
            id: id.map(str::to_string),
            name: name.into(),
            purpose: Some(purpose.into()).filter(|p: &String| !p.is_empty()),
            target_group: Some(target.into()).filter(|t: &String| !t.is_empty()),
        };
        find_similar(&draft, &existing(), &mut analyzer, &concepts, &Background::none())
            .into_iter()
            .map(|s| (s.initiative.id, s.score, s.shared))
            .collect()
    }

    fn ids(found: &[(String, f32, Vec<String>)]) -> Vec<&str> {
        found.iter().map(|(id, _, _)| id.as_str()).collect()
    }

    #[test]
    fn the_same_topic_in_other_words_is_found_with_the_words_in_common() {
        let found = similar(
            "Forebyggelse af cannabis blandt unge",
            "Vi vil forebygge, at unge begynder at ryge hash",
            "Elever i 8. og 9. klasse",
            None,
        );
        eprintln!("{found:?}");
        assert_eq!(ids(&found).first(), Some(&"hash"));
        assert!(found[0].2.iter().any(|w| w == "hash" || w == "forebyggelse"));
        assert!(!ids(&found).contains(&"rehab"));
    }

    #[test]
    fn english_descriptions_meet_danish_ones_through_the_thesaurus() {
        let found = similar(
            "Cannabis prevention",
            "substance abuse prevention for young people",
            "",
            None,
        );
        eprintln!("{found:?}");
        assert_eq!(ids(&found).first(), Some(&"hash"));
    }

    #[test]
    fn an_unrelated_initiative_finds_nothing_and_small_words_do_not_count() {
        let found = similar(
            "Madklub",
            "Fællesspisning og madlavning med frivillige på biblioteket",
            "Ensomme borgere over 75 år",
            None,
        );
        eprintln!("{found:?}");
        assert!(found.is_empty());
    }

    #[test]
    fn an_initiative_being_edited_is_not_similar_to_itself() {
        let found = similar(
            "Hashfri udskoling",
            "Forebyggelse af hash og andre rusmidler i udskolingen med undervisning og forældremøder.",
            "Unge i udskolingen og deres forældre",
            Some("hash"),
        );
        assert!(!ids(&found).contains(&"hash"));
        let found = similar(
            "Hashfri udskoling",
            "Forebyggelse af hash og andre rusmidler i udskolingen med undervisning og forældremøder.",
            "Unge i udskolingen og deres forældre",
            None,
        );
        assert_eq!(ids(&found), vec!["hash"]);
        assert!(found[0].1 > 0.9);
    }
}
