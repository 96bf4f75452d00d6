//! The roles found in the demo municipality and what people in them know.
//!
//! Keeping profession, titles, skills, earlier jobs and bio lines together
//! per role is what makes a health visitor come out with "Amning" and
//! "Hjemmebesøg" instead of a random mix. This file is a data table; the
//! units that use the roles are in `org.rs`.

use super::org::Role;

const PRIOR_SOCIAL: &[&str] = &[
    "på en døgninstitution for unge",
    "i Familieretshuset",
    "i myndighedsafdelingen i en større kommune",
    "på et krisecenter",
    "i Kriminalforsorgen",
    "på et opholdssted for børn med særlige behov",
    "som skolesocialrådgiver",
    "i et boligsocialt projekt",
    "i regionspsykiatrien",
];
const PRIOR_HEALTH: &[&str] = &[
    "på en medicinsk afdeling på sygehuset",
    "i hjemmeplejen i en nabokommune",
    "på et hospice",
    "i regionspsykiatrien",
    "på et plejecenter",
    "på en neurologisk afdeling",
    "på en børneafdeling",
    "på en fødeafdeling",
    "i en privat fysioterapiklinik",
];
const PRIOR_SCHOOL: &[&str] = &[
    "som lærer på en friskole",
    "på en specialskole",
    "i en børnehave i København",
    "på et opholdssted med intern skole",
    "i ungdomsskolen",
    "på en efterskole",
    "i en integreret institution",
    "som klubpædagog",
];
const PRIOR_JOB: &[&str] = &[
    "i en a-kasse",
    "i et vikarbureau",
    "med HR i en privat produktionsvirksomhed",
    "på en produktionsskole",
    "i et jobcenter i en nabokommune",
    "i et privat konsulenthus med beskæftigelsesindsatser",
    "i Kriminalforsorgen",
    "som sagsbehandler i Udbetaling Danmark",
];
const PRIOR_ADMIN: &[&str] = &[
    "i et privat revisionsfirma",
    "i en region",
    "i en styrelse",
    "i et it-konsulenthus",
    "i en anden kommunes økonomiafdeling",
    "i et advokatfirma",
    "i et ministerium",
    "i en fagforening",
];
const PRIOR_DRUG: &[&str] = &[
    "på et behandlingshjem",
    "i regionspsykiatrien",
    "på et herberg",
    "på et værested for hjemløse",
    "i Kriminalforsorgen",
    "som gadeplansmedarbejder i en storby",
];
const PRIOR_CULTURE: &[&str] = &[
    "i et kulturhus",
    "på et bibliotek i en anden kommune",
    "i en idrætsforening",
    "i et festivalsekretariat",
    "i en ungdomsklub",
];
const PRIOR_SERVICE: &[&str] = &[
    "i en bank",
    "i kundeservice hos et forsyningsselskab",
    "i Udbetaling Danmark",
    "i et forsikringsselskab",
    "som kontorelev her i kommunen",
];

pub static LEADER: Role = Role {
    profession: "leder",
    titles: &["Leder"],
    core: &[
        "Faglig ledelse",
        "Forandringsledelse",
        "Psykisk arbejdsmiljø",
        "Budgetopfølgning",
        "Sygefraværssamtaler",
        "Rekruttering",
    ],
    extra: &[
        "Facilitering",
        "Konflikthåndtering",
        "Dataanalyse",
        "Projektledelse",
        "Videndeling",
        "Supervision",
    ],
    female_pct: 65,
    prior: PRIOR_ADMIN,
    lines: &[
        "Jeg har ledet teamet siden omstruktureringen og kender vores arbejdsgange indefra.",
        "Jeg er optaget af, at vi bruger hinandens viden på tværs af afdelingerne.",
        "Kom gerne forbi, hvis du overvejer at søge en stilling hos os.",
        "Jeg har en diplomuddannelse i ledelse og bruger den mest til at skabe ro om fagligheden.",
    ],
};

pub static MYND_BOERN: Role = Role {
    profession: "socialrådgiver",
    titles: &[
        "Familierådgiver",
        "Sagsbehandler i Myndighed",
        "Socialrådgiver",
        "Børne- og familierådgiver",
    ],
    core: &[
        "Børnefaglig undersøgelse (§ 50 / BFU)",
        "Underretninger",
        "Handleplaner",
        "Barnets lov",
        "Børnesamtaler",
        "Signs of Safety",
        "ICS",
        "Anbringelser",
    ],
    extra: &[
        "Samarbejdsmodellen",
        "Familierådslagning",
        "Plejefamilier",
        "Børnehuset",
        "Vold i nære relationer",
        "Æresrelaterede konflikter",
        "Børn i skilsmisse",
        "Netværksmøder",
        "Traumebevidst praksis",
        "Skolefravær",
    ],
    female_pct: 88,
    prior: PRIOR_SOCIAL,
    lines: &[
        "Jeg har særligt fokus på at få barnets egne ord med i sagen.",
        "Jeg var med til at implementere Barnets lov i teamet og kender faldgruberne.",
        "Jeg sidder i vores underretningsgruppe og kan hjælpe med at vurdere, om en bekymring skal videre.",
        "Jeg har mange sager med anbragte børn og et tæt samarbejde med plejefamilierne.",
    ],
};

