//! A synthetic municipality of any size, generated from a seed: people in a
//! three-level unit tree with professions, languages, three thesaurus skills
//! each and a bio, and one course report per five people. It exists so that
//! search can be timed at 100 000 people, far beyond the demo municipality,
//! on data that still looks like what Danish staff write.

use hvemved_core::bundle::{Bundle, BundleCourse, BundlePerson, BundleSkill};
use hvemved_core::thesaurus::{Concept, Thesaurus};

use crate::rng::Rng;
use crate::vocab::{
    BIO_SENTENCES, COMPOUND_HEADS, COMPOUND_TAILS, COURSE_KINDS, COURSE_PROVIDERS, COURSE_SENTENCES,
    COURSE_TITLES, FIRST_NAMES, LANGUAGES, LAST_NAMES, ORGANISATION, PLACES, PROFESSIONS, TAKEAWAYS, TEAMS,
};

const SKILLS_PER_PERSON: usize = 3;
const PEOPLE_PER_COURSE: usize = 5;
/// Declared skill levels 1–5 are rarely uniform: most people say 2–4.
const LEVEL_WEIGHTS: [u32; 5] = [10, 25, 35, 20, 10];

/// A generated directory and what the query generator needs to know about
/// its text.
pub struct Synthetic {
    pub bundle: Bundle,
    /// Every compound written into the data as indices into
    /// [`COMPOUND_HEADS`] and [`COMPOUND_TAILS`], once per use, so that
    /// drawing from it favours the compounds that are common.
    pub compounds: Vec<(usize, usize)>,
}

impl Synthetic {
    /// Evidence documents as the search index counts them: one per skill
    /// entry, bio, role and course report.
    pub fn evidence_documents(&self) -> usize {
        let own: usize = self
            .bundle
            .people
            .iter()
            .map(|p| {
                let role = p.title.is_some() || p.profession.is_some() || p.department.is_some();
                p.skills.len() + usize::from(p.bio.is_some()) + usize::from(role)
            })
            .sum();
        own + self.bundle.courses.len()
    }
}

pub fn generate(people: usize, seed: u64, thesaurus: &Thesaurus) -> Synthetic {
    let mut rng = Rng::new(seed);
    let mut concept_order: Vec<&Concept> = thesaurus.concepts().iter().collect();
    // The thesaurus file is ordered by category; shuffling before the skewed
    // draw spreads the common skills over every field.
    shuffle(&mut rng.fork(1), &mut concept_order);
    let mut writer = Writer {
        rng: rng.fork(2),
        compounds: Vec::new(),
    };
    let persons: Vec<BundlePerson> = (0..people).map(|i| writer.person(i, &concept_order)).collect();
    let mut course_rng = rng.fork(3);
    let courses: Vec<BundleCourse> = (0..people / PEOPLE_PER_COURSE)
        .map(|i| {
            let mut attendees = Vec::new();
            let wanted = 3 + course_rng.below(5);
            while attendees.len() < wanted.min(persons.len()) {
                let who = course_rng.below(persons.len());
                if !attendees.contains(&who) {
                    attendees.push(who);
                }
            }
            writer.course(i, &attendees, &persons)
        })
        .collect();
    Synthetic {
        bundle: Bundle::new(persons, courses),
        compounds: writer.compounds,
    }
}

fn shuffle<T>(rng: &mut Rng, items: &mut [T]) {
    for i in (1..items.len()).rev() {
        items.swap(i, rng.below(i + 1));
    }
}

struct Writer {
    rng: Rng,
    compounds: Vec<(usize, usize)>,
}

