//! Course topics for the demo municipality: what staff go on courses,
//! conferences and theme days about, and what they bring home.
//!
//! Each topic ties titles, skills, likely providers and the units whose staff
//! would attend, so a conference on efterværn is attended by people from the
//! Ungeenhed and not by the payroll team. The sentences are written to be
//! mixed: a summary takes one or two of `learned`, maybe one of `use_for`.

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Kursus,
    Konference,
    Temadag,
    Uddannelse,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Kursus => "kursus",
            Kind::Konference => "konference",
            Kind::Temadag => "temadag",
            Kind::Uddannelse => "uddannelse",
        }
    }
}

use Kind::*;

pub struct Topic {
    pub skills: &'static [&'static str],
    pub titles: &'static [(Kind, &'static str)],
    pub providers: &'static [&'static str],
    /// Fragments of unit paths whose staff typically attend.
    pub units: &'static [&'static str],
    pub learned: &'static [&'static str],
    pub use_for: &'static [&'static str],
    pub takeaways: &'static [&'static str],
}

/// Providers and the places they usually hold their events.
pub const PROVIDERS: &[(&str, &[&str])] = &[
    (
        "Socialstyrelsen",
        &["Odense Congress Center", "Online", "Comwell Kolding"],
    ),
    (
        "VIA University College",
        &["VIA, Campus Aarhus C", "VIA, Campus Viborg"],
    ),
    (
        "Professionshøjskolen Absalon",
        &["Absalon, Campus Roskilde", "Absalon, Campus Slagelse"],
    ),
    ("UC SYD", &["UC SYD, Campus Esbjerg", "UC SYD, Campus Kolding"]),
    ("Professionshøjskolen UCN", &["UCN, Aalborg"]),
    ("Københavns Professionshøjskole", &["KP, Campus Tagensvej"]),
    (
        "KL",
        &[
            "KL-huset, København",
            "Nyborg Strand",
            "Aalborg Kongres & Kultur Center",
        ],
    ),
    ("Sundhedsstyrelsen", &["Online", "Odense Congress Center"]),
    ("Det Kriminalpræventive Råd", &["Nyborg Strand", "Online"]),
    (
        "Nationalt Center for Forebyggelse af Ekstremisme",
        &["Online", "Comwell Kolding"],
    ),
    (
        "Styrelsen for Arbejdsmarked og Rekruttering",
        &["Online", "Hotel Vejlefjord"],
    ),
    ("Dansk Socialrådgiverforening", &["Nyborg Strand", "Online"]),
    (
        "Dansk Sygeplejeråd",
        &["Comwell Kolding", "Odense Congress Center"],
    ),
    ("Danske Fysioterapeuter", &["Odense Congress Center"]),
    ("Ergoterapeutforeningen", &["Nyborg Strand"]),
    (
        "Nationalt Videnscenter for Demens",
        &["Online", "Tivoli Congress Center, København"],
    ),
    ("Psykiatrifonden", &["Online", "Scandic Odense"]),
    (
        "Center for Rusmiddelforskning",
        &["Aarhus Universitet, Aarhus C", "Online"],
    ),
    ("Ankestyrelsen", &["Online"]),
    ("Danmarks Evalueringsinstitut", &["Online", "Hotel Koldingfjord"]),
    ("Det Nationale Sorgcenter", &["Online", "Scandic Odense"]),
    (
        "Sølvsted Kommune",
        &[
            "Rådhuset, Sølvsted (byrådssalen)",
            "Kulturhuset Remisen, Sølvsted",
        ],
    ),
];