pub static MYND_UNGE: Role = Role {
    profession: "socialrådgiver",
    titles: &["Ungerådgiver", "Socialrådgiver", "Sagsbehandler i Ungeenheden"],
    core: &[
        "Efterværn",
        "Ungeplaner",
        "Handleplaner",
        "Barnets lov",
        "Kriminalitetsforebyggelse",
        "Ungdomskriminalitetsnævnet",
        "Netværksmøder",
    ],
    extra: &[
        "Motiverende samtale",
        "Skolefravær",
        "Hashmisbrug",
        "Selvskade",
        "Digitale krænkelser",
        "Æresrelaterede konflikter",
        "Radikalisering og ekstremisme",
        "Uddannelseshjælp",
        "Anbringelser",
    ],
    female_pct: 78,
    prior: PRIOR_SOCIAL,
    lines: &[
        "Jeg arbejder med unge mellem 13 og 17 og deres familier, ofte i sager med skolefravær, kriminalitet eller rusmidler.",
        "Jeg er tovholder på ungeplanerne og på overgangen, når de unge fylder 18.",
        "Jeg samarbejder tæt med SSP og politiet om unge, der er på vej ud i kriminalitet.",
        "Jeg har siddet med i forberedelsen af sager til Ungdomskriminalitetsnævnet, siden nævnet blev oprettet.",
    ],
};

pub static MYND_HANDICAP: Role = Role {
    profession: "socialrådgiver",
    titles: &[
        "Handicaprådgiver",
        "Socialrådgiver, børnehandicap",
        "Sagsbehandler",
    ],
    core: &[
        "Børn med handicap",
        "Tabt arbejdsfortjeneste",
        "Barnets lov",
        "Handleplaner",
        "Autisme",
    ],
    extra: &[
        "ADHD",
        "Forvaltningsret",
        "Klagesager",
        "Pårørendesamarbejde",
        "Hjælpemidler",
        "STU",
        "Børnefaglig undersøgelse (§ 50 / BFU)",
    ],
    female_pct: 90,
    prior: PRIOR_SOCIAL,
    lines: &[
        "Jeg kender reglerne om merudgifter og tabt arbejdsfortjeneste ud og ind.",
        "Mange af mine familier har børn med autisme eller ADHD, og jeg samarbejder meget med PPR.",
        "Jeg hjælper gerne kolleger med at skrive afgørelser, der holder i Ankestyrelsen.",
    ],
};

pub static FAMBEH: Role = Role {
    profession: "familiebehandler",
    titles: &["Familiebehandler", "Familieterapeut", "Familiekonsulent"],
    core: &[
        "Familiebehandling",
        "Mentalisering",
        "Marte Meo",
        "Systemisk tænkning",
        "Traumebevidst praksis",
        "Tilknytning",
        "Narrativ praksis",
    ],
    extra: &[
        "De Utrolige År",
        "PMTO",
        "Forældrekompetenceundersøgelser",
        "Vold i nære relationer",
        "Børn i skilsmisse",
        "Netværksmøder",
        "Sorg og krise",
        "Kommunikation med tolk",
        "Low arousal",
    ],
    female_pct: 85,
    prior: PRIOR_SOCIAL,
    lines: &[
        "Jeg kommer i familiernes hjem og arbejder med de små forandringer i hverdagen.",
        "Jeg er uddannet Marte Meo-terapeut og bruger video meget i arbejdet med forældre til små børn.",
        "Jeg leder vores forældregrupper og har gode erfaringer med at samle familier med samme udfordringer.",
        "Jeg er optaget af, hvordan vi arbejder traumebevidst uden at gøre forældrene til patienter.",
    ],
};

pub static PSYK_FAM: Role = Role {
    profession: "psykolog",
    titles: &["Psykolog", "Familiepsykolog", "Specialpsykolog"],
    core: &[
        "Forældrekompetenceundersøgelser",
        "Mentalisering",
        "Traumebevidst praksis",
        "Tilknytning",
        "Kognitiv adfærdsterapi",
    ],
    extra: &[
        "Supervision",
        "Angst hos børn og unge",
        "Sorg og krise",
        "Selvskade",
        "Systemisk tænkning",
    ],
    female_pct: 80,
    prior: PRIOR_HEALTH,
    lines: &[
        "Jeg laver forældrekompetenceundersøgelser og giver gerne sparring, før en sag bliver så tung.",
        "Jeg superviserer familiebehandlerne og holder oplæg om tilknytning og mentalisering.",
    ],
};

pub static UNGE_KONTAKT: Role = Role {
    profession: "pædagog",
    titles: &["Kontaktperson for unge", "Ungementor", "Efterværnsmedarbejder"],
    core: &[
        "Efterværn",
        "Mentorordninger",
        "Motiverende samtale",
        "Netværksmøder",
        "Gadeplansarbejde",
    ],
    extra: &[
        "Hashmisbrug",
        "Skolefravær",
        "Kriminalitetsforebyggelse",
        "Selvskade",
        "Uddannelseshjælp",
        "Digitale krænkelser",
        "Low arousal",
    ],
    female_pct: 60,
    prior: PRIOR_SCHOOL,
    lines: &[
        "Jeg er kontaktperson for unge, der er flyttet hjemmefra efter en anbringelse.",
        "Jeg mødes med de unge der, hvor de er – på caféen, i bilen eller på en gåtur.",
        "Jeg hjælper de unge med alt fra boligstøtte til den første samtale på jobcentret.",
    ],
};

pub static SUNDHEDSPLEJERSKE: Role = Role {
    profession: "sundhedsplejerske",
    titles: &[
        "Sundhedsplejerske",
        "Familiesundhedsplejerske",
        "Skolesundhedsplejerske",
    ],
    core: &[
        "Amning",
        "Hjemmebesøg",
        "Tidlig opsporing",
        "Efterfødselsreaktioner",
        "Sundhedsfremme",
        "Søvn hos små børn",
        "Sårbare gravide",
        "Skolesundhedspleje",
    ],
    extra: &[
        "Overvægt hos børn",
        "Motorisk udvikling",
        "Tilknytning",
        "Mental sundhed",
        "Kommunikation med tolk",
        "Underretninger",
        "Marte Meo",
        "Spiseforstyrrelser",
    ],
    female_pct: 98,
    prior: PRIOR_HEALTH,
    lines: &[
        "Jeg har en stor del af mine hjemmebesøg i familier, hvor forældrene er ekstra sårbare.",
        "Jeg kører forældregrupper for fædre og har lært meget om, hvordan man når dem.",
        "Jeg er med i det tværfaglige team for sårbare gravide sammen med jordemødrene.",
        "Jeg kommer på tre skoler og holder trivselssamtaler med eleverne i indskolingen.",
    ],
};

