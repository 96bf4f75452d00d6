//! The organisation chart of the fictional municipality: its units and the
//! mix of roles in each.
//!
//! A realistic spread of units and roles is what makes the directory's unit
//! filter feel like a real town hall: a Myndighed team of social workers with
//! a secretary, a PPR team of psychologists and speech therapists, a home-care
//! district of assistants, helpers and nurses.

pub struct Role {
    pub profession: &'static str,
    pub titles: &'static [&'static str],
    /// The skills the job is about; experts hold these at level 4–5.
    pub core: &'static [&'static str],
    /// Skills some people in the role pick up alongside.
    pub extra: &'static [&'static str],
    pub female_pct: u32,
    /// Earlier jobs, phrased to follow "arbejdede jeg …".
    pub prior: &'static [&'static str],
    /// First-person sentences a person in the role might put in a bio.
    pub lines: &'static [&'static str],
}

pub struct Unit {
    pub path: &'static str,
    pub leader: &'static str,
    pub weight: u32,
    pub locations: &'static [&'static str],
    pub roles: &'static [(&'static Role, u32)],
}

use super::roles::*;

const RAADHUS_1: &str = "Rådhuset, 1. sal";
const RAADHUS_2: &str = "Rådhuset, 2. sal";
const RAADHUS_3: &str = "Rådhuset, 3. sal";
const JOBCENTRET: &str = "Jobcentret, Havnegade 8";
const JOBCENTRET_1: &str = "Jobcentret, Havnegade 8, 1. sal";
const SUNDHEDSHUSET: &str = "Sundhedshuset, Østergade 21";

