//! Short first-person bios for the demo staff.
//!
//! Bios are what make a directory entry feel like a colleague rather than a
//! database row, and they are also what the search engine has to cope with:
//! inflected forms and compounds ("efterværnet", "rusmiddelforebyggende
//! arbejde") instead of the bare skill labels. Several sentence families are
//! mixed so that no two neighbours in the list read alike.

use super::org::{Role, Unit};
use super::rng::Rng;
use super::roles::LEADER;
use super::skills::phrase;
use crate::bundle::types::BundleSkill;

pub struct BioInput<'a> {
    /// The professional role; for a leader, the role they lead, because
    /// leaders in Danish municipalities come up through the profession.
    pub role: &'a Role,
    pub unit: &'a Unit,
    pub title: &'a str,
    pub is_leader: bool,
    pub years: u32,
    pub skills: &'a [BundleSkill],
    /// A language from the person's background, if they speak it.
    pub heritage_language: Option<&'a str>,
    pub town: &'a str,
}

const ASK_ONE: &[&str] = &[
    "Spørg mig om {a}.",
    "Du er altid velkommen til at spørge mig om {a}.",
    "Ring til mig, hvis du har spørgsmål om {a}.",
    "Jeg er god at spørge, når det handler om {a}.",
    "Har du en sag, der handler om {a}, så tag endelig fat i mig.",
    "Spørg mig gerne om {a} – jeg har prøvet det meste.",
];
const ASK_TWO: &[&str] = &[
    "Spørg mig om {a}, men også gerne om {b}.",
    "Jeg ved en del om {a} og om {b}.",
    "Jeg har særligt styr på {a}, men ved også noget om {b}.",
    "Du kan bruge mig til sparring om {a} – og om {b}.",
];
const EXPERIENCE: &[&str] = &[
    "Jeg har arbejdet med {a} i {n} år.",
    "Jeg har {n} års erfaring som {p}, blandt andet {prior}.",
    "Før jeg kom til {town}, arbejdede jeg {prior}.",
    "Jeg har været i kommunen i {n} år og kender de fleste samarbejdspartnere i byen.",
];
const NEWCOMER: &[&str] = &[
    "Jeg er ny i {town} Kommune og glad for at lære af erfarne kolleger.",
    "Jeg er forholdsvis ny som {p} og spørger hellere én gang for meget end én for lidt.",
    "Jeg startede her for nylig og kommer fra et job {prior}.",
];
const MENTOR: &[&str] = &[
    "Jeg tager gerne nye kolleger under vingerne, når det gælder {a}.",
    "Jeg giver gerne sparring om {a} – også til kolleger i andre afdelinger.",
    "Jeg er mentor for nye medarbejdere og kan især hjælpe med {a}.",
];
const LEARNING: &[&str] = &[
    "Lige nu er jeg ved at blive klogere på {a}, så del gerne dine erfaringer.",
    "Jeg vil gerne lære mere om {a} – kender du én, der kan det, så sig til.",
    "Næste skridt for mig er at blive skarpere på {a}.",
];
const LANGUAGE: &[&str] = &[
    "Jeg taler {l} og hjælper gerne med kulturforståelse – tolken bruger vi selvfølgelig stadig.",
    "Jeg taler også {l}.",
];
const CLOSERS: &[&str] = &[
    "Skriv til mig på Teams, så finder vi et tidspunkt.",
    "Min dør står åben – også for de skæve spørgsmål.",
    "Jeg deler gerne skabeloner og materialer.",
    "Jeg er altid frisk på en kop kaffe og en faglig snak.",
];

/// Danish style writes small numbers in words.
fn number(n: u32) -> String {
    const WORDS: [&str; 13] = [
        "nul", "et", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti", "elleve", "tolv",
    ];
    WORDS
        .get(n as usize)
        .map_or_else(|| n.to_string(), |w| w.to_string())
}

fn fill(template: &str, input: &BioInput, a: &str, b: &str, rng: &mut Rng) -> String {
    let mut s = template
        .replace("{a}", a)
        .replace("{b}", b)
        .replace("{n}", &number(input.years))
        .replace("{p}", input.role.profession)
        .replace("{town}", input.town);
    if s.contains("{prior}") {
        s = s.replace("{prior}", rng.pick(input.role.prior));
    }
    if let Some(l) = input.heritage_language {
        s = s.replace("{l}", l);
    }
    capitalise_first(&s)
}