pub static SSP: Role = Role {
    profession: "SSP-konsulent",
    titles: &["SSP-konsulent", "SSP-medarbejder", "Forebyggelseskonsulent"],
    core: &[
        "SSP-samarbejde",
        "Kriminalitetsforebyggelse",
        "Rusmiddelforebyggelse",
        "Radikalisering og ekstremisme",
        "Digital dannelse",
        "Gadeplansarbejde",
    ],
    extra: &[
        "Digitale krænkelser",
        "Exitforløb",
        "Forældresamarbejde",
        "Hashmisbrug",
        "Facilitering",
        "Æresrelaterede konflikter",
        "Trivsel i skolen",
    ],
    female_pct: 50,
    prior: PRIOR_SCHOOL,
    lines: &[
        "Jeg holder oplæg for forældre i udskolingen om fester, alkohol og unges liv på nettet.",
        "Jeg er kommunens kontaktperson til Infohuset og kan hjælpe, hvis du er bekymret for radikalisering.",
        "Jeg koordinerer SSP-netværket og kender de fleste skoleledere og betjente i lokalområdet.",
        "Jeg har lavet en fælles handleguide for skolerne om deling af billeder og digitale krænkelser.",
    ],
};

pub static GADE: Role = Role {
    profession: "pædagog",
    titles: &["Gadeplansmedarbejder", "Opsøgende ungemedarbejder"],
    core: &[
        "Gadeplansarbejde",
        "Kriminalitetsforebyggelse",
        "Motiverende samtale",
        "Klub- og fritidsarbejde",
    ],
    extra: &[
        "Hashmisbrug",
        "Exitforløb",
        "Fritidspas",
        "Low arousal",
        "Konflikthåndtering",
        "Rusmiddelforebyggelse",
    ],
    female_pct: 40,
    prior: PRIOR_SCHOOL,
    lines: &[
        "Jeg er på gaden om aftenen og i weekenderne og ved, hvor de unge samles.",
        "Jeg bygger relationer til de unge, som ingen andre voksne har fat i.",
    ],
};

pub static PPR_PSYK: Role = Role {
    profession: "psykolog",
    titles: &["Skolepsykolog", "PPR-psykolog", "Psykolog"],
    core: &[
        "Pædagogisk-psykologisk vurdering (PPV)",
        "Angst hos børn og unge",
        "Autisme",
        "ADHD",
        "Skolefravær",
        "Inkluderende læringsmiljøer",
        "Kognitiv adfærdsterapi",
    ],
    extra: &[
        "Selvskade",
        "Spiseforstyrrelser",
        "Mentalisering",
        "Supervision",
        "Specialundervisning",
        "Low arousal",
        "Overgange",
    ],
    female_pct: 82,
    prior: PRIOR_HEALTH,
    lines: &[
        "Jeg er tilknyttet fire skoler og deltager i de tværfaglige teammøder.",
        "Jeg har udviklet vores forløb for elever med angstpræget skolefravær.",
        "Jeg rådgiver lærere og pædagoger om elever, der mistrives, før det bliver til en henvisning.",
    ],
};

pub static TALEHOERE: Role = Role {
    profession: "talehørepædagog",
    titles: &["Talehørepædagog", "Audiologopæd"],
    core: &[
        "Tale- og sprogvanskeligheder",
        "Høretab",
        "Sprogvurdering",
        "Ordblindhed",
    ],
    extra: &[
        "Dansk som andetsprog",
        "Overgange",
        "Forældresamarbejde",
        "Autisme",
    ],
    female_pct: 92,
    prior: PRIOR_SCHOOL,
    lines: &[
        "Jeg arbejder med børn, der stammer, og med børn med sen sprogudvikling.",
        "Jeg tester for ordblindhed og vejleder lærerne om hjælpemidler.",
    ],
};

pub static ERGO_BOERN: Role = Role {
    profession: "ergoterapeut",
    titles: &["Børneergoterapeut", "Ergoterapeut i PPR"],
    core: &["Motorisk udvikling", "Hjælpemidler", "Autisme", "Neuropædagogik"],
    extra: &["ADHD", "Low arousal", "Overgange", "Inkluderende læringsmiljøer"],
    female_pct: 90,
    prior: PRIOR_HEALTH,
    lines: &["Jeg hjælper børn med sansemotoriske udfordringer og vejleder personalet i dagtilbud og skole."],
};

pub static PPR_KONS: Role = Role {
    profession: "pædagogisk konsulent",
    titles: &["Pædagogisk konsulent", "Inklusionskonsulent", "Læsekonsulent"],
    core: &[
        "Inkluderende læringsmiljøer",
        "Specialundervisning",
        "Ordblindhed",
        "Trivsel i skolen",
        "Low arousal",
    ],
    extra: &[
        "Neuropædagogik",
        "Facilitering",
        "Dansk som andetsprog",
        "Overgange",
        "Mobning",
    ],
    female_pct: 75,
    prior: PRIOR_SCHOOL,
    lines: &[
        "Jeg kommer ud i klasserne og laver observationer, før vi taler om specialtilbud.",
        "Jeg står for visitationen til specialklasserne og kender kriterierne godt.",
    ],
};

