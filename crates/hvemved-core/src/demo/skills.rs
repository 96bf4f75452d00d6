//! The skill vocabulary of the demo municipality.
//!
//! Every skill a demo person holds and every skill a demo course teaches comes
//! from this one list, so the directory's skill facets stay tidy. Each skill
//! also carries a phrase that reads naturally after "Spørg mig om …" or
//! "Jeg arbejder med …", which lets bios use inflected and compound forms
//! ("den mentaliseringsbaserede tilgang") rather than repeating the bare label.

pub struct Skill {
    pub name: &'static str,
    pub phrase: &'static str,
}

const fn s(name: &'static str, phrase: &'static str) -> Skill {
    Skill { name, phrase }
}

pub const SKILLS: &[Skill] = &[
    // Myndighed på børne- og ungeområdet
    s(
        "Børnefaglig undersøgelse (§ 50 / BFU)",
        "børnefaglige undersøgelser",
    ),
    s("Underretninger", "håndtering af underretninger"),
    s("Handleplaner", "handleplaner og opfølgning på dem"),
    s("Barnets lov", "Barnets lov og de nye krav til inddragelse"),
    s("Børnesamtaler", "samtaler med børn om svære ting"),
    s("Signs of Safety", "Signs of Safety og sikkerhedsplaner"),
    s("ICS", "ICS og helhedsvurderingen af barnet"),
    s("Samarbejdsmodellen", "Samarbejdsmodellen og den tidlige indsats"),
    s("Anbringelser", "anbringelsessager"),
    s("Efterværn", "efterværnet for unge mellem 18 og 23"),
    s("Ungeplaner", "ungeplaner og overgangen til voksenlivet"),
    s("Netværksmøder", "netværksmøder med familie og fagfolk"),
    s("Familierådslagning", "familierådslagning"),
    s("Børn med handicap", "sager om børn med handicap"),
    s(
        "Tabt arbejdsfortjeneste",
        "tabt arbejdsfortjeneste og merudgifter",
    ),
    s("Plejefamilier", "samarbejdet med plejefamilier"),
    s("Ungdomskriminalitetsnævnet", "sager i Ungdomskriminalitetsnævnet"),
    s("Børnehuset", "samarbejdet med Børnehuset om overgrebssager"),
    s("Vold i nære relationer", "vold i nære relationer"),
    s(
        "Æresrelaterede konflikter",
        "æresrelaterede konflikter og negativ social kontrol",
    ),
    s("Børn i skilsmisse", "børn midt i en skilsmisse"),
    // Familiebehandling
    s("Familiebehandling", "familiebehandling i hjemmet"),
    s("Mentalisering", "den mentaliseringsbaserede tilgang"),
    s("Marte Meo", "Marte Meo og videobaseret vejledning af forældre"),
    s("Traumebevidst praksis", "traumebevidst praksis"),
    s(
        "Forældrekompetenceundersøgelser",
        "forældrekompetenceundersøgelser",
    ),
    s("Systemisk tænkning", "systemisk tænkning i familiearbejdet"),
    s("Narrativ praksis", "narrative samtaler"),
    s("Tilknytning", "tilknytningen mellem forældre og små børn"),
    s("De Utrolige År", "forældreprogrammet De Utrolige År"),
    s("PMTO", "PMTO-forløb for familier"),
    s("Sorg og krise", "børn og unge i sorg og krise"),
    // Unge, SSP og forebyggelse
    s("SSP-samarbejde", "SSP-samarbejdet med skoler og politi"),
    s("Kriminalitetsforebyggelse", "kriminalitetsforebyggende arbejde"),
    s(
        "Radikalisering og ekstremisme",
        "bekymringer om radikalisering og ekstremisme",
    ),
    s(
        "Rusmiddelforebyggelse",
        "rusmiddelforebyggende arbejde i udskolingen",
    ),
    s("Hashmisbrug", "behandling af unge hashmisbrugere"),
    s("Gadeplansarbejde", "gadeplansarbejde og opsøgende kontakt"),
    s("Exitforløb", "exitforløb for unge i bandemiljøer"),
    s("Digital dannelse", "digital dannelse og unges liv på nettet"),
    s(
        "Digitale krænkelser",
        "digitale krænkelser og deling af nøgenbilleder",
    ),
    s("Forældresamarbejde", "det svære forældresamarbejde"),
    s("Skolefravær", "bekymrende skolefravær"),
    // Sundhedsplejen
    s("Amning", "amning og spædbørnsernæring"),
    s(
        "Efterfødselsreaktioner",
        "efterfødselsreaktioner hos både mødre og fædre",
    ),
    s("Hjemmebesøg", "hjemmebesøg i familier med nyfødte"),
    s("Tidlig opsporing", "tidlig opsporing"),
    s("Sundhedsfremme", "sundhedsfremme i hverdagen"),
    s("Søvn hos små børn", "søvnproblemer hos små børn"),
    s("Overvægt hos børn", "overvægt hos børn og familiens madvaner"),
    s("Skolesundhedspleje", "sundhedssamtaler i skolen"),
    s(
        "Sårbare gravide",
        "sårbare gravide og tværfaglige graviditetsforløb",
    ),
    s("Motorisk udvikling", "motorisk udvikling hos børn"),
    // PPR, skole og dagtilbud
    s("Angst hos børn og unge", "angst hos børn og unge"),
    s("Spiseforstyrrelser", "spiseforstyrrelser"),
    s("Selvskade", "selvskadende adfærd"),
    s("Autisme", "børn og unge med autisme"),
    s("ADHD", "ADHD i skole og hjem"),
    s("Neuropædagogik", "neuropædagogik"),
    s("Low arousal", "low arousal og konfliktnedtrapning"),
    s("Inkluderende læringsmiljøer", "inkluderende læringsmiljøer"),
    s("Ordblindhed", "ordblindhed og læsevanskeligheder"),
    s("Sprogvurdering", "sprogvurderinger af små børn"),
    s("Tale- og sprogvanskeligheder", "tale- og sprogvanskeligheder"),
    s("Høretab", "børn med høretab"),
    s(
        "Pædagogisk-psykologisk vurdering (PPV)",
        "pædagogisk-psykologiske vurderinger",
    ),
    s("Specialundervisning", "specialundervisning og visitation"),
    s("Trivsel i skolen", "trivselsarbejde i klasserne"),
    s("Overgange", "den gode overgang fra børnehave til skole"),
    s("Dansk som andetsprog", "dansk som andetsprog"),
    s(
        "Den styrkede pædagogiske læreplan",
        "den styrkede pædagogiske læreplan",
    ),
    s("Mobning", "mobning og fællesskaber i klassen"),
    // Uddannelsesvejledning
    s("Uddannelsesvejledning", "uddannelsesvejledning"),
    s("Uddannelsesparathedsvurdering", "uddannelsesparathedsvurderinger"),
    s("FGU", "FGU og de andre veje efter 9. klasse"),
    s("STU", "STU for unge med særlige behov"),
    s("Mentorordninger", "mentorordninger for unge"),
    s("Brobygning", "brobygning og praktik i udskolingen"),
    s("Kommunal ungeindsats (KUI)", "den kommunale ungeindsats"),
    // Beskæftigelse
    s("Virksomhedspraktik", "virksomhedspraktik"),
    s("Løntilskud", "løntilskud"),
    s("IPS", "IPS-metoden"),
    s("Jobrotation", "jobrotation"),
    s("Sygedagpengeopfølgning", "sygedagpengeopfølgning"),
    s(
        "Rehabiliteringsteam",
        "forberedelse af sager til rehabiliteringsteamet",
    ),
    s("Ressourceforløb", "ressourceforløb"),
    s("Fleksjob", "fleksjob"),
    s("Jobafklaringsforløb", "jobafklaringsforløb"),
    s("Virksomhedskontakt", "kontakten til lokale virksomheder"),
    s("Uddannelseshjælp", "unge på uddannelseshjælp"),
    s("Integrationsprogrammet", "integrationsprogrammet"),
    s("LAB-loven", "LAB-loven"),
    s(
        "Arbejdsfastholdelse",
        "fastholdelse af sygemeldte på arbejdspladsen",
    ),
    s("Opkvalificering", "opkvalificering og brancheskift"),
    s("Stress og sygefravær", "stressramte sygemeldte"),
    // Sundhed og omsorg
    s("Demens", "demens og samarbejde med pårørende"),
    s("Hverdagsrehabilitering", "hverdagsrehabilitering"),
    s("Faldforebyggelse", "faldforebyggelse hos ældre"),
    s("Sårpleje", "sårpleje"),
    s("Medicinhåndtering", "medicinhåndtering"),
    s("Palliation", "palliativ pleje i eget hjem"),
    s("Kroniske sygdomme", "borgere med kroniske sygdomme"),
    s("Hjælpemidler", "hjælpemidler og boligindretning"),
    s("Genoptræning", "genoptræningsplaner efter hospitalsophold"),
    s("Forflytning", "forflytning og gode arbejdsstillinger"),
    s("Ernæring hos ældre", "ernæring og utilsigtet vægttab hos ældre"),
    s("Rygestop", "rygestopforløb"),
    s("Velfærdsteknologi", "velfærdsteknologi og skærmbesøg"),
    s("Ensomhed", "ensomhed blandt ældre"),
    s("Mental sundhed", "mental sundhed og trivsel"),
    s("Sundhedssamtaler", "sundhedssamtaler"),
    s("Fælles Sprog III", "dokumentation efter Fælles Sprog III"),
    // Social og handicap
    s("Recovery", "recoveryorienteret praksis"),
    s("Bostøtte (§ 85)", "bostøtte efter § 85"),
    s("Dobbeltdiagnoser", "borgere med dobbeltdiagnoser"),
    s("Alkoholbehandling", "alkoholbehandling"),
    s("Substitutionsbehandling", "substitutionsbehandling"),
    s("Skadesreduktion", "skadesreduktion"),
    s("Housing First", "Housing First og hjemløshed"),
    s("Psykisk sårbarhed", "borgere med psykisk sårbarhed"),
    s("Udviklingshæmning", "voksne med udviklingshæmning"),
    s("Magtanvendelse", "reglerne for magtanvendelse"),
    s("Kognitiv adfærdsterapi", "kognitiv adfærdsterapi"),
    s("Motiverende samtale", "motiverende samtale"),
    s("Pårørendesamarbejde", "samarbejde med pårørende"),
    s(
        "Selvmordsforebyggelse",
        "selvmordsforebyggelse og den svære samtale",
    ),
    s("Erhvervet hjerneskade", "borgere med erhvervet hjerneskade"),
    s("VUM", "Voksenudredningsmetoden"),
    // Kultur og fritid
    s("Foreningsliv", "samarbejdet med foreningslivet"),
    s("Fritidspas", "fritidspas og fritidsjob til udsatte børn"),
    s("Frivillighed", "frivillighed og samarbejde med civilsamfundet"),
    s("Borgerinddragelse", "borgerinddragelse"),
    s("Læsefremme", "læsefremme for børn og familier"),
    s("Klub- og fritidsarbejde", "klub- og fritidsarbejde"),
    // Borgerservice
    s("Borgerbetjening", "borgerbetjening ved skranken og i telefonen"),
    s(
        "Digital selvbetjening",
        "hjælp til digital selvbetjening og MitID",
    ),
    s("Pas og kørekort", "pas og kørekort"),
    s("Boligstøtte", "boligstøtte"),
    s("Folkeregistrering", "folkeregistrering og CPR"),
    s("Kommunikation med tolk", "samtaler med tolk"),
    s("Klagesager", "klagesager og genvurdering"),
    // Jura, økonomi, HR og digitalisering
    s("Forvaltningsret", "forvaltningsret og partshøring"),
    s("Serviceloven", "serviceloven"),
    s("GDPR", "GDPR og databeskyttelse"),
    s("Journalisering", "god journalisering"),
    s("Aktindsigt", "aktindsigt"),
    s("Budgetopfølgning", "budgetopfølgning"),
    s("Økonomistyring", "økonomistyring på det specialiserede område"),
    s("Dataanalyse", "dataanalyse og ledelsesinformation"),
    s("Rekruttering", "rekruttering og onboarding"),
    s("Psykisk arbejdsmiljø", "det psykiske arbejdsmiljø"),
    s("Overenskomster", "overenskomster og lønforhandling"),
    s("Sygefraværssamtaler", "sygefraværssamtaler"),
    s("Projektledelse", "projektledelse"),
    s("Facilitering", "facilitering af workshops og møder"),
    s("Klarsprog", "klart sprog i breve til borgerne"),
    s("Digitalisering", "digitaliseringsprojekter"),
    s("Fagsystemer", "fagsystemerne og gode arbejdsgange"),
    s("Kunstig intelligens", "kunstig intelligens i sagsbehandlingen"),
    s("Udbud og indkøb", "udbud og indkøb"),
    s("Faglig ledelse", "faglig ledelse"),
    s("Forandringsledelse", "forandringsledelse"),
    s("Konflikthåndtering", "konflikthåndtering"),
    s("Videndeling", "videndeling på tværs af afdelinger"),
    s("Supervision", "supervision af kolleger"),
    s("Håndtering af trusler", "håndtering af truende adfærd"),
];

/// Skills almost anyone in a municipality might list besides their core ones.
pub const GENERAL: &[&str] = &[
    "Journalisering",
    "GDPR",
    "Facilitering",
    "Videndeling",
    "Konflikthåndtering",
    "Projektledelse",
    "Kommunikation med tolk",
    "Forvaltningsret",
    "Klarsprog",
    "Håndtering af trusler",
    "Fagsystemer",
];

pub fn find(name: &str) -> Option<&'static Skill> {
    SKILLS.iter().find(|s| s.name == name)
}

/// The bio phrase for a skill; the bare name in lower case if it is unknown,
/// which only happens if a table elsewhere has a typo (the tests catch it).
pub fn phrase(name: &str) -> String {
    find(name).map_or_else(|| name.to_lowercase(), |s| s.phrase.to_string())
}