impl Writer {
    fn person(&mut self, i: usize, concepts: &[&Concept]) -> BundlePerson {
        let rng = &mut self.rng;
        let (forvaltning, afdelinger) = rng.pick(ORGANISATION);
        let department = format!("{forvaltning} / {} / {}", rng.pick(afdelinger), rng.pick(&TEAMS));
        let (profession, titles) = rng.pick(PROFESSIONS);
        let title = rng.pick(titles).to_string();
        let name = format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES));

        let mut chosen: Vec<usize> = Vec::new();
        while chosen.len() < SKILLS_PER_PERSON.min(concepts.len()) {
            let c = rng.skewed(concepts.len());
            if !chosen.contains(&c) {
                chosen.push(c);
            }
        }
        let skills: Vec<BundleSkill> = chosen
            .iter()
            .map(|&c| {
                let level = 1 + weighted(rng, &LEVEL_WEIGHTS) as u8;
                BundleSkill {
                    name: skill_label(rng, concepts[c]).to_string(),
                    level: Some(level),
                    can_mentor: level >= 4 && rng.chance(0.3),
                    ..BundleSkill::default()
                }
            })
            .collect();

        let mut languages = vec!["dansk".to_string()];
        if rng.chance(0.7) {
            languages.push("engelsk".into());
        }
        if rng.chance(0.15) {
            let other = rng.pick(&LANGUAGES[1..]).to_string();
            languages.push(other);
        }

        let sentences = 2 + self.rng.below(3);
        let bio = (0..sentences)
            .map(|_| {
                let template = *self.rng.pick(BIO_SENTENCES);
                let skill = &skills[self.rng.below(skills.len())].name;
                self.fill(template, skill)
            })
            .collect::<Vec<_>>()
            .join(" ");

        BundlePerson {
            id: format!("p{i:06}"),
            email: Some(format!("p{i:06}@kommune.example.dk")),
            phone: Some(format!("{}", 20_000_000 + i)),
            location: Some(self.rng.pick(PLACES).to_string()),
            name,
            title: Some(title),
            department: Some(department),
            profession: Some(profession.to_string()),
            bio: Some(bio),
            skills,
            languages,
            hidden_fields: Vec::new(),
        }
    }

    fn course(&mut self, i: usize, attendees: &[usize], people: &[BundlePerson]) -> BundleCourse {
        // A course is about a skill one of its attendees has, so a course
        // report is evidence that agrees with the rest of the directory.
        let first = &people[attendees[0]];
        let skill = first.skills[self.rng.below(first.skills.len())].name.clone();
        let template = *self.rng.pick(COURSE_TITLES);
        let title = self.fill(template, &skill);
        let summary = (0..2)
            .map(|_| {
                let template = *self.rng.pick(COURSE_SENTENCES);
                self.fill(template, &skill)
            })
            .collect::<Vec<_>>()
            .join(" ");
        let template = *self.rng.pick(TAKEAWAYS);
        let takeaways = self.fill(template, &skill);
        let date = format!(
            "{}-{:02}-{:02}",
            2019 + self.rng.below(7),
            1 + self.rng.below(12),
            1 + self.rng.below(28)
        );
        BundleCourse {
            id: format!("c{i:06}"),
            title,
            kind: Some(self.rng.pick(COURSE_KINDS).to_string()),
            provider: Some(self.rng.pick(COURSE_PROVIDERS).to_string()),
            date: Some(date),
            end_date: None,
            location: Some(self.rng.pick(PLACES).to_string()),
            attendees: attendees.iter().map(|&a| people[a].id.clone()).collect(),
            summary: Some(summary),
            key_takeaways: Some(takeaways),
            skills: vec![skill],
            hr_only: false,
        }
    }

    /// Fills a template's `{s}`, `{S}`, `{c}`, `{d}`, `{p}` and `{n}`.
    fn fill(&mut self, template: &str, skill: &str) -> String {
        let mut out = String::with_capacity(template.len() + 60);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let key = &rest[open + 1..open + 2];
            rest = &rest[open + 3..];
            match key {
                "s" => out.push_str(&in_sentence(skill)),
                "S" => out.push_str(skill),
                "c" | "d" => {
                    let compound = self.compound();
                    out.push_str(&compound);
                }
                "p" => {
                    let place = self.rng.pick::<&str>(PLACES);
                    out.push_str(place);
                }
                _ => out.push_str(&(2 + self.rng.below(20)).to_string()),
            }
        }
        out.push_str(rest);
        out
    }

    /// A compound glued from a head and a tail, sometimes in the definite
    /// form, as Danish writes it.
    fn compound(&mut self) -> String {
        let h = self.rng.skewed(COMPOUND_HEADS.len());
        let t = self.rng.skewed(COMPOUND_TAILS.len());
        self.compounds.push((h, t));
        let (stem, link) = COMPOUND_HEADS[h];
        let tail = COMPOUND_TAILS[t];
        let mut word = format!("{stem}{link}{tail}");
        if self.rng.chance(0.3) {
            word.push_str(if tail.ends_with('e') { "n" } else { "en" });
        }
        word
    }
}

