//! Turns course topics into dated course records with attendees.
//!
//! Who went on a course is what makes the directory useful ("who was at the
//! efterværn conference?"), so attendees are picked among people whose skills
//! or unit match the topic, and the summary names one of them as the person
//! to ask.

use std::collections::BTreeSet;

use super::dates;
use super::rng::Rng;
use super::topics::{Kind, Topic, PROVIDERS, TOPICS};
use crate::bundle::types::{BundleCourse, BundlePerson};

/// Course dates fall in this window (inclusive), per the demo brief.
const FIRST_DAY: (i64, u32, u32) = (2022, 1, 1);
const LAST_DAY: (i64, u32, u32) = (2026, 10, 31);

const OPENERS_KONFERENCE: &[&str] = &[
    "Konferencen samlede fagfolk fra hele landet.",
    "Stor konference med mange workshops at vælge imellem.",
    "Et godt program med både forskere, praktikere og borgere på scenen.",
];
const OPENERS_TEMADAG: &[&str] = &[
    "En intens dag med en blanding af oplæg og gruppearbejde.",
    "Temadagen samlede kolleger fra flere forvaltninger.",
    "En god dag, hvor der var tid til at dele erfaringer på tværs.",
];
const OPENERS_KURSUS: &[&str] = &[
    "Kurset var meget praktisk med mange øvelser.",
    "Et kort og konkret kursus med en dygtig underviser.",
    "Kurset vekslede mellem korte oplæg og træning i små grupper.",
];
const OPENERS_UDDANNELSE: &[&str] = &[
    "Modulet strakte sig over flere måneder med undervisningsdage, litteratur og en afsluttende opgave.",
    "Uddannelsen kombinerede teori med træning i egen praksis.",
    "Forløbet sluttede med en eksamen, hvor teorien skulle bruges på en sag fra egen praksis.",
];

/// `{}` is replaced by an attendee's first name.
const CLOSERS: &[&str] = &[
    "Slides og materialer ligger på fællesdrevet.",
    "Spørg {}, hvis du vil høre mere.",
    "{} fortæller gerne om det på et teammøde.",
    "Noterne er delt i teamets kanal på Teams – ellers spørg {}.",
    "{} har materialet og låner det gerne ud.",
];

pub fn generate_courses(rng: &mut Rng, count: usize, people: &[BundlePerson]) -> Vec<BundleCourse> {
    let first = dates::days_from_civil(FIRST_DAY.0, FIRST_DAY.1, FIRST_DAY.2);
    let last = dates::days_from_civil(LAST_DAY.0, LAST_DAY.1, LAST_DAY.2);

    // Topics are dealt like cards, reshuffled each round, so all topics are
    // used before any repeats and a repeat tends to pick a different title.
    let mut deck: Vec<usize> = Vec::new();
    let mut uses = vec![0usize; TOPICS.len()];
    let title_offset: Vec<usize> = TOPICS.iter().map(|t| rng.below(t.titles.len())).collect();
    let mut out = Vec::with_capacity(count);

    for _ in 0..count {
        if deck.is_empty() {
            deck = (0..TOPICS.len()).collect();
            rng.shuffle(&mut deck);
        }
        let ti = deck.pop().unwrap_or(0);
        let topic = &TOPICS[ti];
        let (kind, base_title) = topic.titles[(title_offset[ti] + uses[ti]) % topic.titles.len()];
        uses[ti] += 1;

        let (start, end) = schedule(rng, kind, first, last);

        let provider = rng.pick(topic.providers);
        let location = venue(rng, provider, kind);
        let attendees = pick_attendees(rng, topic, kind, people);
        let first_names: Vec<&str> = attendees
            .iter()
            .filter_map(|&i| people[i].name.split(' ').next())
            .collect();

        let summary = summary(rng, topic, kind, base_title, &first_names);
        let takeaways = {
            let k = rng.range(2, topic.takeaways.len().min(4) as i64) as usize;
            let mut idx: Vec<usize> = rng.sample(&(0..topic.takeaways.len()).collect::<Vec<_>>(), k);
            idx.sort_unstable();
            idx.iter()
                .map(|&i| topic.takeaways[i])
                .collect::<Vec<_>>()
                .join("\n")
        };

        out.push((
            start,
            kind,
            BundleCourse {
                id: String::new(),
                title: base_title.to_string(),
                kind: Some(kind.as_str().to_string()),
                provider: Some(provider.to_string()),
                date: Some(dates::iso(start)),
                end_date: (end != start).then(|| dates::iso(end)),
                location: Some(location.to_string()),
                attendees: attendees.iter().map(|&i| people[i].id.clone()).collect(),
                summary: Some(summary),
                key_takeaways: Some(takeaways),
                skills: topic.skills.iter().map(|s| s.to_string()).collect(),
                hr_only: false,
            },
        ));
    }

    // Chronological ids read naturally in the app's course list, and in
    // date order the first run of a course keeps the plain title.
    out.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.2.title.cmp(&b.2.title)));
    let mut used_titles = BTreeSet::new();
    out.into_iter()
        .enumerate()
        .map(|(i, (start, kind, mut c))| {
            let (year, month, _) = dates::civil_from_days(start);
            c.title = unique_title(&c.title, kind, (year, month), &mut used_titles);
            c.id = format!("c-{:04}", i + 1);
            c
        })
        .collect()
}

