//! A seeded, deterministic demo directory for a fictional Danish municipality.
//!
//! An empty directory tells a new user nothing about what "Hvem ved?" is for.
//! This module builds Sølvsted Kommune: some 300 employees across the usual
//! forvaltninger – Myndighed, Sundhedsplejen, PPR, Jobcentret, Rusmiddelcentret
//! and the rest – with skills, bios and languages that a social worker or
//! health visitor would recognise, plus the courses and conferences they have
//! attended. It doubles as a realistic fixture for search and import tests.
//! Everything is fictional, and the same seed always gives a byte-identical
//! bundle so tests and screenshots stay stable.

mod bios;
mod courses;
mod dates;
mod initiatives;
mod knowledge_owners;
mod names;
mod org;
mod people;
mod rng;
mod roles;
mod share_back;
mod skills;
mod topics;

use crate::bundle::types::Bundle;

pub use initiatives::initiatives;
pub use knowledge_owners::knowledge_owners;
pub use share_back::share_backs;

pub const DEFAULT_SEED: u64 = 0x5017_5ED0_2024_0001;
pub const DEFAULT_PEOPLE: usize = 300;
pub const DEFAULT_COURSES: usize = 120;
pub const DEMO_MUNICIPALITY: &str = "Sølvsted Kommune";

/// The town name used in bios ("Før jeg kom til Sølvsted …").
const TOWN: &str = "Sølvsted";
/// The municipality's mail domain, ASCII-folded as Danish municipalities do.
const MAIL_DOMAIN: &str = "soelvsted.dk";

/// Builds a demo bundle with `people` employees and `courses` courses.
///
/// Courses are only given attendees when there are people to attend them.
pub fn generate(seed: u64, people: usize, courses: usize) -> Bundle {
    let mut root = rng::Rng::new(seed);
    // Separate streams keep the people stable when only the course count
    // changes.
    let mut people_rng = root.fork(1);
    let mut course_rng = root.fork(2);
    let staff = people::generate_people(&mut people_rng, people, TOWN, MAIL_DOMAIN);
    let course_list = courses::generate_courses(&mut course_rng, courses, &staff);
    Bundle::new(staff, course_list)
}

/// How many days ago the demo's skill entry `row` was last changed: most
/// within the last year, about a third older than the competence map's 18
/// months, a few in the last weeks. Deterministic, like the rest of the demo.
pub fn skill_entry_age(row: i64) -> i64 {
    const OLDEST_DAYS: f64 = 1_000.0;
    let spread = (row.unsigned_abs().wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) % 1_000;
    let share = spread as f64 / 1_000.0;
    (OLDEST_DAYS * share.powf(1.6)) as i64
}