pub const TOPICS: &[Topic] = &[
    Topic {
        skills: &["Mentalisering", "Familiebehandling"],
        titles: &[
            (Temadag, "Temadag: mentalisering i praksis"),
            (Uddannelse, "Uddannelse i mentaliseringsbaseret familiebehandling"),
            (Kursus, "Kursus i mentaliserende samtaler med forældre"),
        ],
        providers: &["Professionshøjskolen Absalon", "VIA University College"],
        units: &["Familiebehandling", "Myndighed", "Sundhedsplejen"],
        learned: &[
            "Vi øvede os i at holde fast i nysgerrigheden på forælderens tanker og følelser, også når samtalen bliver presset.",
            "Underviseren viste klip fra hjemmebesøg og gennemgik, hvornår mentaliseringen bryder sammen – hos forælderen og hos os selv.",
            "Vi fik et fælles sprog for, hvad der sker mellem forælder og barn, når det går galt.",
        ],
        use_for: &[
            "Tilgangen kan bruges i almindelige samtaler med forældre, ikke kun i egentlig behandling.",
            "Øvelserne egner sig godt til et teammøde, hvor man vil gennemgå en fastlåst sag.",
        ],
        takeaways: &[
            "- Fokus på, hvad forælderen tænker og føler, ikke kun på adfærden",
            "- Sænk tempoet, når følelserne stiger",
            "- Vær nysgerrig i stedet for at have svaret klar",
            "- Stop og spol tilbage, når en samtale kører af sporet",
        ],
    },
    Topic {
        skills: &["Motiverende samtale"],
        titles: &[
            (Kursus, "Kursus i motiverende samtale"),
            (Temadag, "Motiverende samtale med unge – opfølgningsdag"),
        ],
        providers: &["VIA University College", "Center for Rusmiddelforskning", "UC SYD"],
        units: &["Rusmiddelcentret", "Jobcenter", "Ungeenheden", "Forebyggelse"],
        learned: &[
            "Kurset gennemgik de grundlæggende teknikker: åbne spørgsmål, refleksioner og opsummeringer.",
            "Vi trænede i at lytte efter forandringsudsagn og lade borgeren selv formulere argumenterne for at ændre noget.",
            "En stor del af dagen gik med rollespil på rigtige cases fra hverdagen.",
        ],
        use_for: &[
            "Metoden virker i alle samtaler, hvor borgeren er i tvivl – fra rusmidler til fremmøde i skole eller på job.",
            "Det er en god idé at optage en samtale (med samtykke) og lytte den igennem sammen med en kollega.",
        ],
        takeaways: &[
            "- Lad borgeren argumentere for forandringen – ikke dig",
            "- Mindst to refleksioner for hvert spørgsmål",
            "- Modstand er et signal om at skifte kurs",
            "- Spørg om lov, før du giver råd",
        ],
    },
    Topic {
        skills: &["Efterværn", "Ungeplaner"],
        titles: &[
            (Konference, "Landskonference om efterværn"),
            (Temadag, "Temadag: efterværn og overgangen til voksenlivet"),
        ],
        providers: &["Socialstyrelsen", "KL", "Dansk Socialrådgiverforening"],
        units: &["Ungeenheden", "Team 13-17 år", "Voksenmyndighed"],
        learned: &[
            "Konferencen satte fokus på de unge, der står uden netværk, når de fylder 18, og på hvad en god overgang kræver.",
            "Tidligere anbragte unge fortalte selv om, hvad der hjalp dem – og hvad der ikke gjorde.",
            "Forskere præsenterede tal for uddannelse, bolig og beskæftigelse blandt tidligere anbragte.",
        ],
        use_for: &[
            "Vi kan bruge pointerne til at starte planlægningen af efterværnet tidligere, allerede når den unge er 16.",
            "Der var gode eksempler på samarbejde mellem ungeenhed, jobcenter og voksenområdet.",
        ],
        takeaways: &[
            "- Start planlægningen senest ved 16 år",
            "- Én fast voksen betyder mere end mange tilbud",
            "- Inddrag den unge i ungeplanen med egne ord",
            "- Aftal overlevering til voksenområdet i god tid",
        ],
    },
    Topic {
        skills: &["Barnets lov", "Børnefaglig undersøgelse (§ 50 / BFU)", "Handleplaner"],
        titles: &[
            (Kursus, "Barnets lov i praksis – børnefaglige undersøgelser"),
            (Temadag, "Temadag: erfaringer med Barnets lov"),
            (Konference, "Børnekonferencen om inddragelse og Barnets lov"),
        ],
        providers: &["Socialstyrelsen", "KL", "Ankestyrelsen"],
        units: &["Myndighed", "Sekretariat", "Ungeenheden"],
        learned: &[
            "Vi gennemgik de nye krav til den børnefaglige undersøgelse og til barnets egen plan.",
            "Ankestyrelsen viste eksempler på afgørelser, hvor barnets perspektiv ikke var tydeligt nok beskrevet.",
            "Der blev talt meget om bisidderordningen og om, hvordan barnet får mulighed for at blive hørt.",
        ],
        use_for: &[
            "Tjeklisten fra kurset kan bruges, når en undersøgelse skal afsluttes.",
            "Pointerne er relevante for alle, der skriver afgørelser på børneområdet.",
        ],
        takeaways: &[
            "- Barnets perspektiv skal fremgå med barnets egne ord",
            "- Husk at tilbyde bisidder",
            "- Skriv undersøgelsen, så forældrene kan læse den",
            "- Proportionalitet skal begrundes, ikke bare nævnes",
        ],
    },
    Topic {
        skills: &["Underretninger", "Tidlig opsporing"],
        titles: &[
            (Temadag, "Temadag om underretninger for skoler og dagtilbud"),
            (Kursus, "Kursus: hvornår skal jeg underrette?"),
        ],
        providers: &["Sølvsted Kommune", "Socialstyrelsen"],
        units: &["Skoler", "Dagtilbud", "Sundhedsplejen", "Myndighed"],
        learned: &[
            "Myndighed gennemgik, hvad der sker med en underretning, fra den modtages, til familien får besked.",
            "Vi talte om forskellen på skærpet underretningspligt og en almindelig bekymring.",
            "Der var gode cases om små børn, hvor bekymringen var diffus.",
        ],
        use_for: &[
            "Materialet er godt at have ved hånden for nye medarbejdere i skole og dagtilbud.",
            "Det kan bruges til at tage snakken om, hvornår man tager forældrene med på råd først.",
        ],
        takeaways: &[
            "- Hellere én underretning for meget end én for lidt",
            "- Beskriv det, du har set og hørt – ikke din fortolkning",
            "- Ring til rådgivningen, hvis du er i tvivl",
            "- Forældrene skal som udgangspunkt orienteres",
        ],
    },
    Topic {
        skills: &["Signs of Safety", "Netværksmøder"],
        titles: &[
            (Uddannelse, "Grunduddannelse i Signs of Safety"),
            (Temadag, "Signs of Safety – netværksdag"),
        ],
        providers: &["Socialstyrelsen", "Professionshøjskolen UCN"],
        units: &["Myndighed", "Familiebehandling"],
        learned: &[
            "Uddannelsen gennemgik de tre kolonner – hvad bekymrer os, hvad fungerer, hvad skal der ske – og sikkerhedsplaner.",
            "Vi øvede os i at formulere bekymringer og mål, som familien kan forstå og tage stilling til.",
            "Vi arbejdede også med, hvordan familiens eget netværk kan bære sikkerhedsplanen.",
        ],
        use_for: &[
            "Skabelonerne kan bruges direkte på netværksmøder.",
        ],
        takeaways: &[
            "- Skriv bekymringen i et sprog, forældrene kan genkende",
            "- Netværket skal vide, hvad bekymringen er",
            "- Skaleringsspørgsmål giver et fælles billede",
        ],
    },
    Topic {
        skills: &["Samarbejdsmodellen", "ICS"],
        titles: &[
            (Temadag, "Temadag: Samarbejdsmodellen i dagtilbud og skole"),
            (Kursus, "ICS-grundkursus for nye rådgivere"),
        ],
        providers: &["Sølvsted Kommune", "Socialstyrelsen"],
        units: &["Myndighed", "Dagtilbud", "Skoler", "PPR"],
        learned: &[
            "Vi gennemgik ICS-trekanten og hvordan den bruges til at beskrive barnets udvikling, forældrenes kompetencer og familiens netværk.",
            "Dagen handlede om at få skole, dagtilbud, PPR og rådgivning til at tale samme sprog, før en sag bliver til en underretning.",
        ],
        use_for: &[
            "Trekanten er et godt redskab til at strukturere et tværfagligt møde.",
            "Modellens trin kan hjælpe, når man skal vurdere, om der er brug for mere end en almen indsats.",
        ],
        takeaways: &[
            "- Beskriv både ressourcer og bekymringer",
            "- Et fælles sprog gør overleveringer lettere",
            "- Inddrag forældrene fra første møde",
        ],
    },
    Topic {
        skills: &["Familiebehandling", "Systemisk tænkning"],
        titles: &[
            (Uddannelse, "Diplommodul i familiebehandling"),
            (Uddannelse, "Diplommodul: systemisk og narrativ praksis"),
            (Konference, "Familiebehandlerkonferencen"),
        ],
        providers: &["VIA University College", "Professionshøjskolen Absalon", "UC SYD"],
        units: &["Familiebehandling"],
        learned: &[
            "Modulet gav en teoretisk ramme for familiebehandling med vægt på systemisk og narrativ tænkning.",
            "Vi arbejdede med cirkulære spørgsmål og med at lade familien selv beskrive problemet.",
            "Konferencen præsenterede ny forskning i, hvilke elementer af familiebehandling der virker.",
        ],
        use_for: &[
            "Spørgeteknikkerne kan bruges af alle, der holder samtaler med hele familier.",
            "Litteraturlisten er god at låne, hvis man overvejer selv at tage modulet.",
        ],
        takeaways: &[
            "- Problemet er ikke personen – personen er ikke problemet",
            "- Cirkulære spørgsmål åbner for flere perspektiver",
            "- Dokumentér effekten løbende sammen med familien",
        ],
    },
    Topic {
        skills: &["Marte Meo", "Tilknytning"],
        titles: &[
            (Uddannelse, "Marte Meo-terapeutuddannelsen"),
            (Temadag, "Temadag om tilknytning hos de mindste"),
        ],
        providers: &["Professionshøjskolen Absalon", "Sølvsted Kommune"],
        units: &["Familiebehandling", "Sundhedsplejen", "Dagtilbud"],
        learned: &[
            "Vi lærte at analysere korte videoklip af samspillet mellem forælder og barn og finde de gode øjeblikke.",
            "Temadagen gennemgik tilknytningsmønstre og tegn på utryg tilknytning hos spædbørn og småbørn.",
        ],
        use_for: &[
            "Metoden er anerkendende og egner sig godt til forældre, der har svært ved at tage imod kritik.",
            "Sundhedsplejen og dagtilbud kan bruge pointerne til at se tidlige tegn på mistrivsel.",
        ],
        takeaways: &[
            "- Vis forældrene det, der lykkes, på video",
            "- Små øjeblikke med kontakt gør en stor forskel",
            "- Følg barnets initiativ og sæt ord på det",
        ],
    },
    Topic {
        skills: &["Traumebevidst praksis"],
        titles: &[
            (Kursus, "Kursus i traumebevidst praksis"),
            (Konference, "Konference om traumebevidst arbejde med børn og unge"),
            (Temadag, "Temadag: traumer hos flygtningefamilier"),
        ],
        providers: &["Socialstyrelsen", "VIA University College", "Psykiatrifonden"],
        units: &["Familiebehandling", "Ungeenheden", "Skoler", "Integration", "Bostøtten"],
        learned: &[
            "Vi fik en grundig gennemgang af, hvordan traumer påvirker hjernen, regulering og relationer.",
            "Der var fokus på, hvordan man skaber tryghed og forudsigelighed i mødet med børn og voksne med traumer.",
            "Oplægsholderne kom med konkrete eksempler fra skoler og døgntilbud.",
        ],
        use_for: &[
            "Pointerne kan bruges, når en borger reagerer voldsomt på noget, der ser ubetydeligt ud.",
            "Der kom gode ideer til, hvordan vi indretter mødelokaler og planlægger samtaler mere trygt.",
        ],
        takeaways: &[
            "- Spørg 'hvad er der sket med dig?' i stedet for 'hvad er der galt med dig?'",
            "- Regulering før refleksion",
            "- Forudsigelighed skaber tryghed",
            "- Pas også på dig selv – sekundær traumatisering er reel",
        ],
    },
    Topic {
        skills: &["Hashmisbrug", "Rusmiddelforebyggelse"],
        titles: &[
            (Konference, "Landskonference om unge og rusmidler"),
            (Temadag, "Temadag: unge, hash og nye rusmidler"),
            (Kursus, "Kursus i behandling af unges hashforbrug"),
        ],
        providers: &["Sundhedsstyrelsen", "Center for Rusmiddelforskning", "Det Kriminalpræventive Råd"],
        units: &["Rusmiddelcentret", "SSP", "Ungeenheden", "Ungeindsats", "Ungdomsskolen"],
        learned: &[
            "Konferencen gav et opdateret billede af unges brug af hash, kokain og receptpligtig medicin.",
            "Vi hørte om, hvordan sociale medier bruges til at købe stoffer, og hvilke kodeord de unge bruger.",
            "Behandlere fra flere kommuner delte erfaringer med korte, fleksible forløb for unge hashrygere.",
        ],
        use_for: &[
            "Viden om de nye stoffer er relevant for alle, der møder unge – også i skole og jobcenter.",
            "Vi kan bruge den til at opdatere forældreoplæggene i udskolingen.",
        ],
        takeaways: &[
            "- Spørg direkte og uden moralisering",
            "- Kokain er blevet langt mere udbredt blandt unge",
            "- Forældre er en vigtig ressource i behandlingen",
            "- Hurtig adgang til behandling betyder meget",
        ],
    },
    Topic {
        skills: &["Radikalisering og ekstremisme", "SSP-samarbejde"],
        titles: &[
            (Temadag, "Temadag om forebyggelse af radikalisering og ekstremisme"),
            (Kursus, "Kursus for Infohus-medarbejdere om bekymringer for ekstremisme"),
        ],
        providers: &["Nationalt Center for Forebyggelse af Ekstremisme", "Det Kriminalpræventive Råd"],
        units: &["SSP", "Ungeenheden", "Skoler", "Ungdomsskolen"],
        learned: &[
            "Vi fik indblik i, hvordan højreekstreme og militante islamistiske miljøer rekrutterer unge online.",
            "Temadagen gennemgik, hvordan en bekymring håndteres i Infohuset sammen med politiet.",
        ],
        use_for: &[
            "Det er godt at kende gangen i en bekymringssag, hvis man selv står med en elev eller ung.",
        ],
        takeaways: &[
            "- Bekymringer skal tages alvorligt, men ikke overdramatiseres",
            "- Kontakt SSP eller Infohuset ved tvivl",
            "- Ensomhed og mistrivsel er ofte vejen ind",
        ],
    },
    Topic {
        skills: &["Kriminalitetsforebyggelse", "SSP-samarbejde", "Gadeplansarbejde"],
        titles: &[
            (Konference, "SSP-årsmøde"),
            (Konference, "Konference om kriminalitetsforebyggelse"),
            (Temadag, "Temadag: unge i bandemiljøer og exit"),
        ],
        providers: &["Det Kriminalpræventive Råd", "KL"],
        units: &["SSP", "Ungeenheden", "Ungdomsskolen", "Team 13-17 år"],
        learned: &[
            "Årsmødet havde oplæg om de nye typer kriminalitet blandt unge, blandt andet bedrageri og digitale krænkelser.",
            "Der blev præsenteret erfaringer med exitforløb og med at få unge ud af grupperinger.",
            "Politiet fortalte om den lokale udvikling og samarbejdet med kommunerne.",
        ],
        use_for: &[
            "Der var gode eksempler på, hvordan SSP, ungeenhed og gadeteam arbejder sammen om de samme unge.",
        ],
        takeaways: &[
            "- Hurtig reaktion efter første sigtelse virker",
            "- Fritidsjob og fællesskab er stærk forebyggelse",
            "- Del viden inden for reglerne – brug § 115",
        ],
    },
    Topic {
        skills: &["Digitale krænkelser", "Digital dannelse"],
        titles: &[
            (Temadag, "Temadag: digitale krænkelser blandt unge"),
            (Kursus, "Kursus i digital dannelse for fagfolk"),
        ],
        providers: &["Det Kriminalpræventive Råd", "Sølvsted Kommune"],
        units: &["SSP", "Skoler", "Ungdomsskolen", "Ungeenheden", "Bibliotekerne"],
        learned: &[
            "Vi fik et overblik over de platforme og spil, børn og unge bruger lige nu.",
            "Dagen handlede om deling af nøgenbilleder, og hvordan man hjælper både den krænkede og den, der har delt.",
        ],
        use_for: &[
            "Materialet er oplagt til forældremøder og trivselstimer i 6.-9. klasse.",
        ],
        takeaways: &[
            "- Lad være med at skælde ud – så kommer de ikke igen",
            "- Anmeld til politiet ved deling af billeder af mindreårige",
            "- Få billeder fjernet hurtigt via de rette kanaler",
        ],
    },
    Topic {
        skills: &["Skolefravær", "Angst hos børn og unge"],
        titles: &[
            (Temadag, "Temadag om bekymrende skolefravær"),
            (Konference, "Konference: når børn ikke kommer i skole"),
            (Kursus, "Kursus i tidlige indsatser mod skolefravær"),
        ],
        providers: &["Danmarks Evalueringsinstitut", "KL", "Sølvsted Kommune"],
        units: &["PPR", "Skoler", "Myndighed", "UU"],
        learned: &[
            "Vi gennemgik forskningen i, hvorfor børn bliver hjemme, og hvorfor angst ofte ligger bag.",
            "Der blev præsenteret en trappemodel for gradvis tilbagevenden, som flere kommuner har gode erfaringer med.",
            "Forældre til børn med højt fravær fortalte om, hvordan det var at stå i det.",
        ],
        use_for: &[
            "Trappemodellen kan bruges på tværs af skole, PPR og rådgivning.",
            "Vi kan bruge pointerne til at reagere tidligere, allerede ved 10 procent fravær.",
        ],
        takeaways: &[
            "- Reagér tidligt og sammen med forældrene",
            "- Små skridt tilbage er bedre end et stort",
            "- Fravær er et symptom – find årsagen",
            "- Hjemmeundervisning må ikke blive en sovepude",
        ],
    },
    Topic {
        skills: &["Selvskade", "Spiseforstyrrelser"],
        titles: &[
            (Temadag, "Temadag om selvskade og spiseforstyrrelser"),
            (Kursus, "Kursus: den svære samtale om selvskade"),
        ],
        providers: &["Psykiatrifonden", "Sundhedsstyrelsen"],
        units: &["PPR", "Sundhedsplejen", "Ungeenheden", "Skoler", "Rusmiddelcentret"],
        learned: &[
            "Vi fik viden om tegn på spiseforstyrrelser og selvskade og om, hvornår der skal handles med det samme.",
            "Kurset trænede, hvordan man spørger direkte ind til selvskade uden at forskrække.",
        ],
        use_for: &[
            "Relevant for alle, der har samtaler med teenagere – også skolesundhedsplejersker og lærere.",
        ],
        takeaways: &[
            "- Det er ikke farligt at spørge direkte",
            "- Reager med ro, ikke med chok",
            "- Kend vejen til børne- og ungdomspsykiatrien",
        ],
    },
    Topic {
        skills: &["Low arousal", "Autisme"],
        titles: &[
            (Kursus, "Kursus i low arousal og konfliktnedtrapning"),
            (Temadag, "Temadag: autisme i skolen"),
        ],
        providers: &["VIA University College", "Sølvsted Kommune"],
        units: &["Skoler", "Egebo", "PPR", "Dagtilbud", "Ungeenheden"],
        learned: &[
            "Vi lærte at se på vores egen rolle i en konflikt og at sænke kravene, når en borger eller et barn er højt oppe.",
            "Temadagen gennemgik, hvordan autisme viser sig hos piger, og hvorfor det så ofte opdages sent.",
        ],
        use_for: &[
            "Principperne kan bruges i alle situationer, hvor nogen er ved at miste kontrollen – også i borgerservice.",
        ],
        takeaways: &[
            "- Den, der kan regulere sig selv, kan hjælpe andre med at regulere sig",
            "- Træd et skridt tilbage og sænk stemmen",
            "- Mennesker gør det godt, hvis de kan",
        ],
    },
    Topic {
        skills: &["Neuropædagogik"],
        titles: &[
            (Uddannelse, "Diplommodul i neuropædagogik"),
            (Kursus, "Neuropædagogik for begyndere"),
        ],
        providers: &["UC SYD", "Professionshøjskolen UCN"],
        units: &["Egebo", "Heldagsskolen", "PPR", "Træning"],
        learned: &[
            "Modulet gav en indføring i hjernens opbygning og i, hvordan man tilrettelægger pædagogik efter borgerens forudsætninger.",
            "Vi arbejdede med neuropædagogiske udredninger af konkrete borgere fra egen praksis.",
        ],
        use_for: &[
            "Udredningsskemaet kan bruges af kolleger, der har borgere med hjerneskade eller udviklingshæmning.",
        ],
        takeaways: &[
            "- Tilpas kravene til hjernens formåen",
            "- Struktur og genkendelighed frigør energi",
            "- Observer før du handler",
        ],
    },
    Topic {
        skills: &["Sprogvurdering", "Dansk som andetsprog"],
        titles: &[
            (Kursus, "Kursus i sprogvurdering af 3-6-årige"),
            (Temadag, "Temadag: flersprogede børn i dagtilbud"),
        ],
        providers: &["Københavns Professionshøjskole", "Sølvsted Kommune"],
        units: &["Dagtilbud", "PPR", "Skoler"],
        learned: &[
            "Vi blev certificeret i at bruge sprogvurderingsmaterialet og fik gennemgået de typiske fejl.",
            "Dagen handlede om, hvordan man støtter modersmålet og dansk på samme tid.",
        ],
        use_for: &[
            "Vi har fået gode idéer til sprogaktiviteter i hverdagen, som kan deles i hele området.",
        ],
        takeaways: &[
            "- Modersmålet er en ressource, ikke en forhindring",
            "- Sprog læres bedst i hverdagens rutiner",
            "- Inddrag forældrene i sprogarbejdet",
        ],
    },
    Topic {
        skills: &["Den styrkede pædagogiske læreplan", "Overgange"],
        titles: &[
            (Temadag, "Temadag om den styrkede pædagogiske læreplan"),
            (Konference, "Dagtilbudskonferencen"),
        ],
        providers: &["Danmarks Evalueringsinstitut", "KL"],
        units: &["Dagtilbud"],
        learned: &[
            "Vi arbejdede med, hvordan læreplanen bliver levende i hverdagens rutiner og ikke kun på papir.",
            "Konferencen havde flere oplæg om overgangen fra dagtilbud til skole og om de børn, der har svært ved den.",
        ],
        use_for: &[
            "Evalueringsskabelonen fra dagen kan bruges i alle husene.",
        ],
        takeaways: &[
            "- Leg er læring – også i læreplanen",
            "- Planlæg overgangen sammen med skolen",
            "- Evaluér løbende og i små bidder",
        ],
    },
    Topic {
        skills: &["Inkluderende læringsmiljøer", "Specialundervisning", "Trivsel i skolen"],
        titles: &[
            (Kursus, "Kursus i inkluderende læringsmiljøer"),
            (Konference, "Konference om specialundervisning og inklusion"),
        ],
        providers: &["Danmarks Evalueringsinstitut", "VIA University College"],
        units: &["Skoler", "PPR"],
        learned: &[
            "Vi fik redskaber til at tilrettelægge undervisningen, så flere elever kan være en del af fællesskabet.",
            "Der blev præsenteret eksempler på skoler, der har fået færre elever i specialtilbud.",
        ],
        use_for: &[
            "Observationsskemaet egner sig til kollegasparring i teamene.",
        ],
        takeaways: &[
            "- Ændr konteksten før du ændrer barnet",
            "- Fællesskab er noget, man laver – ikke noget, man er",
            "- Brug PPR tidligt og som sparring",
        ],
    },
    Topic {
        skills: &["Ordblindhed"],
        titles: &[
            (Kursus, "Kursus: ordblindetest og hjælpemidler"),
            (Temadag, "Temadag om ordblinde unge og voksne"),
        ],
        providers: &["Professionshøjskolen Absalon", "Sølvsted Kommune"],
        units: &["Skoler", "PPR", "Ungeindsats", "UU"],
        learned: &[
            "Vi gennemgik Ordblindetesten og de nyeste læse- og skriveteknologier.",
            "Dagen satte fokus på de mange ledige unge, som aldrig er blevet testet.",
        ],
        use_for: &[
            "Jobcentret og UU kan bruge pointerne til at spotte ordblinde unge tidligere.",
        ],
        takeaways: &[
            "- Test tidligt – det er aldrig for sent",
            "- Hjælpemidler virker kun med træning",
            "- Ordblindhed rammer selvværdet hårdt",
        ],
    },
    Topic {
        skills: &["Uddannelsesvejledning", "Uddannelsesparathedsvurdering", "FGU"],
        titles: &[
            (Uddannelse, "Diplomuddannelse i uddannelses- og erhvervsvejledning"),
            (Konference, "Vejlederkonferencen"),
            (Temadag, "Temadag: FGU og den kommunale ungeindsats"),
        ],
        providers: &["Professionshøjskolen UCN", "VIA University College", "KL"],
        units: &["UU", "Ungeindsats", "Skoler"],
        learned: &[
            "Vi arbejdede med karrierelæring og med, hvordan man vejleder unge, der ikke selv ved, hvad de vil.",
            "Konferencen havde oplæg om den nye reform af ungdomsuddannelserne og om FGU'ens rolle.",
        ],
        use_for: &[
            "Der var gode redskaber til samtaler med unge, som er trætte af skolen.",
        ],
        takeaways: &[
            "- Tal om muligheder, ikke om mangler",
            "- Brobygning og praktik åbner øjnene",
            "- Sørg for en varm overlevering til FGU",
        ],
    },
    Topic {
        skills: &["IPS", "Psykisk sårbarhed"],
        titles: &[
            (Kursus, "IPS-grundkursus"),
            (Temadag, "Temadag: IPS og socialpsykiatrien i samarbejde"),
        ],
        providers: &["Styrelsen for Arbejdsmarked og Rekruttering", "Sølvsted Kommune"],
        units: &["Jobcenter", "Socialpsykiatri"],
        learned: &[
            "Vi lærte de otte principper i IPS, hvor borgeren hurtigt kommer ud på en almindelig arbejdsplads med støtte.",
            "Dagen handlede om samarbejdet mellem jobcenter, behandlingspsykiatri og bostøtte.",
        ],
        use_for: &[
            "Metoden kan inspirere alle, der arbejder med borgere med psykiske vanskeligheder.",
        ],
        takeaways: &[
            "- Borgerens ønske om job er nok til at starte",
            "- Søg job først, træn bagefter",
            "- Tæt samarbejde med behandlingen er afgørende",
        ],
    },
    Topic {
        skills: &["Virksomhedspraktik", "Løntilskud", "Virksomhedskontakt"],
        titles: &[
            (Kursus, "Kursus i virksomhedsrettet indsats"),
            (Konference, "Beskæftigelseskonferencen"),
        ],
        providers: &["Styrelsen for Arbejdsmarked og Rekruttering", "KL"],
        units: &["Virksomhedsservice", "Ungeindsats", "Integration"],
        learned: &[
            "Vi fik gennemgået reglerne for virksomhedspraktik og løntilskud efter den nye beskæftigelseslov.",
            "Konferencen havde oplæg fra virksomheder, der fortalte, hvad de forventer af jobcentret.",
        ],
        use_for: &[
            "Der var konkrete eksempler på, hvordan man matcher ledige og virksomheder hurtigere.",
        ],
        takeaways: &[
            "- Virksomhederne vil have én fast kontaktperson",
            "- Hurtig opfølgning øger chancen for ansættelse",
            "- Brug småjob som trædesten",
        ],
    },
    Topic {
        skills: &["Jobrotation", "Opkvalificering"],
        titles: &[(Temadag, "Temadag om jobrotation i ældreplejen")],
        providers: &["Styrelsen for Arbejdsmarked og Rekruttering", "Sølvsted Kommune"],
        units: &["Virksomhedsservice", "Hjemmeplejen", "HR"],
        learned: &[
            "Vi hørte om kommuner, der har brugt jobrotation til at opkvalificere social- og sundhedshjælpere.",
        ],
        use_for: &[
            "Modellen kan bruges, når vi skal have flere medarbejdere på efteruddannelse uden at skære i plejen.",
        ],
        takeaways: &[
            "- Planlæg vikarernes oplæring i god tid",
            "- Jobrotation kan give nye medarbejdere",
            "- Søg puljen tidligt på året",
        ],
    },
    Topic {
        skills: &["Sygedagpengeopfølgning", "Arbejdsfastholdelse", "Stress og sygefravær"],
        titles: &[
            (Kursus, "Kursus i sygedagpengeloven for nye sagsbehandlere"),
            (Temadag, "Temadag: stress, sygefravær og fastholdelse"),
        ],
        providers: &["Styrelsen for Arbejdsmarked og Rekruttering", "Dansk Socialrådgiverforening"],
        units: &["Sygedagpenge", "HR", "Fleksjob"],
        learned: &[
            "Vi gennemgik visitationen, forlængelsesreglerne og de første samtaler.",
            "Temadagen handlede om, hvordan man bevarer kontakten til arbejdspladsen under en stresssygemelding.",
        ],
        use_for: &[
            "HR kan bruge pointerne i sygefraværssamtaler med egne medarbejdere.",
        ],
        takeaways: &[
            "- Kontakten til arbejdspladsen er vigtigst",
            "- Delvis raskmelding kan være vejen tilbage",
            "- Husk revurderingen i tide",
        ],
    },
    Topic {
        skills: &["Rehabiliteringsteam", "Ressourceforløb", "Fleksjob"],
        titles: &[
            (Temadag, "Temadag om rehabiliteringsteamet"),
            (Kursus, "Kursus for koordinerende sagsbehandlere i ressourceforløb"),
        ],
        providers: &["KL", "Styrelsen for Arbejdsmarked og Rekruttering"],
        units: &["Fleksjob", "Sygedagpenge", "Træning"],
        learned: &[
            "Vi arbejdede med, hvordan en sag forberedes, så rehabiliteringsteamet kan give en brugbar indstilling.",
            "Kurset handlede om at koordinere indsatser fra mange forvaltninger i én plan.",
        ],
        use_for: &[
            "Tjeklisten til sagsforberedelse kan bruges af alle, der sender sager til teamet.",
        ],
        takeaways: &[
            "- Borgerens egen beskrivelse skal med",
            "- Én plan på tværs af forvaltninger",
            "- Skriv kort og konkret til teamet",
        ],
    },
    Topic {
        skills: &["Kommunikation med tolk", "Integrationsprogrammet"],
        titles: &[
            (Kursus, "Kursus i samtaler med tolk"),
            (Temadag, "Temadag: modtagelse af fordrevne fra Ukraine"),
        ],
        providers: &["KL", "Sølvsted Kommune"],
        units: &["Integration", "Borgerservice", "Myndighed", "Sundhedsplejen", "Familiebehandling"],
        learned: &[
            "Vi øvede samtaler med tolk og talte om, hvordan man placerer sig og taler direkte til borgeren.",
            "Dagen gav overblik over de særlige regler for fordrevne og de tilbud, vi har lokalt.",
        ],
        use_for: &[
            "Pointerne gælder alle, der holder samtaler med borgere, som ikke taler dansk.",
        ],
        takeaways: &[
            "- Tal til borgeren, ikke til tolken",
            "- Brug korte sætninger og hold pauser",
            "- Brug aldrig børn som tolke",
            "- Bestil videotolk, hvis det haster",
        ],
    },
    Topic {
        skills: &["Æresrelaterede konflikter", "Vold i nære relationer"],
        titles: &[
            (Temadag, "Temadag om æresrelaterede konflikter og negativ social kontrol"),
            (Kursus, "Kursus: vold i nære relationer – når børn er vidner"),
        ],
        providers: &["Socialstyrelsen", "Dansk Socialrådgiverforening"],
        units: &["Myndighed", "Ungeenheden", "Integration", "Skoler", "Familiebehandling"],
        learned: &[
            "Vi fik gennemgået tegnene på negativ social kontrol og de særlige risici i æresrelaterede sager.",
            "Kurset handlede om børn, der vokser op med vold, og om hvordan vi taler med dem om det.",
        ],
        use_for: &[
            "Risikovurderingsværktøjet kan bruges i akutte sager, også uden for åbningstid.",
        ],
        takeaways: &[
            "- Mægling kan være farligt i æresrelaterede sager",
            "- Tal med den unge alene",
            "- Kend den nationale rådgivning og krisecentrene",
        ],
    },
    Topic {
        skills: &["Amning", "Efterfødselsreaktioner", "Hjemmebesøg"],
        titles: &[
            (Konference, "Sundhedsplejerskernes landskonference"),
            (Kursus, "Kursus i efterfødselsreaktioner hos fædre"),
            (Temadag, "Temadag: amning og de første uger"),
        ],
        providers: &["Dansk Sygeplejeråd", "Sundhedsstyrelsen"],
        units: &["Sundhedsplejen"],
        learned: &[
            "Konferencen havde oplæg om de nye anbefalinger for spædbørn og om tidlig udskrivelse efter fødsel.",
            "Vi lærte at screene fædre for efterfødselsreaktioner, som ofte ser anderledes ud end hos mødre.",
            "Der var fokus på ammeproblemer de første uger og hvordan vi støtter uden at presse.",
        ],
        use_for: &[
            "Screeningsredskabet er nemt at tage med på hjemmebesøg.",
        ],
        takeaways: &[
            "- Spørg også far, hvordan han har det",
            "- Tidlig støtte til amning gør en forskel",
            "- Efterfødselsreaktioner kan komme sent",
        ],
    },
    Topic {
        skills: &["Sårbare gravide", "Tidlig opsporing"],
        titles: &[(Temadag, "Temadag om sårbare gravide og det tværfaglige samarbejde")],
        providers: &["Sundhedsstyrelsen", "Sølvsted Kommune"],
        units: &["Sundhedsplejen", "Myndighed", "Familiebehandling"],
        learned: &[
            "Jordemødre, sundhedsplejersker og rådgivere gennemgik sammen forløbet for sårbare gravide fra første scanning.",
        ],
        use_for: &[
            "Aftalen om, hvem der gør hvad, ligger nu klar til alle i Børn og Familie.",
        ],
        takeaways: &[
            "- Start samarbejdet før fødslen",
            "- Én fælles plan for familien",
            "- Husk den gravides egne ønsker",
        ],
    },
    Topic {
        skills: &["Demens", "Pårørendesamarbejde"],
        titles: &[
            (Kursus, "Demenskursus for hjemmeplejen"),
            (Konference, "Den nationale demenskonference"),
            (Uddannelse, "Diplommodul i demens"),
        ],
        providers: &["Nationalt Videnscenter for Demens", "Professionshøjskolen Absalon"],
        units: &["Hjemmeplejen", "Træning", "Visitation"],
        learned: &[
            "Vi lærte om de forskellige demenssygdomme og om at forstå uro og udadreagerende adfærd.",
            "Konferencen havde fokus på pårørende, der ofte bliver syge af at være omsorgsgivere.",
        ],
        use_for: &[
            "Redskaberne kan bruges i hjemmeplejen, på plejecentrene og af visitatorerne.",
        ],
        takeaways: &[
            "- Adfærd er kommunikation",
            "- Pårørende har brug for aflastning i tide",
            "- Kend borgerens livshistorie",
        ],
    },
    Topic {
        skills: &["Hverdagsrehabilitering", "Genoptræning"],
        titles: &[
            (Temadag, "Temadag: hverdagsrehabilitering der virker"),
            (Kursus, "Kursus i rehabiliterende tilgang for hjemmeplejen"),
        ],
        providers: &["Ergoterapeutforeningen", "Danske Fysioterapeuter", "KL"],
        units: &["Træning", "Hjemmeplejen", "Visitation"],
        learned: &[
            "Vi så eksempler på forløb, hvor borgeren igen kunne klare sin personlige pleje selv.",
            "Kurset handlede om at sætte mål sammen med borgeren i stedet for at gøre tingene for ham eller hende.",
        ],
        use_for: &[
            "Målsætningsredskabet kan bruges af både terapeuter og hjemmepleje.",
        ],
        takeaways: &[
            "- Hænderne på ryggen",
            "- Mål, der giver mening for borgeren",
            "- Tæt samarbejde mellem terapeut og hjemmepleje",
        ],
    },
    Topic {
        skills: &["Faldforebyggelse"],
        titles: &[(Kursus, "Kursus i faldforebyggelse og screening")],
        providers: &["Danske Fysioterapeuter", "Sundhedsstyrelsen"],
        units: &["Træning", "Hjemmeplejen", "Forebyggelse"],
        learned: &[
            "Vi lærte at bruge screeningsredskaberne og gennemgik risikofaktorer som medicin, syn og svimmelhed.",
        ],
        use_for: &[
            "Hjemmeplejen kan bruge den korte screening ved almindelige besøg.",
        ],
        takeaways: &[
            "- Et fald er ofte et symptom",
            "- Styrke- og balancetræning virker",
            "- Tjek medicinen",
        ],
    },
    Topic {
        skills: &["Palliation"],
        titles: &[
            (Uddannelse, "Diplommodul i palliation"),
            (Temadag, "Temadag om palliativ pleje i eget hjem"),
        ],
        providers: &["Professionshøjskolen Absalon", "VIA University College"],
        units: &["Sygeplejen", "Hjemmeplejen"],
        learned: &[
            "Modulet gennemgik symptomlindring, samtaler om døden og støtte til de pårørende.",
            "Temadagen handlede om samarbejdet med egen læge og det palliative team.",
        ],
        use_for: &[
            "Samtaleguiden kan bruges af alle, der møder borgere i den sidste tid.",
        ],
        takeaways: &[
            "- Tag samtalen om ønsker til den sidste tid i god tid",
            "- Pårørende skal også have omsorg",
            "- Brug det palliative team tidligt",
        ],
    },
    Topic {
        skills: &["Sårpleje", "Medicinhåndtering"],
        titles: &[
            (Kursus, "Sårkursus for hjemmesygeplejen"),
            (Kursus, "Kursus i sikker medicinhåndtering"),
        ],
        providers: &["Dansk Sygeplejeråd", "Sølvsted Kommune"],
        units: &["Sygeplejen", "Hjemmeplejen", "Rusmiddelcentret"],
        learned: &[
            "Vi gennemgik de almindeligste sårtyper, valg af bandager og hvornår et sår skal vurderes af lægen.",
            "Kurset handlede om utilsigtede hændelser med medicin og om at dobbelttjekke dosisdispensering.",
        ],
        use_for: &[
            "Sårguiden er hængt op i alle hjemmeplejegrupper.",
        ],
        takeaways: &[
            "- Tag billeder af såret ved hver skift",
            "- Rapportér utilsigtede hændelser – det er læring",
            "- Dobbelttjek ved ændringer i medicinlisten",
        ],
    },
    Topic {
        skills: &["Mental sundhed", "Sundhedsfremme"],
        titles: &[
            (Kursus, "Kursus: ABC for mental sundhed"),
            (Konference, "Folkesundhedskonferencen"),
        ],
        providers: &["Sundhedsstyrelsen", "Psykiatrifonden"],
        units: &["Forebyggelse", "Sundhedsplejen", "Socialpsykiatri", "Fritid"],
        learned: &[
            "Vi fik præsenteret ABC-principperne – gør noget aktivt, gør noget sammen, gør noget meningsfuldt.",
            "Konferencen satte fokus på unges mentale sundhed og på ensomhed blandt ældre.",
        ],
        use_for: &[
            "Principperne kan bruges i samarbejde med foreningerne og i vores egne tilbud.",
        ],
        takeaways: &[
            "- Gør noget aktivt, sammen og meningsfuldt",
            "- Fællesskaber forebygger",
            "- Civilsamfundet er en vigtig partner",
        ],
    },
    Topic {
        skills: &["Rygestop", "Sundhedssamtaler"],
        titles: &[(Uddannelse, "Rygestopinstruktøruddannelsen")],
        providers: &["Sundhedsstyrelsen", "VIA University College"],
        units: &["Forebyggelse", "Rusmiddelcentret", "Sygeplejen"],
        learned: &[
            "Uddannelsen gav os redskaber til at køre rygestopforløb for grupper og enkeltpersoner.",
        ],
        use_for: &[
            "Alle kan henvise borgere til rygestop i Sundhedshuset.",
        ],
        takeaways: &[
            "- Nikotinerstatning fordobler chancen",
            "- Tilbagefald er en del af processen",
            "- Spørg altid til rygning",
        ],
    },
    Topic {
        skills: &["Recovery", "Psykisk sårbarhed"],
        titles: &[
            (Temadag, "Temadag: recovery i bostøtten"),
            (Konference, "Socialpsykiatrikonferencen"),
        ],
        providers: &["Socialstyrelsen", "KL"],
        units: &["Socialpsykiatri", "Voksenmyndighed", "Rusmiddelcentret"],
        learned: &[
            "Vi hørte borgere fortælle om deres vej til recovery og om, hvad medarbejderne betød undervejs.",
            "Konferencen præsenterede erfaringer med peer-medarbejdere i bostøtten.",
        ],
        use_for: &[
            "Pointerne kan bruges til at tilrettelægge bostøtten mere ud fra borgerens egne mål.",
        ],
        takeaways: &[
            "- Håb er en behandlingsfaktor",
            "- Borgeren er ekspert i eget liv",
            "- Peer-støtte virker",
        ],
    },
    Topic {
        skills: &["Selvmordsforebyggelse"],
        titles: &[(Kursus, "Kursus i selvmordsforebyggelse for frontpersonale")],
        providers: &["Psykiatrifonden", "Sundhedsstyrelsen"],
        units: &["Socialpsykiatri", "Rusmiddelcentret", "Ungeenheden", "Jobcenter"],
        learned: &[
            "Vi trænede den direkte samtale om selvmordstanker og hvad man gør bagefter.",
        ],
        use_for: &[
            "Alle, der har borgerkontakt, kan have gavn af at kende de tre spørgsmål og den lokale beredskabsplan.",
        ],
        takeaways: &[
            "- Spørg direkte til selvmordstanker",
            "- Lad aldrig en borger i akut fare være alene",
            "- Kend telefonnumrene til akutpsykiatrien",
        ],
    },
    Topic {
        skills: &["Dobbeltdiagnoser", "Alkoholbehandling"],
        titles: &[
            (Konference, "Rusmiddelkonferencen"),
            (Kursus, "Kursus i behandling af borgere med dobbeltdiagnoser"),
        ],
        providers: &["Center for Rusmiddelforskning", "Socialstyrelsen"],
        units: &["Rusmiddelcentret", "Socialpsykiatri"],
        learned: &[
            "Vi fik viden om samtidig behandling af rusmiddelproblemer og psykisk sygdom.",
            "Konferencen havde oplæg om alkohol i familier og de børn, der vokser op med det.",
        ],
        use_for: &[
            "Samarbejdsaftalen med psykiatrien er blevet tydeligere efter kurset.",
        ],
        takeaways: &[
            "- Behandl samtidigt, ikke efter tur",
            "- Spørg til børnene i familien",
            "- Ingen forkert dør",
        ],
    },
    Topic {
        skills: &["Housing First", "Skadesreduktion"],
        titles: &[(Temadag, "Temadag om Housing First og hjemløshed")],
        providers: &["Socialstyrelsen", "KL"],
        units: &["Socialpsykiatri", "Rusmiddelcentret", "Voksenmyndighed"],
        learned: &[
            "Dagen gennemgik Housing First-principperne og erfaringer med bostøtte i egen bolig.",
        ],
        use_for: &[
            "Der var gode ideer til samarbejde med boligselskaberne om de hjemløse borgere.",
        ],
        takeaways: &[
            "- Bolig først, så resten",
            "- Bostøtten skal følge borgeren",
            "- Skadesreduktion redder liv",
        ],
    },
    Topic {
        skills: &["VUM", "Serviceloven"],
        titles: &[(Kursus, "VUM-kursus for myndighedsrådgivere")],
        providers: &["Socialstyrelsen", "Ankestyrelsen"],
        units: &["Voksenmyndighed", "Socialpsykiatri"],
        learned: &[
            "Vi gennemgik Voksenudredningsmetoden og de typiske fejl i afgørelser om hjælp efter serviceloven.",
        ],
        use_for: &[
            "Kollegaer i socialpsykiatrien kan bruge udredningen i deres egen dokumentation.",
        ],
        takeaways: &[
            "- Beskriv funktionsevnen konkret",
            "- Borgerens mål skal være tydelige",
            "- Husk partshøring",
        ],
    },
    Topic {
        skills: &["Magtanvendelse", "Udviklingshæmning"],
        titles: &[(Temadag, "Temadag om reglerne for magtanvendelse")],
        providers: &["Socialstyrelsen", "Sølvsted Kommune"],
        units: &["Egebo", "Heldagsskolen", "Voksenmyndighed"],
        learned: &[
            "Vi gennemgik reglerne om magtanvendelse og indberetning og så eksempler fra tilsynet.",
        ],
        use_for: &[
            "Det er vigtigt, at alle faste og vikarer kender reglerne.",
        ],
        takeaways: &[
            "- Forebyggelse frem for magt",
            "- Indberet altid – det er læring",
            "- Tal om episoderne i personalegruppen",
        ],
    },
    Topic {
        skills: &["Forvaltningsret", "Journalisering"],
        titles: &[
            (Kursus, "Forvaltningsret for sagsbehandlere"),
            (Kursus, "God journalisering – kursus for nye medarbejdere"),
        ],
        providers: &["Sølvsted Kommune", "Ankestyrelsen", "KL"],
        units: &["Myndighed", "Jobcenter", "Voksenmyndighed", "Borgerservice", "Sekretariat"],
        learned: &[
            "Vi gennemgik partshøring, begrundelse, vejledning og notatpligt med eksempler fra egne sager.",
            "Kurset handlede om, hvad der skal journaliseres, og hvordan man skriver et notat, der kan bruges senere.",
        ],
        use_for: &[
            "Eksemplerne kan bruges til oplæring af nye kolleger.",
        ],
        takeaways: &[
            "- Skriv notater, som borgeren kan læse",
            "- Partshøring før afgørelse",
            "- Begrundelsen skal kunne stå alene",
        ],
    },
    Topic {
        skills: &["GDPR", "Aktindsigt"],
        titles: &[
            (Temadag, "Temadag om databeskyttelse i socialt arbejde"),
            (Kursus, "Kursus i aktindsigt og tavshedspligt"),
        ],
        providers: &["Sølvsted Kommune", "KL"],
        units: &["Jura", "Sekretariat", "Myndighed", "Jobcenter", "Digitalisering"],
        learned: &[
            "Vi gennemgik, hvornår man må udveksle oplysninger, og hvordan man håndterer et sikkerhedsbrud.",
            "Kurset handlede om aktindsigt i sager med flere parter og om undtagelser.",
        ],
        use_for: &[
            "Beslutningstræet for videregivelse af oplysninger er godt at have ved hånden.",
        ],
        takeaways: &[
            "- Brug sikker mail ved følsomme oplysninger",
            "- Anmeld brud inden for 72 timer",
            "- Aktindsigt skal behandles inden for 7 arbejdsdage",
        ],
    },
    Topic {
        skills: &["Klarsprog"],
        titles: &[(Kursus, "Klarsprog i afgørelser og breve")],
        providers: &["Sølvsted Kommune", "Professionshøjskolen Absalon"],
        units: &["Myndighed", "Jobcenter", "Borgerservice", "Ydelser"],
        learned: &[
            "Vi omskrev vores egne standardbreve og fik dem gennemlæst af borgere.",
        ],
        use_for: &[
            "De nye skabeloner ligger i fagsystemet og kan bruges af alle.",
        ],
        takeaways: &[
            "- Skriv det vigtigste først",
            "- Brug 'du' og 'vi'",
            "- Korte sætninger og ingen paragraffer i brødteksten",
        ],
    },
    Topic {
        skills: &["Kunstig intelligens", "Digitalisering"],
        titles: &[
            (Konference, "Digitaliseringskonferencen"),
            (Temadag, "Temadag: kunstig intelligens i sagsbehandlingen"),
        ],
        providers: &["KL", "Sølvsted Kommune"],
        units: &["Digitalisering", "Sekretariat", "Jobcenter", "Myndighed"],
        learned: &[
            "Vi så eksempler på kommuner, der bruger sprogmodeller til at opsummere journaler og skrive udkast.",
            "Der var meget fokus på jura, datasikkerhed og på, at fagligheden ikke må overlades til maskinen.",
        ],
        use_for: &[
            "Vi kan bruge erfaringerne i vores eget forsøg med talegenkendelse til journalnotater.",
        ],
        takeaways: &[
            "- Start småt og mål på gevinsten",
            "- Mennesket træffer afgørelsen",
            "- Inddrag databeskyttelsesrådgiveren fra start",
        ],
    },
    Topic {
        skills: &["Faglig ledelse", "Forandringsledelse"],
        titles: &[
            (Uddannelse, "Diplommodul i ledelse af forandringer"),
            (Konference, "Lederkonferencen om faglig ledelse"),
        ],
        providers: &["VIA University College", "Professionshøjskolen Absalon", "KL"],
        units: &[],
        learned: &[
            "Modulet gav teori og redskaber til at lede forandringer, som medarbejderne ikke selv har valgt.",
            "Konferencen satte fokus på faglig ledelse tæt på praksis og på ledelse af fagprofessionelle.",
        ],
        use_for: &[
            "Redskaberne kan bruges af alle ledere og koordinatorer.",
        ],
        takeaways: &[
            "- Skab mening før forandring",
            "- Vær tæt på kerneopgaven",
            "- Involver tidligt",
        ],
    },
    Topic {
        skills: &["Psykisk arbejdsmiljø", "Håndtering af trusler"],
        titles: &[
            (Kursus, "Kursus i håndtering af vold og trusler"),
            (Temadag, "Arbejdsmiljødag: psykisk arbejdsmiljø i velfærdsfagene"),
        ],
        providers: &["Sølvsted Kommune", "KL"],
        units: &["Borgerservice", "Jobcenter", "Socialpsykiatri", "Rusmiddelcentret", "HR"],
        learned: &[
            "Vi øvede, hvordan man aflæser en optrappende situation og trækker sig i tide.",
            "Dagen handlede om arbejdspres, følelsesmæssige krav og kollegial støtte.",
        ],
        use_for: &[
            "Beredskabsplanen er blevet opdateret, og alle arbejdspladser bør gennemgå den.",
        ],
        takeaways: &[
            "- Sid tættest på døren",
            "- Registrér alle episoder",
            "- Sørg for kollegial opfølgning samme dag",
        ],
    },
    Topic {
        skills: &["Facilitering", "Projektledelse"],
        titles: &[
            (Kursus, "Kursus i facilitering af møder og workshops"),
            (Kursus, "Projektledelse i den offentlige sektor"),
        ],
        providers: &["Professionshøjskolen Absalon", "Københavns Professionshøjskole"],
        units: &["Sekretariat", "Digitalisering", "HR", "Forebyggelse", "Fritid"],
        learned: &[
            "Vi fik en værktøjskasse med metoder til at planlægge og lede møder, hvor alle kommer til orde.",
            "Kurset gennemgik projektets faser, interessentanalyse og hvordan man styrer uden at have ledelsesretten.",
        ],
        use_for: &[
            "Metoderne kan bruges til netværksmøder, teamdage og borgermøder.",
        ],
        takeaways: &[
            "- Formålet først",
            "- Planlæg mødet i tidsbokse",
            "- Afslut altid med aftaler og ansvarlige",
        ],
    },
    Topic {
        skills: &["Fritidspas", "Foreningsliv", "Frivillighed"],
        titles: &[(Temadag, "Temadag: udsatte børn i foreningslivet")],
        providers: &["Sølvsted Kommune", "KL"],
        units: &["Fritid", "SSP", "Myndighed", "Ungdomsskolen"],
        learned: &[
            "Foreninger og kommune delte erfaringer med at få udsatte børn ind og blive i foreningslivet.",
        ],
        use_for: &[
            "Rådgivere kan bruge fritidspasset som en del af indsatsen for et barn.",
        ],
        takeaways: &[
            "- En voksen, der følger med første gang, gør forskellen",
            "- Udstyr og kontingent må ikke være en barriere",
            "- Træn foreningernes frivillige i at tage imod",
        ],
    },
    Topic {
        skills: &["Læsefremme"],
        titles: &[(Temadag, "Temadag om læselyst hos børn")],
        providers: &["Sølvsted Kommune", "Danmarks Evalueringsinstitut"],
        units: &["Bibliotekerne", "Dagtilbud", "Skoler"],
        learned: &[
            "Vi fik inspiration til højtlæsning og dialogisk læsning for familier, hvor der ikke læses meget derhjemme.",
        ],
        use_for: &[
            "Biblioteket låner gerne bogkasser ud til dagtilbud og sundhedspleje.",
        ],
        takeaways: &[
            "- Læs sammen, ikke for",
            "- Bøger på modersmålet tæller også",
            "- Start allerede i vuggestuen",
        ],
    },
    Topic {
        skills: &["Borgerbetjening", "Digital selvbetjening"],
        titles: &[
            (Kursus, "Kursus i den svære borgersamtale ved skranken"),
            (Temadag, "Temadag om digital inklusion"),
        ],
        providers: &["Sølvsted Kommune", "KL"],
        units: &["Borgerservice", "Bibliotekerne"],
        learned: &[
            "Vi trænede samtaler med frustrerede borgere og lærte at sætte grænser venligt.",
            "Dagen handlede om de borgere, der ikke kan bruge MitID og digital post, og hvordan vi hjælper dem.",
        ],
        use_for: &[
            "Pointerne er relevante for alle med telefon- og skrankevagt.",
        ],
        takeaways: &[
            "- Anerkend frustrationen, før du forklarer",
            "- Fritagelse for digital post er en mulighed",
            "- Hjælp til selvhjælp – men ikke for enhver pris",
        ],
    },
    Topic {
        skills: &["Økonomistyring", "Budgetopfølgning"],
        titles: &[
            (Temadag, "Temadag om økonomistyring på det specialiserede socialområde"),
            (Kursus, "Budgetkursus for ledere"),
        ],
        providers: &["KL", "Sølvsted Kommune"],
        units: &["Økonomi", "Sekretariat"],
        learned: &[
            "Vi gennemgik, hvordan man kobler faglige beslutninger og økonomi på anbringelsesområdet.",
            "Kurset handlede om budgetopfølgning, prognoser og hvordan man læser en afvigelse.",
        ],
        use_for: &[
            "Ledere kan bruge regnearket fra kurset til deres månedlige opfølgning.",
        ],
        takeaways: &[
            "- Følg op månedligt, ikke kvartalsvis",
            "- Faglighed og økonomi hører sammen",
            "- Forklar afvigelser med aktivitet",
        ],
    },
    Topic {
        skills: &["Ungdomskriminalitetsnævnet", "Kriminalitetsforebyggelse"],
        titles: &[(Temadag, "Temadag om Ungdomskriminalitetsnævnet og forbedringsforløb")],
        providers: &["Det Kriminalpræventive Råd", "Ankestyrelsen"],
        units: &["Team 13-17 år", "Ungeenheden", "SSP"],
        learned: &[
            "Vi gennemgik forløbet fra politiets henvisning til nævnets afgørelse og kommunens ansvar for forbedringsforløbet.",
        ],
        use_for: &[
            "Det er nyttigt for alle, der samarbejder med unge i forbedringsforløb.",
        ],
        takeaways: &[
            "- Forbered den unge grundigt på mødet",
            "- Forbedringsforløbet skal være konkret",
            "- Tæt koordinering med SSP og skole",
        ],
    },
    Topic {
        skills: &["Børnesamtaler", "Barnets lov"],
        titles: &[
            (Kursus, "Kursus i samtaler med børn"),
            (Kursus, "Børnesamtaler – når barnet ikke vil tale"),
        ],
        providers: &["VIA University College", "Socialstyrelsen"],
        units: &["Myndighed", "Familiebehandling", "PPR"],
        learned: &[
            "Vi øvede samtaler med børn i forskellige aldre og brugte tegning og legetøj som hjælpemidler.",
            "Kurset handlede om børn, der er loyale over for deres forældre og derfor ikke vil fortælle.",
        ],
        use_for: &[
            "Samtalekortene kan lånes af alle, der taler med børn.",
        ],
        takeaways: &[
            "- Tal om noget andet først",
            "- Lad barnet bestemme tempoet",
            "- Fortæl barnet, hvad der sker med det, han eller hun siger",
        ],
    },
    Topic {
        skills: &["Sorg og krise"],
        titles: &[(Temadag, "Temadag om børn i sorg")],
        providers: &["Det Nationale Sorgcenter"],
        units: &["Skoler", "Sundhedsplejen", "Familiebehandling", "Dagtilbud"],
        learned: &[
            "Vi lærte om børns sorgreaktioner i forskellige aldre og om, hvornår sorg bliver kompliceret.",
        ],
        use_for: &[
            "Skolerne kan bruge pointerne til at opdatere deres sorgplaner.",
        ],
        takeaways: &[
            "- Børn sorger i spring",
            "- Sig tingene, som de er",
            "- Hav en sorgplan klar, før der sker noget",
        ],
    },
    Topic {
        skills: &["Tale- og sprogvanskeligheder", "Høretab"],
        titles: &[(Temadag, "Temadag om børn med høretab og sprogvanskeligheder")],
        providers: &["Professionshøjskolen Absalon", "Sølvsted Kommune"],
        units: &["PPR", "Dagtilbud"],
        learned: &[
            "Vi fik ny viden om cochlear implant og om sproglig udvikling hos børn med høretab.",
        ],
        use_for: &[
            "Dagtilbuddene kan bruge rådene om akustik og placering i samling.",
        ],
        takeaways: &[
            "- Lydmiljøet betyder meget",
            "- Sig barnets navn før du taler",
            "- Samarbejd med audiologisk afdeling",
        ],
    },
    Topic {
        skills: &["Velfærdsteknologi"],
        titles: &[(Temadag, "Temadag om velfærdsteknologi i hjemmeplejen")],
        providers: &["KL", "Sølvsted Kommune"],
        units: &["Hjemmeplejen", "Træning", "Visitation", "Digitalisering"],
        learned: &[
            "Vi så skærmbesøg, vasketoiletter og elektroniske medicindispensere i brug og hørte om erfaringerne.",
        ],
        use_for: &[
            "Visitatorerne kan bruge overblikket, når de vurderer, hvem der kan have gavn af teknologien.",
        ],
        takeaways: &[
            "- Teknologi skal give borgeren mere selvstændighed",
            "- Oplæring er afgørende for succes",
            "- Husk at evaluere efter tre måneder",
        ],
    },
    Topic {
        skills: &["Rekruttering"],
        titles: &[(Kursus, "Kursus i kompetencebaseret rekruttering")],
        providers: &["Sølvsted Kommune", "KL"],
        units: &["HR"],
        learned: &[
            "Vi gennemgik, hvordan man laver en kravprofil, stiller adfærdsbaserede spørgsmål og undgår ubevidst bias.",
        ],
        use_for: &[
            "Interviewguiden kan bruges af alle ledere og ansættelsesudvalg.",
        ],
        takeaways: &[
            "- Kravprofil før stillingsopslag",
            "- Stil de samme spørgsmål til alle kandidater",
            "- Tag referencer med samtykke",
        ],
    },
    Topic {
        skills: &["Pædagogisk-psykologisk vurdering (PPV)", "Specialundervisning"],
        titles: &[(Kursus, "Kursus i at skrive pædagogisk-psykologiske vurderinger")],
        providers: &["Professionshøjskolen UCN", "Sølvsted Kommune"],
        units: &["PPR"],
        learned: &[
            "Vi gennemgik kravene til en PPV og skrev om i vores egne vurderinger, så de blev kortere og mere handlingsrettede.",
        ],
        use_for: &[
            "Skolerne vil opleve vurderinger, der er lettere at omsætte til undervisning.",
        ],
        takeaways: &[
            "- Skriv til læreren, ikke til kollegaen",
            "- Konkrete anbefalinger frem for diagnoser",
            "- Barnets og forældrenes perspektiv skal med",
        ],
    },
    Topic {
        skills: &["Kognitiv adfærdsterapi", "Angst hos børn og unge"],
        titles: &[
            (Uddannelse, "Uddannelse i kognitiv adfærdsterapi"),
            (Kursus, "Kursus i gruppeforløb for børn med angst"),
        ],
        providers: &["Psykiatrifonden", "Københavns Professionshøjskole"],
        units: &["PPR", "Rusmiddelcentret", "Familiebehandling", "Socialpsykiatri"],
        learned: &[
            "Uddannelsen gennemgik den kognitive model, eksponering og adfærdseksperimenter.",
            "Kurset gav et manualbaseret gruppeforløb for børn med angst og deres forældre.",
        ],
        use_for: &[
            "Vi kan nu tilbyde gruppeforløb lokalt i stedet for at henvise.",
        ],
        takeaways: &[
            "- Undgåelse vedligeholder angsten",
            "- Små skridt og mange gentagelser",
            "- Forældrene skal med i forløbet",
        ],
    },
    Topic {
        skills: &["Erhvervet hjerneskade", "Genoptræning"],
        titles: &[(Temadag, "Temadag om hjerneskaderehabilitering")],
        providers: &["Ergoterapeutforeningen", "Danske Fysioterapeuter"],
        units: &["Træning", "Voksenmyndighed", "Egebo"],
        learned: &[
            "Vi fik indblik i forløbet fra sygehus til kommune og de usynlige følger som træthed og nedsat overblik.",
        ],
        use_for: &[
            "Sagsbehandlere i jobcenter og voksenmyndighed kan bruge viden om de usynlige følger i deres vurderinger.",
        ],
        takeaways: &[
            "- Hjernetræthed er reel og skal planlægges efter",
            "- Én koordinator gennem hele forløbet",
            "- Pårørende har brug for viden",
        ],
    },
];