pub static UU: Role = Role {
    profession: "uddannelsesvejleder",
    titles: &["Uddannelsesvejleder", "Ungeguide", "UU-vejleder"],
    core: &[
        "Uddannelsesvejledning",
        "Uddannelsesparathedsvurdering",
        "FGU",
        "Brobygning",
        "Kommunal ungeindsats (KUI)",
        "Mentorordninger",
    ],
    extra: &[
        "STU",
        "Skolefravær",
        "Motiverende samtale",
        "Uddannelseshjælp",
        "Dansk som andetsprog",
        "Angst hos børn og unge",
        "Virksomhedspraktik",
    ],
    female_pct: 70,
    prior: PRIOR_SCHOOL,
    lines: &[
        "Jeg vejleder elever i 8.-10. klasse og har særligt fokus på dem, der ikke er uddannelsesparate.",
        "Jeg følger de unge under 25, der er faldet fra en ungdomsuddannelse, og hjælper dem videre.",
        "Jeg kender FGU'en og produktionsskolerne i området godt og kan hjælpe med en god overlevering.",
    ],
};

pub static LAERER: Role = Role {
    profession: "lærer",
    titles: &[
        "Lærer",
        "Læsevejleder",
        "AKT-lærer",
        "Inklusionsvejleder",
        "Lærer og trivselsvejleder",
    ],
    core: &[
        "Trivsel i skolen",
        "Inkluderende læringsmiljøer",
        "Forældresamarbejde",
        "Mobning",
        "Ordblindhed",
        "Dansk som andetsprog",
    ],
    extra: &[
        "Skolefravær",
        "Digital dannelse",
        "ADHD",
        "Autisme",
        "Low arousal",
        "Overgange",
        "Brobygning",
        "Specialundervisning",
    ],
    female_pct: 70,
    prior: PRIOR_SCHOOL,
    lines: &[
        "Jeg underviser i dansk og historie i udskolingen og er tovholder på vores trivselsindsats.",
        "Jeg er læsevejleder og hjælper kolleger med at komme godt i gang med ordblinde elever.",
        "Jeg har en klasse med flere elever med højt fravær og har prøvet en del af, hvad der virker.",
    ],
};

pub static PAED_DAG: Role = Role {
    profession: "pædagog",
    titles: &["Pædagog", "Sprogpædagog", "Inklusionspædagog"],
    core: &[
        "Den styrkede pædagogiske læreplan",
        "Sprogvurdering",
        "Overgange",
        "Forældresamarbejde",
        "Tidlig opsporing",
        "Tilknytning",
    ],
    extra: &[
        "Dansk som andetsprog",
        "Motorisk udvikling",
        "Low arousal",
        "Autisme",
        "Samarbejdsmodellen",
        "Underretninger",
        "Neuropædagogik",
    ],
    female_pct: 80,
    prior: PRIOR_SCHOOL,
    lines: &[
        "Jeg er sprogansvarlig i huset og laver sprogvurderinger af de treårige.",
        "Jeg har stor erfaring med tosprogede familier og med at skabe tillid til forældrene.",
        "Jeg har været med til at afprøve Samarbejdsmodellen i vores område.",
    ],
};

pub static PAED_SPECIAL: Role = Role {
    profession: "pædagog",
    titles: &["Pædagog", "Socialpædagog", "Pædagogisk medarbejder"],
    core: &[
        "Neuropædagogik",
        "Low arousal",
        "Udviklingshæmning",
        "Magtanvendelse",
        "Autisme",
    ],
    extra: &[
        "Pårørendesamarbejde",
        "Erhvervet hjerneskade",
        "Konflikthåndtering",
        "Medicinhåndtering",
        "Velfærdsteknologi",
        "Håndtering af trusler",
    ],
    female_pct: 65,
    prior: PRIOR_SCHOOL,
    lines: &[
        "Jeg arbejder med borgere, der har brug for meget forudsigelighed, og er god til at nedtrappe konflikter.",
        "Jeg er magtanvendelsesansvarlig og hjælper gerne med indberetninger og forebyggelse.",
    ],
};

pub static BOSTOETTE: Role = Role {
    profession: "pædagog",
    titles: &["Bostøttemedarbejder", "Recoverymentor", "Socialpædagog"],
    core: &[
        "Recovery",
        "Bostøtte (§ 85)",
        "Psykisk sårbarhed",
        "Motiverende samtale",
        "Dobbeltdiagnoser",
    ],
    extra: &[
        "Selvmordsforebyggelse",
        "Housing First",
        "Mental sundhed",
        "Skadesreduktion",
        "Konflikthåndtering",
        "Håndtering af trusler",
        "Ensomhed",
    ],
    female_pct: 70,
    prior: PRIOR_DRUG,
    lines: &[
        "Jeg støtter borgere i eget hjem og arbejder ud fra, hvad de selv vil med deres liv.",
        "Jeg har egen erfaring med psykisk sårbarhed og bruger den bevidst i mit arbejde.",
        "Jeg har været med til at starte vores gruppeforløb om angst og ensomhed.",
    ],
};

pub static MISBRUG: Role = Role {
    profession: "misbrugsbehandler",
    titles: &[
        "Misbrugskonsulent",
        "Rusmiddelbehandler",
        "Misbrugsbehandler",
        "Ungebehandler",
    ],
    core: &[
        "Motiverende samtale",
        "Hashmisbrug",
        "Alkoholbehandling",
        "Kognitiv adfærdsterapi",
        "Skadesreduktion",
        "Dobbeltdiagnoser",
    ],
    extra: &[
        "Substitutionsbehandling",
        "Rusmiddelforebyggelse",
        "Pårørendesamarbejde",
        "Recovery",
        "Traumebevidst praksis",
        "Housing First",
        "Netværksmøder",
    ],
    female_pct: 60,
    prior: PRIOR_DRUG,
    lines: &[
        "Jeg arbejder med unge under 25, der ryger hash, og med deres forældre.",
        "Jeg kan hjælpe, hvis du er i tvivl om, hvordan du spørger ind til rusmidler i en samtale.",
        "Jeg har gode erfaringer med anonyme forløb for pårørende.",
        "Jeg laver ambulant alkoholbehandling og har aftenåbent to dage om ugen.",
    ],
};