/// The bundle shown on first start: default seed and sizes.
pub fn demo_bundle() -> Bundle {
    generate(DEFAULT_SEED, DEFAULT_PEOPLE, DEFAULT_COURSES)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::bundle::types::{BUNDLE_FORMAT, BUNDLE_VERSION};

    fn skill_pool() -> BTreeSet<&'static str> {
        skills::SKILLS.iter().map(|s| s.name).collect()
    }

    /// Every check a valid demo bundle must pass, for any seed and size.
    fn assert_valid(b: &Bundle, people: usize, courses: usize) {
        assert_eq!(b.format, BUNDLE_FORMAT);
        assert_eq!(b.version, BUNDLE_VERSION);
        assert_eq!(b.people.len(), people);
        assert_eq!(b.courses.len(), courses);
        let pool = skill_pool();

        let mut ids = BTreeSet::new();
        let mut emails = BTreeSet::new();
        for (i, p) in b.people.iter().enumerate() {
            assert_eq!(p.id, format!("p-{:04}", i + 1));
            assert!(ids.insert(p.id.as_str()), "duplicate id {}", p.id);
            assert!(!p.name.trim().is_empty());
            let email = p.email.as_deref().expect("email");
            assert!(email.is_ascii() && email.ends_with("@soelvsted.dk"), "{email}");
            assert!(emails.insert(email.to_string()), "duplicate email {email}");
            let phone = p.phone.as_deref().expect("phone");
            assert!(is_danish_phone(phone), "bad phone {phone}");
            let dept = p.department.as_deref().expect("department");
            let levels = dept.split(" / ").count();
            assert!((2..=3).contains(&levels), "unit path {dept}");
            assert!(dept.split(" / ").all(|part| !part.trim().is_empty()));
            assert!(p.title.as_deref().is_some_and(|t| !t.is_empty()));
            assert!(p.profession.as_deref().is_some_and(|t| !t.is_empty()));
            assert!(
                (2..=8).contains(&p.skills.len()),
                "{} has {} skills",
                p.name,
                p.skills.len()
            );
            let mut names = BTreeSet::new();
            for s in &p.skills {
                assert!(pool.contains(s.name.as_str()), "unknown skill {}", s.name);
                assert!(names.insert(s.name.as_str()), "{} lists {} twice", p.name, s.name);
                let level = s.level.expect("level");
                assert!((1..=5).contains(&level));
                assert!(!(s.can_mentor && s.wants_to_learn));
                if s.wants_to_learn {
                    assert!(level <= 2, "wants to learn at level {level}");
                }
            }
            assert_eq!(p.languages.first().map(String::as_str), Some("dansk"));
            if let Some(bio) = &p.bio {
                let sentences = sentence_count(bio);
                assert!((1..=3).contains(&sentences), "bio too long: {bio}");
            }
        }

        let first = dates::parse_iso("2022-01-01").unwrap();
        let last = dates::parse_iso("2026-10-31").unwrap();
        let mut course_ids = BTreeSet::new();
        for (i, c) in b.courses.iter().enumerate() {
            assert_eq!(c.id, format!("c-{:04}", i + 1));
            assert!(course_ids.insert(c.id.as_str()));
            assert!(!c.title.trim().is_empty());
            let kind = c.kind.as_deref().expect("kind");
            assert!(["kursus", "konference", "temadag", "uddannelse"].contains(&kind));
            let start = dates::parse_iso(c.date.as_deref().expect("date")).expect("valid date");
            assert!((first..=last).contains(&start), "{:?}", c.date);
            if let Some(end) = &c.end_date {
                let end = dates::parse_iso(end).expect("valid end date");
                assert!(end > start && end <= last);
            }
            if people > 0 {
                assert!(
                    (1..=8).contains(&c.attendees.len()),
                    "{} attendees",
                    c.attendees.len()
                );
            }
            let mut seen = BTreeSet::new();
            for a in &c.attendees {
                assert!(ids.contains(a.as_str()), "unknown attendee {a}");
                assert!(seen.insert(a), "attendee {a} listed twice");
            }
            assert!((1..=3).contains(&c.skills.len()));
            for s in &c.skills {
                assert!(pool.contains(s.as_str()), "course skill {s} not in pool");
            }
            let takeaways = c.key_takeaways.as_deref().expect("takeaways");
            let lines: Vec<&str> = takeaways.lines().collect();
            assert!((2..=4).contains(&lines.len()));
            assert!(lines.iter().all(|l| l.starts_with("- ")));
            let summary = c.summary.as_deref().expect("summary");
            assert!(!summary.contains('{'), "unfilled template: {summary}");
        }
    }

    /// Sentences end in ". " followed by a capital letter; "9. klasse" and
    /// "2. sal" do not end one.
    fn sentence_count(text: &str) -> usize {
        let chars: Vec<char> = text.chars().collect();
        1 + chars
            .windows(3)
            .filter(|w| matches!(w[0], '.' | '!' | '?') && w[1] == ' ' && w[2].is_uppercase())
            .count()
    }

    fn is_danish_phone(s: &str) -> bool {
        let parts: Vec<&str> = s.split(' ').collect();
        parts.len() == 5
            && parts[0] == "+45"
            && parts[1..]
                .iter()
                .all(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()))
    }

    #[test]
    fn same_seed_gives_identical_bundle() {
        let a = generate(42, 120, 40);
        let b = generate(42, 120, 40);
        assert_eq!(a, b);
        assert_eq!(
            serde_json::to_string(&a).unwrap(),
            serde_json::to_string(&b).unwrap()
        );
        assert_eq!(demo_bundle(), demo_bundle());
    }

    #[test]
    fn different_seed_gives_different_bundle() {
        assert_ne!(generate(1, 100, 30), generate(2, 100, 30));
    }

    #[test]
    fn default_bundle_has_default_counts() {
        let b = demo_bundle();
        assert_eq!(b.people.len(), DEFAULT_PEOPLE);
        assert_eq!(b.courses.len(), DEFAULT_COURSES);
    }

    #[test]
    fn default_bundle_is_valid() {
        assert_valid(&demo_bundle(), DEFAULT_PEOPLE, DEFAULT_COURSES);
    }

    #[test]
    fn bundles_are_valid_for_many_seeds_and_sizes() {
        for (seed, people, courses) in [(0, 0, 5), (1, 1, 3), (7, 10, 10), (99, 57, 200), (2024, 600, 150)] {
            assert_valid(&generate(seed, people, courses), people, courses);
        }
    }

    #[test]
    fn bundle_survives_a_json_round_trip() {
        let b = generate(5, 80, 20);
        let json = serde_json::to_string(&b).unwrap();
        let back: Bundle = serde_json::from_str(&json).unwrap();
        assert_eq!(b, back);
    }

    #[test]
    fn covers_the_municipality() {
        let b = demo_bundle();
        let forvaltninger: BTreeSet<&str> = b
            .people
            .iter()
            .filter_map(|p| p.department.as_deref())
            .map(org::forvaltning)
            .collect();
        for f in [
            "Børn og Familie",
            "Dagtilbud og Uddannelse",
            "Jobcenter",
            "Sundhed og Omsorg",
            "Social og Handicap",
            "Kultur og Fritid",
            "Borgerservice",
            "Økonomi, HR og Digitalisering",
        ] {
            assert!(forvaltninger.contains(f), "no one in {f}");
        }
        let units: BTreeSet<&str> = b.people.iter().filter_map(|p| p.department.as_deref()).collect();
        for fragment in [
            "/ Myndighed /",
            "/ Familiebehandling /",
            "/ Ungeenheden /",
            "/ Sundhedsplejen /",
            "/ PPR /",
            "/ UU",
            "/ Skoler /",
            "/ Dagtilbud /",
            "/ Ungeindsats",
            "/ Virksomhedsservice",
            "/ Sygedagpenge /",
            "/ Hjemmeplejen /",
            "/ Træning og rehabilitering",
            "/ Forebyggelse /",
            "/ Socialpsykiatri /",
            "/ Rusmiddelcentret /",
            "/ Handicap /",
            "SSP",
        ] {
            assert!(
                units.iter().any(|u| u.contains(fragment)),
                "no unit matching {fragment}"
            );
        }
        let professions: BTreeSet<&str> = b.people.iter().filter_map(|p| p.profession.as_deref()).collect();
        assert!(professions.len() >= 20, "only {} professions", professions.len());
        for p in [
            "socialrådgiver",
            "sundhedsplejerske",
            "psykolog",
            "SSP-konsulent",
            "misbrugsbehandler",
            "uddannelsesvejleder",
            "jobkonsulent",
            "pædagog",
            "lærer",
            "ergoterapeut",
            "fysioterapeut",
            "sygeplejerske",
            "social- og sundhedsassistent",
            "HR-konsulent",
            "jurist",
            "økonom",
            "kontorfuldmægtig",
            "specialkonsulent",
            "leder",
            "familiebehandler",
            "talehørepædagog",
        ] {
            assert!(professions.contains(p), "no {p}");
        }
    }

    #[test]
    fn people_look_like_a_real_workplace() {
        let b = demo_bundle();
        let n = b.people.len();
        let skills: Vec<_> = b.people.iter().flat_map(|p| &p.skills).collect();
        let mentors = skills.iter().filter(|s| s.can_mentor).count();
        let mentors_high = skills
            .iter()
            .filter(|s| s.can_mentor && s.level >= Some(4))
            .count();
        let learners = skills.iter().filter(|s| s.wants_to_learn).count();
        assert!(mentors >= n / 10 && mentors_high * 10 >= mentors * 8);
        assert!(learners >= n / 10);
        let bios = b.people.iter().filter(|p| p.bio.is_some()).count();
        assert!(bios > n * 3 / 4 && bios < n);
        let distinct_bios: BTreeSet<_> = b.people.iter().filter_map(|p| p.bio.as_deref()).collect();
        assert!(distinct_bios.len() * 10 >= bios * 9, "bios repeat too much");
        let languages: BTreeSet<&str> = b
            .people
            .iter()
            .flat_map(|p| &p.languages)
            .map(String::as_str)
            .collect();
        for l in ["dansk", "engelsk", "tysk", "arabisk", "tyrkisk"] {
            assert!(languages.contains(l), "nobody speaks {l}");
        }
        let names: BTreeSet<&str> = b.people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names.len(), n, "names should be unique in the default bundle");
    }

    #[test]
    fn skill_pool_is_large_and_every_table_refers_to_it() {
        let pool = skill_pool();
        assert!(pool.len() >= 120, "pool has {}", pool.len());
        assert_eq!(pool.len(), skills::SKILLS.len(), "duplicate skill names");
        for s in skills::SKILLS {
            // Bios join phrases with commas and "og"; a comma inside a phrase
            // would make those sentences unreadable.
            assert!(!s.phrase.contains(','), "comma in phrase {}", s.phrase);
        }
        for name in skills::GENERAL {
            assert!(pool.contains(name), "general skill {name}");
        }
        for role in org::all_roles() {
            for name in role.core.iter().chain(role.extra) {
                assert!(pool.contains(name), "role skill {name}");
            }
        }
        for t in topics::TOPICS {
            for name in t.skills {
                assert!(pool.contains(name), "topic skill {name}");
            }
            for p in t.providers {
                assert!(topics::PROVIDERS.iter().any(|(q, _)| q == p), "provider {p}");
            }
        }
    }

    #[test]
    fn courses_go_to_people_who_fit() {
        let b = demo_bundle();
        let by_id: std::collections::BTreeMap<&str, _> =
            b.people.iter().map(|p| (p.id.as_str(), p)).collect();
        let mut fitting = 0;
        let mut total = 0;
        for c in &b.courses {
            for a in &c.attendees {
                total += 1;
                let p = by_id[a.as_str()];
                if p.skills.iter().any(|s| c.skills.contains(&s.name)) {
                    fitting += 1;
                }
            }
        }
        assert!(
            fitting * 10 >= total * 6,
            "{fitting} of {total} attendees share a skill"
        );
    }

    #[test]
    fn ascii_folding_of_danish_letters() {
        assert_eq!(names::ascii_fold("Søren Ærø-Åberg"), "soeren-aeroe-aaberg");
        assert_eq!(names::ascii_fold("Yılmaz Çelik"), "yilmaz-celik");
        assert_eq!(names::ascii_fold("Wiśniewska"), "wisniewska");
    }

    #[test]
    fn allocation_hits_the_total() {
        for total in [0, 1, 7, 300, 1001] {
            let q = people::allocate(total, &[13, 9, 6, 1, 0]);
            assert_eq!(q.iter().sum::<usize>(), total);
            assert_eq!(q[4], 0);
        }
    }
}