pub static UNITS: &[Unit] = &[
    // Børn og Familie
    Unit {
        path: "Børn og Familie / Myndighed / Team 0-12 år",
        leader: "Teamleder",
        weight: 13,
        locations: &[RAADHUS_2],
        roles: &[(&MYND_BOERN, 10), (&SEKR, 1)],
    },
    Unit {
        path: "Børn og Familie / Myndighed / Team 13-17 år",
        leader: "Teamleder",
        weight: 9,
        locations: &[RAADHUS_2],
        roles: &[(&MYND_UNGE, 8), (&MYND_BOERN, 2)],
    },
    Unit {
        path: "Børn og Familie / Myndighed / Børnehandicap",
        leader: "Teamleder",
        weight: 6,
        locations: &[RAADHUS_2],
        roles: &[(&MYND_HANDICAP, 6), (&SEKR, 1)],
    },
    Unit {
        path: "Børn og Familie / Familiebehandling / Familiehuset",
        leader: "Teamleder",
        weight: 10,
        locations: &["Familiehuset, Kastanjevej 4"],
        roles: &[(&FAMBEH, 8), (&PSYK_FAM, 2)],
    },
    Unit {
        path: "Børn og Familie / Familiebehandling / Tidlig indsats 0-6 år",
        leader: "Teamleder",
        weight: 6,
        locations: &["Familiehuset, Kastanjevej 4"],
        roles: &[(&FAMBEH, 5), (&PSYK_FAM, 1), (&SUNDHEDSPLEJERSKE, 1)],
    },
    Unit {
        path: "Børn og Familie / Ungeenheden / Udsatte unge",
        leader: "Teamleder",
        weight: 8,
        locations: &["Ungehuset, Skolegade 14"],
        roles: &[(&MYND_UNGE, 4), (&UNGE_KONTAKT, 4)],
    },
    Unit {
        path: "Børn og Familie / Ungeenheden / Efterværn",
        leader: "Teamleder",
        weight: 5,
        locations: &["Ungehuset, Skolegade 14"],
        roles: &[(&UNGE_KONTAKT, 3), (&MYND_UNGE, 2)],
    },
    Unit {
        path: "Børn og Familie / Sundhedsplejen / Team Nord",
        leader: "Teamleder",
        weight: 8,
        locations: &[SUNDHEDSHUSET, "Sundhedsplejen, Nordby Skole"],
        roles: &[(&SUNDHEDSPLEJERSKE, 1)],
    },
    Unit {
        path: "Børn og Familie / Sundhedsplejen / Team Syd",
        leader: "Teamleder",
        weight: 8,
        locations: &[SUNDHEDSHUSET, "Sundhedsplejen, Kildeskolen"],
        roles: &[(&SUNDHEDSPLEJERSKE, 1)],
    },
    Unit {
        path: "Børn og Familie / SSP og Forebyggelse",
        leader: "SSP-leder",
        weight: 5,
        locations: &["Ungehuset, Skolegade 14"],
        roles: &[(&SSP, 5), (&GADE, 1)],
    },
    Unit {
        path: "Børn og Familie / SSP og Forebyggelse / Gadeteamet",
        leader: "Teamleder",
        weight: 4,
        locations: &["Ungehuset, Skolegade 14"],
        roles: &[(&GADE, 4), (&SSP, 1)],
    },
    Unit {
        path: "Børn og Familie / Sekretariat",
        leader: "Sekretariatschef",
        weight: 4,
        locations: &[RAADHUS_2],
        roles: &[(&SEKR, 2), (&JURIST, 1), (&OEKONOM, 1), (&SPEC, 2)],
    },
    // Dagtilbud og Uddannelse
    Unit {
        path: "Dagtilbud og Uddannelse / PPR / Team Skole",
        leader: "Teamleder",
        weight: 8,
        locations: &["PPR, Kildebakken 2"],
        roles: &[(&PPR_PSYK, 5), (&PPR_KONS, 2), (&TALEHOERE, 1)],
    },
    Unit {
        path: "Dagtilbud og Uddannelse / PPR / Team Dagtilbud",
        leader: "Teamleder",
        weight: 6,
        locations: &["PPR, Kildebakken 2"],
        roles: &[(&PPR_PSYK, 2), (&TALEHOERE, 3), (&ERGO_BOERN, 1)],
    },
    Unit {
        path: "Dagtilbud og Uddannelse / UU",
        leader: "UU-leder",
        weight: 7,
        locations: &["Ungehuset, Skolegade 14"],
        roles: &[(&UU, 1)],
    },
    Unit {
        path: "Dagtilbud og Uddannelse / Skoler / Østerbyskolen",
        leader: "Skoleleder",
        weight: 7,
        locations: &["Østerbyskolen, Østre Allé 45"],
        roles: &[(&LAERER, 1)],
    },
    Unit {
        path: "Dagtilbud og Uddannelse / Skoler / Kildeskolen",
        leader: "Skoleleder",
        weight: 7,
        locations: &["Kildeskolen, Kildevej 3"],
        roles: &[(&LAERER, 1)],
    },
    Unit {
        path: "Dagtilbud og Uddannelse / Skoler / Heldagsskolen Åbo",
        leader: "Skoleleder",
        weight: 5,
        locations: &["Heldagsskolen Åbo, Åvej 2"],
        roles: &[(&LAERER, 4), (&PAED_SPECIAL, 3)],
    },
    Unit {
        path: "Dagtilbud og Uddannelse / Dagtilbud / Område Nord",
        leader: "Dagtilbudsleder",
        weight: 7,
        locations: &[
            "Børnehuset Mælkebøtten, Rosenvænget 6",
            "Børnehuset Troldehøj, Troldehøj 2",
        ],
        roles: &[(&PAED_DAG, 1)],
    },
    Unit {
        path: "Dagtilbud og Uddannelse / Dagtilbud / Område Syd",
        leader: "Dagtilbudsleder",
        weight: 6,
        locations: &["Børnehuset Solsikken, Engvej 9", "Vuggestuen Myretuen, Engvej 11"],
        roles: &[(&PAED_DAG, 1)],
    },
    Unit {
        path: "Dagtilbud og Uddannelse / Dagtilbud / Dagplejen",
        leader: "Dagplejeleder",
        weight: 3,
        locations: &[RAADHUS_1],
        roles: &[(&PAED_DAG, 1)],
    },
    // Jobcenter
    Unit {
        path: "Jobcenter / Ungeindsats",
        leader: "Afdelingsleder",
        weight: 9,
        locations: &[JOBCENTRET, "Ungehuset, Skolegade 14"],
        roles: &[(&JOB_UNGE, 6), (&UU, 1), (&SDP, 1)],
    },
    Unit {
        path: "Jobcenter / Virksomhedsservice",
        leader: "Afdelingsleder",
        weight: 7,
        locations: &[JOBCENTRET],
        roles: &[(&VIRK, 1)],
    },
    Unit {
        path: "Jobcenter / Sygedagpenge / Team 1",
        leader: "Teamleder",
        weight: 6,
        locations: &[JOBCENTRET_1],
        roles: &[(&SDP, 1)],
    },
    Unit {
        path: "Jobcenter / Sygedagpenge / Team 2",
        leader: "Teamleder",
        weight: 6,
        locations: &[JOBCENTRET_1],
        roles: &[(&SDP, 1)],
    },
    Unit {
        path: "Jobcenter / Fleksjob og ressourceforløb",
        leader: "Afdelingsleder",
        weight: 6,
        locations: &[JOBCENTRET_1],
        roles: &[(&FLEKS, 5), (&SDP, 1)],
    },
    Unit {
        path: "Jobcenter / Integration",
        leader: "Afdelingsleder",
        weight: 5,
        locations: &[JOBCENTRET],
        roles: &[(&INTEGR, 1)],
    },
    // Sundhed og Omsorg
    Unit {
        path: "Sundhed og Omsorg / Hjemmeplejen / Distrikt Nord",
        leader: "Distriktsleder",
        weight: 10,
        locations: &["Lokalcenter Nord, Birkevej 11"],
        roles: &[(&SSA, 5), (&SSH, 3), (&HJ_SYGEPL, 2)],
    },
    Unit {
        path: "Sundhed og Omsorg / Hjemmeplejen / Distrikt Syd",
        leader: "Distriktsleder",
        weight: 10,
        locations: &["Hjemmeplejen Syd, Åvej 5"],
        roles: &[(&SSA, 5), (&SSH, 3), (&HJ_SYGEPL, 2)],
    },
    Unit {
        path: "Sundhed og Omsorg / Hjemmeplejen / Sygeplejen",
        leader: "Sygeplejeleder",
        weight: 5,
        locations: &["Lokalcenter Nord, Birkevej 11", "Hjemmeplejen Syd, Åvej 5"],
        roles: &[(&HJ_SYGEPL, 1)],
    },
    Unit {
        path: "Sundhed og Omsorg / Træning og rehabilitering",
        leader: "Leder",
        weight: 8,
        locations: &["Træningscentret, Parkvej 30"],
        roles: &[(&FYSIO, 4), (&ERGO, 4)],
    },
    Unit {
        path: "Sundhed og Omsorg / Forebyggelse / Sundhedshuset",
        leader: "Teamleder",
        weight: 5,
        locations: &[SUNDHEDSHUSET],
        roles: &[(&FOREBYG, 4), (&FYSIO, 1)],
    },
    Unit {
        path: "Sundhed og Omsorg / Visitation og hjælpemidler",
        leader: "Afdelingsleder",
        weight: 4,
        locations: &[RAADHUS_1],
        roles: &[(&ERGO, 2), (&VISITATOR, 2)],
    },
    // Social og Handicap
    Unit {
        path: "Social og Handicap / Socialpsykiatri / Bostøtten",
        leader: "Teamleder",
        weight: 7,
        locations: &["Socialpsykiatrien, Møllevej 7"],
        roles: &[(&BOSTOETTE, 1)],
    },
    Unit {
        path: "Social og Handicap / Socialpsykiatri / Værestedet Fyrtårnet",
        leader: "Teamleder",
        weight: 4,
        locations: &["Værestedet Fyrtårnet, Strandvej 3"],
        roles: &[(&BOSTOETTE, 1)],
    },
    Unit {
        path: "Social og Handicap / Rusmiddelcentret / Ungebehandling",
        leader: "Teamleder",
        weight: 5,
        locations: &["Rusmiddelcentret, Fabriksvej 12", "Ungehuset, Skolegade 14"],
        roles: &[(&MISBRUG, 4), (&PSYK_RUS, 1)],
    },
    Unit {
        path: "Social og Handicap / Rusmiddelcentret / Voksenbehandling",
        leader: "Teamleder",
        weight: 6,
        locations: &["Rusmiddelcentret, Fabriksvej 12"],
        roles: &[(&MISBRUG, 4), (&RUS_SYGEPL, 1), (&RUS_SOCRAD, 1)],
    },
    Unit {
        path: "Social og Handicap / Handicap / Voksenmyndighed",
        leader: "Teamleder",
        weight: 6,
        locations: &[RAADHUS_3],
        roles: &[(&SOCRAD_VOKSEN, 1)],
    },
    Unit {
        path: "Social og Handicap / Handicap / Bofællesskabet Egebo",
        leader: "Forstander",
        weight: 5,
        locations: &["Bofællesskabet Egebo, Egevej 19"],
        roles: &[(&PAED_SPECIAL, 1)],
    },
    // Kultur og Fritid
    Unit {
        path: "Kultur og Fritid / Fritid og Foreninger",
        leader: "Fritidschef",
        weight: 3,
        locations: &["Kulturhuset Remisen, Banegårdspladsen 2"],
        roles: &[(&KULTUR, 1)],
    },
    Unit {
        path: "Kultur og Fritid / Bibliotekerne",
        leader: "Bibliotekschef",
        weight: 4,
        locations: &["Hovedbiblioteket, Torvet 1"],
        roles: &[(&BIBLIOTEKAR, 1)],
    },
    Unit {
        path: "Kultur og Fritid / Ungdomsskolen og klubberne",
        leader: "Ungdomsskoleleder",
        weight: 4,
        locations: &["Ungdomsskolen, Skolegade 16"],
        roles: &[(&KLUB, 3), (&LAERER, 1)],
    },
    // Borgerservice
    Unit {
        path: "Borgerservice / Borgerbetjening",
        leader: "Borgerservicechef",
        weight: 5,
        locations: &["Rådhuset, stueetagen"],
        roles: &[(&BORGERSERVICE, 1)],
    },
    Unit {
        path: "Borgerservice / Ydelser",
        leader: "Teamleder",
        weight: 4,
        locations: &["Rådhuset, stueetagen"],
        roles: &[(&YDELSE, 1)],
    },
    // Økonomi, HR og Digitalisering
    Unit {
        path: "Økonomi, HR og Digitalisering / HR og Arbejdsmiljø",
        leader: "HR-chef",
        weight: 5,
        locations: &[RAADHUS_3],
        roles: &[(&HR, 1)],
    },
    Unit {
        path: "Økonomi, HR og Digitalisering / Økonomi",
        leader: "Økonomichef",
        weight: 4,
        locations: &[RAADHUS_3],
        roles: &[(&OEKONOM, 1)],
    },
    Unit {
        path: "Økonomi, HR og Digitalisering / Digitalisering og IT",
        leader: "Digitaliseringschef",
        weight: 5,
        locations: &[RAADHUS_3],
        roles: &[(&DIGI, 1)],
    },
    Unit {
        path: "Økonomi, HR og Digitalisering / Jura og Sekretariat",
        leader: "Chefjurist",
        weight: 3,
        locations: &[RAADHUS_3],
        roles: &[(&JURIST, 2), (&SEKR, 1), (&SPEC, 2)],
    },
];

/// The forvaltning (outermost level) of a unit path.
#[cfg(test)]
pub fn forvaltning(path: &str) -> &str {
    path.split(" / ").next().unwrap_or(path)
}

/// Every role reachable from the units, each once, for checks that walk all
/// skill references.
#[cfg(test)]
pub fn all_roles() -> Vec<&'static Role> {
    let mut out: Vec<&'static Role> = vec![&LEADER];
    for unit in UNITS {
        for (role, _) in unit.roles {
            if !out.iter().any(|r| std::ptr::eq(*r, *role)) {
                out.push(role);
            }
        }
    }
    out
}