pub static PSYK_RUS: Role = Role {
    profession: "psykolog",
    titles: &["Psykolog"],
    core: &[
        "Kognitiv adfærdsterapi",
        "Dobbeltdiagnoser",
        "Traumebevidst praksis",
        "Motiverende samtale",
        "Mentalisering",
    ],
    extra: &[
        "Supervision",
        "Angst hos børn og unge",
        "Selvskade",
        "Selvmordsforebyggelse",
    ],
    female_pct: 75,
    prior: PRIOR_HEALTH,
    lines: &["Jeg tager mig af de forløb, hvor rusmidler og traumer hænger tæt sammen."],
};

pub static RUS_SYGEPL: Role = Role {
    profession: "sygeplejerske",
    titles: &["Sygeplejerske", "Misbrugssygeplejerske"],
    core: &[
        "Substitutionsbehandling",
        "Medicinhåndtering",
        "Skadesreduktion",
        "Alkoholbehandling",
        "Dobbeltdiagnoser",
    ],
    extra: &["Motiverende samtale", "Sårpleje", "Psykisk sårbarhed"],
    female_pct: 85,
    prior: PRIOR_HEALTH,
    lines: &["Jeg står for udleveringen af substitutionsmedicin og for den somatiske del af behandlingen."],
};

pub static RUS_SOCRAD: Role = Role {
    profession: "socialrådgiver",
    titles: &["Socialrådgiver", "Visitator"],
    core: &[
        "Serviceloven",
        "Motiverende samtale",
        "Alkoholbehandling",
        "Hashmisbrug",
        "Netværksmøder",
    ],
    extra: &[
        "Housing First",
        "Dobbeltdiagnoser",
        "Uddannelseshjælp",
        "Ressourceforløb",
    ],
    female_pct: 80,
    prior: PRIOR_SOCIAL,
    lines: &["Jeg visiterer til behandling og koordinerer med jobcentret og socialpsykiatrien."],
};

pub static SOCRAD_VOKSEN: Role = Role {
    profession: "socialrådgiver",
    titles: &[
        "Socialrådgiver",
        "Sagsbehandler, voksenhandicap",
        "Myndighedsrådgiver",
    ],
    core: &[
        "VUM",
        "Serviceloven",
        "Bostøtte (§ 85)",
        "Forvaltningsret",
        "Udviklingshæmning",
        "Erhvervet hjerneskade",
    ],
    extra: &[
        "Magtanvendelse",
        "Klagesager",
        "Pårørendesamarbejde",
        "Psykisk sårbarhed",
        "Housing First",
        "Kommunikation med tolk",
        "STU",
    ],
    female_pct: 85,
    prior: PRIOR_SOCIAL,
    lines: &[
        "Jeg tager mig af de unge, der fylder 18 og skal over i voksensystemet, så overgangen bliver så glat som muligt.",
        "Jeg har mange sager om botilbud og kender tilbudsviften i regionen godt.",
    ],
};

pub static JOB_UNGE: Role = Role {
    profession: "jobkonsulent",
    titles: &["Ungerådgiver", "Jobkonsulent", "Mentor", "Ungekonsulent"],
    core: &[
        "Uddannelseshjælp",
        "Motiverende samtale",
        "Mentorordninger",
        "Virksomhedspraktik",
        "FGU",
        "LAB-loven",
    ],
    extra: &[
        "Hashmisbrug",
        "Psykisk sårbarhed",
        "IPS",
        "Uddannelsesvejledning",
        "Kommunal ungeindsats (KUI)",
        "Netværksmøder",
        "Ordblindhed",
    ],
    female_pct: 65,
    prior: PRIOR_JOB,
    lines: &[
        "Jeg arbejder med unge under 30 uden uddannelse og finder sammen med dem det næste skridt.",
        "Mange af mine unge har angst eller ordblindhed, og jeg samarbejder tæt med UU og FGU.",
        "Jeg er mentor for unge, der skal holde fast i en praktik eller et uddannelsesforløb.",
    ],
};

pub static VIRK: Role = Role {
    profession: "jobkonsulent",
    titles: &["Virksomhedskonsulent", "Jobkonsulent", "Virksomhedsrådgiver"],
    core: &[
        "Virksomhedskontakt",
        "Virksomhedspraktik",
        "Løntilskud",
        "Jobrotation",
        "Opkvalificering",
        "Fleksjob",
    ],
    extra: &[
        "IPS",
        "Integrationsprogrammet",
        "Arbejdsfastholdelse",
        "Facilitering",
        "LAB-loven",
        "Kommunikation med tolk",
    ],
    female_pct: 50,
    prior: PRIOR_JOB,
    lines: &[
        "Jeg har et stort netværk blandt byggeri-, lager- og transportvirksomheder i kommunen.",
        "Jeg hjælper virksomheder med rekruttering og kan hurtigt finde en praktikplads.",
        "Jeg har stået for flere jobrotationsprojekter sammen med de lokale plejecentre.",
    ],
};