/// Start and end day for a course of `kind`, both weekdays inside the window.
fn schedule(rng: &mut Rng, kind: Kind, first: i64, last: i64) -> (i64, i64) {
    let extra_days = match kind {
        Kind::Temadag => 0,
        Kind::Kursus => rng.pick(&[0, 0, 0, 1, 2]),
        Kind::Konference => rng.pick(&[0, 1, 1, 1, 2]),
        Kind::Uddannelse => rng.range(30, 80),
    };
    // Leave room for the course plus weekend slack before the last day.
    let latest = last - extra_days * 7 / 5 - 4;
    loop {
        let mut start = dates::next_weekday(rng.range(first, latest.max(first)));
        // Short courses and conferences run within one working week.
        if kind != Kind::Uddannelse {
            while dates::weekday(start) + extra_days > 4 {
                start -= 1;
            }
        }
        let end = dates::add_weekdays(start, extra_days);
        // July is holiday season in Danish municipalities.
        let (_, month, day) = dates::civil_from_days(start);
        let christmas = (month == 12 && day >= 20) || (month == 1 && day <= 2);
        if end <= last && !christmas && (month != 7 || rng.chance(0.1)) {
            return (start, end);
        }
    }
}

fn unique_title(base: &str, kind: Kind, (year, month): (i64, u32), used: &mut BTreeSet<String>) -> String {
    if used.insert(base.to_string()) {
        return base.to_string();
    }
    // Conferences are annual and carry the year, theme days the season;
    // repeated courses are new "hold" (cohorts), which is how the
    // invitations would name them.
    let season = if month <= 6 { "forår" } else { "efterår" };
    let candidates = match kind {
        Kind::Konference => vec![format!("{base} {year}")],
        Kind::Temadag => vec![format!("{base} ({season} {year})")],
        _ => (2..10).map(|n| format!("{base} (hold {n})")).collect(),
    };
    for c in candidates
        .into_iter()
        .chain((2..).map(|n| format!("{base} ({year}, {n})")))
    {
        if used.insert(c.clone()) {
            return c;
        }
    }
    unreachable!("an unbounded counter always finds a free title")
}

fn venue(rng: &mut Rng, provider: &str, kind: Kind) -> &'static str {
    let places: Vec<&'static str> = PROVIDERS
        .iter()
        .find(|(p, _)| *p == provider)
        .map(|(_, places)| places.to_vec())
        .unwrap_or_default();
    // A conference is worth attending for the people you meet; only the
    // shorter formats are held online.
    let in_person: Vec<&'static str> = places.iter().copied().filter(|p| *p != "Online").collect();
    match (kind, in_person.is_empty(), places.is_empty()) {
        (_, _, true) => "Online",
        (Kind::Konference, false, _) => rng.pick(&in_person),
        _ => rng.pick(&places),
    }
}

