//! Initiatives, networks and forums of the demo municipality: the ones a
//! Danish municipality really runs (SSP, a mentalization network, a
//! coordination group for young people with substance problems), with
//! members drawn from the units involved. Two of them overlap on purpose —
//! youth work on hash in two forvaltninger that do not know of each other —
//! since that is the duplication the map exists to reveal.

use chrono::{Months, NaiveDate};

use crate::bundle::types::Bundle;
use crate::store::{InitiativeInput, InitiativeKind, MemberInput, MemberRole};

struct DemoInitiative {
    kind: InitiativeKind,
    name: &'static str,
    purpose: &'static str,
    target_group: &'static str,
    units: &'static [&'static str],
    /// Months before today it started, and months of running (0: ongoing).
    started_months_ago: u32,
    runs_months: u32,
    members: usize,
}

const SSP: &str = "Børn og Familie / SSP og Forebyggelse";
const UNGEBEHANDLING: &str = "Social og Handicap / Rusmiddelcentret / Ungebehandling";
const UDSATTE_UNGE: &str = "Børn og Familie / Ungeenheden / Udsatte unge";
const EFTERVAERN: &str = "Børn og Familie / Ungeenheden / Efterværn";
const SUNDHEDSPLEJEN_NORD: &str = "Børn og Familie / Sundhedsplejen / Team Nord";
const SUNDHEDSPLEJEN_SYD: &str = "Børn og Familie / Sundhedsplejen / Team Syd";
const FAMILIEHUSET: &str = "Børn og Familie / Familiebehandling / Familiehuset";
const TIDLIG_INDSATS: &str = "Børn og Familie / Familiebehandling / Tidlig indsats 0-6 år";
const PPR_SKOLE: &str = "Dagtilbud og Uddannelse / PPR / Team Skole";
const PPR_DAGTILBUD: &str = "Dagtilbud og Uddannelse / PPR / Team Dagtilbud";
const UU: &str = "Dagtilbud og Uddannelse / UU";
const JOB_UNGE: &str = "Jobcenter / Ungeindsats";
const INTEGRATION: &str = "Jobcenter / Integration";
const FLEKSJOB: &str = "Jobcenter / Fleksjob og ressourceforløb";
const REHABILITERING: &str = "Sundhed og Omsorg / Træning og rehabilitering";
const SYGEPLEJEN: &str = "Sundhed og Omsorg / Hjemmeplejen / Sygeplejen";
const BOSTOETTEN: &str = "Social og Handicap / Socialpsykiatri / Bostøtten";
const KLUBBERNE: &str = "Kultur og Fritid / Ungdomsskolen og klubberne";
const DIGITALISERING: &str = "Økonomi, HR og Digitalisering / Digitalisering og IT";
const BORGERBETJENING: &str = "Borgerservice / Borgerbetjening";