pub static SDP: Role = Role {
    profession: "socialrådgiver",
    titles: &[
        "Sagsbehandler, sygedagpenge",
        "Socialrådgiver",
        "Rehabiliteringskoordinator",
    ],
    core: &[
        "Sygedagpengeopfølgning",
        "Arbejdsfastholdelse",
        "Rehabiliteringsteam",
        "Jobafklaringsforløb",
        "Stress og sygefravær",
        "LAB-loven",
    ],
    extra: &[
        "Ressourceforløb",
        "Fleksjob",
        "Forvaltningsret",
        "Psykisk sårbarhed",
        "Motiverende samtale",
        "Klagesager",
    ],
    female_pct: 85,
    prior: PRIOR_JOB,
    lines: &[
        "Jeg har mange sager med stress og angst og arbejder for, at folk bevarer kontakten til arbejdspladsen.",
        "Jeg er koordinator for rehabiliteringsteamet og hjælper med at gøre sagerne klar.",
        "Jeg kender reglerne om forlængelse af sygedagpenge godt og hjælper gerne med de svære vurderinger.",
    ],
};

pub static FLEKS: Role = Role {
    profession: "socialrådgiver",
    titles: &["Socialrådgiver", "Koordinerende sagsbehandler"],
    core: &[
        "Ressourceforløb",
        "Fleksjob",
        "Rehabiliteringsteam",
        "Jobafklaringsforløb",
        "Netværksmøder",
    ],
    extra: &[
        "IPS",
        "Dobbeltdiagnoser",
        "Psykisk sårbarhed",
        "Erhvervet hjerneskade",
        "Forvaltningsret",
    ],
    female_pct: 85,
    prior: PRIOR_SOCIAL,
    lines: &[
        "Jeg er koordinerende sagsbehandler for borgere i ressourceforløb og holder sammen på mange aktører.",
    ],
};

pub static INTEGR: Role = Role {
    profession: "jobkonsulent",
    titles: &[
        "Integrationskonsulent",
        "Jobkonsulent",
        "Sprog- og jobkonsulent",
    ],
    core: &[
        "Integrationsprogrammet",
        "Kommunikation med tolk",
        "Virksomhedspraktik",
        "Dansk som andetsprog",
        "Opkvalificering",
    ],
    extra: &[
        "Æresrelaterede konflikter",
        "Traumebevidst praksis",
        "Løntilskud",
        "Boligstøtte",
        "Forældresamarbejde",
    ],
    female_pct: 60,
    prior: PRIOR_JOB,
    lines: &[
        "Jeg arbejder med nyankomne flygtninge, blandt andet fra Ukraine og Syrien, og deres vej ind på arbejdsmarkedet.",
        "Jeg kombinerer danskundervisning og praktik, så sproget læres på arbejdspladsen.",
    ],
};

pub static SSA: Role = Role {
    profession: "social- og sundhedsassistent",
    titles: &[
        "Social- og sundhedsassistent",
        "Forflytningsvejleder",
        "Demensnøgleperson",
    ],
    core: &[
        "Medicinhåndtering",
        "Demens",
        "Forflytning",
        "Tidlig opsporing",
        "Fælles Sprog III",
        "Sårpleje",
    ],
    extra: &[
        "Hverdagsrehabilitering",
        "Palliation",
        "Ernæring hos ældre",
        "Velfærdsteknologi",
        "Pårørendesamarbejde",
        "Kommunikation med tolk",
    ],
    female_pct: 90,
    prior: PRIOR_HEALTH,
    lines: &[
        "Jeg kører mest aftenvagter og kender borgerne i distriktet rigtig godt.",
        "Jeg er forflytningsvejleder og kommer gerne ud og kigger på en svær forflytning.",
        "Jeg er demensnøgleperson i distriktet og hjælper kolleger med borgere, der er urolige.",
    ],
};

pub static SSH: Role = Role {
    profession: "social- og sundhedshjælper",
    titles: &["Social- og sundhedshjælper", "Hjemmehjælper"],
    core: &[
        "Hverdagsrehabilitering",
        "Forflytning",
        "Demens",
        "Tidlig opsporing",
    ],
    extra: &[
        "Ernæring hos ældre",
        "Ensomhed",
        "Velfærdsteknologi",
        "Kommunikation med tolk",
    ],
    female_pct: 90,
    prior: PRIOR_HEALTH,
    lines: &[
        "Jeg har været i hjemmeplejen i mange år og ved, hvordan man får en god dialog med selv de mest skeptiske borgere.",
    ],
};

pub static HJ_SYGEPL: Role = Role {
    profession: "sygeplejerske",
    titles: &[
        "Hjemmesygeplejerske",
        "Sygeplejerske",
        "Demenskoordinator",
        "Akutsygeplejerske",
    ],
    core: &[
        "Sårpleje",
        "Medicinhåndtering",
        "Palliation",
        "Kroniske sygdomme",
        "Tidlig opsporing",
        "Demens",
    ],
    extra: &[
        "Fælles Sprog III",
        "Ernæring hos ældre",
        "Pårørendesamarbejde",
        "Velfærdsteknologi",
        "Supervision",
        "Faldforebyggelse",
    ],
    female_pct: 92,
    prior: PRIOR_HEALTH,
    lines: &[
        "Jeg er ressourceperson for sår og kommer gerne med på et besøg, hvis et sår ikke vil hele.",
        "Jeg er en del af akutteamet og tager mig af borgere, der er i risiko for at blive indlagt.",
        "Jeg har taget en diplomuddannelse i palliation og holder gerne oplæg om den svære samtale.",
    ],
};

pub static VISITATOR: Role = Role {
    profession: "sygeplejerske",
    titles: &["Visitator", "Sygeplejefaglig visitator"],
    core: &[
        "Serviceloven",
        "Hverdagsrehabilitering",
        "Demens",
        "Fælles Sprog III",
        "Hjælpemidler",
    ],
    extra: &[
        "Forvaltningsret",
        "Velfærdsteknologi",
        "Pårørendesamarbejde",
        "Klagesager",
        "Palliation",
    ],
    female_pct: 90,
    prior: PRIOR_HEALTH,
    lines: &[
        "Jeg visiterer til hjemmepleje og plejebolig og kan hjælpe, hvis du er i tvivl om, hvad en borger kan få.",
        "Jeg sidder med de svære sager om plejebolig, hvor pårørende og borger ikke er enige.",
    ],
};