/// Indices into `people`, best matches first, with some randomness so the
/// same experts do not attend everything.
fn pick_attendees(rng: &mut Rng, topic: &Topic, kind: Kind, people: &[BundlePerson]) -> Vec<usize> {
    if people.is_empty() {
        return Vec::new();
    }
    let wanted = match kind {
        Kind::Temadag => rng.pick(&[1, 2, 2, 3, 3, 4, 5, 6, 8]),
        Kind::Kursus => rng.pick(&[1, 1, 2, 2, 3, 4, 5]),
        Kind::Konference => rng.pick(&[1, 1, 2, 2, 3, 4]),
        Kind::Uddannelse => rng.pick(&[1, 1, 1, 2]),
    };
    let mut scored: Vec<(f64, usize)> = people
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let skill_hits = p
                .skills
                .iter()
                .filter(|s| topic.skills.contains(&s.name.as_str()))
                .count() as f64;
            let dept = p.department.as_deref().unwrap_or("");
            let unit_hit = topic.units.iter().any(|u| dept.contains(u));
            let score = 3.0 * skill_hits + if unit_hit { 2.0 } else { 0.0 };
            (score, i)
        })
        .filter(|(score, _)| *score > 0.0)
        .map(|(score, i)| (score + 2.5 * rng.unit(), i))
        .collect();
    if scored.is_empty() {
        return vec![rng.below(people.len())];
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut picked: Vec<usize> = scored.iter().take(wanted).map(|&(_, i)| i).collect();
    picked.sort_unstable();
    picked
}

fn summary(rng: &mut Rng, topic: &Topic, kind: Kind, title: &str, names: &[&str]) -> String {
    let mut parts: Vec<String> = Vec::new();
    if rng.chance(0.45) {
        let openers = match kind {
            Kind::Konference => OPENERS_KONFERENCE,
            Kind::Temadag => OPENERS_TEMADAG,
            Kind::Kursus => OPENERS_KURSUS,
            Kind::Uddannelse => OPENERS_UDDANNELSE,
        };
        parts.push(rng.pick(openers).to_string());
    }
    let n_learned = if topic.learned.len() > 1 && rng.chance(0.5) {
        2
    } else {
        1
    };
    let mut learned: Vec<usize> = rng.sample(&(0..topic.learned.len()).collect::<Vec<_>>(), n_learned);
    learned.sort_unstable();
    parts.extend(
        learned
            .iter()
            .map(|&i| fit_to_kind(topic.learned[i], kind, title)),
    );
    if parts.len() < 2 || rng.chance(0.7) {
        parts.push(fit_to_kind(rng.pick(topic.use_for), kind, title));
    }
    if rng.chance(0.6) {
        let closer = rng.pick(CLOSERS);
        if !names.is_empty() {
            parts.push(closer.replace("{}", rng.pick(names)));
        } else if !closer.contains("{}") {
            parts.push(closer.to_string());
        }
    }
    parts.join(" ")
}

/// Topic sentences say "kurset", "dagen" or "konferencen" loosely; this makes
/// them name the event as what it actually was.
fn fit_to_kind(sentence: &str, kind: Kind, title: &str) -> String {
    const EVENT_WORDS: &[&str] = &[
        "konferencen",
        "uddannelsen",
        "temadagen",
        "årsmødet",
        "modulet",
        "kurset",
        "dagen",
    ];
    let lower_title = title.to_lowercase();
    let target = match kind {
        Kind::Konference if lower_title.contains("årsmøde") => "årsmødet",
        Kind::Konference => "konferencen",
        Kind::Temadag => "dagen",
        Kind::Kursus => "kurset",
        Kind::Uddannelse if lower_title.contains("modul") => "modulet",
        Kind::Uddannelse => "uddannelsen",
    };
    let mut out = String::with_capacity(sentence.len());
    let mut rest = sentence;
    'outer: while !rest.is_empty() {
        let at_word_start = !matches!(out.chars().next_back(), Some(c) if c.is_alphabetic());
        if at_word_start {
            for word in EVENT_WORDS {
                let Some(head) = rest.get(..word.len()) else {
                    continue;
                };
                let tail = &rest[word.len()..];
                let ends_word = !matches!(tail.chars().next(), Some(c) if c.is_alphabetic());
                if head.to_lowercase() == *word && ends_word {
                    if head.starts_with(|c: char| c.is_uppercase()) {
                        let mut chars = target.chars();
                        out.extend(chars.next().into_iter().flat_map(char::to_uppercase));
                        out.push_str(chars.as_str());
                    } else {
                        out.push_str(target);
                    }
                    rest = tail;
                    continue 'outer;
                }
            }
        }
        let c = rest.chars().next().unwrap_or(' ');
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}