const INITIATIVES: &[DemoInitiative] = &[
    DemoInitiative {
        kind: InitiativeKind::Samarbejdsforum,
        name: "SSP-samarbejdet",
        purpose: "Kriminalitetsforebyggelse gennem samarbejde mellem skole, socialforvaltning og politi. \
                  Lokalråd, fælles indsats ved uro i boligområder og opsøgende arbejde i weekenden.",
        target_group: "Børn og unge 10-17 år, især unge i risiko for kriminalitet",
        units: &[SSP, KLUBBERNE, UDSATTE_UNGE],
        started_months_ago: 96,
        runs_months: 0,
        members: 6,
    },
    DemoInitiative {
        kind: InitiativeKind::Projekt,
        name: "Hashfri udskoling",
        purpose: "Forebyggelse af hash og andre rusmidler i udskolingen: undervisning i 8.-9. klasse, \
                  forældremøder og tidlig opsporing af unge, der ryger hash.",
        target_group: "Unge i udskolingen og deres forældre",
        units: &[SSP, KLUBBERNE],
        started_months_ago: 8,
        runs_months: 24,
        members: 4,
    },
    DemoInitiative {
        kind: InitiativeKind::Indsats,
        name: "Tidlig rusmiddelindsats for unge",
        purpose: "Forebyggelse og tidlig indsats over for unge med et begyndende forbrug af hash og \
                  rusmidler: anonym rådgivning, samtaler med forældre og opsporing i skolen.",
        target_group: "Unge 13-18 år med et begyndende rusmiddelforbrug",
        units: &[UNGEBEHANDLING],
        started_months_ago: 5,
        runs_months: 24,
        members: 3,
    },
    DemoInitiative {
        kind: InitiativeKind::Koordinationsgruppe,
        name: "Koordinationsgruppen for unge i misbrug",
        purpose: "Koordinerer sager om unge med misbrug på tværs af myndighed, rusmiddelbehandling og \
                  jobcenter, så den unge har én plan.",
        target_group: "Unge 15-25 år i misbrugsbehandling",
        units: &[UNGEBEHANDLING, UDSATTE_UNGE, JOB_UNGE],
        started_months_ago: 30,
        runs_months: 0,
        members: 5,
    },
    DemoInitiative {
        kind: InitiativeKind::Netvaerk,
        name: "Mentaliseringsnetværket",
        purpose: "Faglig sparring og videndeling om mentalisering og mentaliseringsbaseret praksis. \
                  Mødes hver anden måned med casedrøftelser.",
        target_group: "Fagpersoner, der arbejder med børn, unge og familier",
        units: &[
            SUNDHEDSPLEJEN_NORD,
            SUNDHEDSPLEJEN_SYD,
            FAMILIEHUSET,
            PPR_DAGTILBUD,
        ],
        started_months_ago: 40,
        runs_months: 0,
        members: 7,
    },
    DemoInitiative {
        kind: InitiativeKind::Indsats,
        name: "Efterværn 18-23",
        purpose: "Efterværn og kontaktperson til unge, der har været anbragt, med fokus på bolig, \
                  uddannelse og job.",
        target_group: "Tidligere anbragte unge 18-23 år",
        units: &[EFTERVAERN, JOB_UNGE],
        started_months_ago: 50,
        runs_months: 0,
        members: 4,
    },
    DemoInitiative {
        kind: InitiativeKind::Projekt,
        name: "Tidlig opsporing i dagtilbud",
        purpose: "Sprogvurdering og tidlig opsporing af børn i mistrivsel i vuggestue og børnehave, \
                  med sparring fra PPR og sundhedsplejen.",
        target_group: "Børn 0-6 år i dagtilbud og deres forældre",
        units: &[PPR_DAGTILBUD, TIDLIG_INDSATS, SUNDHEDSPLEJEN_SYD],
        started_months_ago: 14,
        runs_months: 36,
        members: 4,
    },
    DemoInitiative {
        kind: InitiativeKind::Samarbejdsforum,
        name: "Uddannelsesforum for unge uden uddannelse",
        purpose: "Fælles overblik over unge uden uddannelse eller job og hurtig opfølgning på frafald \
                  fra ungdomsuddannelserne.",
        target_group: "Unge 15-24 år uden uddannelse eller job",
        units: &[UU, JOB_UNGE],
        started_months_ago: 60,
        runs_months: 0,
        members: 5,
    },
    DemoInitiative {
        kind: InitiativeKind::Netvaerk,
        name: "Sprog- og kulturnetværket",
        purpose: "Kolleger, der taler arabisk, somali, tigrinya, ukrainsk og andre sprog, hjælper hinanden \
                  med tolkning, kulturforståelse og oversatte pjecer.",
        target_group: "Borgere med anden etnisk baggrund end dansk",
        units: &[INTEGRATION, BORGERBETJENING],
        started_months_ago: 20,
        runs_months: 0,
        members: 5,
    },
    DemoInitiative {
        kind: InitiativeKind::Indsats,
        name: "Hverdagsrehabilitering i hjemmeplejen",
        purpose: "Rehabiliteringsforløb før hjemmehjælp, så ældre borgere bliver mest muligt selvhjulpne.",
        target_group: "Ældre borgere, der søger hjemmehjælp",
        units: &[REHABILITERING, SYGEPLEJEN],
        started_months_ago: 70,
        runs_months: 0,
        members: 4,
    },
    DemoInitiative {
        kind: InitiativeKind::Projekt,
        name: "Fleksjob i private virksomheder",
        purpose: "Flere fleksjob i private virksomheder gennem virksomhedskonsulenter og mentorordninger.",
        target_group: "Borgere visiteret til fleksjob",
        units: &[FLEKSJOB],
        started_months_ago: 36,
        runs_months: 24,
        members: 3,
    },
    DemoInitiative {
        kind: InitiativeKind::Koordinationsgruppe,
        name: "Recovery på tværs",
        purpose: "Recovery-orienteret samarbejde mellem bostøtte, rusmiddelbehandling og psykiatri om \
                  borgere med dobbeltdiagnoser.",
        target_group: "Voksne med psykisk sårbarhed og misbrug",
        units: &[BOSTOETTEN, UNGEBEHANDLING],
        started_months_ago: 18,
        runs_months: 0,
        members: 4,
    },
    DemoInitiative {
        kind: InitiativeKind::Netvaerk,
        name: "Netværk for skolepsykologer og læsevejledere",
        purpose: "Videndeling om ordblindhed, læsevanskeligheder og inklusion i skolen.",
        target_group: "Elever med læsevanskeligheder",
        units: &[PPR_SKOLE],
        started_months_ago: 28,
        runs_months: 0,
        members: 4,
    },
    DemoInitiative {
        kind: InitiativeKind::Projekt,
        name: "Digital post for alle",
        purpose: "Hjælp til borgere, der har svært ved Digital Post og MitID, med faste hjælpetider på \
                  bibliotekerne.",
        target_group: "Ældre og digitalt udsatte borgere",
        units: &[DIGITALISERING, BORGERBETJENING],
        started_months_ago: 26,
        runs_months: 18,
        members: 3,
    },
];