pub static FYSIO: Role = Role {
    profession: "fysioterapeut",
    titles: &["Fysioterapeut", "Træningsterapeut"],
    core: &[
        "Genoptræning",
        "Hverdagsrehabilitering",
        "Faldforebyggelse",
        "Kroniske sygdomme",
        "Erhvervet hjerneskade",
    ],
    extra: &[
        "Forflytning",
        "Rehabiliteringsteam",
        "Velfærdsteknologi",
        "Sundhedsfremme",
        "Motiverende samtale",
    ],
    female_pct: 70,
    prior: PRIOR_HEALTH,
    lines: &[
        "Jeg har hold for borgere med KOL og hjertesygdom og laver genoptræning efter hofteoperationer.",
        "Jeg har lavet vores faldforebyggende hold og hjælper gerne med at screene for faldrisiko.",
    ],
};

pub static ERGO: Role = Role {
    profession: "ergoterapeut",
    titles: &["Ergoterapeut", "Hjælpemiddelterapeut", "Hjerneskadekoordinator"],
    core: &[
        "Hjælpemidler",
        "Hverdagsrehabilitering",
        "Genoptræning",
        "Erhvervet hjerneskade",
        "Forflytning",
    ],
    extra: &[
        "Demens",
        "Faldforebyggelse",
        "Velfærdsteknologi",
        "Neuropædagogik",
        "VUM",
    ],
    female_pct: 90,
    prior: PRIOR_HEALTH,
    lines: &[
        "Jeg er hjerneskadekoordinator og følger borgerne fra udskrivning til hverdagen derhjemme.",
        "Jeg vurderer behov for hjælpemidler og boligændringer og kender sortimentet godt.",
    ],
};

pub static FOREBYG: Role = Role {
    profession: "sundhedskonsulent",
    titles: &["Sundhedskonsulent", "Forebyggelseskonsulent", "Sundhedscoach"],
    core: &[
        "Sundhedsfremme",
        "Rygestop",
        "Sundhedssamtaler",
        "Mental sundhed",
        "Kroniske sygdomme",
        "Motiverende samtale",
    ],
    extra: &[
        "Ensomhed",
        "Overvægt hos børn",
        "Alkoholbehandling",
        "Borgerinddragelse",
        "Facilitering",
        "Dataanalyse",
    ],
    female_pct: 80,
    prior: PRIOR_HEALTH,
    lines: &[
        "Jeg står for rygestopforløb og sundhedssamtaler i Sundhedshuset.",
        "Jeg har koordineret kommunens indsats for mental sundhed i samarbejde med foreningerne.",
    ],
};

pub static KULTUR: Role = Role {
    profession: "kulturkonsulent",
    titles: &["Fritidskonsulent", "Kulturkonsulent", "Foreningskonsulent"],
    core: &[
        "Foreningsliv",
        "Fritidspas",
        "Frivillighed",
        "Borgerinddragelse",
        "Projektledelse",
    ],
    extra: &[
        "Facilitering",
        "Kriminalitetsforebyggelse",
        "Klub- og fritidsarbejde",
        "Ensomhed",
    ],
    female_pct: 55,
    prior: PRIOR_CULTURE,
    lines: &[
        "Jeg hjælper børn og unge ind i foreningslivet og har et godt netværk i idrætsforeningerne.",
        "Jeg administrerer fritidspasset og ved, hvilke foreninger der er gode til at tage imod nye.",
    ],
};

pub static BIBLIOTEKAR: Role = Role {
    profession: "bibliotekar",
    titles: &["Bibliotekar", "Børnebibliotekar", "Formidler"],
    core: &[
        "Læsefremme",
        "Digital selvbetjening",
        "Borgerinddragelse",
        "Digital dannelse",
    ],
    extra: &["Dansk som andetsprog", "Frivillighed", "Facilitering", "Ensomhed"],
    female_pct: 75,
    prior: PRIOR_CULTURE,
    lines: &[
        "Jeg står for lektiecaféen og sprogcaféen på biblioteket.",
        "Jeg hjælper ældre borgere med MitID og digital post og har mange gode tricks.",
    ],
};

pub static KLUB: Role = Role {
    profession: "pædagog",
    titles: &["Klubmedarbejder", "Klubpædagog", "Ungdomsskolemedarbejder"],
    core: &[
        "Klub- og fritidsarbejde",
        "Kriminalitetsforebyggelse",
        "Digital dannelse",
        "Gadeplansarbejde",
    ],
    extra: &[
        "Fritidspas",
        "Rusmiddelforebyggelse",
        "Konflikthåndtering",
        "SSP-samarbejde",
        "Low arousal",
    ],
    female_pct: 45,
    prior: PRIOR_SCHOOL,
    lines: &["Jeg arbejder i ungdomsklubben om aftenen og kender mange af de unge fra udskolingen."],
};

pub static BORGERSERVICE: Role = Role {
    profession: "kontorfuldmægtig",
    titles: &[
        "Borgerservicemedarbejder",
        "Kontorfuldmægtig",
        "Specialist i borgerservice",
    ],
    core: &[
        "Borgerbetjening",
        "Digital selvbetjening",
        "Pas og kørekort",
        "Folkeregistrering",
        "Boligstøtte",
    ],
    extra: &[
        "Kommunikation med tolk",
        "Håndtering af trusler",
        "Klarsprog",
        "Journalisering",
        "GDPR",
    ],
    female_pct: 80,
    prior: PRIOR_SERVICE,
    lines: &[
        "Jeg sidder i skranken og ved, hvad borgerne spørger om, før de ringer til jer.",
        "Jeg er superbruger på folkeregistreringen og hjælper gerne med de svære adressesager.",
    ],
};