fn capitalise_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A role's lines that do not contradict the person's title: a line saying
/// "Jeg er læsevejleder" only fits someone whose title is Læsevejleder.
fn lines_for_title(role: &Role, title: &str) -> Vec<&'static str> {
    let own = title.to_lowercase();
    role.lines
        .iter()
        .copied()
        .filter(|line| {
            let line = line.to_lowercase();
            role.titles.iter().all(|other| {
                let other = other.to_lowercase();
                own.contains(&other) || !line.contains(&other)
            })
        })
        .collect()
}

pub fn bio(rng: &mut Rng, input: &BioInput) -> Option<String> {
    if rng.chance(0.1) {
        return None;
    }
    let mut known: Vec<&BundleSkill> = input.skills.iter().filter(|s| !s.wants_to_learn).collect();
    // Colleagues ask a leader about the professional field, not about
    // sick-leave interviews, so a leader's own trade comes first.
    known.sort_by_key(|s| {
        let management = input.is_leader && LEADER.core.contains(&s.name.as_str());
        (management, std::cmp::Reverse(s.level.unwrap_or(0)))
    });
    let a = known.first().map(|s| phrase(&s.name)).unwrap_or_default();
    let b = known.get(1).map(|s| phrase(&s.name)).unwrap_or_default();
    // The experience sentence names a third skill so it does not repeat the
    // ones the "ask me" sentence already used.
    let c = known.get(2).map(|s| phrase(&s.name)).unwrap_or_else(|| b.clone());

    let ask = |rng: &mut Rng| {
        let t = if b.is_empty() || rng.chance(0.55) {
            rng.pick(ASK_ONE)
        } else {
            rng.pick(ASK_TWO)
        };
        fill(t, input, &a, &b, rng)
    };
    let experience = |rng: &mut Rng| {
        let t = if input.years <= 2 {
            rng.pick(NEWCOMER)
        } else {
            rng.pick(EXPERIENCE)
        };
        fill(t, input, &c, "", rng)
    };
    let role_line = |rng: &mut Rng| {
        if input.is_leader && rng.chance(0.5) {
            let unit = input.unit.path.rsplit(" / ").next().unwrap_or(input.unit.path);
            format!(
                "Jeg er leder af {unit} og har været det i {} år.",
                number(input.years.min(12) / 2 + 1)
            )
        } else if input.is_leader {
            rng.pick(LEADER.lines).to_string()
        } else {
            let fitting = lines_for_title(input.role, input.title);
            if fitting.is_empty() {
                ask(rng)
            } else {
                rng.pick(&fitting).to_string()
            }
        }
    };

    let mut sentences: Vec<String> = match rng.below(6) {
        0 => vec![ask(rng), experience(rng)],
        1 => vec![role_line(rng), ask(rng)],
        2 => vec![experience(rng), ask(rng)],
        3 => vec![ask(rng)],
        4 => vec![role_line(rng)],
        _ => vec![ask(rng), role_line(rng)],
    };

    // One of the personal touches, when the person has something to offer
    // or something they are working on.
    let mentor = known.iter().find(|s| s.can_mentor && phrase(&s.name) != a);
    let learning = input.skills.iter().find(|s| s.wants_to_learn);
    let roll = rng.unit();
    if let (Some(m), true) = (mentor, roll < 0.35) {
        sentences.push(fill(rng.pick(MENTOR), input, &phrase(&m.name), "", rng));
    } else if let (Some(l), true) = (learning, roll < 0.6) {
        sentences.push(fill(rng.pick(LEARNING), input, &phrase(&l.name), "", rng));
    } else if input.heritage_language.is_some() && roll < 0.75 {
        sentences.push(fill(rng.pick(LANGUAGE), input, "", "", rng));
    } else if sentences.len() < 2 && roll < 0.85 {
        sentences.push(rng.pick(CLOSERS).to_string());
    }

    sentences.dedup();
    sentences.truncate(3);
    Some(sentences.join(" "))
}