/// The demo's initiatives with members from `bundle`: for each, people of
/// the units involved in turn, the first as tovholder.
pub fn initiatives(bundle: &Bundle, today: NaiveDate) -> Vec<InitiativeInput> {
    INITIATIVES
        .iter()
        .enumerate()
        .map(|(number, demo)| {
            let start = today
                .checked_sub_months(Months::new(demo.started_months_ago))
                .unwrap_or(today);
            let end = (demo.runs_months > 0)
                .then(|| start.checked_add_months(Months::new(demo.runs_months)))
                .flatten();
            InitiativeInput {
                id: Some(format!("i-demo-{:02}", number + 1)),
                kind: demo.kind,
                name: demo.name.to_string(),
                purpose: Some(squeeze(demo.purpose)),
                target_group: Some(demo.target_group.to_string()),
                start_date: Some(start.to_string()),
                end_date: end.map(|e| e.to_string()),
                contact: None,
                units: demo
                    .units
                    .iter()
                    .filter(|u| has_unit(bundle, u))
                    .map(|u| u.to_string())
                    .collect(),
                members: members(bundle, demo.units, demo.members, number),
            }
        })
        .collect()
}

/// Up to `wanted` people, taken round-robin from the units, skipping a
/// few per initiative so that two initiatives of one unit differ.
fn members(bundle: &Bundle, units: &[&str], wanted: usize, number: usize) -> Vec<MemberInput> {
    let per_unit: Vec<Vec<&str>> = units
        .iter()
        .map(|unit| {
            bundle
                .people
                .iter()
                .filter(|p| p.department.as_deref() == Some(*unit))
                .map(|p| p.id.as_str())
                .collect()
        })
        .collect();
    let mut chosen: Vec<&str> = Vec::new();
    let mut round = 0;
    while chosen.len() < wanted && per_unit.iter().any(|people| round < people.len()) {
        for people in &per_unit {
            if people.is_empty() || chosen.len() >= wanted {
                continue;
            }
            let person = people[(round + number) % people.len()];
            if !chosen.contains(&person) {
                chosen.push(person);
            }
        }
        round += 1;
    }
    chosen
        .into_iter()
        .enumerate()
        .map(|(i, person)| MemberInput {
            person: person.to_string(),
            role: if i == 0 {
                MemberRole::Tovholder
            } else {
                MemberRole::Medlem
            },
        })
        .collect()
}

/// Units exist in the store only when someone works in them or under
/// them, which a small demo may not fill.
fn has_unit(bundle: &Bundle, unit: &str) -> bool {
    let under = format!("{unit} / ");
    bundle
        .people
        .iter()
        .filter_map(|p| p.department.as_deref())
        .any(|d| d == unit || d.starts_with(&under))
}

/// The texts are wrapped in the source; one space between words.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
