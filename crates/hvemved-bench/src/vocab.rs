//! The Danish word material the synthetic municipality is written with: its
//! organisation, professions, names, the stems that compounds are glued from
//! and the sentence templates of bios and course reports. A benchmark on
//! English lorem ipsum would miss what makes Danish search costly: long
//! compounds, æ/ø/å and a large vocabulary of surface forms.

/// Eight forvaltninger with five afdelinger each; every afdeling has the
/// three teams of [`TEAMS`].
pub const ORGANISATION: &[(&str, [&str; 5])] = &[
    (
        "Børn og Familie",
        [
            "Myndighed",
            "Ungeenheden",
            "Familiehuset",
            "PPR",
            "Sundhedsplejen",
        ],
    ),
    (
        "Social og Sundhed",
        [
            "Voksenhandicap",
            "Socialpsykiatri",
            "Rusmiddelcentret",
            "Forebyggelse",
            "Hjemmesygepleje",
        ],
    ),
    (
        "Beskæftigelse og Integration",
        [
            "Jobcentret",
            "Ungeindsatsen",
            "Integration",
            "Virksomhedsservice",
            "Sygedagpenge",
        ],
    ),
    (
        "Skole og Uddannelse",
        [
            "Skoleafdelingen",
            "Dagtilbud",
            "Specialundervisning",
            "UU-vejledningen",
            "Ungdomsskolen",
        ],
    ),
    (
        "Ældre og Omsorg",
        [
            "Hjemmeplejen",
            "Plejecentre",
            "Visitationen",
            "Træning og Rehabilitering",
            "Demensteamet",
        ],
    ),
    (
        "Teknik og Miljø",
        [
            "Byggesager",
            "Natur og Miljø",
            "Vej og Park",
            "Klima",
            "Ejendomme",
        ],
    ),
    (
        "Kultur og Fritid",
        [
            "Bibliotekerne",
            "Fritid og Foreninger",
            "Kulturhuset",
            "Musikskolen",
            "Idrætsanlæg",
        ],
    ),
    (
        "Borgerservice og Digitalisering",
        [
            "Borgerservice",
            "IT og Digitalisering",
            "Økonomi",
            "HR og Løn",
            "Jura og Sekretariat",
        ],
    ),
];

pub const TEAMS: [&str; 3] = ["Team Nord", "Team Syd", "Team Vest"];

/// Professions with the titles people of that profession usually carry.
pub const PROFESSIONS: &[(&str, &[&str])] = &[
    (
        "Socialrådgiver",
        &["Socialrådgiver", "Rådgiver", "Faglig koordinator"],
    ),
    ("Pædagog", &["Pædagog", "Familiebehandler", "Støttepædagog"]),
    (
        "Sygeplejerske",
        &["Sygeplejerske", "Sundhedsplejerske", "Demenskoordinator"],
    ),
    (
        "Jobkonsulent",
        &["Jobkonsulent", "Virksomhedskonsulent", "Mentor"],
    ),
    ("Psykolog", &["Psykolog", "Skolepsykolog", "Specialpsykolog"]),
    (
        "Ergoterapeut",
        &["Ergoterapeut", "Hjælpemiddelterapeut", "Træningsterapeut"],
    ),
    ("Fysioterapeut", &["Fysioterapeut", "Træningsterapeut"]),
    (
        "Social- og sundhedsassistent",
        &["Social- og sundhedsassistent", "Visitator"],
    ),
    ("Lærer", &["Lærer", "Vejleder", "Inklusionsvejleder"]),
    ("Jurist", &["Jurist", "Specialkonsulent", "Chefkonsulent"]),
    (
        "Cand.scient.pol.",
        &["Konsulent", "Specialkonsulent", "Analytiker"],
    ),
    (
        "Kontorassistent",
        &["Administrativ medarbejder", "Sagsbehandler", "Koordinator"],
    ),
    (
        "Ingeniør",
        &["Projektleder", "Byggesagsbehandler", "Miljømedarbejder"],
    ),
    ("SSP-konsulent", &["SSP-konsulent", "Gadeplansmedarbejder"]),
];

pub const LANGUAGES: &[&str] = &[
    "engelsk", "tysk", "arabisk", "tyrkisk", "somali", "polsk", "ukrainsk", "fransk", "spansk", "farsi",
    "urdu", "tigrinya",
];

pub const FIRST_NAMES: &[&str] = &[
    "Anne", "Mette", "Hanne", "Louise", "Camilla", "Maria", "Sofie", "Julie", "Ida", "Emma", "Fatima",
    "Aisha", "Katrine", "Line", "Pia", "Susanne", "Lars", "Jens", "Peter", "Michael", "Søren", "Anders",
    "Thomas", "Rasmus", "Mads", "Jesper", "Henrik", "Ali", "Mohammed", "Ahmad", "Niels", "Kasper",
];

pub const LAST_NAMES: &[&str] = &[
    "Nielsen",
    "Jensen",
    "Hansen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
    "Petersen",
    "Madsen",
    "Kristensen",
    "Olsen",
    "Thomsen",
    "Poulsen",
    "Johansen",
    "Møller",
    "Mortensen",
    "Østergaard",
    "Kjær",
    "Lund",
    "Holm",
    "Bækgaard",
    "Yilmaz",
    "Hussein",
    "Khan",
    "Nowak",
];