/// Mostly the preferred term, sometimes a Danish synonym, as real skill
/// lists mix the two.
fn skill_label<'a>(rng: &mut Rng, concept: &'a Concept) -> &'a str {
    if !concept.alternatives.is_empty() && rng.chance(0.25) {
        rng.pick(&concept.alternatives).as_str()
    } else {
        &concept.preferred
    }
}

/// A skill name inside a sentence: lower-cased initial, unless the name is
/// an abbreviation or starts with one ("PMTO", "ICS-metoden").
fn in_sentence(name: &str) -> String {
    let mut chars = name.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => {
            first.to_lowercase().chain(name.chars().skip(1)).collect()
        }
        _ => name.to_string(),
    }
}

fn weighted(rng: &mut Rng, weights: &[u32]) -> usize {
    let total: u32 = weights.iter().sum();
    let mut draw = rng.below(total as usize) as u32;
    for (i, w) in weights.iter().enumerate() {
        if draw < *w {
            return i;
        }
        draw -= w;
    }
    weights.len() - 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_directory() {
        let thesaurus = Thesaurus::builtin();
        let a = generate(300, 11, &thesaurus);
        let b = generate(300, 11, &thesaurus);
        assert_eq!(a.bundle, b.bundle);
        assert_eq!(a.compounds, b.compounds);
        assert_ne!(a.bundle, generate(300, 12, &thesaurus).bundle);
    }

    #[test]
    fn about_five_evidence_documents_per_person() {
        let synthetic = generate(1000, 3, &Thesaurus::builtin());
        assert_eq!(synthetic.bundle.people.len(), 1000);
        assert_eq!(synthetic.bundle.courses.len(), 200);
        let per_person = synthetic.evidence_documents() as f64 / 1000.0;
        assert!((5.0..=5.5).contains(&per_person), "{per_person}");
    }

    #[test]
    fn the_bundle_is_valid_and_imports() {
        let synthetic = generate(300, 5, &Thesaurus::builtin());
        // Round-tripping through the bundle parser applies every rule an
        // import from a file would, not only those the store enforces.
        let json = serde_json::to_vec(&synthetic.bundle).unwrap();
        let parsed = hvemved_core::bundle::parse_bundle(&json, &|_| false).unwrap();
        assert_eq!(parsed.people.len(), 300);

        let dir = std::env::temp_dir().join(format!("hvemved-bench-synthetic-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let mut directory = hvemved_core::api::Directory::open(&dir).unwrap();
        let report = directory.import_records(&synthetic.bundle).unwrap();
        assert_eq!(report.people_created, 300);
        assert_eq!(report.courses_created, 60);
        let stats = directory.stats().unwrap();
        // 8 forvaltninger, 40 afdelinger and at most 120 teams.
        assert!((100..=168).contains(&stats.units), "{}", stats.units);
        drop(directory);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn sentences_keep_abbreviations_and_lower_case_words() {
        assert_eq!(in_sentence("Efterværn"), "efterværn");
        assert_eq!(in_sentence("PMTO"), "PMTO");
        assert_eq!(in_sentence("ICS-metoden"), "ICS-metoden");
    }
}