pub static YDELSE: Role = Role {
    profession: "kontorfuldmægtig",
    titles: &["Ydelsessagsbehandler", "Kontorfuldmægtig"],
    core: &["Boligstøtte", "Forvaltningsret", "Journalisering", "Klagesager"],
    extra: &[
        "Kommunikation med tolk",
        "Klarsprog",
        "Digital selvbetjening",
        "Aktindsigt",
    ],
    female_pct: 80,
    prior: PRIOR_SERVICE,
    lines: &["Jeg behandler sager om enkeltydelser og kan hjælpe, hvis du er i tvivl om, hvem der betaler."],
};

pub static HR: Role = Role {
    profession: "HR-konsulent",
    titles: &[
        "HR-konsulent",
        "HR-partner",
        "Arbejdsmiljøkonsulent",
        "Lønkonsulent",
    ],
    core: &[
        "Rekruttering",
        "Psykisk arbejdsmiljø",
        "Overenskomster",
        "Sygefraværssamtaler",
        "Konflikthåndtering",
    ],
    extra: &[
        "Forandringsledelse",
        "Facilitering",
        "GDPR",
        "Håndtering af trusler",
        "Projektledelse",
        "Dataanalyse",
    ],
    female_pct: 75,
    prior: PRIOR_ADMIN,
    lines: &[
        "Jeg er HR-partner for Børn og Familie og Social og Handicap.",
        "Jeg har lavet kommunens nye politik om vold og trusler og kommer gerne ud og taler med jeres team.",
        "Jeg hjælper ledere med svære personalesager og sygefravær.",
    ],
};

pub static OEKONOM: Role = Role {
    profession: "økonom",
    titles: &[
        "Økonomikonsulent",
        "Controller",
        "Budgetkonsulent",
        "Specialkonsulent",
    ],
    core: &["Budgetopfølgning", "Økonomistyring", "Dataanalyse"],
    extra: &[
        "Udbud og indkøb",
        "Projektledelse",
        "Facilitering",
        "Anbringelser",
        "Kunstig intelligens",
    ],
    female_pct: 50,
    prior: PRIOR_ADMIN,
    lines: &[
        "Jeg er controller på det specialiserede børneområde og ved, hvad en anbringelse koster.",
        "Jeg laver ledelsesinformation og kan hjælpe med at trække tal ud af fagsystemerne.",
    ],
};

pub static JURIST: Role = Role {
    profession: "jurist",
    titles: &["Jurist", "Specialkonsulent, jura", "Juridisk konsulent"],
    core: &[
        "Forvaltningsret",
        "Aktindsigt",
        "GDPR",
        "Klagesager",
        "Serviceloven",
        "Barnets lov",
    ],
    extra: &[
        "Magtanvendelse",
        "Udbud og indkøb",
        "Klarsprog",
        "Ungdomskriminalitetsnævnet",
        "Journalisering",
    ],
    female_pct: 65,
    prior: PRIOR_ADMIN,
    lines: &[
        "Jeg rådgiver om aktindsigt, partshøring og tavshedspligt – også når det haster.",
        "Jeg gennemgår Ankestyrelsens afgørelser og samler læringen til sagsbehandlerne.",
        "Jeg er kommunens databeskyttelsesrådgiver og hjælper gerne, hvis du er i tvivl om et brud.",
    ],
};

pub static DIGI: Role = Role {
    profession: "IT-konsulent",
    titles: &[
        "Digitaliseringskonsulent",
        "IT-konsulent",
        "Systemkonsulent",
        "Specialkonsulent",
    ],
    core: &[
        "Digitalisering",
        "Fagsystemer",
        "Projektledelse",
        "Kunstig intelligens",
        "GDPR",
    ],
    extra: &[
        "Dataanalyse",
        "Velfærdsteknologi",
        "Facilitering",
        "Forandringsledelse",
        "Digital selvbetjening",
    ],
    female_pct: 40,
    prior: PRIOR_ADMIN,
    lines: &[
        "Jeg er systemansvarlig for fagsystemet på børneområdet og kender både genvejene og fejlene.",
        "Jeg leder kommunens forsøg med kunstig intelligens til journalnotater.",
    ],
};

pub static SEKR: Role = Role {
    profession: "kontorfuldmægtig",
    titles: &["Kontorfuldmægtig", "Administrativ medarbejder", "Teamsekretær"],
    core: &["Journalisering", "Fagsystemer", "GDPR", "Aktindsigt"],
    extra: &[
        "Klarsprog",
        "Budgetopfølgning",
        "Facilitering",
        "Kommunikation med tolk",
    ],
    female_pct: 90,
    prior: PRIOR_SERVICE,
    lines: &[
        "Jeg bestiller tolke, styrer mødekalenderen og ved, hvor alle skabelonerne ligger.",
        "Jeg er superbruger på journaliseringen og hjælper gerne nye kolleger i gang.",
    ],
};

pub static SPEC: Role = Role {
    profession: "specialkonsulent",
    titles: &["Specialkonsulent", "Udviklingskonsulent", "Faglig koordinator"],
    core: &[
        "Projektledelse",
        "Dataanalyse",
        "Facilitering",
        "Forvaltningsret",
        "Forandringsledelse",
    ],
    extra: &[
        "Klarsprog",
        "Kunstig intelligens",
        "Videndeling",
        "Barnets lov",
        "Økonomistyring",
    ],
    female_pct: 65,
    prior: PRIOR_ADMIN,
    lines: &[
        "Jeg skriver sager til udvalget og kan hjælpe med at gøre et fagligt oplæg politisk spiseligt.",
        "Jeg koordinerer kvalitetsarbejdet og de tværgående udviklingsprojekter.",
    ],
};