/// First parts of compounds as a stem and the linking letter Danish puts
/// between it and the next part ("sundhed" + "s" + "pleje").
pub const COMPOUND_HEADS: &[(&str, &str)] = &[
    ("rusmiddel", ""),
    ("misbrug", "s"),
    ("familie", ""),
    ("børn", "e"),
    ("forældre", ""),
    ("skole", ""),
    ("sundhed", "s"),
    ("beskæftigelse", "s"),
    ("borger", ""),
    ("handicap", ""),
    ("ældre", ""),
    ("pleje", ""),
    ("trivsel", "s"),
    ("kriminalitet", "s"),
    ("netværk", "s"),
    ("ungdom", "s"),
    ("myndighed", "s"),
    ("kvalitet", "s"),
    ("rehabilitering", "s"),
    ("integration", "s"),
    ("sprog", ""),
    ("demens", ""),
    ("psykiatri", ""),
    ("hjemme", ""),
    ("bolig", ""),
    ("økonomi", ""),
    ("arbejdsmiljø", ""),
    ("uddannelse", "s"),
    ("vold", "s"),
    ("selvmord", "s"),
    ("angst", ""),
    ("mobning", "s"),
    ("fravær", "s"),
    ("tilsyn", "s"),
    ("digitalisering", "s"),
    ("leder", ""),
    ("frivillig", ""),
    ("medarbejder", ""),
    ("diabetes", ""),
    ("hverdag", "s"),
];

/// Last parts of compounds; also searched on their own by the
/// compound-part query class.
pub const COMPOUND_TAILS: &[&str] = &[
    "forebyggelse",
    "behandling",
    "rådgivning",
    "indsats",
    "samtale",
    "vejledning",
    "udredning",
    "koordinering",
    "plan",
    "undersøgelse",
    "støtte",
    "opfølgning",
    "vurdering",
    "forløb",
    "tilbud",
    "netværk",
    "politik",
    "strategi",
    "screening",
    "samarbejde",
    "visitation",
    "afklaring",
    "træning",
    "mentor",
    "konsulent",
    "pædagogik",
    "journal",
    "møde",
    "dokumentation",
    "ledelse",
];

/// Where in the municipality the work happens; adds the long tail of rare
/// words a real directory has.
pub const PLACES: &[&str] = &[
    "Vestbyen",
    "Østerbro",
    "Nørrebro",
    "Søndermarken",
    "Havnebyen",
    "Bakkegården",
    "Lindevang",
    "Skovparken",
    "Engparken",
    "Strandvejen",
    "Rådhuset",
    "Sundhedshuset",
    "Jobhuset",
    "Ungehuset",
    "Kulturværftet",
    "Bibliotekshuset",
    "Nordbyen",
    "Sydhavnen",
    "Fjordparken",
    "Kirkebjerg",
];

pub const COURSE_PROVIDERS: &[&str] = &[
    "Socialstyrelsen",
    "VIA University College",
    "Københavns Professionshøjskole",
    "KL",
    "Danske Regioner",
    "UCL Erhvervsakademi og Professionshøjskole",
    "Komponent",
    "COK",
];

pub const COURSE_KINDS: &[&str] = &["kursus", "konference", "temadag", "uddannelse"];

/// Bio sentences. `{s}` is one of the person's skills, `{c}` and `{d}` are
/// compounds, `{p}` a place and `{n}` a number of years.
pub const BIO_SENTENCES: &[&str] = &[
    "Jeg har arbejdet med {s} i {n} år, senest i {p}.",
    "Min faglige interesse er {c}, og jeg bruger {s} i det daglige arbejde.",
    "I teamet har jeg ansvaret for {c} og {d}.",
    "Spørg mig gerne om {s} eller om {c}.",
    "Jeg har tidligere arbejdet med {c} i {p} og har været med til at udvikle {d}.",
    "Jeg er uddannet i {s} og har stor erfaring med {c}.",
    "Til daglig sidder jeg med {d} og sparrer med kolleger om {c}.",
    "Jeg har en særlig viden om {s}, som jeg gerne deler med andre.",
    "Jeg koordinerer {c} på tværs af afdelingerne og deltager i netværket om {d}.",
    "Min baggrund er {s}, og jeg har de seneste {n} år arbejdet med {c}.",
];

pub const COURSE_TITLES: &[&str] = &[
    "Temadag om {s}",
    "Kursus i {s}",
    "Konference om {c}",
    "{S} i praksis",
    "Uddannelse i {s} og {c}",
    "Netværksdag: {c} og {d}",
];

pub const COURSE_SENTENCES: &[&str] = &[
    "Kurset gav en grundig indføring i {s} med fokus på {c}.",
    "Vi arbejdede med cases fra {p} om {c} og {d}.",
    "Underviseren gennemgik den nyeste viden om {s}.",
    "Dagen handlede om {c}, og hvordan vi styrker {d} i kommunen.",
    "Der var oplæg om {c} og workshops om {s}.",
];

pub const TAKEAWAYS: &[&str] = &[
    "Vi tager {c} med tilbage til teamet.",
    "Den vigtigste pointe var, at {s} kræver tæt {d}.",
    "Jeg vil bruge redskaberne til {c} i mine sager.",
    "Vi aftalte at følge op på {d} på næste personalemøde.",
];
